"""Schemas of the JSONL lines NewsGold imports, checked with pydantic before anything is built.

- :class:`ArticleLine`: our canonical format (``shared/spec/jsonl-format.md``); a plain
  ``{"text": ..., "title": ..., "meta": ...}`` line is an ArticleLine without annotations.
- :class:`ProdigyLine`: a Prodigy task (``spans`` and ``relations``).
- :class:`DoccanoLine`: a doccano task (``entities``/``relations`` or ``label: [[start, end, label]]``).

Every span is checked against the line's text (passed as validation context): inside it,
not empty or reversed, and its ``text``, when given, equal to the text at its offsets.
:func:`validate_line` turns the first problem into an :class:`InputError` with a numbered
code (E009, E012-E018) saying what is wrong and where on the line; the importer adds the
file and line number and goes on with the next line.

The import's common lines (Prodigy tasks, plain texts) are first checked by hand
(:func:`prodigy_task`, :func:`plain_fields`): building the models took most of an import's
parsing time. The hand check accepts only what the schema accepts; anything else goes to
pydantic, so every error, and every line the check is unsure of, is the schema's verdict.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable
from typing import Annotated, Any, Literal, TypeVar, get_args

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictInt,
    StrictStr,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from desktop_app.core.model import ANNOTATION_STATES, ARTICLE_STATUSES, ORIGINS, QUOTE_KINDS, Article
from desktop_app.errors import E, InputError

Origin = Literal["model", "rule", "human"]
State = Literal["suggested", "accepted", "rejected"]
QuoteKind = Literal["direct", "indirect", "mixed"]
Status = Literal["new", "preannotated", "in_progress", "done", "skipped"]
OffsetUnit = Literal["codepoints", "utf-16", "utf16"]
# the schema and the model's tuples (which the database CHECKs mirror) must not drift apart
assert get_args(Origin) == ORIGINS and get_args(State) == ANNOTATION_STATES
assert get_args(QuoteKind) == QUOTE_KINDS and get_args(Status) == ARTICLE_STATUSES

Label = Annotated[StrictStr, Field(min_length=1)]
Name = StrictStr | None


class _Line(BaseModel):
    """Unknown keys are ignored (other tools add their own); known keys must have the right type."""

    model_config = ConfigDict(extra="ignore", frozen=True)


def _ctx(info: ValidationInfo) -> dict[str, Any]:
    return info.context if isinstance(info.context, dict) else {}


def check_span(start: int, end: int, given: str | None, text: str, length: int | None = None) -> None:
    """Raise the PydanticCustomError for a span that does not fit, is empty or reversed, or misquotes the text."""
    length = len(text) if length is None else length
    if start < 0 or end > length or start > length:
        raise PydanticCustomError("span_out_of_range", "span [{start}, {end}) does not fit the text (length {length})",
                                  {"start": start, "end": end, "length": length})
    if end <= start:
        raise PydanticCustomError("span_empty", "span [{start}, {end}) is empty or ends before it starts",
                                  {"start": start, "end": end})
    if given is not None and text[start:end] != given:
        raise PydanticCustomError("span_text", "text {given!r} is not the text at [{start}, {end}) ({actual!r})",
                                  {"given": given, "start": start, "end": end, "actual": text[start:end]})


class SpanIn(_Line):
    """``{"start", "end", "text"?}``: code point offsets into the line's text, end exclusive."""

    start: StrictInt
    end: StrictInt
    text: StrictStr | None = None

    @model_validator(mode="after")
    def _fits(self, info: ValidationInfo) -> SpanIn:
        text = _ctx(info).get("text")
        if isinstance(text, str):
            check_span(self.start, self.end, self.text, text)
        return self


# -- our format ----------------------------------------------------------------------

class EntityIn(SpanIn):
    id: StrictStr | None = None
    label: Label
    origin: Origin = "human"
    state: State = "accepted"
    #: a correction: what the machine had suggested for the fields a person changed
    suggested: dict[str, Any] | None = None


class SpeakerIn(_Line):
    name: Name = None
    entity: StrictStr | None = None
    mention: SpanIn | None = None


