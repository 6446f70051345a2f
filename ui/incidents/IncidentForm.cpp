#include "IncidentForm.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QTimeZone>

namespace workbench {

namespace {

const QDateTime kUnknown(QDate(2000, 1, 1), QTime(0, 0));

QStringList listOf(const QString& text)
{
    QStringList out;
    for (const QString& part : text.split(u',')) {
        if (!part.trimmed().isEmpty())
            out << part.trimmed();
    }
    return out;
}

} // namespace

IncidentForm::IncidentForm(QWidget* parent)
    : QWidget(parent)
{
    auto named = [](auto* w, const char* name) {
        w->setObjectName(QLatin1String(name));
        return w;
    };
    auto time = [&](const char* name) {
        auto edit = named(new QDateTimeEdit, name);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
        edit->setMinimumDateTime(kUnknown);
        edit->setSpecialValueText(tr("not known"));
        edit->setCalendarPopup(true);
        return edit;
    };
    auto text = [&](const char* name) {
        auto edit = named(new QPlainTextEdit, name);
        edit->setTabChangesFocus(true);
        edit->setMaximumHeight(60);
        return edit;
    };
    m_title = named(new QLineEdit, "incidentTitle");
    m_what = text("incidentWhat");
    m_jurisdiction = named(new QComboBox, "incidentJurisdiction");
    m_nis2 = named(new QCheckBox(tr("In NIS2's scope (its clocks too)")), "incidentNis2");
    m_zone = named(new QLineEdit, "incidentZone");
    m_zone->setPlaceholderText(QStringLiteral("Europe/Berlin"));
    m_started = time("incidentStarted");
    m_discovered = time("incidentDiscovered");
    m_aware = time("incidentAware");
    m_reportedBy = named(new QComboBox, "incidentReportedBy");
    for (auto [wire, label] : {std::pair{"staff", QT_TR_NOOP("Our staff")},
                               std::pair{"processor", QT_TR_NOOP("A processor")},
                               std::pair{"third_party", QT_TR_NOOP("A third party")},
                               std::pair{"person", QT_TR_NOOP("A person affected")},
                               std::pair{"authority", QT_TR_NOOP("An authority")}})
        m_reportedBy->addItem(tr(label), QLatin1String(wire));
    m_reporterName = named(new QLineEdit, "incidentReporterName");
    m_reporterProcessor = named(new QComboBox, "incidentReporterProcessor");
    m_processorAware = time("incidentProcessorAware");
    m_processorNotice = time("incidentProcessorNotice");
    m_contractHours = named(new QSpinBox, "incidentContractHours");
    m_contractHours->setRange(0, 24 * 30);
    m_contractHours->setSpecialValueText(tr("not agreed"));
    m_contractHours->setSuffix(tr(" h"));
    m_processors = named(new QListWidget, "incidentProcessors");
    m_processors->setMaximumHeight(70);
    m_systems = named(new QLineEdit, "incidentSystems");
    m_activities = named(new QLineEdit, "incidentActivities");
    m_activities->setPlaceholderText(tr("processing activity ids, comma-separated"));
    m_categories = named(new QLineEdit, "incidentCategories");
    m_categories->setPlaceholderText(tr("comma-separated"));
    m_special = named(new QLineEdit, "incidentSpecialCategories");
    m_special->setPlaceholderText(tr("health, biometric, … (GDPR Art. 9, 10)"));
    m_people = named(new QSpinBox, "incidentPeople");
    m_records = named(new QSpinBox, "incidentRecords");
    for (QSpinBox* s : {m_people, m_records}) {
        s->setRange(-1, std::numeric_limits<int>::max());
        s->setSpecialValueText(tr("not known"));
    }
    m_consequences = text("incidentConsequences");
    m_taken = text("incidentMeasuresTaken");
    m_proposed = text("incidentMeasuresProposed");
    m_contact = named(new QLineEdit, "incidentContact");
    m_contact->setPlaceholderText(tr("the DPO's name and address (default: the organization's)"));

    auto form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Title"), m_title);
    form->addRow(tr("What happened"), m_what);
    form->addRow(tr("Jurisdiction"), m_jurisdiction);
    form->addRow(QString(), m_nis2);
    form->addRow(tr("Time zone"), m_zone);
    form->addRow(tr("Started"), m_started);
    form->addRow(tr("Discovered"), m_discovered);
    form->addRow(tr("We became aware"), m_aware);
    form->addRow(tr("Reported by"), m_reportedBy);
    form->addRow(tr("Reporter"), m_reporterName);
    form->addRow(tr("Reporting processor"), m_reporterProcessor);
    form->addRow(tr("Processor aware"), m_processorAware);
    form->addRow(tr("Processor's notice"), m_processorNotice);
    form->addRow(tr("Notice hours in its DPA"), m_contractHours);
    form->addRow(tr("Processors involved"), m_processors);
    form->addRow(tr("Systems"), m_systems);
    form->addRow(tr("Activities"), m_activities);
    form->addRow(tr("Data categories"), m_categories);
    form->addRow(tr("Special categories"), m_special);
    form->addRow(tr("People (approx.)"), m_people);
    form->addRow(tr("Records (approx.)"), m_records);
    form->addRow(tr("Likely consequences"), m_consequences);
    form->addRow(tr("Measures taken"), m_taken);
    form->addRow(tr("Measures proposed"), m_proposed);
    form->addRow(tr("Contact point"), m_contact);

    auto processorFields = [this] {
        const bool processor = m_reportedBy->currentData().toString() == u"processor";
        for (QWidget* w : std::initializer_list<QWidget*>{m_reporterProcessor, m_processorAware,
                                                          m_processorNotice, m_contractHours})
            w->setEnabled(processor);
    };
    connect(m_reportedBy, &QComboBox::currentIndexChanged, this, processorFields);
    processorFields();
}

void IncidentForm::setProcessors(const QList<Processor>& processors)
{
    m_reporterProcessor->clear();
    m_processors->clear();
    for (const Processor& p : processors) {
        m_reporterProcessor->addItem(p.name, p.id);
        auto item = new QListWidgetItem(p.name, m_processors);
        item->setData(Qt::UserRole, p.id);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
}

void IncidentForm::setJurisdictions(const QStringList& jurisdictions)
{
    m_jurisdiction->clear();
    m_jurisdiction->addItems(jurisdictions);
}

QDateTime IncidentForm::timeOf(const QDateTimeEdit* edit) const
{
    if (edit->dateTime() == kUnknown)
        return {};
    QTimeZone zone(m_zone->text().trimmed().toUtf8());
    if (!zone.isValid())
        return QDateTime(edit->date(), edit->time()); // no zone: the check says so
    return QDateTime(edit->date(), edit->time(), zone);
}

void IncidentForm::showTime(QDateTimeEdit* edit, const QDateTime& t) const
{
    if (!t.isValid()) {
        edit->setDateTime(kUnknown);
        return;
    }
    const QTimeZone zone(m_zone->text().trimmed().toUtf8());
    const QDateTime local = zone.isValid() ? t.toTimeZone(zone) : t;
    edit->setDateTime(QDateTime(local.date(), local.time()));
}

void IncidentForm::setIncident(const Incident& incident)
{
    m_base = incident;
    m_title->setText(incident.title);
    m_what->setPlainText(incident.whatHappened);
    m_jurisdiction->setCurrentText(incident.jurisdiction.isEmpty() ? QStringLiteral("GDPR")
                                                                   : incident.jurisdiction);
    m_nis2->setChecked(incident.nis2);
    m_zone->setText(incident.timeZone.isEmpty() ? QString::fromUtf8(QTimeZone::systemTimeZoneId())
                                                : incident.timeZone);
    showTime(m_started, incident.startedAt);
    showTime(m_discovered, incident.discoveredAt);
    showTime(m_aware,
             incident.awareAt.isValid() ? incident.awareAt : QDateTime::currentDateTimeUtc());
    m_reportedBy->setCurrentIndex(
        qMax(0, m_reportedBy->findData(incident.reportedBy.isEmpty() ? QStringLiteral("staff")
                                                                     : incident.reportedBy)));
    m_reporterName->setText(incident.reporterName);
    m_reporterProcessor->setCurrentIndex(
        qMax(0, m_reporterProcessor->findData(incident.reporterProcessorId)));
    showTime(m_processorAware, incident.processorAwareAt);
    showTime(m_processorNotice, incident.processorNoticeAt);
    m_contractHours->setValue(incident.processorContractHours.value_or(0));
    for (int r = 0; r < m_processors->count(); ++r) {
        QListWidgetItem* item = m_processors->item(r);
        item->setCheckState(incident.processorIds.contains(item->data(Qt::UserRole).toString())
                                ? Qt::Checked
                                : Qt::Unchecked);
    }
    m_systems->setText(incident.systems.join(QStringLiteral(", ")));
    m_activities->setText(incident.activityIds.join(QStringLiteral(", ")));
    QStringList plain, special;
    for (const IncidentDataCategory& c : incident.dataCategories)
        (c.special ? special : plain) << c.name;
    m_categories->setText(plain.join(QStringLiteral(", ")));
    m_special->setText(special.join(QStringLiteral(", ")));
    m_people->setValue(incident.peopleApprox ? int(qMin<qint64>(*incident.peopleApprox, INT_MAX))
                                             : -1);
    m_records->setValue(incident.recordsApprox ? int(qMin<qint64>(*incident.recordsApprox, INT_MAX))
                                               : -1);
    m_consequences->setPlainText(incident.consequences);
    m_taken->setPlainText(incident.measuresTaken);
    m_proposed->setPlainText(incident.measuresProposed);
    m_contact->setText(incident.contact);
}

Incident IncidentForm::incident() const
{
    Incident i = m_base;
    i.title = m_title->text().trimmed();
    i.whatHappened = m_what->toPlainText().trimmed();
    i.jurisdiction = m_jurisdiction->currentText();
    i.nis2 = m_nis2->isChecked();
    i.timeZone = m_zone->text().trimmed();
    i.startedAt = timeOf(m_started);
    i.discoveredAt = timeOf(m_discovered);
    i.awareAt = timeOf(m_aware);
    i.reportedBy = m_reportedBy->currentData().toString();
    i.reporterName = m_reporterName->text().trimmed();
    const bool processor = i.reportedBy == u"processor";
    i.reporterProcessorId = processor ? m_reporterProcessor->currentData().toString() : QString();
    i.processorAwareAt = processor ? timeOf(m_processorAware) : QDateTime();
    i.processorNoticeAt = processor ? timeOf(m_processorNotice) : QDateTime();
    i.processorContractHours = processor && m_contractHours->value() > 0
                                   ? std::optional<int>(m_contractHours->value())
                                   : std::nullopt;
    i.processorIds.clear();
    for (int r = 0; r < m_processors->count(); ++r) {
        if (m_processors->item(r)->checkState() == Qt::Checked)
            i.processorIds << m_processors->item(r)->data(Qt::UserRole).toString();
    }
    if (processor && !i.reporterProcessorId.isEmpty() &&
        !i.processorIds.contains(i.reporterProcessorId))
        i.processorIds.prepend(i.reporterProcessorId);
    i.systems = listOf(m_systems->text());
    i.activityIds = listOf(m_activities->text());
    i.dataCategories.clear();
    for (const QString& c : listOf(m_categories->text()))
        i.dataCategories.append({c, false});
    for (const QString& c : listOf(m_special->text()))
        i.dataCategories.append({c, true});
    i.peopleApprox =
        m_people->value() >= 0 ? std::optional<qint64>(m_people->value()) : std::nullopt;
    i.recordsApprox =
        m_records->value() >= 0 ? std::optional<qint64>(m_records->value()) : std::nullopt;
    i.consequences = m_consequences->toPlainText().trimmed();
    i.measuresTaken = m_taken->toPlainText().trimmed();
    i.measuresProposed = m_proposed->toPlainText().trimmed();
    i.contact = m_contact->text().trimmed();
    return i;
}

void IncidentForm::setReadOnly(bool readOnly)
{
    for (QWidget* w : findChildren<QWidget*>())
        w->setEnabled(!readOnly);
}

} // namespace workbench
