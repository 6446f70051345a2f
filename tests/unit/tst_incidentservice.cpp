#include "TestSupport.h"
#include "domain/Resources.h"
#include "export/Zip.h"
#include "services/DeadlineRulesService.h"
#include "services/IncidentDrafts.h"
#include "services/IncidentService.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace workbench;
using namespace workbench::test;

namespace {

QDateTime at(const char* text)
{
    auto t = parseZonedTime(QString::fromLatin1(text));
    if (!t)
        qFatal("%s", qPrintable(t.error()));
    return t->instant;
}

Incident processorIncident(const QString& processorId)
{
    Incident i;
    i.organizationId = "org-labelsets";
    i.title = "Support tickets readable by another customer";
    i.whatHappened = "A misconfigured bucket at the ticketing processor exposed attachments.";
    i.jurisdiction = "GDPR";
    i.timeZone = "Europe/Berlin";
    i.startedAt = at("2026-03-25T08:00+01:00");
    i.discoveredAt = at("2026-03-27T16:30+01:00");
    i.awareAt = at("2026-03-27T18:00[Europe/Berlin]");
    i.reportedBy = "processor";
    i.reporterProcessorId = processorId;
    i.processorAwareAt = at("2026-03-27T09:00+01:00");
    i.processorNoticeAt = at("2026-03-27T16:30+01:00");
    i.processorContractHours = 24;
    i.processorIds = {processorId};
    i.dataCategories = {{"contact details", false}, {"health", true}};
    i.peopleApprox = 340;
    i.recordsApprox = 1200;
    return i;
}

} // namespace

// The register of breaches: every change audited with the incident before
// and after, the checks before any write, the clock stopping when the
// authority is notified, and the register's export.
class TestIncidentService : public QObject
{
    Q_OBJECT

private:
    TempFolder m_tmp;
    std::unique_ptr<Workspace> m_ws;
    std::unique_ptr<IncidentService> m_service;
    int m_n = 0;
    QString m_processor;

private slots:
    void init()
    {
        m_service.reset();
        m_ws.reset();
        m_ws = makeDemoWorkspace(m_tmp.path(QStringLiteral("i%1.sqlite").arg(++m_n)));
        QVERIFY(m_ws);
        m_service = std::make_unique<IncidentService>(*m_ws);
        auto processors = m_ws->processors("org-labelsets");
        QVERIFY(processors && !processors->isEmpty());
        m_processor = processors->first().id;
    }

    void recordingIsAuditedAndReadBack()
    {
        auto created = m_service->create(processorIncident(m_processor));
        QVERIFY2(created, qPrintable(created.error()));
        QVERIFY(created->id.startsWith("inc-"));
        auto back = m_service->incident(created->id);
        QVERIFY(back && back.value());
        QCOMPARE(*back.value(), created.value());
        auto entries = m_ws->auditEntries();
        QVERIFY(entries);
        const AuditEntry& last = entries->last();
        QCOMPARE(last.recordType, resource::incidents);
        QCOMPARE(last.action, QString("create"));
        QCOMPARE(last.after.value("title").toString(), created->title);

        QVERIFY(m_service->assessRisk(created->id, BreachRisk::High,
                                      "Health data of patients, readable by strangers."));
        entries = m_ws->auditEntries();
        QCOMPARE(entries->last().action, QString("update"));
        QCOMPARE(entries->last().before.value("risk").toString(), QString("unassessed"));
        QCOMPARE(entries->last().after.value("risk").toString(), QString("high"));
        const AuditVerification v = m_ws->verifyAudit();
        QVERIFY2(v.ok(), qPrintable(v.problems.join('\n')));
    }

