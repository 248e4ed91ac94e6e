"""What a main window does when it opens, while it is already usable.

::

    empty corpus? ──yes──► DemoJob ──► demo done: select the first article; if it added articles,
         │                                         pre-annotate them as soon as the model is there
         └──no───► select the first article
    always ───────► after the first paint: load the model (LoadModelJob) ──► ready: pre-annotate the demo if it waits
                                                                      └──► failed: no demo pre-annotation

Start-up is over (:attr:`Startup.finished`, the window's ``startup_finished``) when
every step it began -- "demo", "model", "preannotate" -- has ended, whether it
worked or failed.  The jobs are built and started here and in the window; the
failures are reported by the window.

The model load waits for the window's first paint: its thread imports spaCy (and pydantic, thinc,
numpy...) for seconds, and on two cores that competes with the window for the CPU and the GIL.
A window nobody shows (tests, scripts) loads at the first turn of the event loop. When the launch
is timed (``NEWSGOLD_TIME_WINDOW``) the process quits at that first paint, so no model is loaded.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

from desktop_app.ui import first_paint
from desktop_app.ui.workers import DemoJob, PreannotateJob

if TYPE_CHECKING:
    from desktop_app.ui.main_window import MainWindow


#: a shown window that has not painted after this long loads the model anyway (minimised, covered)
PAINT_WAIT_MS = 1500


class Startup(QObject):
    """The pending start-up steps of one window and what each one's end sets off."""

    finished = Signal()

    def __init__(self, win: MainWindow) -> None:
        super().__init__(win)
        self.win = win
        self.pending: set[str] = set()
        self.demo_ids: list[str] = []  # articles the demo import added, to pre-annotate
        self._model_timer = QTimer(self)  # a child: it dies with the window, never fires after it
        self._model_timer.setSingleShot(True)
        self._model_timer.timeout.connect(self._load_model)
        self._model_started = False
        self._painted = False
        self._waited = False  # for a paint, at most PAINT_WAIT_MS

    @property
    def running(self) -> bool:
        return bool(self.pending)

    def begin(self) -> None:
        """Demo corpus on a first start, the model in the background."""
        win = self.win
        if win.read_store.count_articles() == 0:
            self.pending.add("demo")
            demo = DemoJob(win.ops.writer)
            demo.succeeded.connect(self._on_demo)
            demo.failed.connect(lambda exc: win.job_failed(exc, "demo"))
            win.jobs.start(demo)
        else:
            win.select_first()
        self.pending.add("model")
        win.installEventFilter(self)
        self._model_timer.start(0)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.win and event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            self._model_timer.start(0)  # once this paint is drawn
        return False

    def _load_model(self) -> None:
        """The first turn of the event loop, the first paint, or PAINT_WAIT_MS after the window showed."""
        win = self.win
        if self._model_started or win._closed:
            return
        if win.isVisible() and not self._painted and not self._waited:
            self._waited = True
            self._model_timer.start(PAINT_WAIT_MS)
            return
        self._model_started = True
        win.removeEventFilter(self)
        if first_paint.wanted():  # timing the launch: it quits at this paint, and quitting waits for a model load
            self.step_done("model")
            return
        win.load_model()

    def step_done(self, step: str) -> None:
        self.pending.discard(step)
        if not self.pending:
            self.finished.emit()

    def _on_demo(self, summary: Any) -> None:
        win = self.win
        win.list.reload()
        win.select_first()
        self.demo_ids = list(summary.added) if summary is not None else []
        if self.demo_ids:
            self.pending.add("preannotate")
            if win.engine is not None:
                win.preannotate(self.demo_ids, startup=True)
        self.step_done("demo")

    def engine_ready(self) -> None:
        """The window has its engine: pre-annotate the demo if that still waits for it."""
        win = self.win
        if "preannotate" in self.pending and self.demo_ids and not win.jobs.running(PreannotateJob):
            win.preannotate(self.demo_ids, startup=True)
        self.step_done("model")

    def engine_failed(self) -> None:
        """No model: the demo stays without suggestions (the window reports the error, then ends "model")."""
        self.pending.discard("preannotate")
