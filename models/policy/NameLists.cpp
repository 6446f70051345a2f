#include "ExtractParts.h"

// The names that are not recipients, by the words they are made of.

namespace workbench::policy::detail {

bool isNotAnOrganisation(QStringView name)
{
    // Any of these words makes the name a law, a public body, a standard, a
    // place, a setting or an opt-out tool.
    static const QSet<QString> markers = [] {
        QSet<QString> s;
        // clang-format off
        for (const char* w :
            {
             "act", "acts", "regulation", "regulations", "directive", "law", "laws", "code",
             "statute", "commission", "commissioner", "commissioner's", "commissioner’s",
             "authority", "authorities", "agency", "board", "department", "ministry", "court",
             "courts", "tribunal", "council", "secretary", "ombudsman", "parliament",
             "government", "attorney", "supervisory", "regulator", "clauses", "framework",
             "frameworks", "shield", "principles", "convention", "amendment", "initiative",
             "alliance", "choices", "union", "kingdom", "states", "republic", "area", "province",
             "county", "city", "police", "bureau", "federal", "national", "administration",
             "standard", "standards", "protocol", "certification", "datenschutzbehörde",
             "aufsichtsbehörde", "cnil", "gesetz", "loi", "règlement", "autorité", "policy",
             "notice", "terms", "agreement", "statement", "guidelines", "rules", "rule",
             "settings", "preferences", "controls", "signal", "track", "dnt", "opt-out",
             "article", "articles", "section", "recital", "paragraph"})
            s.insert(QString::fromUtf8(w));
        // clang-format on
        return s;
    }();
    // Whole names that are not recipients: laws and signals by their
    // abbreviations, device platforms and browsers (the place of a setting),
    // technologies, places, and capitalised common words.
    static const QSet<QString> whole = [] {
        QSet<QString> s;
        // clang-format off
        for (const char* w :
            {
             "gdpr", "uk gdpr", "eu gdpr", "ccpa", "cpra", "coppa", "hipaa", "ferpa", "vcdpa",
             "cpa", "lgpd", "pipeda", "pipl", "appi", "popia", "dpf", "scc", "sccs", "dpa",
             "dsgvo", "rgpd", "bdsg", "ttdsg", "eea", "eu", "uk", "us", "usa", "u.s.", "u.k.",
             "e.u.", "ios", "android", "windows", "macos", "mac", "linux", "chrome", "safari",
             "firefox", "edge", "opera", "internet explorer", "chromium", "chrome os", "ipados",
             "watchos", "tvos", "https", "http", "tls", "ssl", "sms", "mms", "gps", "wi-fi",
             "wifi", "bluetooth", "nfc", "javascript", "html", "html5", "css", "api", "apis",
             "sdk", "sdks", "json", "xml", "sql", "redis", "ip", "id", "ids", "url", "urls",
             "faq", "faqs", "pdf", "vpn", "dns", "cdn", "ai", "ml", "gpc", "nai", "daa", "daac",
             "edaa", "iab", "tcf", "adchoices", "ad choices", "do not track",
             "global privacy control", "your online choices", "europe", "european", "america",
             "americas", "asia", "africa", "australia", "oceania", "antarctica", "united states",
             "united kingdom", "european union", "european economic area", "switzerland",
             "canada", "brazil", "japan", "india", "singapore", "ireland", "germany", "france",
             "netherlands", "spain", "italy", "sweden", "norway", "denmark", "finland", "poland",
             "austria", "belgium", "portugal", "iceland", "liechtenstein", "luxembourg",
             "israel", "korea", "south korea", "china", "hong kong", "taiwan", "mexico",
             "argentina", "new zealand", "south africa", "turkey", "russia", "ukraine",
             "indonesia", "philippines", "vietnam", "thailand", "malaysia", "california",
             "virginia", "colorado", "connecticut", "utah", "texas", "florida", "new york",
             "nevada", "oregon", "montana", "delaware", "iowa", "tennessee", "indiana",
             "washington", "massachusetts", "new jersey", "new hampshire", "kentucky",
             "minnesota", "maryland", "rhode island", "nebraska", "illinois", "quebec",
             "ontario", "london", "dublin", "berlin", "paris", "amsterdam", "english", "german",
             "french", "spanish", "personal data", "personal information", "privacy",
             "privacy policy", "privacy notice", "cookie policy", "cookies", "cookie",
             "services", "service", "platform", "site", "website", "websites", "app", "apps",
             "application", "applications", "content", "account", "accounts", "user", "users",
             "member", "members", "company", "affiliates", "partners", "third parties",
             "third party", "third-party", "help center", "help centre", "settings", "data",
             "information", "sensitive personal information", "consumer", "consumers",
             "controller", "processor", "processors", "data controller", "data processor",
             "representative", "data protection officer", "dpo", "email", "e-mail", "mail",
             "webform", "contact", "contact us", "support", "customer support", "security",
             "ads", "advertising", "advertisers", "marketing", "analytics", "payments",
             "payment", "internet", "web", "online", "mobile", "device", "devices", "browser",
             "browsers", "social media", "products", "features", "tools", "technology",
             "technologies", "business", "businesses", "program", "programs", "premium", "plus",
             "pro", "free", "section", "sections", "table", "children", "child", "minors",
             "parents", "teens", "creators", "creator", "sellers", "buyers", "subscribers",
             "subscriber", "customers", "customer", "visitors", "public", "legal", "general",
             "global", "international", "important", "summary", "overview", "introduction",
             "definitions", "contents", "purpose", "purposes", "categories", "category",
             "sources", "source", "recipients", "retention", "rights", "right", "request",
             "requests", "identifiers", "inferences", "location", "messages", "chat", "live",
             "stories", "feed", "search", "home", "direct messages", "the company", "company's",
             "sale", "sharing", "share", "opt out", "opt-out", "unsubscribe", "login", "log in",
             "sign in", "sign up", "other", "others", "none", "n/a", "yes", "no", "note",
             "notes", "example", "examples", "appendix", "annex", "schedule", "exhibit", "faq",
             "glossary", "covered", "additional", "state", "state privacy law", "dienste",
             "nutzer", "daten", "données", "utilisateurs", "partenaires", "third", "party",
             "parties", "ad", "usage", "usage data", "user data", "account data", "device data"})
            s.insert(QString::fromUtf8(w));
        // clang-format on
        return s;
    }();
    const QString n = normalisedName(name);
    if (n.isEmpty() || n.size() < 2 || whole.contains(n))
        return true;
    const QStringList words = n.split(u' ', Qt::SkipEmptyParts);
    for (const QString& w : words)
        if (markers.contains(w))
            return true;
    // A name made only of common capitalised words ("Personal Data", "Help
    // Center Articles") is a heading or a defined term.
    return std::all_of(words.begin(), words.end(),
                       [](const QString& w) { return whole.contains(w); });
}

} // namespace workbench::policy::detail
