"""PLOVER event suggestions: each listed pattern with the real pipeline, the filters, the taxonomy file."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from desktop_app.core.model import Span
from desktop_app.core.taxonomy import load_taxonomy
from desktop_app.errors import NewsGoldError
from desktop_app.nlp.events import EventFinder

from .enginehelp import events, run

PLOVER = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
          "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")


def types(text: str) -> list[str]:
    return [t for t, _ in events(text)]


# -- the patterns of the issue ------------------------------------------------------------------
@pytest.mark.model
@pytest.mark.parametrize(("text", "etype", "trigger"), [
    ("Pakistani jets launched air strikes on militant hideouts in Khost overnight.", "ASSAULT", "strikes"),
    ("The Pakistani military rejected the conditions set by the Taliban administration.", "REJECT", "rejected"),
    ("Pakistan accused the Afghan Taliban of sheltering the group's leaders.", "ACCUSE", "accused"),
    ("The minister urged Kabul to act against the militants.", "REQUEST", "urged"),
    ("Pakistan kept its border crossings with Afghanistan shut for a third week.", "SANCTION", "kept"),
    ("The two delegations held talks in Istanbul on Thursday.", "CONSULT", "talks"),
    ("Both sides agreed to a ceasefire on Sunday evening.", "AGREE", "agreed"),
    ("A military court indicted the former spy chief on three counts.", "COERCE", "indicted"),
    ("Police arrested five suspects in Bannu on Friday.", "COERCE", "arrested"),
    ("Turkiye praised both delegations for their courage.", "SUPPORT", "praised"),
    ("Pakistan reopened the Torkham crossing for trade on Monday.", "RETREAT", "reopened"),
    ("The two agencies shared intelligence on the cell's movements.", "COOPERATE", "shared"),
    ("The World Food Programme delivered aid to families in Kunar.", "AID", "aid"),
    ("The army withdrew its troops from the border posts.", "RETREAT", "withdrew"),
    ("The Afghan Taliban threatened to retaliate against Pakistan.", "THREATEN", "threatened"),
    ("Truck drivers staged a sit-in at the crossing on Tuesday.", "PROTEST", "sit-in"),
    ("The army deployed additional troops along the border.", "MOBILIZE", "deployed"),
    ("Islamabad suspended trade with Kabul after the clashes.", "SANCTION", "suspended"),
    ("Pakistan closed Torkham on Sunday after the clashes.", "SANCTION", "closed"),
    ("The Afghan Taliban denied that their soil was used for attacks.", "REJECT", "denied"),
    ("The Foreign Office called on the Taliban to honour their commitments.", "REQUEST", "called"),
    ("Pakistan expects concrete action from Kabul, the spokesperson said.", "REQUEST", "expects"),
])
def test_pattern_suggests_its_type_with_its_trigger(text: str, etype: str, trigger: str) -> None:
    assert (etype, trigger) in events(text)


@pytest.mark.model
def test_every_plover_type_is_covered_by_the_patterns_above() -> None:
    assert set(load_taxonomy().types) == set(PLOVER)


# -- what is not coded ----------------------------------------------------------------------------
@pytest.mark.model
@pytest.mark.parametrize(("text", "absent"), [
    ("Pakistan did not launch air strikes on Afghan territory.", "ASSAULT"),
    ("Pakistan never agreed to a ceasefire.", "AGREE"),
    ("Pakistan could close the border if the attacks continue.", "SANCTION"),
    ("The crossings would stay closed until Kabul acts.", "SANCTION"),
    ("The minister urged Kabul to hold talks with the mediators.", "CONSULT"),
    ("During the Istanbul talks, officials stressed that terrorism must end.", "CONSULT"),
    ("The delegations discussed nothing new.", "CONSULT"),
    ("The minister is expected to visit Kabul next week.", "REQUEST"),
    ("Iran offered to host a meeting of both sides in Tehran.", "CONSULT"),
    ("Pakistan refuted allegations that it had conducted strikes inside Afghanistan.", "ASSAULT"),
    ("Asked about the next round of talks, she said Pakistan remained open to dialogue.", "CONSULT"),
])
def test_negated_hypothetical_requested_or_time_reference_is_not_coded(text: str, absent: str) -> None:
    assert absent not in types(text)


@pytest.mark.model
def test_one_event_per_sentence_and_type() -> None:
    text = "Militants attacked the checkpost and killed three soldiers before they stormed the base."
    assert types(text).count("ASSAULT") == 1


@pytest.mark.model
def test_actor_and_recipient_are_canonical_names_with_entities() -> None:
    text = "Pakistan accused the Taliban of sheltering the TTP leadership."
    out = run(text)
    (ev,) = [v for v in out.suggestions.events if v.type == "ACCUSE"]
    assert ev.actor is not None and ev.actor.name == "Pakistan"
    assert ev.actor.entity is not None and text[ev.actor.entity.start:ev.actor.entity.end] == "Pakistan"
    assert ev.recipient is not None and ev.recipient.name == "Afghan Taliban"


@pytest.mark.model
def test_pronoun_actor_is_the_last_person_named() -> None:
    text = "Defence Minister Khawaja Asif spoke in parliament. He accused Kabul of harbouring militants."
    (ev,) = [v for v in run(text).suggestions.events if v.type == "ACCUSE"]
    assert ev.actor is not None and ev.actor.name == "Khawaja Asif"


@pytest.mark.model
def test_headline_verb_is_found_though_tagged_as_a_name() -> None:
    out = run("Pakistan Urges Taliban to Dismantle Terror Sanctuaries in Afghanistan\n\nBody text follows here.")
    (ev,) = out.suggestions.events
    assert ev.type == "REQUEST" and ev.actor is not None and ev.actor.name == "Pakistan"


@pytest.mark.model
def test_event_sentence_is_the_sentence_with_the_dateline() -> None:
    text = "Border Row\n\nISLAMABAD: The Foreign Office rejected the claims on Friday. It said more."
    out = run(text)
    (ev,) = [v for v in out.suggestions.events if v.type == "REJECT"]
    assert text[ev.sentence.start:ev.sentence.end] == "ISLAMABAD: The Foreign Office rejected the claims on Friday."
    assert ev.sentence in out.sentences


# -- pure logic on a hand-built parse -------------------------------------------------------------
def _doc(words, heads, deps, pos, lemmas):  # type: ignore[no-untyped-def]
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas,
               sent_starts=[True] + [False] * (len(words) - 1))


def test_finder_on_hand_built_parse_and_negation() -> None:
    finder = EventFinder(load_taxonomy())
    yes = _doc(["Pakistan", "rejected", "conditions"], [1, 1, 1], ["nsubj", "ROOT", "dobj"],
               ["PROPN", "VERB", "NOUN"], ["Pakistan", "reject", "condition"])
    found = finder.find(yes, [(0, Span(0, len(yes.text)))], [], {})
    assert [(v.type, v.actor.name if v.actor else None) for v in found] == [("REJECT", "Pakistan")]
    no = _doc(["Pakistan", "did", "not", "reject", "conditions"], [3, 3, 3, 3, 3],
              ["nsubj", "aux", "neg", "ROOT", "dobj"], ["PROPN", "AUX", "PART", "VERB", "NOUN"],
              ["Pakistan", "do", "not", "reject", "condition"])
    assert finder.find(no, [(0, Span(0, len(no.text)))], [], {}) == []


def test_a_replacement_taxonomy_with_definitions_only_suggests_nothing(tmp_path: Path) -> None:
    f = tmp_path / "mine.toml"
    f.write_text('name = "Mine"\n[types.MEET]\ndefinition = "Two parties meet."\n', encoding="utf-8")
    tax = load_taxonomy(f)
    assert tax.type_names == ["MEET"] and tax.types["MEET"].definition == "Two parties meet."
    doc = _doc(["They", "met"], [1, 1], ["nsubj", "ROOT"], ["PRON", "VERB"], ["they", "meet"])
    assert EventFinder(tax).find(doc, [(0, Span(0, 7))], [], {}) == []


def test_bad_taxonomy_file_names_the_file_and_the_problem(tmp_path: Path) -> None:
    f = tmp_path / "bad.toml"
    f.write_text("[types.X]\nverbs = ['a']\n", encoding="utf-8")
    with pytest.raises(NewsGoldError) as err:
        load_taxonomy(f)
    assert err.value.code.name == "E204" and "bad.toml" in str(err.value) and "definition" in str(err.value)
    f.write_text("not toml [", encoding="utf-8")
    with pytest.raises(NewsGoldError, match="E204"):
        load_taxonomy(f)


@pytest.mark.model
def test_reported_must_is_a_demand() -> None:
    text = "He stressed that Afghanistan must not serve as a safe haven for terrorists."
    out = run(text)
    (ev,) = [v for v in out.suggestions.events if v.type == "REQUEST"]
    assert text[ev.trigger.start:ev.trigger.end] == "serve"
    assert ev.recipient is not None and ev.recipient.name == "Afghanistan"
    assert "REQUEST" not in types("We must protect our citizens, the minister said.")


@pytest.mark.model
def test_actor_named_by_a_nationality_phrase_keeps_the_phrase() -> None:
    out = run("The Pakistani military has firmly rejected all conditions set by the Taliban administration.")
    (ev,) = [v for v in out.suggestions.events if v.type == "REJECT"]
    assert ev.actor is not None and ev.actor.name == "Pakistani military" and ev.actor.entity is None
    assert ev.recipient is not None and ev.recipient.name == "Afghan Taliban"
