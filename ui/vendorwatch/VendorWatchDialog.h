#pragma once

#include <QDialog>

class QTabWidget;
class QUndoStack;

namespace workbench {

class SubprocessorListPanel;
class VendorReviewPanel;
class Workspace;

// The vendor watch of one processor: its published sub-processor list and
// change notices, and its reviews (one tab each). Opened from the processor
// detail pane ("Sub-processor list…") and from the Today page.
class VendorWatchDialog : public QDialog
{
    Q_OBJECT

public:
    VendorWatchDialog(Workspace& workspace, QUndoStack& undoStack, const QString& processorId,
                      QWidget* parent = nullptr);

    SubprocessorListPanel* listPanel() const { return m_list; }
    VendorReviewPanel* reviewPanel() const { return m_reviews; }
    void showReviews();

private:
    QTabWidget* m_tabs = nullptr;
    SubprocessorListPanel* m_list = nullptr;
    VendorReviewPanel* m_reviews = nullptr;
};

} // namespace workbench
