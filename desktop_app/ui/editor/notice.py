"""A refused edit said where the annotator is looking: a line under the text, not only in the status bar.

The writer hands the editor a refusal as its message (``NewsGoldError.message``, without the code);
:func:`is_refusal` recognises one by the catalogue's templates, so a plain "Accepted 3 entities"
never turns into a warning.
"""

from __future__ import annotations

import re
import string
from functools import cache

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QWidget

from desktop_app.errors import KINDS, E
from desktop_app.ui.theme import WARNING_COLOR

#: how long the line stays (it also goes at the next edit or article)
SHOW_MS = 9000


@cache
def _refusal_patterns() -> tuple[re.Pattern[str], ...]:
    out = []
    for code in E:
        if KINDS.get(code) != "refusal":
            continue
        parts = []
        for literal, field, _spec, _conv in string.Formatter().parse(code.value):
            parts.append(re.escape(literal))
            if field is not None:
                parts.append(".*?")
        out.append(re.compile("".join(parts), re.DOTALL))
    return tuple(out)


def is_refusal(message: str) -> bool:
    """Whether ``message`` is the text of a refusal from the error catalogue (E111 "Nothing to undo", E108 …)."""
    first = message.split(" · ", 1)[0].strip()
    return any(p.fullmatch(first) for p in _refusal_patterns())


class InlineNotice(QLabel):
    """One wrapped warning line; hides itself after :data:`SHOW_MS` or on :meth:`dismiss`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inlineNotice")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet(f"QLabel#inlineNotice {{ border-left: 4px solid {WARNING_COLOR}; padding: 3px 8px;"
                           f" background: rgba(217,130,43,40); }}")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.dismiss)
        self.hide()

    def say(self, message: str) -> None:
        self.setText(f"⚠ {message}")
        self.setToolTip("Not saved: " + message)
        self.show()
        self._timer.start(SHOW_MS)

    def dismiss(self) -> None:
        self._timer.stop()
        self.hide()
