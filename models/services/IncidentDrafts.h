#pragma once

#include "domain/Incident.h"
#include "domain/Records.h"
#include "export/DraftWriter.h"

namespace workbench {

enum class DraftKind
{
    Authority, // the notification to the supervisory authority (GDPR Art. 33(3))
    People     // the letter to the people affected (GDPR Art. 34(2))
};

// The languages the drafts are written in.
QStringList draftLanguages(); // en, de, fr

// The draft of a notification of `incident`, in `language`: to the
// authority with the contents GDPR Art. 33(3) lists (nature, categories and
// approximate numbers, contact, likely consequences, measures) and its phase
// (Art. 33(4): initial, follow-up), with the reasons for a delay when it is
// late; or the letter to the people in clear and plain language (Art.
// 34(2)). `processors` are the names of the processors involved; `clocks`
// the incident's clocks (whether the notification is late).
Result<DraftText> composeDraft(const Incident& incident, const Organization& organization,
                               const QStringList& processors, const QList<BreachClock>& clocks,
                               DraftKind kind, IncidentSubmission::Phase phase,
                               const QString& language, const QDateTime& now);

} // namespace workbench
