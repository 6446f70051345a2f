#include "ExtractParts.h"

#include <QRegularExpression>
#include <algorithm>

namespace workbench::policy::detail {

namespace {

using Pattern = QRegularExpression;

Pattern pattern(const char* re)
{
    return Pattern(QString::fromUtf8(re), Pattern::UseUnicodePropertiesOption);
}

// Nouns that say the names after "such as" / "e.g." / "including" are
// organisations: "service providers such as", "third-party platforms (e.g.",
// "Anbieter wie", "prestataires tels que".
bool listHeadBefore(QStringView sentence, qsizetype cue)
{
    static const Pattern head =
        pattern(R"((?i)\b(?:(?:sub-?)?processors?|providers?|partners?|vendors?|suppliers?|)"
                R"(third[- ]part(?:y|ies)|services?|platforms?|networks?|compan(?:y|ies)|)"
                R"(applications?|apps|tools?|technolog(?:y|ies)|integrations?|advertisers?|)"
                R"(affiliates?|social media|sites|websites|stores?|recipients?|businesses|)"
                R"(organi[sz]ations|operators?|processing|analytics|products|entities|)"
                R"(representatives?|carriers?|couriers?|shipping|delivery|banks?|payment methods|)"
                R"(login|accounts|Anbieter\w*|Dienstleister\w*|Dienste\w*|Partner\w*|Unternehmen|)"
                R"(Auftragsverarbeiter\w*|Plattformen|prestataires?|fournisseurs?|partenaires?|)"
                R"(plateformes?|sociétés?|sous-traitants?|outils)\b)");
    const qsizetype from = std::max<qsizetype>(0, cue - 70);
    return head.match(sentence.mid(from, cue - from)).hasMatch();
}

struct Context
{
    qsizetype at;   // where the name or list starts (after) or ends (before)
    bool before;    // the name ends at `at`
    bool list;      // a list of names may follow
    bool affiliate; // the cue says parent / group company
    bool needsHead; // a list cue: only after a noun for organisations
    qsizetype cueStart = 0;
};

// Every cue in the sentence that introduces (or follows) an organisation's
// name.
std::vector<Context> cues(QStringView s)
{
    std::vector<Context> out;
    // Each pattern runs only on a sentence holding one of its words (most
    // sentences hold none, and a plain search is much cheaper than a match).
    const QString lower = s.toString().toLower();
    auto holds = [&lower](std::initializer_list<QStringView> words) {
        for (QStringView w : words)
            if (lower.contains(w))
                return true;
        return false;
    };
    auto each = [&](const Pattern& re, auto&& make) {
        for (auto it = re.globalMatch(s); it.hasNext();)
            out.push_back(make(it.next()));
    };
    // "such as X and Y", "(e.g., X, Y)", "including X", "like X or Y".
    static const Pattern listCue = pattern(
        R"((?i)(?:\bsuch as|\be\.\s?g\.,?|\bincluding|\binclude|\bincludes|\blike|\bnamely|)"
        R"(\bfor example,?|\bfor instance,?|\bz\.\s?B\.|\bwie(?: etwa| z\.\s?B\.)?|\bbeispielsweise|)"
        R"(\binsbesondere|\btels? que|\btelles? que|\bcomme|\bpar exemple,?|\bnotamment|)"
        R"(\bproviders?:|\bprocessors?:|\bpartners?:|\bvendors?:)\s+(?:the\s+)?)");
    if (holds({u"such", u"e.g", u"e. g", u"includ", u"like", u"namely", u"example", u"instance",
               u"z.", u"wie", u"beispiel", u"insbesondere", u"tel", u"comme", u"notamment", u":"}))
        each(listCue, [](const QRegularExpressionMatch& m) {
            return Context{m.capturedEnd(), false, true, false, true, m.capturedStart()};
        });
    // "log in with Apple, Google or Discord", "sign up using X".
    static const Pattern login = pattern(
        R"((?i)\b(?:log(?:ging)?[- ]?in|sign(?:ing)?[- ]?(?:in|up)|register|connect|continue|)"
        R"(anmelden|se connecter)\s+(?:with|using|via|through|mit|über|avec)\s+(?:your\s+)?)");
    if (holds({u"log", u"sign", u"regist", u"connect", u"continu", u"anmeld"}))
        each(login, [](const QRegularExpressionMatch& m) {
            return Context{m.capturedEnd(), false, true, false, false};
        });
    // "Apple or Google processes your purchase", "Klarna receives ...".
    static const Pattern actsOnData = pattern(
        R"(\s+(?:may\s+|will\s+|also\s+)?(?:process(?:es)?|receives?|collects?|stores?|hosts?|)"
        R"(obtains?|analy[sz]es|provides? us|sends? us|shares?|verarbeitet|erhält|reçoit|traite)\s)");
    if (holds({u"process", u"receiv", u"collect", u"store", u"host", u"obtain", u"analy",
               u"provide", u"send", u"share", u"verarbeit", u"erhält", u"reçoit", u"traite"}))
        each(actsOnData, [](const QRegularExpressionMatch& m) {
            return Context{m.capturedStart(), true, true, false, false};
        });
    // "provided by X", "powered by X", "bereitgestellt von X", "fourni par X".
    static const Pattern by = pattern(
        R"((?i)\b(?:provided|powered|operated|hosted|processed|offered|supplied|managed|)"
        R"(handled|delivered|administered|maintained|serviced|run|bereitgestellt|betrieben|)"
        R"(angeboten|gehostet|verarbeitet|fourni[es]*|hébergé[es]*|opéré[es]*|géré[es]*)\s+)"
        R"((?:by|von|durch|par)\s+)");
    if (holds({u" by ", u" von ", u" durch ", u" par "}))
        each(by, [](const QRegularExpressionMatch& m) {
            return Context{m.capturedEnd(), false, true, false, false};
        });
    // "we use X to", "we work with X", "wir nutzen X", "nous utilisons X".
    static const Pattern use = pattern(
        R"((?i)\b(?:we|wir|nous)\s+(?:may\s+|also\s+|currently\s+|have\s+)*(?:use|uses|used|)"
        R"(rely on|work with|worked with|partner(?:ed)? with|engage|engaged|employ|contract with|)"
        R"(appointed|integrate with|utili[sz]e|nutzen|verwenden|setzen|utilisons|faisons appel à)\s+)");
    if (holds({u"we ", u"wir ", u"nous "}))
        each(use, [](const QRegularExpressionMatch& m) {
            return Context{m.capturedEnd(), false, true, false, false};
        });
    // "shared with X", "disclose ... to X".
    static const Pattern with = pattern(
        R"((?i)\b(?:share[sd]?|sharing|disclose[sd]?|disclosing|transfer(?:s|red)?|)"
        R"(sends?|sent|sell|sold|provide[sd]?|pass(?:es|ed)? on)\b[^.;:()]{0,80}?\b(?:with|to)\s+)");
    if (holds({u"shar", u"disclos", u"transfer", u"send", u"sent", u"sell", u"sold", u"provide",
               u"pass"}))
        each(with, [](const QRegularExpressionMatch& m) {
            return Context{m.capturedEnd(), false, true, false, false};
        });
    // "X (our payment processor)", "X, a provider of", "X has been
    // appointed as", "X acts as our representative".
    static const Pattern apposition = pattern(
        R"((?i)\s*(?:\(|,\s*|\s+(?:which|who)\s+is\s+)(?:our|a|an|the|its)\s+(?:[\w-]+\s+){0,3}?)"
        R"((?:(?:sub-?)?processor|provider|partner|vendor|representative|parent company|)"
        R"(affiliate|subsidiary|supplier|service provider|Auftragsverarbeiter|Anbieter|)"
        R"(prestataire|sous-traitant)s?\b)");
    if (holds({u"processor", u"provider", u"partner", u"vendor", u"representative", u"parent",
               u"affiliate", u"subsidiary", u"supplier", u"anbieter", u"auftragsverarbeiter",
               u"prestataire", u"sous-traitant"}))
        each(apposition, [](const QRegularExpressionMatch& m) {
            const QString cue = m.captured(0).toLower();
            return Context{m.capturedStart(), true, false,
                           cue.contains(QLatin1String("parent")) ||
                               cue.contains(QLatin1String("subsidiary")) ||
                               cue.contains(QLatin1String("affiliate")),
                           false};
        });
    static const Pattern appointed =
        pattern(R"((?i)\s+(?:has|have)\s+been\s+(?:appointed|designated|engaged|retained)\b|)"
                R"(\s+(?:acts|will act|serves|is appointed)\s+as\s+(?:our|the|its)\b)");
    if (holds(
            {u"appointed", u"designated", u"engaged", u"retained", u" acts ", u" act ", u"serves"}))
        each(appointed, [](const QRegularExpressionMatch& m) {
            return Context{m.capturedStart(), true, false, false, false};
        });
    // Parents and groups: "subsidiaries of X", "our parent company, X",
    // "X and the rest of our family of companies".
    static const Pattern parent =
        pattern(R"((?i)\b(?:parent company|parent|subsidiar(?:y|ies) of|owned by|affiliated with|)"
                R"(part of the|member of the|Tochtergesellschaft (?:der|von)|filiale de)\s*,?\s+)");
    if (holds({u"parent", u"subsidiar", u"owned by", u"affiliated", u"part of", u"member of",
               u"tochter", u"filiale"}))
        each(parent, [](const QRegularExpressionMatch& m) {
            return Context{m.capturedEnd(), false, false, true, false};
        });
    static const Pattern family = pattern(
        R"((?i)\s+and\s+(?:the\s+rest\s+of\s+)?(?:our|its)\s+(?:family|group|corporate)\b)");
    if (holds({u"family", u"group", u"corporate"}))
        each(family, [](const QRegularExpressionMatch& m) {
            return Context{m.capturedStart(), true, false, true, false};
        });
    // "Amazon.com, Inc.", "Example GmbH": a legal form names a company.
    static const Pattern legal = pattern(
        R"(,?\s(?:Inc\.?|LLC|L\.L\.C\.|Ltd\.?|Limited|GmbH|AG|B\.V\.|N\.V\.|S\.A\.S?\.?|SAS|)"
        R"(SARL|S\.à r\.l\.|plc|PLC|Corp\.?|Corporation|LLP|Pty\.? Ltd\.?|Pte\.? Ltd\.?|)"
        R"(S\.p\.A\.|S\.r\.l\.|ApS|A/S|ULC)(?![\w]))");
    if (holds({u" inc",  u"llc",   u" ltd", u"limited", u"gmbh", u" ag", u" b.v", u"n.v.",
               u" s.a",  u" sas",  u"sarl", u"plc",     u"corp", u"llp", u"pty",  u"pte",
               u"s.p.a", u"s.r.l", u" aps", u"a/s",     u" ulc", u" se"}))
        each(legal, [](const QRegularExpressionMatch& m) {
            // namePhraseAt() takes the suffix in: point at the name's start.
            return Context{m.capturedEnd(), true, false, false, false};
        });
    return out;
}

// A bullet or table row under an introduction that names recipients: "-
// Stripe — payments", "| Mailgun | e-mail delivery |".
bool listIntroduction(QStringView line)
{
    static const Pattern intro = pattern(
        R"((?i)\b(?:(?:sub-?)?processors?|(?:service )?providers?|vendors?|recipients?|)"
        R"(partners?|third[- ]part(?:y|ies)|share\w*\s+(?:\w+\s+){0,4}with|)"
        R"(Auftragsverarbeiter|Empfänger|Dienstleister|sous-traitants|destinataires|prestataires)\b)");
    return intro.match(line).hasMatch();
}

// Does the sentence at `pos` start a line with a list marker ("- ", "* ",
// "• ", "2. ")?
bool isBulletItem(QStringView text, qsizetype pos)
{
    qsizetype i = pos;
    while (i > 0 && text[i - 1] == u' ')
        --i;
    if (i == 0)
        return false;
    const QChar marker = text[i - 1];
    if (marker == u'-' || marker == u'*' || marker == u'•') {
        --i;
    } else if (marker == u'.' || marker == u')') {
        --i;
        const qsizetype digitsEnd = i;
        while (i > 0 && text[i - 1].isDigit())
            --i;
        if (i == digitsEnd)
            return false;
    } else {
        return false;
    }
    while (i > 0 && text[i - 1] == u' ')
        --i;
    return i == 0 || text[i - 1] == u'\n';
}

// Is the name inside a heading ("Information Disclosed Pursuant to Business
// Transfers:**", "How We Use Information of Users")? Its stretch of text,
// between punctuation, is nearly all capitalised and ends a heading or holds
// a capitalised little word.
bool inHeading(QStringView s, const TextRange& r)
{
    auto delimiter = [](QChar c) {
        return c == u'.' || c == u':' || c == u';' || c == u'*' || c == u'(' || c == u')' ||
               c == u'|' || c == u'“' || c == u'”' || c == u'"' || c == u'#' || c == u'?';
    };
    qsizetype from = r.pos;
    while (from > 0 && !delimiter(s[from - 1]))
        --from;
    qsizetype to = r.end();
    while (to < s.size() && !delimiter(s[to]))
        ++to;
    QStringList words;
    for (qsizetype i = from; i < to;) {
        while (i < to && (s[i].isSpace() || s[i] == u',' || s[i] == u'/'))
            ++i;
        const qsizetype start = i;
        while (i < to && !(s[i].isSpace() || s[i] == u',' || s[i] == u'/'))
            ++i;
        if (i > start)
            words << s.mid(start, i - start).toString();
    }
    int capitalised = 0;
    bool littleWord = false;
    static const QSet<QString> little = {
        QStringLiteral("With"), QStringLiteral("To"),   QStringLiteral("Through"),
        QStringLiteral("From"), QStringLiteral("And"),  QStringLiteral("Of"),
        QStringLiteral("For"),  QStringLiteral("The"),  QStringLiteral("In"),
        QStringLiteral("On"),   QStringLiteral("By"),   QStringLiteral("About"),
        QStringLiteral("Our"),  QStringLiteral("Your"), QStringLiteral("We"),
        QStringLiteral("How"),  QStringLiteral("What"), QStringLiteral("Who")};
    for (qsizetype i = 0; i < words.size(); ++i) {
        if (words[i].front().isUpper())
            ++capitalised;
        littleWord = littleWord || (i > 0 && little.contains(words[i]));
    }
    if (words.size() < 3 || capitalised * 4 < words.size() * 3)
        return false;
    const bool endsHeading = to >= s.size() || s[to] == u':' || s[to] == u'*' || s[to] == u'#';
    return littleWord || endsHeading;
}

// "Payment and Transaction Fulfilment Providers", "Privacy Questions": a
// capitalised category of recipients, not one of them.
bool isCategoryName(QStringView name)
{
    static const QSet<QString> plurals = {
        QStringLiteral("providers"),     QStringLiteral("partners"),
        QStringLiteral("vendors"),       QStringLiteral("companies"),
        QStringLiteral("processors"),    QStringLiteral("platforms"),
        QStringLiteral("networks"),      QStringLiteral("advertisers"),
        QStringLiteral("sellers"),       QStringLiteral("users"),
        QStringLiteral("requirements"),  QStringLiteral("transfers"),
        QStringLiteral("questions"),     QStringLiteral("members"),
        QStringLiteral("businesses"),    QStringLiteral("parties"),
        QStringLiteral("affiliates"),    QStringLiteral("subsidiaries"),
        QStringLiteral("entities"),      QStringLiteral("organizations"),
        QStringLiteral("organisations"), QStringLiteral("agencies"),
        QStringLiteral("brands"),        QStringLiteral("merchants"),
        QStringLiteral("developers"),    QStringLiteral("publishers"),
        QStringLiteral("creators"),      QStringLiteral("customers"),
        QStringLiteral("features"),      QStringLiteral("products"),
        QStringLiteral("settings"),      QStringLiteral("tools"),
        QStringLiteral("choices"),       QStringLiteral("controls")};
    if (hasLegalSuffix(name))
        return false;
    const QString n = normalisedName(name);
    return plurals.contains(n.section(u' ', -1));
}

} // namespace

bool isAdvice(QStringView sentence)
{
    static const Pattern advice = pattern(
        R"((?i)\b(?:consider using|recommend using|we recommend|we suggest|you may want to|)"
        R"(you might want to|you might consider|you may wish to)\b)");
    return advice.match(sentence).hasMatch();
}

bool isSelfHosted(QStringView sentence)
{
    static const Pattern own = pattern(
        R"((?i)\b(?:on our own servers?|self-hosted|selbst gehostet|auf unseren eigenen Servern|)"
        R"(auf eigenen Servern|sur nos propres serveurs|no data (?:is|are) (?:sent|transferred) to)\b)");
    return own.match(sentence).hasMatch();
}

QString roleFromSentence(QStringView sentence)
{
    const QString s = sentence.toString().toLower();
    struct Role
    {
        const char* words[6];
        const char* role;
    };
    static const Role roles[] = {
        {{"parent company", "subsidiar", "family of companies", "corporate group", "affiliate"},
         "parent or affiliate"},
        {{"representative", "data protection officer"}, "representative"},
        {{"log in", "log into", "login", "sign in", "sign-in", "sign up"}, "login provider"},
        {{"app store", "google play", "app marketplace"}, "app store"},
        {{"payment", "billing", "purchase", "card"}, "payment processor"},
        {{"advertis", "marketing", "ads "}, "advertising"},
        {{"analytic", "measure", "audience"}, "analytics"},
        {{"host", "cloud", "infrastructure", "server"}, "hosting"},
        {{"support ticket", "customer support", "customer service", "help desk"},
         "customer support"},
        {{"fraud", "bot", "captcha", "security"}, "security"},
        {{"email", "e-mail", "newsletter"}, "e-mail"},
        {{"dispute", "arbitration"}, "dispute resolution"},
    };
    for (const Role& r : roles)
        for (const char* w : r.words)
            if (w && s.contains(QLatin1String(w)))
                return QString::fromLatin1(r.role);
    return {};
}

std::vector<FoundOrganisation>
findOrganisations(QStringView masked, const std::vector<TextRange>& sentences, const Owner& owner)
{
    std::vector<FoundOrganisation> out;
    auto accept = [&](QStringView s, const TextRange& sentence, TextRange r, bool affiliate) {
        if (r.length == 0)
            return;
        const QStringView name = s.mid(r.pos, r.length);
        if (isNotAnOrganisation(name) || owner.owns(name) || isCategoryName(name) ||
            inHeading(s, r))
            return;
        out.push_back({{sentence.pos + r.pos, r.length}, sentence, affiliate});
    };

    static const Pattern representativeNear =
        pattern(R"((?i)\b(?:representative|data protection officer|DPO|Vertreter|représentant)\b)");
    static const Pattern quotedName =
        pattern(R"([“"‘']\**([A-Z][\w.&+-]*(?:\s[A-Z][\w.&+-]*){0,3})\**[”"’'])");
    static const Pattern addressee =
        pattern(R"(\b([A-Z][\w.&+-]*(?:\s[A-Z][\w.&+-]*){0,3}),\s+\d)");

