#pragma once

#include "cli/Cli.h"

#include <QStringList>
#include <QTextStream>

namespace workbench::test {

// One run of the command line's entry point in this process: its exit code
// and what it printed. Tests that include this link Workbench::cli.
struct Run
{
    int code;
    QString out;
    QString err;
};

inline Run runCli(const QStringList& args)
{
    QString out, err;
    QTextStream o(&out), e(&err);
    const int code = cli::run(QStringList{QStringLiteral("privacy-workbench")} + args, o, e);
    o.flush();
    e.flush();
    return {code, out, err};
}

} // namespace workbench::test
