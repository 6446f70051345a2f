#include "SyncPage.h"

#include "WaitingRecordsView.h"
#include "common/Settings.h"
#include "common/Style.h"
#include "services/SyncDesk.h"
#include "storage/Workspace.h"
#include "sync/TokenStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace workbench {

namespace {

QString shown(const QJsonValue& v)
{
    if (v.isUndefined() || v.isNull())
        return QString();
    if (v.isString())
        return v.toString();
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isDouble())
        return QString::number(v.toDouble());
    return QString::fromUtf8(v.isArray()
                                 ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                                 : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
}

const Setting<int>& timeoutSetting()
{
    static const Setting<int> setting{"sync/timeoutSeconds", 30};
    return setting;
}
constexpr int kMaxTimeoutSeconds = 3600; // as sync --timeout

} // namespace

SyncPage::SyncPage(Workspace& workspace, QWidget* parent)
    : Page(parent)
    , m_workspace(workspace)
{
    setObjectName(QStringLiteral("syncPage"));
    auto layout = new QVBoxLayout(this);
    auto heading = new QLabel(tr("Sync"));
    Style::heading(heading);
    layout->addWidget(heading);
    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("syncTabs"));
    m_tabs->addTab(buildSources(), tr("Sources"));
    m_tabs->addTab(buildLog(), tr("Log"));
    m_tabs->addTab(buildConflicts(), tr("Conflicts"));
    m_waiting = new WaitingRecordsView(m_workspace);
    m_tabs->addTab(m_waiting, tr("Waiting"));
    connect(m_waiting, &WaitingRecordsView::statusMessage, this, &Page::statusMessage);
    connect(m_waiting, &WaitingRecordsView::countChanged, this, [this](int n) {
        m_tabs->setTabText(3, n == 0 ? tr("Waiting") : tr("Waiting (%1)").arg(n));
    });
    layout->addWidget(m_tabs, 1);
    connect(&m_workspace, &Workspace::recordChanged, this, [this](const QString& resource) {
        if (resource == u"sync")
            requestRefresh();
    });
    updateEditing();
}

void SyncPage::updateEditing()
{
    // The log, the conflicts and the waiting records stay readable, and the
    // interval and timeout (settings of this computer) stay; the sources,
    // resolving a conflict and dismissing a waiting record go when read-only.
    const bool editable = !isReadOnly();
    for (QLineEdit* edit : {m_name, m_url, m_tokenEnv, m_token})
        edit->setReadOnly(!editable);
    m_kind->setEnabled(editable);
    m_tokenFrom->setEnabled(editable);
    for (QCheckBox* box : std::as_const(m_resources))
        box->setEnabled(editable);
    for (QPushButton* b : std::as_const(m_editButtons))
        b->setEnabled(editable);
    m_waiting->setReadOnly(!editable);
}

int SyncPage::requestTimeoutSeconds()
{
    return std::clamp(timeoutSetting().value(), 1, kMaxTimeoutSeconds);
}

void SyncPage::showTab(const QString& name)
{
    m_tabs->setCurrentIndex(name == u"log"         ? 1
                            : name == u"conflicts" ? 2
                            : name == u"waiting"   ? 3
                                                   : 0);
}

void SyncPage::refresh()
{
    loadSources();
    loadLog();
    loadConflicts();
    m_waiting->reload();
}