class QuoteIn(SpanIn):
    id: StrictStr | None = None
    kind: QuoteKind = "direct"
    cue: SpanIn | None = None
    speaker: SpeakerIn | None = None
    origin: Origin = "human"
    state: State = "accepted"
    #: a correction: what the machine had suggested for the fields a person changed
    suggested: dict[str, Any] | None = None


class ArgIn(_Line):
    name: Name = None
    entity: StrictStr | None = None


class EventIn(_Line):
    id: StrictStr | None = None
    type: Label
    sentence: SpanIn
    trigger: SpanIn | None = None
    actor: ArgIn | None = None
    recipient: ArgIn | None = None
    origin: Origin = "human"
    state: State = "accepted"
    #: a correction: what the machine had suggested for the fields a person changed
    suggested: dict[str, Any] | None = None


class ArticleLine(_Line):
    """One line of our JSONL.  ``id`` is not trusted: the article id is always derived from the text."""

    id: StrictStr | StrictInt | None = None
    title: StrictStr | None = None
    text: StrictStr
    meta: dict[str, Any] | None = None
    status: Status | None = None
    annotator: StrictStr | None = None
    updated_at: StrictStr | None = None
    entities: list[EntityIn] = []
    quotes: list[QuoteIn] = []
    events: list[EventIn] = []

    @field_validator("updated_at")
    @classmethod
    def _iso(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                _dt.datetime.fromisoformat(value)
            except ValueError:
                raise PydanticCustomError("iso_time", "not an ISO 8601 time") from None
        return value

    @model_validator(mode="after")
    def _references(self) -> ArticleLine:
        ids = {e.id for e in self.entities if e.id is not None}
        refs: list[tuple[str, str | None]] = []
        for i, q in enumerate(self.quotes, start=1):
            if q.speaker is not None:
                refs.append((f"quote {i} speaker", q.speaker.entity))
        for i, v in enumerate(self.events, start=1):
            refs += [(f"event {i} actor", v.actor.entity if v.actor else None),
                     (f"event {i} recipient", v.recipient.entity if v.recipient else None)]
        for what, ref in refs:
            if ref is not None and ref not in ids:
                raise PydanticCustomError("unknown_entity", "{what}: entity {ref!r} is not the id of an entity on "
                                          "this line", {"what": what, "ref": ref})
        return self


class PlainLine(_Line):
    """A line without annotations read by a task-format reader (--format prodigy/doccano)."""

    text: StrictStr
    title: StrictStr | None = None
    meta: dict[str, Any] | None = None


# -- Prodigy -------------------------------------------------------------------------

class ProdigySpan(SpanIn):
    label: Label = "ENT"


class ProdigyRelation(_Line):
    head_span: ProdigySpan
    child_span: ProdigySpan
    label: Label


class ProdigyLine(_Line):
    text: StrictStr
    spans: list[ProdigySpan]
    relations: list[ProdigyRelation] | None = None
    meta: dict[str, Any] | None = None


#: a Prodigy line as plain values: text, spans (start, end, label), relations (head, child, label), meta
ProdigyTask = tuple[str, list[tuple[int, int, str]], list[tuple[tuple[int, int, str], tuple[int, int, str], str]],
                    dict[str, Any] | None]


def prodigy_task(obj: dict[str, Any], where: str, line: int) -> ProdigyTask:
    """``obj`` checked as a :class:`ProdigyLine`, without building the model for a line that is fine.

    A hand-written check accepts only lines the schema accepts and gives the same values; any
    doubt goes to pydantic, which then names the problem exactly (or accepts the line after all).
    """
    fast = _prodigy_fast(obj)
    if fast is not None:
        return fast
    m = validate_line(ProdigyLine, obj, where, line)
    return (m.text, [(x.start, x.end, x.label) for x in m.spans],
            [((r.head_span.start, r.head_span.end, r.head_span.label),
              (r.child_span.start, r.child_span.end, r.child_span.label), r.label) for r in m.relations or []],
            m.meta)


def _prodigy_fast(obj: dict[str, Any]) -> ProdigyTask | None:
    text, raw, rels, meta = obj.get("text"), obj.get("spans"), obj.get("relations"), obj.get("meta")
    if type(text) is not str or type(raw) is not list or not (meta is None or type(meta) is dict):
        return None
    n = len(text)
    spans = []
    for x in raw:  # _plain_span, inlined: the loop runs for every span of every task
        if type(x) is not dict:
            return None
        start, end, label, given = x.get("start"), x.get("end"), x.get("label", "ENT"), x.get("text")
        if (type(start) is not int or type(end) is not int or not 0 <= start < end <= n or type(label) is not str
                or not label or (given is not None and (type(given) is not str or text[start:end] != given))):
            return None
        spans.append((start, end, label))
    relations = []
    if rels is not None:
        if type(rels) is not list:
            return None
        for r in rels:
            if type(r) is not dict:
                return None
            head, child, label = _plain_span(r.get("head_span"), text, n), _plain_span(r.get("child_span"), text, n), \
                r.get("label")
            if head is None or child is None or type(label) is not str or not label:
                return None
            relations.append((head, child, label))
    return text, spans, relations, meta


def _plain_span(obj: Any, text: str, n: int) -> tuple[int, int, str] | None:
    """A span that ProdigySpan certainly accepts, as a tuple; None for anything else."""
    if type(obj) is not dict:
        return None
    start, end, label, given = obj.get("start"), obj.get("end"), obj.get("label", "ENT"), obj.get("text")
    if type(start) is not int or type(end) is not int or not 0 <= start < end <= n:
        return None
    if type(label) is not str or not label:
        return None
    if given is not None and (type(given) is not str or text[start:end] != given):
        return None
    return start, end, label


#: a plain line of ours or of a task format: text, title, meta, status, annotator, updated_at
PlainFields = tuple[str, str | None, dict[str, Any] | None, str | None, str | None, str | None]


def plain_fields(obj: dict[str, Any], where: str, line: int, model: type[ArticleLine] | type[PlainLine]) -> PlainFields:
    """A line without annotations checked as ``model`` (ArticleLine or PlainLine), as plain values.

    As :func:`prodigy_task`: a hand-written check for the plain case, pydantic for anything else.
    """
    fast = _plain_fast(obj, model is ArticleLine)
    if fast is not None:
        return fast
    if model is ArticleLine:
        m = validate_line(ArticleLine, obj, where, line)
        return m.text, m.title, m.meta, m.status, m.annotator, m.updated_at
    p = validate_line(PlainLine, obj, where, line)
    return p.text, p.title, p.meta, None, None, None


def _plain_fast(obj: dict[str, Any], ours: bool) -> PlainFields | None:
    text, title, meta = obj.get("text"), obj.get("title"), obj.get("meta")
    if (type(text) is not str or not (title is None or type(title) is str)
            or not (meta is None or type(meta) is dict)):
        return None
    if not ours:
        return text, title, meta, None, None, None
    status, annotator, updated_at, ident = obj.get("status"), obj.get("annotator"), obj.get("updated_at"), obj.get("id")
    if "quotes" in obj or "events" in obj or obj.get("entities", []) != []:
        return None
    if not (ident is None or type(ident) is str or type(ident) is int):
        return None
    if not (status is None or (type(status) is str and status in ARTICLE_STATUSES)):
        return None
    if not (annotator is None or type(annotator) is str) or updated_at is not None:
        return None  # an updated_at is checked by the schema's ISO validator
    return text, title, meta, status, annotator, updated_at


# -- doccano -------------------------------------------------------------------------

def _doccano_span(start: int, end: int, info: ValidationInfo) -> None:
    """Offsets are checked in the line's unit (UTF-16 code units unless offset_unit is codepoints)."""
    ctx = _ctx(info)
    text = ctx.get("text")
    if isinstance(text, str):
        units = ctx.get("units")
        check_span(start, end, None, text, units if isinstance(units, int) else len(text))


class DoccanoEntity(_Line):
    id: StrictInt | StrictStr
    start_offset: StrictInt
    end_offset: StrictInt
    label: Label

    @model_validator(mode="after")
    def _fits(self, info: ValidationInfo) -> DoccanoEntity:
        _doccano_span(self.start_offset, self.end_offset, info)
        return self


class DoccanoLabel(_Line):
    """One ``[start, end, label]`` of the sequence-labelling form."""

    start: StrictInt
    end: StrictInt
    label: Label

    @model_validator(mode="before")
    @classmethod
    def _triple(cls, value: Any) -> Any:
        if isinstance(value, list | tuple) and len(value) == 3:
            return {"start": value[0], "end": value[1], "label": value[2]}
        raise PydanticCustomError("triple_type", "should be [start, end, label]")

    @model_validator(mode="after")
    def _fits(self, info: ValidationInfo) -> DoccanoLabel:
        _doccano_span(self.start, self.end, info)
        return self


class DoccanoRelation(_Line):
    from_id: StrictInt | StrictStr
    to_id: StrictInt | StrictStr
    type: Label


class DoccanoLine(_Line):
    text: StrictStr
    entities: list[DoccanoEntity] | None = None
    relations: list[DoccanoRelation] | None = None
    label: list[DoccanoLabel] | None = None
    offset_unit: OffsetUnit | None = None
    speaker_names: dict[str, StrictStr] | None = None
    title: StrictStr | None = None


# -- which format a line is ------------------------------------------------------------

def line_format(obj: dict[str, Any]) -> str:
    """"prodigy", "doccano" or "jsonl" (ours, with or without annotations) for a parsed line."""
    if "spans" in obj:
        return "prodigy"
    ents = obj.get("entities")
    if "offset_unit" in obj or (isinstance(ents, list) and ents and isinstance(ents[0], dict)
                                and "start_offset" in ents[0]):
        return "doccano"
    label = obj.get("label")
    if isinstance(label, list) and label and all(isinstance(x, list) for x in label):
        return "doccano"
    return "jsonl"


# -- validation errors -> catalogued InputErrors ------------------------------------------

M = TypeVar("M", bound=BaseModel)

_SINGULAR = {"entities": "entity", "quotes": "quote", "events": "event", "spans": "span",
             "relations": "relation", "label": "label"}
_EXPECTED = {
    "int_type": "an integer", "string_type": "a string", "dict_type": "an object", "model_type": "an object",
    "model_attributes_type": "an object", "list_type": "a list", "bool_type": "true or false",
    "string_too_short": "a non-empty string", "iso_time": "an ISO 8601 time", "triple_type": "[start, end, label]",
    "none_required": "null",
}
_UNION_TAGS = {"str", "int", "float", "bool", "none", "list", "dict"}


def _where_on_line(loc: tuple[int | str, ...]) -> str:
    """('quotes', 0, 'cue') -> 'quote 1 cue'; () -> 'article'."""
    parts: list[str] = []
    i = 0
    while i < len(loc):
        item = loc[i]
        if i + 1 < len(loc) and isinstance(loc[i + 1], int):
            parts.append(f"{_SINGULAR.get(str(item), str(item))} {int(loc[i + 1]) + 1}")
            i += 2
            continue
        parts.append(str(item))
        i += 1
    return " ".join(parts) or "article"


def _input_error(errors: list[Any], where: str, line: int) -> InputError:
    first = errors[0]
    kind, loc = first["type"], tuple(first["loc"])
    ctx = dict(first.get("ctx") or {})
    while loc and loc[-1] in _UNION_TAGS:
        loc = loc[:-1]
    # a union (e.g. id: string or integer) reports once per member: one problem, several expectations
    same = [e for e in errors if tuple(x for x in e["loc"] if x not in _UNION_TAGS) == loc]
    more = len({tuple(x for x in e["loc"] if x not in _UNION_TAGS) for e in errors}) - 1
    fields: dict[str, Any] = {"line": line, "more": f" (and {more} more problem{'s' if more > 1 else ''} on this line)"
                              if more else ""}
    if kind.startswith("span_"):
        what = _where_on_line(loc)
        if kind == "span_out_of_range":
            return _err(E.E009, where, fields, start=ctx["start"], end=ctx["end"], length=ctx["length"])
        if kind == "span_empty":
            return _err(E.E016, where, fields, what=what, start=ctx["start"], end=ctx["end"])
        return _err(E.E017, where, fields, what=what, **ctx)
    if kind == "unknown_entity":
        return _err(E.E018, where, fields, **ctx)
    what, field = _where_on_line(loc[:-1]), str(loc[-1]) if loc else "line"
    if kind == "literal_error":
        allowed = ", ".join(re.findall(r"'([^']*)'", str(ctx.get("expected", ""))))
        return _err(E.E013, where, fields, what=what, field=field, value=first["input"], allowed=allowed)
    if kind == "missing":
        return _err(E.E015, where, fields, what=what, field=field)
    expected = " or ".join(dict.fromkeys(_EXPECTED.get(e["type"], e["type"].replace("_", " ")) for e in same))
    return _err(E.E014, where, fields, what=what, field=field, expected=expected, value=first["input"])


def _err(code: E, where: str, fields: dict[str, Any], **more: Any) -> InputError:
    return InputError(code, where, **fields, **more)


def validate_line(model: type[M], obj: dict[str, Any], where: str, line: int, **context: Any) -> M:
    """``obj`` as a ``model``, or the InputError for its first problem (raised)."""
    try:
        return model.model_validate(obj, context={"text": obj.get("text"), **context})
    except ValidationError as exc:
        raise _input_error(exc.errors(include_url=False), where, line) from None


def doccano_context(obj: dict[str, Any]) -> dict[str, Any]:
    """The unit doccano offsets on this line count in, as the text's length in that unit."""
    text = obj.get("text")
    if not isinstance(text, str) or obj.get("offset_unit") == "codepoints":
        return {}
    return {"units": len(text.encode("utf-16-le", "surrogatepass")) // 2}


# -- the last check before storage, for every reader ----------------------------------------

def check_article(article: Article, where: str, line: int) -> None:
    """What the database insists on (enums, non-empty spans inside the text), for articles a reader built.

    The JSONL schemas above already refuse such lines with a precise message; this covers
    readers without one (brat, spaCy DocBin), so a bad value is a refused input, never an
    IntegrityError from the database.
    """
    n = len(article.text)
    if _plainly_fine(article, n):
        return

    def span(what: str, start: int, end: int) -> None:
        if not (0 <= start <= n and end <= n):
            raise InputError(E.E009, where, line=line, start=start, end=end, length=n)
        if end <= start:
            raise InputError(E.E016, where, line=line, what=what, start=start, end=end, more="")

    def enum(what: str, field: str, value: Any, allowed: tuple[str, ...]) -> None:
        if value not in allowed:
            raise InputError(E.E013, where, line=line, what=what, field=field, value=value,
                             allowed=", ".join(allowed), more="")

    enum("article", "status", article.status, ARTICLE_STATUSES)
    groups: list[tuple[str, list[Any], Callable[[Any], list[tuple[str, Any]]]]] = [
        ("entity", article.entities, lambda e: [("", e.span)]),
        ("quote", article.quotes, lambda q: [("", q.span), (" cue", q.cue), (" speaker mention", q.mention),
                                             (" speaker entity", q.speaker_entity)]),
        ("event", article.events, lambda v: [(" sentence", v.sentence), (" trigger", v.trigger),
                                             (" actor entity", v.actor.entity if v.actor else None),
                                             (" recipient entity", v.recipient.entity if v.recipient else None)]),
    ]
    for name, items, spans in groups:
        for i, x in enumerate(items, start=1):
            what = f"{name} {i}"
            enum(what, "origin", x.origin, ORIGINS)
            enum(what, "state", x.state, ANNOTATION_STATES)
            if name == "quote":
                enum(what, "kind", x.kind, QUOTE_KINDS)
            for suffix, s in spans(x):
                if s is not None:
                    span(what + suffix, s.start, s.end)


def _plainly_fine(article: Article, n: int) -> bool:
    """The common case, checked in one tight loop: valid status, only entities, each inside the text."""
    if article.status not in ARTICLE_STATUSES or article.quotes or article.events:
        return False
    return all(0 <= e.start < e.end <= n and e.origin in ORIGINS and e.state in ANNOTATION_STATES
               for e in article.entities)
