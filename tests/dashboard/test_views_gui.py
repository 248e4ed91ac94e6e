"""The dashboard and people views in a real main window on a real corpus, driven with real mouse and
key events: a click on a bar or a matrix cell filters the article list; merge and rename in the
people view rename the quotes' speakers (the editor shows it) and undo brings them back."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt

from desktop_app.services.importing import import_paths
from desktop_app.storage import Store
from desktop_app.ui.app import create_main_window
from desktop_app.ui.settings import Settings

DEMO = Path(__file__).resolve().parent.parent / "gold" / "demo.jsonl"
pytestmark = pytest.mark.gui


@pytest.fixture
def win(qtbot, db_path: Path) -> Iterator[Any]:  # type: ignore[no-untyped-def]
    with Store(db_path) as s:
        import_paths(s, [DEMO])
    w = create_main_window(db_path, Settings(annotator="tester"), load_model=False, remember_layout=False)
    qtbot.addWidget(w)
    w.resize(1500, 950)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.shutdown()


def listed(win: Any) -> list[str]:
    m = win.list.model
    return [m.article_at(i).id for i in range(m.rowCount())]


def click_chart(qtbot, view: Any, category: str, series: str | None = None) -> None:  # type: ignore[no-untyped-def]
    pos = view.box_centre(category, series)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(round(pos.x()), round(pos.y())))


def test_clicking_a_bar_or_a_cell_lists_its_articles(qtbot, win: Any) -> None:  # type: ignore[no-untyped-def]
    win.findChild(type(win.menuBar().actions()[0]), "view_dashboard").trigger()
    dash = win.centre.currentWidget()
    assert dash.objectName() == "dashboard"
    speakers = dash.cards["speakers"]
    qtbot.waitUntil(lambda: bool(speakers.view.boxes))
    name = speakers.view.chart.categories[0]
    click_chart(qtbot, speakers.view, name)
    shown = listed(win)
    with Store(win.db_path, readonly=True) as r:
        want = [a.id for a in r.iter_articles() if any(q.speaker == name and q.state == "accepted" for q in a.quotes)]
    assert shown == want and 0 < len(shown) < 6
    assert win.list.selection_row.isVisible() and name in win.list.selection_label.text()
    assert win.centre.currentWidget() is dash  # the dashboard stays while the list filters

    actors = dash.cards["actors"].view
    actor, etype = "Pakistan", "AGREE"
    click_chart(qtbot, actors, actor, etype)
    with Store(win.db_path, readonly=True) as r:
        want = [a.id for a in r.iter_articles()
                if any(e.type == etype and e.actor and e.actor.name == actor for e in a.events)]
    assert listed(win) == want and f"{etype} · {actor}" in win.list.selection_label.text()

    qtbot.mouseClick(win.list.selection_clear, Qt.MouseButton.LeftButton)
    assert len(listed(win)) == 6 and not win.list.selection_row.isVisible()

    # any status: the scope combo counts suggestions too; the chart is redrawn
    dash.set_scope("any")
    assert dash.charts["speakers"].status == "any"


def test_a_chart_saves_as_png_and_svg(qtbot, win: Any, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dash = win.show_view("dashboard")
    view = dash.cards["event-types"].view
    qtbot.waitUntil(lambda: bool(view.boxes))
    png, svg = view.save(tmp_path / "types.png"), view.save(tmp_path / "types.svg")
    assert png.read_bytes()[:4] == b"\x89PNG"
    assert "<svg" in svg.read_text(encoding="utf-8")


def _select_person(qtbot, view: Any, name: str) -> None:  # type: ignore[no-untyped-def]
    row = view.row_of(name)
    assert row is not None, name
    rect = view.table.visualRect(view.table.model().index(row, 0))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.current_name() == name


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")  # the name completer's popup, offscreen
def test_merge_rename_and_undo_in_the_people_view(qtbot, win: Any) -> None:  # type: ignore[no-untyped-def]
    view = win.show_view("people")
    assert view.objectName() == "people"
    qtbot.waitUntil(lambda: view.row_of("Hakan Fidan") is not None)
    with Store(win.db_path, readonly=True) as r:
        fidan_article = next(a["id"] for a in r.appearances("Hakan Fidan") if a["quotes"])
        n_farhan = r.person("Farhan Qureshi")["quotes"]
        n_fidan = r.person("Hakan Fidan")["quotes"]
    win.list.select_article(fidan_article)  # the editor has one of Fidan's articles open
    qtbot.waitUntil(lambda: win.editor.current_article_id() == fidan_article)

    _select_person(qtbot, view, "Hakan Fidan")
    assert view.appears.count() >= 1
    qtbot.keyClicks(view.merge_into, "Farhan Qureshi")
    with qtbot.waitSignal(view.changed, timeout=10_000):
        qtbot.mouseClick(view.merge_button, Qt.MouseButton.LeftButton)
    assert view.row_of("Hakan Fidan") is None
    r_ = view.row_of("Farhan Qureshi")
    assert r_ is not None
    assert view.table.item(r_, 2).text() == str(n_farhan + n_fidan)
    assert "Hakan Fidan" in view.table.item(r_, 1).text()
    speakers = {q.speaker for q in win.editor.article.quotes}
    assert "Hakan Fidan" not in speakers and "Farhan Qureshi" in speakers  # the editor re-read its article

    _select_person(qtbot, view, "Farhan Qureshi")
    qtbot.keyClicks(view.rename_to, "Farhan Q.")
    with qtbot.waitSignal(view.changed, timeout=10_000):
        qtbot.keyClick(view.rename_to, Qt.Key.Key_Return)
    assert view.row_of("Farhan Qureshi") is None and view.row_of("Farhan Q.") is not None
    assert view.current_name() == "Farhan Q."

    for _ in range(2):
        with qtbot.waitSignal(view.changed, timeout=10_000):
            qtbot.mouseClick(view.undo_button, Qt.MouseButton.LeftButton)
    assert view.row_of("Hakan Fidan") is not None and view.row_of("Farhan Qureshi") is not None
    assert not view.undo_button.isEnabled() and view.redo_button.isEnabled()
    assert "Hakan Fidan" in {q.speaker for q in win.editor.article.quotes}

    # a refused edit says why in the status bar and changes nothing
    _select_person(qtbot, view, "Hakan Fidan")
    qtbot.keyClicks(view.rename_to, "Farhan Qureshi")
    qtbot.mouseClick(view.rename_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "already a person" in win.status.currentMessage(), timeout=10_000)
    assert view.row_of("Hakan Fidan") is not None


def test_screenshot_of_a_view(qtbot, win: Any, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QImage

    from desktop_app.ui.app import take_screenshot

    out = tmp_path / "people.png"
    assert take_screenshot(win, out, article=None, panel=None, view="people", timeout_ms=5000)
    assert win.centre.currentWidget().objectName() == "people"
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1600, 900)


def test_a_big_corpus_is_counted_in_the_background(qtbot, win: Any, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.ui import dashboard as dashboard_ui

    monkeypatch.setattr(dashboard_ui, "ASYNC_ABOVE", 0)  # every corpus is "big"
    dash = win.show_view("dashboard")
    assert dash.counting and dash.refresh_button.text() == "Counting…"
    dash.refresh()  # asked again while counting: counted once more afterwards, not twice at once
    qtbot.waitUntil(lambda: not dash.counting and not win.jobs.running(), timeout=20_000)
    assert dash.charts["speakers"].categories and dash.cards["speakers"].view.boxes
    assert dash.refresh_button.text() == "Refresh" and dash.refresh_button.isEnabled()


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")  # the name completer's popup, offscreen
def test_a_big_registry_is_counted_in_the_background(qtbot, win: Any, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.ui import people as people_ui

    monkeypatch.setattr(people_ui, "ASYNC_ABOVE", 0)
    view = win.show_view("people")
    assert view.counting
    qtbot.waitUntil(lambda: not view.counting and view.row_of("Hakan Fidan") is not None, timeout=20_000)
    _select_person(qtbot, view, "Hakan Fidan")
    qtbot.keyClicks(view.merge_into, "Farhan Qureshi")
    with qtbot.waitSignal(view.refreshed, timeout=20_000):
        qtbot.mouseClick(view.merge_button, Qt.MouseButton.LeftButton)
    assert view.row_of("Hakan Fidan") is None and view.current_name() == "Farhan Qureshi"
    qtbot.waitUntil(lambda: not win.jobs.running(), timeout=20_000)


def test_ctrl_2_ctrl_3_ctrl_1_switch_views(qtbot, win: Any) -> None:  # type: ignore[no-untyped-def]
    win.activateWindow()
    for key, name in ((Qt.Key.Key_2, "dashboard"), (Qt.Key.Key_3, "people"), (Qt.Key.Key_1, "articles")):
        qtbot.keyClick(win.list.view, key, Qt.KeyboardModifier.ControlModifier)
        assert win.view_name == name
    assert win.centre.currentWidget() is win.editor


def test_the_people_view_exports_and_imports_the_registry(qtbot, win: Any, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    view = win.show_view("people")
    out = tmp_path / "people.csv"
    assert view.export_to(out) == view.table.rowCount()
    assert out.read_text(encoding="utf-8").splitlines()[0] == "name,aliases,note,external_id"
    registry = tmp_path / "in.json"
    registry.write_text('[{"name": "Hakan Fidan", "aliases": ["Mr Fidan"], "external_id": "Q6581224"}]',
                        encoding="utf-8")
    with qtbot.waitSignal(view.changed, timeout=10_000):
        view.import_from(registry)
    r = view.row_of("Hakan Fidan")
    assert r is not None and view.table.item(r, 1).text() == "Mr Fidan" and view.table.item(r, 6).text() == "Q6581224"
    assert view.undo_button.isEnabled()
