// Export benchmark: the annex of 1,000 processors in every format. Target:
// each under 250 ms. Prints the time per format (median of three).
#include "export/AnnexWriter.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>

using namespace workbench;

int main(int argc, char* argv[])
{
    QGuiApplication app(argc, argv);
    const int count = argc > 1 ? std::atoi(argv[1]) : 1000;
    Organization org;
    org.id = QStringLiteral("org");
    org.name = QStringLiteral("Bench GmbH");
    QList<Processor> processors;
    const char* cities[] = {"Zürich", "São Paulo", "北京", "Dublin", "Berlin"};
    for (int i = 0; i < count; ++i) {
        Processor p;
        p.id = QStringLiteral("p%1").arg(i);
        p.name = QStringLiteral("Vendor %1").arg(i);
        p.legalEntity = QStringLiteral("Vendor %1 Ltd.").arg(i);
        p.address =
            QStringLiteral("%1 Main Street, %2").arg(i).arg(QString::fromUtf8(cities[i % 5]));
        p.contact = i % 7 ? QStringLiteral("privacy@vendor%1.example").arg(i) : QString();
        p.service = QStringLiteral("Hosting, e-mail and analytics for the product, line %1").arg(i);
        p.purposes = {QStringLiteral("hosting"), QStringLiteral("support")};
        p.dataCategories = {QStringLiteral("user.contact.email"), QStringLiteral("user.name")};
        p.dataSubjects = {QStringLiteral("customer")};
        p.locations = {QStringLiteral("DE"), i % 3 ? QStringLiteral("US") : QStringLiteral("IE")};
        p.transferMechanism = i % 4 ? TransferMechanism::Scc : TransferMechanism::None;
        p.dpaStatus = i % 5 ? DpaStatus::Signed : DpaStatus::Requested;
        p.organizationIds = {org.id};
        processors << p;
    }
    QTemporaryDir dir;
    std::printf("export: the annex of %d processors (median of 3)\n", count);
    for (const char* name : {"xlsx", "docx", "odt", "pdf", "csv", "md", "html", "json"}) {
        const AnnexFormat format = *annexFormatFromName(QString::fromLatin1(name));
        QList<double> runs;
        for (int r = 0; r < 3; ++r) {
            QElapsedTimer t;
            t.start();
            const AnnexTable table =
                buildAnnex(AnnexLayout::SccProcessor, org, processors, QDate::currentDate());
            const Status s = writeAnnex(
                table, format, dir.filePath(QStringLiteral("annex.") + QLatin1String(name)));
            runs << double(t.nsecsElapsed()) / 1e6;
            if (!s) {
                std::fprintf(stderr, "bench: %s: %s\n", name, qPrintable(s.error()));
                return 1;
            }
        }
        std::sort(runs.begin(), runs.end());
        std::printf("  %-6s %8.1f ms   (target < 250)\n", name, runs[1]);
    }
    return 0;
}
