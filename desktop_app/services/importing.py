"""Import files into a corpus, in chunks, reporting every rejected input.

Files are read and parsed outside any transaction; each chunk of prepared articles is then
committed through ``commit`` (the process's writer) in one short transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop_app.core.model import Article
from desktop_app.errors import InputError
from desktop_app.io.importers import read_inputs
from desktop_app.services.corpus import Commit, direct_commit
from desktop_app.services.progress import CancelToken, ProgressFn, no_progress
from desktop_app.storage import Store

#: a write transaction takes at most this many articles, or this many rows with their annotations:
#: plain articles go 500 at a time (bench/write_latency.py: 129 ms), annotated tasks fewer
#: (bench/import_tasks.py: 500 tasks of 20 spans held the lock 500-840 ms on a busy machine)
CHUNK = 500
CHUNK_ROWS = 3000


@dataclass
class ImportSummary:
    added: list[str] = field(default_factory=list)
    duplicates: int = 0
    errors: list[InputError] = field(default_factory=list)
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors


def import_paths(
    target: Store | Commit[Any],
    paths: Iterable[str | Path],
    *,
    fmt: str = "auto",
    progress: ProgressFn = no_progress,
    cancel: CancelToken | None = None,
    who: str | None = None,
    claim_done: bool = False,
    as_gold: bool = False,
) -> ImportSummary:
    """Import ``paths`` into ``target``: a Store, or the ``commit`` of the process's writer.

    An article that comes in done (our JSONL with ``status: done``) without an annotator is
    recorded as done by ``who``, the importing annotator; with ``claim_done`` (the user named
    themselves, ``--annotator``) every done article is, so finished work from elsewhere can join a
    team. The name the file gave, if another, stays in its provenance (``annotator``). Without
    ``claim_done`` a named article keeps its annotator, so export -> import -> export is identical.
    ``as_gold``: every article comes in done with its annotations accepted (a gold corpus).
    """
    commit = direct_commit(target) if isinstance(target, Store) else target
    summary = ImportSummary()
    chunk: list[Article] = []
    rows = 0
    seen: set[str] = set()

    def flush() -> None:
        nonlocal rows
        rows = 0
        batch = list(chunk)
        added, dupes = commit(lambda store: store.add_articles(batch))
        summary.added.extend(added)
        summary.duplicates += dupes
        chunk.clear()
        progress(len(summary.added), None, f"{len(summary.added)} imported")

    for item in read_inputs(paths, fmt):
        if cancel is not None and cancel.cancelled:
            summary.cancelled = True
            break
        if isinstance(item, InputError):
            summary.errors.append(item)
            continue
        if item.id in seen:
            summary.duplicates += 1
            continue
        seen.add(item.id)
        if as_gold:
            mark_gold(item)
        if who and item.status == "done" and item.annotator != who and (claim_done or not item.annotator):
            if item.annotator:
                item.provenance["annotator"] = item.annotator
            item.annotator = who
        chunk.append(item)
        rows += 1 + len(item.entities) + len(item.quotes) + len(item.events)
        if len(chunk) >= CHUNK or rows >= CHUNK_ROWS:
            flush()
    if chunk:
        flush()
    return summary


def mark_gold(article: Article) -> None:
    """Done, with everything it carries accepted (rejected items stay rejected)."""
    article.status = "done"
    items: list[Any] = [*article.entities, *article.quotes, *article.events]
    for item in items:
        if item.state == "suggested":
            item.state = "accepted"
