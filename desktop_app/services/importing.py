"""Import files into a store, in chunks, reporting every rejected input."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.core.model import Article
from desktop_app.errors import InputError
from desktop_app.io.importers import read_inputs
from desktop_app.services.progress import CancelToken, ProgressFn, no_progress
from desktop_app.storage import Store

CHUNK = 2000


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
    store: Store,
    paths: Iterable[str | Path],
    *,
    fmt: str = "auto",
    progress: ProgressFn = no_progress,
    cancel: CancelToken | None = None,
) -> ImportSummary:
    summary = ImportSummary()
    chunk: list[Article] = []
    seen: set[str] = set()

    def flush() -> None:
        added, dupes = store.add_articles(chunk)
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
        chunk.append(item)
        if len(chunk) >= CHUNK:
            flush()
    if chunk:
        flush()
    return summary
