#include "LetterService.h"

#include "domain/Resources.h"
#include "export/ExportFile.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QUrl>
#include <QUuid>

namespace workbench {

namespace {

QString templateKey(LetterKind kind, const QString& language)
{
    return toWire(kind) + u'/' + language;
}

QJsonObject templateJson(const LetterText& text, bool customized)
{
    return {{QStringLiteral("subject"), text.subject},
            {QStringLiteral("body"), text.body},
            {QStringLiteral("customized"), customized}};
}

// The organization's country (ISO 3166 alpha-2): a "country" field the
// server sent, else its website's country domain (.fr, .de).
QString countryOf(const Organization& org)
{
    const QString stated = org.meta.extra.value(QLatin1String("country")).toString().trimmed();
    if (stated.size() == 2)
        return stated.toUpper();
    const QString host = QUrl::fromUserInput(org.website).host();
    const QString tld = host.section(u'.', -1).toUpper();
    if (tld.size() == 2 && tld != u"AI" && tld != u"IO" && tld != u"CO" && tld != u"ME")
        return tld == u"UK" ? QStringLiteral("GB") : tld;
    return {};
}

QString contactAddress(const QString& contact)
{
    const QString c = contact.trimmed();
    if (isMailAddress(c))
        return c;
    if (c.startsWith(u"mailto:") && isMailAddress(c.mid(7)))
        return c.mid(7);
    return {};
}

} // namespace

LetterService::LetterService(Workspace& workspace, RequestService& requests)
    : m_workspace(workspace)
    , m_requests(requests)
{}

// --- Templates ---------------------------------------------------------------

Result<LetterText> LetterService::defaultTemplate(LetterKind kind, const QString& language)
{
    if (!letterLanguages().contains(language))
        return Error{tr("Letters are written in %1, not \"%2\".")
                         .arg(letterLanguages().join(QStringLiteral(", ")), language)};
    const QString path = QStringLiteral(":/letters/%1/%2.txt").arg(language, toWire(kind));
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error{tr("The shipped template %1 is missing.").arg(path)};
    return LetterTemplates::parse(QString::fromUtf8(f.readAll()), path);
}

Result<LetterText> LetterService::templateText(LetterKind kind, const QString& language) const
{
    QSqlQuery q(m_workspace.database().connection());
    q.prepare(QStringLiteral(
        "SELECT subject, body FROM letter_templates WHERE template = ? AND language = ?"));
    q.addBindValue(toWire(kind));
    q.addBindValue(language);
    if (!q.exec())
        return sqlError(tr("Reading the letter template %1").arg(templateKey(kind, language)), q);
    if (q.next())
        return LetterText{q.value(0).toString(), q.value(1).toString()};
    return defaultTemplate(kind, language);
}

bool LetterService::isCustomized(LetterKind kind, const QString& language) const
{
    QSqlQuery q(m_workspace.database().connection());
    q.prepare(QStringLiteral("SELECT 1 FROM letter_templates WHERE template = ? AND language = ?"));
    q.addBindValue(toWire(kind));
    q.addBindValue(language);
    return q.exec() && q.next();
}

QList<LetterTemplateInfo> LetterService::templates() const
{
    QList<LetterTemplateInfo> all;
    for (const QString& language : letterLanguages()) {
        for (const auto& e : EnumTraits<LetterKind>::entries)
            all.append({e.value, language, displayLabel(e.value), isCustomized(e.value, language)});
    }
    return all;
}

Status LetterService::saveTemplate(LetterKind kind, const QString& language, const LetterText& text)
{
    if (!letterLanguages().contains(language))
        return Error{tr("Letters are written in %1, not \"%2\".")
                         .arg(letterLanguages().join(QStringLiteral(", ")), language)};
    const QString key = templateKey(kind, language);
    if (auto ok = LetterTemplates::check(text, key); !ok)
        return ok;
    auto before = templateText(kind, language);
    if (!before)
        return Error{before.error()};
    return m_workspace.record(
        resource::letterTemplates, key, templateJson(before.value(), isCustomized(kind, language)),
        templateJson(text, true), tr("Edit the letter template %1").arg(key), {}, [&]() -> Status {
            QSqlQuery q(m_workspace.database().connection());
            q.prepare(QStringLiteral(
                "INSERT INTO letter_templates (template, language, subject, body, updated_at, "
                "updated_by) VALUES (?,?,?,?,?,?) ON CONFLICT(template, language) DO UPDATE SET "
                "subject = excluded.subject, body = excluded.body, "
                "updated_at = excluded.updated_at, updated_by = excluded.updated_by"));
            q.addBindValue(toWire(kind));
            q.addBindValue(language);
            q.addBindValue(text.subject);
            q.addBindValue(text.body);
            q.addBindValue(m_requests.now().toUTC().toString(Qt::ISODateWithMs));
            q.addBindValue(m_workspace.actor());
            if (!q.exec())
                return sqlError(tr("Saving the letter template %1").arg(key), q);
            return {};
        });
}

Status LetterService::resetTemplate(LetterKind kind, const QString& language)
{
    auto shipped = defaultTemplate(kind, language);
    if (!shipped)
        return Error{shipped.error()};
    if (!isCustomized(kind, language))
        return {};
    auto before = templateText(kind, language);
    if (!before)
        return Error{before.error()};
    const QString key = templateKey(kind, language);
    return m_workspace.record(resource::letterTemplates, key, templateJson(before.value(), true),
                              templateJson(shipped.value(), false),
                              tr("Reset the letter template %1 to the shipped wording").arg(key),
                              QStringLiteral("reset"), [&]() -> Status {
                                  QSqlQuery q(m_workspace.database().connection());
                                  q.prepare(QStringLiteral("DELETE FROM letter_templates WHERE "
                                                           "template = ? AND language = ?"));
                                  q.addBindValue(toWire(kind));
                                  q.addBindValue(language);
                                  if (!q.exec())
                                      return sqlError(
                                          tr("Resetting the letter template %1").arg(key), q);
                                  return {};
                              });
}

Status LetterService::exportTemplate(LetterKind kind, const QString& language,
                                     const QString& path) const
{
    auto text = templateText(kind, language);
    if (!text)
        return Error{text.error()};
    return writeExportFile(path, LetterTemplates::format(text.value()).toUtf8(),
                           FileAccess::Shared);
}

Status LetterService::importTemplate(LetterKind kind, const QString& language, const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error{tr("Cannot read %1: %2").arg(path, f.errorString())};
    if (f.size() > 1 << 20)
        return Error{tr("%1 is larger than a letter template can be (1 MiB).").arg(path)};
    const QByteArray bytes = f.readAll();
    const QString text = QString::fromUtf8(bytes);
    if (text.contains(QChar::ReplacementCharacter))
        return Error{tr("%1 is not UTF-8 text.").arg(path)};
    auto parsed = LetterTemplates::parse(text, path);
    if (!parsed)
        return Error{parsed.error()};
    return saveTemplate(kind, language, parsed.value());
}

// --- Drafts ------------------------------------------------------------------

Result<LetterDraft> LetterService::draft(const LetterOptions& options) const
{
    const QString& lang = options.language;
    if (!letterLanguages().contains(lang))
        return Error{tr("Letters are written in %1, not \"%2\".")
                         .arg(letterLanguages().join(QStringLiteral(", ")), lang)};
    auto detail = m_requests.detail(options.requestId);
    if (!detail)
        return Error{detail.error()};
    const RequestSnapshot& s = detail->snapshot;
    const RightsRequest& r = s.request;
    const Jurisdiction j = r.jurisdiction;
    const Deadlines& d = detail->deadlines;

    auto orgs = m_workspace.organizations();
    if (!orgs)
        return Error{orgs.error()};
    Organization org;
    for (const Organization& o : orgs.value())
        if (o.id == r.organizationId)
            org = o;

    const LetterLaw& law = LetterLaw::defaults();
    LetterDraft out;
    out.options = options;
    LetterFields& f = out.fields;
    const DeadlineInput input = m_requests.deadlineRules().inputOf(r, s.pausedDays);
    f[QStringLiteral("requester_name")] = r.subjectName.isEmpty() ? r.subjectEmail : r.subjectName;
    f[QStringLiteral("requester_email")] = r.subjectEmail;
    f[QStringLiteral("request_id")] = r.id;
    f[QStringLiteral("received_date")] = letterDate(input.received, lang);
    f[QStringLiteral("due_date")] = letterDate(d.responseDue, lang);
    f[QStringLiteral("original_due_date")] = letterDate(d.originalDue, lang);
    f[QStringLiteral("extended_due_date")] = letterDate(r.extendedUntil, lang);
    if (detail->rule.extension)
        f[QStringLiteral("extension_period")] = letterPeriod(*detail->rule.extension, lang);
    f[QStringLiteral("extension_reasons")] = r.extensionReason;
    f[QStringLiteral("refusal_reasons")] =
        !options.reasons.trimmed().isEmpty()
            ? options.reasons.trimmed()
            : (r.status == RequestStatus::Rejected ? s.outcome : QString());
    f[QStringLiteral("today")] = letterDate(m_requests.now().date(), lang);
    f[QStringLiteral("organization_name")] =
        org.name.isEmpty() ? detail->organizationName : org.name;
    f[QStringLiteral("controller_contact")] = org.privacyContact;
    const QString dpo = org.meta.extra.value(QLatin1String("dpo_contact")).toString();
    f[QStringLiteral("dpo_contact")] = dpo.isEmpty() ? org.privacyContact : dpo;
    f[QStringLiteral("controller_term")] = law.controllerTerm(j, lang);
    f[QStringLiteral("processor_term")] = law.processorTerm(j, lang);
    f[QStringLiteral("law_name")] = law.lawName(j, lang);
    f[QStringLiteral("citation")] = law.citation(j, options.kind, lang);
    f[QStringLiteral("right")] = law.right(j, r.type, lang);
    const QString authority = law.authority(j, countryOf(org), lang);
    f[QStringLiteral("authority_name")] = authority;
    f[QStringLiteral("remedies")] =
        law.remedies(j, lang).replace(QLatin1String("{{authority_name}}"), authority);

    LetterDocument& doc = out.document;
    doc.organizationName = f.value(QStringLiteral("organization_name"));
    doc.fromName = doc.organizationName;
    doc.fromAddress = contactAddress(org.privacyContact);
    doc.reference = r.id;
    doc.language = lang;
    doc.date = m_requests.now().toLocalTime();
    doc.toName = r.subjectName;
    doc.toAddress = r.subjectEmail;

    // What each letter needs from the request.
    switch (options.kind) {
    case LetterKind::Extension:
        if (!r.extendedUntil.isValid())
            return Error{tr("Request %1 is not extended: extend the request first (with its "
                            "reason); the extension letter tells the requester of an extension, "
                            "it does not make one.")
                             .arg(r.id)};
        break;
    case LetterKind::Refusal:
        if (f.value(QStringLiteral("refusal_reasons")).isEmpty())
            return Error{tr("A refusal letter needs its reasons: give them, or close the request "
                            "as rejected with its reason.")};
        break;
    case LetterKind::ProcessorNotice: {
        if (!RequestWorkflow::needsProcessorTasks(r.type))
            return Error{tr("Request %1 is a %2 request: only erasure, rectification and "
                            "restriction are passed on to processors (GDPR Art. 19).")
                             .arg(r.id, displayLabel(r.type).toLower())};
        if (options.processorId.isEmpty())
            return Error{tr("The processor notice needs the processor it goes to.")};
        auto processor = m_workspace.processor(options.processorId);
        if (!processor)
            return Error{processor.error()};
        if (!processor.value())
            return Error{tr("There is no processor %1.").arg(options.processorId)};
        const Processor& p = *processor.value();
        const auto task = std::find_if(s.tasks.begin(), s.tasks.end(),
                                       [&](const RequestTask& t) { return t.processorId == p.id; });
        if (task == s.tasks.end())
            return Error{tr("%1 has no Art. 19 task on request %2: create the processor tasks "
                            "first.")
                             .arg(p.name, r.id)};
        if (task->state == TaskState::NotNeeded)
            return Error{
                tr("The task of %1 on request %2 is marked not needed.").arg(p.name, r.id)};
        f[QStringLiteral("processor_name")] = p.legalEntity.isEmpty() ? p.name : p.legalEntity;
        f[QStringLiteral("processor_action")] = law.processorAction(r.type, lang);
        doc.toName = f.value(QStringLiteral("processor_name"));
        doc.toAddress = contactAddress(p.contact);
        break;
    }
    default:
        break;
    }

    auto text = templateText(options.kind, lang);
    if (!text)
        return Error{text.error()};
    auto filled = LetterTemplates::fill(text.value(), f);
    if (!filled) {
        // Say where the missing values come from.
        QStringList hints;
        for (const QString& name : LetterTemplates::placeholdersIn(text->subject + text->body)) {
            if (!f.value(name).trimmed().isEmpty())
                continue;
            if (name == u"controller_contact" || name == u"dpo_contact")
                hints << tr("the organization has no privacy contact");
            else if (name == u"extension_period")
                hints << tr("the %1 rule allows no extension").arg(detail->rule.name);
            else if (name == u"extended_due_date" || name == u"extension_reasons")
                hints << tr("the request is not extended");
            else if (name == u"refusal_reasons")
                hints << tr("no refusal reasons were given");
            else if (name == u"processor_name" || name == u"processor_action")
                hints << tr("only the processor notice names a processor");
        }
        hints.removeDuplicates();
        return Error{hints.isEmpty() ? filled.error()
                                     : filled.error() + u' ' +
                                           tr("(%1)").arg(hints.join(QStringLiteral("; ")))};
    }
    doc.subject = filled->subject;
    doc.body = filled->body;
    return out;
}

// --- Producing ---------------------------------------------------------------

Status LetterService::checkDraft(const LetterDraft& draft) const
{
    const QStringList left =
        LetterTemplates::leftovers(draft.document.subject + u'\n' + draft.document.body);
    if (!left.isEmpty())
        return Error{tr("The letter still holds %1: fill in or remove them before it goes out.")
                         .arg(left.join(QStringLiteral(", ")))};
    if (draft.document.subject.trimmed().isEmpty() || draft.document.body.trimmed().isEmpty())
        return Error{tr("The letter needs a subject and a text.")};
    // The request may have changed since the draft was made (the extension
    // undone, the task marked not needed): the same checks again.
    auto again = this->draft(draft.options);
    if (!again)
        return Error{again.error()};
    return {};
}

Result<LetterRecord> LetterService::produce(const LetterDraft& draft, LetterFormat format,
                                            const QString& path)
{
    if (m_workspace.isReadOnly())
        return m_workspace.readOnlyError();
    if (auto ok = checkDraft(draft); !ok)
        return Error{ok.error()};
    if (format == LetterFormat::Eml && !isMailAddress(draft.document.toAddress))
        return Error{draft.options.kind == LetterKind::ProcessorNotice
                         ? tr("%1 has no contact e-mail address in the registry: add it to the "
                              "processor, or write the notice as PDF, DOCX or text.")
                               .arg(draft.document.toName)
                         : tr("The requester has no usable e-mail address: write the letter as "
                              "PDF, DOCX or text.")};
    auto bytes = renderLetter(draft.document, format);
    if (!bytes)
        return Error{bytes.error()};
    if (auto s = writeExportFile(path, bytes.value(), FileAccess::OwnerOnly); !s)
        return Error{s.error()};
    auto recorded =
        record(draft, letterFormatName(format), QFileInfo(path).fileName(), bytes.value());
    if (!recorded) {
        // Nothing was recorded: no file is left that the history does not know.
        QFile::remove(path);
        return Error{
            tr("The letter was not recorded, and the file was removed: %1").arg(recorded.error())};
    }
    return recorded;
}

Result<LetterRecord> LetterService::produceMailto(const LetterDraft& draft)
{
    if (m_workspace.isReadOnly())
        return m_workspace.readOnlyError();
    if (auto ok = checkDraft(draft); !ok)
        return Error{ok.error()};
    auto url = mailtoUrl(draft.document);
    if (!url)
        return Error{url.error()};
    auto recorded = record(draft, QStringLiteral("mailto"), {}, url->toUtf8());
    if (!recorded)
        return recorded;
    recorded->mailto = url.value();
    return recorded;
}

Result<LetterRecord> LetterService::record(const LetterDraft& draft, const QString& format,
                                           const QString& fileName, const QByteArray& bytes)
{
    const LetterOptions& o = draft.options;
    LetterRecord rec;
    rec.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    rec.requestId = o.requestId;
    rec.kind = o.kind;
    rec.language = o.language;
    rec.format = format;
    rec.processorId = o.kind == LetterKind::ProcessorNotice ? o.processorId : QString();
    rec.recipient = draft.document.toAddress;
    rec.fileName = fileName;
    rec.sha256 =
        QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    rec.producedAt = m_requests.now();
    rec.actor = m_workspace.actor();

    const QJsonObject after{
        {QStringLiteral("request_id"), rec.requestId},
        {QStringLiteral("template"), toWire(rec.kind)},
        {QStringLiteral("language"), rec.language},
        {QStringLiteral("format"), rec.format},
        {QStringLiteral("processor_id"), rec.processorId},
        {QStringLiteral("recipient"), rec.recipient},
        {QStringLiteral("file_name"), rec.fileName},
        {QStringLiteral("sha256"), rec.sha256},
        {QStringLiteral("produced_at"), rec.producedAt.toUTC().toString(Qt::ISODateWithMs)}};
    const QString to =
        o.kind == LetterKind::ProcessorNotice ? tr(" to %1").arg(draft.document.toName) : QString();
    const QString eventText = tr("Letter %1%2 (%3, %4), SHA-256 %5")
                                  .arg(toWire(rec.kind), to, rec.language, rec.format, rec.sha256);

    const Status s = m_workspace.database().transaction([&]() -> Status {
        // The processor's Art. 19 task: sent, now that its notice exists.
        if (o.kind == LetterKind::ProcessorNotice) {
            auto snap = m_requests.snapshot(o.requestId);
            if (!snap)
                return Error{snap.error()};
            for (const RequestTask& t : std::as_const(snap->tasks)) {
                if (t.processorId == o.processorId && t.state == TaskState::ToSend) {
                    if (auto moved = m_requests.setTaskState(o.requestId, t.id, TaskState::Sent);
                        !moved)
                        return moved;
                }
            }
        }
        return m_workspace.record(
            resource::requestLetters, rec.id, {}, after,
            tr("Produce the %1 letter of %2").arg(toWire(rec.kind), rec.requestId),
            QStringLiteral("create"), [&]() -> Status {
                const QSqlDatabase db = m_workspace.database().connection();
                QSqlQuery q(db);
                q.prepare(QStringLiteral(
                    "INSERT INTO request_letters (id, request_id, template, language, format, "
                    "processor_id, recipient, file_name, sha256, produced_at, actor) "
                    "VALUES (?,?,?,?,?,?,?,?,?,?,?)"));
                for (const QVariant& v :
                     {QVariant(rec.id), QVariant(rec.requestId), QVariant(toWire(rec.kind)),
                      QVariant(rec.language), QVariant(rec.format),
                      rec.processorId.isEmpty() ? QVariant() : QVariant(rec.processorId),
                      rec.recipient.isEmpty() ? QVariant() : QVariant(rec.recipient),
                      rec.fileName.isEmpty() ? QVariant() : QVariant(rec.fileName),
                      QVariant(rec.sha256),
                      QVariant(rec.producedAt.toUTC().toString(Qt::ISODateWithMs)),
                      QVariant(rec.actor)})
                    q.addBindValue(v);
                if (!q.exec())
                    return sqlError(tr("Recording the letter of %1").arg(rec.requestId), q);
                QSqlQuery e(db);
                e.prepare(QStringLiteral("INSERT INTO request_events (request_id, at, kind, "
                                         "text, actor) VALUES (?,?,?,?,?)"));
                e.addBindValue(rec.requestId);
                e.addBindValue(rec.producedAt.toUTC().toString(Qt::ISODateWithMs));
                e.addBindValue(QStringLiteral("letter"));
                e.addBindValue(eventText);
                e.addBindValue(rec.actor);
                if (!e.exec())
                    return sqlError(tr("Writing the history of %1").arg(rec.requestId), e);
                return {};
            });
    });
    if (!s)
        return Error{s.error()};
    // The request's history changed: the detail pane reloads it.
    m_workspace.notifyChanged(resource::rightsRequests);
    return rec;
}

Result<QList<LetterRecord>> LetterService::letters(const QString& requestId) const
{
    QSqlQuery q(m_workspace.database().connection());
    q.prepare(QStringLiteral(
        "SELECT id, template, language, format, processor_id, recipient, file_name, sha256, "
        "produced_at, actor FROM request_letters WHERE request_id = ? ORDER BY produced_at, id"));
    q.addBindValue(requestId);
    if (!q.exec())
        return sqlError(tr("Reading the letters of %1").arg(requestId), q);
    QList<LetterRecord> out;
    while (q.next()) {
        LetterRecord r;
        r.id = q.value(0).toString();
        r.requestId = requestId;
        r.kind = fromWire<LetterKind>(q.value(1).toString()).value_or(LetterKind::Acknowledgement);
        r.language = q.value(2).toString();
        r.format = q.value(3).toString();
        r.processorId = q.value(4).toString();
        r.recipient = q.value(5).toString();
        r.fileName = q.value(6).toString();
        r.sha256 = q.value(7).toString();
        r.producedAt = QDateTime::fromString(q.value(8).toString(), Qt::ISODateWithMs);
        r.actor = q.value(9).toString();
        out.append(r);
    }
    return out;
}

} // namespace workbench
