#include "Activity.h"

#include "Catalogues.h"
#include "RecordFields.h"
#include "Retention.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <algorithm>
#include <tuple>

namespace workbench {

using namespace fields;

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ProcessingActivity", text);
}

bool isCountryCode(const QString& c)
{
    return c.size() == 2 && c == c.toUpper() && c.at(0).isLetter() && c.at(1).isLetter();
}

QJsonArray objectArray(const auto& items)
{
    QJsonArray out;
    for (const auto& item : items)
        out.append(item.toJson());
    return out;
}

// The sub-processors under each processor, by parent id.
QHash<QString, QList<const Processor*>> childrenOf(const QList<Processor>& registry)
{
    QHash<QString, QList<const Processor*>> children;
    for (const Processor& p : registry)
        if (!p.parentId.isEmpty())
            children[p.parentId].append(&p);
    return children;
}

} // namespace

QJsonObject OtherRecipient::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("name"), name);
    o.insert(QStringLiteral("type"), toWire(type));
    o.insert(QStringLiteral("country"), country.isEmpty() ? QJsonValue() : QJsonValue(country));
    o.insert(QStringLiteral("mechanism"), toWire(mechanism));
    return o;
}

QJsonObject Transfer::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("country"), country);
    o.insert(QStringLiteral("mechanism"), toWire(mechanism));
    o.insert(QStringLiteral("recipient"),
             recipient.isEmpty() ? QJsonValue() : QJsonValue(recipient));
    o.insert(QStringLiteral("processor_id"),
             processorId.isEmpty() ? QJsonValue() : QJsonValue(processorId));
    return o;
}

QStringList ProcessingActivity::specialCategories() const
{
    QStringList out;
    for (const QString& c : dataCategories)
        if (DataCategories::isSpecial(c))
            out << c;
    return out;
}

QJsonObject ProcessingActivity::toJson() const
{
    FieldWriter w(id, meta);
    w.string("organization_id", organizationId);
    w.string("name", name);
    w.string("description", description);
    w.enumeration("role", role);
    w.string("joint_controller", jointController);
    w.strings("controllers", controllers);
    w.strings("purposes", purposes);
    w.optionalEnumeration("legal_basis", legalBasis);
    w.string("legal_basis_note", legalBasisNote);
    w.optionalEnumeration("special_category_condition", specialCategoryCondition);
    w.strings("data_subjects", dataSubjects);
    w.strings("data_categories", dataCategories);
    w.strings("processor_ids", processorIds);
    w.value("other_recipients", objectArray(otherRecipients));
    w.value("transfers_override",
            transfersOverride ? QJsonValue(objectArray(*transfersOverride)) : QJsonValue());
    w.strings("retention_rule_ids", retentionRuleIds);
    w.string("retention_note", retentionNote);
    w.strings("security_measures", securityMeasures);
    w.string("security_measures_note", securityMeasuresNote);
    w.strings("systems", systems);
    w.string("dpia_reference", dpiaReference);
    w.optionalEnumeration("dpia_status", dpiaStatus);
    return w.json();
}

