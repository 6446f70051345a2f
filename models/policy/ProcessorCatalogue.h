#pragma once

#include "domain/Records.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace workbench {

// Common processors the lint recognises in a policy even when the registry
// lacks them, and the Processors page offers for quick-add
// (resources/catalogue/processors.json).
struct CatalogueEntry
{
    QString name;
    QStringList aliases;
    QString website;
    QString category;       // key into ProcessorCatalogue::categories()
    bool matchCase = false; // the name is also a common word ("Square")
};

struct ProcessorCategory
{
    QString key;
    QString label;
    QStringList keywords; // words a policy uses for the category
};

class ProcessorCatalogue
{
public:
    // The catalogue shipped with the app (parsed once).
    static const ProcessorCatalogue& builtIn();

    const QList<CatalogueEntry>& entries() const { return m_entries; }
    const QList<ProcessorCategory>& categories() const { return m_categories; }
    const ProcessorCategory* category(const QString& key) const;
    // The entry whose name, alias or website domain is the processor's.
    const CatalogueEntry* find(const Processor& processor) const;
    const CatalogueEntry* findByName(const QString& name) const;
    // The category of a registry processor: the catalogue's, else the one
    // whose keyword comes first in what the processor does.
    QString categoryOf(const Processor& processor) const;

    // A new processor record from an entry (status onboarding, for one
    // organization); the officer fills in the rest.
    Processor newProcessor(const CatalogueEntry& entry, const QString& organizationId) const;

private:
    QList<CatalogueEntry> m_entries;
    QList<ProcessorCategory> m_categories;
};

// "https://www.stripe.com/x" -> "stripe.com".
QString websiteDomain(const QString& url);

} // namespace workbench
