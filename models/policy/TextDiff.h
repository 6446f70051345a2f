#pragma once

#include <QString>
#include <QStringView>
#include <vector>

namespace workbench::diff {

struct Options
{
    bool ignoreWhitespace = false; // like diff -w: lines (and words) equal once blanks are removed
    bool ignoreCase = false;
};

// One edit over characters. Applied in order to the old text they rebuild
// the new one exactly: Equal copies old[oldPos, oldPos + oldLength), Delete
// skips it, Insert adds new[newPos, newPos + newLength). Equal ranges are
// identical in both texts (character for character, whatever the options).
enum class OpKind : quint8
{
    Equal,
    Delete,
    Insert
};
struct Op
{
    OpKind kind;
    qsizetype oldPos;
    qsizetype oldLength;
    qsizetype newPos;
    qsizetype newLength;
};

// One line of a text, its terminator ("\n" or "\r\n") included; the last
// line may have none.
struct Line
{
    qsizetype pos;
    qsizetype length;
};

// A row of the side-by-side view: old on the left, new on the right.
// Same rows may differ in blanks or case when the options ignore them
// (`ignorable`). Changed rows pair a removed line with an added one and carry
// the word highlights of each side.
enum class RowKind : quint8
{
    Same,
    Changed,
    Deleted,
    Inserted
};
struct Span
{
    qsizetype pos; // from the start of the line
    qsizetype length;
};
struct Row
{
    RowKind kind;
    bool ignorable = false;
    int oldLine = -1;
    int newLine = -1;
    quint32 spanBegin = 0; // into Result::spans: old spans first, then new
    quint32 oldSpans = 0;
    quint32 newSpans = 0;
};

struct Summary
{
    int added = 0;   // rows only on the right
    int removed = 0; // rows only on the left
    int changed = 0; // rows on both sides with words changed
    bool operator==(const Summary&) const = default;
};

struct Result
{
    QString oldText;
    QString newText;
    std::vector<Line> oldLines;
    std::vector<Line> newLines;
    std::vector<Row> rows;
    std::vector<Span> spans;
    std::vector<Op> ops;
    std::vector<int> blocks; // first row of every run of changed rows
    Summary summary;

    bool equal() const { return blocks.empty(); }
    QStringView oldLineText(int line) const;
    QStringView newLineText(int line) const;
    // The highlights of one side of a row.
    const Span* oldSpansOf(const Row& row) const { return spans.data() + row.spanBegin; }
    const Span* newSpansOf(const Row& row) const
    {
        return spans.data() + row.spanBegin + row.oldSpans;
    }
};

// Lines are aligned with histogram anchoring (the rarest common line of a
// region splits it, as git's histogram diff does), then the words of every
// changed pair of lines are aligned the same way.
Result compare(const QString& oldText, const QString& newText, Options options = {});

// The new text from the old one and the operations; the check the tests use.
QString rebuild(const QString& oldText, const QString& newText, const std::vector<Op>& ops);

// The splits both the engine and the views use.
std::vector<Line> splitLines(QStringView text);

} // namespace workbench::diff
