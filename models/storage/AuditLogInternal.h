#pragma once

// Shared by AuditLog.cpp and AuditVerify.cpp; not part of the interface.

#include "AuditLog.h"
#include "RecordStore.h"

#include <QSqlQuery>

namespace workbench::auditdetail {

inline const QString kHeadSeq = QStringLiteral("audit_head_seq");
inline const QString kHeadHash = QStringLiteral("audit_head_hash");
inline const QString kSignedSeq = QStringLiteral("audit_signed_seq");
inline const QString kSignedHash = QStringLiteral("audit_signed_hash");
inline const QString kSignature = QStringLiteral("audit_signature");
inline const QString kPublicKey = QStringLiteral("audit_public_key");
// The entry from which record states are kept ("0": from the start).
inline const QString kRecordsSince = QStringLiteral("audit_records_since");

// SELECT of every column readEntry() reads (a file older than schema 7,
// opened read-only, has no row_digests).
QString selectEntries(const Database& db);

AuditEntry readEntry(const QSqlQuery& q);
// SHA-256 (hex) of an entry's content with its JSON and rows as stored.
QString hashOf(const AuditEntry& e, const QString& beforeJson, const QString& afterJson,
               const QByteArray& rows);

// The records the log names: every table of the sync contract.
QList<const TableSpec*> auditedTables();

// One line of AuditEntry::rows.
void appendRowLine(QByteArray& rows, const QString& id, const QByteArray& digest);
struct RowLine
{
    QString id;
    QByteArray digest; // empty: deleted
};
QList<RowLine> parseRows(const QByteArray& rows);

} // namespace workbench::auditdetail
