"""What the text view paints: one :class:`Mark` per visible piece of an annotation.

Marks are computed from an :class:`Article` in code points and converted to
document positions once, at this boundary (see ``offsets.py``).  The
highlighter then only looks at the few marks of each paragraph it paints.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.core.model import Article
from desktop_app.ui.editor.offsets import OffsetMap


@dataclass(frozen=True, slots=True)
class Mark:
    start: int  # document position (UTF-16, CRLF collapsed)
    end: int
    layer: str  # entity | quote | cue | mention | trigger | ignored | rejected
    detail: str  # entity label, event type, quote kind
    state: str
    table: str  # entities | quotes | events | "" for ignored text
    row_id: int


def build_marks(article: Article, omap: OffsetMap, *, show_rejected: bool = False) -> list[Mark]:
    marks: list[Mark] = []

    def add(start: int, end: int, layer: str, detail: str, state: str, table: str, row_id: int | None) -> None:
        if end <= start:
            return
        ds, de = omap.to_doc(start), omap.to_doc(end)
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
