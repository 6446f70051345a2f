#pragma once

#include "domain/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <optional>

namespace workbench {

// The files a letter is written as.
enum class LetterFormat
{
    Eml,  // an RFC 5322 message, opened by mail clients as a draft (X-Unsent: 1)
    Pdf,  // with a letterhead: organization, date, reference
    Docx, // WordprocessingML
    Txt   // UTF-8 plain text
};
std::optional<LetterFormat> letterFormatFromName(QStringView name); // eml, pdf, docx, txt
QString letterFormatName(LetterFormat format);

// A finished letter: its text and who it goes from and to.
struct LetterDocument
{
    QString subject;
    QString body;
    QString fromName;    // the organization
    QString fromAddress; // its privacy contact (may be empty: the mail client fills it)
    QString toName;
    QString toAddress; // the requester's, or the processor's contact address
    QString organizationName;
    QString reference; // the request's id
    QString language;  // en, de, fr: the letterhead's words and date
    QDateTime date;    // when it is written (the message's Date)
};

// The letter as the bytes of a file of `format`. An .eml needs a recipient
// address; every format refuses an empty subject or body.
Result<QByteArray> renderLetter(const LetterDocument& letter, LetterFormat format);

// The longest mailto: link letters make: mail clients and browsers cut or
// refuse longer ones (about 2,000 characters is the common limit).
constexpr int kMailtoMaxLength = 2000;
// A mailto: link (RFC 6068) that opens the letter in the officer's mail
// client: the address, subject and body percent-encoded (UTF-8, CRLF line
// breaks). Refused, with the length, when longer than `maxLength`: the .eml
// file then carries the letter.
Result<QString> mailtoUrl(const LetterDocument& letter, int maxLength = kMailtoMaxLength);

// Whether `address` looks like one e-mail address (local@domain).
bool isMailAddress(const QString& address);

} // namespace workbench
