"""Work-around for a reference-count bug in PySide6 6.12 on Python < 3.12.

Every call of a Qt method that returns ``void`` (``setFormat``, ``setPosition``,
``setText`` …) hands back ``None`` without taking a reference.  From Python 3.12
``None`` is immortal and this is harmless; on 3.11 each call lowers ``None``'s
reference count by one, and after some ten thousand calls the interpreter aborts
with "Fatal Python error: none_dealloc".  Highlighting one long article makes
thousands of such calls.

:func:`top_up` gives ``None`` a large permanent reserve of references whenever
the count runs low.  It is a no-op where the bug cannot happen (Python 3.12+) or
was not observed.  The real fix is a PySide6 without the bug or Python 3.12+.
"""

from __future__ import annotations

import ctypes
import sys

LOW_WATER = 1 << 20
RESERVE = 1 << 24
_affected: bool | None = None


def affected() -> bool:
    """Probe once: do void Qt calls drop references to None here?"""
    global _affected
    if _affected is None:
        if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
            _affected = False
        else:
            from PySide6.QtGui import QTextCursor, QTextDocument

            cur = QTextCursor(QTextDocument("probe"))
            before = sys.getrefcount(None)
            for _ in range(64):
                cur.setPosition(1)
            _affected = sys.getrefcount(None) < before - 32
    return _affected


def top_up() -> None:
    """Keep None's reference count far from zero (cheap when nothing is needed)."""
    if sys.getrefcount(None) < LOW_WATER and affected():
        # ob_refcnt is the first field of every CPython object; these references are never released
        ctypes.c_ssize_t.from_address(id(None)).value += RESERVE
