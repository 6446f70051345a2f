#pragma once

#include "sync/RefusedRecords.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace workbench {

class Workspace;

// The Sync page's "Waiting" tab: the records a sync received but could not
// apply (a parent not there yet, a value the contract refuses), kept and
// tried again on every sync. Shows why and the record as it was sent; the
// officer may dismiss one (asked first, audited).
class WaitingRecordsView : public QWidget
{
    Q_OBJECT

public:
    explicit WaitingRecordsView(Workspace& workspace, QWidget* parent = nullptr);

    void reload();
    int count() const { return int(m_records.size()); }
    // Read-only: the records can be read, not dismissed.
    void setReadOnly(bool readOnly);

signals:
    void countChanged(int count);
    void statusMessage(const QString& text);

private:
    void showRecord();
    void dismissSelected();

    Workspace& m_workspace;
    QList<sync::RefusedRecord> m_records;
    QTreeWidget* m_list = nullptr;
    QPlainTextEdit* m_record = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_dismiss = nullptr;
    bool m_readOnly = false;
};

} // namespace workbench
