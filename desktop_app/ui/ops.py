"""Every write to the corpus runs on one DB thread; results come back on the GUI thread.

The idea is Anki's ``CollectionOp``: a widget hands a plain function over a
:class:`Store` to :meth:`OpRunner.submit`; the function runs on the writer
thread (which owns the only writing connection), and its result, the
``article_changed`` notice and ``saved`` are delivered on the GUI thread by
queued signals.  Ops never touch widgets; the GUI never waits on disk.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QThread, Signal, Slot

from desktop_app.storage import Store

T = TypeVar("T")
log = logging.getLogger(__name__)

_STOP = object()


class _Writer(QObject):
    """Lives on the writer thread; runs ops in submission order (one queued slot call each)."""

    finished = Signal(int, object)  # token, result
    errored = Signal(int, object)  # token, exception
    stopped = Signal()

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store

    @Slot(int, object)
    def run(self, token: int, fn: Any) -> None:
        if fn is _STOP:
            self.store.close()
            self.stopped.emit()
            thread = QThread.currentThread()
            thread.quit()
            return
        try:
            result = fn(self.store)
        except Exception as exc:  # delivered to the GUI as `failed`; the thread keeps serving
            if self.store.conn.in_transaction:
                self.store.conn.rollback()
            self.errored.emit(token, exc)
            return
        self.finished.emit(token, result)


class OpRunner(QObject):
    """Owns a QThread with a worker holding ``Store(db_path, check_same_thread=False)``.

    Every write goes through :meth:`submit`; results come back on the GUI thread via signals.
    Opening the database happens here, synchronously, so a locked/corrupt/newer file raises
    its :class:`~desktop_app.errors.StorageError` to the caller at once.
    """

    saved = Signal()  # after each successful write op
    failed = Signal(object)  # exception (NewsGoldError for env/bad input, else a bug)
    article_changed = Signal(str)  # article id whose annotations/status changed
    idle = Signal()  # no op left in flight (handy for tests and the status bar)
    _request = Signal(int, object)

    def __init__(self, db_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db_path = Path(db_path)
        store = Store(self.db_path, check_same_thread=False)
        self.backup = store.backup
        self._tokens = itertools.count(1)
        self._pending: dict[int, tuple[Callable[[Any], None] | None, str | None]] = {}
        self._thread = QThread()
        self._thread.setObjectName("newsgold-db-writer")
        self._writer = _Writer(store)
        self._writer.moveToThread(self._thread)
        self._request.connect(self._writer.run)
        self._writer.finished.connect(self._on_finished)
        self._writer.errored.connect(self._on_errored)
        self._thread.finished.connect(self._writer.deleteLater)
        self._running = True
        self._thread.start()

    # -- public -------------------------------------------------------------
    def submit(
        self,
        fn: Callable[[Store], T],
        *,
        on_done: Callable[[T], None] | None = None,
        article_id: str | None = None,
    ) -> None:
        """Queue ``fn(store)`` on the writer thread; ``on_done(result)`` later on the GUI thread."""
        if not self._running:
            raise RuntimeError("OpRunner is shut down")
        token = next(self._tokens)
        self._pending[token] = (on_done, article_id)
        self._request.emit(token, fn)

    @property
    def pending(self) -> int:
        """Ops submitted whose result has not reached the GUI thread yet."""
        return len(self._pending)

    def is_running(self) -> bool:
        return self._running

    def shutdown(self) -> None:
        """Finish queued ops, close the connection, stop the thread (called on close)."""
        if not self._running:
            return
        self._running = False
        self._request.emit(0, _STOP)
        self._thread.wait()
        # deliver results that finished while we waited, so no edit's callback is lost
        from PySide6.QtCore import QCoreApplication

        QCoreApplication.sendPostedEvents(self)

    # -- GUI-thread slots ------------------------------------------------------
    @Slot(int, object)
    def _on_finished(self, token: int, result: object) -> None:
        on_done, article_id = self._pending.pop(token, (None, None))
        try:
            if on_done is not None:
                on_done(result)
        finally:
            if article_id is not None:
                self.article_changed.emit(article_id)
            self.saved.emit()
            if not self._pending:
                self.idle.emit()

    @Slot(int, object)
    def _on_errored(self, token: int, exc: object) -> None:
        self._pending.pop(token, None)
        log.info("op failed: %r", exc)
        self.failed.emit(exc)
        if not self._pending:
            self.idle.emit()
