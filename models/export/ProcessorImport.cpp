#include "ProcessorImport.h"

#include "storage/Workspace.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>
#include <QUuid>

namespace workbench {

namespace {

// The translation context of this file's messages (the catalogues know it
// by this name).
struct ProcessorImport
{
    Q_DECLARE_TR_FUNCTIONS(ProcessorImport)
};

QString cleanHeader(const QString& h)
{
    return h.trimmed().toLower().remove(u'*').remove(u':');
}

} // namespace

QString countryCode(const QString& text)
{
    const QString t = text.trimmed();
    if (t.size() == 2 && t.at(0).isLetter() && t.at(1).isLetter()) {
        const QString upper = t.toUpper();
        return QLocale::codeToTerritory(upper) != QLocale::AnyTerritory ? upper : QString();
    }
    static const QHash<QString, QString> common{
        {QStringLiteral("usa"), QStringLiteral("US")},
        {QStringLiteral("u.s."), QStringLiteral("US")},
        {QStringLiteral("us"), QStringLiteral("US")},
        {QStringLiteral("uk"), QStringLiteral("GB")},
        {QStringLiteral("england"), QStringLiteral("GB")},
        {QStringLiteral("united states of america"), QStringLiteral("US")}};
    const QString lower = t.toLower();
    if (common.contains(lower))
        return common.value(lower);
    for (int i = 1; i <= int(QLocale::LastTerritory); ++i) {
        const auto territory = QLocale::Territory(i);
        if (QLocale::territoryToString(territory).compare(t, Qt::CaseInsensitive) == 0)
            return QLocale::territoryToCode(territory);
    }
    return {};
}

QString importFieldLabel(ImportField f)
{
    switch (f) {
    case ImportField::Ignore:
        return ProcessorImport::tr("(ignore)");
    case ImportField::Name:
        return ProcessorImport::tr("Name");
    case ImportField::Service:
        return ProcessorImport::tr("Service / purpose");
    case ImportField::Location:
        return ProcessorImport::tr("Location");
    case ImportField::LegalEntity:
        return ProcessorImport::tr("Legal entity");
    case ImportField::Address:
        return ProcessorImport::tr("Address");
    case ImportField::Website:
        return ProcessorImport::tr("Website");
    case ImportField::Contact:
        return ProcessorImport::tr("Contact");
    case ImportField::DataCategories:
        return ProcessorImport::tr("Data categories");
    }
    return {};
}

QList<ImportField> guessMapping(const QStringList& header)
{
    QList<ImportField> out;
    QSet<ImportField> taken;
    for (const QString& h : header) {
        const QString c = cleanHeader(h);
        ImportField f = ImportField::Ignore;
        auto has = [&c](std::initializer_list<const char*> words) {
            return std::any_of(words.begin(), words.end(),
                               [&c](const char* w) { return c.contains(QLatin1String(w)); });
        };
        if (has({"entity", "legal name", "company"}))
            f = ImportField::LegalEntity;
        else if (has({"name", "vendor", "processor", "provider", "supplier"}))
            f = ImportField::Name;
        else if (has({"purpose", "service", "description", "processing", "function", "activity"}))
            f = ImportField::Service;
        else if (has({"location", "country", "countries", "region", "where"}))
            f = ImportField::Location;
        else if (has({"address", "registered office", "headquarter"}))
            f = ImportField::Address;
        else if (has({"url", "website", "web", "link"}))
            f = ImportField::Website;
        else if (has({"contact", "email", "e-mail", "dpo"}))
            f = ImportField::Contact;
        else if (has({"data categor", "personal data", "data type"}))
            f = ImportField::DataCategories;
        if (taken.contains(f) && f != ImportField::Ignore)
            f = ImportField::Ignore; // the first column of a kind wins
        taken.insert(f);
        out << f;
    }
    return out;
}

QString ImportPlan::summary() const
{
    return ProcessorImport::tr("%1 to add, %2 to update, %3 rejected")
        .arg(added.size())
        .arg(updated.size())
        .arg(rejected.size());
}

ImportPlan planImport(const ImportTable& table, const QList<ImportField>& mapping,
                      const QList<Processor>& existing, const QString& organizationId)
{
    ImportPlan plan;
    if (!mapping.contains(ImportField::Name)) {
        plan.rejected << ImportIssue{1, ProcessorImport::tr("no column is mapped to Name")};
        return plan;
    }
    QHash<QString, int> seen; // lower-case name -> row
    for (int i = 0; i < table.rows.size(); ++i) {
        const int rowNumber = i + 2;
        const QStringList& row = table.rows[i];
        if (row.join(QString()).trimmed().isEmpty())
            continue; // blank lines are not data
        auto value = [&](ImportField f) {
            const int c = int(mapping.indexOf(f));
            return c >= 0 ? row.value(c).trimmed() : QString();
        };
        const QString name = value(ImportField::Name);
        if (name.isEmpty()) {
            plan.rejected << ImportIssue{rowNumber, ProcessorImport::tr("no name")};
            continue;
        }
        const QString key = name.toLower();
        if (seen.contains(key)) {
            plan.rejected << ImportIssue{
                rowNumber,
                ProcessorImport::tr("repeats row %1 (%2)").arg(seen.value(key)).arg(name)};
            continue;
        }
        seen.insert(key, rowNumber);
        QStringList locations;
        QString badLocation;
        for (const QString& part :
             value(ImportField::Location)
                 .split(QRegularExpression(QStringLiteral("[,;/]")), Qt::SkipEmptyParts)) {
            const QString code = countryCode(part);
            if (code.isEmpty()) {
                badLocation = part.trimmed();
                break;
            }
            if (!locations.contains(code))
                locations << code;
        }
        if (!badLocation.isEmpty()) {
            plan.rejected << ImportIssue{
                rowNumber, ProcessorImport::tr("location '%1' is not a country").arg(badLocation)};
            continue;
        }
        // The same processor already in the registry (by name or alias)?
        const auto match = std::find_if(existing.begin(), existing.end(), [&](const Processor& p) {
            if (p.name.compare(name, Qt::CaseInsensitive) == 0)
                return true;
            return std::any_of(p.aliases.begin(), p.aliases.end(), [&](const QString& a) {
                return a.compare(name, Qt::CaseInsensitive) == 0;
            });
        });
        Processor p = match != existing.end() ? *match : Processor{};
        const Processor before = p;
        if (match == existing.end()) {
            p.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
            p.name = name;
            p.status = ProcessorStatus::Onboarding;
            p.organizationIds = {organizationId};
        } else if (!p.organizationIds.contains(organizationId)) {
            p.organizationIds << organizationId;
        }
        auto set = [&](ImportField f, QString& target) {
            const QString v = value(f);
            if (!v.isEmpty())
                target = v;
        };
        set(ImportField::Service, p.service);
        set(ImportField::LegalEntity, p.legalEntity);
        set(ImportField::Address, p.address);
        set(ImportField::Website, p.website);
        set(ImportField::Contact, p.contact);
        if (!locations.isEmpty())
            p.locations = locations;
        const QString categories = value(ImportField::DataCategories);
        if (!categories.isEmpty())
            p.dataCategories = categories.split(u',', Qt::SkipEmptyParts);
        for (QString& c : p.dataCategories)
            c = c.trimmed();
        if (p.service.trimmed().isEmpty()) {
            plan.rejected << ImportIssue{
                rowNumber, ProcessorImport::tr("%1 has no service or purpose").arg(name)};
            continue;
        }
        if (match == existing.end())
            plan.added << p;
        else if (!(p == before))
            plan.updated << qMakePair(before, p);
    }
    return plan;
}

Status applyImport(Workspace& workspace, const ImportPlan& plan, const QString& source)
{
    return workspace.database().transaction([&]() -> Status {
        for (const Processor& p : plan.added) {
            if (auto s =
                    workspace.save(p, ProcessorImport::tr("Import %1 from %2").arg(p.name, source),
                                   QStringLiteral("import"));
                !s)
                return Error{ProcessorImport::tr("%1: %2").arg(p.name, s.error())};
        }
        for (const auto& [before, after] : plan.updated) {
            if (auto s = workspace.save(
                    after, ProcessorImport::tr("Update %1 from %2").arg(after.name, source),
                    QStringLiteral("import"));
                !s)
                return Error{ProcessorImport::tr("%1: %2").arg(after.name, s.error())};
        }
        return {};
    });
}

} // namespace workbench
