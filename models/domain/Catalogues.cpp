#include "Catalogues.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace workbench {

namespace {

// Reads one list of a shipped catalogue. The files are part of the
// application (a resource): a broken one is a build mistake, caught by the
// tests, so it reads as empty rather than stopping the app.
QList<CatalogueItem> readCatalogue(const QString& path, const QString& list)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QJsonArray items = QJsonDocument::fromJson(file.readAll()).object().value(list).toArray();
    QList<CatalogueItem> out;
    for (const QJsonValue& v : items) {
        const QJsonObject o = v.toObject();
        CatalogueItem item;
        item.key = o.value(QStringLiteral("key")).toString();
        item.label = o.value(QStringLiteral("label")).toString();
        item.special = o.value(QStringLiteral("special")).toBool();
        if (!item.key.isEmpty())
            out << item;
    }
    return out;
}

const CatalogueItem* findIn(const QList<CatalogueItem>& items, const QString& key)
{
    for (const CatalogueItem& item : items)
        if (item.key == key)
            return &item;
    return nullptr;
}

QString translated(const CatalogueItem* item, const QString& key)
{
    // The labels are the catalogue's words; the "Catalogue" context is where
    // the translations will find them.
    return item ? QCoreApplication::translate("Catalogue", item->label.toUtf8().constData()) : key;
}

} // namespace

const QList<CatalogueItem>& SecurityMeasures::all()
{
    static const QList<CatalogueItem> items =
        readCatalogue(QStringLiteral(":/rules/security-measures.json"), QStringLiteral("measures"));
    return items;
}

const CatalogueItem* SecurityMeasures::find(const QString& key)
{
    return findIn(all(), key);
}

QString SecurityMeasures::label(const QString& key)
{
    return translated(find(key), key);
}

const QList<CatalogueItem>& DataCategories::categories()
{
    static const QList<CatalogueItem> items =
        readCatalogue(QStringLiteral(":/rules/data-categories.json"), QStringLiteral("categories"));
    return items;
}

const QList<CatalogueItem>& DataCategories::subjects()
{
    static const QList<CatalogueItem> items =
        readCatalogue(QStringLiteral(":/rules/data-categories.json"), QStringLiteral("subjects"));
    return items;
}

const CatalogueItem* DataCategories::findCategory(const QString& key)
{
    for (QString k = key.trimmed(); !k.isEmpty();) {
        if (const CatalogueItem* item = findIn(categories(), k))
            return item;
        const qsizetype dot = k.lastIndexOf(u'.');
        if (dot < 0)
            break;
        k.truncate(dot);
    }
    return nullptr;
}

bool DataCategories::isSpecial(const QString& key)
{
    // Any entry on the way up counts: "user.demographic.race_ethnicity.x" is
    // special even though "user.demographic" is not.
    for (QString k = key.trimmed(); !k.isEmpty();) {
        if (const CatalogueItem* item = findIn(categories(), k); item && item->special)
            return true;
        const qsizetype dot = k.lastIndexOf(u'.');
        if (dot < 0)
            break;
        k.truncate(dot);
    }
    return false;
}

QString DataCategories::categoryLabel(const QString& key)
{
    return translated(findIn(categories(), key), key);
}

QString DataCategories::subjectLabel(const QString& key)
{
    return translated(findIn(subjects(), key), key);
}

} // namespace workbench
