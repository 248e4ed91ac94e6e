"""Articles and their annotations.

Offsets are Python code points into ``Article.text`` exactly as imported, ``end``
exclusive.  References between annotations (a quote's speaker entity, an event's
actor) are made by the *span* of the referenced entity, not by a database id, so
suggestions can be built before anything is stored.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

ARTICLE_STATUSES = ("new", "preannotated", "in_progress", "done", "skipped")
ORIGINS = ("model", "rule", "human")
ANNOTATION_STATES = ("suggested", "accepted", "rejected")
QUOTE_KINDS = ("direct", "indirect", "mixed")
ENTITY_LABELS = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")


def article_id_for(text: str) -> str:
    """Stable id: the first 16 hex digits of the SHA-256 of the UTF-8 text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass(frozen=True, order=True)
class Span:
    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"invalid span [{self.start}, {self.end})")

    def text(self, text: str) -> str:
        return text[self.start : self.end]

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def overlap_len(self, other: Span) -> int:
        return max(0, min(self.end, other.end) - max(self.start, other.start))

    def __len__(self) -> int:
        return self.end - self.start


@dataclass
class Entity:
    start: int
    end: int
    label: str
    origin: str = "model"
    state: str = "suggested"
    id: int | None = None
    #: a person's correction keeps what the machine had suggested (e.g. {"label": "ORG"})
    suggested: dict[str, Any] | None = None

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


@dataclass
class Arg:
    """An event participant or a speaker: a canonical name and optionally the entity named."""

    name: str | None
    entity: Span | None = None


@dataclass
class Quote:
    start: int
    end: int
    kind: str = "direct"
    cue: Span | None = None
    speaker: str | None = None
    speaker_entity: Span | None = None
    mention: Span | None = None
    origin: str = "model"
    state: str = "suggested"
    id: int | None = None
    suggested: dict[str, Any] | None = None

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


@dataclass
class Event:
    type: str
    sentence: Span
    trigger: Span | None = None
    actor: Arg | None = None
    recipient: Arg | None = None
    origin: str = "model"
    state: str = "suggested"
    id: int | None = None
    suggested: dict[str, Any] | None = None


@dataclass
class Suggestions:
    """What a pre-annotation engine proposes for one article."""

    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


@dataclass
class Article:
    id: str
    title: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    status: str = "new"
    annotator: str | None = None
    updated_at: str | None = None
    created_at: str | None = None
    ignored: list[Span] = field(default_factory=list)
    pipeline: str | None = None
    #: where the article came from (file, line, importer); kept apart from the article's own ``meta``
    provenance: dict[str, Any] = field(default_factory=dict)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    @classmethod
    def from_text(cls, text: str, title: str, meta: dict[str, Any] | None = None) -> Article:
        return cls(id=article_id_for(text), title=title, text=text, meta=dict(meta or {}))
