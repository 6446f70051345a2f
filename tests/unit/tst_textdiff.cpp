#include "policy/DiffFormat.h"
#include "policy/TextDiff.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>
#include <QTextStream>

using namespace workbench::diff;

namespace {

// Every character of the old text is consumed once (Equal or Delete) and
// every character of the new one produced once (Equal or Insert), in order;
// Equal ranges hold the same characters on both sides.
void checkOps(const QString& oldText, const QString& newText, const std::vector<Op>& ops)
{
    qsizetype oldPos = 0, newPos = 0;
    for (const Op& op : ops) {
        QCOMPARE(op.oldPos, oldPos);
        QCOMPARE(op.newPos, newPos);
        switch (op.kind) {
        case OpKind::Equal:
            QCOMPARE(op.oldLength, op.newLength);
            QCOMPARE(QStringView(oldText).mid(op.oldPos, op.oldLength),
                     QStringView(newText).mid(op.newPos, op.newLength));
            break;
        case OpKind::Delete:
            QCOMPARE(op.newLength, 0);
            QVERIFY(op.oldLength > 0);
            break;
        case OpKind::Insert:
            QCOMPARE(op.oldLength, 0);
            QVERIFY(op.newLength > 0);
            break;
        }
        oldPos += op.oldLength;
        newPos += op.newLength;
    }
    QCOMPARE(oldPos, oldText.size());
    QCOMPARE(newPos, newText.size());
    QCOMPARE(rebuild(oldText, newText, ops), newText);
}

QString randomWord(QRandomGenerator& rng)
{
    static const QStringList words = {
        "data",    "processor", "Stripe",  "retain", "days", "personal", "the",     "we",
        "erasure", "Zürich",    "données", "7",      "—",    "policy",   "account", ""};
    return words[int(rng.bounded(quint32(words.size())))];
}

QString randomLine(QRandomGenerator& rng)
{
    QStringList parts;
    const int n = int(rng.bounded(0, 9));
    for (int i = 0; i < n; ++i)
        parts << randomWord(rng);
    QString line = parts.join(rng.bounded(4) == 0 ? QStringLiteral("  ") : QStringLiteral(" "));
    if (rng.bounded(6) == 0)
        line += QLatin1Char('.');
    return line;
}

QString randomDocument(QRandomGenerator& rng, int lines)
{
    QString text;
    for (int i = 0; i < lines; ++i)
        text += randomLine(rng) +
                (rng.bounded(10) == 0 ? QStringLiteral("\r\n") : QStringLiteral("\n"));
    if (rng.bounded(3) == 0 && !text.isEmpty())
        text.chop(1); // no newline at the end
    return text;
}

// Deletes, inserts, edits words inside lines, moves lines.
QString randomlyEdited(QRandomGenerator& rng, const QString& text)
{
    QStringList lines = text.split(QLatin1Char('\n'));
    const int edits = int(rng.bounded(0, 12));
    for (int e = 0; e < edits; ++e) {
        const int at = lines.isEmpty() ? 0 : int(rng.bounded(quint32(lines.size())));
        switch (rng.bounded(5)) {
        case 0:
            if (!lines.isEmpty())
                lines.removeAt(at);
            break;
        case 1:
            lines.insert(at, randomLine(rng));
            break;
        case 2:
            if (!lines.isEmpty()) {
                QStringList words = lines[at].split(QLatin1Char(' '));
                words[int(rng.bounded(quint32(words.size())))] = randomWord(rng);
                lines[at] = words.join(QLatin1Char(' '));
            }
            break;
        case 3:
            if (lines.size() > 1)
                lines.move(at, int(rng.bounded(quint32(lines.size()))));
            break;
        default:
            if (!lines.isEmpty())
                lines[at] = lines[at].toUpper();
            break;
        }
    }
    return lines.join(QLatin1Char('\n'));
}

struct RowText
{
    QString kind, left, right;
};

QString kindName(RowKind kind)
{
    switch (kind) {
    case RowKind::Same:
        return "same";
    case RowKind::Changed:
        return "changed";
    case RowKind::Deleted:
        return "deleted";
    case RowKind::Inserted:
        return "inserted";
    }
    return {};
}

QStringList highlights(const Result& r, const Row& row, bool left)
{
    QStringList out;
    const QStringView line = left ? r.oldLineText(row.oldLine) : r.newLineText(row.newLine);
    const Span* spans = left ? r.oldSpansOf(row) : r.newSpansOf(row);
    const quint32 count = left ? row.oldSpans : row.newSpans;
    for (quint32 k = 0; k < count; ++k)
        out << line.mid(spans[k].pos, spans[k].length).toString();
    return out;
}

QStringList rowKinds(const Result& r)
{
    QStringList out;
    for (const Row& row : r.rows)
        out << kindName(row.kind);
    return out;
}

} // namespace

