#pragma once

#include "Deadlines.h"
#include "Enums.h"
#include "Result.h"

#include <QCoreApplication>
#include <QDate>
#include <QHash>
#include <QJsonObject>
#include <QLocale>
#include <QString>
#include <QStringList>

namespace workbench {

// The letters a request may need: receipt, identity questions, the
// extension notice, a refusal, the answer, and the notice to a processor
// (GDPR Art. 19).
enum class LetterKind
{
    Acknowledgement,
    Identity,
    Extension,
    Refusal,
    Completion,
    ProcessorNotice
};
template <> struct EnumTraits<LetterKind>
{
    static const std::array<EnumEntry<LetterKind>, 6> entries;
};

// The languages letters are written in ("en", "de", "fr").
const QStringList& letterLanguages();
// The locale a letter's dates are written in (en: British English).
QLocale letterLocale(const QString& language);
// A date as a letter in `language` writes it: "3 March 2026", "3. März 2026",
// "3 mars 2026".
QString letterDate(QDate date, const QString& language);
// A legal period in words: "2 months", "45 Tage", "30 jours calendaires".
QString letterPeriod(const LegalPeriod& period, const QString& language);

// A letter's text: its subject line and body. As a file (the shipped
// defaults, an exported template) a header of "Subject: ..." lines, a blank
// line, then the body.
struct LetterText
{
    QString subject;
    QString body;

    friend bool operator==(const LetterText&, const LetterText&) = default;
};

// The placeholders a template may use ({{name}}), in the order they are
// documented.
const QStringList& letterPlaceholders();
// The values the placeholders are filled with, by name.
using LetterFields = QHash<QString, QString>;

class LetterTemplates
{
    Q_DECLARE_TR_FUNCTIONS(LetterTemplates)

public:
    // Reads the file form; `source` names it in the error.
    static Result<LetterText> parse(const QString& text, const QString& source);
    // The file form of `text` (what parse() reads back).
    static QString format(const LetterText& text);
    // The placeholders `text` names, each once, in order of appearance.
    static QStringList placeholdersIn(const QString& text);
    // Ok, or what is wrong with a template: an empty subject or body, a
    // placeholder that is not one of letterPlaceholders(), a brace pair left
    // open, or a "%1"-style marker (which nothing fills).
    static Status check(const LetterText& text, const QString& source);
    // The template with every placeholder replaced by its field; refused,
    // naming them, when a placeholder is unknown or has no (or an empty)
    // value. Values are inserted as they are (a value is never read as a
    // template).
    static Result<LetterText> fill(const LetterText& text, const LetterFields& fields);
    // The markers a finished letter must not hold ("{{name}}", "%1"), each
    // once: a letter the officer edited is checked with this before it goes.
    static QStringList leftovers(const QString& text);
};

// The wording the letters take from the law (resources/rules/letters.json):
// per jurisdiction and language the law's name, the citation of each letter,
// each right and its citation, the remedies a refusal names and the
// supervisory authority. English is the fallback of a missing language.
class LetterLaw
{
    Q_DECLARE_TR_FUNCTIONS(LetterLaw)

public:
    static Result<LetterLaw> fromJson(const QJsonObject& json);
    // The table the app ships.
    static const LetterLaw& defaults();

    QString lawName(Jurisdiction j, const QString& language) const;
    QString citation(Jurisdiction j, LetterKind kind, const QString& language) const;
    // "right of access (Art. 15 GDPR)".
    QString right(Jurisdiction j, RequestType type, const QString& language) const;
    // The refusal's remedies paragraph; names the authority as
    // {{authority_name}}.
    QString remedies(Jurisdiction j, const QString& language) const;
    // The authority of `country` (ISO 3166 alpha-2, the organization's) if
    // the table names one for it, else the jurisdiction's default.
    QString authority(Jurisdiction j, const QString& country, const QString& language) const;
    // The law's words for the controller and the processor ("Verantwortlicher",
    // "sous-traitant", "service provider").
    QString controllerTerm(Jurisdiction j, const QString& language) const;
    QString processorTerm(Jurisdiction j, const QString& language) const;
    // What a processor is asked to do for a request of `type` ("erasure of
    // the personal data"); empty for types not passed on to processors.
    QString processorAction(RequestType type, const QString& language) const;

private:
    QString text(const QJsonValue& value, const QString& language) const;
    QJsonObject m_json;
};

} // namespace workbench
