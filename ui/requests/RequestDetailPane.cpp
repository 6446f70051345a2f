#include "RequestDetailPane.h"

#include "common/Style.h"
#include "dialogs/InputDialog.h"
#include "dialogs/MessageBox.h"
#include "domain/Text.h"
#include "itemmodels/RequestCommands.h"

#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QUndoStack>
#include <QVBoxLayout>

namespace workbench {

namespace {

QString isoDate(QDate d)
{
    return d.isValid() ? d.toString(Qt::ISODate) : QStringLiteral("—");
}

QString daysLeftText(QDate due, QDate today)
{
    const qint64 left = today.daysTo(due);
    if (left < 0)
        return countText("RequestDetailPane",
                         QT_TRANSLATE_NOOP("RequestDetailPane", "%n day(s) overdue"), int(-left));
    return countText("RequestDetailPane", QT_TRANSLATE_NOOP("RequestDetailPane", "%n day(s) left"),
                     int(left));
}

} // namespace

RequestDetailPane::RequestDetailPane(RequestService& service, QUndoStack& undoStack,
                                     QWidget* parent)
    : QWidget(parent)
    , m_service(service)
    , m_undoStack(undoStack)
{
    setObjectName(QStringLiteral("requestDetail"));
    auto outer = new QVBoxLayout(this);
    m_empty = Style::emptyStateLabel(tr("Select a request in the queue to work on it."));
    outer->addWidget(m_empty);

    m_body = new QWidget;
    auto layout = new QVBoxLayout(m_body);
    layout->setContentsMargins(0, 0, 0, 0);
    m_heading = new QLabel;
    m_heading->setObjectName(QStringLiteral("requestHeading"));
    Style::heading(m_heading, 14);
    m_facts = new QLabel;
    m_facts->setObjectName(QStringLiteral("requestFacts"));
    m_facts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_facts->setWordWrap(true);
    m_heading->setWordWrap(true);
    m_deadlines = new QLabel;
    m_deadlines->setObjectName(QStringLiteral("requestDeadlines"));
    m_deadlines->setWordWrap(true);
    m_deadlines->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_heading);
    layout->addWidget(m_facts);
    layout->addWidget(m_deadlines);

    auto actions = new QGridLayout;
    layout->addLayout(actions);
    int n = 0;
    auto place = [&](QPushButton* b) {
        actions->addWidget(b, n / 3, n % 3), ++n;
    };
    place(m_verify = addAction("verifyButton", tr("&Verify identity"),
                               tr("Record that the requester's identity is verified"),
                               &RequestDetailPane::verifyIdentity));
    place(m_pause =
              addAction("pauseButton", tr("&Pause clock"),
                        tr("Stop the clock while waiting on the requester (where the law allows)"),
                        &RequestDetailPane::togglePause));
    place(
        m_extend = addAction(
            "extendButton", tr("E&xtend…"),
            tr("Take the statutory extension, with its reason and the date the requester was told"),
            &RequestDetailPane::extend));
    place(addAction("assignButton", tr("Assi&gn…"), tr("Who works on it"),
                    &RequestDetailPane::assign));
    place(addAction("noteButton", tr("&Note…"), tr("Add a note to the history"),
                    &RequestDetailPane::addNote));
    place(m_acknowledge = addAction("acknowledgeButton", tr("Confirm &receipt"),
                                    tr("Record that receipt was confirmed to the requester"),
                                    &RequestDetailPane::acknowledge));
    place(addAction("statusButton", tr("S&tatus…"), tr("Move the request along its workflow"),
                    &RequestDetailPane::changeStatus));
    place(m_close = addAction("closeButton", tr("&Close…"),
                              tr("Close as fulfilled, rejected or withdrawn"),
                              &RequestDetailPane::close));

    auto tasksBox = new QGroupBox(tr("Processor tasks (GDPR Art. 19)"));
    auto tasksLayout = new QVBoxLayout(tasksBox);
    m_tasks = new QTreeWidget;
    m_tasks->setObjectName(QStringLiteral("requestTasks"));
    m_tasks->setHeaderLabels({tr("Processor"), tr("State"), tr("Reason / when")});
    m_tasks->setRootIsDecorated(false);
    m_tasks->setMaximumHeight(170);
    m_tasks->header()->resizeSection(0, 200);
    tasksLayout->addWidget(m_tasks);
    auto taskButtons = new QHBoxLayout;
    m_generateTasks =
        addAction("generateTasksButton", tr("Create"),
                  tr("One task per active processor holding this organization's personal data"),
                  &RequestDetailPane::generateTasks);
    taskButtons->addWidget(m_generateTasks);
    taskButtons->addWidget(addAction("taskSentButton", tr("Sent"), tr("The processor was told"),
                                     &RequestDetailPane::markSent));
    taskButtons->addWidget(addAction("taskConfirmedButton", tr("Confirmed"),
                                     tr("The processor confirmed it acted"),
                                     &RequestDetailPane::markConfirmed));
    taskButtons->addWidget(addAction("taskNotNeededButton", tr("Not needed…"),
                                     tr("This processor need not be told, with the reason"),
                                     &RequestDetailPane::markNotNeeded));
    tasksLayout->addLayout(taskButtons);
    layout->addWidget(tasksBox);

