// The queue benchmark: a workspace with 1,000,000 rights requests; the time
// to open the queue page to its first rows, to sort by due date and to apply
// a filter, each beside the plain SQLite query that returns the same first
// page on the same file; the longest stall of the GUI thread meanwhile; and
// peak RSS.
//
//   bench_requests --workspace FILE [--requests N]
// FILE must be a fresh demo workspace (init-demo); the requests are added.
#include "domain/Deadlines.h"
#include "itemmodels/RequestQueueModel.h"
#include "mainwindow/MainWindow.h"
#include "requests/RequestsPage.h"
#include "storage/Workspace.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <cstdio>
#include <sqlite3.h>

using namespace workbench;

namespace {

qint64 statusKiB(const char* key)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : f.readAll().split('\n')) {
        if (line.startsWith(key))
            return line.mid(qstrlen(key)).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

// Adds `count` requests with the raw C API (the set-up, not measured).
bool addRequests(const QString& path, int count)
{
    sqlite3* db = nullptr;
    if (sqlite3_open(path.toUtf8().constData(), &db) != SQLITE_OK)
        return false;
    // Indexes are dropped for the bulk insert and made again after it.
    QList<QByteArray> indexes;
    {
        sqlite3_stmt* q = nullptr;
        sqlite3_prepare_v2(
            db,
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'rights_requests' "
            "AND sql IS NOT NULL",
            -1, &q, nullptr);
        while (sqlite3_step(q) == SQLITE_ROW)
            indexes << reinterpret_cast<const char*>(sqlite3_column_text(q, 0));
        sqlite3_finalize(q);
    }
    sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; BEGIN", nullptr, nullptr,
                 nullptr);
    for (const QByteArray& sql : std::as_const(indexes)) {
        const QByteArray name = sql.split(' ').value(2);
        sqlite3_exec(db, QByteArray("DROP INDEX " + name).constData(), nullptr, nullptr, nullptr);
    }
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(
        db,
        "INSERT INTO rights_requests (id, organization_id, type, jurisdiction, subject_name, "
        "subject_email, channel, received_at, verified_at, status, assignee, closed_at, version, "
        "updated_at, due_legal, due_original, due_promise, due_effective, acknowledge_by) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,0,?,?,?,?,?,?)",
        -1, &st, nullptr);
    const char* orgs[] = {"org-labelsets", "org-trainrun", "org-genmedia"};
    const std::optional<int> promise[] = {30, std::nullopt, std::nullopt};
    const char* types[] = {"access",    "erasure",     "portability", "rectification",
                           "objection", "restriction", "opt_out_sale"};
    const Jurisdiction jurisdictions[] = {Jurisdiction::Gdpr,   Jurisdiction::UkGdpr,
                                          Jurisdiction::Ccpa,   Jurisdiction::Lgpd,
                                          Jurisdiction::Pipeda, Jurisdiction::Other};
    const char* assignees[] = {"Dana Whitfield", "Alex Moreau", "Sam Okafor", ""};
    const QDate today = QDate::currentDate();
    quint64 state = 42;
    auto next = [&state] {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return quint32(state >> 33);
    };
    auto text = [st](int col, const QByteArray& v) {
        sqlite3_bind_text(st, col, v.constData(), int(v.size()), SQLITE_TRANSIENT);
    };
    for (int i = 0; i < count; ++i) {
        const int o = int(next() % 3);
        const int daysAgo = int(next() % 1500);
        const QDate received = today.addDays(-daysAgo);
        const Jurisdiction j = jurisdictions[next() % 6];
        const int t = int(next() % 7);
        const bool open = daysAgo < 40 ? next() % 100 < 70 : next() % 100 < 1;
        DeadlineInput in;
        in.received = received;
        in.type = RequestType(t);
        in.promiseDays = promise[o];
        const Deadlines d =
            computeDeadlines(*DeadlineRuleSet::defaults().rule(j), in, HolidayCalendar());
        const QByteArray id = "BR-" + QByteArray::number(i + 1).rightJustified(7, '0');
        text(1, id);
        text(2, orgs[o]);
        text(3, types[t]);
        text(4, toWire(j).toLatin1());
        text(5, "Requester " + QByteArray::number(next() % 100000));
        text(6, "person" + QByteArray::number(i) + "@example.com");
        text(7, "email");
        const QByteArray at = received.toString(Qt::ISODate).toLatin1() + "T09:00:00.000Z";
        text(8, at);
        text(9, at);
        text(10, open ? "in_progress" : "fulfilled");
        text(11, assignees[next() % 4]);
        if (open)
            sqlite3_bind_null(st, 12);
        else
            text(12, received.addDays(int(next() % 35)).toString(Qt::ISODate).toLatin1() +
                         "T12:00:00.000Z");
        text(13, at);
        text(14, d.responseDue.toString(Qt::ISODate).toLatin1());
        text(15, d.originalDue.toString(Qt::ISODate).toLatin1());
        if (d.promiseDue)
            text(16, d.promiseDue->toString(Qt::ISODate).toLatin1());
        else
            sqlite3_bind_null(st, 16);
        text(17, d.effectiveDue().toString(Qt::ISODate).toLatin1());
        if (d.acknowledgeBy)
            text(18, d.acknowledgeBy->toString(Qt::ISODate).toLatin1());
        else
            sqlite3_bind_null(st, 18);
        if (sqlite3_step(st) != SQLITE_DONE) {
            std::fprintf(stderr, "bench: insert failed: %s\n", sqlite3_errmsg(db));
            return false;
        }
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    for (const QByteArray& sql : std::as_const(indexes))
        sqlite3_exec(db, sql.constData(), nullptr, nullptr, nullptr);
    sqlite3_exec(db, "COMMIT; ANALYZE; PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    return true;
}

// The plain query: a fresh connection, the same SQL, the first page. Median
// of five runs, in milliseconds.
double plainQueryMs(const QString& path, const RequestQueueSql& sql)
{
    QList<double> runs;
    for (int r = 0; r < 5; ++r) {
        QElapsedTimer timer;
        timer.start();
        sqlite3* db = nullptr;
        sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr);
        sqlite3_stmt* st = nullptr;
        sqlite3_prepare_v2(db, sql.pageQuery().toUtf8().constData(), -1, &st, nullptr);
        int n = 1;
        for (const QVariant& b : sql.binds) {
            const QByteArray v = b.toString().toUtf8();
            sqlite3_bind_text(st, n++, v.constData(), int(v.size()), SQLITE_TRANSIENT);
        }
        sqlite3_bind_int(st, n++, RequestQueueModel::kPageSize);
        sqlite3_bind_int(st, n++, 0);
        int rows = 0;
        while (sqlite3_step(st) == SQLITE_ROW) {
            for (int c = 0; c < sqlite3_column_count(st); ++c)
                sqlite3_column_text(st, c);
            ++rows;
        }
        sqlite3_finalize(st);
        sqlite3_close(db);
        runs << double(timer.nsecsElapsed()) / 1e6;
    }
    std::sort(runs.begin(), runs.end());
    return runs[runs.size() / 2];
}

// Runs the event loop for `ms` (a real loop, so the GUI thread works as in
// the app while the benchmark waits).
void idle(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// Watches the GUI thread: the longest gap between ticks of a 5 ms timer.
class StallMeter : public QObject
{
public:
    StallMeter()
    {
        m_timer.setInterval(5);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            m_longest = std::max(m_longest, m_clock.nsecsElapsed());
            m_stepLongest = std::max(m_stepLongest, m_clock.nsecsElapsed());
            m_clock.restart();
        });
        m_clock.start();
        m_timer.start();
    }
    double longestMs() const { return double(m_longest) / 1e6; }
    // Starts a step: what came before does not count.
    void startStep()
    {
        m_clock.restart();
        m_stepLongest = 0;
    }
    // The longest stall since the last call, and starts a new period.
    double takeStepMs()
    {
        const double ms = double(std::max(m_stepLongest, m_clock.nsecsElapsed())) / 1e6;
        m_stepLongest = 0;
        return ms;
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_longest = 0;
    qint64 m_stepLongest = 0;
};

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear(); // no remembered page or layout
    QCommandLineParser p;
    p.addOptions(
        {{QStringLiteral("workspace"), QStringLiteral("demo workspace"), QStringLiteral("FILE")},
         {QStringLiteral("requests"), QStringLiteral("requests to add"), QStringLiteral("N"),
          QStringLiteral("1000000")}});
    p.process(app);
    const QString path = p.value(QStringLiteral("workspace"));
    const int count = p.value(QStringLiteral("requests")).toInt();

    QElapsedTimer setup;
    setup.start();
    if (!addRequests(path, count))
        return 1;
    std::printf("queue: %d requests added in %.1f s (set-up, not a figure)\n", count,
                setup.elapsed() / 1000.0);

    auto ws = Workspace::open(path);
    if (!ws) {
        std::fprintf(stderr, "bench: %s\n", qPrintable(ws.error()));
        return 1;
    }
    MainWindow window(*ws.value());
    window.setOrganization(QStringLiteral("org-labelsets"));
    window.show();
    StallMeter stalls;

    struct Step
    {
        const char* name;
        double ms;
        double plainMs;
        double stallMs = 0;
    };
    QList<Step> steps;
    double stepStall = 0;
    auto waitFirstPage = [&stalls, &stepStall](RequestQueueModel* model, QElapsedTimer& timer) {
        QSignalSpy first(model, &RequestQueueModel::firstPageLoaded);
        first.wait(60000);
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        QSignalSpy counted(model, &RequestQueueModel::countLoaded);
        if (model->isLoading())
            counted.wait(60000);
        idle(200);                       // let the charts' figures come in too
        stepStall = stalls.takeStepMs(); // before the plain query runs on this thread
        return ms;
    };

    idle(1500);         // the window builds its other pages when idle
    stalls.startStep(); // start-up is measured elsewhere
    QElapsedTimer timer;
    timer.start();
    window.showPage(QStringLiteral("requests"));
    auto page = qobject_cast<RequestsPage*>(window.currentPage());
    RequestQueueModel* model = page->model();
    double ms = waitFirstPage(model, timer);
    RequestQueueFilter f = model->filter();
    steps.append({"open the page: shown, first rows in", ms,
                  plainQueryMs(path, RequestQueueSql::build(f, RequestQueueKey::DueEffective,
                                                            Qt::AscendingOrder))});
    steps.last().stallMs = stepStall;

    // The same without the page's first paint: the queue asked afresh.
    stalls.startStep();
    timer.restart();
    model->setFilter(f);
    ms = waitFirstPage(model, timer);
    steps.append({"open the queue: filter set, first rows in", ms,
                  plainQueryMs(path, RequestQueueSql::build(f, RequestQueueKey::DueEffective,
                                                            Qt::AscendingOrder))});
    steps.last().stallMs = stepStall;

    auto view = page->findChild<QTableView*>(QStringLiteral("requestQueue"));
    stalls.startStep();
    timer.restart();
    view->horizontalHeader()->setSortIndicator(RequestQueueModel::DueLegalColumn,
                                               Qt::DescendingOrder);
    ms = waitFirstPage(model, timer);
    steps.append({"sort by due date (legal, newest first)", ms,
                  plainQueryMs(path, RequestQueueSql::build(f, RequestQueueKey::DueLegal,
                                                            Qt::DescendingOrder))});
    steps.last().stallMs = stepStall;

    auto type = page->findChild<QComboBox*>(QStringLiteral("typeFilter"));
    stalls.startStep();
    timer.restart();
    type->setCurrentIndex(type->findData(QStringLiteral("erasure")));
    ms = waitFirstPage(model, timer);
    steps.append(
        {"filter: erasure requests", ms,
         plainQueryMs(path, RequestQueueSql::build(model->filter(), RequestQueueKey::DueLegal,
                                                   Qt::DescendingOrder))});
    steps.last().stallMs = stepStall;

    auto all = page->findChild<QComboBox*>(QStringLiteral("statusFilter"));
    stalls.startStep();
    timer.restart();
    all->setCurrentIndex(all->findData(QStringLiteral("all")));
    ms = waitFirstPage(model, timer);
    steps.append(
        {"filter: every status", ms,
         plainQueryMs(path, RequestQueueSql::build(model->filter(), RequestQueueKey::DueLegal,
                                                   Qt::DescendingOrder))});
    steps.last().stallMs = stepStall;

    // Scroll to the end: the last page is read on demand.
    stalls.startStep();
    timer.restart();
    view->scrollToBottom();
    {
        QEventLoop loop;
        QTimer poll;
        QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
            if (model->row(model->rowCount() - 1) || timer.elapsed() > 60000)
                loop.quit();
        });
        poll.start(1);
        loop.exec();
    }
    steps.append({"scroll to the last row", double(timer.nsecsElapsed()) / 1e6, -1});
    steps.last().stallMs = stalls.takeStepMs();

    std::printf("queue: %d requests, organization LabelSets (%d rows in view)\n", count,
                model->rowCount());
    for (const Step& s : steps) {
        if (s.plainMs < 0)
            std::printf("  %-40s %8.1f ms %47s  longest stall %5.1f ms\n", s.name, s.ms, "",
                        s.stallMs);
        else
            std::printf("  %-40s %8.1f ms   plain query %6.1f ms   ratio %5.2f x (<= 3)  longest "
                        "stall %5.1f ms\n",
                        s.name, s.ms, s.plainMs, s.ms / std::max(0.001, s.plainMs), s.stallMs);
    }
    double longest = 0;
    for (const Step& st : steps)
        longest = std::max(longest, st.stallMs);
    std::printf("  %-40s %8.1f ms   (target <= 100)\n", "longest GUI-thread stall in these steps",
                longest);
    std::printf("  %-40s %8.1f MiB  (target < 150)\n", "peak RSS", statusKiB("VmHWM:") / 1024.0);
    return 0;
}
