"""Article-list search speed: count + first page + next page for field and full-text searches.

Usage (from the repository root):
    python bench/search.py --n 100000 [--keep DB]

Builds a corpus with plain INSERTs (schema from Store, so every migration and index is real) and a
rebuilt FTS index: per article a varied title and ~120-word text, 4 entities, 3 quotes (300 speakers),
3 events (16 types), 60 % done, 20 % with two annotators' team versions. Then, per query, times what
the list does when the search changes (count_articles + the first page of 200) and when it scrolls
(the next page after the last row): first run and median of 5.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

TYPES = ["AGREE", "CONSULT", "SUPPORT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
         "MOBILIZE", "COERCE", "ASSAULT", "AID", "RETREAT", "CONCEDE", "DISAPPROVE"]
LABELS = ["PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"]
VOCAB = ["minister", "border", "talks", "army", "police", "ceasefire", "kabul", "islamabad", "taliban", "security", "said", "would", "meeting", "government", "strike", "province", "official", "spokesperson", "foreign", "office", "trade", "water", "river", "election", "court", "judge", "protest", "market", "price", "wheat", "flood", "relief", "aid", "convoy"]
QUERIES = ['speaker:"Person 7"', "speaker:Khawaja", "label:ORG", "label:FAC state:suggested", "type:ACCUSE",
           "type:CONCEDE status:done", "state:rejected", "status:done", 'status:"in progress"',
           "annotator:bilal", "ceasefire", '"border talks"', 'ceasefire speaker:"Person 7" type:ACCUSE',
           "flood label:GPE status:done"]


def build(path: Path, n: int, seed: int = 7) -> None:
    from desktop_app.storage import Store

    Store(path).close()
    rng = random.Random(seed)
    people = [f"Person {i}" for i in range(299)] + ["Khawaja Asif"]
    now = "2026-01-01T00:00:00+00:00"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA synchronous = OFF")
    arts, ents, quotes, events, versions = [], [], [], [], []
    for i in range(n):
        aid = f"a{i:07d}"
        done = rng.random() < 0.6
        status = "done" if done else rng.choice(["new", "preannotated", "in_progress"])
        title = " ".join(rng.choice(VOCAB) for _ in range(8)).capitalize() + f" {i}"
        text = " ".join(rng.choice(VOCAB) for _ in range(120)) + f". No. {i}"
        arts.append((aid, title, text, "{}", status, "ann" if done else None, now, now))
        st = "accepted" if done else "suggested"
        for k in range(4):
            ents.append((aid, k * 40, k * 40 + 6, rng.choice(LABELS), "rejected" if rng.random() < 0.05 else st,
                         now, now))
        for k in range(3):
            quotes.append((aid, 100 + k * 20, 110 + k * 20, rng.choice(people), st, now, now))
        for _k in range(3):
            events.append((aid, rng.choice(TYPES), 0, 50, st, now, now))
        if rng.random() < 0.2:
            for who in ("amna", "bilal"):
                versions.append((aid, who, status, now, "d", json.dumps({}), now))
    with conn:
        conn.executemany("INSERT INTO articles (id, title, text, meta, status, annotator, created_at, updated_at)"
                         " VALUES (?,?,?,?,?,?,?,?)", arts)
        conn.executemany('INSERT INTO entities (article_id, start, "end", label, state, created_at, updated_at)'
                         " VALUES (?,?,?,?,?,?,?)", ents)
        conn.executemany('INSERT INTO quotes (article_id, start, "end", speaker, state, created_at, updated_at)'
                         " VALUES (?,?,?,?,?,?,?)", quotes)
        conn.executemany("INSERT INTO events (article_id, type, sent_start, sent_end, state, created_at, updated_at)"
                         " VALUES (?,?,?,?,?,?,?)", events)
        conn.executemany("INSERT INTO versions (article_id, annotator, status, updated_at, digest, doc, merged_at)"
                         " VALUES (?,?,?,?,?,?,?)", versions)
        conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")
    conn.execute("ANALYZE")
    conn.close()


def main() -> None:
    from dashboard import timed  # bench/dashboard.py's timer: first call, then the median of the repeats

    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--keep", type=Path, help="build (or reuse) the corpus here instead of a temporary file")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    from desktop_app.storage import Store

    path = args.keep or Path(tempfile.mkdtemp()) / "search.sqlite3"
    if not path.exists():
        t = time.perf_counter()
        build(path, args.n)
        print(f"built {args.n} articles in {time.perf_counter() - t:.1f} s ({path.stat().st_size / 1e6:.0f} MB)")
    Store(path).close()
    reader = Store(path, readonly=True)
    print(f"{'query':45} {'matches':>8} {'search first/median ms':>23} {'next page first/median ms':>26}")
    for q in QUERIES:
        def search(q: str = q) -> tuple[int, list]:  # type: ignore[type-arg]
            n = reader.count_articles(query=q)
            return n, reader.article_rows(0, min(200, n), query=q) if n else []
        f1, m1, (n, rows) = timed(search, args.repeat)  # type: ignore[misc]
        after = rows[-1].rowid if rows else None
        f2, m2, _ = timed(lambda q=q, after=after: reader.article_rows(200, 200, query=q, after_rowid=after),
                          args.repeat)
        print(f"{q:45} {n:8d} {f1:11.1f} /{m1:9.1f} {f2:12.1f} /{m2:11.1f}")
    reader.close()


if __name__ == "__main__":
    main()