    auto historyBox = new QGroupBox(tr("History"));
    auto historyLayout = new QVBoxLayout(historyBox);
    m_history = new QTreeWidget;
    m_history->setObjectName(QStringLiteral("requestHistory"));
    m_history->setHeaderLabels({tr("When"), tr("What"), tr("Details"), tr("Who")});
    m_history->setRootIsDecorated(false);
    m_history->setWordWrap(true);
    m_history->header()->resizeSection(0, 120);
    m_history->header()->resizeSection(1, 115);
    m_history->header()->resizeSection(2, 260);
    historyLayout->addWidget(m_history);
    layout->addWidget(historyBox, 1);
    outer->addWidget(m_body, 1);
    setRequest({});
}

QPushButton* RequestDetailPane::addAction(const char* name, const QString& text, const QString& tip,
                                          void (RequestDetailPane::*slot)())
{
    auto b = new QPushButton(text);
    b->setObjectName(QLatin1String(name));
    b->setToolTip(tip);
    connect(b, &QPushButton::clicked, this, slot);
    m_actions << b;
    return b;
}

void RequestDetailPane::setRequest(const QString& id)
{
    m_id = id;
    reload();
}

void RequestDetailPane::reload()
{
    m_detail.reset();
    if (!m_id.isEmpty()) {
        auto d = m_service.detail(m_id);
        if (d)
            m_detail = std::move(d).value();
    }
    m_empty->setVisible(!m_detail);
    m_body->setVisible(m_detail.has_value());
    if (!m_detail)
        return;
    const RequestDetail& d = *m_detail;
    const RightsRequest& r = d.snapshot.request;
    const QDate today = m_service.now().date();
    const QLocale locale;
    m_heading->setText(QStringLiteral("%1 · %2 · %3").arg(r.id, displayLabel(r.type), d.rule.name));
    m_facts->setText(tr("%1 <%2> · %3\nReceived %4 via %5 · %6 · assigned to %7")
                         .arg(r.subjectName.isEmpty() ? tr("(no name)") : r.subjectName,
                              r.subjectEmail, d.organizationName,
                              locale.toString(r.receivedAt.toLocalTime(), QLocale::ShortFormat),
                              displayLabel(r.channel), displayLabel(r.status),
                              r.assignee.isEmpty() ? tr("nobody") : r.assignee));

    QStringList lines;
    const Deadlines& dl = d.deadlines;
    const bool open = r.isOpen();
    lines << tr("<b>Legal due: %1</b> (%2)%3 — %4")
                 .arg(isoDate(dl.responseDue), d.rule.citation.toHtmlEscaped(),
                      r.extendedUntil.isValid()
                          ? tr(", extended from %1").arg(isoDate(dl.originalDue))
                          : QString(),
                      open ? daysLeftText(dl.responseDue, today)
                           : displayLabel(r.status).toLower());
    if (dl.promiseDue)
        lines << tr("Our promise: %1%2")
                     .arg(isoDate(*dl.promiseDue),
                          open ? QStringLiteral(" — ") + daysLeftText(*dl.promiseDue, today)
                               : QString());
    if (dl.acknowledgeBy)
        lines << (d.snapshot.acknowledgedOn.isValid()
                      ? tr("Receipt confirmed on %1").arg(isoDate(d.snapshot.acknowledgedOn))
                      : tr("Confirm receipt by %1 (%2)")
                            .arg(isoDate(*dl.acknowledgeBy), d.rule.acknowledge->describe()));
    if (r.extendedUntil.isValid())
        lines << tr("Extended (%1); requester told on %2. Reason: %3")
                     .arg(d.rule.extension ? d.rule.extension->describe() : QString(),
                          isoDate(d.snapshot.extensionNotifiedOn),
                          r.extensionReason.toHtmlEscaped());
    else if (d.rule.extension)
        lines << tr("Extension: +%1, once; tell the requester by %2.")
                     .arg(d.rule.extension->describe(),
                          isoDate(dl.extensionNoticeBy.value_or(QDate())));
    else
        lines << tr("No extension under %1.").arg(d.rule.name);
    if (d.snapshot.isPaused())
        lines << tr("<b>Clock paused</b> since %1.").arg(isoDate(d.snapshot.pausedSince));
    else if (!d.rule.pauseAllowed)
        lines << tr("Verification and questions do not stop the clock under %1.").arg(d.rule.name);
    else if (d.snapshot.pausedDays > 0)
        lines << tr("The clock stood still for %1.")
                     .arg(countText("RequestDetailPane",
                                    QT_TRANSLATE_NOOP("RequestDetailPane", "%n day(s)"),
                                    d.snapshot.pausedDays));
    m_deadlines->setText(lines.join(QStringLiteral("<br>")));
    m_pause->setText(d.snapshot.isPaused() ? tr("&Resume clock") : tr("&Pause clock"));
    m_acknowledge->setVisible(dl.acknowledgeBy.has_value());
    updateActions();

    const qint64 selectedTask = selectedTaskId();
    m_tasks->clear();
    for (const RequestTask& t : d.snapshot.tasks) {
        auto item = new QTreeWidgetItem(
            m_tasks,
            {t.processorName, displayLabel(t.state),
             t.reason.isEmpty() ? locale.toString(t.updatedAt.toLocalTime(), QLocale::ShortFormat)
                                : t.reason});
        item->setData(0, Qt::UserRole, t.id);
        if (t.isOpen())
            item->setForeground(1, toneColour(Tone::Warning, m_tasks->palette()));
        if (t.id == selectedTask)
            m_tasks->setCurrentItem(item);
    }
    if (!m_tasks->currentItem() && m_tasks->topLevelItemCount() > 0)
        m_tasks->setCurrentItem(m_tasks->topLevelItem(0));

    m_history->clear();
    for (const RequestEvent& e : d.events)
        new QTreeWidgetItem(m_history, {locale.toString(e.at.toLocalTime(), QLocale::ShortFormat),
                                        eventKindLabel(e.kind), e.text, e.actor});
    m_history->scrollToBottom();
}

