#include "domain/RequestGuess.h"
#include "domain/RequestGuessCues.h"

#include <QTest>

using namespace workbench;

namespace {

QString wireOr(std::optional<RequestType> t)
{
    return t ? toWire(*t) : QStringLiteral("-");
}
QString wireOr(std::optional<Jurisdiction> j)
{
    return j ? toWire(*j) : QStringLiteral("-");
}

} // namespace

// Each row is a message as a person writes it. "-" is no guess.
class TestRequestGuess : public QObject
{
    Q_OBJECT

    static void row(const char* name, const char* subject, const char* body, const char* sender,
                    const char* type, const char* jurisdiction, double maxConfidence = 1.0,
                    const char* knownMiss = "")
    {
        QTest::newRow(name) << QString::fromUtf8(subject) << QString::fromUtf8(body)
                            << QString::fromUtf8(sender) << QString::fromLatin1(type)
                            << QString::fromLatin1(jurisdiction) << maxConfidence
                            << QString::fromLatin1(knownMiss);
    }

private slots:
    void messages_data()
    {
        QTest::addColumn<QString>("subject");
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("sender");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("jurisdiction");
        QTest::addColumn<double>("maxConfidence");
        QTest::addColumn<QString>("knownMiss");

        // ---- English ----
        row("en: delete account, Art. 17 GDPR", "Request to delete my account",
            "Hi,\n\nI would like you to delete my account and all the personal data you hold "
            "about me, as per Article 17 of the GDPR.\n\nThanks,\nMark Peters\nSent from my iPhone",
            "Mark Peters <mark.peters@gmail.com>", "erasure", "GDPR");
        row("en: UK subject access request", "Subject Access Request",
            "Dear Data Protection Officer,\n\nUnder the UK GDPR and the Data Protection Act 2018 "
            "I am making a subject access request. Please send me a copy of all personal data you "
            "hold on me, including call recordings.\n\nKind regards\nEmma Clarke",
            "emma.clarke@btinternet.com", "access", "UK_GDPR");
        row("en: CCPA do not sell", "Do Not Sell or Share My Personal Information",
            "Hello,\nI'm a California resident and I'm exercising my right to opt out of the sale "
            "and sharing of my personal information under the CCPA/CPRA.\n\n- Dana",
            "dana@example.com", "opt_out_sale", "CCPA");
        row("en: typos, outdated address", "wrong adress on my acount",
            "hi there, my address in your system is outdated, could you pls correct my details? "
            "new one is 12 Elm Street, Springfield\nthx Tom",
            "tom1987@outlook.com", "rectification", "-");
        row("en: export, Irish sender", "Data export",
            "Hello,\nI'm moving to another service. Could you export my data (orders, playlists) "
            "in a machine-readable format? I believe I have a right to data portability.\n\nBest,\n"
            "Liam",
            "liam@eircom.ie", "portability", "GDPR");
        row("en: restrict while disputed", "Complaint follow-up",
            "While you look into my complaint about the inaccurate data on my file, please "
            "restrict processing of my data as provided in Article 18 GDPR.\nRegards, A. Novak",
            "a.novak@seznam.cz", "restriction", "GDPR");
        row("en: object to marketing, German sender", "Objection",
            "I object to the processing of my personal data for direct marketing purposes. "
            "Please stop immediately.\nK. Braun",
            "k.braun@gmx.de", "objection", "GDPR");
        row("en: bare DSAR", "DSAR",
            "Please treat this email as a DSAR.\nName: Priya Shah\nCustomer no: 448812",
            "priya.shah@yahoo.com", "access", "-");
        row("en: CCPA right to know by section", "Request to know",
            "Under California law (Cal. Civ. Code § 1798.110) I request that you disclose the "
            "categories and specific pieces of personal information you have collected about me.",
            "", "access", "CCPA");
        row("en: cannot find the delete button", "Help",
            "I can't find where to delete my account in the app, can you do it for me?\nCheers",
            "sam@hotmail.co.uk", "erasure", "UK_GDPR");
        row("en: PIPEDA access", "Access to my personal information",
            "Good afternoon,\n\nI am writing under PIPEDA to request access to my personal "
            "information held by your company.\n\nSincerely,\nJean Tremblay",
            "jtremblay@videotron.ca", "access", "PIPEDA");
        row("en: LGPD erasure", "Data deletion",
            "Under the LGPD (Lei 13.709/2018), please delete all information about me.\nObrigado, "
            "Ana",
            "ana@uol.com.br", "erasure", "LGPD");
        row("en: right to be forgotten, remove info", "right to be forgotten",
            "please remove all my info from your site. i dont use it anymore", "x@y.org", "erasure",
            "-");
        row("en: quoted support reply", "Re: Your request #4821",
            "Thanks, yes please go ahead and erase everything.\n\nOn Tue, 3 Mar 2026, Support "
            "wrote:\n> Thank you for contacting us. You can request a copy of your data or ask\n> "
            "us "
            "to correct it at any time.\n",
            "", "erasure", "-");
        row("en: withdraw consent", "Consent",
            "I hereby withdraw my consent to the use of my data for profiling.", "", "objection",
            "-");

        // ---- German ----
        row("de: Löschung nach Art. 17 DSGVO", "Löschung meiner Daten gem. Art. 17 DSGVO",
            "Sehr geehrte Damen und Herren,\n\nhiermit fordere ich Sie auf, sämtliche über mich "
            "gespeicherten personenbezogenen Daten unverzüglich zu löschen.\n\nMit freundlichen "
            "Grüßen\nJürgen Weiß",
            "juergen.weiss@web.de", "erasure", "GDPR");
        row("de: Auskunftsersuchen", "Auskunftsersuchen nach Art. 15 DSGVO",
            "Guten Tag,\nich bitte um Auskunft über die zu meiner Person gespeicherten Daten sowie "
            "eine Kopie dieser Daten.\nViele Grüße\nS. Yilmaz",
            "s.yilmaz@posteo.de", "access", "GDPR");
        row("de: falsche Anschrift", "Falsche Anschrift",
            "Hallo, meine Anschrift ist bei Ihnen falsch hinterlegt. Bitte berichtigen Sie diese: "
            "Neue Straße 5, 10115 Berlin.\nDanke, Petra",
            "petra.m@t-online.de", "rectification", "GDPR");
        row("de: Datenübertragbarkeit", "Export",
            "Ich möchte mein Recht auf Datenübertragbarkeit wahrnehmen und bitte um den Export "
            "meiner Daten in einem maschinenlesbaren Format.",
            "", "portability", "-");
        row("de: Einschränkung der Verarbeitung", "Beschwerde",
            "Bis zur Klärung meiner Beschwerde verlange ich die Einschränkung der Verarbeitung "
            "meiner Daten (Art. 18 DSGVO).",
            "", "restriction", "GDPR");
        row("de: Widerspruch Werbung, Austria", "Widerspruch gegen Werbung",
            "Ich widerspreche der Nutzung meiner Daten für Werbezwecke. Bitte schicken Sie mir "
            "keine Werbung mehr.",
            "franz@gmx.at", "objection", "GDPR");
        row("de: oe spelling, no capitals", "loeschung meines kontos",
            "hallo, bitte mein konto loeschen, ich nutze es nicht mehr. gruss", "", "erasure", "-");
        row("de: denial only", "Ihre E-Mail",
            "Hallo,\nich möchte nicht, dass mein Konto gelöscht wird! Ich habe nur meine E-Mail "
            "geändert.",
            "", "-", "-");
        row("de: denial beside a compound, lower confidence", "Kontolöschung?",
            "Ich habe eine Bestätigung zur Kontolöschung bekommen. Ich möchte aber nicht, dass "
            "mein Konto gelöscht wird.",
            "", "erasure", "-", 0.6);
        row("de: reply over an English quote", "AW: Your request",
            "Hallo,\n\nja, bitte löschen Sie alle Daten.\n\n-----Ursprüngliche Nachricht-----\n"
            "> Please confirm that you want us to delete your account.\n",
            "", "erasure", "-");
        row("de: welche Daten gespeichert", "Selbstauskunft",
            "Sehr geehrte Damen und Herren, bitte teilen Sie mir mit, welche Daten Sie über mich "
            "gespeichert haben. MfG",
            "", "access", "-");
        row("de: Daten sperren", "Sperrung",
            "Bitte sperren Sie meine Daten, bis der Streit geklärt ist.", "", "restriction", "-");
        row("de: Vergessenwerden, Swiss sender", "Recht auf Vergessenwerden",
            "Bitte entfernen Sie den Artikel über mich aus Ihrer Suche.", "m@bluewin.ch", "erasure",
            "-");
        row("de: all capitals, ß", "LÖSCHUNG MEINER DATEN",
            "SEHR GEEHRTE DAMEN UND HERREN, BITTE LÖSCHEN SIE MEIN KONTO. GRÜSSE", "", "erasure",
            "-");
        row("de: decomposed umlaut", "Lo\xcc\x88schung", "Bitte um Lo\xcc\x88schung.", "",
            "erasure", "-");

        // ---- French ----
        row("fr: suppression, article 17 du RGPD", "Demande de suppression de mon compte",
            "Bonjour,\n\nConformément à l'article 17 du RGPD, je vous demande de supprimer mon "
            "compte ainsi que l'ensemble de mes données personnelles.\n\nCordialement,\nMarie "
            "Lefèvre",
            "marie.lefevre@orange.fr", "erasure", "GDPR");
        row("fr: droit d'accès", "Exercice de mon droit d’accès",
            "Madame, Monsieur,\nen application de l’article 15 du RGPD, je souhaite obtenir une "
            "copie de mes données personnelles.\nVeuillez agréer mes salutations distinguées.",
            "", "access", "GDPR");
        row("fr: nom mal orthographié, Belgian sender", "Erreur dans mon nom",
            "Bonjour, mon nom est mal orthographié dans votre fichier : merci de corriger mes "
            "données (Lefèvre et non Lefevre).",
            "c.lefevre@skynet.be", "rectification", "GDPR");
        row("fr: portabilité", "Mes données",
            "Bonjour, je souhaite exercer mon droit à la portabilité et récupérer mes données dans "
            "un format lisible. Merci",
            "", "portability", "-");
        row("fr: limitation du traitement", "Réclamation",
            "Je demande la limitation du traitement de mes données le temps de l'examen de ma "
            "réclamation.",
            "", "restriction", "-");
        row("fr: je m'oppose", "Prospection",
            "Je m'oppose au traitement de mes données à des fins de prospection commerciale.", "",
            "objection", "-");
        row("fr: no accents, texting", "droit a l'oubli",
            "bjr, svp effacer toutes mes infos de votre site, merci", "", "erasure", "-");
        row("fr: denial", "Mon compte",
            "Merci de ne pas supprimer mon compte, je voulais seulement changer d'adresse e-mail.",
            "", "-", "-");
        row("fr: CNIL threat, access", "Relance",
            "Je vous demande l'accès à mes données. Sans réponse de votre part sous un mois, je "
            "saisirai la CNIL.",
            "", "access", "GDPR");
        row("fr: Quebec", "Demande",
            "Bonjour, je vous écris de Montréal. Je voudrais avoir accès à mes renseignements "
            "personnels.",
            "luc@videotron.ca", "access", "PIPEDA");
        row("fr/en: both languages", "Demande RGPD / GDPR request",
            "Bonjour / Hello,\nmerci d'effacer mon compte. Please delete my account.\nCordialement",
            "", "erasure", "GDPR");
        row("fr: suppression without object", "Suppression", "Bonjour, suppression svp. Merci.", "",
            "erasure", "-", 0.5);

        // ---- Several cues, laws, domains ----
        row("mixed: copy then delete, first named wins", "Hello",
            "Please send me a copy of my data and then delete my account.", "", "access", "-", 0.5);
        row("mixed: subject decides", "Deletion request",
            "Please send me a copy of my data first and then delete my account.", "", "erasure",
            "-");
        row("mixed: citation beats a hint", "Frage",
            "Ich bitte um Auskunft, ob meine Daten gemäß Art. 17 DSGVO gelöscht wurden.", "",
            "erasure", "GDPR");
        row("mixed: UK GDPR beats GDPR", "GDPR request", "Under the UK GDPR please erase my data.",
            "", "erasure", "UK_GDPR");
        row("law named beats the domain", "Delete", "Please delete my data under the CCPA.",
            "hans@firma.de", "erasure", "CCPA");
        row("domain only", "Supprimer mon compte", "Merci.", "Jean <jean@free.fr>", "erasure",
            "GDPR");
        row("unknown domain", "Delete my account", "", "someone@example.com", "erasure", "-");
        row("LGPD article is not a GDPR article", "Solicitação",
            "Nos termos do art. 18 da LGPD, solicito a eliminação dos meus dados.", "", "-",
            "LGPD");
        row("a domain does not set the articles aside", "Art. 15", "Merci.", "luc@sympatico.ca",
            "access", "PIPEDA");
        row("Virginia law", "Request",
            "Under the Virginia Consumer Data Protection Act I want to access my data.", "",
            "access", "VCDPA_CPA");
        row("Colorado law by its abbreviation", "CPA request",
            "Hello, as a Colorado resident I want a copy of my personal data. Thanks", "", "access",
            "VCDPA_CPA");
        row("Connecticut law is Other", "Request", "Under the CTDPA please delete my data.", "",
            "erasure", "OTHER");
        row("no cue", "Order #123", "Hi, my order arrived damaged, can I get a refund? Thanks, Bob",
            "bob@example.com", "-", "-");
        row("no cue, access to an account", "Login problem",
            "I cannot access my account since yesterday, the password reset does not work.", "",
            "-", "-");
        row("disclaimer asks for nothing", "Meeting on Thursday",
            "Hi Anna,\n\nThursday at 10 works for me.\n\nBest,\nTom\n\nThis e-mail is "
            "confidential. If you are not the intended recipient, please notify the sender and "
            "delete this e-mail and all copies from your system.",
            "tom@agency.co.uk", "-", "UK_GDPR");
        row("German disclaimer under a request", "Auskunft",
            "Bitte um Auskunft über meine Daten.\n\nMfG\nK. Roth\n\nDiese E-Mail enthält "
            "vertrauliche Informationen. Wenn Sie nicht der richtige Adressat sind oder diese "
            "E-Mail irrtümlich erhalten haben, informieren Sie bitte sofort den Absender und "
            "löschen Sie diese Mail.",
            "", "access", "-");
        row("a mail received in error is no disclaimer", "Newsletter",
            "Hello, I received your newsletter in error, please delete my email address.", "",
            "erasure", "-");
        row("en: Art. 15 wording", "Request",
            "Dear Sir or Madam,\nplease confirm whether you process my personal data and, where "
            "that is the case, provide me with access to it.\nRegards",
            "", "access", "-");
        row("French disclaimer", "Facture",
            "Bonjour, ci-joint la facture.\n\nCe message est confidentiel. Si vous n'êtes pas le "
            "destinataire, merci de le supprimer et d'en avertir l'expéditeur.",
            "", "-", "-");
        row("empty", "", "", "", "-", "-");

        // ---- Known misses (the text means it, no cue says it) ----
        row("miss: implicit erasure", "Goodbye", "I no longer want you to have anything about me.",
            "", "erasure", "-", 1.0, "an erasure in other words than the cue tables'");
        row("miss: Spanish", "Solicitud", "Quiero que borren todos mis datos personales.", "",
            "erasure", "-", 1.0, "Spanish has no cue table");
    }

