"""Scale: import, search, edit and export on 100k / 1M synthetic articles.

Usage (from the repository root):
    python bench/scale.py --n 100000 --text-kb 3
    python bench/scale.py --n 1000000 --text-kb 1.2     # keeps /tmp under ~4 GB

Writes the JSONL, imports it with services.importing.import_paths in a child process (its peak
RSS is the import's own), deletes the JSONL, then measures FTS search, list pages, Store.update
commit latency and JSONL export on the resulting database, and removes everything at the end.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

COMMON = ["said", "minister", "government", "police", "officials", "week", "report", "people", "country", "city", "party", "election", "court", "health", "economy", "market", "talks", "security", "border", "spokesman", "statement", "agency"]
FILLER = ["the", "of", "and", "to", "in", "a", "on", "for", "that", "with", "was", "as", "by", "at", "from", "is", "it", "its", "has", "were", "be", "an", "which", "also", "after", "over", "more", "than", "new", "two", "first", "last", "year", "about", "would", "could"]
NAMES = ("Ahmed Khan", "Maria Lopez", "John Smith", "Li Wei", "Fatima Noor", "Peter Novak")
ORGS = ("United Nations", "World Bank", "Reuters", "Ministry of Health", "Supreme Court")


def synth(rng: random.Random, i: int, target: int) -> dict:  # type: ignore[type-arg]
    """One article of about ``target`` bytes with 2-4 entity suggestions at real offsets."""
    parts: list[str] = []
    entities = []
    size = 0
    pos = 0
    title = f"Report {i}: " + " ".join(rng.choices(COMMON, k=5)).capitalize()
    while size < target:
        if rng.random() < 0.15 and len(entities) < 4:
            name, label = (rng.choice(NAMES), "PERSON") if rng.random() < 0.6 else (rng.choice(ORGS), "ORG")
            entities.append({"start": pos, "end": pos + len(name), "label": label, "origin": "model",
                             "state": "suggested"})
            sent = f"{name} said the {rng.choice(COMMON)} would {rng.choice(FILLER)} act. "
        else:
            words = rng.choices(FILLER, k=rng.randint(6, 14)) + rng.choices(COMMON, k=rng.randint(2, 5))
            rng.shuffle(words)
            if i % 10 == 0 and rng.random() < 0.1:
                words.append("ceasefire")  # in ~10% of articles: a medium-frequency term
            sent = " ".join(words).capitalize() + ". "
        if rng.random() < 0.2:
            sent += "\n\n"
        parts.append(sent)
        pos += len(sent)
        size += len(sent)
    text = "".join(parts) + f"Filed under tag{i % 1000}x."  # each tag in 0.1% of articles: a rare term
    return {"id": f"s{i}", "title": title, "text": text, "meta": {"published": f"2025-{1 + i % 12:02d}-01"},
            "entities": entities}


def generate(path: Path, n: int, text_kb: float) -> float:
    rng = random.Random(7)
    lo, hi = int(text_kb * 1024 * 0.66), int(text_kb * 1024 * 1.33)
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps(synth(rng, i, rng.randint(lo, hi)), ensure_ascii=False) + "\n")
    return path.stat().st_size / n


def child_import(src: str, db: str) -> None:
    from desktop_app.services.importing import import_paths
    from desktop_app.storage import Store

    t0 = time.perf_counter()
    with Store(db) as store:
        summary = import_paths(store, [src], fmt="jsonl")
    dt = time.perf_counter() - t0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": dt, "added": len(summary.added), "errors": len(summary.errors), "rss_mb": rss}))


def timed(fn, repeat: int = 5) -> float:  # type: ignore[no-untyped-def]
    """Median wall time in ms of ``repeat`` calls (after one warm-up)."""
    fn()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def measure(db: Path, n: int, out: dict) -> None:  # type: ignore[type-arg]
    from desktop_app.services.exporting import export
    from desktop_app.storage import Store

    store = Store(db)
    out["db_mb"] = round(db.stat().st_size / 1e6, 1)
    for label, word in (("rare (0.1%)", "tag7x"), ("medium", "ceasefire"), ("common (~all)", "minister")):
        hits = store.count_articles(query=word)
        out[f"fts count {label} [{hits} hits] ms"] = round(timed(lambda w=word: store.count_articles(query=w)), 1)
        out[f"fts first page {label} ms"] = round(timed(lambda w=word: store.article_rows(0, 200, query=w)), 1)
    out["count_articles() ms"] = round(timed(store.count_articles), 1)
    out["status_counts() ms"] = round(timed(store.status_counts), 1)
    out["first page (200 rows) ms"] = round(timed(lambda: store.article_rows(0, 200)), 1)
    out["page at middle offset ms"] = round(timed(lambda: store.article_rows(n // 2, 200)), 1)

    rng = random.Random(3)
    ids = [rng.randrange(1, n) for _ in range(400)]
    for sync in ("FULL", "NORMAL"):
        store.conn.execute(f"PRAGMA synchronous = {sync}")
        lat = []
        for i in ids:
            aid = store.conn.execute("SELECT id FROM articles WHERE rowid = ?", [i]).fetchone()[0]
            ents = store.get_article(aid).entities
            if not ents:
                continue
            t0 = time.perf_counter()
            flip = "accepted" if ents[0].state == "rejected" else "rejected"
            store.update("entities", ents[0].id or 0, {"state": flip})
            lat.append((time.perf_counter() - t0) * 1000)
        lat.sort()
        out[f"Store.update synchronous={sync} p50 ms"] = round(lat[len(lat) // 2], 2)
        out[f"Store.update synchronous={sync} p95 ms"] = round(lat[int(len(lat) * 0.95)], 2)
    store.conn.execute("PRAGMA synchronous = FULL")

    target = db.with_name("export.jsonl")
    t0 = time.perf_counter()
    written = export(store, "jsonl", target, status="any")
    dt = time.perf_counter() - t0
    out["export jsonl articles/s"] = round(written / dt)
    out["export MB"] = round(target.stat().st_size / 1e6, 1)
    target.unlink()
    store.close()


def preannotate_scaling(n: int, work: Path) -> dict:  # type: ignore[type-arg]
    """Seconds to pre-annotate ``n`` synthetic articles with the real model, n_process 1 vs 2."""
    from desktop_app.nlp.loading import default_model, load_engine
    from desktop_app.services.importing import import_paths
    from desktop_app.services.preannotating import pending_ids, preannotate
    from desktop_app.storage import Store

    src = work / "pre.jsonl"
    generate(src, n, 2.0)
    res: dict = {"articles": n}  # type: ignore[type-arg]
    engine = load_engine(default_model())
    res["model"] = engine.name
    for procs in (1, 2):
        db = work / f"pre{procs}.sqlite3"
        with Store(db) as store:
            import_paths(store, [src])
            ids = pending_ids(store, all_articles=True)
            t0 = time.perf_counter()
            preannotate(store, engine, ids, n_process=procs)
            res[f"n_process={procs} s"] = round(time.perf_counter() - t0, 1)
            res[f"n_process={procs} articles/s"] = round(n / (time.perf_counter() - t0), 1)
    return res


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--preannotate", type=int, metavar="N", help="only the n_process 1 vs 2 pre-annotation figure")
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--text-kb", type=float, default=3.0)
    ap.add_argument("--workdir", default="/tmp/newsgold-scale")
    ap.add_argument("--child-import", nargs=2, metavar=("SRC", "DB"))
    args = ap.parse_args()
    if args.child_import:
        child_import(*args.child_import)
        return
    work = Path(args.workdir)
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    if args.preannotate:
        try:
            print(json.dumps(preannotate_scaling(args.preannotate, work), indent=1))
        finally:
            shutil.rmtree(work, ignore_errors=True)
        return
    src, db = work / "articles.jsonl", work / "scale.sqlite3"
    out: dict = {"n": args.n}  # type: ignore[type-arg]
    try:
        t0 = time.perf_counter()
        out["avg JSONL bytes/article"] = round(generate(src, args.n, args.text_kb))
        out["generate s"] = round(time.perf_counter() - t0, 1)
        repo = Path(__file__).resolve().parents[1]
        res = subprocess.run([sys.executable, __file__, "--child-import", str(src), str(db)], cwd=repo,
                             capture_output=True, text=True, check=True)
        imp = json.loads(res.stdout.strip().splitlines()[-1])
        out["import articles/s"] = round(imp["added"] / imp["seconds"])
        out["import s"] = round(imp["seconds"], 1)
        out["import peak RSS MB"] = round(imp["rss_mb"])
        out["import errors"] = imp["errors"]
        src.unlink()
        measure(db, args.n, out)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(out, indent=1))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
