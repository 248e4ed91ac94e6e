"""The editor's write commands: each key, click or form choice becomes one named edit.

A plain object the :class:`~desktop_app.ui.editor.editor.ArticleEditor` owns. It reads what
the user points at from the editor (current item, snapped selection), picks the use case in
:mod:`desktop_app.services.editing` and submits it to the writer thread; it never builds SQL
or column dicts. The result (:class:`~desktop_app.services.editing.Changes`) comes back on
the GUI thread and says what to tell the user and which item to select. Refusals the user can
act on (overlap, nothing to undo) come back as status messages, not error dialogs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from desktop_app.core.model import QUOTE_KINDS, Entity, Event, Quote, Span
from desktop_app.errors import NewsGoldError, kind_of
from desktop_app.services import attribution as rules
from desktop_app.services import editing
from desktop_app.services.editing import SINGULAR, Changes

if TYPE_CHECKING:
    from desktop_app.ui.editor.editor import ArticleEditor
    from desktop_app.ui.editor.models import AnnotationModel

TABS = ("quotes", "entities", "events")


class EditController:
    """Turns the editor's user actions into named edits on the writer."""

    def __init__(self, editor: ArticleEditor) -> None:
        self.ed = editor

    # -- plumbing ---------------------------------------------------------------------------
    @property
    def who(self) -> str | None:
        return getattr(self.ed.settings, "annotator", None) or None

    def submit(self, label: str, fn: Callable[[Any], Changes], *,
               done: Callable[[Changes], None] | None = None) -> None:
        """Run ``fn(store)`` on the writer; its Changes (or a refusal) come back as a status message."""
        if self.ed.article is None:
            return
        aid = self.ed.article.id

        def finished(changes: Changes) -> None:
            self.ed.note(changes.message)
            if changes.item is not None:
                self.ed.land_on(*changes.item)
            if done is not None:
                done(changes)

        def refused(exc: BaseException) -> bool:
            """A refusal is said where the user is looking; anything else goes to the window's handler."""
            if isinstance(exc, NewsGoldError) and kind_of(exc) == "refusal":
                self.ed.note(exc.message)
                return True
            return False

        self.ed.ops.submit(fn, on_done=finished, on_error=refused, article_id=aid, label=label)

    # -- deciding ---------------------------------------------------------------------------
    def decide(self, state: str) -> None:
        item = self.ed.current_item()
        if item is None:
            self.ed.status_message.emit("No current item (j/k to move)")
            return
        self.set_state(item, state)
        self.ed.move_item(1)

    def set_state(self, item: Any, state: str) -> None:
        who = self.who
        fn = editing.accept if state == "accepted" else editing.reject
        self.submit(f"{'accept' if state == 'accepted' else 'reject'} {SINGULAR[editing.table_of(item)]}",
                    lambda s: fn(s, item, who=who))

    def delete_current(self) -> None:
        item = self.ed.current_item()
        if item is not None:
            self.delete(item)

    def delete(self, item: Any) -> None:
        who = self.who
        self.submit(f"delete {SINGULAR[editing.table_of(item)]}", lambda s: editing.delete(s, item, who=who))

    def accept_all(self) -> None:
        aid, who = self.ed.article_id(), self.who
        self.submit("accept all", lambda s: editing.accept_remaining(s, aid, who=who))

    def mark_done(self) -> None:
        aid, who = self.ed.article_id(), self.who
        accept = bool(getattr(self.ed.settings, "done_accepts_suggestions", True))
        self.submit("mark done", lambda s: editing.mark_done(s, aid, who=who, accept_remaining=accept),
                    done=lambda _c: self.ed.request_next.emit())

    def skip(self) -> None:
        aid, who = self.ed.article_id(), self.who
        self.submit("skip", lambda s: editing.mark_skipped(s, aid, who=who),
                    done=lambda _c: self.ed.request_next.emit())

    def undo_redo(self, *, undo: bool) -> None:
        aid, who = self.ed.article_id(), self.who
        fn = editing.undo if undo else editing.redo
        self.submit("undo" if undo else "redo", lambda s: fn(s, aid, who=who))

    # -- fields from the panels -----------------------------------------------------------------
    def on_model_edit(self, model: AnnotationModel[Any], row: int, field: str, value: Any) -> None:
        item = model.item(row)
        if item is None or self.ed.article is None:
            return
        if field == "speaker":
            self.speaker_named(str(value), item)
        elif field in ("actor", "recipient"):
            self.arg_named(field, str(value), item)
        elif field == "label":
            self.relabel(item, str(value))
        elif field == "kind":
            self.set_kind(item, str(value))
        elif field == "type":
            self.set_event_type(str(value), item)
        elif field == "state":
            self.set_state(item, str(value))

    # -- entities -------------------------------------------------------------------------------
    def label_key(self, label: str) -> None:
        if self.ed.selection_cp() is not None:
            self.add_entity(label)
            return
        ent = self.ed.current_item("entities")
        if self.ed.current_table() == "entities" and ent is not None:
            self.relabel(ent, label)
        else:
            self.ed.status_message.emit(f"Select text first, then press the key for {label}")

    def relabel_current(self, label: str) -> None:
        ent = self.ed.current_item("entities")
        if ent is not None:
            self.relabel(ent, label)

    def relabel(self, ent: Entity, label: str) -> None:
        who = self.who
        self.submit("relabel entity", lambda s: editing.relabel(s, ent, label, who=who))

    def add_entity(self, label: str) -> None:
        span = self.ed.selection_cp()
        article = self.ed.article
        if span is None or article is None:
            self.ed.status_message.emit("Select some text first")
            return
        start, end = span
        other = rules.overlapping_entity(article, start, end)
        if other is not None:
            self.ed.status_message.emit(
                f"Refused: “{self.ed.snippet(start, end)}” overlaps the {other.label} entity "
                f"“{self.ed.snippet(other.start, other.end)}” (reject or delete it first)"
            )
            return
        aid, who = article.id, self.who
        item = Entity(start, end, label, origin="human", state="accepted")
        self.ed.view.clear_selection()
        text = self.ed.snippet(start, end)

        def added(changes: Changes) -> None:
            self.ed.note(f"Added {label} “{text}”")

        self.submit("add entity", lambda s: editing.add(s, aid, item, who=who), done=added)

    def resize_current(self) -> None:
        """The selection becomes the current item's new boundaries (entity, quote, or event trigger)."""
        item = self.ed.current_item()
        span = self.ed.selection_cp()
        if item is None or span is None:
            self.ed.status_message.emit("Select an item, then select its new extent in the text and press b")
            return
        self.ed.view.clear_selection()
        who = self.who
        self.submit(f"resize {SINGULAR[editing.table_of(item)]}",
                    lambda s: editing.resize(s, item, span[0], span[1], who=who))

    # -- quotes -----------------------------------------------------------------------------------
    def add_quote(self) -> None:
        span = self.ed.selection_cp()
        article = self.ed.article
        if span is None or article is None:
            self.ed.status_message.emit("Select the quote's content first, then press q")
            return
        start, end = self.ed.tokens.strip_quote_marks(*span)
        if end <= start:
            return
        kind = "direct" if self.ed.tokens.is_quoted(start, end) else "indirect"
        aid, who = article.id, self.who
        item = Quote(start, end, kind=kind, origin="human", state="accepted")
        self.ed.view.clear_selection()
        self.submit("add quote", lambda s: editing.add(s, aid, item, who=who),
                    done=lambda _c: self.ed.note(f"Added {kind} quote — now click its speaker in the text "
                                                 "(or pick one)"))

    def set_quote_span(self, which: str) -> None:
        quote = self.ed.current_item("quotes")
        span = self.ed.selection_cp()
        if quote is None or span is None:
            self.ed.status_message.emit(f"Select a quote, then select its {which} in the text")
            return
        self.ed.view.clear_selection()
        who = self.who
        self.submit(f"set quote {which}", lambda s: editing.set_quote_part(s, quote, which, Span(*span), who=who))

    def cycle_kind(self) -> None:
        quote = self.ed.current_item("quotes")
        if quote is not None:
            self.set_kind(quote, QUOTE_KINDS[(QUOTE_KINDS.index(quote.kind) + 1) % len(QUOTE_KINDS)])

    def set_kind(self, quote: Quote | None, kind: str) -> None:
        quote = quote or self.ed.current_item("quotes")
        if quote is not None:
            who = self.who
            self.submit("set quote kind", lambda s: editing.set_quote_kind(s, quote, kind, who=who))

    def set_speaker_entity(self, quote: Quote, ent: Entity) -> None:
        article, sentences, registry, who = self.ed.article, self.ed.sentences, self.ed.registry, self.who
        assert article is not None
        self.submit("set speaker", lambda s: editing.set_speaker(s, article, quote, entity=ent, sentences=sentences,
                                                                 registry=registry, who=who))

    def speaker_named(self, name: str, quote: Quote | None = None) -> None:
        quote = quote or self.ed.current_item("quotes")
        article, registry, who = self.ed.article, self.ed.registry, self.who
        if quote is not None and article is not None:
            self.submit("set speaker", lambda s: editing.set_speaker(s, article, quote, name=name, registry=registry,
                                                                     who=who))

    # -- events -----------------------------------------------------------------------------------
    def add_event(self) -> None:
        ed = self.ed
        article = ed.article
        if article is None:
            return
        trigger = ed.selection_cp()
        if trigger is not None:
            anchor = trigger[0]
        else:
            current = ed.current_item()
            anchor = ed.item_span(current).start if current is not None else ed.omap.to_cp(ed.view.caret())
        sent = rules.sentence_at(ed.sentences, anchor)
        if sent is None:
            ed.status_message.emit("No sentence here")
            return
        sent = rules.trimmed(article.text, sent)
        item = Event(ed.last_type, sentence=sent, trigger=Span(*trigger) if trigger else None,
                     origin="human", state="accepted")
        aid, who = article.id, self.who
        ed.view.clear_selection()
        self.submit("add event", lambda s: editing.add(s, aid, item, who=who),
                    done=lambda _c: ed.note(f"Added {item.type} event — ]/[ or c to change its type, "
                                            "click entities for actor"))

    def set_event_type(self, etype: str, event: Event | None = None) -> None:
        event = event or self.ed.current_item("events")
        if event is not None and etype != event.type:
            self.ed.last_type = etype
            who = self.who
            self.submit("set event type", lambda s: editing.set_event_type(s, event, etype, who=who))

    def cycle_type(self, step: int) -> None:
        event = self.ed.current_item("events")
        if event is None:
            self.ed.status_message.emit("Select an event first (Events panel)")
            return
        types = self.ed.event_types
        i = types.index(event.type) if event.type in types else -1
        self.set_event_type(types[(i + step) % len(types)])

    def set_event_arg(self, role: str, event: Event, ent: Entity) -> None:
        article, registry, who = self.ed.article, self.ed.registry, self.who
        assert article is not None
        self.submit(f"set {role}", lambda s: editing.set_event_arg(s, article, event, role, entity=ent,
                                                                   registry=registry, who=who))

    def arg_named(self, role: str, name: str, event: Event | None = None) -> None:
        event = event or self.ed.current_item("events")
        article, registry, who = self.ed.article, self.ed.registry, self.who
        if event is not None and article is not None:
            self.submit(f"set {role}", lambda s: editing.set_event_arg(s, article, event, role, name=name,
                                                                       registry=registry, who=who))
