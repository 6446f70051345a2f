#pragma once

#include "domain/Result.h"

#include <QSet>
#include <QString>
#include <QStringView>
#include <vector>

namespace workbench::policy {

// A piece of a policy text by position (UTF-16 offsets, as QString and
// JavaScript count).
struct TextRange
{
    qsizetype pos = 0;
    qsizetype length = 0;
    qsizetype end() const { return pos + length; }
    bool contains(qsizetype at) const { return at >= pos && at < end(); }
};

bool isWordChar(QChar c);

// Sentences: a line break always ends one, and so do '.', '!', '?', ';'
// followed by a blank (not after "e.g.", "i.e.", "Inc." ...). Leading list
// markers and blanks are not part of the sentence.
std::vector<TextRange> splitSentences(QStringView text);

// The content words of a phrase, lower case, singular-ish ("records" ->
// "record"), without the little words ("the", "and", "your" ...). Hyphenated
// words count apart ("spend-ledger" -> spend, ledger).
QSet<QString> contentWords(QStringView text);

// Which share of `wanted` the words `have` hold (1 when `wanted` is empty).
double coverage(const QSet<QString>& wanted, const QSet<QString>& have);

} // namespace workbench::policy

namespace workbench {

// A policy text file as UTF-8 (a BOM is dropped); the error names the file
// and what is wrong.
Result<QString> readPolicyFile(const QString& path);

// The first whole-word occurrence of `word` in `text` from `from`, or -1.
qsizetype findWholeWord(QStringView text, QStringView word, Qt::CaseSensitivity cs,
                        qsizetype from = 0);

} // namespace workbench
