"""The article list: a lazy table model over the DB, with status filter, search (core/search.py) and sort.

The model holds only the rows fetched so far (pages of :data:`PAGE`), so a
million-article corpus opens as fast as a small one; Qt's ``canFetchMore`` /
``fetchMore`` pull the next page as the view scrolls.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.model import ARTICLE_STATUSES
from desktop_app.core.search import FIELDS, parse_search
from desktop_app.errors import E, NewsGoldError
from desktop_app.services.corpus import ArticleRow, Reader
from desktop_app.ui.list_titles import DateDelegate, TitleDelegate, row_height
from desktop_app.ui.theme import STATUS_LOOK, STATUS_NAMES, WARNING_COLOR

PAGE = 200
#: a list narrower than this many average characters shows the counts under the date (no Counts column)
NARROW_CHARS = 64
UNFINISHED = frozenset({"new", "preannotated", "in_progress"})

Index = QModelIndex | QPersistentModelIndex

COL_STATUS, COL_TITLE, COL_DATE, COL_COUNTS, COL_TEAM = range(5)
#: how a version's status shows in the Team column
VERSION_MARKS = {"done": "✓", "in_progress": "…", "skipped": "–"}
HEADERS = ("", "Title", "Date", "E · Q · Ev", "Team")
#: column -> Store.article_rows order key
SORT_KEYS = {COL_STATUS: "status", COL_TITLE: "title", COL_DATE: "date", COL_COUNTS: "updated"}

#: under the search box when the syntax is wrong, and its tooltip
SEARCH_FIELDS_LINE = "Fields: " + "  ".join(f"{name}:" for name in FIELDS) + '  — plus words and "quoted phrases"'
SEARCH_TOOLTIP = ("Words search title and text (prefixes); \"quoted phrases\" exactly. Fields (all terms must hold):\n"
                  + "\n".join(f"{name}:VALUE  {what}" for name, what in FIELDS.items())
                  + '\nQuote values with spaces: speaker:"Khawaja Asif"')

_icons: dict[str, QIcon] = {}


def status_icon(status: str) -> QIcon:
    """A round badge with the status symbol, drawn once at 2x for sharp HiDPI rendering."""
    if status not in _icons:
        symbol, colour = STATUS_LOOK.get(status, ("?", "#888888"))
        pm = QPixmap(32, 32)
        pm.setDevicePixelRatio(2.0)
        pm.fill(Qt.GlobalColor.transparent)
        p = QPainter(pm)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(colour))
        p.drawEllipse(QRectF(1, 1, 14, 14))
        p.setPen(QColor("#ffffff"))
        font = QFont()
        font.setPixelSize(10)
        font.setBold(True)
        p.setFont(font)
        p.drawText(QRectF(1, 1, 14, 14), Qt.AlignmentFlag.AlignCenter, symbol)
        p.end()
        _icons[status] = QIcon(pm)
    return _icons[status]


class ArticleListModel(QAbstractTableModel):
    """Rows of :class:`ArticleRow`, fetched page by page from a read-only Store."""

    def __init__(self, store: Reader, parent: Any = None) -> None:
        super().__init__(parent)
        self.store = store
        self.status: str | None = None
        self.query: str | None = None
        #: a chart's selection (dashboard or people view): only these articles, with what they are
        self.ids: list[str] | None = None
        self.ids_caption = ""
        self.order = "import"
        self.descending = False
        self._rows: list[ArticleRow] = []
        self._pos: dict[str, int] = {}
        self._total = 0
        self._load()

    # -- filtering / sorting -------------------------------------------------
    def _load(self) -> None:
        self._total = self.store.count_articles(status=self.status, query=self.query, ids=self.ids)
        self._rows = self.store.article_rows(0, min(PAGE, self._total), status=self.status, query=self.query,
                                             order=self.order, descending=self.descending,
                                             ids=self.ids) if self._total else []
        self._pos = {r.id: i for i, r in enumerate(self._rows)}

    def reload(self) -> None:
        """Re-read from the DB (after an import or pre-annotation), keeping filter and order."""
        self.beginResetModel()
        self._load()
        self.endResetModel()

    def set_filter(self, status: str | None = None, query: str | None = None) -> None:
        status = status or None
        query = (query or "").strip() or None
        if (status, query) == (self.status, self.query):
            return
        self.status, self.query = status, query
        self.reload()

    def set_selection(self, caption: str, ids: list[str] | None) -> None:
        """Only the articles behind a chart's bar (``ids``), or all again (None)."""
        self.ids, self.ids_caption = (list(ids), caption) if ids is not None else (None, "")
        self.reload()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = SORT_KEYS.get(column, "import")
        desc = order == Qt.SortOrder.DescendingOrder
        if (key, desc) == (self.order, self.descending):
            return
        self.order, self.descending = key, desc
        self.reload()

    @property
    def total(self) -> int:
        """Rows matching the filter (fetched or not)."""
        return self._total

    # -- lazy fetching ---------------------------------------------------------
    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        start = len(self._rows)
        after = self._rows[-1].rowid if self._rows and self.order == "import" else None
        page = self.store.article_rows(start, PAGE, status=self.status, query=self.query,
                                       order=self.order, descending=self.descending, after_rowid=after, ids=self.ids)
        page = page[: self._total - start]
        if not page:
            self._total = start  # the DB shrank under us
            return
        self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
        for i, r in enumerate(page, start):
            self._rows.append(r)
            self._pos[r.id] = i
        self.endInsertRows()

    # -- rows by id -----------------------------------------------------------
    def row_of(self, article_id: str) -> int | None:
        return self._pos.get(article_id)

    def article_at(self, row: int) -> ArticleRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def refresh_article(self, article_id: str) -> tuple[str, str] | None:
        """Re-read one row in place (status and counts); it stays where it is until the next reload.

        Returns (old status, new status), or None when the row is not loaded."""
        row = self._pos.get(article_id)
        if row is None:
            return None
        old = self._rows[row].status
        fresh = self.store.article_rows(row, 1, status=self.status, query=self.query,
                                        order=self.order, descending=self.descending)
        if fresh and fresh[0].id == article_id:
            new = fresh[0]
        else:  # its sort position moved (e.g. sorted by status): update the status only
            art = self.store.get_article(article_id, annotations=False)
            new = dataclasses.replace(self._rows[row], status=art.status, updated_at=art.updated_at or "")
        self._rows[row] = new
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))
        return old, new.status

    def next_unfinished(self, after: str | None, *, backwards: bool = False, max_pages: int = 50) -> str | None:
        """The next article still to do (new / pre-annotated / in progress) after ``after``, wrapping."""
        start = self._pos.get(after, -1) if after else -1
        step = -1 if backwards else 1
        i = start + step
        fetched = 0
        while True:
            if backwards and i < 0:
                break
            if i >= len(self._rows):
                if self.canFetchMore() and fetched < max_pages:
                    self.fetchMore()
                    fetched += 1
                    continue
                break
            if self._rows[i].status in UNFINISHED and self._rows[i].id != after:
                return self._rows[i].id
            i += step
        # wrap around over what is loaded
        rng = range(len(self._rows) - 1, start, -1) if backwards else range(0, max(start, 0))
        for j in rng:
            if self._rows[j].status in UNFINISHED and self._rows[j].id != after:
                return self._rows[j].id
        return None

    # -- Qt model API -----------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return ("Status", "Title", "Publication date",
                    "Entities · quotes · events (not rejected); sorts by last change",
                    "Team files: each annotator's progress on the article (✓ done, … in progress)")[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_TITLE:
                return r.title or "(untitled)"
            if col == COL_DATE:
                return (r.published or "")[:10]
            if col == COL_COUNTS:
                return f"{r.n_entities} · {r.n_quotes} · {r.n_events}"
            if col == COL_TEAM:
                return " ".join(f"{name[:2]}{VERSION_MARKS.get(st, '·')}" for name, st in _versions(r))
            return None
        if role == Qt.ItemDataRole.DecorationRole and col == COL_STATUS:
            return status_icon(r.status)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == COL_STATUS:
                return STATUS_NAMES.get(r.status, r.status)
            if col in (COL_COUNTS, COL_DATE):  # a narrow list shows the counts under the date
                counts = (f"{r.n_entities} entities, {r.n_quotes} quotes, {r.n_events} events; "
                          f"{r.n_suggested} suggestions left")
                return counts if col == COL_COUNTS else f"published {(r.published or '?')[:10]}\n{counts}"
            if col == COL_TITLE:
                return r.title
            if col == COL_TEAM and r.versions:
                return "\n".join(f"{name}: {STATUS_NAMES.get(st, st)}" for name, st in _versions(r))
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_COUNTS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return r.id
        return None


def _versions(row: ArticleRow) -> list[tuple[str, str]]:
    return [tuple(v.rsplit(":", 1)) for v in row.versions.split()] if row.versions else []  # type: ignore[misc]


class ArticleListPanel(QWidget):
    """Header ("Articles 12/40 ✓"), status filter, search box and the list itself."""

    article_selected = Signal(str)
    counts_changed = Signal(int, int)  # done, total

    def __init__(self, store: Reader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.model = ArticleListModel(store, self)

        self.header = QLabel()
        font = self.header.font()
        font.setBold(True)
        self.header.setFont(font)
        self.filter = QComboBox()
        self.filter.setToolTip("Show only articles with this status")
        self.search = QLineEdit()
        self.search.setObjectName("articleSearch")
        self.search.setPlaceholderText('Search: words, "a phrase", speaker:, label:ORG … (Ctrl+F; F1)')
        self.search.setToolTip(SEARCH_TOOLTIP)
        self.search.setClearButtonEnabled(True)
        # bad syntax: what is wrong and the fields there are, under the box; the list keeps its last good result
        self.search_error = QLabel()
        self.search_error.setObjectName("searchError")
        self.search_error.setWordWrap(True)
        self.search_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.search_error.setStyleSheet(f"color: {WARNING_COLOR};")
        self.search_error.hide()
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self.apply_filter)
        self.filter.currentIndexChanged.connect(lambda _i: self.apply_filter())

        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # start in import order (section -1), not "status descending" as Qt would pick
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicatorShown(False)
        self.view.verticalHeader().hide()
        self.view.setShowGrid(False)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.view.setItemDelegateForColumn(COL_TITLE, TitleDelegate(self.view))
        self.view.setItemDelegateForColumn(COL_DATE, DateDelegate(COL_COUNTS, self.view))
        self.view.setIconSize(QSize(16, 16))
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        rows = self.view.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(row_height(self.fontMetrics()))
        head = self.view.horizontalHeader()
        head.setObjectName("articleListHeader")
        head.setSectionResizeMode(COL_STATUS, QHeaderView.ResizeMode.Fixed)
        head.resizeSection(COL_STATUS, 26)
        # the title column is the user's to widen (drag its right edge; the window remembers it);
        # the last column takes what is left
        head.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Interactive)
        head.setStretchLastSection(True)
        #: the user (a drag, or the remembered layout) set the title's width; until then it fills the list
        self.title_width_set = False
        self._fitting = False
        head.sectionResized.connect(self._on_section_resized)
        head.setSectionResizeMode(COL_DATE, QHeaderView.ResizeMode.Fixed)  # fit_title sizes it
        head.setSectionResizeMode(COL_COUNTS, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(COL_TEAM, QHeaderView.ResizeMode.ResizeToContents)
        head.setHighlightSections(False)
        head.sortIndicatorChanged.connect(lambda *_: head.setSortIndicatorShown(True))
        self.view.selectionModel().currentRowChanged.connect(self._on_current)
        self.model.modelReset.connect(self._restore_selection)
        self.model.modelReset.connect(self._show_team_column)
        self.model.modelReset.connect(self.fit_title)
        self._show_team_column()

        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.filter)
        # what a click on a chart selected ("speaker: Ishaq Dar · 3 articles  ✕")
        self.selection_label = QLabel()
        self.selection_label.setObjectName("chartSelection")
        self.selection_clear = QPushButton("✕ Show all")
        self.selection_clear.setToolTip("Leave the chart's selection: list every article again")
        self.selection_clear.clicked.connect(lambda: self.set_selection("", None))
        self.selection_row = QWidget()
        sel = QHBoxLayout(self.selection_row)
        sel.setContentsMargins(0, 0, 0, 0)
        sel.addWidget(self.selection_label, 1)
        sel.addWidget(self.selection_clear)
        self.selection_row.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.selection_row)
        layout.addWidget(self.search)
        layout.addWidget(self.search_error)
        layout.addWidget(self.view, 1)
        self._current: str | None = None
        self.counts: dict[str, int] = {}
        self.refresh_counts()

    # -- state ------------------------------------------------------------------
    def current_id(self) -> str | None:
        return self._current

    def refresh_counts(self, counts: dict[str, int] | None = None) -> None:
        """Header "N of M done" and per-status counts in the filter combo (queried unless given)."""
        counts = self.counts = counts if counts is not None else self.store.status_counts()
        total = sum(counts.values())
        self.header.setText(f"Articles  {counts.get('done', 0)}/{total} ✓")
        self.header.setToolTip(f"{counts.get('done', 0)} of {total} articles done")
        wanted = self.filter.currentData()
        self.filter.blockSignals(True)
        self.filter.clear()
        self.filter.addItem(f"all ({total})", None)
        for st in ARTICLE_STATUSES:
            self.filter.addItem(status_icon(st), f"{STATUS_NAMES[st]} ({counts.get(st, 0)})", st)
        i = self.filter.findData(wanted)
        self.filter.setCurrentIndex(max(i, 0))
        self.filter.blockSignals(False)
        self.counts_changed.emit(counts.get("done", 0), total)

    def done_counts(self) -> tuple[int, int]:
        """As of the last :meth:`refresh_counts` (one GROUP BY; 0.15 s on a million articles)."""
        return self.counts.get("done", 0), sum(self.counts.values())

    def apply_filter(self) -> None:
        """Filter by the status box and the search; bad search syntax is explained, and the list stays."""
        self._search_timer.stop()
        text = self.search.text()
        try:
            parse_search(text)
        except NewsGoldError as exc:
            # E030 (unknown field) names the fields itself
            self.search_error.setText(exc.message if exc.code == E.E030 else f"{exc.message}\n{SEARCH_FIELDS_LINE}")
            self.search_error.show()
            self.model.set_filter(self.filter.currentData(), self.model.query)
            return
        self.search_error.hide()
        self.model.set_filter(self.filter.currentData(), text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:  # bigger text: taller rows (two title lines)
            self.view.verticalHeader().setDefaultSectionSize(row_height(self.fontMetrics()))
            QTimer.singleShot(0, self, self.fit_title)  # after the other columns fit; dropped if the list is gone
        super().changeEvent(event)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.fit_title()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.fit_title()

    def fit_title(self) -> None:
        """Until the user sizes it, the title column takes the width the other columns leave;
        a narrow list shows the counts under the date instead of in a column of their own."""
        head = self.view.horizontalHeader()
        # a narrow list (1280 px screens, big text): the counts go under the date, the title gets their width
        self.view.setColumnHidden(COL_COUNTS,
                                  self.view.viewport().width() < NARROW_CHARS * self.fontMetrics().averageCharWidth())
        self._fitting = True
        head.resizeSection(COL_DATE, max(self.view.sizeHintForColumn(COL_DATE), head.sectionSizeHint(COL_DATE)))
        self._fitting = False
        if self.title_width_set:
            return
        shown = [head.logicalIndex(v) for v in range(head.count()) if not head.isSectionHidden(head.logicalIndex(v))]
        last = shown[-1]  # it stretches: count it at the width its contents need
        need = max(self.view.sizeHintForColumn(last), head.sectionSizeHint(last)) if last != COL_TITLE else 0
        others = sum(head.sectionSize(c) for c in shown if c not in (COL_TITLE, last))
        width = self.view.viewport().width() - others - need
        self._fitting = True
        head.resizeSection(COL_TITLE, max(width, 8 * self.fontMetrics().averageCharWidth()))
        self._fitting = False

    # the main window remembers the columns with its other panels (MainWindow._layout_parts)
    def saveState(self) -> QByteArray:
        return self.view.horizontalHeader().saveState()

    def restoreState(self, state: QByteArray) -> bool:
        ok = self.view.horizontalHeader().restoreState(state)
        self.title_width_set = self.title_width_set or ok
        self._show_team_column()
        return ok

    def _on_section_resized(self, column: int, _old: int, _new: int) -> None:
        if column == COL_TITLE and not self._fitting:
            self.title_width_set = True

    def set_selection(self, caption: str, ids: list[str] | None) -> None:
        """Show only ``ids`` (a dashboard click), saying what they are; None shows every article again."""
        self.model.set_selection(caption, ids)
        self.selection_row.setVisible(ids is not None)
        self.selection_label.setText(f"{caption} · {len(ids)} article(s)" if ids is not None else "")
        self.selection_label.setToolTip(self.selection_label.text())

    def set_status_filter(self, status: str | None) -> None:
        i = self.filter.findData(status)
        self.filter.setCurrentIndex(max(i, 0))

    def reload(self) -> None:
        self.model.reload()
        self.refresh_counts()

    def _show_team_column(self) -> None:
        """The Team column (each annotator's progress per article) only in a team file."""
        self.view.setColumnHidden(COL_TEAM, not self.store.has_versions())

    def refresh_visible(self) -> None:
        """After another program committed: re-read the rows on screen and the counts."""
        top = self.view.rowAt(0)
        if top >= 0:
            bottom = self.view.rowAt(self.view.viewport().height() - 1)
            bottom = self.model.rowCount() - 1 if bottom < 0 else bottom
            for row in range(top, bottom + 1):
                art = self.model.article_at(row)
                if art is not None:
                    self.model.refresh_article(art.id)
        self.refresh_counts()

    def refresh_article(self, article_id: str) -> None:
        """After an edit: one row re-read; the counts move by one if its status changed (no full count)."""
        change = self.model.refresh_article(article_id)
        if change is None:
            self.refresh_counts()
        elif change[0] != change[1]:
            counts = dict(self.counts)
            counts[change[0]] = max(0, counts.get(change[0], 0) - 1)
            counts[change[1]] = counts.get(change[1], 0) + 1
            self.refresh_counts(counts)

    # -- selection ----------------------------------------------------------------
    def select_article(self, article_id: str | None) -> bool:
        """Make ``article_id`` current (fetching pages until it is found); False if filtered out."""
        if article_id is None:
            return False
        row = self.model.row_of(article_id)
        pages = 0
        while row is None and self.model.canFetchMore() and pages < 50:
            self.model.fetchMore()
            pages += 1
            row = self.model.row_of(article_id)
        if row is None:
            return False
        idx = self.model.index(row, COL_TITLE)
        self.view.selectionModel().setCurrentIndex(
            idx, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.view.scrollTo(idx)
        return True

    def go_next_unfinished(self, backwards: bool = False) -> str | None:
        aid = self.model.next_unfinished(self._current, backwards=backwards)
        if aid is not None:
            self.select_article(aid)
        return aid

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        aid = self.model.data(current, Qt.ItemDataRole.UserRole) if current.isValid() else None
        if aid and aid != self._current:
            self._current = aid
            self.article_selected.emit(aid)

    def _restore_selection(self) -> None:
        if self._current is not None:
            keep = self._current
            row = self.model.row_of(keep)
            if row is not None:
                self.view.selectionModel().blockSignals(True)
                self.view.selectRow(row)
                self.view.selectionModel().blockSignals(False)
