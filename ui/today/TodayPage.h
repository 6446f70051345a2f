#pragma once

#include "common/Page.h"

class QTreeWidget;
class QLabel;

namespace workbench {

class Workspace;

// What needs attention today in the chosen organization: vendor reviews
// due, processors holding personal data without a signed DPA, and open
// rights requests. Double-click jumps to the record.
class TodayPage : public Page
{
    Q_OBJECT

public:
    explicit TodayPage(Workspace& workspace, QWidget* parent = nullptr);

    QString title() const override { return tr("Today"); }
    QString pageName() const override { return QStringLiteral("today"); }

signals:
    void openRecord(const QString& resource, const QString& id);

protected:
    void refresh() override;

private:
    Workspace& m_workspace;
    QLabel* m_summary = nullptr;
    QTreeWidget* m_items = nullptr;
};

} // namespace workbench
