"""Drawing a dashboard :class:`~desktop_app.services.dashboard.Chart` with pyqtgraph, and saving it as PNG or SVG.

pyqtgraph draws with QPainter on a QGraphicsScene (no OpenGL) and needs only numpy, which spaCy
brings anyway: 3.4 MB in the frozen folder (matplotlib and its dependencies are ~76 MB of wheels;
QtCharts needs PySide6-Addons); see docs/benchmarks.md and :mod:`desktop_app.ui.plotting`. Colours follow the application palette,
so a chart reads the same in the light and the dark theme.

A click on a bar (or a matrix cell) emits :attr:`ChartView.picked` with its category and series.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication, QWidget

from desktop_app.errors import E, NewsGoldError
from desktop_app.services.dashboard import Chart
from desktop_app.ui.plotting import pg

#: series colours, distinct in light and dark (Tableau 10, a little brighter)
COLOURS = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
           "#9c755f", "#bab0ac", "#2f9fd8", "#8cd17d", "#d37295", "#a0cbe8", "#86bcb6", "#f1ce63")
BAR_WIDTH = 0.72
#: at most this many labels under a time axis (the others are left out, the bars stay)
MAX_X_LABELS = 14


def colour(i: int) -> str:
    return COLOURS[i % len(COLOURS)]


class ChartView(pg.PlotWidget):
    """One chart; ``show_chart`` replaces what it draws."""

    picked = Signal(str, str)  # category, series

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart: Chart | None = None
        #: (category, series, x0, x1, y0, y1) of every bar or cell drawn, in view coordinates
        self.boxes: list[tuple[str, str, float, float, float, float]] = []
        self.plotItem.setMenuEnabled(False)
        self.plotItem.hideButtons()
        self.setMouseEnabled(x=False, y=False)
        self.scene().sigMouseClicked.connect(self._on_click)
        self.setMinimumHeight(240)
        self._legend: Any = None
        self._ready = True
        self.apply_palette()

    # -- looks ---------------------------------------------------------------------
    def apply_palette(self, palette: QPalette | None = None) -> None:
        pal = palette or QApplication.palette()
        self.setBackground(pal.color(QPalette.ColorRole.Base))
        text = pal.color(QPalette.ColorRole.Text)
        grid = QColor(text)
        grid.setAlpha(90)
        for name in ("left", "bottom"):
            axis = self.getAxis(name)
            axis.setPen(pg.mkPen(grid))
            axis.setTextPen(pg.mkPen(text))
        self._text = text
        if self.chart is not None:
            self.show_chart(self.chart)

    def changeEvent(self, event: Any) -> None:  # the theme switched
        super().changeEvent(event)
        if event.type() == event.Type.PaletteChange and getattr(self, "_ready", False) \
                and getattr(self, "plotItem", None) is not None:
            self.apply_palette(self.palette())

    # -- drawing ---------------------------------------------------------------------
    def show_chart(self, chart: Chart) -> None:
        self.chart = chart
        self.boxes = []
        self.plotItem.clear()
        if self._legend is not None:
            self._legend.clear()
            self._legend.setVisible(False)
        left, bottom = self.getAxis("left"), self.getAxis("bottom")
        left.setTicks(None)
        bottom.setTicks(None)
        left.setWidth(190 if chart.kind in ("hbars", "matrix") else 44)
        if chart.empty:
            label = pg.TextItem("nothing to count yet", color=self._text, anchor=(0.5, 0.5))
            self.addItem(label)
            label.setPos(0.5, 0.5)
            self.setRange(xRange=(0, 1), yRange=(0, 1), padding=0)
            bottom.setTicks([[]])
            left.setTicks([[]])
            return
        if chart.kind == "hbars":
            self._hbars(chart)
        elif chart.kind == "matrix":
            self._matrix(chart)
        else:
            self._bars(chart)

    def _bars(self, chart: Chart) -> None:
        n = len(chart.categories)
        xs = np.arange(n, dtype=float)
        bottom = np.zeros(n)
        several = len(chart.series) > 1 or chart.click in ("done_day", "event_period", "status_day")  # always say
        if several:
            if self._legend is None:
                self._legend = self.plotItem.addLegend(offset=(-10, 10))
            self._legend.setLabelTextColor(self._text)
            self._legend.setColumnCount(2 if len(chart.series) > 6 else 1)
            self._legend.setVisible(True)
        for i, (name, values) in enumerate(chart.series.items()):
            heights = np.asarray(values, dtype=float)
            item = pg.BarGraphItem(x=xs, height=heights, width=BAR_WIDTH, y0=bottom.copy(),
                                   brush=colour(i if several else 0), pen=pg.mkPen(None),
                                   name=_human(chart, name) if several else None)
            self.addItem(item)
            for j, cat in enumerate(chart.categories):
                if heights[j]:
                    self.boxes.append((cat, name, j - BAR_WIDTH / 2, j + BAR_WIDTH / 2, bottom[j], bottom[j] + heights[j]))
            bottom += heights
        step = max(1, math.ceil(n / MAX_X_LABELS))
        self.getAxis("bottom").setTicks([[(j, _short(_human(chart, c), 14)) for j, c in enumerate(chart.categories)
                                          if j % step == 0]])
        top = float(bottom.max()) if n else 1.0
        _count_ticks(self.getAxis("left"), top)
        legend_rows = math.ceil(len(chart.series) / (2 if len(chart.series) > 6 else 1)) if several else 0
        self.setRange(xRange=(-0.6, n - 0.4), yRange=(0, top * (1.08 + 0.14 * legend_rows)), padding=0)

    def _hbars(self, chart: Chart) -> None:
        name, values = next(iter(chart.series.items()))
        n = len(chart.categories)
        ys = np.arange(n, dtype=float)[::-1]  # the biggest on top
        widths = np.asarray(values, dtype=float)
        self.addItem(pg.BarGraphItem(x0=0, y=ys, height=BAR_WIDTH, width=widths, brush=colour(0), pen=pg.mkPen(None)))
        for j, cat in enumerate(chart.categories):
            self.boxes.append((cat, name, 0.0, widths[j], ys[j] - BAR_WIDTH / 2, ys[j] + BAR_WIDTH / 2))
            label = pg.TextItem(str(int(widths[j])), color=self._text, anchor=(0, 0.5))
            self.addItem(label)
            label.setPos(widths[j], ys[j])
        self.getAxis("left").setTicks([[(ys[j], _short(c, 28)) for j, c in enumerate(chart.categories)]])
        _count_ticks(self.getAxis("bottom"), float(widths.max()))
        self.setRange(xRange=(0, float(widths.max()) * 1.12), yRange=(-0.6, n - 0.4), padding=0)

    def _matrix(self, chart: Chart) -> None:
        # rows: the categories (actors, long names on the left axis); columns: the series (event types)
        rows, cols = chart.categories, list(chart.series)
        grid = np.array([[chart.series[c][r] for c in cols] for r in range(len(rows))], dtype=float)
        top = float(grid.max()) or 1.0
        base = QColor(colour(0))
        n_rows = len(rows)
        for r, actor in enumerate(rows):
            y = n_rows - 1 - r
            for c, etype in enumerate(cols):
                v = grid[r, c]
                if not v:
                    continue
                cell = QColor(base)
                cell.setAlphaF(0.18 + 0.82 * v / top)
                rect = pg.QtWidgets.QGraphicsRectItem(c - 0.46, y - 0.46, 0.92, 0.92)
                rect.setBrush(cell)
                rect.setPen(pg.mkPen(None))
                self.addItem(rect)
                text = pg.TextItem(str(int(v)), color=self._text if v / top < 0.6 else "#ffffff", anchor=(0.5, 0.5))
                self.addItem(text)
                text.setPos(c, y)
                self.boxes.append((actor, etype, c - 0.46, c + 0.46, y - 0.46, y + 0.46))
        self.getAxis("left").setTicks([[(n_rows - 1 - r, _short(a, 28)) for r, a in enumerate(rows)]])
        self.getAxis("bottom").setTicks([[(c, t) for c, t in enumerate(cols)]])
        self.setRange(xRange=(-0.6, len(cols) - 0.4), yRange=(-0.6, n_rows - 0.4), padding=0)

    # -- clicks -------------------------------------------------------------------------
    def box_centre(self, category: str, series: str | None = None) -> QPointF:
        """Where the bar or cell of (category, series) is, in this widget's coordinates (tests click there)."""
        for cat, ser, x0, x1, y0, y1 in self.boxes:
            if cat == category and (series is None or ser == series):
                scene = self.plotItem.vb.mapViewToScene(QPointF((x0 + x1) / 2, (y0 + y1) / 2))
                return QPointF(self.mapFromScene(scene))
        raise KeyError((category, series))

    def hit(self, x: float, y: float) -> tuple[str, str] | None:
        for cat, ser, x0, x1, y0, y1 in self.boxes:
            if min(x0, x1) <= x <= max(x0, x1) and min(y0, y1) <= y <= max(y0, y1):
                return cat, ser
        return None

    def _on_click(self, event: Any) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self.chart is None:
            return
        p = self.plotItem.vb.mapSceneToView(event.scenePos())
        got = self.hit(p.x(), p.y())
        if got is not None:
            self.picked.emit(*got)

    # -- files ----------------------------------------------------------------------------
    def save(self, path: str | Path) -> Path:
        """Save as PNG (what is on screen, at least 1000 px wide) or SVG (vector), by the file's extension."""
        from pyqtgraph import exporters

        path = Path(path)
        suffix = path.suffix.lower()
        if suffix not in (".png", ".svg"):
            raise NewsGoldError(E.E406, path=path)
        QApplication.processEvents()
        if suffix == ".svg":  # QtSvg paints the view as vectors (pyqtgraph 0.14's SVGExporter fails on bar items)
            gen = QSvgGenerator()
            gen.setFileName(str(path))
            gen.setSize(self.size())
            gen.setViewBox(self.rect())
            gen.setTitle(self.chart.title if self.chart else "NewsGold chart")
            painter = QPainter(gen)
            try:
                self.render(painter)
            finally:
                painter.end()
            if not path.exists():
                raise NewsGoldError(E.E406, path=path)
        else:
            exp = exporters.ImageExporter(self.plotItem)
            exp.parameters()["width"] = max(1000, self.width())
            exp.export(str(path))
        return path


