#pragma once

#include "export/AnnexWriter.h"

#include <QDialog>
#include <functional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QPushButton;
class QLabel;
class QListWidget;
class QTextBrowser;

namespace workbench {

// Exports the organization's processors as a DPA annex: choose the layout
// and the format, see a preview, see what each processor lacks for that
// layout — fix it (double-click opens the processor) or export anyway, and
// the export says what is missing.
class AnnexExportDialog : public QDialog
{
    Q_OBJECT

public:
    AnnexExportDialog(const Organization& organization, const QList<Processor>& processors,
                      QWidget* parent = nullptr);

    const AnnexTable& table() const { return m_table; }
    // Writes the chosen layout and format to `path`, with the audit head
    // (read from `setAuditHeadSource`'s function at that moment) in its footer.
    Status exportTo(const QString& path);
    void setAuditHeadSource(std::function<Result<AuditHead>()> source);
    // Where the processors of a past day come from (AsOfService); without
    // it the "as of" option is hidden.
    void setAsOfSource(std::function<Result<QList<Processor>>(QDate)> source);
    // Exports the registry as of the end of `day` (invalid: today's).
    void setAsOf(QDate day);
    QDate asOf() const;

signals:
    // The officer wants to fix this processor first.
    void fixRequested(const QString& processorId);

private:
    void rebuild();
    AnnexFormat format() const;

    Organization m_organization;
    QList<Processor> m_processors;
    AnnexTable m_table;
    std::function<Result<AuditHead>()> m_auditHead;
    std::function<Result<QList<Processor>>(QDate)> m_asOfSource;
    QCheckBox* m_asOfCheck = nullptr;
    QDateEdit* m_asOfDate = nullptr;
    QPushButton* m_exportButton = nullptr;
    QComboBox* m_layout = nullptr;
    QComboBox* m_format = nullptr;
    QTextBrowser* m_preview = nullptr;
    QListWidget* m_gaps = nullptr;
    QLabel* m_gapsTitle = nullptr;
};

} // namespace workbench
