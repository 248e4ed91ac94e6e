"""What the annotator saw is what the done export holds: accept with a key, Enter, export.

0.1.0 lost the speaker of an accepted quote (its entity stayed "suggested" and the done export
dropped it and the link), kept corrected labels as origin "rule", and let Enter finish an
article whose undecided suggestions then vanished from the gold without a word.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from .conftest import FLOW_TEXT, IDS
from .helpers import WAIT, export_jsonl, key, stored

AID = IDS["flow"]


@pytest.mark.gui
def test_accept_a_quote_then_enter_exports_speaker_and_link(links_hold: Any, qtbot: Any, make_editor: Any, runner: Any,
                                                             corpus: Path, tmp_path: Path) -> None:
    ed = make_editor("flow")
    messages: list[str] = []
    ed.status_message.connect(messages.append)
    quote = next(q for q in ed.article.quotes if q.speaker_entity is not None)
    ed.select_item("quotes", quote.id)
    with qtbot.waitSignal(runner.saved, timeout=WAIT):
        key(qtbot, ed, "a")
    speaker = next(e for e in stored(corpus, AID).entities if e.span == quote.speaker_entity)
    assert speaker.state == "accepted"  # accepting the quote accepted its speaker
    left = ed.suggested_left()
    assert left > 0
    with qtbot.waitSignal(runner.saved, timeout=WAIT):
        key(qtbot, ed, Qt.Key.Key_Return)
    assert any(f"{left} suggestions accepted as gold" in m for m in messages), messages[-3:]
    article = stored(corpus, AID)
    assert article.status == "done"
    assert not [x for x in (*article.entities, *article.quotes, *article.events) if x.state == "suggested"]
    [doc] = export_jsonl(corpus, tmp_path / "done.jsonl")
    links_hold(doc)
    exported = next(q for q in doc["quotes"] if (q["start"], q["end"]) == (quote.start, quote.end))
    entity = next(e for e in doc["entities"] if e["id"] == exported["speaker"]["entity"])
    assert entity["text"] == FLOW_TEXT[quote.speaker_entity.start:quote.speaker_entity.end]
    # the whole of Enter is one undo step: ctrl+z brings the suggestions back
    with qtbot.waitSignal(runner.saved, timeout=WAIT):
        ed.show_article(AID)
        key(qtbot, ed, "z", Qt.KeyboardModifier.ControlModifier)
    assert stored(corpus, AID).status == "in_progress"
    assert ed.suggested_left() == left


@pytest.mark.gui
def test_relabel_by_key_is_exported_as_a_correction(qtbot: Any, make_editor: Any, runner: Any,
                                                     corpus: Path, tmp_path: Path) -> None:
    ed = make_editor("flow")
    ent = next(e for e in ed.article.entities if e.label == "GPE" and e.origin != "human")
    ed.tabs.setCurrentIndex(1)  # Entities
    ed.select_item("entities", ent.id)
    with qtbot.waitSignal(runner.saved, timeout=WAIT):
        key(qtbot, ed, "2")  # ORG
    with qtbot.waitSignal(runner.saved, timeout=WAIT):
        key(qtbot, ed, Qt.Key.Key_Return)
    [doc] = export_jsonl(corpus, tmp_path / "done.jsonl")
    fixed = next(e for e in doc["entities"] if (e["start"], e["end"]) == (ent.start, ent.end))
    assert fixed["label"] == "ORG" and fixed["origin"] == "human"
    assert fixed["suggested"] == {"origin": ent.origin, "label": "GPE"}


@pytest.mark.gui
def test_accept_and_reject_move_on_to_the_next_item(qtbot: Any, make_editor: Any, runner: Any, corpus: Path) -> None:
    """a / x decide the current item and go to the next: two presses decide two items."""
    ed = make_editor("flow")
    ed.tabs.setCurrentIndex(1)  # Entities
    first = ed.current_item()
    with qtbot.waitSignal(runner.saved, timeout=WAIT):
        key(qtbot, ed, "a")
    second = ed.current_item()
    assert second.id != first.id
    with qtbot.waitSignal(runner.saved, timeout=WAIT):
        key(qtbot, ed, "x")
    third = ed.current_item()
    states = {e.id: e.state for e in stored(corpus, AID).entities}
    assert (states[first.id], states[second.id]) == ("accepted", "rejected")
    assert third.id not in (first.id, second.id)


@pytest.mark.gui
def test_the_status_line_says_the_status_in_words(qtbot: Any, make_editor: Any, runner: Any) -> None:
    ed = make_editor("flow")
    lines: list[str] = []
    ed.status_message.connect(lines.append)
    with qtbot.waitSignal(runner.saved, timeout=WAIT):
        key(qtbot, ed, "a")
    assert "· in progress ·" in lines[-1] and "in_progress" not in lines[-1]
