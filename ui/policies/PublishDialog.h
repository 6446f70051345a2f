#pragma once

#include <QDate>
#include <QDialog>

class QDateEdit;
class QDialogButtonBox;
class QLabel;

namespace workbench {

// Asks when users are notified and when the version takes effect; the
// organization's notice period is checked as the dates change, and OK
// stays off (with the reason shown) while it is not respected.
class PublishDialog : public QDialog
{
    Q_OBJECT

public:
    PublishDialog(const QString& versionTitle, int noticePeriodDays, QDate today,
                  QWidget* parent = nullptr);

    QDate notifiedOn() const;
    QDate effectiveOn() const;
    void setDates(QDate notifiedOn, QDate effectiveOn);
    QString problem() const; // empty when the dates are acceptable

private:
    void check();

    int m_noticeDays;
    QDateEdit* m_notified = nullptr;
    QDateEdit* m_effective = nullptr;
    QLabel* m_reason = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace workbench
