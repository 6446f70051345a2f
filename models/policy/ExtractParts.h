#pragma once

// The pieces of the policy extractor (private to models/policy): the
// organisation finder, the owner detection and the retention finder. The
// public interface is PolicyExtract.h.

#include "PolicyExtract.h"

#include <QSet>
#include <QStringList>

namespace workbench::policy::detail {

// ------------------------------------------------------------ name phrases

// The text with link targets ("](https://...)") and bare URLs blanked: the
// same length, so every offset still points into the original text.
QString maskLinks(QStringView text);

// The proper name that starts at `from` (after an optional "the "):
// capitalised words ("Google Marketing Platform", "comScore", "iOS"), joined
// by "&", "of", "de"..., with a legal suffix ("Amazon.com, Inc.", "T Media
// Tech, LLC"). Stops before a possessive ("Google’s"). Empty when none.
TextRange namePhraseAt(QStringView text, qsizetype from);
// The proper name that ends at `end` (blanks before `end` skipped), or empty.
TextRange namePhraseBefore(QStringView text, qsizetype end);
// A list of names at `from`: "X, Y, and Z", "X or Y", "X und Y".
std::vector<TextRange> nameListAt(QStringView text, qsizetype from);
// The list of names that ends at `end`: "Apple or Google" before "processes".
std::vector<TextRange> nameListBefore(QStringView text, qsizetype end);

// Lower case, without a legal suffix, punctuation or "the": how two ways of
// writing a name compare ("Amazon.com, Inc." -> "amazon.com").
QString normalisedName(QStringView name);
bool hasLegalSuffix(QStringView name);

// Laws, regulators, standards, places, opt-out tools and signals, device
// platforms and generic capitalised words: names that are not recipients.
bool isNotAnOrganisation(QStringView name);

// ----------------------------------------------------------------- owner

// Who wrote the policy: its legal names and brands, from the definition of
// "we", the title, the copyright line and the domain its links point to.
struct Owner
{
    QStringList names;    // as written
    QStringList stems;    // normalised names
    QSet<QString> brands; // folded first words and domain stems ("twitch")

    bool owns(QStringView name) const;
};
Owner detectOwner(QStringView text, QStringView masked, const std::vector<TextRange>& sentences);

// ---------------------------------------------------------- organisations

struct FoundOrganisation
{
    TextRange range;
    TextRange sentence;
    bool affiliate = false; // a parent or group company
};

// The organisations the sentences name as recipients, processors, partners,
// providers, representatives or parents (not the owner, not what
// isNotAnOrganisation() refuses), in text order, overlaps removed.
std::vector<FoundOrganisation>
findOrganisations(QStringView masked, const std::vector<TextRange>& sentences, const Owner& owner);

// "you might consider using a service like X", "we recommend X": advice to
// the reader names no recipient.
bool isAdvice(QStringView sentence);
// "Wir nutzen Matomo auf unseren eigenen Servern": a tool run by the owner.
bool isSelfHosted(QStringView sentence);

// What an organisation does, guessed from the sentence that names it
// ("login provider", "payment processor", ...); empty when it says nothing.
QString roleFromSentence(QStringView sentence);

// -------------------------------------------------------------- retention

// Every duration in the sentences: a retention period (or a retention
// statement without one) into out.retention, anything else into
// out.otherDurations.
void findRetention(QStringView text, const std::vector<TextRange>& sentences, Extraction& out);

} // namespace workbench::policy::detail
