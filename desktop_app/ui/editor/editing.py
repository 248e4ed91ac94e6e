# mypy: disable-error-code="misc"
# (its methods declare ``self: ArticleEditor``: a mixin typed against the class it is mixed into)
"""The editor's write commands: each turns a key, click or form choice into one store op.

A mixin of :class:`~desktop_app.ui.editor.editor.ArticleEditor`, kept apart so
the widget file holds layout and display and this one holds what gets written.
Ops run on the OpRunner's writer thread; refusals the user can act on (overlap,
nothing to undo) come back as status messages, not error dialogs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from desktop_app.core.model import QUOTE_KINDS, Entity, Event, Quote, Span
from desktop_app.errors import E, NewsGoldError
from desktop_app.services.annotating import finish_article
from desktop_app.storage import Store
from desktop_app.services import attribution as rules

if TYPE_CHECKING:
    from desktop_app.ui.editor.editor import ArticleEditor
    from desktop_app.ui.editor.models import AnnotationModel

#: errors that are a normal answer to an edit (shown in the status bar, not a dialog)
SOFT_ERRORS = {E.E107, E.E108, E.E109, E.E111, E.E112}
SINGULAR = {"quotes": "quote", "entities": "entity", "events": "event"}
TABS = ("quotes", "entities", "events")


class EditCommands:
    """Write commands of the article editor (every method runs with ``self`` the ArticleEditor)."""

    def _submit(self: ArticleEditor, fn: Callable[[Store], Any], *, done: Callable[[Any], None] | None = None,
                message: str | None = None) -> None:
        """Run ``fn`` on the writer thread; expected refusals come back as status messages."""
        if self.article is None:
            return
        aid = self.article.id

        def run(store: Store) -> Any:
            try:
                return fn(store)
            except NewsGoldError as exc:
                if exc.code in SOFT_ERRORS:
                    return exc
                raise

        def finished(result: Any) -> None:
            if isinstance(result, NewsGoldError):
                self._note(result.message)
                return
            if message:
                self._note(message)
            if done is not None:
                done(result)

        self.ops.submit(run, on_done=finished, article_id=aid)

    def _aid(self: ArticleEditor) -> str:
        return self.article.id if self.article is not None else ""

    def _suggested_left(self: ArticleEditor) -> int:
        if self.article is None:
            return 0
        a = self.article
        return sum(x.state == "suggested" for items in (a.entities, a.quotes, a.events) for x in items)

    @property
    def who(self: ArticleEditor) -> str | None:
        return getattr(self.settings, "annotator", None) or None

    def _table_of(self: ArticleEditor, item: Any) -> str:
        return {Entity: "entities", Quote: "quotes", Event: "events"}[type(item)]

    def _update(self: ArticleEditor, item: Any, changes: dict[str, Any], message: str | None = None) -> None:
        table, row_id, who = self._table_of(item), item.id, self.who
        self._submit(lambda s: s.update(table, row_id, changes, who=who), message=message)

    def _delete(self: ArticleEditor, item: Any) -> None:
        table, row_id, who = self._table_of(item), item.id, self.who
        self._submit(lambda s: s.delete(table, row_id, who=who), message=f"Deleted {SINGULAR[table]}")

    def _update_current(self: ArticleEditor, table: str, changes: dict[str, Any]) -> None:
        item = self.current_item(table)
        if item is not None:
            self._update(item, changes)

    def _on_model_edit(self: ArticleEditor, model: AnnotationModel[Any], row: int, field: str, value: Any) -> None:
        item = model.item(row)
        if item is None or self.article is None:
            return
        if field == "speaker":
            self._update(item, rules.named_speaker_changes(self.article, item, str(value), self.registry))
        elif field in ("actor", "recipient"):
            self._update(item, rules.arg_changes(field, self.article, item, str(value), None, self.registry))
        elif field == "label":
            self._relabel(item, str(value))
        else:
            self._update(item, {field: value})

    def decide(self: ArticleEditor, state: str) -> None:
        item = self.current_item()
        if item is None:
            self.status_message.emit("No current item (j/k to move)")
            return
        verb = "Accepted" if state == "accepted" else "Rejected"
        self._update(item, {"state": state}, message=f"{verb} {SINGULAR[self._table_of(item)]}")
        self.move_item(1)

    def delete_current(self: ArticleEditor) -> None:
        item = self.current_item()
        if item is not None:
            self._delete(item)

    def accept_all(self: ArticleEditor) -> None:
        aid, who = self._aid(), self.who
        self._submit(lambda s: s.set_state_all(aid, "accepted", who=who),
                     done=lambda n: self._note(f"Accepted {n} suggestions"))

    def mark_done(self: ArticleEditor) -> None:
        aid, who = self._aid(), self.who
        left = self._suggested_left()

        def done(_: Any) -> None:
            note = f" ({left} undecided suggestions are not gold)" if left else ""
            self._note(f"Marked done{note}")
            self.request_next.emit()

        self._submit(lambda s: finish_article(s, aid, who=who), done=done)

    def skip(self: ArticleEditor) -> None:
        aid, who = self._aid(), self.who

        def done(_: Any) -> None:
            self._note("Skipped")
            self.request_next.emit()

        self._submit(lambda s: s.set_status(aid, "skipped", who=who), done=done)

    def undo_redo(self: ArticleEditor, *, undo: bool) -> None:
        aid, who = self._aid(), self.who
        if undo:
            self._submit(lambda s: s.undo(aid, who=who), message="Undone")
        else:
            self._submit(lambda s: s.redo(aid, who=who), message="Redone")

    # entities ---------------------------------------------------------------
    def label_key(self: ArticleEditor, label: str) -> None:
        if self._selection_cp() is not None:
            self.add_entity(label)
            return
        ent = self.current_item("entities")
        if self.current_table() == "entities" and ent is not None:
            self._relabel(ent, label)
        else:
            self.status_message.emit(f"Select text first, then press the key for {label}")

    def relabel_current(self: ArticleEditor, label: str) -> None:
        ent = self.current_item("entities")
        if ent is not None:
            self._relabel(ent, label)

    def _relabel(self: ArticleEditor, ent: Entity, label: str) -> None:
        if label != ent.label:
            self._update(ent, {"label": label}, message=f"Relabelled to {label}")
        elif ent.state != "accepted":
            self._update(ent, {"state": "accepted"}, message=f"Accepted {label}")

    def add_entity(self: ArticleEditor, label: str) -> None:
        span = self._selection_cp()
        if span is None or self.article is None:
            self.status_message.emit("Select some text first")
            return
        start, end = span
        other = rules.overlapping_entity(self.article, start, end)
        if other is not None:
            self.status_message.emit(
                f"Refused: “{self._snippet(start, end)}” overlaps the {other.label} entity "
                f"“{self._snippet(other.start, other.end)}” (reject or delete it first)"
            )
            return
        aid, who = self.article.id, self.who
        item = Entity(start, end, label, origin="human", state="accepted")
        self.view.clear_selection()
        self._submit(lambda s: s.add(aid, item, who=who),
                     done=lambda rid: self._after_add("entities", rid),
                     message=f"Added {label} “{self._snippet(start, end)}”")

    def _after_add(self: ArticleEditor, table: str, row_id: int) -> None:
        self._current[table] = row_id
        if self.current_table() != table:
            self.tabs.blockSignals(True)
            self.tabs.setCurrentIndex(TABS.index(table))
            self.tabs.blockSignals(False)

    # quotes -----------------------------------------------------------------
    def add_quote(self: ArticleEditor) -> None:
        span = self._selection_cp()
        if span is None or self.article is None:
            self.status_message.emit("Select the quote's content first, then press q")
            return
        start, end = self.tokens.strip_quote_marks(*span)
        if end <= start:
            return
        kind = "direct" if self.tokens.is_quoted(start, end) else "indirect"
        aid, who = self.article.id, self.who
        item = Quote(start, end, kind=kind, origin="human", state="accepted")
        self.view.clear_selection()
        self._submit(lambda s: s.add(aid, item, who=who),
                     done=lambda rid: self._after_add("quotes", rid),
                     message=f"Added {kind} quote — now click its speaker in the text (or pick one)")

    def set_quote_span(self: ArticleEditor, which: str) -> None:
        quote = self.current_item("quotes")
        span = self._selection_cp()
        if quote is None or span is None:
            self.status_message.emit(f"Select a quote, then select its {which} in the text")
            return
        self.view.clear_selection()
        self._update(quote, {f"{which}_start": span[0], f"{which}_end": span[1]}, message=f"Set the quote's {which}")

    def cycle_kind(self: ArticleEditor) -> None:
        quote = self.current_item("quotes")
        if quote is not None:
            kind = QUOTE_KINDS[(QUOTE_KINDS.index(quote.kind) + 1) % len(QUOTE_KINDS)]
            self._update(quote, {"kind": kind}, message=f"Kind: {kind}")

    def set_speaker_entity(self: ArticleEditor, quote: Quote, ent: Entity) -> None:
        assert self.article is not None
        changes = rules.speaker_changes(self.article, quote, ent, self.sentences, self.registry)
        self._update(quote, changes, message=f"Speaker: {changes['speaker']}")

    def _speaker_named(self: ArticleEditor, name: str) -> None:
        quote = self.current_item("quotes")
        if quote is not None and self.article is not None:
            self._update(quote, rules.named_speaker_changes(self.article, quote, name, self.registry),
                         message=f"Speaker: {name or '(none)'}")

    # events -----------------------------------------------------------------
    def add_event(self: ArticleEditor) -> None:
        if self.article is None:
            return
        trigger = self._selection_cp()
        if trigger is not None:
            anchor = trigger[0]
        else:
            current = self.current_item()
            anchor = self._item_span(current).start if current is not None else self.omap.to_cp(self.view.caret())
        sent = rules.sentence_at(self.sentences, anchor)
        if sent is None:
            self.status_message.emit("No sentence here")
            return
        sent = rules.trimmed(self.article.text, sent)
        item = Event(self._last_type, sentence=sent, trigger=Span(*trigger) if trigger else None,
                     origin="human", state="accepted")
        aid, who = self.article.id, self.who
        self.view.clear_selection()
        self._submit(lambda s: s.add(aid, item, who=who),
                     done=lambda rid: self._after_add("events", rid),
                     message=f"Added {item.type} event — ]/[ or c to change its type, click entities for actor")

    def set_event_type(self: ArticleEditor, etype: str) -> None:
        event = self.current_item("events")
        if event is not None and etype != event.type:
            self._last_type = etype
            self._update(event, {"type": etype}, message=f"Event type: {etype}")

    def cycle_type(self: ArticleEditor, step: int) -> None:
        event = self.current_item("events")
        if event is None:
            self.status_message.emit("Select an event first (Events panel)")
            return
        types = self.event_types
        i = types.index(event.type) if event.type in types else -1
        self.set_event_type(types[(i + step) % len(types)])

    def set_event_arg(self: ArticleEditor, role: str, event: Event, ent: Entity) -> None:
        assert self.article is not None
        changes = rules.arg_changes(role, self.article, event, None, ent, self.registry)
        self._update(event, changes, message=f"{role.capitalize()}: {changes[role]}")

    def _arg_named(self: ArticleEditor, role: str, name: str) -> None:
        event = self.current_item("events")
        if event is not None and self.article is not None:
            self._update(event, rules.arg_changes(role, self.article, event, name, None, self.registry))
