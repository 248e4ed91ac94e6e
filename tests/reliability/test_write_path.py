"""The write path as users meet it: the app holds the corpus, other programs open it too.

Process A holds the app's connections (one writer, fresh readers after each edit, as the GUI's
views do) and keeps editing; process B is the real CLI (``stats``, ``export``, ``import``,
``preannotate``) run in between. A is then killed with SIGKILL: every edit A reported as
committed must be in the file, and ``integrity_check`` must be ok.

0.1.0 lost these edits: opening a Store ran a Python ``open()``/``close()`` of the database file,
which drops every POSIX lock SQLite holds on it in that process; B then believed it was alone,
checkpointed and deleted the WAL that A still wrote into.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from desktop_app.core.model import Article
from desktop_app.services.corpus import Writer, open_reader
from desktop_app.storage import Store

from .kill_harness import REPO

TEXT = "The foreign office spokesperson said on Friday that talks would resume in Doha next week. " * 30


def _cli(db: Path, *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desktop_app", "--db", str(db), *args], cwd=REPO,
                          capture_output=True, text=True, timeout=timeout)


class AppProcess:
    """``tests.reliability.app_driver`` in a child process, driven line by line."""

    def __init__(self, db: Path) -> None:
        self.proc = subprocess.Popen([sys.executable, "-m", "tests.reliability.app_driver", str(db)], cwd=REPO,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     text=True)
        assert self._line() == "READY"

    def _line(self) -> str:
        assert self.proc.stdout is not None
        return self.proc.stdout.readline().strip()

    def edit(self, n: int) -> int:
        assert self.proc.stdin is not None
        self.proc.stdin.write(f"edit {n}\n")
        self.proc.stdin.flush()
        answer = self._line()
        assert answer.startswith(f"COMMITTED {n} "), answer
        return int(answer.split()[2])

    def kill(self) -> None:
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=30)
        for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            if stream is not None:
                stream.close()


def _entity_ids(db: Path) -> tuple[str, set[int]]:
    conn = sqlite3.connect(str(db))
    try:
        check = str(conn.execute("PRAGMA integrity_check").fetchone()[0])
        ids = {r[0] for r in conn.execute("SELECT id FROM entities")}
    finally:
        conn.close()
    return check, ids


def _corpus(db: Path, n: int = 1, text: str = TEXT) -> list[str]:
    with Store(db) as store:
        added, _ = store.add_articles([Article.from_text(f"Story {i}. {text}", f"Story {i}") for i in range(n)])
    return added


@pytest.mark.model
def test_edits_survive_the_cli_beside_the_app_and_a_kill_9(tmp_path: Path) -> None:
    db = tmp_path / "corpus.sqlite3"
    _corpus(db)
    extra = tmp_path / "more.jsonl"
    extra.write_text(json.dumps({"text": "Islamabad said the border would reopen on Monday."}) + "\n", encoding="utf-8")
    app = AppProcess(db)
    committed: list[int] = []
    try:
        between = [("stats",), ("export", "--status", "any", "-o", str(tmp_path / "out.jsonl")),
                   ("import", "--no-preannotate", str(extra)), ("preannotate",), ("stats", "--json")]
        n = 0
        for args in between:
            for _ in range(3):
                committed.append(app.edit(n))
                n += 1
            result = _cli(db, *args)
            assert result.returncode == 0, (args, result.stderr)
        for _ in range(3):
            committed.append(app.edit(n))
            n += 1
    finally:
        app.kill()
    check, ids = _entity_ids(db)
    assert check == "ok"
    assert set(committed) <= ids, f"lost edits: {sorted(set(committed) - ids)}"
    with Store(db, readonly=True) as s:
        assert s.count_articles() == 2  # B's import landed too


def test_storage_never_opens_the_database_files_itself(tmp_path: Path) -> None:
    """Only SQLite may open the database, -wal or -shm in a process that has a connection."""
    db = tmp_path / "watched.sqlite3"
    watched = (str(db), f"{db}-wal", f"{db}-shm")
    opened: list[str] = []
    active = threading.Event()

    def hook(event: str, args: tuple[Any, ...]) -> None:
        if active.is_set() and event == "open" and args and str(args[0]) in watched:
            opened.append(str(args[0]))

    _corpus(db, 3)  # creating the file (O_EXCL, mode 0600) happens before any connection exists
    sys.addaudithook(hook)  # cannot be removed; inert once ``active`` is cleared
    active.set()
    try:
        writer = Writer(db)
        readers = [open_reader(db) for _ in range(3)]  # each open used to read the header with open()
        aid = readers[0].article_ids()[0]
        writer.call(lambda s: s.set_status(aid, "in_progress"))
        for r in readers:
            assert r.get_article(aid).status == "in_progress"
            r.close()
        writer.close()
        Store(db).close()
    finally:
        active.clear()
    assert opened == []


def test_a_clean_close_leaves_no_wal_behind(tmp_path: Path) -> None:
    """Copying the .sqlite3 file alone after a quit must copy all the work."""
    db = tmp_path / "corpus.sqlite3"
    _corpus(db, 2)
    writer = Writer(db)
    reader = open_reader(db)
    aid = reader.article_ids()[0]
    writer.call(lambda s: s.set_status(aid, "done"))
    reader.close()
    writer.close()
    assert not Path(f"{db}-wal").exists()
    copy = tmp_path / "copy.sqlite3"
    copy.write_bytes(db.read_bytes())  # the user's copy, made after quitting
    conn = sqlite3.connect(copy)
    try:
        assert conn.execute("SELECT status FROM articles WHERE id = ?", [aid]).fetchone()[0] == "done"
    finally:
        conn.close()


@pytest.mark.model
@pytest.mark.slow
def test_edits_go_through_while_another_process_preannotates(tmp_path: Path) -> None:
    """`newsgold preannotate` in another process never locks the annotator out, and loses nothing."""
    db = tmp_path / "corpus.sqlite3"
    ids = _corpus(db, 24, TEXT * 2)  # ~24 x 1,000 words: the NLP pass takes several seconds
    writer = Writer(db)
    reader = open_reader(db)
    target = ids[0]
    proc = subprocess.Popen([sys.executable, "-m", "desktop_app", "--db", str(db), "preannotate"], cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    committed: list[int] = []
    during = 0
    try:
        # wait until B has committed its first batch: from then on it is in the middle of its NLP pass
        deadline = time.monotonic() + 180
        while reader.count_articles(status="preannotated") == 0 and proc.poll() is None:
            assert time.monotonic() < deadline
            time.sleep(0.05)
        n = 0
        while proc.poll() is None:
            status = ("in_progress", "skipped")[n % 2]
            committed.append(writer.call(lambda s, st=status: _set_status(s, target, st)))
            if proc.poll() is None:
                during += 1
            n += 1
            time.sleep(0.02)
        _out, err = proc.communicate(timeout=60)
    finally:
        writer.close()
        reader.close()
    assert proc.returncode == 0, err
    assert during >= 3, "the pre-annotation ended before the edits could overlap it"
    with Store(db, readonly=True) as s:
        assert {c["id"] for c in s.history(target)} >= set(committed)  # every edit is in the change log
        assert s.count_articles(status="preannotated") == len(ids) - 1  # all but the one being edited
        assert s.integrity_check() == "ok"


def _set_status(store: Store, article_id: str, status: str) -> int:
    """An annotator's edit; returns the id of the change-log row it wrote."""
    store.set_status(article_id, status, who="annotator")
    return int(store.history(article_id)[-1]["id"])
