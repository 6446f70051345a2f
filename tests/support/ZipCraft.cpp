#include "ZipCraft.h"

#include <QFile>
#include <QtEndian>
#include <sys/resource.h>
// z_stream::next_in as a pointer to const: the input is never written.
#define ZLIB_CONST
#include <zlib.h>

namespace workbench::test {

namespace {

void put16(QByteArray& out, quint16 v)
{
    char b[2];
    qToLittleEndian(v, b);
    out.append(b, 2);
}

void put32(QByteArray& out, quint32 v)
{
    char b[4];
    qToLittleEndian(v, b);
    out.append(b, 4);
}

// The fields local and central headers share, from "version needed" on.
QByteArray common(quint32 crc, quint32 compressed, quint32 size, const QByteArray& name)
{
    QByteArray h;
    put16(h, 20);   // version needed
    put16(h, 0);    // flags
    put16(h, 8);    // deflate
    put16(h, 0);    // time
    put16(h, 0x21); // date: 1980-01-01
    put32(h, crc);
    put32(h, compressed);
    put32(h, size);
    put16(h, quint16(name.size()));
    put16(h, 0); // extra field
    return h;
}

} // namespace

bool writeCraftedZip(const QString& path, const QList<CraftedEntry>& entries)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    QByteArray central;
    for (const CraftedEntry& e : entries) {
        const qint64 offset = file.pos();
        // A placeholder header, written again once the sizes are known.
        QByteArray local;
        put32(local, 0x04034b50);
        local += common(0, 0, 0, e.name) + e.name;
        file.write(local);
        z_stream z{};
        if (deflateInit2(&z, 9, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
            return false;
        uLong crc = crc32(0, nullptr, 0);
        qint64 compressed = 0;
        QByteArray out(256 * 1024, Qt::Uninitialized);
        for (qint64 i = 0; i <= e.repeat; ++i) {
            const bool last = i == e.repeat;
            z.next_in = reinterpret_cast<const Bytef*>(e.piece.constData());
            z.avail_in = last ? 0 : uInt(e.piece.size());
            if (!last)
                crc = crc32(crc, z.next_in, z.avail_in);
            int rc = Z_OK;
            do {
                z.next_out = reinterpret_cast<Bytef*>(out.data());
                z.avail_out = uInt(out.size());
                rc = deflate(&z, last ? Z_FINISH : Z_NO_FLUSH);
                const qint64 n = out.size() - z.avail_out;
                file.write(out.constData(), n);
                compressed += n;
            } while (z.avail_out == 0 || (last && rc != Z_STREAM_END));
        }
        const qint64 real = qint64(z.total_in);
        deflateEnd(&z);
        const quint32 size = quint32(e.declaredSize >= 0 ? e.declaredSize : real);
        const QByteArray fields = common(quint32(crc), quint32(compressed), size, e.name);
        const qint64 end = file.pos();
        file.seek(offset + 4);
        file.write(fields);
        file.seek(end);
        put32(central, 0x02014b50);
        put16(central, 20); // version made by
        central += fields;
        put16(central, 0); // comment
        put16(central, 0); // disk
        put16(central, 0); // internal attributes
        put32(central, 0); // external attributes
        put32(central, quint32(offset));
        central += e.name;
    }
    const qint64 directory = file.pos();
    QByteArray eocd;
    put32(eocd, 0x06054b50);
    put16(eocd, 0);
    put16(eocd, 0);
    put16(eocd, quint16(entries.size()));
    put16(eocd, quint16(entries.size()));
    put32(eocd, quint32(central.size()));
    put32(eocd, quint32(directory));
    put16(eocd, 0);
    file.write(central + eocd);
    return file.flush();
}

qint64 peakRssBytes()
{
    rusage usage{};
    if (getrusage(RUSAGE_SELF, &usage) != 0)
        return -1;
    return qint64(usage.ru_maxrss) * 1024; // kilobytes on Linux
}

} // namespace workbench::test
