#include "SubprocessorListImport.h"

#include "ProcessorImport.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace workbench {

namespace {

struct SubprocessorListImport
{
    Q_DECLARE_TR_FUNCTIONS(SubprocessorListImport)
};

// Each part of a location, as a country code where it names a country.
QStringList countriesOf(const QString& location)
{
    static const QRegularExpression separators(QStringLiteral("\\s*(?:[,;/]|\\band\\b|&)\\s*"));
    QStringList out;
    for (const QString& part : location.split(separators, Qt::SkipEmptyParts)) {
        const QString code = countryCode(part);
        const QString value = code.isEmpty() ? part.simplified().toLower() : code;
        if (!value.isEmpty() && !out.contains(value))
            out << value;
    }
    return out;
}

} // namespace

Result<QList<SubprocessorEntry>> subprocessorEntries(const ImportTable& table)
{
    const QList<ImportField> mapping = guessMapping(table.header);
    int nameColumn = int(mapping.indexOf(ImportField::Name));
    int entityColumn = int(mapping.indexOf(ImportField::LegalEntity));
    if (nameColumn < 0) {
        nameColumn = entityColumn;
        entityColumn = -1;
    }
    if (nameColumn < 0)
        return Error{SubprocessorListImport::tr(
                         "%1 has no column of names: none of its columns (%2) is headed like "
                         "\"Name\", \"Sub-processor\" or \"Entity\".")
                         .arg(table.source, table.header.join(QStringLiteral(", ")).left(200))};
    const int purposeColumn = int(mapping.indexOf(ImportField::Service));
    const int locationColumn = int(mapping.indexOf(ImportField::Location));
    QList<SubprocessorEntry> out;
    for (const QStringList& row : table.rows) {
        auto cell = [&row](int c) {
            return c >= 0 ? row.value(c).simplified() : QString();
        };
        SubprocessorEntry e;
        e.name = cell(nameColumn);
        if (e.name.isEmpty())
            continue; // blank lines and section breaks are not entries
        e.entity = cell(entityColumn);
        e.purpose = cell(purposeColumn);
        e.location = cell(locationColumn);
        e.countries = countriesOf(e.location);
        out << e;
    }
    if (out.isEmpty())
        return Error{SubprocessorListImport::tr("%1: the list is empty (no row names a "
                                                "sub-processor).")
                         .arg(table.source)};
    return out;
}

Result<QList<SubprocessorEntry>> readSubprocessorFile(const QString& path)
{
    auto table = readImportFile(path);
    if (!table)
        return Error{table.error()};
    return subprocessorEntries(table.value());
}

Result<QList<SubprocessorEntry>> readSubprocessorText(const QByteArray& text, const QString& source,
                                                      const QString& suffix)
{
    auto table = readImportBytes(text, source, suffix);
    if (!table)
        return Error{table.error()};
    return subprocessorEntries(table.value());
}

} // namespace workbench
