"""Disk full, read-only, deleted, truncated, old and too-new database files: clear errors, nothing half-written."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from sqlite_utils import Database

from desktop_app.core.model import Article, Entity
from desktop_app.errors import E, StorageError
from desktop_app.storage import Store
from desktop_app.storage.database import connect, list_backups
from desktop_app.storage.schema import KNOWN_MIGRATIONS, migrations

from .kill_harness import REPO


def _filled(path: Path, n: int = 50) -> None:
    with Store(path) as s:
        s.add_articles([Article(id=f"a{i}", title=f"Title {i}", text=f"Article {i} says hello. " * 40,
                                entities=[Entity(0, 7, "ORG")]) for i in range(n)])


def test_disk_full_is_e104_and_nothing_half_written(db_path: Path) -> None:
    _filled(db_path)
    store = Store(db_path)
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {pages}")  # the file may not grow: a full disk
    big = [Article(id=f"big{i}", title="Big", text="x " * 50_000) for i in range(5)]
    with pytest.raises(StorageError) as info:
        store.add_articles(big)
    assert info.value.code is E.E104
    assert "Disk full" in str(info.value)
    # the whole batch was rolled back, earlier data and reading are intact
    assert store.count_articles() == 50
    assert not store.has_article("big0")
    assert store.get_article("a3").entities[0].label == "ORG"
    assert store.count_articles(query="hello") == 50
    assert store.integrity_check() == "ok"
    store.close()
    with Store(db_path) as again:
        assert again.count_articles() == 50


def test_edit_on_a_full_disk_is_refused_and_the_log_stays_consistent(db_path: Path) -> None:
    _filled(db_path, 3)
    store = Store(db_path)
    ent = store.get_article("a0").entities[0]
    # fill the file to the last page, then forbid growth
    store.conn.execute("CREATE TABLE ballast (x BLOB)")
    store.conn.commit()
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(StorageError) as info:
        for _ in range(200):  # each edit adds a change-log row; sooner or later a page is needed
            store.update("entities", ent.id or 0, {"label": "PERSON" if ent.label == "ORG" else "ORG"})
            ent = store.get_article("a0").entities[0]
    assert info.value.code is E.E104
    n_changes = store.conn.execute("SELECT count(DISTINCT batch) FROM changes").fetchone()[0]
    # every committed edit has exactly one log row and its effect; the refused one left neither
    assert store.get_article("a0").entities[0].label == ent.label
    store.conn.execute("PRAGMA max_page_count = 1000000")
    for _ in range(n_changes):
        store.undo("a0")
    assert store.get_article("a0").entities[0].label == "ORG"
    assert store.integrity_check() == "ok"
    store.close()


def test_read_only_store_reads_and_refuses_writes_with_e105(db_path: Path) -> None:
    _filled(db_path, 5)
    before = db_path.read_bytes()
    with Store(db_path, readonly=True) as ro:
        assert ro.count_articles() == 5
        assert ro.get_article("a1").title == "Title 1"
        ent = ro.get_article("a1").entities[0]
        with pytest.raises(StorageError) as info:
            ro.update("entities", ent.id or 0, {"label": "PERSON"})
        assert info.value.code is E.E105
        with pytest.raises(StorageError):
            ro.set_status("a1", "done")
        assert ro.get_article("a1").entities[0].label == "ORG"
    assert db_path.read_bytes() == before


def test_chmod_read_only_file(db_path: Path) -> None:
    """Without write permission the store refuses edits (E105); as root the OS lets writes through."""
    _filled(db_path, 2)
    for f in db_path.parent.glob(db_path.name + "*"):
        f.chmod(stat.S_IRUSR)
    try:
        store = Store(db_path)
        ent = store.get_article("a0").entities[0]
        if os.geteuid() == 0:
            store.update("entities", ent.id or 0, {"label": "PERSON"})  # root ignores the mode bits
            assert store.get_article("a0").entities[0].label == "PERSON"
        else:  # pragma: no cover - CI runs as root here
            with pytest.raises(StorageError) as info:
                store.update("entities", ent.id or 0, {"label": "PERSON"})
            assert info.value.code is E.E105
        assert store.count_articles() == 2
        store.close()
    finally:
        for f in db_path.parent.glob(db_path.name + "*"):
            f.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_database_deleted_under_the_app(db_path: Path) -> None:
    _filled(db_path, 3)
    store = Store(db_path)
    ent = store.get_article("a2").entities[0]
    for f in db_path.parent.glob(db_path.name + "*"):
        f.unlink()
    with pytest.raises(StorageError) as info:
        store.update("entities", ent.id or 0, {"label": "PERSON"})
    assert info.value.code is E.E114
    assert "deleted" in str(info.value)
    assert store.get_article("a2").title == "Title 2"  # the open handle still reads
    store.close()


def test_database_replaced_under_the_app(db_path: Path, tmp_path: Path) -> None:
    _filled(db_path, 3)
    other = tmp_path / "other.sqlite3"
    _filled(other, 1)
    store = Store(db_path)
    os.replace(other, db_path)
    with pytest.raises(StorageError) as info:
        store.set_status("a0", "done")
    assert info.value.code is E.E114
    store.close()


def _old_schema_db(path: Path) -> None:
    """A database as the first release wrote it: only the first migration applied."""
    conn = connect(path)
    db = Database(conn)
    conn.execute("PRAGMA journal_mode = WAL")
    migrations.apply(db, stop_before=KNOWN_MIGRATIONS[1])
    conn.execute(
        "INSERT INTO articles (id, title, text, created_at, updated_at) VALUES ('old1', 'Old', 'Old text here', 'x', 'x')"
    )
    conn.execute(
        "INSERT INTO entities (article_id, start, \"end\", label, origin, state, created_at, updated_at)"
        " VALUES ('old1', 0, 3, 'ORG', 'human', 'accepted', 'x', 'x')"
    )
    conn.commit()
    conn.close()


def test_old_schema_is_upgraded_with_a_backup(db_path: Path) -> None:
    _old_schema_db(db_path)
    with Store(db_path) as store:
        assert store.backup is not None and store.backup.exists()
        assert list_backups(db_path) == [store.backup]
        art = store.get_article("old1")
        assert (art.text, art.entities[0].label) == ("Old text here", "ORG")
        assert store.count_articles(query="text") == 1  # the FTS migration indexed old rows
        applied = [r[0] for r in store.conn.execute("SELECT name FROM _sqlite_migrations ORDER BY rowid")]
        assert applied == list(KNOWN_MIGRATIONS)
    # the backup is the old schema, untouched
    conn = sqlite3.connect(str(list_backups(db_path)[0]))
    assert [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations")] == [KNOWN_MIGRATIONS[0]]
    conn.close()


def test_newer_schema_is_refused_with_e101(db_path: Path) -> None:
    _filled(db_path, 1)
    conn = sqlite3.connect(str(db_path))
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('newsgold', '0099_future', 'x')")
    conn.commit()
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(StorageError) as info:
        Store(db_path)
    assert info.value.code is E.E101
    assert db_path.read_bytes() == before


@pytest.mark.parametrize("fraction", [0.1, 0.5, 0.97])
def test_truncated_database_is_e102_and_names_the_backup(db_path: Path, fraction: float) -> None:
    _old_schema_db(db_path)
    Store(db_path).close()  # upgrade: makes the automatic backup
    _filled(db_path, 40)
    backup = list_backups(db_path)[0]
    for suffix in ("-wal", "-shm"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)
    data = db_path.read_bytes()
    db_path.write_bytes(data[: int(len(data) * fraction)])
    with pytest.raises(StorageError) as info:
        Store(db_path)
    assert info.value.code is E.E102
    assert str(backup) in str(info.value)
    with Store(backup) as restored:  # what the user is offered opens and holds the old data
        assert restored.get_article("old1").title == "Old"


def test_garbage_file_is_e102(db_path: Path) -> None:
    db_path.write_bytes(os.urandom(8192))
    with pytest.raises(StorageError) as info:
        Store(db_path)
    assert info.value.code is E.E102


_LIMITED = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # writes past the limit fail with EFBIG (a per-file quota)
limit = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
from desktop_app.cli import main
sys.exit(main(sys.argv[2:]))
"""

