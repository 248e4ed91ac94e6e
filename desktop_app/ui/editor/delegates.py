"""In-table editors: a combo of allowed values (label, kind, type) or of names (speaker, actor)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from desktop_app.ui.editor.inspector import TypingGuard


class ComboDelegate(QStyledItemDelegate):
    def __init__(self, options: tuple[Callable[[], list[str]], bool], parent: Any = None) -> None:
        super().__init__(parent)
        self.values, self.editable = options
        self.guard = TypingGuard(self)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        box = QComboBox(parent)
        box.setEditable(self.editable)
        box.addItems(self.values())
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