QWidget* SyncPage::buildSources()
{
    auto page = new QWidget;
    auto split = new QHBoxLayout(page);
    auto left = new QVBoxLayout;
    m_sourceList = new QListWidget;
    m_sourceList->setObjectName(QStringLiteral("syncSources"));
    left->addWidget(m_sourceList, 1);
    auto add = new QPushButton(tr("&New source"));
    add->setObjectName(QStringLiteral("newSource"));
    left->addWidget(add);
    m_editButtons << add;
    split->addLayout(left, 1);

    auto form = new QFormLayout;
    m_name = new QLineEdit;
    m_name->setObjectName(QStringLiteral("sourceName"));
    m_kind = new QComboBox;
    m_kind->setObjectName(QStringLiteral("sourceKind"));
    m_kind->addItem(tr("REST (the company's API)"));
    m_kind->addItem(tr("PostgREST / Supabase"));
    m_url = new QLineEdit;
    m_url->setObjectName(QStringLiteral("sourceUrl"));
    m_url->setPlaceholderText(QStringLiteral("https://compliance.example.com/api/v1"));
    auto resources = new QVBoxLayout;
    for (const QString& r : sync::allResources()) {
        auto box = new QCheckBox(r);
        box->setObjectName(QStringLiteral("resource-") + r);
        box->setChecked(true);
        m_resources << box;
        resources->addWidget(box);
    }
    m_tokenFrom = new QComboBox;
    m_tokenFrom->setObjectName(QStringLiteral("tokenFrom"));
    m_tokenFrom->addItem(tr("An environment variable"));
    m_tokenFrom->addItem(tr("The keychain"));
    m_tokenEnv = new QLineEdit;
    m_tokenEnv->setObjectName(QStringLiteral("tokenEnv"));
    m_tokenEnv->setPlaceholderText(QStringLiteral("COMPLIANCE_API_TOKEN"));
    m_token = new QLineEdit;
    m_token->setObjectName(QStringLiteral("token"));
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("paste to store it in the keychain (never shown again)"));
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Kind:"), m_kind);
    form->addRow(tr("Base &URL:"), m_url);
    form->addRow(tr("Resources:"), resources);
    form->addRow(tr("&Token from:"), m_tokenFrom);
    form->addRow(tr("&Variable:"), m_tokenEnv);
    form->addRow(tr("T&oken:"), m_token);
    auto buttons = new QHBoxLayout;
    auto save = new QPushButton(tr("&Save source"));
    save->setObjectName(QStringLiteral("saveSource"));
    auto remove = new QPushButton(tr("&Remove"));
    remove->setObjectName(QStringLiteral("removeSource"));
    m_editButtons << save << remove;
    buttons->addWidget(save);
    buttons->addWidget(remove);
    buttons->addStretch();
    form->addRow(buttons);
    m_sourceMessage = new QLabel;
    m_sourceMessage->setObjectName(QStringLiteral("sourceMessage"));
    m_sourceMessage->setWordWrap(true);
    form->addRow(m_sourceMessage);
    m_interval = new QSpinBox;
    m_interval->setObjectName(QStringLiteral("syncInterval"));
    m_interval->setRange(0, 24 * 60);
    m_interval->setSuffix(tr(" min"));
    m_interval->setSpecialValueText(tr("only when I press F5"));
    m_interval->setValue(settings::syncIntervalMinutes.value());
    form->addRow(tr("Sync &every:"), m_interval);
    m_timeout = new QSpinBox;
    m_timeout->setObjectName(QStringLiteral("syncTimeout"));
    m_timeout->setRange(1, kMaxTimeoutSeconds);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setValue(requestTimeoutSeconds());
    m_timeout->setToolTip(
        tr("How long one request may go without an answer. It is tried twice, then the sync "
           "stops: a server that never answers costs twice this."));
    form->addRow(tr("Give up &after:"), m_timeout);
    split->addLayout(form, 2);

    auto updateTokenFields = [this] {
        const bool keychain = m_tokenFrom->currentIndex() == 1;
        m_tokenEnv->setEnabled(!keychain);
        m_token->setEnabled(keychain);
    };
    connect(m_tokenFrom, &QComboBox::currentIndexChanged, this, updateTokenFields);
    updateTokenFields();
    connect(m_sourceList, &QListWidget::currentRowChanged, this, &SyncPage::showSource);
    connect(add, &QPushButton::clicked, this, [this] {
        m_sourceList->setCurrentRow(-1);
        showSource(-1);
        m_name->setFocus();
    });
    connect(save, &QPushButton::clicked, this, &SyncPage::saveSource);
    connect(remove, &QPushButton::clicked, this, &SyncPage::removeSource);
    connect(m_interval, &QSpinBox::valueChanged, this, [this](int minutes) {
        settings::syncIntervalMinutes.setValue(minutes);
        emit intervalChanged(minutes);
    });
    connect(m_timeout, &QSpinBox::valueChanged, this,
            [](int seconds) { timeoutSetting().setValue(seconds); });
    return page;
}

