"""Opening a NewsGold SQLite file safely: pragmas, migrations with a backup, clear errors."""

from __future__ import annotations

import contextlib
import datetime as _dt
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from sqlite_utils import Database

from desktop_app.errors import E, StorageError
from desktop_app.storage.locks import lock_holders
from desktop_app.storage.schema import (
    KNOWN_MIGRATIONS,
    MIGRATION_SET,
    SCHEMA_VERSION,
    migrations,
    missing_search_indexes,
    restore_search_indexes,
)

BUSY_TIMEOUT_MS = 5000


def now_iso() -> str:
    return _dt.datetime.now(_dt.UTC).isoformat(timespec="milliseconds")


#: SQLite's primary result codes (``sqlite_errorcode & 0xFF``) that the machine or the file causes.
#: Anything else (a constraint, a syntax error, misuse) is NewsGold's own bug and is not translated.
_ENVIRONMENT_CODES: dict[int, E] = {
    sqlite3.SQLITE_BUSY: E.E103,
    sqlite3.SQLITE_LOCKED: E.E103,
    sqlite3.SQLITE_FULL: E.E104,
    sqlite3.SQLITE_IOERR: E.E115,
    sqlite3.SQLITE_READONLY: E.E105,
    sqlite3.SQLITE_CORRUPT: E.E102,
    sqlite3.SQLITE_NOTADB: E.E102,
    sqlite3.SQLITE_CANTOPEN: E.E113,
}


def translate_sqlite_error(exc: sqlite3.Error, path: Path | str) -> StorageError | None:
    """Map the sqlite3 errors an environment causes to a catalogued error; None for bugs.

    Decided by SQLite's result code (``sqlite_errorcode``), never by the wording of the message:
    the primary code (``code & 0xFF``) picks the catalogue entry; a few extended codes say more.
    Errors that Python raises itself (closed connection, wrong thread) carry no code: bugs.
    """
    code = getattr(exc, "sqlite_errorcode", None)
    if not isinstance(code, int):
        return None
    name = getattr(exc, "sqlite_errorname", None) or f"SQLite error {code}"
    detail = f"{exc} [{name}]"
    if code == sqlite3.SQLITE_READONLY_DBMOVED:  # the file was renamed or deleted under the connection
        return StorageError(E.E114, path=path)
    catalogued = _ENVIRONMENT_CODES.get(code & 0xFF)
    if catalogued is None:
        return None
    if catalogued is E.E102:  # wherever SQLite notices the damage, the message names the newest backup
        return _corrupt(Path(path), detail)
    if catalogued in (E.E113, E.E115):
        return StorageError(catalogued, path=path, detail=detail)
    return StorageError(catalogued, path=path)


@contextlib.contextmanager
def sqlite_errors(path: Path | str) -> Iterator[None]:
    try:
        yield
    except sqlite3.Error as exc:
        err = translate_sqlite_error(exc, path)
        if err is None:
            raise
        raise err from exc


def _applied_migration_names(conn: sqlite3.Connection) -> list[str]:
    row = conn.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name='_sqlite_migrations'"
    ).fetchone()
    if row is None:
        return []
    return [
        r[0]
        for r in conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid",
            [MIGRATION_SET],
        )
    ]


def backup_path_for(path: Path) -> Path:
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    return path.with_name(f"{path.name}.backup-{stamp}")


def make_backup(conn: sqlite3.Connection, path: Path) -> Path:
    """Copy the live database with SQLite's online backup API (consistent under WAL)."""
    target = backup_path_for(path)
    _create_private(target)
    try:
        dest = sqlite3.connect(str(target))
        try:
            conn.backup(dest)
        finally:
            dest.close()
    except BaseException:
        # A half-written backup (disk full) must never be offered to the user as "the backup".
        target.unlink(missing_ok=True)
        raise
    _restrict_permissions(target)
    return target


def list_backups(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.name}.backup-*"), reverse=True)


def _restrict_permissions(path: Path) -> None:
    if os.name == "posix":
        with contextlib.suppress(OSError):
            os.chmod(path, 0o600)


