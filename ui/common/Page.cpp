#include "Page.h"

namespace workbench {

void Page::setOrganization(const QString& organizationId)
{
    if (organizationId == m_organizationId && !m_stale)
        return;
    m_organizationId = organizationId;
    requestRefresh();
}

void Page::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    updateEditing();
}

void Page::requestRefresh()
{
    m_stale = true;
    if (isVisible()) {
        m_stale = false;
        refresh();
    }
}

void Page::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_stale) {
        m_stale = false;
        refresh();
    }
}

} // namespace workbench
