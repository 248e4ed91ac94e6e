"""Shared pieces of the export/import formats: labels, offset units, splits, tokenizer."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from desktop_app.core.model import Arg, Article, Entity, Event, Quote, Span
from desktop_app.errors import E, InputError
from desktop_app.io.jsonl import visible

QUOTE_PREFIX = "QUOTE_"  # QUOTE_DIRECT / QUOTE_INDIRECT / QUOTE_MIXED
CUE, SPEAKER, EVENT_PREFIX = "CUE", "SPEAKER", "EVENT_"
SPEAKER_OF, CUE_OF, ACTOR, RECIPIENT = "SPEAKER_OF", "CUE_OF", "ACTOR", "RECIPIENT"
#: labels that are not entities: a span whose label starts with one of these becomes a quote, cue, speaker or event
SPECIAL_LABELS = (QUOTE_PREFIX, EVENT_PREFIX, CUE, SPEAKER)


# -- offset units ------------------------------------------------------------------

def utf16_index(text: str) -> Callable[[int], int]:
    """Code point offset -> UTF-16 code unit offset (JS string index)."""
    if text.isascii() or all(ord(c) < 0x10000 for c in text):
        return lambda i: i
    cum = [0]
    for c in text:
        cum.append(cum[-1] + (2 if ord(c) >= 0x10000 else 1))
    return lambda i: cum[i]


def from_utf16(text: str) -> Callable[[int], int]:
    """UTF-16 offset -> code point offset; an offset inside a surrogate pair is an error (ValueError)."""
    if all(ord(c) < 0x10000 for c in text):
        return lambda i: i
    table: dict[int, int] = {}
    u = 0
    for i, c in enumerate(text):
        table[u] = i
        u += 2 if ord(c) >= 0x10000 else 1
    table[u] = len(text)

    def conv(i: int) -> int:
        if i not in table:
            raise ValueError(f"UTF-16 offset {i} falls inside a character")
        return table[i]
    return conv


# -- a flat span/relation view shared by prodigy, doccano, brat --------------------

@dataclass
class Graph:
    """Labelled spans + typed relations (ids are indexes into ``spans``)."""

    spans: list[tuple[int, int, str]] = field(default_factory=list)
    relations: list[tuple[int, int, str]] = field(default_factory=list)
    quote_meta: dict[int, dict[str, Any]] = field(default_factory=dict)  # span idx -> state/origin/name
    span_meta: dict[int, dict[str, Any]] = field(default_factory=dict)

    #: span -> its first index (a task of n spans was n² comparisons); ``spans`` may also grow by append
    _index: dict[tuple[int, int, str], int] = field(default_factory=dict, repr=False, compare=False)
    _indexed: int = field(default=0, repr=False, compare=False)

    def add(self, start: int, end: int, label: str, **meta: Any) -> int:
        key = (start, end, label)
        index = self._index
        for i in range(self._indexed, len(self.spans)):
            index.setdefault(self.spans[i], i)
        found = index.get(key)
        if found is not None:
            self._indexed = len(self.spans)
            return found
        self.spans.append(key)
        index[key] = len(self.spans) - 1
        self._indexed = len(self.spans)
        if meta:
            self.span_meta[len(self.spans) - 1] = meta
        return len(self.spans) - 1


def to_graph(article: Article, status: str) -> Graph:
    """Entities, quotes (with cue and speaker) and event triggers (with actor/recipient) as a graph."""
    entities, quotes, events = visible(article, status)
    g = Graph()
    ent_idx: dict[Span, int] = {}
    for e in entities:
        ent_idx.setdefault(e.span, g.add(e.start, e.end, e.label, state=e.state, origin=e.origin))
    for q in quotes:
        qi = g.add(q.start, q.end, QUOTE_PREFIX + q.kind.upper(), state=q.state, origin=q.origin, name=q.speaker)
        if q.cue is not None:
            g.relations.append((g.add(q.cue.start, q.cue.end, CUE), qi, CUE_OF))
        if q.mention is not None:
            g.relations.append((g.add(q.mention.start, q.mention.end, SPEAKER), qi, SPEAKER_OF))
        if q.speaker_entity is not None and q.speaker_entity in ent_idx:
            g.relations.append((ent_idx[q.speaker_entity], qi, SPEAKER_OF))
    for v in events:
        if v.trigger is None:
            continue  # a span format has nothing to hang a trigger-less event on
        ti = g.add(v.trigger.start, v.trigger.end, EVENT_PREFIX + v.type, state=v.state, origin=v.origin,
                   sentence=[v.sentence.start, v.sentence.end])
        for arg, rel in ((v.actor, ACTOR), (v.recipient, RECIPIENT)):
            if arg is not None and arg.entity is not None and arg.entity in ent_idx:
                g.relations.append((ti, ent_idx[arg.entity], rel))
    return g


_SENT_END = re.compile(r"[.!?][\"'”’)]*\s+|\n\s*")


def enclosing_sentence(text: str, start: int, end: int) -> Span:
    """A rough sentence around [start, end): from the previous boundary to the next one."""
    s = 0
    for m in _SENT_END.finditer(text, 0, start):
        s = m.end()
    nxt = _SENT_END.search(text, max(end, s))
    e = nxt.start() + 1 if nxt and text[nxt.start()] in ".!?" else (nxt.start() if nxt else len(text))
    return Span(min(s, start), max(e, end))


def from_graph(article: Article, g: Graph, where: str, line: int = 0) -> Article:
    """Fill ``article`` with human/accepted annotations from a graph (inverse of ``to_graph``)."""
    text = article.text
    for s, e, _ in g.spans:
        if not (0 <= s <= e <= len(text)):
            raise InputError(E.E009, where, line=line, start=s, end=e, length=len(text))
    incoming: dict[int, list[tuple[int, str]]] = {}
    outgoing: dict[int, list[tuple[int, str]]] = {}
    for a, b, t in g.relations:
        incoming.setdefault(b, []).append((a, t))
        outgoing.setdefault(a, []).append((b, t))

    span_meta = g.span_meta

    def meta(i: int, key: str, default: Any) -> Any:
        return span_meta.get(i, {}).get(key) or default

    # one pass: entities, quotes and events each keep the order of their spans
    special = (QUOTE_PREFIX, EVENT_PREFIX)
    for i, (s, e, label) in enumerate(g.spans):
        if not label.startswith(special):
            if label in (CUE, SPEAKER):
                continue
            if i in span_meta:
                article.entities.append(Entity(s, e, label, meta(i, "origin", "human"), meta(i, "state", "accepted")))
            else:
                article.entities.append(Entity(s, e, label, "human", "accepted"))
        elif label.startswith(QUOTE_PREFIX):
            q = Quote(s, e, label[len(QUOTE_PREFIX):].lower(), origin=meta(i, "origin", "human"),
                      state=meta(i, "state", "accepted"))
            for j, t in incoming.get(i, []):
                js, je, jl = g.spans[j]
                if t == CUE_OF:
                    q.cue = Span(js, je)
                elif t == SPEAKER_OF and jl == SPEAKER:
                    q.mention = Span(js, je)
                elif t == SPEAKER_OF:
                    q.speaker_entity = Span(js, je)
            q.speaker = meta(i, "name", None)
            if q.speaker is None and q.speaker_entity is not None:
                q.speaker = text[q.speaker_entity.start:q.speaker_entity.end]
            article.quotes.append(q)
        else:
            sent = meta(i, "sentence", None)
            v = Event(label[len(EVENT_PREFIX):], Span(*sent) if sent else enclosing_sentence(text, s, e),
                      trigger=Span(s, e), origin=meta(i, "origin", "human"), state=meta(i, "state", "accepted"))
            for j, t in outgoing.get(i, []):
                js, je, _ = g.spans[j]
                arg = Arg(text[js:je], Span(js, je))
                if t == ACTOR:
                    v.actor = arg
                elif t == RECIPIENT:
                    v.recipient = arg
            article.events.append(v)
    return article


# -- tokenizer -------------------------------------------------------------------

@lru_cache(maxsize=1)
def tokenizer_nlp() -> Any:
    """spaCy's rule-based English tokenizer + sentencizer (no model needed; same tokens as en_core_web_sm)."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def make_doc(text: str) -> Any:
    return tokenizer_nlp().make_doc(text)


