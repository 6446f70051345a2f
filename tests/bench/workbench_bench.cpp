// tools/bench's driver. Each figure is printed beside its baseline measured
// in the same run; the ratio is what counts (the machine is noisy).
//
//   workbench_bench startup --app BIN --bare BIN --workspace FILE [--runs N]
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <algorithm>
#include <cstdio>
#include <optional>

namespace {

struct StartupRun
{
    double shownMs = 0;
    double idleRssMiB = 0;
};

// Starts `program`, measures the time until it prints "shown", then reads
// the idle RSS it reports before it quits.
std::optional<StartupRun> measureStartup(const QString& program, const QStringList& args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PRIVACY_WORKBENCH_BENCH_STARTUP"), QStringLiteral("1"));
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QElapsedTimer timer;
    timer.start();
    p.start(program, args);
    StartupRun run;
    QByteArray buffer;
    bool shown = false;
    while (p.waitForReadyRead(20000)) {
        buffer += p.readAllStandardOutput();
        if (!shown && buffer.contains("shown\n")) {
            run.shownMs = double(timer.nsecsElapsed()) / 1e6;
            shown = true;
        }
        const int at = int(buffer.indexOf("idle_rss_kib "));
        if (at >= 0 && buffer.indexOf('\n', at) > at) {
            run.idleRssMiB =
                buffer.mid(at + 13, buffer.indexOf('\n', at) - at - 13).toDouble() / 1024.0;
            break;
        }
    }
    p.waitForFinished(10000);
    if (!shown || run.idleRssMiB <= 0) {
        std::fprintf(stderr, "bench: %s did not report its start-up\n", qPrintable(program));
        return std::nullopt;
    }
    return run;
}

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v[v.size() / 2];
}

int startup(const QCommandLineParser& p)
{
    const int runs = std::max(3, p.value(QStringLiteral("runs")).toInt());
    QList<double> app, bare, appRss, bareRss;
    // Alternate, so both see the same machine; the first run of each warms
    // the disk cache and is not counted.
    for (int i = 0; i <= runs; ++i) {
        auto a =
            measureStartup(p.value(QStringLiteral("app")),
                           {QStringLiteral("--workspace"), p.value(QStringLiteral("workspace")),
                            QStringLiteral("--page"), QStringLiteral("processors")});
        auto b = measureStartup(p.value(QStringLiteral("bare")), {});
        if (!a || !b)
            return 1;
        if (i == 0)
            continue;
        app << a->shownMs;
        bare << b->shownMs;
        appRss << a->idleRssMiB;
        bareRss << b->idleRssMiB;
    }
    const double appMs = median(app), bareMs = median(bare);
    std::printf("startup: first shown main window (median of %d)\n", runs);
    std::printf("  %-44s %8.1f ms\n", "privacy-workbench, demo workspace", appMs);
    std::printf("  %-44s %8.1f ms\n", "bare QMainWindow (baseline)", bareMs);
    std::printf("  %-44s %8.2f x   (target <= 2.0)\n", "ratio", appMs / bareMs);
    std::printf("idle RSS after start-up\n");
    std::printf("  %-44s %8.1f MiB (target < 80)\n", "privacy-workbench", median(appRss));
    std::printf("  %-44s %8.1f MiB\n", "bare QMainWindow (baseline)", median(bareRss));
    return 0;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("benchmark"), QStringLiteral("startup"));
    p.addOptions(
        {{QStringLiteral("app"), QStringLiteral("privacy-workbench binary"), QStringLiteral("BIN")},
         {QStringLiteral("bare"), QStringLiteral("bare window binary"), QStringLiteral("BIN")},
         {QStringLiteral("workspace"), QStringLiteral("workspace file"), QStringLiteral("FILE")},
         {QStringLiteral("runs"), QStringLiteral("runs per figure"), QStringLiteral("N"),
          QStringLiteral("9")}});
    p.addHelpOption();
    p.process(app);
    const QString which = p.positionalArguments().value(0);
    if (which == u"startup")
        return startup(p);
    std::fprintf(stderr, "bench: unknown benchmark '%s'\n%s", qPrintable(which),
                 qPrintable(p.helpText()));
    return 2;
}
