"""The fifth round of event rules for issue 16: sentences written for these tests (actors and places from regions
that no gold set covers: East Africa, South-East Asia, Central Asia, Moldova), through the real model, as an annotator
sees the suggestions: the event type and its trigger word.

Each case stands for a class of news phrasing, not a phrase of a gold article: relief and money given, concessions
("gave in", "backed down", a bill withdrawn), pull-backs and releases, warnings to a party, force or penalties
promised, deployments (announced ones too), refusals and charges called false, protests of every form, joint work,
titles the tagger misreads. The negative cases are the precision guards: negated, hypothetical or conditional
events, advice rather than threats, a past detention in the background, a trigger word that opens a place name."""

from __future__ import annotations

import pytest

from .enginehelp import events

#: (type, trigger, sentence): the suggestion a user must see
SUGGESTED = [
    ("AID", "tonnes", "Japan delivered 30 tonnes of rice to flood-hit districts of Mozambique on Tuesday."),
    ("AID", "allocated", "The World Bank allocated $40 million for the repair of roads damaged by the cyclone in Mozambique."),
    ("AID", "blankets", "Kenya sent two cargo planes loaded with blankets and medicines to Somalia."),
    ("AID", "pledged", "The Danish government has pledged 15 million euros to rebuild schools in northern Ethiopia."),
    ("AID", "hospital", "Indonesia dispatched a field hospital and 40 doctors to the quake zone."),
    ("AID", "teams", "Turkish rescue teams arrived in the quake zone on Wednesday."),
    ("AID", "food", "A convoy of 25 trucks carrying food and medicine reached the besieged town."),
    ("AID", "water", "Kenyan soldiers delivered water to villages cut off by the floods."),
    ("AID", "kitchens", "The Indonesian Red Cross set up field kitchens for 2,000 evacuees."),
    ("CONCEDE", "abandoned", "Dushanbe abandoned its demand for a new border survey."),
    ("CONCEDE", "Backs", "Hanoi Backs Down in Fishing Row With Manila"),
    ("CONCEDE", "backtracked", "Nairobi backtracked on its plan to close the refugee camp."),
    ("CONCEDE", "withdrew", "Facing mass protests, the Kenyan government withdrew the tax bill."),
    ("CONCEDE", "climbdown", "In a rare climbdown, Hanoi agreed to pay compensation to the fishermen."),
    ("CONCEDE", "yielded", "The Somali parliament yielded to pressure from the clans and postponed the vote."),
    ("RETREAT", "reopened", "Thailand reopened the Aranyaprathet checkpoint to Cambodian traders on Monday."),
    ("RETREAT", "released", "The rebels released three aid workers they had abducted in March."),
    ("RETREAT", "set", "The militia set free 20 hostages in the town of Beni."),
    ("RETREAT", "released", "Thai police released the Cambodian activist after two days."),
    ("RETREAT", "frees", "Live: Cambodia frees detained Thai soldiers"),
    ("RETREAT", "handed", "Indonesia handed the captured fishing crew back to Vietnam."),
    ("THREATEN", "warned", "The Sudanese army warned the rebels to leave Omdurman within 48 hours."),
    ("THREATEN", "sunk", "\"Any ship that enters these waters will be sunk,\" the spokesman said."),
    ("THREATEN", "cut", "Bishkek said it would cut off gas supplies unless Dushanbe withdrew its troops."),
    ("THREATEN", "pay", "\"Those who attack our soldiers will pay a heavy price,\" the Eritrean minister said."),
    ("THREATEN", "hesitate", "The Ethiopian army said it would not hesitate to use force if the rebels advanced."),
    ("THREATEN", "met", "Eritrea said any attack on its territory would be met with a crushing response."),
    ("MOBILIZE", "sent", "The Philippines sent two coast guard ships to the shoal."),
    ("MOBILIZE", "massed", "Sudan massed troops near the town of El Fasher."),
    ("MOBILIZE", "deploy", "Indonesia will deploy 1,000 police officers to Papua, the ministry announced."),
    ("MOBILIZE", "dispatched", "Vietnam dispatched a naval flotilla to the disputed islands."),
    ("MOBILIZE", "stationed", "Cambodia has stationed rocket launchers near the disputed temple."),
    ("MOBILIZE", "dispatched", "The Philippine navy dispatched two frigates to patrol the shoal."),
    ("MOBILIZE", "massed", "Tens of thousands of Ethiopian troops have been massed on the border."),
    ("MOBILIZE", "raised", "Moldova raised the alert level of its armed forces."),
    ("REJECT", "voted", "The Moldovan parliament voted against the Russian-backed bill."),
    ("REJECT", "called", "Dushanbe called the accusations \"groundless\"."),
    ("PROTEST", "strike", "Garment workers strike in Phnom Penh over wages"),
    ("PROTEST", "walked", "Teachers in Nairobi walked out of their classrooms over unpaid salaries."),
    ("PROTEST", "strike", "A general strike paralysed Mogadishu on Monday."),
    ("COOPERATE", "sharing", "Intelligence sharing between Nairobi and Mogadishu has improved, officials said."),
    ("COOPERATE", "operations", "Thai and Cambodian police conducted joint operations against the smuggling gangs."),
    ("COOPERATE", "exchanged", "The two countries exchanged intelligence on the suspects."),
    ("COOPERATE", "operations", "Kenyan and Ugandan forces carried out joint operations against the rebels."),
    ("CONSULT", "returned", "Sudan returned to the negotiating table in Jeddah."),
    ("ACCUSE", "described", "Manila described the manoeuvre as \"dangerous and illegal\"."),
    ("ACCUSE", "called", "Cambodia called the Thai strike \"an act of aggression\"."),
    ("SANCTION", "banned", "Kenya banned flights from Somalia."),
    ("THREATEN", "regret", "A: If they try it again, they will regret it."),
    ("PROTEST", "gather", "11:05 Crowds gather outside the Kenyan parliament as MPs debate the finance bill"),
    ("COERCE", "fire", "11:40 Police fire tear gas at protesters near parliament"),
    ("CONCEDE", "withdraws", "12:50 Government withdraws finance bill"),
    ("THREATEN", "warned", "Asmara: Eritrea warned Ethiopia not to \"test our patience\"."),
    ("RETREAT", "release", "The release of 40 Cambodian prisoners was announced by Bangkok on Friday."),
    ("AID", "airdrops", "The World Food Programme began airdrops of food to besieged towns in South Sudan."),
    ("MOBILIZE", "beefed", "Uganda beefed up security along its border with South Sudan."),
    ("REJECT", "threw", "The Somali cabinet threw out the Kenyan proposal."),
    ("PROTEST", "Striking", "Striking miners clashed with police in Maputo."),
    ("REQUEST", "sought", "In a letter to the UN, Ethiopia sought the deployment of observers."),
    ("SANCTION", "closed", "Kyrgyzstan closed all checkpoints on the Tajik border."),
    ("AID", "deposited", "Saudi Arabia deposited $2 billion in Sudan's central bank to shore up the currency."),
    ("THREATEN", "arrested", "The junta said protesters who blocked roads would be arrested."),
    ("REJECT", "called", "Cambodia called the Thai claims \"baseless and absurd\"."),
    ("COOPERATE", "raid", "Police from the two countries carried out a joint raid on the smugglers' base."),
    ("REQUEST", "pleaded", "Somalia's president pleaded with the UN to extend its mission."),
]

