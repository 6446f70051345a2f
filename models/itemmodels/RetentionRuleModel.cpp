#include "RetentionRuleModel.h"

#include "ModelRoles.h"
#include "RecordCommands.h"
#include "Tone.h"
#include "domain/Resources.h"
#include "domain/Retention.h"

#include <QBrush>
#include <QUndoStack>
#include <QUuid>

namespace workbench {

namespace {

template <typename E> QVariantList choices()
{
    QVariantList out;
    for (const auto& e : EnumTraits<E>::entries)
        out << QVariant(QVariantList{displayLabel(e.value), QString::fromLatin1(e.wire)});
    return out;
}

} // namespace

RetentionRuleModel::RetentionRuleModel(Workspace& workspace, QUndoStack& undoStack, QObject* parent)
    : QAbstractTableModel(parent)
    , m_workspace(workspace)
    , m_undoStack(undoStack)
{
    // Read again on the next turn of the event loop: an edit in a cell is
    // committed before the view closes its editor, and changes made in one
    // go are read once.
    connect(&m_workspace, &Workspace::recordChanged, this, [this](const QString& resource) {
        if ((resource != resource::retentionRules && resource != resource::processors) ||
            m_reloadScheduled)
            return;
        m_reloadScheduled = true;
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_reloadScheduled = false;
                reload();
            },
            Qt::QueuedConnection);
    });
}

void RetentionRuleModel::setOrganization(const QString& organizationId)
{
    m_organizationId = organizationId;
    reload();
}

void RetentionRuleModel::reload()
{
    beginResetModel();
    auto rules = m_workspace.retentionRules(m_organizationId);
    auto processors = m_workspace.processors(m_organizationId);
    m_rules = rules ? rules.value() : QList<RetentionRule>();
    m_processors = processors ? processors.value() : QList<Processor>();
    endResetModel();
}

int RetentionRuleModel::rowOf(const QString& ruleId) const
{
    for (int i = 0; i < m_rules.size(); ++i) {
        if (m_rules[i].id == ruleId)
            return i;
    }
    return -1;
}

QString RetentionRuleModel::processorName(const QString& id) const
{
    for (const Processor& p : m_processors) {
        if (p.id == id)
            return p.name;
    }
    return id;
}

QString RetentionRuleModel::addRule()
{
    RetentionRule r;
    r.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    r.organizationId = m_organizationId;
    r.dataCategory = tr("new data category");
    r.period = IsoDuration::parse(u"P30D");
    r.trigger = RetentionTrigger::Collection;
    r.action = RetentionAction::Delete;
    m_undoStack.push(new SaveRecordCommand<RetentionRule>(m_workspace, std::nullopt, r,
                                                          tr("Add a retention rule")));
    return r.id;
}

void RetentionRuleModel::removeRule(int row)
{
    if (row < 0 || row >= m_rules.size())
        return;
    const RetentionRule r = m_rules[row];
    m_undoStack.push(new RemoveRecordCommand<RetentionRule>(
        m_workspace, r, tr("Remove the rule for %1").arg(r.dataCategory)));
}

Result<RetentionRule> RetentionRuleModel::edited(int row, int column, const QVariant& value) const
{
    if (row < 0 || row >= m_rules.size())
        return Error{tr("No such rule.")};
    RetentionRule r = m_rules[row];
    const QString text = value.toString().trimmed();
    switch (Column(column)) {
    case DataCategoryColumn:
        if (text.isEmpty())
            return Error{tr("A rule needs its data category.")};
        r.dataCategory = text;
        break;
    case SystemColumn:
        r.system = text;
        break;
    case ProcessorColumn:
        if (!text.isEmpty() && std::none_of(m_processors.begin(), m_processors.end(),
                                            [&](const Processor& p) { return p.id == text; }))
            return Error{tr("'%1' is not a processor of this organization.").arg(text)};
        r.processorId = text;
        break;
    case PeriodColumn: {
        const QString lower = text.toLower();
        if (lower.isEmpty() || lower == u"while the account is active" ||
            lower == u"account lifetime") {
            r.period.reset();
            r.trigger = RetentionTrigger::AccountLifetime;
            break;
        }
        const auto d = IsoDuration::parseHuman(text);
        if (!d || d->isZero())
            return Error{
                tr("'%1' is not a period: write it as people do, e.g. \"90 days\", \"7 years\", "
                   "\"72 hours\", or \"while the account is active\".")
                    .arg(text)};
        r.period = d;
        if (r.trigger == RetentionTrigger::AccountLifetime)
            r.trigger = RetentionTrigger::AccountDeletion;
        break;
    }
    case TriggerColumn: {
        const auto t = fromWire<RetentionTrigger>(text);
        if (!t)
            return Error{tr("'%1' is not a trigger.").arg(text)};
        r.trigger = *t;
        break;
    }
    case ActionColumn: {
        const auto a = fromWire<RetentionAction>(text);
        if (!a)
            return Error{tr("'%1' is not an action.").arg(text)};
        r.action = *a;
        break;
    }
    case LegalBasisColumn:
        r.legalBasis = text;
        break;
    case ExceptionColumn:
        r.exception = text;
        break;
    case ColumnCount:
        return Error{tr("No such column.")};
    }
    return r;
}

