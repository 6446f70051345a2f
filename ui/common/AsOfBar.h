#pragma once

#include <QDate>
#include <QWidget>

class QDateEdit;
class QLabel;
class QPushButton;

namespace workbench {

// "Show as of [date]": the day whose end a page shows its records as of
// (rebuilt from the audit log), and, for a past day, the banner that says
// the page is read-only ("Registry as of 3 March 2026 — read-only. Back to
// today"). The page reads the records for dayChanged() and disables its
// editing while isPast(). Shared by the pages that show audited records.
class AsOfBar : public QWidget
{
    Q_OBJECT

public:
    // `subject` names what is shown: "Registry", "Activities".
    explicit AsOfBar(const QString& subject, QWidget* parent = nullptr);

    // The day shown; invalid while the page shows today's records.
    QDate day() const { return m_day; }
    bool isPast() const { return m_day.isValid(); }
    // The first day the audit log can answer for (invalid: no limit).
    void setEarliestDay(QDate day);
    // Shows a past day (today or later: back to today).
    void showDay(QDate day);
    void backToToday() { showDay({}); }

signals:
    // The page reads its records for `day` (invalid: today's).
    void dayChanged(QDate day);

private:
    void update();

    QString m_subject;
    QDate m_day;
    QDateEdit* m_date = nullptr;
    QPushButton* m_show = nullptr;
    QWidget* m_banner = nullptr;
    QLabel* m_bannerText = nullptr;
    QPushButton* m_today = nullptr;
};

} // namespace workbench
