#include "VendorWatchStore.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace workbench {

namespace {

QVariant text(const QString& s)
{
    return s.isEmpty() ? QVariant() : QVariant(s);
}

QVariant dateValue(QDate d)
{
    return d.isValid() ? QVariant(d.toString(Qt::ISODate)) : QVariant();
}

QVariant timeValue(const QDateTime& t)
{
    return t.isValid() ? QVariant(t.toUTC().toString(Qt::ISODateWithMs)) : QVariant();
}

QString compact(const QJsonObject& o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QString compact(const QJsonArray& a)
{
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

QJsonDocument parse(const QVariant& v)
{
    return QJsonDocument::fromJson(v.toString().toUtf8());
}

QDate dateOf(const QVariant& v)
{
    return QDate::fromString(v.toString(), Qt::ISODate);
}

VendorListSettings settingsFrom(const QSqlQuery& q)
{
    VendorListSettings s;
    s.processorId = q.value(0).toString();
    s.url = q.value(1).toString();
    s.window.days = q.value(2).toInt();
    s.window.businessDays = q.value(3).toInt() != 0;
    s.checkIntervalHours = q.value(4).toInt();
    s.etag = q.value(5).toString();
    s.lastModified = q.value(6).toString();
    s.lastCheckedAt = QDateTime::fromString(q.value(7).toString(), Qt::ISODateWithMs);
    s.lastCheckError = q.value(8).toString();
    return s;
}

const char* const kSettingsColumns =
    "SELECT processor_id, url, window_days, business_days, check_interval_hours, etag, "
    "last_modified, last_checked_at, last_check_error FROM vendor_list_settings";

ReceivedList listFrom(const QSqlQuery& q)
{
    ReceivedList l;
    l.id = q.value(0).toLongLong();
    l.processorId = q.value(1).toString();
    l.receivedOn = dateOf(q.value(2));
    l.source = q.value(3).toString();
    l.sha256 = q.value(4).toString();
    l.entries = entriesFromJson(parse(q.value(5)).array());
    return l;
}

const char* const kListColumns =
    "SELECT id, processor_id, received_on, source, sha256, entries_json FROM vendor_lists";

const char* const kNoticeColumns =
    "SELECT n.id, n.processor_id, p.name, n.list_id, n.previous_list_id, n.received_on, "
    "n.objection_deadline, n.changes_json, n.status, n.decision_note, n.decided_at "
    "FROM subprocessor_notices n JOIN processors p ON p.id = n.processor_id";

SubprocessorNotice noticeFrom(const QSqlQuery& q)
{
    SubprocessorNotice n;
    n.id = q.value(0).toLongLong();
    n.processorId = q.value(1).toString();
    n.processorName = q.value(2).toString();
    n.listId = q.value(3).toLongLong();
    n.previousListId = q.value(4).toLongLong();
    n.receivedOn = dateOf(q.value(5));
    n.objectionDeadline = dateOf(q.value(6));
    n.diff = SubprocessorDiff::fromJson(parse(q.value(7)).object());
    n.status = fromWire<NoticeStatus>(q.value(8).toString()).value_or(NoticeStatus::Open);
    n.decisionNote = q.value(9).toString();
    n.decidedAt = QDateTime::fromString(q.value(10).toString(), Qt::ISODateWithMs);
    return n;
}

} // namespace

Result<std::optional<VendorListSettings>>
VendorWatchStore::settings(const QString& processorId) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QLatin1String(kSettingsColumns) + QStringLiteral(" WHERE processor_id = ?"));
    q.addBindValue(processorId);
    if (!q.exec())
        return sqlError(tr("Reading the sub-processor list settings"), q);
    if (!q.next())
        return std::optional<VendorListSettings>();
    return std::optional<VendorListSettings>(settingsFrom(q));
}

Result<QList<VendorListSettings>> VendorWatchStore::allSettings() const
{
    QSqlQuery q(m_db.connection());
    if (!q.exec(QLatin1String(kSettingsColumns) + QStringLiteral(" ORDER BY processor_id")))
        return sqlError(tr("Reading the sub-processor list settings"), q);
    QList<VendorListSettings> out;
    while (q.next())
        out << settingsFrom(q);
    return out;
}

