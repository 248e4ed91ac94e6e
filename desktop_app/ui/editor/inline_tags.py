"""What the colours mean, written in the text: a small PERSON / GPE tag above each entity, the
event type above each trigger, and an accent arc from the current quote to its speaker.

Painted after the text view has drawn the text (:class:`TaggedTextView` only adds a paint
hook), from the marks the highlighter already holds per paragraph, and only for the
paragraphs on screen.  The room above each line comes from the "gap" marks (see
``marks.gap_marks``): the tags never cover a letter.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPaintEvent, QPen, QTextCursor

from desktop_app.ui.editor.look import ACCENT_COLOR, TRIGGER_COLOR, Look
from desktop_app.ui.editor.marks import Mark
from desktop_app.ui.editor.text_view import ArticleTextView

TAGGED_LAYERS = ("entity", "trigger")
#: the tag font, relative to the text's
TAG_SCALE = 0.56


class InlineTags:
    """Draws the tags and the quote-speaker arc onto a text view's viewport."""

    def __init__(self, view: ArticleTextView, look: Look) -> None:
        self.view = view
        self.look = look
        self.enabled = True
        #: marks of a paragraph by block number (the highlighter's ``by_block``)
        self.marks_of: Callable[[int], list[Mark]] = lambda _n: []
        #: (speaker start, speaker end, quote-side start, quote-side end) in document positions, or None
        self.link: tuple[int, int, int, int] | None = None
        #: what the last paint drew: (text, rect in viewport coordinates), for tests and tooltips
        self.drawn: list[tuple[str, QRectF]] = []

    def tag_font(self) -> QFont:
        font = QFont(self.view.font())
        font.setPointSizeF(max(6.0, font.pointSizeF() * TAG_SCALE))
        font.setBold(True)
        return font

    def paint(self, painter: QPainter) -> None:
        self.drawn = []
        if not self.enabled:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint_tags(painter)
        if self.link is not None:
            self._paint_link(painter, *self.link)

    # -- tags -------------------------------------------------------------------------------
    def _label(self, m: Mark) -> str:
        return m.detail if m.layer == "entity" else m.detail.upper()

    def _colour(self, m: Mark) -> QColor:
        return self.look.color(m.detail) if m.layer == "entity" else QColor(TRIGGER_COLOR)

    def _paint_tags(self, painter: QPainter) -> None:
        view = self.view
        font = self.tag_font()
        fm = QFontMetricsF(font)
        text_ascent = QFontMetricsF(view.font()).ascent()
        painter.setFont(font)
        offset = view.contentOffset()
        bottom = view.viewport().height()
        block = view.firstVisibleBlock()
        dark = self.look.dark
        while block.isValid():
            geo = view.blockBoundingGeometry(block).translated(offset)
            if geo.top() > bottom:
                break
            layout = block.layout()
            start = block.position()
            right_edge: dict[int, float] = {}  # per line: where the last tag ended (tags never overlap)
            marks = sorted((m for m in self.marks_of(block.blockNumber())
                            if m.layer in TAGGED_LAYERS and m.state != "rejected" and m.start >= start),
                           key=lambda m: m.start)
            for m in marks:
                pos = m.start - start
                line = layout.lineForTextPosition(pos)
                if not line.isValid():
                    continue
                x = geo.left() + _x_of(line, pos)
                label = self._label(m)
                w, h = fm.horizontalAdvance(label) + 6, fm.height()
                x = max(x, right_edge.get(line.lineNumber(), -1e9) + 2)
                text_top = geo.top() + line.y() + line.ascent() - text_ascent
                rect = QRectF(x, text_top - h, w, h)
                right_edge[line.lineNumber()] = rect.right()
                colour = self._colour(m)
                fill = QColor(colour)
                fill.setAlpha(90 if m.state == "suggested" else 200)
                painter.setPen(QPen(colour, 1))
                painter.setBrush(fill)
                painter.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 3, 3)
                ink = QColor("#f0f0f0" if dark and m.state != "suggested" else "#1c1d20")
                if dark and m.state == "suggested":
                    ink = QColor("#f0f0f0")
                painter.setPen(ink)
                painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), label)
                self.drawn.append((label, rect))
            block = block.next()

    # -- the current quote's speaker -----------------------------------------------------------
    def _anchor(self, start: int, end: int) -> QPointF:
        """Bottom middle of a span's first line, in viewport coordinates."""
        cur = QTextCursor(self.view.document())
        cur.setPosition(start)
        a = self.view.cursorRect(cur)
        cur.setPosition(max(start, end - 1))
        b = self.view.cursorRect(cur)
        right = b.x() + 4 if b.y() == a.y() else a.x() + 8
        return QPointF((a.x() + right) / 2, a.bottom() + 1)

    def _paint_link(self, painter: QPainter, s0: int, s1: int, q0: int, q1: int) -> None:
        p1, p2 = self._anchor(s0, s1), self._anchor(q0, q1)
        if p1 == p2:
            return
        dip = 10 + min(40.0, abs(p1.y() - p2.y()) * 0.25)
        path = QPainterPath(p1)
        path.cubicTo(p1 + QPointF(0, dip), p2 + QPointF(0, dip), p2)
        pen = QPen(QColor(ACCENT_COLOR), 2)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        painter.setBrush(QColor(ACCENT_COLOR))
        for p in (p1, p2):
            painter.drawEllipse(p, 2.5, 2.5)
        self.drawn.append(("link", path.boundingRect()))


def _x_of(line: object, pos: int) -> float:
    x = line.cursorToX(pos)  # type: ignore[attr-defined]
    return float(x[0] if isinstance(x, tuple) else x)


class TaggedTextView(ArticleTextView):
    """The article text view, plus a paint hook for :class:`InlineTags`."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.tags: InlineTags | None = None

    def paintEvent(self, e: QPaintEvent) -> None:
        super().paintEvent(e)
        if self.tags is not None:
            painter = QPainter(self.viewport())
            try:
                self.tags.paint(painter)
            finally:
                painter.end()
