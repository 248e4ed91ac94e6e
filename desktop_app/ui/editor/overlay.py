"""The `?` overlay: every key and mouse gesture, drawn over the window until a key or click.

It covers the whole window (not just the editor) and lays the groups out in as many
columns as fit; each key column is as wide as its widest key and the descriptions wrap.
When even that is taller than the window (a small screen, large text) the font steps
down until it fits, so no line is ever cut.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFont, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QLayout, QVBoxLayout, QWidget

from desktop_app.ui.editor.shortcuts import MOUSE_ACTIONS, shortcut_rows

MARGIN = 16  # around the overlay, inside the window
MIN_COLUMN = 300  # narrower than this a description wraps into too many lines
SMALLEST_POINT = 7


def sections() -> list[tuple[str, list[tuple[str, str]]]]:
    """(heading, [(keys, text)]) in the order the groups first appear; the mouse last (keys "")."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for group, keys, text in shortcut_rows():
        groups.setdefault(group, []).append((keys, text))
    out = list(groups.items())
    out.append(("Mouse", [("", f"<b>{html.escape(g)}</b> — {html.escape(t)}") for g, t in MOUSE_ACTIONS]))
    return out


def _balance(weights: list[int], n: int) -> list[list[int]]:
    """Split sections (in order) into ``n`` runs of about equal weight."""
    total = sum(weights)
    runs: list[list[int]] = [[]]
    acc = 0
    for i, w in enumerate(weights):
        if runs[-1] and acc + w / 2 > total * len(runs) / n and len(runs) < n:
            runs.append([])
        runs[-1].append(i)
        acc += w
    return runs


class ShortcutOverlay(QFrame):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.editor = parent
        self.host: QWidget = parent
        self.setObjectName("shortcutOverlay")
        self.setAutoFillBackground(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.columns = 0
        self.point_size = 0.0
        self._body: QWidget | None = None
        self._watched: QWidget | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(20, 14, 20, 14)
        self.title = QLabel("<b>Keyboard and mouse</b> — press any key or click to close")
        outer.addWidget(self.title)
        self.hide()

    # -- layout -----------------------------------------------------------------------------
    def _build(self, ncols: int, point: float) -> QWidget:
        body = QWidget(self)
        row = QHBoxLayout(body)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(24)
        base = QFont(self.font())
        base.setPointSizeF(point)
        key_font = QFont(base)
        key_font.setFamily("monospace")
        key_font.setStyleHint(QFont.StyleHint.Monospace)
        key_font.setBold(True)
        head_font = QFont(base)
        head_font.setBold(True)
        secs = sections()
        for run in _balance([len(rows) + 1 for _h, rows in secs], ncols):
            col = QWidget(body)
            grid = QGridLayout(col)
            grid.setContentsMargins(0, 0, 0, 0)
            grid.setHorizontalSpacing(12)
            grid.setVerticalSpacing(2)
            grid.setColumnStretch(1, 1)  # descriptions take the room, keys only what they need
            r = 0
            for i in run:
                heading, rows = secs[i]
                h = QLabel(heading)
                h.setFont(head_font)
                h.setProperty("overlayRole", "heading")
                if r:
                    h.setContentsMargins(0, 6, 0, 0)
                grid.addWidget(h, r, 0, 1, 2)
                r += 1
                for keys, text in rows:
                    t = QLabel(text)
                    t.setFont(base)
                    t.setWordWrap(True)
                    t.setProperty("overlayRole", "text")
                    if keys:
                        t.setTextFormat(Qt.TextFormat.PlainText)
                        k = QLabel(keys)
                        k.setFont(key_font)
                        k.setTextFormat(Qt.TextFormat.PlainText)
                        k.setProperty("overlayRole", "key")
                        grid.addWidget(k, r, 0, Qt.AlignmentFlag.AlignTop)
                        grid.addWidget(t, r, 1)
                    else:  # a mouse gesture: one wrapped line, gesture in bold
                        t.setTextFormat(Qt.TextFormat.RichText)
                        grid.addWidget(t, r, 0, 1, 2)
                    r += 1
            grid.setRowStretch(r, 1)
            row.addWidget(col, 1)
        return body

    def _place(self) -> None:
        """Cover the host; choose columns and font size so that everything fits."""
        area = self.host.rect().adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        self.setGeometry(area)
        outer = self.layout()
        assert outer is not None
        m = outer.contentsMargins()
        width = area.width() - m.left() - m.right()
        height = area.height() - m.top() - m.bottom() - self.title.sizeHint().height() - outer.spacing()
        most = max(1, min(4, width // MIN_COLUMN))
        point = QFont(self.host.font()).pointSizeF()
        tried: QWidget | None = None
        while True:
            for n in range(min(2, most), most + 1):
                tried = self._build(n, point)
                lay = tried.layout()
                assert lay is not None
                lay.activate()
                if self._height_for(lay, width) <= height:
                    self._show_body(tried, n, point)
                    return
                tried.deleteLater()
            if point <= SMALLEST_POINT:
                break
            point -= 0.5
        self._show_body(self._build(most, SMALLEST_POINT), most, SMALLEST_POINT)  # a tiny window: best effort

    @staticmethod
    def _height_for(lay: QLayout, width: int) -> int:
        return lay.totalHeightForWidth(width) if lay.hasHeightForWidth() else lay.totalSizeHint().height()

    def _show_body(self, body: QWidget, ncols: int, point: float) -> None:
        outer = self.layout()
        assert isinstance(outer, QVBoxLayout)
        if self._body is not None:
            outer.removeWidget(self._body)
            self._body.deleteLater()
        self._body = body
        outer.addWidget(body, 1)
        self.columns, self.point_size = ncols, point
        outer.activate()

    def labels(self) -> list[QLabel]:
        """Every label on the overlay (for tests: none may be cut)."""
        return [self.title, *(self._body.findChildren(QLabel) if self._body is not None else [])]

    # -- showing --------------------------------------------------------------------------
    def toggle(self) -> None:
        if self.isVisible():
            self.close_overlay()
            return
        host = self.editor.window()  # the whole window: the editor alone is too small at 1280x720
        if self.parentWidget() is not host:
            self.setParent(host)
        if self._watched is not host:
            if self._watched is not None:
                self._watched.removeEventFilter(self)
            host.installEventFilter(self)
            self._watched = host
        self.host = host
        self._place()
        self.show()
        self.raise_()
        self.setFocus()

    def close_overlay(self) -> None:
        self.hide()
        self.editor.setFocus()

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ShortcutOverride:  # every key closes the overlay, none edits
            e.accept()
            return True
        return super().event(e)

    def keyPressEvent(self, e: QKeyEvent) -> None:
        self.close_overlay()

    def mousePressEvent(self, e: QMouseEvent) -> None:
        self.close_overlay()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.host and event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return False
