#pragma once

#include <QString>

// The names of the record types, in one place. Two spellings with two
// meanings, kept apart on purpose:
// - a resource (dashes) is how the sync contract, the audit log and the
//   change notices (Workspace::recordChanged) name a record type;
// - a table (underscores) is where storage keeps it.
// Both are plain QStrings so they compare with and pass as any other name.
// (Namespace-scope constants: not for the initializer of another
// namespace-scope object, whose order against these is not defined.)

namespace workbench::resource {

inline const QString organizations = QStringLiteral("organizations");
inline const QString processors = QStringLiteral("processors");
inline const QString retentionRules = QStringLiteral("retention-rules");
inline const QString rightsRequests = QStringLiteral("rights-requests");
inline const QString policyVersions = QStringLiteral("policy-versions");
inline const QString activities = QStringLiteral("activities");
// Local only (audit log and change notices; never synced).
inline const QString deadlineRules = QStringLiteral("deadline-rules");
inline const QString holidays = QStringLiteral("holidays");
inline const QString letterTemplates = QStringLiteral("letter-templates");
inline const QString requestLetters = QStringLiteral("request-letters");
// The vendor watch (local; notices are described in the contract).
inline const QString subprocessorNotices = QStringLiteral("subprocessor-notices");
inline const QString subprocessorLists = QStringLiteral("subprocessor-lists");
inline const QString vendorReviews = QStringLiteral("vendor-reviews");
inline const QString reviewCadence = QStringLiteral("review-cadence");
inline const QString questionnaires = QStringLiteral("questionnaires");
// The register of personal-data breaches and the officer's breach clocks
// (local for now: docs/sync-api.md describes the incident resource).
inline const QString incidents = QStringLiteral("incidents");
inline const QString breachRules = QStringLiteral("breach-rules");

} // namespace workbench::resource

namespace workbench::table {

inline const QString organizations = QStringLiteral("organizations");
inline const QString processors = QStringLiteral("processors");
inline const QString retentionRules = QStringLiteral("retention_rules");
inline const QString rightsRequests = QStringLiteral("rights_requests");
inline const QString policyVersions = QStringLiteral("policy_versions");
inline const QString activities = QStringLiteral("processing_activities");
inline const QString incidents = QStringLiteral("incidents");

} // namespace workbench::table
