"""The editor fits the screen: at 1280x720, 1366x768 and 1600x900, and two text sizes up, every
column of the side panels lies inside its table (State always whole), cut values have their
tooltip, the detail pane wraps instead of clipping, and the `?` overlay cuts no line."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QAction, QFontMetrics
from PySide6.QtWidgets import QApplication, QLabel, QTableView

from desktop_app.ui.editor.panel_table import fit_widths
from desktop_app.ui.settings import Settings

from .conftest import IDS
from .helpers import key

SIZES = [(1280, 720), (1366, 768), (1600, 900)]
PANELS = ("quotes", "entities", "events")


@pytest.fixture
def window(qtbot: Any, corpus: Path) -> Iterator[Callable[..., Any]]:
    """A main window on the pre-annotated test corpus at a given size and text size (font steps up)."""
    from desktop_app.ui.app import create_main_window

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    font = app.font()
    made: list[Any] = []

    def make(size: tuple[int, int], steps: int = 0, article: str = "flow") -> Any:
        win = create_main_window(corpus, Settings(annotator="tester"), load_model=False, remember_layout=False)
        made.append(win)
        qtbot.addWidget(win)
        with qtbot.waitExposed(win):
            win.show()
        win.resize(*size)
        win.fit_panels()
        bigger = win.findChild(QAction, "font_bigger")
        for _ in range(steps):  # View > Bigger text (Ctrl++), as the user would
            bigger.trigger()
        win.list.select_article(IDS[article])
        qtbot.waitUntil(lambda: win.editor.article is not None and win.editor.article.id == IDS[article])
        qtbot.waitUntil(lambda: win.size().width() == size[0])
        return win

    yield make
    for w in made:
        w.shutdown()
    app.setFont(font)  # the View menu changes the application's font; the next test starts from the default


def _settle(qtbot: Any, table: QTableView) -> None:
    qtbot.waitUntil(table.isVisible)
    QApplication.processEvents()


def _cell_width(table: QTableView, text: str) -> int:
    font = table.font()
    font.setItalic(True)  # suggested rows are italic
    return QFontMetrics(font).horizontalAdvance(text)


@pytest.mark.gui
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
@pytest.mark.parametrize("steps", [0, 2], ids=["text", "text+2"])
def test_every_panel_column_fits_and_state_is_whole(qtbot: Any, window: Any, size: tuple[int, int],
                                                    steps: int) -> None:
    win = window(size, steps)
    ed = win.editor
    assert ed.view.font().pointSize() == 12 + steps
    for name in PANELS:
        ed.show_panel(name)
        table = ed.tables[name]
        _settle(qtbot, table)
        header = table.horizontalHeader()
        model = table.model()
        assert model.rowCount() > 0, f"{name}: the test article has no {name}"
        view_w = table.viewport().width()
        assert table.horizontalScrollBar().maximum() == 0, f"{name} at {size}: a horizontal scroll bar"
        for c in range(model.columnCount()):
            title = str(model.headerData(c, Qt.Orientation.Horizontal))
            x, w = header.sectionViewportPosition(c), header.sectionSize(c)
            assert not header.isSectionHidden(c) and w > 0, f"{name}.{title} hidden"
            assert x >= 0 and x + w <= view_w, f"{name}.{title} at {size}+{steps}: [{x}, {x + w}) not in [0, {view_w})"
        state = [c for c in range(model.columnCount())
                 if model.headerData(c, Qt.Orientation.Horizontal) == "State"]
        assert state, f"{name} has no State column"
        widest = max(_cell_width(table, str(model.index(r, state[0]).data())) for r in range(model.rowCount()))
        assert header.sectionSize(state[0]) >= widest, f"{name}: State cut ({header.sectionSize(state[0])} < {widest})"
        # a value cut by the column shows whole in its tooltip
        for r in range(model.rowCount()):
            for c in range(model.columnCount()):
                text = str(model.index(r, c).data() or "")
                if text and _cell_width(table, text) > header.sectionSize(c):
                    tip = str(model.index(r, c).data(Qt.ItemDataRole.ToolTipRole))
                    assert all(part in tip for part in text.split("…")), f"{text!r} not in its tooltip {tip!r}"


@pytest.mark.gui
@pytest.mark.parametrize("steps", [0, 2], ids=["text", "text+2"])
def test_detail_pane_wraps_and_is_never_clipped(qtbot: Any, window: Any, steps: int) -> None:
    win = window((1280, 720), steps)
    ed = win.editor
    ed.show_panel("events")
    _settle(qtbot, ed.tables["events"])
    assert ed.current_item() is not None
    form = ed.inspector.currentWidget()
    labels = [lab for lab in form.findChildren(QLabel) if lab.isVisible() and lab.text()]
    assert ed.inspector.event_text in labels
    assert "trigger:" in ed.inspector.event_text.text()

    def clipped() -> list[str]:
        return [lab.text()[:30] for lab in labels
                if lab.wordWrap() and lab.height() < lab.heightForWidth(lab.width())]

    qtbot.waitUntil(lambda: not clipped(), timeout=3000)  # (the layout settles in a few posted events)
    for lab in labels:
        assert lab.width() <= ed.inspector_area.viewport().width()  # wraps: no horizontal overflow
    # what does not fit the pane scrolls (the scroll area), it is not cut
    area = ed.inspector_area
    assert area.widget().height() >= area.widget().minimumSizeHint().height()


@pytest.mark.gui
@pytest.mark.parametrize("steps", [0, 2], ids=["text", "text+2"])
def test_overlay_fits_1280x720_and_cuts_no_line(qtbot: Any, window: Any, steps: int) -> None:
    win = window((1280, 720), steps)
    ed = win.editor
    ed.view.setFocus()
    key(qtbot, ed, "?")
    overlay = ed.overlay
    qtbot.waitUntil(overlay.isVisible)
    QApplication.processEvents()
    assert win.rect().contains(overlay.geometry())
    box = overlay.rect()
    labels = overlay.labels()
    assert len(labels) > 30
    keys = [lab for lab in labels if lab.property("overlayRole") == "key"]
    for lab in labels:
        assert lab.isVisible()
        rect = QRect(lab.mapTo(overlay, QPoint(0, 0)), lab.size())
        assert box.contains(rect), f"{lab.text()[:30]!r} outside the overlay: {rect} / {box}"
        if lab.wordWrap():
            assert lab.height() >= lab.heightForWidth(lab.width()), f"{lab.text()[:40]!r} cut"
        else:
            assert lab.width() >= lab.sizeHint().width(), f"{lab.text()!r} elided"
    # the key column is as wide as its widest key, not half the overlay
    widest_key = max(k.sizeHint().width() for k in keys)
    assert max(k.width() for k in keys) <= widest_key + 2
    assert widest_key < box.width() / overlay.columns / 2
    key(qtbot, ed, "x")  # any key closes it and edits nothing
    assert not overlay.isVisible()
    assert all(q.state == "suggested" for q in ed.article.quotes)


@pytest.mark.gui
def test_long_status_message_stays_left_of_the_widgets(qtbot: Any, window: Any) -> None:
    win = window((1280, 720))
    bar = win.status
    long = "Span [10, 20) overlaps the GPE entity 'Doha' " * 12
    bar.showMessage(long, 5000)
    QApplication.processEvents()
    first_widget = min(w.x() for w in (bar.pipeline, bar.annotator, bar.saved, bar.done) if w.isVisible())
    assert bar.message.geometry().right() < first_widget
    assert bar.message.shown_text().endswith("…")
    assert bar.message.toolTip() == long and bar.currentMessage() == long
    from PySide6.QtGui import QStatusTipEvent

    QApplication.sendEvent(win, QStatusTipEvent(long))  # a menu entry's status tip: the same eliding line
    assert bar.message.toolTip() == long and bar.message.geometry().right() < first_widget
    bar.clearMessage()  # the editor's standing line comes back
    assert "suggestions left" in bar.currentMessage()
    assert "in_progress" not in bar.currentMessage()


def text_height(ed: Any) -> float:
    """Pixels of all paragraphs (a plain text document counts lines)."""
    doc, total = ed.view.document(), 0.0
    block = doc.begin()
    while block.isValid():
        total += ed.view.blockBoundingRect(block).height()
        block = block.next()
    return total


@pytest.mark.gui
def test_tags_toggle_from_the_view_menu_and_l(qtbot: Any, window: Any) -> None:
    win = window((1366, 768))
    ed = win.editor
    act = ed.actions()["show_tags"]
    view_menu = next(a.menu() for a in win.menuBar().actions() if a.text() == "&View")
    assert act in view_menu.actions() and not act.isChecked()  # off until asked for: compact text
    assert not ed.tags.enabled
    compact = text_height(ed)
    ed.view.setFocus()
    key(qtbot, ed, "l")
    assert ed.tags.enabled and act.isChecked() and win.settings.label_tags  # remembered in the settings
    ed.view.viewport().repaint()
    drawn = {label for label, _r in ed.tags.drawn}
    shown = {e.label for e in ed.article.entities if e.state != "rejected"}
    assert shown & drawn, f"no entity label drawn in the text ({drawn})"
    assert {v.type for v in ed.article.events if v.trigger is not None} & drawn, "no event type drawn"
    rects = [r for label, r in ed.tags.drawn if label != "link"]
    assert not any(a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1:]), "tags overlap"
    tall = text_height(ed)
    assert tall > compact  # the tags get room above the lines
    key(qtbot, ed, "l")
    assert not ed.tags.enabled and not act.isChecked()
    ed.view.viewport().repaint()
    assert not [label for label, _r in ed.tags.drawn if label != "link"]
    assert text_height(ed) < tall  # the room for the tags is given back
    act.trigger()
    assert ed.tags.enabled and act.isChecked()


@pytest.mark.gui
def test_current_quote_is_linked_to_its_speaker(qtbot: Any, make_editor: Any) -> None:
    ed = make_editor("flow")
    ed.show_panel("quotes")
    quote = next((q for q in ed.article.quotes if q.mention or q.speaker_entity), None)
    assert quote is not None, "the model found no speaker for any quote"
    ed.select_item("quotes", quote.id)
    assert ed.tags.link is not None
    speaker = quote.mention or quote.speaker_entity
    assert ed.tags.link[:2] == ed.omap.span_to_doc(speaker.start, speaker.end)
    ed.view.viewport().repaint()
    assert any(label == "link" for label, _r in ed.tags.drawn)
    ed.show_panel("entities")
    assert ed.tags.link is None


@pytest.mark.gui
def test_progress_labels_follow_an_accept(qtbot: Any, make_editor: Any, runner: Any) -> None:
    ed = make_editor("flow")
    ed.show_panel("entities")
    n = ed.models["entities"].rowCount()
    assert ed.progress["entities"].text() == f"0/{n} reviewed · {n} to decide"
    assert ed.tabs.tabText(1) == f"Entities (0/{n})"
    ed.view.setFocus()
    with qtbot.waitSignal(runner.idle, timeout=5000):
        key(qtbot, ed, "a")
    qtbot.waitUntil(lambda: ed.progress["entities"].text().startswith("1/"))
    assert ed.progress["entities"].text() == f"1/{n} reviewed" + (f" · {n - 1} to decide" if n > 1 else " ✓")
    assert ed.tabs.tabText(1) == f"Entities (1/{n})"
    assert ed.tabs.tabText(0).startswith("Quotes (0/")  # the other panels did not move


@pytest.mark.gui
def test_entity_rows_carry_their_sentence(qtbot: Any, make_editor: Any) -> None:
    ed = make_editor("flow")
    text = ed.article.text
    ents = [e for e in ed.article.entities if text[e.start:e.end] == "Pakistan"]
    assert len(ents) >= 2, "the flow article names Pakistan twice"
    model = ed.models["entities"]
    ctx = model.columns.index(next(c for c in model.columns if c.header == "Context"))
    cells = [str(model.index(model.row_of(e.id), ctx).data()) for e in ents]
    assert all("[Pakistan]" in c for c in cells)
    assert len(set(cells)) == len(cells)  # two Pakistan rows read differently
    tip = str(model.index(model.row_of(ents[1].id), 0).data(Qt.ItemDataRole.ToolTipRole))
    assert "accused [Pakistan] of launching air strikes" in tip or "[Pakistan] and Afghanistan resumed" in tip
    ed.select_item("entities", ents[0].id)
    shown = ed.inspector.entity_context
    assert shown.isVisible() and "<b>Pakistan</b>" in shown.text()


@pytest.mark.gui
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")  # offscreen popups
def test_event_type_chooser_shows_the_definitions(qtbot: Any, make_editor: Any) -> None:
    from desktop_app.core.taxonomy import load_taxonomy

    definitions = {n: t.definition for n, t in load_taxonomy(None).types.items()}
    ed = make_editor("flow")
    while ed.current_table() != "events":
        key(qtbot, ed, "t")
    ev = ed.current_item()
    assert ed.inspector.type_help.text() == definitions[ev.type]
    key(qtbot, ed, "c")
    popup = ed.inspector.type.view()
    qtbot.waitUntil(popup.isVisible)
    model = popup.model()
    one_line = popup.fontMetrics().height() + 8
    for r in range(model.rowCount()):
        name = str(model.index(r, 0).data())
        assert model.index(r, 0).data(Qt.ItemDataRole.ToolTipRole) == definitions[name]
        assert popup.sizeHintForRow(r) > one_line, f"{name}: no room for its definition"
        assert popup.visualRect(model.index(r, 0)).width() >= ed.inspector.CHOOSER_WIDTH - 30 or r > 20
    qtbot.keyClick(popup, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not popup.isVisible())


@pytest.mark.gui
def test_a_refusal_is_said_under_the_text(qtbot: Any, make_editor: Any, runner: Any) -> None:
    ed = make_editor("markup")
    assert not ed.notice.isVisible()
    with qtbot.waitSignal(runner.idle, timeout=5000):
        key(qtbot, ed, "z", Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(ed.notice.isVisible)
    assert "Nothing to undo" in ed.notice.text()
    assert ed.notice.geometry().top() >= ed.view.geometry().bottom()  # under the text, in the editor
    ed.show_panel("entities")
    with qtbot.waitSignal(runner.idle, timeout=5000):
        key(qtbot, ed, "a")  # an edit that worked: the warning goes
    assert not ed.notice.isVisible()


def test_fit_widths_shrinks_the_text_before_the_names() -> None:
    got = fit_widths([300, 70, 160, 90], [110, 50, 60, 90], ["text", "short", "free", "fixed"], 480, grow=0)
    assert got == [160, 70, 160, 90]  # the speaker stays whole; the quote elides
    got = fit_widths([300, 70, 160, 90], [110, 50, 60, 90], ["text", "short", "free", "fixed"], 400, grow=0)
    assert got[0] == 110 and got[1] == 70 and got[2] == 130


def test_fit_widths_gives_way_in_order() -> None:
    kinds = ["short", "free", "free", "fixed"]
    want, least = [80, 300, 200, 90], [50, 60, 60, 90]
    assert fit_widths(want, least, kinds, 1000, grow=1) == [80, 630, 200, 90]  # room left: the grow column
    got = fit_widths(want, least, kinds, 500, grow=1)
    assert sum(got) <= 500 and got[0] == 80 and got[3] == 90  # free columns give way first
    assert got[1] > got[2] >= 60
    assert fit_widths(want, least, kinds, 270, grow=1) == [60, 60, 60, 90]  # then the short ones
    got = fit_widths(want, least, kinds, 200, grow=1)  # narrower than every header: State still whole
    assert sum(got) <= 200 and got[3] == 90


@pytest.mark.gui
def test_type_column_editor_shows_the_definitions(qtbot: Any, make_editor: Any) -> None:
    from PySide6.QtWidgets import QComboBox

    from desktop_app.core.taxonomy import load_taxonomy

    definitions = {n: t.definition for n, t in load_taxonomy(None).types.items()}
    ed = make_editor("flow")
    ed.show_panel("events")
    table = ed.tables["events"]
    qtbot.waitUntil(table.isVisible)
    cell = table.model().index(0, 0)  # the Type column
    centre = table.visualRect(cell).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.waitUntil(lambda: table.findChild(QComboBox) is not None)
    box = table.findChild(QComboBox)
    assert box.count() == len(definitions)
    for i in range(box.count()):
        assert box.itemData(i, Qt.ItemDataRole.ToolTipRole) == definitions[box.itemText(i)]
    qtbot.keyClick(box, Qt.Key.Key_Escape)
