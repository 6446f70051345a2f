#include "TestSupport.h"
#include "domain/Resources.h"
#include "services/LetterService.h"

#include <QCryptographicHash>
#include <QJsonDocument>

using namespace workbench;
using namespace workbench::test;

class TestLetterService : public QObject
{
    Q_OBJECT

    TempFolder m_tmp;
    std::unique_ptr<Workspace> m_ws;
    std::unique_ptr<RequestService> m_requests;
    std::unique_ptr<LetterService> m_letters;
    QDateTime m_now;
    int m_n = 0;

    QString addRequest(Jurisdiction j, RequestType type, QDate received)
    {
        const RightsRequest q =
            testRequest(QStringLiteral("L-%1").arg(++m_n), "org-labelsets", type, j, received);
        if (auto s = m_requests->create(q, "Receive " + q.id, "Received"); !s)
            qWarning("%s", qPrintable(s.error()));
        return q.id;
    }

    static QString sha256Of(const QString& path)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return QString::fromLatin1(
            QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex());
    }

    QList<RequestEvent> letterEvents(const QString& id)
    {
        QList<RequestEvent> out;
        const RequestDetail detail = m_requests->detail(id).value();
        for (const RequestEvent& e : detail.events)
            if (e.kind == "letter")
                out << e;
        return out;
    }

    QList<AuditEntry> audit(const QString& resource, const QString& id = {})
    {
        return m_ws->auditEntries({resource, id}).value();
    }

    static LetterOptions opts(const QString& id, LetterKind kind, const QString& language,
                              const QString& processor = {})
    {
        LetterOptions o;
        o.requestId = id;
        o.kind = kind;
        o.language = language;
        o.processorId = processor;
        return o;
    }

