#include "RetentionTimeline.h"

#include "domain/Retention.h"

#include <QCategoryAxis>
#include <QChart>
#include <QFontMetrics>
#include <QLineSeries>
#include <QToolTip>
#include <QValueAxis>
#include <cmath>

namespace workbench {

namespace {

constexpr double kHour = 3600;
constexpr double kDay = 86400;
constexpr double kYear = 365.2425 * kDay;
// The axis: log10 of seconds, from one hour to twenty years.
const double kMin = std::log10(kHour);
const double kMax = std::log10(20 * kYear);
// A longer data category is cut, and says so, to leave the bars their room.
constexpr qsizetype kLabelChars = 34;

QColor actionColour(RetentionAction a)
{
    switch (a) {
    case RetentionAction::Delete:
        return QColor(0xc0, 0x39, 0x2b);
    case RetentionAction::Anonymize:
        return QColor(0x8e, 0x44, 0xad);
    case RetentionAction::Aggregate:
        return QColor(0x2e, 0x86, 0xc1);
    }
    return Qt::gray;
}

} // namespace

RetentionTimeline::RetentionTimeline(QWidget* parent)
    : QChartView(parent)
{
    setObjectName(QStringLiteral("retentionTimeline"));
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(260);
    setRules({});
}

void RetentionTimeline::setRules(const QList<RetentionRule>& rules)
{
    m_rules = rules;
    m_barEnds.clear();
    // Grouped by trigger, then longest first.
    if (m_grouped)
        std::stable_sort(m_rules.begin(), m_rules.end(),
                         [](const RetentionRule& a, const RetentionRule& b) {
                             if (a.trigger != b.trigger)
                                 return int(a.trigger) < int(b.trigger);
                             const double x = a.period ? a.period->approximateSeconds() : 1e18;
                             const double y = b.period ? b.period->approximateSeconds() : 1e18;
                             return x > y;
                         });

    auto chart = new QChart;
    chart->setTitle(!m_title.isEmpty()
                        ? m_title
                        : tr("Retention timeline — bars start at the trigger; red delete, purple "
                             "anonymize, blue aggregate; dashed: with an exception"));
    chart->legend()->hide();
    chart->setAnimationOptions(QChart::NoAnimation);

    auto x = new QCategoryAxis;
    x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    x->setRange(kMin, kMax);
    const QList<QPair<double, QString>> ticks{
        {kHour, tr("1 h")},       {24 * kHour, tr("1 day")},  {72 * kHour, tr("72 h")},
        {7 * kDay, tr("1 week")}, {30 * kDay, tr("30 days")}, {90 * kDay, tr("90 days")},
        {kYear, tr("1 year")},    {7 * kYear, tr("7 years")}, {20 * kYear, tr("20 years")}};
    for (const auto& [seconds, label] : ticks)
        x->append(label, std::log10(seconds));
    // The last label is centred on the end of the axis: room for its half.
    const int lastHalf = QFontMetrics(x->labelsFont()).horizontalAdvance(ticks.last().second) / 2;
    chart->setMargins(QMargins(4, 4, std::max(12, lastHalf + 4), 4));
    x->setGridLineVisible(true);
    auto y = new QCategoryAxis;
    y->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    const int n = int(m_rules.size());
    y->setRange(-0.5, std::max(0.5, n - 0.5));
    y->setReverse(true);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);

    RetentionTrigger group = RetentionTrigger::Collection;
    for (int i = 0; i < n; ++i) {
        const RetentionRule& r = m_rules[i];
        QString label = r.dataCategory.size() > kLabelChars
                            ? r.dataCategory.left(kLabelChars - 1).trimmed() + u'…'
                            : r.dataCategory;
        if (m_grouped && (i == 0 || r.trigger != group)) {
            group = r.trigger;
            label = QStringLiteral("▸ %1 · %2").arg(displayLabel(r.trigger), label);
        }
        y->append(label + QString(i, QChar(0x200B)), i); // labels must be unique
        const bool lifetime = !r.period;
        const double end =
            r.period ? std::clamp(r.period->approximateSeconds(), kHour, 20 * kYear) : 20 * kYear;
        m_barEnds.insert(r.id, end);
        auto bar = new QLineSeries;
        bar->setName(r.id);
        bar->append(kMin, i);
        bar->append(std::log10(end), i);
        QPen pen(lifetime ? QColor(0x95, 0xa5, 0xa6) : actionColour(r.action));
        pen.setWidth(r.id == m_selected ? 16 : 12);
        pen.setCapStyle(Qt::FlatCap);
        if (!r.exception.isEmpty())
            pen.setStyle(Qt::DashLine);
        if (lifetime && r.trigger != RetentionTrigger::AccountLifetime)
            pen.setStyle(Qt::DotLine); // no period: a gap
        bar->setPen(pen);
        chart->addSeries(bar);
        bar->attachAxis(x);
        bar->attachAxis(y);
        const QString tip =
            QStringLiteral("%1\n%2 after %3 → %4%5")
                .arg(r.dataCategory, describePeriod(r), displayLabel(r.trigger).toLower(),
                     displayLabel(r.action).toLower(),
                     r.exception.isEmpty() ? QString() : tr("\nexception: %1").arg(r.exception));
        connect(bar, &QLineSeries::hovered, this, [tip](const QPointF&, bool state) {
            if (state)
                QToolTip::showText(QCursor::pos(), tip);
            else
                QToolTip::hideText();
        });
        connect(bar, &QLineSeries::clicked, this, [this, id = r.id] { emit ruleClicked(id); });
    }
    QChart* old = this->chart();
    setChart(chart);
    delete old;
}

void RetentionTimeline::setTitle(const QString& title)
{
    m_title = title;
    if (chart())
        chart()->setTitle(title);
}

void RetentionTimeline::setSelectedRule(const QString& ruleId)
{
    if (ruleId == m_selected)
        return;
    m_selected = ruleId;
    for (QAbstractSeries* s : chart()->series()) {
        auto line = qobject_cast<QLineSeries*>(s);
        if (!line)
            continue;
        QPen pen = line->pen();
        pen.setWidth(line->name() == ruleId ? 16 : 12);
        line->setPen(pen);
    }
}

} // namespace workbench
