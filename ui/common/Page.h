#pragma once

#include <QWidget>

namespace workbench {

// One page of the sidebar. Pages show the organization the toolbar picker
// chose, and reach data only through item models and the Workspace.
//
// A page reads its data when it is on screen: a change of organization, or
// of the records it shows, while it is hidden only marks it stale, and it
// refreshes when it is next shown. Start-up reads only the first page.
class Page : public QWidget
{
    Q_OBJECT

public:
    using QWidget::QWidget;

    virtual QString title() const = 0;
    virtual QString pageName() const = 0; // for --page and settings

    void setOrganization(const QString& organizationId);
    QString organizationId() const { return m_organizationId; }

signals:
    void statusMessage(const QString& text);

protected:
    // Reads what the page shows for organizationId().
    virtual void refresh() = 0;
    // Refreshes now if the page is visible, else when it is next shown.
    void requestRefresh();
    void showEvent(QShowEvent* event) override;

private:
    QString m_organizationId;
    bool m_stale = true;
};

} // namespace workbench
