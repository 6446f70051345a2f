#pragma once

#include "export/ProcessorImport.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QListWidget;
class QTableWidget;

namespace workbench {

class Workspace;

// Imports a processor list: each column's meaning (guessed from its header,
// correctable), a preview of the rows, and what the import would add,
// update and reject, row by row. Import applies it in one transaction.
class ImportProcessorsDialog : public QDialog
{
    Q_OBJECT

public:
    ImportProcessorsDialog(Workspace& workspace, const QString& organizationId, ImportTable table,
                           QWidget* parent = nullptr);

    const ImportPlan& plan() const { return m_plan; }
    // Sets the meaning of column `column` (as the officer would).
    void setMapping(int column, ImportField field);
    Status apply();

private:
    void replan();

    Workspace& m_workspace;
    QString m_organizationId;
    ImportTable m_table;
    ImportPlan m_plan;
    QList<QComboBox*> m_mapping;
    QTableWidget* m_preview = nullptr;
    QListWidget* m_report = nullptr;
    QLabel* m_summary = nullptr;
};

} // namespace workbench
