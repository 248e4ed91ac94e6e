"""How learned attribution spans join the rule quotes (pure logic on hand-built spans)."""

from __future__ import annotations

from desktop_app.core.model import Entity, Quote, Span
from desktop_app.nlp.learned import merge_quotes

TEXT = ("Mayor Ana Ruiz said the bridge will reopen in May. Critics believe the delay cost the town dearly, "
        "according to Tom Beck. “It is late,” he added.")


def at(s: str) -> Span:
    i = TEXT.index(s)
    return Span(i, i + len(s))


def test_rule_quotes_stay_and_learned_contents_the_rules_missed_join_with_cue_and_source() -> None:
    rule = Quote(*_se("the bridge will reopen in May"), kind="indirect", cue=at("said"), speaker="Ana Ruiz",
                 mention=at("Ana Ruiz"), speaker_entity=at("Ana Ruiz"))
    learned = {"CONTENT": [at("the bridge will reopen"), at("the delay cost the town dearly"), at("“It is late,”")],
               "CUE": [at("said"), at("believe"), at("added")],
               "SOURCE": [at("Ana Ruiz"), at("Critics"), Span(at("he added").start, at("he added").start + 2)]}
    out = merge_quotes(TEXT, [rule], learned, [Entity(*_se("Tom Beck"), "PERSON")])
    assert out[0] is rule  # the same content: the rule quote (its resolved speaker) is kept as it was
    assert [(TEXT[q.start:q.end], q.kind, q.cue and TEXT[q.cue.start:q.cue.end], q.speaker) for q in out[1:]] == [
        ("the delay cost the town dearly", "indirect", "believe", "Critics"),
        ("“It is late,”", "direct", "added", "he"),  # the cue after it, not "believe" across another content
    ]


def test_a_learned_content_overlapping_a_rule_quote_is_not_added_twice() -> None:
    rule = Quote(*_se("the delay cost the town dearly, according to Tom Beck"), kind="indirect")
    out = merge_quotes(TEXT, [rule], {"CONTENT": [at("Critics believe the delay cost")], "CUE": [], "SOURCE": []})
    assert out == [rule]


def _se(s: str) -> tuple[int, int]:
    span = at(s)
    return span.start, span.end
