// Diff benchmark: a pair of ~1 MB policies (20,000 lines) with ~5 % of the
// lines changed, then with half of them changed. Prints the line + word diff
// of the engine beside `diff -u` and `git diff --no-index --word-diff` on the
// same files in the same run (median of 5 each). Targets: ratio to git's
// word diff <= 1.0; under 50 ms at 50 % changed lines.
#include "policy/TextDiff.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <functional>

using namespace workbench;

namespace {

QStringList vocabulary(QRandomGenerator& rng)
{
    static const char* stems[] = {"data",    "process", "retain",   "account",  "personal",
                                  "service", "provid",  "transfer", "right",    "request",
                                  "delet",   "secur",   "stor",     "contract", "process",
                                  "polic",   "consent", "cookie",   "analytic", "payment"};
    static const char* ends[] = {"", "s", "ed", "ing", "er", "ion", "al", "ly"};
    QStringList words;
    for (int i = 0; i < 600; ++i)
        words << QString::fromLatin1(stems[rng.bounded(20)]) +
                     QString::fromLatin1(ends[rng.bounded(8)]) +
                     (i % 3 ? QString() : QString::number(i));
    return words;
}

QString line(QRandomGenerator& rng, const QStringList& words)
{
    QStringList parts;
    const int n = int(rng.bounded(5, 9));
    for (int i = 0; i < n; ++i)
        parts << words[int(rng.bounded(quint32(words.size())))];
    return parts.join(QLatin1Char(' ')) + QLatin1Char('.');
}

struct Pair
{
    QString before, after;
};

// `share` of the non-blank lines get one or two words replaced; a fifth of
// the edits insert or delete a line instead.
Pair makePair(int lines, double share, quint32 seed)
{
    QRandomGenerator rng(seed);
    const QStringList words = vocabulary(rng);
    QStringList before;
    for (int i = 0; i < lines; ++i)
        before << (i % 6 == 5 ? QString() : line(rng, words));
    QStringList after;
    for (const QString& l : before) {
        if (l.isEmpty() || rng.generateDouble() >= share) {
            after << l;
            continue;
        }
        switch (rng.bounded(10)) {
        case 0:
            break; // deleted
        case 1:
            after << line(rng, words) << l; // a line inserted before
            break;
        default: {
            QStringList w = l.split(QLatin1Char(' '));
            const int edits = int(rng.bounded(1, 3));
            for (int e = 0; e < edits; ++e)
                w[int(rng.bounded(quint32(w.size())))] =
                    words[int(rng.bounded(quint32(words.size())))];
            after << w.join(QLatin1Char(' '));
        }
        }
    }
    return {before.join(QLatin1Char('\n')) + QLatin1Char('\n'),
            after.join(QLatin1Char('\n')) + QLatin1Char('\n')};
}

double median(const std::function<void()>& run, int runs = 5)
{
    QList<double> ms;
    for (int r = 0; r < runs; ++r) {
        QElapsedTimer t;
        t.start();
        run();
        ms << double(t.nsecsElapsed()) / 1e6;
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

double tool(const QString& program, const QStringList& args)
{
    return median([&] {
        QProcess p;
        p.setStandardOutputFile(QProcess::nullDevice());
        p.start(program, args);
        p.waitForFinished(-1);
    });
}

void write(const QString& path, const QString& text)
{
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(text.toUtf8());
}

QString read(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QString cli = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    QTemporaryDir dir;
    const QString oldPath = dir.filePath(QStringLiteral("old.md"));
    const QString newPath = dir.filePath(QStringLiteral("new.md"));
    const bool haveGit = !QStandardPaths::findExecutable(QStringLiteral("git")).isEmpty();
    const bool haveDiff = !QStandardPaths::findExecutable(QStringLiteral("diff")).isEmpty();

    std::printf("diff: a pair of policies of 20,000 lines (median of 5)\n");
    for (double share : {0.05, 0.5}) {
        const Pair pair = makePair(20000, share, 7);
        write(oldPath, pair.before);
        write(newPath, pair.after);
        diff::Summary summary;
        const double engine = median([&] {
            const diff::Result r = diff::compare(read(oldPath), read(newPath));
            summary = r.summary;
        });
        const double diffU =
            haveDiff ? tool(QStringLiteral("diff"), {QStringLiteral("-u"), oldPath, newPath}) : 0;
        const double git = haveGit ? tool(QStringLiteral("git"),
                                          {QStringLiteral("diff"), QStringLiteral("--no-index"),
                                           QStringLiteral("--word-diff"), oldPath, newPath})
                                   : 0;
        std::printf("  %2.0f %% of lines edited (%.2f MB; %d changed, %d added, %d removed rows)\n",
                    share * 100, double(pair.before.toUtf8().size()) / 1e6, summary.changed,
                    summary.added, summary.removed);
        std::printf("    engine, lines + words (read, decode, align) %7.1f ms\n", engine);
        if (!cli.isEmpty()) {
            const double process = tool(cli, {QStringLiteral("diff"), QStringLiteral("--format"),
                                              QStringLiteral("unified"), oldPath, newPath});
            std::printf("    privacy-workbench diff (whole process)   %7.1f ms\n", process);
        }
        if (haveDiff)
            std::printf(
                "    diff -u                                   %7.1f ms   engine/diff -u = %.2f\n",
                diffU, engine / diffU);
        if (haveGit)
            std::printf(
                "    git diff --no-index --word-diff           %7.1f ms   engine/git = %.2f "
                "(target <= 1.0)\n",
                git, engine / git);
        if (share > 0.4)
            std::printf("    target at 50 %%: engine under 50 ms\n");
    }
    return 0;
}
