// The vendor watch on the demo workspace: recording lists (and refusing bad
// ones without losing the last), accepting a notice as one undoable step,
// objecting with a letter, and vendor reviews.
#include "TestSupport.h"
#include "domain/Resources.h"
#include "itemmodels/VendorWatchCommands.h"
#include "services/ObjectionLetter.h"
#include "services/VendorReviewService.h"
#include "services/VendorWatchService.h"

#include <QCryptographicHash>
#include <QUndoStack>

using namespace workbench;
using namespace workbench::test;

namespace {

QString data(const QString& name)
{
    return QStringLiteral(WORKBENCH_SUBPROCESSOR_DATA "/") + name;
}

const QString kSupabase = QStringLiteral("p-supabase");

QList<Processor> childrenOf(Workspace& ws, const QString& parent)
{
    QList<Processor> out;
    for (const Processor& p : ws.processors().value())
        if (p.parentId == parent)
            out << p;
    return out;
}

const Processor* named(const QList<Processor>& list, const QString& name)
{
    for (const Processor& p : list)
        if (p.name == name)
            return &p;
    return nullptr;
}

} // namespace

class TestVendorWatch : public QObject
{
    Q_OBJECT

private:
    TempFolder m_tmp;

    // The demo with October's list recorded and its notice accepted, then
    // November's recorded: its notice is returned.
    SubprocessorNotice novemberNotice(Workspace& ws)
    {
        VendorWatchService service(ws);
        auto first =
            service.recordFile(kSupabase, data("supabase-2026-10.csv"), QDate(2026, 10, 1));
        if (!first || !first.value().notice)
            qFatal("October's list: %s", qPrintable(first.error()));
        QUndoStack stack;
        auto accept = AcceptNoticeCommand::create(ws, first.value().notice->id);
        if (!accept)
            qFatal("%s", qPrintable(accept.error()));
        stack.push(accept.value());
        stack.clear();
        auto second =
            service.recordFile(kSupabase, data("supabase-2026-11.csv"), QDate(2026, 11, 23));
        if (!second || !second.value().notice)
            qFatal("November's list: %s", qPrintable(second.error()));
        return *second.value().notice;
    }

private slots:
    void firstListIsComparedWithTheRegistry()
    {
        auto ws = makeDemoWorkspace(m_tmp.path("first.sqlite"));
        QVERIFY(ws);
        VendorWatchService service(*ws);
        auto outcome =
            service.recordFile(kSupabase, data("supabase-2026-10.csv"), QDate(2026, 10, 1));
        QVERIFY_OK(outcome);
        QCOMPARE(outcome.value().comparedWith, QString("the registry"));
        QVERIFY(outcome.value().notice);
        const SubprocessorDiff& d = outcome.value().notice->diff;
        // The registry's "Amazon Web Services" (alias AWS, entity ...EMEA
        // SARL) is the list's "Amazon Web Services, Inc.": not added.
        QCOMPARE(d.added.size(), 19);
        QVERIFY(std::none_of(d.added.begin(), d.added.end(), [](const SubprocessorEntry& e) {
            return e.name.startsWith("Amazon");
        }));
        QCOMPARE(d.removed.size(), 0);
        QCOMPARE(outcome.value().notice->objectionDeadline, QDate(2026, 10, 31));
    }

    void newVersionMakesANoticeWithItsDeadline()
    {
        auto ws = makeDemoWorkspace(m_tmp.path("second.sqlite"));
        QVERIFY(ws);
        VendorWatchService service(*ws);
        VendorListSettings s = service.settings(kSupabase);
        s.window = {10, true};
        QVERIFY_OK(service.saveSettings(s));
        const SubprocessorNotice n = novemberNotice(*ws);
        QCOMPARE(n.diff.added.size(), 1);
        QCOMPARE(n.diff.removed.size(), 1);
        QCOMPARE(n.diff.changed.size(), 2);
        QCOMPARE(n.previousListId > 0, true);
        // 10 business days from Monday 23 November 2026.
        QCOMPARE(n.objectionDeadline, QDate(2026, 12, 7));
        auto open = service.notices({kSupabase, {}, true});
        QVERIFY_OK(open);
        QCOMPARE(open.value().size(), 1);
        QCOMPARE(open.value().first().processorName, QString("Supabase"));
        QVERIFY(open.value().first().isOverdue(QDate(2026, 12, 8)));
        QVERIFY(!open.value().first().isOverdue(QDate(2026, 12, 7)));
        // The same list again: no change, nothing stored.
        const int lists = count(*ws, "SELECT count(*) FROM vendor_lists");
        auto again =
            service.recordFile(kSupabase, data("supabase-2026-11.md"), QDate(2026, 11, 24));
        QVERIFY_OK(again);
        QVERIFY(again.value().unchanged);
        QVERIFY(!again.value().notice);
        QCOMPARE(count(*ws, "SELECT count(*) FROM vendor_lists"), lists);
        // The receipt is audited.
        QVERIFY(count(*ws, "SELECT count(*) FROM audit_log WHERE record_type = "
                           "'subprocessor-lists' AND action = 'receive'") >= 2);
    }