Result<ProcessingActivity> ProcessingActivity::fromJson(const QJsonObject& json)
{
    FieldReader r(json);
    ProcessingActivity a;
    a.id = readId(r);
    a.meta = r.meta();
    a.organizationId = r.string("organization_id", true);
    a.name = r.string("name", true);
    a.description = r.string("description");
    a.role = r.enumeration("role", ActivityRole::Controller);
    a.jointController = r.string("joint_controller");
    a.controllers = r.strings("controllers");
    a.purposes = r.strings("purposes");
    a.legalBasis = r.optionalEnumeration<LegalBasis>("legal_basis");
    a.legalBasisNote = r.string("legal_basis_note");
    a.specialCategoryCondition =
        r.optionalEnumeration<SpecialCategoryCondition>("special_category_condition");
    a.dataSubjects = r.strings("data_subjects");
    a.dataCategories = r.strings("data_categories");
    a.processorIds = r.strings("processor_ids");
    for (const QJsonObject& o : r.objects("other_recipients")) {
        OtherRecipient rec;
        rec.name = o.value(QStringLiteral("name")).toString();
        if (rec.name.trimmed().isEmpty())
            r.fail("other_recipients", QStringLiteral("needs a name for every recipient"));
        const auto type = fromWire<RecipientType>(o.value(QStringLiteral("type")).toString());
        if (!type)
            r.fail("other_recipients",
                   QStringLiteral("type of %1 is not one of: %2")
                       .arg(rec.name, wireNames<RecipientType>().join(QStringLiteral(", "))));
        rec.type = type.value_or(RecipientType::Other);
        rec.country = o.value(QStringLiteral("country")).toString();
        if (!rec.country.isEmpty() && !isCountryCode(rec.country))
            r.fail("other_recipients",
                   QStringLiteral("country '%1' of %2 is not an ISO 3166-1 alpha-2 code")
                       .arg(rec.country, rec.name));
        const QString mechanism = o.value(QStringLiteral("mechanism")).toString();
        const auto m =
            fromWire<TransferMechanism>(mechanism.isEmpty() ? QStringLiteral("none") : mechanism);
        if (!m)
            r.fail("other_recipients",
                   QStringLiteral("mechanism '%1' of %2 is not one of: %3")
                       .arg(mechanism, rec.name,
                            wireNames<TransferMechanism>().join(QStringLiteral(", "))));
        rec.mechanism = m.value_or(TransferMechanism::None);
        a.otherRecipients << rec;
    }
    bool overridden = false;
    const QList<QJsonObject> transfers = r.objects("transfers_override", &overridden);
    if (overridden) {
        QList<Transfer> list;
        for (const QJsonObject& o : transfers) {
            Transfer t;
            t.country = o.value(QStringLiteral("country")).toString();
            if (!isCountryCode(t.country))
                r.fail("transfers_override",
                       QStringLiteral("country '%1' is not an ISO 3166-1 alpha-2 code")
                           .arg(t.country));
            const QString mechanism = o.value(QStringLiteral("mechanism")).toString();
            const auto m = fromWire<TransferMechanism>(mechanism.isEmpty() ? QStringLiteral("none")
                                                                           : mechanism);
            if (!m)
                r.fail(
                    "transfers_override",
                    QStringLiteral("mechanism '%1' is not one of: %2")
                        .arg(mechanism, wireNames<TransferMechanism>().join(QStringLiteral(", "))));
            t.mechanism = m.value_or(TransferMechanism::None);
            t.recipient = o.value(QStringLiteral("recipient")).toString();
            t.processorId = o.value(QStringLiteral("processor_id")).toString();
            list << t;
        }
        a.transfersOverride = list;
    }
    a.retentionRuleIds = r.strings("retention_rule_ids");
    a.retentionNote = r.string("retention_note");
    a.securityMeasures = r.strings("security_measures");
    a.securityMeasuresNote = r.string("security_measures_note");
    a.systems = r.strings("systems");
    a.dpiaReference = r.string("dpia_reference");
    a.dpiaStatus = r.optionalEnumeration<DpiaStatus>("dpia_status");
    return finish(a, r);
}

QList<ActivityProblem> validateActivity(const ProcessingActivity& a)
{
    using Severity = ActivityProblem::Severity;
    QList<ActivityProblem> out;
    auto add = [&](Severity severity, const char* field, const QString& message) {
        out.append({severity, QString::fromLatin1(field), message});
    };
    if (a.organizationId.trimmed().isEmpty())
        add(Severity::Error, "organization_id", tr("Organization: the activity belongs to none."));
    if (a.name.trimmed().isEmpty())
        add(Severity::Error, "name", tr("Name: an activity needs a name."));
    if (a.role == ActivityRole::JointController && a.jointController.trimmed().isEmpty())
        add(Severity::Error, "joint_controller",
            tr("Joint controller: name the other controller and how to reach them."));
    if (a.role == ActivityRole::Processor && a.controllers.isEmpty())
        add(Severity::Error, "controllers",
            tr("Controllers: name the controller(s) on whose behalf the organization processes."));
    const QStringList special = a.specialCategories();
    if (!special.isEmpty() && !a.specialCategoryCondition) {
        QStringList labels;
        for (const QString& key : special)
            labels << DataCategories::categoryLabel(key);
        add(Severity::Error, "special_category_condition",
            tr("Art. 9 condition: required, the data categories include special categories "
               "(%1).")
                .arg(labels.join(QStringLiteral(", "))));
    }
    if (special.isEmpty() && a.specialCategoryCondition)
        add(Severity::Warning, "special_category_condition",
            tr("Art. 9 condition: set, but no data category is a special category."));
    for (const QString& key : a.securityMeasures)
        if (!SecurityMeasures::find(key))
            add(Severity::Error, "security_measures",
                tr("Security measures: '%1' is not a measure of the catalogue.").arg(key));
    for (const OtherRecipient& r : a.otherRecipients) {
        if (r.name.trimmed().isEmpty())
            add(Severity::Error, "other_recipients",
                tr("Other recipients: every recipient needs a name."));
        if (!r.country.isEmpty() && !isCountryCode(r.country))
            add(Severity::Error, "other_recipients",
                tr("Other recipients: '%1' (%2) is not a two-letter country code.")
                    .arg(r.country, r.name));
    }
    if (a.transfersOverride) {
        for (const Transfer& t : *a.transfersOverride)
            if (!isCountryCode(t.country))
                add(Severity::Error, "transfers_override",
                    tr("Transfers: '%1' is not a two-letter country code.").arg(t.country));
    }
    if (a.purposes.isEmpty())
        add(Severity::Warning, "purposes", tr("Purposes: none stated."));
    if (!a.legalBasis)
        add(Severity::Warning, "legal_basis", tr("Legal basis: not chosen (Art. 6(1))."));
    if (a.dataSubjects.isEmpty())
        add(Severity::Warning, "data_subjects", tr("Data subjects: none stated."));
    if (a.dataCategories.isEmpty())
        add(Severity::Warning, "data_categories", tr("Data categories: none stated."));
    if (a.retentionRuleIds.isEmpty() && a.retentionNote.trimmed().isEmpty())
        add(Severity::Warning, "retention_rule_ids",
            tr("Retention: no retention rule linked and no time limit stated."));
    if (a.securityMeasures.isEmpty() && a.securityMeasuresNote.trimmed().isEmpty())
        add(Severity::Warning, "security_measures", tr("Security measures: none stated."));
    if (a.dpiaStatus == DpiaStatus::Done && a.dpiaReference.trimmed().isEmpty())
        add(Severity::Warning, "dpia_reference",
            tr("DPIA: marked done, but no reference to the assessment."));
    return out;
}

