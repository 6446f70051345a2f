#include "TestSupport.h"
#include "demo/DemoWorkspace.h"
#include "domain/Resources.h"
#include "services/ActivityService.h"

#include <QJsonArray>
#include <QSet>
#include <QUuid>

using namespace workbench;
using namespace workbench::test;

namespace {

const QList<QPair<QString, QString>>& kSeeds = labelledSeeds();

// Every name a processor goes by, lower-case.
QStringList namesOf(const Processor& p)
{
    QStringList names{p.name.toLower()};
    for (const QString& a : p.aliases)
        names << a.toLower();
    return names;
}

} // namespace

class TestDemoWorkspace : public QObject
{
    Q_OBJECT

private:
    TempFolder m_tmp;
    std::unique_ptr<Workspace> m_ws;

private slots:
    void initTestCase()
    {
        m_ws = makeDemoWorkspace(m_tmp.path("demo.sqlite"));
        QVERIFY(m_ws);
        for (const auto& [seed, org] : kSeeds) {
            const QString problem = seedLabelsProblem(seed);
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }
    }

    void oneOrganizationPerSeedWithItsPolicy_data()
    {
        QTest::addColumn<QString>("seed");
        QTest::addColumn<QString>("org");
        for (const auto& [seed, org] : kSeeds)
            QTest::newRow(qPrintable(seed)) << seed << org;
    }
    void oneOrganizationPerSeedWithItsPolicy()
    {
        QFETCH(QString, seed);
        QFETCH(QString, org);
        auto versions = m_ws->policyVersions(org);
        QVERIFY(versions);
        QCOMPARE(versions->size(), 1);
        const PolicyVersion& v = versions->first();
        QCOMPARE(v.status, PolicyStatus::Published);
        QCOMPARE(v.body, seedText(seed));
        QVERIFY(v.publishedOn.isValid());
    }

    void noticeAndResponsePromisesAreSet()
    {
        auto orgs = m_ws->organizations();
        QVERIFY(orgs);
        QCOMPARE(orgs->size(), 3);
        for (const Organization& o : orgs.value())
            QCOMPARE(o.noticePeriodDays, 14);
        const auto labelsets = std::find_if(orgs->begin(), orgs->end(), [](const Organization& o) {
            return o.id == "org-labelsets";
        });
        QVERIFY(labelsets != orgs->end());
        QCOMPARE(labelsets->name, QStringLiteral("LabelSets"));
        QCOMPARE(labelsets->responseCommitmentDays, 30);
        QCOMPARE(labelsets->privacyContact, QStringLiteral("privacy@labelsets.ai"));
        // Only contract fields: nothing of the demo's own bookkeeping.
        for (const Organization& o : orgs.value())
            QVERIFY2(o.meta.extra.isEmpty(), qPrintable(o.id));
    }

    void everyThirdPartyTheSeedNamesIsAProcessor_data()
    {
        oneOrganizationPerSeedWithItsPolicy_data();
    }
    void everyThirdPartyTheSeedNamesIsAProcessor()
    {
        QFETCH(QString, seed);
        QFETCH(QString, org);
        const QJsonObject labels = seedLabels(seed);
        const QList<Processor> processors = m_ws->processors(org).value();
        QStringList known;
        for (const Processor& p : processors)
            known << namesOf(p);
        for (const QJsonValue& tp : labels["third_parties"].toArray()) {
            QStringList candidates{tp["name"].toString().toLower()};
            for (const QJsonValue& a : tp["aliases"].toArray())
                candidates << a.toString().toLower();
            const bool found = std::any_of(candidates.begin(), candidates.end(),
                                           [&](const QString& c) { return known.contains(c); });
            QVERIFY2(found, qPrintable(QStringLiteral("%1 names %2, which is not a processor of %3")
                                           .arg(seed, tp["name"].toString(), org)));
        }
    }

    void unnamedProvidersAreProcessorsToo()
    {
        // The categories the seeds describe without a name.
        const QHash<QString, QStringList> expected{
            {"org-trainrun", {"payment", "infrastructure"}},
            {"org-genmedia", {"object storage", "database", "e-mail", "infrastructure"}},
        };
        for (auto it = expected.begin(); it != expected.end(); ++it) {
            const QList<Processor> processors = m_ws->processors(it.key()).value();
            for (const QString& category : it.value()) {
                const bool found =
                    std::any_of(processors.begin(), processors.end(), [&](const Processor& p) {
                        return p.name.contains(category, Qt::CaseInsensitive);
                    });
                QVERIFY2(found, qPrintable(it.key() + ": no processor for " + category));
            }
        }
        // And exactly those, plus the named ones, for the seed 001.
        QCOMPARE(m_ws->processors("org-trainrun")->size(), 2);
    }

