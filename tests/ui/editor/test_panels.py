"""Side panels and text view behaviour: models pass qtmodeltester, rows and text follow each
other, tooltips, the shortcut overlay, typing in the speaker field never fires shortcuts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_app.ui.editor import SHORTCUTS, shortcut_rows
from desktop_app.ui.editor.tokens import Tokens

from .conftest import FLOW_TEXT, IDS
from .helpers import WAIT, char_point, click_char, drag_select, key, stored


@pytest.mark.gui
@pytest.mark.parametrize("table", ["quotes", "entities", "events"])
def test_models_pass_qtmodeltester(qtmodeltester: Any, make_editor: Any, table: str) -> None:
    ed = make_editor("flow")
    model = ed.models[table]
    assert model.rowCount() > 0
    qtmodeltester.check(model, force_py=True)
    model.set_items(FLOW_TEXT, [])
    qtmodeltester.check(model, force_py=True)


@pytest.mark.gui
def test_row_selection_scrolls_and_highlights_text(qtbot: Any, make_editor: Any) -> None:
    ed = make_editor("flow")
    ed.view.resize(400, 120)  # small, so most of the article is out of view
    ed.tabs.setCurrentIndex(1)
    last = ed.models["entities"].rowCount() - 1
    ed.tables["entities"].selectRow(last)
    ent = ed.current_item("entities")
    assert ent is ed.models["entities"].item(last)
    rect = ed.view.cursorRect()
    assert ed.view.viewport().rect().intersects(rect)
    sel = ed.view.extraSelections()
    assert any(s.cursor.selectionStart() == ed.omap.to_doc(ent.start) and
               s.cursor.selectionEnd() == ed.omap.to_doc(ent.end) for s in sel)
    assert ed.inspector.label.currentText() == ent.label


@pytest.mark.gui
def test_clicking_an_annotation_selects_its_row(qtbot: Any, make_editor: Any) -> None:
    ed = make_editor("flow")
    ed.tabs.setCurrentIndex(1)  # Entities: a click selects the entity under the mouse
    ent = ed.article.entities[-1]
    click_char(qtbot, ed, ent.start)
    assert ed.current_item("entities").id == ent.id
    assert ed.tables["entities"].currentIndex().row() == ed.models["entities"].row_of(ent.id)
    ev = next(v for v in ed.article.events if v.trigger is not None)
    click_char(qtbot, ed, ev.trigger.start)
    assert ed.current_table() == "events" and ed.current_item().id == ev.id


@pytest.mark.gui
def test_j_k_move_and_keep_the_item_in_view(qtbot: Any, make_editor: Any) -> None:
    ed = make_editor("flow")
    ed.tabs.setCurrentIndex(1)
    first = ed.current_item().id
    key(qtbot, ed, "j")
    key(qtbot, ed, Qt.Key.Key_Down)
    assert ed.models["entities"].row_of(ed.current_item().id) == 2
    key(qtbot, ed, "k")
    key(qtbot, ed, Qt.Key.Key_Up)
    key(qtbot, ed, Qt.Key.Key_Up)
    assert ed.current_item().id == first


@pytest.mark.gui
def test_tooltip_names_label_origin_state(make_editor: Any) -> None:
    ed = make_editor("flow")
    ent = ed.article.entities[0]
    tip = ed._tooltip(ed.omap.to_doc(ent.start))
    assert tip is not None and f"{ent.label} · {ent.origin} · {ent.state}" in tip
    assert ed.view.char_at(char_point(ed, ent.start)) == ed.omap.to_doc(ent.start)


@pytest.mark.gui
def test_typing_a_speaker_name_does_not_fire_shortcuts(qtbot: Any, make_editor: Any, runner: Any,
                                                      corpus: Path) -> None:
    ed = make_editor("flow")
    quote = ed.current_item("quotes")
    combo = ed.inspector.speaker
    combo.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() in (combo, combo.lineEdit()))
    combo.lineEdit().clear()
    with qtbot.waitSignal(runner.saved, timeout=WAIT):
        for ch in "Ahmad Zia":  # "a", "d", space: editor shortcuts anywhere else
            key(qtbot, ed, ch)
        key(qtbot, ed, Qt.Key.Key_Return)
    got = next(q for q in stored(corpus, IDS["flow"]).quotes if q.id == quote.id)
    assert got.speaker == "Ahmad Zia"
    assert stored(corpus, IDS["flow"]).status != "done"  # Enter went to the field, not "mark done"
    assert QApplication.focusWidget() is ed.view  # keys act on items again (j, a, x ...)


@pytest.mark.gui
def test_overlay_lists_every_shortcut(qtbot: Any, make_editor: Any) -> None:
    ed = make_editor("flow")
    ed.view.setFocus()
    key(qtbot, ed, "?")
    assert ed.overlay.isVisible()
    key(qtbot, ed, "a")  # any key closes it and does nothing else
    assert not ed.overlay.isVisible()
    assert all(q.state == "suggested" for q in ed.article.quotes)
    names = set(ed.actions())
    assert {s.name for s in SHORTCUTS} == names
    assert {"accept", "reject", "accept_all", "mark_done", "skip", "undo", "redo", "add_quote",
            "add_event", "next_item", "prev_item"} <= names
    assert any(keys == "1–6" for _g, keys, _t in shortcut_rows())


@pytest.mark.gui
def test_skip_and_rejected_toggle(qtbot: Any, make_editor: Any, runner: Any, corpus: Path) -> None:
    ed = make_editor("flow")
    ed.tabs.setCurrentIndex(1)
    ent = ed.current_item()
    with qtbot.waitSignal(runner.saved, timeout=WAIT):
        key(qtbot, ed, "x")
    assert not any((m.table, m.row_id) == ("entities", ent.id) for b in ed.highlighter.by_block.values() for m in b)
    key(qtbot, ed, "R", Qt.KeyboardModifier.ShiftModifier)
    assert ed.rejected_box.isChecked()
    assert any((m.table, m.row_id, m.layer) == ("entities", ent.id, "rejected")
               for b in ed.highlighter.by_block.values() for m in b)
    with qtbot.waitSignals([runner.saved, ed.request_next], timeout=WAIT):
        key(qtbot, ed, Qt.Key.Key_Space)
    assert stored(corpus, IDS["flow"]).status == "skipped"


@pytest.mark.gui
def test_selection_snaps_to_tokens(qtbot: Any, make_editor: Any) -> None:
    ed = make_editor("flow")
    start = FLOW_TEXT.index("Zabihullah")
    drag_select(qtbot, ed, start + 3, start + 14)  # "ihullah Muj"
    assert ed.selection_cp() == (start, start + len("Zabihullah Mujahid"))
    assert Tokens("Tehrik-i-Taliban Pakistan’s").snap(2, 5) == (0, 16)
    assert Tokens("  spaced  ").snap(0, 2) is None


@pytest.mark.gui
def test_settings_change_recolours_and_resizes(qtbot: Any, make_editor: Any) -> None:
    from PySide6.QtGui import QColor

    from desktop_app.ui.settings import Settings

    ed = make_editor("flow")
    person = next(e for e in ed.article.entities if e.label == "PERSON")

    def colour_at(cp: int) -> QColor:
        block = ed.view.document().findBlock(ed.omap.to_doc(cp))
        rel = ed.omap.to_doc(cp) - block.position()
        ranges = block.layout().formats()
        colours = [QColor(r.format.background().color()) for r in ranges if r.start <= rel < r.start + r.length]
        return colours[0] if colours else QColor()

    before = colour_at(person.start)
    assert before.alpha() > 0  # highlighted as soon as show_article returns
    ed.apply_settings(Settings(annotator="tester", label_colors={"PERSON": "#0000ff"}, font_size=17))
    qtbot.waitUntil(lambda: colour_at(person.start).rgb() != before.rgb())
    after = colour_at(person.start)
    assert (after.red(), after.green(), after.blue()) == (0, 0, 255)
    assert ed.view.font().pointSize() == 17


def test_readme_lists_every_editor_shortcut() -> None:
    from desktop_app.ui.editor import MOUSE_ACTIONS

    readme = (Path(__file__).resolve().parents[3] / "README.md").read_text(encoding="utf-8")
    for _group, keys, text in shortcut_rows():
        assert f"| `{keys}` | {text} |" in readme, keys
    for gesture, text in MOUSE_ACTIONS:
        assert f"| {gesture} | {text} |" in readme, gesture


@pytest.mark.gui
def test_event_add_actor_recipient_by_clicks(qtbot: Any, make_editor: Any, runner: Any, corpus: Path) -> None:
    ed = make_editor("flow")
    while ed.current_table() != "events":
        key(qtbot, ed, "t")
    start = FLOW_TEXT.index("urged")
    drag_select(qtbot, ed, start, start + len("urged"))
    with qtbot.waitSignal(runner.saved, timeout=WAIT):
        key(qtbot, ed, "e")  # a new event for this sentence, the selection as trigger
    ev = ed.current_item("events")
    assert (ev.trigger.start, ev.trigger.end, ev.origin) == (start, start + 5, "human")
    assert ev.sentence.start <= start < ev.sentence.end
    assert FLOW_TEXT[ev.sentence.start:ev.sentence.end].startswith("The United Nations urged")
    un = next(e for e in ed.article.entities if e.start <= FLOW_TEXT.index("United Nations") < e.end)
    with qtbot.waitSignal(runner.saved, timeout=WAIT):
        click_char(qtbot, ed, FLOW_TEXT.index("United Nations") + 1)  # click: actor
    pk = next(e for e in ed.article.entities if e.label == "GPE" and FLOW_TEXT[e.start:e.end] == "Pakistan")
    with qtbot.waitSignal(runner.saved, timeout=WAIT):
        click_char(qtbot, ed, pk.start + 1, Qt.KeyboardModifier.ShiftModifier)  # shift+click: recipient
    with qtbot.waitSignal(runner.saved, timeout=WAIT):
        key(qtbot, ed, "[")
    got = next(v for v in stored(corpus, IDS["flow"]).events if v.id == ev.id)
    assert got.actor is not None and got.actor.entity == un.span
    assert got.recipient is not None and (got.recipient.name, got.recipient.entity) == ("Pakistan", pk.span)
    types = ed.event_types
    assert got.type == types[(types.index(ev.type) - 1) % len(types)]
    assert ed.inspector.actor.currentText() == got.actor.name


@pytest.mark.gui
def test_context_menu_offers_labels_and_speaker(qtbot: Any, make_editor: Any, runner: Any, corpus: Path) -> None:
    ed = make_editor("flow")
    ent = ed.article.entities[0]
    menu = ed.context_menu(ed.omap.to_doc(ent.start))
    texts = [a.text() for a in menu.actions()]
    assert any(t.startswith("Entity “") for t in texts)
    assert any(t.startswith("Speaker of the current quote") for t in texts)
    sub = next(a.menu() for a in menu.actions() if a.text().startswith("Entity “"))
    assert {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "Accept", "Reject", "Delete"} <= {a.text() for a in sub.actions()}
    # choosing a label in the menu relabels that entity (the menu passes no stray arguments)
    new_label = next(lab for lab in ("ORG", "GPE") if lab != ent.label)
    with qtbot.waitSignal(runner.saved, timeout=WAIT):
        next(a for a in sub.actions() if a.text() == new_label).trigger()
    assert next(e for e in stored(corpus, IDS["flow"]).entities if e.id == ent.id).label == new_label


@pytest.mark.gui
def test_refusals_are_status_messages_not_failures(qtbot: Any, make_editor: Any, runner: Any) -> None:
    ed = make_editor("markup")
    messages: list[str] = []
    failures: list[object] = []
    ed.status_message.connect(messages.append)
    runner.failed.connect(failures.append)
    saves: list[None] = []
    runner.saved.connect(lambda: saves.append(None))
    with qtbot.waitSignal(runner.idle, timeout=WAIT):
        key(qtbot, ed, "z", Qt.KeyboardModifier.ControlModifier)
    assert messages[-1].startswith("Nothing to undo")
    # an overlap the panel did not know about yet is refused by the store (E108), also as a message
    assert ed.article.entities, "the model suggested no entity in the markup article"
    ent = ed.article.entities[0]
    ed.article.entities = []  # the editor's view is stale; the database still has the suggestion
    ed.view.select_range(ed.omap.to_doc(ent.start), ed.omap.to_doc(ent.end))
    with qtbot.waitSignal(runner.idle, timeout=WAIT):
        key(qtbot, ed, "3")
    assert "overlaps" in messages[-1] and not failures
    assert saves == []  # nothing was saved, so "saved ✓" was not claimed
    assert ent.id in [e.id for e in ed.article.entities]  # reloaded from the database


@pytest.mark.gui
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")  # offscreen popups
def test_c_opens_the_type_chooser_and_enter_picks(qtbot: Any, make_editor: Any, runner: Any, corpus: Path) -> None:
    ed = make_editor("flow")
    while ed.current_table() != "events":
        key(qtbot, ed, "t")
    ev = ed.current_item()
    key(qtbot, ed, "c")
    popup = ed.inspector.type.view()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)  # keys go to the open list, not to the editor shortcuts
    with qtbot.waitSignal(runner.saved, timeout=WAIT):
        qtbot.keyClick(popup, Qt.Key.Key_Return)
    types = ed.event_types
    got = next(v for v in stored(corpus, IDS["flow"]).events if v.id == ev.id)
    assert got.type == types[(types.index(ev.type) + 1) % len(types)]
    assert stored(corpus, IDS["flow"]).status != "done"


@pytest.mark.gui
def test_ignored_boilerplate_is_greyed(qtbot: Any, make_editor: Any, corpus: Path) -> None:
    from PySide6.QtGui import QPalette

    from desktop_app.core.model import Article, Span
    from desktop_app.storage import Store

    text = "Boilerplate test\n\nThe minister spoke in Multan.\n\nicon-facebook icon-twitter\n"
    start = text.index("icon-facebook")
    art = Article.from_text(text, title="Boilerplate test")
    art.ignored = [Span(start, start + len("icon-facebook icon-twitter"))]
    with Store(corpus) as w:
        w.add_articles([art])
    ed = make_editor(art.id)
    block = ed.view.document().findBlock(ed.omap.to_doc(start + 2))
    ranges = block.layout().formats()
    grey = ed.palette().color(QPalette.ColorRole.PlaceholderText)
    greyed = {i for r in ranges if r.format.foreground().color().rgb() == grey.rgb()
              for i in range(r.start, r.start + r.length)}  # (a widened space for the tags may split the range)
    assert greyed == set(range(len("icon-facebook icon-twitter")))
    assert "ignored" in (ed._tooltip(ed.omap.to_doc(start + 2)) or "")


@pytest.mark.gui
def test_reload_keeps_scroll_and_mouse_selection(qtbot: Any, make_editor: Any, runner: Any) -> None:
    ed = make_editor("flow")
    start = FLOW_TEXT.index("Khost")
    drag_select(qtbot, ed, start, start + 5)
    bar = ed.view.verticalScrollBar()
    before = (bar.value(), ed.view.selected_range())
    with qtbot.waitSignal(runner.saved, timeout=WAIT):
        key(qtbot, ed, "a")  # an op on the current quote; the reload must not disturb the text view
    assert (bar.value(), ed.view.selected_range()) == before
    assert ed.selection_cp() == (start, start + 5)


@pytest.mark.gui
def test_a_taxonomy_file_from_settings_sets_the_event_types(qtbot: Any, make_editor: Any, tmp_path: Path) -> None:
    from dataclasses import replace

    ed = make_editor("flow")
    assert "ASSAULT" in ed.event_types  # the bundled PLOVER file
    own = tmp_path / "mine.toml"
    own.write_text('name = "mine"\n[types.PRESS_CONFERENCE]\ndefinition = "A briefing."\n'
                   '[types.LEAK]\ndefinition = "An unattributed disclosure."\n', encoding="utf-8")
    ed.apply_settings(replace(ed.settings, taxonomy=str(own)))
    assert ed.event_types == ["PRESS_CONFERENCE", "LEAK"]
    assert ed.inspector.event_types == ["PRESS_CONFERENCE", "LEAK"]

    broken = tmp_path / "broken.toml"
    broken.write_text("[types.X]\nverbs = 3\n", encoding="utf-8")
    with qtbot.waitSignal(ed.status_message, timeout=WAIT) as said:
        ed.apply_settings(replace(ed.settings, taxonomy=str(broken)))
    assert "E204" in said.args[0] and "broken.toml" in said.args[0]
    assert "ASSAULT" in ed.event_types  # back on the bundled types, still usable


@pytest.mark.gui
def test_panel_cells_follow_an_edit(qtbot: Any, make_editor: Any, runner: Any) -> None:
    """The table's cached display strings change with the row: relabel by key, then accept."""
    ed = make_editor("flow")
    ed.show_panel("entities")
    ed.view.setFocus()
    model, table = ed.models["entities"], ed.tables["entities"]
    heads = [c.header for c in model.columns]
    row = table.currentIndex().row()
    ent = model.item(row)
    assert ent is not None and ent.state == "suggested"
    new = "ORG" if ent.label != "ORG" else "GPE"

    def shown(column: str) -> str:
        return model.data(model.index(model.row_of(ent.id), heads.index(column)))

    assert shown("State") == "suggested" and shown("Label") == ent.label
    with qtbot.waitSignal(runner.saved, timeout=WAIT):
        key(qtbot, ed, "2" if new == "ORG" else "3")
    assert shown("Label") == new
    assert ed.current_item("entities").id == ent.id
    with qtbot.waitSignal(runner.saved, timeout=WAIT):
        key(qtbot, ed, "a")
    assert shown("State") == "accepted"
    # the columns still fit the panel once the values changed
    assert sum(table.columnWidth(c) for c in range(len(heads))) <= table.viewport().width()


@pytest.mark.gui
def test_opening_an_article_focuses_its_first_item(qtbot: Any, make_editor: Any) -> None:
    """After an open (and a switch away and back) the current panel's first row is the item in focus:
    accented in the text and shown in the detail form."""
    ed = make_editor("flow")
    others = [aid for name, aid in IDS.items() if name != "flow"]
    for aid in (IDS["flow"], others[0], IDS["flow"]):
        ed.show_article(aid)
        for table in ("quotes", "entities", "events"):
            model = ed.models[table]
            want = model.item(0)
            assert (ed.current_item(table).id if want else None) == (want.id if want else None)
            assert ed.tables[table].currentIndex().row() == (0 if want else -1)
        q = ed.current_item()
        assert ed.current_table() == "quotes" and q is not None
        spans = {(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in ed.view.extraSelections()}
        assert ed.omap.span_to_doc(q.start, q.end) in spans
        assert ed.inspector.currentWidget() is ed.inspector.quote_form
        assert ed.inspector.kind.currentText() == q.kind
