"""Token boundaries for snapping a mouse selection, in code points.

A regex is enough for snapping and costs nothing to load (spaCy's tokenizer
would add a second to the first selection).  Hyphenated names stay one token,
and combining marks (Arabic harakat, accents) stay inside their word.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

_WORD = r"[\w\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u200c\u200d]+"
_TOKEN = re.compile(rf"{_WORD}(?:[-\u2010\u2011]{_WORD})*|\S")
QUOTE_MARKS = "\"'“”‘’«»„‟‹›"


class Tokens:
    """Sorted token starts/ends of one text, found on first use.

    Opening an article must stay fast; most opens never snap a selection, and scanning a
    10k-word text costs ~20 ms, so the scan waits for the first snap.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts: list[int] | None = None
        self._ends: list[int] = []

    def _scan(self) -> list[int]:
        if self._starts is None:
            starts: list[int] = []
            ends: list[int] = []
            for m in _TOKEN.finditer(self.text):
                starts.append(m.start())
                ends.append(m.end())
            self._starts, self._ends = starts, ends
        return self._starts

    @property
    def starts(self) -> list[int]:
        return self._scan()

    @property
    def ends(self) -> list[int]:
        self._scan()
        return self._ends

    def snap(self, start: int, end: int) -> tuple[int, int] | None:
        """Grow ``[start, end)`` to whole tokens; ``None`` when it holds only whitespace."""
        if end <= start or not self.starts:
            return None
        k = bisect_right(self.starts, start) - 1
        if k >= 0 and self.ends[k] > start:
            start = self.starts[k]
        else:
            k = bisect_left(self.starts, start)
            if k >= len(self.starts):
                return None
            start = self.starts[k]
        k = bisect_right(self.starts, end - 1) - 1
        if k < 0:
            return None
        end = self.ends[k]  # grows into the token holding end - 1, or shrinks off trailing space
        if end <= start:
            return None
        return start, end

    def step_end(self, start: int, end: int, step: int) -> int | None:
        """The end of the next token after ``end`` (step > 0) or the last one before it, never at or before ``start``."""
        ends = self.ends
        if step > 0:
            k = bisect_right(ends, end)
            return ends[k] if k < len(ends) else None
        k = bisect_left(ends, end) - 1
        return ends[k] if k >= 0 and ends[k] > start else None

    def step_start(self, start: int, end: int, step: int) -> int | None:
        """The start of the token before ``start`` (step < 0) or the next one after it, never at or after ``end``."""
        starts = self.starts
        if step < 0:
            k = bisect_left(starts, start) - 1
            return starts[k] if k >= 0 else None
        k = bisect_right(starts, start)
        return starts[k] if k < len(starts) and starts[k] < end else None

    def strip_quote_marks(self, start: int, end: int) -> tuple[int, int]:
        """Drop quotation marks and spaces at both ends (quote content excludes its marks)."""
        text = self.text
        while start < end and (text[start] in QUOTE_MARKS or text[start].isspace()):
            start += 1
        while end > start and (text[end - 1] in QUOTE_MARKS or text[end - 1].isspace()):
            end -= 1
        return start, end

    def is_quoted(self, start: int, end: int) -> bool:
        """True when the span is directly enclosed by quotation marks (a direct quote)."""
        before = self.text[:start].rstrip()[-1:]
        after = self.text[end:].lstrip()[:1]
        return bool(before) and before in QUOTE_MARKS and bool(after) and after in QUOTE_MARKS
