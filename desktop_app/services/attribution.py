"""Plain-Python rules behind the editor's edits (no Qt): hit tests, names, column changes.

Kept apart from the widget so the rules that decide what gets stored (which
name a clicked entity stands for, which sentence an event belongs to) can be
read and tested on their own.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping
from typing import Any

from desktop_app.core.model import Article, Entity, Event, Quote, Span

SPEAKER_LABELS = ("PERSON", "ORG", "NORP", "GPE")


def event_types(taxonomy_file: str = "") -> tuple[list[str], str | None]:
    """Types of the chosen taxonomy file ("" = the bundled PLOVER one), and a problem to show.

    A file that cannot be read gives the bundled types plus its numbered error, so the editor
    keeps working and the annotator learns why their types are missing.
    """
    from desktop_app.core.taxonomy import load_taxonomy
    from desktop_app.errors import NewsGoldError

    if taxonomy_file:
        try:
            return load_taxonomy(taxonomy_file).type_names, None
        except NewsGoldError as exc:
            return load_taxonomy(None).type_names, f"{exc} — using the bundled PLOVER types"
    return load_taxonomy(None).type_names, None


def visible(items: list[Any], show_rejected: bool) -> list[Any]:
    return [x for x in items if show_rejected or x.state != "rejected"]


def entity_at(article: Article, cp: int, show_rejected: bool = False) -> Entity | None:
    for e in visible(article.entities, show_rejected):
        if e.start <= cp < e.end:
            return e
    return None


def quote_at(article: Article, cp: int, show_rejected: bool = False) -> Quote | None:
    """The innermost (shortest) quote holding ``cp``."""
    hits = [q for q in visible(article.quotes, show_rejected) if q.start <= cp < q.end]
    return min(hits, key=lambda q: q.end - q.start) if hits else None


def trigger_at(article: Article, cp: int, show_rejected: bool = False) -> Event | None:
    for v in visible(article.events, show_rejected):
        if v.trigger is not None and v.trigger.start <= cp < v.trigger.end:
            return v
    return None


def events_in_sentence(article: Article, cp: int, show_rejected: bool = False) -> list[Event]:
    return [v for v in visible(article.events, show_rejected) if v.sentence.start <= cp < v.sentence.end]


def overlapping_entity(article: Article, start: int, end: int, exclude: int | None = None) -> Entity | None:
    span = Span(start, end)
    for e in article.entities:
        if e.state != "rejected" and e.id != exclude and e.span.overlaps(span):
            return e
    return None


_SENT_END = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+|\n\s*\n|\r\n\s*\r\n|\n")


def fallback_sentences(text: str) -> list[Span]:
    """Sentence spans when the article was never pre-annotated (no parser needed)."""
    out: list[Span] = []
    pos = 0
    for m in _SENT_END.finditer(text):
        if m.start() > pos and text[pos : m.start()].strip():
            out.append(Span(pos, m.start()))
        pos = m.end()
    if pos < len(text) and text[pos:].strip():
        out.append(Span(pos, len(text.rstrip())))
    return out


def trimmed(text: str, span: Span) -> Span:
    """The span without the blank lines and spaces a sentence splitter may leave at its ends."""
    start, end = span.start, span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if end > start else span


def sentence_at(sentences: list[Span], cp: int) -> Span | None:
    if not sentences:
        return None
    k = bisect_right([s.start for s in sentences], cp) - 1
    if k >= 0 and sentences[k].start <= cp < max(sentences[k].end, sentences[k].start + 1):
        return sentences[k]
    # between sentences: the next one (or the last)
    return sentences[min(max(k + 1, 0), len(sentences) - 1)]


def _texts_by_label(article: Article) -> dict[str, list[str]]:
    """Distinct entity texts per label, in article order (names repeat a lot; compare each once)."""
    out: dict[str, dict[str, None]] = {}
    for e in article.entities:
        if e.state != "rejected":
            out.setdefault(e.label, {})[article.text[e.start : e.end].strip()] = None
    return {label: list(texts) for label, texts in out.items()}


def _fullest(text: str, candidates: list[str]) -> str:
    words = set(text.split())
    best = text
    for other in candidates:
        if len(other) > len(best) and words <= set(other.split()):
            best = other
    return best


def canonical_name(article: Article, entity: Entity, registry: Mapping[str, str],
                   _texts: dict[str, list[str]] | None = None) -> str:
    """The name a clicked entity stands for: registry, else the fullest same-label name containing it."""
    text = article.text[entity.start : entity.end].strip()
    if text in registry:
        return registry[text]
    texts = _texts if _texts is not None else _texts_by_label(article)
    best = _fullest(text, texts.get(entity.label, []))
    return registry.get(best, best)


def speaker_candidates(article: Article, registry: Mapping[str, str]) -> list[str]:
    """Combo entries: the article's people and bodies (fullest names first seen), then the registry."""
    texts = _texts_by_label(article)
    names: dict[str, None] = {}
    for label in ("PERSON", "ORG"):
        for text in texts.get(label, []):
            best = registry.get(text) or _fullest(text, texts[label])
            names[registry.get(best, best)] = None
    for canonical in sorted(set(registry.values())):
        names.setdefault(canonical, None)
    return list(names)


