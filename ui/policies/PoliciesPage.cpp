#include "PoliciesPage.h"

#include "DiffView.h"
#include "PublishDialog.h"
#include "dialogs/FileDialog.h"
#include "dialogs/MessageBox.h"
#include "export/ExportFile.h"
#include "itemmodels/DiffRowsModel.h"
#include "itemmodels/RecordFilterProxy.h"
#include "services/PolicyService.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTimer>
#include <QTreeWidget>

namespace workbench {

namespace {

constexpr int SentencePosRole = Qt::UserRole + 1;
constexpr int SentenceLengthRole = Qt::UserRole + 2;
constexpr int RecordTypeRole = Qt::UserRole + 3;
constexpr int RecordIdRole_ = Qt::UserRole + 4;
const QString kFilePrefix = QStringLiteral("file:");

QString versionLabel(const PolicyVersion& v)
{
    QString text =
        (v.title.isEmpty() ? v.document : v.title) + QStringLiteral(" — ") + displayLabel(v.status);
    if (v.effectiveOn.isValid())
        text += QStringLiteral(", ") +
                PoliciesPage::tr("effective %1").arg(v.effectiveOn.toString(Qt::ISODate));
    return text;
}

} // namespace

PoliciesPage::PoliciesPage(Workspace& workspace, QWidget* parent)
    : RecordListPage(workspace, makePolicyVersionTableModel(nullptr), &Workspace::policyVersions,
                     {tr("Policies"), QStringLiteral("policies"), tr("Policy versions"),
                      tr("Filter versions (Ctrl+F)"),
                      tr("No policy versions for this organization yet: New draft starts one."),
                      QStringLiteral("policy-versions")},
                     parent)
{
    // Actions on the selected version.
    m_newDraft = new QPushButton(tr("&New draft"));
    m_newDraft->setObjectName(QStringLiteral("newDraftButton"));
    m_newDraft->setToolTip(tr("A new draft from the selected version (Ctrl+N)"));
    m_newDraft->setShortcut(QKeySequence::New);
    m_publish = new QPushButton(tr("&Publish…"));
    m_publish->setObjectName(QStringLiteral("publishButton"));
    m_discard = new QPushButton(tr("&Discard draft"));
    m_discard->setObjectName(QStringLiteral("discardDraftButton"));
    m_exportRedline = new QPushButton(tr("Export &redline…"));
    m_exportRedline->setObjectName(QStringLiteral("exportRedlineButton"));
    m_print = new QPushButton(tr("P&rint redline…"));
    m_print->setObjectName(QStringLiteral("printRedlineButton"));
    m_print->setShortcut(QKeySequence::Print);
    auto actions = new QHBoxLayout;
    for (QPushButton* b : {m_newDraft, m_publish, m_discard})
        actions->addWidget(b);
    actions->addStretch(1);
    actions->addWidget(m_exportRedline);
    actions->addWidget(m_print);
    connect(m_newDraft, &QPushButton::clicked, this, &PoliciesPage::newDraft);
    connect(m_publish, &QPushButton::clicked, this, &PoliciesPage::publish);
    connect(m_discard, &QPushButton::clicked, this, &PoliciesPage::discardDraft);
    connect(m_exportRedline, &QPushButton::clicked, this, &PoliciesPage::exportRedline);
    connect(m_print, &QPushButton::clicked, this, &PoliciesPage::printRedline);

    // The text: Markdown editor, preview, lint findings.
    m_editor = new QPlainTextEdit;
    m_editor->setObjectName(QStringLiteral("policyEditor"));
    m_editor->setPlaceholderText(tr("Select a version to read it."));
    QFont mono = m_editor->font();
    mono.setFamily(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::TypeWriter);
    m_editor->setFont(mono);
    m_preview = new QTextBrowser;
    m_preview->setObjectName(QStringLiteral("policyPreview"));
    m_preview->setOpenExternalLinks(true);
    m_lint = new QTreeWidget;
    m_lint->setObjectName(QStringLiteral("lintPanel"));
    m_lint->setHeaderLabels({tr("Finding"), tr("In the text")});
    m_lint->setRootIsDecorated(false);
    m_lint->setWordWrap(true);
    m_lint->header()->setStretchLastSection(true);
    m_lint->header()->resizeSection(0, 620);
    m_lint->setToolTip(tr("Enter or double-click: show the sentence, or open the record"));
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

    m_autosave = new QTimer(this);
    m_autosave->setSingleShot(true);
    m_autosave->setInterval(800);
    connect(m_autosave, &QTimer::timeout, this, &PoliciesPage::saveNow);
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

    // The comparison.
    m_oldSource = new QComboBox;
    m_oldSource->setObjectName(QStringLiteral("compareOld"));
    m_newSource = new QComboBox;
    m_newSource->setObjectName(QStringLiteral("compareNew"));
    for (QComboBox* c : {m_oldSource, m_newSource}) {
        c->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        c->setMinimumContentsLength(24);
        connect(c, &QComboBox::activated, this, &PoliciesPage::compareSelected);
    }
    auto fromFile = new QPushButton(tr("Compare with a &file…"));
    fromFile->setObjectName(QStringLiteral("compareFileButton"));
    connect(fromFile, &QPushButton::clicked, this, &PoliciesPage::compareWithFile);
    m_ignoreBlanks = new QCheckBox(tr("Ignore &blanks"));
    m_ignoreBlanks->setObjectName(QStringLiteral("ignoreBlanks"));
    m_ignoreCase = new QCheckBox(tr("Ignore c&ase"));
    m_ignoreCase->setObjectName(QStringLiteral("ignoreCase"));
    connect(m_ignoreBlanks, &QCheckBox::toggled, this, &PoliciesPage::compareSelected);
    connect(m_ignoreCase, &QCheckBox::toggled, this, &PoliciesPage::compareSelected);
    auto pick = new QHBoxLayout;
    pick->addWidget(new QLabel(tr("Old:")));
    pick->addWidget(m_oldSource, 1);
    pick->addWidget(new QLabel(tr("New:")));
    pick->addWidget(m_newSource, 1);
    pick->addWidget(fromFile);
    pick->addWidget(m_ignoreBlanks);
    pick->addWidget(m_ignoreCase);
    m_diffView = new DiffView;
    auto compareTab = new QWidget;
    auto compareLayout = new QVBoxLayout(compareTab);
    compareLayout->addLayout(pick);
    compareLayout->addWidget(m_diffView, 1);

    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("policyTabs"));
    m_tabs->addTab(textTab, tr("&Text and lint"));
    m_tabs->addTab(compareTab, tr("&Compare"));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int tab) {
        if (tab == 1 && m_diffView->model()->rowCount() == 0)
            compareSelected();
    });

    table()->view()->setMaximumHeight(200);
    auto splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(table());
    auto lower = new QWidget;
    auto lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    lowerLayout->addLayout(actions);
    lowerLayout->addWidget(m_tabs, 1);
    splitter->addWidget(lower);
    splitter->setStretchFactor(1, 4);
    pageLayout()->addWidget(splitter, 1);

    connect(table(), &FilteredTable::currentChanged, this, [this](const QModelIndex& index) {
        saveNow();
        showVersion(model()->record(index));
    });
    connect(model(), &QAbstractItemModel::modelReset, this, [this] {
        fillCompareSources();
        if (!selectVersion(m_currentId) && model()->rowCount() > 0)
            table()->view()->selectRow(0);
        if (model()->rowCount() == 0)
            showVersion(nullptr);
    });
    updateEditing();
}

