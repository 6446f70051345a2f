#include "PolicyEditorPanel.h"

#include "PoliciesPage.h"
#include "PublishDialog.h"
#include "dialogs/MessageBox.h"
#include "domain/Resources.h"
#include "itemmodels/PolicyVersionModel.h"
#include "services/PolicyService.h"

#include <QHeaderView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace workbench {

namespace {

constexpr int SentencePosRole = Qt::UserRole + 1;
constexpr int SentenceLengthRole = Qt::UserRole + 2;
constexpr int RecordTypeRole = Qt::UserRole + 3;
constexpr int RecordIdRole_ = Qt::UserRole + 4;

} // namespace

PolicyEditorPanel::PolicyEditorPanel(Workspace& workspace, const PolicyVersionModel& versions,
                                     QWidget* parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_versions(versions)
{
    setObjectName(QStringLiteral("policyEditorPanel"));
    m_newDraft = new QPushButton(PoliciesPage::tr("&New draft"));
    m_newDraft->setObjectName(QStringLiteral("newDraftButton"));
    m_newDraft->setToolTip(PoliciesPage::tr("A new draft from the selected version (Ctrl+N)"));
    m_newDraft->setShortcut(QKeySequence::New);
    m_publish = new QPushButton(PoliciesPage::tr("&Publish…"));
    m_publish->setObjectName(QStringLiteral("publishButton"));
    m_discard = new QPushButton(PoliciesPage::tr("&Discard draft"));
    m_discard->setObjectName(QStringLiteral("discardDraftButton"));
    connect(m_newDraft, &QPushButton::clicked, this, &PolicyEditorPanel::newDraft);
    connect(m_publish, &QPushButton::clicked, this, &PolicyEditorPanel::publish);
    connect(m_discard, &QPushButton::clicked, this, &PolicyEditorPanel::discardDraft);

    // The text: Markdown editor, preview, lint findings.
    m_editor = new QPlainTextEdit;
    m_editor->setObjectName(QStringLiteral("policyEditor"));
    m_editor->setPlaceholderText(PoliciesPage::tr("Select a version to read it."));
    QFont mono = m_editor->font();
    mono.setFamily(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::TypeWriter);
    m_editor->setFont(mono);
    m_preview = new QTextBrowser;
    m_preview->setObjectName(QStringLiteral("policyPreview"));
    m_preview->setOpenExternalLinks(true);
    m_lint = new QTreeWidget;
    m_lint->setObjectName(QStringLiteral("lintPanel"));
    m_lint->setHeaderLabels({PoliciesPage::tr("Finding"), PoliciesPage::tr("In the text")});
    m_lint->setRootIsDecorated(false);
    m_lint->setWordWrap(true);
    m_lint->header()->setStretchLastSection(true);
    m_lint->header()->resizeSection(0, 620);
    m_lint->setToolTip(
        PoliciesPage::tr("Enter or double-click: show the sentence, or open the record"));
    connect(m_lint, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem* item) { activateFinding(item); });
    auto textSplit = new QSplitter(Qt::Horizontal);
    textSplit->addWidget(m_editor);
    textSplit->addWidget(m_preview);
    auto textTab = new QSplitter(Qt::Vertical);
    textTab->addWidget(textSplit);
    textTab->addWidget(m_lint);
    textTab->setStretchFactor(0, 3);
    textTab->setStretchFactor(1, 1);
    auto layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(textTab);

    m_autosave = new QTimer(this);
    m_autosave->setSingleShot(true);
    m_autosave->setInterval(800);
    connect(m_autosave, &QTimer::timeout, this, &PolicyEditorPanel::saveNow);
    m_typing = new QTimer(this);
    m_typing->setSingleShot(true);
    m_typing->setInterval(250);
    connect(m_typing, &QTimer::timeout, this, [this] {
        m_preview->setMarkdown(m_editor->toPlainText());
        runLint();
    });
    connect(m_editor, &QPlainTextEdit::textChanged, this, [this] {
        if (m_loading)
            return;
        const PolicyVersion* v = current();
        if (v && v->status == PolicyStatus::Draft) {
            m_dirty = true;
            m_autosave->start();
        }
        m_typing->start();
    });
}

QString PolicyEditorPanel::text() const
{
    return m_editor->toPlainText();
}

const PolicyVersion* PolicyEditorPanel::current() const
{
    return m_currentId.isEmpty() ? nullptr : m_versions.version(m_versions.indexOf(m_currentId));
}

bool PolicyEditorPanel::showVersion(const PolicyVersion* version)
{
    const QString id = version ? version->id : QString();
    const bool same = id == m_currentId && version;
    m_currentId = id;
    const QString body = version ? version->body : QString();
    if (!same || (!m_dirty && m_editor->toPlainText() != body)) {
        m_loading = true;
        m_editor->setPlainText(body);
        m_loading = false;
        m_dirty = false;
    }
    m_preview->setMarkdown(m_editor->toPlainText());
    runLint();
    return !same;
}