class TestTextDiff : public QObject
{
    Q_OBJECT

private slots:
    void rebuildsRandomEdits()
    {
        // A property over many seeds: the operations rebuild the new text.
        for (quint32 seed = 1; seed <= 600; ++seed) {
            QRandomGenerator rng(seed);
            const QString before = randomDocument(rng, int(rng.bounded(0, 60)));
            const QString after = randomlyEdited(rng, before);
            for (Options options :
                 {Options{}, Options{true, false}, Options{false, true}, Options{true, true}}) {
                const Result r = compare(before, after, options);
                checkOps(before, after, r.ops);
                if (QTest::currentTestFailed()) {
                    qWarning("seed %u, options ws=%d case=%d", seed, options.ignoreWhitespace,
                             options.ignoreCase);
                    return;
                }
                // Every line appears once on its side, in order.
                int nextOld = 0, nextNew = 0;
                for (const Row& row : r.rows) {
                    if (row.oldLine >= 0)
                        QCOMPARE(row.oldLine, nextOld++);
                    if (row.newLine >= 0)
                        QCOMPARE(row.newLine, nextNew++);
                }
                QCOMPARE(nextOld, int(r.oldLines.size()));
                QCOMPARE(nextNew, int(r.newLines.size()));
                if (!options.ignoreCase && !options.ignoreWhitespace)
                    QCOMPARE(r.equal(), before == after);
            }
        }
    }

    void emptyAndIdentical()
    {
        Result r = compare({}, {});
        QVERIFY(r.equal());
        QVERIFY(r.rows.empty());
        QVERIFY(r.ops.empty());

        const QString text = "one\ntwo\nthree\n";
        r = compare(text, text);
        QVERIFY(r.equal());
        QCOMPARE(r.rows.size(), size_t(3));
        QCOMPARE(r.ops.size(), size_t(1)); // one Equal over everything
        QCOMPARE(r.summary, Summary{});
    }

    void allNewAndAllGone()
    {
        Result r = compare({}, "a\nb\n");
        QCOMPARE(rowKinds(r), QStringList({"inserted", "inserted"}));
        QCOMPARE(r.summary.added, 2);
        QCOMPARE(r.blocks, std::vector<int>{0});
        checkOps({}, "a\nb\n", r.ops);

        r = compare("a\nb\n", {});
        QCOMPARE(rowKinds(r), QStringList({"deleted", "deleted"}));
        QCOMPARE(r.summary.removed, 2);
        checkOps("a\nb\n", {}, r.ops);
    }

    void noTrailingNewline()
    {
        const Result r = compare("a\nb", "a\nb\n");
        QCOMPARE(rowKinds(r), QStringList({"same", "changed"}));
        QVERIFY(!r.equal());
        checkOps("a\nb", "a\nb\n", r.ops);
        // Only the line end changed: nothing to highlight in the words.
        QVERIFY(highlights(r, r.rows[1], true).isEmpty());
    }

