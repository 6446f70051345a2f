#include "common/Style.h"

#include <QLabel>
#include <QPalette>
#include <QTest>

using namespace workbench;

// The colours of errors, warnings and good news read on light and dark
// palettes alike.
class TestStyle : public QObject
{
    Q_OBJECT

private:
    static QPalette palette(QColor window, QColor base)
    {
        QPalette p;
        p.setColor(QPalette::Window, window);
        p.setColor(QPalette::Base, base);
        return p;
    }

private slots:
    void tonesReadOnLightAndDarkPalettes_data()
    {
        QTest::addColumn<QPalette>("palette");
        QTest::newRow("light") << palette(QColor(0xef, 0xef, 0xef), Qt::white);
        QTest::newRow("dark") << palette(QColor(0x35, 0x35, 0x35), QColor(0x2a, 0x2a, 0x2a));
        QTest::newRow("black") << palette(Qt::black, Qt::black);
        QTest::newRow("navy") << palette(QColor(0x1e, 0x1e, 0x2e), QColor(0x18, 0x18, 0x25));
    }
    void tonesReadOnLightAndDarkPalettes()
    {
        QFETCH(QPalette, palette);
        for (Tone tone : {Tone::Error, Tone::Warning, Tone::Good}) {
            const QColor c = toneColour(tone, palette);
            for (QPalette::ColorRole role : {QPalette::Window, QPalette::Base}) {
                const double ratio = contrast(c, palette.color(role));
                QVERIFY2(ratio >= 4.5, qPrintable(QStringLiteral("tone %1 %2 on %3: %4")
                                                      .arg(int(tone))
                                                      .arg(c.name(), palette.color(role).name())
                                                      .arg(ratio)));
            }
        }
        // An error stays red: red leads.
        const QColor error = toneColour(Tone::Error, palette);
        QVERIFY(error.red() > error.green() && error.red() > error.blue());
    }

    void aLightPaletteKeepsTheColoursAsTheyWere()
    {
        const QPalette light = palette(QColor(0xef, 0xef, 0xef), Qt::white);
        QCOMPARE(toneColour(Tone::Error, light), QColor(0xb0, 0x1c, 0x1c));
        QCOMPARE(toneColour(Tone::Warning, light), QColor(0xa0, 0x5a, 0x00));
        QCOMPARE(toneColour(Tone::Good, light), QColor(0x1b, 0x6e, 0x2d));
    }

    void theContrastRatioIsWcags()
    {
        QCOMPARE(contrast(Qt::black, Qt::white), 21.0);
        QCOMPARE(contrast(Qt::white, Qt::white), 1.0);
        QVERIFY(qAbs(contrast(QColor(0x77, 0x77, 0x77), Qt::white) - 4.48) < 0.01);
    }

    void textColourPaintsTheLabelsText()
    {
        QLabel label("Refused");
        label.setPalette(palette(QColor(0x35, 0x35, 0x35), QColor(0x2a, 0x2a, 0x2a)));
        Style::textColour(&label, Tone::Error);
        const QColor expected = toneColour(Tone::Error, label.palette());
        QCOMPARE(label.palette().color(QPalette::WindowText), expected);
        QCOMPARE(label.palette().color(QPalette::Text), expected);
        QVERIFY(expected != QColor(0xb0, 0x1c, 0x1c)); // lightened on the dark palette
    }
};

QTEST_MAIN(TestStyle)
#include "tst_style.moc"
