"""PySide6 6.12 on Python 3.11 drops a reference to None on every void Qt call; the guard tops it up."""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtGui import QTextCursor, QTextDocument

from desktop_app.ui.editor import none_guard


def test_many_void_qt_calls_do_not_exhaust_none(qapp: Any) -> None:
    cur = QTextCursor(QTextDocument("abc"))
    none_guard.top_up()
    start = sys.getrefcount(None)
    for _ in range(50_000):  # more than None's natural reference count: aborts the process without the guard
        cur.setPosition(1)
    lost = start - sys.getrefcount(None)
    none_guard.top_up()
    if none_guard.affected():
        assert lost >= 49_000  # the bug is real here ...
        assert sys.getrefcount(None) >= none_guard.LOW_WATER  # ... and the reserve is back
    else:  # a fixed PySide6 or Python >= 3.12: nothing leaks, nothing to do
        assert lost < 100