bool isEeaCountry(QStringView country)
{
    static const QSet<QString> eea{
        QStringLiteral("AT"), QStringLiteral("BE"), QStringLiteral("BG"), QStringLiteral("HR"),
        QStringLiteral("CY"), QStringLiteral("CZ"), QStringLiteral("DK"), QStringLiteral("EE"),
        QStringLiteral("FI"), QStringLiteral("FR"), QStringLiteral("DE"), QStringLiteral("GR"),
        QStringLiteral("HU"), QStringLiteral("IE"), QStringLiteral("IT"), QStringLiteral("LV"),
        QStringLiteral("LT"), QStringLiteral("LU"), QStringLiteral("MT"), QStringLiteral("NL"),
        QStringLiteral("PL"), QStringLiteral("PT"), QStringLiteral("RO"), QStringLiteral("SK"),
        QStringLiteral("SI"), QStringLiteral("ES"), QStringLiteral("SE"), QStringLiteral("IS"),
        QStringLiteral("LI"), QStringLiteral("NO")};
    return eea.contains(country.toString().toUpper());
}

QList<Transfer> derivedTransfers(const ProcessingActivity& activity,
                                 const QList<Processor>& registry)
{
    QHash<QString, const Processor*> byId;
    for (const Processor& p : registry)
        byId.insert(p.id, &p);
    const auto children = childrenOf(registry);

    QList<Transfer> out;
    QSet<QString> seen; // country + recipient
    auto add = [&](const Transfer& t) {
        if (isEeaCountry(t.country))
            return;
        const QString key = t.country + QChar(0x1f) + t.recipient;
        if (seen.contains(key))
            return;
        seen.insert(key);
        out << t;
    };
    // The linked processors and, onward, their sub-processors.
    QSet<QString> visited;
    QList<const Processor*> todo;
    for (const QString& id : activity.processorIds)
        if (const Processor* p = byId.value(id))
            todo << p;
    while (!todo.isEmpty()) {
        const Processor* p = todo.takeFirst();
        if (visited.contains(p->id))
            continue;
        visited.insert(p->id);
        if (p->status == ProcessorStatus::Offboarded)
            continue;
        for (const QString& country : p->locations)
            add({country, p->transferMechanism, p->name, p->id});
        todo += children.value(p->id);
    }
    for (const OtherRecipient& r : activity.otherRecipients)
        if (!r.country.isEmpty())
            add({r.country, r.mechanism, r.name, QString()});
    std::stable_sort(out.begin(), out.end(), [](const Transfer& a, const Transfer& b) {
        return std::tie(a.country, a.recipient) < std::tie(b.country, b.recipient);
    });
    return out;
}

QList<Transfer> effectiveTransfers(const ProcessingActivity& activity,
                                   const QList<Processor>& registry)
{
    return activity.transfersOverride ? *activity.transfersOverride
                                      : derivedTransfers(activity, registry);
}

QStringList retentionPeriods(const ProcessingActivity& activity, const QList<RetentionRule>& rules)
{
    QStringList out;
    for (const QString& id : activity.retentionRuleIds) {
        for (const RetentionRule& rule : rules) {
            if (rule.id == id) {
                out << QStringLiteral("%1: %2").arg(rule.dataCategory, describePeriod(rule));
                break;
            }
        }
    }
    return out;
}

} // namespace workbench
