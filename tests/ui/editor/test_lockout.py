"""The annotator is never locked out: key presses while a long pre-annotation runs save at once.

0.1.0 held the write lock for a whole NLP pass (3.8 s for 64 short articles), so edits made
meanwhile, in the window or by another process, waited out the busy timeout and failed (E103).
Here the pre-annotation runs for real, with the real model, on a corpus long enough to take
several seconds, once as the window's own job and once as `newsgold preannotate` in another
process; the annotator meanwhile accepts and rejects with real key presses.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from desktop_app.core.model import Article
from desktop_app.storage import Store
from desktop_app.ui.workers import PreannotateJob

from .conftest import IDS
from .helpers import WAIT, key, stored

REPO = Path(__file__).resolve().parents[3]
LONG = ("The interior minister said on Monday that the border crossing at Torkham would reopen after talks "
        "in Islamabad, while Afghan officials accused Pakistan of delaying trade convoys. ") * 25


def _add_long_articles(db: Path, n: int) -> list[str]:
    with Store(db) as store:
        added, _ = store.add_articles([Article.from_text(f"Dispatch {i}\n\n{LONG}", f"Dispatch {i}") for i in range(n)])
    return added


def _press_through(qtbot: Any, ed: Any, runner: Any, running: Any, limit: int = 40) -> list[int]:
    """Accept / reject items with the keyboard while ``running()``; returns the row ids decided."""
    decided: list[int] = []
    failures: list[object] = []
    runner.failed.connect(failures.append)
    ed.tabs.setCurrentIndex(1)  # Entities: plenty of items
    for n in range(limit):
        if not running():
            break
        item = ed.current_item()
        if item is None:
            break
        with qtbot.waitSignal(runner.saved, timeout=WAIT):
            key(qtbot, ed, "a" if n % 2 else "x")
        decided.append(item.id)
    assert failures == []
    return decided


@pytest.mark.gui
@pytest.mark.slow
def test_keys_save_while_the_windows_own_preannotation_runs(qtbot: Any, make_editor: Any, runner: Any,
                                                           corpus: Path, engine: Any) -> None:
    ids = _add_long_articles(corpus, 12)
    ed = make_editor("flow")
    job = PreannotateJob(runner.writer, engine, ids)
    job.start()
    try:
        decided = _press_through(qtbot, ed, runner, job.isRunning)
        assert job.isRunning() or len(decided) >= 5, "the job ended before the edits could overlap it"
    finally:
        with qtbot.waitSignal(job.finished, timeout=300_000, raising=False):
            pass
        job.wait()
    assert job.error is None and job.result == len(ids)
    saved = {e.id: e.state for e in stored(corpus, IDS["flow"]).entities}
    assert decided and all(saved[i] in ("accepted", "rejected") for i in decided)


@pytest.mark.gui
@pytest.mark.slow
def test_keys_save_while_the_cli_preannotates_beside_the_window(qtbot: Any, make_editor: Any, runner: Any,
                                                                corpus: Path) -> None:
    ids = _add_long_articles(corpus, 16)
    ed = make_editor("flow")
    proc = subprocess.Popen([sys.executable, "-m", "desktop_app", "--db", str(corpus), "preannotate"], cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        with Store(corpus, readonly=True) as reader:  # wait for its first commit: it is now mid-pass
            qtbot.waitUntil(lambda: reader.count_articles(status="preannotated") > 0 or proc.poll() is not None,
                            timeout=120_000)
        decided = _press_through(qtbot, ed, runner, lambda: proc.poll() is None)
        overlapped = proc.poll() is None
    finally:
        _out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    assert overlapped or len(decided) >= 5, "the CLI ended before the edits could overlap it"
    saved = {e.id: e.state for e in stored(corpus, IDS["flow"]).entities}
    assert decided and all(saved[i] in ("accepted", "rejected") for i in decided)
    with Store(corpus, readonly=True) as s:
        assert s.count_articles(status="preannotated") >= len(ids)
        assert s.integrity_check() == "ok"
