#pragma once

#include <QSettings>
#include <QString>
#include <QVariant>

namespace workbench {

// A typed handle on one setting, declared where it is used:
//   static const Setting<QByteArray> geometry{"mainwindow/geometry"};
//   restoreGeometry(geometry.value());
template <typename T> class Setting
{
public:
    Setting(const char* key, T defaultValue = T())
        : m_key(QLatin1String(key))
        , m_default(std::move(defaultValue))
    {}
    explicit Setting(QString key, T defaultValue = T())
        : m_key(std::move(key))
        , m_default(std::move(defaultValue))
    {}

    T value() const
    {
        const QVariant v = QSettings().value(m_key);
        return v.isValid() && v.canConvert<T>() ? v.value<T>() : m_default;
    }
    void setValue(const T& value) const { QSettings().setValue(m_key, QVariant::fromValue(value)); }
    void reset() const { QSettings().remove(m_key); }

private:
    QString m_key;
    T m_default;
};

// Settings read in more than one place, declared once.
namespace settings {

// Minutes between the syncs the window starts by itself; 0: only when the
// officer asks (F5). Set on the Sync page.
inline const Setting<int> syncIntervalMinutes{"sync/intervalMinutes", 0};

} // namespace settings

} // namespace workbench
