#include "Zip.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QLocale>
#include <QScopeGuard>
#include <limits>
#include <unzip.h>
#include <zip.h>

namespace workbench {

namespace {
// The translation context of this file's messages (the catalogues know it
// by this name).
struct Zip
{
    Q_DECLARE_TR_FUNCTIONS(Zip)
};
} // namespace

Status writeZip(const QString& path, const QList<QPair<QByteArray, QByteArray>>& entries,
                const QList<QByteArray>& stored)
{
    const QString temp = path + QStringLiteral(".part");
    zipFile zip = zipOpen64(temp.toUtf8().constData(), APPEND_STATUS_CREATE);
    if (!zip)
        return Error{Zip::tr("Cannot create %1.").arg(path)};
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
            return Error{Zip::tr("Cannot write %1 into %2.").arg(QString::fromUtf8(name), path)};
        }
    }
    if (zipClose(zip, nullptr) != ZIP_OK) {
        QFile::remove(temp);
        return Error{Zip::tr("Cannot finish %1.").arg(path)};
    }
    QFile::remove(path);
    if (!QFile::rename(temp, path))
        return Error{Zip::tr("Cannot write %1.").arg(path)};
    return {};
}

namespace {

QString size(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

QString bombMessage(const QByteArray& entry, quint64 inflated, quint64 compressed)
{
    const quint64 ratio = inflated / std::max<quint64>(compressed, 1);
    return Zip::tr("%1 would inflate to %2 (ratio %3:1); refused as a possible zip bomb.")
        .arg(QString::fromUtf8(entry),
             size(qint64(std::min<quint64>(inflated, quint64(std::numeric_limits<qint64>::max())))))
        .arg(ratio);
}

// The zip's central directory, checked against the limits: every entry (not
// only the one asked for: a bomb anywhere in the file says what it is).
Status checkDirectory(unzFile zip, const ZipLimits& limits)
{
    quint64 total = 0;
    int count = 0;
    for (int rc = unzGoToFirstFile(zip); rc == UNZ_OK; rc = unzGoToNextFile(zip)) {
        if (++count > limits.maxEntries)
            return Error{
                Zip::tr("the zip holds more than %1 entries; refused.").arg(limits.maxEntries)};
        unz_file_info64 info{};
        char name[512] = {};
        if (unzGetCurrentFileInfo64(zip, &info, name, sizeof name - 1, nullptr, 0, nullptr, 0) !=
            UNZ_OK)
            return Error{Zip::tr("the zip's directory is damaged.")};
        const QByteArray entry(name);
        const quint64 inflated = info.uncompressed_size;
        const quint64 compressed = info.compressed_size;
        if (inflated > quint64(limits.maxEntryBytes))
            return Error{bombMessage(entry, inflated, compressed)};
        if (inflated > quint64(limits.ratioFloorBytes) &&
            inflated / std::max<quint64>(compressed, 1) > quint64(limits.maxRatio))
            return Error{bombMessage(entry, inflated, compressed)};
        total += inflated;
        if (total > quint64(limits.maxTotalBytes))
            return Error{
                Zip::tr("the zip's entries would inflate to more than %1 together (at %2); "
                        "refused as a possible zip bomb.")
                    .arg(size(limits.maxTotalBytes), QString::fromUtf8(entry))};
    }
    return {};
}

} // namespace

Result<std::optional<QByteArray>> readZipEntry(const QString& path, const QByteArray& entry,
                                               const ZipLimits& limits)
{
    unzFile zip = unzOpen64(path.toUtf8().constData());
    if (!zip)
        return Error{Zip::tr("not a zip file, or a damaged one.")};
    const auto closeZip = qScopeGuard([zip] { unzClose(zip); });
    if (auto s = checkDirectory(zip, limits); !s)
        return Error{s.error()};
    if (unzLocateFile(zip, entry.constData(), 1) != UNZ_OK)
        return std::optional<QByteArray>();
    unz_file_info64 info{};
    if (unzGetCurrentFileInfo64(zip, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK ||
        unzOpenCurrentFile(zip) != UNZ_OK)
        return Error{Zip::tr("%1 in the zip is damaged.").arg(QString::fromUtf8(entry))};
    // Counted while inflating: no more than the directory declared (already
    // checked against the limits), whatever the data says.
    const qint64 declared = qint64(info.uncompressed_size);
    QByteArray out;
    out.reserve(declared);
    char buffer[16384];
    int n = 0;
    while ((n = unzReadCurrentFile(zip, buffer, sizeof buffer)) > 0) {
        if (out.size() + n > declared) {
            unzCloseCurrentFile(zip);
            return Error{Zip::tr("%1 inflates to more than the %2 the zip declares; refused as a "
                                 "possible zip bomb.")
                             .arg(QString::fromUtf8(entry), size(declared))};
        }
        out.append(buffer, n);
    }
    const int closed = unzCloseCurrentFile(zip);
    if (n < 0 || closed != UNZ_OK || out.size() != declared)
        return Error{Zip::tr("%1 in the zip is damaged.").arg(QString::fromUtf8(entry))};
    return std::optional<QByteArray>(std::move(out));
}

QByteArray unzipEntry(const QString& path, const char* entry)
{
    auto read = readZipEntry(path, QByteArray(entry));
    return read && read.value() ? *read.value() : QByteArray();
}

} // namespace workbench
