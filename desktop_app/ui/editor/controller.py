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
    from desktop_app.ui.editor.text_view import ArticleTextView

TABS = ("quotes", "entities", "events")


class EditController:
    """Turns the editor's user actions into named edits on the writer."""

    def __init__(self, editor: ArticleEditor) -> None:
        self.ed = editor
        #: boundaries submitted but not yet read back, by (table, row id, part): the base of the next nudge,
        #: so two quick Shift+→ presses move two tokens, not one twice
        self._pending: dict[tuple[str, int, str], tuple[int, int]] = {}

    def handlers(self) -> dict[str, Callable[[], None]]:
        """The actions this controller adds to the editor's (see shortcuts.SHORTCUTS)."""
        return {
            "end_right": lambda: self.nudge("end", 1),
            "end_left": lambda: self.nudge("end", -1),
            "start_left": lambda: self.nudge("start", -1),
            "start_right": lambda: self.nudge("start", 1),
            "accept_panel": self.accept_panel,
        }

    def wire(self, view: ArticleTextView) -> None:
        """Let the text view find the current item's edges, snap drags, and report an edge drag."""
        view.handles_for = self.handles_doc
        view.snap_doc = self.snap_doc
        view.edge_dragged.connect(self.drag_resize)
        view.edge_moving.connect(self.drag_preview)
        self.ed.highlighter.follow(view)

    # -- plumbing ---------------------------------------------------------------------------
    @property
    def who(self) -> str | None:
        return getattr(self.ed.settings, "annotator", None) or None

    def submit(self, label: str, fn: Callable[[Any], Changes], *,
               done: Callable[[Changes], None] | None = None,
               failed: Callable[[], None] | None = None) -> None:
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
            if failed is not None:
                failed()
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

    def accept_panel(self) -> None:
        """Accept the undecided suggestions of the panel in front (quotes, entities or events), one undo step."""
        aid, who, table = self.ed.article_id(), self.who, self.ed.current_table()
        self.submit(f"accept the rest of {table}", lambda s: editing.accept_table(s, aid, table, who=who))

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

    # -- boundaries: keys and edge drags ------------------------------------------------------------
    def parts(self, item: Any) -> list[tuple[str, tuple[int, int]]]:
        """The resizable spans of an item, in code points: the first is what the arrow keys move."""
        if isinstance(item, Entity):
            return [("span", (item.start, item.end))]
        if isinstance(item, Quote):
            out = [("content", (item.start, item.end))]
            return out + ([("cue", (item.cue.start, item.cue.end))] if item.cue is not None else [])
        if isinstance(item, Event) and item.trigger is not None:
            return [("trigger", (item.trigger.start, item.trigger.end))]
        return []

    def _span_now(self, item: Any, part: str, span: tuple[int, int]) -> tuple[int, int]:
        return self._pending.get((editing.table_of(item), item.id, part), span)

    def handles_doc(self) -> list[tuple[str, int, int]]:
        item = self.ed.current_item()
        if item is None or item.id is None:
            return []
        omap = self.ed.omap
        return [(part, *omap.span_to_doc(*self._span_now(item, part, span))) for part, span in self.parts(item)]

    def snap_doc(self, start: int, end: int) -> tuple[int, int] | None:
        omap = self.ed.omap
        span = self.ed.tokens.snap(*omap.span_to_cp(start, end))
        return omap.span_to_doc(*span) if span is not None else None

    def nudge(self, edge: str, step: int) -> None:
        """Move the current item's start or end by one token (Alt+←/→, Shift+←/→)."""
        item = self.ed.current_item()
        parts = self.parts(item) if item is not None else []
        if not parts:
            self.ed.status_message.emit("Select an entity, a quote or an event with a trigger first (j/k, t)")
            return
        part, span = parts[0]
        start, end = self._span_now(item, part, span)
        tokens = self.ed.tokens
        if edge == "end":
            new = tokens.step_end(start, end, step)
            target = (start, new) if new is not None else None
        else:
            new = tokens.step_start(start, end, step)
            target = (new, end) if new is not None else None
        if target is None:
            self.ed.status_message.emit("The span cannot shrink below one token" if (edge == "end") == (step < 0)
                                        else "No further token that way")
            return
        self.resize_part(item, part, target)

    def drag_preview(self, part: str, doc_start: int, doc_end: int) -> None:
        item = self.ed.current_item()
        if item is not None:
            what = "quote's cue" if part == "cue" else SINGULAR[editing.table_of(item)]
            span = self.ed.omap.span_to_cp(doc_start, doc_end)
            self.ed.status_message.emit(f"Resizing the {what} to “{self.ed.snippet(*span)}” — release to save "
                                        "(back on the old edge: no change)")

    def drag_resize(self, part: str, doc_start: int, doc_end: int) -> None:
        item = self.ed.current_item()
        if item is None or part not in dict(self.parts(item)):
            return
        start, end = self.ed.omap.span_to_cp(doc_start, doc_end)
        if part == "content":
            start, end = self.ed.tokens.strip_quote_marks(start, end)
        if end > start:
            self.resize_part(item, part, (start, end))

    def resize_part(self, item: Any, part: str, span: tuple[int, int]) -> None:
        """One named edit: new boundaries for an entity, a quote's content or cue, an event's trigger."""
        key = (editing.table_of(item), item.id, part)
        self._pending[key] = span
        who, (start, end) = self.who, span
        text = self.ed.snippet(start, end)

        def settle(_changes: Changes | None = None) -> None:
            if self._pending.get(key) == span:
                del self._pending[key]

        def done(changes: Changes) -> None:
            settle()
            self.ed.note(f"{changes.message}: “{text}”")

        def fn(s: Any) -> Changes:
            if part == "cue":
                return editing.set_quote_part(s, item, "cue", Span(start, end), who=who)
            return editing.resize(s, item, start, end, who=who)

        self.submit(f"resize {SINGULAR[key[0]]}", fn, done=done, failed=settle)

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
