"""Domain objects: plain dataclasses with no Qt, no SQLite and no spaCy."""

from desktop_app.core.model import (
    ANNOTATION_STATES,
    ARTICLE_STATUSES,
    ORIGINS,
    QUOTE_KINDS,
    Arg,
    Article,
    Entity,
    Event,
    Quote,
    Span,
    article_id_for,
)

__all__ = [
    "ANNOTATION_STATES",
    "ARTICLE_STATUSES",
    "ORIGINS",
    "QUOTE_KINDS",
    "Arg",
    "Article",
    "Entity",
    "Event",
    "Quote",
    "Span",
    "article_id_for",
]
