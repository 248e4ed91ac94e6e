"""What the text view paints: one :class:`Mark` per visible piece of an annotation.

Marks are computed from an :class:`Article` in code points and converted to
document positions once, at this boundary (see ``offsets.py``).  The
highlighter then only looks at the few marks of each paragraph it paints.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from desktop_app.core.model import Article
from desktop_app.ui.editor.offsets import OffsetMap


class Mark(NamedTuple):
    """Immutable and hashable; a tuple, so building, hashing and comparing 5k of them per open is cheap
    (a frozen dataclass did each in Python: ~3x slower)."""

    start: int  # document position (UTF-16, CRLF collapsed)
    end: int
    layer: str  # entity | quote | cue | mention | trigger | ignored | rejected | gap
    detail: str  # entity label, event type, quote kind
    state: str
    table: str  # entities | quotes | events | "" for ignored text
    row_id: int


#: one widened space at least this often gives every wrapped line room for the inline tags
GAP_EVERY = 24


def gap_marks(text: str, omap: OffsetMap, avoid: Sequence[tuple[int, int]] = ()) -> list[Mark]:
    """A "gap" mark on one space in every :data:`GAP_EVERY` characters (code points in, doc positions out).

    ``QPlainTextEdit`` ignores line-height formats; a line is as tall as its tallest
    character, so a space set in a larger font (and narrowed back, see ``Look``) makes its
    line taller: the room above the words where ``inline_tags`` writes PERSON or ASSAULT.
    Any visual line is longer than :data:`GAP_EVERY` characters, so each one gets one.
    Spaces inside ``avoid`` (entity names) are skipped when the window has another: a
    fill split at a widened space shows a hairline.
    """
    n = len(text)
    # 1 where a space is to be avoided: inside the span starting last at or before it
    inside = bytearray(n + 1)
    spans = sorted(avoid)
    for j, (a, b) in enumerate(spans):
        stop = min(b, spans[j + 1][0] if j + 1 < len(spans) else b, n)
        if stop > a >= 0:
            inside[a:stop] = b"\x01" * (stop - a)
    find, half = text.find, GAP_EVERY // 2
    chosen: list[int] = []
    add = chosen.append
    k = 0
    while k < n:
        end = k + GAP_EVERY
        first = i = find(" ", k, end)
        if first < 0:
            k = end
            continue
        while i >= 0 and inside[i]:
            i = find(" ", i + 1, end)
        if i < 0:
            i = first
        add(i)
        k = i + half
    # a paragraph's short last line ("Says ISPR") gets its last space
    for para_end in (*(m.start() for m in re.finditer("\n", text)), n):
        last = text.rfind(" ", max(0, para_end - GAP_EVERY), para_end)
        if last >= 0 and "\n" not in text[last:para_end]:
            add(last)
    to_doc = (lambda i: i) if omap.trivial and omap.cp_length == n else omap.to_doc
    return [Mark(d, d + 1, "gap", "", "", "", 0) for d in map(to_doc, sorted(set(chosen)))]


def build_marks(article: Article, omap: OffsetMap, *, show_rejected: bool = False,
                tag_room: bool = False) -> list[Mark]:
    """Every mark of ``article`` in document positions; ``tag_room`` adds the gap marks for inline tags."""
    named = [(e.start, e.end) for e in article.entities] + [(v.trigger.start, v.trigger.end)
                                                            for v in article.events if v.trigger is not None]
    marks: list[Mark] = gap_marks(article.text, omap, named) if tag_room else []
    same = omap.trivial

    n = omap.cp_length
    to_doc = omap.to_doc

    def add(start: int, end: int, layer: str, detail: str, state: str, table: str, row_id: int | None) -> None:
        if end <= start:
            return
        if same:  # no emoji, no CRLF: to_doc only clamps
            ds, de = min(max(start, 0), n), min(max(end, 0), n)
        else:
            ds, de = to_doc(start), to_doc(end)
        if de > ds:
            marks.append(Mark(ds, de, layer, detail, state, table, row_id or 0))

    for span in article.ignored:
        add(span.start, span.end, "ignored", "", "", "", 0)
    for e in article.entities:
        if e.state == "rejected":
            if show_rejected:
                add(e.start, e.end, "rejected", e.label, e.state, "entities", e.id)
            continue
        add(e.start, e.end, "entity", e.label, e.state, "entities", e.id)
    for q in article.quotes:
        if q.state == "rejected":
            if show_rejected:
                add(q.start, q.end, "rejected", q.kind, q.state, "quotes", q.id)
            continue
        add(q.start, q.end, "quote", q.kind, q.state, "quotes", q.id)
        if q.cue is not None:
            add(q.cue.start, q.cue.end, "cue", q.kind, q.state, "quotes", q.id)
        if q.mention is not None:
            add(q.mention.start, q.mention.end, "mention", q.kind, q.state, "quotes", q.id)
    for v in article.events:
        if v.trigger is None:
            continue
        if v.state == "rejected":
            if show_rejected:
                add(v.trigger.start, v.trigger.end, "rejected", v.type, v.state, "events", v.id)
            continue
        add(v.trigger.start, v.trigger.end, "trigger", v.type, v.state, "events", v.id)
    return marks
