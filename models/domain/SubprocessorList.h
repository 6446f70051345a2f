#pragma once

#include "Result.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace workbench {

// One line of a vendor's published sub-processor list.
struct SubprocessorEntry
{
    QString name;     // as published ("Amazon Web Services, Inc.")
    QString entity;   // the legal entity, when the list has its own column for it
    QString purpose;  // what it does for the vendor
    QString location; // as published ("United States, Germany")
    // The location's parts, each an ISO 3166 code where the reader knew the
    // country, else the part in lower case: what locations are compared by.
    QStringList countries;

    QJsonObject toJson() const;
    static SubprocessorEntry fromJson(const QJsonObject& json);
    friend bool operator==(const SubprocessorEntry&, const SubprocessorEntry&) = default;
};

// Tells whether two company names mean the same company across the small
// differences vendors' lists have: legal suffixes (Inc., LLC, GmbH, Ltd.,
// S.A.S., B.V., ...), a trailing region (EMEA, Europe), punctuation, case,
// "&" for "and", known abbreviations (an alias table: "AWS" for "Amazon
// Web Services") and a name's initials. Words are never matched loosely:
// "Google Cloud" and "Google Analytics" are two companies.
class NameMatcher
{
public:
    // `groups`: each group lists one company's names.
    explicit NameMatcher(const QList<QStringList>& groups = {});
    // The shipped alias table (resources/vendorwatch/name-aliases.json).
    static const NameMatcher& standard();

    // The name without what does not tell companies apart ("amazon web
    // services" for "Amazon Web Services EMEA SARL").
    static QString key(const QString& name);
    bool matches(const QString& a, const QString& b) const;

private:
    QHash<QString, int> m_group; // key -> group
};

// One entry in both lists whose published details differ.
struct SubprocessorChange
{
    SubprocessorEntry before;
    SubprocessorEntry after;
    QStringList fields; // of "name", "entity", "purpose", "location"
};

// What changed between two versions of a list.
struct SubprocessorDiff
{
    QList<SubprocessorEntry> added;
    QList<SubprocessorEntry> removed;
    QList<SubprocessorChange> changed;

    bool isEmpty() const { return added.isEmpty() && removed.isEmpty() && changed.isEmpty(); }
    QString summary() const; // "2 added, 1 removed, 1 changed" / "no change"
    QJsonObject toJson() const;
    static SubprocessorDiff fromJson(const QJsonObject& json);
};

// The entries of `after` against those of `before`, matched by name (the
// name or the entity, as `matcher` says); an entry matched once is not
// matched again.
SubprocessorDiff compareLists(const QList<SubprocessorEntry>& before,
                              const QList<SubprocessorEntry>& after,
                              const NameMatcher& matcher = NameMatcher::standard());

QJsonArray entriesToJson(const QList<SubprocessorEntry>& entries);
QList<SubprocessorEntry> entriesFromJson(const QJsonArray& json);

} // namespace workbench
