#include "TestSupport.h"
#include "services/DeadlineRulesService.h"

using namespace workbench;
using namespace workbench::test;

// The deadline rules of a workspace: the rule table, holidays, promises and
// the due dates stored with the requests.
class TestDeadlineRulesService : public QObject
{
    Q_OBJECT

private:
    TempFolder m_tmp;
    std::unique_ptr<Workspace> m_ws;
    std::unique_ptr<DeadlineRulesService> m_rules;
    int m_n = 0;

    // A new request received on `received` (09:00 UTC), its due dates stored.
    QString addRequest(Jurisdiction j, QDate received, const QString& org = "org-labelsets")
    {
        const RightsRequest q =
            testRequest(QStringLiteral("D-%1").arg(++m_n), org, RequestType::Access, j, received);
        const Status s = m_ws->save(q, "Receive " + q.id);
        if (!s)
            qWarning("%s", qPrintable(s.error()));
        (void)m_rules->recomputeDeadlines();
        return q.id;
    }

    QString storedDue(const QString& id, const char* column = "due_legal")
    {
        QSqlQuery q(m_ws->database().connection());
        q.prepare(QStringLiteral("SELECT %1 FROM rights_requests WHERE id = ?")
                      .arg(QLatin1String(column)));
        q.addBindValue(id);
        return q.exec() && q.next() ? q.value(0).toString() : QStringLiteral("?");
    }

    // Writes due dates behind the service's back (what an older version or a
    // pull leaves).
    void setStoredDue(const QString& id, const QString& value)
    {
        QSqlQuery q(m_ws->database().connection());
        q.prepare("UPDATE rights_requests SET due_legal = ?, due_effective = ? WHERE id = ?");
        q.addBindValue(value.isEmpty() ? QVariant() : QVariant(value));
        q.addBindValue(value.isEmpty() ? QVariant() : QVariant(value));
        q.addBindValue(id);
        QVERIFY(q.exec());
    }

private slots:
    void init()
    {
        m_rules.reset();
        m_ws.reset();
        m_ws = makeDemoWorkspace(m_tmp.path(QStringLiteral("d%1.sqlite").arg(++m_n)));
        QVERIFY(m_ws);
        m_rules = std::make_unique<DeadlineRulesService>(*m_ws);
    }

    void editedRulesAreAuditedAndMoveDueDates()
    {
        const QString id = addRequest(Jurisdiction::Lgpd, QDate(2026, 6, 1));
        QCOMPARE(storedDue(id), QStringLiteral("2026-06-16"));
        DeadlineRule lgpd = *m_rules->rules().rule("LGPD");
        lgpd.period.amount = 10;
        QVERIFY_OK(m_rules->saveRule(lgpd));
        QCOMPARE(storedDue(id), QStringLiteral("2026-06-11"));
        QCOMPARE(m_rules->rule(Jurisdiction::Lgpd).value().period.amount, 10);
        const auto audit = m_ws->auditEntries({"deadline-rules", "LGPD"}).value();
        QCOMPARE(audit.size(), 1);
        QCOMPARE(audit.first().after.value("period").toObject().value("amount").toInt(), 10);
        QVERIFY_OK(m_rules->restoreDefaultRules());
        QCOMPARE(storedDue(id), QStringLiteral("2026-06-16"));
        QCOMPARE(m_rules->rules().rule("LGPD")->period.amount, 15);
    }

    void aJurisdictionWithoutRuleIsNamed()
    {
        const auto missing = m_rules->rule(QStringLiteral("XK"));
        QVERIFY(!missing);
        QVERIFY2(missing.error().contains("XK"), qPrintable(missing.error()));
        QVERIFY(m_rules->rule(Jurisdiction::Gdpr));
    }

    void holidaysOfTheOrganizationCount()
    {
        const QString id = addRequest(Jurisdiction::Gdpr, QDate(2026, 9, 3));
        QCOMPARE(storedDue(id), QStringLiteral("2026-10-05"));
        QVERIFY_OK(m_rules->setHolidays("org-labelsets", HolidayCalendar({QDate(2026, 10, 5)})));
        QCOMPARE(storedDue(id), QStringLiteral("2026-10-06"));
        QCOMPARE(m_rules->holidays("org-labelsets").holidays().size(), 1);
        QCOMPARE(m_ws->auditEntries({"holidays", "org-labelsets"}).value().size(), 1);
    }

