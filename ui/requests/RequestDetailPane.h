#pragma once

#include "services/RequestService.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;
class QUndoStack;

namespace workbench {

// One request: who asked for what, its deadlines with their citation, the
// actions the workflow allows, the per-processor tasks and the history.
// Actions go through undoable commands; a refused action says why.
class RequestDetailPane : public QWidget
{
    Q_OBJECT

public:
    RequestDetailPane(RequestService& service, QUndoStack& undoStack, QWidget* parent = nullptr);

    void setRequest(const QString& id);
    QString requestId() const { return m_id; }
    void reload();
    // Read-only: every action on the request is disabled; its facts,
    // deadlines, tasks and history stay readable.
    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_readOnly; }

private:
    QPushButton* addAction(const char* name, const QString& text, const QString& tip,
                           void (RequestDetailPane::*slot)());
    // Runs `action` as an undoable command named `text`.
    void run(const QString& text, std::function<Status()> action);
    qint64 selectedTaskId() const;
    void updateActions();

    void verifyIdentity();
    void togglePause();
    void extend();
    void assign();
    void addNote();
    void acknowledge();
    void changeStatus();
    void close();
    void generateTasks();
    void markSent();
    void markConfirmed();
    void markNotNeeded();

    RequestService& m_service;
    QUndoStack& m_undoStack;
    QString m_id;
    std::optional<RequestDetail> m_detail;
    bool m_readOnly = false;
    QList<QPushButton*> m_actions; // every button that changes the request
    QLabel* m_empty = nullptr;
    QWidget* m_body = nullptr;
    QLabel* m_heading = nullptr;
    QLabel* m_facts = nullptr;
    QLabel* m_deadlines = nullptr;
    QPushButton* m_verify = nullptr;
    QPushButton* m_pause = nullptr;
    QPushButton* m_extend = nullptr;
    QPushButton* m_acknowledge = nullptr;
    QPushButton* m_close = nullptr;
    QPushButton* m_generateTasks = nullptr;
    QTreeWidget* m_tasks = nullptr;
    QTreeWidget* m_history = nullptr;
};

} // namespace workbench
