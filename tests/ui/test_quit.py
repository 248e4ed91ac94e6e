"""Quitting leaves the corpus whole in its one file: no -wal or -shm beside it, every edit inside."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from desktop_app.storage import Store
from desktop_app.ui.app import create_main_window
from desktop_app.ui.settings import Settings


@pytest.mark.gui
def test_closing_the_window_leaves_only_the_sqlite3_file(qtbot: Any, filled_db: Path, tmp_path: Path) -> None:
    win = create_main_window(filled_db, Settings(annotator="tester"), load_model=False, remember_layout=False)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.current_article() is not None, timeout=10_000)
    aid = win.current_article()
    with qtbot.waitSignal(win.ops.saved, timeout=10_000):
        win.editor.edits.skip()  # what Space does: a committed edit
    assert Path(f"{filled_db}-wal").exists()  # the app is open: work sits in the WAL too
    win.close()
    assert not Path(f"{filled_db}-wal").exists() and not Path(f"{filled_db}-shm").exists()
    copy = tmp_path / "copied" / "corpus.sqlite3"  # someone copies just the .sqlite3 file
    copy.parent.mkdir()
    shutil.copy(filled_db, copy)
    with Store(copy, readonly=True) as s:
        assert s.get_article(aid).status == "skipped"
