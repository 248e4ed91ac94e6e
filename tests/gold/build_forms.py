"""Write tests/gold/forms_tune.jsonl and forms_heldout.jsonl: hand gold for tests/gold/forms/*.txt.

Twelve short articles written for NewsGold (invented, not copied from anywhere), two per form of
news: wire copy with datelines, a live page, a Q&A interview, an analysis with hedged and collective
sources, a press release and a brief.  ``*_tune`` articles are tuned on; ``*_heldout`` are not (their
gold was written before any engine output on them was looked at).  The judgments follow
../shared/spec/annotation-guidelines.md; this script only turns substrings into offsets (see
build_demo.py, whose helpers it uses).  A quote content "anchor@@content" is the first occurrence of
content after anchor.  Run: .venv/bin/python tests/gold/build_forms.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_demo import add_entities, add_events, find_after, nearest, speaker_entity

from desktop_app.core.model import Article, Quote, Span
from desktop_app.io.importers import read_text_file
from desktop_app.io.jsonl import write_jsonl

HERE = Path(__file__).resolve().parent
FORMS = HERE / "forms"

COMMON = {
    "Pakistan": "GPE", "Afghanistan": "GPE", "Kabul": "GPE", "Islamabad": "GPE", "Pakistani": "NORP",
    "Afghan": "NORP", "Afghan Taliban": "ORG", "Taliban": "ORG", "Quetta": "GPE", "Peshawar": "GPE",
    "Doha": "GPE", "Karachi": "GPE", "Torkham": "FAC", "TTP": "ORG", "Iran": "GPE", "Central Asia": "LOC",
    "Tehreek-e-Taliban Pakistan": "ORG", "Rawalpindi": "GPE",
}

ARTICLES: dict[str, dict] = {
    # ------------------------------------------------------------------ wire
    "wire_tune.txt": {
        "entities": {
            "ISLAMABAD": "GPE", "KABUL": "GPE", "PNS": "ORG", "Jawad Paracha": "PERSON", "Paracha": "PERSON",
            "Nooruddin Azizi": "PERSON", "Azizi": "PERSON", "Jalalabad": "GPE", "Haji Gul Rahman": "PERSON",
            "Zabihullah Mujahid": "PERSON", "X": "ORG", "Sana Mir": "PERSON", "Wali Ahmad": "PERSON",
            "Tom Hale": "PERSON",
        },
        "quotes": [
            ("Pakistan and Afghanistan agreed on Sunday to reopen the Torkham border crossing for trade from Monday",
             "indirect", "said", "officials on both sides", "officials on both sides"),
            ("The decision followed two days of talks in Kabul between a Pakistani delegation led by commerce "
             "secretary Jawad Paracha and the Afghan acting commerce minister, Nooruddin Azizi", "indirect", "said",
             "Pakistani foreign ministry", "the Pakistani foreign ministry"),
            ("Trade will resume under the old arrangements while both sides work on a new transit protocol,",
             "direct", "told", "Jawad Paracha", "Paracha"),
            ("the Afghan side had asked Islamabad to waive visa fees for truck drivers", "indirect", "said",
             "Nooruddin Azizi", "Azizi"),
            ("Pakistan suspended the fee for six months", "indirect", "said", "Pakistani official",
             "a Pakistani official"),
            ("We lost a month of business and half our fruit,", "direct", "said", "Haji Gul Rahman",
             "Haji Gul Rahman"),
            ('the agreement showed "what dialogue can achieve"', "mixed", "said", "Zabihullah Mujahid",
             "Zabihullah Mujahid"),
        ],
        "events": [
            ("Pakistan and Afghanistan agree", "Torkham crossing", "AGREE", "agree", "Pakistan", "Afghanistan"),
            ("ISLAMABAD, Oct 13", "both sides said.", "AGREE", "agreed", "Pakistan", "Afghanistan"),
            ("The decision followed", "in a statement.", "CONSULT", "talks", "Jawad Paracha", "Nooruddin Azizi"),
            ("Azizi said", "truck drivers.", "REQUEST", "asked", "Nooruddin Azizi", "Pakistan"),
            ("Pakistan suspended", "anonymity.", "RETREAT", "suspended", "Pakistan", "Afghanistan"),
            ("KABUL, Oct 13", "the reopening.", "SUPPORT", "welcomed", "traders", "Pakistan"),
        ],
    },
    "wire_heldout.txt": {
        "entities": {
            "PESHAWAR": "GPE", "DOHA": "GPE", "PNS": "ORG", "Khyber": "GPE", "Asad Khan": "PERSON", "Khan": "PERSON",
            "Ministry of Refugees and Repatriation": "ORG", "Qatari": "NORP", "Khawaja Asif": "PERSON",
            "Sana Mir": "PERSON", "Tom Hale": "PERSON",
        },
        "quotes": [
            ("Pakistan freed 40 Afghan detainees at the Torkham crossing on Saturday, a week after talks between the "
             "two governments in Doha", "indirect", "said", "local officials", "local officials"),
            ("The men had crossed the border without documents", "indirect", "told", "Asad Khan", "Asad Khan"),
            ("They were released on humanitarian grounds and more will follow once their papers are checked,",
             "direct", "said", "Asad Khan", "Khan"),
            ("Islamabad to stop deporting families during the winter", "indirect", "urged",
             "Ministry of Refugees and Repatriation", "Ministry of Refugees and Repatriation"),
            ("both delegations had agreed to meet again in December", "indirect", "said", "Qatari mediators",
             "Qatari mediators"),
            ("the next round would focus on border security", "indirect", "said", "Qatari foreign ministry official",
             "A Qatari foreign ministry official"),
            ("Pakistan would strike militant hideouts inside Afghanistan if attacks continued", "indirect", "warned",
             "Khawaja Asif", "Khawaja Asif"),
        ],
        "events": [
            ("Pakistan frees", "Doha meeting", "RETREAT", "frees", "Pakistan", "Afghanistan"),
            ("PESHAWAR, Nov 2", "officials said.", "RETREAT", "freed", "Pakistan", "Afghanistan"),
            ("Afghanistan's Ministry", "the winter.", "SUPPORT", "thanked", "Ministry of Refugees and Repatriation",
             "Pakistan"),
            ("Afghanistan's Ministry", "the winter.", "REQUEST", "urged", "Ministry of Refugees and Repatriation",
             "Pakistan"),
            ("DOHA, Nov 2", "in December.", "AGREE", "agreed", "Pakistan", "Afghanistan"),
            ("Pakistani Defence Minister", "attacks continued.", "THREATEN", "warned", "Khawaja Asif", "Afghanistan"),
        ],
    },
    # ------------------------------------------------------------------ live page
    "live_tune.txt": {
        "entities": {
            "Chaman": "FAC", "Abdul Qayyum": "PERSON", "Balochistan": "GPE", "Ziaullah Langove": "PERSON",
            "Nasir Baloch": "PERSON", "Frontier Corps": "ORG",
        },
        "quotes": [
            ("We will sit here until the gate opens", "direct", ":", "Abdul Qayyum", "traders' leader"),
            ("the sit-in would continue", "indirect", "told our reporter", "Abdul Qayyum", "Abdul Qayyum"),
            ("the sit-in@@We will sit here until the gate opens,", "direct", "said", "Abdul Qayyum", "he"),
            ('the government had "no intention" of using force against the protesters', "mixed", "said",
             "Ziaullah Langove", "Ziaullah Langove"),
            ("he had been waiting for nine days", "indirect", "said", "Nasir Baloch", "Nasir Baloch"),
            ("My cargo of onions is rotting. Bas, khatam,", "direct", "said", "Nasir Baloch", "he"),
            ("Pakistan to allow stranded Afghan families to cross on foot", "indirect", "called on",
             "Afghan consulate", "The Afghan consulate"),
            ("Frontier Corps troops were deployed along the road to the gate", "indirect", "said",
             "security official", "a security official"),
        ],
        "events": [
            ("Chaman border closure", "live updates", "SANCTION", "closure", "Pakistan", "Afghanistan"),
            ("Hundreds of traders", "the closure.", "PROTEST", "marched", "traders", "Pakistan"),
            ("The Afghan consulate", "on foot.", "REQUEST", "called on", "Afghan consulate", "Pakistan"),
            ("Frontier Corps troops", "official said.", "MOBILIZE", "deployed", "Frontier Corps", None),
        ],
    },
    "live_heldout.txt": {
        "entities": {
            "Mohammad Sadiq": "PERSON", "Sher Mohammad Abbas Stanikzai": "PERSON", "Kabul University": "ORG",
            "China": "GPE", "Yue Xiaoyong": "PERSON", "Beijing": "GPE",
        },
        "quotes": [
            ("Our patience is not unlimited", "direct", ":", "Mohammad Sadiq", "Pakistani envoy"),
            ('Islamabad expected "concrete steps" against the Tehreek-e-Taliban Pakistan', "mixed", "told reporters",
             "Mohammad Sadiq", "Mohammad Sadiq"),
            ("concrete steps@@Our patience is not unlimited,", "direct", "said", "Mohammad Sadiq", "he"),
            ("Kabul would not allow any group to use its soil against a neighbour", "indirect", "said",
             "Sher Mohammad Abbas Stanikzai", "Sher Mohammad Abbas Stanikzai"),
            ("Beijing was ready to provide aid to communities along the border", "indirect", "said", "Yue Xiaoyong",
             "Yue Xiaoyong"),
            ("We support every step that lowers tension,", "direct", "told reporters", "Yue Xiaoyong", "he"),
            ("Both sides agreed to set up a joint committee on border security", "indirect", "according to",
             "Afghan foreign ministry spokesman", "the Afghan foreign ministry's spokesman"),
        ],
        "events": [
            ("Delegations from Pakistan", "cross-border attacks.", "CONSULT", "talks", "Pakistan", "Afghanistan"),
            ("Pakistan's special envoy", "Tehreek-e-Taliban Pakistan.", "REQUEST", "expected", "Mohammad Sadiq",
             "Afghan Taliban"),
            ("Students at Kabul", "the strikes'.", "PROTEST", "protest", "Students", None),
            ('"We support every step', "told reporters.", "SUPPORT", "support", "Yue Xiaoyong", None),
            ("Both sides agreed", "spokesman.", "AGREE", "agreed", "Pakistan", "Afghanistan"),
        ],
    },
    # ------------------------------------------------------------------ interview
    "interview_tune.txt": {
        "entities": {
            "Khawaja Asif": "PERSON", "Zabihullah Mujahid": "PERSON", "Turkiye": "GPE", "Qatar": "GPE",
        },
        "quotes": [
            ("We will not be dictated to", "direct", ":", "Khawaja Asif", "Khawaja Asif"),
            ("Pakistan is punishing ordinary traders", "indirect", "says", "Zabihullah Mujahid", "Zabihullah Mujahid"),
            ("Because the attacks did not stop. We gave Kabul every chance. The Taliban promised action in Doha and "
             "nothing happened.", "direct", ":", "Khawaja Asif", "A"),
            ("Nobody wants to punish traders. The moment we see action against the TTP, the gates will open.",
             "direct", ":", "Khawaja Asif", "A"),
            ("We have said it before: if our soldiers are attacked from Afghan soil, we will respond. That is not a "
             "threat, it is our right.", "direct", ":", "Khawaja Asif", "A"),
            ("Honesty. Turkiye and Qatar have helped a great deal, and we are grateful to them.", "direct", ":",
             "Khawaja Asif", "A"),
        ],
        "events": [
            ("Q: Pakistan closed Torkham", "last week.", "SANCTION", "closed", "Pakistan", "Afghanistan"),
            ("A: We have said it before", "we will respond.", "THREATEN", "respond", "Khawaja Asif", "Afghanistan"),
        ],
    },
    "interview_heldout.txt": {
        "entities": {
            "Zubair Motiwala": "PERSON", "Motiwala": "PERSON",
            "Pakistan-Afghanistan Joint Chamber of Commerce": "ORG", "Urdu": "NORP",
        },
        "quotes": [
            ("the border must stay open", "indirect", "says", "Zubair Motiwala", "Karachi trader"),
            ("security comes first", "indirect", "says", "government", "The government"),
            ("Very bad. Exporters in Karachi have lost orders worth millions of dollars, and Afghan buyers have turned "
             "to Iran and Central Asia.", "direct", ":", "Zubair Motiwala", "Motiwala"),
            ("Of course security comes first. But closing the gate punishes the wrong people. I have asked the prime "
             "minister to keep trade out of politics.", "direct", ":", "Zubair Motiwala", "Motiwala"),
            ("Yes. The Afghan commerce ministry accepted our plan for a joint trade committee last month, and we met "
             "their team in Kabul twice. As we say in Urdu, 'sabr ka phal meetha hota hai'.", "direct", ":",
             "Zubair Motiwala", "Motiwala"),
        ],
        "events": [
            ("I have asked the prime", "out of politics.", "REQUEST", "asked", "Zubair Motiwala", None),
            ("The Afghan commerce ministry", "Kabul twice.", "AGREE", "accepted", "Afghan commerce ministry",
             "Zubair Motiwala"),
            ("The Afghan commerce ministry", "Kabul twice.", "CONSULT", "met", "Zubair Motiwala",
             "Afghan commerce ministry"),
        ],
    },
    # ------------------------------------------------------------------ analysis
    "analysis_tune.txt": {
        "entities": {
            "Saima Raza": "PERSON", "GHQ": "ORG", "Western": "NORP", "Ayesha Siddiqa": "PERSON", "London": "GPE",
            "Hamdullah Fitrat": "PERSON",
        },
        "quotes": [
            ("Senior officers at the army's headquarters in Rawalpindi believe that the Afghan leadership could rein "
             "in the Tehreek-e-Taliban Pakistan but has chosen not to", "indirect", "according to",
             "people who attended a briefing", "two people who attended a briefing last week"),
            ("The view in GHQ is that Kabul is playing for time,", "direct", "said", "people who attended a briefing",
             "one of them"),
            ("Nobody there uses the word 'patience' any more.", "direct", None, "people who attended a briefing",
             "one of them"),
            ("the border closures had hurt Afghan traders far more than the militants", "indirect", "said",
             "Western officials", "Western officials"),
            ("the pressure may backfire", "indirect", "say", "analysts", "Analysts"),
            ("cutting trade pushes Kabul closer to Iran and Central Asia", "indirect", "argue", "experts",
             "Some experts"),
            ("You can close a gate, but you cannot close a border of 2,600 kilometres,", "direct", "said",
             "Ayesha Siddiqa", "Ayesha Siddiqa"),
            ("Pakistan was using the TTP as an excuse for its own failures", "indirect", "said", "Hamdullah Fitrat",
             "Hamdullah Fitrat"),
        ],
        "events": [
            ("The Afghan government rejected", "the claims.", "REJECT", "rejected", "Afghan Taliban", "Pakistan"),
            ("Its deputy spokesman", "own failures.", "ACCUSE", "excuse", "Hamdullah Fitrat", "Pakistan"),
        ],
    },
    "analysis_heldout.txt": {
        "entities": {
            "Chaman": "FAC", "Omar Farooq": "PERSON", "Michael Kugelman": "PERSON", "South Asia": "LOC",
            "Washington": "GPE", "Foreign Office": "ORG",
        },
        "quotes": [
            ("it followed weeks of back-channel contacts between Pakistani intelligence officers and the Taliban's "
             "interior ministry", "indirect", "say", "officials familiar with the negotiations",
             "Officials familiar with the negotiations"),
            ("There was a deal, and both sides know what it is,", "direct", "said", "former Pakistani diplomat",
             "a former Pakistani diplomat"),
            ("Nobody will call it a ‘deal’ in public, of course.", "direct", None, "former Pakistani diplomat",
             "a former Pakistani diplomat"),
            ("Kabul had agreed to move TTP fighters away from the border areas", "indirect", "said",
             "members of the Afghan delegation", "Three members of the Afghan delegation"),
            ("the government of rewarding Kabul for empty promises", "indirect", "accused", "lawmakers",
             "some lawmakers"),
            ("This is how it always works,", "direct", "said", "Michael Kugelman", "Michael Kugelman"),
            ("Quiet deals, loud denials.", "direct", None, "Michael Kugelman", "Michael Kugelman"),
            ("any deal had been made", "indirect", "denied", "Foreign Office", "Foreign Office"),
        ],
        "events": [
            ("The reopening of the Chaman", "looked sudden.", "RETREAT", "reopening", "Pakistan", "Afghanistan"),
            ("Officials familiar", "interior ministry.", "CONSULT", "contacts", "Pakistan", "Afghan Taliban"),
            ("Three members", "border areas.", "AGREE", "agreed", "Afghan Taliban", "Pakistan"),
            ("Pakistan lifted", "same week.", "RETREAT", "lifted", "Pakistan", "Afghanistan"),
            ("Traders' groups", "empty promises.", "SUPPORT", "welcomed", "Traders' groups", "Pakistan"),
            ("Traders' groups", "empty promises.", "ACCUSE", "accused", "lawmakers", "Pakistan"),
            ("Pakistan's Foreign Office denied", "been made.", "REJECT", "denied", "Foreign Office", None),
        ],
    },
    # ------------------------------------------------------------------ press release
    "press_tune.txt": {
        "entities": {
            "Foreign Office": "ORG", "Interim Afghan Government": "ORG", "Nooruddin Azizi": "PERSON",
            "Ishaq Dar": "PERSON", "Ministry of Foreign Affairs": "ORG", "Tahira Andleeb": "PERSON",
            "Joint Coordination Committee": "ORG",
        },
        "quotes": [
            ("Pakistan attached great importance to trade and connectivity with its neighbours", "indirect", "stated",
             "Ishaq Dar", "He"),
            ("the visit would open a new chapter in bilateral relations", "indirect", "expressed the hope",
             "Tahira Andleeb", "Tahira Andleeb"),
            ("both sides had agreed to convene the Joint Coordination Committee in Kabul next month", "indirect",
             "stated", "Tahira Andleeb", "The spokesperson"),
            ("the Afghan side must take effective action against terrorist groups operating from its soil", "indirect",
             "emphasised", "Foreign Office", None),
        ],
        "events": [
            ("A delegation of the Interim", "Foreign Office today.", "CONSULT", "called on", "Nooruddin Azizi",
             "Ishaq Dar"),
            ("The Foreign Minister welcomed", "stable Afghanistan.", "SUPPORT", "welcomed", "Ishaq Dar",
             "Interim Afghan Government"),
            ("The spokesperson stated", "next month.", "AGREE", "agreed", "Pakistan", "Interim Afghan Government"),
            ("It was further emphasised", "from its soil.", "REQUEST", "must", "Foreign Office",
             "Interim Afghan Government"),
            ("The Acting Minister thanked", "transit trade.", "SUPPORT", "thanked", "Nooruddin Azizi", "Pakistan"),
        ],
    },
    "press_heldout.txt": {
        "entities": {
            "Inter-Services Public Relations": "ORG", "Khyber": "GPE", "Bara": "GPE", "Fitna al Khawarij": "ORG",
            "ISPR": "ORG", "Ahmed Sharif Chaudhry": "PERSON", "Interim Afghan Government": "ORG",
        },
        "quotes": [
            ("During the operation, own troops effectively engaged the terrorists' location and, after an intense "
             "exchange of fire, eleven khwarij were sent to hell", "indirect", "said",
             "Inter-Services Public Relations", "the statement"),
            ("weapons and explosives were also recovered from the killed terrorists", "indirect", "According to",
             "Inter-Services Public Relations", "ISPR"),
            ("a sanitisation operation was being carried out to eliminate any other khwarij found in the area",
             "indirect", "stated", "Inter-Services Public Relations", None),
            ("Pakistan expects the Interim Afghan Government to fulfil its obligations and deny the use of Afghan "
             "soil by khwarij", "indirect", "stated", "Ahmed Sharif Chaudhry", "Ahmed Sharif Chaudhry"),
        ],
        "events": [
            ("Security forces conducted", "Fitna al Khawarij.", "ASSAULT", "operation", "Pakistani security forces",
             "Fitna al Khawarij"),
            ("During the operation", "the statement said.", "ASSAULT", "engaged", "Pakistani security forces",
             "Fitna al Khawarij"),
            ("The Director General ISPR", "by khwarij.", "REQUEST", "expects", "Ahmed Sharif Chaudhry",
             "Interim Afghan Government"),
            ("The Prime Minister lauded", "successful operation.", "SUPPORT", "lauded", "Prime Minister",
             "Pakistani security forces"),
        ],
    },
    # ------------------------------------------------------------------ brief
    "brief_tune.txt": {
        "entities": {
            "Pashtunabad": "GPE", "Khyber Pakhtunkhwa": "GPE", "Kunar": "GPE", "Meena Khan": "PERSON",
            "National Assembly": "ORG",
        },
        "quotes": [
            ("Police arrested 23 Afghan nationals without valid documents in a raid on a market in Pashtunabad on "
             "Wednesday", "indirect", "said", "police spokesman", "a police spokesman"),
            ("it would send a delegation to Islamabad next week for talks on transit trade", "indirect", "announced",
             "Afghan Taliban", "The Taliban government"),
            ("The Khyber Pakhtunkhwa government has sent 50 truckloads of food and medicine to flood-hit families in "
             "Kunar", "indirect", "said", "Meena Khan", "Meena Khan"),
        ],
        "events": [
            ("Quetta: Police arrested", "spokesman said.", "COERCE", "arrested", "police", "Afghan nationals"),
            ("Peshawar: The Khyber", "Meena Khan said.", "AID", "sent", "Khyber Pakhtunkhwa", "Kunar"),
            ("Islamabad: Opposition", "border markets.", "PROTEST", "walked out", "Opposition lawmakers",
             "National Assembly"),
        ],
    },
    "brief_heldout.txt": {
        "entities": {
            "Chaman": "GPE", "Friendship Gate": "FAC", "Sindh Assembly": "ORG", "World Food Programme": "ORG",
        },
        "quotes": [
            ("Afghan and Pakistani border officials met at the Friendship Gate on Saturday and agreed to let stranded "
             "families cross on foot", "indirect", "said", "customs official", "a customs official"),
            ("it had delivered emergency food aid to 12,000 returnees at the Torkham crossing", "indirect", "said",
             "World Food Programme", "The World Food Programme"),
            ("Afghan nationals without registration cards would be deported after December 31", "indirect", "warned",
             "interior ministry", "The interior ministry"),
        ],
        "events": [
            ("Chaman: Afghan", "official said.", "CONSULT", "met", "Afghan", "Pakistani"),
            ("Chaman: Afghan", "official said.", "AGREE", "agreed", "Afghan", "Pakistani"),
            ("Karachi: Hundreds", "transit trade.", "PROTEST", "protest", "transporters", "Sindh Assembly"),
            ("Kabul: The World", "Torkham crossing.", "AID", "delivered", "World Food Programme", "returnees"),
            ("Islamabad: The interior", "December 31.", "THREATEN", "warned", "interior ministry", "Afghan"),
        ],
    },
}


def content_span(text: str, content: str) -> Span:
    if "@@" in content:
        anchor, content = content.split("@@", 1)
        return find_after(text, content, find_after(text, anchor).end)
    return find_after(text, content)

# ---------------------------------------------------------------------------------------------------
# A second held-out set (forms_heldout2.jsonl), written after the first held-out set had been measured
# and its differences read: the rules were then no longer blind to the first one; these six were
# written before any rule change that followed and are measured once, at the end.
ARTICLES.update({
    "wire_heldout2.txt": {
        "entities": {
            "India": "GPE", "Kashmir": "GPE", "SRINAGAR": "GPE", "ISLAMABAD": "GPE", "PNS": "ORG",
            "Indian": "NORP", "Line of Control": "LOC", "Rajesh Kalia": "PERSON", "Kalia": "PERSON",
            "Poonch": "GPE", "Foreign Office": "ORG", "New Delhi": "GPE", "Mumtaz Zahra Baloch": "PERSON",
            "Sana Mir": "PERSON", "Tom Hale": "PERSON",
        },
        "quotes": [
            ("Indian and Pakistani troops exchanged fire along the Line of Control overnight", "indirect", "said",
             "Indian army officials", "Indian army officials"),
            ("Pakistani posts had opened fire first in the Poonch sector", "indirect", "said", "Rajesh Kalia",
             "Rajesh Kalia"),
            ("Our troops responded in a measured manner,", "direct", "said", "Rajesh Kalia", "Kalia"),
            ("violating the truce", "indirect", "accused", "Foreign Office", "Foreign Office"),
            ("We remain committed to the ceasefire understanding, but we will defend every inch of our territory,",
             "direct", "told", "Mumtaz Zahra Baloch", "Mumtaz Zahra Baloch"),
            ("they had spent the night in bunkers", "indirect", "said", "residents",
             "Residents of villages near the frontier"),
        ],
        "events": [
            ("India and Pakistan trade fire", "Kashmir frontier", "ASSAULT", "fire", "India", "Pakistan"),
            ("SRINAGAR, Dec 2", "on Tuesday.", "ASSAULT", "fire", "India", "Pakistan"),
            ("An Indian army spokesman", "Poonch sector.", "ASSAULT", "fire", "Pakistan", "India"),
            ("ISLAMABAD, Dec 2", "the truce.", "REJECT", "rejected", "Foreign Office", "India"),
            ("ISLAMABAD, Dec 2", "the truce.", "ACCUSE", "accused", "Foreign Office", "India"),
        ],
    },
    "live_heldout2.txt": {
        "entities": {
            "Seemin Jamali": "PERSON", "Jinnah Postgraduate Medical Centre": "ORG", "Edhi Foundation": "ORG",
            "Faisal Edhi": "PERSON", "Sindh": "GPE", "Murad Ali Shah": "PERSON",
        },
        "quotes": [
            ("The city's main hospitals have received more than 300 patients with heatstroke since Sunday",
             "indirect", "said", "health department", "the health department"),
            ("We are running out of beds", "direct", ":", "Seemin Jamali", "hospital chief"),
            ("extra wards had been opened", "indirect", "said", "Seemin Jamali", "Seemin Jamali"),
            ("extra wards@@We are running out of beds,", "direct", "said", "Seemin Jamali", "she"),
            ("The Edhi Foundation has set up 40 cold-water stalls across the city", "indirect", "told",
             "Faisal Edhi", "Faisal Edhi"),
            ("residents to stay indoors during the afternoon", "indirect", "called on", "Murad Ali Shah",
             "Murad Ali Shah"),
        ],
        "events": [
            ("Residents of the old city", "power cuts.", "PROTEST", "protest", "Residents", None),
            ("Sindh chief minister", "the afternoon.", "REQUEST", "called on", "Murad Ali Shah", "residents"),
        ],
    },
    "interview_heldout2.txt": {
        "entities": {"Elena Sorrentino": "PERSON", "UNHCR": "ORG"},
        "quotes": [
            ("the deportations will continue", "indirect", "says", "Pakistan", "Islamabad"),
            ("More than half a million. Many of them were born in Pakistan and have never seen Afghanistan.",
             "direct", ":", "Elena Sorrentino", "A"),
            ("We have asked the government of Pakistan to pause them until the spring. Sending families back in "
             "winter is dangerous.", "direct", ":", "Elena Sorrentino", "A"),
            ("No. We have received less than a third of what we appealed for.", "direct", ":", "Elena Sorrentino",
             "A"),
        ],
        "events": [
            ("A: We have asked", "until the spring.", "REQUEST", "asked", "Elena Sorrentino", "Pakistan"),
        ],
    },
    "analysis_heldout2.txt": {
        "entities": {
            "Beijing": "GPE", "Omar Farooq": "PERSON", "China": "GPE", "Western": "NORP", "Chinese": "NORP",
            "Yue Xiaoyong": "PERSON", "Madiha Afzal": "PERSON", "Brookings Institution": "ORG",
        },
        "quotes": [
            ("Beijing has pressed both sides to keep the border open for its trade", "indirect", "say",
             "diplomats in Kabul", "diplomats in Kabul"),
            ("China does not want a fight on the road to Central Asia,", "direct", "said", "Western diplomat",
             "a Western diplomat"),
            ("It has made that 'very clear' to both capitals.", "direct", None, "Western diplomat",
             "a Western diplomat"),
            ("Chinese envoy Yue Xiaoyong had carried messages between the two governments in November", "indirect",
             "said", "Pakistani officials", "Several Pakistani officials"),
            ("China can offer money, not security,", "direct", "said", "Madiha Afzal", "Madiha Afzal"),
        ],
        "events": [
            ("But diplomats in Kabul", "for its trade.", "REQUEST", "pressed", "China", "Pakistan"),
            ("Several Pakistani officials", "in November.", "CONSULT", "carried", "Yue Xiaoyong", "Pakistan"),
        ],
    },
    "press_heldout2.txt": {
        "entities": {
            "Ministry of Commerce": "ORG", "Jam Kamal Khan": "PERSON", "Sadia Rehman": "PERSON",
        },
        "quotes": [
            ("Pakistan valued its trade relations with Afghanistan and would continue to facilitate legitimate "
             "transit cargo", "indirect", "stated", "Jam Kamal Khan", "He"),
            ("misuse of transit facilities would not be tolerated", "indirect", "emphasised", "Sadia Rehman",
             "Sadia Rehman"),
        ],
        "events": [
            ("It was decided", "immediate effect.", "RETREAT", "lifted", "Pakistan", "Afghanistan"),
        ],
    },
    "brief_heldout2.txt": {
        "entities": {
            "Khyber": "GPE", "Lahore": "GPE", "Punjab Assembly": "ORG", "Gilgit": "GPE", "China": "GPE",
        },
        "quotes": [
            ("Security forces killed three militants in a raid on a hideout in Khyber district on Sunday",
             "indirect", "said", "police", "police"),
            ("China has sent 200 tonnes of food aid to families cut off by landslides", "indirect", "said",
             "regional government", "the regional government"),
            ("it had released 15 Pakistani traders detained in October", "indirect", "said", "Afghan Taliban",
             "The Taliban administration"),
        ],
        "events": [
            ("Peshawar: Security", "police said.", "ASSAULT", "killed", "Pakistani security forces", "militants"),
            ("Lahore: Hundreds", "permanent contracts.", "PROTEST", "rallied", "nurses", "Punjab Assembly"),
            ("Lahore: Hundreds", "permanent contracts.", "REQUEST", "demanding", "nurses", "Punjab Assembly"),
            ("Gilgit: China", "government said.", "AID", "aid", "China", "families"),
            ("Kabul: The Taliban", "in October.", "RETREAT", "released", "Afghan Taliban", "Pakistani"),
        ],
    },
})

# ---------------------------------------------------------------------------------------------------
# A third held-out set (forms_heldout3.jsonl), written for the "better rules" round of issues 13/16 before
# any of its rules changed, and measured blind with the rules as they stood; measured again only at the end.
ARTICLES.update({
    "wire_heldout3.txt": {
        "entities": {
            "QUETTA": "GPE", "TEHRAN": "GPE", "PNS": "ORG", "Mand": "GPE", "Balochistan": "GPE",
            "Shahid Rind": "PERSON", "Rind": "PERSON", "Iranian": "NORP", "Tehran": "GPE", "Foreign Office": "ORG",
            "Hossein Karimi": "PERSON", "Sistan-Baluchestan": "GPE", "Farah Naz": "PERSON", "Karim Shah": "PERSON",
            "Tom Hale": "PERSON",
        },
        "quotes": [
            ("Pakistan and Iran agreed on Tuesday to set up joint patrols along their border after gunmen killed nine "
             "labourers near the town of Mand", "indirect", "said", "officials in both countries",
             "officials in both countries"),
            ("the attackers had escaped into Iranian territory", "indirect", "told reporters", "Shahid Rind",
             "Shahid Rind"),
            ("They crossed back within an hour, and we have shared their names with Tehran,", "direct", "said",
             "Shahid Rind", "Rind"),
            ("Pakistan reserved the right to respond", "indirect", "the killings and@@said", "Foreign Office",
             "Foreign Office"),
            ("Tehran would not allow armed groups to use its soil against a neighbour", "indirect", "said",
             "Hossein Karimi", "Hossein Karimi"),
            ("Iran had sent extra border guards to Sistan-Baluchestan province", "indirect", "said", "Hossein Karimi",
             "He"),
            ("shops stayed shut for a second day in protest against the killings", "indirect", "said",
             "residents of Mand", "Residents of Mand"),
        ],
        "events": [
            ("Pakistan and Iran agree", "border attack", "AGREE", "agree", "Pakistan", "Iran"),
            ("QUETTA, Jan 14", "countries said.", "AGREE", "agreed", "Pakistan", "Iran"),
            ("QUETTA, Jan 14", "countries said.", "ASSAULT", "killed", "gunmen", "labourers"),
            ('"They crossed back', "Rind said.", "COOPERATE", "shared", "Pakistan", "Iran"),
            ("Pakistan's Foreign Office summoned", "right to respond.", "ACCUSE", "protest", "Foreign Office", "Iran"),
            ("Pakistan's Foreign Office summoned", "right to respond.", "THREATEN", "respond", "Foreign Office",
             "Iran"),
            ("He said Iran had sent", "province.", "MOBILIZE", "sent", "Iran", None),
            ("Residents of Mand", "the killings.", "PROTEST", "protest", "residents of Mand", None),
        ],
    },
    "live_heldout3.txt": {
        "entities": {
            "Kurram": "GPE", "Parachinar": "GPE", "Gul Zaman": "PERSON", "Asma Durrani": "PERSON",
            "Arshad Malik": "PERSON", "Frontier Corps": "ORG", "Edhi Foundation": "ORG", "Thall": "GPE",
        },
        "quotes": [
            ("Gunmen opened fire on a convoy of passenger vans near Parachinar on Thursday morning, killing at least "
             "11 people", "indirect", "said", "district police", "district police"),
            ("Nobody came to help us", "direct", ":", "Gul Zaman", "survivor"),
            ("he had hidden under his van until the army arrived", "indirect", "said", "Gul Zaman", "Gul Zaman"),
            ("arrived@@Nobody came to help us for an hour,", "direct", "told our reporter", "Gul Zaman", "he"),
            ("a jirga of tribal elders would meet on Friday to restore calm", "indirect", "told", "Asma Durrani",
             "Asma Durrani"),
            ("The Edhi Foundation has sent six ambulances to Thall", "indirect", "said", "Edhi Foundation spokesman",
             "a spokesman"),
        ],
        "events": [
            ("Kurram convoy attack", "live updates", "ASSAULT", "attack", None, None),
            ("Gunmen opened fire", "police said.", "ASSAULT", "fire", "gunmen", "convoy"),
            ("Hundreds of mourners", "for travellers.", "PROTEST", "sit-in", "mourners", None),
            ("Hundreds of mourners", "for travellers.", "REQUEST", "demanding", "mourners", None),
            ("Interior Minister Arshad Malik", "the district.", "ACCUSE", "condemned", "Arshad Malik", None),
            ("Interior Minister Arshad Malik", "the district.", "MOBILIZE", "ordered", "Arshad Malik",
             "Frontier Corps"),
            ("The Edhi Foundation has sent", "spokesman said.", "AID", "sent", "Edhi Foundation", None),
        ],
    },
    "interview_heldout3.txt": {
        "entities": {
            "Tariq Naqvi": "PERSON", "Naqvi": "PERSON", "Line of Control": "LOC", "India": "GPE", "Kashmir": "GPE",
            "New Delhi": "GPE", "UN": "ORG",
        },
        "quotes": [
            ("The two directors general of military operations spoke on the hotline on Saturday night and agreed to "
             "return to the 2021 understanding. Neither side wanted a wider war.", "direct", ":", "Tariq Naqvi",
             "Naqvi"),
            ("That is their standard line. India has produced no evidence, and we reject it.", "direct", ":",
             "Tariq Naqvi", "Naqvi"),
            ("Islamabad should keep the hotline open and invite the UN observers back to the border villages. I have "
             "written to the prime minister urging exactly that.", "direct", ":", "Tariq Naqvi", "Naqvi"),
        ],
        "events": [
            ("India and Pakistan restored", "on Sunday.", "AGREE", "restored", "India", "Pakistan"),
            ("Naqvi: The two directors", "2021 understanding.", "CONSULT", "spoke", "India", "Pakistan"),
            ("Naqvi: The two directors", "2021 understanding.", "AGREE", "agreed", "India", "Pakistan"),
            ("Q: New Delhi blames", "started it.", "ACCUSE", "blames", "India", "Pakistan"),
            ("India has produced no evidence", "we reject it.", "REJECT", "reject", "Pakistan", "India"),
            ("Naqvi: Islamabad should", "border villages.", "REQUEST", "should", "Tariq Naqvi", "Pakistan"),
            ("I have written", "exactly that.", "REQUEST", "urging", "Tariq Naqvi", None),
        ],
    },
    "analysis_heldout3.txt": {
        "entities": {
            "Nadia Qureshi": "PERSON", "Khyber Pakhtunkhwa": "GPE", "Telegram": "ORG", "Usman Tareen": "PERSON",
            "Centre for Peace Studies": "ORG", "Lahore": "GPE",
        },
        "quotes": [
            ("the reasons have little to do with the negotiators", "indirect", "say", "officials and analysts",
             "Officials and analysts"),
            ("the group's leaders had demanded the reversal of the merger of the tribal districts with Khyber "
             "Pakhtunkhwa, a condition no government in Islamabad could accept", "indirect", "said",
             "senior security official", "A senior security official"),
            ("They asked for what they know we cannot give,", "direct", "said", "senior security official", "he"),
            ("Pakistan walked away after the military rejected a proposal to release some TTP prisoners", "indirect",
             "the mood differently.@@In their account", "people close to the Afghan mediators", "their"),
            ("Islamabad has made concessions before, freeing dozens of TTP prisoners in 2022 as a goodwill gesture",
             "indirect", "according to", "former negotiator", "a former negotiator"),
            ("breaking an earlier ceasefire", "indirect", "accused", "Tehreek-e-Taliban Pakistan", "TTP"),
            ("Every round of talks has bought the group time to regroup,", "direct", "said", "Usman Tareen",
             "Usman Tareen"),
            ("The state keeps forgetting that.", "direct", None, "Usman Tareen", "Usman Tareen"),
            ("the military is likely to step up operations in the spring", "indirect", "say", "analysts", "Analysts"),
        ],
        "events": [
            ("Pakistan's latest attempt", "without a deal.", "CONSULT", "talk", "Pakistan",
             "Tehreek-e-Taliban Pakistan"),
            ("A senior security official", "could accept.", "REQUEST", "demanded", "Tehreek-e-Taliban Pakistan",
             "Pakistan"),
            ('"They asked', "he said.", "REQUEST", "asked", "Tehreek-e-Taliban Pakistan", "Pakistan"),
            ("In their account", "TTP prisoners.", "REJECT", "rejected", "Pakistani military", None),
            ("Islamabad has made concessions", "former negotiator.", "CONCEDE", "concessions", "Pakistan",
             "Tehreek-e-Taliban Pakistan"),
            ("Islamabad has made concessions", "former negotiator.", "RETREAT", "freeing", "Pakistan",
             "Tehreek-e-Taliban Pakistan"),
            ("The TTP itself accused", "on Telegram.", "ACCUSE", "accused", "Tehreek-e-Taliban Pakistan", "Pakistan"),
        ],
    },
    "press_heldout3.txt": {
        "entities": {
            "Ministry of Interior": "ORG", "Islamic Republic of Iran": "GPE", "Ali Rezaei": "PERSON",
            "Arshad Malik": "PERSON", "Kech": "GPE", "Iranian": "NORP", "Gabd": "FAC", "Tehran": "GPE",
        },
        "quotes": [
            ("the perpetrators to be brought to justice", "indirect", "called for", "Arshad Malik", "The Minister"),
            ("Pakistan would never allow its territory to be used against a brotherly neighbour", "indirect", "said",
             "Arshad Malik", "The Minister"),
        ],
        "events": [
            ("Press Release: Ministry", "security talks", "CONSULT", "talks", "Pakistan", "Iran"),
            ("A delegation of the Islamic", "today.", "CONSULT", "called on", "Ali Rezaei", "Arshad Malik"),
            ("The Minister condemned", "to justice.", "ACCUSE", "condemned", "Arshad Malik", None),
            ("The Minister condemned", "to justice.", "REQUEST", "called for", "Arshad Malik", None),
            ("Both sides agreed", "terrorist groups.", "AGREE", "agreed", "Pakistan", "Iran"),
            ("The Iranian side announced", "next week.", "RETREAT", "reopening", "Iran", "Pakistan"),
            ("The Minister thanked", "brotherly neighbour.", "SUPPORT", "thanked", "Arshad Malik", "Iran"),
            ("It was also agreed", "in March.", "AGREE", "agreed", "Pakistan", "Iran"),
        ],
    },
    "brief_heldout3.txt": {
        "entities": {
            "Dhaka": "GPE", "Bangladesh": "GPE", "Colombo": "GPE", "Sri Lanka": "GPE", "Indian": "NORP",
            "Kathmandu": "GPE", "New Delhi": "GPE", "India": "GPE", "Myanmar": "GPE", "Durand Line": "LOC",
        },
        "quotes": [
            ("Bangladesh has deployed army units to three hill districts to keep order before Friday's election",
             "indirect", "said", "interior ministry", "the interior ministry"),
            ("Sri Lanka's navy arrested 18 Indian fishermen for crossing the maritime boundary", "indirect", "said",
             "navy spokesman", "a navy spokesman"),
            ("India has sent two planeloads of relief supplies to earthquake survivors in Myanmar", "indirect", "said",
             "Indian foreign ministry", "the Indian foreign ministry"),
            ("The Taliban government has withdrawn its troops from two posts near the Durand Line", "indirect", "said",
             "officials", "officials"),
        ],
        "events": [
            ("Dhaka: Bangladesh", "ministry said.", "MOBILIZE", "deployed", "Bangladesh", None),
            ("Colombo: Sri Lanka", "spokesman said.", "COERCE", "arrested", "Sri Lanka", "Indian"),
            ("Kathmandu: Thousands", "higher pay.", "PROTEST", "marched", "teachers", None),
            ("Kathmandu: Thousands", "higher pay.", "REQUEST", "demand", "teachers", None),
            ("New Delhi: India", "ministry said.", "AID", "sent", "India", "Myanmar"),
            ("Kabul: The Taliban", "officials said.", "RETREAT", "withdrawn", "Afghan Taliban", None),
        ],
    },
})


def colon_cue(text: str, span: Span) -> Span:
    """The ':' of a turn label before the content ('A: ...') or of a headline after it ('...': envoy)."""
    line_start = text.rfind("\n", 0, span.start) + 1
    k = text.rfind(":", line_start, span.start)
    if k < 0:
        k = text.find(":", span.end, text.find("\n", span.end))
    if k < 0:
        raise SystemExit(f"no ':' near {span}")
    return Span(k, k + 1)


def build(name: str, spec: dict) -> Article:
    article = next(iter(read_text_file(FORMS / name)))
    text = article.text
    by_span = add_entities(article, {**COMMON, **spec["entities"]})
    for content, kind, cue, speaker, mention in spec["quotes"]:
        span = content_span(text, content)
        mention_span = nearest(text, mention, span) if mention else None
        if cue and "@@" in cue:  # "anchor@@cue": the first cue after anchor (a nearer cue belongs elsewhere)
            cue_anchor, cue_words = cue.split("@@", 1)
            cue_span: Span | None = find_after(text, cue_words, find_after(text, cue_anchor).end)
        else:  # the cue beside the mention ("the ministry said"), else beside the content
            cue_span = (colon_cue(text, span) if cue == ":" else nearest(text, cue, mention_span or span) if cue
                        else None)
        article.quotes.append(Quote(span.start, span.end, kind, cue=cue_span, speaker=speaker,
                                    speaker_entity=speaker_entity(article, mention_span, by_span),
                                    mention=mention_span, origin="human", state="accepted"))
    add_events(article, spec["events"])
    article.quotes.sort(key=lambda q: q.start)
    article.status = "done"
    article.annotator = "NLP (hand gold, forms)"
    form, split = name.removesuffix(".txt").split("_")
    article.meta = {**article.meta, "form": form, "split": split}
    return article


def main() -> int:
    for split in ("tune", "heldout", "heldout2", "heldout3"):
        articles = [build(name, spec) for name, spec in ARTICLES.items() if name.endswith(f"_{split}.txt")]
        for a in articles:
            for e in a.entities:
                assert a.text[e.start:e.end].strip() == a.text[e.start:e.end], e
        out = HERE / f"forms_{split}.jsonl"
        with open(out, "w", encoding="utf-8", newline="\n") as f:
            write_jsonl(articles, f)
        print(f"wrote {len(articles)} articles to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
