"""The people view: every canonical speaker and actor with aliases, counts and where they appear.

Its actions are the named registry edits of :mod:`desktop_app.services.people` submitted to the
writer (merge into another person, rename, move an alias, note and external id), each one undo
step of the registry (the Undo / Redo buttons). No modal dialog: the target names are typed in
the action row (with completion), so the keyboard and the tests drive it the same way.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import people as service
from desktop_app.services.corpus import Reader, open_reader
from desktop_app.services.editing import Changes
from desktop_app.ui.workers import Job, JobPool

log = logging.getLogger(__name__)
#: above this many articles the registry is counted on a background thread (seconds at 100k)
ASYNC_ABOVE = 20_000
COLUMNS = ("Name", "Aliases", "Quotes", "Events", "Articles", "Note", "External id")


class PeopleJob(Job):
    """The people list and the registry's undo state, read through a connection of its own."""

    title = "Counting the people registry"

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def work(self) -> tuple[list[dict[str, Any]], bool, bool]:
        with open_reader(self.path) as reader:
            return service.list_people(reader), reader.can_undo_people(), reader.can_redo_people()


class _NumberItem(QTableWidgetItem):
    def __lt__(self, other: QTableWidgetItem) -> bool:
        return int(self.text() or 0) < int(other.text() or 0)