    void messages()
    {
        QFETCH(QString, subject);
        QFETCH(QString, body);
        QFETCH(QString, sender);
        QFETCH(QString, type);
        QFETCH(QString, jurisdiction);
        QFETCH(double, maxConfidence);
        QFETCH(QString, knownMiss);

        const RequestGuess g = guessRequest(subject, body, sender);
        QCOMPARE(wireOr(g.jurisdiction), jurisdiction);
        QCOMPARE(g.jurisdictionEvidence.isEmpty(), !g.jurisdiction.has_value());
        if (!knownMiss.isEmpty())
            QEXPECT_FAIL("", qPrintable(knownMiss), Abort);
        QCOMPARE(wireOr(g.type), type);
        QCOMPARE(g.typeEvidence.isEmpty(), !g.type.has_value());
        if (g.type) {
            QVERIFY(g.typeConfidence > 0);
            QVERIFY2(g.typeConfidence <= maxConfidence,
                     qPrintable(QString::number(g.typeConfidence)));
        }
    }

    // The evidence quotes the words as written, and says where they stand.
    void evidenceQuotesTheWords()
    {
        const RequestGuess g = guessRequest(
            QStringLiteral("Hello"),
            QStringLiteral("Please consider this my Right to be Forgotten under the DSGVO."),
            QStringLiteral("a@b.fr"));
        QVERIFY2(g.typeEvidence.contains(QStringLiteral("\"Right to be Forgotten\"")),
                 qPrintable(g.typeEvidence));
        QVERIFY2(g.typeEvidence.contains(QStringLiteral("body")), qPrintable(g.typeEvidence));
        QVERIFY2(g.jurisdictionEvidence.contains(QStringLiteral("\"DSGVO\"")),
                 qPrintable(g.jurisdictionEvidence));

        const RequestGuess byDomain =
            guessRequest(QStringLiteral("Löschung"), {}, QStringLiteral("x@mail.de"));
        QVERIFY2(byDomain.jurisdictionEvidence.contains(QStringLiteral("\".de\"")),
                 qPrintable(byDomain.jurisdictionEvidence));
        QVERIFY(byDomain.jurisdictionConfidence < g.jurisdictionConfidence);
    }