void RequestDetailPane::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    updateActions();
}

void RequestDetailPane::updateActions()
{
    if (m_readOnly || !m_detail) {
        for (QPushButton* b : std::as_const(m_actions))
            b->setEnabled(false);
        return;
    }
    const RequestDetail& d = *m_detail;
    const RightsRequest& r = d.snapshot.request;
    const bool open = r.isOpen();
    for (QPushButton* b : std::as_const(m_actions))
        b->setEnabled(true);
    m_verify->setEnabled(open && !r.verifiedAt.isValid());
    m_pause->setEnabled(open && d.rule.pauseAllowed);
    m_extend->setEnabled(open && d.rule.extension && !r.extendedUntil.isValid());
    m_acknowledge->setEnabled(open && !d.snapshot.acknowledgedOn.isValid());
    m_close->setEnabled(open);
    m_generateTasks->setEnabled(open && RequestWorkflow::needsProcessorTasks(r.type));
}

void RequestDetailPane::run(const QString& text, std::function<Status()> action)
{
    m_undoStack.push(new RequestActionCommand(
        m_service, m_id, text, std::move(action),
        [this](const QString& message) { MessageBox::warning(this, tr("Not done"), message); }));
    reload();
}

qint64 RequestDetailPane::selectedTaskId() const
{
    const QTreeWidgetItem* item = m_tasks->currentItem();
    return item ? item->data(0, Qt::UserRole).toLongLong() : 0;
}

void RequestDetailPane::verifyIdentity()
{
    run(tr("Verify identity of %1").arg(m_id), [this] { return m_service.verifyIdentity(m_id); });
}

void RequestDetailPane::togglePause()
{
    if (m_detail && m_detail->snapshot.isPaused()) {
        run(tr("Resume the clock of %1").arg(m_id), [this] { return m_service.resume(m_id); });
        return;
    }
    const auto reason = InputDialog::text(this, tr("Pause the clock"),
                                          tr("What are you waiting for from the requester?"),
                                          tr("Proof of identity"));
    if (reason)
        run(tr("Pause the clock of %1").arg(m_id),
            [this, r = *reason] { return m_service.pause(m_id, r); });
}

void RequestDetailPane::extend()
{
    const auto reason =
        InputDialog::text(this, tr("Extend the deadline"),
                          tr("Why is more time needed? (the requester is told)"), {}, true);
    if (!reason)
        return;
    const auto told =
        InputDialog::date(this, tr("Extend the deadline"),
                          tr("When was (or is) the requester told?"), m_service.now().date());
    if (!told)
        return;
    run(tr("Extend %1").arg(m_id),
        [this, r = *reason, t = *told] { return m_service.extend(m_id, r, t); });
}