void PolicyEditorPanel::updateEditing(bool editable)
{
    // Reading and linting stay; drafting and publishing go when the
    // workspace is read-only.
    const PolicyVersion* v = current();
    const bool draft = v && v->status == PolicyStatus::Draft;
    m_publish->setEnabled(editable && draft);
    m_discard->setEnabled(editable && draft);
    m_newDraft->setEnabled(editable && !m_organizationId.isEmpty());
    m_editor->setReadOnly(!editable || !draft);
    m_editor->setToolTip(!editable ? PoliciesPage::tr("This workspace is read-only: the text can "
                                                      "be read, not changed.")
                         : draft   ? PoliciesPage::tr("Markdown; saved as you type")
                                   : PoliciesPage::tr("Published versions are read-only: New "
                                                        "draft starts an editable copy."));
}

void PolicyEditorPanel::saveNow()
{
    m_autosave->stop();
    if (!m_dirty)
        return;
    m_dirty = false;
    const PolicyVersion* v = current();
    if (!v || v->status != PolicyStatus::Draft)
        return;
    const QString id = v->id;
    const Status s = PolicyService(m_workspace).saveDraft(id, m_editor->toPlainText());
    if (!s) {
        m_dirty = true;
        emit statusMessage(PoliciesPage::tr("The draft could not be saved: %1").arg(s.error()));
        return;
    }
    emit statusMessage(PoliciesPage::tr("Draft saved."));
}

void PolicyEditorPanel::newDraft()
{
    saveNow();
    const PolicyVersion* from = current();
    auto draft =
        PolicyService(m_workspace)
            .newDraft(m_organizationId, from ? from->document : QStringLiteral("privacy-policy"),
                      from ? from->id : QString());
    if (!draft) {
        MessageBox::warning(this, PoliciesPage::tr("New draft"), draft.error());
        return;
    }
    m_currentId = draft.value().id;
    emit versionsChanged(draft.value().id);
    emit showRequested();
    m_editor->setFocus();
    emit statusMessage(PoliciesPage::tr("New draft started; it is saved as you type."));
}

void PolicyEditorPanel::publish()
{
    saveNow();
    const PolicyVersion* v = current();
    if (!v || v->status != PolicyStatus::Draft)
        return;
    const int notice = PolicyService(m_workspace).noticePeriodDays(v->organizationId);
    PublishDialog dialog(v->title.isEmpty() ? v->document : v->title, notice, QDate::currentDate(),
                         this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString id = v->id;
    const Status s =
        PolicyService(m_workspace).publish(id, dialog.notifiedOn(), dialog.effectiveOn());
    if (!s) {
        MessageBox::warning(this, PoliciesPage::tr("Not published"), s.error());
        return;
    }
    emit versionsChanged(id);
    emit statusMessage(PoliciesPage::tr("Published; in effect from %1.")
                           .arg(dialog.effectiveOn().toString(Qt::ISODate)));
}

void PolicyEditorPanel::discardDraft()
{
    const PolicyVersion* v = current();
    if (!v || v->status != PolicyStatus::Draft)
        return;
    if (MessageBox::question(
            this, PoliciesPage::tr("Discard draft"),
            PoliciesPage::tr("Discard this draft? Its text is kept in the audit log.")) !=
        QMessageBox::Yes)
        return;
    m_dirty = false;
    const Status s = PolicyService(m_workspace).discardDraft(v->id);
    if (!s)
        MessageBox::warning(this, PoliciesPage::tr("Discard draft"), s.error());
    m_currentId.clear();
    emit versionsChanged({});
}

void PolicyEditorPanel::runLint()
{
    m_lint->clear();
    const PolicyVersion* v = current();
    if (!v) {
        return;
    }
    const QString text = m_editor->toPlainText();
    auto report = PolicyService(m_workspace).lint(v->organizationId, text);
    if (!report) {
        emit statusMessage(report.error());
        return;
    }
    const auto& findings = report.value().findings;
    if (findings.empty()) {
        auto item = new QTreeWidgetItem(
            m_lint, {PoliciesPage::tr("No findings: the text agrees with the registry "
                                      "and the retention rules.")});
        item->setFlags(Qt::ItemIsEnabled);
        return;
    }
    for (const policy::Finding& f : findings) {
        const QString quote =
            f.sentence.length > 0 ? text.mid(f.sentence.pos, f.sentence.length) : QString();
        auto item = new QTreeWidgetItem(m_lint, {f.message, quote});
        item->setToolTip(0, f.message + QStringLiteral("\n\n") + f.explanation);
        item->setToolTip(1, quote);
        item->setData(0, SentencePosRole, f.sentence.pos);
        item->setData(0, SentenceLengthRole, f.sentence.length);
        item->setData(0, RecordTypeRole, f.recordType);
        item->setData(0, RecordIdRole_, f.recordId);
        item->setData(1, Qt::UserRole, policy::findingKindName(f.kind));
    }
}

void PolicyEditorPanel::activateFinding(QTreeWidgetItem* item)
{
    const int length = item->data(0, SentenceLengthRole).toInt();
    if (length > 0) {
        QTextCursor cursor(m_editor->document());
        cursor.setPosition(item->data(0, SentencePosRole).toInt());
        cursor.setPosition(cursor.position() + length, QTextCursor::KeepAnchor);
        m_editor->setTextCursor(cursor);
        m_editor->centerCursor();
        m_editor->setFocus();
        return;
    }
    const QString type = item->data(0, RecordTypeRole).toString();
    if (type == resource::processors || type == resource::retentionRules)
        emit openRecord(type, item->data(0, RecordIdRole_).toString());
}

} // namespace workbench
