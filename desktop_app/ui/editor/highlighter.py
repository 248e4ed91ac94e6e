"""Paints annotation marks into the document, paragraph by paragraph.

A ``QSyntaxHighlighter`` keeps the formats in each block's layout, so scrolling
a 10k-word article costs nothing extra, and after an edit only the paragraphs
whose marks changed are repainted (not the whole article, not per-char HTML).
"""

from __future__ import annotations

import itertools
from bisect import bisect_right
from collections import defaultdict

from PySide6.QtGui import QSyntaxHighlighter, QTextCharFormat, QTextDocument

from desktop_app.ui.editor.look import LAYER_ORDER, Look
from desktop_app.ui.editor.marks import Mark


class AnnotationHighlighter(QSyntaxHighlighter):
    def __init__(self, look: Look) -> None:
        super().__init__(None)  # type: ignore[call-overload]  # attached by attach()
        self.look = look
        self.by_block: dict[int, list[Mark]] = {}
        self._merged: dict[tuple[tuple[str, str, str], ...], QTextCharFormat] = {}

    def set_look(self, look: Look) -> None:
        self.look = look
        self._merged.clear()

    @staticmethod
    def _assign(doc: QTextDocument, marks: list[Mark]) -> dict[int, list[Mark]]:
        # block starts once, then bisect: two Qt calls per mark cost more than one per block
        starts: list[int] = []
        block = doc.begin()
        while block.isValid():
            starts.append(block.position())
            block = block.next()
        by_block: dict[int, list[Mark]] = defaultdict(list)
        for m in marks:
            first = bisect_right(starts, m.start) - 1
            last = bisect_right(starts, max(m.start, m.end - 1)) - 1
            for b in range(max(first, 0), last + 1):
                by_block[b].append(m)
        return dict(by_block)

    def clear(self) -> None:
        """Forget the marks (call before replacing the text, so the reload pass is a no-op)."""
        self.by_block = {}

    def attach(self, doc: QTextDocument, marks: list[Mark]) -> None:
        """Highlight a freshly loaded document in one synchronous pass (no unhighlighted first frame)."""
        self.by_block = self._assign(doc, marks)
        if self.document() is not doc:
            self.setDocument(doc)
        self.rehighlight()

    def update_marks(self, marks: list[Mark]) -> int:
        """Repaint only the paragraphs whose marks changed; returns how many."""
        doc = self.document()
        if doc is None:
            return 0
        new = self._assign(doc, marks)
        old = self.by_block
        self.by_block = new
        changed = [b for b in old.keys() | new.keys() if old.get(b) != new.get(b)]
        for b in sorted(changed):
            self.rehighlightBlock(doc.findBlockByNumber(b))
        return len(changed)

    def repaint_all(self) -> None:
        self._merged.clear()
        if self.document() is not None:
            self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        block = self.currentBlock()
        marks = self.by_block.get(block.blockNumber())
        if not marks:
            return
        pos = block.position()
        n = len(text)
        clipped = []
        points = {0, n}
        for m in marks:
            s, e = max(m.start - pos, 0), min(m.end - pos, n)
            if e > s:
                clipped.append((s, e, m))
                points.add(s)
                points.add(e)
        cuts = sorted(points)
        for a, b in itertools.pairwise(cuts):
            keys = tuple(
                sorted(
                    ((m.layer, m.detail if m.layer in ("entity", "rejected") else "", m.state)
                     for s, e, m in clipped if s <= a and e >= b),
                    key=lambda k: LAYER_ORDER.get(k[0], 9),
                )
            )
            if keys:
                self.setFormat(a, b - a, self._merge(keys))

    def _merge(self, keys: tuple[tuple[str, str, str], ...]) -> QTextCharFormat:
        fmt = self._merged.get(keys)
        if fmt is None:
            fmt = QTextCharFormat()
            for layer, detail, state in keys:
                fmt.merge(self.look.format(layer, detail, state))
            self._merged[keys] = fmt
        return fmt