    void whatIsNotAProcessorStaysOut_data() { oneOrganizationPerSeedWithItsPolicy_data(); }
    void whatIsNotAProcessorStaysOut()
    {
        QFETCH(QString, seed);
        QFETCH(QString, org);
        QStringList known;
        for (const Processor& p : m_ws->processors(org).value())
            known << namesOf(p);
        for (const QJsonValue& n : seedLabels(seed)["not_third_parties"].toArray()) {
            const QString name = n["name"].toString().toLower();
            QVERIFY2(!known.contains(name), qPrintable(name + " must not be a processor"));
        }
        QVERIFY(!known.contains("geolite2"));
        QVERIFY(DemoWorkspace::notProcessors().value("org-trainrun").contains("GeoLite2"));
    }

    void everyStatedRetentionPeriodIsARule_data() { oneOrganizationPerSeedWithItsPolicy_data(); }
    void everyStatedRetentionPeriodIsARule()
    {
        QFETCH(QString, seed);
        QFETCH(QString, org);
        const QList<RetentionRule> rules = m_ws->retentionRules(org).value();
        QHash<QString, int> rulePeriods;
        bool lifetime = false;
        for (const RetentionRule& r : rules) {
            if (r.period)
                ++rulePeriods[r.period->toIso()];
            lifetime = lifetime || r.trigger == RetentionTrigger::AccountLifetime;
        }
        QHash<QString, int> statedPeriods;
        for (const QJsonValue& r : seedLabels(seed)["retention"].toArray()) {
            if (r["duration_iso8601"].isString())
                ++statedPeriods[r["duration_iso8601"].toString()];
            if (r["kind"].toString() == "account_lifetime")
                QVERIFY2(lifetime, qPrintable(org + ": no 'while the account is active' rule"));
        }
        for (auto it = statedPeriods.begin(); it != statedPeriods.end(); ++it)
            QVERIFY2(rulePeriods.value(it.key()) >= it.value(),
                     qPrintable(QStringLiteral("%1 states %2 x %3, the rules have %4")
                                    .arg(seed, it.key())
                                    .arg(it.value())
                                    .arg(rulePeriods.value(it.key()))));
        // Durations that are not retention (response deadline, notice
        // period) did not become rules.
        for (const QJsonValue& n : seedLabels(seed)["not_retention_durations"].toArray()) {
            const QString iso = n["duration_iso8601"].toString();
            if (!iso.isEmpty())
                QVERIFY2(!statedPeriods.contains(iso) ? rulePeriods.value(iso) == 0 : true,
                         qPrintable(org + " has a rule for the non-retention " + iso));
        }
    }

    void seed002ScheduleFactsAreRules()
    {
        const QList<RetentionRule> rules = m_ws->retentionRules("org-genmedia").value();
        auto has = [&](const QString& iso, RetentionTrigger trigger, RetentionAction action) {
            return std::any_of(rules.begin(), rules.end(), [&](const RetentionRule& r) {
                return r.period && r.period->toIso() == iso && r.trigger == trigger &&
                       r.action == action;
            });
        };
        QVERIFY(has("PT72H", RetentionTrigger::AccountDeletion, RetentionAction::Delete));
        QVERIFY(has("P30D", RetentionTrigger::AccountDeletion, RetentionAction::Delete));
        QVERIFY(has("P30D", RetentionTrigger::Collection, RetentionAction::Aggregate));
        QVERIFY(has("P30D", RetentionTrigger::AccountDeletion, RetentionAction::Anonymize));
        QVERIFY(has("P7Y", RetentionTrigger::Transaction, RetentionAction::Delete));
    }

    void subProcessorsHangUnderTheirParent()
    {
        auto aws = m_ws->processor("p-aws-supabase");
        QVERIFY(aws && aws.value());
        QCOMPARE(aws.value()->parentId, QStringLiteral("p-supabase"));
        auto google = m_ws->processor("p-google-signin");
        QCOMPARE(google.value()->organizationIds, QStringList({"org-labelsets", "org-genmedia"}));
    }

    void requestsAreManyVariedAndDeterministic()
    {
        QList<RightsRequest> all;
        for (const auto& [seed, org] : kSeeds)
            all += m_ws->rightsRequests(org).value();
        QVERIFY(all.size() >= 300);
        QSet<RequestType> types;
        QSet<Jurisdiction> jurisdictions;
        QSet<RequestStatus> statuses;
        const QDate today(kDemoYear, kDemoMonth, kDemoDay);
        for (const RightsRequest& r : all) {
            types.insert(r.type);
            jurisdictions.insert(r.jurisdiction);
            statuses.insert(r.status);
            QVERIFY(r.receivedAt.date() <= today);
            QVERIFY(r.receivedAt.date() >= today.addDays(-150));
            QVERIFY(r.subjectEmail.endsWith("@example.com"));
            QVERIFY(!r.isOpen() || !r.closedAt.isValid());
            if (r.closedAt.isValid())
                QVERIFY(r.closedAt >= r.receivedAt);
        }
        QCOMPARE(types.size(), 7);
        QCOMPARE(jurisdictions.size(), 6);
        QCOMPARE(statuses.size(), 7);

        // Same date, same requests.
        auto again = makeDemoWorkspace(m_tmp.path("again.sqlite"));
        QVERIFY(again);
        QList<RightsRequest> second;
        for (const auto& [seed, org] : kSeeds)
            second += again->rightsRequests(org).value();
        QCOMPARE(second.size(), all.size());
        for (int i = 0; i < all.size(); ++i)
            QCOMPARE(second[i].toJson(), all[i].toJson());
    }

