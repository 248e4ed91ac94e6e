"""Pre-annotation past one machine: text shards go to Dask workers, suggestions come back to the one writer.

Each worker loads the pipeline once (``dask_worker.EnginePlugin``, a Dask worker plugin) with the
corpus's speaker registry, so a shard's suggestions are exactly what a local run would make.
Only texts travel to the workers and only :class:`~desktop_app.nlp.engine.EngineOutput`
travels back; the database never leaves this process, whose writer commits each shard as it
arrives (the same short transactions as a local run). Dask is optional
(``pip install ".[cluster]"``); nothing here imports it until a cluster is asked for.

``scheduler`` is a Dask address (``tcp://HOST:PORT``) or ``local:N``, which starts a
``LocalCluster`` of N single-threaded worker processes on this machine.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from desktop_app.errors import E, NewsGoldError
from desktop_app.services.corpus import Commit, direct_commit
from desktop_app.services.preannotating import COMMIT_EVERY, write_outputs
from desktop_app.services.progress import CancelToken, ProgressFn, no_progress
from desktop_app.storage import Store

#: articles per task sent to a worker
CHUNK = 16


def connect(scheduler: str) -> tuple[Any, Any]:
    """(client, cluster or None) for ``tcp://…`` or ``local:N``; E208 when Dask is not installed."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise NewsGoldError(E.E208, detail=str(exc)) from exc
    if scheduler.startswith("local:"):
        n = int(scheduler.split(":", 1)[1] or 1)
        cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None)
        return Client(cluster), cluster
    try:
        return Client(scheduler, timeout="30s"), None
    except OSError as exc:
        raise NewsGoldError(E.E209, address=scheduler, detail=str(exc)) from exc


def preannotate_on_cluster(
    store: Store,
    scheduler: str,
    ids: Sequence[str],
    *,
    model: str | None = None,
    taxonomy: str | Path | None = None,
    chunk: int = CHUNK,
    commit: Commit[Any] | None = None,
    progress: ProgressFn = no_progress,
    cancel: CancelToken | None = None,
) -> int:
    """Suggest annotations for ``ids`` on a Dask cluster; returns how many articles were written.

    Each article records the workers' engine name, as a local run records its own.
    """
    from distributed import as_completed

    from desktop_app.services.dask_worker import EnginePlugin, annotate_shard, engine_name

    commit = commit or direct_commit(store)
    client, cluster = connect(scheduler)
    try:
        client.register_plugin(EnginePlugin(model, str(taxonomy) if taxonomy else None, store.registry()))
        names = set(client.run(engine_name).values())
        if len(names) != 1:
            raise NewsGoldError(E.E210, names=", ".join(sorted(names)) or "none")
        pipeline = names.pop()
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        shards = _shards(store, ids, chunk)
        done, total = 0, len(ids)
        progress(0, total, f"pre-annotating on {workers} worker(s)")
        running = as_completed()
        for shard in _take(shards, 2 * workers):  # a few in flight per worker; the rest as they finish
            running.add(client.submit(annotate_shard, shard, pure=False))
        for future in running:
            outputs = future.result()
            future.release()
            for start in range(0, len(outputs), COMMIT_EVERY):  # short transactions, as in a local run
                done += write_outputs(commit, outputs[start : start + COMMIT_EVERY], pipeline)
            progress(done, total, f"{done}/{total} pre-annotated")
            if cancel is not None and cancel.cancelled:
                break
            for shard in _take(shards, 1):
                running.add(client.submit(annotate_shard, shard, pure=False))
        return done
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _shards(store: Store, ids: Sequence[str], chunk: int) -> Iterator[list[tuple[str, str, list[tuple[int, int]]]]]:
    for start in range(0, len(ids), chunk):
        articles = [store.get_article(aid, annotations=False) for aid in ids[start : start + chunk]]
        yield [(a.id, a.text, [(s.start, s.end) for s in a.ignored]) for a in articles]


def _take(it: Iterator[Any], n: int) -> list[Any]:
    out = []
    for _ in range(n):
        try:
            out.append(next(it))
        except StopIteration:
            break
    return out
