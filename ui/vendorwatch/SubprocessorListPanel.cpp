#include "SubprocessorListPanel.h"

#include "common/Style.h"
#include "dialogs/FileDialog.h"
#include "dialogs/InputDialog.h"
#include "dialogs/MessageBox.h"
#include "domain/Resources.h"
#include "domain/Text.h"
#include "itemmodels/VendorWatchCommands.h"
#include "services/ObjectionLetter.h"
#include "services/VendorWatchService.h"
#include "storage/Workspace.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QUndoStack>
#include <QVBoxLayout>

namespace workbench {

namespace {

QString entryHtml(const SubprocessorEntry& e)
{
    QStringList details;
    if (!e.entity.isEmpty() && e.entity != e.name)
        details << e.entity.toHtmlEscaped();
    if (!e.purpose.isEmpty())
        details << e.purpose.toHtmlEscaped();
    if (!e.location.isEmpty())
        details << e.location.toHtmlEscaped();
    return QStringLiteral("<b>%1</b>%2")
        .arg(e.name.toHtmlEscaped(),
             details.isEmpty() ? QString()
                               : QStringLiteral(" — ") + details.join(QStringLiteral(" · ")));
}

QString fieldOf(const SubprocessorEntry& e, const QString& field)
{
    return field == u"name"      ? e.name
           : field == u"entity"  ? e.entity
           : field == u"purpose" ? e.purpose
                                 : e.location;
}

} // namespace

SubprocessorListPanel::SubprocessorListPanel(Workspace& workspace, QUndoStack& undoStack,
                                             const QString& processorId, QWidget* parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_undoStack(undoStack)
    , m_processorId(processorId)
{
    setObjectName(QStringLiteral("subprocessorListPanel"));
    m_url = new QLineEdit;
    m_url->setObjectName(QStringLiteral("listUrlEdit"));
    m_url->setPlaceholderText(tr("https://… the vendor's published list (optional)"));
    m_days = new QSpinBox;
    m_days->setObjectName(QStringLiteral("windowDaysSpin"));
    m_days->setRange(1, 366);
    m_businessDays = new QCheckBox(tr("business days"));
    m_businessDays->setObjectName(QStringLiteral("businessDaysCheck"));
    m_interval = new QSpinBox;
    m_interval->setObjectName(QStringLiteral("checkIntervalSpin"));
    m_interval->setRange(0, 24 * 90);
    m_interval->setSpecialValueText(tr("only when I check"));
    m_interval->setSuffix(tr(" h"));
    auto save = new QPushButton(tr("Save settings"));
    save->setObjectName(QStringLiteral("saveListSettingsButton"));
    auto window = new QHBoxLayout;
    window->addWidget(m_days);
    window->addWidget(m_businessDays);
    window->addStretch();
    auto form = new QFormLayout;
    form->addRow(tr("List &URL"), m_url);
    form->addRow(tr("Objection window"), window);
    form->addRow(tr("Check &every"), m_interval);
    form->addRow(QString(), save);

    m_last = new QLabel;
    m_last->setObjectName(QStringLiteral("lastListLabel"));
    m_last->setWordWrap(true);
    m_received = new QDateEdit(QDate::currentDate());
    m_received->setObjectName(QStringLiteral("receivedDateEdit"));
    m_received->setCalendarPopup(true);
    auto importButton = new QPushButton(tr("&Import file…"));
    importButton->setObjectName(QStringLiteral("importListButton"));
    auto pasteButton = new QPushButton(tr("&Paste list…"));
    pasteButton->setObjectName(QStringLiteral("pasteListButton"));
    auto checkButton = new QPushButton(tr("&Check now"));
    checkButton->setObjectName(QStringLiteral("checkNowButton"));
    auto receive = new QHBoxLayout;
    receive->addWidget(new QLabel(tr("New version received on")));
    receive->addWidget(m_received);
    receive->addWidget(importButton);
    receive->addWidget(pasteButton);
    receive->addWidget(checkButton);
    receive->addStretch();

    m_notices = new QTreeWidget;
    m_notices->setObjectName(QStringLiteral("noticeList"));
    m_notices->setRootIsDecorated(false);
    m_notices->setHeaderLabels({tr("Received"), tr("Object by"), tr("Status"), tr("Changes")});
    m_notices->header()->setStretchLastSection(true);
    m_detail = new QTextBrowser;
    m_detail->setObjectName(QStringLiteral("noticeDetail"));
    auto split = new QSplitter(Qt::Vertical);
    split->addWidget(m_notices);
    split->addWidget(m_detail);
    split->setStretchFactor(1, 2);

    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("listStatus"));
    m_status->setWordWrap(true);
    m_accept = new QPushButton(tr("&Accept…"));
    m_accept->setObjectName(QStringLiteral("acceptNoticeButton"));
    m_accept->setToolTip(tr("Update the registry's sub-processors of this vendor (undoable)"));
    m_object = new QPushButton(tr("&Object…"));
    m_object->setObjectName(QStringLiteral("objectNoticeButton"));
    m_object->setToolTip(tr("Write an objection letter; the notice stays open until the vendor "
                            "answers"));
    m_note = new QPushButton(tr("&Note without action"));
    m_note->setObjectName(QStringLiteral("noteNoticeButton"));
    auto decide = new QHBoxLayout;
    decide->addWidget(m_status, 1);
    decide->addWidget(m_note);
    decide->addWidget(m_object);
    decide->addWidget(m_accept);

    auto layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_last);
    layout->addLayout(receive);
    layout->addWidget(split, 1);
    layout->addLayout(decide);

