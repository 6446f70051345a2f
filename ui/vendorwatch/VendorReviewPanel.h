#pragma once

#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QSpinBox;
class QTableWidget;
class QTreeWidget;

namespace workbench {

class Workspace;

// One processor's vendor reviews: the reviews recorded (date, reviewer,
// outcome, risk tier, next review, evidence with its SHA-256) and a form for
// a new one from a questionnaire template; the cadence per tier and the
// questionnaires are edited here too.
class VendorReviewPanel : public QWidget
{
    Q_OBJECT

public:
    VendorReviewPanel(Workspace& workspace, const QString& processorId, QWidget* parent = nullptr);

    void reload();
    // The form's actions (the GUI tests call them too).
    void addEvidence(const QString& path);
    bool recordReview();
    void editQuestionnaire();

private:
    void loadTemplate();
    void saveCadence();
    void showReview();

    Workspace& m_workspace;
    QString m_processorId;
    QTreeWidget* m_reviews = nullptr;
    QLabel* m_reviewDetail = nullptr;
    QDateEdit* m_date = nullptr;
    QLineEdit* m_reviewer = nullptr;
    QComboBox* m_template = nullptr;
    QTableWidget* m_answers = nullptr;
    QPlainTextEdit* m_findings = nullptr;
    QComboBox* m_outcome = nullptr;
    QComboBox* m_tier = nullptr;
    QListWidget* m_evidence = nullptr;
    QSpinBox* m_high = nullptr;
    QSpinBox* m_medium = nullptr;
    QSpinBox* m_low = nullptr;
    QLabel* m_status = nullptr;
};

} // namespace workbench
