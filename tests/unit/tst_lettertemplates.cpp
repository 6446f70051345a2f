#include "TestSupport.h"
#include "domain/Letters.h"
#include "services/LetterService.h"

#include <QFile>
#include <QJsonDocument>

using namespace workbench;
using namespace workbench::test;

namespace {

// The fields as the service fills them, for one jurisdiction and language.
LetterFields fieldsFor(Jurisdiction j, LetterKind kind, const QString& lang)
{
    const LetterLaw& law = LetterLaw::defaults();
    LetterFields f;
    f["requester_name"] = "Zoë Dupont";
    f["requester_email"] = "zoe@example.org";
    f["request_id"] = "LS-0042";
    f["received_date"] = letterDate(QDate(2026, 3, 3), lang);
    f["due_date"] = letterDate(QDate(2026, 4, 3), lang);
    f["original_due_date"] = letterDate(QDate(2026, 4, 3), lang);
    f["extended_due_date"] = letterDate(QDate(2026, 6, 3), lang);
    f["extension_period"] = letterPeriod({2, LegalPeriod::Unit::CalendarMonths}, lang);
    f["extension_reasons"] = "Many systems to search.";
    f["refusal_reasons"] = "Manifestly unfounded.";
    f["today"] = letterDate(QDate(2026, 3, 4), lang);
    f["organization_name"] = "LabelSets";
    f["controller_contact"] = "privacy@labelsets.ai";
    f["dpo_contact"] = "dpo@labelsets.ai";
    f["controller_term"] = law.controllerTerm(j, lang);
    f["processor_term"] = law.processorTerm(j, lang);
    f["law_name"] = law.lawName(j, lang);
    f["citation"] = law.citation(j, kind, lang);
    f["right"] = law.right(j, RequestType::Erasure, lang);
    f["authority_name"] = law.authority(j, "FR", lang);
    f["remedies"] = law.remedies(j, lang).replace("{{authority_name}}", f.value("authority_name"));
    f["processor_name"] = "Supabase, Inc.";
    f["processor_action"] = law.processorAction(RequestType::Erasure, lang);
    return f;
}

} // namespace

class TestLetterTemplates : public QObject
{
    Q_OBJECT

private slots:
    void parseAndFormatRoundTrip()
    {
        const QString file = "Subject: Hello {{requester_name}}\n\nDear {{requester_name}},\n\n"
                             "Your request {{request_id}}.\n";
        auto t = LetterTemplates::parse(file, "test.txt");
        QVERIFY_OK(t);
        QCOMPARE(t->subject, QStringLiteral("Hello {{requester_name}}"));
        QCOMPARE(t->body,
                 QStringLiteral("Dear {{requester_name}},\n\nYour request {{request_id}}."));
        QCOMPARE(LetterTemplates::format(t.value()), file);
        QCOMPARE(LetterTemplates::placeholdersIn(t->body),
                 QStringList({"requester_name", "request_id"}));
        // CRLF files read the same.
        auto crlf = LetterTemplates::parse(QString(file).replace("\n", "\r\n"), "crlf.txt");
        QVERIFY_OK(crlf);
        QCOMPARE(crlf.value(), t.value());
    }

    void badTemplatesAreReportedWithWhere()
    {
        auto noHeader = LetterTemplates::parse("Just a body", "a.txt");
        QVERIFY(!noHeader);
        QVERIFY2(noHeader.error().contains("a.txt") && noHeader.error().contains("Subject:"),
                 qPrintable(noHeader.error()));
        auto unknownHeader = LetterTemplates::parse("From: x\n\nBody", "b.txt");
        QVERIFY(!unknownHeader);
        QVERIFY(unknownHeader.error().contains("line 1"));
        auto unknown = LetterTemplates::parse("Subject: S\n\nDear {{customer}},", "c.txt");
        QVERIFY(!unknown);
        QVERIFY2(unknown.error().contains("{{customer}}"), qPrintable(unknown.error()));
        auto argMarker = LetterTemplates::parse("Subject: S\n\nDue on %1.", "d.txt");
        QVERIFY(!argMarker);
        QVERIFY2(argMarker.error().contains("\"%1\""), qPrintable(argMarker.error()));
        auto open = LetterTemplates::parse("Subject: S\n\nDear {{ requester_name}},", "e.txt");
        QVERIFY(!open);
        QVERIFY2(open.error().contains("\"{{\""), qPrintable(open.error()));
        auto emptySubject = LetterTemplates::parse("Subject:\n\nBody", "f.txt");
        QVERIFY(!emptySubject);
    }

