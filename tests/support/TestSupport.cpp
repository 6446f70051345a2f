#include "TestSupport.h"

#include "demo/DemoWorkspace.h"

#include <QFile>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace workbench::test {

std::unique_ptr<Workspace> makeDemoWorkspace(const QString& path)
{
    auto ws = DemoWorkspace::create(path, QDate(kDemoYear, kDemoMonth, kDemoDay));
    if (!ws) {
        qWarning("demo workspace: %s", qPrintable(ws.error()));
        return nullptr;
    }
    return std::move(ws).value();
}

void execOnFile(const QString& path, const QString& sql)
{
    const QString name = QUuid::createUuid().toString();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        QVERIFY2(db.open(), qPrintable(db.lastError().text()));
        QSqlQuery q(db);
        QVERIFY2(q.exec(sql), qPrintable(q.lastError().text() + QStringLiteral(": ") + sql));
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

QJsonObject seedLabels(const QString& seed)
{
    QFile f(qEnvironmentVariable("PRIVACY_WORKBENCH_LABELS") + u'/' + seed +
            QStringLiteral(".json"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

QString seedText(const QString& seed)
{
    QFile f(qEnvironmentVariable("PRIVACY_WORKBENCH_SEEDS") + u'/' + seed + QStringLiteral(".txt"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}

} // namespace workbench::test