void SyncPage::loadSources()
{
    const QString current =
        m_sourceList->currentItem() ? m_sourceList->currentItem()->text() : QString();
    auto sources = sync::SyncDesk(m_workspace).sources();
    m_sources = sources ? sources.value() : QList<sync::SyncSource>();
    if (!sources)
        emit statusMessage(sources.error());
    const QSignalBlocker block(m_sourceList);
    m_sourceList->clear();
    for (const sync::SyncSource& s : std::as_const(m_sources))
        m_sourceList->addItem(s.name);
    const auto found = m_sourceList->findItems(current, Qt::MatchExactly);
    m_sourceList->setCurrentRow(found.isEmpty() ? (m_sources.isEmpty() ? -1 : 0)
                                                : m_sourceList->row(found.first()));
    showSource(m_sourceList->currentRow());
}

void SyncPage::showSource(int row)
{
    const sync::SyncSource s =
        row >= 0 && row < m_sources.size() ? m_sources[row] : sync::SyncSource{};
    m_name->setText(s.name);
    m_kind->setCurrentIndex(s.kind == sync::SourceKind::Postgrest ? 1 : 0);
    // A URL saved before they were checked may hold a token: never shown.
    m_url->setText(s.baseUrl.isEmpty() ? QString() : sync::redactedUrl(s.baseUrl));
    for (QCheckBox* box : std::as_const(m_resources))
        box->setChecked(s.resources.isEmpty() || s.resources.contains(box->text()));
    m_tokenFrom->setCurrentIndex(s.useKeychain ? 1 : 0);
    m_tokenEnv->setText(s.tokenEnv);
    m_token->clear();
    m_sourceMessage->setText(
        m_sources.isEmpty()
            ? tr("No source yet. Fill in where the records come from and save; the token stays "
                 "in your keychain or in an environment variable, never in the workspace.")
            : QString());
    Style::emptyState(m_sourceMessage);
    if (!s.baseUrl.isEmpty()) {
        if (const Status usable = sync::HttpClient::checkUrl(s.baseUrl); !usable) {
            m_sourceMessage->setText(usable.error());
            Style::textColour(m_sourceMessage, Tone::Error);
        }
    }
}

void SyncPage::saveSource()
{
    sync::SyncSource s;
    s.name = m_name->text().trimmed();
    s.kind = m_kind->currentIndex() == 1 ? sync::SourceKind::Postgrest : sync::SourceKind::Rest;
    s.baseUrl = QUrl(m_url->text().trimmed());
    for (QCheckBox* box : std::as_const(m_resources))
        if (box->isChecked())
            s.resources << box->text();
    if (s.resources.size() == m_resources.size())
        s.resources.clear(); // all of them, including any added later
    s.useKeychain = m_tokenFrom->currentIndex() == 1;
    s.tokenEnv = s.useKeychain ? QString() : m_tokenEnv->text().trimmed();
    auto fail = [this](const QString& why) {
        m_sourceMessage->setText(why);
        Style::textColour(m_sourceMessage, Tone::Error);
    };
    if (!s.useKeychain && s.tokenEnv.isEmpty())
        return fail(tr("Name the environment variable that holds the token."));
    if (auto saved = sync::SyncDesk(m_workspace).saveSource(s); !saved)
        return fail(saved.error());
    if (s.useKeychain && !m_token->text().isEmpty()) {
        const Status stored = sync::keychain::write(s.name, m_token->text().toUtf8());
        m_token->clear();
        if (!stored)
            return fail(stored.error());
    }
    loadSources();
    const auto found = m_sourceList->findItems(s.name, Qt::MatchExactly);
    if (!found.isEmpty())
        m_sourceList->setCurrentItem(found.first());
    m_sourceMessage->setText(tr("Saved %1.").arg(s.name));
    Style::textColour(m_sourceMessage, Tone::Good);
}

