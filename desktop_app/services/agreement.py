"""Inter-annotator agreement on a team file: pairwise figures and their means, per layer.

Only articles done by at least two annotators count, and of each version only what its done
export carries (accepted and human work). For each pair of annotators, over the articles both
have done:

- entities: F1 of exact span+label matches; overlap F1 (one-to-one, same label, spans overlapping,
  largest overlap first); F1 per label; Krippendorff's alpha (nominal) on the labels of the spans
  both marked exactly;
- quotes: F1 where a match means each span covers at least half of the other
  (:func:`desktop_app.services.matching.match_quotes`, the rule of every quote evaluation);
  speaker agreement on matched quotes (the same canonical person through the corpus's registry,
  or both without a speaker); Cohen's kappa on the kinds of matched quotes;
- events: F1 of (sentence, type); Cohen's kappa on the types of the sentences both annotators
  tagged (a sentence with several types has their sorted set as its value); actor agreement on
  the (sentence, type) matches.

F1 with two annotators is symmetric: 2 * matches / (items of one + items of the other). Alpha and
kappa come from NLTK's ``AnnotationTask`` (``nltk.metrics.agreement``). A figure without anything
to compare (no items, no matched pairs) is null. When all values agree, alpha and kappa are 1.0.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from desktop_app.core.model import Article, Span
from desktop_app.errors import E, NewsGoldError
from desktop_app.services.matching import match_quotes
from desktop_app.services.team import canonical, done_versions, gold_of
from desktop_app.storage import Store

LAYERS = ("entities", "quotes", "events")
FIGURES = {"entities": ("f1", "overlap_f1", "alpha"), "quotes": ("f1", "speaker", "kind_kappa"),
           "events": ("f1", "kappa", "actor")}


def f1(matches: int, n_a: int, n_b: int) -> float | None:
    return None if n_a + n_b == 0 else 2 * matches / (n_a + n_b)


def _task(units: Sequence[tuple[str, str]]) -> Any:
    from nltk.metrics.agreement import AnnotationTask

    data = [(coder, str(i), value) for i, pair in enumerate(units) for coder, value in zip("ab", pair, strict=True)]
    return AnnotationTask(data=data)


def alpha(units: Sequence[tuple[str, str]]) -> float | None:
    """Krippendorff's alpha (nominal) of two coders over units (value of a, value of b)."""
    if not units:
        return None
    if all(x == y for x, y in units):
        return 1.0
    return float(_task(units).alpha())


def kappa(units: Sequence[tuple[str, str]]) -> float | None:
    """Cohen's kappa of two coders over units (value of a, value of b)."""
    if not units:
        return None
    if all(x == y for x, y in units):
        return 1.0
    return float(_task(units).kappa())


def share(agree: int, total: int) -> float | None:
    return None if total == 0 else agree / total


@dataclass
class PairCounts:
    """What two annotators' done versions of the same articles add up to."""

    articles: int = 0
    ent_exact: int = 0
    ent_overlap: int = 0
    ent_a: int = 0
    ent_b: int = 0
    labels: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0]))
    label_units: list[tuple[str, str]] = field(default_factory=list)
    quote_matches: int = 0
    quote_a: int = 0
    quote_b: int = 0
    speaker_agree: int = 0
    kind_units: list[tuple[str, str]] = field(default_factory=list)
    event_matches: int = 0
    event_a: int = 0
    event_b: int = 0
    type_units: list[tuple[str, str]] = field(default_factory=list)
    actor_agree: int = 0

    def add(self, x: Article, y: Article, registry: dict[str, str]) -> None:
        self.articles += 1
        # entities
        ex = {(e.start, e.end, e.label) for e in x.entities}
        ey = {(e.start, e.end, e.label) for e in y.entities}
        self.ent_a += len(ex)
        self.ent_b += len(ey)
        self.ent_exact += len(ex & ey)
        for key in ex:
            self.labels[key[2]][1] += 1
        for key in ey:
            self.labels[key[2]][2] += 1
        for key in ex & ey:
            self.labels[key[2]][0] += 1
        self.ent_overlap += _overlap_matches(ex, ey)
        lx = {(s, e): label for s, e, label in ex}
        ly = {(s, e): label for s, e, label in ey}
        self.label_units += [(lx[span], ly[span]) for span in sorted(lx.keys() & ly.keys())]
        # quotes
        qx, qy = x.quotes, y.quotes
        self.quote_a += len(qx)
        self.quote_b += len(qy)
        pairs = match_quotes([[q.span] for q in qx], [[q.span] for q in qy])
        self.quote_matches += len(pairs)
        for i, j in pairs:
            self.speaker_agree += canonical(qx[i].speaker, registry) == canonical(qy[j].speaker, registry)
            self.kind_units.append((qx[i].kind, qy[j].kind))
        # events
        vx = {(v.sentence, v.type): v for v in reversed(x.events)}
        vy = {(v.sentence, v.type): v for v in reversed(y.events)}
        self.event_a += len(vx)
        self.event_b += len(vy)
        both = sorted(vx.keys() & vy.keys())
        self.event_matches += len(both)
        for match in both:
            ax, ay = vx[match].actor, vy[match].actor
            self.actor_agree += canonical(ax.name if ax else None, registry) == canonical(ay.name if ay else None,
                                                                                          registry)
        tx = _types_by_sentence(vx)
        ty = _types_by_sentence(vy)
        self.type_units += [(tx[s], ty[s]) for s in sorted(tx.keys() & ty.keys())]

    def figures(self) -> dict[str, dict[str, float | None]]:
        return {
            "entities": {"f1": f1(self.ent_exact, self.ent_a, self.ent_b),
                         "overlap_f1": f1(self.ent_overlap, self.ent_a, self.ent_b),
                         "alpha": alpha(self.label_units)},
            "quotes": {"f1": f1(self.quote_matches, self.quote_a, self.quote_b),
                       "speaker": share(self.speaker_agree, self.quote_matches),
                       "kind_kappa": kappa(self.kind_units)},
            "events": {"f1": f1(self.event_matches, self.event_a, self.event_b),
                       "kappa": kappa(self.type_units),
                       "actor": share(self.actor_agree, self.event_matches)},
        }

    def label_f1(self) -> dict[str, float | None]:
        return {label: f1(m, a, b) for label, (m, a, b) in sorted(self.labels.items())}