void PoliciesPage::refresh()
{
    saveNow();
    RecordListPage::refresh();
}

void PoliciesPage::hideEvent(QHideEvent* event)
{
    saveNow();
    RecordListPage::hideEvent(event);
}

const PolicyVersion* PoliciesPage::versionById(const QString& id) const
{
    const QModelIndex index = model()->indexOf(id);
    return index.isValid() ? model()->record(index) : nullptr;
}

const PolicyVersion* PoliciesPage::current() const
{
    return m_currentId.isEmpty() ? nullptr : versionById(m_currentId);
}

bool PoliciesPage::selectVersion(const QString& id)
{
    const QModelIndex source = model()->indexOf(id);
    if (!source.isValid())
        return false;
    const QModelIndex at = table()->proxy()->mapFromSource(source);
    if (!at.isValid())
        return false;
    table()->view()->setCurrentIndex(at);
    table()->view()->selectRow(at.row());
    showVersion(model()->record(source));
    return true;
}

void PoliciesPage::showVersion(const PolicyVersion* version)
{
    const QString id = version ? version->id : QString();
    const bool same = id == m_currentId && version;
    m_currentId = id;
    // The same version again (after a save or a reload) keeps the editor,
    // its cursor and undo history, unless its text changed elsewhere.
    const QString body = version ? version->body : QString();
    if (!same || (!m_dirty && m_editor->toPlainText() != body)) {
        m_loading = true;
        m_editor->setPlainText(body);
        m_loading = false;
        m_dirty = false;
    }
    m_preview->setMarkdown(m_editor->toPlainText());
    runLint();
    if (!same) {
        // Compare the selected version with the one before it.
        const int at = m_newSource->findData(id);
        if (at >= 0) {
            m_newSource->setCurrentIndex(at);
            m_oldSource->setCurrentIndex(std::min(at + 1, m_oldSource->count() - 1));
        }
        if (m_tabs->currentIndex() == 1)
            compareSelected();
        else
            m_diffView->setDiff({});
    }
    updateEditing();
}

