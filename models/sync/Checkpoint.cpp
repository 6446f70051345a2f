#include "Checkpoint.h"

#include "storage/AuditLog.h"
#include "storage/AuditSigning.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSqlQuery>

namespace workbench::sync {

namespace {

// The context of the checkpoint's messages.
class Checkpoint
{
    Q_DECLARE_TR_FUNCTIONS(Checkpoint)
};

} // namespace

QJsonObject signedCheckpoint(const Database& db)
{
    const QString publicKey = db.meta(QStringLiteral("audit_public_key"));
    const QString signature = db.meta(QStringLiteral("audit_signature"));
    const qint64 seq = db.meta(QStringLiteral("audit_signed_seq")).toLongLong();
    const QString hash = db.meta(QStringLiteral("audit_signed_hash"));
    if (publicKey.isEmpty() || signature.isEmpty() || seq <= 0)
        return {};
    // When the signed entry was written (its time is part of its hash).
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("SELECT at FROM audit_log WHERE seq = ?"));
    q.addBindValue(seq);
    const QString at = q.exec() && q.next() ? q.value(0).toString() : QString();
    // The log's first entry names the log: one key may sign several
    // workspaces (a key given through the environment), each its own log.
    QSqlQuery first(db.connection());
    const QString log =
        first.exec(QStringLiteral("SELECT hash FROM audit_log WHERE seq = 1")) && first.next()
            ? first.value(0).toString()
            : QString();
    return QJsonObject{{QStringLiteral("seq"), seq},
                       {QStringLiteral("log"), log},
                       {QStringLiteral("hash"), hash},
                       {QStringLiteral("signature"), signature},
                       {QStringLiteral("public_key"), publicKey},
                       {QStringLiteral("at"), at}};
}

Status pushCheckpoint(const Database& db, const Endpoint& endpoint, HttpClient& http)
{
    const QJsonObject checkpoint = signedCheckpoint(db);
    if (checkpoint.isEmpty())
        return {};
    HttpClient::Headers headers = endpoint.headers();
    headers.append({QByteArray("Content-Type"), QByteArray("application/json")});
    const bool rest = endpoint.source.kind == SourceKind::Rest;
    if (!rest)
        headers.append({QByteArray("Prefer"), QByteArray("return=minimal")});
    const QUrl url = endpoint.url(rest ? QStringLiteral("/audit-checkpoints")
                                       : QStringLiteral("/audit_checkpoints"));
    auto response =
        http.send("POST", url, headers, QJsonDocument(checkpoint).toJson(QJsonDocument::Compact));
    if (!response)
        return Error{Checkpoint::tr("Sending the audit checkpoint: %1").arg(response.error())};
    const int status = response->status;
    if (status == 200 || status == 201 || status == 204)
        return {};
    if (status == 409)
        return Error{
            Checkpoint::tr("The server holds a later audit checkpoint of this workspace than entry "
                           "#%1: the audit log here went back (restored from a copy, cut short or "
                           "rewritten). Run verify with the server's checkpoint: %2")
                .arg(checkpoint.value(QLatin1String("seq")).toInteger())
                .arg(problemOf(response.value()))};
    return Error{Checkpoint::tr("The server refused the audit checkpoint (%1): %2")
                     .arg(status)
                     .arg(problemOf(response.value()))};
}

} // namespace workbench::sync