    void fillReplacesAndRefusesWhatItCannotFill()
    {
        const LetterText t{"Request {{request_id}}", "Dear {{requester_name}}, due {{due_date}}."};
        LetterFields f{{"request_id", "LS-1"}, {"requester_name", "Ada"}, {"due_date", "3 April"}};
        auto filled = LetterTemplates::fill(t, f);
        QVERIFY_OK(filled);
        QCOMPARE(filled->subject, QStringLiteral("Request LS-1"));
        QCOMPARE(filled->body, QStringLiteral("Dear Ada, due 3 April."));
        // A value is inserted as it is, never read as a template.
        f["requester_name"] = "{{due_date}} %1";
        QCOMPARE(LetterTemplates::fill(t, f)->body,
                 QStringLiteral("Dear {{due_date}} %1, due 3 April."));
        // Empty and unknown are refused, each named.
        f["due_date"] = "  ";
        auto empty = LetterTemplates::fill(t, f);
        QVERIFY(!empty);
        QVERIFY2(empty.error().contains("{{due_date}} has no value"), qPrintable(empty.error()));
        auto unknown = LetterTemplates::fill({"S", "{{nickname}}"}, f);
        QVERIFY(!unknown);
        QVERIFY(unknown.error().contains("{{nickname}}"));
    }

    void leftoversAreFound()
    {
        QCOMPARE(LetterTemplates::leftovers("All filled, 100 % sure."), QStringList());
        QCOMPARE(LetterTemplates::leftovers("Due {{due_date}} and %2; also {{ x"),
                 QStringList({"{{due_date}}", "%2", "{{"}));
    }

    void datesAndPeriodsInTheLettersLanguage()
    {
        const QDate d(2026, 3, 3);
        QCOMPARE(letterDate(d, "en"), QStringLiteral("3 March 2026"));
        QCOMPARE(letterDate(d, "de"), QStringLiteral("3. März 2026"));
        QCOMPARE(letterDate(d, "fr"), QStringLiteral("3 mars 2026"));
        QCOMPARE(letterDate(QDate(2026, 7, 1), "fr"), QStringLiteral("1er juillet 2026"));
        QCOMPARE(letterDate(QDate(2026, 12, 14), "de"), QStringLiteral("14. Dezember 2026"));
        QCOMPARE(letterPeriod({2, LegalPeriod::Unit::CalendarMonths}, "de"),
                 QStringLiteral("2 Monate"));
        QCOMPARE(letterPeriod({45, LegalPeriod::Unit::CalendarDays}, "fr"),
                 QStringLiteral("45 jours"));
        QCOMPARE(letterPeriod({1, LegalPeriod::Unit::CalendarMonths}, "en"),
                 QStringLiteral("1 month"));
    }

    void theWordingTableIsCompleteAndUsesTheOfficialTerms()
    {
        QFile f(":/rules/letters.json");
        QVERIFY(f.open(QIODevice::ReadOnly));
        QJsonObject json = QJsonDocument::fromJson(f.readAll()).object();
        QVERIFY_OK(LetterLaw::fromJson(json));
        const LetterLaw& law = LetterLaw::defaults();
        for (const QString& lang : letterLanguages())
            for (const QString& j : wireNames<Jurisdiction>())
                for (const auto& k : EnumTraits<LetterKind>::entries)
                    QVERIFY2(!law.citation(*fromWire<Jurisdiction>(j), k.value, lang).isEmpty(),
                             qPrintable(j + " " + k.wire + " " + lang));
        QCOMPARE(law.controllerTerm(Jurisdiction::Gdpr, "de"), QStringLiteral("Verantwortlicher"));
        QCOMPARE(law.processorTerm(Jurisdiction::Gdpr, "de"),
                 QStringLiteral("Auftragsverarbeiter"));
        QCOMPARE(law.controllerTerm(Jurisdiction::Gdpr, "fr"),
                 QStringLiteral("responsable du traitement"));
        QCOMPARE(law.processorTerm(Jurisdiction::Gdpr, "fr"), QStringLiteral("sous-traitant"));
        QVERIFY(law.remedies(Jurisdiction::Gdpr, "de").contains("Aufsichtsbehörde"));
        QVERIFY(law.remedies(Jurisdiction::Gdpr, "fr").contains("autorité de contrôle"));
        QVERIFY(law.remedies(Jurisdiction::Gdpr, "en").contains("Art. 77 GDPR"));
        QVERIFY(law.remedies(Jurisdiction::Gdpr, "en").contains("Art. 79 GDPR"));
        QCOMPARE(law.right(Jurisdiction::Gdpr, RequestType::Access, "de"),
                 QStringLiteral("Recht auf Auskunft (Art. 15 DSGVO)"));
        QCOMPARE(law.right(Jurisdiction::Gdpr, RequestType::Erasure, "fr"),
                 QStringLiteral("droit à l'effacement (article 17 du RGPD)"));
        QCOMPARE(law.right(Jurisdiction::Ccpa, RequestType::Erasure, "en"),
                 QStringLiteral("right to delete (Cal. Civ. Code §1798.105)"));
        QVERIFY(law.citation(Jurisdiction::Gdpr, LetterKind::ProcessorNotice, "en")
                    .contains("Art. 19"));
        QVERIFY(law.citation(Jurisdiction::Lgpd, LetterKind::Extension, "en").contains("Art. 19"));
        QVERIFY(
            law.citation(Jurisdiction::Ccpa, LetterKind::Extension, "de").contains("§1798.130"));
        // The authority: the organization's country where one is competent,
        // else the jurisdiction's default.
        QVERIFY(law.authority(Jurisdiction::Gdpr, "fr", "en").contains("CNIL"));
        QVERIFY(
            law.authority(Jurisdiction::Gdpr, "IE", "de").contains("Data Protection Commission"));
        QVERIFY(law.authority(Jurisdiction::Gdpr, "", "de").contains("Aufsichtsbehörde"));
        QVERIFY(law.authority(Jurisdiction::UkGdpr, "FR", "en").contains("ICO"));
        QVERIFY(law.authority(Jurisdiction::Pipeda, "", "fr").contains("Commissariat"));

        // A language missing is refused, named.
        QJsonObject gdpr = json["jurisdictions"].toObject()["GDPR"].toObject();
        QJsonObject lawName = gdpr["law"].toObject();
        lawName.remove("fr");
        gdpr["law"] = lawName;
        QJsonObject all = json["jurisdictions"].toObject();
        all["GDPR"] = gdpr;
        json["jurisdictions"] = all;
        auto broken = LetterLaw::fromJson(json);
        QVERIFY(!broken);
        QVERIFY2(broken.error().contains("jurisdictions.GDPR.law has no fr text"),
                 qPrintable(broken.error()));
    }

