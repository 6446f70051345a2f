#pragma once

#include "common/Page.h"

class QLabel;
class QLineEdit;
class QPushButton;
class QTreeView;
class QUndoStack;

namespace workbench {

class AnnexExportDialog;
class AsOfBar;
class ImportProcessorsDialog;
class ProcessorDetailPane;
class ProcessorTreeModel;
class RecordFilterProxy;
class VendorWatchDialog;
class Workspace;

// The processor registry of one organization: a sortable, filterable tree
// (sub-processors under their parent) and a detail pane that edits every
// field. Add, edit and offboard are undoable commands, each audited.
class ProcessorsPage : public Page
{
    Q_OBJECT

public:
    ProcessorsPage(Workspace& workspace, QUndoStack& undoStack, QWidget* parent = nullptr);

    QString title() const override { return tr("Processors"); }
    QString pageName() const override { return QStringLiteral("processors"); }

    ProcessorTreeModel* model() const { return m_model; }
    bool selectProcessor(const QString& id);
    // The export dialog for the organization's processors (deleted on close).
    AnnexExportDialog* makeAnnexExportDialog();
    // The import dialog for a file, or nullptr (the reason is shown).
    ImportProcessorsDialog* makeImportDialog(const QString& path);
    QString selectedProcessorId() const;
    // The vendor watch of a processor (deleted on close), at the notice
    // `noticeId` when given.
    VendorWatchDialog* makeVendorWatchDialog(const QString& processorId, qint64 noticeId = 0);
    // Selects the notice's processor and opens its vendor watch there.
    void openNotice(qint64 noticeId);
    // The date control and banner of the "as of" view.
    AsOfBar* asOfBar() const { return m_asOf; }

protected:
    void refresh() override;
    void updateEditing() override;

private:
    void showSelected();
    void applyEdit();
    void addProcessor();
    void addFromCatalogue();
    void offboardSelected();
    void openAnnexExport();
    void showAsOf(QDate day);

    Workspace& m_workspace;
    QUndoStack& m_undoStack;
    ProcessorTreeModel* m_model = nullptr;
    RecordFilterProxy* m_proxy = nullptr;
    QTreeView* m_tree = nullptr;
    QLineEdit* m_filter = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_fromCatalogue = nullptr;
    QPushButton* m_offboard = nullptr;
    QPushButton* m_importList = nullptr;
    QLabel* m_notes = nullptr;
    ProcessorDetailPane* m_detail = nullptr;
    AsOfBar* m_asOf = nullptr;
    QString m_selectedId;
};

} // namespace workbench
