#include "Records.h"

#include "RequestWorkflow.h"

#include <QJsonArray>
#include <QSet>
#include <QVarLengthArray>
#include <algorithm>

namespace workbench {

namespace {

const QString kDateFormat = QStringLiteral("yyyy-MM-dd");

// Reads the fields of one JSON record; the first problem wins and names the
// field. Fields it reads are removed from `rest`, which ends up holding the
// fields we do not know (kept and round-tripped).
class FieldReader
{
public:
    explicit FieldReader(const QJsonObject& json)
        : m_json(json)
    {}

    QString string(const char* field, bool required = false)
    {
        const QJsonValue v = take(field);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(field, QStringLiteral("is required"));
            return {};
        }
        if (!v.isString()) {
            fail(field, QStringLiteral("must be a string"));
            return {};
        }
        if (required && v.toString().trimmed().isEmpty())
            fail(field, QStringLiteral("must not be empty"));
        return v.toString();
    }

    QStringList strings(const char* field, bool required = false)
    {
        const QJsonValue v = take(field);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(field, QStringLiteral("is required"));
            return {};
        }
        if (!v.isArray()) {
            fail(field, QStringLiteral("must be an array of strings"));
            return {};
        }
        QStringList out;
        for (const QJsonValue& item : v.toArray()) {
            if (!item.isString()) {
                fail(field, QStringLiteral("must be an array of strings"));
                return {};
            }
            out << item.toString();
        }
        if (required && out.isEmpty())
            fail(field, QStringLiteral("needs at least one value"));
        return out;
    }

    std::optional<int> integer(const char* field, bool required = false)
    {
        const QJsonValue v = take(field);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(field, QStringLiteral("is required"));
            return std::nullopt;
        }
        const double d = v.toDouble(-1.5);
        if (!v.isDouble() || d != double(qint64(d)) || d < 0 || d > 1e9) {
            fail(field, QStringLiteral("must be a whole number of at least 0"));
            return std::nullopt;
        }
        return int(d);
    }

    qint64 version()
    {
        const QJsonValue v = take("version");
        if (v.isUndefined() || v.isNull())
            return 0;
        if (!v.isDouble() || v.toDouble() != double(v.toInteger())) {
            fail("version", QStringLiteral("must be an integer"));
            return 0;
        }
        return v.toInteger();
    }

    QDate date(const char* field, bool required = false)
    {
        const QString s = string(field, required);
        if (s.isEmpty())
            return {};
        const QDate d = QDate::fromString(s, kDateFormat);
        if (!d.isValid())
            fail(field, QStringLiteral("'%1' is not a date (YYYY-MM-DD)").arg(s));
        return d;
    }

    QDateTime timestamp(const char* field, bool required = false)
    {
        const QString s = string(field, required);
        if (s.isEmpty())
            return {};
        const QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
        if (!t.isValid() || t.timeSpec() == Qt::LocalTime)
            fail(field, QStringLiteral("'%1' is not an RFC 3339 timestamp with offset").arg(s));
        return t;
    }

    template <typename E> E enumeration(const char* field, E fallback, bool required = false)
    {
        const QString s = string(field, required);
        if (s.isEmpty())
            return fallback;
        const auto v = fromWire<E>(s);
        if (!v) {
            fail(field, QStringLiteral("'%1' is not one of: %2")
                            .arg(s, wireNames<E>().join(QStringLiteral(", "))));
            return fallback;
        }
        return *v;
    }

    std::optional<IsoDuration> duration(const char* field)
    {
        const QString s = string(field);
        if (s.isEmpty())
            return std::nullopt;
        const auto d = IsoDuration::parse(s);
        if (!d)
            fail(field, QStringLiteral("'%1' is not an ISO 8601 duration (e.g. P90D)").arg(s));
        return d;
    }

    SyncMeta meta()
    {
        SyncMeta m;
        m.version = version();
        m.updatedAt = timestamp("updated_at");
        take("deleted");
        return m;
    }

    void fail(const char* field, const QString& reason)
    {
        if (m_error.isEmpty())
            m_error = QStringLiteral("%1 %2").arg(QLatin1String(field), reason);
    }

    const QString& error() const { return m_error; }
    // The fields no reader took (kept as they came). Built once, at the
    // end: a sync checks every record, so taking stays cheap.
    QJsonObject rest() const
    {
        QJsonObject out;
        for (auto it = m_json.begin(); it != m_json.end(); ++it)
            if (std::find(m_taken.begin(), m_taken.end(), it.key()) == m_taken.end())
                out.insert(it.key(), it.value());
        return out;
    }

