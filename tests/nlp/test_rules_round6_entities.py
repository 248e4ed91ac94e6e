"""Sixth-round entity rules (issue 16): classes of error of the small model on security and diplomacy news.

Every sentence here was written for this file, with names and places no gold set uses (Moldova, Mali, Burkina
Faso, a Caribbean port, Niger, Madagascar, Cyprus, the South China Sea's reefs, southern Lebanon's villages). Each test checks what a
user sees: the suggested span and its label. The last tests guard precision: the rules must not fire without the
evidence.
"""

from __future__ import annotations

from .enginehelp import entities


def test_a_qualified_government_of_a_country_is_one_organisation() -> None:
    ents = entities("The talks were held under the authority of the Transitional Government of Mali, officials said.")
    assert ents == [("Transitional Government of Mali", "ORG")]


def test_reefs_and_shoals_are_natural_features_not_organisations() -> None:
    ents = entities("Fishing boats were chased away from Scarborough Reef and Pratas Shoal on Monday.")
    assert ents == [("Scarborough Reef", "LOC"), ("Pratas Shoal", "LOC")]


def test_a_facility_with_no_facility_word_near_which_things_happen_is_a_place() -> None:
    assert entities("A drone struck a convoy near Kafr Kila on Friday, residents said.") == [("Kafr Kila", "GPE")]


def test_an_all_caps_dateline_is_a_place_whatever_the_model_called_it() -> None:
    assert entities("KOUDOUGOU, May 5 (AIB) – Farmers in Burkina Faso protested on Monday.")[0] == ("KOUDOUGOU", "GPE")
    assert entities("BOBO DIOULASSO, June 2 (AIB) – The army said the road was open.")[0] == ("BOBO DIOULASSO", "GPE")


def test_the_speaker_of_a_title_is_a_person_and_so_is_the_later_mention() -> None:
    ents = entities("Amina Tchombé: ‘We will not leave the valley’\n\nThe mayor of Dori spoke to us. "
                    "Amina Tchombé, a retired nurse, runs the clinic.")
    assert ents[0] == ("Amina Tchombé", "PERSON")
    assert [label for text, label in ents if "Tchombé" in text] == ["PERSON", "PERSON"]


def test_a_name_the_text_calls_she_is_a_person() -> None:
    assert entities("Halima Djibo said she had waited two days at the border with her children.") == [
        ("Halima Djibo", "PERSON")]


def test_a_nationality_before_a_lower_case_body_is_the_nationality_alone() -> None:
    assert entities("A spokesman for the Malagasy navy said two boats had been seized.") == [("Malagasy", "NORP")]


def test_the_platform_x_loses_the_full_stop_and_is_an_organisation() -> None:
    assert entities("The ministry of Moldova wrote on X.") == [("Moldova", "GPE"), ("X", "ORG")]


def test_a_name_given_to_a_reef_is_the_reef() -> None:
    assert entities("Fishermen call the reef Taba Taba, and the navy calls it something else.") == [("Taba Taba", "LOC")]


def test_a_word_in_another_script_is_no_person() -> None:
    ents = entities("Dockers chanted “Хліб — не зброя” (bread is no weapon) outside the port.")
    assert not any(label == "PERSON" for _, label in ents)


def test_a_town_named_port_or_puerto_plus_a_country_is_the_town() -> None:
    assert entities("Ships left Puerto Colombia for Panama.") == [("Puerto Colombia", "GPE"), ("Panama", "GPE")]


# precision guards


def test_the_government_of_a_country_alone_stays_the_country() -> None:
    assert entities("The Government of Ghana said the election would go ahead.") == [("Ghana", "GPE")]


def test_a_state_after_a_nationality_is_no_place() -> None:
    assert entities("The Lebanese state needs the army.") == [("Lebanese", "NORP")]


def test_banks_and_shipping_lines_stay_organisations() -> None:
    assert entities("The Bank of Ghana raised rates.") == [("Bank of Ghana", "ORG")]
    assert ("Gaza Strip", "GPE") in entities("The Gaza Strip and the West Bank were closed.")


def test_a_person_the_text_calls_he_stays_a_person_and_a_plain_dateline_is_unchanged() -> None:
    assert entities("Vladimir Putin said he would respond.") == [("Vladimir Putin", "PERSON")]
    assert entities("Troops entered Sudan and Chad.") == [("Sudan", "GPE"), ("Chad", "GPE")]
    assert entities("The Government of Kenya said it would send aid to Turkana.") == [("Kenya", "GPE"), ("Turkana", "GPE")]