class PeopleView(QWidget):
    """The registry as a table, the selected person's articles, and the edit actions."""

    #: the registry changed (names in quotes and events too): the editor re-reads its article
    changed = Signal(object)
    #: a caption and the ids of the articles a person appears in (double-click in "Appears in")
    filter_requested = Signal(str, list)
    #: a one-line message for the status bar
    message = Signal(str)
    #: the table shows the registry as it is now
    refreshed = Signal()

    def __init__(self, store: Reader, ops: Any, who: Callable[[], str | None] = lambda: None,
                 parent: QWidget | None = None, *, jobs: JobPool | None = None, db_path: Path | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("people")
        self.store = store
        #: with both, a big corpus is counted in the background (PeopleJob) instead of on the GUI thread
        self.jobs, self.db_path = jobs, db_path
        self._job: PeopleJob | None = None
        self._again: str | None = None
        self.ops = ops
        self.who = who
        self.people: list[dict[str, Any]] = []

        self.search = QLineEdit()
        self.search.setPlaceholderText("Filter people by name or alias")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self._fill())
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        head = self.table.horizontalHeader()
        head.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # most quoted first (the service's order)
        self.table.setSortingEnabled(True)
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for c in (2, 3, 4):
            head.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._on_selected)

        self.appears = QListWidget()
        self.appears.setToolTip("Double-click: list these articles")
        self.appears.itemDoubleClicked.connect(lambda _i: self._show_articles())
        self.selected_label = QLabel("Select a person")
        self.selected_label.setWordWrap(True)

        self.merge_into = QLineEdit()
        self.merge_into.setPlaceholderText("another person")
        self.merge_button = QPushButton("Merge into")
        self.merge_button.clicked.connect(self.merge)
        self.merge_into.returnPressed.connect(self.merge)
        self.rename_to = QLineEdit()
        self.rename_to.setPlaceholderText("new name")
        self.rename_button = QPushButton("Rename")
        self.rename_button.clicked.connect(self.rename)
        self.rename_to.returnPressed.connect(self.rename)
        self.alias = QLineEdit()
        self.alias.setPlaceholderText("alias")
        self.alias_target = QLineEdit()
        self.alias_target.setPlaceholderText("to person")
        self.alias_button = QPushButton("Move alias")
        self.alias_button.clicked.connect(self.move_alias)
        self.note = QLineEdit()
        self.note.setPlaceholderText("note")
        self.external_id = QLineEdit()
        self.external_id.setPlaceholderText("e.g. Wikidata Q12345 (typed by hand)")
        self.info_button = QPushButton("Save note and id")
        self.info_button.clicked.connect(self.save_info)
        self.undo_button = QPushButton("Undo registry change")
        self.undo_button.clicked.connect(self.undo)
        self.redo_button = QPushButton("Redo")
        self.redo_button.clicked.connect(self.redo)
        self.export_button = QPushButton("Export registry…")
        self.export_button.setToolTip("Write every person with aliases, note and id as .json or .csv")
        self.export_button.clicked.connect(self.export_dialog)
        self.import_button = QPushButton("Import registry…")
        self.import_button.setToolTip("Read aliases, notes and ids from .json or .csv (one undo step)")
        self.import_button.clicked.connect(self.import_dialog)

        actions = QGroupBox("Change the selected person")
        form = QFormLayout(actions)
        form.addRow(self.selected_label)
        row = QHBoxLayout()
        row.addWidget(self.merge_into, 1)
        row.addWidget(self.merge_button)
        form.addRow("Merge:", row)
        row = QHBoxLayout()
        row.addWidget(self.rename_to, 1)
        row.addWidget(self.rename_button)
        form.addRow("Rename:", row)
        row = QHBoxLayout()
        row.addWidget(self.alias, 1)
        row.addWidget(self.alias_target, 1)
        row.addWidget(self.alias_button)
        form.addRow("Alias:", row)
        row = QHBoxLayout()
        row.addWidget(self.note, 1)
        row.addWidget(self.external_id, 1)
        row.addWidget(self.info_button)
        form.addRow("Note, id:", row)
        row = QHBoxLayout()
        row.addWidget(self.undo_button)
        row.addWidget(self.redo_button)
        row.addStretch(1)
        row.addWidget(self.export_button)
        row.addWidget(self.import_button)
        form.addRow(row)

        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(actions)
        rl.addWidget(QLabel("Appears in (double-click to list the articles):"))
        rl.addWidget(self.appears, 1)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        title = QLabel("<b>People</b> — every speaker and actor, with aliases")
        ll.addWidget(title)
        ll.addWidget(self.search)
        ll.addWidget(self.table, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([780, 520])
        lay = QVBoxLayout(self)
        lay.addWidget(split)
        self._set_enabled(False)
        self._stale = True

    # -- reading ----------------------------------------------------------------------
    def refresh(self, select: str | None = None) -> None:
        """Re-read the registry (in the background on a big corpus), then select ``select`` or the same person."""
        keep = select or self.current_name()
        if self._job is not None:
            self._again = keep or ""
            return
        if self.jobs is not None and self.db_path is not None and self.store.count_articles() > ASYNC_ABOVE:
            self._job = PeopleJob(self.db_path)
            self._job.succeeded.connect(lambda result, keep=keep: self._show(result, keep))
            self._job.finished.connect(self._job_done)
            self.selected_label.setText("Counting quotes and events…")
            self.jobs.start(self._job)
            return
        self._show((service.list_people(self.store), self.store.can_undo_people(), self.store.can_redo_people()), keep)

    @property
    def counting(self) -> bool:
        return self._job is not None

    def _job_done(self) -> None:
        self._job = None
        if self._again is not None:
            keep, self._again = self._again, None
            self.refresh(keep or None)

    def _show(self, result: tuple[list[dict[str, Any]], bool, bool], keep: str | None) -> None:
        self.people, can_undo, can_redo = result
        completer = QCompleter([p["name"] for p in self.people], self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        for edit in (self.merge_into, self.alias_target):
            edit.setCompleter(completer)
        self._fill()
        if keep:
            self.select(keep)
        self.undo_button.setEnabled(can_undo)
        self.redo_button.setEnabled(can_redo)
        self._stale = False
        self.refreshed.emit()

    def mark_stale(self) -> None:
        """An article changed: re-read when next shown (not at every edit of a background job)."""
        self._stale = True

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        if self._stale:
            self.refresh()

    def _fill(self) -> None:
        needle = self.search.text().strip().casefold()
        shown = [p for p in self.people
                 if not needle or needle in p["name"].casefold() or any(needle in a.casefold() for a in p["aliases"])]
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(shown))
        for r, p in enumerate(shown):
            values = (p["name"], ", ".join(p["aliases"]), p["quotes"], p["events"], p["articles"], p["note"],
                      p["external_id"])
            for c, v in enumerate(values):
                item = _NumberItem(str(v)) if isinstance(v, int) else QTableWidgetItem(str(v))
                if isinstance(v, int):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        self.table.setSortingEnabled(True)

    def row_of(self, name: str) -> int | None:
        for r in range(self.table.rowCount()):
            item = self.table.item(r, 0)
            if item is not None and item.text().casefold() == name.casefold():
                return r
        return None

    def select(self, name: str) -> bool:
        r = self.row_of(name)
        if r is None:
            return False
        self.table.selectRow(r)
        item = self.table.item(r, 0)
        if item is not None:
            self.table.scrollToItem(item)
        return True

    def current_name(self) -> str | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        return item.text() if item else None

    def _on_selected(self) -> None:
        name = self.current_name()
        self._set_enabled(name is not None)
        self.appears.clear()
        if name is None:
            self.selected_label.setText("Select a person")
            return
        p = next((p for p in self.people if p["name"] == name), None)
        self.selected_label.setText(f"<b>{name}</b>: {p['quotes'] if p else 0} quote(s), "
                                    f"{p['events'] if p else 0} event(s)")
        self.note.setText(p["note"] if p else "")
        self.external_id.setText(p["external_id"] if p else "")
        for a in self.store.appearances(name):
            item = QListWidgetItem(f"{a['title']}  —  {a['quotes']} quote(s), {a['events']} event(s)")
            item.setData(Qt.ItemDataRole.UserRole, a["id"])
            self.appears.addItem(item)

    def _show_articles(self) -> None:
        name = self.current_name()
        ids = [str(self.appears.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.appears.count())]
        if name and ids:
            self.filter_requested.emit(f"person: {name}", ids)

    def _set_enabled(self, on: bool) -> None:
        for w in (self.merge_into, self.merge_button, self.rename_to, self.rename_button, self.info_button,
                  self.note, self.external_id):
            w.setEnabled(on)

    # -- edits (on the writer) -------------------------------------------------------------
    def _submit(self, fn: Callable[[Any], Changes], label: str, *, select: str | None = None) -> None:
        def done(changes: Changes) -> None:
            self.message.emit(changes.message)
            self.refresh(select)
            self.changed.emit(changes)

        self.ops.submit(fn, on_done=done, label=label)

    def merge(self) -> None:
        src, dst = self.current_name(), self.merge_into.text().strip()
        if not src or not dst:
            return
        who = self.who()
        self._submit(lambda s: service.merge(s, src, dst, who=who), f"merge {src} into {dst}", select=dst)
        self.merge_into.clear()

    def rename(self) -> None:
        old, new = self.current_name(), self.rename_to.text().strip()
        if not old or not new:
            return
        who = self.who()
        self._submit(lambda s: service.rename(s, old, new, who=who), f"rename {old} to {new}", select=new)
        self.rename_to.clear()

    def move_alias(self) -> None:
        alias, dst = self.alias.text().strip(), self.alias_target.text().strip()
        if not alias or not dst:
            return
        who = self.who()
        self._submit(lambda s: service.move_alias(s, alias, dst, who=who), f"move alias {alias} to {dst}", select=dst)
        self.alias.clear()
        self.alias_target.clear()

    def save_info(self) -> None:
        name = self.current_name()
        if not name:
            return
        note, ext, who = self.note.text(), self.external_id.text(), self.who()
        self._submit(lambda s: service.set_info(s, name, note=note, external_id=ext, who=who),
                     f"note of {name}", select=name)

    def undo(self) -> None:
        who = self.who()
        self._submit(lambda s: service.undo(s, who=who), "undo registry change")

    def redo(self) -> None:
        who = self.who()
        self._submit(lambda s: service.redo(s, who=who), "redo registry change")

    # -- registry files ---------------------------------------------------------------------------
    _FILTER = "JSON (*.json);;CSV (*.csv)"

    def export_dialog(self) -> None:
        path, _f = QFileDialog.getSaveFileName(self, "Export the people registry", "people.json", self._FILTER)
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> int:
        """Write the registry (read through the view's connection; nothing is changed)."""
        n = service.export_registry(self.store, path)
        self.message.emit(f"Wrote {n} people to {path}")
        return n

    def import_dialog(self) -> None:
        path, _f = QFileDialog.getOpenFileName(self, "Import a people registry", "", self._FILTER)
        if path:
            self.import_from(Path(path))

    def import_from(self, path: Path) -> None:
        who = self.who()
        self._submit(lambda s: service.import_registry(s, path, who=who), f"import the registry {path.name}")


__all__ = ["PeopleView"]
