"""``newsgold FILE`` (what the installers' file association runs) opens FILE, through the real parsing and window."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop_app.cli import parse_args
from desktop_app.core.model import Article
from desktop_app.paths import default_db_path
from desktop_app.storage import Store
from desktop_app.ui.app import start_window
from desktop_app.ui.settings import Settings

pytestmark = pytest.mark.gui


@pytest.fixture
def open_from_command_line(qtbot) -> Iterator[Callable[[list[str]], Any]]:  # type: ignore[no-untyped-def]
    """``newsgold ARGV...`` up to the shown window (no event loop); every window is shut down at the end."""
    made: list[Any] = []

    def run(argv: list[str]) -> Any:
        win = start_window(parse_args(argv), Settings(annotator="tester"), load_model=False)
        assert win is not None
        made.append(win)
        qtbot.addWidget(win)
        win.show()
        return win

    yield run
    for w in made:
        w.shutdown()


def _corpus(path: Path, titles: list[str]) -> Path:
    with Store(path) as store:
        store.add_articles([Article.from_text(f"{t}\n\nText of {t}.", title=t) for t in titles])
    return path


@pytest.mark.parametrize("form", [[], ["gui"]])
def test_the_file_is_the_corpus_not_the_default_one(open_from_command_line, tmp_path: Path, form: list[str]) -> None:  # type: ignore[no-untyped-def]
    corpus = _corpus(tmp_path / "Downloads" / "colleague.newsgold", ["Harbour", "Council", "Budget"])
    win = open_from_command_line([*form, str(corpus)])
    assert win.db_path == corpus
    assert "colleague.newsgold" in win.windowTitle()
    assert win.list.model.rowCount() == 3  # the file's articles, not the demo corpus
    assert not default_db_path().exists()  # the default corpus was not even created


def test_a_new_corpus_name_creates_it(open_from_command_line, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    new = tmp_path / "fresh.sqlite3"
    win = open_from_command_line([str(new)])
    assert win.db_path == new and new.exists()
    assert win.list.model.rowCount() == 0


def test_an_article_file_is_imported_into_the_default_corpus(open_from_command_line, qtbot,  # type: ignore[no-untyped-def]
                                                             tmp_path: Path) -> None:
    notes = tmp_path / "storm.txt"
    notes.write_text("Storm closes harbour\n\nThe harbour of Porto was closed on Monday.\n", encoding="utf-8")
    win = open_from_command_line([str(notes)])
    assert win.db_path == default_db_path()
    qtbot.waitUntil(lambda: win.list.model.rowCount() == 1, timeout=30_000)
    qtbot.waitUntil(lambda: not win.jobs.running(), timeout=30_000)
    with Store(default_db_path(), readonly=True) as store:
        assert [a.title for a in store.iter_articles()] == ["Storm closes harbour"]