void RequestDetailPane::assign()
{
    const auto who =
        InputDialog::text(this, tr("Assign"), tr("Who works on %1? (empty: nobody)").arg(m_id),
                          m_detail ? m_detail->snapshot.request.assignee : QString());
    if (who)
        run(tr("Assign %1").arg(m_id), [this, w = *who] { return m_service.assign(m_id, w); });
}

void RequestDetailPane::addNote()
{
    const auto text = InputDialog::text(this, tr("Add a note"),
                                        tr("Note for the history of %1:").arg(m_id), {}, true);
    if (!text)
        return;
    // A note is history: it is kept, not undone.
    if (auto s = m_service.addNote(m_id, *text); !s)
        MessageBox::warning(this, tr("Not done"), s.error());
    reload();
}

void RequestDetailPane::acknowledge()
{
    run(tr("Confirm receipt of %1").arg(m_id), [this] { return m_service.acknowledge(m_id); });
}

void RequestDetailPane::changeStatus()
{
    if (!m_detail)
        return;
    QStringList labels;
    QList<RequestStatus> choices;
    for (RequestStatus s : RequestWorkflow::nextStatuses(m_detail->snapshot.request.status)) {
        if (RequestWorkflow::isClosed(s))
            continue; // closing goes through Close…, with its outcome
        choices << s;
        labels << displayLabel(s);
    }
    if (choices.isEmpty()) {
        MessageBox::warning(this, tr("Status"),
                            tr("From %1 the request can only be closed.")
                                .arg(displayLabel(m_detail->snapshot.request.status)));
        return;
    }
    const auto chosen =
        InputDialog::item(this, tr("Change status"), tr("Move %1 to:").arg(m_id), labels);
    if (!chosen || !labels.contains(*chosen))
        return;
    const RequestStatus to = choices[labels.indexOf(*chosen)];
    run(tr("Set %1 to %2").arg(m_id, *chosen),
        [this, to] { return m_service.changeStatus(m_id, to); });
}

void RequestDetailPane::close()
{
    if (!m_detail)
        return;
    const QList<RequestStatus> outcomes{RequestStatus::Fulfilled, RequestStatus::Rejected,
                                        RequestStatus::Withdrawn};
    QStringList labels;
    for (RequestStatus s : outcomes)
        labels << displayLabel(s);
    const auto chosen =
        InputDialog::item(this, tr("Close the request"), tr("Outcome of %1:").arg(m_id), labels);
    if (!chosen || !labels.contains(*chosen))
        return;
    const RequestStatus outcome = outcomes[labels.indexOf(*chosen)];
    const auto reason = InputDialog::text(this, tr("Close the request"),
                                          tr("What was done, or why not:"), {}, true);
    if (!reason)
        return;
    int open = 0;
    for (const RequestTask& t : m_detail->snapshot.tasks)
        open += t.isOpen() ? 1 : 0;
    QString override;
    if (outcome == RequestStatus::Fulfilled && open > 0) {
        const auto why = InputDialog::text(
            this, tr("Open processor tasks"),
            tr("%1 processor task(s) are still open. Record why the request is fulfilled anyway:")
                .arg(open),
            {}, true);
        if (!why)
            return;
        override = *why;
    }
    run(tr("Close %1 as %2").arg(m_id, chosen->toLower()), [this, outcome, r = *reason, override] {
        return m_service.close(m_id, outcome, r, override);
    });
}

void RequestDetailPane::generateTasks()
{
    run(tr("Create processor tasks for %1").arg(m_id),
        [this] { return m_service.generateTasks(m_id); });
}

void RequestDetailPane::markSent()
{
    const qint64 task = selectedTaskId();
    if (task)
        run(tr("Mark a task of %1 sent").arg(m_id),
            [this, task] { return m_service.setTaskState(m_id, task, TaskState::Sent); });
}

void RequestDetailPane::markConfirmed()
{
    const qint64 task = selectedTaskId();
    if (task)
        run(tr("Mark a task of %1 confirmed").arg(m_id),
            [this, task] { return m_service.setTaskState(m_id, task, TaskState::Confirmed); });
}

void RequestDetailPane::markNotNeeded()
{
    const qint64 task = selectedTaskId();
    if (!task)
        return;
    const auto why =
        InputDialog::text(this, tr("Not needed"), tr("Why need this processor not be told?"));
    if (why)
        run(tr("Mark a task of %1 not needed").arg(m_id), [this, task, w = *why] {
            return m_service.setTaskState(m_id, task, TaskState::NotNeeded, w);
        });
}

} // namespace workbench
