"""Property-based tests of span editing (add/update/delete/undo/redo) and of export -> import."""

from __future__ import annotations

import json
import tempfile
from itertools import pairwise
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from desktop_app.core.model import ENTITY_LABELS, Article, Entity, Quote, Span
from desktop_app.errors import E, NewsGoldError
from desktop_app.io.importers import new_article
from desktop_app.services.exporting import export
from desktop_app.services.importing import import_paths
from desktop_app.storage import Store

from .texts import tricky_text

REFUSALS = {E.E108, E.E109}


class SpanEditing(RuleBasedStateMachine):
    """Random edits with random (also invalid) offsets; undo/redo must restore exact snapshots."""

    def __init__(self) -> None:
        super().__init__()
        self.tmp = tempfile.TemporaryDirectory()
        self.store = Store(Path(self.tmp.name) / "spans.sqlite3")
        self.undo: list[Any] = []
        self.redo: list[Any] = []
        self.length = 0

    @initialize(text=tricky_text)
    def make_article(self, text: str) -> None:
        self.store.add_articles([Article(id="a", title="t", text=text, status="in_progress")])
        self.length = len(text)

    def snapshot(self) -> Any:
        art = self.store.get_article("a")
        return (art.status, sorted((e.id, e.start, e.end, e.label, e.state) for e in art.entities),
                sorted((q.id, q.start, q.end, q.cue, q.mention, q.state) for q in art.quotes))

    def edit(self, call: Any) -> None:
        before = self.snapshot()
        try:
            call()
        except NewsGoldError as err:
            assert err.code in REFUSALS, err
            assert self.snapshot() == before  # a refused edit changes nothing
            return
        if self.snapshot() != before:
            self.undo.append(before)
            self.redo.clear()

    offsets = st.integers(min_value=-3, max_value=60)

    @rule(start=offsets, width=st.integers(-2, 15), label=st.sampled_from(ENTITY_LABELS),
          state=st.sampled_from(["accepted", "rejected", "suggested"]))
    def add_entity(self, start: int, width: int, label: str, state: str) -> None:
        self.edit(lambda: self.store.add("a", Entity(start, start + width, label, "human", state)))

    @rule(start=offsets, width=st.integers(-2, 30), cue=st.one_of(st.none(), offsets))
    def add_quote(self, start: int, width: int, cue: int | None) -> None:
        cue_span = Span(cue, cue + 2) if cue is not None and cue >= 0 else None
        self.edit(lambda: self.store.add("a", Quote(start, start + width, cue=cue_span, origin="human",
                                                    state="accepted")))

    @precondition(lambda self: bool(self.store.get_article("a").entities))
    @rule(pick=st.integers(0, 100), start=offsets, width=st.integers(-2, 15),
          state=st.sampled_from(["accepted", "rejected"]))
    def update_entity(self, pick: int, start: int, width: int, state: str) -> None:
        ents = self.store.get_article("a").entities
        target = ents[pick % len(ents)]
        self.edit(lambda: self.store.update("entities", target.id or 0,
                                            {"start": start, "end": start + width, "state": state}))

    @precondition(lambda self: bool(self.store.get_article("a").entities))
    @rule(pick=st.integers(0, 100))
    def delete_entity(self, pick: int) -> None:
        ents = self.store.get_article("a").entities
        self.edit(lambda: self.store.delete("entities", ents[pick % len(ents)].id or 0))

    @rule(status=st.sampled_from(["done", "skipped", "in_progress"]))
    def set_status(self, status: str) -> None:
        before = self.snapshot()
        self.store.set_status("a", status)
        self.redo.clear()
        if self.snapshot() != before:
            self.undo.append(before)

    @precondition(lambda self: bool(self.undo))
    @rule()
    def undo_one(self) -> None:
        current = self.snapshot()
        self.store.undo("a")
        assert self.snapshot() == self.undo.pop()
        self.redo.append(current)

    @precondition(lambda self: bool(self.redo))
    @rule()
    def redo_one(self) -> None:
        current = self.snapshot()
        self.store.redo("a")
        assert self.snapshot() == self.redo.pop()
        self.undo.append(current)

    @invariant()
    def offsets_valid_and_no_overlap(self) -> None:
        if not self.length:
            return
        art = self.store.get_article("a")
        for x in [*art.entities, *art.quotes]:
            assert 0 <= x.start < x.end <= len(art.text)
        live = sorted((e.start, e.end) for e in art.entities if e.state != "rejected")
        assert all(a[1] <= b[0] for a, b in pairwise(live))
        assert self.store.can_undo("a") == bool(self.undo)
        assert self.store.can_redo("a") == bool(self.redo)

    def teardown(self) -> None:
        self.store.close()
        self.tmp.cleanup()


SpanEditing.TestCase.settings = settings(max_examples=25, stateful_step_count=25, deadline=None)
test_span_editing = SpanEditing.TestCase


@st.composite
def annotated_article(draw: st.DrawFn) -> Article:
    text = draw(tricky_text)
    art = new_article(text, title=draw(tricky_text))
    pos = 0
    while pos < len(text) - 1 and len(art.entities) < 6:
        start = draw(st.integers(pos, len(text) - 1))
        end = draw(st.integers(start + 1, min(len(text), start + 10)))
        art.entities.append(Entity(start, end, draw(st.sampled_from(ENTITY_LABELS)), "human",
                                   draw(st.sampled_from(["accepted", "suggested"]))))
        pos = end
    if len(text) > 2:
        qs = draw(st.integers(0, len(text) - 2))
        art.quotes.append(Quote(qs, len(text), "direct", cue=Span(0, 1), speaker=draw(st.none() | tricky_text),
                                speaker_entity=art.entities[0].span if art.entities else None,
                                origin="model", state="suggested"))
    return art


def _export_lines(store: Store, out: Path) -> list[dict[str, Any]]:
    export(store, "jsonl", out, status="any")
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").split("\n") if line]
    for r in rows:
        r.pop("updated_at")
        r["meta"].pop("source", None)
        r["meta"].pop("line", None)
    return rows


@settings(max_examples=30)
@given(articles=st.lists(annotated_article(), min_size=1, max_size=5, unique_by=lambda a: a.text))
def test_export_then_import_is_identical(articles: list[Article]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        with Store(root / "a.sqlite3") as first:
            first.add_articles(articles)
            exported = _export_lines(first, root / "a.jsonl")
        assert [r["text"] for r in exported] == [a.text for a in articles]
        with Store(root / "b.sqlite3") as second:
            summary = import_paths(second, [root / "a.jsonl"])
            assert summary.ok, [str(e) for e in summary.errors]
            again = _export_lines(second, root / "b.jsonl")
        assert again == exported
