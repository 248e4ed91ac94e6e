"""Tune how learned attribution spans join the rule quotes, on a PolNeAR split (dev only: test is for reporting).

One pipeline pass per article; each merge policy is then scored on the same Docs with
services/polnear.py's rules.  Usage (the pipeline from ``newsgold train``, in NEWSGOLD_HOME's data folder):

    NEWSGOLD_HOME=/tmp/train-home python bench/learned_merge.py ../shared/benchmarks/polnear/dev --model polnear
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from desktop_app.nlp.entities import doc_entities
from desktop_app.nlp.learned import learned_spans, merge_quotes
from desktop_app.nlp.loading import load_engine
from desktop_app.nlp.quotes import find_quotes
from desktop_app.services.polnear import PolnearReport, read_split


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("dir", type=Path)
    ap.add_argument("--model", required=True)
    ap.add_argument("--limit", type=int)
    args = ap.parse_args()
    engine = load_engine(args.model)
    docs = list(read_split(args.dir, args.limit))
    t = time.monotonic()
    reports = {name: PolnearReport(engine=name) for name in ("rules", "learned+rules", "learned bounds", "learned only", "need cue",
                                                     "need cue+source")}
    for d, sdoc in zip(docs, engine.nlp.pipe(d.text for d in docs), strict=True):  # type: ignore[attr-defined]
        entities = doc_entities(sdoc, [])
        rules = find_quotes(sdoc, entities, {})
        spans = learned_spans(sdoc)
        reports["rules"].add(rules, d.attributions)
        reports["learned+rules"].add(merge_quotes(sdoc.text, rules, spans, entities), d.attributions)
        reports["learned bounds"].add(merge_quotes(sdoc.text, rules, spans, entities, learned_bounds=True),
                                      d.attributions)
        for need in ("cue", "cue+source"):
            reports[f"need {need}"].add(merge_quotes(sdoc.text, rules, spans, entities, need=need), d.attributions)
        reports["learned only"].add(merge_quotes(sdoc.text, [], spans, entities), d.attributions)
    print(f"{len(docs)} articles in {time.monotonic() - t:.0f} s")
    for r in reports.values():
        print(f"{r.engine:<14} P {r.precision:.3f}  R {r.recall:.3f}  F1 {r.f1:.3f}  source {r.source_accuracy:.3f}")


if __name__ == "__main__":
    main()
