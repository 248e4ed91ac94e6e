"""Background jobs: model load, demo import, import, pre-annotate, export.

Each job is a QThread. It parses and runs the NLP on its own thread, reads through its own
read-only connection, and commits through the process's one corpus :class:`Writer` (the same
one the editor's edits go through), in short transactions, so the annotator is never locked
out. It reports ``progress`` and ends with ``succeeded(result)`` or ``failed(exception)``;
both arrive on the GUI thread as queued signals. Cancellation is a :class:`CancelToken` the
services check between chunks. :class:`JobPool` keeps references and stops them all on close.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal

from desktop_app.services.corpus import Writer, open_reader
from desktop_app.services.progress import CancelToken

log = logging.getLogger(__name__)


class Job(QThread):
    """One background task; subclasses implement :meth:`work` (runs on the job's thread)."""

    progress = Signal(int, int, str)  # done, total (-1 = unknown), message
    succeeded = Signal(object)
    failed = Signal(object)
    title = "Working"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.cancel_token = CancelToken()
        self.result: Any = None
        self.error: BaseException | None = None

    def cancel(self) -> None:
        self.cancel_token.cancel()

    @property
    def cancelled(self) -> bool:
        return self.cancel_token.cancelled

    def report(self, done: int, total: int | None, message: str) -> None:
        self.progress.emit(done, -1 if total is None else total, message)

    def run(self) -> None:
        try:
            self.result = self.work()
        except Exception as exc:  # reported to the GUI; environment errors get a friendly dialog
            log.info("%s failed: %r", type(self).__name__, exc, exc_info=True)
            self.error = exc
            self.failed.emit(exc)
            return
        self.succeeded.emit(self.result)

    def work(self) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError


class LoadModelJob(Job):
    """Load the spaCy pipeline (seconds) without blocking the window."""

    title = "Loading the language model"

    def __init__(self, model: str | None, taxonomy: str = "", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.model = model or None
        self.taxonomy = taxonomy

    def work(self) -> Any:
        from desktop_app.nlp.loading import load_engine

        self.report(0, None, "loading pipeline")
        # no speaker registry here: PreannotateJob's preannotate() reads the corpus's each run
        return load_engine(self.model, taxonomy=self.taxonomy or None)


class DemoJob(Job):
    """Import the bundled demo corpus when the database is empty; result: ImportSummary or None."""

    title = "Loading the demo corpus"

    def __init__(self, writer: Writer, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.writer = writer

    def work(self) -> Any:
        from desktop_app.services.demo import ensure_demo

        return ensure_demo(self.writer.commit)


class ImportJob(Job):
    title = "Importing"

    def __init__(self, writer: Writer, paths: Sequence[str | Path], fmt: str = "auto",
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.writer = writer
        self.paths = [str(p) for p in paths]
        self.fmt = fmt

    def work(self) -> Any:
        from desktop_app.services.importing import import_paths

        return import_paths(self.writer.commit, self.paths, fmt=self.fmt, progress=self.report,
                            cancel=self.cancel_token)


class PreannotateJob(Job):
    """Suggest annotations with an already loaded engine; ids None = every 'new' (or every) article."""

    title = "Pre-annotating"

    def __init__(self, writer: Writer, engine: Any, ids: Sequence[str] | None = None, *,
                 all_articles: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.writer = writer
        self.engine = engine
        self.ids = list(ids) if ids is not None else None
        self.all_articles = all_articles

    def work(self) -> Any:
        from desktop_app.services.preannotating import pending_ids, preannotate

        with open_reader(self.writer.path) as reader:
            ids = self.ids if self.ids is not None else pending_ids(reader, all_articles=self.all_articles)
            return preannotate(reader, self.engine, ids, commit=self.writer.commit, progress=self.report,
                               cancel=self.cancel_token)


class ExportJob(Job):
    title = "Exporting"

    def __init__(self, db_path: Path, fmt: str, out: Path, *, status: str = "done",
                 options: dict[str, Any] | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.fmt = fmt
        self.out = Path(out)
        self.status = status
        self.options = options or {}

    def work(self) -> Any:
        from desktop_app.services.exporting import export

        with open_reader(self.db_path) as store:
            return export(store, self.fmt, self.out, status=self.status, options=self.options, progress=self.report,
                          cancel=self.cancel_token)


class JobPool(QObject):
    """Holds running jobs so they are not garbage-collected; stops them all on shutdown."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._jobs: list[Job] = []

    def start(self, job: Job) -> Job:
        self._jobs.append(job)
        job.finished.connect(lambda j=job: self._forget(j))
        job.start()
        self.changed.emit()
        return job

    def _forget(self, job: Job) -> None:
        if job in self._jobs:
            self._jobs.remove(job)
            job.deleteLater()
            self.changed.emit()

    def running(self, kind: type[Job] | None = None) -> list[Job]:
        return [j for j in self._jobs if kind is None or isinstance(j, kind)]

    def shutdown(self, timeout_ms: int = 30000) -> None:
        """Cancel every job and wait for it (a model load cannot be interrupted, only awaited)."""
        for job in list(self._jobs):
            job.cancel()
        for job in list(self._jobs):
            if not job.wait(timeout_ms):  # pragma: no cover - a stuck job; do not hang the exit forever
                log.error("job %s did not stop in %d ms", type(job).__name__, timeout_ms)
        self._jobs.clear()
