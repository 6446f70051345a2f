#include "AuditPage.h"

#include "common/FilteredTable.h"
#include "common/Style.h"
#include "common/TableSupport.h"
#include "domain/Resources.h"
#include "domain/Text.h"
#include "itemmodels/AuditLogModel.h"
#include "storage/AuditSigning.h"
#include "storage/Workspace.h"

#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace workbench {

namespace {

QString valueText(const QJsonValue& v)
{
    if (v.isNull() || v.isUndefined())
        return QStringLiteral("—");
    if (v.isArray()) {
        QStringList parts;
        for (const QJsonValue& item : v.toArray())
            parts << item.toVariant().toString();
        return parts.isEmpty() ? QStringLiteral("—") : parts.join(QStringLiteral(", "));
    }
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    const QString s = v.toVariant().toString();
    return s.isEmpty() ? QStringLiteral("—") : s;
}

QDateEdit* makeDateEdit(const QString& name, const QString& anyText)
{
    auto edit = new QDateEdit;
    edit->setObjectName(name);
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    edit->setMinimumDate(QDate(2000, 1, 1));
    edit->setSpecialValueText(anyText); // the minimum date means "no limit"
    edit->setDate(edit->minimumDate());
    return edit;
}

} // namespace

AuditPage::AuditPage(Workspace& workspace, QWidget* parent)
    : Page(parent)
    , m_workspace(workspace)
    , m_model(new AuditLogModel(workspace, this))
{
    setObjectName(QStringLiteral("auditPage"));
    m_chainStatus = new QLabel;
    m_chainStatus->setObjectName(QStringLiteral("chainStatus"));
    Style::bold(m_chainStatus);
    // The public key, for the officer to record: with it (and a printed
    // anchor) anyone can check a copy of this workspace without the secret.
    m_signingKey = new QLabel;
    m_signingKey->setObjectName(QStringLiteral("signingKey"));
    m_signingKey->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_signingKey->setWordWrap(true);
    auto verify = new QPushButton(tr("&Verify chain"));
    verify->setObjectName(QStringLiteral("verifyChainButton"));

    m_recordType = new QComboBox;
    m_recordType->setObjectName(QStringLiteral("auditRecordType"));
    m_recordType->addItem(tr("All records"), QString());
    for (const QString& type :
         {resource::processors, resource::organizations, resource::retentionRules,
          resource::rightsRequests, resource::policyVersions, QStringLiteral("workspace")})
        m_recordType->addItem(type, type);
    m_from = makeDateEdit(QStringLiteral("auditFrom"), tr("any date"));
    m_to = makeDateEdit(QStringLiteral("auditTo"), tr("any date"));

    m_table = new FilteredTable(m_model, QStringLiteral("audit"),
                                tr("Filter by record, person or change (Ctrl+F)"),
                                tr("No changes recorded yet."));
    // Entries about requests carry the requester's details.
    TableSupport::setPersonalData(m_table->view());
    m_table->view()->sortByColumn(AuditLogModel::SeqColumn, Qt::DescendingOrder);
    m_table->view()->horizontalHeader()->resizeSection(AuditLogModel::SeqColumn, 60);
    m_table->view()->horizontalHeader()->resizeSection(AuditLogModel::WhenColumn, 170);
    m_table->view()->horizontalHeader()->resizeSection(AuditLogModel::ActionColumn, 80);
    m_table->view()->horizontalHeader()->resizeSection(AuditLogModel::RecordColumn, 260);
    m_detail = new QTextBrowser;
    m_detail->setObjectName(QStringLiteral("auditDetail"));
    m_detail->setPlaceholderText(tr("Select an entry to see what changed."));

    auto status = new QHBoxLayout;
    status->addWidget(m_chainStatus, 1);
    status->addWidget(verify);
    auto filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Record:")));
    filters->addWidget(m_recordType);
    filters->addWidget(new QLabel(tr("From:")));
    filters->addWidget(m_from);
    filters->addWidget(new QLabel(tr("To:")));
    filters->addWidget(m_to);
    filters->addStretch();
    auto splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_table);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto layout = new QVBoxLayout(this);
    layout->addWidget(makeHeading(tr("Audit log")));
    layout->addLayout(status);
    layout->addWidget(m_signingKey);
    layout->addLayout(filters);
    layout->addWidget(splitter, 1);

    connect(verify, &QPushButton::clicked, this, &AuditPage::verifyChain);
    connect(m_recordType, &QComboBox::currentIndexChanged, this, &AuditPage::applyFilter);
    connect(m_from, &QDateEdit::dateChanged, this, &AuditPage::applyFilter);
    connect(m_to, &QDateEdit::dateChanged, this, &AuditPage::applyFilter);
    connect(m_table, &FilteredTable::currentChanged, this, &AuditPage::showEntry);
    connect(&m_workspace, &Workspace::auditAppended, this, &AuditPage::requestRefresh);
}

