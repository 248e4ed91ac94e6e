"""What the text is painted with: overlapping marks merge per character in layer order, and the
tags' gap spaces keep out of entity names (checked against a character-by-character reading)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QTextCharFormat, QTextDocument

from desktop_app.core.model import Article, Entity, Quote, Span
from desktop_app.ui.editor.highlighter import AnnotationHighlighter
from desktop_app.ui.editor.look import LAYER_ORDER, Look
from desktop_app.ui.editor.marks import GAP_EVERY, build_marks
from desktop_app.ui.editor.offsets import OffsetMap

TEXT = ("Sara Malik said that the talks on border trade at the Torkham crossing would go on for another "
        "week, while officials in Islamabad \U0001F4F0 disagreed.\r\nSays United Nations spokesperson Bilal Ahmed.")


def _article() -> Article:
    art = Article.from_text(TEXT, title="Marks")
    at = TEXT.index

    def span(s: str) -> Span:
        return Span(at(s), at(s) + len(s))

    def ent(s: str, *rest: str) -> Entity:
        return Entity(at(s), at(s) + len(s), *rest)

    art.entities = [ent("Sara Malik", "PERSON", "model", "accepted"),
                    ent("Torkham crossing", "FAC", "model"),
                    ent("Torkham", "GPE", "model"),  # nested in the one above
                    ent("Islamabad", "GPE", "model", "rejected"),
                    ent("United Nations", "ORG", "model"),
                    ent("Bilal Ahmed", "PERSON", "model")]
    q = span("the talks on border trade at the Torkham crossing would go on for another week")
    art.quotes = [Quote(q.start, q.end, "indirect", cue=span("said"), speaker="Sara Malik",
                        mention=span("Sara Malik"))]
    return art


def _props(fmt: QTextCharFormat) -> dict[int, str]:
    return {k: repr(v.color().name() if hasattr(v, "color") else v) for k, v in fmt.properties().items()}


@pytest.mark.gui
@pytest.mark.parametrize("tags", [False, True])
@pytest.mark.parametrize("rejected", [False, True])
def test_each_character_has_the_merge_of_its_marks(qtbot: Any, tags: bool, rejected: bool) -> None:
    art = _article()
    omap = OffsetMap(art.text)
    marks = build_marks(art, omap, show_rejected=rejected, tag_room=tags)
    look = Look(None)
    doc = QTextDocument()
    doc.setPlainText(art.text)
    hl = AnnotationHighlighter(look)
    hl.attach(doc, marks)  # no view: every paragraph now
    block = doc.begin()
    while block.isValid():
        got: dict[int, dict[int, str]] = {}
        for r in block.layout().formats():
            for i in range(r.start, r.start + r.length):
                got[block.position() + i] = _props(r.format)
        for pos in range(block.position(), block.position() + block.length() - 1):
            on = sorted(((m.layer, m.detail if m.layer in ("entity", "rejected") else "", m.state)
                         for m in marks if m.start <= pos < m.end), key=lambda k: (LAYER_ORDER.get(k[0], 9), k))
            want = QTextCharFormat()
            for layer, detail, state in on:
                want.merge(look.format(layer, detail, state))
            assert got.get(pos, {}) == _props(want), (pos, doc.toPlainText()[pos], on)
        block = block.next()


@pytest.mark.gui
def test_gap_spaces_are_spaces_outside_short_names(qtbot: Any) -> None:
    art = _article()
    omap = OffsetMap(art.text)
    gaps = [m.start for m in build_marks(art, omap, tag_room=True) if m.layer == "gap"]
    doc = QTextDocument()
    doc.setPlainText(art.text)
    assert len(gaps) >= len(TEXT) // (2 * GAP_EVERY)
    assert all(doc.characterAt(d) == " " for d in gaps)
    for name in ("Sara Malik", "United Nations"):  # a space beside them is always at hand (not the last line)
        a, b = omap.span_to_doc(TEXT.index(name), TEXT.index(name) + len(name))
        assert not [d for d in gaps if a <= d < b], name
