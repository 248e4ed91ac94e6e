"""In-table editors: a combo of allowed values (label, kind, type) or of names (speaker, actor)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QComboBox, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from desktop_app.ui.editor.inspector import TypingGuard

#: the role holding an event type's definition in the type chooser's items
DEFINITION_ROLE = Qt.ItemDataRole.ToolTipRole
#: a type list is at least this wide, so definitions wrap to two or three lines
DEFINITION_WIDTH = 420


class ComboDelegate(QStyledItemDelegate):
    def __init__(self, options: tuple[Callable[[], list[str]], bool], parent: Any = None,
                 definitions: Callable[[], dict[str, str]] | None = None) -> None:
        super().__init__(parent)
        self.values, self.editable = options
        #: for the Type column: each value's definition, shown under it in the list
        self.definitions = definitions
        self.guard = TypingGuard(self)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        box = QComboBox(parent)
        box.setEditable(self.editable)
        box.addItems(self.values())
        if self.definitions is not None:
            meaning = self.definitions()
            for i in range(box.count()):
                box.setItemData(i, meaning.get(box.itemText(i), ""), DEFINITION_ROLE)
            box.setItemDelegate(DefinitionDelegate(DEFINITION_WIDTH, box))
            box.view().setMinimumWidth(DEFINITION_WIDTH)
        if self.editable:
            box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            box.installEventFilter(self.guard)
            line = box.lineEdit()
            if line is not None:
                line.installEventFilter(self.guard)
        box.view().installEventFilter(self.guard)
        return box

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        value = str(index.data(Qt.ItemDataRole.EditRole) or "")
        i = editor.findText(value)
        if i >= 0:
            editor.setCurrentIndex(i)
        elif editor.isEditable():
            editor.setEditText(value)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentText().strip(), Qt.ItemDataRole.EditRole)




class DefinitionDelegate(QStyledItemDelegate):
    """A chooser row with the type's name and, under it, its taxonomy definition (wrapped, smaller).

    The annotator picks ACCUSE or REJECT by what it means, not by hovering each one.
    """

    PAD = 6

    def __init__(self, width: int, parent: Any = None) -> None:
        super().__init__(parent)
        self.width = width  # the popup's width: definitions wrap to it

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        name = QFont(option.font)  # type: ignore[attr-defined]
        name.setBold(True)
        small = QFont(option.font)  # type: ignore[attr-defined]
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.9))
        return name, small

    def _definition_rect(self, option: QStyleOptionViewItem, width: int, text: str) -> QRect:
        _name, small = self._fonts(option)
        return QFontMetrics(small).boundingRect(QRect(0, 0, max(40, width - 2 * self.PAD), 10_000),
                                                int(Qt.TextFlag.TextWordWrap), text)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        name, _small = self._fonts(option)
        text = str(index.data(DEFINITION_ROLE) or "")
        h = QFontMetrics(name).height() + self.PAD
        if text:
            h += self._definition_rect(option, self.width, text).height() + 2
        return QSize(self.width, h + self.PAD // 2)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""  # type: ignore[attr-defined]
        widget = opt.widget  # type: ignore[attr-defined]
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect: QRect = opt.rect  # type: ignore[attr-defined]
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        pal: QPalette = opt.palette  # type: ignore[attr-defined]
        ink = pal.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        name, small = self._fonts(opt)
        painter.save()
        painter.setPen(ink)
        painter.setFont(name)
        top = rect.top() + self.PAD // 2
        line = QFontMetrics(name).height()
        painter.drawText(QRect(rect.left() + self.PAD, top, rect.width() - 2 * self.PAD, line),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), str(index.data() or ""))
        text = str(index.data(DEFINITION_ROLE) or "")
        if text:
            if not selected:
                painter.setPen(pal.color(QPalette.ColorRole.PlaceholderText).darker(130))
            painter.setFont(small)
            painter.drawText(QRect(rect.left() + self.PAD, top + line + 2, rect.width() - 2 * self.PAD,
                                   rect.bottom() - top - line),
                             int(Qt.TextFlag.TextWordWrap), text)
        painter.restore()