    void badInputIsRefusedAndNothingIsWritten()
    {
        const int before = count(*m_ws, "SELECT count(*) FROM audit_log");
        Incident i = processorIncident(m_processor);
        i.awareAt = at("2026-03-27T12:00+01:00"); // before the discovery at 16:30
        auto refused = m_service->create(i);
        QVERIFY(!refused);
        QVERIFY2(refused.error().contains("before the breach was discovered"),
                 qPrintable(refused.error()));
        i = processorIncident(m_processor);
        i.jurisdiction = "ATLANTIS";
        QVERIFY(!m_service->create(i));
        i = processorIncident(m_processor);
        i.timeZone = "Nowhere/Else";
        QVERIFY(!m_service->create(i));
        QCOMPARE(count(*m_ws, "SELECT count(*) FROM incidents"), 0);
        QCOMPARE(count(*m_ws, "SELECT count(*) FROM audit_log"), before);
        auto created = m_service->create(processorIncident(m_processor));
        QVERIFY(created);
        QVERIFY(!m_service->assessRisk(created->id, BreachRisk::None, "  "));
        QVERIFY(!m_service->decide(created->id, {"authority", false, "", {}}));
    }

    // The clock stops when the authority is notified; the running clocks
    // (Today, the status bar) no longer show it.
    void theClockStopsWhenTheAuthorityIsNotified()
    {
        auto created = m_service->create(processorIncident(m_processor));
        QVERIFY(created);
        auto running = m_service->runningClocks("org-labelsets");
        QVERIFY(running);
        QCOMPARE(running->size(), 1); // the people's clock waits for the assessment
        QCOMPARE(running->first().clock.id, QString("authority"));
        QCOMPARE(isoWithOffset(*running->first().clock.due), QString("2026-03-30T19:00:00+02:00"));

        QVERIFY(m_service->assessRisk(created->id, BreachRisk::High, "Health data."));
        running = m_service->runningClocks("org-labelsets");
        QCOMPARE(running->size(), 2);
        QCOMPARE(running->last().clock.id, QString("people")); // no fixed length: after

        // A follow-up before an initial notification makes no sense.
        QVERIFY(!m_service->recordSubmission(created->id,
                                             {"authority", IncidentSubmission::Phase::FollowUp,
                                              at("2026-03-28T10:00+01:00"), "", ""}));
        QVERIFY(m_service->recordSubmission(created->id,
                                            {"authority", IncidentSubmission::Phase::Initial,
                                             at("2026-03-28T10:00+01:00"), "BfDI-2026-0042", ""}));
        running = m_service->runningClocks("org-labelsets");
        QCOMPARE(running->size(), 1);
        QCOMPARE(running->first().clock.id, QString("people"));
        auto stored = m_service->incident(created->id);
        auto all = m_service->clocks(*stored.value());
        QCOMPARE(all->first().state, BreachClock::State::Stopped);
        QCOMPARE(count(*m_ws, "SELECT count(*) FROM incidents WHERE authority_notified_at = "
                              "'2026-03-28T09:00:00Z'"),
                 1);
        // A follow-up (Art. 33(4)) long after does not count as late.
        QVERIFY(m_service->recordSubmission(created->id,
                                            {"authority", IncidentSubmission::Phase::FollowUp,
                                             at("2026-04-10T10:00+02:00"), "BfDI-2026-0042", ""}));
        stored = m_service->incident(created->id);
        QCOMPARE(stored.value()->submissions.size(), 2);
    }

    void aLateNotificationNeedsItsReasons()
    {
        auto created = m_service->create(processorIncident(m_processor));
        QVERIFY(created);
        const IncidentSubmission late{"authority", IncidentSubmission::Phase::Initial,
                                      at("2026-04-01T09:00+02:00"), "", ""};
        const Status refused = m_service->recordSubmission(created->id, late);
        QVERIFY(!refused);
        QVERIFY2(refused.error().contains("reasons"), qPrintable(refused.error()));
        IncidentSubmission withReasons = late;
        withReasons.delayReasons = "The processor's forensic report came on 31 March.";
        QVERIFY(m_service->recordSubmission(created->id, withReasons));
        auto all = m_service->clocks(m_service->incident(created->id).value().value());
        QVERIFY(all->first().isLate(QDateTime::currentDateTimeUtc()));
    }