_SMALL_DISK = """
import os, shutil, subprocess, sys
room, disk, db = int(sys.argv[1]), sys.argv[2], sys.argv[3]
folder, name = os.path.split(db)
ours = [f for f in os.listdir(folder) if f.startswith(name)]
size = sum(os.path.getsize(os.path.join(folder, f)) for f in ours) + room
subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", disk], check=True)
for f in ours:
    shutil.copy2(os.path.join(folder, f), disk)
from desktop_app.cli import main
try:
    rc = main([os.path.join(disk, name) if a == db else a for a in sys.argv[4:]])
finally:  # bring back what the full disk left, for the test to inspect
    for f in ours:
        os.unlink(os.path.join(folder, f))
    for f in os.listdir(disk):
        shutil.copy2(os.path.join(disk, f), folder)
sys.exit(rc)
"""


def _small_disk_available() -> bool:
    try:
        return subprocess.run(["unshare", "-Urm", "true"], capture_output=True, timeout=30).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


def _run_full(how: str, room: int, db_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The real CLI in a child that runs out of space after ``room`` more bytes.

    ``disk``: the corpus is moved to a tmpfs of that size in a private mount namespace; writes fail with
    ENOSPC, which SQLite reports as SQLITE_FULL (E104).  ``quota``: RLIMIT_FSIZE caps every file at
    ``room`` bytes; writes fail with EFBIG, which SQLite reports as SQLITE_IOERR_WRITE (E115).
    """
    if how == "disk":
        if not _small_disk_available():
            pytest.skip("no unprivileged mount namespaces (unshare -Urm) for a small tmpfs")
        disk = db_path.parent / "small-disk"
        disk.mkdir()
        cmd = ["unshare", "-Urm", sys.executable, "-c", _SMALL_DISK, str(room), str(disk), str(db_path), *args]
    else:
        cmd = [sys.executable, "-c", _LIMITED, str(room), *args]
    return subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=180)


FULL = pytest.mark.parametrize(("how", "code"), [("disk", "E104"), ("quota", "E115")])


@FULL
def test_disk_full_during_upgrade_backup_leaves_no_half_backup(db_path: Path, how: str, code: str) -> None:
    _old_schema_db(db_path)
    conn = sqlite3.connect(str(db_path))
    conn.execute("CREATE TABLE ballast (x BLOB)")
    conn.executemany("INSERT INTO ballast VALUES (?)", [(os.urandom(1000),) for _ in range(300)])
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    before = db_path.read_bytes()
    res = _run_full(how, len(before) // 2, db_path, "--db", str(db_path), "stats")
    assert res.returncode == 2, res.stderr
    assert f"[{code}]" in res.stderr and str(db_path.name) in res.stderr
    assert "Traceback" not in res.stderr
    assert list_backups(db_path) == []  # no truncated file posing as the automatic backup
    assert db_path.read_bytes() == before  # not upgraded, not touched
    with Store(db_path) as store:  # with space again it upgrades normally
        assert store.get_article("old1").title == "Old"


@FULL
def test_disk_full_during_cli_import_keeps_earlier_work(db_path: Path, tmp_path: Path, how: str, code: str) -> None:
    _filled(db_path, 20)
    big = tmp_path / "big.jsonl"
    big.write_text("".join(json.dumps({"text": f"Article {i} " + "words " * 3000}) + "\n" for i in range(400)),
                   encoding="utf-8")
    room = 2_000_000 if how == "disk" else db_path.stat().st_size + 2_000_000
    res = _run_full(how, room, db_path, "--db", str(db_path), "import", "--no-preannotate", str(big))
    assert res.returncode == 2, res.stderr
    assert f"[{code}]" in res.stderr
    assert "Traceback" not in res.stderr
    with Store(db_path) as store:
        assert store.integrity_check() == "ok"
        assert store.has_article("a19")
        assert store.count_articles() == 20  # the 400 went in one chunk (2,000 a transaction): all rolled back