private:
    QJsonValue take(const char* field)
    {
        const QLatin1String key(field);
        m_taken.append(key);
        return m_json.value(key);
    }

    const QJsonObject& m_json;
    QVarLengthArray<QLatin1String, 32> m_taken;
    QString m_error;
};

// Writes a record: unknown fields first, then ours on top.
class FieldWriter
{
public:
    FieldWriter(const QString& id, const SyncMeta& meta)
        : m_json(meta.extra)
    {
        m_json.insert(QStringLiteral("id"), id);
        m_json.insert(QStringLiteral("version"), meta.version);
        if (meta.updatedAt.isValid())
            m_json.insert(QStringLiteral("updated_at"), meta.updatedAt.toString(Qt::ISODateWithMs));
    }

    void string(const char* field, const QString& v)
    {
        m_json.insert(QLatin1String(field), v.isNull() ? QJsonValue() : QJsonValue(v));
    }
    void strings(const char* field, const QStringList& v)
    {
        m_json.insert(QLatin1String(field), QJsonArray::fromStringList(v));
    }
    void date(const char* field, QDate v)
    {
        m_json.insert(QLatin1String(field),
                      v.isValid() ? QJsonValue(v.toString(kDateFormat)) : QJsonValue());
    }
    void timestamp(const char* field, const QDateTime& v)
    {
        m_json.insert(QLatin1String(field),
                      v.isValid() ? QJsonValue(v.toString(Qt::ISODateWithMs)) : QJsonValue());
    }
    void integer(const char* field, std::optional<int> v)
    {
        m_json.insert(QLatin1String(field), v ? QJsonValue(*v) : QJsonValue());
    }
    template <typename E> void enumeration(const char* field, E v)
    {
        m_json.insert(QLatin1String(field), toWire(v));
    }

    QJsonObject json() const { return m_json; }

private:
    QJsonObject m_json;
};

template <typename T> Result<T> finish(T record, FieldReader& r)
{
    if (!r.error().isEmpty())
        return Error{r.error()};
    record.meta.extra = r.rest();
    return record;
}

QString readId(FieldReader& r)
{
    return r.string("id", true);
}

} // namespace

QJsonObject Organization::toJson() const
{
    FieldWriter w(id, meta);
    w.string("name", name);
    w.string("website", website);
    w.string("privacy_contact", privacyContact);
    w.integer("notice_period_days", noticePeriodDays);
    w.integer("response_commitment_days", responseCommitmentDays);
    return w.json();
}

Result<Organization> Organization::fromJson(const QJsonObject& json)
{
    FieldReader r(json);
    Organization o;
    o.id = readId(r);
    o.meta = r.meta();
    o.name = r.string("name", true);
    o.website = r.string("website");
    o.privacyContact = r.string("privacy_contact");
    o.noticePeriodDays = r.integer("notice_period_days").value_or(0);
    o.responseCommitmentDays = r.integer("response_commitment_days");
    return finish(o, r);
}

QJsonObject Processor::toJson() const
{
    FieldWriter w(id, meta);
    w.string("name", name);
    w.string("legal_entity", legalEntity);
    w.string("address", address);
    w.string("contact", contact);
    w.string("website", website);
    w.string("service", service);
    w.strings("purposes", purposes);
    w.strings("data_categories", dataCategories);
    w.strings("data_subjects", dataSubjects);
    w.strings("locations", locations);
    w.enumeration("transfer_mechanism", transferMechanism);
    w.enumeration("dpa_status", dpaStatus);
    w.date("dpa_signed_on", dpaSignedOn);
    w.string("dpa_url", dpaUrl);
    w.strings("certifications", certifications);
    w.enumeration("status", status);
    w.string("parent_id", parentId.isEmpty() ? QString() : parentId);
    w.strings("organization_ids", organizationIds);
    w.date("review_due", reviewDue);
    w.strings("aliases", aliases);
    return w.json();
}

Result<Processor> Processor::fromJson(const QJsonObject& json)
{
    FieldReader r(json);
    Processor p;
    p.id = readId(r);
    p.meta = r.meta();
    p.name = r.string("name", true);
    p.legalEntity = r.string("legal_entity");
    p.address = r.string("address");
    p.contact = r.string("contact");
    p.website = r.string("website");
    p.service = r.string("service", true);
    p.purposes = r.strings("purposes");
    p.dataCategories = r.strings("data_categories");
    p.dataSubjects = r.strings("data_subjects");
    p.locations = r.strings("locations");
    for (const QString& c : std::as_const(p.locations)) {
        if (c.size() != 2 || c != c.toUpper())
            r.fail("locations", QStringLiteral("'%1' is not an ISO 3166-1 alpha-2 code").arg(c));
    }
    p.transferMechanism = r.enumeration("transfer_mechanism", TransferMechanism::None);
    p.dpaStatus = r.enumeration("dpa_status", DpaStatus::None);
    p.dpaSignedOn = r.date("dpa_signed_on");
    p.dpaUrl = r.string("dpa_url");
    p.certifications = r.strings("certifications");
    p.status = r.enumeration("status", ProcessorStatus::Active, true);
    p.parentId = r.string("parent_id");
    p.organizationIds = r.strings("organization_ids", true);
    p.reviewDue = r.date("review_due");
    p.aliases = r.strings("aliases");
    return finish(p, r);
}

