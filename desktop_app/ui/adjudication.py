"""The adjudication view (View > Adjudication; ``gui --view adjudication``) of a team file.

Left: the articles done by two or more annotators, with the disagreements left on each, and each
annotator's progress (done / in progress) above. Right: what the annotators disagree on in the
current article, one row per item, one column per annotator (their initial in their colour where
they have the item), and whether the adjudicated version has it. What all agree on is already in
the adjudicated version (counted in the header). Keys: 1-9 take annotator N's choice for the
current row (the item if they have it, else leave it out), a takes it, x leaves it out; every
decision is a named edit on the writer (services.team.decide), one undo step in the change log.
The Agreement tab has the pairwise figures per layer (as ``newsgold agreement``); a click on a pair
lists that pair's most disputed articles first, here and in the window's article list.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import NewsGoldError
from desktop_app.services import team
from desktop_app.services.agreement import FIGURES, LAYERS, agreement, pair_disagreements
from desktop_app.services.corpus import Reader

#: one colour per annotator, in name order (readable under black text in both themes)
COLOURS = ("#f6c85f", "#6fb7e9", "#9bd37c", "#e59bd8", "#f3a37a", "#7fd6c2", "#c9b2f0", "#e8e28a", "#b0c4de")
KEYS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(1, 10)}


class _Table(QTableWidget):
    """The disagreements: takes 1-9, a and x before the window's shortcuts do."""

    def __init__(self, on_key: Callable[[int | str], None]) -> None:
        super().__init__(0, 0)
        self.on_key = on_key

    def _ours(self, event: QKeyEvent) -> int | str | None:
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return None
        if event.key() in KEYS:
            return KEYS[event.key()]
        return {Qt.Key.Key_A: "a", Qt.Key.Key_X: "x"}.get(Qt.Key(event.key()))

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and self._ours(event) is not None:  # type: ignore[arg-type]
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = self._ours(event)
        if key is None:
            super().keyPressEvent(event)
            return
        self.on_key(key)