    void everyTemplateRendersInEveryLanguageAndJurisdiction_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("lang");
        QTest::addColumn<QString>("jurisdiction");
        for (const auto& k : EnumTraits<LetterKind>::entries)
            for (const QString& lang : letterLanguages())
                for (const QString& j : wireNames<Jurisdiction>())
                    QTest::addRow("%s-%s-%s", k.wire, qPrintable(lang), qPrintable(j))
                        << QString::fromLatin1(k.wire) << lang << j;
    }

    void everyTemplateRendersInEveryLanguageAndJurisdiction()
    {
        QFETCH(QString, kind);
        QFETCH(QString, lang);
        QFETCH(QString, jurisdiction);
        const LetterKind k = *fromWire<LetterKind>(kind);
        const Jurisdiction j = *fromWire<Jurisdiction>(jurisdiction);
        auto shipped = LetterService::defaultTemplate(k, lang);
        QVERIFY_OK(shipped);
        QVERIFY_OK(LetterTemplates::check(shipped.value(), kind));
        const LetterFields f = fieldsFor(j, k, lang);
        auto letter = LetterTemplates::fill(shipped.value(), f);
        QVERIFY_OK(letter);
        const QString all = letter->subject + "\n" + letter->body;
        QVERIFY2(LetterTemplates::leftovers(all).isEmpty(),
                 qPrintable(LetterTemplates::leftovers(all).join(", ")));
        QVERIFY(!all.contains("{{"));
        QVERIFY(!all.contains("%1"));
        // The jurisdiction's citation and the request's reference are there.
        QVERIFY2(all.contains(f.value("citation")), qPrintable(f.value("citation")));
        QVERIFY(letter->subject.contains("LS-0042"));
        // Dates in the letter's language.
        const QString expectDate =
            k == LetterKind::Extension ? f.value("extended_due_date") : f.value("received_date");
        QVERIFY2(all.contains(expectDate), qPrintable(expectDate));
        if (lang == "de")
            QVERIFY(all.contains("März") || all.contains("Juni"));
        if (lang == "fr")
            QVERIFY(all.contains("mars") || all.contains("juin"));
        if (k == LetterKind::Refusal) {
            QVERIFY(all.contains(f.value("authority_name")));
            QVERIFY(all.contains("Manifestly unfounded."));
        }
        if (k == LetterKind::Extension)
            QVERIFY(all.contains("Many systems to search."));
        if (k == LetterKind::ProcessorNotice) {
            QVERIFY(all.contains("Supabase, Inc."));
            QVERIFY(all.contains(f.value("processor_action")));
        }
        // No English words left in a German or French letter's fixed text.
        if (lang != "en") {
            QVERIFY(!letter->body.contains("Kind regards"));
            QVERIFY(!letter->body.contains("Dear "));
        }
    }
};

QTEST_GUILESS_MAIN(TestLetterTemplates)
#include "tst_lettertemplates.moc"
