#include "TextDiff.h"

#include "DiffAlign.h"

#include <algorithm>

namespace workbench::diff {

namespace {

using detail::Aligner;
using detail::Interner;
using detail::Match;

QString normalized(QStringView s, const Options& options)
{
    QString out;
    out.reserve(s.size());
    for (QChar c : s) {
        if (options.ignoreWhitespace && c.isSpace())
            continue;
        out.append(c);
    }
    return options.ignoreCase ? out.toCaseFolded() : out;
}

// ------------------------------------------------------------------ words

enum class TokenClass
{
    Word,
    Space,
    Other
};

TokenClass classOf(QChar c)
{
    if (c.isLetterOrNumber() || c == u'_')
        return TokenClass::Word;
    if (c.isSpace())
        return TokenClass::Space;
    return TokenClass::Other;
}

// Words, runs of blanks, and single punctuation marks.
void tokenize(QStringView line, std::vector<Span>& tokens)
{
    tokens.clear();
    const qsizetype n = line.size();
    qsizetype i = 0;
    while (i < n) {
        const TokenClass cls = classOf(line[i]);
        qsizetype j = i + 1;
        if (cls != TokenClass::Other) {
            while (j < n && classOf(line[j]) == cls)
                ++j;
        } else if (line[i].isHighSurrogate() && j < n && line[j].isLowSurrogate()) {
            ++j;
        }
        tokens.push_back({i, j - i});
        i = j;
    }
}

class Builder
{
public:
    Builder(Result& result, const Options& options)
        : m_r(result)
        , m_options(options)
        , m_normalize(options.ignoreCase || options.ignoreWhitespace)
        , m_words(256)
    {}

    void run()
    {
        m_r.oldLines = splitLines(m_r.oldText);
        m_r.newLines = splitLines(m_r.newText);
        const int n = int(m_r.oldLines.size()), m = int(m_r.newLines.size());
        Interner lines(n + m);
        std::vector<int> a(static_cast<size_t>(n)), b(static_cast<size_t>(m));
        for (int i = 0; i < n; ++i)
            a[size_t(i)] = lines.intern(lineKey(lines, m_r.oldLineText(i)));
        for (int j = 0; j < m; ++j)
            b[size_t(j)] = lines.intern(lineKey(lines, m_r.newLineText(j)));
        std::vector<Match> matches;
        matches.reserve(size_t(std::min(n, m)));
        m_aligner.reserveKeys(lines.count());
        m_aligner.align(a.data(), 0, n, b.data(), 0, m, matches);

        m_r.rows.reserve(size_t(std::max(n, m)));
        int i = 0, j = 0;
        for (const Match& match : matches) {
            gap(i, match.a, j, match.b);
            same(match.a, match.b);
            i = match.a + 1;
            j = match.b + 1;
        }
        gap(i, n, j, m);
    }

private:
    QStringView lineKey(Interner& interner, QStringView line) const
    {
        return m_normalize ? interner.keep(normalized(line, m_options)) : line;
    }

    QStringView wordKey(QStringView token)
    {
        if (!m_normalize)
            return token;
        if (m_options.ignoreWhitespace && token.front().isSpace())
            return u" ";
        return m_words.keep(m_options.ignoreCase ? token.toString().toCaseFolded()
                                                 : token.toString());
    }

    void op(OpKind kind, qsizetype oldPos, qsizetype oldLength, qsizetype newPos,
            qsizetype newLength)
    {
        if (oldLength == 0 && newLength == 0)
            return;
        if (!m_r.ops.empty()) {
            Op& last = m_r.ops.back();
            if (last.kind == kind && last.oldPos + last.oldLength == oldPos &&
                last.newPos + last.newLength == newPos) {
                last.oldLength += oldLength;
                last.newLength += newLength;
                return;
            }
        }
        m_r.ops.push_back({kind, oldPos, oldLength, newPos, newLength});
    }

    void markBlock(RowKind kind)
    {
        const bool change = kind != RowKind::Same;
        if (change && !m_inBlock)
            m_r.blocks.push_back(int(m_r.rows.size()));
        m_inBlock = change;
    }

