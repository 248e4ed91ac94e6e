"""Dashboard speed: every chart's SQL on a synthetic corpus of N articles (goal: <= 200 ms per chart at 100k).

Usage (from the repository root):
    python bench/dashboard.py --n 100000 [--keep DB] [--render]

Builds the corpus with plain INSERTs (schema from Store, so every migration and index is real):
per article 4 entities, 3 quotes with speakers (300 people, PERSON/ORG entities linked), 3 events
(16 types, 200 actors), a published date over two years, 60 % done with one status change each in
the change log. Then times each chart of services.dashboard (first call and median of 5), the
click-through (articles behind the biggest bar), the people list, a merge with its undo, and the
annotator's commonest edits (what the tallies' triggers add to them, migration 0010).
``--render`` also times drawing each chart offscreen with pyqtgraph (ui.charts.render_chart).
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

TYPES = ["AGREE", "CONSULT", "SUPPORT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
         "MOBILIZE", "COERCE", "ASSAULT", "AID", "RETREAT", "CONCEDE", "DISAPPROVE"]
LABELS = ["PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"]


def build(path: Path, n: int, seed: int = 7) -> None:
    from desktop_app.storage import Store

    Store(path).close()  # schema and indexes
    rng = random.Random(seed)
    people = [f"Person {i}" for i in range(300)]
    actors = [f"Actor {i}" for i in range(200)]
    now = "2026-01-01T00:00:00+00:00"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA synchronous = OFF")
    text = ("Person said the minister would act on the border. " * 4).strip()
    arts, ents, quotes, events, changes = [], [], [], [], []
    for i in range(n):
        aid = f"a{i:07d}"
        done = rng.random() < 0.6
        day = f"{2024 + (i % 2)}-{1 + rng.randrange(12):02d}-{1 + rng.randrange(28):02d}"
        arts.append((aid, f"Article {i}", text, json.dumps({"published": day}), "done" if done else "preannotated",
                     "ann" if done else None, now, now))
        for k in range(4):
            ents.append((aid, k * 40, k * 40 + 6, "PERSON" if k < 2 else rng.choice(LABELS),
                         "accepted" if done else "suggested", now, now))
        for k in range(3):
            sp = rng.choice(people) if rng.random() < 0.85 else None
            linked = sp is not None and rng.random() < 0.7
            quotes.append((aid, 100 + k * 20, 110 + k * 20, sp, 0 if linked else None, 6 if linked else None,
                           "accepted" if done else "suggested", now, now))
        for _k in range(3):
            events.append((aid, rng.choice(TYPES), 0, 50, rng.choice(actors), rng.choice(actors),
                           "accepted" if done else "suggested", now, now))
        if done:
            changes.append((i + 1, aid, f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}T10:00:00", "ann", "status", "articles",
                            aid, json.dumps({"status": "in_progress", "annotator": "ann"}),
                            json.dumps({"status": "done", "annotator": "ann"})))
    with conn:
        conn.executemany("INSERT INTO articles (id, title, text, meta, status, annotator, created_at, updated_at)"
                         " VALUES (?,?,?,?,?,?,?,?)", arts)
        conn.executemany('INSERT INTO entities (article_id, start, "end", label, state, created_at, updated_at)'
                         " VALUES (?,?,?,?,?,?,?)", ents)
        conn.executemany('INSERT INTO quotes (article_id, start, "end", speaker, speaker_ent_start, speaker_ent_end,'
                         " state, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?)", quotes)
        conn.executemany("INSERT INTO events (article_id, type, sent_start, sent_end, actor, recipient, state,"
                         " created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?)", events)
        conn.executemany("INSERT INTO changes (batch, article_id, at, who, op, table_name, row_id, before, after)"
                         " VALUES (?,?,?,?,?,?,?,?,?)", changes)
    conn.execute("ANALYZE")
    conn.close()


def timed(fn, repeat: int = 5) -> tuple[float, float, object]:  # type: ignore[no-untyped-def]
    first_t = time.perf_counter()
    out = fn()
    first = time.perf_counter() - first_t
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t)
    return first * 1000, statistics.median(runs) * 1000, out


def edit_costs(path: Path, n: int = 30) -> None:
    """What the annotator's commonest edits cost on this corpus (what indexes and triggers add to them)."""
    from desktop_app.storage import Store

    times: dict[str, list[float]] = {}

    def run(name: str, fn) -> None:  # type: ignore[no-untyped-def]
        t = time.perf_counter()
        fn()
        times.setdefault(name, []).append((time.perf_counter() - t) * 1000)

    with Store(path) as s:
        ids = [r[0] for r in s.conn.execute("SELECT id FROM articles WHERE status != 'done' LIMIT ?", [n])]
        for aid in ids:
            ent = s.get_article(aid).entities[0]
            run("accept an entity", lambda: s.update("entities", ent.id, {"state": "accepted"}, who="bench"))  # noqa: B023
            run("relabel it", lambda: s.update("entities", ent.id, {"label": "ORG"}, who="bench"))  # noqa: B023
            run("mark the article done", lambda: s.set_status(aid, "done", who="bench"))  # noqa: B023
            for _ in range(3):
                run("undo", lambda: s.undo(aid))  # noqa: B023
    print("edits, median of", n, "(ms): " + ", ".join(f"{k} {statistics.median(v):.2f}" for k, v in times.items()))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--keep", type=Path, help="build (or reuse) the corpus here instead of a temporary file")
    ap.add_argument("--render", action="store_true", help="also time drawing each chart (pyqtgraph, offscreen)")
    args = ap.parse_args()
    from desktop_app.services import dashboard, people
    from desktop_app.storage import Store

    path = args.keep or Path(tempfile.mkdtemp()) / "dash.sqlite3"
    if not path.exists():
        t = time.perf_counter()
        build(path, args.n)
        print(f"built {args.n} articles in {time.perf_counter() - t:.1f} s ({path.stat().st_size / 1e6:.0f} MB)")
    Store(path).close()  # a kept corpus made by an older schema is migrated first (readers cannot)
    reader = Store(path, readonly=True)
    print(f"{'chart':18} {'status':6} {'first ms':>9} {'median ms':>10}  counted")
    worst = 0.0
    for status in ("done", "any"):
        for name in dashboard.CHARTS:
            first, med, c = timed(lambda name=name, status=status: dashboard.chart(reader, name, status))
            worst = max(worst, med)
            print(f"{name:18} {status:6} {first:9.1f} {med:10.1f}  {c.total}")  # type: ignore[attr-defined]
    speakers = dashboard.chart(reader, "speakers", "done")
    first, med, ids = timed(lambda: dashboard.articles_for(reader, speakers, speakers.categories[0]))
    print(f"click: articles behind the top speaker bar: {len(ids)} ids, first {first:.1f} ms, median {med:.1f} ms")  # type: ignore[arg-type]
    first, med, rows = timed(lambda: people.list_people(reader), repeat=2)
    print(f"people list: {len(rows)} people, first {first:.0f} ms, median {med:.0f} ms")  # type: ignore[arg-type]
    reader.close()
    with Store(path) as s:
        t = time.perf_counter()
        ch = people.merge(s, "Person 1", "Person 2")
        merge_ms = (time.perf_counter() - t) * 1000
        t = time.perf_counter()
        people.undo(s)
        undo_ms = (time.perf_counter() - t) * 1000
    print(f"merge (renames {ch.count} quotes/events, logged): {merge_ms:.0f} ms; its undo: {undo_ms:.0f} ms")
    edit_costs(path)
    if args.render:
        import os

        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtWidgets import QApplication

        from desktop_app.ui.charts import render_chart

        _app = QApplication.instance() or QApplication([])
        out = Path(tempfile.mkdtemp())
        with Store(path, readonly=True) as r:
            for name in dashboard.CHARTS:
                c = dashboard.chart(r, name, "done")
                t = time.perf_counter()
                render_chart(c, out / f"{name}.png")
                print(f"draw+save {name:18} {(time.perf_counter() - t) * 1000:7.1f} ms")
    print(f"slowest chart (median): {worst:.0f} ms; goal 200 ms")


if __name__ == "__main__":
    main()
