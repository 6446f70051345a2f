#include "RequestCharts.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QLineSeries>
#include <QLocale>
#include <QVBoxLayout>
#include <QValueAxis>

namespace workbench {

namespace {

QChartView* makeView(const QString& name)
{
    auto view = new QChartView;
    view->setObjectName(name);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(220);
    return view;
}

QChart* freshChart(const QString& title)
{
    auto chart = new QChart;
    chart->setTitle(title);
    chart->legend()->hide();
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setMargins(QMargins(4, 4, 4, 4));
    return chart;
}

} // namespace

RequestCharts::RequestCharts(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("requestCharts"));
    m_daysLeft = makeView(QStringLiteral("daysLeftChart"));
    m_onTime = makeView(QStringLiteral("onTimeChart"));
    auto layout = new QVBoxLayout(this);
    layout->addWidget(m_daysLeft);
    layout->addWidget(m_onTime);
    setStats({});
}

void RequestCharts::setStats(const RequestStats& stats)
{
    {
        QChart* chart = freshChart(tr("Open requests by days left"));
        auto set = new QBarSet(tr("Open requests"));
        const QList<QColor> colours{QColor(0xc0, 0x30, 0x30), QColor(0xe0, 0x8a, 0x1e),
                                    QColor(0xd8, 0xc0, 0x30), QColor(0x5b, 0x8d, 0xc8),
                                    QColor(0x5b, 0x8d, 0xc8), QColor(0x5b, 0x8d, 0xc8)};
        int max = 1;
        for (int i = 0; i < 6; ++i) {
            const int v = stats.openByDaysLeft.value(i);
            *set << v;
            max = std::max(max, v);
        }
        set->setColor(QColor(0x5b, 0x8d, 0xc8));
        // Colour the urgent buckets like the queue does.
        for (int i = 0; i < 3; ++i)
            set->selectBar(i);
        set->setSelectedColor(colours[0]);
        auto series = new QBarSeries;
        series->append(set);
        series->setLabelsVisible(true);
        chart->addSeries(series);
        auto x = new QBarCategoryAxis;
        x->append(RequestStats::daysLeftBuckets());
        auto y = new QValueAxis;
        y->setRange(0, max);
        y->applyNiceNumbers();
        y->setLabelFormat(QStringLiteral("%d"));
        x->setTitleText(tr("days left"));
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        series->attachAxis(x);
        series->attachAxis(y);
        QChart* old = m_daysLeft->chart();
        m_daysLeft->setChart(chart);
        delete old;
    }
    {
        QChart* chart = freshChart(tr("Closed on time, by month (%)"));
        auto set = new QBarSet(tr("On time"));
        set->setColor(QColor(0x3c, 0x8c, 0x5a));
        QStringList months;
        for (const RequestStats::Month& m : stats.onTimeByMonth) {
            const QDate first = QDate::fromString(m.month + QStringLiteral("-01"), Qt::ISODate);
            months << (first.isValid() ? QLocale().toString(first, QStringLiteral("MMM yy"))
                                       : m.month);
            *set << (m.closed ? 100.0 * m.onTime / m.closed : 0.0);
        }
        auto series = new QBarSeries;
        series->append(set);
        series->setLabelsVisible(true);
        series->setLabelsFormat(QStringLiteral("@value%"));
        series->setLabelsPrecision(3);
        chart->addSeries(series);
        auto x = new QBarCategoryAxis;
        x->append(months);
        auto y = new QValueAxis;
        y->setRange(0, 100);
        y->setTickCount(6);
        y->setLabelFormat(QStringLiteral("%d%%"));
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        series->attachAxis(x);
        series->attachAxis(y);
        QChart* old = m_onTime->chart();
        m_onTime->setChart(chart);
        delete old;
    }
}

} // namespace workbench
