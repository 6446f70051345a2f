#pragma once

#include "Enums.h"

#include <span>

// The cue tables of guessRequest(), one per language, kept as data. A pattern
// is words as people write them (case and accents do not matter), separated
// by spaces:
//   word      that whole word ("l'oubli" is the two words "l" "oubli")
//   word*     a word starting with it; *word a word ending with it (German
//             compounds: "*loschung" is "Datenlöschung")
//   a|b|c     one of these words (each may carry a *)
//   ~         up to four other words of the same sentence
namespace workbench::guess {

struct TypeCue
{
    RequestType type;
    int strength;             // 1 a hint, 2 a phrase that asks for it, 3 its legal name or citation
    const char* pattern;      // UTF-8
    bool negatable = true;    // "I do not want X": not X. False where a denial is
                              // the request itself ("don't sell my data").
    bool gdprArticle = false; // an article number that means this only under
                              // the GDPR, ignored when the text names another law
};

struct LawCue
{
    Jurisdiction jurisdiction;
    int strength; // as TypeCue; 4 for a law whose name contains another's ("UK GDPR")
    const char* pattern;
};

std::span<const TypeCue> englishCues();
std::span<const TypeCue> germanCues();
std::span<const TypeCue> frenchCues();
std::span<const TypeCue> citationCues(); // articles and sections, any language
std::span<const LawCue> lawCues();

// Words (folded: lower case, no accents) that deny what follows them: "not",
// "nicht", "pas". And the words that may stand between a denial and what it
// denies: "I do not WANT YOU TO delete", "ich möchte nicht, DASS MEIN KONTO
// gelöscht wird"; any other word ends the denial's reach ("I cannot FIND how
// to delete my account" asks for the deletion).
std::span<const char* const> denialWords();
std::span<const char* const> glueWords();

// Patterns (as the cues') that open an e-mail disclaimer.
std::span<const char* const> boilerplateCues();

// The sender's country domain ("de", "uk") to a jurisdiction, if it has one.
std::optional<Jurisdiction> jurisdictionOfCountryDomain(QStringView tld);

} // namespace workbench::guess
