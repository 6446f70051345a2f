#pragma once

#include "RequestService.h"
#include "domain/Letters.h"
#include "export/LetterWriter.h"

#include <QCoreApplication>

namespace workbench {

// One template as the Letter dialog lists it.
struct LetterTemplateInfo
{
    LetterKind kind = LetterKind::Acknowledgement;
    QString language;
    QString label;           // "Acknowledgement of receipt" (the window's language)
    bool customized = false; // the officer's wording, not the shipped default
};

// Which letter, for which request.
struct LetterOptions
{
    QString requestId;
    LetterKind kind = LetterKind::Acknowledgement;
    QString language = QStringLiteral("en"); // en, de, fr
    QString processorId;                     // processor-notice: the processor it goes to
    QString reasons; // refusal: why (default: the reason the request was rejected with)
};

// A letter filled in and ready for the officer to read and edit: change
// document.subject and document.body, then produce() it.
struct LetterDraft
{
    LetterOptions options;
    LetterDocument document;
    LetterFields fields; // the values the placeholders were filled with
};

// A letter produced: the file (or mailto: link) and what the history holds.
struct LetterRecord
{
    QString id;
    QString requestId;
    LetterKind kind = LetterKind::Acknowledgement;
    QString language;
    QString format; // eml, pdf, docx, txt, mailto
    QString processorId;
    QString recipient;
    QString fileName; // the file's name, without its folder
    QString sha256;   // of the bytes written (of the link's text for mailto)
    QDateTime producedAt;
    QString actor;
    QString mailto; // produceMailto(): the link
};

// The letters of a request: the templates (shipped defaults per language in
// resources/letters/, overlaid with the officer's own wording, each edit and
// reset audited), a draft filled from the request, the organization, the
// processor and the deadline rules, and the letter produced as a file. Each
// letter produced is recorded in the request's history (template, language,
// format, SHA-256 of the file) with its audit entry in one transaction; the
// processor notice moves that processor's Art. 19 task to "sent" in the
// same transaction.
class LetterService
{
    Q_DECLARE_TR_FUNCTIONS(LetterService)

public:
    LetterService(Workspace& workspace, RequestService& requests);

    // Every template in every language, for the dialog's list.
    QList<LetterTemplateInfo> templates() const;
    // The wording in use: the officer's, or the shipped default.
    Result<LetterText> templateText(LetterKind kind, const QString& language) const;
    // The shipped default.
    static Result<LetterText> defaultTemplate(LetterKind kind, const QString& language);
    bool isCustomized(LetterKind kind, const QString& language) const;
    // Saves the officer's wording (checked: known placeholders only),
    // audited with the wording before and after.
    Status saveTemplate(LetterKind kind, const QString& language, const LetterText& text);
    // Back to the shipped default, audited; nothing to do when it is in use.
    Status resetTemplate(LetterKind kind, const QString& language);
    // The wording in use as a file ("Subject: ..." header, blank line, body),
    // and a file of that form read in as the officer's wording.
    Status exportTemplate(LetterKind kind, const QString& language, const QString& path) const;
    Status importTemplate(LetterKind kind, const QString& language, const QString& path);

    // The letter filled in, or why it cannot be written now (the extension
    // letter of a request not extended, a refusal without reasons, a
    // processor without an Art. 19 task, a placeholder without a value).
    Result<LetterDraft> draft(const LetterOptions& options) const;
    // Writes the (edited) draft to `path` as `format` (readable by its owner
    // only: letters hold personal data) and records it. Refused, writing
    // nothing, when the text still holds a placeholder or "%1" marker, or an
    // .eml has no recipient address.
    Result<LetterRecord> produce(const LetterDraft& draft, LetterFormat format,
                                 const QString& path);
    // The mailto: link of the draft (when short enough), recorded as format
    // "mailto" like a file.
    Result<LetterRecord> produceMailto(const LetterDraft& draft);
    // The letters produced for a request, oldest first.
    Result<QList<LetterRecord>> letters(const QString& requestId) const;

private:
    Status checkDraft(const LetterDraft& draft) const;
    Result<LetterRecord> record(const LetterDraft& draft, const QString& format,
                                const QString& fileName, const QByteArray& bytes);

    Workspace& m_workspace;
    RequestService& m_requests;
};

} // namespace workbench
