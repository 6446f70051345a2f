#include "PoliciesPage.h"

#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>

namespace workbench {

PoliciesPage::PoliciesPage(Workspace& workspace, QWidget* parent)
    : RecordListPage(workspace, makePolicyVersionTableModel(nullptr), &Workspace::policyVersions,
                     {tr("Policies"), QStringLiteral("policies"), tr("Policy versions"),
                      tr("Filter versions (Ctrl+F)"),
                      tr("No policy versions for this organization."),
                      QStringLiteral("policy-versions")},
                     parent)
{
    m_text = new QTextBrowser;
    m_text->setObjectName(QStringLiteral("policyText"));
    m_text->setPlaceholderText(tr("Select a version to read it."));
    auto splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(table());
    splitter->addWidget(m_text);
    splitter->setStretchFactor(1, 3);
    pageLayout()->addWidget(splitter, 1);
    QObject::connect(table(), &FilteredTable::currentChanged, m_text,
                     [this](const QModelIndex& index) {
                         const PolicyVersion* v = model()->record(index);
                         m_text->setPlainText(v ? v->body : QString());
                     });
    QObject::connect(model(), &QAbstractItemModel::modelReset, m_text, [this] {
        m_text->clear();
        if (model()->rowCount() > 0)
            table()->view()->selectRow(0);
    });
}

} // namespace workbench
