#pragma once

#include "ImportReader.h"
#include "domain/SubprocessorList.h"

namespace workbench {

// A vendor's sub-processor list read from a table: the name column (a
// "Name"/"Sub-processor" column, else the "Entity" column), the entity when
// the list has both, the purpose and the location, guessed from the header
// as the processor import guesses them. Refused with the reason when the
// table has no name column or no entry.
Result<QList<SubprocessorEntry>> subprocessorEntries(const ImportTable& table);

// A sub-processor list from a file (CSV, TSV, XLSX, JSON, a saved web page,
// Markdown) or text in memory (pasted or fetched).
Result<QList<SubprocessorEntry>> readSubprocessorFile(const QString& path);
Result<QList<SubprocessorEntry>> readSubprocessorText(const QByteArray& text, const QString& source,
                                                      const QString& suffix = {});

} // namespace workbench