    void badListKeepsTheLastGoodOne()
    {
        auto ws = makeDemoWorkspace(m_tmp.path("bad.sqlite"));
        QVERIFY(ws);
        VendorWatchService service(*ws);
        QVERIFY_OK(service.recordFile(kSupabase, data("supabase-2026-10.csv"), QDate(2026, 10, 1)));
        const QString hash = service.lastList(kSupabase).value()->sha256;
        const int notices = count(*ws, "SELECT count(*) FROM subprocessor_notices");
        auto page = service.recordFile(kSupabase, data("not-a-list.html"), QDate(2026, 11, 2));
        QVERIFY(!page);
        QVERIFY2(page.error().contains("not a list") && page.error().contains("last list stays"),
                 qPrintable(page.error()));
        auto empty = service.recordText(kSupabase, "Entity Name,Purpose\n", QDate(2026, 11, 2));
        QVERIFY(!empty);
        QVERIFY2(empty.error().contains("empty"), qPrintable(empty.error()));
        auto noName = service.recordText(kSupabase, "Purpose,Location\nx,US\n", QDate(2026, 11, 2));
        QVERIFY(!noName);
        QCOMPARE(service.lastList(kSupabase).value()->sha256, hash);
        QCOMPARE(count(*ws, "SELECT count(*) FROM subprocessor_notices"), notices);
    }

    void acceptUpdatesTheRegistryInOneUndoableStep()
    {
        auto ws = makeDemoWorkspace(m_tmp.path("accept.sqlite"));
        QVERIFY(ws);
        const SubprocessorNotice n = novemberNotice(*ws);
        const QList<Processor> before = childrenOf(*ws, kSupabase);
        QVERIFY(named(before, "Segment.io, Inc."));
        QCOMPARE(named(before, "Segment.io, Inc.")->status, ProcessorStatus::Active);
        QCOMPARE(named(before, "Sentry (Functional Software, Inc.)")->locations, QStringList{"US"});
        const qint64 auditBefore = ws->auditHead().value().seq;

        QUndoStack stack;
        auto accept = AcceptNoticeCommand::create(*ws, n.id);
        QVERIFY_OK(accept);
        stack.push(accept.value());
        QCOMPARE(stack.count(), 1);
        const QList<Processor> after = childrenOf(*ws, kSupabase);
        const Processor* openai = named(after, "OpenAI, L.L.C.");
        QVERIFY(openai);
        QCOMPARE(openai->service, QString("AI assistant in the dashboard"));
        QCOMPARE(openai->locations, QStringList{"US"});
        QCOMPARE(openai->organizationIds, QStringList{"org-labelsets"});
        QCOMPARE(named(after, "Segment.io, Inc.")->status, ProcessorStatus::Offboarded);
        QCOMPARE(named(after, "Sentry (Functional Software, Inc.)")->locations, QStringList{"DE"});
        // The registry's AWS keeps its name; the list's spelling is an alias.
        QVERIFY(named(after, "Amazon Web Services")->aliases.contains("AWS"));
        QCOMPARE(VendorWatchService(*ws).notice(n.id).value().status, NoticeStatus::Accepted);
        // Audited: one entry per processor changed and one for the notice.
        QCOMPARE(ws->auditHead().value().seq - auditBefore, qint64(3 + 1));
        QCOMPARE(count(*ws, "SELECT count(*) FROM audit_log WHERE record_type = "
                            "'subprocessor-notices' AND after_json LIKE '%accepted%'"),
                 2);

        stack.undo();
        const QList<Processor> undone = childrenOf(*ws, kSupabase);
        QVERIFY(!named(undone, "OpenAI, L.L.C."));
        QCOMPARE(named(undone, "Segment.io, Inc.")->status, ProcessorStatus::Active);
        QCOMPARE(named(undone, "Sentry (Functional Software, Inc.)")->locations, QStringList{"US"});
        QCOMPARE(VendorWatchService(*ws).notice(n.id).value().status, NoticeStatus::Open);
        stack.redo();
        QVERIFY(named(childrenOf(*ws, kSupabase), "OpenAI, L.L.C."));
        QCOMPARE(ws->verifyAudit().problems, QStringList());
    }

