"""Issue 16, events stated by the shape of a clause or a line rather than by a trigger word: sentences written for
these tests (the Pacific, Iceland and the Southern Cone, which no gold set covers), through the real model.

A sentence-case title the parser reads as a noun phrase still states its event, and the talks it names as the
place; a brief's dateline label ("Honiara:") opens its own item's sentence; a closure stated as lasting ("kept ...
shut", "stays closed", "will keep ... closed") is a sanction, one an attack caused is not; forces put on a footing
or exercised are mobilised; money or goods given to help, or sent to people in need, are aid."""

from __future__ import annotations

import pytest

from .enginehelp import events, run

SUGGESTED = [
    ("CONSULT", "talks", "Fiji and Tonga agree fisheries deal at Suva talks\n\nSUVA, May 3 – The two governments "
                         "signed a fisheries accord on Tuesday.\n"),
    ("SANCTION", "kept", "Paraguay has kept its river port shut to Bolivian barges since March."),
    ("SANCTION", "stays", "\"The bridge stays closed until the inspectors finish,\" the Uruguayan minister said."),
    ("SANCTION", "keep", "Suriname will keep the ferry terminal closed to Guyanese traders for another week, "
                         "the minister said."),
    ("MOBILIZE", "readiness", "Iceland has put its coast guard on heightened readiness."),
    ("MOBILIZE", "exercises", "The Uruguayan navy has begun exercises off Montevideo involving 12 warships."),
    ("AID", "pay", "The Icelandic government says it will pay €12m to help fishing families cover their losses."),
    ("AID", "send", "Uruguay said it would send 800 tonnes of rice to flood victims in Paraguay."),
]


@pytest.mark.parametrize(("typ", "trigger", "text"), SUGGESTED, ids=[f"{t}-{w}" for t, w, _ in SUGGESTED])
def test_an_event_stated_by_the_shape_of_a_clause_is_suggested(typ: str, trigger: str, text: str) -> None:
    assert (typ, trigger) in events(text)


def test_a_dateline_label_opens_the_sentence_of_its_own_item() -> None:
    text = ("Pacific briefs\n\nApia: Samoan dockers marched on the parliament over unpaid wages. The government said "
            "it would pay them next week.\n\nNuku'alofa: The Tongan government eased its ban on Fijian imports, letting "
            "food cross again, officials said.\n")
    out = run(text)
    retreat = next(v for v in out.suggestions.events if v.type == "RETREAT")
    assert text[retreat.sentence.start:retreat.sentence.end].startswith("Nuku'alofa: The Tongan government")
    assert "Nuku'alofa:" not in [text[s.start:s.end] for s in out.sentences]


def test_a_closure_an_attack_caused_is_no_sanction() -> None:
    assert "SANCTION" not in {t for t, _ in events("Aid workers said the shelling had shut the river port for a third day.")}


def test_a_lasting_closure_is_a_sanction_but_not_when_negated() -> None:
    assert ("SANCTION", "kept") in events("Paraguay has kept its river port shut to Bolivian barges since March.")
    assert "SANCTION" not in {t for t, _ in events("Paraguay has not kept its river port shut to Bolivian barges.")}
