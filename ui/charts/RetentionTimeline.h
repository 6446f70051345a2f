#pragma once

#include "domain/Records.h"

#include <QChartView>
#include <QHash>

namespace workbench {

// One horizontal bar per rule, from its trigger to the end of its period,
// on a logarithmic time axis labelled in hours, days and years; grouped by
// trigger, coloured by action, exceptions drawn dashed. Hovering a bar
// shows the rule; clicking it selects it.
class RetentionTimeline : public QChartView
{
    Q_OBJECT

public:
    explicit RetentionTimeline(QWidget* parent = nullptr);

    void setRules(const QList<RetentionRule>& rules);
    // Another title (the default explains the rules' timeline).
    void setTitle(const QString& title);
    // Keeps the order given instead of grouping by trigger.
    void setGrouped(bool grouped) { m_grouped = grouped; }
    void setSelectedRule(const QString& ruleId);

    // Where a rule's bar ends, in seconds after its trigger (the axis's end
    // for "while the account is active"); -1 when it has no bar.
    double barEnd(const QString& ruleId) const { return m_barEnds.value(ruleId, -1); }

signals:
    void ruleClicked(const QString& ruleId);

private:
    QList<RetentionRule> m_rules;
    QHash<QString, double> m_barEnds;
    QString m_selected;
    QString m_title;
    bool m_grouped = true;
};

} // namespace workbench
