"""A large import into its own Store drops the search indexes it fills and builds them again at its end
(storage/edits.py, DEFER_INDEX_ROWS), and inserts with the enum CHECKs off, refusing their values in Python.

What a user relies on: after the import, ``label:`` search finds exactly what it found before this path existed,
the file has every index it had, a kill -9 while an index is dropped leaves a consistent corpus whose next writable
open builds the index, and a bad enum value is still refused with nothing of its transaction committed.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop_app.services import importing
from desktop_app.services.importing import import_paths
from desktop_app.storage import Store, edits
from desktop_app.storage.bulk import Prepared
from desktop_app.storage.schema import SEARCH_INDEXES

REPO = Path(__file__).resolve().parents[2]
LABELS = ("GPE", "ORG", "PERSON")


def _tasks(path: Path, n: int, first: int = 0) -> None:
    """``n`` Prodigy tasks; task i has i % 3 + 1 spans, so each label is on a known number of articles."""
    with path.open("w", encoding="utf-8") as fh:
        for i in range(first, first + n):
            words = [f"Word{i}", "Kabul", "Islamabad", "Dar", "said", "talks"]
            text = " ".join(words)
            spans, pos = [], len(words[0]) + 1
            for k in range(i % 3 + 1):
                spans.append({"start": pos, "end": pos + len(words[k + 1]), "label": LABELS[k]})
                pos += len(words[k + 1]) + 1
            fh.write(json.dumps({"text": text, "spans": spans}) + "\n")


def _indexes(db: Path) -> set[str]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    finally:
        conn.close()


def _watch(db: Path, present: list[bool]) -> Callable[..., None]:
    """A progress callback noting, after each committed transaction, whether the label index is there."""
    return lambda *_: present.append("idx_entities_label" in _indexes(db))


def _label_counts(store: Store) -> dict[str, int]:
    return {label: store.count_articles(query=f"label:{label}") for label in LABELS}


def test_a_large_import_drops_the_label_index_while_it_runs_and_builds_it_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importing, "CHUNK", 40)  # many transactions
    src = tmp_path / "tasks.jsonl"
    _tasks(src, 600)
    results = []
    for threshold in (10**9, 150):  # never dropped (the path before), dropped after ~150 entity rows
        monkeypatch.setattr(edits, "DEFER_INDEX_ROWS", threshold)
        db = tmp_path / f"corpus-{threshold}.sqlite3"
        present: list[bool] = []
        with Store(db) as s:
            summary = import_paths(s, [src], fmt="prodigy", progress=_watch(db, present))
            assert len(summary.added) == 600 and not summary.errors
            rows = s.conn.execute('SELECT article_id, start, "end", label, origin, state FROM entities ORDER BY id').fetchall()
            results.append(([tuple(r) for r in rows], _label_counts(s)))
            assert s.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            plan = " ".join(r[3] for r in s.conn.execute(
                "EXPLAIN QUERY PLAN SELECT article_id FROM entities WHERE label = 'GPE' AND state = 'accepted'"))
            assert "idx_entities_label" in plan
        assert {name for name, _ in SEARCH_INDEXES.values()} <= _indexes(db)
        if threshold == 150:
            assert present[0] and not all(present), "the index was dropped during the import"
        else:
            assert all(present)
    assert results[0] == results[1]
    assert results[1][1] == {"GPE": 600, "ORG": 400, "PERSON": 200}
    assert _index_sql(tmp_path / "corpus-150.sqlite3") == _index_sql(tmp_path / f"corpus-{10**9}.sqlite3")


def _index_sql(db: Path) -> dict[str, str]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"))
    finally:
        conn.close()


def test_a_small_import_into_a_larger_corpus_keeps_the_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Building the index again costs what the whole table holds: not done for an import smaller than the corpus."""
    monkeypatch.setattr(importing, "CHUNK", 40)
    first, more = tmp_path / "first.jsonl", tmp_path / "more.jsonl"
    _tasks(first, 600)
    _tasks(more, 120, first=600)
    db = tmp_path / "corpus.sqlite3"
    with Store(db) as s:
        import_paths(s, [first], fmt="prodigy")
        monkeypatch.setattr(edits, "DEFER_INDEX_ROWS", 10)
        present: list[bool] = []
        summary = import_paths(s, [more], fmt="prodigy", progress=_watch(db, present))
        assert len(summary.added) == 120 and present and all(present)
        assert _label_counts(s) == {"GPE": 720, "ORG": 480, "PERSON": 240}


