"""The adjudication view in a real main window on a real team file, driven by key presses: what all
agree on is in already, each disagreement shows who chose what, 1-9 take annotator N's choice, a and x
take or leave the item, and the result is the adjudicated version the export writes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from desktop_app.services.team import merge
from desktop_app.storage import Store
from desktop_app.ui.app import create_main_window
from desktop_app.ui.settings import Settings

from . import annotate_as
from .teamhelp import cli, read_jsonl, write_corpus

pytestmark = pytest.mark.gui


@pytest.fixture
def team_file(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus.sqlite3"
    cli("--db", corpus, "import", "--no-preannotate", write_corpus(tmp_path / "in.jsonl", 2))
    cli("--db", corpus, "assign", "--annotators", "a,b", "--overlap", "1", "-o", tmp_path / "out")
    annotate_as.main(str(tmp_path / "out" / "a.sqlite3"), "a", "accept")
    annotate_as.main(str(tmp_path / "out" / "b.sqlite3"), "b", "lahore")
    with Store(tmp_path / "team.sqlite3") as team:
        merge(team, [tmp_path / "out" / "a.sqlite3", tmp_path / "out" / "b.sqlite3"])
    return tmp_path / "team.sqlite3"


@pytest.fixture
def view(qtbot, team_file: Path) -> Iterator[Any]:  # type: ignore[no-untyped-def]
    w = create_main_window(team_file, Settings(annotator="lead"), load_model=False, remember_layout=False)
    qtbot.addWidget(w)
    w.resize(1500, 900)
    w.show()
    qtbot.waitExposed(w)
    v = w.show_view("adjudication")
    qtbot.waitUntil(lambda: v.articles.count() == 2)
    v.win = w
    yield v
    w.shutdown()


def rows(view: Any) -> dict[str, list[str]]:
    t = view.table
    last = t.columnCount() - 1  # layer, one column per annotator, adjudicated, item
    return {t.item(r, last).text().split(" (at ")[0]: [t.item(r, c).text() for c in range(1, last)]
            for r in range(t.rowCount())}


def press(qtbot, view: Any, label: str, key: Any) -> None:  # type: ignore[no-untyped-def]
    row = list(rows(view)).index(label)
    view.table.setFocus()
    view.table.selectRow(row)
    before = view.win.ops.pending
    qtbot.keyClick(view.table, key)
    qtbot.waitUntil(lambda: view.win.ops.pending == before and rows(view).get(label, ["?"])[-1] != "?",
                    timeout=10_000)


def test_who_chose_what_and_keys_take_an_annotators_choice(qtbot, view: Any, team_file: Path,  # type: ignore[no-untyped-def]
                                                           tmp_path: Path) -> None:
    assert "1. a: 2 done, 0 in progress" in view.progress.text() and "2. b: 2 done" in view.progress.text()
    assert view.progress.text().count(" min") == 2  # time spent, from each one's change log
    assert view.win.status.team.isVisibleTo(view.win)
    assert view.win.status.team.text().startswith("· team: a 2 ✓ 0 … ")  # in the status bar too
    shown = rows(view)
    # a kept Lahore and India as a GPE, b dropped Lahore and made India an ORG
    assert shown["'Lahore' GPE"] == ["A", "–", "?"]
    assert shown["'India' GPE"] == ["A", "–", "?"]
    assert shown["'India' ORG"] == ["–", "B", "?"]
    assert "3 disagreement(s), 3 left" in view.heading.text()
    assert "4 item(s) all agree on go into" in view.heading.text()  # Ahmed Khan, Pakistan, the quote, the event

    press(qtbot, view, "'India' ORG", Qt.Key.Key_2)  # b's choice: India is an ORG
    assert rows(view)["'India' ORG"][-1] == "✓ in"
    assert rows(view)["'India' GPE"][-1] == "✗ out"  # the same span: decided with it
    press(qtbot, view, "'Lahore' GPE", Qt.Key.Key_1)  # a's choice: Lahore stays
    assert rows(view)["'Lahore' GPE"][-1] == "✓ in"
    assert "0 disagreement(s) left" in view.result.text()
    assert view.articles.item(view.articles.currentRow()).text().startswith("agreed")
    assert "4 item(s) all agree on are in" in view.heading.text()

    aid = view.current_article()
    cli("--db", team_file, "export", "--version", "adjudicated", "-o", tmp_path / "adj.jsonl")
    (line,) = [x for x in read_jsonl(tmp_path / "adj.jsonl") if x["id"] == aid]
    assert sorted((e["text"], e["label"]) for e in line["entities"]) == [
        ("Ahmed Khan", "PERSON"), ("India", "ORG"), ("Lahore", "GPE"), ("Pakistan", "GPE")]
    assert line["status"] == "done" and line["annotator"] == "adjudicated"


def test_x_leaves_an_item_out_and_a_takes_it_back(qtbot, view: Any) -> None:  # type: ignore[no-untyped-def]
    press(qtbot, view, "'Lahore' GPE", Qt.Key.Key_X)
    assert rows(view)["'Lahore' GPE"][-1] == "✗ out"
    press(qtbot, view, "'Lahore' GPE", Qt.Key.Key_A)
    assert rows(view)["'Lahore' GPE"][-1] == "✓ in"
    assert "2 disagreement(s) left" in view.result.text()


def test_agreement_tab_and_click_through_to_the_most_disputed_articles(qtbot, view: Any) -> None:  # type: ignore[no-untyped-def]
    view.tabs.setCurrentIndex(1)
    t = view.agree
    qtbot.waitUntil(lambda: t.rowCount() == 2)  # the pair and the mean
    header = [t.horizontalHeaderItem(c).text() for c in range(t.columnCount())]
    row = {header[c]: t.item(0, c).text() for c in range(t.columnCount())}
    assert row["Pair"] == "a / b" and row["Articles"] == "2"
    assert row["entity f1"] == f"{4 / 7:.3f}"  # a: 4 entities an article, b: 3, 2 the same
    assert row["event f1"] == "1.000" and row["quote kind_kappa"] == "1.000"
    qtbot.mouseClick(t.viewport(), Qt.MouseButton.LeftButton, pos=t.visualItemRect(t.item(0, 0)).center())
    qtbot.waitUntil(lambda: view.tabs.currentIndex() == 0)
    first = view.articles.item(0).text()
    assert first.startswith("3 apart · ")  # Lahore, and India as GPE or ORG
    m = view.win.list.model
    assert {m.article_at(i).id for i in range(m.rowCount())} == {
        view.articles.item(i).data(Qt.ItemDataRole.UserRole) for i in range(view.articles.count())}


def test_the_article_list_shows_each_annotators_progress(qtbot, team_file: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.ui.article_list import COL_TEAM

    w = create_main_window(team_file, Settings(annotator="lead"), load_model=False, remember_layout=False)
    qtbot.addWidget(w)
    try:
        w.show()
        qtbot.waitExposed(w)
        model = w.list.model
        assert not w.list.view.isColumnHidden(COL_TEAM)
        cells = [model.data(model.index(r, COL_TEAM)) for r in range(model.rowCount())]
        assert cells == ["a✓ b✓", "a✓ b✓"], cells  # both annotators finished both articles
        tip = model.data(model.index(0, COL_TEAM), Qt.ItemDataRole.ToolTipRole)
        assert tip == "a: done\nb: done"
    finally:
        w.shutdown()
    # a corpus without versions keeps the column out of the way
    plain = create_main_window(tmp_path / "corpus.sqlite3", Settings(annotator="lead"), load_model=False,
                               remember_layout=False)
    qtbot.addWidget(plain)
    try:
        assert plain.list.view.isColumnHidden(COL_TEAM)
    finally:
        plain.shutdown()