void PoliciesPage::updateEditing()
{
    // Reading, linting, comparing, exporting and printing stay; drafting and
    // publishing go when the workspace is read-only.
    const PolicyVersion* v = current();
    const bool draft = v && v->status == PolicyStatus::Draft;
    const bool editable = !isReadOnly();
    m_publish->setEnabled(editable && draft);
    m_discard->setEnabled(editable && draft);
    m_newDraft->setEnabled(editable && !organizationId().isEmpty());
    m_editor->setReadOnly(!editable || !draft);
    m_editor->setToolTip(!editable ? tr("This workspace is read-only: the text can be read, "
                                        "not changed.")
                         : draft   ? tr("Markdown; saved as you type")
                                   : tr("Published versions are read-only: New draft starts an "
                                          "editable copy."));
    const bool comparable = m_oldSource->count() > 0 && m_newSource->count() > 0;
    m_exportRedline->setEnabled(comparable);
    m_print->setEnabled(comparable);
}

void PoliciesPage::saveNow()
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
        emit statusMessage(tr("The draft could not be saved: %1").arg(s.error()));
        return;
    }
    emit statusMessage(tr("Draft saved."));
}

void PoliciesPage::newDraft()
{
    saveNow();
    const PolicyVersion* from = current();
    auto draft =
        PolicyService(m_workspace)
            .newDraft(organizationId(), from ? from->document : QStringLiteral("privacy-policy"),
                      from ? from->id : QString());
    if (!draft) {
        MessageBox::warning(this, tr("New draft"), draft.error());
        return;
    }
    m_currentId = draft.value().id;
    RecordListPage::refresh();
    selectVersion(draft.value().id);
    m_tabs->setCurrentIndex(0);
    m_editor->setFocus();
    emit statusMessage(tr("New draft started; it is saved as you type."));
}

void PoliciesPage::publish()
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
        MessageBox::warning(this, tr("Not published"), s.error());
        return;
    }
    RecordListPage::refresh();
    selectVersion(id);
    emit statusMessage(
        tr("Published; in effect from %1.").arg(dialog.effectiveOn().toString(Qt::ISODate)));
}

void PoliciesPage::discardDraft()
{
    const PolicyVersion* v = current();
    if (!v || v->status != PolicyStatus::Draft)
        return;
    if (MessageBox::question(this, tr("Discard draft"),
                             tr("Discard this draft? Its text is kept in the audit log.")) !=
        QMessageBox::Yes)
        return;
    m_dirty = false;
    const Status s = PolicyService(m_workspace).discardDraft(v->id);
    if (!s)
        MessageBox::warning(this, tr("Discard draft"), s.error());
    m_currentId.clear();
    RecordListPage::refresh();
}