_KILLED_IMPORT = """
import os, signal, sqlite3, sys
from desktop_app.services import importing
from desktop_app.storage import Store, edits
edits.DEFER_INDEX_ROWS = 150
importing.CHUNK = 40
db = sys.argv[1]
def progress(*_):
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    gone = conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'idx_entities_label'").fetchone()[0] == 0
    conn.close()
    if gone:
        os.kill(os.getpid(), signal.SIGKILL)
store = Store(db)
importing.import_paths(store, [sys.argv[2]], fmt="prodigy", progress=progress)
"""


_HOLDER = """
import sqlite3, sys
conn = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
conn.execute("SELECT count(*) FROM articles").fetchone()
print("open", flush=True)
sys.stdin.read()
"""


def test_a_kill_while_the_index_is_dropped_leaves_a_corpus_the_next_open_repairs(tmp_path: Path) -> None:
    src, db = tmp_path / "tasks.jsonl", tmp_path / "corpus.sqlite3"
    _tasks(src, 600)
    done = subprocess.run([sys.executable, "-c", _KILLED_IMPORT, str(db), str(src)], cwd=REPO, capture_output=True,
                          text=True, env={**os.environ, "PYTHONPATH": str(REPO)}, timeout=120)
    assert done.returncode == -signal.SIGKILL, done.stderr
    assert "idx_entities_label" not in _indexes(db)
    with Store(db, readonly=True) as r:  # a reader (the GUI's views, an export) works without it
        kept = r.count_articles()
        assert 0 < kept < 600
        ids = [row[0] for row in r.conn.execute("SELECT id FROM articles ORDER BY rowid")]
        spans = dict(r.conn.execute("SELECT article_id, count(*) FROM entities GROUP BY article_id").fetchall())
        # whole transactions only: every article with all its entities (article i has i % 3 + 1)
        assert [spans[a] for a in ids] == [i % 3 + 1 for i in range(kept)]
        expected = {"GPE": kept, "ORG": sum(1 for i in range(kept) if i % 3 >= 1),
                    "PERSON": sum(1 for i in range(kept) if i % 3 == 2)}
        assert _label_counts(r) == expected
    assert "idx_entities_label" not in _indexes(db)  # a read-only open changes nothing
    # while another process has the file open (it may be the import that dropped it), a writable open leaves it
    holder = subprocess.Popen([sys.executable, "-c", _HOLDER, str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        with Store(db) as s:
            assert _label_counts(s) == expected
        assert "idx_entities_label" not in _indexes(db)
    finally:
        holder.communicate("", timeout=30)
    with Store(db) as s:
        assert "idx_entities_label" in _indexes(db)
        assert s.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert _label_counts(s) == expected
        summary = import_paths(s, [src], fmt="prodigy")
        assert (len(summary.added), summary.duplicates) == (600 - kept, kept)
        assert _label_counts(s) == {"GPE": 600, "ORG": 400, "PERSON": 200}


def test_a_bad_enum_value_is_refused_with_the_checks_off(tmp_path: Path) -> None:
    """The import's transactions insert with SQLite's CHECKs off; the same rule refuses the batch in Python,
    and nothing of its transaction stays. Outside an import SQLite's CHECK refuses it as before."""
    src = tmp_path / "tasks.jsonl"
    _tasks(src, 30)
    batch = Prepared()
    for chunk in importing.prepared_chunks([src], "prodigy", None, False):
        assert isinstance(chunk, Prepared)
        batch.extend(chunk)
    row = batch.children["entities"][5]
    bad = Prepared()
    bad.extend(batch)
    bad.children["entities"][5] = (*row[:5], "approved", *row[6:])  # state
    db = tmp_path / "corpus.sqlite3"
    with Store(db) as s:
        with s.bulk_import():
            assert s.conn.execute("PRAGMA ignore_check_constraints").fetchone()[0] == 1
            with pytest.raises(sqlite3.IntegrityError, match=r"entities\.state.*'approved'"), s.write():
                s.add_prepared(bad)
        assert s.conn.execute("PRAGMA ignore_check_constraints").fetchone()[0] == 0
        assert s.count_articles() == 0
        with pytest.raises(sqlite3.IntegrityError, match="CHECK constraint failed"):
            s.add_prepared(bad)
        assert s.count_articles() == 0
        with s.bulk_import(), s.write():
            s.add_prepared(batch)
        assert s.count_articles() == 30