void AuditPage::refresh()
{
    // The log is the workspace's, not one organization's: the page shows all
    // of it (the filters narrow it). The model follows new entries itself.
    verifyChain();
}

void AuditPage::applyFilter()
{
    AuditFilter f;
    f.recordType = m_recordType->currentData().toString();
    if (m_from->date() != m_from->minimumDate())
        f.from = m_from->date();
    if (m_to->date() != m_to->minimumDate())
        f.to = m_to->date();
    m_model->setFilter(f);
}

void AuditPage::verifyChain()
{
    const AuditVerification v = m_workspace.verifyAudit();
    if (v.ok()) {
        m_chainStatus->setText(
            tr("✔ Hash chain intact: %1 verified, head #%2 signed; every record matches its "
               "last entry. Anchor: %3")
                .arg(countText("workbench::AuditPage",
                               QT_TRANSLATE_NOOP("workbench::AuditPage", "%n change(s)"),
                               int(v.entries)))
                .arg(v.signedSeq)
                .arg(v.head.anchor()));
        Style::textColour(m_chainStatus, Tone::Good);
    } else {
        m_chainStatus->setText(v.firstBrokenSeq > 0
                                   ? tr("✘ Hash chain broken at entry #%1: %2")
                                         .arg(v.firstBrokenSeq)
                                         .arg(v.problems.value(0))
                                   : tr("✘ Audit check failed: %1").arg(v.problems.value(0)));
        m_chainStatus->setToolTip(v.problems.join(u'\n'));
        Style::textColour(m_chainStatus, Tone::Error);
    }
    const AuditSigning::KeyState key = m_workspace.signingState();
    if (key.publicKey.isEmpty())
        m_signingKey->setText(tr("Signing key: none yet (%1).").arg(key.reason));
    else if (key.canSign)
        m_signingKey->setText(tr("Signing key (public, record it): %1 — held from %2.")
                                  .arg(key.publicKey, key.source));
    else
        m_signingKey->setText(tr("Signing key (public, record it): %1 — not available in "
                                 "this session, new entries stay unsigned: %2.")
                                  .arg(key.publicKey, key.reason));
}

void AuditPage::showEntry(const QModelIndex& sourceIndex)
{
    const AuditEntry* e = m_model->entry(sourceIndex);
    if (!e) {
        m_detail->clear();
        return;
    }
    QString html =
        QStringLiteral("<h3>#%1 · %2</h3><p>%3 · %4 · %5</p>")
            .arg(e->seq)
            .arg(e->summary.toHtmlEscaped(), e->at.toLocalTime().toString(Qt::ISODate),
                 e->actor.toHtmlEscaped(), AuditLogModel::recordLabel(*e).toHtmlEscaped());
    QStringList keys = e->after.keys() + e->before.keys();
    keys.removeDuplicates();
    keys.sort();
    html +=
        QStringLiteral("<table cellpadding='3'><tr><th align='left'>%1</th><th align='left'>%2</th>"
                       "<th align='left'>%3</th></tr>")
            .arg(tr("Field"), tr("Before"), tr("After"));
    for (const QString& k : std::as_const(keys)) {
        const QJsonValue b = e->before.value(k), a = e->after.value(k);
        if (b == a)
            continue;
        html +=
            QStringLiteral("<tr><td>%1</td><td style='color:#b01c1c'>%2</td>"
                           "<td style='color:#1b6e2d'>%3</td></tr>")
                .arg(k.toHtmlEscaped(), valueText(b).toHtmlEscaped(), valueText(a).toHtmlEscaped());
    }
    html += QStringLiteral("</table><p style='color:gray'>SHA-256 %1<br>after %2</p>")
                .arg(e->hash, e->prevHash);
    m_detail->setHtml(html);
}

} // namespace workbench
