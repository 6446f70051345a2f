#pragma once

#include "Database.h"
#include "domain/VendorWatch.h"

#include <QCoreApplication>
#include <optional>

namespace workbench {

// Which notices to list.
struct NoticeFilter
{
    QString processorId;    // empty: every processor
    QString organizationId; // empty: every organization
    bool openOnly = false;
};

// A file of evidence to keep with a review.
struct EvidenceUpload
{
    QString fileName;
    QByteArray data;
};

// The vendor watch's tables (schema 14): list settings, received lists,
// notices, reviews and their evidence, the review cadence and the
// questionnaires. Reads and writes only: the service wraps each change in
// its audit entry and transaction (Workspace::record).
class VendorWatchStore
{
    Q_DECLARE_TR_FUNCTIONS(VendorWatchStore)

public:
    explicit VendorWatchStore(Database& db)
        : m_db(db)
    {}

    Result<std::optional<VendorListSettings>> settings(const QString& processorId) const;
    Result<QList<VendorListSettings>> allSettings() const;
    Status saveSettings(const VendorListSettings& settings);
    Status saveFetchState(const VendorListSettings& settings);

    Result<std::optional<ReceivedList>> lastList(const QString& processorId) const;
    Result<std::optional<ReceivedList>> list(qint64 id) const;
    // Stores the list; sets its id.
    Status insertList(ReceivedList& list);

    // Stores the notice; sets its id.
    Status insertNotice(SubprocessorNotice& notice);
    Result<QList<SubprocessorNotice>> notices(const NoticeFilter& filter = {}) const;
    Result<std::optional<SubprocessorNotice>> notice(qint64 id) const;
    Status setNoticeStatus(qint64 id, NoticeStatus status, const QString& note,
                           const QDateTime& decidedAt);

    // Stores the review and its evidence (hashing each file); sets the ids.
    Status insertReview(VendorReview& review, const QList<EvidenceUpload>& files);
    Status removeReview(qint64 id);
    Result<QList<VendorReview>> reviews(const QString& processorId) const;
    Result<QByteArray> evidenceData(qint64 evidenceId) const;

    ReviewCadence cadence() const;
    Status saveCadence(const ReviewCadence& cadence);

    // The edited questionnaires, or the shipped one when there are none.
    QList<QuestionnaireTemplate> templates() const;
    Status saveTemplate(const QuestionnaireTemplate& questionnaire);
    Status removeTemplate(const QString& id);

private:
    Database& m_db;
};

} // namespace workbench
