"""The one gateway to a NewsGold database file: a small facade over its three parts.

- :mod:`~desktop_app.storage.queries`: reads (lists, articles, counts, search);
- :mod:`~desktop_app.storage.edits`: imports, suggestions and the logged, undoable edits;
- :mod:`~desktop_app.storage.registry`: the speaker registry;

all on one :class:`~desktop_app.storage.connection.Connection`. A ``Store`` is used from one
thread; a process that writes keeps exactly one writing Store, on its writer thread
(:mod:`desktop_app.services.corpus`), and read-only ones for the views.
"""

from __future__ import annotations

from desktop_app.errors import StorageError
from desktop_app.storage.connection import ANNOTATION_TABLES, LOCK_PATIENCE_S, SLOW_WRITE_S, STALL_S
from desktop_app.storage.edits import Edits
from desktop_app.storage.queries import ArticleRow, fts_query
from desktop_app.storage.registry import SpeakerRegistry


class Store(Edits, SpeakerRegistry):
    """A corpus file: queries, logged edits and the speaker registry on one connection."""


__all__ = ["ANNOTATION_TABLES", "LOCK_PATIENCE_S", "SLOW_WRITE_S", "STALL_S", "ArticleRow", "StorageError", "Store",
           "fts_query"]
