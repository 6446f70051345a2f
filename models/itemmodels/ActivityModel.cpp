#include "ActivityModel.h"

#include "ModelRoles.h"
#include "Tone.h"
#include "domain/Catalogues.h"
#include "domain/Resources.h"

#include <QBrush>

namespace workbench {

ActivityModel::ActivityModel(Workspace& workspace, QObject* parent)
    : QAbstractTableModel(parent)
    , m_workspace(workspace)
    , m_service(workspace)
{
    // Read again once per turn of the event loop, however many records of
    // the resources it shows changed.
    connect(&m_workspace, &Workspace::recordChanged, this, [this](const QString& resource) {
        if (m_reloadScheduled ||
            (resource != resource::activities && resource != resource::processors &&
             resource != resource::retentionRules && resource != resource::organizations))
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

void ActivityModel::setOrganization(const QString& organizationId)
{
    m_organizationId = organizationId;
    reload();
}

void ActivityModel::reload()
{
    beginResetModel();
    m_activities.clear();
    m_processors.clear();
    m_rules.clear();
    if (!m_organizationId.isEmpty()) {
        auto activities = m_service.list(m_organizationId);
        auto processors = m_workspace.processors();
        auto rules = m_workspace.retentionRules(m_organizationId);
        if (activities && processors && rules) {
            m_activities = activities.value();
            m_processors = processors.value();
            m_rules = rules.value();
        } else {
            endResetModel();
            emit loadFailed(!activities ? activities.error()
                                        : (!processors ? processors.error() : rules.error()));
            return;
        }
    }
    endResetModel();
}

const ProcessingActivity* ActivityModel::activity(const QString& id) const
{
    for (const ProcessingActivity& a : m_activities)
        if (a.id == id)
            return &a;
    return nullptr;
}

QModelIndex ActivityModel::indexOf(const QString& id) const
{
    for (int i = 0; i < m_activities.size(); ++i)
        if (m_activities[i].id == id)
            return index(i, 0);
    return {};
}

QString ActivityModel::processorName(const QString& id) const
{
    for (const Processor& p : m_processors)
        if (p.id == id)
            return p.name;
    return id;
}

int ActivityModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_activities.size());
}

int ActivityModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ActivityModel::cellText(const ProcessingActivity& a, int column) const
{
    switch (column) {
    case NameColumn:
        return a.name;
    case PurposesColumn:
        return a.purposes.join(QStringLiteral("; "));
    case LegalBasisColumn:
        if (!a.legalBasis)
            return tr("not chosen");
        if (a.specialCategoryCondition)
            return tr("%1; %2").arg(displayLabel(*a.legalBasis),
                                    displayLabel(*a.specialCategoryCondition));
        return displayLabel(*a.legalBasis);
    case DataCategoriesColumn: {
        QStringList labels;
        for (const QString& key : a.dataCategories)
            labels << DataCategories::categoryLabel(key);
        return labels.join(QStringLiteral(", "));
    }
    case RecipientsColumn: {
        QStringList names;
        for (const QString& id : a.processorIds)
            names << processorName(id);
        for (const OtherRecipient& r : a.otherRecipients)
            names << r.name;
        return names.join(QStringLiteral(", "));
    }
    case TransfersColumn: {
        const QList<Transfer> transfers = effectiveTransfers(a, m_processors);
        if (transfers.isEmpty())
            return a.transfersOverride ? tr("none (set by hand)") : tr("none");
        QStringList parts;
        for (const Transfer& t : transfers) {
            const QString part =
                QStringLiteral("%1 (%2)").arg(t.country, toWire(t.mechanism).toUpper());
            if (!parts.contains(part))
                parts << part;
        }
        return parts.join(QStringLiteral(", ")) +
               (a.transfersOverride ? tr(" — set by hand") : QString());
    }
    case RetentionColumn: {
        const QStringList periods = retentionPeriods(a, m_rules);
        return periods.isEmpty() ? a.retentionNote : periods.join(QStringLiteral("; "));
    }
    case DpiaColumn:
        return a.dpiaStatus ? displayLabel(*a.dpiaStatus) : tr("not assessed");
    }
    return {};
}

QVariant ActivityModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_activities.size())
        return {};
    const ProcessingActivity& a = m_activities[index.row()];
    switch (role) {
    case Qt::DisplayRole:
    case SortRole:
        return cellText(a, index.column());
    case Qt::ToolTipRole: {
        QStringList lines;
        for (const ActivityProblem& p : validateActivity(a))
            lines << p.message;
        return lines.isEmpty() ? QVariant() : QVariant(lines.join(u'\n'));
    }
    case Qt::ForegroundRole: {
        // An activity with an error (special categories without an Art. 9
        // condition...) or no legal basis shows in the warning colour.
        if (index.column() != NameColumn && index.column() != LegalBasisColumn)
            return {};
        for (const ActivityProblem& p : validateActivity(a))
            if (p.severity == ActivityProblem::Severity::Error || p.field == u"legal_basis")
                return QBrush(toneColour(Tone::Warning));
        return {};
    }
    case RecordIdRole:
        return a.id;
    case FilterRole: {
        QStringList words;
        for (int c = 0; c < ColumnCount; ++c)
            words << cellText(a, c);
        words << a.dataCategories << a.systems << a.dataSubjects;
        return words.join(u' ');
    }
    }
    return {};
}

QVariant ActivityModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Activity");
    case PurposesColumn:
        return tr("Purposes");
    case LegalBasisColumn:
        return tr("Legal basis");
    case DataCategoriesColumn:
        return tr("Personal data");
    case RecipientsColumn:
        return tr("Recipients");
    case TransfersColumn:
        return tr("Transfers");
    case RetentionColumn:
        return tr("Retention");
    case DpiaColumn:
        return tr("DPIA");
    }
    return {};
}

} // namespace workbench
