#include "Annex.h"

#include "ExportFile.h"
#include "domain/DataTaxonomy.h"
#include "storage/AuditHistory.h"

#include <QCoreApplication>
#include <QLocale>
#include <QSet>

namespace workbench {

namespace {

// The translation context of this file's messages (the catalogues know it
// by this name).
struct Annex
{
    Q_DECLARE_TR_FUNCTIONS(Annex)
};

QString joined(const QStringList& values)
{
    return values.join(QStringLiteral("; "));
}

QString locations(const QStringList& codes)
{
    QStringList names;
    for (const QString& c : codes)
        names << QStringLiteral("%1 (%2)").arg(countryName(c), c);
    return joined(names);
}

QStringList missingFor(AnnexLayout layout, const Processor& p)
{
    QStringList missing;
    if (p.address.trimmed().isEmpty())
        missing << Annex::tr("address");
    if (p.contact.trimmed().isEmpty())
        missing << Annex::tr("contact person");
    if (p.service.trimmed().isEmpty())
        missing << Annex::tr("description of the processing");
    const bool outsideEea = std::any_of(p.locations.begin(), p.locations.end(),
                                        [](const QString& c) { return !isEea(c); });
    if (p.locations.isEmpty())
        missing << Annex::tr("location");
    else if (outsideEea && p.transferMechanism == TransferMechanism::None)
        missing << Annex::tr("transfer mechanism (processing outside the EEA)");
    if (p.dpaStatus != DpaStatus::Signed)
        missing << Annex::tr("signed DPA");
    if (layout == AnnexLayout::Ropa && p.legalEntity.trimmed().isEmpty())
        missing << Annex::tr("legal entity");
    return missing;
}

} // namespace

std::optional<AnnexLayout> annexLayoutFromName(QStringView name)
{
    if (name == u"scc-processor")
        return AnnexLayout::SccProcessor;
    if (name == u"scc-transfer")
        return AnnexLayout::SccTransfer;
    if (name == u"ropa")
        return AnnexLayout::Ropa;
    return std::nullopt;
}

QString annexLayoutName(AnnexLayout layout)
{
    switch (layout) {
    case AnnexLayout::SccProcessor:
        return QStringLiteral("scc-processor");
    case AnnexLayout::SccTransfer:
        return QStringLiteral("scc-transfer");
    case AnnexLayout::Ropa:
        return QStringLiteral("ropa");
    }
    return {};
}

bool isEea(const QString& country)
{
    static const QSet<QString> eea{
        QStringLiteral("AT"), QStringLiteral("BE"), QStringLiteral("BG"), QStringLiteral("HR"),
        QStringLiteral("CY"), QStringLiteral("CZ"), QStringLiteral("DK"), QStringLiteral("EE"),
        QStringLiteral("FI"), QStringLiteral("FR"), QStringLiteral("DE"), QStringLiteral("GR"),
        QStringLiteral("HU"), QStringLiteral("IE"), QStringLiteral("IT"), QStringLiteral("LV"),
        QStringLiteral("LT"), QStringLiteral("LU"), QStringLiteral("MT"), QStringLiteral("NL"),
        QStringLiteral("PL"), QStringLiteral("PT"), QStringLiteral("RO"), QStringLiteral("SK"),
        QStringLiteral("SI"), QStringLiteral("ES"), QStringLiteral("SE"), QStringLiteral("IS"),
        QStringLiteral("LI"), QStringLiteral("NO")};
    return eea.contains(country.toUpper());
}

QString countryName(const QString& code)
{
    const QLocale::Territory t = QLocale::codeToTerritory(code);
    return t == QLocale::AnyTerritory ? code : QLocale::territoryToString(t);
}

QString AnnexTable::subtitle() const
{
    if (asOf.isValid())
        return Annex::tr("%1 · the registry as of the end of %2, rebuilt from the audit log · "
                         "made on %3")
            .arg(organization, asOf.toString(Qt::ISODate), date.toString(Qt::ISODate));
    return Annex::tr("%1 · as of %2").arg(organization, date.toString(Qt::ISODate));
}

void markAsOf(AnnexTable& table, QDate day)
{
    if (!day.isValid() || table.asOf.isValid())
        return;
    table.asOf = day;
    table.title = Annex::tr("%1 — as of %2").arg(table.title, AuditHistory::dayText(day));
}

QString AnnexTable::footer() const
{
    return audit ? auditFooter(*audit) : QString();
}

QStringList AnnexTable::gapLines() const
{
    QStringList lines;
    for (const AnnexGap& g : gaps)
        lines
            << Annex::tr("%1 lacks: %2").arg(g.processorName, g.missing.join(QStringLiteral(", ")));
    return lines;
}

AnnexTable buildAnnex(AnnexLayout layout, const Organization& org,
                      const QList<Processor>& processors, QDate date)
{
    AnnexTable t;
    t.layout = layout;
    t.organization = org.name;
    t.date = date;
    QList<Processor> listed;
    for (const Processor& p : processors) {
        if (p.status != ProcessorStatus::Offboarded)
            listed.append(p);
    }
    std::sort(listed.begin(), listed.end(), [](const Processor& a, const Processor& b) {
        return a.name.localeAwareCompare(b.name) < 0;
    });
    QHash<QString, QString> names;
    for (const Processor& p : processors)
        names.insert(p.id, p.name);

    const QString delimitation =
        Annex::tr("Delimitation of responsibilities: each sub-processor listed "
                  "processes personal data only on the "
                  "documented instructions of %1 (controller), which decides the "
                  "purposes and means of the processing.")
            .arg(org.name);
    switch (layout) {
    case AnnexLayout::SccProcessor:
    case AnnexLayout::SccTransfer:
        t.title =
            layout == AnnexLayout::SccProcessor
                ? Annex::tr("Annex IV — List of sub-processors (Commission Implementing Decision "
                            "(EU) 2021/915)")
                : Annex::tr("Annex III — List of sub-processors (Commission Implementing Decision "
                            "(EU) 2021/914)");
        t.columns = {Annex::tr("Name"),
                     Annex::tr("Address"),
                     Annex::tr("Contact person"),
                     Annex::tr("Description of the processing"),
                     Annex::tr("Data categories"),
                     Annex::tr("Data subjects"),
                     Annex::tr("Location"),
                     Annex::tr("Transfer mechanism")};
        t.widths = {22, 34, 26, 48, 30, 18, 24, 28};
        t.note = delimitation;
        for (const Processor& p : std::as_const(listed)) {
            QString description = p.service;
            if (!p.purposes.isEmpty())
                description +=
                    Annex::tr(" Purposes: %1.").arg(p.purposes.join(QStringLiteral(", ")));
            if (!p.parentId.isEmpty())
                description +=
                    Annex::tr(" Sub-processor of %1.").arg(names.value(p.parentId, p.parentId));
            t.rows << QStringList{p.legalEntity.isEmpty()
                                      ? p.name
                                      : QStringLiteral("%1 (%2)").arg(p.name, p.legalEntity),
                                  p.address,
                                  p.contact,
                                  description.trimmed(),
                                  joined(DataTaxonomy::categoryLabels(p.dataCategories)),
                                  joined(DataTaxonomy::subjectLabels(p.dataSubjects)),
                                  locations(p.locations),
                                  displayLabel(p.transferMechanism)};
        }
        break;
    case AnnexLayout::Ropa:
        t.title = Annex::tr("Record of processing — processors (GDPR Art. 30)");
        t.columns = {Annex::tr("Name"),
                     Annex::tr("Legal entity"),
                     Annex::tr("Address"),
                     Annex::tr("Contact"),
                     Annex::tr("Website"),
                     Annex::tr("Service"),
                     Annex::tr("Purposes"),
                     Annex::tr("Data categories"),
                     Annex::tr("Data subjects"),
                     Annex::tr("Locations"),
                     Annex::tr("Transfer mechanism"),
                     Annex::tr("DPA"),
                     Annex::tr("DPA signed on"),
                     Annex::tr("DPA link"),
                     Annex::tr("Certifications"),
                     Annex::tr("Status"),
                     Annex::tr("Sub-processor of"),
                     Annex::tr("Next review"),
                     Annex::tr("Aliases")};
        t.widths = {22, 26, 34, 26, 26, 36, 30, 30, 18, 20, 24, 12, 14, 30, 24, 12, 20, 14, 20};
        for (const Processor& p : std::as_const(listed))
            t.rows << QStringList{p.name,
                                  p.legalEntity,
                                  p.address,
                                  p.contact,
                                  p.website,
                                  p.service,
                                  joined(p.purposes),
                                  joined(DataTaxonomy::categoryLabels(p.dataCategories)),
                                  joined(DataTaxonomy::subjectLabels(p.dataSubjects)),
                                  locations(p.locations),
                                  displayLabel(p.transferMechanism),
                                  displayLabel(p.dpaStatus),
                                  p.dpaSignedOn.toString(Qt::ISODate),
                                  p.dpaUrl,
                                  joined(p.certifications),
                                  displayLabel(p.status),
                                  names.value(p.parentId),
                                  p.reviewDue.toString(Qt::ISODate),
                                  joined(p.aliases)};
        break;
    }
    for (const Processor& p : std::as_const(listed)) {
        t.keys.append({p.id, p.dataCategories, p.dataSubjects});
        const QStringList missing = missingFor(layout, p);
        if (!missing.isEmpty())
            t.gaps.append({p.id, p.name, missing});
    }
    return t;
}

} // namespace workbench
