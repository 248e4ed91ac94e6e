"""Pre-annotation speed: NewsGold's full engine vs bare ``nlp.pipe`` with the same model, same texts.

Run by hand:  python bench/preannotate.py [--model NAME] [--repeat 20] [--rounds 3] [--batch-size 32]

Texts: the demo corpus (resources/demo) plus, when present, the seed articles and the PolNeAR
test texts from ../shared (read at run time, never copied), repeated ``--repeat`` times.  Both
pipelines are loaded in this one process; rounds alternate bare/engine and the best round of
each is compared.  ratio = bare time / NewsGold time (1.0 = no overhead; goal >= 0.9).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def corpus() -> tuple[list[str], list[str]]:
    sources = []
    texts: list[str] = []
    for name, folder, pattern in (("demo", REPO / "resources" / "demo", "*.txt"),
                                  ("seeds", SHARED / "corpus" / "seeds", "*.txt"),
                                  ("polnear-test", SHARED / "benchmarks" / "polnear" / "test" / "text", "*.txt")):
        files = sorted(folder.glob(pattern)) if folder.is_dir() else []
        if files:
            sources.append(f"{name} ({len(files)})")
            texts.extend(f.read_text(encoding="utf-8") for f in files)
    return texts, sources


def _parts(engine, docs, inputs) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Time each post-processing step separately on the same parsed Docs."""
    from desktop_app.nlp.entities import canonical_names, doc_entities
    from desktop_app.nlp.spacy_engine import _sentences

    t = {"entities": 0.0, "sentences+names": 0.0, "quotes": 0.0, "events": 0.0}
    for doc, inp in zip(docs, inputs, strict=True):
        a = time.perf_counter()
        ents = doc_entities(doc, inp.ignored)
        b = time.perf_counter()
        sents = _sentences(doc, doc.text)
        names = canonical_names(doc.text, ents, engine.gazetteer, engine.registry)
        c = time.perf_counter()
        if engine.find_quotes is not None:
            engine.find_quotes(doc, ents, engine.registry)
        d = time.perf_counter()
        engine.events.find(doc, sents, ents, names)
        e = time.perf_counter()
        t["entities"] += b - a
        t["sentences+names"] += c - b
        t["quotes"] += d - c
        t["events"] += e - d
    return t


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default=None, help="spaCy pipeline (default: best installed)")
    ap.add_argument("--repeat", type=int, default=5, help="how many times the corpus is repeated")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--batch-size", type=int, default=32)
    args = ap.parse_args(argv)

    import spacy

    from desktop_app.io.textmeta import analyze
    from desktop_app.nlp.engine import EngineInput
    from desktop_app.nlp.loading import default_model, load_engine

    model = args.model or default_model()
    base, sources = corpus()
    texts = base * args.repeat
    inputs = [EngineInput(t, analyze(t)[2]) for t in texts]
    n_chars = sum(len(t) for t in texts)

    bare = spacy.load(model)
    engine = load_engine(model)

    def run_bare() -> float:
        t0 = time.perf_counter()
        for _ in bare.pipe(texts, batch_size=args.batch_size):
            pass
        return time.perf_counter() - t0

    counts = {"entities": 0, "quotes": 0, "events": 0}

    def run_engine() -> float:
        for k in counts:
            counts[k] = 0
        t0 = time.perf_counter()
        for out in engine.annotate(inputs, batch_size=args.batch_size):
            s = out.suggestions
            counts["entities"] += len(s.entities)
            counts["quotes"] += len(s.quotes)
            counts["events"] += len(s.events)
        return time.perf_counter() - t0

    # warm up both (first batches allocate)
    list(bare.pipe(texts[:8]))
    list(engine.annotate(inputs[:8]))
    bare_times, engine_times = [], []
    for _ in range(args.rounds):
        bare_times.append(run_bare())
        engine_times.append(run_engine())
    b, e = min(bare_times), min(engine_times)
    # the Python work alone, on Docs already parsed by the engine's pipeline: load-independent overhead
    docs = list(engine.nlp.pipe(texts, batch_size=args.batch_size))
    t0 = time.perf_counter()
    for doc, inp in zip(docs, inputs, strict=True):
        engine.output(doc, inp.ignored, inp.text)  # as annotate() does
    post = time.perf_counter() - t0
    parts = _parts(engine, docs, inputs)
    print(f"model: {model}   engine: {engine.name}")
    print(f"texts: {len(texts)} ({', '.join(sources)} x {args.repeat}), {n_chars / 1e6:.2f} M characters")
    print(f"bare nlp.pipe:        best {b:.2f} s  median {statistics.median(bare_times):.2f} s  "
          f"({len(texts) / b:.1f} texts/s)")
    print(f"NewsGold annotate:    best {e:.2f} s  median {statistics.median(engine_times):.2f} s  "
          f"({len(texts) / e:.1f} texts/s)")
    print(f"suggestions per pass: {counts}")
    print(f"post-processing alone (entities, names, quotes, events on parsed Docs): {post:.2f} s "
          f"= {100 * post / b:.1f}% of bare nlp.pipe")
    print("  of which: " + ", ".join(f"{k} {v:.2f} s ({100 * v / b:.1f}%)" for k, v in parts.items()))
    print(f"ratio (bare / NewsGold): {b / e:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
