"""The sixth round of quote and speaker rules for issue 16: sentences written for these tests (not taken from any
gold article; places and names from Mongolia, Paraguay, Bolivia, Kazakhstan, Kyrgyzstan, Namibia, Nepal and Fiji),
through the real model, as an annotator sees the suggested quotes: the content span and the speaker.

Each test names a class of news phrasing: an interviewee the introduction presents, a ministry speaking through a
named spokesperson, a quoted judgement framed by "as", a body's official name, one person placed in a city, "the
official" after two officials, a named source with an apposition naming another person, "said A and that B", and
a ruling body's organ."""

from __future__ import annotations

from .enginehelp import run


def quotes(text: str) -> list[tuple[str, str | None]]:
    """(content, speaker) of each suggested quote, in text order."""
    return [(text[q.start:q.end], q.speaker) for q in run(text).suggestions.quotes]


def speakers(text: str) -> list[str | None]:
    return [s for _c, s in quotes(text)]


# -- interviews -------------------------------------------------------------------------------------------------
_INTRO = ("Why Asunción is betting on river ports\n\nPresident Santiago Peña opened a new terminal on Friday. "
          "Marta Giménez Ocampo, a retired judge of the supreme court who now advises shippers, spoke to us in "
          "Asunción.\n\nQ: What went wrong this winter?\n\nA: The river fell to its lowest level in fifty years. The "
          "barges could not move.\n\nQ: And the government?\n\nA: The government says it will dredge the channel. "
          "They said the same thing in 2021.")


def test_the_answers_are_the_person_the_introduction_presents_as_speaking_to_us() -> None:
    # not the president named first; a "They said" inside her answer stays her turn
    assert quotes(_INTRO) == [
        ("The river fell to its lowest level in fifty years. The barges could not move.", "Marta Giménez Ocampo"),
        ("The government says it will dredge the channel. They said the same thing in 2021.", "Marta Giménez Ocampo")]


def test_a_title_naming_the_interviewee_keeps_every_answer_hers() -> None:
    """Precision guard: the title's "Name: ‘…’" and a "China said" inside an answer do not move the turn."""
    text = ("Tserendorj Oyunaa: ‘Ulaanbaatar cannot wait for Moscow or Beijing’\n\nPresident Ukhnaagiin Khurelsukh flew "
            "to Beijing on Monday to sign a rail deal. Tserendorj Oyunaa, a former trade negotiator who now teaches at "
            "the National University, spoke to us in Ulaanbaatar.\n\nQ: Why did exports fall?\n\nA: The border "
            "crossings were closed for two weeks.\n\nQ: Will they recover?\n\nA: They will. China said it needs our "
            "coal, and Khurelsukh said the line will be finished this year.")
    assert set(speakers(text)) == {"Tserendorj Oyunaa"}


# -- a ministry speaking through a named spokesperson -----------------------------------------------------------
_RELEASE = ("PRESS RELEASE\n\nMinistry of Foreign Affairs of the Plurinational State of Bolivia\nLa Paz, 3 May 2027\n\n"
            "Speaking after the meeting, the Spokesperson of the Ministry, Ambassador Rodrigo Quispe Mamani, stated that "
            "the talks had been constructive. He added that Bolivia had no claim on Paraguayan land.\n\nThe Spokesperson "
            "underlined that Bolivia would not accept “any attempt by outside powers to derail the process” and called "
            "on both parliaments to ratify the treaty.")


def test_the_spokesperson_named_in_apposition_speaks_and_is_referred_back_to() -> None:
    assert speakers(_RELEASE) == ["Rodrigo Quispe Mamani"] * 4


def test_a_reported_clause_holding_a_quoted_passage_is_one_mixed_quote() -> None:
    contents = [c for c, _s in quotes(_RELEASE)]
    assert contents[2].startswith("Bolivia would not accept “any attempt by outside powers to derail the process")
    assert contents[3] == "both parliaments to ratify the treaty"


# -- a quoted judgement framed by "as" --------------------------------------------------------------------------
def test_a_body_welcoming_something_as_a_quoted_phrase_said_it_by_its_official_name() -> None:
    assert quotes("In a separate statement, the Federal Government of Nepal welcomed the agreement as “a victory for "
                  "dialogue and for Himalayan trade”.") == [
        ("a victory for dialogue and for Himalayan trade", "Federal Government of Nepal")]


def test_dismissed_as_a_quoted_word_is_the_subject_s_quote() -> None:
    assert quotes('Windhoek: Namibia dismissed as "baseless" a Gabonese claim that it had sheltered the plotters.') == [
        ("baseless", "Namibia")]


# -- nearest-name errors ----------------------------------------------------------------------------------------
def test_one_person_placed_in_a_capital_is_the_person_not_the_capital() -> None:
    assert [s.lower() for s in speakers('"Everyone is waiting to see who blinks first," said a European diplomat in '
                                        'Ulaanbaatar.') if s] == ["european diplomat"]


def test_the_official_is_the_official_last_described() -> None:
    text = ('A Western official said the pipeline would reopen in June. Kyrgyzstan pledged a further $20m to the '
            'project, a Kazakh official said. "Without the loan there is no pipeline," said the official.')
    assert [s.lower() for s in speakers(text) if s] == ["western official", "kazakh official", "kazakh official"]


def test_a_named_source_keeps_the_quote_when_his_apposition_names_his_boss() -> None:
    assert speakers('"We have opened the border from our side," said Aibek Dzhaparov, an adviser to the Kyrgyz '
                    'president, Sadyr Zhaparov.') == ["Aibek Dzhaparov"]


def test_a_coordinated_cue_without_and_stays_two_people() -> None:
    """Precision guard: "The minister and X said" is not an apposition naming the minister."""
    assert speakers("The minister and Aibek Dzhaparov said the border would reopen on Monday.") != ["Aibek Dzhaparov"]


# -- reported clauses -------------------------------------------------------------------------------------------
def test_said_a_and_that_b_keeps_both_clauses() -> None:
    assert quotes("Astana says the lake belongs to Kazakhstan and that Bishkek promised to remove its buoys.") == [
        ("the lake belongs to Kazakhstan and that Bishkek promised to remove its buoys", "Kazakhstan")]


# -- canonical forms ----------------------------------------------------------------------------------------------
def test_a_ruling_body_s_organ_drops_the_possessive() -> None:
    assert speakers("Suva: The army and the unions agreed to a ten-day truce, the junta's information office said.") == [
        "junta information office"]


def test_a_repeated_accusation_that_is_the_accusation_without_the_other_side_s_denial() -> None:
    text = ("Bolivia's foreign ministry welcomed the reopening but repeated its accusation that Paraguay lets smugglers "
            "cross at Pedro Juan Caballero, which Asunción has always denied.")
    assert quotes(text) == [("Paraguay lets smugglers cross at Pedro Juan Caballero", "Bolivian foreign ministry")]
