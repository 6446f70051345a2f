#pragma once

#include "Annex.h"
#include "domain/Result.h"

namespace workbench {

enum class AnnexFormat
{
    Xlsx,
    Docx,
    Odt,
    Pdf,
    Csv,
    Markdown,
    Html,
    Json
};

std::optional<AnnexFormat>
annexFormatFromName(QStringView name); // xlsx, docx, odt, pdf, csv, md, html, json
QString annexFormatName(AnnexFormat format);

// Writes the annex to `path` (atomically where the format allows). Every
// format but CSV also lists what the processors lack.
Status writeAnnex(const AnnexTable& table, AnnexFormat format, const QString& path);

// The text forms, also for previews.
QString annexToCsv(const AnnexTable& table);
QString annexToMarkdown(const AnnexTable& table);
QString annexToHtml(const AnnexTable& table);
QByteArray annexToJson(const AnnexTable& table);

} // namespace workbench