    // A citation is surer than a phrase, a phrase than a bare word; a denial
    // beside the request lowers it.
    void confidenceFollowsTheCue()
    {
        auto confidence = [](const char* body) {
            return guessRequest({}, QString::fromUtf8(body)).typeConfidence;
        };
        const double citation = confidence("Art. 17 DSGVO");
        const double phrase = confidence("Please delete my account.");
        const double word = confidence("Delete.");
        QVERIFY(citation > phrase);
        QVERIFY(phrase > word);
        QVERIFY(confidence("Please delete my account. I do not want my data deleted.") < phrase);
        QCOMPARE(guessRequest({}, QStringLiteral("I do not want my account deleted.")).type,
                 std::nullopt);
    }

    // Every cue of every table, written out plainly (first alternatives, no
    // gaps), is guessed as its own type or law: no cue is shadowed or mistyped.
    void everyCueFindsItself()
    {
        auto sample = [](const char* pattern) {
            QStringList words;
            for (const QString& piece : QString::fromUtf8(pattern).split(u' ')) {
                if (piece != u"~")
                    words << piece.section(u'|', 0, 0).remove(u'*');
            }
            return words.join(u' ');
        };
        int cues = 0;
        for (auto table : {guess::englishCues(), guess::germanCues(), guess::frenchCues(),
                           guess::citationCues()}) {
            for (const guess::TypeCue& c : table) {
                const QString text = sample(c.pattern);
                QCOMPARE(wireOr(guessRequest({}, text).type), toWire(c.type) + QString());
                ++cues;
            }
        }
        for (const guess::LawCue& c : guess::lawCues()) {
            const QString text = sample(c.pattern);
            QVERIFY2(guessRequest({}, text).jurisdiction == c.jurisdiction, qPrintable(text));
            ++cues;
        }
        QVERIFY(cues > 150);
    }

    // At most the first 64 KiB of the body is read; a megabyte of anything is
    // no crash.
    void hugeInput()
    {
        const QString filler = QStringLiteral("lorem ipsum dolor sit amet. ").repeated(40000);
        QVERIFY(filler.size() > 1000 * 1000);
        QCOMPARE(guessRequest({}, filler + QStringLiteral("delete my account")).type, std::nullopt);
        QCOMPARE(guessRequest({}, QStringLiteral("delete my account ") + filler).type,
                 RequestType::Erasure);

        QString noise(1024 * 1024, Qt::Uninitialized);
        for (qsizetype i = 0; i < noise.size(); ++i)
            noise[i] = QChar(char16_t((i * 7919) % 0xFFFF + 1)); // surrogates, marks, controls
        const RequestGuess g = guessRequest(noise, noise, noise);
        Q_UNUSED(g);
        QCOMPARE(guessRequest(QStringLiteral("\xcc\x88"), QStringLiteral("> > >\n\n,,,..."),
                              QStringLiteral("@"))
                     .type,
                 std::nullopt);
    }
};

QTEST_GUILESS_MAIN(TestRequestGuess)
#include "tst_requestguess.moc"
