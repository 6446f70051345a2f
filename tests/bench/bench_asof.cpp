// "As of" benchmark: a registry of 1,000 processors (a fifth of them
// sub-processors) with 100,000 audit entries of edits over 30 days. Prints
// the time to read the current registry, the time to rebuild it as of a
// past day (early: nearly every processor changed since; late: a few did)
// and their ratio (target: at most 5x), then each annex format written
// from the rebuilt registry (target: under 500 ms each). Medians of five.
#include "export/AnnexWriter.h"
#include "services/AsOfService.h"
#include "storage/Repository.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <functional>

using namespace workbench;

namespace {

double medianMs(int runs, const std::function<bool()>& work)
{
    QList<double> times;
    for (int r = 0; r < runs; ++r) {
        QElapsedTimer t;
        t.start();
        if (!work())
            return -1;
        times << double(t.nsecsElapsed()) / 1e6;
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

} // namespace

int main(int argc, char* argv[])
{
    QGuiApplication app(argc, argv);
    const int count = argc > 1 ? std::atoi(argv[1]) : 1000;
    const int entries = argc > 2 ? std::atoi(argv[2]) : 100000;
    QTemporaryDir dir;
    auto opened = Workspace::open(dir.filePath(QStringLiteral("asof.sqlite")));
    if (!opened) {
        std::fprintf(stderr, "bench: %s\n", qPrintable(opened.error()));
        return 1;
    }
    Workspace& ws = *opened.value();
    const QTimeZone zone = QTimeZone::systemTimeZone();
    const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-31);
    QDateTime clock = start;
    ws.setClock([&clock] { return clock; });

    QElapsedTimer setup;
    setup.start();
    Organization org;
    org.id = QStringLiteral("org");
    org.name = QStringLiteral("Bench GmbH");
    QList<Processor> processors;
    Status s = ws.database().transaction([&]() -> Status {
        if (auto saved = ws.save(org, QStringLiteral("org")); !saved)
            return saved;
        for (int i = 0; i < count; ++i) {
            Processor p;
            p.id = QStringLiteral("p%1").arg(i, 5, 10, QLatin1Char('0'));
            p.name = QStringLiteral("Vendor %1").arg(i);
            p.legalEntity = QStringLiteral("Vendor %1 Ltd.").arg(i);
            p.address = QStringLiteral("%1 Main Street, Dublin").arg(i);
            p.contact = QStringLiteral("privacy@vendor%1.example").arg(i);
            p.service = QStringLiteral("Hosting, e-mail and analytics, line %1").arg(i);
            p.purposes = {QStringLiteral("hosting"), QStringLiteral("support")};
            p.dataCategories = {QStringLiteral("user.contact.email"), QStringLiteral("user.name")};
            p.dataSubjects = {QStringLiteral("customer")};
            p.locations = {QStringLiteral("DE"),
                           i % 3 ? QStringLiteral("US") : QStringLiteral("IE")};
            p.transferMechanism = i % 4 ? TransferMechanism::Scc : TransferMechanism::None;
            p.dpaStatus = i % 5 ? DpaStatus::Signed : DpaStatus::Requested;
            p.organizationIds = {org.id};
            if (i % 5 == 4)
                p.parentId = processors.at(i - 1).id; // a sub-processor
            if (auto saved = ws.save(p, QStringLiteral("add")); !saved)
                return saved;
            processors << p;
        }
        return {};
    });
    // The edits: spread over 30 days, in transactions of a thousand, each
    // written as the Workspace writes a save (the record, then its entry
    // with before and after), with one store for all (the Workspace's
    // lookup of the stored "before" per save would make the set-up, not
    // the figures, slow).
    const qint64 step = 30LL * 86400 * 1000 / std::max(1, entries);
    quint32 seed = 42;
    Repository<Processor> repo(ws.database());
    for (int done = 0; s && done < entries; done += 1000) {
        s = ws.database().transaction([&]() -> Status {
            for (int e = done; e < std::min(entries, done + 1000); ++e) {
                seed = seed * 1664525u + 1013904223u;
                Processor& p = processors[int(seed >> 8) % processors.size()];
                AuditEntry entry;
                entry.before = p.toJson();
                p.contact = QStringLiteral("privacy+%1@vendor.example").arg(e);
                if (e % 3 == 0)
                    p.address = QStringLiteral("%1 Side Street, Cork").arg(e);
                clock = clock.addMSecs(step);
                if (auto saved = repo.save(p); !saved)
                    return saved;
                entry.after = p.toJson();
                entry.at = clock;
                entry.actor = QStringLiteral("bench");
                entry.action = QStringLiteral("update");
                entry.recordType = Repository<Processor>::resource();
                entry.recordId = p.id;
                entry.summary = QStringLiteral("edit");
                if (auto appended = AuditLog::append(ws.database(), entry); !appended)
                    return appended;
            }
            return {};
        });
    }
    if (!s) {
        std::fprintf(stderr, "bench: %s\n", qPrintable(s.error()));
        return 1;
    }
    std::printf("as-of: %d processors, %lld audit entries (written in %.1f s)\n", count,
                ws.auditHead().value().seq, double(setup.elapsed()) / 1000);

    const AsOfService asOf(ws, zone);
    const double current = medianMs(5, [&] { return bool(ws.processors(org.id)); });
    std::printf("  current registry read      %8.1f ms\n", current);
    const QDate firstDay = start.toTimeZone(zone).date();
    QList<Processor> rebuilt;
    for (const auto& [label, day] :
         {std::pair{"early (day 2 of 31)", firstDay.addDays(1)},
          std::pair{"late (yesterday)", QDate::currentDate().addDays(-1)}}) {
        const double ms = medianMs(5, [&, d = day] {
            auto r = asOf.processors(d, org.id);
            if (!r) {
                std::fprintf(stderr, "bench: %s\n", qPrintable(r.error()));
                return false;
            }
            rebuilt = std::move(r).value();
            return true;
        });
        std::printf("  as of %-21s%8.1f ms   %.2fx the current read (target <= 5x), %lld "
                    "processors\n",
                    label, ms, ms / current, qsizetype(rebuilt.size()) + 0LL);
    }

    std::printf("  annex of the rebuilt registry (as of yesterday), per format:\n");
    for (const char* name : {"xlsx", "docx", "odt", "pdf", "csv", "md", "html", "json"}) {
        const AnnexFormat format = *annexFormatFromName(QString::fromLatin1(name));
        const double ms = medianMs(3, [&] {
            AnnexTable table =
                buildAnnex(AnnexLayout::SccProcessor, org, rebuilt, QDate::currentDate());
            markAsOf(table, QDate::currentDate().addDays(-1));
            return bool(writeAnnex(table, format,
                                   dir.filePath(QStringLiteral("annex.") + QLatin1String(name))));
        });
        std::printf("    %-6s %8.1f ms   (target < 500)\n", name, ms);
    }
    return 0;
}
