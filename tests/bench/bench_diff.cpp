// Diff benchmark: a pair of ~1 MB policies (20,000 lines) with ~5 % of the
// lines changed, then with half of them changed. Prints the line + word diff
// of the engine beside `diff -u` and `git diff --no-index --word-diff` on the
// same files in the same run (median of 5 each). Targets: ratio to git's
// word diff <= 1.0; under 50 ms at 50 % changed lines.
//
// Then the JSON outputs of the CLI on big inputs, as whole processes: wall
// time and peak RSS of `diff --format json` on a 2 MB pair of one-character
// lines (half of them changed) beside `diff -u` and the unified output of
// the same binary, and of `extract --format json` on a 50 MB policy beside
// its text output. Target: peak RSS a small multiple of the input.
#include "policy/TextDiff.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <fcntl.h>
#include <functional>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

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

struct ProcessCost
{
    double ms = 0;
    double peakMiB = 0;
    double outputMB = 0;
};

// Runs `program` once, its output into `output`: wall time, peak RSS (from
// wait4) and the size of what it wrote.
ProcessCost measureProcess(const QString& program, const QStringList& args, const QString& output)
{
    QList<QByteArray> storage{QFile::encodeName(program)};
    for (const QString& a : args)
        storage << a.toLocal8Bit();
    std::vector<char*> argv;
    for (QByteArray& a : storage)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    const QByteArray out = QFile::encodeName(output);
    QElapsedTimer t;
    t.start();
    const pid_t pid = fork();
    if (pid == 0) {
        const int fd = ::open(out.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (fd >= 0)
            dup2(fd, 1);
        execvp(argv[0], argv.data());
        _exit(127);
    }
    ProcessCost cost;
    int status = 0;
    struct rusage usage
    {};
    if (pid > 0 && wait4(pid, &status, 0, &usage) == pid) {
        cost.ms = double(t.nsecsElapsed()) / 1e6;
        cost.peakMiB = double(usage.ru_maxrss) / 1024.0;
        cost.outputMB = double(QFileInfo(output).size()) / 1e6;
    }
    return cost;
}

void printCost(const char* label, const ProcessCost& c, double inputMB)
{
    std::printf("    %-44s %8.0f ms %8.1f MiB (%5.1f x input) output %7.1f MB\n", label, c.ms,
                c.peakMiB, c.peakMiB * 1.048576 / inputMB, c.outputMB);
}

// One-character lines drawn from ten digits, half of them redrawn: no line
// is rare enough to anchor on, the worst case for the line alignment.
Pair shortLines(int lines, quint32 seed)
{
    QRandomGenerator rng(seed);
    QString before, after;
    before.reserve(lines * 2);
    after.reserve(lines * 2);
    for (int i = 0; i < lines; ++i) {
        const QChar c = QLatin1Char(char('0' + rng.bounded(10)));
        before += c;
        before += QLatin1Char('\n');
        after += rng.bounded(2) ? c : QLatin1Char(char('0' + rng.bounded(10)));
        after += QLatin1Char('\n');
    }
    return {before, after};
}

// About `bytes` of short lines (one to four words), a third of them edited:
// a word replaced, a line inserted or deleted.
Pair shortSentences(qint64 bytes, quint32 seed)
{
    QRandomGenerator rng(seed);
    const QStringList words = vocabulary(rng);
    auto sentence = [&] {
        QStringList parts;
        for (int i = int(rng.bounded(1, 5)); i > 0; --i)
            parts << words[int(rng.bounded(quint32(words.size())))];
        return parts.join(QLatin1Char(' '));
    };
    QStringList before, after;
    qint64 size = 0;
    while (size < bytes) {
        before << sentence();
        size += before.last().size() + 1;
    }
    for (const QString& l : before) {
        const double r = rng.generateDouble();
        if (r < 0.05)
            continue; // deleted
        if (r < 0.1)
            after << sentence(); // inserted before
        if (r >= 0.1 && r < 0.33) {
            QStringList w = l.split(QLatin1Char(' '));
            w[int(rng.bounded(quint32(w.size())))] = words[int(rng.bounded(quint32(words.size())))];
            after << w.join(QLatin1Char(' '));
        } else {
            after << l;
        }
    }
    return {before.join(QLatin1Char('\n')) + QLatin1Char('\n'),
            after.join(QLatin1Char('\n')) + QLatin1Char('\n')};
}

// A policy of `bytes`: the demo policies (processors, retention periods)
// over and over.
QString bigPolicy(qint64 bytes)
{
    QString seed;
    for (const QString& name : QDir(QStringLiteral(":/demo/policies")).entryList(QDir::Files)) {
        QFile f(QStringLiteral(":/demo/policies/") + name);
        if (f.open(QIODevice::ReadOnly))
            seed += QString::fromUtf8(f.readAll());
    }
    if (seed.isEmpty())
        seed = QStringLiteral("We share payment data with Stripe and keep logs for 90 days. "
                              "Invoices are kept for 7 years. ");
    QString text;
    text.reserve(bytes + seed.size());
    while (text.size() < bytes)
        text += seed;
    return text;
}

void bigDiff(const char* what, const Pair& pair, const QString& cli, const QTemporaryDir& dir,
             bool haveDiff)
{
    const QString oldPath = dir.filePath(QStringLiteral("short-old.txt"));
    const QString newPath = dir.filePath(QStringLiteral("short-new.txt"));
    const QString out = dir.filePath(QStringLiteral("out"));
    write(oldPath, pair.before);
    write(newPath, pair.after);
    const double inputMB = double(pair.before.size() + pair.after.size()) / 1e6;
    std::printf("  diff of a %.1f MB pair of %s\n", inputMB / 2, what);
    for (const char* format : {"json", "unified"})
        printCost(format[0] == 'j' ? "privacy-workbench diff --format json"
                                   : "privacy-workbench diff --format unified",
                  measureProcess(cli,
                                 {QStringLiteral("diff"), QStringLiteral("--format"),
                                  QLatin1String(format), oldPath, newPath},
                                 out),
                  inputMB);
    if (haveDiff)
        printCost(
            "diff -u (baseline)",
            measureProcess(QStringLiteral("diff"), {QStringLiteral("-u"), oldPath, newPath}, out),
            inputMB);
}

void bigInputs(const QString& cli, const QTemporaryDir& dir, bool haveDiff)
{
    const QString out = dir.filePath(QStringLiteral("out"));
    std::printf("big inputs through the CLI (whole process, one run each)\n");
    bigDiff("short lines (1-4 words), a third edited", shortSentences(2'000'000, 13), cli, dir,
            haveDiff);
    bigDiff("one-character lines, half changed", shortLines(1'000'000, 11), cli, dir, haveDiff);

    const QString policy = dir.filePath(QStringLiteral("big.md"));
    write(policy, bigPolicy(50'000'000));
    const double policyMB = double(QFileInfo(policy).size()) / 1e6;
    std::printf("  extract from a %.0f MB policy\n", policyMB);
    printCost("privacy-workbench extract --format json",
              measureProcess(cli,
                             {QStringLiteral("extract"), QStringLiteral("--format"),
                              QStringLiteral("json"), policy},
                             out),
              policyMB);
    printCost("privacy-workbench extract --format text",
              measureProcess(cli,
                             {QStringLiteral("extract"), QStringLiteral("--format"),
                              QStringLiteral("text"), policy},
                             out),
              policyMB);
    printCost("wc -c (baseline: reading the file)",
              measureProcess(QStringLiteral("wc"), {QStringLiteral("-c"), policy}, out), policyMB);
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
    if (!cli.isEmpty())
        bigInputs(cli, dir, haveDiff);
    return 0;
}