def _count_ticks(axis: Any, top: float) -> None:
    """Whole numbers on a count axis: a step of 1, 2, 5, 10, ... giving at most ~8 ticks."""
    step = 1
    while top / step > 8:
        step *= 2 if str(step)[0] in "15" else 2.5  # type: ignore[assignment]
    axis.setTickSpacing(major=float(step), minor=float(step))


def _human(chart: Chart, name: str) -> str:
    """An article status as people say it ("in progress", not "in_progress"); other names as they are."""
    from desktop_app.ui.theme import STATUS_NAMES

    return STATUS_NAMES.get(name, name) if chart.name in ("status", "status-over-time") else name


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def render_chart(chart: Chart, path: str | Path, *, size: tuple[int, int] = (1000, 600), dark: bool = False) -> Path:
    """Save one chart to a file without a window (``newsgold chart``); needs a QApplication."""
    from desktop_app.ui.theme import apply_theme

    app = QApplication.instance()
    assert isinstance(app, QApplication), "render_chart needs a QApplication"
    apply_theme(app, "dark" if dark else "light")
    view = ChartView()
    view.setWindowTitle(chart.title)
    view.plotItem.setTitle(f"{chart.title}{' · ' + chart.note if chart.note else ''} · {chart.status}",
                           color=view.palette().color(QPalette.ColorRole.Text))
    view.resize(*size)
    view.show_chart(chart)
    view.show()
    QApplication.processEvents()
    try:
        return view.save(path)
    finally:
        view.close()
        view.deleteLater()


__all__ = ["COLOURS", "ChartView", "render_chart"]
