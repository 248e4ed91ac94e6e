"""Run find_quotes on a text with the real pipeline and read the results as words, not offsets."""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.core.model import ENTITY_LABELS, Entity, Quote
from desktop_app.nlp.quotes import find_quotes


@dataclass
class Seen:
    content: str
    kind: str
    cue: str | None
    mention: str | None
    speaker: str | None
    entity: str | None
    quote: Quote


def doc_entities(doc) -> list[Entity]:  # type: ignore[no-untyped-def]
    """doc.ents in the guideline labels without a leading "the" (what the engine hands over)."""
    out = []
    for e in doc.ents:
        if e.label_ not in ENTITY_LABELS:
            continue
        start = e.start_char + 4 if e.text.lower().startswith("the ") else e.start_char
        out.append(Entity(start, e.end_char, e.label_))
    return out


def quotes_of(nlp, text: str, registry: dict[str, str] | None = None) -> list[Seen]:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    found = find_quotes(doc, doc_entities(doc), registry)

    def cut(span):  # type: ignore[no-untyped-def]
        return text[span.start:span.end] if span is not None else None

    return [Seen(text[q.start:q.end], q.kind, cut(q.cue), cut(q.mention), q.speaker, cut(q.speaker_entity), q)
            for q in found]
