#include "DataTaxonomy.h"

#include <QHash>
#include <QRegularExpression>

namespace workbench {

namespace {

struct Entry
{
    const char* key;
    const char* label;
};

// The data categories of the privacy taxonomy the registry uses (the keys
// of the Fides taxonomy and the few the workbench adds), as a DPA says them.
const Entry kCategories[] = {
    {"user", QT_TRANSLATE_NOOP("DataTaxonomy", "personal data")},
    {"user.account", QT_TRANSLATE_NOOP("DataTaxonomy", "account data")},
    {"user.account.credentials", QT_TRANSLATE_NOOP("DataTaxonomy", "account credentials")},
    {"user.account.settings", QT_TRANSLATE_NOOP("DataTaxonomy", "account settings")},
    {"user.account.username", QT_TRANSLATE_NOOP("DataTaxonomy", "user name")},
    {"user.authorization", QT_TRANSLATE_NOOP("DataTaxonomy", "authorization data")},
    {"user.authorization.credentials", QT_TRANSLATE_NOOP("DataTaxonomy", "sign-in credentials")},
    {"user.behavior", QT_TRANSLATE_NOOP("DataTaxonomy", "behavioural data")},
    {"user.behavior.browsing_history", QT_TRANSLATE_NOOP("DataTaxonomy", "browsing history")},
    {"user.behavior.media_consumption", QT_TRANSLATE_NOOP("DataTaxonomy", "media consumption")},
    {"user.behavior.purchase_history", QT_TRANSLATE_NOOP("DataTaxonomy", "purchase history")},
    {"user.behavior.search_history", QT_TRANSLATE_NOOP("DataTaxonomy", "search history")},
    {"user.biometric", QT_TRANSLATE_NOOP("DataTaxonomy", "biometric data")},
    {"user.biometric.fingerprint", QT_TRANSLATE_NOOP("DataTaxonomy", "fingerprints")},
    {"user.biometric.health", QT_TRANSLATE_NOOP("DataTaxonomy", "biometric health data")},
    {"user.childrens", QT_TRANSLATE_NOOP("DataTaxonomy", "children's data")},
    {"user.contact", QT_TRANSLATE_NOOP("DataTaxonomy", "contact details")},
    {"user.contact.address", QT_TRANSLATE_NOOP("DataTaxonomy", "postal address")},
    {"user.contact.address.city", QT_TRANSLATE_NOOP("DataTaxonomy", "city")},
    {"user.contact.address.country", QT_TRANSLATE_NOOP("DataTaxonomy", "country")},
    {"user.contact.address.postal_code", QT_TRANSLATE_NOOP("DataTaxonomy", "postal code")},
    {"user.contact.address.street", QT_TRANSLATE_NOOP("DataTaxonomy", "street address")},
    {"user.contact.email", QT_TRANSLATE_NOOP("DataTaxonomy", "contact e-mail address")},
    {"user.contact.phone_number", QT_TRANSLATE_NOOP("DataTaxonomy", "telephone number")},
    {"user.content", QT_TRANSLATE_NOOP("DataTaxonomy", "content the user provides")},
    {"user.content.private", QT_TRANSLATE_NOOP("DataTaxonomy", "private content of the user")},
    {"user.content.public", QT_TRANSLATE_NOOP("DataTaxonomy", "content the user publishes")},
    {"user.criminal_history",
     QT_TRANSLATE_NOOP("DataTaxonomy", "criminal convictions and offences")},
    {"user.demographic", QT_TRANSLATE_NOOP("DataTaxonomy", "demographic data")},
    {"user.demographic.age_range", QT_TRANSLATE_NOOP("DataTaxonomy", "age range")},
    {"user.demographic.date_of_birth", QT_TRANSLATE_NOOP("DataTaxonomy", "date of birth")},
    {"user.demographic.gender", QT_TRANSLATE_NOOP("DataTaxonomy", "gender")},
    {"user.demographic.language", QT_TRANSLATE_NOOP("DataTaxonomy", "language")},
    {"user.demographic.political_opinion", QT_TRANSLATE_NOOP("DataTaxonomy", "political opinions")},
    {"user.demographic.profile", QT_TRANSLATE_NOOP("DataTaxonomy", "profile data")},
    {"user.demographic.race_ethnicity",
     QT_TRANSLATE_NOOP("DataTaxonomy", "racial or ethnic origin")},
    {"user.demographic.religious_belief",
     QT_TRANSLATE_NOOP("DataTaxonomy", "religious or philosophical beliefs")},
    {"user.demographic.sexual_orientation",
     QT_TRANSLATE_NOOP("DataTaxonomy", "sexual orientation")},
    {"user.device", QT_TRANSLATE_NOOP("DataTaxonomy", "device data")},
    {"user.device.cookie_id", QT_TRANSLATE_NOOP("DataTaxonomy", "cookie identifiers")},
    {"user.device.device_id", QT_TRANSLATE_NOOP("DataTaxonomy", "device identifiers")},
    {"user.device.ip_address", QT_TRANSLATE_NOOP("DataTaxonomy", "IP address")},
    {"user.financial", QT_TRANSLATE_NOOP("DataTaxonomy", "financial data")},
    {"user.financial.bank_account", QT_TRANSLATE_NOOP("DataTaxonomy", "bank account details")},
    {"user.financial.credit_card", QT_TRANSLATE_NOOP("DataTaxonomy", "payment card data")},
    {"user.financial.transaction",
     QT_TRANSLATE_NOOP("DataTaxonomy", "payment transaction records")},
    {"user.government_id", QT_TRANSLATE_NOOP("DataTaxonomy", "government identifiers")},
    {"user.government_id.drivers_license_number",
     QT_TRANSLATE_NOOP("DataTaxonomy", "driving licence number")},
    {"user.government_id.national_identification_number",
     QT_TRANSLATE_NOOP("DataTaxonomy", "national identification number")},
    {"user.government_id.passport_number", QT_TRANSLATE_NOOP("DataTaxonomy", "passport number")},
    {"user.health_and_medical", QT_TRANSLATE_NOOP("DataTaxonomy", "health data")},
    {"user.health_and_medical.genetic", QT_TRANSLATE_NOOP("DataTaxonomy", "genetic data")},
    {"user.location", QT_TRANSLATE_NOOP("DataTaxonomy", "location data")},
    {"user.location.imprecise", QT_TRANSLATE_NOOP("DataTaxonomy", "approximate location")},
    {"user.location.precise", QT_TRANSLATE_NOOP("DataTaxonomy", "precise location")},
    {"user.name", QT_TRANSLATE_NOOP("DataTaxonomy", "name")},
    {"user.name.first", QT_TRANSLATE_NOOP("DataTaxonomy", "first name")},
    {"user.name.last", QT_TRANSLATE_NOOP("DataTaxonomy", "last name")},
    {"user.payment", QT_TRANSLATE_NOOP("DataTaxonomy", "payment data")},
    {"user.privacy_preferences", QT_TRANSLATE_NOOP("DataTaxonomy", "privacy preferences")},
    {"user.sensor", QT_TRANSLATE_NOOP("DataTaxonomy", "sensor data")},
    {"user.social", QT_TRANSLATE_NOOP("DataTaxonomy", "social media data")},
    {"user.telemetry", QT_TRANSLATE_NOOP("DataTaxonomy", "usage telemetry")},
    {"user.unique_id", QT_TRANSLATE_NOOP("DataTaxonomy", "unique identifiers")},
    {"user.unique_id.pseudonymous", QT_TRANSLATE_NOOP("DataTaxonomy", "pseudonymous identifiers")},
    {"user.workplace", QT_TRANSLATE_NOOP("DataTaxonomy", "workplace data")},
    {"system", QT_TRANSLATE_NOOP("DataTaxonomy", "system data")},
    {"system.authentication", QT_TRANSLATE_NOOP("DataTaxonomy", "system authentication data")},
    {"system.operations", QT_TRANSLATE_NOOP("DataTaxonomy", "operational logs")},
};

// The categories of data subjects (Fides taxonomy keys and those the
// registry uses), plural as a DPA lists them.
const Entry kSubjects[] = {
    {"anonymous_user", QT_TRANSLATE_NOOP("DataTaxonomy", "anonymous users")},
    {"citizen_voter", QT_TRANSLATE_NOOP("DataTaxonomy", "citizens and voters")},
    {"commuter", QT_TRANSLATE_NOOP("DataTaxonomy", "commuters")},
    {"consultant", QT_TRANSLATE_NOOP("DataTaxonomy", "consultants")},
    {"contractor", QT_TRANSLATE_NOOP("DataTaxonomy", "contractors")},
    {"customer", QT_TRANSLATE_NOOP("DataTaxonomy", "customers")},
    {"employee", QT_TRANSLATE_NOOP("DataTaxonomy", "employees")},
    {"job_applicant", QT_TRANSLATE_NOOP("DataTaxonomy", "job applicants")},
    {"member", QT_TRANSLATE_NOOP("DataTaxonomy", "members")},
    {"next_of_kin", QT_TRANSLATE_NOOP("DataTaxonomy", "next of kin")},
    {"passenger", QT_TRANSLATE_NOOP("DataTaxonomy", "passengers")},
    {"patient", QT_TRANSLATE_NOOP("DataTaxonomy", "patients")},
    {"prospect", QT_TRANSLATE_NOOP("DataTaxonomy", "prospective customers")},
    {"seller", QT_TRANSLATE_NOOP("DataTaxonomy", "sellers")},
    {"shareholder", QT_TRANSLATE_NOOP("DataTaxonomy", "shareholders")},
    {"student", QT_TRANSLATE_NOOP("DataTaxonomy", "students")},
    {"supplier_vendor", QT_TRANSLATE_NOOP("DataTaxonomy", "suppliers and vendors")},
    {"trainee", QT_TRANSLATE_NOOP("DataTaxonomy", "trainees")},
    {"visitor", QT_TRANSLATE_NOOP("DataTaxonomy", "website visitors")},
};

template <size_t N> const QHash<QString, const char*>& tableOf(const Entry (&entries)[N])
{
    static const QHash<QString, const char*> table = [&] {
        QHash<QString, const char*> t;
        for (const Entry& e : entries)
            t.insert(QString::fromLatin1(e.key), e.label);
        return t;
    }();
    return table;
}

template <size_t N> QStringList keysOf(const Entry (&entries)[N])
{
    QStringList out;
    for (const Entry& e : entries)
        out << QString::fromLatin1(e.key);
    return out;
}

const QRegularExpression& keyShape()
{
    static const QRegularExpression re(QStringLiteral("^[a-z]+(?:[._][a-z]+)*$"));
    return re;
}

// An unknown key in words: "user.pets.dog_name" -> "dog name".
QString fromKey(const QString& key)
{
    QString last = key.section(u'.', -1);
    last.replace(u'_', u' ');
    return last;
}

QString label(const QHash<QString, const char*>& table, const QString& key)
{
    const QString trimmed = key.trimmed();
    if (const auto it = table.constFind(trimmed); it != table.cend())
        return DataTaxonomy::tr(it.value());
    if (trimmed.contains(u'.') && DataTaxonomy::looksLikeKey(trimmed))
        return fromKey(trimmed);
    if (trimmed.contains(u'_') && DataTaxonomy::looksLikeKey(trimmed))
        return fromKey(trimmed);
    return key;
}

} // namespace

QString DataTaxonomy::categoryLabel(const QString& key)
{
    return label(tableOf(kCategories), key);
}

QString DataTaxonomy::subjectLabel(const QString& key)
{
    return label(tableOf(kSubjects), key);
}

QStringList DataTaxonomy::categoryLabels(const QStringList& keys)
{
    QStringList out;
    out.reserve(keys.size());
    for (const QString& k : keys)
        out << categoryLabel(k);
    return out;
}

QStringList DataTaxonomy::subjectLabels(const QStringList& keys)
{
    QStringList out;
    out.reserve(keys.size());
    for (const QString& k : keys)
        out << subjectLabel(k);
    return out;
}

QStringList DataTaxonomy::categoryKeys()
{
    return keysOf(kCategories);
}

QStringList DataTaxonomy::subjectKeys()
{
    return keysOf(kSubjects);
}

bool DataTaxonomy::looksLikeKey(const QString& text)
{
    return keyShape().match(text).hasMatch();
}

} // namespace workbench
