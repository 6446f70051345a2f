#include "TestSupport.h"
#include "policy/PolicyLint.h"
#include "policy/ProcessorCatalogue.h"
#include "services/PolicyService.h"
#include "storage/Workspace.h"

#include <QDir>
#include <QJsonArray>
#include <QTest>

using namespace workbench;
using namespace workbench::policy;
using namespace workbench::test;

namespace {

QString normalizedSpaces(QString s)
{
    return s.simplified();
}

QString describe(const LintReport& report)
{
    QStringList lines;
    for (const Finding& f : report.findings)
        lines << findingKindName(f.kind) + QStringLiteral(": ") + f.message;
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class TestPolicyLint : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_workspace = makeDemoWorkspace(m_dir.path("demo.sqlite"));
        QVERIFY(m_workspace);
    }

    void catalogueIsUsable()
    {
        const ProcessorCatalogue& c = ProcessorCatalogue::builtIn();
        QVERIFY2(c.entries().size() >= 150, qPrintable(QString::number(c.entries().size())));
        QSet<QString> categories;
        for (const CatalogueEntry& e : c.entries()) {
            QVERIFY2(!e.name.isEmpty() && e.website.startsWith("https://"), qPrintable(e.name));
            QVERIFY2(c.category(e.category), qPrintable(e.name + " " + e.category));
            categories << e.category;
        }
        for (const char* needed :
             {"cloud", "payments", "email", "analytics", "auth", "ai", "support", "monitoring"})
            QVERIFY2(categories.contains(QString::fromLatin1(needed)), needed);
        QCOMPARE(c.findByName("sendgrid")->name, QString("SendGrid"));
        Processor p;
        p.name = "Payment processor (unnamed)";
        p.service = "Managed object storage and payment receipts";
        QCOMPARE(c.categoryOf(p), QString("storage"));
    }

    void seedsLintClean_data()
    {
        QTest::addColumn<QString>("seed");
        QTest::addColumn<QString>("org");
        for (const auto& [seed, org] : labelledSeeds())
            QTest::newRow(qPrintable(org)) << seed << org;
    }

    // The ground truth itself: every seed policy has its label file, and no
    // label list the checks below loop over is empty (a loop over an empty
    // list checks nothing and passes).
    void labelFilesAreAllThereAndFull()
    {
        const QString folder = qEnvironmentVariable("PRIVACY_WORKBENCH_LABELS");
        QVERIFY2(QDir(folder).exists(), qPrintable(folder + ": no label folder"));
        const QString seeds = qEnvironmentVariable("PRIVACY_WORKBENCH_SEEDS");
        QStringList labelled, texts;
        for (const auto& [seed, org] : labelledSeeds()) {
            labelled << seed + ".json";
            texts << seed + ".txt";
            const QString problem = seedLabelsProblem(seed);
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }
        QCOMPARE(QDir(folder).entryList({"*.json"}, QDir::Files, QDir::Name), labelled);
        QCOMPARE(QDir(seeds).entryList({"*.txt"}, QDir::Files, QDir::Name), texts);
    }

    void seedsLintClean()
    {
        QFETCH(QString, seed);
        QFETCH(QString, org);
        const QString text = seedText(seed);
        QVERIFY2(!text.isEmpty(), "the seed texts are missing (PRIVACY_WORKBENCH_SEEDS)");
        PolicyService service(*m_workspace);
        auto report = service.lint(org, text);
        QVERIFY_OK(report);
        QVERIFY2(report.value().findings.empty(), qPrintable(describe(report.value())));
    }

