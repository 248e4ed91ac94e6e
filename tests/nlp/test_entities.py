"""Entity conventions of the annotation guidelines: pure rules on hand-built Docs, then the real pipeline."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from desktop_app.core.model import Entity, Span
from desktop_app.nlp.entities import canonical_names, doc_entities
from desktop_app.nlp.gazetteer import load_gazetteer

from .enginehelp import entities, run


@pytest.fixture(scope="module")
def blank():  # type: ignore[no-untyped-def]
    return spacy.blank("en")


def make(nlp, words, ents, spaces=None, pos=None):  # type: ignore[no-untyped-def]
    doc = Doc(nlp.vocab, words=words, spaces=spaces, pos=pos)
    doc.ents = [SpacySpan(doc, a, b, label=label) for a, b, label in ents]
    return doc


def texts(doc: Doc, ents: list[Entity]) -> list[tuple[str, str]]:
    return [(doc.text[e.start:e.end], e.label) for e in ents]


# -- pure post-rules ------------------------------------------------------------------------
def test_titles_and_ranks_are_stripped_from_person(blank) -> None:
    doc = make(blank, ["Lieutenant", "-", "General", "Ahmed", "Sharif", "Chaudhry", "spoke"],
               [(0, 6, "PERSON")], spaces=[False, False, True, True, True, True, False])
    assert texts(doc, doc_entities(doc)) == [("Ahmed Sharif Chaudhry", "PERSON")]


def test_a_person_that_is_only_a_title_is_dropped(blank) -> None:
    doc = make(blank, ["Gen", "said", "so"], [(0, 1, "PERSON")])
    assert doc_entities(doc) == []


def test_leading_the_is_dropped(blank) -> None:
    doc = make(blank, ["the", "Foreign", "Office", "said"], [(0, 3, "ORG")])
    assert texts(doc, doc_entities(doc)) == [("Foreign Office", "ORG")]


def test_possessive_s_is_excluded(blank) -> None:
    doc = make(blank, ["Pakistan", "’s", "army"], [(0, 2, "GPE")], spaces=[False, True, False])
    assert texts(doc, doc_entities(doc)) == [("Pakistan", "GPE")]


def test_a_hyphenated_name_is_never_split(blank) -> None:
    doc = make(blank, ["in", "Khyber", "-", "Pakhtunkhwa", "province"], [(3, 4, "GPE")],
               spaces=[True, False, False, True, False])
    assert texts(doc, doc_entities(doc)) == [("Khyber-Pakhtunkhwa", "GPE")]


def test_hyphenated_group_name_with_connective_is_whole(blank) -> None:
    doc = make(blank, ["Tehrik", "-", "i", "-", "Taliban", "Pakistan"], [(4, 6, "ORG")],
               spaces=[False, False, False, False, True, False])
    assert texts(doc, doc_entities(doc)) == [("Tehrik-i-Taliban Pakistan", "ORG")]


def test_anti_prefix_does_not_join_the_name(blank) -> None:
    doc = make(blank, ["anti", "-", "Pakistan", "elements"], [(2, 3, "GPE")], spaces=[False, False, True, False])
    assert texts(doc, doc_entities(doc)) == [("Pakistan", "GPE")]


def test_slashed_pair_is_two_orgs(blank) -> None:
    doc = make(blank, ["TTP", "/", "FaK", "fighters"], [(0, 3, "ORG")], spaces=[False, False, True, False])
    assert texts(doc, doc_entities(doc)) == [("TTP", "ORG"), ("FaK", "ORG")]


def test_nothing_inside_boilerplate_and_only_guideline_labels(blank) -> None:
    doc = make(blank, ["Facebook", "Twitter", "on", "Monday", "Pakistan"],
               [(0, 1, "ORG"), (3, 4, "DATE"), (4, 5, "GPE")])
    boiler = [Span(0, len("Facebook Twitter"))]
    assert texts(doc, doc_entities(doc, boiler)) == [("Pakistan", "GPE")]


def test_canonical_names_use_registry_gazetteer_and_fullest_person_name() -> None:
    text = "Ahmed Sharif Chaudhry said the TTP attacked. Chaudhry added that the DG ISPR agreed."
    def ent(surface: str, label: str, after: int = 0) -> Entity:
        i = text.index(surface, after)
        return Entity(i, i + len(surface), label)

    full, ttp, short, dg = (ent("Ahmed Sharif Chaudhry", "PERSON"), ent("TTP", "ORG"),
                            ent("Chaudhry", "PERSON", 30), ent("DG ISPR", "ORG"))
    names = canonical_names(text, [full, ttp, short, dg], load_gazetteer(), {"DG ISPR": "Ahmed Sharif Chaudhry"})
    assert names[short.span] == "Ahmed Sharif Chaudhry"
    assert names[ttp.span] == "Tehrik-i-Taliban Pakistan"
    assert names[dg.span] == "Ahmed Sharif Chaudhry"


# -- with the real pipeline -------------------------------------------------------------------


@pytest.mark.model
def test_rank_and_office_are_not_part_of_the_person() -> None:
    found = entities("Director General of Inter-Services Public Relations (ISPR), Lieutenant-General Ahmed Sharif "
                     "Chaudhry, briefed journalists.")
    assert ("Ahmed Sharif Chaudhry", "PERSON") in found
    assert ("Inter-Services Public Relations", "ORG") in found
    assert ("ISPR", "ORG") in found


@pytest.mark.model
def test_name_after_a_job_title_is_a_person_even_when_the_model_misses_it() -> None:
    found = entities("The delegation was led by National Security Adviser Lt Gen Kamran Aziz, while Foreign Office "
                     "spokesperson Tahira Andleeb briefed the press.")
    assert ("Kamran Aziz", "PERSON") in found
    assert ("Tahira Andleeb", "PERSON") in found
    assert not any(label == "ORG" and "Adviser" in t for t, label in found)


@pytest.mark.model
def test_afghan_taliban_is_one_org_without_the() -> None:
    found = entities("Islamabad said the Afghan Taliban had not acted against the militants.")
    assert ("Afghan Taliban", "ORG") in found
    assert ("Afghan", "NORP") not in found


@pytest.mark.model
def test_slashed_group_names_are_separate_orgs() -> None:
    found = entities("It will not negotiate with terrorist groups such as TTP/FaK or BLA/FaH.")
    assert [t for t, label in found if label == "ORG"] == ["TTP", "FaK", "BLA", "FaH"]


@pytest.mark.model
def test_group_spellings_and_crossings_from_the_gazetteer() -> None:
    found = entities("Fighters of the banned Tehreek-e-Taliban Pakistan crossed near Torkham and Chaman border "
                     "crossings, officials in Khyber-Pakhtunkhwa said.")
    assert ("Tehreek-e-Taliban Pakistan", "ORG") in found
    assert ("Torkham", "FAC") in found and ("Chaman", "FAC") in found
    assert ("Khyber-Pakhtunkhwa", "GPE") in found


@pytest.mark.model
def test_platform_x_is_an_org_only_as_a_platform() -> None:
    assert ("X", "ORG") in entities("In a post on X, the spokesman denied the report.")
    assert ("X", "ORG") not in entities("Article X of the agreement was never applied.")


@pytest.mark.model
def test_dateline_and_institution_names() -> None:
    found = entities("ISLAMABAD: The Pakistan Army said its soldiers repelled the attack.")
    assert ("ISLAMABAD", "GPE") in found
    assert ("Pakistan Army", "ORG") in found


@pytest.mark.model
def test_byline_names_are_people() -> None:
    found = entities("Border stays shut\n\nBy Hina Baloch & Omar Khan\n\nPESHAWAR: Traders protested on Monday.")
    assert ("Hina Baloch", "PERSON") in found and ("Omar Khan", "PERSON") in found


@pytest.mark.model
def test_surname_alone_is_the_same_person() -> None:
    found = entities("Military spokesperson Farhan Qureshi spoke on Monday. Qureshi denied the report.")
    assert found.count(("Qureshi", "PERSON")) == 1


@pytest.mark.model
def test_boilerplate_lines_get_no_entities() -> None:
    text = "Pakistan closes border\n\nicon-facebook icon-twitter icon-whatsapp\n\nShare on Facebook\n\nPakistan said so."
    start = text.index("Share on Facebook")
    out = run(text, ignored=[Span(start, start + len("Share on Facebook"))])
    assert all(not (start <= e.start < start + 17) for e in out.suggestions.entities)


@pytest.mark.model
def test_possessive_inside_a_name_splits_country_and_institution() -> None:
    found = entities("The spokesperson said that Pakistan’s Armed Forces remain determined.")
    assert ("Pakistan", "GPE") in found and ("Armed Forces", "ORG") in found
