"""Titles in the article list: two lines, the second elided in the middle, so titles that all
start "Pakistan…" still show what each is about (its end) in a narrow list at large fonts."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QTextLayout
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTableView

LINES = 2
PAD = 4


def title_lines(text: str, font: QFont, width: int, lines: int = LINES) -> list[str]:
    """The lines shown for ``text`` in ``width`` pixels: word-wrapped, the last elided in its middle."""
    if width <= 0 or not text:
        return [text] if text else []
    metrics = QFontMetrics(font)
    layout = QTextLayout(text, font)
    layout.beginLayout()
    spans: list[tuple[int, int]] = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        spans.append((line.textStart(), line.textLength()))
    layout.endLayout()
    out = [text[s:s + n].strip() for s, n in spans[: lines - 1]]
    if len(spans) >= lines:
        rest = text[spans[lines - 1][0]:].strip()
        out.append(metrics.elidedText(rest, Qt.TextElideMode.ElideMiddle, width))
    return [line for line in out if line]


def _blank_item(delegate: QStyledItemDelegate, painter: QPainter, option: QStyleOptionViewItem,
                index: QModelIndex | QPersistentModelIndex) -> tuple[QStyleOptionViewItem, str, QRect, QColor]:
    """Draw the item's background (selection, hover) without its text; returns the option, the text,
    the padded rectangle for our own lines and the text colour."""
    opt = QStyleOptionViewItem(option)
    delegate.initStyleOption(opt, index)
    text = opt.text  # type: ignore[attr-defined]
    opt.text = ""  # type: ignore[attr-defined]
    widget = opt.widget  # type: ignore[attr-defined]
    style = widget.style() if widget is not None else QApplication.style()
    style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
    rect: QRect = opt.rect.adjusted(PAD, 2, -PAD, -2)  # type: ignore[attr-defined]
    selected = bool(opt.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
    role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
    return opt, text, rect, opt.palette.color(role)  # type: ignore[attr-defined]


class TitleDelegate(QStyledItemDelegate):
    """Paints the Title column as :func:`title_lines`; the rest is the style's usual item."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        opt, text, rect, colour = _blank_item(self, painter, option, index)
        metrics = QFontMetrics(opt.font)  # type: ignore[attr-defined]
        painter.save()
        painter.setFont(opt.font)  # type: ignore[attr-defined]
        painter.setPen(colour)
        lines = title_lines(text, opt.font, rect.width())  # type: ignore[attr-defined]
        top = rect.top() + max(0, (rect.height() - len(lines) * metrics.lineSpacing()) // 2)
        for i, line in enumerate(lines):
            painter.drawText(QRect(rect.left(), top + i * metrics.lineSpacing(), rect.width(), metrics.lineSpacing()),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), line)
        painter.restore()


class DateDelegate(QStyledItemDelegate):
    """The date; below it, when the list is too narrow for the Counts column, the counts (dimmed)."""

    def __init__(self, counts_column: int, parent: QTableView) -> None:
        super().__init__(parent)
        self.counts_column = counts_column
        self.view = parent

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        if not self.view.isColumnHidden(self.counts_column):
            super().paint(painter, option, index)
            return
        opt, date, rect, colour = _blank_item(self, painter, option, index)
        counts = index.sibling(index.row(), self.counts_column).data() or ""
        metrics = QFontMetrics(opt.font)  # type: ignore[attr-defined]
        painter.save()
        painter.setFont(opt.font)  # type: ignore[attr-defined]
        top = rect.top() + max(0, (rect.height() - 2 * metrics.lineSpacing()) // 2)
        for i, text in enumerate((date, counts)):
            if i:
                colour.setAlphaF(0.7)
            painter.setPen(colour)
            painter.drawText(QRect(rect.left(), top + i * metrics.lineSpacing(), rect.width(), metrics.lineSpacing()),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                             metrics.elidedText(text, Qt.TextElideMode.ElideMiddle, rect.width()))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        if self.view.isColumnHidden(self.counts_column):
            metrics = QFontMetrics(option.font)  # type: ignore[attr-defined]
            texts = (index.data() or "", index.sibling(index.row(), self.counts_column).data() or "")
            size.setWidth(max(metrics.horizontalAdvance(t) for t in texts) + 2 * PAD + 6)
        return size


def row_height(metrics: QFontMetrics) -> int:
    """Two title lines and a little air."""
    return LINES * metrics.lineSpacing() + 8
