"""Paints annotation marks into the document, paragraph by paragraph.

A ``QSyntaxHighlighter`` keeps the formats in each block's layout, so scrolling
a 10k-word article costs nothing extra, and after an edit only the paragraphs
whose marks changed are repainted (not the whole article, not per-char HTML).

Opening an article highlights the paragraphs on screen at once and the rest in
idle-time slices of a few milliseconds (a 10k-word article's full pass took
~25–60 ms, most of an open); scrolling first highlights what comes into view.
"""

from __future__ import annotations

import itertools
import time
from bisect import bisect_right
from collections import defaultdict
from typing import Any

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtGui import QSyntaxHighlighter, QTextCharFormat, QTextDocument

from desktop_app.ui.editor.look import LAYER_ORDER, Look
from desktop_app.ui.editor.marks import Mark


def _layer_order(k: tuple[str, str, str]) -> tuple[int, tuple[str, str, str]]:
    return LAYER_ORDER.get(k[0], 9), k


class AnnotationHighlighter(QSyntaxHighlighter):
    def __init__(self, look: Look) -> None:
        super().__init__(None)  # type: ignore[call-overload]  # attached by attach()
        self.look = look
        self.by_block: dict[int, list[Mark]] = {}
        self._merged: dict[tuple[tuple[str, str, str], ...], QTextCharFormat] = {}
        #: the format ranges of a paragraph by (position, length, its marks): built once per distinct paragraph
        self._ranges: dict[tuple[int, int, tuple[Mark, ...]], list[tuple[int, int, QTextCharFormat]]] = {}
        #: blocks with marks not highlighted yet (insertion-ordered), done in idle time
        self._todo: dict[int, None] = {}
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.timeout.connect(self._idle_slice)
        self.view: Any = None  # the QPlainTextEdit showing the document (see follow())
        self._mark_set: set[Mark] = set()
        self._starts: list[int] = []
        self._starts_key: tuple[int, int, int] | None = None

    #: milliseconds of highlighting per idle slice: a key pressed meanwhile waits at most this long
    SLICE_MS = 4.0

    def follow(self, view: Any) -> None:
        """Highlight visible paragraphs first: those of ``view`` on open and as it scrolls."""
        self.view = view
        if self.document() is not view.document():
            self.setDocument(view.document())  # now, while empty (a later setDocument rehighlights all)
        view.verticalScrollBar().valueChanged.connect(lambda _v: self._highlight_visible())
        view.viewport().installEventFilter(self)

    def eventFilter(self, obj: Any, event: Any) -> bool:
        """The idle-time pass starts once the first frame is being painted, never before it."""
        if event.type() == QEvent.Type.Paint and self._todo and self._idle.interval() > 0:
            self._idle.start(0)  # fires after this paint has finished
        return False

    def _visible_blocks(self) -> list[int]:
        """Block numbers that can be on screen, from a low estimate of each paragraph's lines (no layout)."""
        view = self.view
        metrics = view.fontMetrics()
        lines = view.viewport().height() // max(metrics.lineSpacing(), 1) + 2
        per_line = max(view.viewport().width(), 100) * 1.5 / max(metrics.averageCharWidth(), 1)
        out = []
        block = view.firstVisibleBlock()
        while block.isValid() and lines > 0:
            out.append(block.blockNumber())
            lines -= max(1, int(block.length() / per_line))
            block = block.next()
        return out

    def _highlight_visible(self) -> None:
        if not self._todo or self.view is None:
            return
        doc = self.document()
        for b in self._visible_blocks():
            if b in self._todo:
                del self._todo[b]
                self.rehighlightBlock(doc.findBlockByNumber(b))

    def _idle_slice(self) -> None:
        doc = self.document()
        end = time.perf_counter() + self.SLICE_MS / 1000
        while self._todo and time.perf_counter() < end:
            b = next(iter(self._todo))
            del self._todo[b]
            self.rehighlightBlock(doc.findBlockByNumber(b))
        if self._todo:
            self._idle.start(0)

    @property
    def pending(self) -> int:
        """Paragraphs with marks still waiting for their idle-time highlighting."""
        return len(self._todo)

    def set_look(self, look: Look) -> None:
        self.look = look
        self._merged.clear()
        self._ranges.clear()

    def _block_starts(self, doc: QTextDocument) -> list[int]:
        """Block start positions, read once per text (two Qt calls per mark cost more than one per block)."""
        key = (id(doc), doc.revision(), doc.blockCount())
        if self._starts_key != key:
            starts: list[int] = []
            block = doc.begin()
            while block.isValid():
                starts.append(block.position())
                block = block.next()
            self._starts, self._starts_key = starts, key
        return self._starts

    @staticmethod
    def _blocks_of(starts: list[int], m: Mark) -> range:
        first = bisect_right(starts, m.start) - 1
        last = bisect_right(starts, max(m.start, m.end - 1)) - 1
        return range(max(first, 0), last + 1)

    def _assign(self, doc: QTextDocument, marks: list[Mark]) -> dict[int, list[Mark]]:
        starts = self._block_starts(doc)
        by_block: dict[int, list[Mark]] = defaultdict(list)
        last_block = len(starts) - 1
        for m in marks:  # _blocks_of inlined: one bisect for a mark inside one paragraph (nearly all)
            first = max(bisect_right(starts, m.start) - 1, 0)
            end = max(m.start, m.end - 1)
            if first == last_block or end < starts[first + 1]:
                by_block[first].append(m)
            else:
                for b in range(first, bisect_right(starts, end)):
                    by_block[b].append(m)
        return dict(by_block)

    def clear(self) -> None:
        """Forget the marks (call before replacing the text, so the reload pass is a no-op)."""
        self.by_block = {}
        self._mark_set = set()
        self._todo = {}
        self._idle.stop()

    def attach(self, doc: QTextDocument, marks: list[Mark]) -> None:
        """Highlight a freshly loaded document: what is on screen now (no unhighlighted first frame),
        the rest in idle time; without a view to follow, all of it now."""
        self.by_block = self._assign(doc, marks)
        self._mark_set = set(marks)
        if self.document() is not doc:
            self.setDocument(doc)
        if self.view is None or self.view.document() is not doc:
            self._todo = {}
            self.rehighlight()
            return
        self._todo = dict.fromkeys(sorted(self.by_block))
        self._highlight_visible()
        if self._todo:
            self._idle.start(250)  # or after the first paint (eventFilter), whichever comes first

    def update_marks(self, marks: list[Mark]) -> int:
        """Repaint only the paragraphs whose marks changed; returns how many.

        The marks that went or came are found as a set difference, so a reload after one accept
        touches one paragraph's list instead of re-sorting every mark into every paragraph.
        """
        doc = self.document()
        if doc is None:
            return 0
        new_set = set(marks)
        gone, came = self._mark_set - new_set, new_set - self._mark_set
        self._mark_set = new_set
        if not gone and not came:
            return 0
        starts = self._block_starts(doc)
        changed: dict[int, list[Mark]] = {}
        for m in itertools.chain(gone, came):
            for b in self._blocks_of(starts, m):
                changed.setdefault(b, [])
        for m in came:
            for b in self._blocks_of(starts, m):
                changed[b].append(m)
        for b, added in changed.items():
            kept = [m for m in self.by_block.get(b, ()) if m not in gone]
            if kept or added:
                self.by_block[b] = kept + added
            else:
                self.by_block.pop(b, None)
        for b in sorted(changed):
            self._todo.pop(b, None)
            self.rehighlightBlock(doc.findBlockByNumber(b))
        return len(changed)

    def repaint_all(self) -> None:
        self._merged.clear()
        self._ranges.clear()
        self._todo = {}
        if self.document() is not None:
            self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        block = self.currentBlock()
        marks = self.by_block.get(block.blockNumber())
        if not marks:
            return
        pos = block.position()
        key = (pos, len(text), tuple(marks))
        ranges = self._ranges.get(key)
        if ranges is None:  # an article opened again (switching back) finds its paragraphs here
            if len(self._ranges) > 50_000:
                self._ranges.clear()
            ranges = self._ranges[key] = self._block_ranges(pos, len(text), marks)
        for a, length, fmt in ranges:
            self.setFormat(a, length, fmt)

    def _block_ranges(self, pos: int, n: int, marks: list[Mark]) -> list[tuple[int, int, QTextCharFormat]]:
        """(start, length, merged format) of each piece of a paragraph covered by the same marks."""
        # a sweep over the piece boundaries: the marks covering [a, b) are those started at or
        # before a and not ended by then (a paragraph with the tags' gap marks has ~50 marks)
        opens: dict[int, list[tuple[str, str, str]]] = defaultdict(list)
        closes: dict[int, list[tuple[str, str, str]]] = defaultdict(list)
        points = {0, n}
        for m in marks:
            s, e = max(m.start - pos, 0), min(m.end - pos, n)
            if e > s:
                k = (m.layer, m.detail if m.layer in ("entity", "rejected") else "", m.state)
                opens[s].append(k)
                closes[e].append(k)
                points.add(s)
                points.add(e)
        out = []
        active: dict[tuple[str, str, str], int] = {}  # key → how many marks of it cover the piece
        keys: tuple[tuple[str, str, str], ...] = ()
        for a, b in itertools.pairwise(sorted(points)):
            if a in closes or a in opens:
                for k in closes.get(a, ()):
                    if active[k] == 1:
                        del active[k]
                    else:
                        active[k] -= 1
                for k in opens.get(a, ()):
                    active[k] = active.get(k, 0) + 1
                keys = tuple(sorted((k for k, c in active.items() for _ in range(c)),
                                    key=_layer_order))  # whatever the marks' order
            if keys:
                out.append((a, b - a, self._merge(keys)))
        return out

    def _merge(self, keys: tuple[tuple[str, str, str], ...]) -> QTextCharFormat:
        fmt = self._merged.get(keys)
        if fmt is None:
            fmt = QTextCharFormat()
            for layer, detail, state in keys:
                fmt.merge(self.look.format(layer, detail, state))
            self._merged[keys] = fmt
        return fmt
