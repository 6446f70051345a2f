#include "OrganizationDialog.h"

#include "common/Style.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace workbench {

namespace {

QLineEdit* line(const char* name, const QString& text, const QString& placeholder = {})
{
    auto edit = new QLineEdit(text);
    edit->setObjectName(QString::fromLatin1(name));
    edit->setPlaceholderText(placeholder);
    return edit;
}

QPlainTextEdit* box(const char* name, const QString& text)
{
    auto edit = new QPlainTextEdit(text);
    edit->setObjectName(QString::fromLatin1(name));
    edit->setTabChangesFocus(true);
    edit->setFixedHeight(edit->fontMetrics().lineSpacing() * 3 + 12);
    return edit;
}

} // namespace

OrganizationDialog::OrganizationDialog(const Organization& organization, QWidget* parent)
    : QDialog(parent)
    , m_organization(organization)
{
    setObjectName(QStringLiteral("organizationDialog"));
    setWindowTitle(tr("%1: controller, representative, DPO").arg(organization.name));
    auto layout = new QVBoxLayout(this);

    auto controller = new QGroupBox(tr("Controller (Art. 30(1)(a))"));
    auto cf = new QFormLayout(controller);
    m_controllerName = line("controllerNameEdit", organization.controller.name,
                            tr("the legal name, e.g. Example GmbH"));
    m_controllerAddress = box("controllerAddressEdit", organization.controller.address);
    m_controllerContact = line("controllerContactEdit", organization.controller.contact);
    cf->addRow(tr("&Legal name"), m_controllerName);
    cf->addRow(tr("&Address"), m_controllerAddress);
    cf->addRow(tr("&Contact"), m_controllerContact);
    layout->addWidget(controller);

    auto representative = new QGroupBox(tr("Representative in the Union (Art. 27)"));
    auto rf = new QFormLayout(representative);
    m_representativeName = line("representativeNameEdit", organization.representative.name,
                                tr("only for a controller outside the EU"));
    m_representativeAddress = box("representativeAddressEdit", organization.representative.address);
    m_representativeContact =
        line("representativeContactEdit", organization.representative.contact);
    rf->addRow(tr("Na&me"), m_representativeName);
    rf->addRow(tr("Addr&ess"), m_representativeAddress);
    rf->addRow(tr("C&ontact"), m_representativeContact);
    layout->addWidget(representative);

    auto dpo = new QGroupBox(tr("Data protection officer"));
    auto df = new QFormLayout(dpo);
    m_dpoName = line("dpoNameEdit", organization.dpo.name);
    m_dpoContact = line("dpoContactEdit", organization.dpo.contact);
    df->addRow(tr("&Name"), m_dpoName);
    df->addRow(tr("Con&tact"), m_dpoContact);
    layout->addWidget(dpo);

    auto authority = new QGroupBox(tr("Competent supervisory authority (SCC Annex I.C)"));
    auto af = new QFormLayout(authority);
    m_authorityName = line("authorityNameEdit", organization.authority.name);
    m_authorityCountry =
        line("authorityCountryEdit", organization.authority.country, tr("two letters, e.g. IE"));
    m_authorityCountry->setMaxLength(2);
    af->addRow(tr("Aut&hority"), m_authorityName);
    af->addRow(tr("Co&untry"), m_authorityCountry);
    layout->addWidget(authority);

    m_problem = new QLabel;
    m_problem->setObjectName(QStringLiteral("organizationProblem"));
    m_problem->setWordWrap(true);
    Style::textColour(m_problem, Tone::Error);
    layout->addWidget(m_problem);
    auto buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->setObjectName(QStringLiteral("organizationButtons"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

Organization OrganizationDialog::edited() const
{
    Organization o = m_organization;
    o.controller = {m_controllerName->text().trimmed(),
                    m_controllerAddress->toPlainText().trimmed(),
                    m_controllerContact->text().trimmed()};
    o.representative = {m_representativeName->text().trimmed(),
                        m_representativeAddress->toPlainText().trimmed(),
                        m_representativeContact->text().trimmed()};
    o.dpo = {m_dpoName->text().trimmed(), m_organization.dpo.address,
             m_dpoContact->text().trimmed()};
    o.authority = {m_authorityName->text().trimmed(),
                   m_authorityCountry->text().trimmed().toUpper()};
    return o;
}

void OrganizationDialog::showProblem(const QString& text)
{
    m_problem->setText(text);
}

} // namespace workbench
