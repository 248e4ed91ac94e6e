"""Import of annotated tasks: 10k Prodigy-style lines, ~300 words and ~20 spans each.

Usage (from the repository root):
    python bench/import_tasks.py [--n 10000] [--words 300] [--spans 20]

The tasks have the shape of a labelling tool's import (a text and its labelled spans); the
generator is our own. The import runs in a fresh child process (`newsgold import
--format prodigy --no-preannotate`), so the peak RSS is the import's own: the largest of its two
processes (the CLI commits, a forked child parses; RUSAGE_CHILDREN reports the larger one).
Prints one JSON object.
Reference (issue "Faster in"): Label Studio 1.23.2 imported the same kind of tasks at 493 tasks/s,
peak RSS 1,031 MB; the goal is ≥ 10× that (4,930 tasks/s) at ≤ 150 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
WORDS = ("the", "minister", "said", "on", "talks", "border", "would", "reopen", "after", "officials", "in", "and",
         "of", "to", "a", "security", "forces", "government", "week", "statement", "spokesman", "ceasefire")
NAMES = (("Islamabad", "GPE"), ("Kabul", "GPE"), ("Sara Malik", "PERSON"), ("Ishaq Dar", "PERSON"),
         ("United Nations", "ORG"), ("Foreign Office", "ORG"), ("Pashtun", "NORP"), ("Torkham", "LOC"))


def task(rng: random.Random, words: int, spans: int) -> dict[str, object]:
    parts: list[str] = []
    out: list[dict[str, object]] = []
    pos = 0
    every = max(1, words // spans)
    for i in range(words):
        if i % every == 0 and len(out) < spans:
            name, label = rng.choice(NAMES)
            out.append({"start": pos, "end": pos + len(name), "label": label})
            w = name
        else:
            w = rng.choice(WORDS)
        parts.append(w)
        pos += len(w) + 1
    return {"text": " ".join(parts) + ".", "spans": out, "meta": {"source": "bench"}}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--words", type=int, default=300)
    ap.add_argument("--spans", type=int, default=20)
    args = ap.parse_args()
    rng = random.Random(11)
    tmp = Path(tempfile.mkdtemp(prefix="newsgold-tasks-"))
    try:
        src = tmp / "tasks.jsonl"
        with src.open("w", encoding="utf-8") as fh:
            for _ in range(args.n):
                fh.write(json.dumps(task(rng, args.words, args.spans)) + "\n")
        db = tmp / "corpus.sqlite3"
        t0 = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "desktop_app", "--db", str(db), "import", "--format", "prodigy",
                               "--no-preannotate", str(src)], cwd=REPO, capture_output=True, text=True)
        dt = time.perf_counter() - t0
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        rss = usage.ru_maxrss / 1024
        result = {"tasks": args.n, "words": args.words, "spans": args.spans, "exit": done.returncode,
                  "seconds": round(dt, 2), "tasks_per_s": round(args.n / dt), "peak_rss_mb": round(rss),
                  # CPU of both import processes (user + sys): comparable on a busy machine, unlike seconds
                  "cpu_s": round(usage.ru_utime + usage.ru_stime, 2), "load": round(os.getloadavg()[0], 2),
                  "input_mb": round(src.stat().st_size / 2**20, 1), "x_label_studio": round(args.n / dt / 493, 2)}
        if done.returncode:
            result["stderr"] = done.stderr[-500:]
        print(json.dumps(result, indent=2))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
