#pragma once

#include "domain/Deadlines.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace workbench {

class DeadlineRulesService;

// The deadline rules the officer can edit (each change audited, shipped
// defaults restorable) and the holiday calendar of one organization.
class DeadlineRulesDialog : public QDialog
{
    Q_OBJECT

public:
    DeadlineRulesDialog(DeadlineRulesService& service, const QString& organizationId,
                        const QString& organizationName, QWidget* parent = nullptr);

    // Saves what changed; false (with the reason shown) when something is
    // not valid — nothing is then saved.
    bool save();

    // For a read-only workspace: the rules and holidays can be read, not
    // changed; Save and Restore are hidden, Cancel becomes Close.
    void makeReadOnly();

private:
    void load();
    Result<QList<DeadlineRule>> editedRules() const;

    DeadlineRulesService& m_service;
    QString m_organizationId;
    DeadlineRuleSet m_rules;
    QTableWidget* m_table = nullptr;
    QPlainTextEdit* m_holidays = nullptr;
    QLabel* m_problem = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QPushButton* m_restore = nullptr;
};

} // namespace workbench
