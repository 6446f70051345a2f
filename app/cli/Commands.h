#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QTextStream>

namespace workbench::cli {

// The exit codes of every command.
enum ExitCode
{
    Success = 0,
    Problem = 1,
    BadArguments = 2,
    // sync: it ran to the end, but records it could not apply wait for the
    // next sync (a parent not there yet, a value the contract refuses).
    RecordsWaiting = 3
};

// Shared options and the usage error (prints usage, returns BadArguments).
QCommandLineOption workspaceOption();
QCommandLineOption formatOption(const QString& formats);
int usageError(QTextStream& err, const QString& message);

// Output shared by the commands: rows as aligned text, RFC 4180 CSV, or a
// JSON array of objects (empty cells are null).
void printTable(QTextStream& out, const QString& format, const QStringList& header,
                const QList<QStringList>& rows);

// One function per command; the table and dispatch are in Cli.cpp.
int runInitDemo(QCommandLineParser& p, QTextStream& out, QTextStream& err);
int runVerify(QCommandLineParser& p, QTextStream& out, QTextStream& err);
int runDue(QCommandLineParser& p, QTextStream& out, QTextStream& err);
int runRequests(QCommandLineParser& p, QTextStream& out, QTextStream& err);
int runRequest(QCommandLineParser& p, QTextStream& out, QTextStream& err);
int runRetention(QCommandLineParser& p, QTextStream& out, QTextStream& err);
int runExportAnnex(QCommandLineParser& p, QTextStream& out, QTextStream& err);
int runImportProcessors(QCommandLineParser& p, QTextStream& out, QTextStream& err);
int runDiff(QCommandLineParser& p, QTextStream& out, QTextStream& err);
int runLint(QCommandLineParser& p, QTextStream& out, QTextStream& err);
int runExtract(QCommandLineParser& p, QTextStream& out, QTextStream& err);
int runSync(QCommandLineParser& p, QTextStream& out, QTextStream& err);
int runLetter(QCommandLineParser& p, QTextStream& out, QTextStream& err);
int runSubprocessorList(QCommandLineParser& p, QTextStream& out, QTextStream& err);
int runNotices(QCommandLineParser& p, QTextStream& out, QTextStream& err);
int runBreachClock(QCommandLineParser& p, QTextStream& out, QTextStream& err);
int runIncidents(QCommandLineParser& p, QTextStream& out, QTextStream& err);

} // namespace workbench::cli
