"""The GUI's door to the corpus writer: submit an op, get its result on the GUI thread.

The idea is Anki's ``CollectionOp``: a widget hands a plain function over the write
:class:`~desktop_app.storage.Store` to :meth:`OpRunner.submit`; it runs on the process's one
:class:`~desktop_app.services.corpus.Writer` thread, and its result, the
``article_changed`` notice and ``saved`` arrive on the GUI thread through a queued signal.
Ops never touch widgets; the GUI never waits on disk. Background jobs share the same writer
(:attr:`OpRunner.writer`), so edits and imports interleave instead of locking each other out.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from concurrent.futures import Future
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from desktop_app.services.corpus import Writer

T = TypeVar("T")
log = logging.getLogger(__name__)


class OpRunner(QObject):
    """Submits ops to the corpus :class:`Writer` and delivers their outcome on the GUI thread."""

    saved = Signal()  # after each committed op ("saved ✓" only once the commit has returned)
    failed = Signal(object)  # the exception (NewsGoldError for env/bad input, else a bug)
    article_changed = Signal(str)  # article id whose annotations/status changed
    idle = Signal()  # no op left in flight (handy for tests and the status bar)
    _delivered = Signal(int, object, object)  # token, result, exception (emitted on the writer thread)

    def __init__(self, db_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.writer = Writer(self.db_path)
        self.backup = self.writer.backup
        self._tokens = itertools.count(1)
        self._pending: dict[int, tuple[Callable[[Any], None] | None, Callable[[BaseException], bool] | None,
                                       str | None, str]] = {}
        self._delivered.connect(self._on_delivered)
        self._running = True

    # -- public -------------------------------------------------------------
    def submit(
        self,
        fn: Callable[[Any], T],
        *,
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], bool] | None = None,
        article_id: str | None = None,
        label: str = "change",
    ) -> None:
        """Queue ``fn(store)`` on the writer; ``on_done(result)`` later on the GUI thread.

        A failure goes to ``on_error(exc)``; unless that returns True (handled), it is emitted as
        :attr:`failed`, with a note of what was not saved (``label``).
        """
        if not self._running:
            raise RuntimeError("OpRunner is shut down")
        token = next(self._tokens)
        self._pending[token] = (on_done, on_error, article_id, label)
        future = self.writer.submit(fn)
        future.add_done_callback(partial(self._forward, token))

    def _forward(self, token: int, future: Future[Any]) -> None:
        """Runs on the writer thread: hand the outcome to the GUI thread (queued signal)."""
        exc = future.exception()
        self._delivered.emit(token, None if exc is not None else future.result(), exc)

    @property
    def pending(self) -> int:
        """Ops submitted whose result has not reached the GUI thread yet."""
        return len(self._pending)

    def is_running(self) -> bool:
        return self._running

    def shutdown(self) -> None:
        """Finish queued ops, checkpoint, close the connection (called on close)."""
        if not self._running:
            return
        self._running = False
        self.writer.close()
        # deliver results that finished while we waited, so no edit's callback is lost
        QCoreApplication.sendPostedEvents(self)

    # -- GUI-thread slot ---------------------------------------------------------
    @Slot(int, object, object)
    def _on_delivered(self, token: int, result: object, exc: object) -> None:
        on_done, on_error, article_id, label = self._pending.pop(token, (None, None, None, "change"))
        try:
            if exc is None:
                if on_done is not None:
                    on_done(result)
            else:
                log.info("op %r failed: %r", label, exc)
                assert isinstance(exc, BaseException)
                if article_id is not None:  # refresh first (the view may have been stale), then say why
                    self.article_changed.emit(article_id)
                if on_error is None or not on_error(exc):
                    exc.add_note(f"Not saved: {label}")
                    self.failed.emit(exc)
        finally:
            if exc is None:
                if article_id is not None:
                    self.article_changed.emit(article_id)
                self.saved.emit()
            if not self._pending:
                self.idle.emit()
