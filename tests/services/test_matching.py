"""The one quote matcher behind `evaluate` and `evaluate-polnear`, on hand-built spans."""

from __future__ import annotations

from desktop_app.core.model import Quote, Span
from desktop_app.services.evaluate import align_quotes
from desktop_app.services.matching import half_covered, match_quotes, overlap
from desktop_app.services.polnear import GoldAttribution, PredictedAttribution, match


def q(*spans: tuple[int, int]) -> list[Span]:
    return [Span(a, b) for a, b in spans]


def test_each_must_cover_at_least_half_of_the_other() -> None:
    assert half_covered(q((0, 10)), q((5, 15)))  # 5 of 10 both ways: exactly half is enough
    assert not half_covered(q((0, 10)), q((6, 16)))  # 4 of 10
    assert not half_covered(q((0, 4)), q((0, 10)))  # a fragment of the gold quote
    assert half_covered(q((0, 5)), q((0, 10)))
    assert not half_covered(q((0, 10)), q((10, 20)))  # touching is not overlapping
    assert not half_covered(q((3, 3)), q((3, 3)))  # empty spans never match


def test_fragments_of_a_discontinuous_quote_count_together() -> None:
    gold = q((0, 10), (20, 30))
    assert overlap(q((0, 10)), gold) == 10
    assert not half_covered(q((0, 9)), gold)  # 9 of 20
    assert half_covered(q((0, 10)), gold)  # 10 of 20
    assert half_covered(q((2, 10), (20, 28)), gold)


def test_one_to_one_largest_overlap_first() -> None:
    # p0 covers g0 and g1 well enough, but g1 best; p1 then takes g0
    pred = [q((0, 20)), q((0, 8))]
    gold = [q((0, 10)), q((8, 20))]
    assert sorted(match_quotes(pred, gold)) == [(0, 1), (1, 0)]
    # one prediction is credited for one gold quote only
    assert match_quotes([q((0, 20))], [q((0, 10)), q((10, 20))]) == [(0, 0)]
    assert match_quotes([q((0, 10)), q((0, 10))], [q((0, 10))]) == [(0, 0)]


def test_ties_go_to_the_tighter_pair_then_to_text_order_not_list_order() -> None:
    # equal overlap (6): the gold quote of the same size is the tighter pair
    pred = [q((10, 22))]
    gold = [q((4, 16)), q((16, 28)), q((16, 26))]
    assert match_quotes(pred, gold) == [(0, 2)]
    # equal overlap and union: the gold quote earlier in the text, whatever the list order
    pred = [q((10, 20))]
    early, late = q((5, 15)), q((15, 25))
    assert match_quotes(pred, [early, late]) == [(0, 0)]
    assert match_quotes(pred, [late, early]) == [(0, 1)]
    # and the earlier of two equally good predictions
    gold = [q((10, 20))]
    assert match_quotes([q((15, 25)), q((5, 15))], gold) == [(1, 0)]


def test_no_pairs_without_quotes() -> None:
    assert match_quotes([], [q((0, 5))]) == []
    assert match_quotes([q((0, 5))], []) == []


def test_evaluate_and_polnear_pair_the_same_quotes() -> None:
    spans = [(0, 20), (0, 8), (30, 40), (50, 60)]
    gold_spans = [(0, 10), (8, 20), (32, 44), (70, 80)]
    pred = [Quote(a, b, "indirect") for a, b in spans]
    gold = [Quote(a, b, "indirect") for a, b in gold_spans]
    expected = sorted(match_quotes([q(s) for s in spans], [q(s) for s in gold_spans]))
    assert expected == [(0, 1), (1, 0), (2, 2)]
    by_evaluate = sorted((pred.index(p), gold.index(g)) for g, p in align_quotes(gold, pred))
    by_polnear = sorted(match([PredictedAttribution([p.span], p) for p in pred],
                              [GoldAttribution(content=[g.span]) for g in gold]))
    assert by_evaluate == by_polnear == expected
