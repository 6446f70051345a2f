#pragma once

#include "Deadlines.h"
#include "Enums.h"
#include "SubprocessorList.h"

#include <QDateTime>

namespace workbench {

// How long the controller may object to a new sub-processor after the
// vendor announced it, as the vendor's DPA says.
struct ObjectionWindow
{
    int days = 30;
    bool businessDays = false;

    LegalPeriod period() const
    {
        return {days,
                businessDays ? LegalPeriod::Unit::BusinessDays : LegalPeriod::Unit::CalendarDays};
    }
    friend bool operator==(const ObjectionWindow&, const ObjectionWindow&) = default;
};

// The last day to object to a list received on `received`: `days` calendar
// days later, or `days` working days of `calendar` (day 1 is the first
// working day after receipt, as for the deadline rules).
QDate objectionDeadline(QDate received, const ObjectionWindow& window,
                        const HolidayCalendar& calendar);

// Where a change notice stands. An objected notice stays open until the
// vendor answers (then it is accepted, or noted).
enum class NoticeStatus
{
    Open,
    Objected,
    Accepted,
    Noted
};

// What a processor's DPA and published list are for the vendor watch.
struct VendorListSettings
{
    QString processorId;
    QString url; // the published list (empty: lists come by file or paste)
    ObjectionWindow window;
    int checkIntervalHours = 0; // 0: only "Check now"
    // From the last fetch, for a conditional GET.
    QString etag;
    QString lastModified;
    QDateTime lastCheckedAt;
    QString lastCheckError;
};

// A version of a vendor's list as it was received.
struct ReceivedList
{
    qint64 id = 0;
    QString processorId;
    QDate receivedOn;
    QString source; // the file's name, the URL, or "pasted text"
    QString sha256; // of the entries as stored
    QList<SubprocessorEntry> entries;
};

// The changes a new list made, and what the officer did about them.
struct SubprocessorNotice
{
    qint64 id = 0;
    QString processorId;
    QString processorName;
    qint64 listId = 0;
    qint64 previousListId = 0; // 0: compared with the registry (no list before)
    QDate receivedOn;
    QDate objectionDeadline;
    SubprocessorDiff diff;
    NoticeStatus status = NoticeStatus::Open;
    QString decisionNote;
    QDateTime decidedAt;

    bool isOpen() const { return status == NoticeStatus::Open || status == NoticeStatus::Objected; }
    // Past its deadline with no decision (an objection made in time is not).
    bool isOverdue(QDate today) const
    {
        return status == NoticeStatus::Open && objectionDeadline < today;
    }
    QJsonObject toJson() const; // as the contract spells a notice (docs/sync-api.md)
};

// Vendor reviews.
enum class RiskTier
{
    High,
    Medium,
    Low
};

enum class ReviewOutcome
{
    Approved,
    ApprovedWithConditions,
    Rejected
};

// Months between reviews, per risk tier (the officer may change them).
struct ReviewCadence
{
    int highMonths = 6;
    int mediumMonths = 12;
    int lowMonths = 24;

    int months(RiskTier tier) const;
    void setMonths(RiskTier tier, int months);
    friend bool operator==(const ReviewCadence&, const ReviewCadence&) = default;
};

// The date the next review falls due after one on `reviewedOn`.
QDate nextReviewDate(QDate reviewedOn, RiskTier tier, const ReviewCadence& cadence);

// A questionnaire the reviewer answers; the officer edits the templates.
struct QuestionnaireTemplate
{
    QString id;
    QString name;
    QStringList questions;

    // The short default set: certifications, breach history,
    // sub-processors, transfers, deletion at contract end.
    static QuestionnaireTemplate standard();
    QJsonObject toJson() const;
    static Result<QuestionnaireTemplate> fromJson(const QJsonObject& json);
};

struct ReviewAnswer
{
    QString question;
    QString answer;
};

// A file kept as evidence of a review (its bytes live in the workspace).
struct EvidenceFile
{
    qint64 id = 0;
    QString fileName;
    QString sha256;
    qint64 size = 0;
};

struct VendorReview
{
    qint64 id = 0;
    QString processorId;
    QDate reviewedOn;
    QString reviewer;
    QString templateName;
    QList<ReviewAnswer> answers;
    QString findings;
    ReviewOutcome outcome = ReviewOutcome::Approved;
    RiskTier tier = RiskTier::Medium;
    QDate nextReviewOn;
    QList<EvidenceFile> evidence;

    // Without the evidence bytes (the audit log names files by hash).
    QJsonObject toJson() const;
};

template <> struct EnumTraits<NoticeStatus>
{
    static const std::array<EnumEntry<NoticeStatus>, 4> entries;
};
template <> struct EnumTraits<RiskTier>
{
    static const std::array<EnumEntry<RiskTier>, 3> entries;
};
template <> struct EnumTraits<ReviewOutcome>
{
    static const std::array<EnumEntry<ReviewOutcome>, 3> entries;
};

} // namespace workbench
