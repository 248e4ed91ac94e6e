"""Two real processes on one database: WAL + busy timeout + BEGIN IMMEDIATE serialise the writers."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.core.model import Article
from desktop_app.errors import E, StorageError
from desktop_app.storage import Store

from .kill_harness import REPO, Model, make_db, read_state


def _jsonl(path: Path, prefix: str, n: int) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({"id": f"{prefix}{i}", "title": f"{prefix} {i}",
                                 "text": f"Story {prefix} number {i}. " + "Words of the day. " * 60}) + "\n")
    return path


def test_two_cli_imports_at_once_land_every_row(tmp_path: Path) -> None:
    db = tmp_path / "shared.sqlite3"
    Store(db).close()
    files = [_jsonl(tmp_path / f"{p}.jsonl", p, 2500) for p in ("left", "right")]
    procs = [
        subprocess.Popen([sys.executable, "-m", "desktop_app", "--db", str(db), "import", "--no-preannotate", str(f)],
                         cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for f in files
    ]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    with Store(db, readonly=True) as s:
        assert s.count_articles() == 5000
        assert s.count_articles(query="left") == 2500
        assert s.count_articles(query="right") == 2500
        assert s.integrity_check() == "ok"


def test_editor_process_and_importer_in_this_process(tmp_path: Path) -> None:
    """A child edits annotations while this process imports: both finish, every edit of the child is there."""
    db = tmp_path / "shared.sqlite3"
    make_db(db)
    model = Model(read_state(db)[1])
    child = subprocess.Popen([sys.executable, "-m", "tests.reliability.edit_driver", str(db), "5", "150"],
                             cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    with Store(db) as store:
        for i in range(60):
            store.add_articles([Article(id=f"mine{i}", title=f"Mine {i}", text=f"Imported while editing {i}.")])
            store.set_status(f"mine{i}", "done")
    out, err = child.communicate(timeout=120)
    assert child.returncode == 0, err
    for line in out.splitlines():
        kind, _, rest = line.partition(" ")
        if kind == "COMMITTED":
            model.apply(json.loads(rest.split(" ", 1)[1]))
    integrity, state = read_state(db)
    assert integrity == "ok"
    assert state == model.current
    with Store(db, readonly=True) as s:
        assert s.count_articles() == 61
        assert s.count_articles(status="done") >= 60


def test_writer_locked_out_names_the_holder_and_still_reads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another process holding the write lock, never committing, past the patience: E120 naming it; reads go on."""
    from desktop_app.storage import connection as store_mod
    from desktop_app.storage import database

    db = tmp_path / "locked.sqlite3"
    with Store(db) as s:
        s.add_articles([Article(id="a", title="A", text="Some text.")])
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute('BEGIN IMMEDIATE');"
         " print('LOCKED', flush=True); sys.stdin.read(); c.rollback()", str(db)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    assert holder.stdout is not None and holder.stdin is not None
    assert holder.stdout.readline().strip() == "LOCKED"
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 300)
    monkeypatch.setattr(store_mod, "STALL_S", 1.0)
    store = Store(db)
    with pytest.raises(StorageError) as info:
        store.set_status("a", "done")
    assert info.value.code is E.E120
    assert f"pid {holder.pid}" in str(info.value)  # says what holds the lock
    assert store.get_article("a").status == "new"  # reading works while locked out
    holder.stdin.close()
    assert holder.wait(timeout=30) == 0
    holder.stdout.close()
    store.set_status("a", "done")  # the lock is gone: the same store writes again
    assert store.get_article("a").status == "done"
    store.close()
