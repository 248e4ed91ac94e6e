"""The article text: plain text only, selectable by mouse, annotations painted on top.

The view knows nothing about the database: it reports clicks and selections in
document positions and asks a callback for tooltips.  The editor converts
positions to code points (``offsets.py``) before anything is stored.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QHelpEvent, QMouseEvent, QTextCursor, QTextOption
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip, QWidget


class ArticleTextView(QPlainTextEdit):
    clicked = Signal(int, object)  # document position of the character clicked, Qt.KeyboardModifier
    selection_made = Signal(int, int)  # document positions of a mouse selection
    context_requested = Signal(int, QPoint)  # document position, global position

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

    # -- mouse ------------------------------------------------------------------------
    def mousePressEvent(self, e: QMouseEvent) -> None:
        if e.button() == Qt.MouseButton.LeftButton:
            self._press_pos = e.position().toPoint()
            if e.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                return  # Shift+click is a gesture of its own (event recipient), not "extend the selection"
        super().mousePressEvent(e)

    def mouseReleaseEvent(self, e: QMouseEvent) -> None:
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
