"""What runs on a Dask worker: the engine loaded once per worker, and one shard annotated.

Imported only once a cluster is asked for (it needs the optional ``distributed`` package).
"""

from __future__ import annotations

from typing import Any

from distributed import WorkerPlugin, get_worker

from desktop_app.core.model import Span
from desktop_app.nlp.engine import EngineInput, EngineOutput

_ATTR = "newsgold_engine"


class EnginePlugin(WorkerPlugin):
    """Loads the NewsGold engine once on each worker (Dask ``WorkerPlugin`` protocol)."""

    name = "newsgold-engine"

    def __init__(self, model: str | None, taxonomy: str | None, registry: dict[str, str]) -> None:
        self.model = model
        self.taxonomy = taxonomy
        self.registry = dict(registry)

    def setup(self, worker: Any) -> None:
        from desktop_app.nlp.loading import load_engine

        engine = load_engine(self.model, taxonomy=self.taxonomy)
        engine.registry.update(self.registry)
        setattr(worker, _ATTR, engine)

    def teardown(self, worker: Any) -> None:
        if hasattr(worker, _ATTR):
            delattr(worker, _ATTR)


def annotate_shard(shard: list[tuple[str, str, list[tuple[int, int]]]]) -> list[tuple[str, EngineOutput]]:
    """Runs on a worker: (article id, text, ignored spans) → (article id, suggestions)."""
    engine = getattr(get_worker(), _ATTR)
    inputs = (EngineInput(text, [Span(a, b) for a, b in ignored]) for _, text, ignored in shard)
    return [(aid, out) for (aid, _, _), out in zip(shard, engine.annotate(inputs), strict=True)]


def engine_name(dask_worker: Any) -> str:
    """Runs on each worker (``Client.run``): the name of the engine its plugin loaded."""
    return str(getattr(dask_worker, _ATTR).name)