def _create_private(path: Path) -> None:
    """Create the file 0600 before SQLite sees it: SQLite gives -wal/-shm the database's mode."""
    if os.name == "posix" and not path.exists():
        with contextlib.suppress(FileExistsError):
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def truncation(conn: sqlite3.Connection, path: Path) -> str | None:
    """A file shorter than SQLite's own page count says is truncated (SQLite may not notice until later).

    Read through the connection and ``os.stat`` only: opening the database (or its ``-wal``/``-shm``)
    with Python's ``open()`` in a process that holds an SQLite connection to it drops every POSIX
    lock SQLite holds there, and another process then checkpoints and deletes the WAL under us.
    The page count is read first; a WAL that is empty by the time of the ``stat`` means every page
    counted has reached the main file.
    """
    pages = int(conn.execute("PRAGMA page_count").fetchone()[0])
    page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
    try:
        size = os.stat(path).st_size
        wal = path.with_name(path.name + "-wal")
        wal_size = os.stat(wal).st_size if wal.exists() else 0
    except OSError:
        return None
    if wal_size == 0 and size < pages * page_size:
        return f"file is truncated: {size} of {pages * page_size} bytes"
    return None


def _corrupt(path: Path, detail: str) -> StorageError:
    backups = list_backups(path)
    if backups:
        detail += f"; the newest automatic backup is {backups[0]}"
    return StorageError(E.E102, path=path, detail=detail)


def connect(path: Path, *, readonly: bool = False, check_same_thread: bool = True) -> sqlite3.Connection:
    if readonly:
        uri = f"{path.resolve().as_uri()}?mode=ro"
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=check_same_thread)
    else:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=check_same_thread)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    if not readonly:
        # FULL: an edit that returned is on disk even after a power cut.
        conn.execute("PRAGMA synchronous = FULL")
    return conn


def checkpoint_and_close(conn: sqlite3.Connection) -> None:
    """Fold the WAL into the main file and close, so the ``.sqlite3`` file alone holds everything.

    With no other connection left, SQLite then deletes the ``-wal`` and ``-shm`` files itself.
    A reader elsewhere may keep the checkpoint from finishing; the data is still safe in the WAL.
    """
    with contextlib.suppress(sqlite3.Error):
        if conn.in_transaction:
            conn.rollback()
        conn.execute("PRAGMA busy_timeout = 1000")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    with contextlib.suppress(sqlite3.Error):
        conn.close()


def open_database(
    path: Path, *, readonly: bool = False, check_same_thread: bool = True
) -> tuple[Database, Path | None]:
    """Open (creating if needed) and migrate; returns the Database and any backup made."""
    path = Path(path)
    existed = path.exists() and path.stat().st_size > 0
    if readonly and not existed:
        raise StorageError(E.E113, path=path, detail="file does not exist")
    if not readonly:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            _create_private(path)
        except OSError as exc:
            raise StorageError(E.E113, path=path, detail=str(exc)) from exc
    with sqlite_errors(path):
        conn = connect(path, readonly=readonly, check_same_thread=check_same_thread)
        try:
            # Reading the schema is what detects a file that is not a database.
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            applied = _applied_migration_names(conn)
            cut = truncation(conn, path) if existed else None
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise _corrupt(path, str(exc)) from exc
        if cut:
            conn.close()
            raise _corrupt(path, cut)
        unknown = [name for name in applied if name not in KNOWN_MIGRATIONS]
        if unknown:
            conn.close()
            raise StorageError(E.E101, path=path, found=len(applied), known=SCHEMA_VERSION)
        if existed and not applied:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if tables:
                conn.close()
                raise StorageError(
                    E.E102, path=path, detail="it holds tables of another program: " + ", ".join(sorted(tables))
                )
        db = Database(conn, execute_plugins=False)  # no sqlite-utils plugins: nor the scan of every installed package for them
        backup = None
        pending = [m for m in KNOWN_MIGRATIONS if m not in applied]
        if pending and not readonly:
            if existed and applied:
                backup = make_backup(conn, path)
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":  # pragma: no cover - filesystems without WAL
                conn.execute("PRAGMA journal_mode = DELETE")
            migrations.apply(db)
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            conn.commit()
            _restrict_permissions(path)
        elif pending and readonly:
            conn.close()
            raise StorageError(E.E105, path=path)
        if not readonly and missing_search_indexes(conn):
            _restore_search_indexes(conn, path)
        return db, backup


def _restore_search_indexes(conn: sqlite3.Connection, path: Path) -> None:
    """Build the search indexes an import dropped and was killed before building again (schema.SEARCH_INDEXES).

    Left for a later open while another process has the file open: it may be the import that dropped them,
    which builds them at its end (building them under it would hold its lock as long as the table takes).
    """
    if lock_holders(path):
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        if (getattr(exc, "sqlite_errorcode", 0) & 0xFF) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
            return
        raise
    try:
        restore_search_indexes(conn)
    except BaseException:
        conn.rollback()
        raise
    conn.commit()
