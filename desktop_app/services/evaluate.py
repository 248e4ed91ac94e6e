"""Score what the database holds against a gold JSONL file (spec format).

Entities: exact span and label, per label.  Quotes: a match is a pair whose
spans each cover at least half of the other, one-to-one (the rule evaluate-polnear uses too,
desktop_app.services.matching).  Speakers: on matched quotes, and
end to end (a quote counts only if matched *and* its speaker is right).
Events: one per (sentence, type).
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop_app.core.model import Article, Quote
from desktop_app.errors import E, InputError, NewsGoldError
from desktop_app.io.jsonl import article_from_dict, iter_json_lines, visible
from desktop_app.services.matching import match_quotes


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Report:
    articles: int = 0
    missing: list[str] = field(default_factory=list)
    entities: dict[str, PRF] = field(default_factory=lambda: defaultdict(PRF))
    quotes: PRF = field(default_factory=PRF)
    speaker_matched: int = 0
    speaker_correct: int = 0
    speaker_end_to_end: PRF = field(default_factory=PRF)
    events: dict[str, PRF] = field(default_factory=lambda: defaultdict(PRF))

    def entities_total(self) -> PRF:
        t = PRF()
        for p in self.entities.values():
            t.tp, t.fp, t.fn = t.tp + p.tp, t.fp + p.fp, t.fn + p.fn
        return t

    def events_total(self) -> PRF:
        t = PRF()
        for p in self.events.values():
            t.tp, t.fp, t.fn = t.tp + p.tp, t.fp + p.fp, t.fn + p.fn
        return t

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_correct / self.speaker_matched if self.speaker_matched else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "missing": self.missing,
            "entities": {"all": self.entities_total().as_dict(),
                         **{k: v.as_dict() for k, v in sorted(self.entities.items())}},
            "quotes": self.quotes.as_dict(),
            "speakers": {"accuracy_on_matched": round(self.speaker_accuracy, 4),
                         "matched": self.speaker_matched, "correct": self.speaker_correct,
                         "end_to_end": self.speaker_end_to_end.as_dict()},
            "events": {"all": self.events_total().as_dict(),
                       **{k: v.as_dict() for k, v in sorted(self.events.items())}},
        }


def norm_name(name: str | None) -> str:
    if not name:
        return ""
    s = unicodedata.normalize("NFKC", name).casefold().strip()
    for prefix in ("the ",):
        if s.startswith(prefix):
            s = s[len(prefix):]
    return " ".join(s.replace("’", "'").split())


def align_quotes(gold: list[Quote], pred: list[Quote]) -> list[tuple[Quote, Quote]]:
    """(gold, predicted) pairs under the shared rule of :mod:`desktop_app.services.matching`."""
    pairs = match_quotes([[p.span] for p in pred], [[g.span] for g in gold])
    return [(gold[j], pred[i]) for i, j in pairs]


def score_article(report: Report, gold: Article, pred: Article) -> None:
    report.articles += 1
    g_ents, g_quotes, g_events = visible(gold, "any")
    p_ents, p_quotes, p_events = visible(pred, "any")
    labels = {e.label for e in g_ents} | {e.label for e in p_ents}
    for label in labels:
        ge = {(e.start, e.end) for e in g_ents if e.label == label}
        pe = {(e.start, e.end) for e in p_ents if e.label == label}
        prf = report.entities[label]
        prf.tp += len(ge & pe)
        prf.fp += len(pe - ge)
        prf.fn += len(ge - pe)
    matched = align_quotes(g_quotes, p_quotes)
    report.quotes.tp += len(matched)
    report.quotes.fp += len(p_quotes) - len(matched)
    report.quotes.fn += len(g_quotes) - len(matched)
    correct = 0
    for g, p in matched:
        if norm_name(g.speaker):
            report.speaker_matched += 1
            if norm_name(g.speaker) == norm_name(p.speaker):
                report.speaker_correct += 1
                correct += 1
    report.speaker_end_to_end.tp += correct
    report.speaker_end_to_end.fp += len(p_quotes) - correct
    report.speaker_end_to_end.fn += len(g_quotes) - correct
    gv = {(v.sentence.start, v.type) for v in g_events}
    pv = {(v.sentence.start, v.type) for v in p_events}
    for t in {x[1] for x in gv | pv}:
        gt = {x for x in gv if x[1] == t}
        pt = {x for x in pv if x[1] == t}
        prf = report.events[t]
        prf.tp += len(gt & pt)
        prf.fp += len(pt - gt)
        prf.fn += len(gt - pt)


def read_gold(path: Path) -> list[Article]:
    if not path.is_file():
        raise NewsGoldError(E.E203, path=path, detail="no such file")
    out = []
    with open(path, encoding="utf-8", newline="") as f:
        for line, obj in iter_json_lines(f, str(path)):
            if isinstance(obj, InputError):
                raise obj
            out.append(article_from_dict(obj, str(path), line))
    return out


def evaluate(gold: Iterable[Article], lookup: Any) -> Report:
    """``lookup(article_id) -> Article | None`` gives the predictions for a gold article."""
    report = Report()
    for g in gold:
        pred = lookup(g.id)
        if pred is None:
            report.missing.append(g.id)
            continue
        score_article(report, g, pred)
    return report


def format_report(report: Report) -> str:
    lines = [f"articles scored: {report.articles}" + (f" (missing from DB: {len(report.missing)})" if report.missing else "")]
    lines.append(f"{'':22}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}")

    def row(name: str, p: PRF) -> None:
        lines.append(f"{name:22}{p.precision:7.3f}{p.recall:7.3f}{p.f1:7.3f}{p.tp:6}{p.fp:6}{p.fn:6}")

    row("entities (all)", report.entities_total())
    for label, p in sorted(report.entities.items()):
        row(f"  {label}", p)
    row("quotes", report.quotes)
    row("speakers end-to-end", report.speaker_end_to_end)
    lines.append(f"speaker accuracy on matched quotes: {report.speaker_accuracy:.3f} "
                 f"({report.speaker_correct}/{report.speaker_matched})")
    row("events (all)", report.events_total())
    for t, p in sorted(report.events.items()):
        row(f"  {t}", p)
    return "\n".join(lines)
