#include "WaitingRecordsView.h"

#include "common/Style.h"
#include "dialogs/MessageBox.h"
#include "services/SyncDesk.h"

#include <QFont>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QPalette>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace workbench {

WaitingRecordsView::WaitingRecordsView(Workspace& workspace, QWidget* parent)
    : QWidget(parent)
    , m_workspace(workspace)
{
    auto layout = new QVBoxLayout(this);
    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("waitingMessage"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    auto split = new QSplitter(Qt::Vertical);
    m_list = new QTreeWidget;
    m_list->setObjectName(QStringLiteral("waitingRecords"));
    m_list->setHeaderLabels({tr("Record"), tr("Why"), tr("Source"), tr("Since"), tr("Tries")});
    m_list->setRootIsDecorated(false);
    m_list->setAlternatingRowColors(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    split->addWidget(m_list);
    m_record = new QPlainTextEdit;
    m_record->setObjectName(QStringLiteral("waitingRecord"));
    m_record->setReadOnly(true);
    split->addWidget(m_record);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);
    auto buttons = new QHBoxLayout;
    m_dismiss = new QPushButton(tr("&Dismiss…"));
    m_dismiss->setObjectName(QStringLiteral("dismissWaiting"));
    m_dismiss->setToolTip(tr("Stop trying this record; the audit log keeps it as it was sent"));
    buttons->addWidget(m_dismiss);
    buttons->addStretch();
    layout->addLayout(buttons);
    connect(m_list, &QTreeWidget::currentItemChanged, this, &WaitingRecordsView::showRecord);
    connect(m_dismiss, &QPushButton::clicked, this, &WaitingRecordsView::dismissSelected);
}

void WaitingRecordsView::reload()
{
    const QString current =
        m_list->currentItem() ? m_list->currentItem()->data(0, Qt::UserRole).toString() : QString();
    auto records = sync::SyncDesk(m_workspace).waiting();
    m_records = records ? records.value() : QList<sync::RefusedRecord>();
    if (!records)
        emit statusMessage(records.error());
    const QSignalBlocker block(m_list);
    m_list->clear();
    QTreeWidgetItem* select = nullptr;
    for (const sync::RefusedRecord& r : std::as_const(m_records)) {
        const QString key = r.resource + u'/' + r.id;
        auto item = new QTreeWidgetItem(
            m_list, {key, r.refusal.cause, r.source,
                     QLocale().toString(r.firstRefusedAt.toLocalTime(), QLocale::ShortFormat),
                     QString::number(r.tries)});
        item->setData(0, Qt::UserRole, key);
        item->setToolTip(1, r.refusal.reason);
        if (key == current)
            select = item;
    }
    if (!select && m_list->topLevelItemCount() > 0)
        select = m_list->topLevelItem(0);
    m_list->setCurrentItem(select);
    for (int c = 0; c < m_list->columnCount(); ++c)
        if (c != 1)
            m_list->resizeColumnToContents(c);
    m_message->setText(
        m_records.isEmpty()
            ? tr("No record waits. A record a sync cannot apply (its organization not there "
                 "yet, a value the contract does not allow) is kept here and tried again on "
                 "every sync.")
            : tr("%1 record(s) a sync could not apply, kept and tried again on every sync until "
                 "they apply or the server sends a newer copy. Dismiss one to stop trying it.")
                  .arg(m_records.size()));
    if (m_records.isEmpty()) {
        Style::emptyState(m_message);
    } else { // not an empty state: read as ordinary text
        m_message->setPalette(QPalette());
        m_message->setFont(QFont());
    }
    showRecord();
    emit countChanged(int(m_records.size()));
}

void WaitingRecordsView::showRecord()
{
    const int row = m_list->currentItem() ? m_list->indexOfTopLevelItem(m_list->currentItem()) : -1;
    m_dismiss->setEnabled(!m_readOnly && row >= 0);
    if (row < 0 || row >= m_records.size()) {
        m_record->clear();
        return;
    }
    const sync::RefusedRecord& r = m_records[row];
    m_record->setPlainText(
        tr("%1: %2").arg(r.refusal.field.isEmpty() ? r.refusal.cause : r.refusal.field,
                         r.refusal.reason) +
        QStringLiteral("\n\n") +
        QString::fromUtf8(QJsonDocument(r.record).toJson(QJsonDocument::Indented)));
}

void WaitingRecordsView::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    showRecord();
}

void WaitingRecordsView::dismissSelected()
{
    const int row = m_list->currentItem() ? m_list->indexOfTopLevelItem(m_list->currentItem()) : -1;
    if (row < 0 || row >= m_records.size())
        return;
    const sync::RefusedRecord r = m_records[row];
    if (MessageBox::question(this, tr("Dismiss a waiting record"),
                             tr("Stop trying %1/%2 (%3)? It will not be applied unless the server "
                                "sends it again; the audit log keeps it as it was sent.")
                                 .arg(r.resource, r.id, r.refusal.cause)) != QMessageBox::Yes)
        return;
    if (auto s = sync::SyncDesk(m_workspace).dismiss(r.resource, r.id); !s) {
        m_message->setText(s.error());
        Style::textColour(m_message, Tone::Error);
        return;
    }
    emit statusMessage(tr("Dismissed %1/%2: it is no longer tried.").arg(r.resource, r.id));
    reload();
}

} // namespace workbench
