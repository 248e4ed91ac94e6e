"""Driving the editor like a person: mouse on the text view's viewport, keys on the focused widget."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor

from desktop_app.core.model import Article
from desktop_app.storage import Store

WAIT = 5000


def _caret(view: Any, pos: int) -> QPoint:
    cur = QTextCursor(view.document())
    cur.setPosition(pos)
    r = view.cursorRect(cur)
    return QPoint(r.x(), r.center().y())


def char_point(editor: Any, cp: int) -> QPoint:
    """Pixel (viewport coordinates) in the middle of the character at code point ``cp``."""
    view = editor.view
    doc_pos = editor.omap.to_doc(cp)
    cur = QTextCursor(view.document())
    cur.setPosition(doc_pos)
    view.setTextCursor(cur)
    view.ensureCursorVisible()
    a, b = _caret(view, doc_pos), _caret(view, doc_pos + 1)
    if a.y() != b.y():  # character ends a line: its right edge is not on this line
        return QPoint(a.x() + 3, a.y())
    return QPoint((a.x() + b.x()) // 2, a.y())


def click_char(qtbot: Any, editor: Any, cp: int, modifiers: Any = Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.mouseClick(editor.view.viewport(), Qt.MouseButton.LeftButton, modifiers, char_point(editor, cp))


def click_text(qtbot: Any, editor: Any, needle: str, offset: int = 0, **kw: Any) -> int:
    """Click inside the first occurrence of ``needle``; returns the code point clicked."""
    cp = editor.article.text.index(needle) + offset
    click_char(qtbot, editor, cp, **kw)
    return cp


def drag_select(qtbot: Any, editor: Any, start: int, end: int) -> None:
    """Press on the first character, drag to the last one, release (the editor snaps to tokens)."""
    viewport = editor.view.viewport()
    p0 = char_point(editor, start)
    p1 = char_point(editor, end - 1)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, p0)
    qtbot.mouseMove(viewport, p1)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, p1)


def select_text(qtbot: Any, editor: Any, needle: str) -> tuple[int, int]:
    start = editor.article.text.index(needle)
    drag_select(qtbot, editor, start, start + len(needle))
    return start, start + len(needle)


def key(qtbot: Any, editor: Any, k: Any, modifiers: Any = Qt.KeyboardModifier.NoModifier) -> None:
    """A key press where the user's keyboard focus is (the text view unless a form took it)."""
    from PySide6.QtWidgets import QApplication

    target = QApplication.focusWidget() or editor.view
    qtbot.keyClick(target, k, modifiers)


def stored(db: Path, article_id: str) -> Article:
    with Store(db, readonly=True) as s:
        return s.get_article(article_id)


def export_jsonl(db: Path, out: Path, status: str = "done") -> list[dict[str, Any]]:
    from desktop_app.services.exporting import export

    with Store(db, readonly=True) as s:
        export(s, "jsonl", out, status=status)
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines() if line.strip()]
