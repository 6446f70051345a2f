#pragma once

#include "domain/Records.h"
#include "domain/Result.h"
#include "policy/PolicyLint.h"

#include <QCoreApplication>

namespace workbench {

class Workspace;

// Drafting and publishing policy versions, and what the lint needs from the
// workspace. Every change goes through the workspace (audited, one
// transaction each).
class PolicyService
{
    Q_DECLARE_TR_FUNCTIONS(PolicyService)

public:
    explicit PolicyService(Workspace& workspace)
        : m_workspace(workspace)
    {}

    // A new draft with the text of `fromVersionId` (an empty draft without).
    Result<PolicyVersion> newDraft(const QString& organizationId, const QString& document,
                                   const QString& fromVersionId = {});
    // Saves a draft's text (and title); refuses a version that is not a draft.
    Status saveDraft(const QString& versionId, const QString& body, const QString& title = {});
    // Publishes a draft: users notified on `notifiedOn` (stored as published
    // on), in effect from `effectiveOn`, which must respect the
    // organization's notice period. The version published before is
    // superseded.
    Status publish(const QString& versionId, QDate notifiedOn, QDate effectiveOn);
    Status discardDraft(const QString& versionId);
    // The organization's notice period (0 if it states none).
    int noticePeriodDays(const QString& organizationId) const;

    Result<policy::LintInput> lintInput(const QString& organizationId) const;
    Result<policy::LintReport> lint(const QString& organizationId, const QString& text) const;

private:
    Result<PolicyVersion> version(const QString& id) const;
    Workspace& m_workspace;
};

// Names the officer noted as "Not a processor: NAME — why" in an
// organization's notes.
QStringList notProcessorNames(const QString& notes);

} // namespace workbench
