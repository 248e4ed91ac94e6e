"""Score quote suggestions against PolNeAR (brat standoff attributions: Source, Cue, Content).

A split directory holds ``text/NAME.txt`` and ``attributions/NAME_<annotator>.ann``; the
first annotator file in name order is used.  Texts are read with ``newline=""`` because the
offsets count the characters of the file as it is.

Scoring
- content: a predicted quote matches a gold Content when each covers at least half of the
  other (gold Content may be discontinuous: its fragments count together, and our direct
  quotes that share one cue count together too).  One-to-one, largest overlap first: the
  matcher of desktop_app.services.matching, shared with ``newsgold evaluate``.  Precision over
  all predicted quotes, recall over all gold Contents.
- source accuracy: over matched pairs whose gold attribution has a Source, the share where the
  predicted speaker mention or speaker entity overlaps a fragment of the gold Source span.
  PolNeAR does not resolve sources (a pronoun source is the pronoun), so the comparison is on
  the words in the text, not on canonical names.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop_app.core.model import Quote, Span
from desktop_app.errors import E, InputError
from desktop_app.services.matching import match_quotes

_RECORD = re.compile(r"^([TE]\d+)\t")


@dataclass
class GoldAttribution:
    content: list[Span]
    source: list[Span] = field(default_factory=list)
    cue: list[Span] = field(default_factory=list)

    @property
    def length(self) -> int:
        return sum(len(s) for s in self.content)


@dataclass
class PolnearDoc:
    name: str
    text: str
    attributions: list[GoldAttribution]


def _spans(field_: str, where: str) -> list[Span]:
    out = []
    for part in field_.split(";"):
        a, _, b = part.strip().partition(" ")
        try:
            out.append(Span(int(a), int(b)))
        except ValueError as exc:
            raise InputError(E.E206, where=where, detail=f"brat offsets {part!r}") from exc
    return out


def read_ann(path: Path) -> list[GoldAttribution]:
    """Attributions of one .ann file: each E record with its Content, Source and Cue text-bound spans."""
    spans: dict[str, tuple[str, list[Span]]] = {}
    events: list[tuple[int, dict[str, str]]] = []
    with open(path, encoding="utf-8", newline="") as f:
        lines = f.read().split("\n")
    for lineno, line in enumerate(lines, 1):
        m = _RECORD.match(line)
        if not m:
            continue  # continuation of a span text with a newline inside
        where = f"{path}:{lineno}"
        parts = line.split("\t")
        if len(parts) < 2:
            raise InputError(E.E206, where=where, detail="brat record without fields")
        if m.group(1).startswith("T"):
            label, _, offsets = parts[1].partition(" ")
            spans[m.group(1)] = (label, _spans(offsets, where))
        else:
            args = {}
            for arg in parts[1].split():
                role, _, ref = arg.partition(":")
                args[role] = ref
            events.append((lineno, args))
    out = []
    for _lineno, args in events:
        content = args.get("Content")
        if content is None or content not in spans:
            continue
        att = GoldAttribution(content=spans[content][1])
        if "Source" in args and args["Source"] in spans:
            att.source = spans[args["Source"]][1]
        if "Cue" in args and args["Cue"] in spans:
            att.cue = spans[args["Cue"]][1]
        out.append(att)
    return out


def read_split(directory: Path, limit: int | None = None) -> Iterator[PolnearDoc]:
    """The documents of a PolNeAR split directory in name order."""
    text_dir, ann_dir = directory / "text", directory / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise InputError(E.E206, where=str(directory), detail="a split directory needs text/ and attributions/")
    anns = sorted(ann_dir.glob("*.ann"))
    n = 0
    for txt in sorted(text_dir.glob("*.txt")):
        if limit is not None and n >= limit:
            return
        mine = [a for a in anns if a.name.startswith(txt.stem + "_")]
        if not mine:
            continue
        with open(txt, encoding="utf-8", newline="") as f:
            text = f.read()
        n += 1
        yield PolnearDoc(txt.stem, text, read_ann(mine[0]))


# -- scoring ---------------------------------------------------------------------------------
@dataclass
class PredictedAttribution:
    """Our quotes seen as PolNeAR attributions: quotes sharing one cue are one attribution
    ('“A,” he said. “B.”' is one discontinuous Content in PolNeAR)."""

    content: list[Span]
    quote: Quote

    @property
    def length(self) -> int:
        return sum(len(s) for s in self.content)


def as_attributions(quotes: list[Quote]) -> list[PredictedAttribution]:
    out: list[PredictedAttribution] = []
    by_cue: dict[Span, PredictedAttribution] = {}
    for q in sorted(quotes, key=lambda q: q.start):
        if q.cue is not None and q.kind == "direct" and q.cue in by_cue:
            by_cue[q.cue].content.append(q.span)
            continue
        att = PredictedAttribution([q.span], q)
        out.append(att)
        if q.cue is not None and q.kind == "direct":
            by_cue[q.cue] = att
    return out


def match(pred: list[PredictedAttribution], gold: list[GoldAttribution]) -> list[tuple[int, int]]:
    """(pred index, gold index) pairs under the rule ``newsgold evaluate`` uses too."""
    return match_quotes([q.content for q in pred], [g.content for g in gold])


def source_correct(q: Quote, g: GoldAttribution) -> bool:
    spans = [s for s in (q.mention, q.speaker_entity) if s is not None]
    return any(span.overlaps(s) for span in spans for s in g.source)


@dataclass
class PolnearReport:
    articles: int = 0
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    with_source: int = 0
    source_ok: int = 0
    engine: str = ""

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def source_accuracy(self) -> float:
        return self.source_ok / self.with_source if self.with_source else 0.0

    def add(self, quotes: list[Quote], gold: list[GoldAttribution]) -> None:
        pred = as_attributions(quotes)
        self.articles += 1
        self.gold += len(gold)
        self.predicted += len(pred)
        for i, j in match(pred, gold):
            self.matched += 1
            if gold[j].source:
                self.with_source += 1
                self.source_ok += source_correct(pred[i].quote, gold[j])

    def as_dict(self) -> dict[str, Any]:
        return {
            "engine": self.engine, "articles": self.articles,
            "content": {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                        "f1": round(self.f1, 4), "tp": self.matched, "fp": self.predicted - self.matched,
                        "fn": self.gold - self.matched},
            "source": {"accuracy": round(self.source_accuracy, 4), "correct": self.source_ok,
                       "matched_with_source": self.with_source},
        }

    def format(self) -> str:
        return (f"PolNeAR: {self.articles} article(s), engine {self.engine}\n"
                f"content   P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}  "
                f"(tp {self.matched}, predicted {self.predicted}, gold {self.gold})\n"
                f"source    accuracy {self.source_accuracy:.3f}  ({self.source_ok}/{self.with_source} matched "
                f"contents with a gold source)")


QuoteFn = Callable[[Iterable[str]], Iterator[list[Quote]]]


def engine_quotes(model: str | None = None) -> tuple[str, QuoteFn]:
    """The pre-annotation engine's quote suggestions for texts (the same engine the app uses)."""
    from desktop_app.nlp.engine import EngineInput
    from desktop_app.nlp.loading import load_engine

    engine = load_engine(model)

    def run(texts: Iterable[str]) -> Iterator[list[Quote]]:
        for out in engine.annotate(EngineInput(t, []) for t in texts):
            yield out.suggestions.quotes

    return engine.name, run


def evaluate_polnear(directory: Path, *, limit: int | None = None, model: str | None = None,
                     quotes: tuple[str, QuoteFn] | None = None) -> PolnearReport:
    name, run = quotes or engine_quotes(model)
    docs = list(read_split(directory, limit))
    report = PolnearReport(engine=name)
    for doc, pred in zip(docs, run(d.text for d in docs), strict=True):
        report.add(pred, doc.attributions)
    return report
