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
