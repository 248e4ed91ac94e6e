"""Our canonical JSONL (``shared/spec/jsonl-format.md``): one article per line, lossless."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import IO, Any

from desktop_app.core.model import Arg, Article, Entity, Event, Quote, Span, article_id_for
from desktop_app.errors import E, InputError


def _span_obj(text: str, span: Span | None) -> dict[str, Any] | None:
    if span is None:
        return None
    return {"start": span.start, "end": span.end, "text": text[span.start : span.end]}


def visible(article: Article, status: str) -> tuple[list[Entity], list[Quote], list[Event]]:
    """The annotations an export at ``status`` carries (see the spec's last bullet)."""
    if status == "done":
        def keep(x: Any) -> bool:
            return x.state == "accepted" or (x.origin == "human" and x.state != "rejected")
    else:
        def keep(x: Any) -> bool:
            return x.state != "rejected"
    return (
        [e for e in article.entities if keep(e)],
        [q for q in article.quotes if keep(q)],
        [v for v in article.events if keep(v)],
    )


def article_to_dict(article: Article, status: str = "any") -> dict[str, Any]:
    text = article.text
    entities, quotes, events = visible(article, status)
    ent_ids: dict[Span, str] = {}
    ent_out = []
    for i, e in enumerate(entities, start=1):
        eid = f"e{i}"
        ent_ids.setdefault(e.span, eid)
        ent_out.append({"id": eid, "start": e.start, "end": e.end, "label": e.label,
                        "text": text[e.start : e.end], "origin": e.origin, "state": e.state})
    quotes_out = []
    for i, q in enumerate(quotes, start=1):
        speaker = None
        if q.speaker is not None or q.speaker_entity is not None or q.mention is not None:
            speaker = {
                "name": q.speaker,
                "entity": ent_ids.get(q.speaker_entity) if q.speaker_entity else None,
                "mention": _span_obj(text, q.mention),
            }
        quotes_out.append({"id": f"q{i}", "start": q.start, "end": q.end, "text": text[q.start : q.end],
                           "kind": q.kind, "cue": _span_obj(text, q.cue), "speaker": speaker,
                           "origin": q.origin, "state": q.state})

    def arg(a: Arg | None) -> dict[str, Any] | None:
        if a is None:
            return None
        return {"name": a.name, "entity": ent_ids.get(a.entity) if a.entity else None}

    events_out = []
    for i, v in enumerate(events, start=1):
        events_out.append({"id": f"v{i}", "type": v.type,
                           "sentence": {"start": v.sentence.start, "end": v.sentence.end},
                           "trigger": _span_obj(text, v.trigger), "actor": arg(v.actor),
                           "recipient": arg(v.recipient), "origin": v.origin, "state": v.state})
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

def _get_span(obj: Any, text: str, where: str, line: int) -> Span | None:
    if obj is None:
        return None
    try:
        start, end = int(obj["start"]), int(obj["end"])
    except (TypeError, KeyError, ValueError) as exc:
        raise InputError(E.E012, where, line=line, detail=f"bad span {obj!r}") from exc
    if not (0 <= start <= end <= len(text)):
        raise InputError(E.E009, where, line=line, start=start, end=end, length=len(text))
    return Span(start, end)


def is_canonical(obj: dict[str, Any]) -> bool:
    return any(isinstance(obj.get(k), list) and obj[k] and isinstance(obj[k][0], dict) and "start" in obj[k][0]
               for k in ("entities", "quotes", "events")) or "quotes" in obj or "events" in obj


def article_from_dict(obj: dict[str, Any], where: str, line: int) -> Article:
    """Parse one line of our format (annotations keep their origin and state)."""
    text = obj["text"]
    ents_by_id: dict[str, Span] = {}
    article = Article(
        id=article_id_for(text), title=str(obj.get("title") or ""), text=text,
        meta=dict(obj.get("meta") or {}), status=obj.get("status") or "new",
        annotator=obj.get("annotator"),
    )
    for e in obj.get("entities") or []:
        span = _get_span(e, text, where, line)
        assert span is not None
        ents_by_id[str(e.get("id"))] = span
        article.entities.append(Entity(span.start, span.end, str(e["label"]), e.get("origin", "human"),
                                       e.get("state", "accepted")))
    for q in obj.get("quotes") or []:
        span = _get_span(q, text, where, line)
        assert span is not None
        sp = q.get("speaker") or {}
        article.quotes.append(Quote(
            span.start, span.end, q.get("kind") or "direct", cue=_get_span(q.get("cue"), text, where, line),
            speaker=sp.get("name"), speaker_entity=ents_by_id.get(str(sp.get("entity"))) if sp.get("entity") else None,
            mention=_get_span(sp.get("mention"), text, where, line),
            origin=q.get("origin", "human"), state=q.get("state", "accepted")))
    for v in obj.get("events") or []:
        sent = _get_span(v.get("sentence"), text, where, line)
        if sent is None:
            raise InputError(E.E012, where, line=line, detail="event without a sentence")

        def arg(a: Any) -> Arg | None:
            if not a:
                return None
            return Arg(a.get("name"), ents_by_id.get(str(a.get("entity"))) if a.get("entity") else None)

        article.events.append(Event(str(v["type"]), sent, trigger=_get_span(v.get("trigger"), text, where, line),
                                    actor=arg(v.get("actor")), recipient=arg(v.get("recipient")),
                                    origin=v.get("origin", "human"), state=v.get("state", "accepted")))
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
