#include "VendorWatchDialog.h"

#include "SubprocessorListPanel.h"
#include "VendorReviewPanel.h"
#include "storage/Workspace.h"

#include <QDialogButtonBox>
#include <QTabWidget>
#include <QVBoxLayout>

namespace workbench {

VendorWatchDialog::VendorWatchDialog(Workspace& workspace, QUndoStack& undoStack,
                                     const QString& processorId, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("vendorWatchDialog"));
    auto processor = workspace.processor(processorId);
    const QString name = processor && processor.value() ? processor.value()->name : processorId;
    setWindowTitle(tr("Vendor watch: %1").arg(name));
    m_tabs = new QTabWidget;
    m_list = new SubprocessorListPanel(workspace, undoStack, processorId);
    m_reviews = new VendorReviewPanel(workspace, processorId);
    m_tabs->addTab(m_list, tr("Sub-processor list"));
    m_tabs->addTab(m_reviews, tr("Reviews"));
    auto buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(buttons);
    resize(900, 680);
}

void VendorWatchDialog::showReviews()
{
    m_tabs->setCurrentWidget(m_reviews);
}

} // namespace workbench
