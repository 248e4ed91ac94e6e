"""ArticleEditor: one article's text (centre) and its Quotes / Entities / Events panels (right).

Reads come from the read-only store; every change is a function handed to the
OpRunner (one writer thread) and the editor reloads when ``article_changed``
names its article.  Positions cross the widget boundary only through
``OffsetMap`` (Qt counts UTF-16 units and collapses CRLF; the DB counts code points).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QLabel,
    QMenu,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.model import ENTITY_LABELS, QUOTE_KINDS, Article, Entity, Event, Quote, Span
from desktop_app.services import attribution as rules
from desktop_app.services.corpus import Reader
from desktop_app.ui.editor.controller import EditController
from desktop_app.ui.editor.delegates import ComboDelegate
from desktop_app.ui.editor.highlighter import AnnotationHighlighter
from desktop_app.ui.editor.inline_tags import InlineTags, TaggedTextView
from desktop_app.ui.editor.inspector import Inspector
from desktop_app.ui.editor.look import Look, is_dark
from desktop_app.ui.editor.marks import build_marks
from desktop_app.ui.editor.models import AnnotationModel, EntityModel, EventModel, QuoteModel, sentence_of
from desktop_app.ui.editor.notice import InlineNotice, is_refusal
from desktop_app.ui.editor.offsets import OffsetMap
from desktop_app.ui.editor.overlay import ShortcutOverlay
from desktop_app.ui.editor.panel_table import PanelTable
from desktop_app.ui.editor.refill import refill
from desktop_app.ui.editor.shortcuts import LABEL_KEYS, SHORTCUTS
from desktop_app.ui.editor.tokens import Tokens
from desktop_app.ui.flow_layout import FlowLayout
from desktop_app.ui.theme import STATUS_NAMES

log = logging.getLogger(__name__)

TABS = ("quotes", "entities", "events")


def _menu_action(menu: QMenu, text: str, fn: Callable[[], object]) -> QAction:
    """A menu entry calling ``fn()`` (never passing Qt's ``checked`` flag into its arguments)."""
    act = menu.addAction(text)
    act.triggered.connect(lambda _checked=False: fn())
    return act


class ArticleEditor(QWidget):
    request_next = Signal()
    request_previous = Signal()
    status_message = Signal(str)

    def __init__(self, read_store: Reader, ops: Any, settings: Any, parent: QWidget | None = None, *,
                 corpus_taxonomy: str = "") -> None:
        super().__init__(parent)
        self.store = read_store
        self.ops = ops
        self.settings = settings
        #: the taxonomy file the corpus carries (an assigned or team file); it wins over the setting
        self.corpus_taxonomy = corpus_taxonomy
        self.look = Look(getattr(settings, "label_colors", None), text_point=self._text_point())
        self.event_types, self.taxonomy_problem = rules.event_types(self.taxonomy_file())
        self.article: Article | None = None
        self.omap = OffsetMap("")
        self.tokens = Tokens("")
        self.sentences: list[Span] = []
        self.registry: dict[str, str] = {}
        self.show_rejected = False
        self.last_type = self.event_types[0]
        self._names_cache: list[str] | None = None
        self._op_note: str | None = None
        self._quiet = False
        self._opening = False  # show_article selects the first rows, then refreshes the focus once
        self._current: dict[str, int | None] = dict.fromkeys(TABS)
        self._fallback_row: dict[str, int] = dict.fromkeys(TABS, 0)
        self.edits = EditController(self)
        self._actions = self._build_actions()
        self._build_ui()
        ops.article_changed.connect(self._on_article_changed)
        self._set_enabled(False)

    # ------------------------------------------------------------------ building
    def _build_actions(self) -> dict[str, QAction]:
        handlers: dict[str, Callable[[], None]] = {
            "accept": lambda: self.edits.decide("accepted"),
            "reject": lambda: self.edits.decide("rejected"),
            "delete": self.edits.delete_current,
            "resize": self.edits.resize_current,
            "accept_all": self.edits.accept_all,
            "next_item": lambda: self.move_item(1),
            "prev_item": lambda: self.move_item(-1),
            "next_panel": self.next_panel,
            "add_quote": self.edits.add_quote,
            "set_cue": lambda: self.edits.set_quote_span("cue"),
            "set_mention": lambda: self.edits.set_quote_span("mention"),
            "cycle_kind": self.edits.cycle_kind,
            "change": lambda: self.inspector.open_chooser(),
            "add_event": self.edits.add_event,
            "next_type": lambda: self.edits.cycle_type(1),
            "prev_type": lambda: self.edits.cycle_type(-1),
            "mark_done": self.edits.mark_done,
            "skip": self.edits.skip,
            "next_article": self.request_next.emit,
            "prev_article": self.request_previous.emit,
            "undo": lambda: self.edits.undo_redo(undo=True),
            "redo": lambda: self.edits.undo_redo(undo=False),
            "show_rejected": lambda: self.set_show_rejected(not self.show_rejected),
            "escape": self.escape,
            "overlay": lambda: self.overlay.toggle(),
            "show_tags": lambda: self.set_tags(not self.tags.enabled),
        }
        for label in LABEL_KEYS.values():
            handlers[f"label_{label}"] = partial(self.edits.label_key, label)
        handlers.update(self.edits.handlers())  # boundaries by key, accept the rest of a panel
        actions: dict[str, QAction] = {}
        for sc in SHORTCUTS:
            act = QAction(sc.text, self)
            act.setShortcuts([QKeySequence(k) for k in sc.keys])
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.setToolTip(f"{sc.help} ({' / '.join(sc.keys)})")
            act.setStatusTip(sc.help)
            act.triggered.connect(lambda _checked=False, h=handlers[sc.name]: h())
            self.addAction(act)
            actions[sc.name] = act
        actions["show_rejected"].setCheckable(True)
        actions["show_tags"].setCheckable(True)
        actions["show_tags"].setChecked(bool(getattr(self.settings, "label_tags", False)))
        return actions

    def _build_ui(self) -> None:
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)
        self._title_font()
        self.legend = self._build_legend()

        self.view = TaggedTextView()
        font = self.view.font()
        font.setPointSize(self._text_point())
        self.view.setFont(font)
        self.highlighter = AnnotationHighlighter(self.look)
        self.tags = self.view.tags = InlineTags(self.view, self.look)  # labels and types written in the text
        self.tags.enabled = bool(getattr(self.settings, "label_tags", False))
        self.tags.marks_of = lambda n: self.highlighter.by_block.get(n, [])
        self.view.tooltip_for = self._tooltip
        self.view.clicked.connect(self._on_click)
        self.view.context_requested.connect(self._on_context)
        self.view.selection_made.connect(self._on_selection)
        self.edits.wire(self.view)  # edge drags and the live snapped selection

        centre = QWidget()
        lay = QVBoxLayout(centre)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        lay.addWidget(self.title)
        lay.addWidget(self.legend)
        lay.addWidget(self.view, 1)
        self.notice = InlineNotice()  # a refused edit, said under the text where the eyes are
        lay.addWidget(self.notice)
        self._centre_layout = lay

        self.models: dict[str, AnnotationModel[Any]] = {
            "quotes": QuoteModel(self), "entities": EntityModel(self), "events": EventModel(self)
        }
        self.models["entities"].colors = self.look.label_colors
        self.tables: dict[str, QTableView] = {}
        #: each panel's "12/20 reviewed" line above its table
        self.progress: dict[str, QLabel] = {}
        self.tabs = QTabWidget()
        for name in TABS:
            table = self._build_table(self.models[name])
            self.tables[name] = table
            page = QWidget()
            page_lay = QVBoxLayout(page)
            page_lay.setContentsMargins(0, 2, 0, 0)
            page_lay.setSpacing(2)
            head = self.progress[name] = QLabel()
            head.setObjectName(f"{name}Progress")
            head.setTextFormat(Qt.TextFormat.PlainText)
            page_lay.addWidget(head)
            page_lay.addWidget(table, 1)
            self.tabs.addTab(page, name.capitalize())
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.inspector = Inspector(self._actions, self.event_types, definitions=self.type_definitions())
        self.inspector.speaker_chosen.connect(lambda n: self.edits.speaker_named(n))
        self.inspector.kind_chosen.connect(lambda k: self.edits.set_kind(None, k))
        self.inspector.label_chosen.connect(self.edits.relabel_current)
        self.inspector.type_chosen.connect(lambda t: self.edits.set_event_type(t))
        self.inspector.actor_chosen.connect(lambda n: self.edits.arg_named("actor", n))
        self.inspector.recipient_chosen.connect(lambda n: self.edits.arg_named("recipient", n))
        self.inspector.finished.connect(self.view.setFocus)

        # the form scrolls when a short window cannot hold a long quote: its lines wrap, never clip
        detail = self.inspector_area = QScrollArea()
        detail.setWidget(self.inspector)
        detail.setWidgetResizable(True)
        detail.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        detail.setFrameShape(QFrame.Shape.NoFrame)
        side = self.side_splitter = QSplitter(Qt.Orientation.Vertical)
        side.addWidget(self.tabs)
        side.addWidget(detail)
        side.setChildrenCollapsible(False)
        side.setStretchFactor(0, 3)
        side.setStretchFactor(1, 2)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(centre)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([450, 550])  # the side tables fit their columns to what they get; names need ~550
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        outer.addWidget(self.splitter)
        self.overlay = ShortcutOverlay(self)

    def _build_legend(self) -> QWidget:
        box = QWidget()
        row = FlowLayout(box)  # wraps when the window is narrow instead of forcing its width
        for key, label in LABEL_KEYS.items():
            chip = QLabel(f"{key} {label}")
            chip.setStyleSheet(self.look.legend_css(label))
            chip.setToolTip(f"Key {key}: make the selected text a {label} entity")
            row.addWidget(chip)
        sample = QLabel("suggested")
        sample.setStyleSheet(self.look.legend_css("ORG", "suggested") + " font-style: italic;")
        sample.setToolTip("Suggestions have a light fill and a dotted underline; accepted ones a solid fill")
        row.addWidget(sample)
        quote = QLabel("quote · <b>cue</b> · <u>speaker</u>")
        quote.setToolTip("Quotes are shaded; the cue is bold and the speaker mention underlined")
        row.addWidget(quote)
        self.rejected_box = QCheckBox("rejected")
        self.rejected_box.setToolTip("Show rejected annotations (Shift+R)")
        self.rejected_box.toggled.connect(self.set_show_rejected)
        row.addWidget(self.rejected_box)
        return box

    def _build_table(self, model: AnnotationModel[Any]) -> QTableView:
        table = PanelTable()
        for col, column in enumerate(model.columns):
            if column.header in ("Quote", "Context", "Trigger"):
                table.text_column = col  # takes the room left over
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        table.setWordWrap(False)
        table.setAlternatingRowColors(True)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        table.verticalHeader().setVisible(False)
        model.edit_requested.connect(lambda row, field, value, m=model: self.edits.on_model_edit(m, row, field, value))
        for col, column in enumerate(model.columns):
            if column.field:
                meaning = (lambda: self.inspector.definitions) if column.field == "type" else None
                table.setItemDelegateForColumn(col, ComboDelegate(self._options_for(column.field), table, meaning))
        table.selectionModel().currentRowChanged.connect(
            lambda cur, _prev, name=model.table: self._on_row_changed(name, cur)
        )
        return table

    def _options_for(self, field: str) -> tuple[Callable[[], list[str]], bool]:
        if field == "label":
            return (lambda: list(ENTITY_LABELS)), False
        if field == "kind":
            return (lambda: list(QUOTE_KINDS)), False
        if field == "type":
            return (lambda: list(self.event_types)), False
        return (self._names, True)

    def _names(self) -> list[str]:
        if self._names_cache is None:
            self._names_cache = rules.speaker_candidates(self.article, self.registry) if self.article else []
        return self._names_cache

    # ------------------------------------------------------------------ settings and theme
    def apply_settings(self, settings: Any) -> None:
        """New label colours / font size / theme from the shell's settings dialog."""
        self.settings = settings
        self.event_types, self.taxonomy_problem = rules.event_types(self.taxonomy_file())
        self.inspector.event_types = self.event_types
        self.inspector.definitions = self.type_definitions()
        if self.last_type not in self.event_types:
            self.last_type = self.event_types[0]
        if self.taxonomy_problem:
            self.status_message.emit(self.taxonomy_problem)
        font = self.view.font()
        font.setPointSize(self._text_point())
        self.view.setFont(font)
        self._restyle()

    def _restyle(self) -> None:
        self.look = Look(getattr(self.settings, "label_colors", None), text_point=self._text_point())
        self.highlighter.set_look(self.look)
        self.tags.look = self.look
        self.models["entities"].colors = self.look.label_colors
        old = self.legend
        self.legend = self._build_legend()
        self.set_show_rejected(self.show_rejected)
        self._centre_layout.replaceWidget(old, self.legend)
        old.deleteLater()
        if self.article is not None:
            self.highlighter.repaint_all()
            self._refresh_focus()

    def changeEvent(self, event: QEvent) -> None:  # palette switch (light/dark theme), bigger text
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and hasattr(self, "inspector"):
            self._title_font()
            QTimer.singleShot(0, self.inspector.relayout)  # once the children have their new font
        if (event.type() == QEvent.Type.PaletteChange and hasattr(self, "legend")
                and is_dark(self.palette()) != self.look.dark):
            self._restyle()

    def _title_font(self) -> None:
        """A quarter larger than the window's text, and bold (set again when the text size changes)."""
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)

    def _text_point(self) -> int:
        return int(getattr(self.settings, "font_size", 12) or 12)

    def set_tags(self, on: bool) -> None:
        """Label and event-type tags in the text on or off (View menu, ``l``); off gives the compact text."""
        self.tags.enabled = self.settings.label_tags = bool(on)
        act = self._actions["show_tags"]
        act.blockSignals(True)
        act.setChecked(self.tags.enabled)
        act.blockSignals(False)
        if self.article is not None:
            self.highlighter.update_marks(self._marks())
        self.view.viewport().update()

    # ------------------------------------------------------------------ public API
    def actions(self) -> dict[str, QAction]:  # type: ignore[override]
        """Editing actions by name (see shortcuts.SHORTCUTS), for the shell's menus."""
        return dict(self._actions)

    def type_definitions(self) -> dict[str, str]:
        """Each event type's definition from the taxonomy in force (the bundled one if that file is broken)."""
        from desktop_app.core.taxonomy import load_taxonomy
        from desktop_app.errors import NewsGoldError

        try:
            tax = load_taxonomy(self.taxonomy_file() or None)
        except NewsGoldError:
            tax = load_taxonomy(None)
        return {name: t.definition for name, t in tax.types.items()}

    def taxonomy_file(self) -> str:
        """The event taxonomy in force: the corpus's own, else the one in Settings ("" = bundled PLOVER)."""
        return self.corpus_taxonomy or getattr(self.settings, "taxonomy", "") or ""

    def current_article_id(self) -> str | None:
        return self.article.id if self.article else None

    def article_id(self) -> str:
        return self.article.id if self.article is not None else ""

    def suggested_left(self) -> int:
        if self.article is None:
            return 0
        a = self.article
        return sum(x.state == "suggested" for items in (a.entities, a.quotes, a.events) for x in items)

    def show_panel(self, name: str) -> bool:
        """Bring the Quotes / Entities / Events panel to the front (False for an unknown name)."""
        if name not in TABS:
            return False
        self.tabs.setCurrentIndex(TABS.index(name))
        return True

    def land_on(self, table: str, row_id: int) -> None:
        """After an op: make ``row_id`` the current item of ``table`` (the reload that follows selects it)."""
        self._current[table] = row_id
        if self.current_table() != table:
            self.tabs.blockSignals(True)
            self.tabs.setCurrentIndex(TABS.index(table))
            self.tabs.blockSignals(False)

    def show_article(self, article_id: str) -> None:
        """Load an article from the read store and show it from the top."""
        article = self.store.get_article(article_id)
        self.article = article
        self.omap = OffsetMap(article.text)
        self.tokens = Tokens(article.text)
        self.sentences = self.store.sentences(article_id) or rules.fallback_sentences(article.text)
        self.registry = self.store.registry()
        self._names_cache = None
        self._current = dict.fromkeys(TABS)
        self._fallback_row = dict.fromkeys(TABS, 0)
        self.title.setText(article.title)
        self.notice.dismiss()
        self.highlighter.clear()
        self.view.set_article_text(article.text)
        self.highlighter.attach(self.view.document(), self._marks())
        self._fill_models()
        self._set_enabled(True)
        self.view.verticalScrollBar().setValue(0)
        self._opening = True
        try:
            for name in TABS:
                if self.models[name].rowCount():
                    self._select_row(name, 0, scroll=False)
        finally:
            self._opening = False
        self._refresh_focus()
        self.view.setFocus()
        self._announce()

    def reload(self) -> None:
        """Re-read the current article after an op; keeps text, scroll position and current items."""
        if self.article is None:
            return
        article = self.store.get_article(self.article.id)
        if article.text != self.article.text:
            self.show_article(article.id)
            return
        self.article = article
        self.registry = self.store.registry()
        self._names_cache = None
        scroll = self.view.verticalScrollBar().value()
        selection = self.view.selected_range()
        self.highlighter.update_marks(self._marks())
        self._quiet = True  # restoring the current rows must not move the text or drop a selection
        self._fill_models()
        for name in TABS:
            model = self.models[name]
            row = model.row_of(self._current[name])
            if row < 0 and model.rowCount():
                row = min(self._fallback_row[name], model.rowCount() - 1)
            if row >= 0:
                self._select_row(name, row, scroll=False)
            else:
                self._current[name] = None
        self._quiet = False
        if selection is not None:
            self.view.select_range(*selection)
        self.view.verticalScrollBar().setValue(scroll)
        self._refresh_focus()
        self._announce()

    # ------------------------------------------------------------------ display helpers
    def _marks(self) -> list[Any]:
        assert self.article is not None
        return build_marks(self.article, self.omap, show_rejected=self.show_rejected, tag_room=self.tags.enabled)

    def _fill_models(self) -> None:
        assert self.article is not None
        a = self.article
        self.models["entities"].sentences = sorted(self.sentences, key=lambda s: s.start)  # type: ignore[attr-defined]
        for name, items in (("quotes", a.quotes), ("entities", a.entities), ("events", a.events)):
            refill(self.models[name], a.text, items)  # no model reset when only fields changed
        self._show_progress()

    def _show_progress(self) -> None:
        """Each panel says how much of it is decided: "Quotes (12/20)" and "12/20 reviewed · 8 to decide"."""
        for name in TABS:
            model = self.models[name]
            done, total = model.reviewed(), model.rowCount()
            i = TABS.index(name)
            tab = f"{name.capitalize()} ({done}/{total})"
            if self.tabs.tabText(i) != tab:  # setTabText relayouts the window even if unchanged
                self.tabs.setTabText(i, tab)
                self.tabs.setTabToolTip(i, f"{done} of {total} {name} reviewed (accepted or rejected)")
            left = total - done
            self.progress[name].setText(f"{done}/{total} reviewed" + (f" · {left} to decide" if left else
                                                                       " ✓" if total else ""))

    def _set_enabled(self, on: bool) -> None:
        for act in self._actions.values():
            act.setEnabled(on or act is self._actions["overlay"])

    def _announce(self) -> None:
        """The standing status line; after an op it starts with what the op did (or why it was refused)."""
        if self.article is None:
            return
        left = self.suggested_left()
        note, self._op_note = self._op_note, None
        status = STATUS_NAMES.get(self.article.status, self.article.status).lower()
        line = f"{left} suggestions left · {status} · Enter = done"
        self.status_message.emit(f"{note} · {line}" if note else line)

    def note(self, message: str) -> None:
        """Say what an op did now, and keep it at the front of the line the reload shows.

        A refusal ("Nothing to undo", an overlap) is also said under the text, where the user looks."""
        self._op_note = message
        if is_refusal(message):
            self.notice.say(message)
        else:
            self.notice.dismiss()
        self.status_message.emit(message)

    def current_table(self) -> str:
        return TABS[self.tabs.currentIndex()]

    def current_item(self, table: str | None = None) -> Any:
        table = table or self.current_table()
        model = self.models[table]
        return model.item(model.row_of(self._current[table]))

    def _select_row(self, table: str, row: int, *, scroll: bool = True) -> None:
        view = self.tables[table]
        index = self.models[table].index(row, 0)
        view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        view.scrollTo(index)
        item = self.models[table].item(row)
        self._current[table] = item.id if item else None
        self._fallback_row[table] = row
        if scroll and item is not None:
            self._scroll_to_item(item)

    def select_item(self, table: str, row_id: int | None, *, switch: bool = True) -> None:
        row = self.models[table].row_of(row_id)
        if row < 0:
            return
        if switch and self.current_table() != table:
            self.tabs.setCurrentIndex(TABS.index(table))
        self._select_row(table, row)
        self._refresh_focus()

    def item_span(self, item: Any) -> Span:
        if isinstance(item, Event):
            return item.trigger or item.sentence
        return item.span

    def _scroll_to_item(self, item: Any) -> None:
        span = self.item_span(item)
        self.view.scroll_to(*self.omap.span_to_doc(span.start, span.end))

    def _on_row_changed(self, table: str, index: QModelIndex) -> None:
        item = self.models[table].item(index.row())
        if item is None:
            return
        self._current[table] = item.id
        self._fallback_row[table] = index.row()
        if table == self.current_table() and not self._quiet:
            self._scroll_to_item(item)
            if not self._opening:
                self._refresh_focus()

    def _on_tab_changed(self, _i: int) -> None:
        item = self.current_item()
        if item is not None:
            self._scroll_to_item(item)
        self._refresh_focus()

    def _extra(self, start: int, end: int, fmt: Any) -> QTextEdit.ExtraSelection:
        sel = QTextEdit.ExtraSelection()
        cur = self.view.textCursor()
        ds, de = self.omap.span_to_doc(start, end)
        cur.setPosition(ds)
        cur.setPosition(de, cur.MoveMode.KeepAnchor)
        sel.cursor = cur  # type: ignore[attr-defined]
        sel.format = fmt  # type: ignore[attr-defined]
        return sel

    def _refresh_focus(self) -> None:
        """Accent on the current item and on what it links to (a quote's speaker, an event's parties)."""
        if self.article is None:
            return
        item = self.current_item()
        self.tags.link = self._speaker_link(item)
        self.view.viewport().update()
        sels: list[QTextEdit.ExtraSelection] = []
        strong, weak, linked = self.look.focus_format(True), self.look.focus_format(False), self.look.linked_format()
        if isinstance(item, Entity):
            sels.append(self._extra(item.start, item.end, strong))
            self.inspector.show_entity(self.article.text, item, sentence_of(self.models["entities"].sentences, item.span))  # type: ignore[attr-defined]
        elif isinstance(item, Quote):
            sels.append(self._extra(item.start, item.end, weak))
            if item.cue is not None:
                sels.append(self._extra(item.cue.start, item.cue.end, strong))
            for span in {item.speaker_entity, item.mention} - {None}:
                sels.append(self._extra(span.start, span.end, linked))  # type: ignore[union-attr]
            self.inspector.show_quote(self.article.text, item, self._names())
        elif isinstance(item, Event):
            sels.append(self._extra(item.sentence.start, item.sentence.end, weak))
            if item.trigger is not None:
                sels.append(self._extra(item.trigger.start, item.trigger.end, strong))
            for arg, fmt in ((item.actor, linked), (item.recipient, self.look.linked_format(recipient=True))):
                if arg is not None and arg.entity is not None:
                    sels.append(self._extra(arg.entity.start, arg.entity.end, fmt))
            self.inspector.show_event(self.article.text, item, self._names())
        else:
            self.inspector.show_nothing()
        self.view.set_focus_marks(sels)

    def _speaker_link(self, item: Any) -> tuple[int, int, int, int] | None:
        """The current quote's speaker mention (or entity) and its cue (or first words), for the arc."""
        if not isinstance(item, Quote):
            return None
        speaker = item.mention or item.speaker_entity
        if speaker is None:
            return None
        target = item.cue or Span(item.start, min(item.end, item.start + 1))
        return (*self.omap.span_to_doc(speaker.start, speaker.end), *self.omap.span_to_doc(target.start, target.end))

    def _tooltip(self, doc_pos: int) -> str | None:
        if self.article is None:
            return None
        cp = self.omap.to_cp(doc_pos)
        lines = []
        a = self.article
        e = rules.entity_at(a, cp, self.show_rejected)
        if e is not None:
            lines.append(f"{e.label} · {e.origin} · {e.state}")
        q = rules.quote_at(a, cp, self.show_rejected)
        if q is not None:
            who = q.speaker or "speaker unknown"
            lines.append(f"Quote ({q.kind}) · {who} · {q.origin} · {q.state}")
        v = rules.trigger_at(a, cp, self.show_rejected)
        if v is not None:
            lines.append(f"Event {v.type} · {v.origin} · {v.state}")
            if self.inspector.definitions.get(v.type):
                lines.append(f"{v.type}: {self.inspector.definitions[v.type]}")
        if any(s.start <= cp < s.end for s in a.ignored):
            lines.append("ignored (boilerplate)")
        return "\n".join(lines) or None

    # ------------------------------------------------------------------ navigation
    def move_item(self, step: int) -> None:
        table = self.current_table()
        model = self.models[table]
        if not model.rowCount():
            return
        row = model.row_of(self._current[table])
        row = 0 if row < 0 else max(0, min(model.rowCount() - 1, row + step))
        self._select_row(table, row)
        self._refresh_focus()

    def next_panel(self) -> None:
        self.tabs.setCurrentIndex((self.tabs.currentIndex() + 1) % len(TABS))

    def escape(self) -> None:
        if self.overlay.isVisible():
            self.overlay.close_overlay()
        self.view.clear_selection()
        self.view.setFocus()

    def set_show_rejected(self, on: bool) -> None:
        self.show_rejected = bool(on)
        for w in (self.rejected_box, self._actions["show_rejected"]):
            w.blockSignals(True)
            w.setChecked(self.show_rejected)
            w.blockSignals(False)
        if self.article is not None:
            self.highlighter.update_marks(self._marks())

    # ------------------------------------------------------------------ mouse in the text
    def _on_click(self, doc_pos: int, modifiers: Any) -> None:
        if self.article is None:
            return
        a = self.article
        cp = self.omap.to_cp(doc_pos)
        mods = Qt.KeyboardModifier(modifiers)
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        shift = bool(mods & Qt.KeyboardModifier.ShiftModifier)
        table = self.current_table()
        ent = rules.entity_at(a, cp, self.show_rejected)
        if ent is not None and not ctrl:
            quote, event = self.current_item("quotes"), self.current_item("events")
            if table == "quotes" and quote is not None:
                self.edits.set_speaker_entity(quote, ent)
                return
            if table == "events" and event is not None:
                self.edits.set_event_arg("recipient" if shift else "actor", event, ent)
                return
        if ent is not None:
            self.select_item("entities", ent.id)
            return
        trig = rules.trigger_at(a, cp, self.show_rejected)
        if trig is not None:
            self.select_item("events", trig.id)
            return
        quote = rules.quote_at(a, cp, self.show_rejected)
        if quote is not None:
            self.select_item("quotes", quote.id)
            return
        if table == "events":
            events = rules.events_in_sentence(a, cp, self.show_rejected)
            if events:
                self.select_item("events", events[0].id)

    def _on_selection(self, start: int, end: int) -> None:
        span = self.selection_cp()
        if span is not None:
            self.status_message.emit(
                f"“{self.snippet(*span)}” selected — 1–6 entity label, q quote, u cue, m mention, e event"
            )

    def selection_cp(self) -> tuple[int, int] | None:
        """The mouse selection in code points, snapped to whole tokens."""
        rng = self.view.selected_range()
        if rng is None:
            return None
        start, end = self.omap.span_to_cp(*rng)
        return self.tokens.snap(start, end)

    def snippet(self, start: int, end: int) -> str:
        assert self.article is not None
        s = " ".join(self.article.text[start:end].split())
        return s if len(s) <= 60 else s[:59] + "…"

    def _on_context(self, doc_pos: int, global_pos: QPoint) -> None:
        menu = self.context_menu(doc_pos)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if menu.isEmpty():
            menu.close()
        else:
            menu.popup(global_pos)  # no nested event loop

    def context_menu(self, doc_pos: int) -> QMenu:
        """The right-click menu for a document position (built separately so it can be inspected)."""
        menu = QMenu(self)
        if self.article is None:
            return menu
        a = self.article
        cp = self.omap.to_cp(doc_pos)
        add = _menu_action
        if self.selection_cp() is not None:
            sub = menu.addMenu("Add entity")
            for key, label in LABEL_KEYS.items():
                add(sub, f"{label}\t{key}", partial(self.edits.add_entity, label))
            add(menu, "Add quote\tq", self.edits.add_quote)
            add(menu, "Add event\te", self.edits.add_event)
            menu.addSeparator()
        ent = rules.entity_at(a, cp, self.show_rejected)
        if ent is not None:
            name = self.snippet(ent.start, ent.end)
            sub = menu.addMenu(f"Entity “{name}” ({ent.label})")
            for label in ENTITY_LABELS:
                act = add(sub, label, partial(self.edits.relabel, ent, label))
                act.setCheckable(True)
                act.setChecked(label == ent.label)
            sub.addSeparator()
            add(sub, "Select", partial(self.select_item, "entities", ent.id))
            add(sub, "Accept", partial(self.edits.set_state, ent, "accepted"))
            add(sub, "Reject", partial(self.edits.set_state, ent, "rejected"))
            add(sub, "Delete", partial(self.edits.delete, ent))
            quote, event = self.current_item("quotes"), self.current_item("events")
            if quote is not None:
                add(menu, f"Speaker of the current quote: {name}", partial(self.edits.set_speaker_entity, quote, ent))
            if event is not None:
                add(menu, f"Actor of the current event: {name}",
                    partial(self.edits.set_event_arg, "actor", event, ent))
                add(menu, f"Recipient of the current event: {name}",
                    partial(self.edits.set_event_arg, "recipient", event, ent))
        q = rules.quote_at(a, cp, self.show_rejected)
        if q is not None:
            sub = menu.addMenu(f"Quote ({q.speaker or 'no speaker'})")
            add(sub, "Select", partial(self.select_item, "quotes", q.id))
            add(sub, "Accept", partial(self.edits.set_state, q, "accepted"))
            add(sub, "Reject", partial(self.edits.set_state, q, "rejected"))
            add(sub, "Delete", partial(self.edits.delete, q))
        v = rules.trigger_at(a, cp, self.show_rejected)
        if v is not None:
            sub = menu.addMenu(f"Event {v.type}")
            add(sub, "Select", partial(self.select_item, "events", v.id))
            types = sub.addMenu("Type")
            for t in self.event_types:
                add(types, t, partial(self.edits.set_event_type, t, v))
            add(sub, "Accept", partial(self.edits.set_state, v, "accepted"))
            add(sub, "Reject", partial(self.edits.set_state, v, "rejected"))
        return menu

    # ------------------------------------------------------------------ ops feedback
    def _on_article_changed(self, article_id: str) -> None:
        if self.article is not None and article_id == self.article.id:
            self.reload()
