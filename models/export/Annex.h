#pragma once

#include "domain/Records.h"
#include "storage/AuditLog.h"

#include <QDate>

namespace workbench {

// The layouts lawyers use for the processor list of a DPA.
enum class AnnexLayout
{
    SccProcessor, // sub-processor list of the controller-to-processor clauses (2021/915 Annex IV)
    SccTransfer,  // list of sub-processors of the transfer clauses (2021/914 Annex III)
    Ropa,         // the full registry / GDPR Art. 30 record: every field, every processor
};

std::optional<AnnexLayout>
annexLayoutFromName(QStringView name); // scc-processor, scc-transfer, ropa
QString annexLayoutName(AnnexLayout layout);

// What a processor lacks for a layout ("address", "signed DPA", ...).
struct AnnexGap
{
    QString processorId;
    QString processorName;
    QStringList missing;
};

// The taxonomy keys behind one row (JSON keeps them beside the labels).
struct AnnexRowKeys
{
    QString processorId;
    QStringList dataCategories;
    QStringList dataSubjects;
};

// The annex as a table, ready for any writer.
struct AnnexTable
{
    AnnexLayout layout = AnnexLayout::SccProcessor;
    QString title;
    QString organization;
    QDate date;
    QString note; // said once above the table (e.g. the delimitation of responsibilities)
    QStringList columns;
    QList<QStringList> rows;
    QList<int> widths;        // suggested column widths, in characters
    QList<AnnexRowKeys> keys; // one per row
    QList<AnnexGap> gaps;
    // The day whose end the registry is shown as of (rebuilt from the audit
    // log); invalid: the registry as it is now. Set with markAsOf().
    QDate asOf;
    // The audit log's head when the annex was made: every format but CSV
    // names it in its footer (auditFooter()), JSON as "audit_head".
    std::optional<AuditHead> audit;

    // "Stripe lacks: address, contact person" lines, for the export itself.
    QStringList gapLines() const;
    // "LabelSets · as of 2026-11-23", under the title.
    QString subtitle() const;
    // The footer line naming the audit head; empty without one.
    QString footer() const;
};

// Builds the annex of `organization` from its processors (offboarded ones
// are left out).
AnnexTable buildAnnex(AnnexLayout layout, const Organization& organization,
                      const QList<Processor>& processors, QDate date);

// Makes the annex one of the registry as of the end of `day`: its title and
// subtitle say so, JSON as "as_of".
void markAsOf(AnnexTable& table, QDate day);

// EEA countries (ISO 3166-1 alpha-2): processing elsewhere needs a transfer
// mechanism.
bool isEea(const QString& country);
QString countryName(const QString& code);

} // namespace workbench
