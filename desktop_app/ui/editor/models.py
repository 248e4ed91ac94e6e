"""Table models for the side panels: thin adapters over the article's domain objects.

A model never writes: ``setData`` emits :attr:`edit_requested` and the editor
turns it into a store operation; the model changes when the article reloads.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import QApplication

from desktop_app.core.model import Arg, Entity, Event, Quote, Span

T = TypeVar("T", Entity, Quote, Event)
Index = QModelIndex | QPersistentModelIndex


def excerpt(text: str, span: Span | None, width: int = 80) -> str:
    if span is None:
        return ""
    s = " ".join(text[span.start : span.end].split())
    return s if len(s) <= width else s[: width - 1] + "…"


def arg_name(text: str, arg: Arg | None) -> str:
    if arg is None:
        return ""
    if arg.name:
        return arg.name
    return excerpt(text, arg.entity, 40)


def sentence_of(sentences: Sequence[Span], span: Span, starts: Sequence[int] | None = None) -> Span | None:
    """The sentence holding ``span``'s start (``sentences`` sorted by start, ``starts`` their starts), or None."""
    i = bisect_right(starts if starts is not None else [s.start for s in sentences], span.start) - 1
    if 0 <= i < len(sentences) and sentences[i].start <= span.start < sentences[i].end:
        return sentences[i]
    return None


def context(text: str, span: Span, sentences: Sequence[Span], left: int = 16, right: int = 70,
            starts: Sequence[int] | None = None) -> str:
    """The words around ``span`` in its sentence, the span itself in brackets: ``…General of [Pakistan]’s media…``.

    Twelve "Pakistan" rows are told apart by this; it starts close to the mention so a
    narrow column still shows it.
    """
    sent = sentence_of(sentences, span, starts)
    lo, hi = (sent.start, sent.end) if sent is not None else (max(0, span.start - 200), span.end + 200)
    before = " ".join(text[lo : span.start].split())
    after = " ".join(text[span.end : hi].split())
    if text[lo : span.start][-1:].isspace():
        before += " "
    if text[span.end : hi][:1].isspace():
        after = " " + after
    if len(before) > left:
        cut = before.find(" ", len(before) - left)
        before = "…" + before[cut + 1 if 0 <= cut < len(before) - 1 else len(before) - left :]
    if len(after) > right:
        after = after[: right - 1].rstrip() + "…"
    return f"{before}[{' '.join(text[span.start : span.end].split())}]{after}"


_DISPLAY, _EDIT, _TOOLTIP, _FOREGROUND, _FONT, _DECORATION, _USER = (
    Qt.ItemDataRole.DisplayRole.value, Qt.ItemDataRole.EditRole.value, Qt.ItemDataRole.ToolTipRole.value,
    Qt.ItemDataRole.ForegroundRole.value, Qt.ItemDataRole.FontRole.value, Qt.ItemDataRole.DecorationRole.value,
    Qt.ItemDataRole.UserRole.value)
#: the roles data() answers (a set of ints: the other ~6 roles a repaint asks per cell cost one lookup)
_ROLES = frozenset({_DISPLAY, _EDIT, _TOOLTIP, _FOREGROUND, _FONT, _DECORATION, _USER})
_NO_FLAGS = Qt.ItemFlag.NoItemFlags
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
_EDITABLE = _FLAGS | Qt.ItemFlag.ItemIsEditable

_FONTS: dict[str, QFont] = {}


def _state_font(state: str) -> QFont:
    """One shared font per state (suggested italic, rejected struck out)."""
    font = _FONTS.get(state)
    if font is None:
        font = _FONTS[state] = QFont()
        font.setItalic(state == "suggested")
        font.setStrikeOut(state == "rejected")
    return font


_UPRIGHT: dict[str, bool] = {}


def needs_upright(text: str) -> bool:
    """The suggested (italic) face lacks a glyph of ``text`` that the upright face has.

    Not every italic face covers every script (DejaVu Sans Oblique has no Arabic, and fontconfig's
    fallback keeps to oblique faces), so an Urdu quote would show as empty boxes; such a cell
    stays upright (its State column still says "suggested").
    """
    if text.isascii():
        return False
    found = _UPRIGHT.get(text)
    if found is None:
        if len(_UPRIGHT) > 20_000:
            _UPRIGHT.clear()
        italic, upright = QFontMetrics(_state_font("suggested")), QFontMetrics(_state_font("accepted"))
        found = _UPRIGHT[text] = any(not italic.inFontUcs4(ord(ch)) and upright.inFontUcs4(ord(ch))
                                     for ch in set(text) if ord(ch) > 127)
    return found


@dataclass(frozen=True)
class Column(Generic[T]):
    header: str
    value: Callable[[str, T], str]
    field: str | None = None  # editable: the name passed to edit_requested


