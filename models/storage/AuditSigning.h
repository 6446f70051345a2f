#pragma once

#include "Database.h"

#include <QByteArray>
#include <QString>

namespace workbench {

// The Ed25519 key that signs the audit head (libsodium). The workspace keeps
// only the public key (workspace_meta "audit_public_key", base64); the
// secret stays in the OS keychain (entry "audit-signing-key <public key>",
// the 32-byte seed) or, for headless use, in the environment variable
// PRIVACY_WORKBENCH_AUDIT_KEY (the seed, base64; set it empty to turn
// signing off for a session without asking the keychain). The key is read
// once per process and kept in memory; it is never written to the workspace,
// the settings or a message.
namespace AuditSigning {

inline constexpr const char* kEnvironmentVariable = "PRIVACY_WORKBENCH_AUDIT_KEY";

// What the head's signature covers.
QByteArray message(qint64 seq, const QString& hash);
// True when `signature` (base64) is `publicKey`'s (base64) over message().
bool verify(const QString& publicKey, qint64 seq, const QString& hash, const QString& signature);

// Finds the secret key of the workspace's public key (environment variable,
// then keychain) and keeps it for this process. With `create` and no public
// key recorded yet, the workspace gets one: the environment variable's key
// if it is set, else a new key stored in the keychain. Without a key,
// writes still work and their entries stay unsigned; state() says why.
// Never fails the open: the reason is kept for state().
void unlock(Database& db, bool create);

struct KeyState
{
    QString publicKey;    // base64; empty when the workspace has none
    bool canSign = false; // this process holds the secret key
    QString source;       // "keychain" or the variable's name
    QString reason;       // why it cannot sign, in words
};
KeyState state(const Database& db);

// The signature (base64) of the head by the workspace's key; empty when
// this process does not hold it.
QString sign(const QString& publicKey, qint64 seq, const QString& hash);

// Drops every key this process holds and every remembered failure, so the
// next unlock() asks again (tests; a session that locks the workspace).
void forgetKeys();

// Base64 of the Ed25519 public key of a 32-byte seed (for tests and tools).
QString publicKeyOfSeed(const QByteArray& seed);

} // namespace AuditSigning

} // namespace workbench
