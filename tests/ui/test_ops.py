"""OpRunner: writes run on the writer thread, results arrive on the GUI thread, failures are signalled."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from desktop_app.core.model import Entity
from desktop_app.errors import NewsGoldError
from desktop_app.storage import Store

from .conftest import make_articles


def test_op_result_reaches_gui_thread_and_is_saved(qtbot, ops, db_path: Path) -> None:
    article = make_articles(1)[0]
    seen: dict[str, object] = {}

    def add(store: Store) -> int:
        seen["op_thread"] = threading.get_ident()
        store.add_articles([article])
        return store.add(article.id, Entity(0, 5, "ORG", origin="human", state="accepted"), who="tester")

    def done(row_id: int) -> None:
        seen["done_thread"] = threading.get_ident()
        seen["row_id"] = row_id

    changed: list[str] = []
    ops.article_changed.connect(changed.append)
    with qtbot.waitSignal(ops.saved, timeout=5000):
        ops.submit(add, on_done=done, article_id=article.id)
    assert changed == [article.id]
    assert seen["op_thread"] != threading.get_ident()
    assert seen["done_thread"] == threading.get_ident()
    # committed: a separate reader sees it
    with Store(db_path, readonly=True) as reader:
        ents = reader.get_article(article.id).entities
    assert [(e.id, e.label, e.state) for e in ents] == [(seen["row_id"], "ORG", "accepted")]


def test_ops_run_in_submission_order(qtbot, ops) -> None:
    article = make_articles(1)[0]
    order: list[str] = []
    ops.submit(lambda s: s.add_articles([article]))
    ops.submit(lambda s: s.set_status(article.id, "in_progress"), on_done=lambda _: order.append("a"))
    with qtbot.waitSignal(ops.idle, timeout=5000):
        ops.submit(lambda s: s.get_article(article.id).status, on_done=order.append)
    assert order == ["a", "in_progress"]


def test_failure_is_emitted_and_thread_keeps_serving(qtbot, ops) -> None:
    with qtbot.waitSignal(ops.failed, timeout=5000) as blocker:
        ops.submit(lambda s: s.undo("no-such-article"), article_id="no-such-article")
    assert isinstance(blocker.args[0], NewsGoldError)
    assert "Nothing to undo" in str(blocker.args[0])
    with qtbot.waitSignal(ops.saved, timeout=5000):
        ops.submit(lambda s: s.add_articles(make_articles(2)))


def test_a_bug_in_an_op_is_emitted_as_failed_not_raised(qtbot, ops) -> None:
    with qtbot.waitSignal(ops.failed, timeout=5000) as blocker:
        ops.submit(lambda s: 1 / 0)
    assert isinstance(blocker.args[0], ZeroDivisionError)


def test_shutdown_finishes_queued_ops(qtbot, db_path: Path) -> None:
    from desktop_app.ui.ops import OpRunner

    runner = OpRunner(db_path)
    arts = make_articles(20)
    results: list[int] = []
    for a in arts:
        runner.submit(lambda s, a=a: len(s.add_articles([a])[0]), on_done=results.append)
    runner.shutdown()
    assert results == [1] * 20
    with Store(db_path, readonly=True) as reader:
        assert reader.count_articles() == 20
    with pytest.raises(RuntimeError):
        runner.submit(lambda s: None)
