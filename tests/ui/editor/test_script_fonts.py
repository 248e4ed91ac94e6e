"""Suggested rows are italic, but never at the cost of a script the italic face cannot draw.

DejaVu Sans Oblique (the only italic face on a bare Debian, and so in CI) has no Arabic glyphs: an
Urdu quote in italics showed as empty boxes in the Quotes panel.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics

from desktop_app.core.model import Quote
from desktop_app.ui.editor.models import QuoteModel

TEXT = "The minister said: \u201c\u0633\u0644\u0627\u0645 \u0639\u0644\u06cc\u06a9\u0645, we will talk.\u201d Then: \u201cWe will talk.\u201d"


def _drawable(font: QFont, text: str) -> bool:
    fm = QFontMetrics(font)
    return all(fm.inFontUcs4(ord(ch)) for ch in text if not ch.isspace())


@pytest.mark.gui
def test_a_suggested_urdu_quote_is_drawn_upright_when_the_italic_face_lacks_arabic(qtbot: Any) -> None:
    urdu_start = TEXT.index("\u201c") + 1
    latin_start = TEXT.index("\u201cWe") + 1
    quotes = [Quote(urdu_start, TEXT.index("\u201d"), speaker="minister", id=1),
              Quote(latin_start, len(TEXT) - 1, speaker="minister", id=2)]
    model = QuoteModel()
    model.set_items(TEXT, quotes)
    role = Qt.ItemDataRole.FontRole
    urdu_font, latin_font = model.data(model.index(0, 0), role), model.data(model.index(1, 0), role)
    urdu_text = model.data(model.index(0, 0))
    assert "\u0633\u0644\u0627\u0645" in urdu_text
    assert latin_font is not None and latin_font.italic()  # a suggestion still looks like one
    italic = QFont()
    italic.setItalic(True)
    if _drawable(italic, urdu_text):
        assert urdu_font is not None and urdu_font.italic()  # this machine's italic face has Arabic
    else:
        assert urdu_font is not None and not urdu_font.italic()
        assert _drawable(urdu_font, urdu_text) == _drawable(QFont(), urdu_text)
    # accepting the quote drops the suggested look altogether
    model.replace_items([dataclasses.replace(quotes[0], state="accepted"), quotes[1]], [0])
    assert model.data(model.index(0, 0), role) is None
