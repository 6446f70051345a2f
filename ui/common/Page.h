#pragma once

#include <QWidget>

namespace workbench {

// One page of the sidebar. Pages show the organization the toolbar picker
// chose, and reach data only through item models and the Workspace.
//
// A page reads its data when it is on screen: a change of organization, or
// of the records it shows, while it is hidden only marks it stale, and it
// refreshes when it is next shown. Start-up reads only the first page.
//
// A workspace this user may not change is shown read-only: the main window
// tells every page once, through setReadOnly(), and each page disables its
// editing controls (or makes its editors read-only) in its override of
// updateEditing(), the one place that decides what may be edited. Reading,
// filtering, sorting, exporting, comparing and printing stay available.
class Page : public QWidget
{
    Q_OBJECT

public:
    using QWidget::QWidget;

    virtual QString title() const = 0;
    virtual QString pageName() const = 0; // for --page and settings

    void setOrganization(const QString& organizationId);
    QString organizationId() const { return m_organizationId; }

    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_readOnly; }

signals:
    void statusMessage(const QString& text);

protected:
    // Reads what the page shows for organizationId().
    virtual void refresh() = 0;
    // Refreshes now if the page is visible, else when it is next shown.
    void requestRefresh();
    void showEvent(QShowEvent* event) override;
    // Enables or disables what changes the workspace, from isReadOnly() and
    // the page's own state (what is selected). Pages call it whenever that
    // state changes; setReadOnly() calls it too.
    virtual void updateEditing() {}

private:
    QString m_organizationId;
    bool m_readOnly = false;
    bool m_stale = true;
};

} // namespace workbench
