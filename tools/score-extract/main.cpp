// score-extract DIR [--details]: scores the policy extractor against a
// hand-labelled set (DIR/labels/*.json and the policies they name) and prints
// recall and precision per policy and overall, for the processors and the
// retention periods. Exit 0, or 2 when the set cannot be read.
// score-extract --file POLICY: the extraction of one policy, as JSON.

#include "policy/ExtractScore.h"
#include "policy/PolicyText.h"
#include "policy/ProcessorCatalogue.h"

#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    const bool details = args.removeAll(QStringLiteral("--details")) > 0;
    QTextStream out(stdout);
    QTextStream err(stderr);
    const bool file = args.removeAll(QStringLiteral("--file")) > 0;
    if (file && args.size() == 1) {
        auto text = workbench::readPolicyFile(args.front());
        if (!text) {
            err << "score-extract: " << text.error() << '\n';
            return 2;
        }
        const auto& catalogue = workbench::ProcessorCatalogue::builtIn();
        workbench::policy::extract(text.value(), workbench::policy::NameMatcher({}, &catalogue), {},
                                   &catalogue)
            .writeJson(out, text.value());
        return 0;
    }
    if (args.size() != 1) {
        err << "usage: score-extract DIR [--details] | --file POLICY\n";
        return 2;
    }
    auto scores = workbench::policy::scoreLabelledSet(args.front(),
                                                      &workbench::ProcessorCatalogue::builtIn());
    if (!scores) {
        err << "score-extract: " << scores.error() << '\n';
        return 2;
    }
    workbench::policy::printScores(out, scores.value(), details);
    return 0;
}
