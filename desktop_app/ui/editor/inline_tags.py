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
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPixmap,
    QTextCursor,
)

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
        self._sprites: dict[tuple[object, ...], QPixmap] = {}

    def tag_font(self) -> QFont:
        font = QFont(self.view.font())
        font.setPointSizeF(max(6.0, font.pointSizeF() * TAG_SCALE))
        font.setBold(True)
        return font

    def paint(self, painter: QPainter) -> None:
        self.drawn = []
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.enabled:
            self._paint_tags(painter)
        if self.link is not None:  # the quote-speaker arc shows with the tags off too
            self._paint_link(painter, *self.link)

    # -- tags -------------------------------------------------------------------------------
    def _label(self, m: Mark) -> str:
        return m.detail if m.layer == "entity" else m.detail.upper()

    def _sprite(self, m: Mark, font: QFont, dpr: float) -> QPixmap:
        """The tag as a small picture, drawn once per label, state, colour and font (scrolling reuses it)."""
        label = self._label(m)
        colour = self.look.color(m.detail) if m.layer == "entity" else QColor(TRIGGER_COLOR)
        key = (label, m.state, colour.name(), self.look.dark, font.pointSizeF(), dpr)
        pix = self._sprites.get(key)
        if pix is None:
            fm = QFontMetricsF(font)
            w, h = fm.horizontalAdvance(label) + 6, fm.height()
            pix = QPixmap(int(w * dpr) + 1, int(h * dpr) + 1)
            pix.setDevicePixelRatio(dpr)
            pix.fill(Qt.GlobalColor.transparent)
            p = QPainter(pix)
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            fill = QColor(colour)
            fill.setAlpha(90 if m.state == "suggested" else 200)
            p.setPen(QPen(colour, 1))
            p.setBrush(fill)
            rect = QRectF(0, 0, w, h)
            p.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 3, 3)
            p.setPen(QColor("#f0f0f0" if self.look.dark else "#1c1d20"))
            p.setFont(font)
            p.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), label)
            p.end()
            if len(self._sprites) > 512:
                self._sprites.clear()
            self._sprites[key] = pix
        return pix

    def _paint_tags(self, painter: QPainter) -> None:
        view = self.view
        font = self.tag_font()
        text_ascent = QFontMetricsF(view.font()).ascent()
        offset = view.contentOffset()
        bottom = view.viewport().height()
        block = view.firstVisibleBlock()
        dpr = view.devicePixelRatioF()
        while block.isValid():
            geo = view.blockBoundingGeometry(block).translated(offset)
            if geo.top() > bottom:
                break
            marks = [m for m in self.marks_of(block.blockNumber())
                     if m.layer in TAGGED_LAYERS and m.state != "rejected" and m.start >= block.position()]
            if marks:
                layout = block.layout()
                start = block.position()
                right_edge: dict[int, float] = {}  # per line: where the last tag ended (tags never overlap)
                for m in sorted(marks, key=lambda m: m.start):
                    pos = m.start - start
                    line = layout.lineForTextPosition(pos)
                    if not line.isValid():
                        continue
                    pix = self._sprite(m, font, dpr)
                    w, h = pix.width() / dpr, pix.height() / dpr
                    x = max(geo.left() + _x_of(line, pos), right_edge.get(line.lineNumber(), -1e9) + 2)
                    top = geo.top() + line.y() + line.ascent() - text_ascent - h + 1
                    right_edge[line.lineNumber()] = x + w
                    painter.drawPixmap(QPointF(x, top), pix)
                    self.drawn.append((self._label(m), QRectF(x, top, w, h)))
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
