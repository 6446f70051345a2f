#include "AuditLog.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace workbench {

namespace {

QString compact(const QJsonObject& o)
{
    return o.isEmpty() ? QString()
                       : QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QJsonObject parse(const QString& s)
{
    return s.isEmpty() ? QJsonObject() : QJsonDocument::fromJson(s.toUtf8()).object();
}

const QString kHeadSeq = QStringLiteral("audit_head_seq");
const QString kHeadHash = QStringLiteral("audit_head_hash");

QString metaValue(const QSqlDatabase& db, const QString& key)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT value FROM workspace_meta WHERE key = ?"));
    q.addBindValue(key);
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

Status setMeta(const QSqlDatabase& db, const QString& key, const QString& value)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO workspace_meta (key, value) VALUES (?, ?) "
                             "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    q.addBindValue(key);
    q.addBindValue(value);
    if (!q.exec())
        return sqlError(QStringLiteral("Recording the audit head"), q);
    return {};
}

AuditEntry readEntry(const QSqlQuery& q)
{
    AuditEntry e;
    e.seq = q.value(0).toLongLong();
    e.at = QDateTime::fromString(q.value(1).toString(), Qt::ISODateWithMs);
    e.actor = q.value(2).toString();
    e.action = q.value(3).toString();
    e.recordType = q.value(4).toString();
    e.recordId = q.value(5).toString();
    e.summary = q.value(6).toString();
    e.before = parse(q.value(7).toString());
    e.after = parse(q.value(8).toString());
    e.prevHash = q.value(9).toString();
    e.hash = q.value(10).toString();
    return e;
}

// The text the hash covers: every field, in a fixed order, separated by a
// unit separator so no field can run into the next.
QByteArray hashedContent(const AuditEntry& e, const QString& beforeJson, const QString& afterJson)
{
    const QChar sep(0x1f);
    const QString s = QString::number(e.seq) + sep + e.at.toString(Qt::ISODateWithMs) + sep +
                      e.actor + sep + e.action + sep + e.recordType + sep + e.recordId + sep +
                      e.summary + sep + beforeJson + sep + afterJson + sep + e.prevHash;
    return s.toUtf8();
}

const char* kSelect = "SELECT seq, at, actor, action, record_type, record_id, summary, "
                      "before_json, after_json, prev_hash, hash FROM audit_log";

} // namespace

QString AuditHead::anchor() const
{
    return QString::number(seq) + u':' + hash.left(12);
}

Result<AuditHead> AuditLog::head(const Database& db)
{
    // The head kept in workspace_meta; an empty log is #0 at the genesis hash.
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("SELECT key, value FROM workspace_meta WHERE key IN (?, ?)"));
    q.addBindValue(kHeadSeq);
    q.addBindValue(kHeadHash);
    if (!q.exec())
        return sqlError(QStringLiteral("Reading the audit head"), q);
    AuditHead head;
    head.hash = QString::fromLatin1(kGenesis);
    while (q.next()) {
        if (q.value(0).toString() == kHeadSeq)
            head.seq = q.value(1).toLongLong();
        else
            head.hash = q.value(1).toString();
    }
    return head;
}

QString AuditLog::computeHash(const AuditEntry& e)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(hashedContent(e, compact(e.before), compact(e.after)),
                                 QCryptographicHash::Sha256)
            .toHex());
}

Status AuditLog::append(Database& db, AuditEntry& e)
{
    const QSqlDatabase conn = db.connection();
    QSqlQuery last(conn);
    if (!last.exec(QStringLiteral("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")))
        return sqlError(QStringLiteral("Reading the audit log"), last);
    if (last.next()) {
        e.seq = last.value(0).toLongLong() + 1;
        e.prevHash = last.value(1).toString();
    } else {
        e.seq = 1;
        e.prevHash = QString::fromLatin1(kGenesis);
    }
    if (!e.at.isValid())
        e.at = QDateTime::currentDateTimeUtc();
    // Millisecond precision, UTC: what is stored is exactly what was hashed.
    e.at = QDateTime::fromString(e.at.toUTC().toString(Qt::ISODateWithMs), Qt::ISODateWithMs);
    e.hash = computeHash(e);

    QSqlQuery q(conn);
    q.prepare(QStringLiteral("INSERT INTO audit_log (seq, at, actor, action, record_type, "
                             "record_id, summary, before_json, after_json, prev_hash, hash) "
                             "VALUES (?,?,?,?,?,?,?,?,?,?,?)"));
    const QString before = compact(e.before);
    const QString after = compact(e.after);
    for (const QVariant& v :
         {QVariant(e.seq), QVariant(e.at.toString(Qt::ISODateWithMs)), QVariant(e.actor),
          QVariant(e.action), QVariant(e.recordType), QVariant(e.recordId), QVariant(e.summary),
          before.isEmpty() ? QVariant() : QVariant(before),
          after.isEmpty() ? QVariant() : QVariant(after), QVariant(e.prevHash), QVariant(e.hash)})
        q.addBindValue(v);
    if (!q.exec())
        return sqlError(QStringLiteral("Writing the audit log"), q);
    if (auto s = setMeta(conn, kHeadSeq, QString::number(e.seq)); !s)
        return s;
    return setMeta(conn, kHeadHash, e.hash);
}