Status VendorWatchStore::saveSettings(const VendorListSettings& s)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral(
        "INSERT INTO vendor_list_settings (processor_id, url, window_days, business_days, "
        "check_interval_hours) VALUES (?, ?, ?, ?, ?) ON CONFLICT(processor_id) DO UPDATE SET "
        "url = excluded.url, window_days = excluded.window_days, business_days = "
        "excluded.business_days, check_interval_hours = excluded.check_interval_hours, "
        // A new address starts without the old one's validators.
        "etag = CASE WHEN url IS excluded.url THEN etag END, "
        "last_modified = CASE WHEN url IS excluded.url THEN last_modified END"));
    q.addBindValue(s.processorId);
    q.addBindValue(text(s.url));
    q.addBindValue(s.window.days);
    q.addBindValue(s.window.businessDays ? 1 : 0);
    q.addBindValue(s.checkIntervalHours);
    if (!q.exec())
        return sqlError(tr("Saving the sub-processor list settings"), q);
    return {};
}

Status VendorWatchStore::saveFetchState(const VendorListSettings& s)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("UPDATE vendor_list_settings SET etag = ?, last_modified = ?, "
                             "last_checked_at = ?, last_check_error = ? WHERE processor_id = ?"));
    q.addBindValue(text(s.etag));
    q.addBindValue(text(s.lastModified));
    q.addBindValue(timeValue(s.lastCheckedAt));
    q.addBindValue(text(s.lastCheckError));
    q.addBindValue(s.processorId);
    if (!q.exec())
        return sqlError(tr("Saving what the last check found"), q);
    return {};
}

Result<std::optional<ReceivedList>> VendorWatchStore::lastList(const QString& processorId) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QLatin1String(kListColumns) +
              QStringLiteral(" WHERE processor_id = ? ORDER BY id DESC LIMIT 1"));
    q.addBindValue(processorId);
    if (!q.exec())
        return sqlError(tr("Reading the last sub-processor list"), q);
    if (!q.next())
        return std::optional<ReceivedList>();
    return std::optional<ReceivedList>(listFrom(q));
}

Result<std::optional<ReceivedList>> VendorWatchStore::list(qint64 id) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QLatin1String(kListColumns) + QStringLiteral(" WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return sqlError(tr("Reading a sub-processor list"), q);
    if (!q.next())
        return std::optional<ReceivedList>();
    return std::optional<ReceivedList>(listFrom(q));
}

Status VendorWatchStore::insertList(ReceivedList& list)
{
    const QString entries = compact(entriesToJson(list.entries));
    list.sha256 = QString::fromLatin1(
        QCryptographicHash::hash(entries.toUtf8(), QCryptographicHash::Sha256).toHex());
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("INSERT INTO vendor_lists (processor_id, received_on, source, sha256, "
                             "entries_json, recorded_at) VALUES (?, ?, ?, ?, ?, ?)"));
    q.addBindValue(list.processorId);
    q.addBindValue(dateValue(list.receivedOn));
    q.addBindValue(list.source);
    q.addBindValue(list.sha256);
    q.addBindValue(entries);
    q.addBindValue(timeValue(QDateTime::currentDateTimeUtc()));
    if (!q.exec())
        return sqlError(tr("Saving the sub-processor list"), q);
    list.id = q.lastInsertId().toLongLong();
    return {};
}

Status VendorWatchStore::insertNotice(SubprocessorNotice& n)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral(
        "INSERT INTO subprocessor_notices (processor_id, list_id, previous_list_id, received_on, "
        "objection_deadline, changes_json, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(n.processorId);
    q.addBindValue(n.listId);
    q.addBindValue(n.previousListId > 0 ? QVariant(n.previousListId) : QVariant());
    q.addBindValue(dateValue(n.receivedOn));
    q.addBindValue(dateValue(n.objectionDeadline));
    q.addBindValue(compact(n.diff.toJson()));
    q.addBindValue(toWire(n.status));
    q.addBindValue(timeValue(QDateTime::currentDateTimeUtc()));
    if (!q.exec())
        return sqlError(tr("Saving the change notice"), q);
    n.id = q.lastInsertId().toLongLong();
    return {};
}

