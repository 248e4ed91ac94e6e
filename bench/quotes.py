"""Cost of the quote and speaker rules next to the spaCy pass that feeds them.

Usage: python bench/quotes.py [DIR]   (default: ../shared/benchmarks/polnear/dev/text)
Parses every .txt once with nlp.pipe (the installed default pipeline), then times find_quotes
on the parsed docs; prints both and the share.  Speed figures live in docs/benchmarks.md.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import spacy

from desktop_app.core.model import ENTITY_LABELS, Entity
from desktop_app.nlp.loading import default_model
from desktop_app.nlp.quotes import find_quotes

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared/benchmarks/polnear/dev/text"
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    nlp = spacy.load(default_model())
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=32))
    parse = time.perf_counter() - t0
    ents = [[Entity(e.start_char, e.end_char, e.label_) for e in d.ents if e.label_ in ENTITY_LABELS] for d in docs]
    runs = []
    found = 0
    for _ in range(3):
        t0 = time.perf_counter()
        found = sum(len(find_quotes(d, e)) for d, e in zip(docs, ents, strict=True))
        runs.append(time.perf_counter() - t0)
    quotes = statistics.median(runs)
    chars = sum(map(len, texts))
    print(f"{len(texts)} texts, {chars} characters, {found} quotes, model {default_model()}")
    print(f"nlp.pipe {parse:.2f} s   find_quotes {quotes:.2f} s (median of 3)   share {quotes / parse:.1%}   "
          f"{1000 * quotes / len(texts):.1f} ms per article")


if __name__ == "__main__":
    main()
