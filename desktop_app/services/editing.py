"""What an annotator does, one function each: the use cases the GUI's keys and the CLI share.

Each function takes domain objects, makes its change in one write transaction (so one undo
step) and returns :class:`Changes`: what a view has to refresh, which item to select, and
what to tell the user. The rules that decide what gold means live here, not in widgets:

- accepting a quote accepts its speaker entity; accepting an event, its actor and recipient
  entities (the done export would otherwise drop them and the links with them);
- changing a machine suggestion makes it a human correction (origin ``human``) that keeps
  what the machine had suggested in ``suggested``; undoing the change by hand restores it;
- done means "what is on screen is gold": marking done accepts the suggestions still
  undecided, in the same undo step (``accept_remaining=False`` leaves them out instead).

In the GUI these run on the writer thread (``OpRunner.submit``); anywhere else they open
their own transaction.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from desktop_app.core.model import QUOTE_KINDS, Article, Entity, Event, Quote, Span
from desktop_app.errors import E, NewsGoldError
from desktop_app.services import attribution as rules
from desktop_app.services.annotating import finish_article
from desktop_app.storage import Store
from desktop_app.storage.rows import suggested_to_json

Annotation = Entity | Quote | Event
TABLE_OF: dict[type, str] = {Entity: "entities", Quote: "quotes", Event: "events"}
SINGULAR = {"entities": "entity", "quotes": "quote", "events": "event"}
#: the fields whose change makes a suggestion a correction (state and bookkeeping are not content)
CONTENT = {
    "entities": ("start", "end", "label"),
    "quotes": ("start", "end", "kind", "cue_start", "cue_end", "speaker", "speaker_ent_start", "speaker_ent_end",
               "mention_start", "mention_end"),
    "events": ("type", "sent_start", "sent_end", "trigger_start", "trigger_end", "actor", "actor_ent_start",
               "actor_ent_end", "recipient", "recipient_ent_start", "recipient_ent_end"),
}


@dataclass(frozen=True)
class Changes:
    """What an edit changed, so each view knows whether to refresh and what to say."""

    article_id: str
    tables: frozenset[str] = frozenset()
    status: bool = False
    registry: bool = False
    #: how many items the edit touched beyond the one named (accept all, done)
    count: int = 0
    #: the item to select afterwards, (table, row id): set where the edit takes the user somewhere
    #: new (an added item, the item an undo or redo restored); None leaves the selection alone
    item: tuple[str, int] | None = None
    message: str = ""


def table_of(item: Annotation) -> str:
    return TABLE_OF[type(item)]


def _require_id(item: Annotation) -> int:
    if item.id is None:
        raise NewsGoldError(E.E107, kind=table_of(item), id="(not stored)")
    return item.id


# -- the mechanism every change of content goes through ---------------------------------------
def _change(store: Store, table: str, row_id: int, fields: Mapping[str, Any], who: str | None) -> dict[str, Any]:
    """Update a row; a content change to a machine suggestion becomes a correction that keeps it."""
    before = store.annotation(table, row_id)
    fields = dict(fields)
    changed = [f for f in CONTENT[table] if f in fields and fields[f] != before[f]]
    kept: dict[str, Any] = json.loads(before["suggested"]) if before.get("suggested") else {}
    if changed and before["origin"] != "human":
        kept = {"origin": before["origin"], **{f: before[f] for f in CONTENT[table] if f in changed}}
        fields["origin"] = "human"
        fields["suggested"] = suggested_to_json(kept)
    elif changed and kept:
        for f in changed:
            kept.setdefault(f, before[f])
        after = {**before, **fields}
        if all(after[f] == v for f, v in kept.items() if f != "origin"):
            # corrected back to exactly what was suggested: it is the suggestion again, accepted
            fields["origin"], fields["suggested"] = kept.get("origin", "model"), None
        else:
            fields["suggested"] = suggested_to_json(kept)
    return store.update(table, row_id, fields, who=who)


def _accept_linked(store: Store, article_id: str, spans: Iterable[Span | None], who: str | None) -> int:
    """Accept the suggested entities at ``spans`` (a quote's speaker, an event's actor and recipient)."""
    wanted = {s for s in spans if s is not None}
    if not wanted:
        return 0
    n = 0
    for e in store.get_article(article_id).entities:
        if e.span in wanted and e.state == "suggested" and e.id is not None:
            store.update("entities", e.id, {"state": "accepted"}, who=who)
            n += 1
    return n


def _linked_spans(table: str, row: Mapping[str, Any]) -> list[Span | None]:
    def span(a: str, b: str) -> Span | None:
        return Span(row[a], row[b]) if row.get(a) is not None and row.get(b) is not None else None

    if table == "quotes":
        return [span("speaker_ent_start", "speaker_ent_end")]
    if table == "events":
        return [span("actor_ent_start", "actor_ent_end"), span("recipient_ent_start", "recipient_ent_end")]
    return []


def _edit(store: Store, item: Annotation, fields: Mapping[str, Any], who: str | None, message: str) -> Changes:
    """Change ``item``; if it ends up accepted, its linked entities are accepted with it."""
    table, row_id = table_of(item), _require_id(item)
    with store.write():
        after = _change(store, table, row_id, fields, who)
        linked = _accept_linked(store, after["article_id"], _linked_spans(table, after), who) \
            if after["state"] == "accepted" else 0
    tables = {table} | ({"entities"} if linked else set())
    # no ``item``: the edited item is where the user already is, or the user has moved on (accept → next)
    return Changes(after["article_id"], frozenset(tables), count=linked, message=message)


# -- deciding ------------------------------------------------------------------------------------
def accept(store: Store, item: Annotation, *, who: str | None = None) -> Changes:
    table = table_of(item)
    return _edit(store, item, {"state": "accepted"}, who, f"Accepted {SINGULAR[table]}")


def reject(store: Store, item: Annotation, *, who: str | None = None) -> Changes:
    table = table_of(item)
    return _edit(store, item, {"state": "rejected"}, who, f"Rejected {SINGULAR[table]}")


def accept_remaining(store: Store, article_id: str, *, who: str | None = None) -> Changes:
    """Accept every suggestion still undecided, in one undoable step."""
    n = store.set_state_all(article_id, "accepted", who=who)
    return Changes(article_id, frozenset(TABLE_OF.values()), count=n,
                   message=f"Accepted {n} suggestion{'s' * (n != 1)}")


def accept_table(store: Store, article_id: str, table: str, *, who: str | None = None) -> Changes:
    """Accept the undecided suggestions of one panel (quotes, entities or events), in one undoable step.

    The gold rule holds as for one accept: a quote brings its speaker entity, an event its actor and
    recipient, even though they sit in the Entities panel.
    """
    if table not in SINGULAR:
        raise NewsGoldError(E.E110, value=table, field="panel", allowed=", ".join(SINGULAR))
    n = linked = 0
    with store.write():
        article = store.get_article(article_id)
        items: list[Annotation] = [*getattr(article, table)]
        for item in items:
            if item.state != "suggested" or item.id is None:
                continue
            after = _change(store, table, item.id, {"state": "accepted"}, who)
            linked += _accept_linked(store, article_id, _linked_spans(table, after), who)
            n += 1
    plural = table if n != 1 else SINGULAR[table]
    extra = f" (and {linked} linked entit{'ies' if linked != 1 else 'y'})" if linked else ""
    tables = {table} | ({"entities"} if linked else set())
    return Changes(article_id, frozenset(tables), count=n + linked,
                   message=f"Accepted {n} suggested {plural}{extra}" if n else f"No suggested {table} left")


# -- entities --------------------------------------------------------------------------------------
def relabel(store: Store, entity: Entity, label: str, *, who: str | None = None) -> Changes:
    if label == entity.label:
        return accept(store, entity, who=who)
    return _edit(store, entity, {"label": label}, who, f"Relabelled {entity.label} → {label}")


def add(store: Store, article_id: str, item: Annotation, *, who: str | None = None) -> Changes:
    """A person's new annotation (human, accepted unless said otherwise)."""
    table = table_of(item)
    with store.write():
        row_id = store.add(article_id, item, who=who)
        linked = _accept_linked(store, article_id, _linked_spans(table, store.annotation(table, row_id)), who)
    tables = {table} | ({"entities"} if linked else set())
    return Changes(article_id, frozenset(tables), item=(table, row_id), message=f"Added {SINGULAR[table]}")


