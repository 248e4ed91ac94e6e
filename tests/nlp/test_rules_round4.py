"""The fourth round of rules for issue 16 (forms of news): sentences written for these tests (not taken from any
gold article), through the real model, as an annotator sees the suggestions.

Each test names a class of news phrasing: aid given or offered, protest in its many forms (blocked roads, work
stopped, camps, marchers, strikes), support, meetings with envoys, requests made politely or as expectations,
conditional threats, rejections, joint work, first reports in "after" phrases, facts in relative clauses."""

from __future__ import annotations

from .enginehelp import events


def types(text: str) -> set[str]:
    return {t for t, _trigger in events(text)}


def test_aid_sent_handed_out_approved_or_financed_is_aid() -> None:
    assert "AID" in types("The provincial government dispatched 25 trucks of relief goods to the district on Sunday.")
    assert "AID" in types("Rescue workers handed out tents and drinking water to the displaced families.")
    assert "AID" in types("The Asian Development Bank approved a $300 million loan tranche for the province.")
    assert "AID" in types("A medical team of the Red Crescent has been sent to the flooded villages.")
    assert "AID" in types("Japan, which is financing the new bridge, asked for faster clearances.")


def test_aid_offered_is_aid_but_funding_terrorism_is_not() -> None:
    assert "AID" in types("Japan has offered to finance the rebuilding of the damaged bridge.")
    assert "AID" not in types("The minister said the group had funded militants in the tribal districts.")


def test_protest_by_blocking_roads_stopping_work_or_camping_is_protest() -> None:
    assert "PROTEST" in types("Angry teachers blocked the main highway in Quetta for six hours.")
    assert "PROTEST" in types("Shopkeepers stopped work across the city on Tuesday.")
    assert "PROTEST" in types("Hundreds of nurses camped outside the health ministry overnight.")


def test_a_labour_strike_that_was_staged_is_protest_not_an_attack() -> None:
    found = types("Transporters had staged a three-day strike that shut the wholesale markets.")
    assert "PROTEST" in found
    assert "ASSAULT" not in found


def test_a_radio_or_television_host_is_no_meeting() -> None:
    assert "CONSULT" not in types("A former senator who now hosts a weekly radio programme said the deal was weak.")


def test_receiving_an_envoy_and_delivering_a_message_is_consultation() -> None:
    assert "CONSULT" in types("The prime minister received the Chinese ambassador at his office on Monday.")
    assert "CONSULT" in types("The message was delivered in person by the Saudi envoy, officials said.")


def test_standing_with_a_party_and_valuing_its_help_is_support_but_valuing_trade_is_not() -> None:
    assert "SUPPORT" in types("Turkey stood with Pakistan in this difficult time, the minister said.")
    assert "SUPPORT" in types("He said Kabul valued Islamabad's generous help after the floods.")
    assert "SUPPORT" not in types("He said Kabul valued its trade relations with the region.")


def test_requests_made_politely_or_as_an_expectation_are_requests() -> None:
    assert "REQUEST" in types("We would urge Kabul to hand over the suspects without delay.")
    assert "REQUEST" in types("The minister reiterated Iran's expectation that the border posts would be reopened.")


def test_a_measure_promised_to_return_on_a_condition_is_a_threat() -> None:
    assert "THREATEN" in types("Officials said the sanctions could return if the talks fail.")


def test_an_overruled_objection_is_a_rejection() -> None:
    assert "REJECT" in types("The committee overruled the objections of the opposition members.")


def test_joint_patrols_and_surveys_are_cooperation() -> None:
    assert "COOPERATE" in types("The two navies began joint patrols in the Arabian Sea last month.")


def test_an_event_first_reported_in_an_after_phrase_is_coded() -> None:
    assert "ASSAULT" in types("The two sides resumed talks on Friday after weeks of border clashes.")


def test_a_past_attempt_is_reported_as_made() -> None:
    assert "PROTEST" in types("Police stopped hundreds of farmers who tried to march on the assembly.")


def test_an_accusation_in_a_relative_clause_is_an_accusation_whatever_the_main_clause_asks() -> None:
    assert "ACCUSE" in types("He said Delhi expected Dhaka to act against the groups it blames for the bombings.")
