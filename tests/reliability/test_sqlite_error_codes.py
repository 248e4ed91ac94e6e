"""SQLite errors are classified by their result code, with real errors from real files, never by their wording."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop_app.errors import E, StorageError, kind_of
from desktop_app.storage.database import sqlite_errors, translate_sqlite_error

from .kill_harness import REPO


def _error_of(action: Callable[[], object]) -> sqlite3.Error:
    with pytest.raises(sqlite3.Error) as info:
        action()
    return info.value


def _table(path: Path, rows: int = 200) -> None:
    conn = sqlite3.connect(str(path))
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, x TEXT)")
    conn.executemany("INSERT INTO t (x) VALUES (?)", [(f"row {i} " * 20,) for i in range(rows)])
    conn.commit()
    conn.close()


def _code(exc: sqlite3.Error, path: Path) -> E | None:
    err = translate_sqlite_error(exc, path)
    return None if err is None else err.code


def test_busy_from_a_second_connection_is_e103(tmp_path: Path) -> None:
    db = tmp_path / "c.sqlite3"
    _table(db)
    holder = sqlite3.connect(str(db))
    holder.execute("BEGIN IMMEDIATE")  # holds the write lock
    waiter = sqlite3.connect(str(db), timeout=0)
    exc = _error_of(lambda: waiter.execute("BEGIN IMMEDIATE"))
    assert exc.sqlite_errorname == "SQLITE_BUSY"
    err = translate_sqlite_error(exc, db)
    assert err is not None and err.code is E.E103 and str(db) in str(err) and kind_of(err) == "environment"
    holder.rollback()
    holder.close()
    waiter.close()


def test_table_locked_inside_one_connection_is_e103(tmp_path: Path) -> None:
    db = tmp_path / "c.sqlite3"
    _table(db)
    conn = sqlite3.connect(str(db), isolation_level=None)
    reading = conn.execute("SELECT x FROM t")
    reading.fetchone()  # a statement still reading the table
    exc = _error_of(lambda: conn.execute("DROP TABLE t"))
    assert exc.sqlite_errorcode & 0xFF == sqlite3.SQLITE_LOCKED
    assert _code(exc, db) is E.E103
    reading.close()
    conn.close()


def test_write_to_a_read_only_connection_is_e105(tmp_path: Path) -> None:
    db = tmp_path / "c.sqlite3"
    _table(db)
    ro = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    exc = _error_of(lambda: ro.execute("INSERT INTO t (x) VALUES ('no')"))
    assert exc.sqlite_errorname == "SQLITE_READONLY"
    assert _code(exc, db) is E.E105
    ro.close()


def test_file_that_is_not_a_database_is_e102(tmp_path: Path) -> None:
    db = tmp_path / "notes.sqlite3"
    db.write_bytes(b"These are my notes, not a database.\n" * 200)
    conn = sqlite3.connect(str(db))
    exc = _error_of(lambda: conn.execute("SELECT count(*) FROM sqlite_master").fetchone())
    assert exc.sqlite_errorname == "SQLITE_NOTADB"
    err = translate_sqlite_error(exc, db)
    assert err is not None and err.code is E.E102 and "SQLITE_NOTADB" in str(err)
    conn.close()


def test_damaged_page_is_e102(tmp_path: Path) -> None:
    db = tmp_path / "c.sqlite3"
    _table(db, rows=2000)
    data = bytearray(db.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[page * 2: page * 3] = b"\xff" * page  # the table's second page is garbage now
    db.write_bytes(bytes(data))
    conn = sqlite3.connect(str(db))
    exc = _error_of(lambda: conn.execute("SELECT sum(length(x)) FROM t").fetchone())
    assert exc.sqlite_errorcode & 0xFF == sqlite3.SQLITE_CORRUPT
    assert _code(exc, db) is E.E102
    conn.close()


def test_database_that_cannot_grow_is_e104(tmp_path: Path) -> None:
    db = tmp_path / "c.sqlite3"
    _table(db)
    conn = sqlite3.connect(str(db))
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")
    exc = _error_of(lambda: conn.executemany("INSERT INTO t (x) VALUES (?)", [("y" * 4000,)] * 50))
    assert exc.sqlite_errorname == "SQLITE_FULL"
    err = translate_sqlite_error(exc, db)
    assert err is not None and err.code is E.E104 and "Disk full" in str(err)
    conn.close()


def test_file_in_a_missing_folder_is_e113(tmp_path: Path) -> None:
    db = tmp_path / "gone" / "c.sqlite3"
    exc = _error_of(lambda: sqlite3.connect(str(db)))
    assert exc.sqlite_errorname == "SQLITE_CANTOPEN"
    assert _code(exc, db) is E.E113


def test_deleted_under_the_connection_is_e114(tmp_path: Path) -> None:
    db = tmp_path / "c.sqlite3"
    _table(db)
    conn = sqlite3.connect(str(db))
    conn.execute("SELECT count(*) FROM t").fetchone()
    os.rename(db, tmp_path / "moved.sqlite3")
    exc = _error_of(lambda: conn.execute("INSERT INTO t (x) VALUES ('late')"))
    assert exc.sqlite_errorname == "SQLITE_READONLY_DBMOVED"
    assert _code(exc, db) is E.E114
    conn.close()


_EFBIG = """
import resource, signal, sqlite3, sys
from desktop_app.storage.database import translate_sqlite_error
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (200_000, 200_000))
conn = sqlite3.connect(sys.argv[1])
conn.execute("CREATE TABLE t (x BLOB)")
try:
    for _ in range(1000):
        conn.execute("INSERT INTO t VALUES (randomblob(4000))")
        conn.commit()
