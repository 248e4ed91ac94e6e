"""What an import rejected, in plain sight: one row per input (file:line, code, message) that
can be selected and copied (Ctrl+C or Copy) into a bug report or a note to whoever made the file."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import NewsGoldError

HEADERS = ("File:line", "Code", "Message")


def rejection_rows(errors: Sequence[NewsGoldError]) -> list[tuple[str, str, str]]:
    return [(e.where or "", e.code.name, e.message) for e in errors]


def rows_as_text(rows: Sequence[tuple[str, str, str]]) -> str:
    """Tab-separated with a header line: pastes into a spreadsheet as columns, reads fine as text."""
    return "\n".join("\t".join(r) for r in [HEADERS, *rows]) + "\n"


class ImportResultDialog(QDialog):
    """The import's summary and, in a table, every rejected input."""

    def __init__(self, summary_text: str, errors: Sequence[NewsGoldError], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importResultDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # one per import; gone when closed
        self.setWindowTitle("Import: some inputs were rejected")
        self.rows = rejection_rows(errors)
        label = QLabel(f"{summary_text}; {len(self.rows)} input(s) rejected. Everything "
                       "else was imported; fix these lines and import the file again (what is already in is skipped).")
        label.setWordWrap(True)
        self.table = QTableWidget(len(self.rows), len(HEADERS))
        self.table.setObjectName("rejectedInputs")
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setWordWrap(True)  # the whole message shows; a long path is elided in its middle
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        for r, row in enumerate(self.rows):
            for c, value in enumerate(row):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.table.setItem(r, c, item)
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        head.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        head.setStretchLastSection(True)
        self.table.resizeColumnToContents(0)
        head.resizeSection(0, min(head.sectionSize(0), 320))
        head.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        self.copy_button = QPushButton("&Copy")
        self.copy_button.setObjectName("copyRejected")
        self.copy_button.setToolTip("Copy the selected rows (all rows when none is selected) as text (Ctrl+C)")
        self.copy_button.clicked.connect(self.copy)
        QShortcut(QKeySequence.StandardKey.Copy, self, self.copy)  # anywhere in the dialog
        self.buttons = buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(900, 420)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.table.resizeRowsToContents()

    def selected_rows(self) -> list[tuple[str, str, str]]:
        picked = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.rows[i] for i in picked] if picked else list(self.rows)

    def copy(self) -> str:
        """Put the selected rows (or all) on the clipboard; returns what was copied."""
        text = rows_as_text(self.selected_rows())
        QGuiApplication.clipboard().setText(text)
        return text