    // Holidays of the organization count for the business-day rules.
    void lgpdUsesTheOrganizationsHolidays()
    {
        QVERIFY(DeadlineRulesService(*m_ws).setHolidays("org-labelsets",
                                                        HolidayCalendar({QDate(2026, 11, 2)})));
        Incident i = processorIncident(m_processor);
        i.jurisdiction = "LGPD";
        i.timeZone = "America/Sao_Paulo";
        i.startedAt = {};
        i.processorAwareAt = at("2026-10-30T09:00-03:00");
        i.processorNoticeAt = at("2026-10-30T19:00-03:00");
        i.discoveredAt = at("2026-10-30T19:00-03:00");
        i.awareAt = at("2026-10-30T20:15-03:00");
        auto created = m_service->create(i);
        QVERIFY2(created, qPrintable(created.error()));
        auto all = m_service->clocks(created.value());
        QCOMPARE(isoWithOffset(*all->first().due), QString("2026-11-05T23:59:59-03:00"));
    }

    void ruleEditsAreAuditedAndRestorable()
    {
        auto gdpr = m_service->rule("GDPR");
        QVERIFY(gdpr);
        BreachRule edited = gdpr.value();
        edited.clocks[0].period = BreachPeriod{48, std::nullopt};
        QVERIFY(m_service->saveRule(edited));
        QCOMPARE(m_service->rule("GDPR")->clocks[0].period->hours, 48);
        auto entries = m_ws->auditEntries();
        QCOMPARE(entries->last().recordType, resource::breachRules);
        QCOMPARE(entries->last()
                     .before.value("clocks")
                     .toArray()[0]
                     .toObject()
                     .value("period")
                     .toObject()
                     .value("amount")
                     .toInt(),
                 72);
        BreachRule broken = edited;
        broken.clocks[0].citation.clear();
        QVERIFY(!m_service->saveRule(broken));
        QVERIFY(m_service->restoreDefaultRules());
        QCOMPARE(m_service->rule("GDPR")->clocks[0].period->hours, 72);
        QVERIFY(!m_service->rule("MARS"));
    }

    void theRegisterExportsEveryIncident()
    {
        auto a = m_service->create(processorIncident(m_processor));
        Incident quiet = processorIncident(m_processor);
        quiet.title = "Lost encrypted laptop";
        auto b = m_service->create(quiet);
        QVERIFY(a && b);
        QVERIFY(m_service->assessRisk(b->id, BreachRisk::None, "Full-disk encryption, key safe."));
        QVERIFY(m_service->decide(b->id, {"authority", false,
                                          "Unlikely to result in a risk "
                                          "(Art. 33(1)): encrypted.",
                                          at("2026-03-28T09:00+01:00")}));
        QVERIFY(m_service->close(b->id, at("2026-03-29T09:00+02:00")));
        const QDateTime now = at("2026-03-28T12:00+01:00");
        auto table = m_service->registerTable("org-labelsets", false, now);
        QVERIFY(table);
        QCOMPARE(table->rows.size(), 2);
        const QString all = table->rows[0].join('|') + table->rows[1].join('|');
        QVERIFY(all.contains("do not notify"));
        QVERIFY(all.contains("health (special)"));
        auto open = m_service->registerTable("org-labelsets", true, now);
        QCOMPARE(open->rows.size(), 1);

        for (const char* format : {"xlsx", "pdf", "csv", "json"}) {
            const QString path = m_tmp.path(QStringLiteral("register.%1").arg(format));
            const Status s = m_service->exportRegister(
                "org-labelsets", *registerFormatFromName(QString::fromLatin1(format)), path, now);
            QVERIFY2(s, qPrintable(s.error()));
            QVERIFY2(QFileInfo(path).size() > 100, format);
        }
        QFile csv(m_tmp.path("register.csv"));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QVERIFY(QString::fromUtf8(csv.readAll()).contains("Lost encrypted laptop"));
        QFile json(m_tmp.path("register.json"));
        QVERIFY(json.open(QIODevice::ReadOnly));
        const QJsonObject doc = QJsonDocument::fromJson(json.readAll()).object();
        QCOMPARE(doc.value("incidents").toArray().size(), 2);
        QVERIFY(doc.value("audit_head").toString().contains("verify --expect-head"));
        QVERIFY(unzipEntry(m_tmp.path("register.xlsx"), "xl/sharedStrings.xml")
                    .contains("Lost encrypted laptop"));
    }

