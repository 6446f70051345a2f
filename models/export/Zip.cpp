#include "Zip.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <unzip.h>
#include <zip.h>

namespace workbench {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("Zip", text);
}
} // namespace

Status writeZip(const QString& path, const QList<QPair<QByteArray, QByteArray>>& entries,
                const QList<QByteArray>& stored)
{
    const QString temp = path + QStringLiteral(".part");
    zipFile zip = zipOpen64(temp.toUtf8().constData(), APPEND_STATUS_CREATE);
    if (!zip)
        return Error{tr("Cannot create %1.").arg(path)};
    for (const auto& [name, data] : entries) {
        zip_fileinfo info{};
        const QDateTime now = QDateTime::currentDateTime();
        info.tmz_date = {uInt(now.time().second()),    uInt(now.time().minute()),
                         uInt(now.time().hour()),      uInt(now.date().day()),
                         uInt(now.date().month() - 1), uInt(now.date().year())};
        if (zipOpenNewFileInZip64(zip, name.constData(), &info, nullptr, 0, nullptr, 0, nullptr,
                                  stored.contains(name) ? 0 : Z_DEFLATED, Z_DEFAULT_COMPRESSION,
                                  0) != ZIP_OK ||
            zipWriteInFileInZip(zip, data.constData(), unsigned(data.size())) != ZIP_OK ||
            zipCloseFileInZip(zip) != ZIP_OK) {
            zipClose(zip, nullptr);
            QFile::remove(temp);
            return Error{tr("Cannot write %1 into %2.").arg(QString::fromUtf8(name), path)};
        }
    }
    if (zipClose(zip, nullptr) != ZIP_OK) {
        QFile::remove(temp);
        return Error{tr("Cannot finish %1.").arg(path)};
    }
    QFile::remove(path);
    if (!QFile::rename(temp, path))
        return Error{tr("Cannot write %1.").arg(path)};
    return {};
}

QByteArray unzipEntry(const QString& path, const char* entry)
{
    unzFile zip = unzOpen64(path.toUtf8().constData());
    if (!zip)
        return {};
    QByteArray out;
    if (unzLocateFile(zip, entry, 0) == UNZ_OK && unzOpenCurrentFile(zip) == UNZ_OK) {
        char buffer[16384];
        int n = 0;
        while ((n = unzReadCurrentFile(zip, buffer, sizeof buffer)) > 0)
            out.append(buffer, n);
        unzCloseCurrentFile(zip);
    }
    unzClose(zip);
    return out;
}

} // namespace workbench