def _types_by_sentence(events: dict[tuple[Span, str], Any]) -> dict[Span, str]:
    types: dict[Span, set[str]] = defaultdict(set)
    for sentence, etype in events:
        types[sentence].add(etype)
    return {s: "+".join(sorted(t)) for s, t in types.items()}


def _overlap_matches(a: Iterable[tuple[int, int, str]], b: Iterable[tuple[int, int, str]]) -> int:
    """One-to-one matches of same-label overlapping spans, largest overlap first (ties: text order)."""
    ranked = []
    for x in a:
        for y in b:
            if x[2] == y[2]:
                ov = min(x[1], y[1]) - max(x[0], y[0])
                if ov > 0:
                    ranked.append((-ov, x, y))
    ranked.sort()
    used_a: set[Any] = set()
    used_b: set[Any] = set()
    n = 0
    for _, x, y in ranked:
        if x not in used_a and y not in used_b:
            used_a.add(x)
            used_b.add(y)
            n += 1
    return n


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def agreement(store: Store, layers: Sequence[str] = LAYERS) -> dict[str, Any]:
    """The agreement report, as ``newsgold agreement --json`` prints it."""
    versions = done_versions(store)
    if not versions:
        raise NewsGoldError(E.E306, path=store.path)
    registry = store.registry()
    bases: dict[str, Article] = {}
    counts: dict[tuple[str, str], PairCounts] = {}
    annotators: set[str] = set()
    for vs in versions.values():
        golds = {v.annotator: gold_of(store, v, bases) for v in vs}
        annotators.update(golds)
        for a, b in itertools.combinations(sorted(golds), 2):
            counts.setdefault((a, b), PairCounts()).add(golds[a], golds[b], registry)
    pairs = []
    for (a, b), c in sorted(counts.items()):
        figures = c.figures()
        pair: dict[str, Any] = {"a": a, "b": b, "articles": c.articles}
        for layer in layers:
            pair[layer] = {k: _round(v) for k, v in figures[layer].items()}
        pairs.append(pair)
    mean: dict[str, Any] = {}
    for layer in layers:
        mean[layer] = {}
        for name in FIGURES[layer]:
            values = [p[layer][name] for p in pairs if p[layer][name] is not None]
            mean[layer][name] = _round(sum(values) / len(values)) if values else None
    report = {"articles": len(versions), "annotators": sorted(annotators), "pairs": pairs, "mean": mean}
    labels = {f"{a}/{b}": {k: _round(v) for k, v in c.label_f1().items()} for (a, b), c in sorted(counts.items())}
    return {"report": report, "labels": labels}


def format_report(result: dict[str, Any], layers: Sequence[str] = LAYERS) -> str:
    """The agreement report as a table (figures with three decimals, '-' where there is nothing to compare)."""
    report = result["report"]

    def fmt(v: float | None) -> str:
        return "    -" if v is None else f"{v:5.3f}"

    lines = [f"articles done by two or more annotators: {report['articles']}  "
             f"annotators: {', '.join(report['annotators'])}"]
    for layer in layers:
        names = FIGURES[layer]
        lines.append("")
        lines.append(f"{layer:<16}{'articles':>9}  " + "  ".join(f"{n:>10}" for n in names))
        for p in report["pairs"]:
            lines.append(f"{p['a'] + ' / ' + p['b']:<16}{p['articles']:>9}  "
                         + "  ".join(f"{fmt(p[layer][n]):>10}" for n in names))
        lines.append(f"{'mean':<16}{'':>9}  " + "  ".join(f"{fmt(report['mean'][layer][n]):>10}" for n in names))
        if layer == "entities":
            for pair, per_label in result["labels"].items():
                lines.append(f"  per-label F1 {pair}: " + ", ".join(f"{k} {fmt(v).strip()}" for k, v in per_label.items()))
    return "\n".join(lines)


def pair_disagreements(store: Store, a: str, b: str) -> list[tuple[str, int]]:
    """The articles a and b both did, most disagreements first: (article id, items one has and the other not)."""
    registry = store.registry()
    bases: dict[str, Article] = {}
    out = []
    for aid, vs in done_versions(store).items():
        pair = {v.annotator: v for v in vs if v.annotator in (a, b)}
        if len(pair) < 2:
            continue
        c = PairCounts()
        c.add(gold_of(store, pair[a], bases), gold_of(store, pair[b], bases), registry)
        n = (c.ent_a + c.ent_b - 2 * c.ent_exact) + (c.quote_a + c.quote_b - 2 * c.quote_matches) \
            + (c.event_a + c.event_b - 2 * c.event_matches)
        out.append((aid, n))
    position = {aid: i for i, aid in enumerate(store.article_ids())}
    return sorted(out, key=lambda x: (-x[1], position.get(x[0], 0)))