def delete(store: Store, item: Annotation, *, who: str | None = None) -> Changes:
    table, row_id = table_of(item), _require_id(item)
    article_id = store.annotation(table, row_id)["article_id"]
    store.delete(table, row_id, who=who)
    return Changes(article_id, frozenset({table}), message=f"Deleted {SINGULAR[table]}")


def resize(store: Store, item: Annotation, start: int, end: int, *, who: str | None = None) -> Changes:
    """New boundaries for an entity or a quote's content, or an event's trigger."""
    fields = {"trigger_start": start, "trigger_end": end} if isinstance(item, Event) else {"start": start, "end": end}
    return _edit(store, item, fields, who, f"Resized the {SINGULAR[table_of(item)]}")


# -- quotes ----------------------------------------------------------------------------------------
def set_quote_kind(store: Store, quote: Quote, kind: str, *, who: str | None = None) -> Changes:
    if kind not in QUOTE_KINDS:
        raise NewsGoldError(E.E110, value=kind, field="kind", allowed=", ".join(QUOTE_KINDS))
    return _edit(store, quote, {"kind": kind}, who, f"Kind: {kind}")


def set_quote_part(store: Store, quote: Quote, part: str, span: Span, *, who: str | None = None) -> Changes:
    """The quote's cue ("said") or the speaker's mention ("he") in the text."""
    if part not in ("cue", "mention"):
        raise NewsGoldError(E.E110, value=part, field="quote part", allowed="cue, mention")
    return _edit(store, quote, {f"{part}_start": span.start, f"{part}_end": span.end}, who, f"Set the quote's {part}")


