"""Tune the learned-cue quotes (nlp/learned_cues.py) on a PolNeAR split (dev only: test is for reporting).

One pipeline pass per article with the trained pipeline (its parse, entities and learned cues); each
variant is then scored on the same Docs with services/polnear.py's rules.  "gold cues" puts PolNeAR's own
cues in place of the learned ones: the ceiling of the parse-derived contents.  Usage:

    NEWSGOLD_HOME=/tmp/train-home python bench/learned_cues.py ../shared/benchmarks/polnear/dev --model polcue
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from desktop_app.core.model import Span
from desktop_app.nlp.entities import doc_entities
from desktop_app.nlp.learned import CUE_SPANCAT, SPANS_KEY, learned_spans, merge_quotes
from desktop_app.nlp.learned_cues import content_quotes, cue_quotes
from desktop_app.nlp.loading import load_engine
from desktop_app.nlp.quotes import find_quotes
from desktop_app.services.polnear import PolnearReport, read_split


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("dir", type=Path)
    ap.add_argument("--model", required=True)
    ap.add_argument("--limit", type=int)
    ap.add_argument("--thresholds", type=lambda v: [float(x) for x in v.split(",")], default=[],
                    help="a span-categorizer cue model: also score its cues at these probabilities")
    args = ap.parse_args()
    engine = load_engine(args.model)
    if CUE_SPANCAT in engine.nlp.pipe_names and args.thresholds:  # type: ignore[attr-defined]
        engine.nlp.get_pipe(CUE_SPANCAT).cfg["threshold"] = min(args.thresholds)  # type: ignore[attr-defined]
    docs = list(read_split(args.dir, args.limit))
    t = time.monotonic()
    variants = {
        "rules": lambda sdoc, ents, cues: find_quotes(sdoc, ents, {}),
        "widen rules only": lambda sdoc, ents, cues: cue_quotes(sdoc, ents, {}, cues, find_quotes, derive=False),
        "derive only": lambda sdoc, ents, cues: cue_quotes(sdoc, ents, {}, cues, find_quotes, widen_rules=False,
                                                          regrow=False),
        "widen + derive": lambda sdoc, ents, cues: cue_quotes(sdoc, ents, {}, cues, find_quotes, regrow=False),
        "widen + derive + regrow": lambda sdoc, ents, cues: cue_quotes(sdoc, ents, {}, cues, find_quotes, regrow=True),
    }
    reports = {name: PolnearReport(engine=name) for name in variants}
    oracle = PolnearReport(engine="gold cues: widen + derive")
    for d, sdoc in zip(docs, engine.nlp.pipe(d.text for d in docs), strict=True):  # type: ignore[attr-defined]
        entities = doc_entities(sdoc, [])
        spans = learned_spans(sdoc)
        cues = spans["CUE"]
        for name, fn in variants.items():
            reports[name].add(fn(sdoc, entities, cues), d.attributions)
        for th in args.thresholds:
            group = sdoc.spans.get(SPANS_KEY)
            scores = group.attrs.get("scores") if group is not None else None
            if scores is None:
                continue
            ranked = sorted(((float(max(p)), Span(s.start_char, s.end_char)) for s, p in zip(group, scores, strict=True)
                             if float(max(p)) >= th), key=lambda x: -x[0])
            kept: list[Span] = []
            for _p, c in ranked:  # the likeliest of overlapping n-grams
                if not any(c.overlaps(k) for k in kept):
                    kept.append(c)
            name = f"widen + derive + regrow, p >= {th}"
            reports.setdefault(name, PolnearReport(engine=name)).add(
                cue_quotes(sdoc, entities, {}, kept, find_quotes, regrow=True), d.attributions)
        if spans["CONTENT"]:  # a CONTENT / CUE / SOURCE model: the merge of nlp/learned.py, and rule speakers
            for name, quotes in (("spans: learned sources", merge_quotes(sdoc.text, find_quotes(sdoc, entities, {}),
                                                                          spans, entities)),
                                 ("spans: rule speakers", content_quotes(sdoc, entities, {}, spans, find_quotes)),
                                 ("cues + spans", content_quotes(
                                     sdoc, entities, {}, spans,
                                     lambda doc, ents, reg, cues=cues: cue_quotes(doc, ents, reg, cues, find_quotes, regrow=True)))):
                reports.setdefault(name, PolnearReport(engine=name)).add(quotes, d.attributions)
        gold_cues = [Span(a.cue[0].start, a.cue[-1].end) if a.cue[-1].end - a.cue[0].start < 40 else a.cue[0]
                     for a in d.attributions if a.cue]
        oracle.add(cue_quotes(sdoc, entities, {}, gold_cues, find_quotes), d.attributions)
    print(f"{len(docs)} articles in {time.monotonic() - t:.0f} s")
    for r in [*reports.values(), oracle]:
        print(f"{r.engine:<28} P {r.precision:.3f}  R {r.recall:.3f}  F1 {r.f1:.3f}  source {r.source_accuracy:.3f}"
              f"  ({r.matched}/{r.predicted}/{r.gold})")


if __name__ == "__main__":
    main()
