"""Pre-annotation throughput: a local run against a Dask cluster of 1 and of 2 workers.

Usage (from the repository root, with the cluster extra installed):
    python bench/cluster.py --n 200 --words 300

Each run pre-annotates the same synthetic corpus (a fresh copy) and reports articles/s,
tokens/s and, for the cluster runs, each worker's resident memory after the run.
Prints one JSON object; the figures go to docs/scale.md.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from write_latency import article  # noqa: E402

from desktop_app.services.importing import import_paths  # noqa: E402
from desktop_app.storage import Store  # noqa: E402


def worker_rss(dask_worker: Any) -> int:
    import psutil

    return int(psutil.Process().memory_info().rss)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--words", type=int, default=300)
    ap.add_argument("--chunk", type=int, default=16)
    args = ap.parse_args()
    rng = random.Random(3)
    tmp = Path(tempfile.mkdtemp(prefix="newsgold-cluster-"))
    out: dict[str, Any] = {"articles": args.n, "words": args.words, "chunk": args.chunk}
    try:
        src = tmp / "in.jsonl"
        src.write_text("".join(json.dumps(article(rng, i, args.words)) + "\n" for i in range(args.n)),
                       encoding="utf-8")
        template = tmp / "template.sqlite3"
        with Store(template) as store:
            import_paths(store, [src], fmt="jsonl")
        words = args.n * args.words

        from desktop_app.nlp.loading import load_engine
        from desktop_app.services.preannotating import pending_ids, preannotate

        db = tmp / "local.sqlite3"
        shutil.copy(template, db)
        t0 = time.perf_counter()
        engine = load_engine()
        load_s = time.perf_counter() - t0
        with Store(db) as store:
            t0 = time.perf_counter()
            n = preannotate(store, engine, pending_ids(store))
            dt = time.perf_counter() - t0
        out["local"] = {"articles_per_s": round(n / dt, 1), "words_per_s": round(words / dt), "seconds": round(dt, 1),
                        "model_load_s": round(load_s, 1)}

        from distributed import Client, LocalCluster

        from desktop_app.services.distributed import preannotate_on_cluster

        for workers in (1, 2):
            with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                              dashboard_address=None) as cluster, Client(cluster) as client:
                db = tmp / f"cluster{workers}.sqlite3"
                shutil.copy(template, db)
                with Store(db) as store:
                    t0 = time.perf_counter()
                    n = preannotate_on_cluster(store, cluster.scheduler_address, pending_ids(store),
                                               chunk=args.chunk)
                    dt = time.perf_counter() - t0
                rss = client.run(worker_rss)
                out[f"cluster_{workers}"] = {
                    "articles_per_s": round(n / dt, 1), "words_per_s": round(words / dt), "seconds": round(dt, 1),
                    "includes": "each worker's model load", "worker_rss_mb": sorted(round(v / 2**20) for v in rss.values()),
                }
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