def set_speaker(store: Store, article: Article, quote: Quote, *, entity: Entity | None = None,
                name: str | None = None, sentences: list[Span] | None = None,
                registry: Mapping[str, str] | None = None, who: str | None = None) -> Changes:
    """The person or body who said it: a clicked entity, or a picked or typed name ("" = none)."""
    registry = registry or {}
    if entity is not None:
        fields = rules.speaker_changes(article, quote, entity, sentences or [], registry)
    else:
        fields = rules.named_speaker_changes(article, quote, name or "", registry)
    return _edit(store, quote, fields, who, f"Speaker: {fields['speaker'] or '(none)'}")


# -- events ----------------------------------------------------------------------------------------
def set_event_type(store: Store, event: Event, etype: str, *, who: str | None = None) -> Changes:
    return _edit(store, event, {"type": etype}, who, f"Event type: {event.type} → {etype}")


def set_event_arg(store: Store, article: Article, event: Event, role: str, *, entity: Entity | None = None,
                  name: str | None = None, registry: Mapping[str, str] | None = None,
                  who: str | None = None) -> Changes:
    if role not in ("actor", "recipient"):
        raise NewsGoldError(E.E110, value=role, field="event role", allowed="actor, recipient")
    fields = rules.arg_changes(role, article, event, name, entity, registry or {})
    return _edit(store, event, fields, who, f"{role.capitalize()}: {fields[role] or '(none)'}")


# -- the article -----------------------------------------------------------------------------------
def mark_done(store: Store, article_id: str, *, who: str | None = None, accept_remaining: bool = True) -> Changes:
    """Done: what is on screen becomes gold, in one undo step; the registry learns its speakers."""
    with store.write():
        left = store.count_suggested(article_id)
        n = store.set_state_all(article_id, "accepted", who=who) if accept_remaining and left else 0
        learned = finish_article(store, article_id, who=who)
    if accept_remaining:
        note = f"; {n} suggestion{'s' * (n != 1)} accepted as gold" if n else ""
    else:
        note = f"; {left} undecided suggestion{'s' * (left != 1)} left out of the gold" if left else ""
    return Changes(article_id, frozenset(TABLE_OF.values()) if n else frozenset(), status=True,
                   registry=bool(learned), count=n if accept_remaining else left, message=f"Marked done{note}")


def mark_skipped(store: Store, article_id: str, *, who: str | None = None) -> Changes:
    store.set_status(article_id, "skipped", who=who)
    return Changes(article_id, status=True, message="Skipped")


# -- undo / redo -----------------------------------------------------------------------------------
def undo(store: Store, article_id: str, *, who: str | None = None) -> Changes:
    with store.write():
        batch = store.undo(article_id, who=who)
        rows = store.batch_changes(article_id, batch)
    return _replayed("Undone", article_id, rows, before=True)


def redo(store: Store, article_id: str, *, who: str | None = None) -> Changes:
    with store.write():
        batch = store.redo(article_id, who=who)
        rows = store.batch_changes(article_id, batch)
    return _replayed("Redone", article_id, rows, before=False)


def _replayed(verb: str, article_id: str, rows: list[dict[str, Any]], *, before: bool) -> Changes:
    """Say what an undo or redo changed, and which item it lands on."""
    tables = frozenset(r["table_name"] for r in rows if r["table_name"] != "articles")
    status = any(r["table_name"] == "articles" for r in rows)
    item: tuple[str, int] | None = None
    for r in rows:
        snapshot = r["before"] if before else r["after"]
        if r["table_name"] != "articles" and snapshot is not None:
            item = (r["table_name"], int(r["row_id"]))
            break
    return Changes(article_id, tables, status=status, item=item, count=len(rows),
                   message=f"{verb}: {describe(rows)}")


def describe(rows: list[dict[str, Any]]) -> str:
    """Human words for one batch of the change log ("relabel entity ORG → GPE", "3 changes")."""
    edits = [r for r in rows if r["table_name"] != "articles"]
    if not edits:
        statuses = [json.loads(r["after"])["status"] for r in rows if r["after"]]
        return f"status {statuses[-1].replace('_', ' ')}" if statuses else "change"
    if len(edits) > 1:
        return f"{len(edits)} changes"
    r = edits[0]
    what = SINGULAR.get(r["table_name"], r["table_name"])
    old = json.loads(r["before"]) if r["before"] else None
    new = json.loads(r["after"]) if r["after"] else None
    if old is None:
        return f"add {what}"
    if new is None:
        return f"delete {what}"
    for field in ("label", "type", "kind", "speaker", "actor", "recipient"):
        if field in old and old[field] != new.get(field):
            return f"{field} of {what}: {old[field]} → {new.get(field)}"
    if old.get("state") != new.get("state"):
        return f"{what} {old.get('state')} → {new.get('state')}"
    return f"edit {what}"


__all__ = [
    "Changes", "accept", "accept_remaining", "accept_table", "add", "delete", "describe", "mark_done", "mark_skipped", "redo",
    "reject", "relabel", "resize", "set_event_arg", "set_event_type", "set_quote_kind", "set_quote_part",
    "set_speaker", "table_of", "undo",
]