def entity_named(article: Article, name: str, near: int, registry: Mapping[str, str]) -> Entity | None:
    """The entity occurrence standing for ``name`` closest before ``near`` (else the first after)."""
    hits = [
        e for e in article.entities
        if e.state != "rejected" and name in (article.text[e.start : e.end].strip(), canonical_name(article, e, registry))
    ]
    if not hits:
        return None
    before = [e for e in hits if e.start <= near]
    return before[-1] if before else hits[0]


def speaker_changes(
    article: Article, quote: Quote, entity: Entity, sentences: list[Span], registry: Mapping[str, str]
) -> dict[str, Any]:
    """Columns to set when ``entity`` becomes the quote's speaker.

    The mention moves to the entity when it sits in the quote's sentence or just
    before it; a far-away name (the full name in paragraph one) keeps the nearby
    mention ("He") the quote already had.
    """
    changes: dict[str, Any] = {
        "speaker": canonical_name(article, entity, registry),
        "speaker_ent_start": entity.start,
        "speaker_ent_end": entity.end,
        "state": "accepted",
    }
    sent = sentence_at(sentences, quote.start)
    lo = min(sent.start if sent else quote.start, quote.start)
    hi = max(sent.end if sent else quote.end, quote.end)
    near = lo <= entity.start < hi
    if near or quote.mention is None:
        changes["mention_start"], changes["mention_end"] = entity.start, entity.end
    return changes


def named_speaker_changes(article: Article, quote: Quote, name: str, registry: Mapping[str, str]) -> dict[str, Any]:
    """Columns to set when the speaker is picked or typed in the combo."""
    name = name.strip()
    if not name:
        return {"speaker": None, "speaker_ent_start": None, "speaker_ent_end": None, "state": "accepted"}
    ent = entity_named(article, name, quote.start, registry)
    return {
        "speaker": name,
        "speaker_ent_start": ent.start if ent else None,
        "speaker_ent_end": ent.end if ent else None,
        "state": "accepted",
    }


def arg_changes(role: str, article: Article, event: Event, name: str | None, entity: Entity | None,
                registry: Mapping[str, str]) -> dict[str, Any]:
    """Columns for an event's actor or recipient, from a clicked entity or a typed name."""
    if entity is not None:
        name = canonical_name(article, entity, registry)
    elif name:
        entity = entity_named(article, name, event.sentence.start, registry)
    name = (name or "").strip() or None
    return {
        role: name,
        f"{role}_ent_start": entity.start if entity and name else None,
        f"{role}_ent_end": entity.end if entity and name else None,
        "state": "accepted",
    }