void SyncPage::removeSource()
{
    const int row = m_sourceList->currentRow();
    if (row < 0 || row >= m_sources.size())
        return;
    const sync::SyncSource s = m_sources[row];
    if (auto removed = sync::SyncDesk(m_workspace).removeSource(s.name); !removed) {
        m_sourceMessage->setText(removed.error());
        return;
    }
    if (s.useKeychain)
        (void)sync::keychain::remove(s.name); // an entry left behind holds nothing we use
    loadSources();
}

QWidget* SyncPage::buildLog()
{
    m_log = new QTreeWidget;
    m_log->setObjectName(QStringLiteral("syncLog"));
    m_log->setHeaderLabels({tr("When"), tr("Source"), tr("Outcome"), tr("What changed")});
    m_log->setRootIsDecorated(true);
    m_log->setAlternatingRowColors(true);
    m_log->header()->setSectionResizeMode(3, QHeaderView::Stretch);
    return m_log;
}

void SyncPage::loadLog()
{
    auto runs = sync::SyncDesk(m_workspace).runs();
    m_log->clear();
    if (!runs) {
        emit statusMessage(runs.error());
        return;
    }
    if (runs.value().isEmpty()) {
        auto hint = new QTreeWidgetItem(
            m_log, {QString(), QString(), QString(),
                    tr("No sync yet. Save a source, then press F5 (or set an interval).")});
        hint->setFlags(Qt::NoItemFlags);
    }
    for (const sync::SyncRun& run : runs.value()) {
        QStringList changes;
        const QJsonObject resources = run.summary.value(QLatin1String("resources")).toObject();
        for (auto it = resources.begin(); it != resources.end(); ++it) {
            const QJsonObject c = it.value().toObject();
            const int added = c.value(QLatin1String("added")).toInt();
            const int updated = c.value(QLatin1String("updated")).toInt();
            const int deleted = c.value(QLatin1String("deleted")).toInt();
            const int rejected = c.value(QLatin1String("rejected")).toInt();
            QStringList parts;
            if (added)
                parts << tr("%n added", nullptr, added);
            if (updated)
                parts << tr("%n updated", nullptr, updated);
            if (deleted)
                parts << tr("%n deleted", nullptr, deleted);
            if (rejected)
                parts << tr("%n rejected", nullptr, rejected);
            if (!parts.isEmpty())
                changes << it.key() + QStringLiteral(": ") + parts.join(QStringLiteral(", "));
        }
        const int waiting = run.summary.value(QLatin1String("waiting"))
                                .toObject()
                                .value(QLatin1String("total"))
                                .toInt();
        if (waiting) {
            // As the run said it: how many, and why.
            sync::SyncReport said;
            const QJsonObject causes = run.summary.value(QLatin1String("waiting"))
                                           .toObject()
                                           .value(QLatin1String("causes"))
                                           .toObject();
            for (auto it = causes.begin(); it != causes.end(); ++it)
                said.waiting.insert(it.key(), it.value().toInt());
            changes << said.waitingMessage();
        }
        const int pushed = run.summary.value(QLatin1String("pushed")).toInt();
        const int conflicts = run.summary.value(QLatin1String("conflicts")).toInt();
        if (conflicts)
            changes.prepend(tr("%n conflict(s) to resolve", nullptr, conflicts));
        if (pushed)
            changes.prepend(tr("%n edit(s) sent", nullptr, pushed));
        // Runs logged before URLs were checked may name one with a token.
        QString outcome;
        if (run.outcome == u"ok")
            outcome = tr("OK");
        else if (run.outcome == u"waiting") // ran to the end; refused records wait
            outcome = tr("Done, records waiting");
        else if (run.outcome == u"cancelled")
            outcome = tr("Cancelled");
        else
            outcome = tr("Error: %1").arg(sync::redactSecrets(run.message));
        auto item = new QTreeWidgetItem(
            m_log, {QLocale().toString(run.startedAt.toLocalTime(), QLocale::ShortFormat),
                    sync::redactSecrets(run.source), outcome,
                    changes.isEmpty() ? tr("nothing new") : changes.join(QStringLiteral("; "))});
        if (run.outcome == u"error")
            item->setForeground(2, toneColour(Tone::Error, m_log->palette()));
        item->setToolTip(2, outcome);
        for (const sync::Rejection& r : run.rejections)
            new QTreeWidgetItem(item,
                                {QString(), r.resource + u'/' + r.id,
                                 tr("rejected: %1").arg(r.field), sync::redactSecrets(r.reason)});
        item->setExpanded(!run.rejections.isEmpty()); // what needs a look, shown
    }
    m_log->resizeColumnToContents(0);
    m_log->resizeColumnToContents(1);
    m_log->resizeColumnToContents(2);
}

