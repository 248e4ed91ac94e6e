"""The article text: plain text only, selectable by mouse, annotations painted on top.

The view knows nothing about the database: it reports clicks and selections in
document positions and asks callbacks for tooltips, for the edges of the current
item (``handles_for``) and for token snapping (``snap_doc``).  The editor converts
positions to code points (``offsets.py``) before anything is stored.

A drag shows the snapped span live (the span a key will use, not the raw range),
and dragging an edge of the current item moves that boundary (one resize on release).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, QRect, Qt, QTimerEvent, Signal
from PySide6.QtGui import QContextMenuEvent, QHelpEvent, QMouseEvent, QTextCursor, QTextOption
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip, QWidget


class ArticleTextView(QPlainTextEdit):
    clicked = Signal(int, object)  # document position of the character clicked, Qt.KeyboardModifier
    selection_made = Signal(int, int)  # document positions of a mouse selection
    context_requested = Signal(int, QPoint)  # document position, global position
    edge_dragged = Signal(str, int, int)  # part of the current item, its new (snapped) document span
    edge_moving = Signal(str, int, int)  # the same while the button is still down (a preview)

    #: how far (px) either side of an edge the pointer grabs it
    GRAB = 4

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        # keyboard keys belong to the annotation shortcuts, not to caret movement
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setCenterOnScroll(False)
        self.document().setDocumentMargin(14)
        self.setUndoRedoEnabled(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.DefaultContextMenu)
        self.tooltip_for: Callable[[int], str | None] = lambda pos: None
        self._press_pos: QPoint | None = None
        #: (part, document start, document end) of each resizable span of the current item
        self.handles_for: Callable[[], list[tuple[str, int, int]]] = lambda: []
        #: a document range grown to whole tokens (None: only whitespace)
        self.snap_doc: Callable[[int, int], tuple[int, int] | None] = lambda a, b: (a, b)
        self._anchor: int | None = None  # where a selecting drag started (raw document position)
        self._edge: tuple[str, str, int, int] | None = None  # (part, "start"/"end", start, end) being dragged
        self._on_edge = False
        self.viewport().setMouseTracking(True)

    # -- text -------------------------------------------------------------------
    def set_article_text(self, text: str) -> None:
        """Always plain text: markup in an article is shown literally, never interpreted."""
        self.setPlainText(text)

    def position_at(self, point: QPoint) -> int:
        """The caret position nearest to a point (a boundary between characters)."""
        return self.cursorForPosition(point).position()

    def char_at(self, point: QPoint) -> int:
        """The character under a point: of the two characters beside the nearest caret
        position, the one whose box holds the point (works for right-to-left lines too)."""
        p = self.position_at(point)
        last = self.document().characterCount() - 1
        x = point.x()
        for c in (p, p - 1):
            if not 0 <= c < last:
                continue
            a, b = self._caret_x(c), self._caret_x(c + 1)
            if a is not None and b is not None and min(a, b) <= x <= max(a, b) and a != b:
                return c
        return max(0, min(p, last - 1))

    def _caret_x(self, pos: int) -> int | None:
        cur = QTextCursor(self.document())
        cur.setPosition(pos)
        return self.cursorRect(cur).x()

    def select_range(self, start: int, end: int) -> None:
        cur = QTextCursor(self.document())
        cur.setPosition(start)
        cur.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cur)

    def selected_range(self) -> tuple[int, int] | None:
        cur = self.textCursor()
        if not cur.hasSelection():
            return None
        return cur.selectionStart(), cur.selectionEnd()

    def clear_selection(self) -> None:
        cur = self.textCursor()
        if cur.hasSelection():
            cur.clearSelection()
            self.setTextCursor(cur)

    def caret(self) -> int:
        return self.textCursor().position()

    def scroll_to(self, start: int, end: int) -> None:
        """Bring a range into view; a mouse selection the user made stays selected."""
        saved = self.textCursor()
        cur = QTextCursor(self.document())
        cur.setPosition(end)
        self.setTextCursor(cur)
        self.ensureCursorVisible()
        cur.setPosition(start)
        self.setTextCursor(cur)
        self.ensureCursorVisible()
        if saved.hasSelection():
            bar = self.verticalScrollBar()
            value = bar.value()
            self.setTextCursor(saved)  # scrolls back to the selection...
            bar.setValue(value)  # ...so keep the item's scroll position

    def set_focus_marks(self, selections: list[QTextEdit.ExtraSelection]) -> None:
        self.setExtraSelections(selections)

    # -- edges of the current item -----------------------------------------------------
    def edge_at(self, point: QPoint) -> tuple[str, str, int, int] | None:
        """The edge of a current-item span under the pointer: (part, "start"/"end", start, end)."""
        for part, start, end in self.handles_for():
            for which, pos in (("start", start), ("end", end)):
                r = self._edge_rect(pos, end=which == "end")
                if abs(point.x() - r.x()) <= self.GRAB and r.top() <= point.y() <= r.bottom():
                    return part, which, start, end
        return None

    def _edge_rect(self, pos: int, *, end: bool) -> QRect:
        """The caret line at a boundary; an end that wraps is drawn after the last character, not on the next line."""
        cur = QTextCursor(self.document())
        cur.setPosition(pos)
        r = self.cursorRect(cur)
        if end and pos > 0:
            cur.setPosition(pos - 1)
            before = self.cursorRect(cur)
            if before.top() != r.top():
                ch = self.document().characterAt(pos - 1)
                return QRect(before.x() + self.fontMetrics().horizontalAdvance(ch), before.y(), 1, before.height())
        return r

    def _edge_span(self, point: QPoint) -> tuple[int, int] | None:
        """The dragged span if the grabbed edge were dropped at ``point``, snapped to tokens."""
        assert self._edge is not None
        _part, which, start, end = self._edge
        pos = self.position_at(point)
        if which == "start":
            return self.snap_doc(min(pos, end - 1), end)
        return self.snap_doc(start, max(pos, start + 1))

    def _set_edge_cursor(self, on: bool) -> None:
        if on != self._on_edge:
            self._on_edge = on
            self.viewport().setCursor(Qt.CursorShape.SizeHorCursor if on else Qt.CursorShape.IBeamCursor)

    # -- the live, snapped selection ----------------------------------------------------
    def _snap_live(self) -> None:
        """Show the snapped span while dragging: what a key will act on, not the raw range."""
        if self._anchor is None:
            return
        pos = self.textCursor().position()
        a, b = min(self._anchor, pos), max(self._anchor, pos)
        span = self.snap_doc(a, b) if b > a else None
        cur = QTextCursor(self.document())
        if span is None:
            cur.setPosition(pos)
        elif pos >= self._anchor:
            cur.setPosition(span[0])
            cur.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
        else:
            cur.setPosition(span[1])
            cur.setPosition(span[0], QTextCursor.MoveMode.KeepAnchor)
        if cur != self.textCursor():
            self.setTextCursor(cur)

    def timerEvent(self, e: QTimerEvent) -> None:  # auto-scroll while dragging past the edge of the view
        super().timerEvent(e)
        self._snap_live()

    # -- mouse ------------------------------------------------------------------------
    def mousePressEvent(self, e: QMouseEvent) -> None:
        if e.button() == Qt.MouseButton.LeftButton:
            self._press_pos = e.position().toPoint()
            if e.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                return  # Shift+click is a gesture of its own (event recipient), not "extend the selection"
            if not e.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self._edge = self.edge_at(self._press_pos)
                if self._edge is not None:
                    self._press_pos = None
                    self.clear_selection()
                    return
        super().mousePressEvent(e)
        if e.button() == Qt.MouseButton.LeftButton:
            self._anchor = self.textCursor().position()

    def mouseMoveEvent(self, e: QMouseEvent) -> None:
        point = e.position().toPoint()
        if self._edge is not None:
            span = self._edge_span(point)
            if span is not None:
                self.select_range(*span)
                self.edge_moving.emit(self._edge[0], *span)
            return
        super().mouseMoveEvent(e)
        if e.buttons() & Qt.MouseButton.LeftButton:
            self._snap_live()
        else:
            self._set_edge_cursor(self.edge_at(point) is not None)

    def mouseReleaseEvent(self, e: QMouseEvent) -> None:
        self._anchor = None
        if self._edge is not None and e.button() == Qt.MouseButton.LeftButton:
            part, _which, start, end = self._edge
            span = self._edge_span(e.position().toPoint())
            self._edge = None
            self.clear_selection()
            if span is not None and span != (start, end):
                self.edge_dragged.emit(part, *span)
            return
        if e.button() == Qt.MouseButton.LeftButton and e.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self._press_pos = None
            self.clicked.emit(self.char_at(e.position().toPoint()), e.modifiers())
            return
        super().mouseReleaseEvent(e)
        if e.button() != Qt.MouseButton.LeftButton:
            return
        press, self._press_pos = self._press_pos, None
        sel = self.selected_range()
        if sel is not None:
            self.selection_made.emit(*sel)
            return
        if press is not None and (press - e.position().toPoint()).manhattanLength() > 6:
            return
        self.clicked.emit(self.char_at(e.position().toPoint()), e.modifiers())

    def contextMenuEvent(self, e: QContextMenuEvent) -> None:
        self.context_requested.emit(self.char_at(e.pos()), e.globalPos())

    def viewportEvent(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ToolTip and isinstance(e, QHelpEvent):
            tip = self.tooltip_for(self.char_at(e.pos()))
            if tip:
                QToolTip.showText(e.globalPos(), tip, self.viewport())
            else:
                QToolTip.hideText()
                e.ignore()
            return True
        return super().viewportEvent(e)
