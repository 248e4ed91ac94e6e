"""The hand-written check of common lines (Prodigy tasks, plain texts) never lets through a line the
schema refuses, and reads the lines it accepts exactly as the schema does: a user gets the same
articles and the same error messages whichever path a line took."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.errors import InputError
from desktop_app.io.validation import (
    ArticleLine,
    PlainLine,
    ProdigyLine,
    plain_fields,
    prodigy_task,
    validate_line,
)

TEXT = "Kabul 😀 said\r\nthe talks مرحبا"
ODD = st.one_of(st.none(), st.booleans(), st.integers(-3, len(TEXT) + 3), st.floats(allow_nan=False),
                st.sampled_from(["", "x", "Kabul", "ENT", "done", "bogus", "2025-11-03T10:00:00"]),
                st.just([]), st.just({}), st.just([1]), st.just({"a": 1}))


def _span() -> st.SearchStrategy[Any]:
    good = st.tuples(st.integers(0, len(TEXT)), st.integers(0, 6), st.sampled_from(["GPE", "ENT", "QUOTE_DIRECT"]),
                     st.booleans()).map(lambda t: {"start": t[0], "end": min(len(TEXT), t[0] + t[1]), "label": t[2],
                                                   **({"text": TEXT[t[0]:t[0] + t[1]]} if t[3] else {})})
    broken = st.tuples(good, st.sampled_from(["start", "end", "label", "text"]), ODD, st.booleans()).map(
        lambda t: {k: v for k, v in {**t[0], t[1]: t[2]}.items() if not (t[3] and k == t[1])})
    return st.one_of(good, good, broken, ODD)


def _prodigy() -> st.SearchStrategy[dict[str, Any]]:
    relation = st.fixed_dictionaries({"head_span": _span(), "child_span": _span(),
                                      "label": st.sampled_from(["SPEAKER_OF", "", None])})
    return st.fixed_dictionaries(
        {"text": st.just(TEXT), "spans": st.one_of(st.lists(_span(), max_size=4), ODD)},
        optional={"relations": st.one_of(st.lists(relation, max_size=2), ODD),
                  "meta": st.one_of(st.just({"title": "T"}), ODD)})


def _schema(model: Any, obj: dict[str, Any]) -> Any:
    try:
        return validate_line(model, obj, "f.jsonl", 3)
    except InputError as err:
        return str(err)


def _fast(fn: Any, *args: Any) -> Any:
    try:
        return fn(*args)
    except InputError as err:
        return str(err)


@settings(max_examples=300, deadline=None)
@given(_prodigy())
def test_prodigy_lines_read_as_the_schema_reads_them(obj: dict[str, Any]) -> None:
    m = _schema(ProdigyLine, obj)
    got = _fast(prodigy_task, obj, "f.jsonl", 3)
    if isinstance(m, str):
        assert got == m  # refused, with the schema's own message
    else:
        assert got == (m.text, [(s.start, s.end, s.label) for s in m.spans],
                       [((r.head_span.start, r.head_span.end, r.head_span.label),
                         (r.child_span.start, r.child_span.end, r.child_span.label), r.label)
                        for r in m.relations or []], m.meta)


@settings(max_examples=300, deadline=None)
@given(st.fixed_dictionaries({"text": st.just(TEXT)}, optional={
    k: ODD for k in ("id", "title", "meta", "status", "annotator", "updated_at", "entities", "other")}))
def test_plain_lines_read_as_the_schema_reads_them(obj: dict[str, Any]) -> None:
    m = _schema(ArticleLine, obj)
    got = _fast(plain_fields, obj, "f.jsonl", 3, ArticleLine)
    assert got == (m if isinstance(m, str) else (m.text, m.title, m.meta, m.status, m.annotator, m.updated_at))
    p = _schema(PlainLine, obj)
    got = _fast(plain_fields, obj, "f.jsonl", 3, PlainLine)
    assert got == (p if isinstance(p, str) else (p.text, p.title, p.meta, None, None, None))
