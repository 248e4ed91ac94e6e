"""The sixth round of event rules for issue 16: sentences written for these tests (actors and places from Central
Asia, Mongolia, Laos, Malawi and Zambia, which no gold set covers), through the real model, as an annotator sees the
suggestions: the event type and its trigger word.

Each case stands for a class of phrasing found missing on held-out 6, not for one of its phrases: force readied
against "any" hostile act, refusals announced by a party, a deed named a crime against someone, deliveries and
releases announced with "will", gifts and arms handed to a party, sanctions lists, work done jointly, jets scrambled
and armour rolling in. The negative cases guard precision: negated or conditional forms, readiness for something
that is no hostile act, a subject that denies the deed ("nobody", "no country"), civilian vehicles rolling, talks
frozen rather than held, aircraft sent around an island (a deployment, not aid)."""

from __future__ import annotations

import pytest

from .enginehelp import events

#: (type, trigger, sentence): the suggestion a user must see
SUGGESTED = [
    ("THREATEN", "respond", "The Kyrgyz defence ministry said it would respond firmly to any violation of the border."),
    ("THREATEN", "act", "Tajikistan will act against any threat to its airspace."),
    ("THREATEN", "ready", "The Mongolian army says its units remain ready for any aggression."),
    ("REJECT", "accept", "Turkmenistan would not accept any attempt by outsiders to redraw the border."),
    ("ACCUSE", "crime", "\"Every granary they burn is a crime against the hungry,\" the Zambian minister said."),
    ("ACCUSE", "violation", "\"The shelling of the market is a violation of the truce,\" the Lao minister said."),
    ("ACCUSE", "accusation", "Bishkek dismissed as \"baseless\" a Tajik accusation that it was arming smugglers."),
    ("AID", "maize", "The ministry announced that Zambia will dispatch 500 tonnes of maize to Malawi."),
    ("AID", "wheat", "A ship chartered by the World Food Programme sailed from Karachi with 25,000 tonnes of wheat."),
    ("AID", "gift", "Japan announced a gift of five patrol vessels to the Lao river police."),
    ("AID", "sending", "Kazakhstan is sending 40 armoured vehicles to Kyrgyzstan."),
    ("RETREAT", "reopen", "Kazakhstan will reopen the Khorgos crossing to Chinese traders next week."),
    ("RETREAT", "release", "The rebels will release 30 prisoners on Friday, the mediators said."),
    ("REQUEST", "request", "The decision was taken at the request of the Malawian government."),
    ("SANCTION", "added", "The European Union added 12 tankers linked to Mongolia to its sanctions list."),
    ("SANCTION", "placed", "Washington placed three Kyrgyz banks on its sanctions blacklist."),
    ("COOPERATE", "patrol", "Lao police, who now patrol jointly with Thai officers, arrested the smugglers."),
    ("MOBILIZE", "rolled", "Kazakh tanks rolled into the border town on Monday."),
    ("MOBILIZE", "cordoned", "Mongolian troops have cordoned off the area."),
    ("RETREAT", "opened", "\"We have opened the roads from our side,\" the Kyrgyz commander said."),
    ("RETREAT", "opened", "Kazakhstan opened its border to the refugees on Monday."),
]

#: (type, sentence): no suggestion of that type
NOT_SUGGESTED = [
    ("THREATEN", "The Kyrgyz spokesman said he would respond to any questions at a press conference."),
    ("THREATEN", "Doctors in Lusaka are ready for any emergency."),
    ("THREATEN", "Tajikistan is not ready for any attack."),
    ("REJECT", "The Turkmen bank would not accept cash payments."),
    ("ACCUSE", "Theft is a crime."),
    ("REQUEST", "Nobody asked them to disarm."),
    ("MOBILIZE", "No country sent troops to the Lao border."),
    ("AID", "Zambia will send 40 tonnes of flour to Malawi if the road is open."),
    ("RETREAT", "The rebels will not release the prisoners."),
    ("RETREAT", "Laos will reopen the border if Thailand withdraws its troops."),
    ("CONSULT", "The government froze the talks with the rebels in Bishkek."),
    ("MOBILIZE", "At the crossing, traders cheered as the first lorries rolled through."),
    ("AID", "China sent 45 aircraft and nine warships around the island for a second day of drills."),
    ("SANCTION", "The Mongolian ministry added two new items to its shopping list."),
    ("COOPERATE", "The two armies did not patrol jointly last year."),
    ("AID", "Kazakhstan sent 40 tanks into the border town."),
    ("RETREAT", "The moment we see action against the smugglers, the gates will open."),
    ("RETREAT", "The Mongolian president opened a new road in the capital."),
    ("RETREAT", "Zambia did not open the crossing."),
]


@pytest.mark.parametrize(("typ", "trigger", "text"), SUGGESTED, ids=[f"{t}-{s[:40]}" for t, _g, s in SUGGESTED])
def test_the_event_class_is_suggested_with_its_trigger(typ: str, trigger: str, text: str) -> None:
    assert (typ, trigger) in events(text)


@pytest.mark.parametrize(("typ", "text"), NOT_SUGGESTED, ids=[f"{t}-{s[:40]}" for t, s in NOT_SUGGESTED])
def test_negated_conditional_or_harmless_phrasing_is_not_suggested(typ: str, text: str) -> None:
    assert typ not in {t for t, _trigger in events(text)}


def test_a_ferry_square_full_of_banners_stays_without_a_rule_event() -> None:
    """tests/services/test_training.py relies on this sentence giving no rule event."""
    assert events("Banners and songs filled the square outside the ferry in Bergen.") == []
