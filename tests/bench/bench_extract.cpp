// Extraction benchmark: a 200 KB policy made of the development set's real
// policies (tests/data/extract-devset/policies, one after another until
// 200 KB), extracted with the built-in catalogue: organisations, owner,
// retention and other durations. Prints the median of 9 runs beside a
// baseline measured in the same run (splitting the text into sentences, the
// floor any extraction pays). Target: under 50 ms.
#include "policy/PolicyExtract.h"
#include "policy/ProcessorCatalogue.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <algorithm>
#include <cstdio>
#include <functional>
#include <time.h>

using namespace workbench;

namespace {

double cpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

struct Timing
{
    double wall;
    double cpu; // this thread's CPU time: what the work costs on a busy machine
};

Timing median(int runs, const std::function<void()>& work)
{
    std::vector<double> wall, cpu;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        const double c = cpuMs();
        work();
        cpu.push_back(cpuMs() - c);
        wall.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    std::sort(wall.begin(), wall.end());
    std::sort(cpu.begin(), cpu.end());
    return {wall[wall.size() / 2], cpu[cpu.size() / 2]};
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 2) {
        std::fprintf(stderr, "usage: bench_extract POLICY_DIR\n");
        return 2;
    }
    const QDir dir(args[1]);
    QString text;
    const QStringList files = dir.entryList({QStringLiteral("*.md")}, QDir::Files, QDir::Name);
    for (int i = 0; text.size() < 200 * 1024 && !files.isEmpty(); ++i) {
        auto part = readPolicyFile(dir.filePath(files[i % files.size()]));
        if (!part) {
            std::fprintf(stderr, "%s\n", qPrintable(part.error()));
            return 2;
        }
        text += part.value() + u'\n';
    }
    if (text.isEmpty()) {
        std::fprintf(stderr, "no policies in %s\n", qPrintable(args[1]));
        return 2;
    }
    text.truncate(200 * 1024);
    const ProcessorCatalogue& catalogue = ProcessorCatalogue::builtIn();
    const policy::NameMatcher names({}, &catalogue);
    size_t found = 0, periods = 0;
    const Timing extractMs = median(9, [&] {
        const policy::Extraction ex = policy::extract(text, names, {}, &catalogue);
        found = ex.processors.size();
        periods = ex.retention.size();
    });
    const Timing splitMs = median(9, [&] { policy::splitSentences(text); });
    std::printf("== Policy extraction, %lld KB policy (%zu organisation mentions, %zu retention "
                "statements)\n",
                static_cast<long long>(text.size() / 1024), found, periods);
    std::printf("  extract      %8.1f ms wall %8.1f ms CPU   (target < 50 ms)\n", extractMs.wall,
                extractMs.cpu);
    std::printf("  sentences    %8.1f ms wall %8.1f ms CPU   (baseline)\n", splitMs.wall,
                splitMs.cpu);
    return 0;
}
