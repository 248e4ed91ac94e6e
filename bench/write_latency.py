"""Write path: how long an annotator's edit waits while imports and pre-annotation run.

Usage (from the repository root):
    python bench/write_latency.py                 # 20k-article import, then 500 pre-annotated
    python bench/write_latency.py --import-n 5000 --pre-n 200

Phase 1 imports synthetic articles through ``services.importing`` on the process's Writer, as
the GUI's import job does, and records the longest write transaction.
Phase 2 pre-annotates ``--pre-n`` of them with the real pipeline:
  a) "same process": the pre-annotation runs on a worker thread through the same Writer (the
     GUI's own job), while the main thread submits an edit every ``--every`` ms;
  b) "other process": ``newsgold preannotate`` runs in a child process while this process edits
     through its own Writer (the CLI beside the GUI).
Per edit it measures submit → commit returned (what stands between a key press and "saved ✓").
Prints one JSON object; the figures go to docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from desktop_app.services.corpus import Writer, open_reader  # noqa: E402
from desktop_app.services.importing import import_paths  # noqa: E402

PEOPLE = ("Ahmed Khan", "Sara Malik", "Zabihullah Mujahid", "Ishaq Dar", "Maria Lopez")
PLACES = ("Islamabad", "Kabul", "Doha", "Peshawar", "Quetta", "Torkham")
VERBS = ("said", "told reporters", "added", "warned", "stated")
CLAIMS = ("talks would resume next week", "the border would stay closed", "strikes had hit militant camps",
          "a ceasefire was in place", "the delegation had arrived", "aid convoys were waiting")


def article(rng: random.Random, i: int, words: int) -> dict[str, Any]:
    parts = [f"Report {i} from {rng.choice(PLACES)}\n\n"]
    n = 0
    while n < words:
        who, where, claim = rng.choice(PEOPLE), rng.choice(PLACES), rng.choice(CLAIMS)
        s = (f"{who} {rng.choice(VERBS)} in {where} on Tuesday that {claim}. "
             if rng.random() < 0.6 else f"\u201cWe will not accept this,\u201d {who} {rng.choice(VERBS)}. ")
        parts.append(s)
        n += len(s.split())
        if rng.random() < 0.25:
            parts.append("\n\n")
    return {"id": f"w{i}", "title": f"Report {i}", "text": "".join(parts)}


def percentiles(xs: list[float]) -> dict[str, float]:
    xs = sorted(xs)
    if not xs:
        return {}
    q = statistics.quantiles(xs, n=100) if len(xs) > 1 else [xs[0]] * 99
    return {"n": len(xs), "p50_ms": round(q[49] * 1000, 2), "p95_ms": round(q[94] * 1000, 2),
            "max_ms": round(xs[-1] * 1000, 2)}


def edit_loop(writer: Writer, aid: str, every: float, running: threading.Event | Any) -> list[float]:
    """Toggle an article's status every ``every`` s while ``running()``; returns submit→commit seconds."""
    lat: list[float] = []
    n = 0
    while running():
        status = ("in_progress", "skipped")[n % 2]
        t0 = time.perf_counter()
        writer.call(lambda s, st=status: s.set_status(aid, st, who="bench"))
        lat.append(time.perf_counter() - t0)
        n += 1
        time.sleep(every)
    return lat


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--import-n", type=int, default=20_000)
    ap.add_argument("--pre-n", type=int, default=500)
    ap.add_argument("--words", type=int, default=300)
    ap.add_argument("--every", type=float, default=50, help="ms between the annotator's edits")
    ap.add_argument("--batch-size", type=int, default=None, help="nlp.pipe batch size of the same-process job")
    ap.add_argument("--same-only", action="store_true", help="skip the other-process run")
    args = ap.parse_args()
    every = args.every / 1000
    rng = random.Random(7)
    tmp = Path(tempfile.mkdtemp(prefix="newsgold-writebench-"))
    out: dict[str, Any] = {"import_n": args.import_n, "pre_n": args.pre_n, "words": args.words}
    try:
        src = tmp / "in.jsonl"
        with src.open("w", encoding="utf-8") as fh:
            for i in range(args.import_n):
                fh.write(json.dumps(article(rng, i, args.words)) + "\n")

        # phase 1: import through the Writer
        db = tmp / "corpus.sqlite3"
        writer = Writer(db)
        t0 = time.perf_counter()
        summary = import_paths(writer.commit, [src], fmt="jsonl")
        dt = time.perf_counter() - t0
        times = writer.store.write_times
        out["import"] = {"articles_per_s": round(len(summary.added) / dt), "transactions": times.count,
                         "longest_txn_ms": round(times.longest * 1000, 1)}
        writer.close()
        template = tmp / "template.sqlite3"
        shutil.copy(db, template)

        from desktop_app.nlp.loading import load_engine
        from desktop_app.services.preannotating import preannotate

        engine = load_engine()
        out["pipeline"] = engine.name

        # phase 2a: the GUI's own pre-annotation job on the same Writer
        writer = Writer(db)
        reader = open_reader(db)
        ids = reader.article_ids()[: args.pre_n]
        target = reader.article_ids()[-1]  # edited; not among those pre-annotated
        before = writer.store.write_times.count
        done = threading.Event()

        def job() -> None:
            with open_reader(db) as r:
                kw = {"batch_size": args.batch_size} if args.batch_size else {}
                preannotate(r, engine, ids, commit=writer.commit, **kw)
            done.set()

        t0 = time.perf_counter()
        worker = threading.Thread(target=job)
        worker.start()
        lat = edit_loop(writer, target, every, lambda: not done.is_set())
        worker.join()
        pre_s = time.perf_counter() - t0
        txn = writer.store.write_times.samples[before:]
        out["same_process"] = {"edits": percentiles(lat), "preannotate_s": round(pre_s, 1),
                               "longest_txn_ms": round(max(txn) * 1000, 1), "transactions": len(txn)}
        reader.close()
        writer.close()

        if args.same_only:
            print(json.dumps(out, indent=2))
            return
        # phase 2b: `newsgold preannotate` in another process (it takes every new article: --pre-n of them)
        small = tmp / "small.jsonl"
        with src.open(encoding="utf-8") as fh, small.open("w", encoding="utf-8") as out_fh:
            for _ in range(args.pre_n + 1):
                out_fh.write(fh.readline())
        db = tmp / "cli.sqlite3"
        writer = Writer(db)
        import_paths(writer.commit, [small], fmt="jsonl")
        with open_reader(db) as r:
            target = r.article_ids()[-1]
        writer.call(lambda s: s.set_status(target, "in_progress", who="bench"))  # edited, not pre-annotated
        t0 = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "desktop_app", "--db", str(db), "preannotate"], cwd=REPO,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        lat = edit_loop(writer, target, every, lambda: proc.poll() is None)
        _, err = proc.communicate()
        out["other_process"] = {"edits": percentiles(lat), "preannotate_s": round(time.perf_counter() - t0, 1),
                                "exit": proc.returncode, "stderr_tail": err.strip().splitlines()[-1:] if err else []}
        writer.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
