#pragma once

#include "ImportReader.h"
#include "domain/Records.h"

namespace workbench {

class Workspace;

// Where a column goes.
enum class ImportField
{
    Ignore,
    Name,
    Service,
    Location,
    LegalEntity,
    Address,
    Website,
    Contact,
    DataCategories
};
QString importFieldLabel(ImportField field);
// Guesses each column's field from its header ("Sub-processor", "Purpose",
// "Country", "Entity", "URL", ...); the officer can correct it.
QList<ImportField> guessMapping(const QStringList& header);

struct ImportIssue
{
    int row = 0; // 1-based, as the file counts them (the header is row 1)
    QString reason;
};

// What an import would do.
struct ImportPlan
{
    QList<Processor> added;
    QList<QPair<Processor, Processor>> updated; // before, after
    QList<ImportIssue> rejected;
    QString summary() const; // "3 to add, 1 to update, 2 rejected"
};

ImportPlan planImport(const ImportTable& table, const QList<ImportField>& mapping,
                      const QList<Processor>& existing, const QString& organizationId);

// Applies a plan in one transaction: everything or nothing.
Status applyImport(Workspace& workspace, const ImportPlan& plan, const QString& source);

// "Germany", "germany", "DE", "U.S." -> ISO 3166-1 alpha-2, or empty.
QString countryCode(const QString& text);

} // namespace workbench
