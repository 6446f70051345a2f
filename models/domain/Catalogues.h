#pragma once

#include <QList>
#include <QString>

namespace workbench {

// One entry of a shipped vocabulary: its key (stored, synced, exported in
// JSON) and the words a lawyer reads.
struct CatalogueItem
{
    QString key;
    QString label;
    bool special = false; // data categories: a special category (GDPR Art. 9(1))
};

// The technical and organisational measures of the SCCs' Annex II
// (resources/rules/security-measures.json), in the Annex's order. Chosen per
// activity and per processor.
class SecurityMeasures
{
public:
    static const QList<CatalogueItem>& all();
    static const CatalogueItem* find(const QString& key);
    // The label, or the key itself when the catalogue does not know it.
    static QString label(const QString& key);
};

// The categories of personal data and of data subjects the registry names
// (resources/rules/data-categories.json). A key covers the keys below it:
// "user.financial" covers "user.financial.transaction".
class DataCategories
{
public:
    static const QList<CatalogueItem>& categories();
    static const QList<CatalogueItem>& subjects();
    // The closest catalogue entry for a key (itself, or the nearest key
    // above it), or nullptr.
    static const CatalogueItem* findCategory(const QString& key);
    // Whether the key is, or falls under, a special category of Art. 9(1).
    static bool isSpecial(const QString& key);
    // The label of a category or subject; the key itself when unknown.
    static QString categoryLabel(const QString& key);
    static QString subjectLabel(const QString& key);
};

} // namespace workbench
