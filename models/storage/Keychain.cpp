#include "Keychain.h"

#include <QEventLoop>
#include <QTimer>
#include <qt6keychain/keychain.h>

namespace workbench::keychain {

namespace {

const QString kService = QStringLiteral("Privacy Workbench");

// Starts `job` and waits for it at most `timeoutMs`. A job that does not
// answer in time is left to finish (and delete itself) on its own.
Answer runJob(QKeychain::Job* job, int timeoutMs)
{
    job->setAutoDelete(true);
    QEventLoop loop;
    bool done = false;
    Answer answer;
    QObject::connect(job, &QKeychain::Job::finished, &loop, [&](QKeychain::Job* j) {
        done = true;
        if (j->error() == QKeychain::EntryNotFound) {
            answer.failure = Failure::NotFound;
        } else if (j->error() != QKeychain::NoError) {
            answer.failure = Failure::Refused;
            answer.detail = j->errorString();
        } else if (auto* reader = qobject_cast<QKeychain::ReadPasswordJob*>(j)) {
            answer.data = reader->binaryData();
        }
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    job->start();
    if (!done)
        loop.exec();
    if (!done) {
        QObject::disconnect(job, nullptr, &loop, nullptr);
        answer.failure = Failure::Timeout;
    }
    return answer;
}

} // namespace

Answer read(const QString& key, int timeoutMs)
{
    auto job = new QKeychain::ReadPasswordJob(kService);
    job->setKey(key);
    return runJob(job, timeoutMs);
}

Answer write(const QString& key, const QByteArray& data, int timeoutMs)
{
    auto job = new QKeychain::WritePasswordJob(kService);
    job->setKey(key);
    job->setBinaryData(data);
    return runJob(job, timeoutMs);
}

Answer remove(const QString& key, int timeoutMs)
{
    auto job = new QKeychain::DeletePasswordJob(kService);
    job->setKey(key);
    return runJob(job, timeoutMs);
}

} // namespace workbench::keychain