    // "other Spotify services, such as ...", "Pinterest apps, such as ...":
    // the list names the owner's own products.
    auto ownerBefore = [&owner](QStringView s, qsizetype cue) {
        static const Pattern ownProducts = pattern(
            R"((?i)^\s*(?:services?|apps?|applications?|products?|platforms?|websites?|sites?|)"
            R"(features?|technolog(?:y|ies)|tools?|brands?|family|affiliated|experiences?)\b)");
        static const Pattern someoneElse =
            pattern(R"((?i)\b(?:third[- ]part|partner|provider|vendor|processor))");
        const qsizetype from = std::max<qsizetype>(0, cue - 120);
        const QStringView window = s.mid(from, cue - from);
        static const Pattern capitalised = pattern(R"(\b[A-Z][\w.]+)");
        for (auto it = capitalised.globalMatch(window); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            if (owner.owns(m.capturedView()) &&
                ownProducts.match(window.mid(m.capturedEnd())).hasMatch() &&
                !someoneElse.match(window.mid(m.capturedEnd())).hasMatch())
                return true;
        }
        return false;
    };
    bool underIntroduction = false; // inside a list that follows "our processors:"
    bool tableOfNames = false;
    int representativeLines = 0; // sentences since one spoke of a representative
    for (const TextRange& sentence : sentences) {
        const QStringView s = masked.mid(sentence.pos, sentence.length);
        const bool representative = representativeNear.match(s).hasMatch();
        representativeLines = representative ? 0 : representativeLines + 1;

        // Every cue needs a name, and a name a capital letter past the
        // sentence's first word ("comScore" and "1Password" have one).
        const bool anyCapital = std::any_of(s.begin() + std::min<qsizetype>(1, s.size()), s.end(),
                                            [](QChar c) { return c.isUpper(); });
        const bool advises = isAdvice(s);
        if (isSelfHosted(s))
            continue;
        for (const Context& c : anyCapital ? cues(s) : std::vector<Context>()) {
            if (c.needsHead && advises)
                continue;
            if (c.needsHead && (!listHeadBefore(s, c.cueStart) || ownerBefore(s, c.cueStart)))
                continue;
            if (c.before && c.list) {
                for (const TextRange& r : nameListBefore(s, c.at))
                    accept(s, sentence, r, c.affiliate);
                continue;
            }
            if (c.before) {
                accept(s, sentence, namePhraseBefore(s, c.at), c.affiliate);
                continue;
            }
            if (c.list)
                for (const TextRange& r : nameListAt(s, c.at))
                    accept(s, sentence, r, c.affiliate);
            else
                accept(s, sentence, namePhraseAt(s, c.at), c.affiliate);
        }

        // A name in quotes or at the head of an address where the text speaks
        // of a representative: "mark your letters for ‘DataRep’", "Mail:
        // DataRep, 107 Fleet Street".
        if (representativeLines <= 2) {
            for (auto it = quotedName.globalMatch(s); it.hasNext();) {
                const QRegularExpressionMatch m = it.next();
                accept(s, sentence, {m.capturedStart(1), m.capturedLength(1)}, false);
            }
            for (auto it = addressee.globalMatch(s); it.hasNext();) {
                const QRegularExpressionMatch m = it.next();
                // The addressee heads the address: "Mail: DataRep, 107 ...".
                qsizetype before = m.capturedStart(1);
                while (before > 0 && (s[before - 1] == u' ' || s[before - 1] == u'*'))
                    --before;
                if (before > 0 && s[before - 1] != u':')
                    continue;
                const TextRange r = namePhraseAt(s, m.capturedStart(1));
                if (r.end() == m.capturedEnd(1))
                    accept(s, sentence, r, false);
            }
        }

        // Bullets and table rows under an introduction naming recipients.
        const bool isRow = s.startsWith(u'|');
        if (isRow) {
            const QStringView firstCell = s.mid(1).trimmed();
            if (!tableOfNames) {
                static const Pattern header =
                    pattern(R"((?i)^\|\s*(?:name|provider|processor|sub-?processor|vendor|)"
                            R"(recipient|partner|company|third part(?:y|ies)|service provider|)"
                            R"(Anbieter|Empfänger|Dienstleister|prestataire|destinataire)\s*\|)");
                tableOfNames = header.match(s).hasMatch();
            } else if (!firstCell.startsWith(u'-')) {
                const qsizetype at = s.indexOf(firstCell.left(1));
                const TextRange r = namePhraseAt(s, at);
                const qsizetype bar = s.indexOf(u'|', at);
                if (r.length && (bar < 0 || r.end() <= bar))
                    accept(s, sentence, r, false);
            }
            continue;
        }
        tableOfNames = false;
        const bool bullet = isBulletItem(masked, sentence.pos);
        if (bullet && underIntroduction) {
            static const Pattern itemName =
                pattern(R"(^\**([^—–:|(]{1,60}?)\**\s*(?:—|–| - |:|\(|$))");
            const QRegularExpressionMatch m = itemName.match(s);
            if (m.hasMatch()) {
                const TextRange r = namePhraseAt(s, m.capturedStart(1));
                if (r.length && r.end() >= m.capturedEnd(1) - 1)
                    accept(s, sentence, r, false);
            }
            continue;
        }
        if (!bullet)
            underIntroduction = listIntroduction(s) && (s.endsWith(u':') || s.size() < 90);
    }

    std::sort(out.begin(), out.end(), [](const FoundOrganisation& a, const FoundOrganisation& b) {
        if (a.range.pos != b.range.pos)
            return a.range.pos < b.range.pos;
        return a.range.length > b.range.length;
    });
    std::vector<FoundOrganisation> unique;
    qsizetype covered = 0;
    for (const FoundOrganisation& f : out) {
        if (f.range.pos < covered) {
            if (f.affiliate && !unique.empty() && unique.back().range.pos == f.range.pos)
                unique.back().affiliate = true;
            continue;
        }
        unique.push_back(f);
        covered = f.range.end();
    }
    return unique;
}

} // namespace workbench::policy::detail
