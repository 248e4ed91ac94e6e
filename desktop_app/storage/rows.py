"""Conversion between domain dataclasses and database rows (plain dicts)."""

from __future__ import annotations

import json
from typing import Any

from desktop_app.core.model import Arg, Article, Entity, Event, Quote, Span


def _span(start: int | None, end: int | None) -> Span | None:
    return None if start is None or end is None else Span(int(start), int(end))


def _pair(span: Span | None) -> tuple[int | None, int | None]:
    return (None, None) if span is None else (span.start, span.end)


def suggested_to_json(value: dict[str, Any] | None) -> str | None:
    return json.dumps(value, ensure_ascii=False, sort_keys=True) if value else None


def suggested_from_json(raw: str | None) -> dict[str, Any] | None:
    return json.loads(raw) if raw else None


#: the columns ``*_values`` fill, in order (the bulk INSERTs of an import take tuples, not dicts)
ENTITY_COLUMNS = ("start", "end", "label", "origin", "state", "suggested")
QUOTE_COLUMNS = ("start", "end", "kind", "cue_start", "cue_end", "speaker", "speaker_ent_start", "speaker_ent_end",
                 "mention_start", "mention_end", "origin", "state", "suggested")
EVENT_COLUMNS = ("type", "sent_start", "sent_end", "trigger_start", "trigger_end", "actor", "actor_ent_start",
                 "actor_ent_end", "recipient", "recipient_ent_start", "recipient_ent_end", "origin", "state",
                 "suggested")


def entity_values(e: Entity) -> tuple[Any, ...]:
    return (e.start, e.end, e.label, e.origin, e.state, suggested_to_json(e.suggested) if e.suggested else None)


def entity_to_row(e: Entity) -> dict[str, Any]:
    return dict(zip(ENTITY_COLUMNS, entity_values(e), strict=True))


def entity_from_row(r: dict[str, Any]) -> Entity:
    return Entity(r["start"], r["end"], r["label"], r["origin"], r["state"], r["id"],
                  suggested_from_json(r.get("suggested")))


def quote_values(q: Quote) -> tuple[Any, ...]:
    cs, ce = _pair(q.cue)
    ss, se = _pair(q.speaker_entity)
    ms, me = _pair(q.mention)
    return (q.start, q.end, q.kind, cs, ce, q.speaker, ss, se, ms, me, q.origin, q.state,
            suggested_to_json(q.suggested))


def quote_to_row(q: Quote) -> dict[str, Any]:
    return dict(zip(QUOTE_COLUMNS, quote_values(q), strict=True))


def quote_from_row(r: dict[str, Any]) -> Quote:
    return Quote(
        start=r["start"], end=r["end"], kind=r["kind"],
        cue=_span(r["cue_start"], r["cue_end"]),
        speaker=r["speaker"],
        speaker_entity=_span(r["speaker_ent_start"], r["speaker_ent_end"]),
        mention=_span(r["mention_start"], r["mention_end"]),
        origin=r["origin"], state=r["state"], id=r["id"], suggested=suggested_from_json(r.get("suggested")),
    )


def event_values(v: Event) -> tuple[Any, ...]:
    ts, te = _pair(v.trigger)
    a = v.actor or Arg(None)
    b = v.recipient or Arg(None)
    as_, ae = _pair(a.entity)
    bs, be = _pair(b.entity)
    return (v.type, v.sentence.start, v.sentence.end, ts, te, a.name, as_, ae, b.name, bs, be, v.origin, v.state,
            suggested_to_json(v.suggested))


def event_to_row(v: Event) -> dict[str, Any]:
    return dict(zip(EVENT_COLUMNS, event_values(v), strict=True))


def _arg(name: str | None, start: int | None, end: int | None) -> Arg | None:
    ent = _span(start, end)
    if name is None and ent is None:
        return None
    return Arg(name, ent)


def event_from_row(r: dict[str, Any]) -> Event:
    return Event(
        type=r["type"], sentence=Span(r["sent_start"], r["sent_end"]),
        trigger=_span(r["trigger_start"], r["trigger_end"]),
        actor=_arg(r["actor"], r["actor_ent_start"], r["actor_ent_end"]),
        recipient=_arg(r["recipient"], r["recipient_ent_start"], r["recipient_ent_end"]),
        origin=r["origin"], state=r["state"], id=r["id"], suggested=suggested_from_json(r.get("suggested")),
    )


def spans_to_json(spans: list[Span]) -> str:
    return json.dumps([[s.start, s.end] for s in spans])


def spans_from_json(raw: str | None) -> list[Span]:
    return [Span(int(a), int(b)) for a, b in json.loads(raw or "[]")]


def article_from_row(r: dict[str, Any]) -> Article:
    return Article(
        id=r["id"], title=r["title"], text=r["text"], meta=json.loads(r["meta"] or "{}"),
        status=r["status"], annotator=r["annotator"], updated_at=r["updated_at"],
        created_at=r["created_at"], ignored=spans_from_json(r["ignored"]),
        pipeline=r.get("pipeline"), provenance=json.loads(r.get("provenance") or "{}"),
    )


#: table -> (its columns, Entity/Quote/Event -> a tuple of them)
TABLE_VALUES = {
    "entities": (ENTITY_COLUMNS, entity_values),
    "quotes": (QUOTE_COLUMNS, quote_values),
    "events": (EVENT_COLUMNS, event_values),
}

TABLE_CODECS = {
    "entities": (entity_to_row, entity_from_row),
    "quotes": (quote_to_row, quote_from_row),
    "events": (event_to_row, event_from_row),
}
