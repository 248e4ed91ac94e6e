"""When a predicted quote is a gold quote: one rule for every evaluation, so their figures compare.

Each must cover at least half of the other.  Exact spans would punish what annotators disagree
on (the marks, a trailing full stop, a leading "that"); any overlap would reward a fragment.
A quote may be discontinuous (PolNeAR contents, our direct quotes that share one cue): its
fragments count together.  Matching is one-to-one and greedy, largest overlap first, because
one predicted quote must not be credited for two gold ones.
"""

from __future__ import annotations

from collections.abc import Sequence

from desktop_app.core.model import Span

#: one quote's content: its fragments, in any order
Fragments = Sequence[Span]


def overlap(a: Fragments, b: Fragments) -> int:
    """Characters the two contents share."""
    return sum(x.overlap_len(y) for x in a for y in b)


def _length(a: Fragments) -> int:
    return sum(len(x) for x in a)


def _start(a: Fragments) -> int:
    return min((x.start for x in a), default=0)


def half_covered(a: Fragments, b: Fragments) -> bool:
    """The match rule: they overlap and each covers at least half of the other."""
    ov = overlap(a, b)
    return ov > 0 and 2 * ov >= _length(a) and 2 * ov >= _length(b)


def match_quotes(pred: Sequence[Fragments], gold: Sequence[Fragments]) -> list[tuple[int, int]]:
    """One-to-one (pred index, gold index) pairs under :func:`half_covered`, in pairing order.

    Largest overlap first; on equal overlap the tighter pair (smaller union), then the gold
    quote and the prediction that start first in the text, so that ties do not depend on the
    order the caller lists quotes in (gold files and .ann files are not always in text order).
    """
    ranked = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            if half_covered(p, g):
                ov = overlap(p, g)
                union = _length(p) + _length(g) - ov
                ranked.append((-ov, union, _start(g), _start(p), j, i))
    ranked.sort()
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for *_rank, j, i in ranked:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        out.append((i, j))
    return out
