#include "RecordTables.h"

#include <QBrush>
#include <QCoreApplication>
#include <QLocale>

namespace workbench {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("RecordTables", text);
}

QString dateText(QDate d)
{
    return d.isValid() ? QLocale().toString(d, QLocale::ShortFormat) : QString();
}

QVariant dateKey(QDate d)
{
    return d.isValid() ? d : QDate(9999, 12, 31);
}

} // namespace

RetentionRuleTableModel* makeRetentionRuleTableModel(QObject* parent)
{
    using M = RetentionRuleTableModel;
    QList<M::Column> columns{
        {tr("Data category"),
         [](const RetentionRule& r) {
             return r.dataCategory;
         }},
        {tr("System"),
         [](const RetentionRule& r) {
             return r.system;
         }},
        {tr("Period"),
         [](const RetentionRule& r) {
             return r.period ? r.period->toHuman()
                             : (r.trigger == RetentionTrigger::AccountLifetime
                                    ? tr("while the account is active")
                                    : tr("no period stated"));
         },
         [](const RetentionRule& r) { return r.period ? r.period->approximateSeconds() : -1.0; },
         [](const RetentionRule& r) {
             return !r.period && r.trigger != RetentionTrigger::AccountLifetime
                        ? QVariant(QBrush(QColor(0xb0, 0x1c, 0x1c)))
                        : QVariant();
         }},
        {tr("Trigger"),
         [](const RetentionRule& r) {
             return displayLabel(r.trigger);
         }},
        {tr("Action"),
         [](const RetentionRule& r) {
             return displayLabel(r.action);
         }},
        {tr("Legal basis"),
         [](const RetentionRule& r) {
             return r.legalBasis;
         }},
        {tr("Exception"),
         [](const RetentionRule& r) {
             return r.exception;
         }},
    };
    return new M(
        columns, [](const RetentionRule& r) { return r.id; }, parent);
}

PolicyVersionTableModel* makePolicyVersionTableModel(QObject* parent)
{
    using M = PolicyVersionTableModel;
    QList<M::Column> columns{
        {tr("Document"),
         [](const PolicyVersion& v) {
             return v.document;
         }},
        {tr("Title"),
         [](const PolicyVersion& v) {
             return v.title;
         }},
        {tr("Status"),
         [](const PolicyVersion& v) {
             return displayLabel(v.status);
         }},
        {tr("Published"), [](const PolicyVersion& v) { return dateText(v.publishedOn); },
         [](const PolicyVersion& v) {
             return dateKey(v.publishedOn);
         }},
        {tr("Effective"), [](const PolicyVersion& v) { return dateText(v.effectiveOn); },
         [](const PolicyVersion& v) {
             return dateKey(v.effectiveOn);
         }},
    };
    return new M(
        columns, [](const PolicyVersion& v) { return v.id; }, parent);
}

} // namespace workbench
