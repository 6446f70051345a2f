#include "TokenStore.h"

#include <QCoreApplication>

namespace workbench::sync {

namespace {

// The context of the keychain's messages.
class TokenStore
{
    Q_DECLARE_TR_FUNCTIONS(TokenStore)
};

// The keychain's answer about the token of `sourceName`, in words that name
// the way out (an environment variable).
Status explain(const workbench::keychain::Answer& answer, const QString& sourceName, int timeoutMs)
{
    using workbench::keychain::Failure;
    switch (answer.failure) {
    case Failure::None:
        return {};
    case Failure::Timeout:
        return Error{
            TokenStore::tr("The keychain did not answer within %1 s (is a secret service such as "
                           "GNOME Keyring running and unlocked?). Name an environment variable "
                           "that holds the token of %2 instead.")
                .arg(timeoutMs / 1000.0, 0, 'g', 2)
                .arg(sourceName)};
    case Failure::NotFound:
        return Error{TokenStore::tr("The keychain holds no token for %1.").arg(sourceName)};
    case Failure::Refused:
        break;
    }
    return Error{
        TokenStore::tr("The keychain refused (%1). Name an environment variable that holds "
                       "the token of %2 instead.")
            .arg(answer.detail, sourceName)};
}

} // namespace

namespace keychain {

Result<QByteArray> read(const QString& sourceName, int timeoutMs)
{
    auto answer = workbench::keychain::read(sourceName, timeoutMs);
    if (auto s = explain(answer, sourceName, timeoutMs); !s)
        return Error{s.error()};
    return answer.data;
}

Status write(const QString& sourceName, const QByteArray& token, int timeoutMs)
{
    return explain(workbench::keychain::write(sourceName, token, timeoutMs), sourceName, timeoutMs);
}

Status remove(const QString& sourceName, int timeoutMs)
{
    return explain(workbench::keychain::remove(sourceName, timeoutMs), sourceName, timeoutMs);
}

} // namespace keychain

Result<QByteArray> tokenFor(const SyncSource& source)
{
    if (source.useKeychain)
        return keychain::read(source.name);
    return tokenFromEnvironment(source);
}

} // namespace workbench::sync
