"""Score the pre-annotation engine on the dev articles ``newsgold train-curve`` holds out, as train-curve scores.

The same split as training (``services.training.split``: done articles of the corpus, ``--dev`` share,
``--seed``), the same figures as the trained components' dev scores: entities exact span and label over
all labels; events one per (sentence, type), the sentences cut by spaCy's sentencizer and an event
belonging to the sentence holding at least half of its own (as ``training.article_docs`` labels the
sentences for the classifier). Rules alone by default (``--bare``: the base model's own entities); ``--model NAME`` scores a pipeline learned with
``newsgold train`` through the engine (learned + rules). Usage:

    NEWSGOLD_HOME=/tmp/curves-home python bench/gold_rules.py /tmp/curves.db --dev 0.25 --seed 1
"""

from __future__ import annotations

import argparse

from desktop_app.core.model import Article, Span
from desktop_app.nlp.engine import EngineInput
from desktop_app.nlp.loading import load_engine
from desktop_app.services.corpus import open_reader
from desktop_app.services.evaluate import PRF
from desktop_app.services.training import BASE_MODEL, _sentences, gold_articles, split


def event_keys(article: Article, events: list) -> set[tuple[int, str]]:
    """(index of the sentencizer sentence, type) of each event, as the classifier's training labels."""
    sents = _sentences(article)
    out = set()
    for v in events:
        for i, s in enumerate(sents):
            if v.sentence.overlap_len(Span(*s)) * 2 >= len(v.sentence):
                out.add((i, v.type))
    return out


def add(prf: PRF, gold: set, pred: set) -> None:
    prf.tp += len(gold & pred)
    prf.fp += len(pred - gold)
    prf.fn += len(gold - pred)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("db")
    ap.add_argument("--dev", type=float, default=0.25)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--model", help="a pipeline from `newsgold train` (default: the base model and the rules)")
    ap.add_argument("--bare", action="store_true", help="the base model's own doc.ents, all its labels (no rules)")
    args = ap.parse_args()
    with open_reader(args.db) as store:
        articles = gold_articles(store)
    _train, dev = split(articles, args.dev, args.seed)
    ents, events = PRF(), PRF()
    if args.bare:
        import spacy

        nlp = spacy.load(args.model or BASE_MODEL)
        for a, doc in zip(dev, nlp.pipe(a.text for a in dev), strict=True):
            add(ents, {(e.start, e.end, e.label) for e in a.entities},
                {(e.start_char, e.end_char, e.label_) for e in doc.ents})
        print(f"bare {nlp.meta['name']}: {len(dev)} dev articles (seed {args.seed}), {ents.tp + ents.fn} gold entities")
        print(f"entities  P {ents.precision:.3f}  R {ents.recall:.3f}  F {ents.f1:.3f}  (tp {ents.tp} fp {ents.fp} fn {ents.fn})")
        return
    engine = load_engine(args.model or BASE_MODEL)
    outs = engine.annotate(EngineInput(a.text, []) for a in dev)
    for a, out in zip(dev, outs, strict=True):
        add(ents, {(e.start, e.end, e.label) for e in a.entities},
            {(e.start, e.end, e.label) for e in out.suggestions.entities})
        add(events, event_keys(a, a.events), event_keys(a, out.suggestions.events))
    print(f"{engine.name}: {len(dev)} dev articles (seed {args.seed}), "
          f"{ents.tp + ents.fn} gold entities, {events.tp + events.fn} gold (sentence, type)")
    for name, prf in (("entities", ents), ("events", events)):
        print(f"{name:<9} P {prf.precision:.3f}  R {prf.recall:.3f}  F {prf.f1:.3f}  (tp {prf.tp} fp {prf.fp} fn {prf.fn})")


if __name__ == "__main__":
    main()
