"""Export speed and memory: N synthetic annotated articles, one child process per format.

Run by hand:  python bench/export.py --n 100000 --formats jsonl,csv,spacy
The database is built once (Store.add_articles); each export runs in a fresh child so its
peak RSS (ru_maxrss) is that export's own.  Store.iter_articles streams in chunks of 500.
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS = ["Pakistan", "Afghanistan", "Kabul", "Islamabad", "ceasefire", "talks", "border", "Torkham", "spokesperson", "said", "minister", "military", "operations", "security", "militants", "strikes", "delegation", "Istanbul", "Doha", "agreement", "officials"]


def synth(rng: random.Random, i: int):  # type: ignore[no-untyped-def]
    from desktop_app.core.model import Arg, Article, Entity, Event, Quote, Span

    sents = [" ".join(rng.choices(WORDS, k=rng.randint(8, 16))).capitalize() + "." for _ in range(rng.randint(8, 16))]
    body = " ".join(sents)
    quote = "\"We will respond to every attack.\""
    text = f"Report {i}\n\nAhmed Khan said {quote} Pakistan struck Kabul. {body}\n"
    a = Article.from_text(text, f"Report {i}", {"published": "2025-11-03"})
    a.status = "done"
    ak = Span(text.index("Ahmed Khan"), text.index("Ahmed Khan") + 10)
    pk = Span(text.index("Pakistan struck"), text.index("Pakistan struck") + 8)
    kb = Span(text.index("Kabul."), text.index("Kabul.") + 5)
    qs = text.index(quote) + 1
    cue = Span(ak.end + 1, ak.end + 5)
    trig = Span(pk.end + 1, pk.end + 7)
    a.entities = [Entity(ak.start, ak.end, "PERSON", "human", "accepted"),
                  Entity(pk.start, pk.end, "GPE", "human", "accepted"), Entity(kb.start, kb.end, "GPE", "model",
                                                                                "accepted")]
    a.quotes = [Quote(qs, qs + len(quote) - 2, "direct", cue=cue, speaker="Ahmed Khan", speaker_entity=ak,
                      mention=ak, origin="human", state="accepted")]
    a.events = [Event("ASSAULT", Span(pk.start, kb.end + 1), trigger=trig, actor=Arg("Pakistan", pk),
                      recipient=Arg("Kabul", kb), origin="human", state="accepted")]
    return a


def build(db: Path, n: int) -> float:
    from desktop_app.storage import Store

    rng = random.Random(7)
    t0 = time.perf_counter()
    with Store(db) as store:
        batch = []
        for i in range(n):
            batch.append(synth(rng, i))
            if len(batch) == 2000:
                store.add_articles(batch)
                batch = []
        if batch:
            store.add_articles(batch)
    return time.perf_counter() - t0


def child(db: str, fmt: str, out: str) -> None:
    from desktop_app.services.exporting import export
    from desktop_app.storage import Store

    t0 = time.perf_counter()
    with Store(db) as store:
        n = export(store, fmt, out, status="done")
    dt = time.perf_counter() - t0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    size = sum(p.stat().st_size for p in Path(out).rglob("*")) if Path(out).is_dir() else Path(out).stat().st_size
    print(f"{fmt}\t{n}\t{dt:.1f}\t{n / dt:.0f}\t{rss:.0f}\t{size / 1e6:.0f}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--formats", default="jsonl,csv,spacy")
    ap.add_argument("--child", nargs=3, metavar=("DB", "FMT", "OUT"))
    ap.add_argument("--db", help="reuse/keep this database")
    args = ap.parse_args()
    if args.child:
        child(*args.child)
        return
    tmp = Path(tempfile.mkdtemp(prefix="ng-export-"))
    db = Path(args.db) if args.db else tmp / "bench.sqlite3"
    if not db.exists():
        print(f"building {args.n} articles: {build(db, args.n):.0f} s", flush=True)
    print("format\tarticles\tseconds\tarticles/s\tpeak RSS MB\toutput MB")
    suffix = {"jsonl": ".jsonl", "csv": ".csv", "spacy": ".spacy", "prodigy": ".jsonl", "doccano": ".jsonl",
              "conll": ".conll"}
    for fmt in args.formats.split(","):
        out = tmp / f"out-{fmt}{suffix.get(fmt, '')}"
        subprocess.run([sys.executable, __file__, "--child", str(db), fmt, str(out)], check=True)


if __name__ == "__main__":
    main()
