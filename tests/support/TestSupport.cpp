#include "TestSupport.h"

#include "demo/DemoWorkspace.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
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

const QList<QPair<QString, QString>>& labelledSeeds()
{
    static const QList<QPair<QString, QString>> seeds{{"000_6d4e5a1fbe59a3b1", "org-labelsets"},
                                                      {"001_919cd7db7d5845bb", "org-trainrun"},
                                                      {"002_edd6c63357ad9813", "org-genmedia"}};
    return seeds;
}

QString seedLabelsProblem(const QString& seed)
{
    const QString path =
        qEnvironmentVariable("PRIVACY_WORKBENCH_LABELS") + u'/' + seed + QStringLiteral(".json");
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return path + ": cannot be read (PRIVACY_WORKBENCH_LABELS): " + f.errorString();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &error);
    if (!doc.isObject())
        return path + ": not a JSON object: " + error.errorString();
    const QJsonObject labels = doc.object();
    auto list = [&](const char* name) {
        return labels.value(QLatin1String(name)).toArray();
    };
    // Every seed policy says how long it keeps data, and who receives it
    // (by name or by category).
    if (list("retention").isEmpty())
        return path + ": the retention list is empty or missing";
    if (list("third_parties").isEmpty() && list("unnamed_categories").isEmpty())
        return path + ": both third_parties and unnamed_categories are empty or missing";
    // The lists as long as they were labelled, at least: a list emptied
    // together with its counts still fails.
    static const QHash<QString, QList<std::pair<const char*, qsizetype>>> labelled{
        {"000_6d4e5a1fbe59a3b1",
         {{"third_parties", 7},
          {"not_third_parties", 1},
          {"retention", 3},
          {"not_retention_durations", 3}}},
        {"001_919cd7db7d5845bb",
         {{"unnamed_categories", 2}, {"not_third_parties", 1}, {"retention", 6}}},
        {"002_edd6c63357ad9813",
         {{"third_parties", 2},
          {"unnamed_categories", 4},
          {"not_third_parties", 2},
          {"retention", 6},
          {"not_retention_durations", 2}}}};
    if (!labelled.contains(seed))
        return path + ": a seed TestSupport does not know the label sizes of";
    for (const auto& [name, least] : labelled.value(seed))
        if (list(name).size() < least)
            return QStringLiteral("%1: %2 holds %3 entries, it was labelled with %4")
                .arg(path, QLatin1String(name))
                .arg(list(name).size())
                .arg(least);
    const QJsonObject counts = labels.value(QLatin1String("counts")).toObject();
    qsizetype clear = 0;
    for (const QJsonValue& tp : list("third_parties"))
        clear += tp.toObject().value(QLatin1String("confidence")).toString() == u"clear";
    const QList<std::pair<const char*, qsizetype>> lengths{
        {"third_parties", list("third_parties").size()},
        {"third_parties_clear", clear},
        {"retention_statements", list("retention").size()}};
    for (const auto& [name, length] : lengths) {
        const QJsonValue expected = counts.value(QLatin1String(name));
        if (!expected.isDouble())
            return path + ": counts." + name + " is missing";
        if (expected.toInteger() != length)
            return QStringLiteral("%1: counts.%2 says %3, the list holds %4")
                .arg(path, name)
                .arg(expected.toInteger())
                .arg(length);
    }
    return {};
}

QString seedText(const QString& seed)
{
    QFile f(qEnvironmentVariable("PRIVACY_WORKBENCH_SEEDS") + u'/' + seed + QStringLiteral(".txt"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}

} // namespace workbench::test
