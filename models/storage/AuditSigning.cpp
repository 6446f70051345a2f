#include "AuditSigning.h"

#include "Keychain.h"

#include <QCoreApplication>
#include <QHash>
#include <QMutex>
#include <array>
#include <sodium.h>

namespace workbench::AuditSigning {

namespace {

// The translation context of this file's messages (the catalogues know it
// by this name).
struct AuditSigningText
{
    Q_DECLARE_TR_FUNCTIONS(AuditSigning)
};

const QString kPublicKeyMeta = QStringLiteral("audit_public_key");

QString keychainEntry(const QString& publicKey)
{
    return QStringLiteral("audit-signing-key ") + publicKey;
}

// The secret keys this process holds, by public key, and why a workspace's
// key could not be had (asked once per process).
struct Held
{
    std::array<unsigned char, crypto_sign_SECRETKEYBYTES> secret{};
    bool have = false;
    QString source;
    QString reason;
};

struct Cache
{
    QMutex mutex;
    QHash<QString, Held> keys;
    ~Cache()
    {
        for (Held& h : keys)
            sodium_memzero(h.secret.data(), h.secret.size());
    }
};

Cache& cache()
{
    static Cache c;
    return c;
}

bool ready()
{
    static const bool ok = sodium_init() >= 0;
    return ok;
}

// The key pair of a seed; false for a seed of the wrong size.
bool keyPair(const QByteArray& seed, QString* publicKey, Held* held)
{
    if (seed.size() != crypto_sign_SEEDBYTES || !ready())
        return false;
    std::array<unsigned char, crypto_sign_PUBLICKEYBYTES> pk{};
    crypto_sign_seed_keypair(pk.data(), held->secret.data(),
                             reinterpret_cast<const unsigned char*>(seed.constData()));
    *publicKey = QString::fromLatin1(
        QByteArray(reinterpret_cast<const char*>(pk.data()), int(pk.size())).toBase64());
    return true;
}

void wipe(QByteArray& secret)
{
    sodium_memzero(secret.data(), size_t(secret.size()));
    secret.clear();
}

QString keychainReason(const keychain::Answer& answer)
{
    switch (answer.failure) {
    case keychain::Failure::None:
        return {};
    case keychain::Failure::Timeout:
        return AuditSigningText::tr(
                   "the keychain did not answer (is a secret service such as GNOME Keyring "
                   "running and unlocked?); set %1 to the key instead")
            .arg(QString::fromLatin1(kEnvironmentVariable));
    case keychain::Failure::NotFound:
        return AuditSigningText::tr(
                   "the keychain holds no signing key for this workspace; set %1 to it")
            .arg(QString::fromLatin1(kEnvironmentVariable));
    case keychain::Failure::Refused:
        break;
    }
    return AuditSigningText::tr("the keychain refused (%1); set %2 to the key instead")
        .arg(answer.detail, QString::fromLatin1(kEnvironmentVariable));
}

} // namespace

QByteArray message(qint64 seq, const QString& hash)
{
    return "privacy-workbench audit head v1\n" + QByteArray::number(seq) + '\n' + hash.toLatin1();
}

bool verify(const QString& publicKey, qint64 seq, const QString& hash, const QString& signature)
{
    const QByteArray pk = QByteArray::fromBase64(publicKey.toLatin1());
    const QByteArray sig = QByteArray::fromBase64(signature.toLatin1());
    if (!ready() || pk.size() != crypto_sign_PUBLICKEYBYTES || sig.size() != crypto_sign_BYTES)
        return false;
    const QByteArray m = message(seq, hash);
    return crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(sig.constData()),
                                       reinterpret_cast<const unsigned char*>(m.constData()),
                                       quint64(m.size()),
                                       reinterpret_cast<const unsigned char*>(pk.constData())) == 0;
}

void forgetKeys()
{
    Cache& c = cache();
    QMutexLocker lock(&c.mutex);
    for (Held& h : c.keys)
        sodium_memzero(h.secret.data(), h.secret.size());
    c.keys.clear();
}

QString publicKeyOfSeed(const QByteArray& seed)
{
    QString pk;
    Held held;
    keyPair(seed, &pk, &held);
    sodium_memzero(held.secret.data(), held.secret.size());
    return pk;
}

