#include "domain/Activity.h"
#include "domain/Catalogues.h"

#include <QJsonArray>
#include <QTest>

using namespace workbench;

// The processing activity as a value: its JSON, its checks (each naming
// the field), and the transfers derived from the registry.
class TestActivities : public QObject
{
    Q_OBJECT

private:
    static ProcessingActivity activity()
    {
        ProcessingActivity a;
        a.id = "6d1f0f64-0f0e-4c55-9a52-2b1b5c0e0a01";
        a.organizationId = "o1";
        a.name = "Payments";
        a.purposes = {"process purchases"};
        a.legalBasis = LegalBasis::Contract;
        a.dataSubjects = {"customer"};
        a.dataCategories = {"user.financial", "user.contact.email"};
        a.processorIds = {"p-stripe"};
        a.retentionRuleIds = {"r1"};
        a.securityMeasures = {"protection_in_transmission"};
        return a;
    }
    static Processor processor(const QString& id, const QStringList& locations,
                               TransferMechanism mechanism, const QString& parent = {})
    {
        Processor p;
        p.id = id;
        p.name = "Processor " + id;
        p.service = "s";
        p.locations = locations;
        p.transferMechanism = mechanism;
        p.parentId = parent;
        p.organizationIds = {"o1"};
        return p;
    }
    static QStringList fields(const QList<ActivityProblem>& problems,
                              ActivityProblem::Severity severity)
    {
        QStringList out;
        for (const ActivityProblem& p : problems)
            if (p.severity == severity)
                out << p.field;
        return out;
    }

private slots:
    void catalogueHoldsTheAnnexIIMeasureTypes()
    {
        const QList<CatalogueItem>& all = SecurityMeasures::all();
        QCOMPARE(all.size(), 17);
        for (const char* key :
             {"pseudonymisation_encryption", "confidentiality_integrity_availability_resilience",
              "restore_availability", "regular_testing", "user_identification_authorisation",
              "protection_in_transmission", "protection_in_storage", "physical_security",
              "events_logging", "system_configuration", "it_governance", "certification_assurance",
              "data_minimisation", "data_quality", "limited_retention", "accountability",
              "portability_erasure"})
            QVERIFY2(SecurityMeasures::find(key), key);
        QCOMPARE(SecurityMeasures::label("events_logging"), QString("Events logging"));
        QCOMPARE(SecurityMeasures::label("no_such"), QString("no_such"));
    }

    void specialCategoriesAreFoundUnderTheirKey()
    {
        QVERIFY(DataCategories::isSpecial("user.health_and_medical"));
        QVERIFY(DataCategories::isSpecial("user.health_and_medical.condition"));
        QVERIFY(DataCategories::isSpecial("user.biometric"));
        QVERIFY(!DataCategories::isSpecial("user.demographic"));
        QVERIFY(!DataCategories::isSpecial("user.contact.email"));
        QVERIFY(!DataCategories::isSpecial("user.healthy")); // not a key below the special one
        QCOMPARE(DataCategories::categoryLabel("user.contact.email"),
                 QString("contact e-mail address"));
        QCOMPARE(DataCategories::findCategory("user.financial.card")->key,
                 QString("user.financial"));
    }

    void roundTripsThroughItsJson()
    {
        ProcessingActivity a = activity();
        a.role = ActivityRole::JointController;
        a.jointController = "Partner GmbH, privacy@partner.example";
        a.specialCategoryCondition = SpecialCategoryCondition::ExplicitConsent;
        a.otherRecipients = {
            {"Tax office", RecipientType::PublicAuthority, "DE", TransferMechanism::None},
            {"US parent", RecipientType::GroupCompany, "US", TransferMechanism::Bcr}};
        a.transfersOverride = QList<Transfer>{{"US", TransferMechanism::Scc, "Stripe", "p-stripe"}};
        a.dpiaStatus = DpiaStatus::InProgress;
        a.dpiaReference = "DPIA-1";
        a.systems = {"Billing"};
        const QJsonObject json = a.toJson();
        QCOMPARE(json.value("legal_basis").toString(), QString("contract"));
        QCOMPARE(json.value("other_recipients").toArray().size(), 2);
        auto back = ProcessingActivity::fromJson(json);
        QVERIFY2(back, qPrintable(back.error()));
        QCOMPARE(back.value(), a);

        // Not set stays not set: no legal basis, no override (derived).
        ProcessingActivity bare;
        bare.id = "x";
        bare.organizationId = "o1";
        bare.name = "Bare";
        const QJsonObject bareJson = bare.toJson();
        QVERIFY(bareJson.value("legal_basis").isNull());
        QVERIFY(bareJson.value("transfers_override").isNull());
        auto bareBack = ProcessingActivity::fromJson(bareJson);
        QVERIFY(bareBack);
        QVERIFY(!bareBack->legalBasis);
        QVERIFY(!bareBack->transfersOverride);
        // An empty override is an override: "no transfers", set by hand.
        bare.transfersOverride = QList<Transfer>();
        auto emptyOverride = ProcessingActivity::fromJson(bare.toJson());
        QVERIFY(emptyOverride && emptyOverride->transfersOverride &&
                emptyOverride->transfersOverride->isEmpty());
    }

