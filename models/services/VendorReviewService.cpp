#include "VendorReviewService.h"

#include "domain/Resources.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

namespace workbench {

namespace {

QJsonObject cadenceJson(const ReviewCadence& c)
{
    return {{QStringLiteral("high_months"), c.highMonths},
            {QStringLiteral("medium_months"), c.mediumMonths},
            {QStringLiteral("low_months"), c.lowMonths}};
}

} // namespace

VendorReviewService::VendorReviewService(Workspace& workspace)
    : m_workspace(workspace)
{}

Result<VendorReview> VendorReviewService::record(VendorReview review,
                                                 const QStringList& evidencePaths)
{
    auto processor = m_workspace.processor(review.processorId);
    if (!processor)
        return Error{processor.error()};
    if (!processor.value())
        return Error{tr("There is no processor '%1'.").arg(review.processorId)};
    if (!review.reviewedOn.isValid())
        return Error{tr("The review needs its date.")};
    review.reviewer = review.reviewer.trimmed();
    if (review.reviewer.isEmpty())
        return Error{tr("The review needs the name of its reviewer.")};
    QList<EvidenceUpload> files;
    for (const QString& path : evidencePaths) {
        QFile f(path);
        const QString name = QFileInfo(path).fileName();
        if (!f.open(QIODevice::ReadOnly))
            return Error{tr("Cannot read the evidence %1: %2").arg(name, f.errorString())};
        if (f.size() > kMaxEvidenceBytes)
            return Error{tr("The evidence %1 is larger than 32 MB; keep it elsewhere and note "
                            "where.")
                             .arg(name)};
        files << EvidenceUpload{name, f.readAll()};
    }
    const ReviewCadence c = cadence();
    review.nextReviewOn = nextReviewDate(review.reviewedOn, review.tier, c);
    Processor after = *processor.value();
    after.reviewDue = review.nextReviewOn;
    VendorWatchStore store(m_workspace.database());
    const QString summary =
        tr("Reviewed %1: %2, %3; next review %4")
            .arg(after.name, displayLabel(review.outcome), displayLabel(review.tier),
                 review.nextReviewOn.toString(Qt::ISODate));
    const Status s = m_workspace.database().transaction([&]() -> Status {
        if (auto w = store.insertReview(review, files); !w)
            return w;
        if (auto w = m_workspace.record(resource::vendorReviews, QString::number(review.id), {},
                                        review.toJson(), summary, QStringLiteral("create"),
                                        [] { return Status(); });
            !w)
            return w;
        return m_workspace.save(after, summary);
    });
    if (!s)
        return Error{s.error()};
    return review;
}

Result<QList<VendorReview>> VendorReviewService::reviews(const QString& processorId) const
{
    return VendorWatchStore(m_workspace.database()).reviews(processorId);
}

Result<QByteArray> VendorReviewService::evidence(qint64 evidenceId) const
{
    return VendorWatchStore(m_workspace.database()).evidenceData(evidenceId);
}

ReviewCadence VendorReviewService::cadence() const
{
    return VendorWatchStore(m_workspace.database()).cadence();
}

Status VendorReviewService::saveCadence(const ReviewCadence& c)
{
    for (RiskTier t : {RiskTier::High, RiskTier::Medium, RiskTier::Low})
        if (c.months(t) < 1 || c.months(t) > 120)
            return Error{tr("The months between reviews of %1 vendors must be 1 to 120, not %2.")
                             .arg(displayLabel(t))
                             .arg(c.months(t))};
    return m_workspace.record(
        resource::reviewCadence, QStringLiteral("*"), cadenceJson(cadence()), cadenceJson(c),
        tr("Change the review cadence"), QStringLiteral("update"),
        [&]() -> Status { return VendorWatchStore(m_workspace.database()).saveCadence(c); });
}

QList<QuestionnaireTemplate> VendorReviewService::templates() const
{
    return VendorWatchStore(m_workspace.database()).templates();
}

Status VendorReviewService::saveTemplate(const QuestionnaireTemplate& t)
{
    auto valid = QuestionnaireTemplate::fromJson(t.toJson());
    if (!valid)
        return Error{valid.error()};
    QJsonObject before;
    for (const QuestionnaireTemplate& existing : templates())
        if (existing.id == t.id)
            before = existing.toJson();
    return m_workspace.record(
        resource::questionnaires, t.id, before, valid.value().toJson(),
        tr("Edit the questionnaire %1").arg(t.name), {}, [&]() -> Status {
            return VendorWatchStore(m_workspace.database()).saveTemplate(valid.value());
        });
}

} // namespace workbench
