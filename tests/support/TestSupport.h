#pragma once

#include "storage/Workspace.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>

// Verifies that a Status or Result is ok, and shows its error when not.
#define QVERIFY_OK(expr)                                                                           \
    do {                                                                                           \
        const auto& _result = (expr);                                                              \
        QVERIFY2(_result.ok(), qPrintable(_result.error()));                                       \
    } while (false)

namespace workbench::test {

// A folder that lives as long as the test, with paths in it.
class TempFolder
{
public:
    TempFolder() { QVERIFY2(m_dir.isValid(), "cannot create a temporary folder"); }
    QString path(const QString& name) const { return m_dir.filePath(name); }

private:
    QTemporaryDir m_dir;
};

// The demo workspace written to `path` for a fixed date, so tests see the
// same requests every run.
std::unique_ptr<Workspace> makeDemoWorkspace(const QString& path);
constexpr int kDemoYear = 2026, kDemoMonth = 11, kDemoDay = 23;

// The owner, group and other bits of a file's permissions (what chmod
// sets), without the ones Qt adds for the current user.
inline QFileDevice::Permissions modeBits(QFileDevice::Permissions p)
{
    using P = QFileDevice;
    const QFileDevice::Permissions chmodBits = P::ReadOwner | P::WriteOwner | P::ExeOwner |
                                               P::ReadGroup | P::WriteGroup | P::ExeGroup |
                                               P::ReadOther | P::WriteOther | P::ExeOther;
    return p & chmodBits;
}
inline QFileDevice::Permissions modeOf(const QString& path)
{
    return modeBits(QFile::permissions(path));
}
// The same bits as stat(2) reports them (0600, 0644), 0 when the file is missing.
inline mode_t statMode(const QString& path)
{
    struct stat st = {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? st.st_mode & 0777 : 0;
}

// Runs one SQL statement on the file outside the app (what a tamperer or an
// older version would do); fails the test if it fails.
void execOnFile(const QString& path, const QString& sql);

// The seed label files (tests/data/labels) and seed texts.
QJsonObject seedLabels(const QString& seed);
QString seedText(const QString& seed);
// The seeds that have a label file, each with the demo organization built
// from it.
const QList<QPair<QString, QString>>& labelledSeeds();
// What is wrong with a seed's label file, naming the file; empty when it is
// whole: present, a JSON object, a retention list and a list of recipients
// (named or not) that are not empty, every list at least as long as it was
// labelled, and as long as its `counts` say. A test that loops over the
// labels passes on an emptied list, so it checks this first.
QString seedLabelsProblem(const QString& seed);

// The first column of the first row `sql` returns on the workspace (a
// count), or -1 when the query fails.
inline int count(Workspace& ws, const QString& sql)
{
    QSqlQuery q(ws.database().connection());
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toInt();
}

// A new rights request as the request tests store it: Ada Lovelace's,
// received on `received` at 09:00 UTC, status new.
inline RightsRequest testRequest(const QString& id, const QString& organizationId, RequestType type,
                                 Jurisdiction jurisdiction, QDate received)
{
    RightsRequest q;
    q.id = id;
    q.organizationId = organizationId;
    q.type = type;
    q.jurisdiction = jurisdiction;
    q.subjectName = QStringLiteral("Ada Lovelace");
    q.subjectEmail = QStringLiteral("ada@example.com");
    q.receivedAt = QDateTime(received, QTime(9, 0), Qt::UTC);
    q.status = RequestStatus::New;
    return q;
}

} // namespace workbench::test
