#pragma once

#include "Enums.h"

#include <QString>
#include <optional>

namespace workbench {

// What the words of an incoming e-mail suggest a rights request is: its type
// and the law it is made under, each a guess for the officer to confirm. A
// field is empty (nullopt) when nothing in the message points to it.
struct RequestGuess
{
    std::optional<RequestType> type;
    double typeConfidence = 0; // 0..1: how sure the guess is, not a probability
    QString typeEvidence;      // the words that decided it, quoted, and where

    std::optional<Jurisdiction> jurisdiction;
    double jurisdictionConfidence = 0;
    QString jurisdictionEvidence; // the law named, or the sender's domain
};

// Guesses from English, German and French cues (RequestGuessCues.cpp): the
// request's wording ("delete my account", "Auskunft nach Art. 15 DSGVO",
// "droit à l'oubli"), article and section citations, and the law's name. The
// sender's country domain is a weak hint for the jurisdiction, below any law
// named in the text. Case, accents and "ß"/"ss" do not matter; a cue must be
// whole words; a request the writer denies ("I do not want my account
// deleted") is not one. At most the first 64 KiB of the body is read.
RequestGuess guessRequest(const QString& subject, const QString& body,
                          const QString& senderAddress = {});

} // namespace workbench
