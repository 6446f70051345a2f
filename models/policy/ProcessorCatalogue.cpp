#include "ProcessorCatalogue.h"

#include "PolicyText.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

namespace workbench {

namespace {

QStringList strings(const QJsonValue& value)
{
    QStringList out;
    for (const QJsonValue& v : value.toArray())
        out << v.toString();
    return out;
}

} // namespace

const ProcessorCatalogue& ProcessorCatalogue::builtIn()
{
    static const ProcessorCatalogue catalogue = [] {
        ProcessorCatalogue c;
        QFile file(QStringLiteral(":/catalogue/processors.json"));
        if (!file.open(QIODevice::ReadOnly))
            return c;
        const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
        const QJsonObject categories = root.value(QLatin1String("categories")).toObject();
        for (auto it = categories.begin(); it != categories.end(); ++it) {
            const QJsonObject o = it.value().toObject();
            c.m_categories.append({it.key(), o.value(QLatin1String("label")).toString(),
                                   strings(o.value(QLatin1String("keywords")))});
        }
        for (const QJsonValue& v : root.value(QLatin1String("processors")).toArray()) {
            const QJsonObject o = v.toObject();
            c.m_entries.append({o.value(QLatin1String("name")).toString(),
                                strings(o.value(QLatin1String("aliases"))),
                                o.value(QLatin1String("website")).toString(),
                                o.value(QLatin1String("category")).toString(),
                                o.value(QLatin1String("match_case")).toBool()});
        }
        return c;
    }();
    return catalogue;
}

const ProcessorCategory* ProcessorCatalogue::category(const QString& key) const
{
    for (const ProcessorCategory& c : m_categories)
        if (c.key == key)
            return &c;
    return nullptr;
}

const CatalogueEntry* ProcessorCatalogue::findByName(const QString& name) const
{
    for (const CatalogueEntry& e : m_entries) {
        if (e.name.compare(name, Qt::CaseInsensitive) == 0)
            return &e;
        for (const QString& alias : e.aliases)
            if (alias.compare(name, Qt::CaseInsensitive) == 0)
                return &e;
    }
    return nullptr;
}

const CatalogueEntry* ProcessorCatalogue::find(const Processor& processor) const
{
    if (const CatalogueEntry* e = findByName(processor.name))
        return e;
    for (const QString& alias : processor.aliases)
        if (const CatalogueEntry* e = findByName(alias))
            return e;
    const QString domain = websiteDomain(processor.website);
    if (!domain.isEmpty())
        for (const CatalogueEntry& e : m_entries)
            if (websiteDomain(e.website) == domain)
                return &e;
    return nullptr;
}

QString ProcessorCatalogue::categoryOf(const Processor& processor) const
{
    if (const CatalogueEntry* e = find(processor))
        return e->category;
    QString best;
    qsizetype bestAt = -1;
    for (const ProcessorCategory& c : m_categories) {
        for (const QString& keyword : c.keywords) {
            const qsizetype at = findWholeWord(processor.service, keyword, Qt::CaseInsensitive);
            if (at >= 0 && (bestAt < 0 || at < bestAt)) {
                bestAt = at;
                best = c.key;
            }
        }
    }
    return best;
}

Processor ProcessorCatalogue::newProcessor(const CatalogueEntry& entry,
                                           const QString& organizationId) const
{
    Processor p;
    p.name = entry.name;
    p.aliases = entry.aliases;
    p.website = entry.website;
    const ProcessorCategory* c = category(entry.category);
    p.service = c ? c->label : entry.category;
    p.status = ProcessorStatus::Onboarding;
    p.organizationIds = {organizationId};
    return p;
}

QString websiteDomain(const QString& url)
{
    QString host = QUrl::fromUserInput(url).host().toLower();
    if (host.startsWith(QLatin1String("www.")))
        host.remove(0, 4);
    return host;
}

} // namespace workbench
