"""The whole annotation flow through real widgets, keys and mouse, on a real DB file and runner:
suggestions -> accept a speaker -> correct a speaker by clicking an entity -> add a quote ->
add/relabel/delete an entity -> change an event type -> undo/redo -> mark done -> reopen -> export."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from desktop_app.nlp.speakers import registry_updates
from desktop_app.storage import Store
from desktop_app.ui.ops import OpRunner

from .conftest import FLOW_TEXT, IDS
from .helpers import WAIT, click_char, export_jsonl, key, select_text, stored

AID = IDS["flow"]


def _plain_char(ed: Any, start: int, end: int) -> int:
    """A character of [start, end) that is not inside an entity (clicking it selects the quote)."""
    for cp in range(start, end):
        if not FLOW_TEXT[cp].isspace() and not any(e.start <= cp < e.end for e in ed.article.entities
                                                   if e.state != "rejected"):
            return cp
    raise AssertionError("no plain character")


def _ensure_person(qtbot: Any, ed: Any, runner: Any, name: str) -> None:
    """Make ``name`` one PERSON entity with the mouse if the model did not suggest it exactly."""
    start = FLOW_TEXT.index(name)
    end = start + len(name)
    if any((e.start, e.end) == (start, end) for e in ed.article.entities if e.state != "rejected"):
        return
    for e in list(ed.article.entities):
        if e.state != "rejected" and e.start < end and start < e.end:
            ed.select_item("entities", e.id)
            with qtbot.waitSignal(runner.saved, timeout=WAIT):
                key(qtbot, ed, "x")
    select_text(qtbot, ed, name)
    with qtbot.waitSignal(runner.saved, timeout=WAIT):
        key(qtbot, ed, "1")


@pytest.mark.gui
def test_suggestions_to_gold_and_back(qtbot: Any, make_editor: Any, runner: Any, corpus: Path,
                                      tmp_path: Path) -> None:
    ed = make_editor("flow")
    messages: list[str] = []
    ed.status_message.connect(messages.append)

    # 1. suggestions are there: quotes with speakers, entities, events, all "suggested"
    quotes = ed.models["quotes"]
    assert quotes.rowCount() >= 2
    assert all(q.state == "suggested" for q in ed.article.quotes)
    assert ed.tabs.tabText(0).startswith("Quotes (")
    with_speaker = [q for q in ed.article.quotes if q.speaker]
    assert with_speaker, "the engine suggested no speaker at all"

    # 2. accept a suggested speaker: click in the quote, press a (two actions)
    q1 = with_speaker[0]
    click_char(qtbot, ed, _plain_char(ed, q1.start, q1.end))
    assert ed.current_table() == "quotes" and ed.current_item().id == q1.id
    with qtbot.waitSignal(runner.saved, timeout=WAIT):
        key(qtbot, ed, "a")
    got = next(q for q in stored(corpus, AID).quotes if q.id == q1.id)
    assert (got.state, got.speaker) == ("accepted", q1.speaker)

    # 3. correct a speaker by clicking an entity (select the quote, click the person: two actions)
    _ensure_person(qtbot, ed, runner, "Sara Malik")
    content = "the Torkham crossing would stay closed"
    q2 = next((q for q in ed.article.quotes if q.start <= FLOW_TEXT.index(content) < q.end), None)
    if q2 is None:  # the engine missed this indirect quote: add it (q), which is also a user flow
        select_text(qtbot, ed, content)
        with qtbot.waitSignal(runner.saved, timeout=WAIT):
            key(qtbot, ed, "q")
        q2 = ed.current_item("quotes")
    click_char(qtbot, ed, _plain_char(ed, q2.start, q2.end))
    assert ed.current_item().id == q2.id
    malik = FLOW_TEXT.index("Sara Malik")
    with qtbot.waitSignal(runner.saved, timeout=WAIT):
        click_char(qtbot, ed, malik + 1)
    got = next(q for q in stored(corpus, AID).quotes if q.id == q2.id)
    assert (got.speaker, got.state) == ("Sara Malik", "accepted")
    assert (got.speaker_entity.start, got.speaker_entity.end) == (malik, malik + len("Sara Malik"))
    assert ed.inspector.speaker.currentText() == "Sara Malik"  # the form follows

    # 4. add a quote: select its content, q, then click its speaker
    un_content = "both sides to agree to a ceasefire"
    for q in ed.article.quotes:  # a suggestion on the same words would make the new one a duplicate
        if q.start <= FLOW_TEXT.index(un_content) < q.end:
            ed.select_item("quotes", q.id)
            with qtbot.waitSignal(runner.saved, timeout=WAIT):
                key(qtbot, ed, "x")
    s, e = select_text(qtbot, ed, un_content)
    with qtbot.waitSignal(runner.saved, timeout=WAIT):
        key(qtbot, ed, "q")
    new_q = ed.current_item("quotes")
    assert (new_q.start, new_q.end, new_q.kind, new_q.origin) == (s, e, "indirect", "human")
    un = FLOW_TEXT.index("United Nations")
    un_ent = next((x for x in ed.article.entities if x.start <= un < x.end and x.state != "rejected"), None)
    if un_ent is None:
        select_text(qtbot, ed, "United Nations")
        with qtbot.waitSignal(runner.saved, timeout=WAIT):
            key(qtbot, ed, "2")
        ed.select_item("quotes", new_q.id)
    with qtbot.waitSignal(runner.saved, timeout=WAIT):
        click_char(qtbot, ed, un + 2)
    got = next(q for q in stored(corpus, AID).quotes if q.id == new_q.id)
    assert got.speaker is not None and "United Nations" in got.speaker
    with qtbot.waitSignal(runner.saved, timeout=WAIT):
        key(qtbot, ed, "d")  # kind: indirect -> mixed
    assert next(q for q in stored(corpus, AID).quotes if q.id == new_q.id).kind == "mixed"

    # 5. entities: an overlap is refused with a message, then add / relabel / delete
    doha = FLOW_TEXT.index("Doha on Tuesday")
    if any(x.start <= doha < x.end and x.state != "rejected" for x in ed.article.entities):
        before = len(stored(corpus, AID).entities)
        select_text(qtbot, ed, "Doha on")
        key(qtbot, ed, "3")
        assert "overlaps" in messages[-1]
        assert len(stored(corpus, AID).entities) == before
    tk = FLOW_TEXT.index("Torkham crossing")
    for x in list(ed.article.entities):
        if x.state != "rejected" and x.start < tk + len("Torkham crossing") and tk < x.end:
            ed.select_item("entities", x.id)
            with qtbot.waitSignal(runner.saved, timeout=WAIT):
                key(qtbot, ed, "x")
    select_text(qtbot, ed, "Torkham cross")  # snapped to the whole word "crossing"
    with qtbot.waitSignal(runner.saved, timeout=WAIT):
        key(qtbot, ed, "6")
    ent = ed.current_item("entities")
    assert ed.current_table() == "entities"
    assert (ent.start, ent.end, ent.label, ent.origin) == (tk, tk + len("Torkham crossing"), "FAC", "human")
    with qtbot.waitSignal(runner.saved, timeout=WAIT):
        key(qtbot, ed, "5")  # relabel the current entity
    assert next(x for x in stored(corpus, AID).entities if x.id == ent.id).label == "LOC"
    with qtbot.waitSignal(runner.saved, timeout=WAIT):
        key(qtbot, ed, Qt.Key.Key_Delete)
    assert ent.id not in {x.id for x in stored(corpus, AID).entities}
    # put it back for the export check
    select_text(qtbot, ed, "Torkham crossing")
    with qtbot.waitSignal(runner.saved, timeout=WAIT):
        key(qtbot, ed, "6")

    # 6. events: switch panel with t, move with j, change the type with ]
    while ed.current_table() != "events":
        key(qtbot, ed, "t")
    events = ed.models["events"]
    if events.rowCount() == 0:  # nothing suggested: add one for the sentence (e)
        click_char(qtbot, ed, FLOW_TEXT.index("air strikes"))
        with qtbot.waitSignal(runner.saved, timeout=WAIT):
            key(qtbot, ed, "e")
    key(qtbot, ed, "k")
    key(qtbot, ed, "j")
    ev = ed.current_item("events")
    types = ed.event_types
    want = types[(types.index(ev.type) + 1) % len(types)]
    with qtbot.waitSignal(runner.saved, timeout=WAIT):
        key(qtbot, ed, "]")
    assert next(v for v in stored(corpus, AID).events if v.id == ev.id).type == want

    # 7. undo / redo (from the change log)
    with qtbot.waitSignal(runner.saved, timeout=WAIT):
        key(qtbot, ed, "z", Qt.KeyboardModifier.ControlModifier)
    assert next(v for v in stored(corpus, AID).events if v.id == ev.id).type == ev.type
    assert ed.current_item("events").type == ev.type  # the panel reloaded
    with qtbot.waitSignal(runner.saved, timeout=WAIT):
        key(qtbot, ed, "z", Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert next(v for v in stored(corpus, AID).events if v.id == ev.id).type == want

    # 8. accept the rest and mark done: Enter asks for the next article
    with qtbot.waitSignal(runner.saved, timeout=WAIT):
        key(qtbot, ed, "A", Qt.KeyboardModifier.ShiftModifier)
    assert not [x for x in (*ed.article.entities, *ed.article.quotes, *ed.article.events) if x.state == "suggested"]
    with qtbot.waitSignals([runner.saved, ed.request_next], timeout=WAIT):
        key(qtbot, ed, Qt.Key.Key_Return)
    assert stored(corpus, AID).status == "done"
    snapshot = stored(corpus, AID)
    # marking done taught the speaker registry the confirmed quotes' mentions
    taught = registry_updates(snapshot)
    assert taught, "no accepted quote with a named mention in the flow article"
    with Store(corpus, readonly=True) as read:
        assert set(taught) <= set(read.registry().items())

    # 9. reopen: a new runner, a new read store, a new editor show the same work
    runner.shutdown()
    ops2 = OpRunner(corpus)
    try:
        ed2 = make_editor("flow", ops=ops2)
        assert ed2.article.status == "done"
        rows = {(q.start, q.end, q.speaker, q.kind, q.state) for q in ed2.article.quotes}
        assert rows == {(q.start, q.end, q.speaker, q.kind, q.state) for q in snapshot.quotes}
        assert (new_q.start, new_q.end) in {(r[0], r[1]) for r in rows}
        assert next(v for v in ed2.article.events if v.id == ev.id).type == want
        assert ed2.models["quotes"].rowCount() == len(snapshot.quotes)
        # undo history survives the restart: the last step (mark done) undoes and redoes
        with qtbot.waitSignal(ops2.saved, timeout=WAIT):
            key(qtbot, ed2, "z", Qt.KeyboardModifier.ControlModifier)
        assert stored(corpus, AID).status == "in_progress"
        with qtbot.waitSignal(ops2.saved, timeout=WAIT):
            key(qtbot, ed2, "y", Qt.KeyboardModifier.ControlModifier)
        assert stored(corpus, AID).status == "done"
    finally:
        ops2.shutdown()

    # 10. the export of done articles carries the gold
    out = export_jsonl(corpus, tmp_path / "gold.jsonl", status="done")
    row = next(r for r in out if r["id"] == AID)
    speakers = {r["text"]: r["speaker"]["name"] for r in row["quotes"] if r["speaker"]}
    assert speakers[FLOW_TEXT[q2.start:q2.end]] == "Sara Malik"
    assert "United Nations" in speakers[un_content]
    assert any(e["text"] == "Torkham crossing" and e["label"] == "FAC" for e in row["entities"])
    assert any(v["id"] and v["type"] == want for v in row["events"])
    for e in row["entities"]:
        assert row["text"][e["start"]:e["end"]] == e["text"]
