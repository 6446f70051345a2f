#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace workbench::test {

// One entry of a hand-made zip: `piece` repeated `repeat` times, deflated
// as it streams (a 200 MB entry never sits in memory). `declaredSize`, when
// not negative, is what the zip's headers claim instead of the truth.
struct CraftedEntry
{
    QByteArray name;
    QByteArray piece;
    qint64 repeat = 1;
    qint64 declaredSize = -1;
};

// Writes a zip (deflate, no zip64) of the entries, as a hostile tool would
// build it; false when the file cannot be written.
bool writeCraftedZip(const QString& path, const QList<CraftedEntry>& entries);

// The peak resident memory of this process so far, in bytes (Linux), or -1.
qint64 peakRssBytes();

} // namespace workbench::test
