"""One connection to a corpus file: opening, short write transactions that wait out other writers, closing.

The base of :class:`~desktop_app.storage.store.Store`; the queries, the logged edits and the
speaker registry all run on it.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Self

from desktop_app.errors import E, StorageError
from desktop_app.storage.database import checkpoint_and_close, open_database, sqlite_errors
from desktop_app.storage.locks import lock_holders

log = logging.getLogger(__name__)

ANNOTATION_TABLES = ("entities", "quotes", "events")

#: how long a writer waits for another process's lock in all, and without seeing it commit
LOCK_PATIENCE_S = 120.0
STALL_S = 30.0
#: a write transaction longer than this is logged: the annotator's edits wait behind it
SLOW_WRITE_S = 0.25


class WriteTimes:
    """Durations of committed write transactions: count, longest, and the slow ones logged."""

    def __init__(self) -> None:
        self.count = 0
        self.longest = 0.0
        self.samples: list[float] = []

    def record(self, seconds: float) -> None:
        self.count += 1
        self.longest = max(self.longest, seconds)
        if len(self.samples) < 100_000:
            self.samples.append(seconds)
        if seconds > SLOW_WRITE_S:
            log.warning("write transaction held the lock for %.0f ms", seconds * 1000)


def _holders(path: Path) -> str:
    names = lock_holders(path)
    return ", ".join(names) if names else "another program"


class Connection:
    """A corpus file opened (and migrated) for one thread; ``write()`` is one immediate transaction."""

    def __init__(self, path: str | Path, *, readonly: bool = False, check_same_thread: bool = True) -> None:
        self.path = Path(path)
        self.readonly = readonly
        self.db, self.backup = open_database(self.path, readonly=readonly, check_same_thread=check_same_thread)
        self.conn: sqlite3.Connection = self.db.conn
        self.conn.row_factory = sqlite3.Row
        self._batch: int | None = None
        #: inside ``bulk_import()``
        self.bulk = False
        self._identity = self._file_identity()
        #: how long each write transaction held the lock (the benchmark and the log read it)
        self.write_times = WriteTimes()

    def _file_identity(self) -> tuple[int, int] | None:
        try:
            st = os.stat(self.path)
        except OSError:
            return None
        return st.st_dev, st.st_ino

    def _check_file_still_there(self) -> None:
        """Writes to a deleted (unlinked) file would vanish silently on close: refuse them instead."""
        if self._file_identity() != self._identity:
            raise StorageError(E.E114, path=self.path)

    # -- plumbing -----------------------------------------------------------
    def close(self) -> None:
        """Close; a writing Store checkpoints first so no ``-wal`` is left holding work."""
        if self.readonly:
            with contextlib.suppress(sqlite3.Error):
                self.conn.close()
        else:
            checkpoint_and_close(self.conn)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One immediate transaction; commits on success, rolls back on any error."""
        if self.conn.in_transaction:  # nested: part of the outer transaction
            yield self.conn
            return
        self._check_file_still_there()
        with sqlite_errors(self.path):
            self._begin_immediate()
            began = time.perf_counter()
            try:
                yield self.conn
            except BaseException:
                self.conn.rollback()
                self._batch = None
                raise
            self.conn.commit()
            self._batch = None
            self.write_times.record(time.perf_counter() - began)

    @contextlib.contextmanager
    def bulk_import(self) -> Iterator[None]:
        """The write transactions inside are a bulk import's own (not a writer's, shared with edits).

        - They commit with ``synchronous = NORMAL``: each is still atomic, and what was committed survives
          the process being killed; only a power cut or an OS crash could undo the last ones, which FULL's
          fsync per commit would have kept. On the way out one small write with FULL (the schema version
          written again: one page) syncs the WAL, and so every frame before it: once this returns,
          everything committed inside is on disk, as with FULL.
        - Foreign keys are not checked (the import inserts each article with its annotations, by
          construction) and ``bulk`` is set: ``add_prepared`` then lifts the tally insert triggers for its
          transaction. No trigger and no foreign key lets SQLite insert without a statement journal.
        - The enum CHECKs are off (SQLite evaluates them row by row); ``add_prepared`` applies the same rule
          to each batch in Python (``bulk.check_enums``) before it inserts.
        - ``add_prepared`` may drop a search index for the rest of a large import; the syncing write
          builds it again (``_finish_bulk``).
        """
        if self.readonly or self.conn.in_transaction:  # nested in a transaction: nothing to change
            yield
            return
        self.conn.execute("PRAGMA synchronous = NORMAL")
        self.conn.execute("PRAGMA foreign_keys = OFF")
        self.conn.execute("PRAGMA ignore_check_constraints = ON")
        self._begin_bulk()
        self.bulk = True
        try:
            yield
        except BaseException:
            with contextlib.suppress(Exception):  # the error in flight is the one to report
                self._end_bulk()
                self._sync_barrier()
            raise
        self._end_bulk()
        self._sync_barrier()

    def _end_bulk(self) -> None:
        self.bulk = False
        if self.conn.in_transaction:  # pragma: no cover - every write() ends its transaction
            self.conn.rollback()
        self.conn.execute("PRAGMA foreign_keys = ON")
        self.conn.execute("PRAGMA ignore_check_constraints = OFF")
        self.conn.execute("PRAGMA synchronous = FULL")

    def _begin_bulk(self) -> None:
        """A subclass's bookkeeping for the import that begins (see Edits)."""

    def _finish_bulk(self, conn: sqlite3.Connection) -> None:
        """A subclass's last writes of the import, in the transaction that syncs it (see Edits)."""

    def _sync_barrier(self) -> None:
        with self.write() as conn:
            self._finish_bulk(conn)
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            conn.execute(f"PRAGMA user_version = {version}")

    def _begin_immediate(self) -> None:
        """Take the write lock, waiting as long as another writer keeps making progress.

        Each attempt waits SQLite's busy timeout; a busy lock is retried while the file's
        ``data_version`` moves (the other side commits), and given up, naming the
        other processes that have the file open (E120), only after ``LOCK_PATIENCE_S`` in all or
        ``STALL_S`` without any commit from the other side.
        """
        started = last_progress = time.monotonic()
        version = self._data_version()
        while True:
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if (getattr(exc, "sqlite_errorcode", 0) & 0xFF) not in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
                    raise
                now = time.monotonic()
                fresh = self._data_version()
                if fresh != version:
                    version, last_progress = fresh, now
                if now - started > LOCK_PATIENCE_S or now - last_progress > STALL_S:
                    raise StorageError(E.E120, path=self.path, holders=_holders(self.path),
                                       seconds=now - started) from exc

    def data_version(self) -> int:
        """Moves whenever another connection (another process, or this one's writer) has committed."""
        return self._data_version()

    def _data_version(self) -> int:
        with contextlib.suppress(sqlite3.Error):
            return int(self.conn.execute("PRAGMA data_version").fetchone()[0])
        return -1

    def _rows(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        with sqlite_errors(self.path):
            return [dict(r) for r in self.conn.execute(sql, list(params))]

    def _one(self, sql: str, params: Iterable[Any] = ()) -> dict[str, Any] | None:
        with sqlite_errors(self.path):
            r = self.conn.execute(sql, list(params)).fetchone()
        return dict(r) if r is not None else None

    def integrity_check(self) -> str:
        return str(self.conn.execute("PRAGMA integrity_check").fetchone()[0])
