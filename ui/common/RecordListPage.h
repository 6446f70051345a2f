#pragma once

#include "FilteredTable.h"
#include "Page.h"
#include "itemmodels/RecordListModel.h"
#include "storage/Workspace.h"

#include <QLabel>
#include <QVBoxLayout>

namespace workbench {

// What a list page shows and says.
struct ListPageText
{
    QString title;
    QString pageName;
    QString heading;
    QString filterHint;
    QString emptyText;
    QString resource; // reload when a record of this resource changes
};

// A page that lists one kind of record of the organization in a filtered,
// sortable table, and follows the workspace's changes.
template <typename T> class RecordListPage : public Page
{
public:
    using Loader = Result<QList<T>> (Workspace::*)(const QString&) const;

    RecordListPage(Workspace& workspace, RecordListModel<T>* model, Loader loader,
                   ListPageText text, QWidget* parent = nullptr)
        : Page(parent)
        , m_workspace(workspace)
        , m_model(model)
        , m_loader(loader)
        , m_text(std::move(text))
    {
        setObjectName(m_text.pageName + QStringLiteral("Page"));
        m_model->setParent(this);
        m_table = new FilteredTable(m_model, m_text.pageName, m_text.filterHint, m_text.emptyText);
        m_layout = new QVBoxLayout(this);
        m_layout->addWidget(makeHeading(m_text.heading));
        m_layout->addWidget(m_table, 1);
        QObject::connect(&m_workspace, &Workspace::recordChanged, this,
                         [this](const QString& resource) {
                             if (resource == m_text.resource)
                                 requestRefresh();
                         });
    }

    QString title() const override { return m_text.title; }
    QString pageName() const override { return m_text.pageName; }
    FilteredTable* table() const { return m_table; }
    RecordListModel<T>* model() const { return m_model; }

protected:
    QVBoxLayout* pageLayout() const { return m_layout; }

    void refresh() override
    {
        auto records = (m_workspace.*m_loader)(organizationId());
        m_model->setRecords(records ? records.value() : QList<T>());
        if (!records)
            emit statusMessage(records.error());
    }

    Workspace& m_workspace;

private:
    RecordListModel<T>* m_model;
    Loader m_loader;
    ListPageText m_text;
    FilteredTable* m_table = nullptr;
    QVBoxLayout* m_layout = nullptr;
};

} // namespace workbench
