"""Finishing an article: the status change plus what the app learns from the annotator's work.

Marking an article done is the moment its quotes become gold, so it is also when the speaker
registry grows ("the DG ISPR" -> "Ahmed Sharif Chaudhry"); the next pre-annotation run then
resolves those mentions without help. CLI and GUI share this so they learn the same way.
"""

from __future__ import annotations

from desktop_app.nlp.speakers import registry_updates
from desktop_app.storage import Store


def finish_article(store: Store, article_id: str, *, who: str | None = None) -> int:
    """Mark ``article_id`` done and teach the registry its confirmed speakers; returns aliases learned."""
    with store.write():
        store.set_status(article_id, "done", who=who)
        known = store.registry()
        learned = 0
        for alias, canonical in registry_updates(store.get_article(article_id)):
            if known.get(alias) != canonical:
                store.registry_add(alias, canonical, source="annotator")
                learned += 1
    return learned
