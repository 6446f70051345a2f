#include "IncidentDrafts.h"

#include <QCoreApplication>

namespace workbench {

namespace {

struct DraftsText
{
    Q_DECLARE_TR_FUNCTIONS(IncidentDrafts)
};

// The drafts' wording in each language: the letter's language is the
// recipient's, not the window's, so it is kept here rather than in the
// translation catalogues.
struct Phrase
{
    const char* key;
    const char* en;
    const char* de;
    const char* fr;
};

const Phrase kPhrases[] = {
    {"authority_title", "Notification of a personal data breach (%1)",
     "Meldung einer Verletzung des Schutzes personenbezogener Daten (%1)",
     "Notification d'une violation de données à caractère personnel (%1)"},
    {"initial", "initial notification", "Erstmeldung", "notification initiale"},
    {"follow_up", "follow-up notification (Art. 33(4) GDPR)", "Folgemeldung (Art. 33 Abs. 4 DSGVO)",
     "notification complémentaire (art. 33(4) RGPD)"},
    {"final", "final notification", "Abschlussmeldung", "notification finale"},
    {"controller", "Controller", "Verantwortlicher", "Responsable du traitement"},
    {"reference", "Our reference", "Unser Zeichen", "Notre référence"},
    {"timeline", "Timeline", "Zeitlicher Ablauf", "Chronologie"},
    {"started", "Breach started", "Beginn der Verletzung", "Début de la violation"},
    {"discovered", "Discovered", "Entdeckt", "Découverte"},
    {"aware", "Controller aware", "Kenntnis des Verantwortlichen", "Connaissance du responsable"},
    {"unknown", "not known yet", "noch nicht bekannt", "pas encore connu"},
    {"nature", "(a) Nature of the breach", "(a) Art der Verletzung", "(a) Nature de la violation"},
    {"categories", "Categories of personal data", "Kategorien personenbezogener Daten",
     "Catégories de données à caractère personnel"},
    {"special", "special category", "besondere Kategorie", "catégorie particulière"},
    {"people_count", "Approximate number of people concerned",
     "Ungefähre Zahl der betroffenen Personen", "Nombre approximatif de personnes concernées"},
    {"records_count", "Approximate number of records concerned",
     "Ungefähre Zahl der betroffenen Datensätze",
     "Nombre approximatif d'enregistrements concernés"},
    {"processors", "Processors involved", "Beteiligte Auftragsverarbeiter",
     "Sous-traitants concernés"},
    {"systems", "Systems involved", "Betroffene Systeme", "Systèmes concernés"},
    {"contact", "(b) Contact point (data protection officer)",
     "(b) Anlaufstelle (Datenschutzbeauftragte/r)",
     "(b) Point de contact (délégué à la protection des données)"},
    {"consequences", "(c) Likely consequences", "(c) Wahrscheinliche Folgen",
     "(c) Conséquences probables"},
    {"measures", "(d) Measures taken or proposed", "(d) Ergriffene oder vorgeschlagene Maßnahmen",
     "(d) Mesures prises ou proposées"},
    {"taken", "Taken", "Ergriffen", "Prises"},
    {"proposed", "Proposed", "Vorgeschlagen", "Proposées"},
    {"risk", "Our assessment of the risk", "Unsere Risikobewertung", "Notre évaluation du risque"},
    {"delay", "Reasons for the delay (Art. 33(1) GDPR)",
     "Gründe für die Verzögerung (Art. 33 Abs. 1 DSGVO)", "Motifs du retard (art. 33(1) RGPD)"},
    {"delay_todo", "[State why the notification comes after 72 hours.]",
     "[Begründen Sie, warum die Meldung nach 72 Stunden erfolgt.]",
     "[Indiquez pourquoi la notification intervient après 72 heures.]"},
    {"phases",
     "Information not yet available will be provided in further phases without undue delay.",
     "Noch nicht verfügbare Informationen werden unverzüglich schrittweise nachgereicht.",
     "Les informations pas encore disponibles seront fournies par étapes sans retard indu."},
    {"people_title", "Important: an incident concerning your personal data",
     "Wichtig: ein Vorfall, der Ihre personenbezogenen Daten betrifft",
     "Important : un incident concernant vos données personnelles"},
    {"dear", "Dear Sir or Madam,", "Sehr geehrte Damen und Herren,", "Madame, Monsieur,"},
    {"what_happened", "What happened", "Was ist passiert", "Ce qui s'est passé"},
    {"your_data", "Which of your data are concerned", "Welche Ihrer Daten betroffen sind",
     "Quelles données vous concernant sont touchées"},
    {"what_it_means", "What this may mean for you", "Was das für Sie bedeuten kann",
     "Ce que cela peut signifier pour vous"},
    {"what_we_did", "What we have done", "Was wir unternommen haben", "Ce que nous avons fait"},
    {"what_you_can_do", "What you can do", "Was Sie tun können", "Ce que vous pouvez faire"},
    {"questions", "Questions: our data protection officer",
     "Fragen: unsere/n Datenschutzbeauftragte/n",
     "Questions : notre délégué à la protection des données"},
    {"regards", "Kind regards,", "Mit freundlichen Grüßen",
     "Veuillez agréer nos salutations distinguées,"},
    {"fill", "[to be completed]", "[zu ergänzen]", "[à compléter]"},
};

QString phrase(const QString& language, const char* key)
{
    for (const Phrase& p : kPhrases) {
        if (qstrcmp(p.key, key) == 0)
            return QString::fromUtf8(language == u"de" ? p.de : language == u"fr" ? p.fr : p.en);
    }
    return QString::fromLatin1(key);
}

QString local(const QDateTime& t, const QTimeZone& zone, const QString& language)
{
    if (!t.isValid())
        return phrase(language, "unknown");
    const QDateTime l = t.toTimeZone(zone);
    return l.toString(QStringLiteral("yyyy-MM-dd HH:mm ")) + QString::fromUtf8(zone.id()) +
           QStringLiteral(" (") + isoWithOffset(l).right(6) + u')';
}

QString orFill(const QString& text, const QString& language)
{
    return text.trimmed().isEmpty() ? phrase(language, "fill") : text.trimmed();
}

} // namespace

QStringList draftLanguages()
{
    return {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("fr")};
}

Result<DraftText> composeDraft(const Incident& incident, const Organization& organization,
                               const QStringList& processors, const QList<BreachClock>& clocks,
                               DraftKind kind, IncidentSubmission::Phase phase,
                               const QString& language, const QDateTime& now)
{
    if (!draftLanguages().contains(language))
        return Error{DraftsText::tr("Drafts are written in %1, not '%2'.")
                         .arg(draftLanguages().join(QStringLiteral(", ")), language)};
    const QString l = language;
    const QTimeZone zone = incident.zone();
    QStringList categories;
    for (const IncidentDataCategory& c : incident.dataCategories)
        categories << (c.special ? QStringLiteral("%1 (%2)").arg(c.name, phrase(l, "special"))
                                 : c.name);
    const QString contact =
        orFill(incident.contact.isEmpty() ? organization.privacyContact : incident.contact, l);
    DraftText d;
    d.from = organization.privacyContact.contains(u'@') ? organization.privacyContact : QString();
    QStringList p; // paragraphs
    if (kind == DraftKind::Authority) {
        const char* phaseKey = phase == IncidentSubmission::Phase::Initial    ? "initial"
                               : phase == IncidentSubmission::Phase::FollowUp ? "follow_up"
                                                                              : "final";
        d.title = phrase(l, "authority_title").arg(phrase(l, phaseKey));
        p << QStringLiteral("%1: %2\n%3: %4")
                 .arg(phrase(l, "controller"), organization.name, phrase(l, "reference"),
                      incident.id);
        p << QStringLiteral("%1\n%2: %3\n%4: %5\n%6: %7")
                 .arg(phrase(l, "timeline"), phrase(l, "started"),
                      local(incident.startedAt, zone, l), phrase(l, "discovered"),
                      local(incident.discoveredAt, zone, l), phrase(l, "aware"),
                      local(incident.awareAt, zone, l));
        QString nature = phrase(l, "nature") + u'\n' + incident.title + u'\n' +
                         orFill(incident.whatHappened, l) + u'\n' + phrase(l, "categories") +
                         QStringLiteral(": ") + orFill(categories.join(QStringLiteral(", ")), l) +
                         u'\n' + phrase(l, "people_count") + QStringLiteral(": ") +
                         (incident.peopleApprox ? QString::number(*incident.peopleApprox)
                                                : phrase(l, "unknown")) +
                         u'\n' + phrase(l, "records_count") + QStringLiteral(": ") +
                         (incident.recordsApprox ? QString::number(*incident.recordsApprox)
                                                 : phrase(l, "unknown"));
        if (!processors.isEmpty())
            nature += u'\n' + phrase(l, "processors") + QStringLiteral(": ") +
                      processors.join(QStringLiteral(", "));
        if (!incident.systems.isEmpty())
            nature += u'\n' + phrase(l, "systems") + QStringLiteral(": ") +
                      incident.systems.join(QStringLiteral(", "));
        p << nature;
        p << phrase(l, "contact") + u'\n' + contact;
        p << phrase(l, "consequences") + u'\n' + orFill(incident.consequences, l);
        p << phrase(l, "measures") + u'\n' + phrase(l, "taken") + QStringLiteral(": ") +
                 orFill(incident.measuresTaken, l) + u'\n' + phrase(l, "proposed") +
                 QStringLiteral(": ") + orFill(incident.measuresProposed, l);
        p << phrase(l, "risk") + QStringLiteral(": ") + displayLabel(incident.risk) +
                 (incident.riskReasoning.isEmpty()
                      ? QString()
                      : QStringLiteral(" — ") + incident.riskReasoning);
        for (const BreachClock& c : clocks) {
            if (c.recipient != u"authority" || !c.lateNeedsReasons)
                continue;
            const bool late =
                c.state == BreachClock::State::Stopped ? c.isLate(now) : c.due && now > *c.due;
            if (late && phase == IncidentSubmission::Phase::Initial) {
                const IncidentSubmission* sent = incident.firstSubmission(c.id);
                p << phrase(l, "delay") + u'\n' +
                         (sent && !sent->delayReasons.isEmpty() ? sent->delayReasons
                                                                : phrase(l, "delay_todo"));
            }
        }
        if (phase != IncidentSubmission::Phase::Final)
            p << phrase(l, "phases");
    } else {
        d.title = phrase(l, "people_title");
        p << phrase(l, "dear");
        p << phrase(l, "what_happened") + u'\n' + orFill(incident.whatHappened, l);
        p << phrase(l, "your_data") + u'\n' + orFill(categories.join(QStringLiteral(", ")), l);
        p << phrase(l, "what_it_means") + u'\n' + orFill(incident.consequences, l);
        p << phrase(l, "what_we_did") + u'\n' + orFill(incident.measuresTaken, l);
        p << phrase(l, "what_you_can_do") + u'\n' + orFill(incident.measuresProposed, l);
        p << phrase(l, "questions") + u'\n' + contact;
        p << phrase(l, "regards") + u'\n' + organization.name;
    }
    d.body = p.join(QStringLiteral("\n\n"));
    return d;
}

} // namespace workbench