    void same(int i, int j)
    {
        const Line& o = m_r.oldLines[size_t(i)];
        const Line& n = m_r.newLines[size_t(j)];
        markBlock(RowKind::Same);
        Row row{RowKind::Same, false, i, j, quint32(m_r.spans.size()), 0, 0};
        if (m_normalize && m_r.oldLineText(i) != m_r.newLineText(j)) {
            row.ignorable = true;
            op(OpKind::Delete, o.pos, o.length, n.pos, 0);
            op(OpKind::Insert, o.pos + o.length, 0, n.pos, n.length);
        } else {
            op(OpKind::Equal, o.pos, o.length, n.pos, n.length);
        }
        m_r.rows.push_back(row);
    }

    // Old lines [i, iEnd) were replaced by new lines [j, jEnd): pairs first,
    // then what is left on either side.
    void gap(int i, int iEnd, int j, int jEnd)
    {
        const int pairs = std::min(iEnd - i, jEnd - j);
        for (int k = 0; k < pairs; ++k)
            changed(i + k, j + k);
        const qsizetype newAt = newPosOf(j + pairs);
        for (int k = i + pairs; k < iEnd; ++k) {
            const Line& o = m_r.oldLines[size_t(k)];
            markBlock(RowKind::Deleted);
            m_r.rows.push_back({RowKind::Deleted, false, k, -1, quint32(m_r.spans.size()), 0, 0});
            op(OpKind::Delete, o.pos, o.length, newAt, 0);
            ++m_r.summary.removed;
        }
        const qsizetype oldAt = oldPosOf(iEnd);
        for (int k = j + pairs; k < jEnd; ++k) {
            const Line& n = m_r.newLines[size_t(k)];
            markBlock(RowKind::Inserted);
            m_r.rows.push_back({RowKind::Inserted, false, -1, k, quint32(m_r.spans.size()), 0, 0});
            op(OpKind::Insert, oldAt, 0, n.pos, n.length);
            ++m_r.summary.added;
        }
    }

    qsizetype oldPosOf(int line) const
    {
        return line < int(m_r.oldLines.size()) ? m_r.oldLines[size_t(line)].pos
                                               : m_r.oldText.size();
    }
    qsizetype newPosOf(int line) const
    {
        return line < int(m_r.newLines.size()) ? m_r.newLines[size_t(line)].pos
                                               : m_r.newText.size();
    }

    void changed(int i, int j)
    {
        const Line& ol = m_r.oldLines[size_t(i)];
        const Line& nl = m_r.newLines[size_t(j)];
        const QStringView oldLine = m_r.oldLineText(i), newLine = m_r.newLineText(j);
        tokenize(oldLine, m_oldTokens);
        tokenize(newLine, m_newTokens);
        const int n = int(m_oldTokens.size()), m = int(m_newTokens.size());
        m_a.resize(size_t(n));
        m_b.resize(size_t(m));
        for (int k = 0; k < n; ++k)
            m_a[size_t(k)] = m_words.intern(
                wordKey(oldLine.mid(m_oldTokens[size_t(k)].pos, m_oldTokens[size_t(k)].length)));
        for (int k = 0; k < m; ++k)
            m_b[size_t(k)] = m_words.intern(
                wordKey(newLine.mid(m_newTokens[size_t(k)].pos, m_newTokens[size_t(k)].length)));
        m_matches.clear();
        m_aligner.reserveKeys(m_words.count());
        m_aligner.align(m_a.data(), 0, n, m_b.data(), 0, m, m_matches);

        Row row{RowKind::Changed, false, i, j, quint32(m_r.spans.size()), 0, 0};
        m_oldMarks.clear();
        m_newMarks.clear();
        int ti = 0, tj = 0;
        bool unmatched = false;
        auto emitGap = [&](int iEnd, int jEnd) {
            unmatched = unmatched || ti < iEnd || tj < jEnd;
            for (; ti < iEnd; ++ti) {
                const Span& t = m_oldTokens[size_t(ti)];
                op(OpKind::Delete, ol.pos + t.pos, t.length, nl.pos + tokenPos(m_newTokens, tj), 0);
                addMark(m_oldMarks, t, oldLine);
            }
            for (; tj < jEnd; ++tj) {
                const Span& t = m_newTokens[size_t(tj)];
                op(OpKind::Insert, ol.pos + tokenPos(m_oldTokens, ti), 0, nl.pos + t.pos, t.length);
                addMark(m_newMarks, t, newLine);
            }
        };
        for (const Match& match : m_matches) {
            emitGap(match.a, match.b);
            const Span& t = m_oldTokens[size_t(match.a)];
            const Span& u = m_newTokens[size_t(match.b)];
            if (oldLine.mid(t.pos, t.length) == newLine.mid(u.pos, u.length)) {
                op(OpKind::Equal, ol.pos + t.pos, t.length, nl.pos + u.pos, u.length);
            } else {
                op(OpKind::Delete, ol.pos + t.pos, t.length, nl.pos + u.pos, 0);
                op(OpKind::Insert, ol.pos + t.pos + t.length, 0, nl.pos + u.pos, u.length);
            }
            ti = match.a + 1;
            tj = match.b + 1;
        }
        emitGap(n, m);
        m_r.spans.insert(m_r.spans.end(), m_oldMarks.begin(), m_oldMarks.end());
        m_r.spans.insert(m_r.spans.end(), m_newMarks.begin(), m_newMarks.end());
        row.oldSpans = quint32(m_oldMarks.size());
        row.newSpans = quint32(m_newMarks.size());
        if (!unmatched) {
            row.kind = RowKind::Same; // equal once blanks or case are ignored
            row.ignorable = true;
        } else {
            ++m_r.summary.changed;
        }
        markBlock(row.kind);
        m_r.rows.push_back(row);
    }