    // The extraction against the hand-made ground truth.
    void seedsMatchLabels_data() { seedsLintClean_data(); }
    void seedsMatchLabels()
    {
        QFETCH(QString, seed);
        QFETCH(QString, org);
        const QString text = seedText(seed);
        const QString problem = seedLabelsProblem(seed);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const QJsonObject labels = seedLabels(seed);
        QVERIFY2(!text.isEmpty(), qPrintable(seed + ": no seed text"));
        PolicyService service(*m_workspace);
        auto report = service.lint(org, text);
        QVERIFY_OK(report);
        const Extraction& ex = report.value().extraction;
        auto quoteOf = [&](const TextRange& r) {
            return normalizedSpaces(text.mid(r.pos, r.length));
        };

        // Every clearly named third party is found, by name or alias.
        QStringList foundNames;
        for (const ProcessorMention& m : ex.processors)
            foundNames << m.name << m.matched;
        for (const QJsonValue& tp : labels["third_parties"].toArray()) {
            QStringList names{tp["name"].toString()};
            for (const QJsonValue& a : tp["aliases"].toArray())
                names << a.toString();
            bool found = false;
            for (const QString& n : names)
                found = found || foundNames.contains(n, Qt::CaseInsensitive);
            if (tp["confidence"].toString() == "clear" || tp["name"].toString() == "Google")
                QVERIFY2(found,
                         qPrintable(names.join('/') + " not found in " + foundNames.join(", ")));
        }
        // What is not a third party is not reported as one.
        for (const QJsonValue& n : labels["not_third_parties"].toArray())
            QVERIFY2(!foundNames.contains(n["name"].toString(), Qt::CaseInsensitive),
                     qPrintable(n["name"].toString()));

        // Every stated retention period is found, with its length.
        for (const QJsonValue& r : labels["retention"].toArray()) {
            const QString quote = normalizedSpaces(r["quote"].toString());
            bool found = false;
            for (const RetentionStatement& s : ex.retention) {
                const QString sentence = quoteOf(s.sentence);
                if (!sentence.contains(quote) && !quote.contains(sentence))
                    continue;
                if (r["duration_iso8601"].isNull()) {
                    found = true;
                } else {
                    found = found ||
                            (s.period && s.period->toIso() == r["duration_iso8601"].toString());
                }
            }
            QVERIFY2(found, qPrintable("retention not found: " + quote));
        }
        // Durations that are not retention stay out of the retention list.
        for (const QJsonValue& d : labels["not_retention_durations"].toArray()) {
            const QString quote = normalizedSpaces(d["quote"].toString());
            for (const RetentionStatement& s : ex.retention)
                QVERIFY2(!(s.period && quoteOf(s.sentence).contains(quote)),
                         qPrintable("counted as retention: " + quote));
            if (!d["duration_iso8601"].isNull()) {
                bool found = false;
                for (const OtherDuration& o : ex.otherDurations)
                    found = found || (quoteOf(o.sentence).contains(quote) ||
                                      quote.contains(quoteOf(o.sentence)));
                QVERIFY2(found, qPrintable("not found as another duration: " + quote));
            }
        }
    }

    void appliesToNamesTheData()
    {
        const QString text = seedText("002_edd6c63357ad9813");
        const NameMatcher names({}, nullptr);
        const Extraction ex = extract(text, names, {}, nullptr);
        QStringList subjects;
        for (const RetentionStatement& s : ex.retention)
            if (s.period)
                subjects << s.period->toIso() + "=" + s.appliesTo;
        QVERIFY2(subjects.contains("P30D=live data"), qPrintable(subjects.join(" | ")));
        QVERIFY2(subjects.contains("P30D=Operational logs"), qPrintable(subjects.join(" | ")));
        QVERIFY2(subjects.contains("P7Y=Spend-ledger entries"), qPrintable(subjects.join(" | ")));
        QVERIFY2(subjects.contains("PT72H=account and Your Content"),
                 qPrintable(subjects.join(" | ")));
    }

    void addedProcessorIsTheOnlyFinding()
    {
        QString text = seedText("000_6d4e5a1fbe59a3b1");
        text.replace("- Upstash — job queue (Redis)\n",
                     "- Upstash — job queue (Redis)\n- Mixpanel — product analytics\n");
        PolicyService service(*m_workspace);
        auto report = service.lint("org-labelsets", text);
        QVERIFY_OK(report);
        const auto& findings = report.value().findings;
        QCOMPARE(int(findings.size()), 1);
        QCOMPARE(findings[0].kind, FindingKind::UnknownProcessor);
        QCOMPARE(findings[0].recordId, QString("Mixpanel"));
        QCOMPARE(text.mid(findings[0].sentence.pos, findings[0].sentence.length),
                 QString("Mixpanel — product analytics"));
    }

    // A vendor neither the registry nor the catalogue knows, in the list of
    // service providers: one finding, with its sentence and role.
    void unknownVendorIsTheOnlyFinding()
    {
        QString text = seedText("000_6d4e5a1fbe59a3b1");
        text.replace("- Upstash — job queue (Redis)\n",
                     "- Upstash — job queue (Redis)\n- Quillpay — seller payouts\n");
        PolicyService service(*m_workspace);
        auto report = service.lint("org-labelsets", text);
        QVERIFY_OK(report);
        const auto& findings = report.value().findings;
        QCOMPARE(int(findings.size()), 1);
        QCOMPARE(findings[0].kind, FindingKind::UnknownProcessor);
        QCOMPARE(findings[0].recordId, QString("Quillpay"));
        QCOMPARE(findings[0].recordType, QString("organisation"));
        QVERIFY(findings[0].message.contains("does not hold"));
        QCOMPARE(text.mid(findings[0].sentence.pos, findings[0].sentence.length),
                 QString("Quillpay — seller payouts"));
        // Dismissed for this document, it is gone.
        auto input = service.lintInput("org-labelsets");
        QVERIFY_OK(input);
        LintInput in = input.value();
        in.dismissedNames = {"quillpay"};
        QVERIFY(lintPolicy(text, in).findings.empty());
    }

