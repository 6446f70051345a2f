#include "TokenStore.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QTimer>
#include <qt6keychain/keychain.h>

namespace workbench::sync {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("TokenStore", text);
}

const QString kService = QStringLiteral("Privacy Workbench");

// Starts `job` and waits for it at most `timeoutMs`. A job that does not
// answer in time is left to finish (and delete itself) on its own.
Status runJob(QKeychain::Job* job, const QString& sourceName, int timeoutMs)
{
    job->setAutoDelete(true);
    QEventLoop loop;
    bool done = false;
    QKeychain::Error error = QKeychain::NoError;
    QString message;
    QObject::connect(job, &QKeychain::Job::finished, &loop, [&](QKeychain::Job* j) {
        done = true;
        error = j->error();
        message = j->errorString();
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    job->start();
    if (!done)
        loop.exec();
    if (!done) {
        QObject::disconnect(job, nullptr, &loop, nullptr);
        return Error{tr("The keychain did not answer within %1 s (is a secret service such as "
                        "GNOME Keyring running and unlocked?). Name an environment variable "
                        "that holds the token of %2 instead.")
                         .arg(timeoutMs / 1000.0, 0, 'g', 2)
                         .arg(sourceName)};
    }
    if (error == QKeychain::EntryNotFound)
        return Error{tr("The keychain holds no token for %1.").arg(sourceName)};
    if (error != QKeychain::NoError)
        return Error{tr("The keychain refused (%1). Name an environment variable that holds "
                        "the token of %2 instead.")
                         .arg(message, sourceName)};
    return {};
}

} // namespace

namespace keychain {

Result<QByteArray> read(const QString& sourceName, int timeoutMs)
{
    auto job = new QKeychain::ReadPasswordJob(kService);
    job->setKey(sourceName);
    QByteArray token;
    QObject::connect(job, &QKeychain::Job::finished, job,
                     [&token, job] { token = job->binaryData(); });
    if (auto s = runJob(job, sourceName, timeoutMs); !s)
        return Error{s.error()};
    return token;
}

Status write(const QString& sourceName, const QByteArray& token, int timeoutMs)
{
    auto job = new QKeychain::WritePasswordJob(kService);
    job->setKey(sourceName);
    job->setBinaryData(token);
    return runJob(job, sourceName, timeoutMs);
}

Status remove(const QString& sourceName, int timeoutMs)
{
    auto job = new QKeychain::DeletePasswordJob(kService);
    job->setKey(sourceName);
    return runJob(job, sourceName, timeoutMs);
}

} // namespace keychain

Result<QByteArray> tokenFor(const SyncSource& source)
{
    if (source.useKeychain)
        return keychain::read(source.name);
    return tokenFromEnvironment(source);
}

} // namespace workbench::sync
