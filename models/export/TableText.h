#pragma once

#include "domain/Result.h"

#include <QList>
#include <QStringList>

namespace workbench {

// Tables in text as vendors publish their lists besides CSV and JSON: a
// saved web page with a <table>, or a Markdown table. Rows include the
// header (the first row); cells are plain text, trimmed.

// Whether the text is an HTML page or fragment (it starts with a tag).
bool looksLikeHtml(QStringView text);
// Whether the text holds a Markdown table (a |---|---| line under a row).
bool looksLikeMarkdownTable(QStringView text);

// The rows of the page's table that looks most like a list: the one with
// the most rows of at least two cells (a layout table of one column is not
// a list). An error when the page has no such table.
Result<QList<QStringList>> readHtmlTable(const QString& html, const QString& source);
// The rows of the first Markdown table in the text (its separator line left
// out).
Result<QList<QStringList>> readMarkdownTable(const QString& text, const QString& source);

} // namespace workbench
