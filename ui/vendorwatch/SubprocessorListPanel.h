#pragma once

#include "domain/VendorWatch.h"

#include <QWidget>

class QCheckBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTextBrowser;
class QTreeWidget;
class QUndoStack;

namespace workbench {

class Workspace;

// One processor's published sub-processor list: where it is and the
// objection window of its DPA, the last list received, new versions from a
// file, pasted text or the URL ("Check now"), and the change notices with
// their decisions (accept: undoable; object: a letter; note).
class SubprocessorListPanel : public QWidget
{
    Q_OBJECT

public:
    SubprocessorListPanel(Workspace& workspace, QUndoStack& undoStack, const QString& processorId,
                          QWidget* parent = nullptr);

    void reload();
    bool selectNotice(qint64 id);
    qint64 selectedNoticeId() const;

    // The actions, as the buttons run them (the GUI tests call them too).
    void importFile();
    void pasteList();
    void checkNow();
    void acceptSelected();
    void objectToSelected();
    void noteSelected();

private:
    void saveSettings();
    void showNotice();
    void report(const Result<struct ListOutcome>& outcome);

    Workspace& m_workspace;
    QUndoStack& m_undoStack;
    QString m_processorId;
    QLineEdit* m_url = nullptr;
    QSpinBox* m_days = nullptr;
    QCheckBox* m_businessDays = nullptr;
    QSpinBox* m_interval = nullptr;
    QLabel* m_last = nullptr;
    QDateEdit* m_received = nullptr;
    QTreeWidget* m_notices = nullptr;
    QTextBrowser* m_detail = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_accept = nullptr;
    QPushButton* m_object = nullptr;
    QPushButton* m_note = nullptr;
    QList<SubprocessorNotice> m_loaded;
};

} // namespace workbench
