"""Measure the engine against a gold set in this process (no database): the figures of docs/quality.md.

Run: .venv/bin/python tests/gold/measure.py demo|seeds|forms_tune|forms_heldout|forms_heldout2|...|forms_heldout6|forms_heldout7|forms_heldout8|forms_heldout9
     [--json] [--diff]
Each gold article is re-read from its source text (resources/demo, ../shared seeds, tests/gold/forms)
so that its boilerplate spans are the importer's; the engine output is scored with services.evaluate.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

from desktop_app.core.model import Article, Span
from desktop_app.io.importers import read_text_file
from desktop_app.services.evaluate import Report, align_quotes, norm_name, read_gold, score_article

GOLD = Path(__file__).resolve().parent
REPO = GOLD.parents[1]
SOURCES = {"demo": REPO / "resources" / "demo", "forms_tune": GOLD / "forms", "forms_heldout": GOLD / "forms",
           "forms_heldout2": GOLD / "forms", "forms_heldout3": GOLD / "forms", "forms_heldout4": GOLD / "forms",
           "forms_heldout5": GOLD / "forms", "forms_heldout6": GOLD / "forms",
           "forms_heldout7": GOLD / "forms", "forms_heldout8": GOLD / "forms",
           "forms_heldout9": GOLD / "forms"}


def gold_articles(name: str) -> list[tuple[Article, list[Span]]]:
    if name == "seeds":
        spec = importlib.util.spec_from_file_location("seedgold", GOLD / "seedgold.py")
        assert spec is not None and spec.loader is not None
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        return [(a, []) for a in mod.seed_gold_articles()]
    out = []
    for g in read_gold(GOLD / f"{name}.jsonl"):
        src = SOURCES[name] / g.meta["source"]
        article = next(iter(read_text_file(src)))
        assert article.text == g.text, src
        out.append((g, list(article.ignored)))
    return out


def measure(name: str, engine=None, diff: bool = False) -> tuple[Report, dict[str, Report]]:  # type: ignore[no-untyped-def]
    from desktop_app.nlp.engine import EngineInput
    from desktop_app.nlp.loading import load_engine

    engine = engine or load_engine()
    pairs = gold_articles(name)
    total, per_form = Report(), {}
    outs = engine.annotate(EngineInput(g.text, ign) for g, ign in pairs)
    for (g, _), out in zip(pairs, outs, strict=True):
        pred = Article(id=g.id, title=g.title, text=g.text, entities=out.suggestions.entities,
                       quotes=out.suggestions.quotes, events=out.suggestions.events)
        score_article(total, g, pred)
        form = str(g.meta.get("form", g.meta.get("source", g.id)))
        score_article(per_form.setdefault(form, Report()), g, pred)
        if diff:
            show_diff(g, pred)
    return total, per_form


def show_diff(g: Article, p: Article) -> None:
    t = g.text
    print(f"=== {g.meta.get('source')}")
    ge = {(e.start, e.end, e.label) for e in g.entities}
    pe = {(e.start, e.end, e.label) for e in p.entities}
    for s, e, lab in sorted(ge - pe):
        print(f"  ENT miss {lab} {t[s:e]!r}")
    for s, e, lab in sorted(pe - ge):
        print(f"  ENT extra {lab} {t[s:e]!r}")
    pairs = align_quotes(g.quotes, p.quotes)
    mg = {id(a) for a, _ in pairs}
    mp = {id(b) for _, b in pairs}
    for q in g.quotes:
        if id(q) not in mg:
            print(f"  Q miss [{q.speaker}] {t[q.start:q.end][:90]!r}")
    for q in p.quotes:
        if id(q) not in mp:
            print(f"  Q extra [{q.speaker}] {t[q.start:q.end][:90]!r}")
    for a, b in pairs:
        if norm_name(a.speaker) != norm_name(b.speaker):
            print(f"  SPK gold={a.speaker!r} pred={b.speaker!r} {t[a.start:a.end][:60]!r}")
    gv = {(v.sentence.start, v.type) for v in g.events}
    pv = {(v.sentence.start, v.type): v for v in p.events}
    for s, ty in sorted(gv - set(pv)):
        print(f"  EV miss {ty} {t[s:s + 70]!r}")
    for (s, ty), v in sorted(pv.items()):
        if (s, ty) not in gv:
            trig = t[v.trigger.start:v.trigger.end] if v.trigger else ""
            print(f"  EV extra {ty} ({trig}) {t[s:s + 70]!r}")


def figures(r: Report) -> dict[str, float]:
    return {"entities": round(r.entities_total().f1, 3), "quotes": round(r.quotes.f1, 3),
            "speaker_acc": round(r.speaker_accuracy, 3), "speaker_e2e": round(r.speaker_end_to_end.f1, 3),
            "events": round(r.events_total().f1, 3)}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("sets", nargs="+")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--diff", action="store_true")
    ap.add_argument("--ner", default=None, help="a recognizer folder (bench/train_news_ner.py --out) in place of ner")
    args = ap.parse_args()
    from desktop_app.nlp.loading import load_engine

    engine = load_engine()
    if args.ner:
        engine.nlp.get_pipe("ner").from_disk(args.ner, exclude=["vocab"])  # type: ignore[attr-defined]
    for name in args.sets:
        total, per_form = measure(name, engine, args.diff)
        if args.json:
            print(json.dumps({name: total.as_dict()}, indent=1))
        print(name, "all", figures(total))
        if name.startswith("forms"):
            for form, r in sorted(per_form.items()):
                print(name, form, figures(r))
    return 0


if __name__ == "__main__":
    sys.exit(main())
