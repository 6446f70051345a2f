#pragma once

#include "common/Page.h"

class QComboBox;
class QDateEdit;
class QLabel;
class QTextBrowser;

namespace workbench {

class AuditLogModel;
class FilteredTable;
class Workspace;

// The audit log: every change, who made it, when, and what it was before
// and after; filterable by record and date, with the status of the hash
// chain, its signed head and the records, and the public signing key.
class AuditPage : public Page
{
    Q_OBJECT

public:
    explicit AuditPage(Workspace& workspace, QWidget* parent = nullptr);

    QString title() const override { return tr("Audit"); }
    QString pageName() const override { return QStringLiteral("audit"); }

    AuditLogModel* model() const { return m_model; }
    void verifyChain();

protected:
    void refresh() override;

private:
    void applyFilter();
    void showEntry(const QModelIndex& sourceIndex);

    Workspace& m_workspace;
    AuditLogModel* m_model = nullptr;
    FilteredTable* m_table = nullptr;
    QLabel* m_chainStatus = nullptr;
    QLabel* m_signingKey = nullptr;
    QComboBox* m_recordType = nullptr;
    QDateEdit* m_from = nullptr;
    QDateEdit* m_to = nullptr;
    QTextBrowser* m_detail = nullptr;
};

} // namespace workbench
