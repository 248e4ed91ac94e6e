"""The `?` overlay: every key and mouse gesture, drawn over the editor until a key or click."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QWidget

from desktop_app.ui.editor.shortcuts import MOUSE_ACTIONS, shortcut_rows


class ShortcutOverlay(QFrame):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.host = parent
        self.setObjectName("shortcutOverlay")
        self.setAutoFillBackground(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        grid = QGridLayout(self)
        grid.setContentsMargins(24, 18, 24, 18)
        grid.setHorizontalSpacing(18)
        grid.setColumnStretch(1, 1)  # descriptions take the room, keys stay compact
        grid.setColumnStretch(3, 1)
        title = QLabel("<b>Keyboard and mouse</b> — press any key to close")
        grid.addWidget(title, 0, 0, 1, 4)
        rows = shortcut_rows()
        half = (len(rows) + 1) // 2
        for i, (_group, keys, text) in enumerate(rows):
            col = 0 if i < half else 2
            r = 1 + (i if i < half else i - half)
            k = QLabel(keys)
            k.setStyleSheet("font-family: monospace; font-weight: bold;")
            k.setTextFormat(Qt.TextFormat.PlainText)
            t = QLabel(text)
            t.setTextFormat(Qt.TextFormat.PlainText)
            t.setWordWrap(True)
            grid.addWidget(k, r, col)
            grid.addWidget(t, r, col + 1)
        mouse = QLabel("<b>Mouse</b>")
        grid.addWidget(mouse, 1 + half, 0, 1, 4)
        r = 2 + half
        for j, (gesture, text) in enumerate(MOUSE_ACTIONS):
            g = QLabel(gesture)
            g.setStyleSheet("font-weight: bold;")
            t = QLabel(text)
            t.setWordWrap(True)
            grid.addWidget(g, r + j // 2, 0 if j % 2 == 0 else 2)
            grid.addWidget(t, r + j // 2, 1 if j % 2 == 0 else 3)
        self.hide()
        parent.installEventFilter(self)

    def toggle(self) -> None:
        if self.isVisible():
            self.close_overlay()
        else:
            self.setGeometry(self.host.rect().adjusted(20, 20, -20, -20))
            self.show()
            self.raise_()
            self.setFocus()

    def close_overlay(self) -> None:
        self.hide()
        self.host.setFocus()

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
            self.setGeometry(self.host.rect().adjusted(20, 20, -20, -20))
        return False
