"""Correctness traps: entities made with the mouse after an emoji, in CRLF text and in Arabic
script export with Python code-point offsets; markup in an article is shown literally."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QFont, QTextCursor

from .conftest import IDS, MARKUP_TEXT, TEXTS
from .helpers import WAIT, export_jsonl, key, select_text, stored


@pytest.mark.gui
@pytest.mark.parametrize(
    ("name", "needle", "label_key", "label"),
    [
        ("emoji", "Amina Qureshi", "1", "PERSON"),
        ("crlf", "Bilal Ahmed", "1", "PERSON"),
        ("crlf", "Quetta", "3", "GPE"),
        ("arabic", "عمران خان", "1", "PERSON"),
        ("arabic", "الدوحة", "3", "GPE"),
    ],
)
def test_mouse_entity_exports_python_offsets(qtbot: Any, make_editor: Any, runner: Any, corpus: Path,
                                             tmp_path: Path, name: str, needle: str, label_key: str,
                                             label: str) -> None:
    ed = make_editor(name)
    text = TEXTS[name]
    # clear whatever the model suggested on this name so the new span is not an overlap
    for e in ed.article.entities:
        if e.start < text.index(needle) + len(needle) and text.index(needle) < e.end:
            ed.select_item("entities", e.id)
            with qtbot.waitSignal(runner.saved, timeout=WAIT):
                key(qtbot, ed, "x")
    select_text(qtbot, ed, needle)
    with qtbot.waitSignal(runner.saved, timeout=WAIT):
        key(qtbot, ed, label_key)
    start = text.index(needle)
    made = [e for e in stored(corpus, IDS[name]).entities if e.origin == "human"]
    assert [(e.start, e.end, e.label) for e in made] == [(start, start + len(needle), label)]
    rows = export_jsonl(corpus, tmp_path / "out.jsonl", status="any")
    row = next(r for r in rows if r["id"] == IDS[name])
    assert row["text"] == text
    ent = next(e for e in row["entities"] if e["origin"] == "human")
    assert (ent["start"], ent["end"], ent["text"]) == (start, start + len(needle), needle)
    assert row["text"][ent["start"]:ent["end"]] == needle


@pytest.mark.gui
def test_markup_is_shown_literally(make_editor: Any) -> None:
    ed = make_editor("markup")
    shown = ed.view.toPlainText()
    for literal in ("<script>alert(1)</script>", "<b>bold</b>", "Fish &amp; Chips"):
        assert literal in shown
    assert shown == MARKUP_TEXT
    # "<b>" did not make anything bold, "&amp;" was not turned into "&"
    cur = QTextCursor(ed.view.document())
    cur.setPosition(ed.omap.to_doc(MARKUP_TEXT.index("bold</b>") + 2))
    assert cur.charFormat().fontWeight() != QFont.Weight.Bold
    assert ed.title.text() == "markup"
    quote_excerpts = [ed.models["entities"].data(ed.models["entities"].index(r, 0))
                      for r in range(ed.models["entities"].rowCount())]
    assert all("<" not in (x or "") or ">" in (x or "") for x in quote_excerpts)
