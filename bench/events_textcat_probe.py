"""Probe: does the events sentence classifier learn more with more updates or a larger learning rate?

The same bag-of-words ``textcat_multilabel`` as ``services.training`` (spacy.TextCatBOW.v3, bigrams), trained
alone on the training articles of a ``train-curve`` split (batches of 16 sentences), scored on its dev
articles after 10, 40, 100 and 200 epochs at learning rates 0.001 and 0.01. Usage:

    python bench/events_textcat_probe.py /tmp/curves.db --dev 0.25 --seed 1
"""

from __future__ import annotations

import argparse
import random

import spacy
from spacy.training import Example

from desktop_app.core.taxonomy import load_taxonomy
from desktop_app.services.corpus import open_reader
from desktop_app.services.team import corpus_taxonomy
from desktop_app.services.training import article_docs, gold_articles, split

BOW = {"@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": False, "length": 262144, "ngram_size": 2,
       "no_output_layer": False, "nO": None}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("db")
    ap.add_argument("--dev", type=float, default=0.25)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    with open_reader(args.db) as store:
        articles, taxonomy = gold_articles(store), corpus_taxonomy(store)
    types = sorted(load_taxonomy(taxonomy).type_names)
    train, dev = split(articles, args.dev, args.seed)
    blank = spacy.blank("en")
    train_docs = [d for a in train for d in article_docs(blank, a, ["events"], types)]
    dev_docs = [d for a in dev for d in article_docs(blank, a, ["events"], types)]
    print(f"{len(train_docs)} training sentences, {len(dev_docs)} dev sentences, {len(types)} types")
    for lr in (0.001, 0.01):
        nlp = spacy.blank("en")
        nlp.add_pipe("textcat_multilabel", config={"model": BOW})
        examples = [Example(nlp.make_doc(d.text), d) for d in train_docs]
        optimizer = nlp.initialize(lambda examples=examples: examples)
        optimizer.learn_rate = lr
        rng, steps = random.Random(0), 0
        for epoch in range(1, 201):
            rng.shuffle(examples)
            for i in range(0, len(examples), 16):
                nlp.update(examples[i:i + 16], sgd=optimizer, drop=0.1)
                steps += 1
            if epoch in (10, 40, 100, 200):
                sc = nlp.evaluate([Example(nlp.make_doc(d.text), d) for d in dev_docs])
                print(f"lr {lr}  epoch {epoch:>3}  updates {steps:>4}  micro P {sc['cats_micro_p']:.3f}  "
                      f"R {sc['cats_micro_r']:.3f}  F {sc['cats_micro_f']:.3f}  macro AUC {sc['cats_macro_auc']:.3f}",
                      flush=True)


if __name__ == "__main__":
    main()
