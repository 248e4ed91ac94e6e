"""How an import commits. The CLI's parses in a forked child whose chunks a reader thread collects while the
parent commits (``parse_in_child``): the same articles, duplicates and refused lines as an import parsed
in-process, and no child process or thread left behind, whether the import finishes or fails half-way.
An import into its own Store relaxes the fsync per commit and syncs once at the end."""

from __future__ import annotations

import json
import multiprocessing
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from desktop_app.services import importing
from desktop_app.services.corpus import direct_commit
from desktop_app.services.importing import import_paths
from desktop_app.storage import Store

pytestmark = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="forks the parser")


def _tasks(path: Path, n: int) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            if i % 97 == 13:
                fh.write('{"text": "broken line\n')  # refused (E-coded), the rest goes on
                continue
            text = f"Task {i % 450} said the minister in Kabul on the border talks"  # 450 distinct: the rest are duplicates
            fh.write(json.dumps({"text": text, "spans": [{"start": 0, "end": 4, "label": "ORG"},
                                                           {"start": text.index("Kabul"), "end": text.index("Kabul") + 5,
                                                            "label": "GPE"}]}) + "\n")


def _leftovers() -> tuple[list[Any], list[str]]:
    return multiprocessing.active_children(), [t.name for t in threading.enumerate() if t.name == "newsgold-import-pipe"]


def test_parsing_in_a_child_gives_what_parsing_in_process_gives(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importing, "CHUNK", 20)  # many chunks, so several wait while one commits
    src = tmp_path / "tasks.jsonl"
    _tasks(src, 600)
    results = []
    for child in (False, True):
        with Store(tmp_path / f"corpus-{child}.sqlite3") as s:
            summary = import_paths(s, [src], fmt="prodigy", parse_in_child=child)
            labels = s.conn.execute("SELECT label, count(*) FROM entities GROUP BY label ORDER BY label").fetchall()
            results.append((summary.added, summary.duplicates, [(e.code, e.where, e.fields.get("line")) for e in
                                                               summary.errors], [tuple(r) for r in labels]))
    assert results[0] == results[1]
    added, dupes, errors, labels = results[1]
    distinct = len({i % 450 for i in range(600) if i % 97 != 13})
    assert len(errors) == 7 and len(added) == distinct and dupes == 600 - 7 - distinct
    assert labels == [("GPE", distinct), ("ORG", distinct)]
    assert _leftovers() == ([], [])


def test_a_commit_that_fails_half_way_stops_the_child(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importing, "CHUNK", 10)
    src = tmp_path / "tasks.jsonl"
    _tasks(src, 3000)
    with Store(tmp_path / "corpus.sqlite3") as s:
        commit = direct_commit(s)
        calls = 0

        def failing(fn: Callable[[Store], Any]) -> Any:
            nonlocal calls
            calls += 1
            if calls == 3:
                raise OSError("disk gone")
            return commit(fn)

        with pytest.raises(OSError, match="disk gone"):
            import_paths(failing, [src], fmt="prodigy", parse_in_child=True)
        assert 0 < s.conn.execute("SELECT count(*) FROM articles").fetchone()[0] < 450
    assert _leftovers() == ([], [])


def test_an_import_into_its_own_store_syncs_once_at_the_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The import's own transactions commit with synchronous=NORMAL; FULL (every edit's) is back when it returns,
    also when it fails, and the WAL was synced by a last write (the schema version written again)."""
    monkeypatch.setattr(importing, "CHUNK", 50)
    src = tmp_path / "tasks.jsonl"
    _tasks(src, 300)
    modes: list[int] = []
    with Store(tmp_path / "corpus.sqlite3") as s:
        version = s.conn.execute("PRAGMA user_version").fetchone()[0]
        summary = import_paths(s, [src], fmt="prodigy",
                               progress=lambda *_: modes.append(s.conn.execute("PRAGMA synchronous").fetchone()[0]))
        assert summary.added and set(modes) == {1}  # NORMAL while it ran
        assert s.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL again
        assert s.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1  # checked again
        assert s.conn.execute("PRAGMA user_version").fetchone()[0] == version
        assert s.write_times.count == len(modes) + 1  # the import's transactions and the last, syncing write

        def fail(*_: object) -> None:
            raise KeyboardInterrupt

        with pytest.raises(KeyboardInterrupt):
            import_paths(s, [tmp_path / "tasks.jsonl"], fmt="prodigy", progress=fail)
        assert s.conn.execute("PRAGMA synchronous").fetchone()[0] == 2
        assert s.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_the_cli_parses_from_before_it_opens_the_corpus_and_stops_the_child_if_it_cannot(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``newsgold import`` forks its parser before it opens the corpus (start_parsing): the articles come in as
    before; a corpus that cannot be opened is reported as before, and the child parsing meanwhile is stopped."""
    from desktop_app.cli import main

    src = tmp_path / "tasks.jsonl"
    _tasks(src, 600)
    db = tmp_path / "corpus.sqlite3"
    assert main(["--db", str(db), "import", "--format", "prodigy", "--no-preannotate", str(src)]) == 1  # 7 refused
    out = capsys.readouterr()
    distinct = len({i % 450 for i in range(600) if i % 97 != 13})
    assert f"imported {distinct} article(s), skipped {600 - 7 - distinct} duplicate(s), rejected 7 input(s)" in out.out
    assert out.err.count("[E004]") == 7
    with Store(db, readonly=True) as r:
        assert r.count_articles() == distinct and r.count_articles(query="label:GPE") == distinct
    assert _leftovers() == ([], [])

    # the parent leaves the readers to the child (a fresh process: this one has them loaded by other tests)
    probe = ("import sys; from desktop_app.cli import main; rc = main(sys.argv[1:]);"
             " print(rc, 'desktop_app.io.importers' in sys.modules, 'pydantic' in sys.modules)")
    again = subprocess.run([sys.executable, "-c", probe, "--db", str(tmp_path / "other.sqlite3"), "import", "--format",
                            "prodigy", "--no-preannotate", str(src)], capture_output=True, text=True, timeout=120,
                           cwd=Path(__file__).resolve().parents[2])
    assert again.stdout.split()[-3:] == ["1", "False", "False"], again.stderr
    assert f"imported {distinct} article(s)" in again.stdout

    many = tmp_path / "many.jsonl"
    _tasks(many, 20_000)  # the child is still parsing (or waiting to send) when the open fails
    notes = tmp_path / "notes.sqlite3"
    notes.write_bytes(b"my notes, not a database\n" * 400)
    assert main(["--db", str(notes), "import", "--format", "prodigy", "--no-preannotate", str(many)]) == 2
    assert "[E102]" in capsys.readouterr().err
    assert notes.read_bytes() == b"my notes, not a database\n" * 400
    assert _leftovers() == ([], [])
