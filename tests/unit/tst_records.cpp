#include "domain/Records.h"

#include <QJsonArray>
#include <QTest>

using namespace workbench;

class TestRecords : public QObject
{
    Q_OBJECT

private:
    static QJsonObject validProcessor()
    {
        return QJsonObject{{"id", "p1"},
                           {"version", 3},
                           {"updated_at", "2026-03-01T09:30:00Z"},
                           {"name", "Stripe"},
                           {"service", "Payments"},
                           {"locations", QJsonArray{"IE", "US"}},
                           {"transfer_mechanism", "dpf"},
                           {"dpa_status", "signed"},
                           {"dpa_signed_on", "2025-10-20"},
                           {"status", "active"},
                           {"organization_ids", QJsonArray{"org-1"}},
                           {"aliases", QJsonArray{"Stripe, Inc."}},
                           {"x_vendor_score", 7}};
    }

private slots:
    void processorRoundTripsWithUnknownFields()
    {
        const auto p = Processor::fromJson(validProcessor());
        QVERIFY2(p, qPrintable(p.error()));
        QCOMPARE(p->name, QStringLiteral("Stripe"));
        QCOMPARE(p->transferMechanism, TransferMechanism::Dpf);
        QCOMPARE(p->dpaSignedOn, QDate(2025, 10, 20));
        QCOMPARE(p->meta.version, 3);
        QCOMPARE(p->meta.extra.value("x_vendor_score").toInt(), 7);
        const QJsonObject back = p->toJson();
        QCOMPARE(back.value("x_vendor_score").toInt(), 7);
        const auto again = Processor::fromJson(back);
        QVERIFY(again);
        QCOMPARE(again.value(), p.value());
    }

    void invalidRecordsSayWhichFieldAndWhy_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("missing name") << "name" << QJsonValue() << "name is required";
        QTest::newRow("wrong type") << "name" << QJsonValue(5) << "name must be a string";
        QTest::newRow("unknown enum")
            << "status" << QJsonValue("paused") << "status 'paused' is not one of";
        QTest::newRow("bad date") << "dpa_signed_on" << QJsonValue("20/10/2025") << "is not a date";
        QTest::newRow("bad country")
            << "locations" << QJsonValue(QJsonArray{"Germany"}) << "not an ISO 3166-1";
        QTest::newRow("no organization")
            << "organization_ids" << QJsonValue(QJsonArray{}) << "at least one";
    }
    void invalidRecordsSayWhichFieldAndWhy()
    {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QFETCH(QString, expected);
        QJsonObject json = validProcessor();
        if (value.isNull())
            json.remove(field);
        else
            json.insert(field, value);
        const auto p = Processor::fromJson(json);
        QVERIFY(!p);
        QVERIFY2(p.error().contains(expected), qPrintable(p.error()));
    }

    void retentionRuleKeepsItsPeriod()
    {
        const auto r = RetentionRule::fromJson({{"id", "r1"},
                                                {"organization_id", "o"},
                                                {"data_category", "logs"},
                                                {"period", "P30D"},
                                                {"trigger", "collection"},
                                                {"action", "aggregate"}});
        QVERIFY2(r, qPrintable(r.error()));
        QCOMPARE(r->period->days, 30);
        QCOMPARE(r->toJson().value("period").toString(), QStringLiteral("P30D"));
        const auto bad = RetentionRule::fromJson({{"id", "r1"},
                                                  {"organization_id", "o"},
                                                  {"data_category", "logs"},
                                                  {"period", "30 days"}});
        QVERIFY(!bad);
        QVERIFY(bad.error().contains("period"));
    }

    void requestTimestampsNeedAnOffset()
    {
        QJsonObject json{{"id", "q1"},
                         {"organization_id", "o"},
                         {"type", "erasure"},
                         {"jurisdiction", "UK_GDPR"},
                         {"subject_email", "a@example.com"},
                         {"received_at", "2026-03-02T10:00:00+01:00"},
                         {"status", "new"}};
        const auto ok = RightsRequest::fromJson(json);
        QVERIFY2(ok, qPrintable(ok.error()));
        QCOMPARE(ok->jurisdiction, Jurisdiction::UkGdpr);
        QCOMPARE(ok->receivedAt.toUTC().time(), QTime(9, 0));
        json.insert("received_at", "2026-03-02 10:00");
        const auto bad = RightsRequest::fromJson(json);
        QVERIFY(!bad);
        QVERIFY(bad.error().contains("received_at"));
    }
};

QTEST_GUILESS_MAIN(TestRecords)
#include "tst_records.moc"
