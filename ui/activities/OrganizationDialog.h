#pragma once

#include "domain/Records.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace workbench {

// Edits what Art. 30(1)(a) and SCC Annex I.A/I.C say of the organization:
// the controller's legal name, address and contact, its representative in
// the Union (Art. 27), its DPO, and its competent supervisory authority.
class OrganizationDialog : public QDialog
{
    Q_OBJECT

public:
    explicit OrganizationDialog(const Organization& organization, QWidget* parent = nullptr);

    Organization edited() const;
    // Shows why the page refused the values (the dialog stays open).
    void showProblem(const QString& text);

private:
    Organization m_organization;
    QLineEdit* m_controllerName = nullptr;
    QPlainTextEdit* m_controllerAddress = nullptr;
    QLineEdit* m_controllerContact = nullptr;
    QLineEdit* m_representativeName = nullptr;
    QPlainTextEdit* m_representativeAddress = nullptr;
    QLineEdit* m_representativeContact = nullptr;
    QLineEdit* m_dpoName = nullptr;
    QLineEdit* m_dpoContact = nullptr;
    QLineEdit* m_authorityName = nullptr;
    QLineEdit* m_authorityCountry = nullptr;
    QLabel* m_problem = nullptr;
};

} // namespace workbench
