#include "ProcessorCommands.h"

namespace workbench {

QStringList changedFields(const QJsonObject& before, const QJsonObject& after)
{
    QStringList changed;
    for (auto it = after.begin(); it != after.end(); ++it) {
        if (it.key() != u"updated_at" && before.value(it.key()) != it.value())
            changed << it.key();
    }
    return changed;
}

QString describeProcessorEdit(const Processor& before, const Processor& after)
{
    if (before.status != ProcessorStatus::Offboarded && after.status == ProcessorStatus::Offboarded)
        return RecordCommandBase::tr("Offboard %1").arg(after.name);
    return RecordCommandBase::tr("Edit %1: %2")
        .arg(after.name, changedFields(before.toJson(), after.toJson()).join(QStringLiteral(", ")));
}

} // namespace workbench