    void badJsonNamesTheField_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::newRow("basis") << "legal_basis" << QJsonValue("because");
        QTest::newRow("art9") << "special_category_condition" << QJsonValue("k");
        QTest::newRow("dpia") << "dpia_status" << QJsonValue("maybe");
        QTest::newRow("recipients")
            << "other_recipients" << QJsonValue(QJsonArray{QJsonObject{{"type", "other"}}});
        QTest::newRow("transfer country")
            << "transfers_override"
            << QJsonValue(QJsonArray{QJsonObject{{"country", "USA"}, {"mechanism", "scc"}}});
        QTest::newRow("name") << "name" << QJsonValue("");
    }
    void badJsonNamesTheField()
    {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QJsonObject json = activity().toJson();
        json.insert(field, value);
        auto r = ProcessingActivity::fromJson(json);
        QVERIFY(!r);
        QVERIFY2(r.error().startsWith(field), qPrintable(r.error()));
    }

    void specialCategoriesNeedAnArticle9Condition()
    {
        ProcessingActivity a = activity();
        QVERIFY(fields(validateActivity(a), ActivityProblem::Severity::Error).isEmpty());
        a.dataCategories << "user.health_and_medical";
        QVERIFY(a.hasSpecialCategories());
        const QList<ActivityProblem> problems = validateActivity(a);
        QCOMPARE(fields(problems, ActivityProblem::Severity::Error),
                 QStringList{"special_category_condition"});
        QVERIFY(problems.first().message.contains("Art. 9"));
        QVERIFY(problems.first().message.contains("health data"));
        a.specialCategoryCondition = SpecialCategoryCondition::HealthOrSocialCare;
        QVERIFY(fields(validateActivity(a), ActivityProblem::Severity::Error).isEmpty());
        // A condition without special categories is only a warning.
        a.dataCategories = {"user.name"};
        QVERIFY(fields(validateActivity(a), ActivityProblem::Severity::Warning)
                    .contains("special_category_condition"));
    }

    void validationNamesEachField()
    {
        ProcessingActivity a;
        a.id = "x";
        a.securityMeasures = {"firewall"};
        a.otherRecipients = {{"", RecipientType::Other, "usa", TransferMechanism::None}};
        a.role = ActivityRole::Processor;
        const QList<ActivityProblem> problems = validateActivity(a);
        const QStringList errors = fields(problems, ActivityProblem::Severity::Error);
        for (const char* f :
             {"organization_id", "name", "security_measures", "other_recipients", "controllers"})
            QVERIFY2(errors.contains(f), f);
        const QStringList warnings = fields(problems, ActivityProblem::Severity::Warning);
        for (const char* f :
             {"purposes", "legal_basis", "data_subjects", "data_categories", "retention_rule_ids"})
            QVERIFY2(warnings.contains(f), f);
        for (const ActivityProblem& p : problems)
            QVERIFY2(!p.message.isEmpty() && p.message.contains(':'), qPrintable(p.message));
    }

    void transfersAreDerivedFromProcessorsAndSubProcessors()
    {
        const QList<Processor> registry{
            processor("p-stripe", {"IE", "US"}, TransferMechanism::Dpf),
            processor("p-sub", {"IN"}, TransferMechanism::Scc, "p-stripe"),
            processor("p-eu", {"DE"}, TransferMechanism::None),
            processor("p-other", {"SG"}, TransferMechanism::Scc)};
        ProcessingActivity a = activity();
        a.processorIds = {"p-stripe", "p-eu"};
        a.otherRecipients = {
            {"Parent Inc.", RecipientType::GroupCompany, "US", TransferMechanism::Bcr}};
        const QList<Transfer> derived = derivedTransfers(a, registry);
        // EEA countries are no transfer; the sub-processor's onward transfer
        // counts; a processor not linked does not.
        const QList<Transfer> expected{
            {"IN", TransferMechanism::Scc, "Processor p-sub", "p-sub"},
            {"US", TransferMechanism::Bcr, "Parent Inc.", QString()},
            {"US", TransferMechanism::Dpf, "Processor p-stripe", "p-stripe"}};
        QCOMPARE(derived, expected);
        QCOMPARE(effectiveTransfers(a, registry), expected);

        // An offboarded processor transfers nothing any more.
        QList<Processor> offboarded = registry;
        offboarded[0].status = ProcessorStatus::Offboarded;
        QCOMPARE(derivedTransfers(a, offboarded).size(), 1);

        // The override wins, even when empty.
        a.transfersOverride = QList<Transfer>{{"CH", TransferMechanism::Adequacy, "x", {}}};
        QCOMPARE(effectiveTransfers(a, registry).size(), 1);
        QCOMPARE(effectiveTransfers(a, registry).first().country, QString("CH"));
        a.transfersOverride = QList<Transfer>();
        QVERIFY(effectiveTransfers(a, registry).isEmpty());
        QCOMPARE(derivedTransfers(a, registry), expected);
    }

    void retentionShowsAsPeriods()
    {
        RetentionRule keep;
        keep.id = "r1";
        keep.dataCategory = "transaction records";
        keep.period = IsoDuration::parse(u"P7Y");
        keep.trigger = RetentionTrigger::Transaction;
        RetentionRule other = keep;
        other.id = "r2";
        ProcessingActivity a = activity();
        a.retentionRuleIds = {"r1", "missing"};
        const QStringList periods = retentionPeriods(a, {keep, other});
        QCOMPARE(periods.size(), 1);
        QVERIFY2(periods.first().startsWith("transaction records: ") &&
                     periods.first().contains("7 years"),
                 qPrintable(periods.first()));
    }

    void eeaCountries()
    {
        for (const char* c : {"DE", "IE", "NO", "IS", "LI", "fr"})
            QVERIFY2(isEeaCountry(QString::fromLatin1(c)), c);
        for (const char* c : {"US", "GB", "CH", "SG", ""})
            QVERIFY2(!isEeaCountry(QString::fromLatin1(c)), c);
    }
};

QTEST_GUILESS_MAIN(TestActivities)
#include "tst_activities.moc"
