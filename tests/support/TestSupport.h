#pragma once

#include "storage/Workspace.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

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

// Runs one SQL statement on the file outside the app (what a tamperer or an
// older version would do); fails the test if it fails.
void execOnFile(const QString& path, const QString& sql);

// The seed label files (tests/data/labels) and seed texts.
QJsonObject seedLabels(const QString& seed);
QString seedText(const QString& seed);

} // namespace workbench::test
