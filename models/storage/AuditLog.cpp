#include "AuditLog.h"

#include "AuditLogInternal.h"
#include "AuditSigning.h"
#include "Repository.h"
#include "RowDigest.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace workbench {

namespace auditdetail {

namespace {

QJsonObject parse(const QString& s)
{
    return s.isEmpty() ? QJsonObject() : QJsonDocument::fromJson(s.toUtf8()).object();
}

} // namespace

QString selectEntries(const Database& db)
{
    return QStringLiteral("SELECT seq, at, actor, action, record_type, record_id, summary, "
                          "before_json, after_json, prev_hash, hash, %1 FROM audit_log")
        .arg(db.schemaVersion() >= 7 ? QStringLiteral("row_digests") : QStringLiteral("NULL"));
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
    e.rows = q.value(11).toString().toUtf8();
    return e;
}

// The text the hash covers: every field, in a fixed order, separated by a
// unit separator so no field can run into the next; the rows (when there
// are any) last.
QString hashOf(const AuditEntry& e, const QString& beforeJson, const QString& afterJson,
               const QByteArray& rows)
{
    const QChar sep(0x1f);
    const QString s = QString::number(e.seq) + sep + e.at.toString(Qt::ISODateWithMs) + sep +
                      e.actor + sep + e.action + sep + e.recordType + sep + e.recordId + sep +
                      e.summary + sep + beforeJson + sep + afterJson + sep + e.prevHash;
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(s.toUtf8());
    if (!rows.isEmpty()) {
        h.addData(QByteArrayView("\x1f"));
        h.addData(rows);
    }
    return QString::fromLatin1(h.result().toHex());
}

QList<const TableSpec*> auditedTables()
{
    return {&RecordTable<Organization>::spec(),  &RecordTable<Processor>::spec(),
            &RecordTable<RetentionRule>::spec(), &RecordTable<RightsRequest>::spec(),
            &RecordTable<PolicyVersion>::spec(), &RecordTable<ProcessingActivity>::spec()};
}

void appendRowLine(QByteArray& rows, const QString& id, const QByteArray& digest)
{
    QByteArray text = id.toUtf8();
    if (text.contains('%') || text.contains('\n') || text.contains('\r'))
        text = text.toPercentEncoding(QByteArray(), "%\r\n");
    if (digest.isEmpty()) {
        rows.append('-');
    } else {
        rows.append('+');
        rows.append(digest);
    }
    rows.append(text);
    rows.append('\n');
}

QList<RowLine> parseRows(const QByteArray& rows)
{
    QList<RowLine> out;
    qsizetype from = 0;
    while (from < rows.size()) {
        qsizetype end = rows.indexOf('\n', from);
        if (end < 0)
            end = rows.size();
        const QByteArrayView line(rows.constData() + from, end - from);
        from = end + 1;
        if (line.isEmpty())
            continue;
        RowLine r;
        QByteArrayView id;
        if (line.front() == '+' && line.size() > RowDigest::kLength) {
            r.digest = line.sliced(1, RowDigest::kLength).toByteArray();
            id = line.sliced(1 + RowDigest::kLength);
        } else {
            id = line.sliced(1);
        }
        r.id = id.contains('%')
                   ? QString::fromUtf8(QByteArray::fromPercentEncoding(id.toByteArray()))
                   : QString::fromUtf8(id);
        out.append(r);
    }
    return out;
}

} // namespace auditdetail

using namespace auditdetail;