    // Each organization carries its record of processing: the activities its
    // policy describes, linked to its own processors and rules, with no
    // error a save would refuse, and the controller, DPO and authority.
    void everyOrganizationHasItsActivitiesAndParties_data()
    {
        oneOrganizationPerSeedWithItsPolicy_data();
    }
    void everyOrganizationHasItsActivitiesAndParties()
    {
        QFETCH(QString, org);
        ActivityService service(*m_ws);
        const QList<ProcessingActivity> activities = service.list(org).value();
        QVERIFY2(activities.size() >= 5, qPrintable(org));
        QSet<QString> processors, rules;
        for (const Processor& p : m_ws->processors(org).value())
            processors.insert(p.id);
        for (const RetentionRule& r : m_ws->retentionRules(org).value())
            rules.insert(r.id);
        QSet<QString> linkedRules;
        for (const ProcessingActivity& a : activities) {
            QVERIFY(!QUuid::fromString(a.id).isNull());
            QVERIFY2(!a.purposes.isEmpty() && a.legalBasis && !a.dataCategories.isEmpty() &&
                         !a.dataSubjects.isEmpty(),
                     qPrintable(a.name));
            for (const QString& id : a.processorIds)
                QVERIFY2(processors.contains(id), qPrintable(a.name + ": " + id));
            for (const QString& id : a.retentionRuleIds) {
                QVERIFY2(rules.contains(id), qPrintable(a.name + ": " + id));
                linkedRules.insert(id);
            }
            QVERIFY2(!a.retentionRuleIds.isEmpty() || !a.retentionNote.isEmpty(),
                     qPrintable(a.name));
            for (const ActivityProblem& p : service.check(a))
                QVERIFY2(p.severity != ActivityProblem::Severity::Error,
                         qPrintable(a.name + ": " + p.message));
        }
        // Most rules say how long an activity keeps its data.
        QVERIFY2(linkedRules.size() * 2 >= rules.size(), qPrintable(org));
        Organization o;
        for (const Organization& candidate : m_ws->organizations().value())
            if (candidate.id == org)
                o = candidate;
        QVERIFY(!o.controller.name.isEmpty() && !o.controller.contact.isEmpty());
        QVERIFY(!o.dpo.contact.isEmpty());
        QVERIFY(!o.authority.name.isEmpty() && o.authority.country.size() == 2);
    }

    void theSeedsActivitiesAreThere()
    {
        QStringList names;
        for (const ProcessingActivity& a : m_ws->activities().value())
            names << a.organizationId + ": " + a.name;
        for (const char* expected :
             {"org-labelsets: Account management and sign-in",
              "org-labelsets: Payments and seller payouts", "org-labelsets: Usage analytics",
              "org-labelsets: Transactional e-mail", "org-labelsets: Support requests",
              "org-trainrun: Training jobs",
              "org-trainrun: Security telemetry and fraud prevention",
              "org-genmedia: Image and video generation",
              "org-genmedia: Operational logs and abuse prevention"})
            QVERIFY2(names.contains(QString::fromUtf8(expected)), expected);
        // The generation activity sends content to BytePlus in Singapore.
        ActivityService service(*m_ws);
        for (const ProcessingActivity& a : m_ws->activities("org-genmedia").value()) {
            if (a.name != "Image and video generation")
                continue;
            const QList<Transfer> transfers = service.transfers(a).value();
            QVERIFY(std::any_of(transfers.begin(), transfers.end(), [](const Transfer& t) {
                return t.country == "SG" && t.processorId == "p-byteplus" &&
                       t.mechanism == TransferMechanism::Scc;
            }));
        }
        // Processors carry their measures.
        QVERIFY(m_ws->processor("p-stripe")
                    .value()
                    ->securityMeasures.contains("certification_assurance"));
    }

    void refusesToOverwriteAFile()
    {
        auto ws = DemoWorkspace::create(m_tmp.path("demo.sqlite"));
        QVERIFY(!ws);
        QVERIFY(ws.error().contains("already exists"));
    }
};

QTEST_GUILESS_MAIN(TestDemoWorkspace)
#include "tst_demoworkspace.moc"
