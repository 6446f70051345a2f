#pragma once

#include "domain/Records.h"

#include <QWidget>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace workbench {

// Edits every field of one processor's contract. It does not save: Apply
// hands the edited record to the page, which pushes an undoable command.
class ProcessorDetailPane : public QWidget
{
    Q_OBJECT

public:
    explicit ProcessorDetailPane(QWidget* parent = nullptr);

    // Shows `processor` (or an empty state for nullptr). `parents` are the
    // processors it may be a sub-processor of; `organizations` those that
    // may use it.
    void setProcessor(const Processor* processor, const QList<Processor>& parents,
                      const QList<Organization>& organizations);
    QString processorId() const { return m_original.id; }
    bool isDirty() const;

    // The record as edited, or the first problem (field and reason).
    Result<Processor> edited() const;

    void focusName();

    // Read-only: the fields can be read, selected and copied, not changed;
    // Apply and Revert are hidden.
    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_readOnly; }

signals:
    void applyRequested();
    // The vendor watch of the processor shown: its sub-processor list and
    // change notices, or its reviews.
    void subprocessorListRequested();
    void reviewsRequested();

private:
    QLineEdit* addLine(const char* objectName, const QString& label,
                       const QString& placeholder = {});
    void updateState();

    Processor m_original;
    bool m_loading = false;
    bool m_readOnly = false;
    QWidget* m_form = nullptr;
    QLabel* m_empty = nullptr;
    QLabel* m_heading = nullptr;
    QLabel* m_problem = nullptr;
    QFormLayout* m_layout = nullptr;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_aliases = nullptr;
    QLineEdit* m_legalEntity = nullptr;
    QPlainTextEdit* m_address = nullptr;
    QLineEdit* m_contact = nullptr;
    QLineEdit* m_website = nullptr;
    QLineEdit* m_service = nullptr;
    QLineEdit* m_purposes = nullptr;
    QLineEdit* m_dataCategories = nullptr;
    QLineEdit* m_dataSubjects = nullptr;
    QLineEdit* m_locations = nullptr;
    QComboBox* m_transfer = nullptr;
    QComboBox* m_dpaStatus = nullptr;
    QLineEdit* m_dpaSignedOn = nullptr;
    QLineEdit* m_dpaUrl = nullptr;
    QLineEdit* m_certifications = nullptr;
    QComboBox* m_status = nullptr;
    QComboBox* m_parent = nullptr;
    QListWidget* m_organizations = nullptr;
    QLineEdit* m_reviewDue = nullptr;
    QPushButton* m_apply = nullptr;
    QPushButton* m_revert = nullptr;
};

} // namespace workbench