#: (type, sentence): no suggestion of that type
NOT_SUGGESTED = [
    ("AID", "Aid Street in Mombasa was closed for repairs."),
    ("AID", "The agency said it was unable to deliver food to the besieged town."),
    ("AID", "Uganda said it would send aid to the region if the fighting stopped."),
    ("AID", "Kenya did not deliver the promised food aid to the camps."),
    ("AID", "Investors allocated $2 billion to Asian equities last quarter."),
    ("CONCEDE", "Addis Ababa refused to back down over the dam."),
    ("CONCEDE", "The minister gave a speech in Nairobi on Tuesday."),
    ("RETREAT", "The ministry released a statement on the border talks."),
    ("RETREAT", "Kenya said it may lift the curfew next week."),
    ("THREATEN", "The weather service warned residents to stay indoors during the storm."),
    ("THREATEN", "The minister warned that inflation could rise."),
    ("THREATEN", "\"We will win the election,\" the opposition leader said."),
    ("MOBILIZE", "The company deployed new software across its offices."),
    ("MOBILIZE", "Thailand could deploy more troops if the clashes continue."),
    ("MOBILIZE", "The company sent ships through the strait despite the attacks."),
    ("MOBILIZE", "The ministry sent a delegation to Addis Ababa."),
    ("REJECT", "The court dismissed two judges for misconduct."),
    ("PROTEST", "The army marched into the town of Beni."),
    ("PROTEST", "The protest planned for Friday was called off."),
    ("PROTEST", "Police blocked the road to the airport after the explosion."),
    ("CONSULT", "Somalia hopes to host talks with Kenya next month."),
    ("CONSULT", "Talks Junction is a busy intersection in Nairobi."),
    ("ACCUSE", "Officials called the meeting productive."),
    ("COERCE", "Five men who were detained in 2019 later joined the protest movement."),
    ("COERCE", "The journalist, who was arrested in 2015, now lives in exile."),
    ("ASSAULT", "Hanoi would respond firmly if attacked."),
    ("THREATEN", "Kenya has warned its citizens against travel to eastern Congo."),
    ("PROTEST", "The marching band led the independence day parade in Nairobi."),
    ("AID", "The finance ministry allocated more money to the defence budget."),
    ("PROTEST", "Officials gathered outside the ministry after the fire alarm."),
    ("AID", "Two businessmen gave $5 million to the senator's re-election campaign."),
    ("AID", "A group of nurses sent a petition to the health minister in Kampala."),
    ("THREATEN", "Despite repeated warnings from his lawyer, the activist flew back to Bishkek."),
    ("THREATEN", "The embassy warned officials in Dushanbe to tighten security at the airport."),
    ("ASSAULT", "The Kenyan runner weighs 52 kilograms and trains in Iten."),
    ("RETREAT", "The ministry announced the release of its annual report on Friday."),
    ("MOBILIZE", "The ministry sent condolences to the families of the victims."),
    ("MOBILIZE", "The party deployed its best campaigners in the capital."),
    ("REQUEST", "The former governor pleaded guilty to corruption charges in Nairobi."),
    ("THREATEN", "The minister said militants would attack the base."),
]


