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

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop_app.core.model import Quote, Span
from desktop_app.errors import E, InputError
from desktop_app.io.formats.brat_attribution import Attribution, is_split_folder, pairs, read_attribution_ann
from desktop_app.services.matching import match_quotes

#: a gold attribution (Content fragments with their Source and Cue), as io.formats.brat_attribution reads it
GoldAttribution = Attribution


@dataclass
class PolnearDoc:
    name: str
    text: str
    attributions: list[GoldAttribution]


def read_ann(path: Path, text: str | None = None) -> list[GoldAttribution]:
    """Attributions of one .ann file (brat_attribution's strict reader: a bad line is E500 with file:line)."""
    return read_attribution_ann(path, text)


def read_split(directory: Path, limit: int | None = None) -> Iterator[PolnearDoc]:
    """The documents of a PolNeAR split directory in name order."""
    if not is_split_folder(directory):
        raise InputError(E.E206, where=str(directory), detail="a split directory needs text/ and attributions/")
    for n, (txt, ann) in enumerate(pairs(directory)):
        if limit is not None and n >= limit:
            return
        with open(txt, encoding="utf-8", newline="") as f:
            text = f.read()
        yield PolnearDoc(txt.stem, text, read_ann(ann, text))


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
