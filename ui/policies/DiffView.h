#pragma once

#include "policy/TextDiff.h"

#include <QWidget>

class QAction;
class QLabel;
class QTreeView;

namespace workbench {

class DiffRowsModel;

// Side by side: the old text on the left, the new on the right, rows
// aligned, removed / added / changed rows coloured and the changed words
// highlighted inside them. One view for both sides, so they scroll
// together. F7 / Shift+F7 step through the changes.
class DiffView : public QWidget
{
    Q_OBJECT

public:
    explicit DiffView(QWidget* parent = nullptr);

    void setDiff(diff::Result diff);
    DiffRowsModel* model() const { return m_model; }
    QTreeView* view() const { return m_view; }
    int currentRow() const;
    QString summaryText() const;

public slots:
    void nextChange();
    void previousChange();

private:
    void goTo(int row);
    void relayoutSoon();

    DiffRowsModel* m_model = nullptr;
    QTreeView* m_view = nullptr;
    QLabel* m_summary = nullptr;
    QAction* m_next = nullptr;
    QAction* m_previous = nullptr;
};

} // namespace workbench
