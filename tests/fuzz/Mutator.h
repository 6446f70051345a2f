#pragma once

#include <QByteArray>
#include <QDir>
#include <QList>
#include <QRandomGenerator>

namespace workbench::test {

// Seeded, deterministic mutations of a byte string: bit flips, truncations,
// insertions of bytes that parsers treat specially, duplicated and deleted
// chunks. The same seed gives the same inputs on every machine, so a failure
// reproduces; the output never grows past maxSize.
class Mutator
{
public:
    explicit Mutator(quint32 seed)
        : m_rng(seed)
    {}

    int below(int n) { return n > 0 ? int(m_rng.bounded(quint32(n))) : 0; }

    QByteArray mutate(QByteArray data, int maxSize = 256 * 1024)
    {
        const int rounds = 1 + below(4);
        for (int round = 0; round < rounds; ++round) {
            const int pos = below(int(data.size()) + 1);
            switch (below(7)) {
            case 0: // bit flip
                if (!data.isEmpty()) {
                    const int at = below(int(data.size()));
                    data[at] = char(uchar(data[at]) ^ (1u << below(8)));
                }
                break;
            case 1: // truncation
                data.truncate(pos);
                break;
            case 2: // a special byte sequence
                data.insert(pos, special());
                break;
            case 3: { // a chunk duplicated, perhaps many times
                const int from = below(int(data.size()));
                const QByteArray chunk = data.mid(from, 1 + below(64));
                data.insert(pos, chunk.repeated(1 + (below(4) == 0 ? below(200) : 0)));
                break;
            }
            case 4: // a chunk deleted
                data.remove(pos, 1 + below(32));
                break;
            case 5: // random bytes overwritten
                for (int i = 0, n = 1 + below(8); i < n && !data.isEmpty(); ++i)
                    data[below(int(data.size()))] = char(below(256));
                break;
            default: // a digit string made huge or negative
                data.insert(pos, below(2) ? QByteArray("99999999999999999999")
                                          : QByteArray("-2147483649"));
                break;
            }
            if (data.size() > maxSize)
                data.truncate(maxSize);
        }
        return data;
    }

private:
    QByteArray special()
    {
        static const QList<QByteArray> pieces{"\"",
                                              "\"\"",
                                              ",",
                                              ";",
                                              "\t",
                                              "\r",
                                              "\n",
                                              "\r\n",
                                              QByteArray(1, '\0'),
                                              "\xff",
                                              "\xc3",
                                              "\xe2\x82",
                                              "\xef\xbb\xbf",
                                              "\xed\xa0\x80",
                                              "[",
                                              "]",
                                              "{",
                                              "}",
                                              ":",
                                              "null",
                                              "1e999",
                                              "-0",
                                              "\\u0000",
                                              "\\ud800",
                                              "<",
                                              ">",
                                              "&amp;",
                                              "&#0;",
                                              "<![CDATA[",
                                              "]]>",
                                              "<!DOCTYPE x [<!ENTITY a \"aaaa\">]>",
                                              "&a;",
                                              "r=\"",
                                              "t=\"s\"",
                                              "<c r=\"XFD1048576\"><v>1</v></c>",
                                              "<row r=\"1048577\">",
                                              "PK\x03\x04",
                                              "PK\x01\x02",
                                              "PK\x05\x06"};
        return pieces.at(below(int(pieces.size())));
    }

    QRandomGenerator m_rng;
};

// The files of one folder of the committed corpus (tests/data/fuzz/NAME).
inline QList<QByteArray> corpus(const QString& folder, QStringList* names = nullptr)
{
    QList<QByteArray> out;
    const QDir dir(QStringLiteral(WORKBENCH_FUZZ_CORPUS "/") + folder);
    for (const QString& name : dir.entryList(QDir::Files, QDir::Name)) {
        QFile f(dir.filePath(name));
        if (f.open(QIODevice::ReadOnly)) {
            out << f.readAll();
            if (names)
                *names << name;
        }
    }
    return out;
}

} // namespace workbench::test
