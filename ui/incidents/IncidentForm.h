#pragma once

#include "domain/Incident.h"
#include "domain/Records.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QSpinBox;

namespace workbench {

// The facts of one incident, as the officer records them: what happened,
// when (in the incident's zone), who reported it (a processor with its
// notice time and contractual hours), what it touched, its effects and the
// measures. The risk, decisions and submissions have their own controls on
// the page.
class IncidentForm : public QWidget
{
    Q_OBJECT

public:
    explicit IncidentForm(QWidget* parent = nullptr);

    void setProcessors(const QList<Processor>& processors);
    void setJurisdictions(const QStringList& jurisdictions);
    // Shows `incident` (an empty one: a new incident, aware now).
    void setIncident(const Incident& incident);
    // The incident as the form holds it (risk, decisions and submissions as
    // they were given to setIncident()).
    Incident incident() const;
    void setReadOnly(bool readOnly);

private:
    QDateTime timeOf(const QDateTimeEdit* edit) const;
    void showTime(QDateTimeEdit* edit, const QDateTime& t) const;

    Incident m_base;
    QLineEdit* m_title = nullptr;
    QPlainTextEdit* m_what = nullptr;
    QComboBox* m_jurisdiction = nullptr;
    QCheckBox* m_nis2 = nullptr;
    QLineEdit* m_zone = nullptr;
    QDateTimeEdit* m_started = nullptr;
    QDateTimeEdit* m_discovered = nullptr;
    QDateTimeEdit* m_aware = nullptr;
    QComboBox* m_reportedBy = nullptr;
    QLineEdit* m_reporterName = nullptr;
    QComboBox* m_reporterProcessor = nullptr;
    QDateTimeEdit* m_processorAware = nullptr;
    QDateTimeEdit* m_processorNotice = nullptr;
    QSpinBox* m_contractHours = nullptr;
    QListWidget* m_processors = nullptr;
    QLineEdit* m_systems = nullptr;
    QLineEdit* m_activities = nullptr;
    QLineEdit* m_categories = nullptr;
    QLineEdit* m_special = nullptr;
    QSpinBox* m_people = nullptr;
    QSpinBox* m_records = nullptr;
    QPlainTextEdit* m_consequences = nullptr;
    QPlainTextEdit* m_taken = nullptr;
    QPlainTextEdit* m_proposed = nullptr;
    QLineEdit* m_contact = nullptr;
};

} // namespace workbench
