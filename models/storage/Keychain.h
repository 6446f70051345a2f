#pragma once

#include <QByteArray>
#include <QString>

namespace workbench::keychain {

// Secrets in the OS keychain (QtKeychain: the Secret Service on Linux), under
// the service "Privacy Workbench" and a key of the caller's choosing: sync
// tokens (by source name) and the audit signing key (by its public key).
// Every call is time-boxed: without a secret service the library can wait for
// the D-Bus timeout (25 s), so a call that has not answered in `timeoutMs`
// comes back as Timeout. Callers word the failure for what they asked for
// (and name their way out, usually an environment variable).

inline constexpr int kDefaultTimeoutMs = 4000;

enum class Failure
{
    None,
    Timeout,  // no answer within the time box
    NotFound, // the keychain answered: no such entry
    Refused,  // any other error; `detail` holds the keychain's words
};

struct Answer
{
    Failure failure = Failure::None;
    QString detail;  // the keychain's message, for Refused
    QByteArray data; // what was read
    bool ok() const { return failure == Failure::None; }
};

Answer read(const QString& key, int timeoutMs = kDefaultTimeoutMs);
Answer write(const QString& key, const QByteArray& data, int timeoutMs = kDefaultTimeoutMs);
Answer remove(const QString& key, int timeoutMs = kDefaultTimeoutMs);

} // namespace workbench::keychain