void RetentionRuleModel::setReadOnly(bool readOnly)
{
    if (readOnly == m_readOnly)
        return;
    m_readOnly = readOnly;
    if (!m_rules.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

bool RetentionRuleModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || !index.isValid() || m_readOnly)
        return false;
    auto after = edited(index.row(), index.column(), value);
    if (!after) {
        emit editRefused(after.error());
        return false;
    }
    const RetentionRule before = m_rules[index.row()];
    if (after.value() == before)
        return true;
    const QString field = headerData(index.column(), Qt::Horizontal).toString().toLower();
    m_undoStack.push(new SaveRecordCommand<RetentionRule>(
        m_workspace, before, after.value(),
        tr("Edit the %1 of the rule for %2").arg(field, before.dataCategory)));
    return true;
}

Qt::ItemFlags RetentionRuleModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return m_readOnly ? Qt::ItemIsEnabled | Qt::ItemIsSelectable
                      : Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable;
}

int RetentionRuleModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rules.size());
}

int RetentionRuleModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RetentionRuleModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rules.size())
        return {};
    const RetentionRule& r = m_rules[index.row()];
    const bool gap = !r.period && r.trigger != RetentionTrigger::AccountLifetime;
    switch (role) {
    case RecordIdRole:
        return r.id;
    case ChoicesRole:
        if (index.column() == TriggerColumn)
            return choices<RetentionTrigger>();
        if (index.column() == ActionColumn)
            return choices<RetentionAction>();
        if (index.column() == ProcessorColumn) {
            QVariantList out{QVariant(QVariantList{tr("— none —"), QString()})};
            for (const Processor& p : m_processors)
                out << QVariant(QVariantList{p.name, p.id});
            return out;
        }
        return {};
    case Qt::EditRole:
        switch (Column(index.column())) {
        case ProcessorColumn:
            return r.processorId;
        case PeriodColumn:
            return r.period ? r.period->toHuman() : QString();
        case TriggerColumn:
            return toWire(r.trigger);
        case ActionColumn:
            return toWire(r.action);
        default:
            return data(index, Qt::DisplayRole);
        }
    case SortRole:
        if (index.column() == PeriodColumn)
            return r.period ? r.period->approximateSeconds() : (gap ? -1.0 : 1e12);
        return data(index, Qt::DisplayRole).toString().toLower();
    case Qt::ForegroundRole:
        if (index.column() == PeriodColumn && gap)
            return QBrush(toneColour(Tone::Error));
        return {};
    case Qt::ToolTipRole:
        if (index.column() == PeriodColumn)
            return r.period ? tr("%1 (ISO 8601: %2)").arg(r.period->toHuman(), r.period->toIso())
                            : describePeriod(r);
        return {};
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case DataCategoryColumn:
            return r.dataCategory;
        case SystemColumn:
            return r.system;
        case ProcessorColumn:
            return r.processorId.isEmpty() ? QString() : processorName(r.processorId);
        case PeriodColumn:
            return describePeriod(r);
        case TriggerColumn:
            return displayLabel(r.trigger);
        case ActionColumn:
            return displayLabel(r.action);
        case LegalBasisColumn:
            return r.legalBasis;
        case ExceptionColumn:
            return r.exception;
        case ColumnCount:
            break;
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant RetentionRuleModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case DataCategoryColumn:
        return tr("Data category");
    case SystemColumn:
        return tr("System");
    case ProcessorColumn:
        return tr("Processor");
    case PeriodColumn:
        return tr("Period");
    case TriggerColumn:
        return tr("Trigger");
    case ActionColumn:
        return tr("Action");
    case LegalBasisColumn:
        return tr("Legal basis");
    case ExceptionColumn:
        return tr("Exception");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace workbench