void unlock(Database& db, bool create)
{
    const QString publicKey = db.meta(kPublicKeyMeta);
    Cache& c = cache();
    {
        QMutexLocker lock(&c.mutex);
        if (!publicKey.isEmpty() && c.keys.contains(publicKey))
            return; // asked once per process
    }
    const bool envSet = qEnvironmentVariableIsSet(kEnvironmentVariable);
    QByteArray envSeed = QByteArray::fromBase64(qgetenv(kEnvironmentVariable).trimmed());
    const QString envName = QString::fromLatin1(kEnvironmentVariable);
    Held held;
    QString heldKey;

    if (publicKey.isEmpty()) {
        if (!create)
            return;
        if (envSet && envSeed.isEmpty())
            return; // signing is off for this session
        QByteArray seed;
        if (envSet) {
            seed = envSeed;
            held.source = envName;
        } else if (ready()) {
            seed.resize(crypto_sign_SEEDBYTES);
            randombytes_buf(seed.data(), size_t(seed.size()));
            held.source = AuditSigningText::tr("keychain");
        }
        if (!keyPair(seed, &heldKey, &held)) {
            wipe(seed);
            wipe(envSeed);
            return; // a malformed variable: state() says so
        }
        if (!envSet) {
            const keychain::Answer stored = keychain::write(keychainEntry(heldKey), seed);
            if (!stored.ok()) {
                wipe(seed);
                sodium_memzero(held.secret.data(), held.secret.size());
                QMutexLocker lock(&c.mutex);
                Held failed;
                failed.reason = keychainReason(stored);
                c.keys.insert(QString(), failed); // shown while no key is recorded
                return;
            }
        }
        wipe(seed);
        wipe(envSeed);
        if (auto s = db.transaction([&] { return db.setMeta(kPublicKeyMeta, heldKey); }); !s)
            return;
        held.have = true;
    } else {
        heldKey = publicKey;
        QString envKey;
        if (envSet && !envSeed.isEmpty() && keyPair(envSeed, &envKey, &held) &&
            envKey == publicKey) {
            held.have = true;
            held.source = envName;
        } else if (envSet && envSeed.isEmpty()) {
            held.reason = AuditSigningText::tr("%1 is set empty: signing is off for this session")
                              .arg(envName);
        } else {
            const keychain::Answer answer = keychain::read(keychainEntry(publicKey));
            QString keychainKey;
            if (answer.ok() && keyPair(answer.data, &keychainKey, &held) &&
                keychainKey == publicKey) {
                held.have = true;
                held.source = AuditSigningText::tr("keychain");
            } else {
                held.reason =
                    answer.ok()
                        ? AuditSigningText::tr("the keychain's entry is not this workspace's key")
                        : keychainReason(answer);
                if (envSet)
                    held.reason =
                        AuditSigningText::tr("%1 holds another key than this workspace's, and %2")
                            .arg(envName, held.reason);
            }
            QByteArray data = answer.data;
            wipe(data);
        }
        wipe(envSeed);
        if (!held.have)
            sodium_memzero(held.secret.data(), held.secret.size());
    }
    QMutexLocker lock(&c.mutex);
    c.keys.insert(heldKey, held);
}

KeyState state(const Database& db)
{
    KeyState s;
    s.publicKey = db.meta(kPublicKeyMeta);
    Cache& c = cache();
    QMutexLocker lock(&c.mutex);
    const auto it = c.keys.constFind(s.publicKey);
    if (it != c.keys.cend()) {
        s.canSign = it->have;
        s.source = it->source;
        s.reason = it->reason;
    }
    if (s.publicKey.isEmpty() && s.reason.isEmpty()) {
        const QString envName = QString::fromLatin1(kEnvironmentVariable);
        if (qEnvironmentVariableIsSet(kEnvironmentVariable) &&
            qEnvironmentVariable(kEnvironmentVariable).trimmed().isEmpty())
            s.reason = AuditSigningText::tr("%1 is set empty: signing is off for this session")
                           .arg(envName);
        else if (qEnvironmentVariableIsSet(kEnvironmentVariable))
            s.reason = AuditSigningText::tr("%1 does not hold a key (the base64 of 32 bytes)")
                           .arg(envName);
        else
            s.reason = AuditSigningText::tr("the workspace has no signing key yet");
    } else if (!s.publicKey.isEmpty() && it == c.keys.cend()) {
        s.reason = AuditSigningText::tr("the key was not asked for in this session");
    }
    return s;
}

QString sign(const QString& publicKey, qint64 seq, const QString& hash)
{
    Cache& c = cache();
    QMutexLocker lock(&c.mutex);
    const auto it = c.keys.constFind(publicKey);
    if (publicKey.isEmpty() || it == c.keys.cend() || !it->have)
        return {};
    const QByteArray m = message(seq, hash);
    std::array<unsigned char, crypto_sign_BYTES> sig{};
    crypto_sign_detached(sig.data(), nullptr, reinterpret_cast<const unsigned char*>(m.constData()),
                         quint64(m.size()), it->secret.data());
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char*>(sig.data()), int(sig.size())).toBase64());
}

} // namespace workbench::AuditSigning
