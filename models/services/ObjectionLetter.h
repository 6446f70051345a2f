#pragma once

#include "domain/Records.h"
#include "domain/VendorWatch.h"

#include <QCoreApplication>

namespace workbench {

// What an objection to a vendor's sub-processor changes is written from.
struct ObjectionInput
{
    SubprocessorNotice notice;
    Processor vendor;
    QString organization;                    // the controller's name
    QString language = QStringLiteral("en"); // en, de or fr
    QString signer;
    QString reasons; // the officer's own words (optional)
    QDate date;      // the letter's date
};

struct ObjectionLetter
{
    QString language;
    QString subject;
    QString to;   // the vendor's contact address
    QString body; // plain text, the subject line left out
};

// A small self-contained renderer for the objection letter: a template per
// language (resources/vendorwatch/objection_<lang>.txt) filled with the
// notice's added and changed sub-processors, written as text, e-mail (.eml)
// or PDF.
class ObjectionLetters
{
    Q_DECLARE_TR_FUNCTIONS(ObjectionLetters)

public:
    static QStringList languages()
    {
        return {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("fr")};
    }
    static Result<ObjectionLetter> compose(const ObjectionInput& input);
    // The letter as an RFC 5322 message (UTF-8, quoted-printable body).
    static QByteArray toEml(const ObjectionLetter& letter, const QString& from);
    // Writes .txt, .eml or .pdf (by the suffix of `path`).
    static Status write(const ObjectionLetter& letter, const QString& path,
                        const QString& from = {});
};

} // namespace workbench
