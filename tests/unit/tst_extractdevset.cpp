#include "TestSupport.h"
#include "policy/ExtractScore.h"
#include "policy/PolicyLint.h"
#include "policy/ProcessorCatalogue.h"

#include <QElapsedTimer>
#include <QTest>

using namespace workbench;
using namespace workbench::policy;

namespace {

QString dataDir(const char* name)
{
    return QStringLiteral(WORKBENCH_TEST_DATA) + u'/' + QString::fromLatin1(name);
}

QString describe(const ExtractScore& total)
{
    QString out;
    QTextStream s(&out);
    s << "recall " << total.processorRecall() << " precision " << total.processorPrecision()
      << " retention recall " << total.retentionRecall() << " not-retention as retention "
      << total.notRetentionAsRetention << "\nmissed: " << total.missedNames.join(u"; ")
      << "\nwrong: " << total.wrongNames.join(u"; ")
      << "\nmissed periods: " << total.missedPeriods.join(u"; ")
      << "\nwrong periods: " << total.wrongPeriods.join(u"; ");
    return out;
}

} // namespace

// The extractor against hand-labelled policies: the eight real policies of
// the development set, and the held-out snippets written in other words with
// other vendors. Both must reach the same targets.
class TestExtractDevset : public QObject
{
    Q_OBJECT

private slots:
    void targetsHold_data()
    {
        QTest::addColumn<QString>("dir");
        QTest::addColumn<int>("policies");
        QTest::newRow("devset") << dataDir("extract-devset") << 8;
        QTest::newRow("heldout") << dataDir("extract-heldout") << 4;
    }
    void targetsHold()
    {
        QFETCH(QString, dir);
        QFETCH(int, policies);
        auto scores = scoreLabelledSet(dir, &ProcessorCatalogue::builtIn());
        QVERIFY2(scores.ok(), qPrintable(scores ? QString() : scores.error()));
        QCOMPARE(scores.value().size(), policies);
        ExtractScore total;
        for (const ExtractScore& s : scores.value())
            total += s;
        // Nothing vacuous: the sets have names and periods to find.
        QVERIFY(total.clearTotal >= 20);
        QVERIFY(total.periodsLabelled >= 10);
        const QByteArray why = describe(total).toUtf8();
        QVERIFY2(total.processorRecall() >= 0.9, why.constData());
        QVERIFY2(total.processorPrecision() >= 0.9, why.constData());
        QVERIFY2(total.retentionRecall() >= 0.9, why.constData());
        QCOMPARE(total.notRetentionAsRetention, 0);
    }

    // A scorer that counted anything as right would pass the test above: an
    // extraction that names the owner and a regulator scores them wrong, a
    // period in a response deadline counts against it.
    void scorerCountsMistakes()
    {
        const QString text = "Acme Ltd (\"we\") uses Stripe. We share data with the Federal Trade "
                             "Commission. We keep logs for 30 days. We respond within 45 days.";
        const QJsonObject labels{
            {"service", "Acme"},
            {"third_parties", QJsonArray{QJsonObject{{"name", "Stripe"}, {"confidence", "clear"}},
                                         QJsonObject{{"name", "Mollie"}, {"confidence", "clear"}}}},
            {"retention", QJsonArray{QJsonObject{{"quote", "We keep logs for 30 days."},
                                                 {"duration_iso8601", "P30D"}}}},
            {"not_retention_durations",
             QJsonArray{QJsonObject{{"quote", "We respond within 45 days."},
                                    {"duration_iso8601", "P45D"}}}}};
        Extraction ex;
        ProcessorMention stripe, owner;
        stripe.name = stripe.matched = "Stripe";
        owner.name = owner.matched = "Acme Ltd";
        ex.processors = {stripe, owner};
        RetentionStatement wrong;
        wrong.period = IsoDuration::parse(u"P45D");
        const qsizetype at = text.indexOf("45 days");
        wrong.sentence = {text.indexOf("We respond"), 26};
        wrong.durationRange = {at, 7};
        ex.retention = {wrong};
        const ExtractScore s = scoreExtraction(labels, text, ex);
        QCOMPARE(s.clearFound, 1);
        QCOMPARE(s.clearTotal, 2);
        QCOMPARE(s.namesRight, 1);
        QCOMPARE(s.namesWrong, 1);
        QCOMPARE(s.periodsFound, 0);
        QCOMPARE(s.notRetentionAsRetention, 1);
    }

