#pragma once

#include "common/Page.h"
#include "export/DraftWriter.h"

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class QTreeWidget;

namespace workbench {

class IncidentForm;
class IncidentModel;
class Workspace;

// The register of personal-data breaches: the incidents of the organization
// with their soonest clock; for the chosen one its facts, its clocks (hours
// left, red under 24), the risk assessment, the drafts to the authority and
// to the people, and the notifications that went in (the first to the
// authority stops its clock). The register exports as xlsx, pdf, csv, json.
class IncidentsPage : public Page
{
    Q_OBJECT

public:
    explicit IncidentsPage(Workspace& workspace, QWidget* parent = nullptr);

    QString title() const override { return tr("Incidents"); }
    QString pageName() const override { return QStringLiteral("incidents"); }

    IncidentModel* model() const { return m_model; }
    void selectIncident(const QString& id);
    QString currentId() const { return m_currentId; }

protected:
    void refresh() override;
    void updateEditing() override;

private:
    void showIncident(const QString& id);
    void newIncident();
    void saveIncident();
    void assessRisk();
    void composeDraft(int kind);
    void saveDraft();
    void recordSubmission();
    void exportRegister();
    void closeIncident();
    void showError(const QString& message);

    Workspace& m_workspace;
    IncidentModel* m_model = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_message = nullptr;
    IncidentForm* m_form = nullptr;
    QTreeWidget* m_clocks = nullptr;
    QComboBox* m_risk = nullptr;
    QPlainTextEdit* m_reasoning = nullptr;
    QComboBox* m_language = nullptr;
    QComboBox* m_draftPhase = nullptr;
    QPlainTextEdit* m_preview = nullptr;
    QComboBox* m_submissionClock = nullptr;
    QComboBox* m_submissionPhase = nullptr;
    QDateTimeEdit* m_submissionTime = nullptr;
    QLineEdit* m_reference = nullptr;
    QLineEdit* m_delay = nullptr;
    QList<QPushButton*> m_editing; // disabled when read-only or nothing is chosen
    QPushButton* m_saveButton = nullptr;
    QPushButton* m_saveDraftButton = nullptr;
    QString m_currentId;
    DraftText m_draft;
};

} // namespace workbench
