"""``newsgold backup -o FILE``: a consistent copy while another process keeps writing, through real processes."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.core.model import Article
from desktop_app.storage import Store

from .kill_harness import REPO

# A second program with the corpus open, committing one article at a time (WAL) until told to stop.
_WRITER = """
import sys, time
from pathlib import Path
from desktop_app.core.model import Article
from desktop_app.storage import Store
db, stop = sys.argv[1], Path(sys.argv[2])
with Store(db) as store:
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    i = store.count_articles()
    while not stop.exists():
        store.add_articles([Article(id=f"w{i:05d}", title=f"Written {i}", text=f"Article number {i}. " * 30)])
        i += 1
        print(i, flush=True)
        time.sleep(0.002)
print("stopped", i, flush=True)
"""


def _newsgold(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desktop_app", *args], cwd=REPO, capture_output=True, text=True,
                          timeout=120)


def _seed(db: Path, n: int) -> None:
    with Store(db) as store:
        store.add_articles([Article(id=f"a{i:05d}", title=f"Seed {i}", text=f"Seed article {i}. " * 200)
                            for i in range(n)])


def test_backup_while_another_process_keeps_committing(db_path: Path, tmp_path: Path) -> None:
    _seed(db_path, 2000)  # a few MB, so the copy takes a while
    stop = tmp_path / "stop"
    writer = subprocess.Popen([sys.executable, "-c", _WRITER, str(db_path), str(stop)], cwd=REPO, text=True,
                              stdout=subprocess.PIPE)
    assert writer.stdout is not None
    try:
        written = 0  # the writer prints the number of articles in the corpus after each commit
        while written < 2020:  # well under way
            written = int(writer.stdout.readline())
        copy = tmp_path / "copies" / "copy.sqlite3"
        copy.parent.mkdir()
        res = _newsgold("--db", str(db_path), "backup", "-o", str(copy))
        live = sqlite3.connect(f"{db_path.as_uri()}?mode=ro", uri=True)
        after = live.execute("SELECT count(*) FROM articles").fetchone()[0]  # committed by the end of the backup
        live.close()
        going_on = written
        while going_on <= after:  # and the writer commits on after the backup
            going_on = int(writer.stdout.readline())
    finally:
        stop.touch()
        assert writer.stdout is not None
        tail = writer.stdout.read().split()
        writer.wait(timeout=60)
        writer.stdout.close()
    assert writer.returncode == 0
    final = int(tail[-1])
    assert res.returncode == 0, res.stderr
    assert "backed up" in res.stdout and str(copy) in res.stdout
    assert after > written and final > after  # the writer went on before, during and after

    assert sorted(os.listdir(copy.parent)) == ["copy.sqlite3"]  # one self-contained file, no -wal, no leftovers
    conn = sqlite3.connect(str(copy))
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()
    with Store(copy) as restored:  # opens as a corpus
        n = restored.count_articles()
        # everything committed before the backup started is there, nothing from after it ended
        assert written <= n <= after
        assert restored.get_article("a01999").title == "Seed 1999"
        # one snapshot: the writer's articles in it are exactly the first ones it committed
        ids = [r[0] for r in restored.conn.execute("SELECT id FROM articles WHERE id LIKE 'w%' ORDER BY id")]
        assert ids == [f"w{i:05d}" for i in range(2000, n)]
        assert restored.get_article(ids[-1]).text.startswith(f"Article number {n - 1}.")
    with Store(db_path) as corpus:  # the corpus itself went on
        assert corpus.count_articles() == final


def test_backup_never_overwrites_the_corpus(db_path: Path, tmp_path: Path) -> None:
    _seed(db_path, 3)
    before = db_path.read_bytes()
    link = tmp_path / "link.sqlite3"
    link.symlink_to(db_path)
    for target in (db_path, Path(os.path.relpath(db_path, REPO)), link, Path(f"{db_path}-wal"), db_path.parent):
        res = _newsgold("--db", str(db_path), "backup", "-o", str(target))
        assert res.returncode == 2, (target, res.stderr)
        assert "[E116]" in res.stderr and "onto itself" in res.stderr, res.stderr
    assert db_path.read_bytes() == before
    with Store(db_path) as store:
        assert store.count_articles() == 3


def test_backup_replaces_an_old_copy_and_refuses_what_is_not_a_corpus(db_path: Path, tmp_path: Path) -> None:
    _seed(db_path, 4)
    copy = tmp_path / "copy.sqlite3"
    copy.write_text("last week's copy", encoding="utf-8")
    assert sorted(p.name for p in tmp_path.glob(f"{db_path.name}*")) == [db_path.name]
    assert _newsgold("--db", str(db_path), "backup", "-o", str(copy)).returncode == 0
    assert sorted(p.name for p in tmp_path.glob(f"{db_path.name}*")) == [db_path.name]  # no -wal/-shm left behind
    with Store(copy) as store:
        assert store.count_articles() == 4
    assert oct(copy.stat().st_mode & 0o777) == oct(0o600)  # private like the corpus

    res = _newsgold("--db", str(tmp_path / "missing.sqlite3"), "backup", "-o", str(tmp_path / "b.sqlite3"))
    assert res.returncode == 2 and "[E113]" in res.stderr
    notes = tmp_path / "notes.sqlite3"
    notes.write_bytes(b"not a database at all\n" * 500)
    res = _newsgold("--db", str(notes), "backup", "-o", str(tmp_path / "c.sqlite3"))
    assert res.returncode == 2 and "[E102]" in res.stderr
    assert not (tmp_path / "c.sqlite3").exists()
    assert not list(tmp_path.glob(".*partial*"))


def test_backup_onto_a_full_disk_leaves_no_half_copy(db_path: Path, tmp_path: Path) -> None:
    if subprocess.run(["unshare", "-Urm", "true"], capture_output=True).returncode != 0:
        pytest.skip("no unprivileged mount namespaces (unshare -Urm) for a small tmpfs")
    _seed(db_path, 500)
    disk = tmp_path / "disk"
    disk.mkdir()
    script = (f"mount -t tmpfs -o size=256k tmpfs {disk} && "
              f"{sys.executable} -m desktop_app --db {db_path} backup -o {disk}/copy.sqlite3; "
              f"echo rc=$?; ls -a {disk}")
    res = subprocess.run(["unshare", "-Urm", "sh", "-c", script], cwd=REPO, capture_output=True, text=True,
                         timeout=120)
    assert "rc=2" in res.stdout, res.stdout + res.stderr
    assert "[E104]" in res.stderr and "hint:" in res.stderr
    assert "copy.sqlite3" not in res.stdout.split("rc=2", 1)[1]  # nothing left on the small disk
