"""The corpus as a running app holds it: one writer thread, any number of readers.

SQLite lets one connection write at a time; several write connections in one process only
fight each other through the busy timeout. So a process that writes from more than one place
(the GUI: edits, imports, pre-annotation, the demo) owns exactly one :class:`Writer`. Work is
handed to it as an operation, a function of the write :class:`Store`, which runs in submission
order on the writer's thread inside one short transaction; the caller gets a ``Future``.
Parsing and NLP happen in the caller, before the op is submitted, so the lock is held only
while prepared rows are committed (Anki's ``CollectionOp`` is the model).

Views read through their own read-only connections (:func:`open_reader`): WAL lets them read
while the writer commits.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import Any, TypeVar

from desktop_app.storage import Store
from desktop_app.storage.database import list_backups
from desktop_app.storage.store import ArticleRow

T = TypeVar("T")
log = logging.getLogger(__name__)

#: what services take to commit: ``commit(fn)`` runs ``fn(store)`` in one write transaction, returns its result
Commit = Callable[[Callable[[Store], T]], T]
#: the type views read through (a read-only Store); named here so the UI needs no storage import
Reader = Store

_STOP = object()


def open_reader(path: Path | str) -> Reader:
    """A read-only connection for views and exports (never blocks the writer under WAL)."""
    return Store(path, readonly=True)


def direct_commit(store: Store) -> Commit[Any]:
    """``commit`` for a single-threaded caller (the CLI): each op is one transaction on ``store``."""

    def commit(fn: Callable[[Store], T]) -> T:
        with store.write():
            return fn(store)

    return commit


class Writer:
    """Owns the process's only write connection, on a thread of its own.

    Opening happens in the constructor, on the caller's thread, so a locked, corrupt or
    too-new file raises its :class:`~desktop_app.errors.StorageError` at once.
    """

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.store = Store(self.path, check_same_thread=False)
        self.backup = self.store.backup
        self._queue: queue.SimpleQueue[tuple[Any, Future[Any]]] = queue.SimpleQueue()
        self._closed = False
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._serve, name="newsgold-writer", daemon=True)
        self._thread.start()

    def submit(self, fn: Callable[[Store], T]) -> Future[T]:
        """Queue ``fn(store)``; it runs in one write transaction, in submission order."""
        future: Future[T] = Future()
        with self._lock:
            if self._closed:
                raise RuntimeError("the corpus writer is closed")
            self._queue.put((fn, future))
        return future

    def call(self, fn: Callable[[Store], T]) -> T:
        """Submit and wait (for worker threads; never call this on the GUI thread)."""
        return self.submit(fn).result()

    @property
    def commit(self) -> Commit[Any]:
        return self.call

    def close(self) -> None:
        """Run what is queued, checkpoint the WAL into the main file and close the connection."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            self._queue.put((_STOP, Future()))
        self._thread.join()

    @property
    def closed(self) -> bool:
        return self._closed

    def _serve(self) -> None:
        while True:
            fn, future = self._queue.get()
            if fn is _STOP:
                self.store.close()
                future.set_result(None)
                return
            if not future.set_running_or_notify_cancel():
                continue
            try:
                with self.store.write():
                    result = fn(self.store)
            except BaseException as exc:  # delivered to whoever waits on the future
                future.set_exception(exc)
            else:
                future.set_result(result)


__all__ = ["ArticleRow", "Commit", "Reader", "Writer", "direct_commit", "list_backups", "open_reader"]
