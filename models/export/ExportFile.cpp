#include "ExportFile.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSaveFile>
#include <cstdio>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace workbench {

namespace {

// The translation context of this file's messages (the catalogues know it
// by this name).
struct ExportFile
{
    Q_DECLARE_TR_FUNCTIONS(ExportFile)
};

Status writeShared(const QString& path, const QByteArray& bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return Error{ExportFile::tr("Cannot write %1: %2").arg(path, file.errorString())};
    return {};
}

#ifdef Q_OS_UNIX
Status writeOwnerOnly(const QString& path, const QByteArray& bytes)
{
    // QSaveFile creates its temporary file with 0666 minus the umask and
    // only then could be narrowed: open the temporary file 0600 (O_CREAT |
    // O_EXCL) ourselves, then rename it over the target.
    const QFileInfo target(path);
    const QFileDevice::Permissions ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    QFile temp;
    for (int attempt = 0; attempt < 8 && !temp.isOpen(); ++attempt) {
        temp.setFileName(target.absolutePath() + QStringLiteral("/.") + target.fileName() + u'.' +
                         QString::number(QRandomGenerator::global()->generate64(), 36) +
                         QStringLiteral(".tmp"));
        if (!temp.open(QIODevice::WriteOnly | QIODevice::NewOnly, ownerOnly) &&
            !QFileInfo::exists(temp.fileName()))
            break;
    }
    if (!temp.isOpen())
        return Error{ExportFile::tr("Cannot write %1: %2").arg(path, temp.errorString())};
    const bool written =
        temp.write(bytes) == bytes.size() && temp.flush() && ::fsync(temp.handle()) == 0;
    const QString error = temp.errorString();
    temp.close();
    if (!written || std::rename(QFile::encodeName(temp.fileName()).constData(),
                                QFile::encodeName(target.absoluteFilePath()).constData()) != 0) {
        QFile::remove(temp.fileName());
        return Error{ExportFile::tr("Cannot write %1: %2")
                         .arg(path, written ? ExportFile::tr("cannot replace the file") : error)};
    }
    return {};
}
#else
Status writeOwnerOnly(const QString& path, const QByteArray& bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        file.write(bytes) != bytes.size() || !file.commit())
        return Error{ExportFile::tr("Cannot write %1: %2").arg(path, file.errorString())};
    return {};
}
#endif

} // namespace

Status writeExportFile(const QString& path, const QByteArray& bytes, FileAccess access)
{
    return access == FileAccess::OwnerOnly ? writeOwnerOnly(path, bytes) : writeShared(path, bytes);
}

QString auditFooter(const AuditHead& head)
{
    return ExportFile::tr("Audit head #%1 · %2 (verify --expect-head %3)")
        .arg(head.seq)
        .arg(head.hash.left(12), head.anchor());
}

} // namespace workbench
