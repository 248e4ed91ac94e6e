"""Code points (DB) <-> QTextDocument positions (widget), checked against a real document."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QTextCursor, QTextDocument

from desktop_app.ui.editor.offsets import OffsetMap

PARAGRAPH = "\u2029"


def _doc_slice(doc: QTextDocument, a: int, b: int) -> str:
    cur = QTextCursor(doc)
    cur.setPosition(a)
    cur.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
    return cur.selectedText()


def _as_qt(text: str) -> str:
    """What Qt shows for a piece of text: any line break is one paragraph separator."""
    return text.replace("\r\n", PARAGRAPH).replace("\r", PARAGRAPH).replace("\n", PARAGRAPH)


@pytest.mark.parametrize(
    "text",
    ["plain ascii", "a\r\nb", "a\r\n\r\nb\r\n", "lone\rcr", "x\U0001F600y\U0001F389z", "\U0001F600\r\n\U0001F600",
     "قال المتحدث\r\nعمران خان", "", "\r\n"],
)
def test_every_position_maps_onto_the_same_character(qapp: Any, text: str) -> None:
    doc = QTextDocument()
    doc.setPlainText(text)
    m = OffsetMap(text)
    assert m.doc_length == doc.characterCount() - 1
    for start in range(len(text) + 1):
        assert m.to_cp(m.to_doc(start)) in (start, start + 1)  # only the "\n" of a CRLF moves
        for end in range(start, min(len(text), start + 4) + 1):
            piece = text[start:end]
            if piece.startswith("\n") and start > 0 and text[start - 1] == "\r":
                continue  # a span cannot start between "\r" and "\n"
            assert _doc_slice(doc, m.to_doc(start), m.to_doc(end)) == _as_qt(piece)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from([*"ab \r\n\u00e9\u0639\u2028", "\U0001F600", "\U00010348"]),
               max_size=40))
def test_random_texts_round_trip(qapp: Any, text: str) -> None:
    doc = QTextDocument()
    doc.setPlainText(text)
    m = OffsetMap(text)
    assert m.doc_length == doc.characterCount() - 1
    for cp in range(len(text) + 1):
        if cp > 0 and text[cp - 1] == "\r" and text[cp:cp + 1] == "\n":
            continue
        d = m.to_doc(cp)
        assert m.to_cp(d) == cp
        assert _doc_slice(doc, 0, d) == _as_qt(text[:cp]).replace("\u2028", "\u2028")


def test_trivial_map_is_identity() -> None:
    m = OffsetMap("no emoji, no CRLF\nhere")
    assert m.trivial
    assert [m.to_doc(i) for i in range(5)] == [0, 1, 2, 3, 4]


def test_positions_inside_a_surrogate_pair_round_up() -> None:
    m = OffsetMap("a\U0001F600b")
    assert [m.to_doc(i) for i in range(4)] == [0, 1, 3, 4]
    assert [m.to_cp(i) for i in range(5)] == [0, 1, 2, 2, 3]


def test_many_emoji_and_crlf_offsets_cancel_out() -> None:
    text = ("word \U0001F600 line\r\n" * 20000)
    m = OffsetMap(text)
    assert m.to_cp(m.to_doc(len(text) - 3)) == len(text) - 3
    assert m.doc_length == len(text) + 20000 - 20000