    void crlf()
    {
        const QString before = "keep\r\nold words here\r\nend\r\n";
        const QString after = "keep\r\nnew words here\r\nend\n";
        Result r = compare(before, after);
        QCOMPARE(rowKinds(r), QStringList({"same", "changed", "changed"}));
        QCOMPARE(highlights(r, r.rows[1], true), QStringList{"old"});
        QCOMPARE(highlights(r, r.rows[1], false), QStringList{"new"});
        checkOps(before, after, r.ops);

        // Ignoring blanks, the line ends do not count.
        r = compare("a\r\nb\r\n", "a\nb\n", {true, false});
        QVERIFY(r.equal());
        QVERIFY(r.rows[0].ignorable);
        checkOps("a\r\nb\r\n", "a\nb\n", r.ops);
    }

    void nonAscii()
    {
        const QString before = "Daten werden in Zürich gespeichert 🙂.\n";
        const QString after = "Daten werden in Genève gespeichert 🙂.\n";
        const Result r = compare(before, after);
        QCOMPARE(highlights(r, r.rows[0], true), QStringList{"Zürich"});
        QCOMPARE(highlights(r, r.rows[0], false), QStringList{"Genève"});
        // A surrogate pair is one token, never split.
        const Result emoji = compare("a 🙂 b\n", "a 🙃 b\n");
        QCOMPARE(highlights(emoji, emoji.rows[0], true), QStringList{"🙂"});
        checkOps(before, after, r.ops);
    }

    void wordHighlightsOnKnownPairs()
    {
        const QString before = "Intro\n"
                               "Transaction records are retained for 7 years for legal purposes.\n"
                               "- Stripe — payment processing\n"
                               "Contact us.\n";
        const QString after = "Intro\n"
                              "Transaction records are retained for 10 years for tax purposes.\n"
                              "- Stripe — payment processing and payouts\n"
                              "- Mixpanel — product analytics\n"
                              "Contact us.\n";
        const Result r = compare(before, after);
        QCOMPARE(rowKinds(r), QStringList({"same", "changed", "changed", "inserted", "same"}));
        QCOMPARE(highlights(r, r.rows[1], true), QStringList({"7", "legal"}));
        QCOMPARE(highlights(r, r.rows[1], false), QStringList({"10", "tax"}));
        QCOMPARE(highlights(r, r.rows[2], true), QStringList{});
        QCOMPARE(highlights(r, r.rows[2], false), QStringList{"and payouts"});
        QCOMPARE(r.summary, (Summary{1, 0, 2}));
        QCOMPARE(r.blocks, std::vector<int>{1});
        checkOps(before, after, r.ops);
    }

    void ignoreCaseAndWhitespace()
    {
        const QString before = "We keep  data.\nStripe\n";
        const QString after = "we keep data.\nSTRIPE\n";
        QVERIFY(!compare(before, after).equal());
        QVERIFY(!compare(before, after, {true, false}).equal());
        QVERIFY(!compare(before, after, {false, true}).equal());
        const Result r = compare(before, after, {true, true});
        QVERIFY(r.equal());
        checkOps(before, after, r.ops);
    }

    void movedBlockAnchorsOnRareLines()
    {
        // Blank lines are frequent; the unique lines anchor the alignment.
        QString before, after;
        for (int i = 0; i < 50; ++i)
            before += QStringLiteral("para %1\n\n").arg(i);
        after = before;
        after.replace("para 10\n", "para ten\n");
        const Result r = compare(before, after);
        QCOMPARE(r.summary, (Summary{0, 0, 1}));
        checkOps(before, after, r.ops);
    }