    // The drafts: the authority's with the Art. 33(3) contents and its
    // phase, the letter to people, in three languages and three formats.
    void draftsCarryWhatTheLawAsks()
    {
        Incident i = processorIncident(m_processor);
        i.id = "inc-draft";
        i.consequences = "Strangers could read medical certificates.";
        i.measuresTaken = "Bucket closed; access logs secured.";
        i.measuresProposed = "Watch for phishing mails that quote your ticket.";
        i.contact = "dpo@labelsets.example";
        i.risk = BreachRisk::High;
        i.riskReasoning = "Health data.";
        Organization org;
        org.name = "LabelSets GmbH";
        org.privacyContact = "privacy@labelsets.example";
        auto clocks = breachClocks(*BreachRuleSet::defaults().rule("GDPR"), i.facts(), {});
        QVERIFY(clocks);
        const QDateTime inTime = at("2026-03-28T10:00+01:00");
        auto en = composeDraft(i, org, {"TicketDesk"}, clocks.value(), DraftKind::Authority,
                               IncidentSubmission::Phase::Initial, "en", inTime);
        QVERIFY2(en, qPrintable(en.error()));
        for (const char* part :
             {"(a) Nature of the breach", "health (special category)", "340", "1200",
              "(b) Contact point", "dpo@labelsets.example", "(c) Likely consequences",
              "medical certificates", "(d) Measures taken or proposed", "TicketDesk",
              "2026-03-27 18:00 Europe/Berlin (+01:00)", "initial notification"})
            QVERIFY2(en->body.contains(QString::fromUtf8(part)) || en->title.contains(part), part);
        QVERIFY(!en->body.contains("Reasons for the delay"));
        // Late: the reasons are asked for in the draft itself.
        auto late =
            composeDraft(i, org, {}, clocks.value(), DraftKind::Authority,
                         IncidentSubmission::Phase::Initial, "de", at("2026-04-01T10:00+02:00"));
        QVERIFY(late->body.contains("Gründe für die Verzögerung"));
        auto followUp = composeDraft(i, org, {}, clocks.value(), DraftKind::Authority,
                                     IncidentSubmission::Phase::FollowUp, "fr", inTime);
        QVERIFY(followUp->title.contains("notification complémentaire"));
        auto letter = composeDraft(i, org, {}, clocks.value(), DraftKind::People,
                                   IncidentSubmission::Phase::Initial, "en", inTime);
        QVERIFY(letter->body.contains("What you can do\nWatch for phishing"));
        QVERIFY(!letter->body.contains("Art. 33"));
        QVERIFY(!composeDraft(i, org, {}, clocks.value(), DraftKind::People,
                              IncidentSubmission::Phase::Initial, "xx", inTime));

        const QByteArray eml = draftToEml(followUp.value(), at("2026-04-01T10:00+02:00"));
        QVERIFY(eml.contains("From: privacy@labelsets.example\r\n"));
        QVERIFY(eml.contains("Subject: =?UTF-8?B?"));
        QVERIFY(eml.contains("Date: Wed, 01 Apr 2026 10:00:00 +0200\r\n"));
        QVERIFY(eml.contains("Content-Type: text/plain; charset=UTF-8\r\n"));
        QVERIFY(eml.contains("Content-Transfer-Encoding: 8bit\r\n\r\n"));
        for (const QByteArray& line : eml.split('\n'))
            QVERIFY(line.size() <= 78);
        for (const char* suffix : {"pdf", "docx", "eml"}) {
            const QString path = m_tmp.path(QStringLiteral("draft.%1").arg(suffix));
            const Status s = writeDraft(en.value(), path, inTime);
            QVERIFY2(s, qPrintable(s.error()));
            QVERIFY2(QFileInfo(path).size() > 200, suffix);
            QCOMPARE(modeBits(QFile::permissions(path)),
                     QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        }
        QVERIFY(unzipEntry(m_tmp.path("draft.docx"), "word/document.xml")
                    .contains("Nature of the breach"));
        QVERIFY(!writeDraft(en.value(), m_tmp.path("draft.txt"), inTime));
    }
};

QTEST_MAIN(TestIncidentService)
#include "tst_incidentservice.moc"
