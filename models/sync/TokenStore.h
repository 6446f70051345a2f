#pragma once

#include "SyncSource.h"
#include "storage/Keychain.h"

namespace workbench::sync {

// Tokens of sync sources in the OS keychain (storage/Keychain.h: time-boxed
// calls), under the source's name. A failure comes back in words that name
// the way out (an environment variable). Tokens never go anywhere else: not
// in the workspace, the settings file or a message.
namespace keychain {

inline constexpr int kDefaultTimeoutMs = workbench::keychain::kDefaultTimeoutMs;

Result<QByteArray> read(const QString& sourceName, int timeoutMs = kDefaultTimeoutMs);
Status write(const QString& sourceName, const QByteArray& token, int timeoutMs = kDefaultTimeoutMs);
Status remove(const QString& sourceName, int timeoutMs = kDefaultTimeoutMs);

} // namespace keychain

// The token of a source: from the keychain when it is kept there, else from
// its environment variable.
Result<QByteArray> tokenFor(const SyncSource& source);

} // namespace workbench::sync
