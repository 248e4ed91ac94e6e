"""The one gateway to a NewsGold database file: a small facade over its three parts.

- :mod:`~desktop_app.storage.queries`: reads (lists, articles, counts, search);
- :mod:`~desktop_app.storage.edits`: imports, suggestions and the logged, undoable edits;
- :mod:`~desktop_app.storage.registry`: the speaker registry;
- :mod:`~desktop_app.storage.people`: the people registry's undoable edits (merge, rename, aliases, notes);

all on one :class:`~desktop_app.storage.connection.Connection`. A ``Store`` is used from one
thread; a process that writes keeps exactly one writing Store, on its writer thread
(:mod:`desktop_app.services.corpus`), and read-only ones for the views.
"""

from __future__ import annotations

from desktop_app.errors import StorageError
from desktop_app.storage.connection import ANNOTATION_TABLES, LOCK_PATIENCE_S, SLOW_WRITE_S, STALL_S
from desktop_app.storage.people import People
from desktop_app.storage.queries import ArticleRow, fts_query
from desktop_app.storage.registry import SpeakerRegistry


class Store(People, SpeakerRegistry):
    """A corpus file: queries, logged edits, the speaker registry and its people edits on one connection."""


__all__ = ["ANNOTATION_TABLES", "LOCK_PATIENCE_S", "SLOW_WRITE_S", "STALL_S", "ArticleRow", "StorageError", "Store",
           "fts_query"]
