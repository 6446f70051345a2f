#include "RequestGuessCues.h"

#include <array>

namespace workbench::guess {

namespace {

using T = RequestType;
using J = Jurisdiction;

// Object words that make a verb a request about the writer's data.
#define DATA_WORDS                                                                                 \
    "data|account|information|info|infos|details|profile|records|record|everything|me"

const TypeCue kEnglish[] = {
    // Erasure
    {T::Erasure, 3, "right to be forgotten"},
    {T::Erasure, 3, "right to erasure"},
    {T::Erasure, 3, "right to delete|deletion"},
    {T::Erasure, 2, "erasure"},
    {T::Erasure, 2, "erase* ~ " DATA_WORDS},
    {T::Erasure, 2, "delet* ~ " DATA_WORDS "|history|photos|emails|messages|email|address|number"},
    {T::Erasure, 2, "account|data|profile|information|details ~ deleted|erased|removed"},
    {T::Erasure, 2,
     "remove ~ data|account|information|info|infos|details|profile|records|everything"},
    {T::Erasure, 1, "delet*"},
    {T::Erasure, 1, "close|terminate ~ account"},
    // Access
    {T::Access, 3, "subject access"},
    {T::Access, 3, "dsar*"},
    {T::Access, 3, "right of|to access"},
    {T::Access, 2, "sar"},
    {T::Access, 2, "access request|requests"},
    // Art. 15's wording: "confirmation as to whether ... personal data ... are being processed"
    {T::Access, 2, "confirm* whether|if ~ process|processing|processed|hold|store|stored"},
    {T::Access, 2, "right to know"},
    {T::Access, 2, "copy ~ data|information|records|file"},
    {T::Access, 2, "access ~ data|information|records"},
    {T::Access, 2,
     "what ~ data|information ~ hold|have|store|stored|collected|collect|process|keep"},
    // Rectification
    {T::Rectification, 3, "right to|of rectification|correction"},
    {T::Rectification, 3, "right to correct"},
    {T::Rectification, 2, "rectif*"},
    {T::Rectification, 2,
     "correct* ~ data|information|address|name|details|record|records|email|birth|spelling|"
     "mistake|error|errors|inaccuracy|inaccuracies"},
    {T::Rectification, 1, "inaccurate|incorrect|outdated"},
    {T::Rectification, 1, "update|change ~ address|name|surname|details"},
    // Portability
    {T::Portability, 3, "data portability"},
    {T::Portability, 2, "portability"},
    {T::Portability, 2, "export* ~ data|information|account|history"},
    {T::Portability, 2, "port ~ data|account"},
    {T::Portability, 1, "transfer|move ~ data ~ to"},
    {T::Portability, 1, "machine readable"},
    {T::Portability, 1, "download ~ data"},
    // Restriction
    {T::Restriction, 3, "right to restriction|restrict"},
    {T::Restriction, 2, "restrict* ~ processing|use|data"},
    // CPRA's right to limit the use of sensitive personal information.
    {T::Restriction, 2, "limit ~ use ~ sensitive"},
    // Objection (a denial is the request: not negatable)
    {T::Objection, 3, "right to object", false},
    {T::Objection, 2,
     "object|objection|objecting to ~ processing|marketing|profiling|use|using|tracking|"
     "legitimate",
     false},
    {T::Objection, 1, "object to", false},
    {T::Objection, 2, "stop ~ processing|profiling|tracking", false},
    {T::Objection, 2, "stop using ~ data|information", false},
    {T::Objection, 2, "do not process|use ~ data", false},
    {T::Objection, 2, "dont process|use ~ data", false},
    {T::Objection, 2, "don t process|use ~ data", false},
    {T::Objection, 2, "opt* out ~ marketing|newsletter|newsletters|emails|mailing|profiling",
     false},
    {T::Objection, 2, "remove me ~ list|mailing|newsletter", false},
    {T::Objection, 1, "marketing|newsletter|newsletters|promotional", false},
    {T::Objection, 1, "withdraw* ~ consent", false},
    // Opt-out of sale/sharing (CCPA/CPRA)
    {T::OptOutSale, 3, "do not sell|share", false},
    {T::OptOutSale, 3, "dont sell|share", false},
    {T::OptOutSale, 3, "don t sell|share", false},
    {T::OptOutSale, 3, "opt* out ~ sale|sell|selling|sharing|share|sold", false},
    {T::OptOutSale, 2, "sale|selling|sell|sharing ~ data|information", false},
    {T::OptOutSale, 2, "data|information ~ sold", false},
    {T::OptOutSale, 1, "opt* out", false},
    {T::OptOutSale, 1, "optout|cross context behavioral advertising", false},
};
#undef DATA_WORDS

const TypeCue kGerman[] = {
    // Erasure
    {T::Erasure, 3, "recht auf vergessenwerden|vergessen"},
    {T::Erasure, 3, "recht auf loschung|loeschung"},
    {T::Erasure, 2, "*loschung|*loeschung"},
    {T::Erasure, 2, "losch*|loesch*|geloscht|geloescht"},
    {T::Erasure, 2, "entfern* ~ daten|konto|profil|account"},
    {T::Erasure, 1, "konto|account|kundenkonto ~ kundig*|kuendig*|schliess*"},
    // Access
    {T::Access, 3, "auskunfts*|datenauskunft|selbstauskunft"},
    {T::Access, 3, "recht auf auskunft"},
    {T::Access, 2, "auskunft ~ daten|uber|gemass|gem|nach"},
    {T::Access, 1, "auskunft"},
    {T::Access, 2, "kopie ~ daten|informationen"},
    {T::Access, 2, "welche ~ daten ~ gespeichert|speichern|verarbeiten|verarbeitet|haben"},
    // Rectification
    {T::Rectification, 3, "recht auf berichtigung"},
    {T::Rectification, 2, "berichtig*"},
    {T::Rectification, 2,
     "korrigier*|korrektur ~ daten|adresse|anschrift|name|namens|geburtsdatum"},
    {T::Rectification, 1, "korrigier*|falsch*|veraltet*"},
    {T::Rectification, 1, "adresse|anschrift|name ~ andern|aendern|aktualisieren"},
    // Portability
    {T::Portability, 3, "datenubertragbarkeit|datenuebertragbarkeit"},
    {T::Portability, 2, "ubertragbarkeit|uebertragbarkeit"},
    {T::Portability, 2, "export* ~ daten"},
    {T::Portability, 2, "daten ~ export*"},
    {T::Portability, 1, "maschinenlesbar*"},
    // Restriction
    {T::Restriction, 3, "einschrankung|einschraenkung der verarbeitung"},
    {T::Restriction, 2, "einschrank*|einschraenk* ~ verarbeitung|nutzung|daten"},
    {T::Restriction, 2, "sperrung|sperren ~ daten"},
    {T::Restriction, 2, "daten ~ sperren"},
    {T::Restriction, 1, "einschrank*|einschraenk*"},
    // Objection
    {T::Objection, 3, "widerspruchsrecht", false},
    {T::Objection, 2, "widerspruch|widerspreche*|widersprechen", false},
    {T::Objection, 1, "widerruf* ~ einwilligung", false},
    {T::Objection, 1, "einwilligung ~ widerruf*|zuruck|zurueck", false},
    {T::Objection, 1, "werbung|newsletter|werbemails|werbezwecke", false},
    // Opt-out of sale
    {T::OptOutSale, 2, "verkauf* ~ daten", false},
    {T::OptOutSale, 2, "daten ~ verkauf*", false},
};

const TypeCue kFrench[] = {
    // Erasure
    {T::Erasure, 3, "droit a l oubli"},
    {T::Erasure, 3, "droit a l effacement"},
    {T::Erasure, 3, "droit de suppression"},
    {T::Erasure, 2, "effacement"},
    {T::Erasure, 2, "effac* ~ donnees|compte|informations"},
    {T::Erasure, 2, "suppression|supprim* ~ compte|donnees|informations|profil|tout"},
    {T::Erasure, 2, "compte|donnees|informations ~ supprim*|effac*"},
    {T::Erasure, 1, "suppression|supprim*"},
    {T::Erasure, 1, "fermeture|clotur* ~ compte"},
    // Access
    {T::Access, 3, "droit d acces"},
    {T::Access, 2, "acces a|aux ~ donnees|informations|renseignements"},
    {T::Access, 2, "demande d acces"},
    {T::Access, 2, "copie ~ donnees|informations|renseignements"},
    {T::Access, 2, "quelles ~ donnees|informations ~ detenez|conservez|traitez|possedez|collect*"},
    // Rectification
    {T::Rectification, 3, "droit de rectification"},
    {T::Rectification, 2, "corrig* ~ donnees|adresse|nom|informations|date"},
    {T::Rectification, 1, "modifi* ~ adresse|nom"},
    {T::Rectification, 1, "erronee|erronees|inexacte|inexactes"},
    // Portability
    {T::Portability, 3, "droit a la portabilite"},
    {T::Portability, 2, "portabilite"},
    {T::Portability, 2, "export* ~ donnees"},
    // Restriction
    {T::Restriction, 3, "droit a la limitation"},
    {T::Restriction, 2, "limitation du|de ~ traitement"},
    {T::Restriction, 2, "limiter ~ traitement|utilisation"},
    // Objection
    {T::Objection, 3, "droit d opposition", false},
    {T::Objection, 2, "je m oppose", false},
    {T::Objection, 2, "opposition", false},
    {T::Objection, 1, "oppos*", false},
    {T::Objection, 1, "retir* ~ consentement", false},
    {T::Objection, 1, "prospection|publicite|publicites|newsletter", false},
    // Opt-out of sale
    {T::OptOutSale, 2, "ne pas vendre|partager", false},
    {T::OptOutSale, 2, "vente ~ donnees", false},
};

// Article numbers of the GDPR (and its German and French names), and the
// sections of the California Civil Code.
#define ART "art|arts|article|articles|artikel|artikels"
const TypeCue kCitations[] = {
    {T::Access, 3, ART " 15", true, true},
    {T::Rectification, 3, ART " 16", true, true},
    {T::Erasure, 3, ART " 17", true, true},
    {T::Restriction, 3, ART " 18", true, true},
    {T::Portability, 3, ART " 20", true, true},
    {T::Objection, 3, ART " 21", false, true},
    {T::Access, 3, "1798 100|110|115"},
    {T::Erasure, 3, "1798 105"},
    {T::Rectification, 3, "1798 106"},
    {T::OptOutSale, 3, "1798 120|135", false},
    {T::Restriction, 3, "1798 121"},
};
#undef ART

const LawCue kLaws[] = {
    // UK before the EU: "UK GDPR" holds "GDPR".
    {J::UkGdpr, 4, "uk gdpr"},
    {J::UkGdpr, 4, "data protection act 2018"},
    {J::UkGdpr, 4, "dpa 2018"},
    {J::UkGdpr, 3, "ico"},
    {J::UkGdpr, 3, "information commissioner*"},
    {J::Gdpr, 3, "gdpr|dsgvo|rgpd|bdsg|lopdgdd"},
    {J::Gdpr, 3, "ds gvo"},
    {J::Gdpr, 3, "general data protection regulation"},
    {J::Gdpr, 3, "datenschutz grundverordnung|grundverordnung"},
    {J::Gdpr, 3, "datenschutzgrundverordnung"},
    {J::Gdpr, 3, "reglement general sur la protection des donnees"},
    {J::Gdpr, 3, "loi informatique et libertes"},
    {J::Gdpr, 3, "2016 679"},
    {J::Gdpr, 2, "cnil|edpb|bfdi|aepd|garante"},
    {J::Gdpr, 2, "datenschutzbehorde|datenschutzbeauftragte*|landesdatenschutzbeauftragte*"},
    {J::Gdpr, 1, "aufsichtsbehorde"},
    {J::Ccpa, 3, "ccpa|cpra"},
    {J::Ccpa, 3, "california consumer privacy act"},
    {J::Ccpa, 3, "california privacy rights act"},
    {J::Ccpa, 3, "1798 1*"},
    {J::Ccpa, 2, "california|californian|kalifornien|californie"},
    {J::Lgpd, 3, "lgpd|anpd"},
    {J::Lgpd, 3, "lei geral de protecao de dados"},
    {J::Lgpd, 3, "13 709"},
    {J::Lgpd, 1, "brasil|brazil|bresil|brasilien"},
    {J::Pipeda, 3, "pipeda"},
    {J::Pipeda, 3, "personal information protection and electronic documents act"},
    {J::Pipeda, 3, "privacy commissioner of canada"},
    {J::Pipeda, 1, "canada|kanada"},
    // Virginia and Colorado (one rule in the deadline table).
    {J::VcdpaCpa, 3, "vcdpa"},
    {J::VcdpaCpa, 2, "cpa"}, // also an accountant: never stronger than a law named in full
    {J::VcdpaCpa, 3, "virginia consumer data protection act"},
    {J::VcdpaCpa, 3, "colorado privacy act"},
    {J::VcdpaCpa, 1, "virginia|colorado"},
    // Laws the workbench has no rules for.
    {J::Other, 3, "ctdpa|pipl|appi|popia|fadp|nfadp|revdsg|ndsg"},
};

// clang-format off
const char* const kDenials[] = {
    "not", "no", "never", "dont", "cannot",
    "nicht", "kein", "keine", "keinen", "nie", "niemals",
    "ne", "n", "pas", "jamais",
};

const char* const kGlue[] = {
    "want", "wish", "need", "like", "would", "to", "you", "your", "my", "me", "the", "be",
    "have", "get", "ever", "it", "this", "that", "any", "of", "account", "data", "personal",
    "information", "profile", "details", "t", "do", "don", "will",
    "wollen", "mochte", "moechte", "mein", "meine", "meinen", "meiner", "mich", "sie", "dass",
    "werden", "wird", "ihr", "ihre", "konto", "daten", "personenbezogenen",
    "je", "veux", "souhaite", "que", "vous", "mes", "mon", "ma", "les", "le", "la", "de", "d",
    "l", "soit", "soient", "compte", "donnees", "personnelles", "plus",
};
// clang-format on

// What a disclaimer says of itself ("this e-mail"), not what a person says of
// a mail they were sent ("I received your newsletter in error").
const char* const kBoilerplate[] = {
    "intended recipient|recipients",
    "received this ~ in error",
    "received this ~ by mistake",
    "richtige|beabsichtigte adressat|empfanger",
    "diese ~ irrtumlich|versehentlich|falschlich ~ erhalten",
    "destinataire|destinataires",
    "recu ce ~ par erreur",
};

struct CountryDomain
{
    const char* tld;
    Jurisdiction jurisdiction;
};

// EU and EEA members apply the GDPR; "gb" is the United Kingdom's unused code.
const CountryDomain kCountryDomains[] = {
    {"eu", J::Gdpr}, {"at", J::Gdpr},   {"be", J::Gdpr},   {"bg", J::Gdpr}, {"hr", J::Gdpr},
    {"cy", J::Gdpr}, {"cz", J::Gdpr},   {"dk", J::Gdpr},   {"ee", J::Gdpr}, {"fi", J::Gdpr},
    {"fr", J::Gdpr}, {"de", J::Gdpr},   {"gr", J::Gdpr},   {"hu", J::Gdpr}, {"ie", J::Gdpr},
    {"it", J::Gdpr}, {"lv", J::Gdpr},   {"lt", J::Gdpr},   {"lu", J::Gdpr}, {"mt", J::Gdpr},
    {"nl", J::Gdpr}, {"pl", J::Gdpr},   {"pt", J::Gdpr},   {"ro", J::Gdpr}, {"sk", J::Gdpr},
    {"si", J::Gdpr}, {"es", J::Gdpr},   {"se", J::Gdpr},   {"is", J::Gdpr}, {"li", J::Gdpr},
    {"no", J::Gdpr}, {"uk", J::UkGdpr}, {"gb", J::UkGdpr}, {"br", J::Lgpd}, {"ca", J::Pipeda},
};

} // namespace

std::span<const TypeCue> englishCues()
{
    return kEnglish;
}
std::span<const TypeCue> germanCues()
{
    return kGerman;
}
std::span<const TypeCue> frenchCues()
{
    return kFrench;
}
std::span<const TypeCue> citationCues()
{
    return kCitations;
}
std::span<const LawCue> lawCues()
{
    return kLaws;
}

std::span<const char* const> boilerplateCues()
{
    return kBoilerplate;
}

std::span<const char* const> denialWords()
{
    return kDenials;
}
std::span<const char* const> glueWords()
{
    return kGlue;
}

std::optional<Jurisdiction> jurisdictionOfCountryDomain(QStringView tld)
{
    for (const CountryDomain& d : kCountryDomains) {
        if (tld.compare(QLatin1String(d.tld), Qt::CaseInsensitive) == 0)
            return d.jurisdiction;
    }
    return std::nullopt;
}

} // namespace workbench::guess