QWidget* SyncPage::buildConflicts()
{
    auto page = new QWidget;
    auto layout = new QVBoxLayout(page);
    auto split = new QSplitter;
    m_conflictList = new QListWidget;
    m_conflictList->setObjectName(QStringLiteral("conflictList"));
    split->addWidget(m_conflictList);
    auto right = new QWidget;
    auto rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    m_fields = new QTableWidget(0, 5);
    m_fields->setObjectName(QStringLiteral("conflictFields"));
    m_fields->setHorizontalHeaderLabels(
        {tr("Field"), tr("Before (base)"), tr("Mine"), tr("Server"), tr("Keep mine")});
    m_fields->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_fields->verticalHeader()->hide();
    m_fields->setEditTriggers(QAbstractItemView::NoEditTriggers);
    rightLayout->addWidget(m_fields, 1);
    m_conflictMessage = new QLabel;
    m_conflictMessage->setObjectName(QStringLiteral("conflictMessage"));
    m_conflictMessage->setWordWrap(true);
    rightLayout->addWidget(m_conflictMessage);
    auto buttons = new QHBoxLayout;
    auto mine = new QPushButton(tr("Keep &mine"));
    mine->setObjectName(QStringLiteral("keepMine"));
    auto theirs = new QPushButton(tr("Take &theirs"));
    theirs->setObjectName(QStringLiteral("takeTheirs"));
    auto merge = new QPushButton(tr("&Merge as ticked"));
    merge->setObjectName(QStringLiteral("mergeTicked"));
    buttons->addWidget(mine);
    buttons->addWidget(theirs);
    buttons->addWidget(merge);
    m_editButtons << mine << theirs << merge;
    buttons->addStretch();
    rightLayout->addLayout(buttons);
    split->addWidget(right);
    split->setStretchFactor(1, 3);
    layout->addWidget(split, 1);
    connect(m_conflictList, &QListWidget::currentRowChanged, this, &SyncPage::showConflict);
    connect(mine, &QPushButton::clicked, this, [this] { resolve(0); });
    connect(theirs, &QPushButton::clicked, this, [this] { resolve(1); });
    connect(merge, &QPushButton::clicked, this, [this] { resolve(2); });
    return page;
}