class AdjudicationView(QWidget):
    filter_requested = Signal(str, list)
    message = Signal(str)
    changed = Signal(object)

    def __init__(self, store: Reader, ops: Any, who: Callable[[], str | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.ops, self.who = store, ops, who
        self.state: team.AdjudicationState | None = None
        self._stale = True
        self.progress = QLabel()
        self.progress.setWordWrap(True)
        self.articles = QListWidget()
        self.articles.currentItemChanged.connect(lambda *_: self._show_current())
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.table = _Table(self.on_key)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.hint = QLabel("1–9: take annotator N's choice · a: take it · x: leave it out")
        #: what the last decision did, and how many disagreements are left
        self.result = QLabel()
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.addWidget(self.heading)
        rl.addWidget(self.table, 1)
        foot = QHBoxLayout()
        foot.addWidget(self.hint)
        foot.addStretch(1)
        foot.addWidget(self.result)
        rl.addLayout(foot)
        # the agreement table per pair and layer; a click on a pair puts its most disputed articles first
        self.agree = QTableWidget(0, 0)
        self.agree.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.agree.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.agree.verticalHeader().setVisible(False)
        self.agree.cellClicked.connect(lambda row, _col: self.rank_by_pair(row))
        self.agree_note = QLabel()
        self.agree_note.setWordWrap(True)
        agree_page = QWidget()
        al = QVBoxLayout(agree_page)
        al.addWidget(self.agree_note)
        al.addWidget(self.agree, 1)
        self.pairs: list[tuple[str, str]] = []
        self.ranking: dict[str, int] | None = None
        self.tabs = QTabWidget()
        self.tabs.addTab(right, "Disagreements")
        self.tabs.addTab(agree_page, "Agreement")
        self.tabs.currentChanged.connect(lambda i: self.fill_agreement() if i == 1 else None)
        split = QSplitter()
        split.addWidget(self.articles)
        split.addWidget(self.tabs)
        split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.progress, 1)
        layout.addLayout(top)
        layout.addWidget(split, 1)

    # -- reading ------------------------------------------------------------------------------
    def mark_stale(self) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        keep = self.current_article()
        self._stale = False
        per = team.annotator_progress(self.store)
        self.names = sorted(per)
        self.progress.setText("  ·  ".join(
            f"{i}. {name}: {c.get('done', 0):.0f} done, {c.get('in_progress', 0):.0f} in progress, "
            f"{c['seconds'] / 60:.0f} min"
            for i, (name, c) in enumerate(sorted(per.items()), start=1)) or
            "No annotators' versions in this corpus: merge their files into it (newsgold merge FILE... -o THIS)")
        self.articles.blockSignals(True)
        self.articles.clear()
        ids = list(team.done_versions(self.store))
        if self.ranking is not None:
            ids = [aid for aid in self.ranking if aid in ids]
        for aid in ids:
            state = team.adjudication_state(self.store, aid)
            if state is None:
                continue
            text = f"{state.left} left · {state.title or aid}" if state.left else f"agreed · {state.title or aid}"
            if self.ranking is not None:
                text = f"{self.ranking[aid]} apart · {text}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, aid)
            self.articles.addItem(item)
            if aid == keep:
                self.articles.setCurrentItem(item)
        self.articles.blockSignals(False)
        if self.articles.currentItem() is None and self.articles.count():
            self.articles.setCurrentRow(0)
        self._show_current()
        if self.tabs.currentIndex() == 1:
            self.fill_agreement()

    # -- agreement -----------------------------------------------------------------------------
    def fill_agreement(self) -> None:
        """Pairwise figures per layer (as ``newsgold agreement``); read when the tab is shown."""
        try:
            report = agreement(self.store)["report"]
        except NewsGoldError as exc:
            self.agree_note.setText(exc.message)
            self.agree.setRowCount(0)
            return
        self.agree_note.setText(f"{report['articles']} article(s) done by two or more annotators. Click a pair to "
                                "list its most disputed articles first (and in the article list).")
        columns = [(layer, name) for layer in LAYERS for name in FIGURES[layer]]
        self.agree.setColumnCount(2 + len(columns))
        self.agree.setHorizontalHeaderLabels(["Pair", "Articles", *[f"{layer[:-1] if layer != 'entities' else 'entity'}"
                                                                    f" {name}" for layer, name in columns]])
        rows = [*report["pairs"], {"a": "mean", "b": "", "articles": report["articles"], **report["mean"]}]
        self.pairs = [(p["a"], p["b"]) for p in report["pairs"]]
        self.agree.setRowCount(len(rows))
        for r, p in enumerate(rows):
            self.agree.setItem(r, 0, QTableWidgetItem(f"{p['a']} / {p['b']}" if p["b"] else p["a"]))
            self.agree.setItem(r, 1, QTableWidgetItem(str(p["articles"])))
            for c, (layer, name) in enumerate(columns):
                value = p[layer][name]
                cell = QTableWidgetItem("–" if value is None else f"{value:.3f}")
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.agree.setItem(r, 2 + c, cell)
        self.agree.resizeColumnsToContents()

    def rank_by_pair(self, row: int) -> None:
        if not 0 <= row < len(self.pairs):
            self.ranking = None
            self.refresh()
            return
        a, b = self.pairs[row]
        ranked = pair_disagreements(self.store, a, b)
        self.ranking = dict(ranked)
        self.articles.setCurrentRow(-1)
        self.refresh()
        self.articles.setCurrentRow(0)
        self.tabs.setCurrentIndex(0)
        self.filter_requested.emit(f"{a} and {b} disagree most", [aid for aid, _n in ranked])

    def current_article(self) -> str | None:
        item = self.articles.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def _show_current(self) -> None:
        aid = self.current_article()
        self.state = team.adjudication_state(self.store, aid) if aid else None
        row = max(self.table.currentRow(), 0)
        self.table.clear()
        state = self.state
        if state is None:
            self.heading.setText("No article done by two or more annotators")
            self.table.setRowCount(0)
            return
        names = state.annotators
        where = ("are in the adjudicated version" if state.started else
                 "go into the adjudicated version with the first decision")
        self.heading.setText(f"<b>{state.title}</b> — {len(state.choices)} disagreement(s), {state.left} left to "
                             f"decide; {state.agreed} item(s) all agree on {where}")
        # who chose what first, the item last (it can be long): the columns a key refers to stay in view
        self.table.setColumnCount(3 + len(names))
        self.table.setHorizontalHeaderLabels(["Layer", *[f"{i} {n}" for i, n in enumerate(names, 1)],
                                              "Adjudicated", "Item"])
        self.table.setRowCount(len(state.choices))
        for r, choice in enumerate(state.choices):
            self.table.setItem(r, 0, QTableWidgetItem(choice.layer))
            self.table.setItem(r, 2 + len(names), QTableWidgetItem(choice.label))
            for c, name in enumerate(names):
                cell = QTableWidgetItem(name[:1].upper() if name in choice.chosen_by else "–")
                cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if name in choice.chosen_by:
                    cell.setBackground(QBrush(QColor(COLOURS[self.names.index(name) % len(COLOURS)]
                                                     if name in self.names else COLOURS[c % len(COLOURS)])))
                    cell.setForeground(QBrush(QColor("#000000")))
                self.table.setItem(r, 1 + c, cell)
            verdict = QTableWidgetItem(("✓ in" if choice.taken else "✗ out") if choice.decided else "?")
            verdict.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.table.setItem(r, 1 + len(names), verdict)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        if state.choices:
            self.table.selectRow(min(row, len(state.choices) - 1))

    # -- deciding (on the writer) -----------------------------------------------------------------
    def on_key(self, key: int | str) -> None:
        state = self.state
        row = self.table.currentRow()
        if state is None or not 0 <= row < len(state.choices):
            return
        choice = state.choices[row]
        if isinstance(key, int):
            if key > len(state.annotators):
                self.message.emit(f"There is no annotator {key} on this article")
                return
            name = state.annotators[key - 1]

            def fn(store: Any) -> Any:
                return team.take_annotator(store, state.article_id, choice.layer, choice.key, name, who=self.who())
        else:
            take = key == "a"

            def fn(store: Any) -> Any:
                return team.decide(store, state.article_id, choice.layer, choice.key, take, who=self.who())

        def done(changes: Any) -> None:
            self.result.setText(changes.message)
            self.message.emit(changes.message)
            self.refresh()
            self.table.selectRow(min(row + 1, self.table.rowCount() - 1))
            self.changed.emit(changes)

        self.ops.submit(fn, on_done=done, article_id=state.article_id, label="adjudication")
