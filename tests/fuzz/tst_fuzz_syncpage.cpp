// Fuzz tests of the sync page parser (REST and PostgREST dialects) and of
// the per-record checks a fetched page goes through: seeded byte mutations
// of committed page bodies (tests/data/fuzz/page-*), and mutations of the
// records inside well-formed pages, which reach the field checks.
#include "Mutator.h"
#include "TestSupport.h"
#include "sync/PageParse.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace workbench;
using namespace workbench::sync;
using namespace workbench::test;

class TestFuzzSyncPage : public QObject
{
    Q_OBJECT

private:
    // Empty when the answer is acceptable, else what is wrong with it.
    static QString check(SourceKind kind, const QByteArray& body)
    {
        const auto page = parsePage(kind, body);
        if (!page)
            return page.error().isEmpty() ? QStringLiteral("an error without a message")
                                          : QString();
        for (const QString& resource : allResources()) {
            const auto type = resourceType(resource);
            if (!type)
                return QStringLiteral("no type for ") + resource;
            const RowLayout layout(*type->spec);
            const CheckedItems checked = checkItems(*type, layout, page->items);
            if (checked.problems.size() != page->items.size() ||
                checked.rows.size() != page->items.size())
                return QStringLiteral("%1: a problem and a row per item expected").arg(resource);
            for (qsizetype i = 0; i < checked.rows.size(); ++i) {
                const QJsonObject item = page->items.at(i).toObject();
                const bool tombstone = item.value(QLatin1String("deleted")).toBool();
                if (!tombstone && checked.problems[i].isEmpty() &&
                    checked.rows[i].values.size() != layout.fields().size() + 1)
                    return QStringLiteral("%1 item %2: a valid record laid out wrongly")
                        .arg(resource)
                        .arg(i);
            }
        }
        return {};
    }

    // A record's field set to a value of a random kind.
    static QJsonValue randomValue(Mutator& m)
    {
        switch (m.below(9)) {
        case 0:
            return QJsonValue::Null;
        case 1:
            return m.below(2) == 0;
        case 2:
            return double(m.below(2000000)) - 1000000.0;
        case 3:
            return 1e308 * (m.below(2) ? 10.0 : -10.0); // infinite
        case 4:
            return QJsonArray{QStringLiteral("DE"), 1, QJsonValue::Null};
        case 5:
            return QJsonObject{{QStringLiteral("x"), 1}};
        case 6:
            return QStringLiteral("P%1Y%2M").arg(m.below(100000)).arg(m.below(100) - 50);
        case 7:
            return QStringLiteral("2026-%1-%2T25:61:00Z").arg(m.below(20)).arg(m.below(40));
        default:
            return QString::fromUtf8(m.mutate("a value", 64));
        }
    }

    void fuzz(const QString& folder, SourceKind kind, quint32 seed, int count)
    {
        QStringList names;
        const QList<QByteArray> seeds = corpus(folder, &names);
        QVERIFY2(seeds.size() >= 2, qPrintable(folder));
        for (const QByteArray& s : seeds) {
            QCOMPARE(check(kind, s), QString());
            QCOMPARE(check(kind == SourceKind::Rest ? SourceKind::Postgrest : SourceKind::Rest, s),
                     QString());
        }
        Mutator m(seed);
        for (int i = 0; i < count; ++i) {
            const int which = m.below(int(seeds.size()));
            QByteArray body;
            if (i % 2 == 0) {
                body = m.mutate(seeds[which]);
            } else {
                // Well-formed JSON whose records have fields of the wrong
                // kind, missing or added.
                QJsonDocument doc = QJsonDocument::fromJson(seeds[which]);
                QJsonArray items = doc.isArray()
                                       ? doc.array()
                                       : doc.object().value(QLatin1String("items")).toArray();
                for (qsizetype k = 0; k < items.size(); ++k) {
                    QJsonObject o = items.at(k).toObject();
                    const QStringList keys = o.keys();
                    for (int n = 0, rounds = 1 + m.below(4); n < rounds && !keys.isEmpty(); ++n) {
                        const QString key = keys.at(m.below(int(keys.size())));
                        if (m.below(5) == 0)
                            o.remove(key);
                        else
                            o.insert(key, randomValue(m));
                    }
                    items.replace(k, o);
                }
                if (doc.isArray()) {
                    doc.setArray(items);
                } else {
                    QJsonObject o = doc.object();
                    o.insert(QStringLiteral("items"), items);
                    doc.setObject(o);
                }
                body = doc.toJson(QJsonDocument::Compact);
            }
            const QString problem = check(kind, body);
            QVERIFY2(problem.isEmpty(), qPrintable(QStringLiteral("%1 iteration %2 (from %3): %4")
                                                       .arg(folder)
                                                       .arg(i)
                                                       .arg(names[which], problem)));
        }
    }

private slots:
    void restPages()
    {
        fuzz("page-rest", SourceKind::Rest, 0x5E57F00D,
             qEnvironmentVariableIntValue("WORKBENCH_FUZZ_ITERATIONS") > 0
                 ? qEnvironmentVariableIntValue("WORKBENCH_FUZZ_ITERATIONS")
                 : 2000);
    }

    void postgrestPages()
    {
        fuzz("page-postgrest", SourceKind::Postgrest, 0x9057F00D,
             qEnvironmentVariableIntValue("WORKBENCH_FUZZ_ITERATIONS") > 0
                 ? qEnvironmentVariableIntValue("WORKBENCH_FUZZ_ITERATIONS")
                 : 2000);
    }

    void parseErrorsSayWhat()
    {
        const auto notAPage = parsePage(SourceKind::Rest, "[1]");
        QVERIFY(!notAPage);
        QCOMPARE(notAPage.error(), QStringLiteral("not a page of the contract (no items array at "
                                                  "byte 0)"));
        const auto truncated = parsePage(SourceKind::Postgrest, "[{\"id\": \"x\"");
        QVERIFY(!truncated);
        QVERIFY2(truncated.error().startsWith("not a JSON array ("), qPrintable(truncated.error()));
        const auto object = parsePage(SourceKind::Postgrest, "{\"items\": []}");
        QVERIFY(!object);
        QCOMPARE(object.error(), QStringLiteral("not a JSON array (an object)"));
        const auto page = parsePage(
            SourceKind::Rest, R"({"items": [{"id": "a"}], "next_cursor": "c", "has_more": true})");
        QVERIFY_OK(page);
        QCOMPARE(page->items.size(), 1);
        QCOMPARE(page->nextCursor.value_or(QString()), QStringLiteral("c"));
        QVERIFY(page->hasMore);
    }
};

QTEST_GUILESS_MAIN(TestFuzzSyncPage)
#include "tst_fuzz_syncpage.moc"