def non_overlapping(entities: Iterable[Entity]) -> list[Entity]:
    """Longest-first, then earliest, like spacy.util.filter_spans."""
    chosen: list[Entity] = []
    for e in sorted(entities, key=lambda x: (-(x.end - x.start), x.start)):
        if all(e.end <= c.start or c.end <= e.start for c in chosen):
            chosen.append(e)
    return sorted(chosen, key=lambda x: x.start)


# -- splits ----------------------------------------------------------------------

def parse_split(spec: str | None) -> list[tuple[str, float]]:
    if not spec:
        return []
    parts = []
    for item in spec.split(","):
        name, _, frac = item.partition("=")
        try:
            parts.append((name.strip(), float(frac)))
        except ValueError as exc:
            raise ValueError(f"bad --split item {item!r} (want name=fraction)") from exc
    total = sum(f for _, f in parts)
    if total <= 0 or any(f < 0 for _, f in parts):
        raise ValueError(f"bad --split {spec!r}")
    return [(n, f / total) for n, f in parts]


def split_of(article_id: str, parts: list[tuple[str, float]], seed: int) -> str:
    """Deterministic: sha256(seed:id) as a number in [0, 1) placed on the cumulative fractions."""
    x = int(hashlib.sha256(f"{seed}:{article_id}".encode()).hexdigest()[:15], 16) / 16**15
    acc = 0.0
    for name, frac in parts:
        acc += frac
        if x < acc:
            return name
    return parts[-1][0]


def target_path(path: Path, options: dict[str, Any]) -> Path:
    """The user's output path (the service hands single-file writers a temp file ``.NAME.XXXX``)."""
    if options.get("target"):
        return Path(options["target"])
    name = path.name
    if name.startswith(".") and name.count(".") >= 2:
        return path.with_name(name[1:].rsplit(".", 1)[0])
    return path


def split_path(target: Path, part: str) -> Path:
    return target.with_name(f"{target.stem}_{part}{target.suffix}")
