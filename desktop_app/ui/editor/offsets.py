"""Code-point offsets (the database) <-> QTextDocument positions (the widget).

Two things make them differ:

* characters outside the Basic Multilingual Plane (emoji, some CJK) are one code
  point in Python but two UTF-16 units in Qt;
* ``QTextDocument.setPlainText`` turns the pair ``"\\r\\n"`` into ONE paragraph
  separator (a lone ``"\\r"`` or ``"\\n"`` stays one position).

The map is built once per article as a short list of breakpoints (one per emoji
or CRLF), so both directions are a binary search however long the text is.
"""

from __future__ import annotations

import re
from bisect import bisect_right


class OffsetMap:
    """Piecewise-linear map: inside segment k, ``doc = cp + delta[k]``."""

    __slots__ = ("_cp_starts", "_deltas", "_doc_starts", "cp_length", "doc_length")

    def __init__(self, text: str) -> None:
        cp_starts = [0]
        doc_starts = [0]
        deltas = [0]
        delta = 0
        for i, kind in _special_positions(text):
            if kind == "astral":
                delta += 1
                nxt = i + 1
            else:  # CRLF: the "\n" at i + 1 shares the "\r"'s position
                delta -= 1
                nxt = i + 2
            if cp_starts[-1] == nxt:
                deltas[-1] = delta
            else:
                cp_starts.append(nxt)
                doc_starts.append(nxt + delta)
                deltas.append(delta)
        self._cp_starts = cp_starts
        self._doc_starts = doc_starts
        self._deltas = deltas
        self.cp_length = len(text)
        self.doc_length = len(text) + delta

    @property
    def trivial(self) -> bool:
        """True when positions are the same in both worlds (no emoji, no CRLF)."""
        return len(self._deltas) == 1

    def to_doc(self, cp: int) -> int:
        """Document position of the code-point offset ``cp`` (0..len(text))."""
        cp = min(max(cp, 0), self.cp_length)
        if len(self._deltas) == 1:  # no emoji, no CRLF: the same number (most articles)
            return cp
        k = bisect_right(self._cp_starts, cp) - 1
        # the offset between "\r" and "\n" of a CRLF maps just after the paragraph separator
        return cp + self._deltas[k]

    def to_cp(self, doc: int) -> int:
        """Code-point offset of a document position (a position inside a surrogate pair rounds up)."""
        doc = min(max(doc, 0), self.doc_length)
        k = bisect_right(self._doc_starts, doc) - 1
        return min(max(doc - self._deltas[k], self._cp_starts[k]), self.cp_length)

    def span_to_doc(self, start: int, end: int) -> tuple[int, int]:
        return self.to_doc(start), self.to_doc(end)

    def span_to_cp(self, start: int, end: int) -> tuple[int, int]:
        return self.to_cp(start), self.to_cp(end)


def _special_positions(text: str) -> list[tuple[int, str]]:
    """Indices of astral characters and of the "\\r" of each CRLF, in order (regex runs in C)."""
    return [(m.start(), "crlf" if m.group() == "\r\n" else "astral") for m in _SPECIAL.finditer(text)]


_SPECIAL = re.compile("[\U00010000-\U0010FFFF]|\r\n")
