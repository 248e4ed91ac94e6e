"""CPU time of each pipeline component and of NewsGold's post-processing, for a busy machine.

Run by hand:  python bench/cpu_components.py [--rounds 2]

Wall time on a shared machine swings with the other jobs; ``time.process_time`` counts only this
process.  Texts: the seed articles and the PolNeAR test texts from ../shared (read at run time, never
copied; timing only).  ratio = the model's own components / everything (the NewsGold components
``newsgold_*`` and the post-processing added): the same goal as bench/preannotate.py (>= 0.9).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args()
    from desktop_app.nlp.loading import load_engine

    engine = load_engine()
    nlp = engine.nlp  # type: ignore[attr-defined]
    texts = [p.read_text(encoding="utf-8") for folder in (SHARED / "corpus" / "seeds",
                                                          SHARED / "benchmarks" / "polnear" / "test" / "text")
             if folder.is_dir() for p in sorted(folder.glob("*.txt"))]
    total: dict[str, float] = {}
    for _ in range(args.rounds):
        for text in texts:
            doc = nlp.make_doc(text)
            for name, proc in nlp.pipeline:
                t0 = time.process_time()
                doc = proc(doc)
                total[name] = total.get(name, 0.0) + time.process_time() - t0
            t0 = time.process_time()
            engine.output(doc, None, text)  # type: ignore[attr-defined]  # as annotate() does
            total["post-processing"] = total.get("post-processing", 0.0) + time.process_time() - t0
    everything = sum(total.values())
    print(f"texts: {len(texts)} x {args.rounds}")
    for name, secs in total.items():
        print(f"{name:22s} {secs:7.2f} s  {100 * secs / everything:5.1f}%")
    model = sum(s for n, s in total.items() if not n.startswith("newsgold") and n != "post-processing")
    print(f"ratio (model components / everything): {model / everything:.3f}")


if __name__ == "__main__":
    main()
