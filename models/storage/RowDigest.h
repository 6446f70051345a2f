#pragma once

#include "RecordStore.h"

namespace workbench {

// What the audit log keeps of a record's stored state: 16 bytes of BLAKE2b
// over its values as SQLite holds them (id, version, updated_at, the
// columns, extra_json, then the list fields in name order), base64, 22
// characters. A value equal to its column's default counts as absent, so a
// record that lacked a field and the same record as read back (with the
// default filled in) give the same digest. Derived local columns (due dates)
// are not part of it. Fields added after schema 7 (TableSpec::addedFields)
// count only when set, so older states keep their digest.
class RowDigest
{
public:
    // `sqlDefaults`: column -> its DEFAULT as PRAGMA table_info gives it.
    RowDigest(const TableSpec& spec, const QHash<QString, QString>& sqlDefaults);
    static Result<QHash<QString, QString>> readDefaults(const Database& db, const QString& table);

    QByteArray of(const RowLayout::Row& row) const;
    const RowLayout& layout() const { return m_layout; }

    static constexpr int kLength = 22;

private:
    RowLayout m_layout;
    QList<SqlValue> m_defaults; // per field (Null: none)
    QList<bool> m_added;        // per field: added later, left out when null
    QStringList m_lists;        // list fields, sorted
    QSet<QString> m_addedLists; // list fields added later, left out when empty
};

} // namespace workbench