    // The JSON of a diff is written element by element (a QJsonDocument of
    // every operation took gigabytes on 2 MB of short lines). On 200 KB of
    // one-character lines, half changed (no line rare enough to anchor on),
    // it is one valid document whose operations rebuild the new text and
    // whose rows agree with the summary. Time and memory are in bench_diff.
    void jsonOfManyShortLinesIsValidAndRebuildsTheNewText()
    {
        QRandomGenerator rng(5);
        QString before, after;
        for (int i = 0; i < 100'000; ++i) {
            const QChar c = QLatin1Char(char('0' + rng.bounded(10)));
            before += c;
            before += u'\n';
            after += rng.bounded(2) ? c : QLatin1Char(char('0' + rng.bounded(10)));
            after += u'\n';
        }
        after += QStringLiteral("a \"quoted\" \\ tab\there\x01 é\n");
        const Result diff = compare(before, after);
        checkOps(before, after, diff.ops);

        QString text;
        {
            QTextStream out(&text);
            writeJson(diff, out);
        }
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        const QJsonObject o = doc.object();
        QCOMPARE(o.value("equal").toBool(), false);
        const QJsonObject summary = o.value("summary").toObject();
        QCOMPARE(summary.value("added").toInt(), diff.summary.added);
        QCOMPARE(summary.value("removed").toInt(), diff.summary.removed);
        QCOMPARE(summary.value("changed").toInt(), diff.summary.changed);
        int changedRows = 0, addedRows = 0, removedRows = 0;
        for (const QJsonValue& row : o.value("rows").toArray()) {
            const QString kind = row["kind"].toString();
            changedRows += kind == u"changed";
            addedRows += kind == u"inserted";
            removedRows += kind == u"deleted";
        }
        QCOMPARE(changedRows, diff.summary.changed);
        QCOMPARE(addedRows, diff.summary.added);
        QCOMPARE(removedRows, diff.summary.removed);

        const QJsonArray ops = o.value("operations").toArray();
        QCOMPARE(ops.size(), qsizetype(diff.ops.size()));
        QString rebuilt;
        for (qsizetype i = 0; i < ops.size(); ++i) {
            const QJsonObject op = ops[i].toObject();
            const Op& expected = diff.ops[size_t(i)];
            QCOMPARE(op.value("old_offset").toInteger(), expected.oldPos);
            QCOMPARE(op.value("new_length").toInteger(), expected.newLength);
            const QString kind = op.value("op").toString();
            if (kind == u"equal") {
                rebuilt += QStringView(before).mid(op.value("old_offset").toInteger(),
                                                   op.value("old_length").toInteger());
            } else if (kind == u"insert") {
                rebuilt += op.value("text").toString();
            } else {
                QCOMPARE(kind, QStringLiteral("delete"));
                QCOMPARE(op.value("text").toString(),
                         before.mid(expected.oldPos, expected.oldLength));
            }
        }
        QCOMPARE(rebuilt, after);
        // The same document as the QJsonObject form small callers use.
        QCOMPARE(toJson(diff), o);
    }

    // Ten thousand one-character lines: none is rare enough to anchor on, and
    // the region is too big for one LCS table. It used to become one
    // replacement: every old line paired with a new one and diffed word by
    // word, so the lines that did not change came out as "ignorable" rows
    // (equal only after a word diff, with no option asking to ignore
    // anything) and filled the JSON. Now they are aligned as Same.
    void linesTooCommonToAnchorOnStayInPlace()
    {
        QRandomGenerator rng(9);
        QString before, after;
        int edited = 0;
        for (int i = 0; i < 10'000; ++i) {
            const QChar c = QLatin1Char(char('0' + rng.bounded(10)));
            before += c;
            before += u'\n';
            after += i % 10 == 5 ? QChar(u'x') : c;
            after += u'\n';
            edited += i % 10 == 5;
        }
        const Result diff = compare(before, after);
        checkOps(before, after, diff.ops);
        QCOMPARE(rebuild(before, after, diff.ops), after);
        QCOMPARE(diff.summary.changed, edited);
        QCOMPARE(diff.summary.added + diff.summary.removed, 0);
        const auto ignorable = std::count_if(diff.rows.begin(), diff.rows.end(),
                                             [](const Row& r) { return r.ignorable; });
        QCOMPARE(ignorable, 0);
        // One Equal run between two edits, then the edit's delete and insert.
        QVERIFY2(diff.ops.size() <= size_t(3 * edited + 1),
                 qPrintable(QString::number(diff.ops.size())));
    }
};

QTEST_GUILESS_MAIN(TestTextDiff)
#include "tst_textdiff.moc"