    static qsizetype tokenPos(const std::vector<Span>& tokens, int index)
    {
        if (index < int(tokens.size()))
            return tokens[size_t(index)].pos;
        return tokens.empty() ? 0 : tokens.back().pos + tokens.back().length;
    }

    // Highlights join across the blanks between two changed words; blanks
    // and line ends alone are not highlighted.
    static void addMark(std::vector<Span>& marks, const Span& token, QStringView line)
    {
        const QStringView text = line.mid(token.pos, token.length);
        const bool blank = text.trimmed().isEmpty();
        if (!marks.empty()) {
            Span& last = marks.back();
            const qsizetype between = token.pos - (last.pos + last.length);
            if (between >= 0 && line.mid(last.pos + last.length, between).trimmed().isEmpty()) {
                if (!blank)
                    last.length = token.pos + token.length - last.pos;
                return;
            }
        }
        if (!blank)
            marks.push_back(token);
    }

    Result& m_r;
    Options m_options;
    bool m_normalize;
    bool m_inBlock = false;
    Aligner m_aligner;
    Interner m_words;
    std::vector<Span> m_oldTokens, m_newTokens, m_oldMarks, m_newMarks;
    std::vector<int> m_a, m_b;
    std::vector<Match> m_matches;
};

} // namespace

std::vector<Line> splitLines(QStringView text)
{
    std::vector<Line> lines;
    lines.reserve(size_t(text.size() / 40 + 1));
    qsizetype start = 0;
    const qsizetype n = text.size();
    const QChar* data = text.data();
    for (qsizetype i = 0; i < n; ++i) {
        if (data[i] == u'\n') {
            lines.push_back({start, i + 1 - start});
            start = i + 1;
        }
    }
    if (start < n)
        lines.push_back({start, n - start});
    return lines;
}

QStringView Result::oldLineText(int line) const
{
    const Line& l = oldLines[size_t(line)];
    return QStringView(oldText).mid(l.pos, l.length);
}

QStringView Result::newLineText(int line) const
{
    const Line& l = newLines[size_t(line)];
    return QStringView(newText).mid(l.pos, l.length);
}

Result compare(const QString& oldText, const QString& newText, Options options)
{
    Result result;
    result.oldText = oldText;
    result.newText = newText;
    Builder(result, options).run();
    return result;
}

QString rebuild(const QString& oldText, const QString& newText, const std::vector<Op>& ops)
{
    QString out;
    out.reserve(newText.size());
    for (const Op& op : ops) {
        switch (op.kind) {
        case OpKind::Equal:
            out.append(QStringView(oldText).mid(op.oldPos, op.oldLength));
            break;
        case OpKind::Delete:
            break;
        case OpKind::Insert:
            out.append(QStringView(newText).mid(op.newPos, op.newLength));
            break;
        }
    }
    return out;
}

} // namespace workbench::diff
