#pragma once

#include "RecordStore.h"
#include "domain/Activity.h"
#include "domain/Records.h"

namespace workbench {

// The table layout of each record type (see RecordStore).
template <typename T> struct RecordTable;

template <> struct RecordTable<Organization>
{
    static const TableSpec& spec();
};
template <> struct RecordTable<Processor>
{
    static const TableSpec& spec();
};
template <> struct RecordTable<RetentionRule>
{
    static const TableSpec& spec();
};
template <> struct RecordTable<RightsRequest>
{
    static const TableSpec& spec();
};
template <> struct RecordTable<PolicyVersion>
{
    static const TableSpec& spec();
};
template <> struct RecordTable<ProcessingActivity>
{
    static const TableSpec& spec();
};

// Typed access to the records of one resource.
template <typename T> class Repository
{
public:
    explicit Repository(Database& db)
        : m_store(db, RecordTable<T>::spec())
    {}

    static QString resource() { return RecordTable<T>::spec().resource; }

    Result<QList<T>> list(const QString& where = {}, const QVariantList& binds = {}) const
    {
        auto rows = m_store.select(where, binds);
        if (!rows)
            return Error{rows.error()};
        QList<T> out;
        out.reserve(rows->size());
        for (const QJsonObject& row : std::as_const(rows.value())) {
            auto record = T::fromJson(row);
            if (!record)
                return Error{QStringLiteral("%1 %2 in the workspace is damaged: %3")
                                 .arg(resource(), row.value(QStringLiteral("id")).toString(),
                                      record.error())};
            out.append(std::move(record).value());
        }
        return out;
    }

    Result<std::optional<T>> find(const QString& id) const
    {
        auto all = list(QStringLiteral("t.id = ?"), {id});
        if (!all)
            return Error{all.error()};
        if (all->isEmpty())
            return std::optional<T>();
        return std::optional<T>(all->first());
    }

    Status save(const T& record) { return m_store.upsert(record.toJson()); }
    Status remove(const QString& id) { return m_store.remove(id); }
    Result<qint64> count(const QString& where = {}, const QVariantList& binds = {}) const
    {
        return m_store.count(where, binds);
    }

private:
    RecordStore m_store;
};

} // namespace workbench