    connect(save, &QPushButton::clicked, this, &SubprocessorListPanel::saveSettings);
    connect(importButton, &QPushButton::clicked, this, &SubprocessorListPanel::importFile);
    connect(pasteButton, &QPushButton::clicked, this, &SubprocessorListPanel::pasteList);
    connect(checkButton, &QPushButton::clicked, this, &SubprocessorListPanel::checkNow);
    connect(m_accept, &QPushButton::clicked, this, &SubprocessorListPanel::acceptSelected);
    connect(m_object, &QPushButton::clicked, this, &SubprocessorListPanel::objectToSelected);
    connect(m_note, &QPushButton::clicked, this, &SubprocessorListPanel::noteSelected);
    connect(m_notices, &QTreeWidget::currentItemChanged, this, &SubprocessorListPanel::showNotice);
    connect(&m_workspace, &Workspace::recordChanged, this, [this](const QString& resource) {
        if (resource == resource::subprocessorNotices || resource == resource::subprocessorLists)
            reload();
    });
    reload();
}

void SubprocessorListPanel::reload()
{
    VendorWatchService service(m_workspace);
    const VendorListSettings s = service.settings(m_processorId);
    m_url->setText(s.url);
    m_days->setValue(s.window.days);
    m_businessDays->setChecked(s.window.businessDays);
    m_interval->setValue(s.checkIntervalHours);
    const QLocale locale;
    auto last = service.lastList(m_processorId);
    QString lastText =
        last && last.value()
            ? tr("Last list: %1 entries received on %2 from %3 (SHA-256 %4…)")
                  .arg(last.value()->entries.size())
                  .arg(locale.toString(last.value()->receivedOn, QLocale::ShortFormat),
                       last.value()->source, last.value()->sha256.left(12))
            : tr("No list received yet: the first one is compared with the "
                 "registry's sub-processors of this vendor.");
    if (!s.lastCheckError.isEmpty())
        lastText += u'\n' + tr("Last check failed: %1").arg(s.lastCheckError);
    m_last->setText(lastText);

    const qint64 selected = selectedNoticeId();
    m_notices->clear();
    auto notices = service.notices({m_processorId, {}, false});
    m_loaded = notices ? notices.value() : QList<SubprocessorNotice>();
    const QDate today = QDate::currentDate();
    for (const SubprocessorNotice& n : std::as_const(m_loaded)) {
        auto item = new QTreeWidgetItem(m_notices,
                                        {locale.toString(n.receivedOn, QLocale::ShortFormat),
                                         locale.toString(n.objectionDeadline, QLocale::ShortFormat),
                                         displayLabel(n.status), n.diff.summary()});
        item->setData(0, Qt::UserRole, n.id);
        if (n.isOverdue(today))
            item->setForeground(1, toneColour(Tone::Error, m_notices->palette()));
        else if (n.isOpen())
            item->setForeground(1, toneColour(Tone::Warning, m_notices->palette()));
    }
    if (!selectNotice(selected) && m_notices->topLevelItemCount() > 0)
        m_notices->setCurrentItem(m_notices->topLevelItem(m_notices->topLevelItemCount() - 1));
    showNotice();
}

bool SubprocessorListPanel::selectNotice(qint64 id)
{
    for (int i = 0; i < m_notices->topLevelItemCount(); ++i) {
        if (m_notices->topLevelItem(i)->data(0, Qt::UserRole).toLongLong() == id) {
            m_notices->setCurrentItem(m_notices->topLevelItem(i));
            return true;
        }
    }
    return false;
}

qint64 SubprocessorListPanel::selectedNoticeId() const
{
    const QTreeWidgetItem* item = m_notices->currentItem();
    return item ? item->data(0, Qt::UserRole).toLongLong() : 0;
}

