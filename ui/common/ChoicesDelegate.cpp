#include "ChoicesDelegate.h"

#include <QComboBox>

namespace workbench {

ChoicesDelegate::ChoicesDelegate(int choicesRole, QObject* parent)
    : QStyledItemDelegate(parent)
    , m_choicesRole(choicesRole)
{}

QWidget* ChoicesDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                                       const QModelIndex& index) const
{
    const QVariantList choices = index.data(m_choicesRole).toList();
    if (choices.isEmpty())
        return QStyledItemDelegate::createEditor(parent, option, index);
    auto combo = new QComboBox(parent);
    for (const QVariant& c : choices) {
        const QVariantList pair = c.toList();
        combo->addItem(pair.value(0).toString(), pair.value(1));
    }
    return combo;
}

void ChoicesDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const
{
    if (auto combo = qobject_cast<QComboBox*>(editor)) {
        combo->setCurrentIndex(std::max(0, combo->findData(index.data(Qt::EditRole))));
        return;
    }
    QStyledItemDelegate::setEditorData(editor, index);
}

void ChoicesDelegate::setModelData(QWidget* editor, QAbstractItemModel* model,
                                   const QModelIndex& index) const
{
    if (auto combo = qobject_cast<QComboBox*>(editor)) {
        model->setData(index, combo->currentData(), Qt::EditRole);
        return;
    }
    QStyledItemDelegate::setModelData(editor, model, index);
}

} // namespace workbench
