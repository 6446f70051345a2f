#pragma once

#include <QStyledItemDelegate>

namespace workbench {

// Edits a cell with a combo box when its model offers choices (a
// QVariantList of {label, value} pairs in `choicesRole`), and with a line
// edit otherwise.
class ChoicesDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    ChoicesDelegate(int choicesRole, QObject* parent = nullptr);

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                          const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model,
                      const QModelIndex& index) const override;

private:
    int m_choicesRole;
};

} // namespace workbench