Result<QList<SubprocessorNotice>> VendorWatchStore::notices(const NoticeFilter& filter) const
{
    QStringList where;
    QVariantList binds;
    if (!filter.processorId.isEmpty()) {
        where << QStringLiteral("n.processor_id = ?");
        binds << filter.processorId;
    }
    if (!filter.organizationId.isEmpty()) {
        where << QStringLiteral("n.processor_id IN (SELECT processor_id FROM "
                                "processor_organizations WHERE value = ?)");
        binds << filter.organizationId;
    }
    if (filter.openOnly)
        where << QStringLiteral("n.status IN ('open', 'objected')");
    QString sql = QLatin1String(kNoticeColumns);
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    sql += QStringLiteral(" ORDER BY n.objection_deadline, n.id");
    QSqlQuery q(m_db.connection());
    q.prepare(sql);
    for (const QVariant& b : binds)
        q.addBindValue(b);
    if (!q.exec())
        return sqlError(tr("Reading the change notices"), q);
    QList<SubprocessorNotice> out;
    while (q.next())
        out << noticeFrom(q);
    return out;
}

Result<std::optional<SubprocessorNotice>> VendorWatchStore::notice(qint64 id) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QLatin1String(kNoticeColumns) + QStringLiteral(" WHERE n.id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return sqlError(tr("Reading the change notice"), q);
    if (!q.next())
        return std::optional<SubprocessorNotice>();
    return std::optional<SubprocessorNotice>(noticeFrom(q));
}

Status VendorWatchStore::setNoticeStatus(qint64 id, NoticeStatus status, const QString& note,
                                         const QDateTime& decidedAt)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("UPDATE subprocessor_notices SET status = ?, decision_note = ?, "
                             "decided_at = ? WHERE id = ?"));
    q.addBindValue(toWire(status));
    q.addBindValue(text(note));
    q.addBindValue(timeValue(decidedAt));
    q.addBindValue(id);
    if (!q.exec())
        return sqlError(tr("Saving the decision"), q);
    if (q.numRowsAffected() != 1)
        return Error{tr("There is no change notice %1.").arg(id)};
    return {};
}

Status VendorWatchStore::insertReview(VendorReview& r, const QList<EvidenceUpload>& files)
{
    QJsonArray answers;
    for (const ReviewAnswer& a : r.answers)
        answers.append(QJsonObject{{QStringLiteral("question"), a.question},
                                   {QStringLiteral("answer"), a.answer}});
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral(
        "INSERT INTO vendor_reviews (processor_id, reviewed_on, reviewer, questionnaire, "
        "answers_json, findings, outcome, risk_tier, next_review_on, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(r.processorId);
    q.addBindValue(dateValue(r.reviewedOn));
    q.addBindValue(r.reviewer);
    q.addBindValue(text(r.templateName));
    q.addBindValue(compact(answers));
    q.addBindValue(text(r.findings));
    q.addBindValue(toWire(r.outcome));
    q.addBindValue(toWire(r.tier));
    q.addBindValue(dateValue(r.nextReviewOn));
    q.addBindValue(timeValue(QDateTime::currentDateTimeUtc()));
    if (!q.exec())
        return sqlError(tr("Saving the review"), q);
    r.id = q.lastInsertId().toLongLong();
    r.evidence.clear();
    QSqlQuery e(m_db.connection());
    e.prepare(QStringLiteral("INSERT INTO vendor_review_evidence (review_id, file_name, sha256, "
                             "size, data) VALUES (?, ?, ?, ?, ?)"));
    for (const EvidenceUpload& f : files) {
        EvidenceFile file;
        file.fileName = f.fileName;
        file.size = f.data.size();
        file.sha256 = QString::fromLatin1(
            QCryptographicHash::hash(f.data, QCryptographicHash::Sha256).toHex());
        e.addBindValue(r.id);
        e.addBindValue(file.fileName);
        e.addBindValue(file.sha256);
        e.addBindValue(file.size);
        e.addBindValue(f.data);
        if (!e.exec())
            return sqlError(tr("Saving the evidence %1").arg(f.fileName), e);
        file.id = e.lastInsertId().toLongLong();
        r.evidence << file;
    }
    return {};
}

Status VendorWatchStore::removeReview(qint64 id)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("DELETE FROM vendor_reviews WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return sqlError(tr("Removing the review"), q);
    return {};
}

Result<QList<VendorReview>> VendorWatchStore::reviews(const QString& processorId) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral(
        "SELECT id, processor_id, reviewed_on, reviewer, questionnaire, answers_json, findings, "
        "outcome, risk_tier, next_review_on FROM vendor_reviews WHERE processor_id = ? "
        "ORDER BY reviewed_on DESC, id DESC"));
    q.addBindValue(processorId);
    if (!q.exec())
        return sqlError(tr("Reading the reviews"), q);
    QList<VendorReview> out;
    while (q.next()) {
        VendorReview r;
        r.id = q.value(0).toLongLong();
        r.processorId = q.value(1).toString();
        r.reviewedOn = dateOf(q.value(2));
        r.reviewer = q.value(3).toString();
        r.templateName = q.value(4).toString();
        for (const QJsonValue& v : parse(q.value(5)).array())
            r.answers << ReviewAnswer{v[QLatin1String("question")].toString(),
                                      v[QLatin1String("answer")].toString()};
        r.findings = q.value(6).toString();
        r.outcome =
            fromWire<ReviewOutcome>(q.value(7).toString()).value_or(ReviewOutcome::Approved);
        r.tier = fromWire<RiskTier>(q.value(8).toString()).value_or(RiskTier::Medium);
        r.nextReviewOn = dateOf(q.value(9));
        out << r;
    }
    QSqlQuery e(m_db.connection());
    e.prepare(QStringLiteral("SELECT id, file_name, sha256, size FROM vendor_review_evidence "
                             "WHERE review_id = ? ORDER BY id"));
    for (VendorReview& r : out) {
        e.addBindValue(r.id);
        if (!e.exec())
            return sqlError(tr("Reading the evidence"), e);
        while (e.next())
            r.evidence << EvidenceFile{e.value(0).toLongLong(), e.value(1).toString(),
                                       e.value(2).toString(), e.value(3).toLongLong()};
    }
    return out;
}

