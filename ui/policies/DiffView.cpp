#include "DiffView.h"

#include "itemmodels/DiffRowsModel.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QTextLayout>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>

namespace workbench {

namespace {

struct Colours
{
    QColor removedRow{0xfd, 0xec, 0xeb};
    QColor addedRow{0xe6, 0xf6, 0xe6};
    QColor removedWord{0xf5, 0xb7, 0xb1};
    QColor addedWord{0xa9, 0xe2, 0xa9};
    QColor filler{0xf3, 0xf3, 0xf3};
};

const Colours& colours()
{
    static const Colours c;
    return c;
}

// Paints a text cell: wrapped, the row's colour behind it, and the changed
// words on a stronger colour.
class DiffDelegate : public QStyledItemDelegate
{
public:
    DiffDelegate(DiffRowsModel* model, QTreeView* view)
        : QStyledItemDelegate(view)
        , m_model(model)
        , m_view(view)
    {}

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override
    {
        const bool left = index.column() <= DiffRowsModel::OldText;
        const QString kind = index.data(DiffRowsModel::KindRole).toString();
        const bool hasLine = !(left ? kind == u"inserted" : kind == u"deleted");
        QColor background;
        if (!hasLine)
            background = colours().filler;
        else if (kind == u"deleted" || (kind == u"changed" && left))
            background = colours().removedRow;
        else if (kind == u"inserted" || (kind == u"changed" && !left))
            background = colours().addedRow;
        if (background.isValid())
            painter->fillRect(option.rect, background);
        if (option.state & QStyle::State_Selected) {
            // A frame, so the row's colours stay readable.
            painter->save();
            painter->setPen(QPen(option.palette.highlight().color(), 2));
            painter->drawLine(option.rect.topLeft(), option.rect.topRight());
            painter->drawLine(option.rect.bottomLeft(), option.rect.bottomRight());
            painter->restore();
        }

        const bool number = index.column() == DiffRowsModel::OldNumber ||
                            index.column() == DiffRowsModel::NewNumber;
        painter->save();
        painter->setPen(number ? option.palette.color(QPalette::PlaceholderText)
                               : option.palette.color(QPalette::Text));
        if (number) {
            painter->drawText(option.rect.adjusted(2, 1, -4, 0), Qt::AlignRight | Qt::AlignTop,
                              index.data().toString());
        } else {
            QTextLayout layout;
            lay(layout, index, option.rect.width(), option.font);
            layout.draw(painter, option.rect.topLeft() + QPointF(4, 1));
        }
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        if (index.column() == DiffRowsModel::OldNumber ||
            index.column() == DiffRowsModel::NewNumber)
            return {option.fontMetrics.horizontalAdvance(QStringLiteral("00000")),
                    option.fontMetrics.height() + 2};
        QTextLayout layout;
        const int width = m_view->header()->sectionSize(index.column());
        return {width, lay(layout, index, width, option.font) + 2};
    }

private:
    int lay(QTextLayout& layout, const QModelIndex& index, int width, const QFont& font) const
    {
        const bool left = index.column() <= DiffRowsModel::OldText;
        layout.setText(index.data().toString());
        layout.setFont(font);
        QTextOption wrap;
        wrap.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
        layout.setTextOption(wrap);
        QList<QTextLayout::FormatRange> formats;
        for (const diff::Span& s : m_model->highlights(index.row(), left)) {
            QTextLayout::FormatRange f;
            f.start = int(s.pos);
            f.length = int(s.length);
            f.format.setBackground(left ? colours().removedWord : colours().addedWord);
            formats << f;
        }
        layout.setFormats(formats);
        layout.beginLayout();
        qreal y = 0;
        const qreal lineWidth = std::max(20, width - 8);
        for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
            line.setLineWidth(lineWidth);
            line.setPosition(QPointF(0, y));
            y += line.height();
        }
        layout.endLayout();
        return std::max(int(std::ceil(y)), QFontMetrics(font).height());
    }

    DiffRowsModel* m_model;
    QTreeView* m_view;
};

} // namespace

DiffView::DiffView(QWidget* parent)
    : QWidget(parent)
{
    m_model = new DiffRowsModel(this);
    m_view = new QTreeView;
    m_view->setObjectName(QStringLiteral("diffRows"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(false);
    m_view->setWordWrap(true);
    m_view->setAlternatingRowColors(false);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setItemDelegate(new DiffDelegate(m_model, m_view));
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(DiffRowsModel::OldNumber, QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(DiffRowsModel::NewNumber, QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(DiffRowsModel::OldText, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(DiffRowsModel::NewText, QHeaderView::Stretch);
    connect(m_view->header(), &QHeaderView::sectionResized, this, &DiffView::relayoutSoon);

    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("diffSummary"));
    m_previous = new QAction(tr("Previous change"), this);
    m_previous->setObjectName(QStringLiteral("previousChange"));
    m_previous->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F7));
    m_previous->setToolTip(tr("Previous change (Shift+F7)"));
    m_next = new QAction(tr("Next change"), this);
    m_next->setObjectName(QStringLiteral("nextChange"));
    m_next->setShortcut(QKeySequence(Qt::Key_F7));
    m_next->setToolTip(tr("Next change (F7)"));
    addAction(m_previous);
    addAction(m_next);
    connect(m_previous, &QAction::triggered, this, &DiffView::previousChange);
    connect(m_next, &QAction::triggered, this, &DiffView::nextChange);
    auto previousButton = new QToolButton;
    previousButton->setDefaultAction(m_previous);
    auto nextButton = new QToolButton;
    nextButton->setDefaultAction(m_next);

    auto bar = new QHBoxLayout;
    bar->addWidget(m_summary, 1);
    bar->addWidget(previousButton);
    bar->addWidget(nextButton);
    auto layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    setDiff({});
}

void DiffView::setDiff(diff::Result result)
{
    m_model->setDiff(std::move(result));
    m_summary->setText(summaryText());
    const bool changes = !m_model->diff().blocks.empty();
    m_next->setEnabled(changes);
    m_previous->setEnabled(changes);
    if (changes)
        goTo(m_model->diff().blocks.front());
}

QString DiffView::summaryText() const
{
    const diff::Result& d = m_model->diff();
    if (d.rows.empty() && d.oldText.isEmpty() && d.newText.isEmpty())
        return tr("Pick two versions to compare.");
    if (d.equal())
        return tr("The two texts are the same.");
    return tr("%1 added, %2 removed, %3 changed · %4 places")
        .arg(d.summary.added)
        .arg(d.summary.removed)
        .arg(d.summary.changed)
        .arg(d.blocks.size());
}

int DiffView::currentRow() const
{
    return m_view->currentIndex().isValid() ? m_view->currentIndex().row() : -1;
}

void DiffView::nextChange()
{
    const int row = m_model->nextChange(currentRow());
    if (row >= 0)
        goTo(row);
}

void DiffView::previousChange()
{
    const int row = m_model->previousChange(std::max(0, currentRow()));
    if (row >= 0)
        goTo(row);
}

void DiffView::goTo(int row)
{
    const QModelIndex index = m_model->index(row, DiffRowsModel::OldText);
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index, QAbstractItemView::PositionAtCenter);
}

void DiffView::relayoutSoon()
{
    // Wrapped rows change height with the column width.
    QTimer::singleShot(0, m_view, [view = m_view] { view->doItemsLayout(); });
}

} // namespace workbench