    // What each finding carries: role, sentence, whether the catalogue knew it.
    void organisationsCarryRoleAndSentence()
    {
        const QString text =
            "Northwind Ltd (\"Northwind\", \"we\") runs the shop. Payments are processed by "
            "Quillpay Ltd, our payment processor. You can log in with Zendesk. We report to "
            "the Information Commissioner's Office.";
        const ProcessorCatalogue& c = ProcessorCatalogue::builtIn();
        const Extraction ex = extract(text, NameMatcher({}, &c), {}, &c);
        QStringList found;
        for (const ProcessorMention& m : ex.processors)
            found << m.name + "|" + m.role + "|" + (m.known ? "known" : "new") + "|" +
                         text.mid(m.sentence.pos, m.sentence.length).left(14);
        QCOMPARE(found, QStringList({"Quillpay Ltd|payment processor|new|Payments are p",
                                     "Zendesk|login provider|known|You can log in"}));
        QVERIFY(ex.owner.contains("Northwind Ltd"));
    }

    // Retention in the forms policies write it, and what is not retention.
    void retentionForms()
    {
        const QString text = "We keep recordings for up to 90 days after the session ends. "
                             "Records are kept for a period of three (3) years. "
                             "Tickets are deleted within 30 days of closure. "
                             "Logs are retained for twenty-five months. "
                             "Crash reports are kept for between 30 and 60 days. "
                             "Rechnungen werden zehn Jahre aufbewahrt. "
                             "We keep your profile for as long as your account is active. "
                             "We do not store card numbers. "
                             "We respond to requests within 30 days. "
                             "You have 14 days to cancel. "
                             "Users must be at least 13 years old.";
        const Extraction ex = extract(text, NameMatcher({}, nullptr), {}, nullptr);
        QStringList periods, kinds;
        for (const RetentionStatement& s : ex.retention) {
            if (s.period)
                periods << s.period->toIso() + "/" + qualifierName(s.qualifier);
            else
                kinds << retentionKindName(s.kind);
        }
        QCOMPARE(periods, QStringList({"P90D/max", "P3Y/exact", "P30D/max", "P25M/exact",
                                       "P60D/max", "P10Y/exact"}));
        QCOMPARE(kinds, QStringList({"account_lifetime", "not_retained"}));
    }

    // A draft naming a vendor neither the registry nor the catalogue knows:
    // exactly one finding.
    void unknownVendorIsOneFinding()
    {
        LintInput in;
        in.organizationId = "org";
        in.catalogue = &ProcessorCatalogue::builtIn();
        const QString text =
            "Acme Ltd (\"Acme\", \"we\") sells garden tools. Payments are processed by Quillpay "
            "Ltd. Quillpay Ltd receives your card details. We keep orders for 6 years.";
        const LintReport r = lintPolicy(text, in);
        QStringList unknown;
        for (const Finding& f : r.findings)
            if (f.kind == FindingKind::UnknownProcessor)
                unknown << f.recordId;
        QCOMPARE(unknown.size(), 1);
        QVERIFY2(unknown.front().startsWith("Quillpay Ltd"), qPrintable(unknown.join(", ")));
    }

    // Extraction stays fast on a 200 KB policy (the figure is in tools/bench;
    // here only that it finishes and finds what the text names).
    void bigPolicy()
    {
        auto text = readPolicyFile(dataDir("extract-devset/policies/TikTok.md"));
        QVERIFY(text.ok());
        QString big;
        while (big.size() < 200 * 1024)
            big += text.value();
        const ProcessorCatalogue& c = ProcessorCatalogue::builtIn();
        const Extraction ex = extract(big, NameMatcher({}, &c), {}, &c);
        QVERIFY(ex.processors.size() >= 6);
    }
};

QTEST_GUILESS_MAIN(TestExtractDevset)
#include "tst_extractdevset.moc"
