"""Interview turns labelled by a name with an accented or non-Latin capital ("Élodie:", "Öztürk:", "Ιωάννου:") are
the interviewee's quotes, as "Diallo:" turns are (sentences written for this test). The label pattern took only
A–Z capitals, so such a transcript gave no quote at all."""

from __future__ import annotations

import pytest

from .enginehelp import run


def _turns(name: str) -> str:
    return (f"Interview: the ferry dispute\n\n"
            f"{name} Martel heads the harbour workers' union in Nouméa. We spoke to {name} Martel on Tuesday.\n\n"
            f"Q: Will the strike go on?\n\n"
            f"{name}: It will go on until the company signs the agreement it promised in May.\n\n"
            f"Q: And the government?\n\n"
            f"{name}: The government has not called us once in three weeks.\n")


@pytest.mark.parametrize("name", ["Élodie", "Øystein", "Ιωάννα"])
def test_turns_under_a_name_with_a_non_ascii_capital_are_quotes_of_that_person(name: str) -> None:
    text = _turns(name)
    quotes = {text[q.start:q.end]: q for q in run(text).suggestions.quotes}
    answers = ["It will go on until the company signs the agreement it promised in May.",
               "The government has not called us once in three weeks."]
    for answer in answers:
        assert answer in quotes, sorted(quotes)
        q = quotes[answer]
        assert q.kind == "direct" and q.mention is not None and text[q.mention.start:q.mention.end] == name


def test_a_lower_case_word_before_a_colon_is_no_label() -> None:
    text = ("Harbour news\n\nétat: the port is closed today.\n\nétat: the port opens tomorrow.\n\n"
            "Q: Why?\n\nQ: When?\n")
    assert not [q for q in run(text).suggestions.quotes if q.kind == "direct" and q.mention is not None
                and text[q.mention.start:q.mention.end] == "état"]
