"""The dashboard view: every chart of :mod:`desktop_app.services.dashboard` in a scrolling grid.

Reads through the window's read-only Store; a click on a bar or a cell asks the service for the
articles behind it and emits :attr:`DashboardView.filter_requested` (the window filters its
article list with them). Each chart has a Save button (PNG or SVG).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import dashboard as service
from desktop_app.services.corpus import Reader, open_reader
from desktop_app.ui.charts import ChartView
from desktop_app.ui.workers import Job, JobPool

log = logging.getLogger(__name__)
#: above this many articles the charts are counted on a background thread (seconds at 100k), below it at once
ASYNC_ABOVE = 20_000


class ChartsJob(Job):
    """Every chart of the dashboard, counted through a read-only connection of its own."""

    title = "Counting the dashboard"

    def __init__(self, path: Path, status: str) -> None:
        super().__init__()
        self.path, self.status = path, status

    def work(self) -> list[service.Chart]:
        self.report(0, None, "counting the dashboard")
        with open_reader(self.path) as reader:
            return service.dashboard(reader, self.status)


class ChartCard(QFrame):
    """A chart with its title and a Save button."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.setObjectName(f"chart-{name}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(service.CHARTS[name])
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.save_button = QPushButton("Save…")
        self.save_button.setToolTip("Save this chart as PNG or SVG")
        self.save_button.clicked.connect(self.save_dialog)
        self.view = ChartView()
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.save_button)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.view, 1)

    def show_chart(self, chart: service.Chart) -> None:
        self.title.setText(chart.title + (f"  ({chart.note})" if chart.note else ""))
        self.view.show_chart(chart)

    def save_dialog(self) -> None:
        path, _f = QFileDialog.getSaveFileName(self, "Save chart", f"{self.name}.png", "PNG image (*.png);;SVG (*.svg)")
        if path:
            if not Path(path).suffix:
                path += ".png"
            self.view.save(path)


class DashboardView(QWidget):
    """Charts of the corpus; ``refresh`` re-reads them (each one a few SQL aggregates)."""

    #: a caption ("speaker: Ishaq Dar") and the ids of the articles behind the clicked bar
    filter_requested = Signal(str, list)
    #: counting in the background failed (the exception)
    failed = Signal(object)

    def __init__(self, store: Reader, parent: QWidget | None = None, *, jobs: JobPool | None = None,
                 db_path: Path | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard")
        self.store = store
        #: with both, a big corpus is counted in the background (ChartsJob) instead of on the GUI thread
        self.jobs, self.db_path = jobs, db_path
        self._job: ChartsJob | None = None
        self._again = False
        self.status = QComboBox()
        self.status.addItem("gold: done articles, accepted annotations", "done")
        self.status.addItem("everything not rejected (suggestions too)", "any")
        self.status.setToolTip("Count gold only (like export --status done) or every suggestion too")
        self.status.currentIndexChanged.connect(lambda _i: self.refresh())
        self.refresh_button = QPushButton("Refresh")
        self.refresh_button.clicked.connect(self.refresh)
        self.hint = QLabel("Click a bar or a cell to list its articles.")
        self.hint.setEnabled(False)
        head = QHBoxLayout()
        title = QLabel("<b>Dashboard</b>")
        head.addWidget(title)
        head.addSpacing(12)
        head.addWidget(QLabel("Count:"))
        head.addWidget(self.status)
        head.addWidget(self.refresh_button)
        head.addStretch(1)
        head.addWidget(self.hint)

        self.cards: dict[str, ChartCard] = {}
        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        # (name, row, column, columns spanned): the matrix takes the full width, its type codes need it
        places = (("status", 0, 0, 1), ("progress", 0, 1, 1), ("status-over-time", 1, 0, 1), ("sources", 1, 1, 1),
                  ("speakers", 2, 0, 1), ("event-types", 2, 1, 1), ("events-over-time", 3, 0, 1),
                  ("entity-labels", 3, 1, 1), ("actors", 4, 0, 2))
        for name, row, col, span in places:
            card = ChartCard(name)
            card.view.picked.connect(lambda cat, ser, name=name: self._picked(name, cat, ser))
            # one label per bar on the left: 20 speakers need ~24 px each, or pyqtgraph leaves labels out
            card.setMinimumHeight(600 if name in ("speakers", "actors") else 460 if name == "event-types" else 300)
            self.cards[name] = card
            grid.addWidget(card, row, col, 1, span)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_host)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        lay = QVBoxLayout(self)
        lay.addLayout(head)
        lay.addWidget(scroll, 1)
        self.charts: dict[str, service.Chart] = {}
        self._stale = True

    @property
    def scope(self) -> str:
        return str(self.status.currentData())

    def set_scope(self, status: str) -> None:
        self.status.setCurrentIndex(max(0, self.status.findData(status)))

    def refresh(self) -> None:
        if self._job is not None:  # counting already: count again when it is done
            self._again = True
            return
        if self.jobs is not None and self.db_path is not None and self.store.count_articles() > ASYNC_ABOVE:
            self._job = ChartsJob(self.db_path, self.scope)
            self._job.succeeded.connect(self._counted)
            self._job.failed.connect(self.failed)
            self._job.finished.connect(self._job_done)
            self.refresh_button.setText("Counting…")
            self.refresh_button.setEnabled(False)
            self.jobs.start(self._job)
            return
        self._counted(service.dashboard(self.store, self.scope))

    @property
    def counting(self) -> bool:
        return self._job is not None

    def _counted(self, charts: list[service.Chart]) -> None:
        for c in charts:
            self.charts[c.name] = c
            self.cards[c.name].show_chart(c)
        self._stale = False
        self.refresh_button.setText("Refresh")
        self.refresh_button.setEnabled(True)

    def _job_done(self) -> None:
        self._job = None
        self.refresh_button.setEnabled(True)
        if self.refresh_button.text() == "Counting…":  # it failed (the pool's job reports why)
            self.refresh_button.setText("Refresh")
        if self._again:
            self._again = False
            self.refresh()

    def mark_stale(self) -> None:
        """The corpus changed: refreshed when next shown; on screen, the Refresh button says so (a refresh
        is a few hundred ms per chart on a big corpus, too much to repeat after every edit of a background job)."""
        self._stale = True
        self.refresh_button.setText("Refresh (corpus changed)")

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        if self._stale:
            self.refresh()

    def _picked(self, name: str, category: str, series: str) -> None:
        chart = self.charts.get(name)
        if chart is None:
            return
        ser = series if chart.click in ("type_actor", "event_period", "done_day", "status_day") else None
        ids = service.articles_for(self.store, chart, category, ser)
        self.filter_requested.emit(service.describe(chart, category, ser), ids)


__all__ = ["ChartCard", "DashboardView"]