@pytest.mark.parametrize(("typ", "trigger", "text"), SUGGESTED, ids=[f"{t}-{s[:40]}" for t, _, s in SUGGESTED])
def test_the_event_class_is_suggested_with_its_trigger(typ: str, trigger: str, text: str) -> None:
    found = events(text)
    assert (typ, trigger) in found, found


@pytest.mark.parametrize(("typ", "text"), NOT_SUGGESTED, ids=[f"{t}-{s[:40]}" for t, s in NOT_SUGGESTED])
def test_negated_hypothetical_background_or_place_name_is_not_suggested(typ: str, text: str) -> None:
    found = events(text)
    assert typ not in {t for t, _ in found}, found


def test_a_labour_strike_is_a_protest_and_no_attack() -> None:
    found = {t for t, _ in events("Garment workers strike in Phnom Penh over wages")}
    assert "PROTEST" in found
    assert "ASSAULT" not in found


def test_a_title_verb_read_as_a_plural_keeps_its_participle_as_description() -> None:
    found = events("Live: Cambodia frees detained Thai soldiers")
    assert ("RETREAT", "frees") in found
    assert "COERCE" not in {t for t, _ in found}


def test_a_request_for_talks_is_a_request_and_an_accepted_request_an_agreement() -> None:
    found = {t for t, _ in events("Ethiopia agreed to Sudan's request for a joint border commission.")}
    assert "AGREE" in found
    assert "REQUEST" not in found
