"""Issue 16, statements of position found by the form of what is said rather than by a trigger word: sentences
written for these tests (parties and places from the Pacific, Iceland and the Southern Cone, which no gold set
covers), through the real model, as an annotator sees the suggestions (event type and trigger word).

Quoted or reported content: an order opening a quotation or an interviewee's answer is a demand; what a statement
says a deed is ("it is cruel") accuses, what it says a gift is ("a sign of solidarity") supports; a characterisation
with "as" accuses and names no new event; a first-person refusal to yield or to be pressed by a party is a
rejection; wanting a party to act, reported, is a demand. Negative halves: a closing "Thank you for reading",
"nobody should ...", a demand under "if", a refusal pressed by no one, a run of orders counted once."""

from __future__ import annotations

import pytest

from .enginehelp import events, run

SUGGESTED = [
    ("REQUEST", "Release", "\"Release the fishermen,\" said the mayor of Nuku'alofa."),
    ("REQUEST", "Fund", "Q: What do you want from the government?\n\nMorales: Fund the clinics. Pay the nurses.\n"),
    ("ACCUSE", "cruel", "Q: What about the fines?\n\nÅsa: It is cruel, and it is illegal.\n"),
    ("SUPPORT", "solidarity", "The Fijian spokesman said the shipment was \"a sign of friendship and solidarity\"."),
    ("SUPPORT", "stood", "The Samoan premier said the Pacific forum stood \"side by side\" with Tuvalu."),
    ("REJECT", "withdraw", "\"We will never withdraw from the reef,\" the Tongan minister said."),
    ("REQUEST", "wanted", "The union leader said the dockers wanted the government to reopen the talks."),
]


@pytest.mark.parametrize(("typ", "trigger", "text"), SUGGESTED, ids=[f"{t}-{w}" for t, w, _ in SUGGESTED])
def test_a_position_stated_by_what_is_said_is_suggested(typ: str, trigger: str, text: str) -> None:
    assert (typ, trigger) in events(text)


def test_a_run_of_orders_in_one_answer_is_one_demand() -> None:
    text = "Q: What do you want from the government?\n\nMorales: Fund the clinics. Pay the nurses. Open the courts.\n"
    assert [t for t, _ in events(text) if t == "REQUEST"] == ["REQUEST"]


def test_a_refusal_to_be_pressed_by_a_party_is_a_rejection_but_a_bare_resolve_is_not() -> None:
    assert ("REJECT", "bullied") in events("\"We will not be bullied by Canberra,\" the Vanuatu prime minister said.")
    assert not [t for t, _ in events("\"We will not be intimidated,\" the Tongan minister said.") if t == "REJECT"]


def test_what_a_deed_is_called_with_as_accuses_and_is_no_new_event() -> None:
    found = events("Paraguay's foreign ministry condemned the seizure as \"an illegal blockade\" of its waters.")
    assert ("ACCUSE", "condemned") in found
    assert "SANCTION" not in {t for t, _ in found}


NOT_SUGGESTED = [
    ("SUPPORT", "That is all from Apia today. Thank you for reading.\n"),
    ("REQUEST", "\"Nobody should mistake this for a settlement,\" the Fijian envoy said."),
    ("REQUEST", "\"If the court rules against us, the fishermen must be heard,\" the Samoan minister said."),
]


@pytest.mark.parametrize(("typ", "text"), NOT_SUGGESTED, ids=[t for t, _ in NOT_SUGGESTED])
def test_formulas_warnings_to_all_and_conditions_are_not_coded(typ: str, text: str) -> None:
    assert typ not in {v.type for v in run(text).suggestions.events}
