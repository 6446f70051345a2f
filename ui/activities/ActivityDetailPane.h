#pragma once

#include "domain/Activity.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace workbench {

// Shows and edits one processing activity, every Art. 30(1) element of it:
// name, role, purposes, legal basis and Art. 9 condition (enabled only when
// a special category is checked), data subjects and categories (checkable),
// recipients (the organization's processors, and others), transfers
// (derived, or set by hand), retention rules, security measures (the
// Annex II catalogue and words), systems and the DPIA. Apply (Ctrl+Return)
// asks the page to save; the page checks and makes it an undoable command.
class ActivityDetailPane : public QWidget
{
    Q_OBJECT

public:
    explicit ActivityDetailPane(QWidget* parent = nullptr);

    // Shows `activity` (nullptr: the empty state) with the organization's
    // processors and rules to pick from; `registry` is every processor (the
    // transfers follow sub-processors of any).
    void setActivity(const ProcessingActivity* activity,
                     const QList<Processor>& organizationProcessors,
                     const QList<Processor>& registry, const QList<RetentionRule>& rules);
    QString activityId() const { return m_current.id; }
    // The activity as edited (the shown one with the widgets' values).
    ProcessingActivity edited() const;
    void setReadOnly(bool readOnly);
    void focusName();
    // Shows the page's refusal under the form.
    void showProblem(const QString& text);

signals:
    void applyRequested();

private:
    QLineEdit* addLine(const char* name, const QString& label, const QString& placeholder = {});
    QListWidget* addChecks(const char* name, const QString& label, int height = 110);
    void updateState();
    void fillTransfers(const QList<Transfer>& transfers);
    QList<Transfer> transfersFromTable() const;
    void addRecipientRow(const OtherRecipient& r);
    QComboBox* watched(QComboBox* combo); // a cell's combo box that updates the state

    ProcessingActivity m_current;
    QList<Processor> m_registry;
    bool m_readOnly = false;
    bool m_filling = false;

    QLabel* m_empty = nullptr;
    QWidget* m_form = nullptr;
    QFormLayout* m_layout = nullptr;
    QLabel* m_heading = nullptr;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_description = nullptr;
    QComboBox* m_role = nullptr;
    QLineEdit* m_jointController = nullptr;
    QLineEdit* m_controllers = nullptr;
    QPlainTextEdit* m_purposes = nullptr;
    QComboBox* m_legalBasis = nullptr;
    QLineEdit* m_legalBasisNote = nullptr;
    QComboBox* m_art9 = nullptr;
    QListWidget* m_subjects = nullptr;
    QListWidget* m_categories = nullptr;
    QListWidget* m_processors = nullptr;
    QTableWidget* m_recipients = nullptr;
    QLabel* m_derived = nullptr;
    QCheckBox* m_overrideTransfers = nullptr;
    QTableWidget* m_transfers = nullptr;
    QListWidget* m_rules = nullptr;
    QLineEdit* m_retentionNote = nullptr;
    QListWidget* m_measures = nullptr;
    QLineEdit* m_measuresNote = nullptr;
    QLineEdit* m_systems = nullptr;
    QComboBox* m_dpiaStatus = nullptr;
    QLineEdit* m_dpiaReference = nullptr;
    QLabel* m_problems = nullptr;
    QPushButton* m_apply = nullptr;
    QList<QWidget*> m_editors;
};

} // namespace workbench
