#pragma once

#include "domain/Result.h"

#include <QString>
#include <QStringList>

namespace workbench {

// WordprocessingML (DOCX), zipped with minizip: what the annex and the
// letters write.

// One paragraph of one run; `halfPoints` 0 keeps the default size.
QString docxParagraph(const QString& text, bool bold = false, int halfPoints = 0);

struct DocxPage
{
    bool landscape = false;
    int marginTwips = 720; // 1/20 pt: 720 is half an inch
};

// Writes a .docx at `path` whose body holds `bodyXml` (w:p and w:tbl
// elements), with `footer` on every page when it is not empty.
Status writeDocxFile(const QString& path, const QString& bodyXml, const QString& footer = {},
                     const DocxPage& page = {});

// A document of a bold title and paragraphs (their line breaks kept), for
// drafts and letters.
Status writeDocxParagraphs(const QString& title, const QStringList& paragraphs,
                           const QString& path);

} // namespace workbench
