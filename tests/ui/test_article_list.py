"""The lazy article list: Qt model contract, paging, filter, FTS search, sort, next unfinished."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop_app.storage import Store
from desktop_app.ui.article_list import (
    COL_COUNTS,
    COL_DATE,
    COL_STATUS,
    COL_TITLE,
    PAGE,
    ArticleListModel,
    ArticleListPanel,
)

from .conftest import make_articles


@pytest.fixture
def big_db(db_path: Path) -> Path:
    arts = make_articles(PAGE * 2 + 50)
    with Store(db_path) as s:
        s.add_articles(arts)
        s.set_status(arts[3].id, "done")
        s.set_status(arts[4].id, "skipped")
        s.set_status(arts[5].id, "done")
    return db_path


@pytest.fixture
def reader(big_db: Path):  # type: ignore[no-untyped-def]
    s = Store(big_db, readonly=True)
    yield s
    s.close()


def test_model_passes_qtmodeltester(qtmodeltester, reader) -> None:
    model = ArticleListModel(reader)
    qtmodeltester.check(model, force_py=True)
    model.set_filter("done", None)
    qtmodeltester.check(model, force_py=True)


def test_rows_are_fetched_lazily_page_by_page(qtbot, reader) -> None:
    model = ArticleListModel(reader)
    assert model.total == PAGE * 2 + 50
    assert model.rowCount() == PAGE
    assert model.canFetchMore()
    model.fetchMore()
    model.fetchMore()
    assert model.rowCount() == PAGE * 2 + 50
    assert not model.canFetchMore()
    first = model.index(0, COL_TITLE)
    assert model.data(first) == "Story 0: the harbour"
    assert model.data(model.index(0, COL_DATE)) == "2025-01-01"
    assert model.data(model.index(0, COL_COUNTS)) == "0 · 0 · 0"
    assert model.data(model.index(3, COL_STATUS), Qt.ItemDataRole.ToolTipRole) == "done"
    assert not model.data(model.index(3, COL_STATUS), Qt.ItemDataRole.DecorationRole).isNull()


def test_view_fetches_more_when_scrolled_to_the_end(qtbot, reader) -> None:
    panel = ArticleListPanel(reader)
    qtbot.addWidget(panel)
    panel.resize(400, 300)
    panel.show()
    assert panel.model.rowCount() == PAGE
    panel.view.scrollToBottom()
    qtbot.waitUntil(lambda: panel.model.rowCount() > PAGE, timeout=3000)


def test_status_filter_and_search_change_rows(qtbot, reader) -> None:
    panel = ArticleListPanel(reader)
    qtbot.addWidget(panel)
    assert panel.header.text() == f"Articles  2/{PAGE * 2 + 50} ✓"
    panel.set_status_filter("done")
    assert [panel.model.article_at(i).title for i in range(panel.model.rowCount())] == [
        "Story 3: the drought", "Story 5: the bridge"]
    panel.set_status_filter(None)
    qtbot.keyClicks(panel.search, "festival")
    qtbot.waitUntil(lambda: panel.model.total < 100, timeout=3000)
    titles = {panel.model.article_at(i).title for i in range(panel.model.rowCount())}
    assert titles and all("festival" in t for t in titles)
    assert len(titles) == panel.model.total == (PAGE * 2 + 50 + 3) // 8
    # FTS over the text too, combined with the status filter
    panel.search.setText("Springfield")
    panel.apply_filter()
    panel.set_status_filter("skipped")
    assert panel.model.total == 1 and panel.model.article_at(0).title == "Story 4: the festival"
    panel.search.setText("nonexistentword")
    panel.apply_filter()
    assert panel.model.rowCount() == 0


def test_sorting_by_header(qtbot, reader) -> None:
    panel = ArticleListPanel(reader)
    qtbot.addWidget(panel)
    panel.view.sortByColumn(COL_TITLE, Qt.SortOrder.DescendingOrder)
    assert panel.model.article_at(0).title == "Story 9: the minister"  # ":" sorts after "9"
    panel.view.sortByColumn(COL_STATUS, Qt.SortOrder.AscendingOrder)
    statuses = [panel.model.article_at(i).status for i in range(panel.model.rowCount())]
    assert statuses[:2] == ["done", "done"]


def test_next_unfinished_skips_done_and_skipped(qtbot, reader) -> None:
    panel = ArticleListPanel(reader)
    qtbot.addWidget(panel)
    ids = reader.article_ids()
    seen: list[str] = []
    panel.article_selected.connect(seen.append)
    panel.select_article(ids[2])
    assert panel.go_next_unfinished() == ids[6]
    assert panel.go_next_unfinished(backwards=True) == ids[2]
    # an article beyond the first page is found by fetching pages
    assert panel.select_article(ids[-1])
    assert panel.model.rowCount() == len(ids)
    assert seen == [ids[2], ids[6], ids[2], ids[-1]]


def test_refresh_article_updates_status_in_place(qtbot, big_db, reader) -> None:
    model = ArticleListModel(reader)
    aid = model.article_at(0).id
    with Store(big_db) as writer:
        writer.set_status(aid, "done")
    with qtbot.waitSignal(model.dataChanged):
        model.refresh_article(aid)
    assert model.article_at(0).status == "done"


def test_an_edit_moves_the_done_count_without_recounting(qtbot, big_db, reader) -> None:
    panel = ArticleListPanel(reader)
    qtbot.addWidget(panel)
    seen: list[tuple[int, int]] = []
    panel.counts_changed.connect(lambda d, t: seen.append((d, t)))
    aid = panel.model.article_at(0).id
    with Store(big_db) as writer:
        writer.set_status(aid, "done")
    panel.refresh_article(aid)
    total = PAGE * 2 + 50
    assert seen == [(3, total)] and panel.header.text() == f"Articles  3/{total} ✓"
    assert panel.counts == reader.status_counts()
    assert panel.filter.itemText(panel.filter.findData("done")) == "done (3)"
