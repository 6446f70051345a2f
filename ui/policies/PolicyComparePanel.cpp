#include "PolicyComparePanel.h"

#include "DiffView.h"
#include "PoliciesPage.h"
#include "PolicyEditorPanel.h"
#include "dialogs/FileDialog.h"
#include "dialogs/MessageBox.h"
#include "export/ExportFile.h"
#include "itemmodels/DiffRowsModel.h"
#include "itemmodels/PolicyVersionModel.h"
#include "policy/PolicyText.h"
#include "storage/Workspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QPushButton>
#include <QTextDocument>
#include <QVBoxLayout>

namespace workbench {

namespace {

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

PolicyComparePanel::PolicyComparePanel(Workspace& workspace, const PolicyVersionModel& versions,
                                       const PolicyEditorPanel& editor, QWidget* parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_versions(versions)
    , m_editor(editor)
{
    setObjectName(QStringLiteral("policyComparePanel"));
    m_exportRedline = new QPushButton(PoliciesPage::tr("Export &redline…"));
    m_exportRedline->setObjectName(QStringLiteral("exportRedlineButton"));
    m_print = new QPushButton(PoliciesPage::tr("P&rint redline…"));
    m_print->setObjectName(QStringLiteral("printRedlineButton"));
    m_print->setShortcut(QKeySequence::Print);
    connect(m_exportRedline, &QPushButton::clicked, this, &PolicyComparePanel::exportRedline);
    connect(m_print, &QPushButton::clicked, this, &PolicyComparePanel::printRedline);

    m_oldSource = new QComboBox;
    m_oldSource->setObjectName(QStringLiteral("compareOld"));
    m_newSource = new QComboBox;
    m_newSource->setObjectName(QStringLiteral("compareNew"));
    for (QComboBox* c : {m_oldSource, m_newSource}) {
        c->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        c->setMinimumContentsLength(24);
        connect(c, &QComboBox::activated, this, &PolicyComparePanel::compareSelected);
    }
    auto fromFile = new QPushButton(PoliciesPage::tr("Compare with a &file…"));
    fromFile->setObjectName(QStringLiteral("compareFileButton"));
    connect(fromFile, &QPushButton::clicked, this, &PolicyComparePanel::compareWithFile);
    m_ignoreBlanks = new QCheckBox(PoliciesPage::tr("Ignore &blanks"));
    m_ignoreBlanks->setObjectName(QStringLiteral("ignoreBlanks"));
    m_ignoreCase = new QCheckBox(PoliciesPage::tr("Ignore c&ase"));
    m_ignoreCase->setObjectName(QStringLiteral("ignoreCase"));
    connect(m_ignoreBlanks, &QCheckBox::toggled, this, &PolicyComparePanel::compareSelected);
    connect(m_ignoreCase, &QCheckBox::toggled, this, &PolicyComparePanel::compareSelected);
    auto pick = new QHBoxLayout;
    pick->addWidget(new QLabel(PoliciesPage::tr("Old:")));
    pick->addWidget(m_oldSource, 1);
    pick->addWidget(new QLabel(PoliciesPage::tr("New:")));
    pick->addWidget(m_newSource, 1);
    pick->addWidget(fromFile);
    pick->addWidget(m_ignoreBlanks);
    pick->addWidget(m_ignoreCase);
    m_diffView = new DiffView;
    auto layout = new QVBoxLayout(this);
    layout->addLayout(pick);
    layout->addWidget(m_diffView, 1);
    updateActions();
}

void PolicyComparePanel::updateActions()
{
    // Comparing, exporting and printing stay in a read-only workspace.
    const bool comparable = m_oldSource->count() > 0 && m_newSource->count() > 0;
    m_exportRedline->setEnabled(comparable);
    m_print->setEnabled(comparable);
}

void PolicyComparePanel::fillSources()
{
    for (QComboBox* c : {m_oldSource, m_newSource}) {
        const QVariant keep = c->currentData();
        c->clear();
        for (const PolicyVersion& v : m_versions.versions())
            c->addItem(versionLabel(v), v.id);
        if (!m_filePath.isEmpty())
            c->addItem(PoliciesPage::tr("File: %1").arg(QFileInfo(m_filePath).fileName()),
                       QString(kFilePrefix + m_filePath));
        const int at = c->findData(keep);
        if (at >= 0)
            c->setCurrentIndex(at);
    }
    updateActions();
}

void PolicyComparePanel::chooseVersion(const QString& versionId)
{
    const int at = m_newSource->findData(versionId);
    if (at >= 0) {
        m_newSource->setCurrentIndex(at);
        m_oldSource->setCurrentIndex(std::min(at + 1, m_oldSource->count() - 1));
    }
}

std::optional<QString> PolicyComparePanel::textOf(const QString& source) const
{
    if (source.startsWith(kFilePrefix)) {
        auto text = readPolicyFile(source.mid(kFilePrefix.size()));
        return text ? std::optional<QString>(text.value()) : std::nullopt;
    }
    if (source == m_editor.currentVersionId() && !source.isEmpty())
        return m_editor.text(); // what is on screen, saved or not
    const PolicyVersion* v = m_versions.version(m_versions.indexOf(source));
    if (!v)
        return std::nullopt;
    return v->body;
}

diff::VersionLabel PolicyComparePanel::labelOf(const QString& source) const
{
    diff::VersionLabel label;
    if (source.startsWith(kFilePrefix)) {
        const QFileInfo info(source.mid(kFilePrefix.size()));
        label.title = info.fileName();
        label.status = PoliciesPage::tr("file");
        label.source =
            PoliciesPage::tr("modified %1").arg(info.lastModified().toString(Qt::ISODate));
        return label;
    }
    if (const PolicyVersion* v = m_versions.version(m_versions.indexOf(source))) {
        label.title = v->title.isEmpty() ? v->document : v->title;
        label.status = displayLabel(v->status);
        label.publishedOn = v->publishedOn;
        label.effectiveOn = v->effectiveOn;
    }
    return label;
}

void PolicyComparePanel::compare(const QString& oldSource, const QString& newSource)
{
    const auto before = textOf(oldSource);
    const auto after = textOf(newSource);
    if (!before || !after) {
        MessageBox::warning(this, PoliciesPage::tr("Compare"),
                            PoliciesPage::tr("%1 cannot be read as UTF-8 text.")
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
    emit showRequested();
    emit statusMessage(m_diffView->summaryText());
}

void PolicyComparePanel::compareSelected()
{
    const QString oldSource = m_oldSource->currentData().toString();
    const QString newSource = m_newSource->currentData().toString();
    if (oldSource.isEmpty() || newSource.isEmpty()) {
        m_diffView->setDiff({});
        return;
    }
    compare(oldSource, newSource);
}

void PolicyComparePanel::ensureCompared()
{
    if (m_diffView->model()->rowCount() == 0)
        compareSelected();
}

void PolicyComparePanel::clear()
{
    m_diffView->setDiff({});
}

void PolicyComparePanel::compareWithFile()
{
    const QString path = FileDialog::openFile(
        this, PoliciesPage::tr("Compare with a file"),
        PoliciesPage::tr("Text and Markdown (*.md *.txt *.markdown);;All files (*)"));
    if (path.isEmpty())
        return;
    m_filePath = path;
    fillSources();
    const QString newSource = m_newSource->currentData().toString();
    compare(kFilePrefix + path, newSource.isEmpty() ? m_editor.currentVersionId() : newSource);
}

QString PolicyComparePanel::currentRedline() const
{
    auto head = m_workspace.auditHead();
    return diff::redlineHtml(m_diffView->model()->diff(),
                             labelOf(m_oldSource->currentData().toString()),
                             labelOf(m_newSource->currentData().toString()), QDate::currentDate(),
                             head ? auditFooter(head.value()) : QString());
}

void PolicyComparePanel::exportRedline()
{
    ensureCompared();
    const QString path = FileDialog::saveFile(this, PoliciesPage::tr("Export the redline"),
                                              QStringLiteral("redline.html"),
                                              PoliciesPage::tr("HTML (*.html);;PDF (*.pdf)"));
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
        MessageBox::warning(this, PoliciesPage::tr("Export the redline"), s.error());
        return;
    }
    emit statusMessage(PoliciesPage::tr("Redline written to %1.").arg(QFileInfo(path).fileName()));
}

void PolicyComparePanel::printRedline()
{
    ensureCompared();
    QPrinter printer(QPrinter::HighResolution);
    QPrintPreviewDialog preview(&printer, this);
    preview.setWindowTitle(PoliciesPage::tr("Print the redline"));
    const QString html = currentRedline();
    connect(&preview, &QPrintPreviewDialog::paintRequested, this, [html](QPrinter* p) {
        QTextDocument doc;
        doc.setHtml(html);
        doc.print(p);
    });
    preview.exec();
}

} // namespace workbench