void SyncPage::loadConflicts()
{
    auto conflicts = sync::SyncDesk(m_workspace).conflicts();
    m_conflicts = conflicts ? conflicts.value() : QList<sync::Conflict>();
    if (!conflicts)
        emit statusMessage(conflicts.error());
    m_tabs->setTabText(2, m_conflicts.isEmpty() ? tr("Conflicts")
                                                : tr("Conflicts (%1)").arg(m_conflicts.size()));
    const QSignalBlocker block(m_conflictList);
    m_conflictList->clear();
    for (const sync::Conflict& c : std::as_const(m_conflicts)) {
        const QString source = sync::redactSecrets(c.source);
        m_conflictList->addItem(
            c.gone() ? tr("%1 %2: deleted on %3").arg(c.resource, c.recordId, source)
                     : tr("%1 %2: changed on %3").arg(c.resource, c.recordId, source));
    }
    m_conflictList->setCurrentRow(m_conflicts.isEmpty() ? -1 : 0);
    showConflict(m_conflictList->currentRow());
}

void SyncPage::showConflict(int row)
{
    m_fields->setRowCount(0);
    m_conflictMessage->clear();
    if (row < 0 || row >= m_conflicts.size()) {
        m_conflictMessage->setText(
            tr("No conflicts. When the server refuses one of your edits because the record "
               "changed there too, it waits here: nothing is overwritten until you choose."));
        return;
    }
    const sync::Conflict& c = m_conflicts[row];
    const QStringList fields = c.fields();
    m_fields->setRowCount(int(fields.size()));
    for (int i = 0; i < fields.size(); ++i) {
        const QString& f = fields[i];
        const bool mineChanged = c.mine.contains(f);
        const QString mine = mineChanged ? shown(c.mine.value(f)) : shown(c.base.value(f));
        const QStringList cells{f, shown(c.base.value(f)), mine,
                                c.gone() ? tr("(deleted)") : shown(c.server.value(f))};
        for (int col = 0; col < cells.size(); ++col) {
            auto item = new QTableWidgetItem(cells[col]);
            item->setToolTip(cells[col]);
            m_fields->setItem(i, col, item);
        }
        // Only what the officer edited can be kept; the rest is the server's.
        auto keep = new QTableWidgetItem(mineChanged ? QString() : tr("(not edited)"));
        keep->setFlags(mineChanged ? Qt::ItemIsUserCheckable | Qt::ItemIsEnabled
                                   : Qt::ItemIsEnabled);
        if (mineChanged)
            keep->setCheckState(Qt::Checked);
        m_fields->setItem(i, 4, keep);
        if (mineChanged && c.mine.value(f) != c.server.value(f)) {
            QFont bold = m_fields->font();
            bold.setBold(true);
            m_fields->item(i, 0)->setFont(bold);
        }
    }
    m_conflictMessage->setText(
        c.gone() ? tr("%1 deleted this record after you edited it. Take theirs deletes it here "
                      "too.")
                       .arg(sync::redactSecrets(c.source))
                 : tr("%1 changed this record after you edited it. Tick the fields whose value "
                      "you keep; the rest take the server's. What you keep is sent again.")
                       .arg(sync::redactSecrets(c.source)));
}

void SyncPage::resolve(int mode)
{
    const int row = m_conflictList->currentRow();
    if (row < 0 || row >= m_conflicts.size())
        return;
    const sync::Conflict c = m_conflicts[row];
    QSet<QString> keep;
    if (mode == 0) {
        for (auto it = c.mine.begin(); it != c.mine.end(); ++it)
            keep.insert(it.key());
    } else if (mode == 2) {
        for (int i = 0; i < m_fields->rowCount(); ++i)
            if (m_fields->item(i, 4)->checkState() == Qt::Checked)
                keep.insert(m_fields->item(i, 0)->text());
    }
    if (auto s = sync::SyncDesk(m_workspace).resolveConflict(c, keep); !s) {
        m_conflictMessage->setText(s.error());
        Style::textColour(m_conflictMessage, Tone::Error);
        return;
    }
    emit statusMessage(tr("Conflict on %1 %2 resolved.").arg(c.resource, c.recordId));
    loadConflicts();
}

} // namespace workbench
