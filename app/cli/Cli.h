#pragma once

#include <QStringList>
#include <QTextStream>
#include <optional>

namespace workbench::cli {

// The headless commands of privacy-workbench. They link the core only and
// never open a window.
//
// Exit codes: 0 success, 1 the command ran and found a problem (or failed),
// 2 wrong arguments (usage is printed), a workspace FILE that does not exist
// (only init-demo and --create make one), or input the rules cannot count.

// True when `arguments` (as from QCoreApplication::arguments()) ask for a
// command rather than the window.
bool isCommand(const QStringList& arguments);

int run(const QStringList& arguments, QTextStream& out, QTextStream& err);

QString usage();

// What the window was asked to open.
struct WindowOptions
{
    QString workspace; // empty: the default (demo) workspace
    QString page;
    QString organization;
    bool create = false; // make `workspace` when it does not exist
};

// Reads the window's options; on wrong arguments, prints usage to `err`
// and returns nullopt (exit code 2).
std::optional<WindowOptions> parseWindowOptions(const QStringList& arguments, QTextStream& err);

} // namespace workbench::cli