void SubprocessorListPanel::showNotice()
{
    const qint64 id = selectedNoticeId();
    const auto it = std::find_if(m_loaded.begin(), m_loaded.end(),
                                 [id](const SubprocessorNotice& n) { return n.id == id; });
    const bool open = it != m_loaded.end() && it->isOpen() && !m_workspace.isReadOnly();
    m_accept->setEnabled(open);
    m_object->setEnabled(open && it->status == NoticeStatus::Open);
    m_note->setEnabled(open);
    if (it == m_loaded.end()) {
        m_detail->setHtml(tr("<p>No change notice yet.</p>"));
        return;
    }
    const SubprocessorNotice& n = *it;
    const QLocale locale;
    const QDate today = QDate::currentDate();
    const qint64 left = today.daysTo(n.objectionDeadline);
    const QColor colour = toneColour(n.isOverdue(today) ? Tone::Error : Tone::Warning, palette());
    QString html = QStringLiteral("<h3>%1</h3>")
                       .arg(tr("%1: sub-processor changes received on %2")
                                .arg(n.processorName.toHtmlEscaped(),
                                     locale.toString(n.receivedOn, QLocale::LongFormat)));
    const QString deadline =
        tr("Objection deadline: %1").arg(locale.toString(n.objectionDeadline, QLocale::LongFormat));
    if (n.isOpen())
        html += QStringLiteral("<p style='color:%1'><b>%2</b> (%3)</p>")
                    .arg(colour.name(), deadline,
                         left < 0 ? countText("workbench::SubprocessorListPanel",
                                              QT_TRANSLATE_NOOP("workbench::SubprocessorListPanel",
                                                                "overdue by %n day(s)"),
                                              int(-left))
                                  : countText("workbench::SubprocessorListPanel",
                                              QT_TRANSLATE_NOOP("workbench::SubprocessorListPanel",
                                                                "%n day(s) left"),
                                              int(left)));
    else
        html += QStringLiteral("<p>%1</p>").arg(deadline);
    html +=
        QStringLiteral("<p>%1: %2%3</p>")
            .arg(tr("Status"), displayLabel(n.status),
                 n.decisionNote.isEmpty() ? QString()
                                          : QStringLiteral(" — ") + n.decisionNote.toHtmlEscaped());
    html += QStringLiteral("<p><i>%1</i></p>")
                .arg(n.previousListId > 0 ? tr("Compared with the previous list.")
                                          : tr("Compared with the registry (no list before)."));
    auto section = [&](const QString& title, const QStringList& lines) {
        if (lines.isEmpty())
            return;
        html += QStringLiteral("<h4>%1 (%2)</h4><ul>").arg(title).arg(lines.size());
        for (const QString& l : lines)
            html += QStringLiteral("<li>%1</li>").arg(l);
        html += QStringLiteral("</ul>");
    };
    QStringList added, removed, changed;
    for (const SubprocessorEntry& e : n.diff.added)
        added << entryHtml(e);
    for (const SubprocessorEntry& e : n.diff.removed)
        removed << entryHtml(e);
    for (const SubprocessorChange& c : n.diff.changed) {
        QStringList parts;
        for (const QString& f : c.fields)
            parts << QStringLiteral("%1: <s>%2</s> → %3")
                         .arg(f, fieldOf(c.before, f).toHtmlEscaped(),
                              fieldOf(c.after, f).toHtmlEscaped());
        changed << QStringLiteral("<b>%1</b> — %2")
                       .arg(c.after.name.toHtmlEscaped(), parts.join(QStringLiteral("; ")));
    }
    section(tr("Added"), added);
    section(tr("Removed"), removed);
    section(tr("Changed"), changed);
    m_detail->setHtml(html);
}

void SubprocessorListPanel::saveSettings()
{
    VendorListSettings s = VendorWatchService(m_workspace).settings(m_processorId);
    s.url = m_url->text().trimmed();
    s.window = {m_days->value(), m_businessDays->isChecked()};
    s.checkIntervalHours = m_interval->value();
    if (auto ok = VendorWatchService(m_workspace).saveSettings(s); !ok)
        MessageBox::warning(this, tr("Cannot save the settings"), ok.error());
    else
        m_status->setText(tr("Settings saved."));
}

void SubprocessorListPanel::report(const Result<ListOutcome>& outcome)
{
    if (!outcome) {
        Style::textColour(m_status, Tone::Error);
        m_status->setText(outcome.error());
        MessageBox::warning(this, tr("The list was not recorded"), outcome.error());
        return;
    }
    Style::textColour(m_status, Tone::Good);
    if (outcome.value().notModified)
        m_status->setText(tr("The list has not changed since the last check."));
    else if (!outcome.value().notice)
        m_status->setText(tr("No change against %1.").arg(outcome.value().comparedWith));
    else
        m_status->setText(
            tr("New notice: %1 against %2.")
                .arg(outcome.value().notice->diff.summary(), outcome.value().comparedWith));
    reload();
    if (outcome.value().notice)
        selectNotice(outcome.value().notice->id);
}

