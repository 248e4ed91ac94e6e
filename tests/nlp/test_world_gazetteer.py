"""The world gazetteer (resources/gazetteer/world.jsonl) on news outside South Asia, with the real pipeline.

The small model reads "Benin", "Cotonou" and "Azerbaijani" as PERSON, "Kosovar" as ORG, "Sahel" as PERSON and
"Bab el-Mandeb" as ORG; the gazetteer names them. Ambiguous names (Jordan, Chad) stay with the model, and a company
or bank whose name holds a country or a demonym stays one ORG.
"""

from __future__ import annotations

from desktop_app.nlp.gazetteer import load_gazetteer

from .enginehelp import entities


def test_a_country_and_its_capital_the_model_calls_people_are_gpe() -> None:
    ents = entities("Officials in Cotonou said Benin would reopen the border.")
    assert ("Cotonou", "GPE") in ents and ("Benin", "GPE") in ents
    assert not any(label == "PERSON" for _, label in ents)


def test_demonyms_the_model_calls_people_or_groups_are_norp() -> None:
    ents = entities("An Azerbaijani delegation arrived in Pristina on Monday. Kosovar police met Emirati investors.")
    for name in ("Azerbaijani", "Kosovar", "Emirati"):
        assert (name, "NORP") in ents, ents
    assert ("Pristina", "GPE") in ents


def test_regions_and_straits_are_loc() -> None:
    ents = entities("Fighting spread across the Sahel. Ships avoided the Bab el-Mandeb and the Gulf of Aden.")
    assert [e for e in ents if e[1] == "LOC"] == [("Sahel", "LOC"), ("Bab el-Mandeb", "LOC"), ("Gulf of Aden", "LOC")]


def test_long_forms_are_one_name() -> None:
    ents = entities("The Republic of Armenia and the Democratic Republic of the Congo signed the accord.")
    assert ("Republic of Armenia", "GPE") in ents
    assert ("Democratic Republic of the Congo", "GPE") in ents


def test_ambiguous_names_are_left_to_the_model() -> None:
    labels = load_gazetteer().labels
    for name in ("Jordan", "Chad", "Georgia", "Guinea", "Male", "Washington", "Santiago"):
        assert name not in labels, name
    ents = entities("Michael Jordan met the Filipino envoy.")
    assert ("Michael Jordan", "PERSON") in ents and ("Filipino", "NORP") in ents


def test_a_bank_or_airline_named_after_a_country_stays_one_org() -> None:
    assert ("Bank of Korea", "ORG") in entities("The Bank of Korea raised rates.")
    ents = entities("Turkish Airlines cancelled flights to Baku.")
    assert ("Turkish Airlines", "ORG") in ents and ("Turkish", "NORP") not in ents


def test_a_person_named_after_a_city_stays_a_person() -> None:
    ents = entities("Sofia Coppola flew to Sofia on Friday.")
    assert ents[:2] == [("Sofia Coppola", "PERSON"), ("Sofia", "GPE")]
