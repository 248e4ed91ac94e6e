"""The side-panel table: every column always inside the viewport, State never squeezed.

A 420 px panel cannot show five columns at their natural width, and a horizontal scroll bar
hid exactly the State column the annotator needs.  So the columns are fitted to the viewport
on every resize, font change and model reset: each starts at its content width, the free
columns (text, names) give way first, then the short ones (type, label) down to their
header; State keeps its width.  Cut values elide (Qt's ElideRight) and the model's tooltip
holds the whole value.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableView

#: columns that only ever hold one short word: they shrink last
SHORT_COLUMNS = frozenset({"Type", "Label", "Kind", "Origin"})
#: long text that may elide first (the row's other cells and the detail pane say what it is)
TEXT_COLUMNS = frozenset({"Quote", "Context"})
#: a column that keeps its content width whatever happens
FIXED_COLUMNS = frozenset({"State"})
#: the widest any column wants to be (a long quote must not claim the whole panel)
MAX_WANT = 420
SAMPLE_ROWS = 300
#: the text column keeps this much before the names give way
TEXT_LEAST = 80


def fit_widths(want: Sequence[int], least: Sequence[int], kinds: Sequence[str], avail: int,
               grow: int) -> list[int]:
    """Column widths summing to at most ``avail``: ``want`` where it fits, else shrunk in order.

    ``kinds`` is "fixed", "short", "free" or "text" per column; ``grow`` is the column that
    takes any room left over.  The text column (a quote, an entity's context) gives way first,
    then the free ones (names: a speaker, an actor; in proportion to what they can give), then
    the short ones, then everything but the fixed columns in proportion.
    """
    widths = list(want)
    excess = sum(widths) - avail
    for kind in ("text", "free", "short"):
        if excess <= 0:
            break
        cols = [i for i, k in enumerate(kinds) if k == kind]
        room = sum(widths[i] - least[i] for i in cols)
        if room <= 0:
            continue
        take = min(excess, room)
        for i in cols:
            give = widths[i] - least[i]
            widths[i] -= min(give, -(-give * take // room))  # rounded up; any px over goes to ``grow``
        excess = sum(widths) - avail
    if excess > 0:  # narrower than every header: shrink all but the fixed columns
        cols = [i for i, k in enumerate(kinds) if k != "fixed"]
        total = sum(widths[i] for i in cols) or 1
        for i in cols:
            widths[i] = max(8, widths[i] - -(-widths[i] * excess // total))
    elif excess < 0 and 0 <= grow < len(widths):
        widths[grow] -= excess
    return widths


class PanelTable(QTableView):
    """A Quotes / Entities / Events table whose columns always fit its viewport."""

    text_column = 0

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setStretchLastSection(False)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self._fitting = False
        #: column_wants() until the rows or the fonts change (a resize only re-fits them)
        self._wants: tuple[list[int], list[int], list[str]] | None = None
        #: text → its width in the table's font (cleared with the font)
        self._advance: dict[str, int] = {}

    def setModel(self, model: Any) -> None:  # type: ignore[override]
        super().setModel(model)
        model.modelReset.connect(self._rows_changed)
        model.dataChanged.connect(lambda *_a: self._rows_changed())
        for sig in (model.rowsInserted, model.rowsRemoved, model.layoutChanged):
            sig.connect(lambda *_a: self._forget())
        self._rows_changed()

    def _forget(self) -> None:
        self._wants = None

    def _rows_changed(self) -> None:
        self._wants = None
        self.fit_columns()

    # -- when to fit ----------------------------------------------------------------------
    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:  # a vertical scroll bar came or went
            self.fit_columns()
        return super().viewportEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
            self._wants, self._advance = None, {}
            self.fit_columns()

    # -- fitting ------------------------------------------------------------------------------
    def _headers(self) -> list[str]:
        model = self.model()
        if model is None:
            return []
        return [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(model.columnCount())]

    def column_wants(self) -> tuple[list[int], list[int], list[str]]:
        """(content width, least width, kind) per column, in pixels of the current fonts."""
        model = self.model()
        headers = self._headers()
        fm = self.fontMetrics()
        hfm = self.horizontalHeader().fontMetrics()
        margin = self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self) * 2 + 12
        italic = self.font()
        italic.setItalic(True)  # suggested rows are italic: a little wider
        icon = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize, None, self) + 6
        want: list[int] = []
        least: list[int] = []
        kinds: list[str] = []
        if model is None:
            return want, least, kinds
        rows = min(model.rowCount(), SAMPLE_ROWS)
        cell_text = getattr(model, "cell_text", None)  # an AnnotationModel's cached display strings
        if cell_text is None:
            def cell_text(r: int, c: int) -> str:
                return str(model.data(model.index(r, c), Qt.ItemDataRole.DisplayRole) or "")
        if len(self._advance) > 20_000:  # contexts and quotes of many articles
            self._advance = {}
        advance = self._advance
        for c, head in enumerate(headers):
            head_w = hfm.horizontalAdvance(head) + margin + 8
            content = 0
            seen: set[str] = set()
            for r in range(rows):  # the widest of the first rows; each distinct value measured once
                text = cell_text(r, c) or ""
                if text in seen:
                    continue
                seen.add(text)
                w = advance.get(text)
                if w is None:
                    w = advance[text] = int(fm.horizontalAdvance(text) * 1.06)
                content = max(content, w)
                if content >= MAX_WANT:
                    break
            if c == 0 and rows and model.data(model.index(0, 0), Qt.ItemDataRole.DecorationRole) is not None:
                content += icon
            w = min(MAX_WANT, max(head_w, content + margin))
            kind = ("fixed" if head in FIXED_COLUMNS else "short" if head in SHORT_COLUMNS
                    else "text" if head in TEXT_COLUMNS else "free")
            want.append(w)
            least.append(w if kind == "fixed" else head_w if kind == "short"
                         else min(w, max(TEXT_LEAST, head_w)) if kind == "text" else max(48, min(head_w, w)))
            kinds.append(kind)
        return want, least, kinds

    def fit_columns(self) -> None:
        if self._fitting or self.model() is None:
            return
        self._fitting = True
        try:
            if self._wants is None:
                self._wants = self.column_wants()
            want, least, kinds = self._wants
            avail = self.viewport().width()
            for c, w in enumerate(fit_widths(want, least, kinds, avail, self.text_column)):
                if self.columnWidth(c) != w:
                    self.setColumnWidth(c, w)
        finally:
            self._fitting = False

    def fit_text_column(self) -> None:  # the old name, kept for callers
        self.fit_columns()
