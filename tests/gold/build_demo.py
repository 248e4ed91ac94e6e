"""Write tests/gold/demo.jsonl: hand-made gold for resources/demo/*.txt.

The judgments below are written by hand following ../shared/spec/annotation-guidelines.md;
this script only turns substrings into offsets and checks every span's text.
Run: .venv/bin/python tests/gold/build_demo.py
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from desktop_app.core.model import Arg, Article, Entity, Event, Quote, Span
from desktop_app.io.importers import read_text_file
from desktop_app.io.jsonl import write_jsonl

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "resources" / "demo"
OUT = Path(__file__).resolve().parent / "demo.jsonl"

# entities: surface -> label; every whole-word occurrence outside boilerplate is annotated,
# longer surfaces first (so "Afghan Taliban" wins over "Afghan")
COMMON = {
    "Pakistan": "GPE", "Afghanistan": "GPE", "Kabul": "GPE", "Islamabad": "GPE", "Pakistani": "NORP",
    "Afghan": "NORP", "Afghan Taliban": "ORG", "Turkish": "NORP", "X": "ORG", "Khost": "GPE", "Kunar": "GPE",
    "Paktika": "GPE", "Bannu": "GPE", "Lakki Marwat": "GPE", "Doha": "GPE", "Iran": "GPE", "Hakan Fidan": "PERSON",
    "Turkiye": "GPE", "Qatar": "GPE", "Istanbul": "GPE",
}
ARTICLES: dict[str, dict] = {
    "01_ispr_strikes_north_waziristan.txt": {
        "entities": {
            "ISPR": "ORG", "RAWALPINDI": "GPE", "Rawalpindi": "GPE", "North Waziristan": "GPE",
            "Tehreek-e-Taliban Pakistan": "ORG", "Inter-Services Public Relations": "ORG", "TTP": "ORG",
            "FaK": "ORG", "Farhan Qureshi": "PERSON", "Qureshi": "PERSON",
        },
        "quotes": [
            ("Security Forces Strike Militant Hideouts Near Border", "indirect", "Says",
             "Inter-Services Public Relations", "ISPR"),
            ("Pakistani security forces launched air strikes on militant hideouts in North Waziristan overnight, "
             "killing at least 14 fighters of the banned Tehreek-e-Taliban Pakistan", "indirect", "said",
             "Inter-Services Public Relations", "the military’s media wing"),
            ("the operation targeted compounds used by TTP/FaK commanders to plan attacks on checkposts in Bannu "
             "and Lakki Marwat", "indirect", "According to", "Inter-Services Public Relations",
             "Inter-Services Public Relations"),
            ("The terrorists who attacked our soldiers last week have been traced and neutralised,", "direct", "said",
             "Inter-Services Public Relations", "the statement"),
            ("Operations will continue until the last terrorist is eliminated.", "direct", None,
             "Inter-Services Public Relations", "the statement"),
            ("the militants had crossed over from Afghanistan’s Khost province", "indirect", "told reporters",
             "Farhan Qureshi", "Farhan Qureshi"),
            ("sheltering the group’s leadership", "indirect", "accused", "Farhan Qureshi", "He"),
            ("hand over the commanders named in a dossier shared with Afghan officials", "indirect", "urged",
             "Farhan Qureshi", "He"),
            ("the army had targeted any civilian area", "indirect", "denied", "Farhan Qureshi", "Qureshi"),
            ("We have precise intelligence, and we act on it,", "direct", "added", "Farhan Qureshi", "he"),
        ],
        "events": [
            ("Security Forces Strike", "Says ISPR", "ASSAULT", "Strike", "Pakistani security forces", "militants"),
            ("RAWALPINDI:", "on Tuesday.", "ASSAULT", "strikes", "Pakistani security forces",
             "Tehreek-e-Taliban Pakistan"),
            ("According to a statement", "Lakki Marwat.", "ASSAULT", "targeted", "Pakistani security forces",
             "Tehreek-e-Taliban Pakistan"),
            ("“The terrorists who", "the statement said.", "ASSAULT", "attacked", "terrorists", "soldiers"),
            ("He accused the Afghan", "Afghan officials.", "ACCUSE", "accused", "Farhan Qureshi", "Afghan Taliban"),
            ("He accused the Afghan", "Afghan officials.", "REQUEST", "urged", "Farhan Qureshi", "Afghan Taliban"),
            ("Qureshi denied", "civilian area.", "REJECT", "denied", "Farhan Qureshi", None),
        ],
    },
    "02_fo_briefing_sanctuaries.txt": {
        "entities": {
            "FO": "ORG", "Hina Baloch": "PERSON", "ISLAMABAD": "GPE", "Foreign Office": "ORG",
            "Tahira Andleeb": "PERSON", "TTP": "ORG", "FaK": "ORG", "BLA": "ORG", "FaH": "ORG",
            "Ishaq Dar": "PERSON", "Abdul Wahid Rahmani": "PERSON",
        },
        "quotes": [
            ("no militant group uses Afghan territory against its neighbours", "indirect", "claims",
             "Afghan Taliban", "the Afghan Taliban administration"),
            ("fighters of TTP/FaK and BLA/FaH continued to move freely across the border", "indirect", "said",
             "Tahira Andleeb", "Tahira Andleeb"),
            ("Pakistan has raised this matter with Kabul on several occasions. We expect action, not statements,",
             "direct", "said", "Tahira Andleeb", "she"),
            ("honour the commitments they made during the Doha talks and to act against the groups’ leadership",
             "indirect", "urged", "Tahira Andleeb", "The spokesperson"),
            ("Pakistan remained open to dialogue but would not accept “open-ended assurances”", "mixed", "said",
             "Tahira Andleeb", "she"),
            ("Foreign Minister Ishaq Dar had spoken to his Turkish counterpart, Hakan Fidan, by telephone on "
             "Thursday and discussed the ceasefire arrangements", "indirect", "confirmed", "Tahira Andleeb", "She"),
            ("Pakistan was “blaming others for its own security failures”", "mixed", "wrote", "Abdul Wahid Rahmani",
             "Abdul Wahid Rahmani"),
        ],
        "events": [
            ("FO Rejects", "Sanctuaries", "REJECT", "Rejects", "Foreign Office", "Afghan Taliban"),
            ("ISLAMABAD: The Foreign", "its neighbours.", "REJECT", "rejected", "Foreign Office", "Afghan Taliban"),
            ("We expect action", "she said.", "REQUEST", "expect", "Tahira Andleeb", None),
            ("The spokesperson urged", "leadership.", "REQUEST", "urged", "Tahira Andleeb", "Afghan Taliban"),
            ("She also confirmed", "arrangements.", "CONSULT", "spoken", "Ishaq Dar", "Hakan Fidan"),
            ("Meanwhile, Afghan Taliban", "failures”.", "ACCUSE", "blaming", "Abdul Wahid Rahmani", "Pakistan"),
        ],
    },
    "03_torkham_chaman_closed.txt": {
        "entities": {
            "Torkham": "FAC", "Chaman": "FAC", "PESHAWAR": "GPE", "Jalalabad": "GPE",
            "Khyber Chamber of Commerce": "ORG", "Imran Afridi": "PERSON",
        },
        "quotes": [
            ("the crossings would stay closed until Kabul takes “verifiable action” against militants sheltering on "
             "its side of the border", "mixed", "said", "interior ministry officials", "Officials at the interior ministry"),
            ("traders on both sides had lost more than Rs2 billion since the closure", "indirect", "said",
             "Imran Afridi", "Imran Afridi"),
            ("Every day the gate stays closed, perishable goods rot in the sun. We are asking both governments to "
             "separate trade from politics,", "direct", "told reporters", "Imran Afridi", "he"),
            ("authorities at least allow empty vehicles to return home", "indirect", "demanding", "truck drivers",
             "dozens of truck drivers"),
            ("using trade as a weapon", "indirect", "accused", "Afghan Taliban", "The Afghan Taliban"),
            ("Afghan importers would shift to routes through Iran", "indirect", "announced", "Afghan Taliban",
             "The Afghan Taliban"),
        ],
        "events": [
            ("Torkham and Chaman Stay", "Losses", "SANCTION", "Shut", "Pakistan", "Afghanistan"),
            ("PESHAWAR: Pakistan kept", "to Jalalabad.", "SANCTION", "kept", "Pakistan", "Afghanistan"),
            ("We are asking both", "at Torkham.", "REQUEST", "asking", "Imran Afridi", "both governments"),
            ("On Tuesday, dozens", "return home.", "PROTEST", "sit-in", "truck drivers", "authorities"),
            ("On Tuesday, dozens", "return home.", "REQUEST", "demanding", "truck drivers", "authorities"),
            ("The Afghan Taliban, in a statement", "through Iran.", "ACCUSE", "accused", "Afghan Taliban", "Pakistan"),
        ],
    },
    "04_istanbul_ceasefire_extended.txt": {
        "entities": {
            "ISTANBUL": "GPE", "Kamran Aziz": "PERSON", "Aziz": "PERSON", "Noorullah Saqib": "PERSON",
            "Saqib": "PERSON", "Nangarhar": "GPE", "Tolo News": "ORG",
        },
        "quotes": [
            ("Delegations from Pakistan and Afghanistan agreed on Saturday to extend a fragile ceasefire after two "
             "days of talks mediated by Turkiye and Qatar", "indirect", "said", "officials from both sides",
             "officials from both sides"),
            ("the two sides would set up a monitoring mechanism to verify complaints of cross-border attacks",
             "indirect", "said", "Turkish foreign ministry", "the Turkish foreign ministry"),
            ("We came here to find a solution, and we have taken an important step today,", "direct",
             "told journalists", "Kamran Aziz", "Aziz"),
            ("Pakistan had presented evidence of militant camps in Kunar and Nangarhar and that the Afghan delegation "
             "had promised to investigate", "indirect", "said", "Kamran Aziz", "He"),
            ("Afghan soil was being used against any country", "indirect", "denied", "Noorullah Saqib", "Saqib"),
            ("courage to choose dialogue over war", "direct", "called", "Hakan Fidan", "Hakan Fidan"),
        ],
        "events": [
            ("Pakistan, Afghanistan Agree", "Istanbul Talks", "AGREE", "Agree", "Pakistan", "Afghanistan"),
            ("ISTANBUL: Delegations", "both sides said.", "AGREE", "agreed", "Pakistan", "Afghanistan"),
            ("Saqib, speaking", "efforts.", "REJECT", "denied", "Noorullah Saqib", None),
            ("Saqib, speaking", "efforts.", "SUPPORT", "welcomed", "Noorullah Saqib", "mediators"),
            ("Turkish Foreign Minister", "over war”.", "SUPPORT", "praised", "Hakan Fidan", "delegations"),
        ],
    },
    "05_ctd_arrests_bannu.txt": {
        "entities": {
            "CTD": "ORG", "PESHAWAR": "GPE", "Counter Terrorism Department": "ORG", "Khyber-Pakhtunkhwa": "GPE",
            "Hafiz Gul Bahadur group": "ORG", "Mandan": "GPE", "Miranshah": "GPE", "Arif Khattak": "PERSON",
        },
        "quotes": [
            ("The Counter Terrorism Department (CTD) arrested five suspected militants in Khyber-Pakhtunkhwa linked "
             "to last month's attack on a police station in Bannu", "indirect", "said", "officials", "officials"),
            ("the suspects belonged to a cell of the Hafiz Gul Bahadur group and had received training in "
             "Afghanistan's Paktika province", "indirect", "said", "Counter Terrorism Department", "A CTD spokesman"),
            ("Weapons, explosives and mobile phones were seized during raids in Bannu and Lakki Marwat", "indirect",
             "added", "Counter Terrorism Department", "he"),
            ("swift and professional", "direct", "described", "Arif Khattak", "Arif Khattak"),
        ],
        "events": [
            ("CTD Arrests", "Station Attack", "COERCE", "Arrests", "Counter Terrorism Department", "suspects"),
            ("PESHAWAR: The Counter", "on Thursday.", "COERCE", "arrested", "Counter Terrorism Department",
             "militants"),
            ("Weapons, explosives", "he added.", "COERCE", "seized", "Counter Terrorism Department", None),
            ("The October 19 attack", "four others.", "ASSAULT", "killed", "militants", "policemen"),
            ("Police have since", "to Miranshah.", "MOBILIZE", "deployed", "police", None),
            ("Provincial home minister", "operation.", "SUPPORT", "praised", "Arif Khattak",
             "Counter Terrorism Department"),
        ],
    },
    "06_taliban_threat_un_restraint.txt": {
        "entities": {
            "Taliban": "ORG", "UN": "ORG", "KABUL": "GPE", "Abdul Basir Hotak": "PERSON", "New York": "GPE",
            "United Nations": "ORG", "Lena Marquez": "PERSON", "World Food Programme": "ORG", "Tehran": "GPE",
        },
        "quotes": [
            ("an air strike in Paktika province on Sunday killed six people, including two children", "indirect",
             "According to", "local officials", "local officials"),
            ("Pakistan would “bear the consequences” if it violated Afghan airspace again", "mixed", "said",
             "Abdul Basir Hotak", "Abdul Basir Hotak"),
            ("exercise restraint and return to talks", "indirect", "called on", "United Nations", "United Nations"),
            ("Civilians on both sides of the border are paying the price for this escalation,", "direct", "said",
             "Lena Marquez", "Lena Marquez"),
            ("it had delivered food and medical supplies to more than 3,000 families displaced by the fighting in "
             "Kunar and Khost", "indirect", "said", "World Food Programme", "World Food Programme"),
        ],
        "events": [
            ("Taliban Warn Pakistan", "for Restraint", "THREATEN", "Warn", "Afghan Taliban", "Pakistan"),
            ("Taliban Warn Pakistan", "for Restraint", "REQUEST", "Calls", "United Nations", None),
            ("KABUL: The Afghan", "Afghan territory.", "THREATEN", "threatened", "Afghan Taliban", "Pakistan"),
            ("According to local", "two children.", "ASSAULT", "strike", None, "six people"),
            ("Afghan defence ministry", "airspace again.", "THREATEN", "consequences", "Abdul Basir Hotak", "Pakistan"),
            ("In New York", "to talks.", "REQUEST", "called", "United Nations", None),
            ("The World Food Programme", "and Khost.", "AID", "delivered", "World Food Programme", "families"),
        ],
    },
}


def occurrences(text: str, surface: str) -> list[int]:
    pat = re.compile(r"(?<![\w-])" + re.escape(surface) + r"(?![\w-])")
    return [m.start() for m in pat.finditer(text)]


def find_after(text: str, needle: str, start: int = 0, end: int | None = None) -> Span:
    i = text.find(needle, start, end if end is not None else len(text))
    if i < 0:
        raise SystemExit(f"not found: {needle!r} after {start}")
    return Span(i, i + len(needle))


def nearest(text: str, needle: str, anchor: Span) -> Span:
    """The occurrence of ``needle`` nearest to ``anchor`` (before or after, within 300 characters)."""
    best = None
    for i in [m.start() for m in re.finditer(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", text)]:
        d = 0 if anchor.start <= i < anchor.end else min(abs(i - anchor.end), abs(i + len(needle) - anchor.start))
        if i + len(needle) > anchor.start and i < anchor.end and not (anchor.start <= i and i + len(needle) <= anchor.end):
            continue
        if anchor.start <= i and i + len(needle) <= anchor.end:
            continue
        if best is None or d < best[0]:
            best = (d, i)
    if best is None or best[0] > 300:
        raise SystemExit(f"no {needle!r} near {anchor}")
    return Span(best[1], best[1] + len(needle))


def add_entities(article: Article, surfaces: dict[str, str]) -> dict[Span, Entity]:
    """Every occurrence of each surface as a gold entity (longest first, none overlapping or ignored)."""
    text = article.text
    taken: list[Span] = []
    for surface in sorted(surfaces, key=len, reverse=True):
        for i in occurrences(text, surface):
            span = Span(i, i + len(surface))
            if any(span.overlaps(t) for t in taken) or any(span.overlaps(s) for s in article.ignored):
                continue
            if surface == "X" and text[i - 3 : i] != "on ":
                continue
            taken.append(span)
            article.entities.append(Entity(span.start, span.end, surfaces[surface], "human", "accepted"))
    article.entities.sort(key=lambda e: e.start)
    return {e.span: e for e in article.entities}


def speaker_entity(article: Article, mention: Span | None, by_span: dict[Span, Entity]) -> Span | None:
    """The entity a mention is, else the first person or body inside it."""
    if mention is None or mention in by_span:
        return mention
    inner = [e for e in article.entities if mention.start <= e.start and e.end <= mention.end
             and e.label in ("PERSON", "ORG")]
    return inner[0].span if inner else None


def add_events(article: Article, events: list[tuple[str, str, str, str, str | None, str | None]]) -> None:
    """Gold events from (first words, last words, type, trigger, actor, recipient) of their sentence."""
    text = article.text
    for first, last, etype, trigger, actor, recipient in events:
        a = find_after(text, first)
        b = find_after(text, last, a.start)
        sentence = Span(a.start, b.end)
        trig = find_after(text, trigger, sentence.start, sentence.end)

        def arg(n: str | None, sentence: Span = sentence) -> Arg | None:
            if n is None:
                return None
            ents = [e.span for e in article.entities if sentence.start <= e.start < sentence.end
                    and text[e.start:e.end] == n]
            return Arg(n, ents[0] if ents else None)

        article.events.append(Event(etype, sentence, trigger=trig, actor=arg(actor), recipient=arg(recipient),
                                    origin="human", state="accepted"))


def build(name: str, spec: dict) -> Article:
    article = next(iter(read_text_file(DEMO / name)))
    text = article.text
    by_span = add_entities(article, {**COMMON, **spec["entities"]})
    for content, kind, cue, speaker, mention in spec["quotes"]:
        span = find_after(text, content)
        cue_span = nearest(text, cue, span) if cue else None
        mention_span = nearest(text, mention, span) if mention else None
        article.quotes.append(Quote(span.start, span.end, kind, cue=cue_span, speaker=speaker,
                                    speaker_entity=speaker_entity(article, mention_span, by_span),
                                    mention=mention_span, origin="human", state="accepted"))
    add_events(article, spec["events"])
    article.status = "done"
    article.annotator = "NLP-A (hand gold)"
    return article


def main() -> int:
    articles = [build(name, spec) for name, spec in ARTICLES.items()]
    for a in articles:
        for e in a.entities:
            assert a.text[e.start:e.end].strip() == a.text[e.start:e.end], e
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        write_jsonl(articles, f)
    print(f"wrote {len(articles)} articles to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
