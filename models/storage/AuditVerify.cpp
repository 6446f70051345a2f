// AuditLog::verify: the chain, the signed head, an anchor, and every record
// against the state its last entry recorded.
#include "AuditLog.h"
#include "AuditLogInternal.h"
#include "AuditSigning.h"
#include "RowDigest.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace workbench {

using namespace auditdetail;

namespace {

// How many problems of one table are named before "and N more".
constexpr int kNamedPerTable = 20;

struct Recorded
{
    QByteArray digest; // empty: deleted
    qint64 seq = 0;
};

} // namespace

AuditVerification AuditLog::verify(const Database& db, const AuditVerifyOptions& options)
{
    AuditVerification report;
    auto problem = [&report](qint64 seq, const QString& what) {
        if (report.firstBrokenSeq == 0)
            report.firstBrokenSeq = seq;
        report.problems << tr("entry #%1: %2").arg(seq).arg(what);
    };
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    if (!q.exec(selectEntries(db) + QStringLiteral(" ORDER BY seq"))) {
        report.problems << tr("the audit log cannot be read: ") + q.lastError().text();
        return report;
    }
    qint64 expectedSeq = 1;
    QString prevHash = QString::fromLatin1(kGenesis);
    QHash<qint64, QString> hashes; // of the entries an anchor or the signature name
    const qint64 signedSeq = db.meta(kSignedSeq).toLongLong();
    QHash<QString, QHash<QString, Recorded>> recorded; // resource -> id -> last state
    while (q.next()) {
        const AuditEntry e = readEntry(q);
        ++report.entries;
        if (e.seq != expectedSeq)
            problem(e.seq,
                    tr("entries #%1 to #%2 are missing (deleted)").arg(expectedSeq).arg(e.seq - 1));
        if (e.prevHash != prevHash)
            problem(e.seq, tr("does not follow the entry before it (the chain is broken: an "
                              "entry before it was deleted or altered)"));
        // Recompute over the text exactly as stored.
        if (hashOf(e, q.value(7).toString(), q.value(8).toString(), e.rows) != e.hash)
            problem(e.seq, tr("its content does not match its hash (it was edited)"));
        if (e.seq == signedSeq || e.seq == options.expectSeq)
            hashes.insert(e.seq, e.hash);
        if (!e.rows.isEmpty()) {
            QHash<QString, Recorded>& states = recorded[e.recordType];
            for (const RowLine& line : parseRows(e.rows))
                states.insert(line.id, {line.digest, e.seq});
        }
        prevHash = e.hash;
        expectedSeq = e.seq + 1;
    }
    const qint64 lastSeq = expectedSeq - 1;
    report.head = {lastSeq, lastSeq > 0 ? prevHash : QString::fromLatin1(kGenesis)};
    const QString headSeq = db.meta(kHeadSeq);
    const QString headHash = db.meta(kHeadHash);
    if (!headSeq.isEmpty() && (headSeq.toLongLong() != lastSeq || headHash != prevHash))
        problem(headSeq.toLongLong(),
                tr("the log ends at #%1 but its last entry was #%2 (entries at the end were "
                   "deleted or altered)")
                    .arg(lastSeq)
                    .arg(headSeq));
    else if (headSeq.isEmpty() && report.entries > 0)
        problem(1, tr("the head record of the log is missing"));

    // The signed head: proves, without the key, that nothing was cut off the
    // end or recomputed since it was signed.
    report.publicKey = db.meta(kPublicKey);
    const QString signature = db.meta(kSignature);
    const QString signedHash = db.meta(kSignedHash);
    if (report.publicKey.isEmpty()) {
        if (report.entries > 0 || !signature.isEmpty())
            report.problems << tr("the workspace records no signing key, so its audit log cannot "
                                  "be shown to be complete (the key was removed, or the "
                                  "workspace has not been opened with a key since it was made)");
    } else if (signature.isEmpty()) {
        if (report.entries > 0)
            problem(1, tr("the head is not signed: entries #1 to #%1 were written without the "
                          "signing key, or the signature was removed")
                           .arg(lastSeq));
    } else if (!AuditSigning::verify(report.publicKey, signedSeq, signedHash, signature)) {
        problem(signedSeq, tr("the signature of the head does not match the workspace's public "
                              "key (the signed head was altered)"));
    } else if (signedSeq > lastSeq) {
        problem(lastSeq + 1, tr("the signed head is entry #%1 but the log ends at #%2 (entries "
                                "at the end were deleted)")
                                 .arg(signedSeq)
                                 .arg(lastSeq));
    } else if (hashes.value(signedSeq) != signedHash) {
        problem(signedSeq, tr("is not the entry that was signed (the log was rewritten up to "
                              "here and its hashes recomputed)"));
    } else {
        report.signedSeq = signedSeq;
        if (signedSeq < lastSeq)
            problem(signedSeq + 1, tr("entries #%1 to #%2 are not signed (written without the "
                                      "signing key; they can be altered without a trace until "
                                      "the key signs the head again)")
                                       .arg(signedSeq + 1)
                                       .arg(lastSeq));
    }

    if (options.expectSeq > 0) {
        if (options.expectSeq > lastSeq)
            problem(options.expectSeq,
                    tr("the expected head does not exist (the log ends at #%1)").arg(lastSeq));
        else if (!hashes.value(options.expectSeq).startsWith(options.expectHash.toLower()))
            problem(options.expectSeq, tr("its hash starts %1, not %2 as expected (the log was "
                                          "rewritten)")
                                           .arg(hashes.value(options.expectSeq).left(12),
                                                options.expectHash.toLower()));
        else if (report.signedSeq < options.expectSeq)
            problem(
                options.expectSeq,
                tr("the signed head (#%1) does not reach the expected head").arg(report.signedSeq));
    }

    // Every record against the state its last entry recorded.
    report.recordsRecorded = !db.meta(kRecordsSince).isEmpty();
    if (!report.recordsRecorded) {
        report.problems << tr("the records' states were never recorded (a workspace from before "
                              "this check: open it once in the app to record them)");
        return report;
    }
    for (const TableSpec* spec : auditedTables()) {
        auto defaults = RowDigest::readDefaults(db, spec->table);
        // Read-only use: select() does not write.
        auto records = RecordStore(const_cast<Database&>(db), *spec).select();
        if (!defaults || !records) {
            report.problems << tr("table %1 cannot be read: %2")
                                   .arg(spec->table, defaults ? records.error() : defaults.error());
            continue;
        }
        const RowDigest digest(*spec, defaults.value());
        QHash<QString, Recorded> states = recorded.take(spec->resource);
        QStringList found;
        for (const QJsonObject& record : std::as_const(records.value())) {
            ++report.recordsChecked;
            const RowLayout::Row row = digest.layout().layout(record);
            const auto it = states.constFind(row.id);
            if (it == states.cend())
                found << tr("table %1, record %2: not in the audit log (added outside the app)")
                             .arg(spec->table, row.id);
            else if (it->digest.isEmpty())
                found << tr("table %1, record %2: deleted in entry #%3 but present (restored "
                            "outside the app)")
                             .arg(spec->table, row.id)
                             .arg(it->seq);
            else if (it->digest != digest.of(row))
                found << tr("table %1, record %2: differs from its last audited state (entry "
                            "#%3): changed outside the app")
                             .arg(spec->table, row.id)
                             .arg(it->seq);
            if (it != states.cend())
                states.erase(it);
        }
        for (auto it = states.cbegin(); it != states.cend(); ++it)
            if (!it->digest.isEmpty())
                found << tr("table %1, record %2: missing, but entry #%3 recorded it (deleted "
                            "outside the app)")
                             .arg(spec->table, it.key())
                             .arg(it->seq);
        report.problems += found.mid(0, kNamedPerTable);
        if (found.size() > kNamedPerTable)
            report.problems << tr("table %1: %2 more record(s) differ from the audit log")
                                   .arg(spec->table)
                                   .arg(found.size() - kNamedPerTable);
    }
    return report;
}

} // namespace workbench