class AnnotationModel(QAbstractTableModel, Generic[T]):
    edit_requested = Signal(int, str, object)  # row, field, new value
    table = ""
    columns: Sequence[Column[Any]] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.text = ""
        self.items: list[T] = []
        self.colors: dict[str, str] = {}
        #: display strings by row, each built on first use (a repaint asks for them again and again,
        #: and the panel table measures up to 300 rows of a column to fit it)
        self._cells: dict[int, list[str | None]] = {}

    def set_items(self, text: str, items: list[T]) -> None:
        self.beginResetModel()
        self.text = text
        self.items = list(items)
        self._cells = {}
        self.endResetModel()

    def replace_items(self, items: list[T], changed: Sequence[int]) -> None:
        """The same rows with new values; ``changed`` rows are signalled (no reset)."""
        self.items = list(items)
        for row in changed:
            self._cells.pop(row, None)
        if changed:
            self.dataChanged.emit(self.index(changed[0], 0), self.index(changed[-1], len(self.columns) - 1))

    def cell_text(self, row: int, column: int) -> str:
        """The display string of a cell (cached until its row changes)."""
        got = self._cells.get(row)
        if got is None:
            got = self._cells[row] = [None] * len(self.columns)
        text = got[column]
        if text is None:
            text = got[column] = self.cell(self.columns[column], self.items[row])
        return text

    def item(self, row: int) -> T | None:
        return self.items[row] if 0 <= row < len(self.items) else None

    def row_of(self, row_id: int | None) -> int:
        for i, x in enumerate(self.items):
            if x.id == row_id:
                return i
        return -1

    # -- Qt model API --------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            return self.columns[section].header
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self.items):
            return str(section + 1)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return _NO_FLAGS
        return _EDITABLE if self.columns[index.column()].field else _FLAGS

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # a repaint asks ~8 roles of every visible cell: the ones never answered return first
        if role not in _ROLES or not index.isValid():
            return None
        row = index.row()
        if not 0 <= row < len(self.items):
            return None
        if role in (_DISPLAY, _EDIT):
            return self.cell_text(row, index.column())
        x = self.items[row]
        if role == _TOOLTIP:
            return self.tooltip(self.columns[index.column()], x)
        if role == _FOREGROUND:
            return QBrush(QApplication.palette().color(QPalette.ColorRole.PlaceholderText)) if x.state == "rejected" else None
        if role == _FONT:
            if x.state == "suggested" and needs_upright(self.cell_text(row, index.column())):
                return _state_font("accepted")
            return _state_font(x.state) if x.state != "accepted" else None
        if role == _DECORATION:
            return self.decoration(x) if index.column() == 0 else None
        return x.id  # UserRole

    def decoration(self, x: T) -> Any:
        return None

    def cell(self, col: Column[Any], x: T) -> str:
        return col.value(self.text, x)

    def tooltip(self, col: Column[Any], x: T) -> str:
        """The whole value (a cell may be elided), then where the item came from and its state."""
        return f"{col.header}: {self.cell(col, x)}\norigin: {x.origin} · state: {x.state}"

    def reviewed(self) -> int:
        """Items decided (accepted or rejected), for the panel's "12/20 reviewed"."""
        return sum(x.state != "suggested" for x in self.items)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        field = self.columns[index.column()].field
        if not field or value == self.data(index, Qt.ItemDataRole.EditRole):
            return False
        self.edit_requested.emit(index.row(), field, value)
        return True


class EntityModel(AnnotationModel[Entity]):
    table = "entities"
    columns = (
        Column[Entity]("Entity", lambda t, e: excerpt(t, e.span, 50)),
        Column[Entity]("Label", lambda t, e: e.label, "label"),
        Column[Entity]("Context", lambda t, e: ""),  # filled by cell(): needs the sentences
        Column[Entity]("State", lambda t, e: e.state),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._sentences: list[Span] = []
        self._starts: list[int] = []

    @property
    def sentences(self) -> list[Span]:
        """The article's sentences (sorted), for the Context column."""
        return self._sentences

    @sentences.setter
    def sentences(self, value: list[Span]) -> None:
        if value != self._sentences:
            self._cells = {}  # the Context cells depend on them
            self._sentences = value
            self._starts = [s.start for s in value]

    def decoration(self, x: Entity) -> Any:
        return QColor(self.colors.get(x.label, "#b0b0b0"))

    def cell(self, col: Column[Any], x: Entity) -> str:
        if col.header == "Context":
            return context(self.text, x.span, self._sentences, starts=self._starts)
        return col.value(self.text, x)

    def tooltip(self, col: Column[Any], x: Entity) -> str:
        where = context(self.text, x.span, self._sentences, left=240, right=240, starts=self._starts)
        return f"{excerpt(self.text, x.span, 80)} — {x.label} · {x.origin} · {x.state}\nin: {where}"


class QuoteModel(AnnotationModel[Quote]):
    table = "quotes"
    columns = (
        Column[Quote]("Quote", lambda t, q: excerpt(t, q.span, 70)),
        Column[Quote]("Kind", lambda t, q: q.kind, "kind"),
        Column[Quote]("Speaker", lambda t, q: q.speaker or excerpt(t, q.speaker_entity or q.mention, 40), "speaker"),
        Column[Quote]("Cue", lambda t, q: excerpt(t, q.cue, 30)),
        Column[Quote]("State", lambda t, q: q.state),
    )


class EventModel(AnnotationModel[Event]):
    table = "events"
    columns = (
        Column[Event]("Type", lambda t, v: v.type, "type"),
        Column[Event]("Trigger", lambda t, v: excerpt(t, v.trigger, 30)),
        Column[Event]("Actor", lambda t, v: arg_name(t, v.actor), "actor"),
        Column[Event]("Recipient", lambda t, v: arg_name(t, v.recipient), "recipient"),
        Column[Event]("State", lambda t, v: v.state),
    )