namespace {

QString compact(const QJsonObject& o)
{
    return o.isEmpty() ? QString()
                       : QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

// Takes the noted lines of one record out of the pending ones.
QByteArray takeLinesOf(QByteArray& pending, const QString& id)
{
    QByteArray mine, rest;
    for (const RowLine& line : parseRows(pending)) {
        QByteArray& into = line.id == id ? mine : rest;
        appendRowLine(into, line.id, line.digest);
    }
    pending = rest;
    return mine;
}

Status signHead(Database& db)
{
    const QString publicKey = db.meta(kPublicKey);
    const QString seq = db.meta(kHeadSeq);
    const QString hash = db.meta(kHeadHash);
    const QString signature = AuditSigning::sign(publicKey, seq.toLongLong(), hash);
    if (signature.isEmpty())
        return {}; // no key in this session: the head stays unsigned from here
    if (auto s = db.setMeta(kSignedSeq, seq); !s)
        return s;
    if (auto s = db.setMeta(kSignedHash, hash); !s)
        return s;
    return db.setMeta(kSignature, signature);
}

} // namespace

QString AuditHead::anchor() const
{
    return QString::number(seq) + u':' + hash.left(12);
}

QString AuditLog::computeHash(const AuditEntry& e)
{
    return hashOf(e, compact(e.before), compact(e.after), e.rows);
}

void AuditLog::noteRecord(Database& db, const QString& resource, const QString& id,
                          const QByteArray& digest)
{
    Database::AuditPending& pending = db.auditPending();
    auto it = pending.rows.find(resource);
    if (it == pending.rows.end()) {
        it = pending.rows.insert(resource, QByteArray());
        pending.order << resource;
    }
    appendRowLine(*it, id, digest);
}

Status AuditLog::append(Database& db, AuditEntry& e)
{
    const QSqlDatabase conn = db.connection();
    QSqlQuery last(conn);
    if (!last.exec(QStringLiteral("SELECT seq, hash, at FROM audit_log ORDER BY seq DESC LIMIT 1")))
        return sqlError(QStringLiteral("Reading the audit log"), last);
    QDateTime lastAt;
    if (last.next()) {
        e.seq = last.value(0).toLongLong() + 1;
        e.prevHash = last.value(1).toString();
        lastAt = QDateTime::fromString(last.value(2).toString(), Qt::ISODateWithMs);
    } else {
        e.seq = 1;
        e.prevHash = QString::fromLatin1(kGenesis);
    }
    if (!e.at.isValid())
        e.at = QDateTime::currentDateTimeUtc();
    // Entry times never go back (a clock set back stays at the last entry's
    // time): the "as of" views find a day's end by bisecting the sequence.
    if (lastAt.isValid() && e.at < lastAt)
        e.at = lastAt;
    // Millisecond precision, UTC: what is stored is exactly what was hashed.
    e.at = QDateTime::fromString(e.at.toUTC().toString(Qt::ISODateWithMs), Qt::ISODateWithMs);
    // The record this entry is about, as this change wrote it.
    Database::AuditPending& pending = db.auditPending();
    if (auto it = pending.rows.find(e.recordType);
        it != pending.rows.end() && !e.recordId.isEmpty())
        e.rows +=
            e.recordId == u"*" ? std::exchange(*it, QByteArray()) : takeLinesOf(*it, e.recordId);
    e.hash = computeHash(e);

    QSqlQuery q(conn);
    q.prepare(QStringLiteral("INSERT INTO audit_log (seq, at, actor, action, record_type, "
                             "record_id, summary, before_json, after_json, prev_hash, hash, "
                             "row_digests) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"));
    const QString before = compact(e.before);
    const QString after = compact(e.after);
    for (const QVariant& v :
         {QVariant(e.seq), QVariant(e.at.toString(Qt::ISODateWithMs)), QVariant(e.actor),
          QVariant(e.action), QVariant(e.recordType), QVariant(e.recordId), QVariant(e.summary),
          before.isEmpty() ? QVariant() : QVariant(before),
          after.isEmpty() ? QVariant() : QVariant(after), QVariant(e.prevHash), QVariant(e.hash),
          e.rows.isEmpty() ? QVariant() : QVariant(QString::fromUtf8(e.rows))})
        q.addBindValue(v);
    if (!q.exec())
        return sqlError(QStringLiteral("Writing the audit log"), q);
    pending.appended = true;
    if (auto s = db.setMeta(kHeadSeq, QString::number(e.seq)); !s)
        return s;
    return db.setMeta(kHeadHash, e.hash);
}

Status AuditLog::beforeCommit(Database& db)
{
    Database::AuditPending& pending = db.auditPending();
    for (const QString& resource : std::as_const(pending.order)) {
        const QByteArray rows = pending.rows.value(resource);
        if (rows.isEmpty())
            continue;
        AuditEntry entry;
        entry.actor = db.auditActor().isEmpty() ? QStringLiteral("app") : db.auditActor();
        entry.action = QStringLiteral("write");
        entry.recordType = resource;
        entry.recordId = QStringLiteral("*");
        entry.summary = tr("%n record(s) written", nullptr, int(rows.count('\n')));
        if (auto s = append(db, entry); !s)
            return s;
    }
    pending.rows.clear();
    pending.order.clear();
    if (!pending.appended)
        return {};
    return signHead(db);
}

Status AuditLog::recordBaseline(Database& db)
{
    if (!db.meta(kRecordsSince).isEmpty())
        return {};
    return db.transaction([&]() -> Status {
        auto current = head(db);
        if (!current)
            return Error{current.error()};
        for (const TableSpec* spec : auditedTables()) {
            auto defaults = RowDigest::readDefaults(db, spec->table);
            if (!defaults)
                return Error{defaults.error()};
            const RowDigest digest(*spec, defaults.value());
            auto records = RecordStore(db, *spec).select();
            if (!records)
                return Error{records.error()};
            if (records->isEmpty())
                continue;
            AuditEntry entry;
            entry.actor = db.auditActor().isEmpty() ? QStringLiteral("app") : db.auditActor();
            entry.action = QStringLiteral("baseline");
            entry.recordType = spec->resource;
            entry.recordId = QStringLiteral("*");
            entry.summary = tr("The state of the %n record(s) present when the log began "
                               "keeping record states",
                               nullptr, int(records->size()));
            for (const QJsonObject& record : std::as_const(records.value())) {
                const RowLayout::Row row = digest.layout().layout(record);
                appendRowLine(entry.rows, row.id, digest.of(row));
            }
            if (auto s = append(db, entry); !s)
                return s;
        }
        return db.setMeta(kRecordsSince, QString::number(current->seq));
    });
}

Result<AuditHead> AuditLog::head(const Database& db)
{
    QSqlQuery q(db.connection());
    if (!q.exec(QStringLiteral("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")))
        return sqlError(QStringLiteral("Reading the audit log"), q);
    AuditHead h;
    h.hash = QString::fromLatin1(kGenesis);
    if (q.next()) {
        h.seq = q.value(0).toLongLong();
        h.hash = q.value(1).toString();
    }
    return h;
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
    q.prepare(selectEntries(db) +
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

} // namespace workbench
