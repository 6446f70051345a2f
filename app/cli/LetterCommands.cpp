#include "Commands.h"
#include "services/LetterService.h"
#include "services/Session.h"

#include <QCoreApplication>

namespace workbench::cli {

namespace {

// The context of this file's messages.
struct LetterCommand
{
    Q_DECLARE_TR_FUNCTIONS(LetterCommand)
};

} // namespace

int runLetter(QCommandLineParser& p, QTextStream& out, QTextStream& err)
{
    for (const char* required : {"request", "template"}) {
        if (p.value(QLatin1String(required)).isEmpty())
            return usageError(err,
                              LetterCommand::tr("letter needs --%1").arg(QLatin1String(required)));
    }
    if (!p.isSet(QStringLiteral("format")))
        return usageError(err, LetterCommand::tr("letter needs --format eml|pdf|docx|txt"));
    if (p.value(QStringLiteral("output")).isEmpty())
        return usageError(err, LetterCommand::tr("letter needs -o OUT"));
    const QString templateName = p.value(QStringLiteral("template"));
    const auto kind = fromWire<LetterKind>(templateName);
    if (!kind)
        return usageError(
            err, LetterCommand::tr("--template '%1' is not one of: %2")
                     .arg(templateName, wireNames<LetterKind>().join(QStringLiteral(", "))));
    const QString formatName = p.value(QStringLiteral("format"));
    const auto format = letterFormatFromName(formatName);
    if (!format)
        return usageError(
            err, LetterCommand::tr("--format '%1' is not eml, pdf, docx or txt").arg(formatName));
    const QString language = p.value(QStringLiteral("language"));
    if (!letterLanguages().contains(language))
        return usageError(err, LetterCommand::tr("--language '%1' is not one of: %2")
                                   .arg(language, letterLanguages().join(QStringLiteral(", "))));
    if (*kind == LetterKind::ProcessorNotice && p.value(QStringLiteral("processor")).isEmpty())
        return usageError(err,
                          LetterCommand::tr("--template processor-notice needs --processor ID"));
    if (*kind != LetterKind::ProcessorNotice && p.isSet(QStringLiteral("processor")))
        return usageError(
            err, LetterCommand::tr("--processor goes with --template processor-notice only"));

    auto ws = openWorkspace(p.value(QStringLiteral("workspace")));
    if (!ws) {
        err << "privacy-workbench letter: " << ws.error() << '\n';
        return Problem;
    }
    RequestService requests(*ws.value());
    LetterService letters(*ws.value(), requests);
    LetterOptions options;
    options.requestId = p.value(QStringLiteral("request"));
    options.kind = *kind;
    options.language = language;
    options.processorId = p.value(QStringLiteral("processor"));
    options.reasons = p.value(QStringLiteral("reason"));
    auto draft = letters.draft(options);
    if (!draft) {
        err << "privacy-workbench letter: " << draft.error() << '\n';
        return Problem;
    }
    const QString output = p.value(QStringLiteral("output"));
    auto produced = letters.produce(draft.value(), *format, output);
    if (!produced) {
        err << "privacy-workbench letter: " << produced.error() << '\n';
        return Problem;
    }
    out << LetterCommand::tr("Wrote the %1 letter (%2, %3) for %4 to %5\nSHA-256 %6\n")
               .arg(toWire(produced->kind), produced->language, produced->format,
                    produced->requestId, output, produced->sha256);
    return Success;
}

} // namespace workbench::cli
