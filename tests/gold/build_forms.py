"""Write tests/gold/forms_tune.jsonl and forms_heldout*.jsonl: hand gold for tests/gold/forms/*.txt.

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


# ---------------------------------------------------------------------------------------------------
# A fourth held-out set (forms_heldout4.jsonl), written blind on 2026-12-02 by a helper who had not read the
# rule code or lexicons and had not run the engine on these texts; gold committed before the one measurement.
ARTICLES.update({
    "wire_heldout4.txt": {
        "entities": {
            "ISLAMABAD": "GPE", "KABUL": "GPE", "PNS": "ORG", "Chaman": "FAC", "Friendship Gate": "FAC",
            "Foreign Office": "ORG", "Imtiaz Wahla": "PERSON", "Abdul Rauf Nazari": "PERSON", "Nazari": "PERSON",
            "Nasrullah Achakzai": "PERSON", "Kandahar": "GPE", "Bajaur": "GPE", "Saima Khattak": "PERSON",
            "Wahid Noori": "PERSON", "Tom Hale": "PERSON",
        },
        "quotes": [
            ("Pakistan and Afghanistan released dozens of each other's detainees on Monday and reopened the Chaman "
             "border crossing after three weeks of closure", "indirect", "said", "officials in both capitals",
             "officials in both capitals"),
            ("Pakistan freed 64 Afghan traders and labourers, while the Afghan Taliban handed over 21 Pakistani "
             "nationals at the Friendship Gate", "indirect", "according to", "Foreign Office", "Foreign Office"),
            ("This is a step in the right direction, but it is only a step,", "direct", "told reporters",
             "Imtiaz Wahla", "Imtiaz Wahla"),
            ("Islamabad still expected Kabul to act against militants it accuses of planning attacks from Afghan soil",
             "indirect", "said", "Imtiaz Wahla", "He"),
            ('the two neighbours should "resolve their differences through dialogue, not through gates and guns"',
             "mixed", "said", "Abdul Rauf Nazari", "Abdul Rauf Nazari"),
            ("his government sheltered fighters of the Tehreek-e-Taliban Pakistan", "indirect", "denied",
             "Abdul Rauf Nazari", "Nazari"),
            ("baseless propaganda", "direct", "calling", "Abdul Rauf Nazari", "Nazari"),
            ("Three weeks we waited here with rotting pomegranates,", "direct", "said", "Nasrullah Achakzai",
             "Nasrullah Achakzai"),
            ("Now we hope nobody shuts it again.", "direct", None, "Nasrullah Achakzai", "Nasrullah Achakzai"),
            ("it would target army convoys in Bajaur unless troops withdrew from the district by the end of the month",
             "indirect", "warned", "Tehreek-e-Taliban Pakistan", "TTP"),
            ("it had moved two additional brigades to Bajaur and placed border posts on high alert", "indirect",
             "said", "Pakistani military", "Pakistan's military"),
        ],
        "events": [
            ("Pakistan and Afghanistan free", "Chaman crossing", "RETREAT", "free", "Pakistan", "Afghanistan"),
            ("ISLAMABAD, Nov 3", "capitals said.", "RETREAT", "released", "Pakistan", "Afghanistan"),
            ("Pakistan freed 64", "Foreign Office.", "RETREAT", "freed", "Pakistan", "Afghan"),
            ("He said Islamabad still", "Afghan soil.", "REQUEST", "expected", "Imtiaz Wahla", "Afghan Taliban"),
            ("He said Islamabad still", "Afghan soil.", "ACCUSE", "accuses", "Pakistan", "militants"),
            ("KABUL, Nov 3", 'gates and guns".', "SUPPORT", "welcomed", "Abdul Rauf Nazari", None),
            ("KABUL, Nov 3", 'gates and guns".', "REQUEST", "should", "Abdul Rauf Nazari", None),
            ("Nazari denied", 'propaganda".', "REJECT", "denied", "Abdul Rauf Nazari", "Pakistan"),
            ("The TTP, meanwhile", "of the month.", "THREATEN", "warned", "Tehreek-e-Taliban Pakistan",
             "Pakistani military"),
            ("Pakistan's military said", "high alert.", "MOBILIZE", "moved", "Pakistani military", None),
        ],
    },
    "live_heldout4.txt": {
        "entities": {
            "Balochistan": "GPE", "Gulnaz Bugti": "PERSON", "Rana Saleem": "PERSON",
            "Human Rights Commission of Pakistan": "ORG", "Kamran Shah": "PERSON", "Srinagar Highway": "FAC",
            "Alkhidmat Foundation": "ORG", "Kulsoom Rind": "PERSON", "X": "ORG", "Zarina Marri": "PERSON",
            "Turbat": "GPE",
        },
        "quotes": [
            ("Police fired tear gas at hundreds of marchers who tried to reach parliament before dawn", "indirect",
             "said", "witnesses", "witnesses"),
            ("We will not go home without our sons", "direct", ":", "Gulnaz Bugti", "march leader"),
            ("the families had given the government every chance to produce the missing men", "indirect", "said",
             "Gulnaz Bugti", "Gulnaz Bugti"),
            ("We will not go home without our sons. ہم خالی ہاتھ واپس نہیں جائیں گے,", "direct", "told",
             "Gulnaz Bugti", "she"),
            ("the government was ready to set up a commission to trace the missing men", "indirect", "said",
             "Rana Saleem", "Rana Saleem"),
            ("peaceful mothers and sisters", "direct", "condemned", "Human Rights Commission of Pakistan",
             "Human Rights Commission of Pakistan"),
            ("37 marchers had been detained for blocking Srinagar Highway and would be charged under public order laws",
             "indirect", "said", "Kamran Shah", "Kamran Shah"),
            ("Volunteers from the Alkhidmat Foundation handed out blankets, food and water at the camp", "indirect",
             "said", "Alkhidmat Foundation spokesman", "a spokesman"),
            ("Talks, not tear gas", "direct", ":", "Kulsoom Rind", "senator"),
            ("Talks, not tear gas. The state must listen to these mothers before it is too late.", "direct", "wrote",
             "Kulsoom Rind", "Kulsoom Rind"),
            ("the sit-in would continue until all detainees are freed", "indirect", "said", "organisers",
             "The organisers"),
            ("Hamara dharna jari rahega – our sit-in goes on,", "direct", "said", "Zarina Marri", "Zarina Marri"),
        ],
        "events": [
            ("Islamabad sit-in over", "live updates", "PROTEST", "sit-in", None, None),
            ("Police fired tear gas", "witnesses said.", "COERCE", "tear gas", "Islamabad police", "marchers"),
            ("Police fired tear gas", "witnesses said.", "PROTEST", "marchers", "marchers", None),
            ("Most of the marchers", "since Saturday.", "PROTEST", "camped", "marchers", None),
            ("Interior Minister Rana Saleem", "missing men.", "CONSULT", "invited", "Rana Saleem", "organisers"),
            ("The Human Rights Commission", "detained overnight.", "ACCUSE", "condemned",
             "Human Rights Commission of Pakistan", None),
            ("The Human Rights Commission", "detained overnight.", "REQUEST", "demanded",
             "Human Rights Commission of Pakistan", None),
            ("Islamabad police chief", "public order laws.", "COERCE", "detained", "Islamabad police", "marchers"),
            ("Islamabad police chief", "public order laws.", "PROTEST", "blocking", "marchers", None),
            ("Volunteers from the Alkhidmat", "charity said.", "AID", "handed out", "Alkhidmat Foundation",
             "marchers"),
            ("The state must listen", "too late.", "REQUEST", "must", "Kulsoom Rind", None),
            ("The organisers agreed", "are freed.", "AGREE", "agreed", "organisers", "Rana Saleem"),
            ("The organisers agreed", "are freed.", "PROTEST", "sit-in", "organisers", None),
            ('"Hamara dharna', "from Turbat.", "PROTEST", "sit-in", "Zarina Marri", None),
        ],
    },
    "interview_heldout4.txt": {
        "entities": {
            "Farzana Qazi": "PERSON", "Washington": "GPE", "Beijing": "GPE", "China": "GPE", "Americans": "NORP",
            "Qatari": "NORP",
        },
        "quotes": [
            ("Trade is the only lever left", "direct", "says", "Farzana Qazi", "Farzana Qazi"),
            ("More than people think. Both sides agreed to a hotline between the corps commander in Peshawar and the "
             "Taliban's eastern zone commander, and Kabul promised to move some TTP families away from the border. "
             "That is small, but it is real.", "direct", ":", "Farzana Qazi", "A"),
            ("Kabul has broken such promises before", "indirect", "says", "Pakistan", "Islamabad"),
            ("It has. They gave the same assurance in 2022; I was in the room. But we have also closed Torkham four "
             "times in two years, and the traders of Peshawar paid the price. My advice to Islamabad is simple: use "
             "trade as a reward, not as a punishment.", "direct", ":", "Farzana Qazi", "A"),
            ("Yes. The threat tells you the talks are hurting them. As we say in Pashto, khabara la khabare jorigi, "
             "one word leads to the next. You do not leave the table because a spoiler shouts.", "direct", ":",
             "Farzana Qazi", "A"),
            ("China has offered to fund a new trade corridor through Torkham, and the Americans have quietly "
             "supported the Qatari mediation. I would ask both to stay away from the security file. This has to be "
             "settled between neighbours.", "direct", ":", "Farzana Qazi", "A"),
        ],
        "events": [
            ("Pakistan and Afghanistan's Taliban", "border clashes.", "CONSULT", "talks", "Pakistan",
             "Afghan Taliban"),
            ("Pakistan and Afghanistan's Taliban", "border clashes.", "ASSAULT", "clashes", "Pakistan",
             "Afghan Taliban"),
            ("Both sides agreed to a hotline", "from the border.", "AGREE", "agreed", "Pakistan", "Afghan Taliban"),
            ("Q: Islamabad says", "promises before.", "ACCUSE", "broken", "Pakistan", "Afghan Taliban"),
            ("They gave the same assurance", "in the room.", "AGREE", "assurance", "Afghan Taliban", "Pakistan"),
            ("But we have also closed Torkham", "paid the price.", "SANCTION", "closed", "Pakistan", "Afghanistan"),
            ("My advice to Islamabad", "a punishment.", "REQUEST", "advice", "Farzana Qazi", "Pakistan"),
            ("Q: The TTP has threatened", "the negotiators.", "THREATEN", "threatened", "Tehreek-e-Taliban Pakistan",
             "negotiators"),
            ("A: China has offered", "Qatari mediation.", "AID", "fund", "China", None),
            ("A: China has offered", "Qatari mediation.", "SUPPORT", "supported", "Americans", "Qatar"),
            ("I would ask both", "security file.", "REQUEST", "ask", "Farzana Qazi", None),
        ],
    },
    "analysis_heldout4.txt": {
        "entities": {
            "Sadia Lodhi": "PERSON", "China": "GPE", "Beijing": "GPE", "Bilal Haider": "PERSON", "Khyber": "GPE",
        },
        "quotes": [
            ("the government had accepted almost every demand put to it, including the return of 1,800 containers held "
             "at Karachi port", "indirect", "said", "two members of the delegation", "Two members of the delegation"),
            ("We went in with a list of conditions and came out with none,", "direct", "said",
             "member of the delegation", "one of them"),
            ("the curbs were the only pressure Kabul still felt", "indirect", "argued", "senior officers",
             "Senior officers"),
            ("They were overruled", "indirect", "said", "people who attended the meeting",
             "people who attended the meeting"),
            ('Islamabad to "keep the corridor open"', "mixed", "asked", "China", "China"),
            ("Beijing's message was delivered in person by its ambassador", "indirect", "according to", "diplomat",
             "a diplomat"),
            ("The ban had done its job. Kabul shared intelligence on two wanted men in September, and both were "
             "arrested in Khyber.", "direct", "said", "Bilal Haider", "Bilal Haider"),
            ("Keeping the ban after that would have told them that cooperation earns nothing,", "direct", "said",
             "Bilal Haider", "Bilal Haider"),
            ("As one minister put it to me, 'You cannot punish a man for paying his debt.'", "direct", None,
             "Bilal Haider", "Bilal Haider"),
            ('the army had been "humiliated by a shopkeepers\' strike"', "mixed", "said", "retired general", "who"),
            ("the curbs could return if attacks from Afghan soil resume", "indirect", "insists", "commerce ministry",
             "The ministry"),
        ],
        "events": [
            ("Analysis: Why Islamabad eased", "transit curbs", "RETREAT", "eased", "Pakistan", "Afghanistan"),
            ("When Pakistan lifted", "routine review.", "RETREAT", "lifted", "Pakistan", "Afghanistan"),
            ("Officials involved", "a climbdown.", "CONCEDE", "climbdown", "Pakistan", None),
            ("Two members of the delegation", "Karachi port.", "CONSULT", "negotiated", "Pakistan", "Afghan traders"),
            ("Two members of the delegation", "Karachi port.", "CONCEDE", "accepted", "Pakistan", "Afghan traders"),
            ("Two members of the delegation", "Karachi port.", "RETREAT", "return", "Pakistan", "Afghan traders"),
            ("Senior officers, who had", "still felt.", "REQUEST", "pressed", "senior officers", None),
            ("They were overruled", "meeting said.", "REJECT", "overruled", "Pakistan", "senior officers"),
            ("Traders in Peshawar and Quetta", "wholesale markets.", "PROTEST", "strike", "traders", None),
            ("China, which is financing", 'corridor open".', "AID", "financing", "China", None),
            ("China, which is financing", 'corridor open".', "REQUEST", "asked", "China", "Pakistan"),
            ("Beijing's message", "the exchange.", "CONSULT", "delivered", "China", "Pakistan"),
            ("Kabul shared intelligence", "in Khyber.", "COOPERATE", "shared", "Afghan Taliban", "Pakistan"),
            ("Kabul shared intelligence", "in Khyber.", "COERCE", "arrested", None, "wanted men"),
            ("The ministry insists", "soil resume.", "THREATEN", "return", "commerce ministry", "Afghan Taliban"),
        ],
    },
    "press_heldout4.txt": {
        "entities": {
            "Kunar": "GPE", "Nangarhar": "GPE", "National Disaster Management Authority": "ORG", "NDMA": "ORG",
            "Asadabad": "GPE", "Saima Rauf": "PERSON", "Gul Agha Zadran": "PERSON",
            "Ministry of Foreign Affairs": "ORG", "Asad Gilani": "PERSON",
        },
        "quotes": [
            ('Pakistan stood with its Afghan brothers and sisters "in this hour of grief"', "mixed", "stated",
             "Saima Rauf", "The Foreign Secretary"),
            ("the Torkham crossing would remain open round the clock for relief convoys and for the injured",
             "indirect", "said", "Saima Rauf", "She"),
            ("humanitarian assistance must not be held hostage to political differences", "indirect", "emphasised",
             "Ministry of Foreign Affairs", None),
            ("the Afghan side would take concrete action against TTP elements operating from its soil", "indirect",
             "reiterated", "Saima Rauf", "The Foreign Secretary"),
            ('the interim Afghan government valued Pakistan\'s "brotherly gesture" and requested additional supplies '
             "of winter tents for the displaced families", "mixed", "stated", "Gul Agha Zadran", "He"),
            ("Pakistan had also offered to airlift critically injured patients to hospitals in Peshawar", "indirect",
             "stated", "Asad Gilani", "Asad Gilani"),
            ("Dukh ki is ghari mein hum apne Afghan bhaiyon ke saath khade hain,", "direct", "added", "Asad Gilani",
             "he"),
        ],
        "events": [
            ("Press Release: Pakistan dispatches", "areas of Afghanistan", "AID", "dispatches", "Pakistan",
             "Afghanistan"),
            ("On the directions", "provinces of Afghanistan.", "AID", "dispatched", "Pakistan", "Afghanistan"),
            ("A medical team", "to Asadabad.", "AID", "sent", "National Disaster Management Authority", None),
            ("The Foreign Secretary, Ambassador", "Foreign Affairs today.", "CONSULT", "received", "Saima Rauf",
             "Gul Agha Zadran"),
            ("The Foreign Secretary stated", 'hour of grief".', "SUPPORT", "stood", "Saima Rauf", "Afghan"),
            ("The Foreign Secretary, however", "from its soil.", "REQUEST", "expectation", "Saima Rauf",
             "Afghan Taliban"),
            ("The Chargé d'Affaires thanked", "prompt assistance.", "SUPPORT", "thanked", "Gul Agha Zadran",
             "Pakistan"),
            ("He stated that the interim", "displaced families.", "SUPPORT", "valued", "Afghan Taliban", "Pakistan"),
            ("He stated that the interim", "displaced families.", "REQUEST", "requested", "Afghan Taliban",
             "Pakistan"),
            ("The two sides agreed", "movement of relief.", "AGREE", "agreed", "Pakistan", "Afghanistan"),
            ("Separately, the Spokesperson", "in Peshawar.", "AID", "offered", "Pakistan", "Afghanistan"),
            ("“Dukh ki", "he added.", "SUPPORT", "saath", "Asad Gilani", "Afghan"),
        ],
    },
    "brief_heldout4.txt": {
        "entities": {
            "Spin Boldak": "GPE", "Kandahar": "GPE", "Paktika": "GPE", "New Delhi": "GPE", "Punjab": "GPE",
            "Haryana": "GPE", "International Monetary Fund": "ORG", "Dhaka": "GPE", "Bangladesh": "GPE",
            "Myanmar": "GPE", "Rohingya": "NORP", "Cox's Bazar": "GPE", "Kathmandu": "GPE", "Nepal": "GPE",
            "Biratnagar": "GPE", "Tashkent": "GPE", "Uzbekistan": "GPE", "Termez": "GPE", "Uzbek": "NORP",
            "Washington": "GPE", "United States": "GPE",
        },
        "quotes": [
            ("Afghan Taliban forces have pulled back from two hilltop posts near Spin Boldak after talks with Pakistani "
             "border commanders", "indirect", "said", "Taliban defence ministry", "the Taliban's defence ministry"),
            ("Pakistan murdabad", "direct", "chanting", "protesters", "Several hundred people"),
            ("the strikes had killed nine civilians, among them four children", "indirect", "said",
             "Taliban spokesman", "A Taliban spokesman"),
            ("The International Monetary Fund approved a $1.1 billion loan tranche for Pakistan after the government "
             "agreed to raise electricity tariffs", "indirect", "said", "finance ministry", "the finance ministry"),
            ("Bangladesh and Myanmar agreed to restart the repatriation of Rohingya refugees from the camps in "
             "Cox's Bazar", "indirect", "said", "foreign ministry official", "a foreign ministry official"),
            ("We had no choice,", "direct", "said", "health ministry official", "a ministry official"),
            ("Uzbekistan, Afghanistan and Pakistan signed a framework agreement to build a railway from Termez to "
             "Peshawar through Kabul", "indirect", "said", "Uzbek transport ministry", "the Uzbek transport ministry"),
        ],
        "events": [
            ("Kabul: Afghan Taliban forces", "on Tuesday.", "RETREAT", "pulled back", "Afghan Taliban", "Pakistani"),
            ("Kabul: Afghan Taliban forces", "on Tuesday.", "CONSULT", "talks", "Afghan Taliban", "Pakistani"),
            ("Kandahar: Several hundred", 'murdabad".', "PROTEST", "rallied", "protesters", "Pakistan"),
            ("Kandahar: Several hundred", 'murdabad".', "ASSAULT", "air strikes", "Pakistani", None),
            ("A Taliban spokesman said", "four children.", "ASSAULT", "killed", "Pakistan", "civilians"),
            ("New Delhi: Police detained", "crop prices.", "COERCE", "detained", "police", "farmers"),
            ("New Delhi: Police detained", "crop prices.", "PROTEST", "march", "farmers", None),
            ("New Delhi: Police detained", "crop prices.", "REQUEST", "demand", "farmers", None),
            ("Farm unions shut", "on Wednesday.", "PROTEST", "protest", "farm unions", None),
            ("Islamabad: The International", "ministry said.", "AID", "loan", "International Monetary Fund",
             "Pakistan"),
            ("Islamabad: The International", "ministry said.", "AGREE", "agreed", "Pakistan",
             "International Monetary Fund"),
            ("Dhaka: Bangladesh and Myanmar", "official said.", "AGREE", "agreed", "Bangladesh", "Myanmar"),
            ("Kathmandu: Nepal's health", "in Biratnagar.", "CONCEDE", "accepted", "Nepal", "doctors"),
            ("Kathmandu: Nepal's health", "in Biratnagar.", "PROTEST", "stopped work", "doctors", None),
            ("Kathmandu: Nepal's health", "in Biratnagar.", "ASSAULT", "assault", None, "colleague"),
            ("Tashkent: Uzbekistan", "ministry said.", "AGREE", "signed", "Uzbekistan", "Pakistan"),
            ("Engineers from the three", "of the route.", "COOPERATE", "joint surveys", "Uzbekistan", "Afghanistan"),
            ("Washington: The United States", "further measures.", "SANCTION", "sanctions", "United States",
             "companies"),
            ("Washington: The United States", "further measures.", "ACCUSE", "accused", "United States", "companies"),
            ("Washington: The United States", "further measures.", "THREATEN", "warned", "United States",
             "companies"),
        ],
    },
})


# ---------------------------------------------------------------------------------------------------
# A fifth held-out set (forms_heldout5.jsonl), written blind on 2026-12-02 by a helper who had not read the
# rule code or lexicons and had not run the engine on these texts; security and diplomacy news from outside
# South Asia (Red Sea, Balkans, Korean peninsula, Sahel, Caucasus, Andes); gold committed before the one
# measurement.
ARTICLES.update({
    "wire_heldout5.txt": {
        "entities": {
            "Houthis": "ORG", "Red Sea": "LOC", "EU": "ORG", "ADEN": "GPE", "Aden": "GPE", "PNS": "ORG",
            "Yemen": "GPE", "Liberia": "GPE", "UK Maritime Trade Operations": "ORG", "Filipino": "NORP",
            "Djibouti": "GPE", "Thalassa Tankers": "ORG", "Piraeus": "GPE", "Hamid al-Sharafi": "PERSON",
            "al-Sharafi": "PERSON", "Israeli": "NORP", "Oman": "GPE", "Omani": "NORP", "BRUSSELS": "GPE",
            "Brussels": "GPE", "European Union": "ORG", "Bab el-Mandeb": "LOC", "Luca Ferraro": "PERSON",
            "Aspides": "ORG", "Italy": "GPE", "Greek": "NORP", "Cape of Good Hope": "LOC", "Maria Kostaki": "PERSON",
            "Saudi Arabia": "GPE", "Omar Haddad": "PERSON", "Sophie Lenaerts": "PERSON", "Tom Hale": "PERSON",
        },
        "quotes": [
            ("Yemen's Houthis fired two missiles at an oil tanker registered in Liberia in the southern Red Sea on "
             "Monday, setting part of its deck alight", "indirect", "said", "UK Maritime Trade Operations",
             "UK Maritime Trade Operations"),
            ("The 23 crew, most of them Filipino, were unhurt and the vessel was sailing to Djibouti under its own "
             "power", "indirect", "according to", "Thalassa Tankers", "Thalassa Tankers"),
            ('the tanker\'s owners had ignored "repeated warnings" to keep their ships away from Israeli ports', "mixed",
             "saying", "Hamid al-Sharafi", "Hamid al-Sharafi"),
            ("We warned them plainly: stay away,", "direct", "said", "Hamid al-Sharafi", "al-Sharafi"),
            ("The ships that listened are safe. The others will be hit, one after another.", "direct", None,
             "Hamid al-Sharafi", "al-Sharafi"),
            ("On Sunday it freed the 17 crew of the cargo ship Marisol, held since November, after mediation by Oman",
             "indirect", "reported", "Omani state media", "Omani state media"),
            ("The European Union will send a second frigate to escort merchant ships through the Bab el-Mandeb strait",
             "indirect", "announced", "Aspides", "the bloc's naval mission"),
            ("Italy was sending a frigate to join a Greek ship already on patrol there", "indirect", "said",
             "Luca Ferraro", "Luca Ferraro"),
            ("reckless", "direct", "called", "Luca Ferraro", "He"),
            ('the Houthis to stop "gambling with the lives of seafarers"', "mixed", "urged", "Luca Ferraro", "He"),
            ("they would again route ships around the Cape of Good Hope", "indirect", "said", "container lines",
             "Two of the largest container lines"),
            ("Nobody is going to risk a crew for a week's saving,", "direct", "said", "Maria Kostaki", "Maria Kostaki"),
            ("We were just starting to trust the lull.", "direct", None, "Maria Kostaki", "Maria Kostaki"),
            ("from all sides", "direct", "called for", "Saudi Arabia", "Saudi Arabia"),
        ],
        "events": [
            ("Houthis fire missiles", "second frigate", "ASSAULT", "fire", "Houthis", "tanker"),
            ("Houthis fire missiles", "second frigate", "MOBILIZE", "send", "EU", None),
            ("ADEN, Feb 9", "agency said.", "ASSAULT", "fired", "Houthis", "tanker"),
            ("Hamid al-Sharafi, a spokesman", "Israeli ports.", "ASSAULT", "strike", "Houthis", "tanker"),
            ("Hamid al-Sharafi, a spokesman", "Israeli ports.", "THREATEN", "warnings", "Houthis", "tanker's owners"),
            ("“We warned them", "al-Sharafi said.", "THREATEN", "warned", "Hamid al-Sharafi", None),
            ("The others will be hit", "one after another.", "THREATEN", "hit", "Houthis", None),
            ("On Sunday it freed", "media reported.", "RETREAT", "freed", "Houthis", "crew"),
            ("On Sunday it freed", "media reported.", "CONSULT", "mediation", "Oman", "Houthis"),
            ("BRUSSELS, Feb 9", "region announced.", "MOBILIZE", "send", "European Union", None),
            ("Commander Luca Ferraro", "on patrol there.", "MOBILIZE", "sending", "Italy", None),
            ("He called Monday's attack", 'of seafarers".', "ACCUSE", "called", "Luca Ferraro", "Houthis"),
            ("He called Monday's attack", 'of seafarers".', "REQUEST", "urged", "Luca Ferraro", "Houthis"),
            ("Saudi Arabia, which has held", 'all sides".', "CONSULT", "talks", "Saudi Arabia", "Houthis"),
            ("Saudi Arabia, which has held", 'all sides".', "ACCUSE", "condemned", "Saudi Arabia", "Houthis"),
            ("Saudi Arabia, which has held", 'all sides".', "REQUEST", "called for", "Saudi Arabia", None),
        ],
    },
    "live_heldout5.txt": {
        "entities": {
            "Kosovo": "GPE", "Serbia": "GPE", "Serbs": "NORP", "Jarinje": "FAC", "Dragan Lukić": "PERSON",
            "Lukić": "PERSON", "Zubin Potok": "GPE", "Milan Radosavljević": "PERSON", "Radosavljević": "PERSON",
            "Arben Krasniqi": "PERSON", "Mitrovica": "GPE", "Facebook": "ORG", "Nenad Ilić": "PERSON",
            "Pristina": "GPE", "RTS": "ORG", "KFOR": "ORG", "NATO": "ORG", "European Union": "ORG",
            "Petra Lindqvist": "PERSON", "Belgrade": "GPE", "Brussels": "GPE", "Red Cross of Serbia": "ORG",
            "Serbian": "NORP", "Srbija": "GPE", "Jelena Marković": "PERSON", "N1": "ORG",
        },
        "quotes": [
            ("Several thousand Serbs blocked the road to the Jarinje crossing overnight with lorries and tractors in "
             "protest at the arrest of a local mayor", "indirect", "said", "Kosovo police", "Kosovo police"),
            ("We are not leaving until he is free", "direct", ":", "Dragan Lukić", "protest organiser"),
            ("the blockade would go on until the mayor of Zubin Potok, Milan Radosavljević, was released", "indirect",
             "said", "Dragan Lukić", "Dragan Lukić"),
            ("He is not a criminal. He stood up for his people, and this is his reward,", "direct", "told reporters",
             "Dragan Lukić", "Lukić"),
            ("Nećemo da idemo – we are going nowhere.", "direct", None, "Dragan Lukić", "Lukić"),
            ("the mayor had been detained on a warrant issued by a court in Mitrovica", "indirect", "said",
             "Arben Krasniqi", "Arben Krasniqi"),
            ("The law applies to everyone in this country, in the north as much as in the south,", "direct", "wrote",
             "Arben Krasniqi", "he"),
            ("the army had been placed on heightened alert and that two units had moved closer to the boundary line",
             "indirect", "said", "Nenad Ilić", "Nenad Ilić"),
            ("If Pristina sends its special police into the north, we will respond,", "direct", "told", "Nenad Ilić",
             "he"),
            ("it had sent extra patrols to Jarinje", "indirect", "said", "KFOR", "KFOR"),
            ('both sides to "avoid any step that could inflame the situation"', "mixed", "urged", "KFOR", "KFOR"),
            ("she had telephoned leaders in Belgrade and Pristina and invited both to Brussels for talks on Thursday",
             "indirect", "said", "Petra Lindqvist", "Petra Lindqvist"),
            ('it would not negotiate "under the pressure of barricades"', "mixed", "saying", "Kosovo government",
             "Kosovo's government"),
            ("Kosovo je Srbija", "direct", ":", "students", "students"),
            ("chanting@@Kosovo je Srbija", "direct", "chanting", "students", "Hundreds of students"),
            ("A court in Mitrovica released Radosavljević on bail pending trial", "indirect", "told",
             "Jelena Marković", "Jelena Marković"),
            ("the protesters had agreed to clear one lane of the road by the evening", "indirect", "said",
             "Jelena Marković", "She"),
        ],
        "events": [
            ("Several thousand Serbs", "police said.", "PROTEST", "blocked", "Serbs", None),
            ("Several thousand Serbs", "police said.", "COERCE", "arrest", "Kosovo", "Milan Radosavljević"),
            ("Dragan Lukić, one of", "was released.", "PROTEST", "blockade", "Serbs", None),
            ("Kosovo's interior minister", "in Mitrovica.", "COERCE", "detained", "Kosovo", "Milan Radosavljević"),
            ("Serbia's defence minister", "boundary line.", "MOBILIZE", "alert", "Serbia", None),
            ('"If Pristina sends', "broadcaster RTS.", "THREATEN", "respond", "Nenad Ilić", "Kosovo"),
            ("KFOR, the peacekeeping", 'the situation".', "MOBILIZE", "sent", "KFOR", None),
            ("KFOR, the peacekeeping", 'the situation".', "REQUEST", "urged", "KFOR", "both sides"),
            ("The European Union's envoy", "on Thursday.", "CONSULT", "telephoned", "Petra Lindqvist", None),
            ("Kosovo's government turned down", 'of barricades".', "REJECT", "turned down", "Kosovo",
             "Petra Lindqvist"),
            ("The Red Cross of Serbia handed", "for 12km.", "AID", "handed out", "Red Cross of Serbia", "drivers"),
            ('"Kosovo je Srbija": students', "in Belgrade", "PROTEST", "march", "students", None),
            ("Hundreds of students", 'je Srbija".', "PROTEST", "marched", "students", None),
            ("A court in Mitrovica", "N1 television.", "RETREAT", "released", "Kosovo", "Milan Radosavljević"),
            ("She said the protesters", "by the evening.", "AGREE", "agreed", "protesters", None),
        ],
    },
    "interview_heldout5.txt": {
        "entities": {
            "Yoon Seo-yeon": "PERSON", "Yoon": "PERSON", "North Korea": "GPE", "South Korean": "NORP",
            "American": "NORP", "Americans": "NORP", "Pyongyang": "GPE", "Seoul": "GPE", "Kim Jong Un": "PERSON",
            "Washington": "GPE", "Busan": "GPE", "Beijing": "GPE", "Swedes": "NORP", "Red Cross": "ORG",
            "China": "GPE",
        },
        "quotes": [
            ("The North wants to be feared, not ignored", "direct", ":", "Yoon Seo-yeon", "Yoon Seo-yeon"),
            ("a rehearsal for invasion", "direct", "called", "North Korea", "Pyongyang"),
            ("merciless", "direct", "warned", "North Korea", "Pyongyang"),
            ("Because it costs them nothing. The hotline was the last thing they could take away without firing a "
             "shot. They want Seoul to feel the silence.", "direct", ":", "Yoon Seo-yeon", "Yoon"),
            ("the exercises are purely defensive", "indirect", "says", "South Korea", "Seoul"),
            ("They are defensive, but that is not how they look from Pyongyang. When I was in government we scaled "
             "down the drills in 2018, and Kim Jong Un came to the table within weeks. I am not saying we should do "
             "that again. I am saying it worked once.", "direct", ":", "Yoon Seo-yeon", "Yoon"),
            ("It reassures people here, and I understand why the Americans did it. But a carrier is a message, and "
             "Pyongyang always answers messages. Expect another missile launch before the exercises end.", "direct",
             ":", "Yoon Seo-yeon", "Yoon"),
            ("There is always Beijing, and the Swedes still keep an embassy in Pyongyang. Last month the North quietly "
             "returned a fisherman who had drifted across the maritime border, through the Red Cross. That is how it "
             "starts: small gestures, no cameras. We have a saying, 'gaeguri olchaengi jeok saenggak mot handa' – the "
             "frog forgets it was once a tadpole. Both sides have forgotten 2018.", "direct", ":", "Yoon Seo-yeon",
             "Yoon"),
            ("My advice is to keep calling on the hotline from our side every morning, even if nobody picks up. And "
             "Seoul should ask China to carry a message: we are ready to talk about scaling back the exercises if the "
             "North stops its launches.", "direct", ":", "Yoon Seo-yeon", "Yoon"),
            ("Not this year, I think. But I have been wrong before, happily.", "direct", ":", "Yoon Seo-yeon", "Yoon"),
        ],
        "events": [
            ("North Korea cut", "in five years.", "SANCTION", "cut", "North Korea", "South Korea"),
            ("North Korea cut", "in five years.", "COOPERATE", "exercises", "South Korea", "United States"),
            ("Pyongyang called the drills", "retaliation.", "ACCUSE", "called", "North Korea", "South Korea"),
            ("Pyongyang called the drills", "retaliation.", "THREATEN", "warned", "North Korea", "South Korea"),
            ("When I was in government", "within weeks.", "RETREAT", "scaled", "South Korea", "North Korea"),
            ("When I was in government", "within weeks.", "CONSULT", "came to the table", "Kim Jong Un",
             "South Korea"),
            ("Q: Washington has sent", "to Busan.", "MOBILIZE", "sent", "United States", None),
            ("Last month the North", "the Red Cross.", "RETREAT", "returned", "North Korea", "fisherman"),
            ("Yoon: My advice", "picks up.", "REQUEST", "advice", "Yoon Seo-yeon", "South Korea"),
            ("And Seoul should", "its launches.", "REQUEST", "should", "Yoon Seo-yeon", "South Korea"),
        ],
    },
    "analysis_heldout5.txt": {
        "entities": {
            "Niger": "GPE", "Benin": "GPE", "Claire Adjovi": "PERSON", "Niamey": "GPE", "French": "NORP",
            "West African": "NORP", "Beninese": "NORP", "Sèmè": "GPE", "Gaya": "GPE", "Niger River": "LOC",
            "Western": "NORP", "Beijing": "GPE", "China National Petroleum Corporation": "ORG",
            "Seydou Kanouté": "PERSON", "Institute for Security Studies": "ORG", "Dakar": "GPE", "Nigerien": "NORP",
            "Cotonou": "GPE", "Issoufou Garba": "PERSON",
        },
        "quotes": [
            ("Niamey had quietly dropped its demand that French troops leave Benin first", "indirect", "said",
             "people familiar with the talks", "Three people familiar with the talks"),
            ("They asked for the moon and settled for a communiqué,", "direct", "said", "West African diplomat",
             "one of them"),
            ("The pipeline that carries Niger's crude to the Beninese port of Sèmè has been idle since June, costing "
             "the junta about $2m a day", "indirect", "according to", "oil ministry official",
             "an official at the oil ministry"),
            ("Senior officers, who see Benin as a base for French influence, argued against any reopening", "indirect",
             "said", "people close to the presidency", "people close to the presidency"),
            ("what changed their minds was a warning from Beijing", "indirect", "According to", "Western officials",
             "two Western officials"),
            ("China National Petroleum Corporation, which built the pipeline, had told Niamey it would freeze new "
             "investment unless oil began to flow again", "indirect", "said", "Western officials", "the officials"),
            ("Nobody in Niamey will admit it, but the closure was hurting Niger far more than Benin.", "direct", "said",
             "Seydou Kanouté", "Seydou Kanouté"),
            ("The generals needed the oil money to pay the army. Once Beijing lost patience, the rest was theatre,",
             "direct", "said", "Seydou Kanouté", "Seydou Kanouté"),
            ("A colonel put it to me very simply last year: 'Sovereignty does not fill the fuel tanks.'", "direct", None,
             "Seydou Kanouté", "Seydou Kanouté"),
            ("reciprocal", "direct", "describe", "officials in Cotonou", "officials in Cotonou"),
            ('the reopening was "a sovereign decision taken by Niger alone"', "mixed", "insisted", "Issoufou Garba",
             "Issoufou Garba"),
            ("The border could close again at the first quarrel", "indirect", "say", "those who follow the junta closely",
             "those who follow the junta closely"),
        ],
        "events": [
            ("Analysis: Why Niger's", "Benin border", "CONCEDE", "blinked", "Niger", "Benin"),
            ("When Niger's military", "gift to traders.", "RETREAT", "reopened", "Niger", "Benin"),
            ("Diplomats in Niamey describe", "a concession.", "CONCEDE", "concession", "Niger", None),
            ("Three people familiar", "Benin first.", "CONSULT", "talks", "Niger", "Benin"),
            ("Three people familiar", "Benin first.", "CONCEDE", "dropped", "Niger", "Benin"),
            ('"They asked for the moon', "who took part.", "REQUEST", "asked", "Niger", "Benin"),
            ('"They asked for the moon', "who took part.", "CONCEDE", "settled", "Niger", "Benin"),
            ("In Gaya, on the Niger", "military rule.", "PROTEST", "sit-in", "market women", None),
            ("Senior officers, who see", "presidency said.", "REJECT", "argued against", "senior officers", None),
            ("According to two Western", "from Beijing.", "THREATEN", "warning", "China", "Niger"),
            ("China National Petroleum Corporation, which", "officials said.", "THREATEN", "freeze",
             "China National Petroleum Corporation", "Niger"),
            ("Benin, for its part", '"reciprocal".', "RETREAT", "freed", "Benin", "Nigerien pipeline workers"),
            ("The two governments also agreed", "along the border.", "AGREE", "agreed", "Niger", "Benin"),
        ],
    },
    "press_heldout5.txt": {
        "entities": {
            "Armenia": "GPE", "Azerbaijan": "GPE", "Ministry of Foreign Affairs of the Republic of Armenia": "ORG",
            "Yerevan": "GPE", "Voskepar": "GPE", "Tavush": "GPE", "Armenian": "NORP", "Azerbaijani": "NORP",
            "Lilit Avetisyan": "PERSON", "Avetisyan": "PERSON", "Rauf Mammadli": "PERSON", "South Caucasus": "LOC",
            "Gabala": "GPE", "Hayk Grigoryan": "PERSON", "European Union Mission in Armenia": "ORG",
            "Republic of Armenia": "GPE",
        },
        "quotes": [
            ('the protocol was "a concrete step towards lasting peace in the South Caucasus"', "mixed", "stated",
             "Lilit Avetisyan", "Avetisyan"),
            ("the process was being conducted on the basis of the 1991 Almaty Declaration and that no village would be "
             "divided", "indirect", "emphasised", "Lilit Avetisyan", "She"),
            ("on 12 March the Azerbaijani side had handed over two Armenian servicemen who had strayed across the border "
             "in heavy fog in February", "indirect", "noted", "Ministry of Foreign Affairs of the Republic of Armenia",
             None),
            ("the next meeting be held in Gabala in May", "indirect", "requested", "Azerbaijani delegation",
             "The Azerbaijani side"),
            ("the Government has allocated 450 million drams to repair homes in the border villages and will provide "
             "winter fuel to 1,200 families", "indirect", "informed", "Hayk Grigoryan", "Hayk Grigoryan"),
            ("international partners to support mine clearance in the areas to be handed over", "indirect", "called on",
             "Hayk Grigoryan", "He"),
            ("large tracts near the border remain contaminated", "indirect", "noting", "Hayk Grigoryan", "He"),
            ("the Republic of Armenia is ready to sign a comprehensive peace treaty with Azerbaijan “without delay and "
             "without preconditions”", "mixed", "reiterates", "Ministry of Foreign Affairs of the Republic of Armenia",
             "The Ministry"),
        ],
        "events": [
            ("Armenia and Azerbaijan sign", "border delimitation", "AGREE", "sign", "Armenia", "Azerbaijan"),
            ("The commissions of Armenia", "Tavush region.", "CONSULT", "meeting", "Armenia", "Azerbaijan"),
            ("Following the meeting", "thirty days.", "AGREE", "signed", "Armenia", "Azerbaijan"),
            ("It was also noted", "in February.", "RETREAT", "handed over", "Azerbaijan", "Armenian servicemen"),
            ("The Armenian side expressed", "humanitarian step.", "SUPPORT", "gratitude", "Armenia", "Azerbaijan"),
            ("The Azerbaijani side requested", "the proposal.", "REQUEST", "requested", "Azerbaijan", "Armenia"),
            ("The Azerbaijani side requested", "the proposal.", "AGREE", "accepted", "Armenia", "Azerbaijan"),
            ("The Spokesperson of the Ministry", "1,200 families.", "AID", "allocated", "Armenia", "families"),
            ("He further called on", "remain contaminated.", "REQUEST", "called on", "Hayk Grigoryan",
             "international partners"),
            ("The European Union Mission", "in a statement.", "SUPPORT", "welcomed",
             "European Union Mission in Armenia", "Armenia"),
        ],
    },
    "brief_heldout5.txt": {
        "entities": {
            "Americas": "LOC", "Bogotá": "GPE", "Colombia": "GPE", "ELN": "ORG", "Catholic Church": "ORG", "UN": "ORG",
            "Arauca": "GPE", "Tumaco": "GPE", "Ecuador": "GPE", "Pacific": "LOC", "Central America": "LOC",
            "Guayaquil": "GPE", "Quito": "GPE", "Lima": "GPE", "Peru": "GPE", "Congress": "ORG", "La Paz": "GPE",
            "Bolivia": "GPE", "Buenos Aires": "GPE", "Argentina": "GPE", "Bolivian": "NORP", "Ana Quispe": "PERSON",
            "Georgetown": "GPE", "Guyana": "GPE", "Brazil": "GPE", "Venezuela": "GPE", "Caracas": "GPE",
            "Essequibo": "LOC", "Guyanese": "NORP", "Rohan Persaud": "PERSON", "Piura": "GPE", "Chile": "GPE",
            "Santiago": "GPE",
        },
        "quotes": [
            ("Colombia's ELN rebels freed a soldier and two police officers held since January, handing them to a "
             "humanitarian commission of the Catholic Church and the UN in Arauca", "indirect", "said",
             "government peace delegation", "the government's peace delegation"),
            ("Ecuador deployed 5,000 soldiers to the port city and imposed a night-time curfew after gang attacks "
             "killed 14 people in a week", "indirect", "said", "interior ministry", "the interior ministry"),
            ('he would face "political persecution" at home', "mixed", "saying", "Ecuador", "Ecuador"),
            ("Congress extend a permit scheme for small-scale mining", "indirect", "demanding", "miners",
             "Thousands of informal miners"),
            ("sheltering members of a drug cartel", "indirect", "accused", "Argentine security minister",
             "Argentina's security minister"),
            ("These accusations are an insult to our people,", "direct", "said", "Ana Quispe", "Ana Quispe"),
            ("Brazil to host talks with Venezuela", "indirect", "asked", "Guyana", "Guyana"),
            ('any "provocation" there would be met with force', "mixed", "warned", "Venezuelan defence minister",
             "Venezuela's defence minister"),
            ("We want a conversation, not a confrontation,", "direct", "said", "Rohan Persaud", "Rohan Persaud"),
            ("gesto solidario", "direct", "thanked", "Peruvian foreign ministry", "Peru's foreign ministry"),
        ],
        "events": [
            ("Bogotá: Colombia's ELN", "delegation said.", "RETREAT", "freed", "ELN", "soldier"),
            ("Tumaco: The navies", "Central America.", "COOPERATE", "joint patrols", "Colombia", "Ecuador"),
            ("Guayaquil: Ecuador", "ministry said.", "MOBILIZE", "deployed", "Ecuador", None),
            ("Guayaquil: Ecuador", "ministry said.", "COERCE", "curfew", "Ecuador", None),
            ("Guayaquil: Ecuador", "ministry said.", "ASSAULT", "killed", "gangs", "people"),
            ("Quito: Ecuador rejected", "at home.", "REJECT", "rejected", "Ecuador", "Colombia"),
            ("Lima: Thousands", "small-scale mining.", "PROTEST", "blocked", "miners", None),
            ("Lima: Thousands", "small-scale mining.", "REQUEST", "demanding", "miners", "Congress"),
            ("On Thursday the government", "by a year.", "CONCEDE", "gave in", "Peru", "miners"),
            ("La Paz: Bolivia recalled", "drug cartel.", "SANCTION", "recalled", "Bolivia", "Argentina"),
            ("La Paz: Bolivia recalled", "drug cartel.", "ACCUSE", "accused", "Argentina", "Bolivia"),
            ('"These accusations', "Quispe said.", "REJECT", "insult", "Ana Quispe", "Argentina"),
            ("Georgetown: Guyana asked", "Essequibo region.", "REQUEST", "asked", "Guyana", "Brazil"),
            ("Georgetown: Guyana asked", "Essequibo region.", "MOBILIZE", "moved", "Venezuela", None),
            ("Venezuela's defence minister", "with force.", "THREATEN", "warned", "Venezuela", "Guyana"),
            ("Piura: Chile sent", "people homeless.", "AID", "sent", "Chile", "Peru"),
            ("Peru's foreign ministry thanked", '"gesto solidario".', "SUPPORT", "thanked", "Peru", "Chile"),
        ],
    },
})


# ---------------------------------------------------------------------------------------------------
# A sixth held-out set (forms_heldout6.jsonl), written blind on 2026-12-02 by a helper who had not read the
# rule code, lexicons or gazetteer and had not run the engine on these texts; security and diplomacy news from
# regions no earlier set used (Sudan/Chad, Black Sea, South China Sea, Lebanon, Ethiopia/Somalia, and a world
# brief); gold committed before the one measurement.
ARTICLES.update({
    "wire_heldout6.txt": {
        "entities": {
            "PORT SUDAN": "GPE", "Port Sudan": "GPE", "PNS": "ORG", "Sudan": "GPE", "Chad": "GPE", "El Fasher": "GPE",
            "Adre": "FAC", "Rapid Support Forces": "ORG", "RSF": "ORG", "Jeddah": "GPE", "Saudi Arabia": "GPE",
            "United States": "GPE", "Khalid al-Tayeb": "PERSON", "Telegram": "ORG", "Youssef Ezzat": "PERSON",
            "Mohamed Hamdan Dagalo": "PERSON", "United Nations": "ORG", "Darfur": "LOC", "Sudanese": "NORP",
            "Ingrid Solberg": "PERSON", "World Food Programme": "ORG", "N'DJAMENA": "GPE", "N'Djamena": "GPE",
            "Hassan Abakar Moussa": "PERSON", "Moussa": "PERSON", "Chadian": "NORP", "UN": "ORG", "Abéché": "GPE",
            "Farchana": "GPE", "Fatima Ishag": "PERSON", "Hiba Osman": "PERSON", "Mahamat Ali": "PERSON",
            "Tom Hale": "PERSON",
        },
        "quotes": [
            ("Sudan's army and the paramilitary Rapid Support Forces agreed on Tuesday to a three-day humanitarian truce "
             "around the besieged city of El Fasher", "indirect", "said", "officials from both sides",
             "officials from both sides"),
            ('the truce would begin at dawn on Thursday and that his forces would "respond firmly" to any violation',
             "mixed", "said", "Khalid al-Tayeb", "Khalid al-Tayeb"),
            ("it had ordered its units to pull back two kilometres from the city's southern edge", "indirect", "said",
             "Rapid Support Forces", "RSF"),
            ("We have opened the roads from our side. Now the world must send the food,", "direct", "said",
             "Youssef Ezzat", "Youssef Ezzat"),
            ("more than 300,000 people are trapped in El Fasher, the last city in Darfur still held by the army",
             "indirect", "says", "United Nations", "United Nations"),
            ("shelling the city's main hospital twice last week", "indirect", "accuse", "Sudanese doctors' groups",
             "Sudanese doctors' groups"),
            ("People are eating animal feed. Children are dying of hunger in the camps around the city, and we cannot "
             "reach them.", "direct", "said", "Ingrid Solberg", "Ingrid Solberg"),
            ("Three days is not enough, but three days is better than nothing,", "direct", "said", "Ingrid Solberg",
             "Ingrid Solberg"),
            ("Chad will reopen the Adre crossing into Darfur on Wednesday for humanitarian convoys", "indirect",
             "announced", "Hassan Abakar Moussa", "Hassan Abakar Moussa"),
            ('the decision had been taken at the request of the UN secretary-general and would be reviewed "week by '
             'week"', "mixed", "said", "Hassan Abakar Moussa", "Moussa"),
            ("Chad had also agreed to host a coordination cell of aid agencies in Abéché", "indirect", "said",
             "Hassan Abakar Moussa", "he"),
            ("Chad lets weapons for the RSF cross at Adre", "indirect", "repeated its accusation",
             "Sudanese foreign ministry", "Sudan's foreign ministry"),
            ("she had walked for nine days from El Fasher with her three children", "indirect", "said", "Fatima Ishag",
             "Fatima Ishag"),
            ("الحمد لله, we are alive,", "direct", "said", "Fatima Ishag", "she"),
            ("But my brother is still there.", "direct", None, "Fatima Ishag", "she"),
        ],
        "events": [
            ("Sudan's warring sides", "Adre crossing", "AGREE", "agree", "Sudanese army", "Rapid Support Forces"),
            ("Sudan's warring sides", "Adre crossing", "RETREAT", "reopens", "Chad", "Sudan"),
            ("PORT SUDAN, March 3", "United States.", "AGREE", "agreed", "Sudanese army", "Rapid Support Forces"),
            ("PORT SUDAN, March 3", "United States.", "CONSULT", "talks", "Sudanese army", "Rapid Support Forces"),
            ("The army's spokesman", "any violation.", "THREATEN", "respond firmly", "Sudanese army",
             "Rapid Support Forces"),
            ("The RSF said in a statement", "southern edge.", "RETREAT", "pull back", "Rapid Support Forces", None),
            ("“We have opened", "our side.", "RETREAT", "opened", "Rapid Support Forces", None),
            ("Now the world must", "Hamdan Dagalo.", "REQUEST", "must", "Youssef Ezzat", None),
            ("Sudanese doctors' groups", "group denies.", "ACCUSE", "accuse", "Sudanese doctors' groups",
             "Rapid Support Forces"),
            ("Sudanese doctors' groups", "group denies.", "ASSAULT", "shelling", "Rapid Support Forces", "hospital"),
            ("Sudanese doctors' groups", "group denies.", "REJECT", "denies", "Rapid Support Forces",
             "Sudanese doctors' groups"),
            ("N'DJAMENA, March 3", "Chadian villages.", "RETREAT", "reopen", "Chad", "Sudan"),
            ("N'DJAMENA, March 3", "Chadian villages.", "SANCTION", "shut", "Chad", "Sudan"),
            ("N'DJAMENA, March 3", "Chadian villages.", "ACCUSE", "called", "Chad", "Sudanese fighters"),
            ("Moussa said the decision", '"week by week".', "REQUEST", "request", "United Nations", "Chad"),
            ("Chad had also agreed", "he said.", "AGREE", "agreed", "Chad", None),
            ("Sudan's foreign ministry welcomed", "always denied.", "SUPPORT", "welcomed", "Sudan", "Chad"),
            ("Sudan's foreign ministry welcomed", "always denied.", "ACCUSE", "accusation", "Sudan", "Chad"),
            ("Sudan's foreign ministry welcomed", "always denied.", "REJECT", "denied", "Chad", "Sudan"),
        ],
    },
    "live_heldout6.txt": {
        "entities": {
            "Black Sea": "LOC", "Russian": "NORP", "Danube": "LOC", "Izmail": "GPE", "Odesa": "GPE",
            "Serhiy Bondar": "PERSON", "Andriy Lysenko": "PERSON", "Ukrainian": "NORP", "Chornomorsk": "GPE",
            "Pivdennyi": "GPE", "Rada TV": "ORG", "Russia": "GPE", "Western": "NORP", "Kyiv": "GPE", "Romania": "GPE",
            "Plauru": "GPE", "Romanian": "NORP", "Turkish": "NORP", "Selim Aydın": "PERSON", "Ankara": "GPE",
            "Moscow": "GPE", "Istanbul": "GPE", "Karadeniz": "LOC", "European Union": "ORG", "EU": "ORG",
            "Markus Lehner": "PERSON", "Yulia Sorokina": "PERSON", "Ukraine": "GPE", "Taras Melnyk": "PERSON",
            "X": "ORG", "World Food Programme": "ORG", "Sudan": "GPE", "Somalia": "GPE", "Olena Tkachuk": "PERSON",
            "Kremlin": "ORG", "Sevastopol": "GPE",
        },
        "quotes": [
            ("Russian drones hit grain silos and a berth at the Danube port of Izmail overnight, injuring four dock "
             "workers", "indirect", "said", "Serhiy Bondar", "Serhiy Bondar"),
            ("Our corridor stays open", "direct", ":", "Andriy Lysenko", "navy spokesman"),
            ("14 cargo ships had left Odesa, Chornomorsk and Pivdennyi in the past 24 hours despite the attacks",
             "indirect", "said", "Andriy Lysenko", "Andriy Lysenko"),
            ("Not one captain has turned back,", "direct", "told", "Andriy Lysenko", "he"),
            ('its forces had carried out a "precision strike on military infrastructure" in Izmail used to bring in '
             "Western weapons", "mixed", "said", "Russian defence ministry", "Russia's defence ministry"),
            ("hiding ammunition in grain terminals", "indirect", "accused", "Russian defence ministry", "It"),
            ("fragments of a drone had fallen near the village of Plauru, across the river from Izmail, and that two "
             "F-16 jets had been scrambled", "indirect", "said", "Romanian defence ministry",
             "Romania's defence ministry"),
            ("Ankara had spoken to both Moscow and Kyiv overnight and offered to host talks in Istanbul on the safety "
             "of merchant shipping", "indirect", "said", "Selim Aydın", "Selim Aydın"),
            ("Karadeniz bir barış denizi olmalı – the Black Sea must be a sea of peace,", "direct", "said",
             "Selim Aydın", "he"),
            ('The European Union added 12 tankers linked to Russia to its sanctions list and condemned what it called '
             '"a deliberate campaign against global food security"', "mixed", "said", "Markus Lehner",
             "Markus Lehner"),
            ('any vessel heading for a Ukrainian port could be treated as "a carrier of military cargo"', "mixed",
             "warned", "Yulia Sorokina", "Yulia Sorokina"),
            ("Every silo they burn is a crime against the hungry", "direct", ":", "Taras Melnyk", "foreign minister"),
            ("partners to send more air defence systems to the Odesa region", "indirect", "called on", "Taras Melnyk",
             "Taras Melnyk"),
            ("called on partners@@Every silo they burn is a crime against the hungry,", "direct", "wrote",
             "Taras Melnyk", "he"),
            ("A ship chartered by the World Food Programme sailed from Odesa with 25,000 tonnes of wheat for Sudan "
             "and Somalia", "indirect", "said", "port authority", "the port authority"),
            ("Зерно — не зброя", "direct", "chanting", "dock workers", "About 300 dock workers"),
            ("the workers would not stop loading ships", "indirect", "said", "Olena Tkachuk", "Olena Tkachuk"),
            ("Ми працюватимемо – we will keep working.", "direct", None, "Olena Tkachuk", "Olena Tkachuk"),
            ('it was "studying" the Turkish offer', "mixed", "said", "Kremlin", "Kremlin"),
            ("Two Russian patrol ships that had shadowed the corridor since Friday withdrew towards Sevastopol",
             "indirect", "said", "Ukrainian navy", "Ukraine's navy"),
        ],
        "events": [
            ("Black Sea ports under", "live updates", "ASSAULT", "attack", "Russia", None),
            ("Russian drones hit", "Serhiy Bondar, said.", "ASSAULT", "hit", "Russia", "Izmail"),
            ("Russia's defence ministry said its forces", "Western weapons.", "ASSAULT", "strike", "Russia", "Izmail"),
            ("It accused Kyiv", "grain terminals.", "ACCUSE", "accused", "Russia", "Ukraine"),
            ("Romania's defence ministry said", "been scrambled.", "MOBILIZE", "scrambled", "Romania", None),
            ("Romanian troops have cordoned", "the area.", "MOBILIZE", "cordoned off", "Romania", None),
            ("Turkish foreign ministry spokesman", "merchant shipping.", "CONSULT", "spoken", "Turkey", "Russia"),
            ("The European Union added", "Markus Lehner said.", "SANCTION", "sanctions", "European Union", "Russia"),
            ("The European Union added", "Markus Lehner said.", "ACCUSE", "condemned", "European Union", "Russia"),
            ("Russian foreign ministry spokeswoman", 'military cargo".', "REJECT", "dismissed", "Russia",
             "European Union"),
            ("Russian foreign ministry spokeswoman", 'military cargo".', "THREATEN", "warned", "Russia", None),
            ("“Every silo they burn", "”: foreign minister", "ACCUSE", "crime", "Taras Melnyk", "Russia"),
            ("Ukraine's foreign minister, Taras Melnyk", "Odesa region.", "REQUEST", "called on", "Taras Melnyk",
             "partners"),
            ('"Every silo they burn', "wrote on X.", "ACCUSE", "crime", "Taras Melnyk", "Russia"),
            ("A ship chartered", "port authority said.", "AID", "wheat", "World Food Programme", "Sudan"),
            ("About 300 dock workers", "not a weapon).", "PROTEST", "rallied", "dock workers", None),
            ("Two Russian patrol ships", "navy said.", "RETREAT", "withdrew", "Russia", None),
        ],
    },
    "interview_heldout6.txt": {
        "entities": {
            "Teresa Villanueva": "PERSON", "Manila": "GPE", "Second Thomas Shoal": "LOC", "Chinese": "NORP",
            "Philippine": "NORP", "Philippine Navy": "ORG", "Beijing": "GPE", "University of the Philippines": "ORG",
            "Americans": "NORP", "Japanese": "NORP", "Tokyo": "GPE", "Ren'ai Jiao": "LOC", "仁爱礁": "LOC",
            "China": "GPE",
        },
        "quotes": [
            ("Manila cannot blink first at Second Thomas Shoal", "direct", ":", "Teresa Villanueva",
             "Teresa Villanueva"),
            ('the boats had "illegally intruded" into Chinese waters', "mixed", "said", "China", "Beijing"),
            ("The same thing that happens every month, only worse. The boats were bringing food and water to the "
             "marines on the Sierra Madre. The Chinese blocked them, hit them with water cannon and then boarded one "
             "of them and took the rice. That is new: they have never taken cargo before.", "direct", ":",
             "Teresa Villanueva", "A"),
            ("the shoal is Chinese territory and that Manila promised to tow the ship away", "indirect", "says", "China",
             "Beijing"),
            ("There was never such a promise; we have looked for it for twenty years. The Chinese call the shoal "
             "Ren'ai Jiao, 仁爱礁, and they want us to believe the name settles it. It does not. An international "
             "tribunal ruled in 2016 that the shoal lies on our continental shelf.", "direct", ":",
             "Teresa Villanueva", "A"),
            ("Protest notes are necessary, but they change nothing on the water. What changes things is presence. The "
             "joint patrols with the Americans and the Japanese last month were the right signal, and Tokyo's gift of "
             "five new coast guard vessels matters more than any statement.", "direct", ":", "Teresa Villanueva",
             "A"),
            ("I understand the anger, but escorts would hand Beijing the pretext it wants. My advice is to keep the "
             "missions civilian and to bring journalists along. Let the world see who is firing the water cannon. "
             "Hindi kami aalis – we are not leaving, and the marines know that.", "direct", ":", "Teresa Villanueva",
             "A"),
            ("There was a provisional arrangement last year, and for four months it worked: China let the boats "
             "through and we gave notice of every mission. Both sides should return to it. I would also ask Beijing "
             "to release the two fishermen it has held since January; that would cost them nothing.", "direct", ":",
             "Teresa Villanueva", "A"),
            ("Then we go again the next week. We have been patient for twenty-five years. We can be patient a little "
             "longer.", "direct", ":", "Teresa Villanueva", "A"),
        ],
        "events": [
            ("Chinese coast guard ships fired", "their cargo.", "ASSAULT", "fired", "China", "Philippines"),
            ("Chinese coast guard ships fired", "their cargo.", "COERCE", "seized", "China", "Philippines"),
            ("Beijing said the boats", "Chinese waters.", "ACCUSE", "intruded", "China", "Philippines"),
            ("The Chinese blocked them", "took the rice.", "ASSAULT", "hit", "China", "Philippines"),
            ("The Chinese blocked them", "took the rice.", "COERCE", "boarded", "China", "Philippines"),
            ("A: There was never", "twenty years.", "REJECT", "never", "Teresa Villanueva", "China"),
            ("Q: The foreign ministry", "Chinese embassy.", "ACCUSE", "protest", "Philippines", "China"),
            ("The joint patrols", "any statement.", "COOPERATE", "joint patrols", "Philippines", "United States"),
            ("The joint patrols", "any statement.", "AID", "gift", "Japan", "Philippines"),
            ("Q: Some senators", "supply boats.", "REQUEST", "demanding", "senators", "Philippine Navy"),
            ("My advice is", "journalists along.", "REQUEST", "advice", "Teresa Villanueva", "Philippines"),
            ("A: There was a provisional", "every mission.", "AGREE", "arrangement", "Philippines", "China"),
            ("Both sides should", "return to it.", "REQUEST", "should", "Teresa Villanueva", None),
            ("I would also ask Beijing", "cost them nothing.", "REQUEST", "ask", "Teresa Villanueva", "China"),
        ],
    },
    "analysis_heldout6.txt": {
        "entities": {
            "Hezbollah": "ORG", "Lebanese": "NORP", "Nadine Khoury": "PERSON", "Naqoura": "GPE", "Beirut": "GPE",
            "Litani River": "LOC", "Washington": "GPE", "Israel": "GPE", "Lebanon": "GPE", "Israeli": "NORP",
            "Qatar": "GPE", "Western": "NORP", "France": "GPE", "Qataris": "NORP", "Ahmad Rida": "PERSON",
            "Dahiyeh": "GPE", "Rami Khalaf": "PERSON", "American University of Beirut": "ORG", "UNIFIL": "ORG",
            "Blue Line": "LOC", "Bint Jbeil": "GPE", "European": "NORP",
        },
        "quotes": [
            ("a turning point", "direct", "call", "officials in Beirut", "Officials in Beirut"),
            ('it is "a pause, not a peace"', "mixed", "say", "diplomats familiar with the talks",
             "diplomats familiar with the talks"),
            ("the group had accepted, in a meeting with the speaker of parliament in late February, that its fighters "
             "would leave their positions south of the Litani River", "indirect", "said",
             "two members of the Lebanese delegation", "Two members of the Lebanese delegation"),
            ("Nobody asked them to disarm. We asked them to step back, and they did,", "direct", "said",
             "member of the Lebanese delegation", "one of them"),
            ("the price was a promise from Washington that Israel would halt its strikes on southern Lebanon and pull "
             "its troops off two of the five hilltops it still holds", "indirect", "According to",
             "people who attended the meeting", "people who attended the meeting"),
            ('the army would "act against any threat, wherever it appears"', "mixed", "said", "Israeli official",
             "An Israeli official"),
            ("Qatar, which has paid the salaries of Lebanese soldiers since 2023, pledged a further $60m in January",
             "indirect", "said", "Western official", "a Western official"),
            ("Without the Qataris there is no deployment,", "direct", "said", "Western official", "the official"),
            ("the army would lose its foreign funding unless it showed it could hold the south", "indirect", "argued",
             "senior officers", "who"),
            ('Hezbollah had "given nothing to the enemy" and that the resistance would stay "in every house in the '
             'south"', "mixed", "insisted", "Ahmad Rida", "Ahmad Rida"),
            ('its fighters remain "ready for any aggression"', "mixed", "says", "Hezbollah", "which"),
            ("The party has not changed its mind about Israel. It has changed its mind about the Lebanese state, which "
             "it needs more than ever now that Iran is short of money.", "direct", "said", "Rami Khalaf",
             "Rami Khalaf"),
            ("Ask anyone in Dahiyeh: they want their homes rebuilt, not another war,", "direct", "said", "Rami Khalaf",
             "Rami Khalaf"),
            ("A fighter from the south told me last month, 'We won in 2006. This time we only survived.'", "direct",
             None, "Rami Khalaf", "Rami Khalaf"),
            ("Whether the pause holds depends on the next quarrel", "indirect", "say", "those who know both sides",
             "those who know both sides"),
            ("Everyone is waiting to see who blinks,", "direct", "said", "European diplomat", "a European diplomat"),
            ("إن شاء الله it will be neither.", "direct", None, "European diplomat", "a European diplomat"),
        ],
        "events": [
            ("Analysis: Why Hezbollah", "go south", "CONCEDE", "let", "Hezbollah", "Lebanese army"),
            ("When the Lebanese army rolled", "in years.", "MOBILIZE", "rolled", "Lebanese army", None),
            ("Two members of the Lebanese delegation", "Litani River.", "CONCEDE", "accepted", "Hezbollah", "Lebanon"),
            ("Two members of the Lebanese delegation", "Litani River.", "RETREAT", "leave", "Hezbollah", None),
            ("Two members of the Lebanese delegation", "Litani River.", "CONSULT", "meeting", "Hezbollah",
             "speaker of parliament"),
            ("We asked them to step back", "not be named.", "REQUEST", "asked", "Lebanese delegation", "Hezbollah"),
            ("We asked them to step back", "not be named.", "RETREAT", "step back", "Hezbollah", None),
            ("According to people who attended", "still holds.", "AGREE", "promise", "United States", "Lebanon"),
            ("An Israeli official said", 'it appears".', "THREATEN", "act", "Israel", "Hezbollah"),
            ("Qatar, which has paid", "official said.", "AID", "pledged", "Qatar", "Lebanese army"),
            ("France is sending", "armoured vehicles.", "AID", "sending", "France", "Lebanese army"),
            ("The push came from", "hold the south.", "REQUEST", "push", "senior officers", None),
            ("Its deputy leader, Ahmad Rida", 'in the south".', "REJECT", "insisted", "Hezbollah", None),
            ("Hezbollah, which says its fighters", "the hilltops.", "THREATEN", "ready", "Hezbollah", None),
            ("UNIFIL, whose peacekeepers", "the deployment.", "COOPERATE", "patrol jointly", "UNIFIL",
             "Lebanese army"),
            ("UNIFIL, whose peacekeepers", "the deployment.", "SUPPORT", "welcomed", "UNIFIL", "Lebanese army"),
            ("Israeli drones have still struck", "Hezbollah operatives.", "ASSAULT", "struck", "Israel", "Hezbollah"),
        ],
    },
    "press_heldout6.txt": {
        "entities": {
            "Ethiopia": "GPE", "Somalia": "GPE", "Ankara": "GPE",
            "Ministry of Foreign Affairs of the Federal Democratic Republic of Ethiopia": "ORG", "Addis Ababa": "GPE",
            "Republic of Türkiye": "GPE", "Ethiopian": "NORP", "Dawit Alemayehu": "PERSON", "Somali": "NORP",
            "Abdirahman Warsame": "PERSON", "Warsame": "PERSON", "Federal Government of Somalia": "ORG", "Gedo": "GPE",
            "African Union": "ORG", "Tesfaye Alemu": "PERSON", "al-Shabaab": "ORG", "Somali Airlines": "ORG",
            "Dire Dawa": "GPE", "Beledweyne": "GPE", "Hiiraan": "GPE", "Mogadishu": "GPE",
        },
        "quotes": [
            ("the outcome reflected Ethiopia’s “unwavering commitment to peaceful coexistence with its neighbours”",
             "mixed", "stated", "Tesfaye Alemu", "Tesfaye Alemu"),
            ("Ethiopia had no territorial ambitions in Somalia", "indirect", "added", "Tesfaye Alemu", "He"),
            ("the two countries would deepen their cooperation against al-Shabaab, including the sharing of "
             "intelligence along the common border", "indirect", "emphasised",
             "Ministry of Foreign Affairs of the Federal Democratic Republic of Ethiopia", None),
            ("it has lifted the restrictions imposed in January on flights by Somali Airlines to Addis Ababa",
             "indirect", "informed", "Ethiopian delegation", "The Ethiopian side"),
            ("Ethiopia facilitate the return of Somali nationals detained in Dire Dawa", "indirect", "requested",
             "Abdirahman Warsame", "Warsame"),
            ("Ethiopia will dispatch 500 tonnes of food aid and medical supplies to flood-affected communities in "
             "Beledweyne, in the Hiiraan region of Somalia, in the coming week", "indirect", "announced",
             "Ministry of Foreign Affairs of the Federal Democratic Republic of Ethiopia", "The Ministry"),
            ("Ethiopia would not accept “any attempt by third parties to derail the process”", "mixed", "underlined",
             "Tesfaye Alemu", "The Spokesperson"),
            ("the international community to support the talks", "indirect", "called on", "Tesfaye Alemu",
             "The Spokesperson"),
            ("a victory for dialogue and for Somali sovereignty", "direct", "welcomed", "Federal Government of Somalia",
             "Federal Government of Somalia"),
        ],
        "events": [
            ("Ethiopia and Somalia agree", "talks in Ankara", "AGREE", "agree", "Ethiopia", "Somalia"),
            ("The Foreign Ministers of Ethiopia", "access to the sea.", "CONSULT", "met", "Ethiopia", "Somalia"),
            ("The two sides agreed to resume", "four months.", "AGREE", "agreed", "Ethiopia", "Somalia"),
            ("At the request of the Somali delegation", "African Union mission.", "REQUEST", "request", "Somalia",
             "Ethiopia"),
            ("At the request of the Somali delegation", "African Union mission.", "AGREE", "agreed", "Ethiopia",
             "Somalia"),
            ("It was further emphasised", "common border.", "COOPERATE", "cooperation", "Ethiopia", "Somalia"),
            ("The Ethiopian side also informed", "Addis Ababa.", "RETREAT", "lifted", "Ethiopia", "Somalia"),
            ("Foreign Minister Warsame expressed", "in Dire Dawa.", "SUPPORT", "appreciation", "Abdirahman Warsame",
             "Ethiopia"),
            ("Foreign Minister Warsame expressed", "in Dire Dawa.", "REQUEST", "requested", "Abdirahman Warsame",
             "Ethiopia"),
            ("Foreign Minister Warsame expressed", "in Dire Dawa.", "COERCE", "detained", "Ethiopia",
             "Somali nationals"),
            ("The Ministry further announced", "coming week.", "AID", "dispatch", "Ethiopia", "Somalia"),
            ("Both sides expressed their gratitude", "in Mogadishu.", "SUPPORT", "gratitude", "Ethiopia",
             "Republic of Türkiye"),
            ("Both sides expressed their gratitude", "in Mogadishu.", "AGREE", "agreed", "Ethiopia", "Somalia"),
            ("The Spokesperson underlined", "support the talks.", "REJECT", "not accept", "Ethiopia", "third parties"),
            ("The Spokesperson underlined", "support the talks.", "REQUEST", "called on", "Tesfaye Alemu",
             "international community"),
            ("In a separate statement", "Somali sovereignty”.", "SUPPORT", "welcomed", "Federal Government of Somalia",
             "Ethiopia"),
        ],
    },
    "brief_heldout6.txt": {
        "entities": {
            "Naypyitaw": "GPE", "Myanmar": "GPE", "Arakan Army": "ORG", "Rakhine": "GPE", "Kunming": "GPE",
            "China": "GPE", "Sittwe": "GPE", "Mrauk-U": "GPE", "Khaing Thu Kha": "PERSON", "Taipei": "GPE",
            "Taiwan": "GPE", "Taiwanese": "NORP", "Lin Cheng-hao": "PERSON", "Beijing": "GPE", "Maputo": "GPE",
            "Rwanda": "GPE", "Cabo Delgado": "GPE", "Islamic State": "ORG", "Macomia": "GPE", "Mozambique": "GPE",
            "TotalEnergies": "ORG", "Tripoli": "GPE", "Central Bank of Libya": "ORG", "Presidential Council": "ORG",
            "Libya": "GPE", "Tbilisi": "GPE", "Georgians": "NORP", "საქართველო": "GPE", "Georgia": "GPE",
            "Europe": "LOC", "European Union": "ORG", "Bangkok": "GPE", "Thailand": "GPE", "Cambodia": "GPE",
            "Phnom Penh": "GPE", "Thai": "NORP", "Cambodian": "NORP", "Sok Vannak": "PERSON", "Kinshasa": "GPE",
            "Congo": "GPE", "Kigali": "GPE", "North Kivu": "GPE", "M23": "ORG", "Claudine Mukamana": "PERSON",
            "Asmara": "GPE", "Eritrea": "GPE", "Ethiopian": "NORP", "Amhara": "GPE", "Tesfai Berhe": "PERSON",
            "X": "ORG",
        },
        "quotes": [
            ("Myanmar's military government and the Arakan Army agreed to a ten-day ceasefire in Rakhine state after "
             "talks in Kunming hosted by China", "indirect", "said", "junta information office",
             "the junta's information office"),
            ("A junta air strike hit a market in Mrauk-U hours before the truce began, killing at least 11 civilians",
             "indirect", "said", "Arakan Army", "Arakan Army"),
            ("This is how they sign a ceasefire,", "direct", "said", "Khaing Thu Kha", "Khaing Thu Kha"),
            ("We will not be intimidated,", "direct", "said", "Lin Cheng-hao", "Lin Cheng-hao"),
            ('Taiwanese "separatists" would "pay the price"', "mixed", "warned", "China", "Beijing"),
            ("Rwanda is sending another 1,000 troops to Cabo Delgado after insurgents linked to Islamic State attacked "
             "the town of Macomia", "indirect", "said", "Mozambican defence ministry", "Mozambique's defence ministry"),
            ("the site was not affected", "indirect", "TotalEnergies@@said", "TotalEnergies", "TotalEnergies"),
            ("eight suspects had since been arrested", "indirect", "said", "Libyan interior ministry",
             "Libya's interior ministry"),
            ("საქართველო ევროპაა", "direct", "chanting", "Georgians", "Thousands of Georgians"),
            ("Police used water cannon and detained 23 people", "indirect", "said", "Georgian interior ministry",
             "the interior ministry"),
            ("Thailand reopened two border crossings with Cambodia that had been shut since a deadly clash in May, and "
             "Phnom Penh lifted its ban on Thai fruit", "indirect", "said", "officials on both sides",
             "officials on both sides"),
            ("Trade is the best ceasefire,", "direct", "said", "Sok Vannak", "Sok Vannak"),
            ("sending troops into North Kivu to back the M23 rebels", "indirect", "accusing", "Congo", "Congo"),
            ('the charge was "a fabrication"', "mixed", "said", "Claudine Mukamana", "Claudine Mukamana"),
            ("baseless", "direct", "dismissed", "Eritrea", "Eritrea"),
            ("it was arming rebels in the Amhara region", "indirect", "accusation", "Ethiopia", "Ethiopian"),
            ("We have no interest in anyone's war,", "direct", "wrote", "Tesfai Berhe", "Tesfai Berhe"),
        ],
        "events": [
            ("Naypyitaw: Myanmar's", "office said.", "AGREE", "agreed", "Myanmar", "Arakan Army"),
            ("Naypyitaw: Myanmar's", "office said.", "CONSULT", "talks", "Myanmar", "Arakan Army"),
            ("The rebels also freed", "in January.", "RETREAT", "freed", "Arakan Army", "soldiers"),
            ("Sittwe: A junta air strike", "Army said.", "ASSAULT", "air strike", "Myanmar", "civilians"),
            ("Taipei: Taiwan put", "day of drills.", "MOBILIZE", "combat alert", "Taiwan", None),
            ("Beijing warned", 'the price".', "THREATEN", "warned", "China", "Taiwan"),
            ("Maputo: Rwanda is sending", "ministry said.", "MOBILIZE", "sending", "Rwanda", None),
            ("Maputo: Rwanda is sending", "ministry said.", "ASSAULT", "attacked", "Islamic State", "Macomia"),
            ("Tripoli: Gunmen stormed", "its directors.", "ASSAULT", "stormed", "gunmen", "Central Bank of Libya"),
            ("Tripoli: Gunmen stormed", "its directors.", "COERCE", "held", "gunmen", "directors"),
            ("They withdrew after", "bank's governor.", "RETREAT", "withdrew", "gunmen", None),
            ("They withdrew after", "bank's governor.", "CONCEDE", "gave in", "Presidential Council", "gunmen"),
            ("They withdrew after", "bank's governor.", "REQUEST", "demand", "gunmen", "Presidential Council"),
            ("Libya's interior ministry said", "been arrested.", "COERCE", "arrested", "Libya", "suspects"),
            ("Tbilisi: Thousands", "European Union.", "PROTEST", "marched", "Georgians", None),
            ("Tbilisi: Thousands", "European Union.", "SANCTION", "froze", "Georgia", "European Union"),
            ("Police used water cannon", "ministry said.", "COERCE", "detained", "Georgian police", "protesters"),
            ("Bangkok: Thailand reopened", "both sides said.", "RETREAT", "reopened", "Thailand", "Cambodia"),
            ("Kinshasa: Congo expelled", "M23 rebels.", "SANCTION", "expelled", "Congo", "Rwanda"),
            ("Kinshasa: Congo expelled", "M23 rebels.", "ACCUSE", "accusing", "Congo", "Rwanda"),
            ("Rwanda's government spokeswoman", 'fabrication".', "REJECT", "fabrication", "Rwanda", "Congo"),
            ("Asmara: Eritrea dismissed", "Amhara region.", "REJECT", "dismissed", "Eritrea", "Ethiopia"),
            ("Asmara: Eritrea dismissed", "Amhara region.", "ACCUSE", "accusation", "Ethiopia", "Eritrea"),
        ],
    },
})


# ---------------------------------------------------------------------------------------------------
# A seventh held-out set (forms_heldout7.jsonl), written blind on 2026-12-02 by a helper who had not read the
# rule code, lexicons or gazetteer and had not run the engine on these texts; security and diplomacy news from
# regions no earlier set used (Yemen talks in Muscat, the Baltic states and Kaliningrad, Haiti, Iraq and
# Kurdistan, Kyrgyzstan/Tajikistan, and a world brief); gold committed before the one measurement.
ARTICLES.update({
    "wire_heldout7.txt": {
        "entities": {
            "Yemen": "GPE", "Houthis": "ORG", "Muscat": "GPE", "MUSCAT": "GPE", "Gulf Wire": "ORG",
            "Houthi movement": "ORG", "Omani": "NORP", "United Nations": "ORG", "Hans Grundberg": "PERSON",
            "Grundberg": "PERSON", "International Committee of the Red Cross": "ORG", "Sanaa": "GPE", "Aden": "GPE",
            "Marib": "GPE", "Houthi": "NORP", "Abdulqader al-Murtada": "PERSON", "Saudi": "NORP",
            "Yahya Kamal": "PERSON", "Oman": "GPE", "Badr Albusaidi": "PERSON", "Saudi Arabia": "GPE",
            "SANAA": "GPE", "Gulf of Aden": "LOC", "United States": "GPE", "Hodeidah": "GPE", "U.S.": "GPE",
            "U.S. Central Command": "ORG", "Mohammed Abdulsalam": "PERSON", "X": "ORG", "Washington": "GPE",
            "World Food Programme": "ORG", "Noura Saleh": "PERSON", "Dubai": "GPE", "Treasury": "ORG",
        },
        "quotes": [
            ("Yemen's internationally recognised government and the Houthi movement agreed on Monday to exchange more "
             "than 800 prisoners after five days of talks in the Omani capital", "indirect", "said", "Hans Grundberg",
             "the United Nations envoy"),
            ('the swap would take place "within three weeks" and that the International Committee of the Red Cross '
             "would supervise flights between Sanaa, Aden and Marib", "mixed", "told reporters", "Hans Grundberg",
             "Hans Grundberg"),
            ("This is the largest release since the truce of 2022. It shows that the parties can still deliver when "
             "they choose to.", "direct", "said", "Hans Grundberg", "Grundberg"),
            ("But nobody should mistake it for peace,", "direct", "said", "Hans Grundberg", "Grundberg"),
            ("he would return to the region next week", "indirect", "adding", "Hans Grundberg", "Grundberg"),
            ("his side had handed over a list of 300 names, including four Saudi pilots", "indirect", "said",
             "Abdulqader al-Murtada", "Abdulqader al-Murtada"),
            ('hiding "hundreds" of detainees in secret jails in Marib', "mixed", "accused", "Abdulqader al-Murtada",
             "He"),
            ("the Houthis had dropped their demand that a senior commander be freed first", "indirect", "said",
             "Yahya Kamal", "Yahya Kamal"),
            ("We did not give them that, and they accepted it,", "direct", "said", "Yahya Kamal", "he"),
            ("Muscat was ready to host a second round on the economy and the payment of public salaries", "indirect",
             "praised both delegations@@said", "Badr Albusaidi", "Badr Albusaidi"),
            ('the kingdom would keep supporting "all efforts to reach a comprehensive political solution" in Yemen',
             "mixed", "said", "Saudi foreign ministry", "Saudi foreign ministry"),
            ("they would resume attacks on ships in the Gulf of Aden if the United States kept up its air strikes on "
             "the port of Hodeidah", "indirect", "warned", "Houthis", "Houthis"),
            ("U.S. aircraft struck two radar sites near Hodeidah overnight", "indirect", "according to",
             "U.S. Central Command", "U.S. Central Command"),
            ("the sites had been used to track commercial vessels", "indirect", "said", "U.S. Central Command",
             "which"),
            ("aggression will be met with aggression", "direct", "wrote", "Mohammed Abdulsalam",
             "Mohammed Abdulsalam"),
            ("Oman and the United Nations to press Washington to stop the raids", "indirect", "called on",
             "Mohammed Abdulsalam", "He"),
            ("the strikes had shut Hodeidah port for a second day", "indirect", "said", "aid agencies", "Aid agencies"),
            ("three ships carrying 60,000 tonnes of wheat were waiting offshore", "indirect", "said",
             "World Food Programme", "World Food Programme"),
            ("Every day the port is closed, people in the north go without bread,", "direct", "said", "Noura Saleh",
             "Noura Saleh"),
            ("Ma'a salama to the aid, if this goes on.", "direct", None, "Noura Saleh", "Noura Saleh"),
            ("Washington has also imposed new sanctions on two Houthi-linked shipping firms registered in Dubai",
             "indirect", "said", "Treasury", "Treasury"),
        ],
        "events": [
            ("Yemen's government and Houthis", "Muscat talks", "AGREE", "agree", "Yemeni government", "Houthis"),
            ("Yemen's government and Houthis", "Muscat talks", "CONSULT", "talks", "Yemeni government", "Houthis"),
            ("MUSCAT, April 14", "envoy said.", "AGREE", "agreed", "Yemeni government", "Houthis"),
            ("MUSCAT, April 14", "envoy said.", "CONSULT", "talks", "Yemeni government", "Houthis"),
            ("He accused the government", "government denied.", "ACCUSE", "accused", "Abdulqader al-Murtada",
             "Yemeni government"),
            ("He accused the government", "government denied.", "COERCE", "detainees", "Yemeni government",
             "detainees"),
            ("He accused the government", "government denied.", "REJECT", "denied", "Yemeni government",
             "Abdulqader al-Murtada"),
            ("Yahya Kamal, a spokesman", "freed first.", "CONCEDE", "dropped", "Houthis", "Yemeni government"),
            ('"We did not give them', "he said.", "REJECT", "did not give", "Yemeni government", "Houthis"),
            ('"We did not give them', "he said.", "CONCEDE", "accepted", "Houthis", "Yemeni government"),
            ("Oman's foreign minister", "public salaries.", "SUPPORT", "praised", "Badr Albusaidi", None),
            ("Saudi Arabia welcomed", "the agreement.", "SUPPORT", "welcomed", "Saudi Arabia", None),
            ("A Saudi foreign ministry statement", "in Yemen.", "SUPPORT", "supporting", "Saudi Arabia", None),
            ("SANAA, April 14", "of Hodeidah.", "THREATEN", "warned", "Houthis", "United States"),
            ("SANAA, April 14", "of Hodeidah.", "ASSAULT", "air strikes", "United States", "Hodeidah"),
            ("U.S. aircraft struck", "commercial vessels.", "ASSAULT", "struck", "United States", "Hodeidah"),
            ("Mohammed Abdulsalam, the Houthis'", 'with aggression".', "THREATEN", "met", "Houthis", "United States"),
            ("He called on Oman", "the raids.", "REQUEST", "called on", "Houthis", "Oman"),
            ("Washington has also imposed", "on Friday.", "SANCTION", "sanctions", "United States", "shipping firms"),
        ],
    },
    "live_heldout7.txt": {
        "entities": {
            "Baltic": "LOC", "Kaliningrad": "GPE", "Russian": "NORP", "Lithuanian": "NORP", "Lithuania": "GPE",
            "Agnė Bilotaitė": "PERSON", "Moscow": "GPE", "LRT": "ORG", "Russia": "GPE", "Maria Zakharova": "PERSON",
            "Baltic Fleet": "ORG", "Baltiysk": "GPE", "Estonian": "NORP", "Estonia": "GPE", "Ivo Värk": "PERSON",
            "ERR": "ORG", "Gulf of Finland": "LOC", "Poland": "GPE", "Władysław Kosiniak-Kamysz": "PERSON",
            "Warsaw": "GPE", "Suwałki gap": "LOC", "Belarus": "GPE", "X": "ORG", "Nato": "ORG", "Mark Rutte": "PERSON",
            "Baltic states": "LOC", "Latvia": "GPE", "Terehova": "FAC", "Latvian": "NORP", "Vilnius": "GPE",
            "Ukrainian": "NORP", "Rūta Vaitkevičiūtė": "PERSON", "European Commission": "ORG", "Olof Gill": "PERSON",
            "Belarusian": "NORP", "Minsk": "GPE", "Kremlin": "ORG", "Dmitry Peskov": "PERSON",
        },
        "quotes": [
            ("Our border stays shut to Russian freight", "direct", ":", "Agnė Bilotaitė", "minister"),
            ("Lithuania will keep its rail border with the Kaliningrad exclave closed to Russian freight for at least "
             "another month", "indirect", "said", "Agnė Bilotaitė", "Agnė Bilotaitė"),
            ("We will not be blackmailed by Moscow,", "direct", "told", "Agnė Bilotaitė", "she"),
            ("an illegal blockade", "direct", "condemned", "Russian foreign ministry", "Russia's foreign ministry"),
            ('Moscow would take "practical measures" to protect Kaliningrad if the line was not reopened by Friday',
             "mixed", "warned", "Maria Zakharova", "Maria Zakharova"),
            ("it has begun exercises off Baltiysk involving 20 warships and about 3,000 troops", "indirect", "says",
             "Baltic Fleet", "Russian Baltic Fleet"),
            ("the drills had been planned months ago", "indirect", "said", "Russian defence ministry",
             "defence ministry in Moscow"),
            ("We are watching every ship", "direct", ":", "Ivo Värk", "navy commander"),
            ("two Russian corvettes had entered the Gulf of Finland overnight", "indirect", "told", "Ivo Värk",
             "Ivo Värk"),
            ("They are in international waters, but we are watching every ship,", "direct", "said", "Ivo Värk", "he"),
            ("Warsaw will send an extra 2,000 soldiers to the Suwałki gap, the narrow strip of land between Belarus "
             "and Kaliningrad", "indirect", "says", "Władysław Kosiniak-Kamysz", "Władysław Kosiniak-Kamysz"),
            ("Nikt nas nie zastraszy – nobody will intimidate us,", "direct", "wrote", "Władysław Kosiniak-Kamysz",
             "he"),
            ('the alliance stood "shoulder to shoulder" with Lithuania', "mixed", "said", "Mark Rutte", "He"),
            ('Russia to stop "dangerous behaviour at sea"', "mixed", "urged", "Mark Rutte", "He"),
            ("cars and lorries were crossing normally again", "indirect", "said", "Latvian border guard",
             "Latvian border guard"),
            ('the crowd wanted the government "to hold the line"', "mixed", "said", "Rūta Vaitkevičiūtė",
             "Rūta Vaitkevičiūtė"),
            ("it will pay €40m to help Lithuania's railway operator cover losses from the closure", "indirect", "says",
             "European Commission", "European Commission"),
            ('the aid was "a sign of solidarity"', "mixed", "said", "Olof Gill", "Olof Gill"),
            ("provocations", "direct", "accused", "Belarus", "Belarus"),
            ("tried to cross with cigarettes hidden in a lorry", "indirect", "says", "Lithuania", "Vilnius"),
            ('Russia was "open to dialogue" with Vilnius on transit but would not accept "conditions"', "mixed",
             "told reporters", "Dmitry Peskov", "Dmitry Peskov"),
        ],
        "events": [
            ("'Our border stays shut", "Lithuanian minister", "SANCTION", "shut", "Lithuania", "Russia"),
            ("Lithuania will keep its rail border", "this morning.", "SANCTION", "closed", "Lithuania", "Russia"),
            ('"We will not be blackmailed', "LRT radio.", "REJECT", "not be blackmailed", "Lithuania", "Russia"),
            ("Russia's foreign ministry has condemned", "its territory.", "ACCUSE", "condemned", "Russia",
             "Lithuania"),
            ("Spokeswoman Maria Zakharova warned", "by Friday.", "THREATEN", "warned", "Russia", "Lithuania"),
            ("The Russian Baltic Fleet says", "3,000 troops.", "MOBILIZE", "exercises", "Russia", None),
            ("Estonia has put its navy", "heightened readiness.", "MOBILIZE", "heightened readiness", "Estonia", None),
            ("Commander Ivo Värk told ERR", "Finland overnight.", "MOBILIZE", "entered", "Russia", None),
            ("Poland's defence minister", "and Kaliningrad.", "MOBILIZE", "send", "Poland", None),
            ("Nato's secretary-general, Mark Rutte", "by phone.", "CONSULT", "spoken", "Nato", "Baltic states"),
            ("He said the alliance stood", 'behaviour at sea".', "SUPPORT", "stood", "Nato", "Lithuania"),
            ("He said the alliance stood", 'behaviour at sea".', "REQUEST", "urged", "Nato", "Russia"),
            ("Some relief for drivers", "border post.", "RETREAT", "reopened", "Latvia", "Russia"),
            ("Some relief for drivers", "border post.", "SANCTION", "shut", "Latvia", "Russia"),
            ("About 2,000 people rallied", "Lithuanian flags.", "PROTEST", "rallied", "protesters", "Russia"),
            ("Organiser Rūta Vaitkevičiūtė said", 'hold the line".', "REQUEST", "wanted", "protesters",
             "Lithuanian government"),
            ("The European Commission says", "the closure.", "AID", "pay", "European Commission", "Lithuania"),
            ("Spokesman Olof Gill said", 'of solidarity".', "SUPPORT", "solidarity", "European Commission",
             "Lithuania"),
            ("Belarus has accused Lithuania", "in a lorry.", "ACCUSE", "accused", "Belarus", "Lithuania"),
            ("Belarus has accused Lithuania", "in a lorry.", "COERCE", "detained", "Lithuania",
             "Belarusian citizens"),
            ("Minsk demanded", "immediate release.", "REQUEST", "demanded", "Belarus", "Lithuania"),
            ("A Kremlin spokesman, Dmitry Peskov", '"conditions".', "REJECT", "not accept", "Russia", "Lithuania"),
        ],
    },
    "interview_heldout7.txt": {
        "entities": {
            "Lucienne Étienne": "PERSON", "Étienne": "PERSON", "Viv Ansanm": "ORG", "Mirebalais": "GPE",
            "Kenyan": "NORP", "Multinational Security Support": "ORG", "Port-au-Prince": "GPE",
            "Fondasyon Je Klere": "ORG", "Kenyans": "NORP", "Transitional Presidential Council": "ORG",
            "United Nations": "ORG", "UN": "ORG", "Haitians": "NORP", "Washington": "GPE", "Cité Soleil": "GPE",
            "Pétion-Ville": "GPE", "Miami": "GPE", "Dominican Republic": "GPE", "United States": "GPE",
            "Dajabón": "GPE", "Santo Domingo": "GPE", "Jimmy Chérizier": "PERSON", "Chérizier": "PERSON",
            "Kenscoff": "GPE",
        },
        "quotes": [
            ("The gangs are winning because the state has left", "direct", ":", "Lucienne Étienne",
             "Lucienne Étienne"),
            ("its troops had driven the gunmen back on Sunday", "indirect", "said", "Multinational Security Support",
             "Multinational Security Support mission"),
            ("The gangs came at night, from three sides. They burned the police station and opened the prison. The "
             "police had asked for reinforcements two days earlier; nobody came. By the time the Kenyans arrived, the "
             "town was empty.", "direct", ":", "Lucienne Étienne", "Étienne"),
            ("his troops retook the town within 48 hours", "indirect", "says", "mission commander",
             "mission’s commander"),
            ("They did, and I thank them for it. But they retook streets, not the town. People will not go back until "
             "there is a police post that stays. The mission has 1,000 men for a country of eleven million. That is "
             "not a mission, that is a gesture.", "direct", ":", "Lucienne Étienne", "Étienne"),
            ("the United Nations to turn the mission into a full peacekeeping operation", "indirect", "asked",
             "Transitional Presidential Council", "Transitional Presidential Council"),
            ("Yes, with conditions. We remember cholera. We remember the abuses of 2004. If the UN comes back, "
             "Haitians must have a way to complain and to be heard. Otherwise “peacekeeping” is just a new word for "
             "the same thing.", "direct", ":", "Lucienne Étienne", "Étienne"),
            ("It helps a little. The people who pay for the guns do not live in Cité Soleil, they live in Pétion-Ville "
             "and in Miami. I have asked the Dominican Republic and the United States to freeze their accounts, and I "
             "ask again now.", "direct", ":", "Lucienne Étienne", "Étienne"),
            ("It is cruel, and it is illegal. Santo Domingo knows these people are fleeing the same gangs it says it "
             "fears. Men bèl pawòl, men pa gen anyen – many fine words, but nothing.", "direct", ":",
             "Lucienne Étienne", "Étienne"),
            ("they are ready to negotiate", "indirect", "say", "gang leaders", "Some gang leaders"),
            ("Chérizier says many things. He offered a truce in March and his men attacked Kenscoff the following "
             "week. No talks until they lay down their weapons and hand over the children they have recruited.",
             "direct", ":", "Lucienne Étienne", "Étienne"),
            ("Pay the police. Open the courts. A judge in Port-au-Prince earns less than a gang lookout. Start there.",
             "direct", ":", "Lucienne Étienne", "Étienne"),
        ],
        "events": [
            ("Gangs of the Viv Ansanm", "its prison.", "ASSAULT", "attacked", "Viv Ansanm", "Mirebalais"),
            ("The Kenyan-led Multinational", "on Sunday.", "ASSAULT", "driven", "Multinational Security Support",
             "Viv Ansanm"),
            ("They burned the police", "opened the prison.", "ASSAULT", "burned", "Viv Ansanm", "police station"),
            ("The police had asked", "nobody came.", "REQUEST", "asked", "Haitian police", None),
            ("Q: The mission’s commander", "48 hours.", "ASSAULT", "retook", "Multinational Security Support",
             "Viv Ansanm"),
            ("Étienne: They did", "thank them for it.", "SUPPORT", "thank", "Lucienne Étienne",
             "Multinational Security Support"),
            ("That is not a mission", "is a gesture.", "ACCUSE", "gesture", "Lucienne Étienne",
             "Multinational Security Support"),
            ("Q: The Transitional Presidential Council", "peacekeeping operation.", "REQUEST", "asked",
             "Transitional Presidential Council", "United Nations"),
            ("Étienne: Yes, with", "conditions.", "SUPPORT", "Yes", "Lucienne Étienne",
             "Transitional Presidential Council"),
            ("Q: Washington has sanctioned", "financing gangs.", "SANCTION", "sanctioned", "United States",
             "former senators"),
            ("I have asked the Dominican", "again now.", "REQUEST", "asked", "Lucienne Étienne",
             "Dominican Republic"),
            ("Q: The Dominican Republic has deported", "Dajabón twice.", "COERCE", "deported", "Dominican Republic",
             "Haitians"),
            ("Q: The Dominican Republic has deported", "Dajabón twice.", "SANCTION", "closed", "Dominican Republic",
             "Haiti"),
            ("Étienne: It is cruel", "it is illegal.", "ACCUSE", "cruel", "Lucienne Étienne", "Dominican Republic"),
            ("He offered a truce", "following week.", "ASSAULT", "attacked", "Jimmy Chérizier", "Kenscoff"),
            ("No talks until", "have recruited.", "REJECT", "No talks", "Lucienne Étienne", "Jimmy Chérizier"),
            ("Étienne: Pay the police.", "the police.", "REQUEST", "Pay", "Lucienne Étienne", "Haitian government"),
        ],
    },
    "analysis_heldout7.txt": {
        "entities": {
            "Baghdad": "GPE", "Ankara": "GPE", "PKK": "ORG", "Iraq": "GPE", "Kurdistan Workers' Party": "ORG",
            "Turkey": "GPE", "Qandil mountains": "LOC", "Qandil": "LOC", "Turkish": "NORP", "Iraqi": "NORP",
            "Tigris": "LOC", "Euphrates": "LOC", "Development Road": "FAC", "Basra": "GPE", "Turks": "NORP",
            "Western": "NORP", "Kurdistan Regional Government": "ORG", "Erbil": "GPE", "KRG": "ORG", "Sinjar": "GPE",
            "Yazidi": "NORP", "Kurdish": "NORP", "Firat": "ORG", "Lahib Higel": "PERSON",
            "International Crisis Group": "ORG", "Iran": "GPE", "Tehran": "GPE",
        },
        "quotes": [
            ("banned organisation", "direct", "declared", "Iraqi national security council",
             "Iraq's national security council"),
            ("was less about the PKK than about water, oil and a road", "indirect", "suggest", "officials in Baghdad",
             "officials in Baghdad"),
            ("Iraq to act against the militants", "indirect", "pressed", "Turkey", "Turkey"),
            ("Ankara offered something in return", "indirect", "according to", "two Iraqi officials",
             "two Iraqi officials"),
            ("Turkey would release more water from its dams into the Tigris and Euphrates and back the Development "
             "Road, a $17bn rail and motorway corridor from Basra to the Turkish border", "indirect", "said",
             "two Iraqi officials", "they"),
            ("We needed the water more than we needed the argument,", "direct", "said", "Iraqi official",
             "one of them"),
            ("a bargain, not a friendship", "direct", "describe", "diplomats in Baghdad", "Diplomats in Baghdad"),
            ("The Turks told us, 'You close Qandil, we open the taps.' That is the whole treaty,", "direct", "said",
             "Western diplomat", "one Western diplomat"),
            ("the peshmerga were ready to coordinate with Iraqi and Turkish forces along the border", "indirect",
             "said", "KRG official", "KRG official"),
            ("Sinjar, the Yazidi district where PKK-linked fighters still hold checkpoints, could become the next "
             "battleground", "indirect", "warn", "aid workers", "aid workers"),
            ("Turkish strikes on Sinjar in January killed five people", "indirect", "say", "local officials",
             "local officials"),
            ("it was ready to lay down its arms in Turkey", "indirect", "announced", "PKK", "which"),
            ("selling Kurdish blood for water", "direct", "accused", "PKK", "PKK"),
            ('the group would "defend itself" if Iraqi troops entered Qandil', "mixed", "said", "PKK commander",
             "commander"),
            ('the ban was "mostly a message to Ankara" and that Iraqi troops were unlikely to fight in the mountains',
             "mixed", "said", "Lahib Higel", "Lahib Higel"),
            ("Nobody in Baghdad wants a war in Qandil. They want to be seen wanting it,", "direct", "said",
             "Lahib Higel", "she"),
            ("has asked for the same treatment for the groups it fights", "indirect", "according to",
             "people close to the government", "people close to the government in Baghdad"),
            ("Inshallah,", "direct", "said", "senior Iraqi official", "a senior Iraqi official"),
            ("the water comes before the summer.", "direct", None, "senior Iraqi official",
             "a senior Iraqi official"),
        ],
        "events": [
            ("When Iraq's national security council", "official ambiguity.", "SANCTION", "banned", "Iraq", "PKK"),
            ("Turkey has long pressed", "the 1990s.", "REQUEST", "pressed", "Turkey", "Iraq"),
            ("Turkish drones and jets", "almost weekly.", "ASSAULT", "struck", "Turkey", "PKK"),
            ("Iraqi governments protested", "little else.", "ACCUSE", "protested", "Iraq", "Turkey"),
            ("What changed, according", "in return.", "CONSULT", "talks", "Iraq", "Turkey"),
            ('"The Turks told us', "diplomat said.", "AGREE", "treaty", "Turkey", "Iraq"),
            ("The Kurdistan Regional Government in Erbil", "the shift.", "SUPPORT", "welcomed",
             "Kurdistan Regional Government", "Iraq"),
            ("Turkish strikes on Sinjar", "officials say.", "ASSAULT", "strikes", "Turkey", "Sinjar"),
            ("The PKK, which announced", "blood for water\".", "ACCUSE", "accused", "PKK", "Iraq"),
            ("A commander quoted", "entered Qandil.", "THREATEN", "defend", "PKK", "Iraq"),
            ("Tehran, according to", "it fights.", "REQUEST", "asked", "Iran", "Iraq"),
        ],
    },
    "press_heldout7.txt": {
        "entities": {
            "Kyrgyzstan": "GPE", "Tajikistan": "GPE", "Ministry of Foreign Affairs of the Kyrgyz Republic": "ORG",
            "Bishkek": "GPE", "Batken": "GPE", "Kyrgyz Republic": "GPE", "Republic of Tajikistan": "GPE",
            "Kyrgyz": "NORP", "State Committee for National Security": "ORG", "Kamchybek Tashiev": "PERSON",
            "Tajik": "NORP", "Rajabali Rahmonali": "PERSON", "Isfara": "GPE", "Aibek Abdrakhmanov": "PERSON",
            "Kairagach–Patar": "FAC", "Kyzyl-Bel": "FAC", "Isfara river": "LOC", "Dushanbe": "GPE",
            "Abdrakhmanov": "PERSON", "Ak-Sai": "GPE", "Kok-Tash": "GPE", "Golovnoy": "FAC", "United Nations": "ORG",
            "Organization for Security and Co-operation in Europe": "ORG", "Jogorku Kenesh": "ORG",
            "Republic of Kazakhstan": "GPE", "Kassym-Jomart Tokayev": "PERSON", "Sadyr Japarov": "PERSON",
        },
        "quotes": [
            ("the agreement “closes a chapter that cost too many lives” and opens the way to the free movement of "
             "people and goods", "mixed", "stated", "Aibek Abdrakhmanov", "Aibek Abdrakhmanov"),
            ("both sides will withdraw the additional military units deployed to the border area in 2022 and return "
             "them to their permanent bases within thirty days", "indirect", "emphasised",
             "Ministry of Foreign Affairs of the Kyrgyz Republic", None),
            ("the restrictions on the transit of Tajik cargo through the Kyrgyz Republic, introduced in September "
             "2022, will be lifted from 1 June", "indirect", "informed", "Kyrgyz delegation", "The Kyrgyz side"),
            ("Dushanbe regards the protocol as “a model for the whole of Central Asia”", "mixed", "said",
             "Rajabali Rahmonali", "Rajabali Rahmonali"),
            ("the Kyrgyz Republic will provide humanitarian assistance, including building materials, to families in "
             "the villages of Ak-Sai and Kok-Tash whose homes were destroyed during the clashes of 2022", "indirect",
             "noted", "Aibek Abdrakhmanov", "Abdrakhmanov"),
            ("the Kyrgyz Republic rejects the claims made in certain foreign media that the agreement transfers the "
             "Golovnoy water intake to Tajikistan", "indirect", "stressed", "Aibek Abdrakhmanov", "the spokesperson"),
            ("journalists “to rely only on official sources”", "mixed", "called on", "Aibek Abdrakhmanov",
             "the spokesperson"),
            ("the international community, including the United Nations and the Organization for Security and "
             "Co-operation in Europe, to support the reconstruction of the border districts", "indirect", "called on",
             "Ministry of Foreign Affairs of the Kyrgyz Republic", "The Ministry"),
        ],
        "events": [
            ("Press release: Kyrgyzstan", "state border", "AGREE", "sign", "Kyrgyzstan", "Tajikistan"),
            ("On 21 May 2026", "of negotiations.", "CONSULT", "negotiations", "Kyrgyzstan", "Tajikistan"),
            ("Following the negotiations", "Isfara areas.", "AGREE", "signed", "Kyrgyzstan", "Tajikistan"),
            ("It was further emphasised", "thirty days.", "RETREAT", "withdraw", "Kyrgyzstan", "Tajikistan"),
            ("The Kyrgyz side informed", "from 1 June.", "RETREAT", "lifted", "Kyrgyzstan", "Tajikistan"),
            ("The Tajik side, for its part", "both states.", "AGREE", "agreed", "Tajikistan", "Kyrgyzstan"),
            ("The Tajik side, for its part", "both states.", "RETREAT", "reopen", "Tajikistan", "Kyrgyzstan"),
            ("The parties agreed to establish", "along the border.", "AGREE", "agreed", "Kyrgyzstan", "Tajikistan"),
            ("The parties agreed to establish", "along the border.", "COOPERATE", "cooperate", "Kyrgyzstan",
             "Tajikistan"),
            ("The head of the Tajik delegation", "Central Asia”.", "SUPPORT", "gratitude", "Rajabali Rahmonali",
             "Kyrgyzstan"),
            ("Mr Abdrakhmanov further noted", "clashes of 2022.", "AID", "assistance", "Kyrgyzstan", "families"),
            ("At the same time, the spokesperson", "official sources”.", "REJECT", "rejects", "Kyrgyzstan",
             "foreign media"),
            ("At the same time, the spokesperson", "official sources”.", "REQUEST", "called on", "Aibek Abdrakhmanov",
             "journalists"),
            ("The Ministry also called on", "border districts.", "REQUEST", "called on", "Kyrgyzstan",
             "international community"),
            ("The President of the Republic of Kazakhstan", "on Thursday.", "SUPPORT", "congratulated",
             "Kassym-Jomart Tokayev", "Kyrgyzstan"),
            ("The President of the Republic of Kazakhstan", "on Thursday.", "CONSULT", "telephone conversation",
             "Kassym-Jomart Tokayev", "Sadyr Japarov"),
        ],
    },
    "brief_heldout7.txt": {
        "entities": {
            "Mogadishu": "GPE", "Kenya": "GPE", "Somalia": "GPE", "Mandera": "GPE", "al-Shabaab": "ORG",
            "Kenyan": "NORP", "Kipchumba Murkomen": "PERSON", "Nicosia": "GPE", "Greek Cypriot": "NORP",
            "Turkish Cypriot": "NORP", "Green Line": "LOC", "United Nations": "ORG", "UN": "ORG",
            "María Ángela Holguín": "PERSON", "Rabat": "GPE", "Morocco": "GPE", "Algiers": "GPE", "Algeria": "GPE",
            "Western Sahara": "GPE", "Moroccan": "NORP", "Bangui": "GPE", "Wagner": "ORG",
            "Coalition of Patriots for Change": "ORG", "Bambari": "GPE", "MINUSCA": "ORG", "Zambia": "GPE",
            "Bamenda": "GPE", "Cameroon": "GPE", "Anglophone": "NORP", "Abuja": "GPE", "Nigeria": "GPE",
            "Cameroonian": "NORP", "Cross River": "GPE", "Sarajevo": "GPE", "Bosnian": "NORP",
            "Milorad Dodik": "PERSON", "Dodik": "PERSON", "Republika Srpska": "GPE", "Jayapura": "GPE",
            "Indonesia": "GPE", "Intan Jaya": "GPE", "Papua": "GPE", "West Papua National Liberation Army": "ORG",
            "Yanuarius Teofilus You": "PERSON", "Almaty": "GPE", "Kazakhstan": "GPE", "Uzbekistan": "GPE",
            "Erbil": "GPE", "Iraqi": "NORP", "Kurdish": "NORP", "Baghdad": "GPE", "Port-au-Prince": "GPE",
            "Dominican Republic": "GPE", "Haitian": "NORP", "Dajabón": "GPE", "Muscat": "GPE", "Oman": "GPE",
            "Yemeni": "NORP", "Vilnius": "GPE", "Lithuania": "GPE", "Russian": "NORP", "Moscow": "GPE",
        },
        "quotes": [
            ("Kenya closed its border with Somalia at Mandera after al-Shabaab fighters ambushed a police convoy, "
             "killing six officers", "indirect", "said", "Kenyan interior ministry", "Kenyan interior ministry"),
            ("The crossing stays closed until the area is secure,", "direct", "said", "Kipchumba Murkomen",
             "Kipchumba Murkomen"),
            ("Small steps, but steps,", "direct", "said", "María Ángela Holguín", "María Ángela Holguín"),
            ("colonial practices", "direct", "accused", "Algerian foreign ministry", "Algeria's foreign ministry"),
            ("Wagner-trained government troops and UN peacekeepers clashed with rebels of the Coalition of Patriots "
             "for Change near Bambari", "indirect", "said", "MINUSCA", "MINUSCA"),
            ("Traders in Bamenda staged a sit-in against the order", "indirect", "reported", "local radio",
             "local radio"),
            ("We are tired of ghost towns,", "direct", "said", "shopkeeper", "one shopkeeper"),
            ("it would send 1,500 tonnes of rice to Cameroonian refugees in Cross River state", "indirect", "said",
             "Nigeria", "Nigeria"),
            ("political persecution", "direct", "dismissed", "Milorad Dodik", "Dodik"),
            ("Give peace a chance,", "direct", "said", "Yanuarius Teofilus You", "Yanuarius Teofilus You"),
            ("it would transfer the money next week", "indirect", "said", "Iraq", "Baghdad"),
            ("The Dominican Republic eased its ban on Haitian imports, letting food and medicine cross at Dajabón "
             "again", "indirect", "said", "officials", "officials"),
            ('Yemeni delegations would return to the capital for a further round of talks "in the coming days"',
             "mixed", "said", "Omani foreign ministry", "Oman's foreign ministry"),
            ("activities incompatible with his status", "direct", "called", "Lithuania", "it"),
            ("in kind", "direct", "threatened", "Russia", "Moscow"),
        ],
        "events": [
            ("Mogadishu: Kenya closed", "ministry said.", "SANCTION", "closed", "Kenya", "Somalia"),
            ("Mogadishu: Kenya closed", "ministry said.", "ASSAULT", "ambushed", "al-Shabaab", "police convoy"),
            ('"The crossing stays closed', "Kipchumba Murkomen.", "SANCTION", "closed", "Kenya", "Somalia"),
            ("Nicosia: Greek Cypriot", "United Nations.", "AGREE", "agreed", "Greek Cypriots", "Turkish Cypriots"),
            ("Nicosia: Greek Cypriot", "United Nations.", "CONSULT", "talks", "Greek Cypriots", "Turkish Cypriots"),
            ("Rabat: Morocco recalled", "Western Sahara.", "SANCTION", "recalled", "Morocco", "Algeria"),
            ("Rabat: Morocco recalled", "Western Sahara.", "ACCUSE", "accused", "Algeria", "Morocco"),
            ("Algeria has kept its airspace", "since 2021.", "SANCTION", "shut", "Algeria", "Morocco"),
            ("Bangui: Wagner-trained", "mission said.", "ASSAULT", "clashed", "Central African Republic",
             "Coalition of Patriots for Change"),
            ("Three peacekeepers from Zambia", "were wounded.", "ASSAULT", "wounded",
             "Coalition of Patriots for Change", "peacekeepers"),
            ("Bamenda: Separatists", "who opens.", "COERCE", "lockdown", "Anglophone separatists", "civilians"),
            ("Bamenda: Separatists", "who opens.", "THREATEN", "threatened", "Anglophone separatists", "traders"),
            ("Traders in Bamenda staged", "radio reported.", "PROTEST", "sit-in", "traders",
             "Anglophone separatists"),
            ("Abuja: Nigeria said", "River state.", "AID", "send", "Nigeria", "Cameroonian refugees"),
            ("Police in Abuja arrested", "Anglophone separatists.", "COERCE", "arrested", "Nigerian police",
             "suspects"),
            ("Sarajevo: The Bosnian state court", "Republika Srpska.", "COERCE", "indicted", "Bosnian state court",
             "security adviser"),
            ("Dodik dismissed", 'political persecution".', "REJECT", "dismissed", "Milorad Dodik",
             "Bosnian state court"),
            ("Dodik dismissed", 'political persecution".', "ACCUSE", "persecution", "Milorad Dodik",
             "Bosnian state court"),
            ("Jayapura: Indonesia withdrew", "Liberation Army.", "RETREAT", "withdrew", "Indonesia", None),
            ("Jayapura: Indonesia withdrew", "Liberation Army.", "REQUEST", "appealed", "church leaders",
             "Indonesia"),
            ('"Give peace a chance,"', "Teofilus You.", "REQUEST", "Give", "Yanuarius Teofilus You", "Indonesia"),
            ("Almaty: Kazakhstan and Uzbekistan", "from Afghanistan.", "AGREE", "agreed", "Kazakhstan", "Uzbekistan"),
            ("Almaty: Kazakhstan and Uzbekistan", "from Afghanistan.", "COOPERATE", "joint border patrols",
             "Kazakhstan", "Uzbekistan"),
            ("Erbil: Iraqi Kurdish protesters", "unpaid salaries.", "PROTEST", "marched", "protesters",
             "parliament"),
            ("Baghdad said it would", "next week.", "CONCEDE", "transfer", "Iraq", "protesters"),
            ("Port-au-Prince: The Dominican Republic", "officials said.", "RETREAT", "eased", "Dominican Republic",
             "Haiti"),
            ("Vilnius: Lithuania expelled", "his status\".", "SANCTION", "expelled", "Lithuania", "Russia"),
            ("Vilnius: Lithuania expelled", "his status\".", "ACCUSE", "called", "Lithuania", "Russia"),
            ("Moscow threatened", '"in kind".', "THREATEN", "threatened", "Russia", "Lithuania"),
        ],
    },
})


# ---------------------------------------------------------------------------------------------------
# An eighth held-out set (forms_heldout8.jsonl), written blind on 2026-12-02 by a helper who had not read the
# rule code, lexicons or gazetteer and had not run the engine on these texts; security and diplomacy news from
# regions no earlier set used (Moldova/Transnistria, South Sudan and Uganda, Belize/Guatemala, Bhutan/China/India,
# Sierra Leone/Guinea, and a world brief of thirteen datelines); the press release has CRLF line ends; gold
# committed before the one measurement.
ARTICLES.update({
    "wire_heldout8.txt": {
        "entities": {
            "Moldova": "GPE", "Transnistria": "GPE", "CHIȘINĂU": "GPE", "Danube Press": "ORG", "Dniester": "LOC",
            "Bender": "GPE", "Ștefan Grecu": "PERSON", "Energocom": "ORG",
            "Organization for Security and Co-operation in Europe": "ORG", "Căușeni": "GPE", "Grecu": "PERSON",
            "Chișinău": "GPE", "Transnistrian": "NORP", "Pavel Volkov": "PERSON", "Tiraspol": "GPE",
            "Varnița": "GPE", "Volkov": "PERSON", "Russian": "NORP", "Rîbnița": "GPE", "Moscow": "GPE",
            "European Commission": "ORG", "Lena Hartwig": "PERSON", "TIRASPOL": "GPE", "Promo-LEX": "ORG",
            "Moldovan": "NORP",
        },
        "quotes": [
            ("Moldova and the breakaway region of Transnistria agreed on Tuesday to restore gas supplies to the left "
             "bank of the Dniester after two days of talks in Bender", "indirect", "said",
             "Moldova's reintegration ministry", "Moldova's reintegration ministry"),
            ("the state trader Energocom would deliver 3 million cubic metres a day and that monitors from the "
             "Organization for Security and Co-operation in Europe would check the meters at a pumping station in "
             "Căușeni", "indirect", "told reporters", "Ștefan Grecu", "Ștefan Grecu"),
            ("Nobody on the left bank should freeze this winter because of politics. The first gas will flow on "
             "Thursday morning.", "direct", "said", "Ștefan Grecu", "Grecu"),
            ("But the deliveries depend on the checkpoints staying open,", "direct", "said", "Ștefan Grecu", "Grecu"),
            ("Chișinău would review the arrangement after a month", "indirect", "adding", "Ștefan Grecu", "Grecu"),
            ("Tiraspol had agreed to remove two checkpoints near Varnița", "indirect", "said", "Pavel Volkov",
             "Pavel Volkov"),
            ("economic strangulation", "direct", "accused", "Pavel Volkov", "He"),
            ("Мы не просим милости – we are not asking for charity,", "direct", "said", "Pavel Volkov", "Volkov"),
            ('Moscow would "protect its compatriots" on the left bank if Chișinău tried to "strangle" them', "mixed",
             "warned", "Russian foreign ministry", "Russian foreign ministry"),
            ("it would give Moldova €60 million to help pay for the gas", "indirect", "said", "European Commission",
             "European Commission"),
            ("Solidaritatea nu e un cuvânt gol – solidarity is not an empty word,", "direct", "said", "Lena Hartwig",
             "Lena Hartwig"),
            ("heating be restored to their apartment blocks before the deal takes effect", "indirect", "demanding",
             "pensioners", "Several hundred pensioners"),
            ("Police detained three of the organisers", "indirect", "according to", "Promo-LEX", "Promo-LEX"),
            ("the Transnistrian authorities to release them", "indirect", "called on", "Promo-LEX", "which"),
        ],
        "events": [
            ("Moldova and Transnistria agree", "breakaway region", "AGREE", "agree", "Moldova", "Transnistria"),
            ("CHIȘINĂU, March 3", "ministry said.", "AGREE", "agreed", "Moldova", "Transnistria"),
            ("CHIȘINĂU, March 3", "ministry said.", "CONSULT", "talks", "Moldova", "Transnistria"),
            ("The Transnistrian negotiator", "near Varnița.", "AGREE", "agreed", "Transnistria", "Moldova"),
            ("He accused Chișinău", "ministry rejected.", "ACCUSE", "accused", "Pavel Volkov", "Moldova"),
            ("He accused Chișinău", "ministry rejected.", "REJECT", "rejected", "Moldova's reintegration ministry",
             "Pavel Volkov"),
            ("A Russian foreign ministry statement", 'to "strangle" them.', "THREATEN", "warned", "Russia",
             "Moldova"),
            ("The European Commission said", "for the gas.", "AID", "give", "European Commission", "Moldova"),
            ('"Solidaritatea nu e', "Lena Hartwig.", "SUPPORT", "solidarity", "European Commission", "Moldova"),
            ("TIRASPOL, March 3", "takes effect.", "PROTEST", "protested", "pensioners", "Transnistrian authorities"),
            ("TIRASPOL, March 3", "takes effect.", "REQUEST", "demanding", "pensioners", "Transnistrian authorities"),
            ("Police detained three", "release them.", "COERCE", "detained", "Transnistrian police", "organisers"),
            ("Police detained three", "release them.", "REQUEST", "called on", "Promo-LEX",
             "Transnistrian authorities"),
        ],
    },
    "live_heldout8.txt": {
        "entities": {
            "South Sudan": "GPE", "Upper Nile": "GPE", "Nasir": "GPE", "White Army": "ORG",
            "Santino Lual Deng": "PERSON", "Radio Tamazuj": "ORG", "Uganda": "GPE", "Juba": "GPE",
            "Uganda People's Defence Force": "ORG", "Robert Okello": "PERSON", "X": "ORG", "SPLM-IO": "ORG",
            "Nuer": "NORP", "Gatluak Nyang": "PERSON", "African Union": "ORG", "Achol Manyang Dut": "PERSON",
            "Ulang": "GPE", "UN": "ORG", "UNMISS": "ORG", "Malakal": "GPE", "Margarethe Solheim": "PERSON",
            "IGAD": "ORG", "Kampala": "GPE", "Harriet Nabukenya": "PERSON", "Nyakuoth Gatwech": "PERSON",
            "Emmanuel Lado Wani": "PERSON", "United States": "GPE", "South Sudanese": "NORP",
            "State Department": "ORG", "Majok Chol Ater": "PERSON",
        },
        "quotes": [
            ("We will not abandon Nasir", "direct", ":", "Santino Lual Deng", "army spokesman"),
            ("it has retaken the garrison town of Nasir in Upper Nile state after two days of fighting with the White "
             "Army militia", "indirect", "says", "South Sudan's army", "South Sudan's army"),
            ("We will not abandon Nasir, whatever it costs,", "direct", "told", "Santino Lual Deng",
             "Santino Lual Deng"),
            ("Uganda has deployed special forces to Juba to guard the airport and government buildings", "indirect",
             "said", "Uganda People's Defence Force", "Uganda People's Defence Force"),
            ("Our troops are there to keep the peace, not to fight anyone,", "direct", "wrote", "Robert Okello",
             "Robert Okello"),
            ("collective punishment", "direct", "accused", "SPLM-IO", "SPLM-IO"),
            ("the African Union to send observers to the state", "indirect", "called on", "Gatluak Nyang",
             "Gatluak Nyang"),
            ("Nobody is punishing the Nuer people,", "direct", "said", "Achol Manyang Dut", "Achol Manyang Dut"),
            ("14 militia fighters had been captured near Ulang", "indirect", "said", "Achol Manyang Dut",
             "The minister"),
            ("it is sheltering about 4,000 civilians who fled Nasir at its base in Malakal", "indirect", "says",
             "UNMISS", "UNMISS"),
            ("We urge both sides to let aid convoys through,", "direct", "said", "Margarethe Solheim",
             "Margarethe Solheim"),
            ("the team would arrive on Monday", "indirect", "said", "Harriet Nabukenya", "Harriet Nabukenya"),
            ("Salam bes – we want only peace,", "direct", "said", "Nyakuoth Gatwech", "Nyakuoth Gatwech"),
            ("Pray for Nasir, pray for all our children 🙏", "direct", "posted", "Emmanuel Lado Wani",
             "Emmanuel Lado Wani"),
            ("The United States has imposed visa restrictions on two South Sudanese generals", "indirect", "said",
             "State Department", "State Department"),
            ('it has pulled its fighters back from the outskirts of Nasir "to give civilians a chance to leave"',
             "mixed", "says", "White Army", "White Army"),
            ('any militia fighters still in Nasir by nightfall "will be treated as enemies"', "mixed", "warned",
             "Majok Chol Ater", "Majok Chol Ater"),
        ],
        "events": [
            ("South Sudan: fighting", "live updates", "ASSAULT", "fighting", "South Sudanese army", "White Army"),
            ("South Sudan's army says", "White Army militia.", "ASSAULT", "retaken", "South Sudanese army",
             "White Army"),
            ("Uganda has deployed", "Defence Force said.", "MOBILIZE", "deployed", "Uganda", None),
            ("The opposition SPLM-IO", "in Upper Nile.", "ACCUSE", "accused", "SPLM-IO",
             "South Sudanese government"),
            ("Its deputy spokesman", "to the state.", "REQUEST", "called on", "SPLM-IO", "African Union"),
            ("“Nobody is punishing", "rejecting the charge.", "REJECT", "rejecting", "Achol Manyang Dut", "SPLM-IO"),
            ("The minister said 14", "near Ulang.", "COERCE", "captured", "South Sudanese army", "White Army"),
            ("The UN mission, UNMISS", "in Malakal.", "AID", "sheltering", "UNMISS", "civilians"),
            ("‘We urge both sides", "in the town.", "REQUEST", "urge", "UNMISS", None),
            ("Foreign ministers of the regional bloc", "team to Juba.", "CONSULT", "met", "IGAD", None),
            ("Foreign ministers of the regional bloc", "team to Juba.", "AGREE", "agreed", "IGAD", "South Sudan"),
            ("Dozens of women marched", "the fighting.", "PROTEST", "marched", "women", "UN"),
            ("Dozens of women marched", "the fighting.", "REQUEST", "calling for", "women", None),
            ("Police fired tear gas", "disperse them.", "ASSAULT", "fired", "South Sudanese police", "women"),
            ("The United States has imposed", "Department said.", "SANCTION", "imposed", "United States",
             "South Sudanese generals"),
            ("The White Army says", 'chance to leave".', "RETREAT", "pulled", "White Army", None),
            ("The army's chief of staff", 'as enemies".', "THREATEN", "warned", "Majok Chol Ater", "White Army"),
        ],
    },
    "interview_heldout8.txt": {
        "entities": {
            "Marisol Peña": "PERSON", "Peña": "PERSON", "Guatemalan": "NORP", "Belizean": "NORP",
            "Sarstoon River": "LOC", "Sarstoon": "LOC", "Puerto Barrios": "GPE", "Belize": "GPE",
            "Guatemala City": "GPE", "Belmopan": "GPE", "Guatemala": "GPE", "Organization of American States": "ORG",
            "Darrell Young": "PERSON", "Young": "PERSON", "International Court of Justice": "ORG",
            "Caribbean Community": "ORG", "Mexico": "GPE", "Taiwan": "GPE", "Mexican": "NORP", "Elías Coc": "PERSON",
        },
        "quotes": [
            ("We will not be pushed off our own river", "direct", ":", "Marisol Peña", "Marisol Peña"),
            ("Our fishermen were doing what their grandfathers did. A Guatemalan gunboat stopped them inside Belizean "
             'waters, took their catch and towed their boat to Puerto Barrios. Our consul had to pay a "fine" that no '
             "court had ever imposed.", "direct", ":", "Marisol Peña", "A"),
            ("the men were fishing illegally in Guatemalan waters and that the fine was lawful", "indirect", "says",
             "Guatemala's foreign ministry", "Guatemala's foreign ministry"),
            ("That is simply false. The treaty of 1859 puts the border in the middle of the Sarstoon, and the northern "
             "half is ours. We will raise the case at the Organization of American States next week.", "direct",
             ":", "Marisol Peña", "A"),
            ("the government overreacted", "indirect", "says", "Darrell Young", "Darrell Young"),
            ("Mr Young is entitled to his view. But when a foreign navy arrests our citizens on our side of the river, "
             "a protest note is not an overreaction. Poco a poco, as our neighbours say – we are patient, but we are "
             "not naive.", "direct", ":", "Marisol Peña", "Peña"),
            ('his country would "respect whatever the judges decide"', "mixed", "said", "Guatemala's president",
             "Guatemala's president"),
            ("I believe in the treaty. Words are cheap; patrols are not. Last week Guatemala moved two hundred more "
             "soldiers to the Sarstoon, and that is not how you prepare to accept a ruling.", "direct", ":",
             "Marisol Peña", "Peña"),
            ("The Caribbean Community has stood by us from the first day. Mexico has offered to host talks, and "
             "Taiwan sent two patrol boats for our coast guard in January. We accepted the Mexican offer on Friday.",
             "direct", ":", "Marisol Peña", "Peña"),
            ("They are home, thank God, and back on the water. But Elías Coc, the oldest of them, still has no boat. "
             "I have asked Guatemala City to return it this week, and I will keep asking.", "direct", ":",
             "Marisol Peña", "A"),
        ],
        "events": [
            ("Guatemalan navy patrol boats detained", "in Puerto Barrios.", "COERCE", "detained", "Guatemala",
             "Belizean fishermen"),
            ("They were freed on Thursday", "paid a fine.", "RETREAT", "freed", "Guatemala", "Belizean fishermen"),
            ("Belize sent a protest note", "for consultations.", "ACCUSE", "protest note", "Belize", "Guatemala"),
            ("Belize sent a protest note", "for consultations.", "SANCTION", "recalled", "Belize", "Guatemala"),
            ("A Guatemalan gunboat stopped", "to Puerto Barrios.", "COERCE", "stopped", "Guatemala",
             "Belizean fishermen"),
            ("Q: Guatemala's foreign ministry says", "was lawful.", "ACCUSE", "illegally", "Guatemala",
             "Belizean fishermen"),
            ("A: That is simply false.", "simply false.", "REJECT", "false", "Marisol Peña", "Guatemala"),
            ("Q: The opposition leader", "government overreacted.", "ACCUSE", "overreacted", "Darrell Young",
             "Belizean government"),
            ("Guatemala's president said last month", 'judges decide".', "AGREE", "respect", "Guatemala", None),
            ("Last week Guatemala moved", "accept a ruling.", "MOBILIZE", "moved", "Guatemala", None),
            ("Peña: The Caribbean Community", "the first day.", "SUPPORT", "stood by", "Caribbean Community",
             "Belize"),
            ("Mexico has offered to host", "in January.", "AGREE", "offered", "Mexico", "Belize"),
            ("Mexico has offered to host", "in January.", "AID", "sent", "Taiwan", "Belize"),
            ("We accepted the Mexican offer", "on Friday.", "AGREE", "accepted", "Belize", "Mexico"),
            ("I have asked Guatemala City", "keep asking.", "REQUEST", "asked", "Marisol Peña", "Guatemala"),
        ],
    },
    "analysis_heldout8.txt": {
        "entities": {
            "Bhutan": "GPE", "China": "GPE", "Thimphu": "GPE", "Chinese": "NORP", "Jakarlung valley": "LOC",
            "Beijing": "GPE", "New Delhi": "GPE", "Bhutanese": "NORP", "Karma Dorji": "PERSON",
            "Royal Thimphu College": "ORG", "India": "GPE", "Indian": "NORP", "Doklam plateau": "LOC", "Haa": "GPE",
            "National Assembly": "ORG", "Tandin Namgay": "PERSON",
        },
        "quotes": [
            ('the two countries had agreed on the "basic outline" of their boundary', "mixed", "announced",
             "Bhutan's foreign ministry", "Bhutan's foreign ministry"),
            ("The reality may be less modest", "indirect", "according to", "officials involved in the talks",
             "two officials involved in the talks"),
            ("Bhutan had accepted Chinese control over parts of the Jakarlung valley in exchange for Beijing dropping "
             "its claim to pastures in the west", "indirect", "said", "officials involved in the talks", "who"),
            ('the agreement was "a model of 睦邻友好, of good-neighbourly friendship"', "mixed", "said",
             "Chinese embassy spokesman", "a spokesman for the Chinese embassy in New Delhi"),
            ("the Bhutanese negotiators had come under heavy pressure", "indirect", "said",
             "people who attended a briefing", "People who attended a briefing for diplomats in Thimphu in May"),
            ("The Chinese side told them, 'Sign this year, or the offer shrinks,'", "direct", "said",
             "people who attended a briefing", "one of them"),
            ("Sign this year, or the offer shrinks,", "direct", "told", "Chinese side", "The Chinese side"),
            ("Nobody in that room thought it was a joke.", "direct", None, "people who attended a briefing",
             "one of them"),
            ("We are a small country between two giants. Sometimes you sign,", "direct", "said", "Karma Dorji",
             "Karma Dorji"),
            ("the deal could bring Chinese roads closer to the Doklam plateau, the scene of a tense stand-off in 2017",
             "indirect", "said", "Indian officials", "Two Indian officials"),
            ('The agreement was "a bilateral matter for Bhutan and China"', "mixed", "said",
             "India's external affairs ministry", "India's external affairs ministry"),
            ('New Delhi remained "in close touch" with Thimphu', "mixed", "added", "India's external affairs ministry",
             "which"),
            ("they were never consulted", "indirect", "say", "herders from Haa district", "who"),
            ("Not one inch of land that our people use has been lost,", "direct", "said", "Tandin Namgay",
             "Tandin Namgay"),
            ("a final treaty could be signed within a year", "indirect", "say", "diplomats in the region",
             "Diplomats in the region"),
        ],
        "events": [
            ("When Bhutan's foreign ministry announced", "a technical step.", "AGREE", "agreed", "Bhutan", "China"),
            ("The reality may be less modest", "in the west.", "CONCEDE", "accepted", "Bhutan", "China"),
            ("Bhutan's foreign ministry declined", "neighbourly friendship\".", "SUPPORT", "model", "China", "Bhutan"),
            ('"The Chinese side told them', "one of them.", "THREATEN", "Sign", "China", "Bhutan"),
            ("The agreement was \"a bilateral", "with Thimphu.", "CONSULT", "in close touch", "India", "Bhutan"),
            ("Herders from Haa district", "be published.", "REQUEST", "asking", "herders from Haa district",
             "National Assembly"),
            ("“Not one inch", "the reports.", "REJECT", "rejecting", "Tandin Namgay", None),
        ],
    },
    "press_heldout8.txt": {
        "entities": {
            "Ministry of Foreign Affairs and International Cooperation": "ORG", "Freetown": "GPE",
            "Sierra Leone": "GPE", "Guinea": "GPE", "Yenga": "GPE", "Republic of Guinea": "GPE",
            "Mamadou Kéita": "PERSON", "Kéita": "PERSON", "Ibrahim Sorie Kanu": "PERSON", "Kanu": "PERSON",
            "Joint Border Commission": "ORG", "Fatmata Sesay": "PERSON", "Guinean": "NORP", "Sierra Leonean": "NORP",
            "Gbalamuya–Pamelap": "FAC", "Great Scarcies": "LOC", "Mano River Union": "ORG",
            "Economic Community of West African States": "ORG", "Conakry": "GPE",
        },
        "quotes": [
            ("a delegation of the Republic of Guinea, led by the Minister of Foreign Affairs, Mr Mamadou Kéita, paid a "
             "working visit to Freetown from 9 to 11 June 2026 and held talks with the Minister of Foreign Affairs and "
             "International Cooperation, Dr Ibrahim Sorie Kanu", "indirect", "inform",
             "Ministry of Foreign Affairs and International Cooperation",
             "Ministry of Foreign Affairs and International Cooperation"),
            ('the Memorandum "opens a new page in the long friendship between our two peoples"', "mixed", "stated",
             "Fatmata Sesay", "Fatmata Sesay"),
            ("the Guinean military personnel stationed in Yenga will be withdrawn by 31 July 2026 and that the area "
             "will be administered jointly pending demarcation", "indirect", "emphasised",
             "Ministry of Foreign Affairs and International Cooperation", None),
            ("the restrictions on the movement of Sierra Leonean traders at the Gbalamuya–Pamelap crossing were "
             "lifted with effect from 10 June 2026", "indirect", "informed", "Guinean delegation", "The Guinean side"),
            ("the Government of Guinea to release them on humanitarian grounds", "indirect", "requested",
             "Ibrahim Sorie Kanu", "The Minister"),
            ('Guinea attaches great importance to "good neighbourliness" and to the principles of the Mano River '
             "Union", "mixed", "stated", "Mamadou Kéita", "Mr Kéita"),
            ("the security services of the two countries have already begun sharing intelligence on armed robbery "
             "along the border", "indirect", "stated", "Fatmata Sesay", "The spokesperson"),
            ("persons found crossing the border with contraband goods will be prosecuted", "indirect", "warn",
             "Ministry of Foreign Affairs and International Cooperation", "The Ministry"),
        ],
        "events": [
            ("Sierra Leone and Guinea sign", "border area", "AGREE", "sign", "Sierra Leone", "Guinea"),
            ("The Ministry of Foreign Affairs and International Cooperation wishes", "Ibrahim Sorie Kanu.", "CONSULT",
             "working visit", "Mamadou Kéita", "Ibrahim Sorie Kanu"),
            ("Following the talks", "Yenga area.", "AGREE", "signed", "Sierra Leone", "Guinea"),
            ("The spokesperson of the Ministry", "two peoples\".", "SUPPORT", "friendship", "Fatmata Sesay", "Guinea"),
            ("It was further emphasised", "pending demarcation.", "RETREAT", "withdrawn", "Guinea", "Sierra Leone"),
            ("The Guinean side informed", "10 June 2026.", "RETREAT", "lifted", "Guinea", "Sierra Leone"),
            ("On 28 May 2026", "Scarcies estuary.", "COERCE", "detained", "Guinea", "Sierra Leonean fishermen"),
            ("The Minister requested", "humanitarian grounds.", "REQUEST", "requested", "Ibrahim Sorie Kanu",
             "Guinea"),
            ("Mr Kéita, for his part", "Mano River Union.", "SUPPORT", "great importance", "Mamadou Kéita",
             "Sierra Leone"),
            ("The spokesperson stated that the security", "along the border.", "COOPERATE", "sharing intelligence",
             "Sierra Leone", "Guinea"),
            ("The Ministry wishes to warn", "be prosecuted.", "THREATEN", "warn",
             "Ministry of Foreign Affairs and International Cooperation", "smugglers"),
            ("The Honourable Minister", "the process.", "SUPPORT", "gratitude", "Ibrahim Sorie Kanu",
             "Economic Community of West African States"),
        ],
    },
    "brief_heldout8.txt": {
        "entities": {
            "Dili": "GPE", "Australian": "NORP", "Timorese": "NORP", "Timor Sea": "LOC", "Timor-Leste": "GPE",
            "Malé": "GPE", "Maldives": "GPE", "Aishath Shiham": "PERSON", "Lomé": "GPE", "Togo": "GPE",
            "Dapaong": "GPE", "Savanes": "GPE", "Banjul": "GPE", "Gambian": "NORP", "Senegambia Bridge": "FAC",
            "Senegalese": "NORP", "Dakar": "GPE", "Havana": "GPE", "United States": "GPE", "Cuba": "GPE",
            "Treasury": "ORG", "Podgorica": "GPE", "Montenegro": "GPE", "Russian": "NORP", "Moscow": "GPE",
            "Antananarivo": "GPE", "Madagascar": "GPE", "Honiara": "GPE", "Solomon Islands": "GPE",
            "Australia": "GPE", "New Zealand": "GPE", "Jonah Ragoso": "PERSON", "Tegucigalpa": "GPE",
            "Honduras": "GPE", "Asunción": "GPE", "Taiwan": "GPE", "Paraguay": "GPE", "Harare": "GPE",
            "Zimbabwean": "NORP", "Mbare": "GPE", "Ohrid": "GPE", "North Macedonia": "GPE", "Bulgaria": "GPE",
            "Ivan Petrov-Dimov": "PERSON", "Sofia": "GPE", "Skopje": "GPE", "EU": "ORG", "Moroni": "GPE",
            "Comoros": "GPE", "French": "NORP", "Mayotte": "GPE", "Comorian": "NORP", "Mbaé Ahmed Saïd": "PERSON",
        },
        "quotes": [
            ("Australian and Timorese patrol boats began joint patrols against illegal fishing in the Timor Sea",
             "indirect", "said", "Timor-Leste's defence ministry", "Timor-Leste's defence ministry"),
            ("They were peaceful and unarmed,", "direct", "said", "Aishath Shiham", "Aishath Shiham"),
            ("jihadists attacked a military post near Dapaong in the northern Savanes region, killing five soldiers",
             "indirect", "said", "Togo's army", "Togo's army"),
            ("it would suspend the fees for a month", "indirect", "said", "Senegal", "Dakar"),
            ("The United States eased limits on family remittances to Cuba", "indirect", "said", "Treasury",
             "Treasury"),
            ("mirror response", "direct", "promised", "Russia", "Moscow"),
            ("Madagascar lifted the night-time curfew in the capital", "indirect", "said", "interior ministry",
             "interior ministry"),
            ("Australia and New Zealand to send extra police officers to help secure next month's election",
             "indirect", "asked", "Solomon Islands", "Solomon Islands"),
            ("Our officers have worked without a break since March,", "direct", "said", "Jonah Ragoso",
             "Jonah Ragoso"),
            ('Sofia would keep blocking Skopje\'s EU accession talks "until the promises are kept"', "mixed", "said",
             "Ivan Petrov-Dimov", "Ivan Petrov-Dimov"),
            ("Mayotte is Comorian, and it will stay Comorian,", "direct", "said", "Mbaé Ahmed Saïd",
             "Mbaé Ahmed Saïd"),
        ],
        "events": [
            ("Dili: Australian", "ministry said.", "COOPERATE", "joint patrols", "Australia", "Timor-Leste"),
            ("Malé: Opposition supporters", "early elections.", "PROTEST", "marched", "opposition supporters",
             "Maldivian government"),
            ("Malé: Opposition supporters", "early elections.", "REQUEST", "demand", "opposition supporters", None),
            ("Police arrested 38", "38 of them.", "COERCE", "arrested", "Maldivian police", "opposition supporters"),
            ("Lomé: Togo's army", "five soldiers.", "ASSAULT", "attacked", "jihadists", "Togolese army"),
            ("Banjul: Gambian lorry drivers", "transit fees.", "PROTEST", "blocked", "Gambian lorry drivers",
             "Senegal"),
            ("Dakar said it would", "for a month.", "CONCEDE", "suspend", "Senegal", "Gambian lorry drivers"),
            ("Havana: The United States", "Treasury said.", "RETREAT", "eased", "United States", "Cuba"),
            ("Podgorica: Montenegro expelled", "of espionage.", "SANCTION", "expelled", "Montenegro", "Russia"),
            ("Podgorica: Montenegro expelled", "of espionage.", "ACCUSE", "accused", "Montenegro",
             "Russian diplomats"),
            ("Moscow promised", 'mirror response".', "THREATEN", "promised", "Russia", "Montenegro"),
            ("Antananarivo: Madagascar lifted", "ministry said.", "RETREAT", "lifted", "Madagascar", None),
            ("Honiara: The Solomon Islands asked", "month's election.", "REQUEST", "asked", "Solomon Islands",
             "Australia"),
            ("Tegucigalpa: Honduras declared", "extortion gangs.", "COERCE", "state of emergency", "Honduras",
             "extortion gangs"),
            ("Tegucigalpa: Honduras declared", "extortion gangs.", "MOBILIZE", "deployed", "Honduras", None),
            ("Asunción: Taiwan donated", "health ministry.", "AID", "donated", "Taiwan", "Paraguay"),
            ("Harare: Zimbabwean police", "in Mbare.", "ASSAULT", "fired tear gas", "Zimbabwean police",
             "street vendors"),
            ("Harare: Zimbabwean police", "in Mbare.", "PROTEST", "protesting", "street vendors", None),
            ("Ohrid: The foreign ministers", "constitution.", "CONSULT", "met", "North Macedonia", "Bulgaria"),
            ("Bulgaria's minister", 'are kept".', "REJECT", "blocking", "Bulgaria", "North Macedonia"),
            ("Moroni: The Comoros rejected", "to Mayotte.", "REJECT", "rejected", "Comoros", "France"),
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
    for split in ("tune", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7",
                  "heldout8"):
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