void SubprocessorListPanel::importFile()
{
    const QString path = FileDialog::openFile(
        this, tr("Import a sub-processor list"),
        tr("Lists (*.csv *.tsv *.xlsx *.json *.md *.html *.htm);;All files (*)"));
    if (path.isEmpty())
        return;
    report(VendorWatchService(m_workspace).recordFile(m_processorId, path, m_received->date()));
}

void SubprocessorListPanel::pasteList()
{
    const auto text = InputDialog::text(
        this, tr("Paste a sub-processor list"),
        tr("Paste the list with its header row (copied from the web page or a spreadsheet):"), {},
        true);
    if (!text || text->trimmed().isEmpty())
        return;
    report(VendorWatchService(m_workspace)
               .recordText(m_processorId, text->toUtf8(), m_received->date()));
}

void SubprocessorListPanel::checkNow()
{
    report(VendorWatchService(m_workspace).checkNow(m_processorId, m_received->date()));
}

void SubprocessorListPanel::acceptSelected()
{
    auto command = AcceptNoticeCommand::create(m_workspace, selectedNoticeId());
    if (!command) {
        MessageBox::warning(this, tr("Cannot accept"), command.error());
        return;
    }
    const int changes = int(command.value()->changes().size());
    if (MessageBox::question(
            this, tr("Accept the changes"),
            countText("workbench::SubprocessorListPanel",
                      QT_TRANSLATE_NOOP("workbench::SubprocessorListPanel",
                                        "Accept the changes and update %n sub-processor(s) in the "
                                        "registry? (Edit ▸ Undo takes it back.)"),
                      changes)) != QMessageBox::Yes) {
        delete command.value();
        return;
    }
    m_undoStack.push(command.value());
    m_status->setText(
        countText("workbench::SubprocessorListPanel",
                  QT_TRANSLATE_NOOP("workbench::SubprocessorListPanel",
                                    "Accepted; %n sub-processor(s) updated in the registry."),
                  changes));
    reload();
}

void SubprocessorListPanel::objectToSelected()
{
    VendorWatchService service(m_workspace);
    auto notice = service.notice(selectedNoticeId());
    auto vendor = m_workspace.processor(m_processorId);
    if (!notice || !vendor || !vendor.value())
        return;
    const QStringList names{tr("English"), tr("German"), tr("French")};
    const auto language = InputDialog::item(this, tr("Objection letter"), tr("Language:"), names);
    if (!language)
        return;
    const auto reasons =
        InputDialog::text(this, tr("Objection letter"),
                          tr("Your reasons (optional, they go in the letter):"), {}, true);
    if (!reasons)
        return;
    ObjectionInput in;
    in.notice = notice.value();
    in.vendor = *vendor.value();
    in.language = ObjectionLetters::languages().value(int(names.indexOf(*language)));
    in.reasons = *reasons;
    in.signer = m_workspace.actor();
    in.date = QDate::currentDate();
    if (auto orgs = m_workspace.organizations(); orgs && !in.vendor.organizationIds.isEmpty())
        for (const Organization& o : orgs.value())
            if (o.id == in.vendor.organizationIds.first())
                in.organization = o.name;
    auto letter = ObjectionLetters::compose(in);
    if (!letter) {
        MessageBox::warning(this, tr("Cannot write the letter"), letter.error());
        return;
    }
    const QString path =
        FileDialog::saveFile(this, tr("Save the objection letter"),
                             QStringLiteral("objection-%1-%2.pdf")
                                 .arg(m_processorId, in.notice.receivedOn.toString(Qt::ISODate)),
                             tr("PDF (*.pdf);;Text (*.txt);;E-mail (*.eml)"));
    if (path.isEmpty())
        return;
    if (auto w = ObjectionLetters::write(letter.value(), path); !w) {
        MessageBox::warning(this, tr("Cannot write the letter"), w.error());
        return;
    }
    if (auto s = service.object(in.notice.id,
                                tr("Objection letter: %1").arg(QFileInfo(path).fileName()));
        !s) {
        MessageBox::warning(this, tr("Cannot record the objection"), s.error());
        return;
    }
    m_status->setText(tr("Objection written to %1; the notice stays open until the vendor "
                         "answers.")
                          .arg(QFileInfo(path).fileName()));
    reload();
}

void SubprocessorListPanel::noteSelected()
{
    const auto note =
        InputDialog::text(this, tr("Note without action"),
                          tr("Why no action is needed (or what the vendor answered):"));
    if (!note)
        return;
    if (auto s = VendorWatchService(m_workspace).note(selectedNoticeId(), *note); !s)
        MessageBox::warning(this, tr("Cannot record the note"), s.error());
    reload();
}

} // namespace workbench
