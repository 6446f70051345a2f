#pragma once

#include <QWidget>

namespace workbench {

// One page of the sidebar. Pages show the organization the toolbar picker
// chose, and reach data only through item models and the Workspace.
class Page : public QWidget
{
    Q_OBJECT

public:
    using QWidget::QWidget;

    virtual QString title() const = 0;
    virtual QString pageName() const = 0; // for --page and settings
    virtual void setOrganization(const QString& organizationId) = 0;

signals:
    void statusMessage(const QString& text);
};

} // namespace workbench