Result<QByteArray> VendorWatchStore::evidenceData(qint64 evidenceId) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT data FROM vendor_review_evidence WHERE id = ?"));
    q.addBindValue(evidenceId);
    if (!q.exec())
        return sqlError(tr("Reading the evidence"), q);
    if (!q.next())
        return Error{tr("There is no evidence file %1.").arg(evidenceId)};
    return q.value(0).toByteArray();
}

ReviewCadence VendorWatchStore::cadence() const
{
    ReviewCadence c;
    QSqlQuery q(m_db.connection());
    if (q.exec(QStringLiteral("SELECT risk_tier, months FROM review_cadence"))) {
        while (q.next())
            if (auto tier = fromWire<RiskTier>(q.value(0).toString()))
                c.setMonths(*tier, q.value(1).toInt());
    }
    return c;
}

Status VendorWatchStore::saveCadence(const ReviewCadence& c)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("INSERT INTO review_cadence (risk_tier, months) VALUES (?, ?) "
                             "ON CONFLICT(risk_tier) DO UPDATE SET months = excluded.months"));
    for (RiskTier t : {RiskTier::High, RiskTier::Medium, RiskTier::Low}) {
        q.addBindValue(toWire(t));
        q.addBindValue(c.months(t));
        if (!q.exec())
            return sqlError(tr("Saving the review cadence"), q);
    }
    return {};
}

QList<QuestionnaireTemplate> VendorWatchStore::templates() const
{
    QList<QuestionnaireTemplate> out;
    QSqlQuery q(m_db.connection());
    if (q.exec(QStringLiteral(
            "SELECT id, name, questions_json FROM questionnaire_templates ORDER BY name"))) {
        while (q.next()) {
            QuestionnaireTemplate t;
            t.id = q.value(0).toString();
            t.name = q.value(1).toString();
            for (const QJsonValue& v : parse(q.value(2)).array())
                t.questions << v.toString();
            out << t;
        }
    }
    if (std::none_of(out.begin(), out.end(),
                     [](const QuestionnaireTemplate& t) { return t.id == u"standard"; }))
        out.prepend(QuestionnaireTemplate::standard());
    return out;
}

Status VendorWatchStore::saveTemplate(const QuestionnaireTemplate& t)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral(
        "INSERT INTO questionnaire_templates (id, name, questions_json) VALUES (?, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET name = excluded.name, questions_json = "
        "excluded.questions_json"));
    q.addBindValue(t.id);
    q.addBindValue(t.name);
    q.addBindValue(compact(QJsonArray::fromStringList(t.questions)));
    if (!q.exec())
        return sqlError(tr("Saving the questionnaire"), q);
    return {};
}

Status VendorWatchStore::removeTemplate(const QString& id)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("DELETE FROM questionnaire_templates WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return sqlError(tr("Removing the questionnaire"), q);
    return {};
}

} // namespace workbench