Result<QList<AuditEntry>> AuditLog::entries(const Database& db, const AuditFilter& f)
{
    QStringList where;
    QVariantList binds;
    if (!f.recordType.isEmpty()) {
        where << QStringLiteral("record_type = ?");
        binds << f.recordType;
    }
    if (!f.recordId.isEmpty()) {
        where << QStringLiteral("record_id = ?");
        binds << f.recordId;
    }
    if (f.afterSeq > 0) {
        where << QStringLiteral("seq > ?");
        binds << f.afterSeq;
    }
    if (f.from.isValid()) {
        where << QStringLiteral("at >= ?");
        binds << f.from.startOfDay(Qt::UTC).toString(Qt::ISODateWithMs);
    }
    if (f.to.isValid()) {
        where << QStringLiteral("at < ?");
        binds << f.to.addDays(1).startOfDay(Qt::UTC).toString(Qt::ISODateWithMs);
    }
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    q.prepare(QString::fromLatin1(kSelect) +
              (where.isEmpty() ? QString()
                               : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "))) +
              QStringLiteral(" ORDER BY seq"));
    for (const QVariant& b : std::as_const(binds))
        q.addBindValue(b);
    if (!q.exec())
        return sqlError(QStringLiteral("Reading the audit log"), q);
    QList<AuditEntry> out;
    while (q.next())
        out.append(readEntry(q));
    return out;
}

AuditVerification AuditLog::verify(const Database& db)
{
    AuditVerification report;
    auto problem = [&report](qint64 seq, const QString& what) {
        if (report.firstBrokenSeq == 0)
            report.firstBrokenSeq = seq;
        report.problems << QStringLiteral("entry #%1: %2").arg(seq).arg(what);
    };
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    if (!q.exec(QString::fromLatin1(kSelect) + QStringLiteral(" ORDER BY seq"))) {
        report.problems << QStringLiteral("the audit log cannot be read: ") + q.lastError().text();
        return report;
    }
    qint64 expectedSeq = 1;
    QString prevHash = QString::fromLatin1(kGenesis);
    while (q.next()) {
        const AuditEntry e = readEntry(q);
        ++report.entries;
        if (e.seq != expectedSeq)
            problem(e.seq, QStringLiteral("entries #%1 to #%2 are missing (deleted)")
                               .arg(expectedSeq)
                               .arg(e.seq - 1));
        if (e.prevHash != prevHash)
            problem(e.seq, QStringLiteral("does not follow the entry before it (the chain is "
                                          "broken: an entry before it was deleted or altered)"));
        // Recompute over the text exactly as stored.
        const QString stored = QString::fromLatin1(
            QCryptographicHash::hash(hashedContent(e, q.value(7).toString(), q.value(8).toString()),
                                     QCryptographicHash::Sha256)
                .toHex());
        if (stored != e.hash)
            problem(e.seq, QStringLiteral("its content does not match its hash (it was edited)"));
        prevHash = e.hash;
        expectedSeq = e.seq + 1;
    }
    const QString headSeq = metaValue(db.connection(), kHeadSeq);
    const QString headHash = metaValue(db.connection(), kHeadHash);
    const qint64 lastSeq = expectedSeq - 1;
    if (!headSeq.isEmpty() && (headSeq.toLongLong() != lastSeq || headHash != prevHash))
        problem(headSeq.toLongLong(),
                QStringLiteral("the log ends at #%1 but its last entry was #%2 (entries at the "
                               "end were deleted or altered)")
                    .arg(lastSeq)
                    .arg(headSeq));
    else if (headSeq.isEmpty() && report.entries > 0)
        problem(1, QStringLiteral("the head record of the log is missing"));
    return report;
}

} // namespace workbench