    void changedPeriodIsTheOnlyFinding()
    {
        QString text = seedText("000_6d4e5a1fbe59a3b1");
        QVERIFY(text.contains("retained for 7 years"));
        text.replace("retained for 7 years", "retained for 5 years");
        PolicyService service(*m_workspace);
        auto report = service.lint("org-labelsets", text);
        QVERIFY_OK(report);
        const auto& findings = report.value().findings;
        QCOMPARE(int(findings.size()), 1);
        QCOMPARE(findings[0].kind, FindingKind::PeriodMismatch);
        QCOMPARE(findings[0].recordId, QString("r-labelsets-transactions"));
        QVERIFY(findings[0].message.contains("5 years"));
    }

    void removedStatementsAndProcessorsAreFound()
    {
        QString text = seedText("001_919cd7db7d5845bb");
        text.remove("Raw analytics events are retained for 90 days. ");
        text.remove("  • We use third-party payment processing for billing. Card details are "
                    "handled entirely by the payment processor and never stored by us.\n");
        text.remove("  • Payment information for billing; card details are never stored by us.\n");
        PolicyService service(*m_workspace);
        auto report = service.lint("org-trainrun", text);
        QVERIFY_OK(report);
        QStringList kinds;
        for (const Finding& f : report.value().findings)
            kinds << findingKindName(f.kind) + ":" + f.recordId;
        QCOMPARE(kinds, QStringList({"undisclosed_processor:p-trainrun-payments",
                                     "rule_not_mentioned:r-trainrun-analytics"}));
    }

    void offboardedProcessorIsFound()
    {
        PolicyService service(*m_workspace);
        auto input = service.lintInput("org-labelsets");
        QVERIFY_OK(input);
        LintInput in = input.value();
        for (Processor& p : in.processors)
            if (p.id == "p-resend")
                p.status = ProcessorStatus::Offboarded;
        const LintReport report = lintPolicy(seedText("000_6d4e5a1fbe59a3b1"), in);
        QCOMPARE(int(report.findings.size()), 1);
        QCOMPARE(report.findings[0].kind, FindingKind::InactiveProcessor);
        QCOMPARE(report.findings[0].recordId, QString("p-resend"));
    }

    void durationsThatAreNotRetention()
    {
        const QString text = "We keep invoices for 10 years. We answer requests within one month. "
                             "Changes take effect 30 days after we notify you. "
                             "Users must be at least 16 years old. "
                             "We look at logins from the past 12 months to detect fraud. "
                             "Chat transcripts are deleted within 72 hours.";
        const Extraction ex = extract(text, NameMatcher({}, nullptr), {}, nullptr);
        QStringList retention, other;
        for (const RetentionStatement& s : ex.retention)
            if (s.period)
                retention << s.period->toIso() + "/" + qualifierName(s.qualifier);
        for (const OtherDuration& d : ex.otherDurations)
            other << durationUseName(d.use) + "=" + d.duration->toIso();
        QCOMPARE(retention, QStringList({"P10Y/exact", "PT72H/max"}));
        QCOMPARE(other, QStringList({"response_deadline=P1M", "notice_period=P30D",
                                     "age_limit=P16Y", "look_back=P12M"}));
    }

    void catalogueNamesThatAreWordsMatchOnlyAsWritten()
    {
        const QString text = "We segment users. Payments go through Square. A slack period.";
        const Extraction ex = extract(text, NameMatcher({}, &ProcessorCatalogue::builtIn()), {},
                                      &ProcessorCatalogue::builtIn());
        QStringList names;
        for (const ProcessorMention& m : ex.processors)
            names << m.name;
        QCOMPARE(names, QStringList{"Square"});
    }

private:
    TempFolder m_dir;
    std::unique_ptr<Workspace> m_workspace;
};

QTEST_GUILESS_MAIN(TestPolicyLint)
#include "tst_policylint.moc"
