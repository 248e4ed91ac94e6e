"""Our canonical JSONL (``shared/spec/jsonl-format.md``): one article per line, lossless."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import IO, TYPE_CHECKING, Any

from desktop_app.core.model import Arg, Article, Entity, Event, Quote, Span, article_id_for
from desktop_app.errors import E, InputError

if TYPE_CHECKING:  # pydantic only when a line is read: writing and `visible` (the window's start) do without it
    from desktop_app.io.validation import ArgIn, ArticleLine, SpanIn


def _span_obj(text: str, span: Span | None) -> dict[str, Any] | None:
    if span is None:
        return None
    return {"start": span.start, "end": span.end, "text": text[span.start : span.end]}


def visible(article: Article, status: str) -> tuple[list[Entity], list[Quote], list[Event]]:
    """The annotations an export at ``status`` carries (see the spec's last bullet).

    A quote's speaker entity or an event's actor/recipient entity that the export leaves out
    (rejected, or undecided in a done export) is unlinked on the way out; the name stays, so no
    exported link ever points at nothing.
    """
    if status == "done":
        def keep(x: Any) -> bool:
            return x.state == "accepted" or (x.origin == "human" and x.state != "rejected")
    else:
        def keep(x: Any) -> bool:
            return x.state != "rejected"
    entities = [e for e in article.entities if keep(e)]
    spans = {e.span for e in entities}

    def arg(a: Arg | None) -> Arg | None:
        return a if a is None or a.entity is None or a.entity in spans else replace(a, entity=None)

    def event(v: Event) -> Event:
        actor, recipient = arg(v.actor), arg(v.recipient)
        return v if actor is v.actor and recipient is v.recipient else replace(v, actor=actor, recipient=recipient)

    quotes = [q if q.speaker_entity is None or q.speaker_entity in spans else replace(q, speaker_entity=None)
              for q in article.quotes if keep(q)]
    events = [event(v) for v in article.events if keep(v)]
    return entities, quotes, events


def _corrected(out: dict[str, Any], item: Entity | Quote | Event) -> dict[str, Any]:
    """A person's correction carries what the machine had suggested (``suggested``), so exports tell
    corrected items from accepted suggestions."""
    if item.suggested:
        out["suggested"] = item.suggested
    return out


def article_to_dict(article: Article, status: str = "any") -> dict[str, Any]:
    text = article.text
    entities, quotes, events = visible(article, status)
    ent_ids: dict[Span, str] = {}
    ent_out = []
    for i, e in enumerate(entities, start=1):
        eid = f"e{i}"
        ent_ids.setdefault(e.span, eid)
        ent_out.append(_corrected({"id": eid, "start": e.start, "end": e.end, "label": e.label,
                                   "text": text[e.start : e.end], "origin": e.origin, "state": e.state}, e))
    quotes_out = []
    for i, q in enumerate(quotes, start=1):
        speaker = None
        if q.speaker is not None or q.speaker_entity is not None or q.mention is not None:
            speaker = {
                "name": q.speaker,
                "entity": ent_ids.get(q.speaker_entity) if q.speaker_entity else None,
                "mention": _span_obj(text, q.mention),
            }
        quotes_out.append(_corrected({"id": f"q{i}", "start": q.start, "end": q.end, "text": text[q.start : q.end],
                                      "kind": q.kind, "cue": _span_obj(text, q.cue), "speaker": speaker,
                                      "origin": q.origin, "state": q.state}, q))

    def arg(a: Arg | None) -> dict[str, Any] | None:
        if a is None:
            return None
        return {"name": a.name, "entity": ent_ids.get(a.entity) if a.entity else None}

    events_out = []
    for i, v in enumerate(events, start=1):
        events_out.append(_corrected({"id": f"v{i}", "type": v.type,
                                      "sentence": {"start": v.sentence.start, "end": v.sentence.end},
                                      "trigger": _span_obj(text, v.trigger), "actor": arg(v.actor),
                                      "recipient": arg(v.recipient), "origin": v.origin, "state": v.state}, v))
    meta = dict(article.meta)
    meta.setdefault("published", None)
    return {
        "id": article.id, "title": article.title, "text": text, "meta": meta,
        "status": article.status, "annotator": article.annotator, "updated_at": article.updated_at,
        "entities": ent_out, "quotes": quotes_out, "events": events_out,
    }


def write_jsonl(articles: Iterable[Article], out: IO[str], status: str = "any") -> int:
    n = 0
    for a in articles:
        out.write(json.dumps(article_to_dict(a, status), ensure_ascii=False) + "\n")
        n += 1
    return n


# -- reading ---------------------------------------------------------------------

def is_canonical(obj: dict[str, Any]) -> bool:
    """A line of ours with annotations (else a plain ``{"text", "title", "meta"}`` line)."""
    return any(isinstance(obj.get(k), list) and obj[k] and isinstance(obj[k][0], dict) and "start" in obj[k][0]
               for k in ("entities", "quotes", "events")) or "quotes" in obj or "events" in obj


def article_from_dict(obj: dict[str, Any], where: str, line: int) -> Article:
    """Validate and parse one line of our format (annotations keep their origin and state).

    A line that does not follow the spec raises the InputError for its first problem.
    """
    from desktop_app.io.validation import ArticleLine, validate_line

    return article_from_line(validate_line(ArticleLine, obj, where, line))


def article_from_line(m: ArticleLine) -> Article:
    """The Article a validated line describes; the id is derived from the text, ``meta`` is the line's own."""
    text = m.text
    ents_by_id: dict[str, Span] = {}
    article = Article(
        id=article_id_for(text), title=m.title or "", text=text, meta=dict(m.meta or {}),
        status=m.status or "new", annotator=m.annotator, updated_at=m.updated_at,
    )

    def span(s: SpanIn | None) -> Span | None:
        return None if s is None else Span(s.start, s.end)

    def ref(entity_id: str | None) -> Span | None:
        return None if entity_id is None else ents_by_id[entity_id]  # validation checked the reference

    for e in m.entities:
        if e.id is not None:
            ents_by_id.setdefault(e.id, Span(e.start, e.end))
        article.entities.append(Entity(e.start, e.end, e.label, e.origin, e.state, suggested=e.suggested))
    for q in m.quotes:
        sp = q.speaker
        article.quotes.append(Quote(
            q.start, q.end, q.kind, cue=span(q.cue), speaker=sp.name if sp else None,
            speaker_entity=ref(sp.entity) if sp else None, mention=span(sp.mention) if sp else None,
            origin=q.origin, state=q.state, suggested=q.suggested))

    def arg(a: ArgIn | None) -> Arg | None:
        return None if a is None else Arg(a.name, ref(a.entity))

    for v in m.events:
        article.events.append(Event(v.type, Span(v.sentence.start, v.sentence.end), trigger=span(v.trigger),
                                    actor=arg(v.actor), recipient=arg(v.recipient), origin=v.origin,
                                    state=v.state, suggested=v.suggested))
    return article


def iter_json_lines(stream: Iterable[str], where: str) -> Iterator[tuple[int, dict[str, Any] | InputError]]:
    """(line number, object) for each non-blank line; a bad line yields an InputError, the rest go on."""
    for n, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as exc:
            yield n, InputError(E.E004, f"{where}:{n}", line=n, detail=exc.msg)
            continue
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
            yield n, InputError(E.E005, f"{where}:{n}", line=n)
            continue
        yield n, obj
