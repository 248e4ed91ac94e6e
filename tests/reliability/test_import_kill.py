"""SIGKILL the CLI in the middle of an import of annotated tasks (parsing runs in a child process).

What a user relies on: the corpus holds whole articles only (each with all its entities, each in
the search index and in the dashboard's counts), the parsing child does not linger once its parent is
gone, and running the same import again adds the rest and reports the committed ones as duplicates.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .kill_harness import REPO

N = 4000
SPANS = 12

pytestmark = pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="finds the child through /proc")


def _tasks(path: Path) -> None:
    """N Prodigy tasks of SPANS entities each, every text with "Kabul" in it (for the search check)."""
    words = ["Kabul", "said", "the", "talks", "on", "the", "border", "would", "reopen", "after", "the", "week", "and",
             "officials", "said", "so"]
    with path.open("w", encoding="utf-8") as fh:
        for i in range(N):
            text = f"Task{i} " + " ".join(words[(i + k) % len(words)] for k in range(120))
            spans, pos = [], len(f"Task{i} ")
            for k in range(SPANS):
                w = words[(i + k) % len(words)]
                spans.append({"start": pos, "end": pos + len(w), "label": "GPE" if k % 2 else "ORG"})
                pos += len(w) + 1
            fh.write(json.dumps({"text": text, "spans": spans, "meta": {"n": i}}) + "\n")


def _import(db: Path, src: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "desktop_app", "--db", str(db), "import", "--format", "prodigy",
                             "--no-preannotate", str(src)], cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def _count(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error:
        return 0
    try:
        return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return 0
    finally:
        conn.close()


def _children(pid: int) -> list[int]:
    with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as fh:
        return [int(x) for x in fh.read().split()]


def _running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            state = next(line for line in fh if line.startswith("State:"))
    except (FileNotFoundError, StopIteration):
        return False
    return "Z" not in state.split()[1]


def _check(db: Path) -> tuple[int, dict[int, int]]:
    """(articles, {entities per article: how many articles}); raises if the corpus is inconsistent."""
    conn = sqlite3.connect(str(db))
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
        n = int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
        indexed = int(conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'kabul'").fetchone()[0])
        assert indexed == n, f"{n} articles, {indexed} in the search index"
        # the dashboard's counts (counted per transaction by the import, migration 0012) match what is there
        assert conn.execute("SELECT count(*) FROM tally_pause").fetchone()[0] == 0
        assert dict(conn.execute("SELECT label, n FROM tally_entity_labels WHERE scope = 'any' AND n > 0")) == dict(
            conn.execute("SELECT label, count(*) FROM entities WHERE state != 'rejected' GROUP BY label"))
        per = dict(conn.execute(
            "SELECT k, count(*) FROM (SELECT a.id, (SELECT count(*) FROM entities e WHERE e.article_id = a.id) AS k"
            " FROM articles a) GROUP BY k").fetchall())
    finally:
        conn.close()
    return n, per


def test_a_killed_import_leaves_whole_articles_and_a_rerun_completes_it(tmp_path: Path) -> None:
    src, db = tmp_path / "tasks.jsonl", tmp_path / "corpus.sqlite3"
    _tasks(src)
    proc = _import(db, src)
    deadline = time.monotonic() + 120
    while _count(db) == 0 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert proc.poll() is None, "the import finished before it could be killed; make N larger"
    parsers = _children(proc.pid)
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=30)
    assert parsers, "the CLI parses in a child process"
    deadline = time.monotonic() + 30
    while any(_running(p) for p in parsers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_running(p) for p in parsers), "the parsing child outlived its parent"

    kept, per = _check(db)
    assert 0 < kept < N
    assert per == {SPANS: kept}, f"articles by entity count: {per}"

    again = _import(db, src)
    out, err = again.communicate(timeout=300)
    assert again.returncode == 0, err
    assert f"imported {N - kept} article(s), skipped {kept} duplicate(s), rejected 0 input(s)" in out
    assert _check(db) == (N, {SPANS: N})