void PoliciesPage::runLint()
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
        auto item =
            new QTreeWidgetItem(m_lint, {tr("No findings: the text agrees with the registry "
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

void PoliciesPage::activateFinding(QTreeWidgetItem* item)
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
    if (type == u"processors" || type == u"retention-rules")
        emit openRecord(type, item->data(0, RecordIdRole_).toString());
}

void PoliciesPage::fillCompareSources()
{
    for (QComboBox* c : {m_oldSource, m_newSource}) {
        const QVariant keep = c->currentData();
        c->clear();
        for (int row = 0; row < model()->rowCount(); ++row) {
            const PolicyVersion* v = model()->record(model()->index(row, 0));
            c->addItem(versionLabel(*v), v->id);
        }
        if (!m_filePath.isEmpty())
            c->addItem(tr("File: %1").arg(QFileInfo(m_filePath).fileName()),
                       QString(kFilePrefix + m_filePath));
        const int at = c->findData(keep);
        if (at >= 0)
            c->setCurrentIndex(at);
    }
    updateEditing();
}

std::optional<QString> PoliciesPage::textOf(const QString& source) const
{
    if (source.startsWith(kFilePrefix)) {
        auto text = readPolicyFile(source.mid(kFilePrefix.size()));
        return text ? std::optional<QString>(text.value()) : std::nullopt;
    }
    if (source == m_currentId && !m_currentId.isEmpty())
        return m_editor->toPlainText(); // what is on screen, saved or not
    const PolicyVersion* v = versionById(source);
    if (!v)
        return std::nullopt;
    return v->body;
}

diff::VersionLabel PoliciesPage::labelOf(const QString& source) const
{
    diff::VersionLabel label;
    if (source.startsWith(kFilePrefix)) {
        const QFileInfo info(source.mid(kFilePrefix.size()));
        label.title = info.fileName();
        label.status = tr("file");
        label.source = tr("modified %1").arg(info.lastModified().toString(Qt::ISODate));
        return label;
    }
    if (const PolicyVersion* v = versionById(source)) {
        label.title = v->title.isEmpty() ? v->document : v->title;
        label.status = displayLabel(v->status);
        label.publishedOn = v->publishedOn;
        label.effectiveOn = v->effectiveOn;
    }
    return label;
}

void PoliciesPage::compare(const QString& oldSource, const QString& newSource)
{
    const auto before = textOf(oldSource);
    const auto after = textOf(newSource);
    if (!before || !after) {
        MessageBox::warning(this, tr("Compare"),
                            tr("%1 cannot be read as UTF-8 text.")
                                .arg(labelOf(before ? newSource : oldSource).title));
        return;
    }
    diff::Options options;
    options.ignoreWhitespace = m_ignoreBlanks->isChecked();
    options.ignoreCase = m_ignoreCase->isChecked();
    m_diffView->setDiff(diff::compare(*before, *after, options));
    for (auto [combo, source] :
         {std::pair{m_oldSource, oldSource}, std::pair{m_newSource, newSource}}) {
        const int at = combo->findData(source);
        if (at >= 0)
            combo->setCurrentIndex(at);
    }
    m_tabs->setCurrentIndex(1);
    emit statusMessage(m_diffView->summaryText());
}

void PoliciesPage::compareSelected()
{
    const QString oldSource = m_oldSource->currentData().toString();
    const QString newSource = m_newSource->currentData().toString();
    if (oldSource.isEmpty() || newSource.isEmpty()) {
        m_diffView->setDiff({});
        return;
    }
    compare(oldSource, newSource);
}

void PoliciesPage::compareWithFile()
{
    const QString path =
        FileDialog::openFile(this, tr("Compare with a file"),
                             tr("Text and Markdown (*.md *.txt *.markdown);;All files (*)"));
    if (path.isEmpty())
        return;
    m_filePath = path;
    fillCompareSources();
    const QString newSource = m_newSource->currentData().toString();
    compare(kFilePrefix + path, newSource.isEmpty() ? m_currentId : newSource);
}

QString PoliciesPage::currentRedline() const
{
    auto head = m_workspace.auditHead();
    return diff::redlineHtml(m_diffView->model()->diff(),
                             labelOf(m_oldSource->currentData().toString()),
                             labelOf(m_newSource->currentData().toString()), QDate::currentDate(),
                             head ? auditFooter(head.value()) : QString());
}

void PoliciesPage::exportRedline()
{
    if (m_diffView->model()->rowCount() == 0)
        compareSelected();
    const QString path =
        FileDialog::saveFile(this, tr("Export the redline"), QStringLiteral("redline.html"),
                             tr("HTML (*.html);;PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    const QString html = currentRedline();
    Status s;
    if (path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive)) {
        s = diff::writeRedlinePdf(html, path);
    } else {
        s = writeExportFile(path, html.toUtf8(), FileAccess::Shared);
    }
    if (!s) {
        MessageBox::warning(this, tr("Export the redline"), s.error());
        return;
    }
    emit statusMessage(tr("Redline written to %1.").arg(QFileInfo(path).fileName()));
}

void PoliciesPage::printRedline()
{
    if (m_diffView->model()->rowCount() == 0)
        compareSelected();
    QPrinter printer(QPrinter::HighResolution);
    QPrintPreviewDialog preview(&printer, this);
    preview.setWindowTitle(tr("Print the redline"));
    const QString html = currentRedline();
    connect(&preview, &QPrintPreviewDialog::paintRequested, this, [html](QPrinter* p) {
        QTextDocument doc;
        doc.setHtml(html);
        doc.print(p);
    });
    preview.exec();
}

} // namespace workbench
