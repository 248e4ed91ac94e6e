"""Run the engine over stored articles in batches; resumable and cancellable."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from desktop_app.nlp.engine import Engine, EngineInput
from desktop_app.services.progress import CancelToken, ProgressFn, no_progress
from desktop_app.storage import Store

CHUNK = 64


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
    batch_size: int = 32,
    n_process: int = 1,
    progress: ProgressFn = no_progress,
    cancel: CancelToken | None = None,
) -> int:
    """Returns how many articles were written; each chunk is committed as it completes."""
    engine.registry.update(store.registry())  # this corpus's aliases, including those taught since loading
    done = 0
    total = len(ids)
    progress(0, total, "pre-annotating")
    for start in range(0, total, CHUNK):
        if cancel is not None and cancel.cancelled:
            break
        chunk = [store.get_article(aid, annotations=False) for aid in ids[start : start + CHUNK]]
        outputs = engine.annotate(
            _inputs(chunk), batch_size=batch_size, n_process=n_process
        )
        with store.write():
            for article, out in zip(chunk, outputs, strict=True):
                store.replace_suggestions(article.id, out.suggestions, pipeline=engine.name, sentences=out.sentences)
                done += 1
        progress(done, total, f"{done}/{total} pre-annotated")
    return done


def _inputs(articles: list) -> Iterator[EngineInput]:  # type: ignore[type-arg]
    for a in articles:
        yield EngineInput(a.text, a.ignored)
