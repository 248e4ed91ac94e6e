"""Run the engine over stored articles; resumable, cancellable, and never in the annotator's way.

The NLP runs outside any transaction. Its output is committed a few articles at a time
(``COMMIT_EVERY``) through ``commit``, the process's writer, so the write lock is held only
while prepared rows go in (a few milliseconds a batch) and edits made meanwhile, in this
process or another, interleave with the pre-annotation instead of waiting for it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from desktop_app.nlp.engine import Engine, EngineInput, EngineOutput
from desktop_app.services.corpus import Commit, direct_commit
from desktop_app.services.progress import CancelToken, ProgressFn, no_progress
from desktop_app.storage import Store

#: articles read and fed to the engine at a time
CHUNK = 64
#: articles whose suggestions go in one write transaction (bench/write_latency.py: 8 took up to 278 ms
#: beside the NLP thread in the same process, 4 took 34 ms)
COMMIT_EVERY = 4


def pending_ids(store: Store, *, all_articles: bool = False) -> list[str]:
    """Articles to (re)annotate: by default those never pre-annotated (status new)."""
    if all_articles:
        return store.article_ids()
    return store.article_ids(status="new")


def preannotate(
    store: Store,
    engine: Engine,
    ids: Sequence[str],
    *,
    commit: Commit[Any] | None = None,
    batch_size: int = 32,
    n_process: int = 1,
    progress: ProgressFn = no_progress,
    cancel: CancelToken | None = None,
) -> int:
    """Suggest annotations for ``ids``; returns how many articles were written.

    ``store`` is read from; writes go through ``commit`` (default: straight to ``store``).
    """
    commit = commit or direct_commit(store)
    engine.registry.update(store.registry())  # this corpus's aliases, including those taught since loading
    done = 0
    total = len(ids)
    progress(0, total, "pre-annotating")
    for start in range(0, total, CHUNK):
        if cancel is not None and cancel.cancelled:
            break
        chunk = [store.get_article(aid, annotations=False) for aid in ids[start : start + CHUNK]]
        outputs = engine.annotate(_inputs(chunk), batch_size=batch_size, n_process=n_process)
        ready: list[tuple[str, EngineOutput]] = []
        for article, out in zip(chunk, outputs, strict=True):
            ready.append((article.id, out))
            if len(ready) >= COMMIT_EVERY:
                done += _write(commit, ready, engine.name)
                progress(done, total, f"{done}/{total} pre-annotated")
                if cancel is not None and cancel.cancelled:
                    return done
        if ready:
            done += _write(commit, ready, engine.name)
            progress(done, total, f"{done}/{total} pre-annotated")
    return done


def _write(commit: Commit[Any], ready: list[tuple[str, EngineOutput]], pipeline: str) -> int:
    batch = list(ready)
    ready.clear()
    return write_outputs(commit, batch, pipeline)


def write_outputs(commit: Commit[Any], batch: list[tuple[str, EngineOutput]], pipeline: str) -> int:
    """Commit the suggestions of ``batch`` (article id, engine output) in one short transaction."""

    def op(store: Store) -> int:
        for article_id, out in batch:
            store.replace_suggestions(article_id, out.suggestions, pipeline=pipeline, sentences=out.sentences)
        return len(batch)

    return commit(op)


def _inputs(articles: list) -> Iterator[EngineInput]:  # type: ignore[type-arg]
    for a in articles:
        yield EngineInput(a.text, a.ignored)
