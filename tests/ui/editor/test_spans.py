"""Span editing with real keys and mouse: Shift/Alt+arrows, dragging an edge, the live snapped drag,
and "accept the rest of this panel" — each checked in the stored article after the commit.

The article has emoji before the spans (two UTF-16 units each in Qt, one code point in the DB) and an
Arabic sentence, so a slip in the offset conversion shows up as a wrong stored span.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor

from desktop_app.core.model import Article, Entity, Event, Quote, Span

from .helpers import WAIT, char_point, drag_select, key, stored

TEXT = ("Span test \U0001F389\n\n"
        "The armed forces of Pakistan \U0001F1F5\U0001F1F0 met Amina Qureshi in Lahore on Monday. "
        "\u201cWe will talk again,\u201d said Malik \U0001F600 after the session.\n\n"
        "قال عمران خان إن الوفد وصل إلى الدوحة.")
SHIFT, ALT, CTRL = Qt.KeyboardModifier.ShiftModifier, Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier


def at(needle: str) -> tuple[int, int]:
    start = TEXT.index(needle)
    return start, start + len(needle)


def _article() -> Article:
    art = Article.from_text(TEXT, title="Span test")
    met_sentence = at("The armed forces of Pakistan \U0001F1F5\U0001F1F0 met Amina Qureshi in Lahore on Monday.")
    art.status = "preannotated"
    art.entities = [Entity(*at("armed forces"), "ORG", "model"), Entity(*at("Amina"), "PERSON", "model"),
                    Entity(*at("Lahore"), "GPE", "model"), Entity(*at("عمران"), "PERSON", "model")]
    art.quotes = [Quote(*at("We will talk"), kind="direct", cue=Span(*at("said")), origin="model")]
    art.events = [Event("CONSULT", Span(*met_sentence), trigger=Span(*at("met")), origin="model")]
    return art


@pytest.fixture
def span_db(tmp_path: Path) -> Path:
    from desktop_app.storage import Store

    db = tmp_path / "spans.sqlite3"
    with Store(db) as s:
        s.add_articles([_article()])
    return db


@pytest.fixture
def span_runner(qtbot: Any, span_db: Path) -> Iterator[Any]:
    from desktop_app.ui.ops import OpRunner

    r = OpRunner(span_db)
    yield r
    r.shutdown()


@pytest.fixture
def ed(qtbot: Any, span_db: Path, span_runner: Any) -> Iterator[Any]:
    from desktop_app.storage import Store
    from desktop_app.ui.editor import ArticleEditor
    from desktop_app.ui.settings import Settings

    store = Store(span_db, readonly=True)
    editor = ArticleEditor(store, span_runner, Settings(annotator="tester"))
    qtbot.addWidget(editor)
    editor.resize(1280, 800)
    with qtbot.waitExposed(editor):
        editor.show()
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow, timeout=WAIT)
    editor.show_article(_article().id)
    editor.messages = []
    editor.status_message.connect(editor.messages.append)
    yield editor
    store.close()


def _aid() -> str:
    return _article().id


def _entity(db: Path, row_id: int) -> str:
    e = next(e for e in stored(db, _aid()).entities if e.id == row_id)
    return TEXT[e.start:e.end]


def _select_entity(ed: Any, text: str) -> int:
    ent = next(e for e in ed.article.entities if TEXT[e.start:e.end] == text)
    ed.select_item("entities", ent.id)
    ed.view.setFocus()
    return ent.id


def _edge_point(ed: Any, cp: int) -> QPoint:
    """The pixel on a span boundary (between two characters) at code point ``cp``."""
    cur = QTextCursor(ed.view.document())
    cur.setPosition(ed.omap.to_doc(cp))
    r = ed.view.cursorRect(cur)
    return QPoint(r.x(), r.center().y())


# -- keys ---------------------------------------------------------------------------------------------
@pytest.mark.gui
def test_shift_arrows_move_the_end_alt_arrows_the_start(qtbot: Any, ed: Any, span_runner: Any, span_db: Path) -> None:
    amina = _select_entity(ed, "Amina")
    with qtbot.waitSignal(span_runner.saved, timeout=WAIT):
        key(qtbot, ed, Qt.Key.Key_Right, SHIFT)
    assert _entity(span_db, amina) == "Amina Qureshi"
    assert ed.messages[-1].startswith("Resized the entity: “Amina Qureshi”")
    with qtbot.waitSignal(span_runner.saved, timeout=WAIT):
        key(qtbot, ed, Qt.Key.Key_Left, ALT)
    assert _entity(span_db, amina) == "met Amina Qureshi"
    with qtbot.waitSignal(span_runner.saved, timeout=WAIT):
        key(qtbot, ed, Qt.Key.Key_Right, ALT)
    with qtbot.waitSignal(span_runner.saved, timeout=WAIT):
        key(qtbot, ed, Qt.Key.Key_Left, SHIFT)
    assert _entity(span_db, amina) == "Amina"
    got = next(e for e in stored(span_db, _aid()).entities if e.id == amina)
    assert (got.origin, got.state, got.suggested) == ("model", "accepted", None)  # back to what the model
    # suggested: the suggestion again, now accepted


@pytest.mark.gui
def test_a_span_never_shrinks_below_one_token(qtbot: Any, ed: Any, span_runner: Any, span_db: Path) -> None:
    amina = _select_entity(ed, "Amina")
    key(qtbot, ed, Qt.Key.Key_Left, SHIFT)
    key(qtbot, ed, Qt.Key.Key_Right, ALT)
    assert ed.messages[-2:] == ["The span cannot shrink below one token"] * 2
    assert span_runner.pending == 0 and _entity(span_db, amina) == "Amina"


@pytest.mark.gui
def test_quick_presses_each_move_one_token_and_undo_steps_back(qtbot: Any, ed: Any, span_runner: Any,
                                                               span_db: Path) -> None:
    forces = _select_entity(ed, "armed forces")  # after an emoji: code points != UTF-16 positions
    key(qtbot, ed, Qt.Key.Key_Right, SHIFT)
    key(qtbot, ed, Qt.Key.Key_Right, SHIFT)  # before the first one is read back
    qtbot.waitUntil(lambda: _entity(span_db, forces) == "armed forces of Pakistan" and span_runner.pending == 0,
                    timeout=WAIT)
    with qtbot.waitSignal(span_runner.saved, timeout=WAIT):
        key(qtbot, ed, "z", CTRL)
    assert _entity(span_db, forces) == "armed forces of"
    assert ed.view.textCursor().hasSelection() is False


@pytest.mark.gui
def test_keys_resize_a_quote_an_event_trigger_and_arabic_text(qtbot: Any, ed: Any, span_runner: Any,
                                                              span_db: Path) -> None:
    ed.show_panel("quotes")
    ed.view.setFocus()
    with qtbot.waitSignal(span_runner.saved, timeout=WAIT):
        key(qtbot, ed, Qt.Key.Key_Right, SHIFT)
    quote = stored(span_db, _aid()).quotes[0]
    assert TEXT[quote.start:quote.end] == "We will talk again"
    ed.show_panel("events")
    ed.view.setFocus()
    with qtbot.waitSignal(span_runner.saved, timeout=WAIT):
        key(qtbot, ed, Qt.Key.Key_Right, SHIFT)
    trigger = stored(span_db, _aid()).events[0].trigger
    assert trigger is not None and TEXT[trigger.start:trigger.end] == "met Amina"
    imran = _select_entity(ed, "عمران")
    with qtbot.waitSignal(span_runner.saved, timeout=WAIT):
        key(qtbot, ed, Qt.Key.Key_Right, SHIFT)  # "end" is the logical end, whatever the script's direction
    assert _entity(span_db, imran) == "عمران خان"


@pytest.mark.gui
def test_arrows_alone_still_move_between_items(qtbot: Any, ed: Any) -> None:
    _select_entity(ed, "armed forces")
    key(qtbot, ed, Qt.Key.Key_Down)
    assert TEXT[ed.current_item().start:ed.current_item().end] == "Amina"
    assert not ed.view.textCursor().hasSelection()  # Shift+arrow selection is not the text view's


# -- mouse: edges and the live snapped drag -------------------------------------------------------------
@pytest.mark.gui
def test_dragging_the_end_edge_resizes_and_shows_the_snapped_span_live(qtbot: Any, ed: Any, span_runner: Any,
                                                                      span_db: Path) -> None:
    amina = _select_entity(ed, "Amina")
    viewport = ed.view.viewport()
    qs, qe = at("Qureshi")
    edge, target, off = _edge_point(ed, at("Amina")[1]), char_point(ed, qs + 3), _edge_point(ed, at("Amina")[1])
    off.setX(off.x() - 30)
    qtbot.mouseMove(viewport, off)
    assert viewport.cursor().shape() == Qt.CursorShape.IBeamCursor
    qtbot.mouseMove(viewport, edge)
    assert viewport.cursor().shape() == Qt.CursorShape.SizeHorCursor  # the pointer says "resize here"
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, edge)
    qtbot.mouseMove(viewport, target)  # into the middle of "Qureshi"
    assert ed.view.selected_range() == ed.omap.span_to_doc(at("Amina")[0], qe)  # whole word, live
    assert ed.messages[-1].startswith("Resizing the entity to “Amina Qureshi” — release to save")
    with qtbot.waitSignal(span_runner.saved, timeout=WAIT):
        qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, target)
    assert _entity(span_db, amina) == "Amina Qureshi"
    assert ed.view.selected_range() is None


@pytest.mark.gui
def test_dragging_the_start_edge_after_an_emoji(qtbot: Any, ed: Any, span_runner: Any, span_db: Path) -> None:
    forces = _select_entity(ed, "armed forces")
    viewport = ed.view.viewport()
    edge, target = _edge_point(ed, at("armed")[0]), char_point(ed, TEXT.index("The armed") + 1)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, edge)
    qtbot.mouseMove(viewport, target)
    with qtbot.waitSignal(span_runner.saved, timeout=WAIT):
        qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, target)
    assert _entity(span_db, forces) == "The armed forces"


@pytest.mark.gui
def test_dragging_the_cue_edge_of_the_current_quote(qtbot: Any, ed: Any, span_runner: Any, span_db: Path) -> None:
    ed.show_panel("quotes")
    viewport = ed.view.viewport()
    edge, target = _edge_point(ed, at("said")[1]), char_point(ed, at("Malik")[1] - 1)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, edge)
    qtbot.mouseMove(viewport, target)
    with qtbot.waitSignal(span_runner.saved, timeout=WAIT):
        qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, target)
    quote = stored(span_db, _aid()).quotes[0]
    assert quote.cue is not None and TEXT[quote.cue.start:quote.cue.end] == "said Malik"
    assert TEXT[quote.start:quote.end] == "We will talk"  # the content did not move


@pytest.mark.gui
def test_a_drag_shows_the_snapped_span_while_dragging(qtbot: Any, ed: Any) -> None:
    ed.show_panel("quotes")  # the current item's edges are elsewhere
    viewport = ed.view.viewport()
    p0, p1 = char_point(ed, at("armed")[0] + 1), char_point(ed, at("forces")[0] + 3)  # "rmed for"
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, p0)
    qtbot.mouseMove(viewport, p1)
    live = ed.view.selected_range()
    assert live == ed.omap.span_to_doc(*at("armed forces")), live  # not the raw range
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, p1)
    assert ed.selection_cp() == at("armed forces")
    assert ed.messages[-1].startswith("“armed forces” selected")


@pytest.mark.gui
def test_a_selection_drag_starting_off_the_edges_is_still_a_selection(qtbot: Any, ed: Any) -> None:
    _select_entity(ed, "Amina")
    drag_select(qtbot, ed, *at("Lahore on"))
    assert ed.selection_cp() == at("Lahore on")


# -- accept the rest of this panel ---------------------------------------------------------------------------
@pytest.mark.gui
def test_accept_the_rest_of_the_panel_in_front(qtbot: Any, ed: Any, span_runner: Any, span_db: Path) -> None:
    _select_entity(ed, "Lahore")
    with qtbot.waitSignal(span_runner.saved, timeout=WAIT):
        key(qtbot, ed, "A", CTRL | SHIFT)
    article = stored(span_db, _aid())
    assert all(e.state == "accepted" for e in article.entities)
    assert article.quotes[0].state == "suggested" and article.events[0].state == "suggested"
    assert ed.messages[-1].startswith("Accepted 4 suggested entities")
    assert ed.tabs.tabText(1).startswith("Entities")
    with qtbot.waitSignal(span_runner.saved, timeout=WAIT):
        key(qtbot, ed, "z", CTRL)  # one undo step takes them all back
    assert all(e.state == "suggested" for e in stored(span_db, _aid()).entities)
    action = ed.actions()["accept_panel"]
    assert action.shortcut().toString() == "Ctrl+Shift+A" and "panel" in action.text()
