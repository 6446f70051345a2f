#pragma once

#include "storage/RequestStats.h"

#include <QWidget>

QT_BEGIN_NAMESPACE
class QChartView;
QT_END_NAMESPACE

namespace workbench {

// Two charts of the queue: open requests by days left, and the share of
// requests closed on time, month by month.
class RequestCharts : public QWidget
{
    Q_OBJECT

public:
    explicit RequestCharts(QWidget* parent = nullptr);
    void setStats(const RequestStats& stats);

private:
    QChartView* m_daysLeft = nullptr;
    QChartView* m_onTime = nullptr;
};

} // namespace workbench