QJsonObject RetentionRule::toJson() const
{
    FieldWriter w(id, meta);
    w.string("organization_id", organizationId);
    w.string("data_category", dataCategory);
    w.string("system", system);
    w.string("processor_id", processorId.isEmpty() ? QString() : processorId);
    w.string("period", period ? period->toIso() : QString());
    w.enumeration("trigger", trigger);
    w.enumeration("action", action);
    w.string("legal_basis", legalBasis);
    w.string("exception", exception);
    return w.json();
}

Result<RetentionRule> RetentionRule::fromJson(const QJsonObject& json)
{
    FieldReader r(json);
    RetentionRule rule;
    rule.id = readId(r);
    rule.meta = r.meta();
    rule.organizationId = r.string("organization_id", true);
    rule.dataCategory = r.string("data_category", true);
    rule.system = r.string("system");
    rule.processorId = r.string("processor_id");
    rule.period = r.duration("period");
    rule.trigger = r.enumeration("trigger", RetentionTrigger::Collection);
    rule.action = r.enumeration("action", RetentionAction::Delete);
    rule.legalBasis = r.string("legal_basis");
    rule.exception = r.string("exception");
    return finish(rule, r);
}

bool RightsRequest::isOpen() const
{
    return !RequestWorkflow::isClosed(status);
}

QJsonObject RightsRequest::toJson() const
{
    FieldWriter w(id, meta);
    w.string("organization_id", organizationId);
    w.enumeration("type", type);
    w.enumeration("jurisdiction", jurisdiction);
    w.string("subject_name", subjectName);
    w.string("subject_email", subjectEmail);
    w.string("account_id", accountId);
    w.enumeration("channel", channel);
    w.timestamp("received_at", receivedAt);
    w.timestamp("verified_at", verifiedAt);
    w.enumeration("status", status);
    w.date("extended_until", extendedUntil);
    w.string("extension_reason", extensionReason);
    w.string("assignee", assignee);
    w.timestamp("closed_at", closedAt);
    return w.json();
}

Result<RightsRequest> RightsRequest::fromJson(const QJsonObject& json)
{
    FieldReader r(json);
    RightsRequest q;
    q.id = readId(r);
    q.meta = r.meta();
    q.organizationId = r.string("organization_id", true);
    q.type = r.enumeration("type", RequestType::Access, true);
    q.jurisdiction = r.enumeration("jurisdiction", Jurisdiction::Gdpr, true);
    q.subjectName = r.string("subject_name");
    q.subjectEmail = r.string("subject_email", true);
    q.accountId = r.string("account_id");
    q.channel = r.enumeration("channel", RequestChannel::Email);
    q.receivedAt = r.timestamp("received_at", true);
    q.verifiedAt = r.timestamp("verified_at");
    q.status = r.enumeration("status", RequestStatus::New, true);
    q.extendedUntil = r.date("extended_until");
    q.extensionReason = r.string("extension_reason");
    q.assignee = r.string("assignee");
    q.closedAt = r.timestamp("closed_at");
    return finish(q, r);
}

QJsonObject PolicyVersion::toJson() const
{
    FieldWriter w(id, meta);
    w.string("organization_id", organizationId);
    w.string("document", document);
    w.string("title", title);
    w.enumeration("status", status);
    w.string("body", body);
    w.date("published_on", publishedOn);
    w.date("effective_on", effectiveOn);
    return w.json();
}

Result<PolicyVersion> PolicyVersion::fromJson(const QJsonObject& json)
{
    FieldReader r(json);
    PolicyVersion v;
    v.id = readId(r);
    v.meta = r.meta();
    v.organizationId = r.string("organization_id", true);
    v.document = r.string("document", true);
    v.title = r.string("title");
    v.status = r.enumeration("status", PolicyStatus::Draft, true);
    v.body = r.string("body", true);
    v.publishedOn = r.date("published_on");
    v.effectiveOn = r.date("effective_on");
    return finish(v, r);
}

} // namespace workbench