    void deadlinesOfARequestUseRuleHolidaysAndPromise()
    {
        RightsRequest q;
        q.organizationId = "org-labelsets"; // promises 30 days
        q.jurisdiction = Jurisdiction::Gdpr;
        q.receivedAt = QDateTime(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC);
        QCOMPARE(m_rules->promiseDays("org-labelsets"), std::optional<int>(30));
        const DeadlineInput in = m_rules->inputOf(q, 2);
        QCOMPARE(in.received, QDate(2026, 3, 1));
        QCOMPARE(in.pausedDays, 2);
        QCOMPARE(in.promiseDays, std::optional<int>(30));
        const Deadlines d = m_rules->deadlinesOf(q, 0);
        QCOMPARE(*d.promiseDue, QDate(2026, 3, 31));
        QCOMPARE(d.effectiveDue(), QDate(2026, 3, 31));
    }

    // The selection names an organization: the others' stored dates stay.
    void recomputeOneOrganization()
    {
        const QString mine = addRequest(Jurisdiction::Gdpr, QDate(2026, 9, 3));
        const QString theirs = addRequest(Jurisdiction::Gdpr, QDate(2026, 9, 3), "org-trainrun");
        setStoredDue(mine, "2000-01-01");
        setStoredDue(theirs, "2000-01-01");
        QVERIFY_OK(m_rules->recomputeDeadlines({QStringLiteral("org-labelsets")}));
        QCOMPARE(storedDue(mine), QStringLiteral("2026-10-05"));
        QCOMPARE(storedDue(theirs), QStringLiteral("2000-01-01"));
        QVERIFY_OK(m_rules->recomputeDeadlines());
        QCOMPARE(storedDue(theirs), QStringLiteral("2026-10-05"));
    }

    // Only the missing ones: a request that has due dates keeps them (even
    // stale ones), in every organization or in one.
    void recomputeOnlyMissing()
    {
        const QString stale = addRequest(Jurisdiction::Gdpr, QDate(2026, 9, 3));
        const QString missing = addRequest(Jurisdiction::Gdpr, QDate(2026, 9, 3));
        const QString elsewhere = addRequest(Jurisdiction::Gdpr, QDate(2026, 9, 3), "org-trainrun");
        setStoredDue(stale, "2000-01-01");
        setStoredDue(missing, {});
        setStoredDue(elsewhere, {});
        DeadlineSelection which;
        which.organizationId = "org-labelsets";
        which.onlyMissing = true;
        QVERIFY_OK(m_rules->recomputeDeadlines(which));
        QCOMPARE(storedDue(stale), QStringLiteral("2000-01-01"));
        QCOMPARE(storedDue(missing), QStringLiteral("2026-10-05"));
        QCOMPARE(storedDue(missing, "due_effective"), QStringLiteral("2026-10-03")); // the promise
        QCOMPARE(storedDue(elsewhere), QString()); // NULL: another organization
        which.organizationId.clear();
        QVERIFY_OK(m_rules->recomputeDeadlines(which));
        QCOMPARE(storedDue(elsewhere), QStringLiteral("2026-10-05"));
        QCOMPARE(storedDue(stale), QStringLiteral("2000-01-01"));
    }

    void fillMissingDeadlinesFillsOnlyTheMissing()
    {
        const QString stale = addRequest(Jurisdiction::Gdpr, QDate(2026, 9, 3));
        setStoredDue(stale, "2000-01-01");
        QVERIFY_OK(m_rules->fillMissingDeadlines()); // none missing: nothing written
        QCOMPARE(storedDue(stale), QStringLiteral("2000-01-01"));
        QCOMPARE(count(*m_ws, "SELECT count(*) FROM rights_requests WHERE due_effective IS NULL"),
                 0);
        QVERIFY(QSqlQuery(m_ws->database().connection())
                    .exec("UPDATE rights_requests SET due_legal = NULL, due_effective = NULL "
                          "WHERE id <> '" +
                          stale + "'"));
        QVERIFY(count(*m_ws, "SELECT count(*) FROM rights_requests WHERE due_effective IS NULL") >
                1);
        QVERIFY_OK(m_rules->fillMissingDeadlines());
        QCOMPARE(count(*m_ws, "SELECT count(*) FROM rights_requests WHERE due_effective IS NULL"),
                 0);
        QCOMPARE(storedDue(stale), QStringLiteral("2000-01-01"));
    }
};

QTEST_GUILESS_MAIN(TestDeadlineRulesService)
#include "tst_deadlinerulesservice.moc"
