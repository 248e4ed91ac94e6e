"""Import speed: N synthetic articles from a folder of .txt files and from one .jsonl file.

Run by hand:  python bench/import_speed.py --n 10000 [--parse-in-child]
Each measurement runs in a fresh child process so peak RSS is that import's own.
``--parse-in-child`` parses in a forked process beside the one that commits, as ``newsgold import`` does;
its peak RSS is then the larger of the two processes'.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS = ["Pakistan", "Afghanistan", "Kabul", "Islamabad", "ceasefire", "talks", "border", "Torkham", "spokesperson", "said", "minister", "military", "operations", "security", "militants", "strikes", "delegation", "Istanbul", "Doha", "agreement", "officials"]


def synth_text(rng: random.Random, i: int) -> str:
    title = f"Synthetic report {i}: " + " ".join(rng.choices(WORDS, k=6))
    paras = []
    for _ in range(rng.randint(4, 9)):
        sents = [" ".join(rng.choices(WORDS, k=rng.randint(8, 20))).capitalize() + "." for _ in range(rng.randint(2, 4))]
        paras.append(" ".join(sents))
    return title + "\n\nMon Nov 03 2025\n\n" + "\n\n".join(paras) + "\n"


def child(kind: str, src: str, db: str, parse_in_child: str = "0") -> None:
    from desktop_app.services.importing import import_paths
    from desktop_app.storage import Store

    t0 = time.perf_counter()
    with Store(db) as store:
        summary = import_paths(store, [src], fmt="auto", parse_in_child=parse_in_child == "1")
        longest = store.write_times.longest
    dt = time.perf_counter() - t0
    rss_mb = max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)) / 1024
    print(json.dumps({"kind": kind, "articles": len(summary.added), "seconds": round(dt, 2),
                      "per_s": round(len(summary.added) / dt), "peak_rss_mb": round(rss_mb),
                      "longest_transaction_ms": round(longest * 1000), "parse_in_child": parse_in_child == "1",
                      "db_mb": round(Path(db).stat().st_size / 2**20, 1)}))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=10000)
    ap.add_argument("--parse-in-child", action="store_true", help="parse in a forked process, as the CLI does")
    ap.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(*args.child)
        return
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "txt"
        folder.mkdir()
        texts = [synth_text(rng, i) for i in range(args.n)]
        for i, t in enumerate(texts):
            (folder / f"{i:07d}.txt").write_text(t, encoding="utf-8")
        jsonl = Path(tmp) / "all.jsonl"
        with open(jsonl, "w", encoding="utf-8") as f:
            for t in texts:
                f.write(json.dumps({"text": t, "meta": {"source": "synthetic"}}) + "\n")
        mb = sum(len(t.encode()) for t in texts) / 2**20
        print(f"{args.n} articles, {mb:.1f} MB of text")
        for kind, src in (("txt folder", folder), ("jsonl", jsonl)):
            db = Path(tmp) / f"{kind.replace(' ', '_')}.sqlite3"
            subprocess.run([sys.executable, __file__, "--child", kind, str(src), str(db),
                            "1" if args.parse_in_child else "0"], check=True)


if __name__ == "__main__":
    main()
