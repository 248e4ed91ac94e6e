"""The installed PySide6 must not lose references to None on void Qt calls.

PySide6 6.12.0 hands back ``None`` from every ``void`` Qt method without taking a
reference.  On Python < 3.12 (None not yet immortal) each call lowers its count
by one, and after a few thousand calls (one long article's highlighting) the
interpreter aborts with "Fatal Python error: none_dealloc".  pyproject excludes
that release on Python < 3.12; this test catches a venv or build that has it anyway
(or a later release with the same bug).
"""

from __future__ import annotations

import sys
from typing import Any

import PySide6
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QWidget


def _lost(call: Any, n: int) -> int:
    before = sys.getrefcount(None)
    for _ in range(n):
        call()
    return before - sys.getrefcount(None)


def test_void_qt_calls_keep_none_alive(qapp: Any) -> None:
    widget = QWidget()
    cursor = QTextCursor(QTextDocument("a few words of text"))
    calls = [lambda: widget.setToolTip("tip"),
             lambda: cursor.movePosition(QTextCursor.MoveOperation.End),
             lambda: cursor.setPosition(1)]
    # a short probe first: an affected build aborts the whole process long before 10,000 calls
    for call in calls:
        assert _lost(call, 200) < 50, (
            f"PySide6 {PySide6.__version__} drops a reference to None on every void call "
            f"(Python {sys.version.split()[0]}); 10,000 calls would abort the interpreter. "
            "Install a PySide6-Essentials other than 6.12.0 (see pyproject.toml).")
    for call in calls:
        assert _lost(call, 10_000) < 100
