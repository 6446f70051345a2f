#pragma once

#include "SyncSource.h"

namespace workbench::sync {

// Tokens of sync sources in the OS keychain (QtKeychain: the Secret Service
// on Linux), under the service "Privacy Workbench" and the source's name.
// Every call is time-boxed: without a secret service the library can wait
// for the D-Bus timeout (25 s), so a call that has not answered in
// `timeoutMs` fails with a message that names the way out (an environment
// variable). Tokens never go anywhere else: not in the workspace, the
// settings file or a message.
namespace keychain {

inline constexpr int kDefaultTimeoutMs = 4000;

Result<QByteArray> read(const QString& sourceName, int timeoutMs = kDefaultTimeoutMs);
Status write(const QString& sourceName, const QByteArray& token, int timeoutMs = kDefaultTimeoutMs);
Status remove(const QString& sourceName, int timeoutMs = kDefaultTimeoutMs);

} // namespace keychain

// The token of a source: from the keychain when it is kept there, else from
// its environment variable.
Result<QByteArray> tokenFor(const SyncSource& source);

} // namespace workbench::sync
