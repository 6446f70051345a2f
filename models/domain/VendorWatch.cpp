#include "VendorWatch.h"

#include <QJsonArray>

namespace workbench {

#define L(text) QT_TRANSLATE_NOOP("Vocabulary", text)

const std::array<EnumEntry<NoticeStatus>, 4> EnumTraits<NoticeStatus>::entries{{
    {NoticeStatus::Open, "open", L("Open")},
    {NoticeStatus::Objected, "objected", L("Objected (waiting for the vendor)")},
    {NoticeStatus::Accepted, "accepted", L("Accepted")},
    {NoticeStatus::Noted, "noted", L("Noted")},
}};

const std::array<EnumEntry<RiskTier>, 3> EnumTraits<RiskTier>::entries{{
    {RiskTier::High, "high", L("High risk")},
    {RiskTier::Medium, "medium", L("Medium risk")},
    {RiskTier::Low, "low", L("Low risk")},
}};

const std::array<EnumEntry<ReviewOutcome>, 3> EnumTraits<ReviewOutcome>::entries{{
    {ReviewOutcome::Approved, "approved", L("Approved")},
    {ReviewOutcome::ApprovedWithConditions, "approved_with_conditions",
     L("Approved with conditions")},
    {ReviewOutcome::Rejected, "rejected", L("Rejected")},
}};

#undef L

QDate objectionDeadline(QDate received, const ObjectionWindow& window,
                        const HolidayCalendar& calendar)
{
    if (!received.isValid())
        return {};
    return window.businessDays ? calendar.addBusinessDays(received, window.days)
                               : received.addDays(window.days);
}

QJsonObject SubprocessorNotice::toJson() const
{
    QJsonObject o{{QStringLiteral("id"), QString::number(id)},
                  {QStringLiteral("processor_id"), processorId},
                  {QStringLiteral("received_on"), receivedOn.toString(Qt::ISODate)},
                  {QStringLiteral("objection_deadline"), objectionDeadline.toString(Qt::ISODate)},
                  {QStringLiteral("status"), toWire(status)},
                  {QStringLiteral("compared_with"), previousListId > 0
                                                        ? QStringLiteral("previous_list")
                                                        : QStringLiteral("registry")}};
    const QJsonObject d = diff.toJson();
    for (auto it = d.begin(); it != d.end(); ++it)
        o.insert(it.key(), it.value());
    if (!decisionNote.isEmpty())
        o.insert(QStringLiteral("decision_note"), decisionNote);
    if (decidedAt.isValid())
        o.insert(QStringLiteral("decided_at"), decidedAt.toUTC().toString(Qt::ISODate));
    return o;
}

int ReviewCadence::months(RiskTier tier) const
{
    switch (tier) {
    case RiskTier::High:
        return highMonths;
    case RiskTier::Medium:
        return mediumMonths;
    case RiskTier::Low:
        return lowMonths;
    }
    return mediumMonths;
}

void ReviewCadence::setMonths(RiskTier tier, int value)
{
    switch (tier) {
    case RiskTier::High:
        highMonths = value;
        break;
    case RiskTier::Medium:
        mediumMonths = value;
        break;
    case RiskTier::Low:
        lowMonths = value;
        break;
    }
}

QDate nextReviewDate(QDate reviewedOn, RiskTier tier, const ReviewCadence& cadence)
{
    return reviewedOn.isValid() ? reviewedOn.addMonths(cadence.months(tier)) : QDate();
}

QuestionnaireTemplate QuestionnaireTemplate::standard()
{
    auto q = [](const char* text) {
        return QCoreApplication::translate("Questionnaire", text);
    };
    return {QStringLiteral("standard"),
            q("Standard vendor review"),
            {q("Which security certifications does the vendor hold (ISO 27001, SOC 2), and until "
               "when are they valid?"),
             q("Has the vendor had a personal data breach in the last 24 months? How was it "
               "handled and notified?"),
             q("Is the vendor's sub-processor list published, complete and current?"),
             q("Where is personal data transferred, and under which transfer mechanism?"),
             q("How and when is personal data deleted or returned at the end of the contract?")}};
}

QJsonObject QuestionnaireTemplate::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("name"), name},
            {QStringLiteral("questions"), QJsonArray::fromStringList(questions)}};
}

Result<QuestionnaireTemplate> QuestionnaireTemplate::fromJson(const QJsonObject& json)
{
    QuestionnaireTemplate t;
    t.id = json.value(QLatin1String("id")).toString();
    t.name = json.value(QLatin1String("name")).toString().trimmed();
    for (const QJsonValue& v : json.value(QLatin1String("questions")).toArray())
        if (!v.toString().trimmed().isEmpty())
            t.questions << v.toString().trimmed();
    if (t.id.isEmpty() || t.name.isEmpty())
        return Error{QCoreApplication::translate("Questionnaire", "A questionnaire needs a name.")};
    if (t.questions.isEmpty())
        return Error{
            QCoreApplication::translate("Questionnaire", "The questionnaire '%1' has no questions.")
                .arg(t.name)};
    return t;
}

QJsonObject VendorReview::toJson() const
{
    QJsonArray a;
    for (const ReviewAnswer& ans : answers)
        a.append(QJsonObject{{QStringLiteral("question"), ans.question},
                             {QStringLiteral("answer"), ans.answer}});
    QJsonArray files;
    for (const EvidenceFile& f : evidence)
        files.append(QJsonObject{{QStringLiteral("file_name"), f.fileName},
                                 {QStringLiteral("sha256"), f.sha256},
                                 {QStringLiteral("size"), f.size}});
    return {{QStringLiteral("processor_id"), processorId},
            {QStringLiteral("reviewed_on"), reviewedOn.toString(Qt::ISODate)},
            {QStringLiteral("reviewer"), reviewer},
            {QStringLiteral("questionnaire"), templateName},
            {QStringLiteral("answers"), a},
            {QStringLiteral("findings"), findings},
            {QStringLiteral("outcome"), toWire(outcome)},
            {QStringLiteral("risk_tier"), toWire(tier)},
            {QStringLiteral("next_review_on"), nextReviewOn.toString(Qt::ISODate)},
            {QStringLiteral("evidence"), files}};
}

} // namespace workbench