    void objectingWritesTheLetterAndKeepsTheNoticeOpen()
    {
        auto ws = makeDemoWorkspace(m_tmp.path("object.sqlite"));
        QVERIFY(ws);
        const SubprocessorNotice n = novemberNotice(*ws);
        VendorWatchService service(*ws);
        QVERIFY_OK(service.object(n.id, "Transfers to the US without our consent"));
        const SubprocessorNotice objected = service.notice(n.id).value();
        QCOMPARE(objected.status, NoticeStatus::Objected);
        QVERIFY(objected.isOpen());
        QCOMPARE(service.notices({{}, {}, true}).value().size(), 1);

        ObjectionInput in;
        in.notice = objected;
        in.vendor = *ws->processor(kSupabase).value();
        in.organization = "LabelSets";
        in.signer = "Jane Officer";
        in.reasons = "The new sub-processor receives prompts that may contain customer data.";
        in.date = QDate(2026, 11, 25);
        auto en = ObjectionLetters::compose(in);
        QVERIFY_OK(en);
        QCOMPARE(en.value().subject,
                 QString("Objection to new sub-processors of Supabase (notice of 23 November "
                         "2026)"));
        QCOMPARE(en.value().to, QString("privacy@supabase.com"));
        const QString body = en.value().body;
        QVERIFY(body.startsWith("To Supabase, Inc."));
        QVERIFY(body.contains("- new sub-processor: OpenAI, L.L.C. (AI assistant in the "
                              "dashboard; United States)"));
        QVERIFY(body.contains("- Sentry (Functional Software, Inc.) (changed): location United "
                              "States → Germany"));
        QVERIFY(!body.contains("Segment")); // a removal is not objected to
        QVERIFY(body.contains("which ends on 23 December 2026."));
        QVERIFY(body.contains("agreement signed on 3 November 2025"));
        QVERIFY(body.contains("Article 28(2)"));
        QVERIFY(body.contains("prompts that may contain customer data"));
        QVERIFY(body.trimmed().endsWith("Jane Officer\nLabelSets"));
        QVERIFY(!body.contains("{{"));

        in.language = "de";
        auto de = ObjectionLetters::compose(in);
        QVERIFY_OK(de);
        QVERIFY(de.value().subject.startsWith("Widerspruch gegen neue Unterauftragsverarbeiter"));
        QVERIFY(de.value().body.contains("neuer Unterauftragsverarbeiter: OpenAI"));
        QVERIFY(de.value().body.contains("Art. 28 Abs. 2"));
        in.language = "fr";
        auto fr = ObjectionLetters::compose(in);
        QVERIFY_OK(fr);
        QVERIFY(fr.value().body.contains("nouveau sous-traitant ultérieur : OpenAI") ||
                fr.value().body.contains("nouveau sous-traitant ultérieur: OpenAI"));
        in.language = "it";
        QVERIFY(!ObjectionLetters::compose(in));

        for (const char* suffix : {"txt", "eml", "pdf"}) {
            const QString path = m_tmp.path(QStringLiteral("objection.%1").arg(suffix));
            QVERIFY_OK(ObjectionLetters::write(en.value(), path, "dpo@labelsets.example"));
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray bytes = f.readAll();
            if (QByteArray(suffix) == "pdf")
                QVERIFY(bytes.startsWith("%PDF"));
            else if (QByteArray(suffix) == "eml") {
                QVERIFY(bytes.contains("To: privacy@supabase.com\r\n"));
                QVERIFY(bytes.contains("Content-Type: text/plain; charset=UTF-8"));
                QVERIFY(bytes.contains("Subject: =?UTF-8?B?"));
            } else
                QVERIFY(QString::fromUtf8(bytes).contains("OpenAI, L.L.C."));
        }
        QVERIFY(!ObjectionLetters::write(en.value(), m_tmp.path("x.docx")));
        // The vendor answered: the officer notes it; the notice closes.
        QVERIFY_OK(service.note(n.id, "Vendor agreed to keep our data out of it"));
        QCOMPARE(service.notice(n.id).value().status, NoticeStatus::Noted);
        QVERIFY(!service.object(n.id));
    }