private slots:
    void init()
    {
        m_letters.reset();
        m_requests.reset();
        m_ws.reset();
        m_ws = makeDemoWorkspace(m_tmp.path(QStringLiteral("l%1.sqlite").arg(++m_n)));
        QVERIFY(m_ws);
        m_requests = std::make_unique<RequestService>(*m_ws);
        m_now = QDateTime(QDate(2026, 3, 4), QTime(10, 0), Qt::UTC);
        m_requests->setClock([this] { return m_now; });
        m_letters = std::make_unique<LetterService>(*m_ws, *m_requests);
    }

    void acknowledgementIsRecordedWithTheFilesHash()
    {
        const QString id = addRequest(Jurisdiction::Gdpr, RequestType::Access, QDate(2026, 3, 2));
        auto draft = m_letters->draft(opts(id, LetterKind::Acknowledgement, "de"));
        QVERIFY_OK(draft);
        QCOMPARE(draft->document.toAddress, QStringLiteral("ada@example.com"));
        QCOMPARE(draft->document.fromAddress, QStringLiteral("privacy@labelsets.ai"));
        QVERIFY(draft->document.body.contains("2. März 2026"));  // received
        QVERIFY(draft->document.body.contains("2. April 2026")); // due (one month)
        QVERIFY(draft->document.body.contains("Art. 12 Abs. 3 DSGVO"));
        const int auditBefore = int(m_ws->auditEntries()->size());
        const QString path = m_tmp.path("ack.eml");
        auto produced = m_letters->produce(draft.value(), LetterFormat::Eml, path);
        QVERIFY_OK(produced);
        QCOMPARE(produced->sha256, sha256Of(path));
        QCOMPARE(statMode(path), mode_t(0600));
        // The history says which letter, in which language and format, and its hash.
        const auto events = letterEvents(id);
        QCOMPARE(events.size(), 1);
        QVERIFY(events[0].text.contains("acknowledgement"));
        QVERIFY(events[0].text.contains("(de, eml)"));
        QVERIFY(events[0].text.contains(sha256Of(path)));
        // One audit entry, naming the letter and its hash.
        QCOMPARE(int(m_ws->auditEntries()->size()), auditBefore + 1);
        const auto entries = audit(resource::requestLetters, produced->id);
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries[0].action, QStringLiteral("create"));
        QCOMPARE(entries[0].after.value("sha256").toString(), sha256Of(path));
        QCOMPARE(entries[0].after.value("request_id").toString(), id);
        auto listed = m_letters->letters(id);
        QVERIFY_OK(listed);
        QCOMPARE(listed->size(), 1);
        QCOMPARE(listed->first().fileName, QStringLiteral("ack.eml"));
        QVERIFY(m_ws->verifyAudit().ok());
    }

    void extensionLetterNeedsTheExtensionFirst()
    {
        const QString id = addRequest(Jurisdiction::Gdpr, RequestType::Access, QDate(2026, 3, 2));
        auto refused = m_letters->draft(opts(id, LetterKind::Extension, "en"));
        QVERIFY(!refused);
        QVERIFY2(refused.error().contains("extend the request first"), qPrintable(refused.error()));
        // Producing the letter extends nothing.
        QVERIFY(!m_requests->snapshot(id)->request.extendedUntil.isValid());
        QVERIFY_OK(m_requests->extend(id, "Records in three systems to search", QDate(2026, 3, 4)));
        const QDate extended = m_requests->snapshot(id)->request.extendedUntil;
        QVERIFY(extended.isValid());
        auto draft = m_letters->draft(opts(id, LetterKind::Extension, "fr"));
        QVERIFY_OK(draft);
        QVERIFY(draft->document.body.contains(letterDate(extended, "fr")));
        QVERIFY(draft->document.body.contains("Records in three systems to search"));
        QVERIFY(draft->document.body.contains("2 mois"));
        QVERIFY_OK(m_letters->produce(draft.value(), LetterFormat::Txt, m_tmp.path("ext.txt")));
        QCOMPARE(letterEvents(id).size(), 1);
    }

    void processorNoticeMovesItsTaskToSent()
    {
        const QString id = addRequest(Jurisdiction::Gdpr, RequestType::Erasure, QDate(2026, 3, 2));
        auto noTask = m_letters->draft(opts(id, LetterKind::ProcessorNotice, "en", "p-supabase"));
        QVERIFY(!noTask);
        QVERIFY2(noTask.error().contains("create the processor tasks first"),
                 qPrintable(noTask.error()));
        QVERIFY_OK(m_requests->generateTasks(id));
        auto taskOf = [&] {
            const RequestSnapshot snapshot = m_requests->snapshot(id).value();
            for (const RequestTask& t : snapshot.tasks)
                if (t.processorId == "p-supabase")
                    return t;
            return RequestTask{};
        };
        QCOMPARE(taskOf().state, TaskState::ToSend);
        auto draft = m_letters->draft(opts(id, LetterKind::ProcessorNotice, "de", "p-supabase"));
        QVERIFY_OK(draft);
        QCOMPARE(draft->document.toAddress, QStringLiteral("privacy@supabase.com"));
        QVERIFY(draft->document.body.contains("Supabase, Inc."));
        QVERIFY(draft->document.body.contains("Löschung der personenbezogenen Daten"));
        QVERIFY(draft->document.body.contains("Art. 19 und Art. 28 Abs. 3 lit. e DSGVO"));
        QVERIFY(draft->document.body.contains("Auftragsverarbeiter"));
        const int auditBefore = int(m_ws->auditEntries()->size());
        const QString path = m_tmp.path("notice.eml");
        auto produced = m_letters->produce(draft.value(), LetterFormat::Eml, path);
        QVERIFY_OK(produced);
        QCOMPARE(taskOf().state, TaskState::Sent);
        QCOMPARE(m_requests->snapshot(id)->request.status, RequestStatus::New);
        // The task's change and the letter: two audit entries, one transaction.
        QCOMPARE(int(m_ws->auditEntries()->size()), auditBefore + 2);
        const auto requestAudit = audit(resource::rightsRequests, id);
        QVERIFY(QJsonDocument(requestAudit.last().after).toJson().contains("\"sent\""));
        const auto events = letterEvents(id);
        QCOMPARE(events.size(), 1);
        QVERIFY(events[0].text.contains("processor-notice"));
        QVERIFY(events[0].text.contains(produced->sha256));
        QCOMPARE(produced->processorId, QStringLiteral("p-supabase"));
        // Sending it again records the letter, the task stays sent.
        QVERIFY_OK(m_letters->produce(draft.value(), LetterFormat::Pdf, m_tmp.path("again.pdf")));
        QCOMPARE(taskOf().state, TaskState::Sent);
        QCOMPARE(letterEvents(id).size(), 2);
    }

    void noticeOnlyForRequestsProcessorsAreToldOf()
    {
        const QString id = addRequest(Jurisdiction::Gdpr, RequestType::Access, QDate(2026, 3, 2));
        auto refused = m_letters->draft(opts(id, LetterKind::ProcessorNotice, "en", "p-supabase"));
        QVERIFY(!refused);
        QVERIFY(refused.error().contains("Art. 19"));
    }

    void refusalNeedsReasonsAndNamesTheAuthority()
    {
        const QString id =
            addRequest(Jurisdiction::UkGdpr, RequestType::Erasure, QDate(2026, 3, 2));
        auto none = m_letters->draft(opts(id, LetterKind::Refusal, "en"));
        QVERIFY(!none);
        QVERIFY(none.error().contains("needs its reasons"));
        QVERIFY_OK(
            m_requests->close(id, RequestStatus::Rejected, "Legal obligation to keep invoices"));
        auto draft = m_letters->draft(opts(id, LetterKind::Refusal, "en"));
        QVERIFY_OK(draft);
        QVERIFY(draft->document.body.contains("Legal obligation to keep invoices"));
        QVERIFY(draft->document.body.contains("Information Commissioner's Office"));
        QVERIFY(draft->document.body.contains("Art. 12(4) UK GDPR"));
        QVERIFY(draft->document.body.contains("through the courts"));
    }

    void anEditedDraftWithLeftoversIsNotSent()
    {
        const QString id = addRequest(Jurisdiction::Gdpr, RequestType::Access, QDate(2026, 3, 2));
        auto draft = m_letters->draft(opts(id, LetterKind::Completion, "en"));
        QVERIFY_OK(draft);
        LetterDraft edited = draft.value();
        edited.document.body += "\nYour file: {{attachment}} and %1.";
        const QString path = m_tmp.path("bad.eml");
        auto refused = m_letters->produce(edited, LetterFormat::Eml, path);
        QVERIFY(!refused);
        QVERIFY2(refused.error().contains("{{attachment}}") && refused.error().contains("%1"),
                 qPrintable(refused.error()));
        QVERIFY(!QFile::exists(path));
        QVERIFY(letterEvents(id).isEmpty());
        // The officer's own words go out as written.
        edited = draft.value();
        edited.document.body += "\nP.S. Thank you for your patience.";
        auto ok = m_letters->produce(edited, LetterFormat::Txt, m_tmp.path("ok.txt"));
        QVERIFY_OK(ok);
        QFile f(m_tmp.path("ok.txt"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll().contains("P.S. Thank you for your patience."));
    }

    void templateEditsAndResetsAreAudited()
    {
        const LetterKind k = LetterKind::Acknowledgement;
        QVERIFY(!m_letters->isCustomized(k, "en"));
        const LetterText shipped = m_letters->templateText(k, "en").value();
        // A template with an unknown placeholder is refused, nothing written.
        const int before = int(m_ws->auditEntries()->size());
        const Status bad = m_letters->saveTemplate(k, "en", {"Hi", "Dear {{customer}}"});
        QVERIFY(!bad);
        QVERIFY(bad.error().contains("{{customer}}"));
        QCOMPARE(int(m_ws->auditEntries()->size()), before);
        QVERIFY(!m_letters->isCustomized(k, "en"));

        const LetterText mine{"Got it: {{request_id}}",
                              "Hello {{requester_name}}, due {{due_date}}."};
        QVERIFY_OK(m_letters->saveTemplate(k, "en", mine));
        QVERIFY(m_letters->isCustomized(k, "en"));
        QCOMPARE(m_letters->templateText(k, "en").value(), mine);
        auto edit = audit(resource::letterTemplates, "acknowledgement/en");
        QCOMPARE(edit.size(), 1);
        QCOMPARE(edit[0].before.value("body").toString(), shipped.body);
        QCOMPARE(edit[0].after.value("body").toString(), mine.body);
        // Other languages keep their own wording.
        QVERIFY(!m_letters->isCustomized(k, "de"));

        const QString id = addRequest(Jurisdiction::Gdpr, RequestType::Access, QDate(2026, 3, 2));
        auto draft = m_letters->draft(opts(id, k, "en"));
        QVERIFY_OK(draft);
        QCOMPARE(draft->document.body, QStringLiteral("Hello Ada Lovelace, due 2 April 2026."));

        // Export, edit elsewhere, import.
        const QString file = m_tmp.path("ack-en.txt");
        QVERIFY_OK(m_letters->exportTemplate(k, "en", file));
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(LetterTemplates::parse(QString::fromUtf8(f.readAll()), file).value(), mine);
        f.close();
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("Subject: Received {{request_id}}\n\nThanks, {{requester_name}}.\n");
        f.close();
        QVERIFY_OK(m_letters->importTemplate(k, "en", file));
        QCOMPARE(m_letters->templateText(k, "en")->body,
                 QStringLiteral("Thanks, {{requester_name}}."));

        QVERIFY_OK(m_letters->resetTemplate(k, "en"));
        QVERIFY(!m_letters->isCustomized(k, "en"));
        QCOMPARE(m_letters->templateText(k, "en").value(), shipped);
        const auto all = audit(resource::letterTemplates, "acknowledgement/en");
        QCOMPARE(all.size(), 3);
        QCOMPARE(all.last().action, QStringLiteral("reset"));
        QCOMPARE(all.last().before.value("body").toString(),
                 QStringLiteral("Thanks, {{requester_name}}."));
        QCOMPARE(all.last().after.value("body").toString(), shipped.body);
        // Reset of the default: nothing to do, nothing audited.
        QVERIFY_OK(m_letters->resetTemplate(k, "en"));
        QCOMPARE(audit(resource::letterTemplates, "acknowledgement/en").size(), 3);
    }

    void aMissingValueIsReportedNotSent()
    {
        // An organization without a privacy contact cannot sign the letter.
        Organization org = m_ws->organizations()->first();
        for (const Organization& o : m_ws->organizations().value())
            if (o.id == "org-labelsets")
                org = o;
        org.privacyContact.clear();
        QVERIFY_OK(m_ws->save(org, "No contact"));
        const QString id = addRequest(Jurisdiction::Gdpr, RequestType::Access, QDate(2026, 3, 2));
        auto draft = m_letters->draft(opts(id, LetterKind::Acknowledgement, "en"));
        QVERIFY(!draft);
        QVERIFY2(draft.error().contains("{{controller_contact}} has no value") &&
                     draft.error().contains("no privacy contact"),
                 qPrintable(draft.error()));
        auto lang = m_letters->draft(opts(id, LetterKind::Acknowledgement, "es"));
        QVERIFY(!lang);
        QVERIFY(lang.error().contains("en, de, fr"));
    }

    void everyTemplateIsListed()
    {
        const auto all = m_letters->templates();
        QCOMPARE(all.size(), 6 * 3);
        QVERIFY(std::none_of(all.begin(), all.end(), [](const auto& t) { return t.customized; }));
        QVERIFY(
            std::all_of(all.begin(), all.end(), [](const auto& t) { return !t.label.isEmpty(); }));
    }
};

QTEST_MAIN(TestLetterService)
#include "tst_letterservice.moc"
