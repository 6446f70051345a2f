#pragma once

#include "storage/VendorWatchStore.h"
#include "storage/Workspace.h"

#include <QCoreApplication>

namespace workbench {

// Vendor reviews: a record per review (answers, evidence kept in the
// workspace with its SHA-256, findings, outcome, risk tier). The tier sets
// the next review date by the cadence, and the processor's review date in
// the registry follows it (the Today page lists reviews due from there).
class VendorReviewService
{
    Q_DECLARE_TR_FUNCTIONS(VendorReviewService)

public:
    explicit VendorReviewService(Workspace& workspace);

    // The largest evidence file kept.
    static constexpr qint64 kMaxEvidenceBytes = qint64(32) << 20;

    // Records the review with its evidence files (read from `paths`) and
    // sets the processor's next review date, in one transaction; returns
    // the review as stored (ids, hashes, next date).
    Result<VendorReview> record(VendorReview review, const QStringList& evidencePaths = {});
    Result<QList<VendorReview>> reviews(const QString& processorId) const;
    Result<QByteArray> evidence(qint64 evidenceId) const;

    ReviewCadence cadence() const;
    Status saveCadence(const ReviewCadence& cadence);

    QList<QuestionnaireTemplate> templates() const;
    Status saveTemplate(const QuestionnaireTemplate& questionnaire);

private:
    Workspace& m_workspace;
};

} // namespace workbench