    void settingsRefuseUnsafeAddresses()
    {
        auto ws = makeDemoWorkspace(m_tmp.path("settings.sqlite"));
        QVERIFY(ws);
        VendorWatchService service(*ws);
        VendorListSettings s = service.settings(kSupabase);
        QCOMPARE(s.window.days, 30);
        s.url = "http://supabase.com/legal/subprocessors";
        QVERIFY(!service.saveSettings(s));
        s.url = "https://supabase.com/legal/subprocessors";
        s.checkIntervalHours = 24;
        QVERIFY_OK(service.saveSettings(s));
        QCOMPARE(service.settings(kSupabase).url, s.url);
        QCOMPARE(service.dueForCheck(QDateTime::currentDateTimeUtc()), QStringList{kSupabase});
        s.window.days = 0;
        QVERIFY(!service.saveSettings(s));
        VendorListSettings none = service.settings("p-stripe");
        QVERIFY(!service.checkNow("p-stripe", QDate(2026, 11, 1)));
        QVERIFY(none.url.isEmpty());
    }

    void reviewSetsTheNextDateAndKeepsEvidence()
    {
        auto ws = makeDemoWorkspace(m_tmp.path("review.sqlite"));
        QVERIFY(ws);
        VendorReviewService reviews(*ws);
        QCOMPARE(reviews.cadence(), ReviewCadence());
        const QString evidence = m_tmp.path("soc2-report.pdf");
        {
            QFile f(evidence);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("%PDF-1.4 SOC 2 Type II report (test)");
        }
        VendorReview r;
        r.processorId = "p-stripe";
        r.reviewedOn = QDate(2026, 11, 20);
        r.reviewer = "Jane Officer";
        r.templateName = QuestionnaireTemplate::standard().name;
        for (const QString& q : QuestionnaireTemplate::standard().questions)
            r.answers << ReviewAnswer{q, "Yes, see evidence."};
        r.findings = "No open findings.";
        r.outcome = ReviewOutcome::Approved;
        r.tier = RiskTier::High;
        auto stored = reviews.record(r, {evidence});
        QVERIFY_OK(stored);
        QCOMPARE(stored.value().nextReviewOn, QDate(2027, 5, 20));
        QCOMPARE(ws->processor("p-stripe").value()->reviewDue, QDate(2027, 5, 20));
        auto list = reviews.reviews("p-stripe");
        QVERIFY_OK(list);
        QCOMPARE(list.value().size(), 1);
        const VendorReview& back = list.value().first();
        QCOMPARE(back.answers.size(), 5);
        QCOMPARE(back.evidence.size(), 1);
        QCOMPARE(back.evidence.first().fileName, QString("soc2-report.pdf"));
        const QByteArray bytes = "%PDF-1.4 SOC 2 Type II report (test)";
        QCOMPARE(back.evidence.first().sha256,
                 QString::fromLatin1(
                     QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()));
        QCOMPARE(reviews.evidence(back.evidence.first().id).value(), bytes);
        QCOMPARE(count(*ws, "SELECT count(*) FROM audit_log WHERE record_type = 'vendor-reviews'"),
                 1);
        // A cadence edit applies to the next review.
        ReviewCadence c;
        c.highMonths = 3;
        QVERIFY_OK(reviews.saveCadence(c));
        QCOMPARE(reviews.cadence().highMonths, 3);
        r.reviewedOn = QDate(2027, 5, 1);
        QCOMPARE(reviews.record(r).value().nextReviewOn, QDate(2027, 8, 1));
        c.lowMonths = 0;
        QVERIFY(!reviews.saveCadence(c));
        // Missing facts are refused.
        r.reviewer.clear();
        QVERIFY(!reviews.record(r));
        // Questionnaires are editable.
        QuestionnaireTemplate t = reviews.templates().first();
        t.questions << "Does the vendor run a bug bounty?";
        QVERIFY_OK(reviews.saveTemplate(t));
        QCOMPARE(reviews.templates().first().questions.size(), 6);
        t.questions.clear();
        QVERIFY(!reviews.saveTemplate(t));
    }
};

QTEST_MAIN(TestVendorWatch)
#include "tst_vendorwatch.moc"