except sqlite3.Error as exc:
    print(exc.sqlite_errorname, translate_sqlite_error(exc, sys.argv[1]).code.name)
"""


def test_write_error_from_the_os_is_e115(tmp_path: Path) -> None:
    """A file-size limit (EFBIG): SQLite says SQLITE_IOERR_WRITE, not SQLITE_FULL, and so do we."""
    out = subprocess.run([sys.executable, "-c", _EFBIG, str(tmp_path / "c.sqlite3")], cwd=REPO,
                         capture_output=True, text=True, timeout=60, check=True)
    assert out.stdout.split() == ["SQLITE_IOERR_WRITE", "E115"]


def test_bugs_are_not_translated_whatever_their_message_says(tmp_path: Path) -> None:
    db = tmp_path / "c.sqlite3"
    conn = sqlite3.connect(str(db))
    conn.execute("CREATE TABLE t (x INTEGER, CONSTRAINT \"database is locked\" CHECK (x > 0))")
    conn.execute("CREATE TRIGGER t_full BEFORE INSERT ON t WHEN NEW.x = 99 "
                 "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END")
    errors = [
        _error_of(lambda: conn.execute("INSERT INTO t VALUES (-1)")),  # CHECK constraint failed: database is locked
        _error_of(lambda: conn.execute("INSERT INTO t VALUES (99)")),  # trigger: database or disk is full
        _error_of(lambda: conn.execute("SELEC 1")),  # syntax error
        _error_of(lambda: conn.execute("SELECT * FROM readonly_corrupt_table")),  # no such table
    ]
    assert "locked" in str(errors[0]) and "disk is full" in str(errors[1])
    assert [_code(exc, db) for exc in errors] == [None, None, None, None]
    conn.close()
    closed = _error_of(lambda: conn.execute("SELECT 1"))  # raised by Python itself: no SQLite code
    assert translate_sqlite_error(closed, db) is None


def test_sqlite_errors_raises_the_catalogued_error_and_lets_bugs_through(tmp_path: Path) -> None:
    db = tmp_path / "c.sqlite3"
    _table(db)
    ro = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    with pytest.raises(StorageError) as info, sqlite_errors(db):
        ro.execute("DELETE FROM t")
    assert info.value.code is E.E105 and isinstance(info.value.__cause__, sqlite3.OperationalError)
    with pytest.raises(sqlite3.OperationalError), sqlite_errors(db):
        ro.execute("SELECT nope FROM t")
    ro.close()
