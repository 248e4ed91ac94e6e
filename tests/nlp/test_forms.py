"""Suggestions on every form of news (issue 16): wire copy, live pages, interviews, analysis, press
releases and briefs, each from sentences written for these tests and the real model.

What an annotator sees: which passages are quotes, who said them, and which events are suggested."""

from __future__ import annotations

import pytest

from .enginehelp import run

pytestmark = pytest.mark.model


def quotes(text: str) -> list[tuple[str, str | None, str | None]]:
    """(content, speaker, mention) of each suggested quote, in text order."""
    out = run(text).suggestions.quotes
    return [(text[q.start:q.end], q.speaker, text[q.mention.start:q.mention.end] if q.mention else None) for q in out]


def speaker_of(text: str, content_start: str) -> str | None:
    found = [s for c, s, _m in quotes(text) if c.startswith(content_start)]
    assert found, f"no quote starting {content_start!r} in {quotes(text)}"
    return found[0]


def event_types(text: str) -> set[tuple[str, str]]:
    out = run(text).suggestions.events
    return {(v.type, text[v.trigger.start:v.trigger.end] if v.trigger else "") for v in out}


# -- wire copy ------------------------------------------------------------------------------------

WIRE = ("Port reopens after storm\n\n"
        "KARACHI, Nov 4 (PNS) – The port will reopen to shipping on Friday, the harbour master said.\n\n"
        "GWADAR, Nov 4 (PNS) – Fishermen in Gwadar said the storm had destroyed dozens of boats.\n")


def test_a_wire_dateline_is_never_the_speaker_nor_part_of_what_was_said() -> None:
    found = quotes(WIRE)
    assert ("The port will reopen to shipping on Friday", "harbour master", "harbour master") in found
    assert all(s not in ("KARACHI", "GWADAR", "PNS") for _c, s, _m in found)
    assert (speaker_of(WIRE, "the storm had destroyed") or "").casefold() == "fishermen"


def test_a_wire_sentence_keeps_its_dateline() -> None:
    """One sentence from the dateline to the full stop (the event's sentence the annotator sees)."""
    text = "ISLAMABAD, Oct 13 (PNS) – Pakistan and Afghanistan agreed on Sunday to extend the ceasefire.\n"
    out = run(text)
    assert [text[s.start:s.end] for s in out.sentences] == [text.strip()]
    assert [(v.type, v.sentence.start) for v in out.suggestions.events] == [("AGREE", 0)]


# -- live page ------------------------------------------------------------------------------------

LIVE = ("Quetta floods: live updates\n\n"
        "12:30 PKT\n"
        "‘The road to Sibi is open again’: police chief\n"
        "Police chief Rahim Shah told reporters the first convoy had passed. “The road to Sibi is open again,” he said.\n\n"
        "13:05 PKT\n"
        "A shopkeeper in the old city, Naveed Ahmed, said the water had reached his counter.\n")


def test_a_live_page_label_is_no_source_and_an_entry_headline_quote_takes_the_speaker_below() -> None:
    found = quotes(LIVE)
    assert all(s != "live updates" for _c, s, _m in found)
    headline = [q for q in found if q[0] == "The road to Sibi is open again"]
    assert headline == [("The road to Sibi is open again", "Rahim Shah", "police chief")]
    assert speaker_of(LIVE, "the first convoy had passed") == "Rahim Shah"
    assert speaker_of(LIVE, "the water had reached") == "Naveed Ahmed"


# -- interview ------------------------------------------------------------------------------------

QA = ("'Schools must reopen': Shazia Marri on the floods\n\n"
      "Shazia Marri, the provincial education minister, spoke to us in Hyderabad.\n\n"
      "Q: How many schools were damaged?\n\n"
      "A: More than two thousand. Some of them will take a year to rebuild.\n\n"
      "Q: Teachers say they have not been paid since August.\n\n"
      "A: That is true, and the salaries will be released this week.\n")


def test_answer_turns_are_the_interviewees_quotes_and_questions_are_not() -> None:
    found = quotes(QA)
    answers = [q for q in found if q[2] == "A"]
    assert [c for c, _s, _m in answers] == ["More than two thousand. Some of them will take a year to rebuild.",
                                             "That is true, and the salaries will be released this week."]
    assert {s for _c, s, _m in answers} == {"Shazia Marri"}
    assert not any(c.startswith("How many schools") for c, _s, _m in found)
    assert ("Schools must reopen", "Shazia Marri", "Shazia Marri") in found


def test_a_named_turn_label_is_the_speaker() -> None:
    text = ("Interview: a Gwadar fisherman on the storm\n\n"
            "Bashir Baloch has fished off Gwadar for thirty years.\n\n"
            "Q: What did you lose?\n\n"
            "Bashir: My boat and my nets. We have nothing left to work with.\n\n"
            "Q: Has anyone helped?\n\n"
            "Bashir: Nobody from the government has come here yet.\n")
    found = quotes(text)
    assert [(c, m) for c, _s, m in found] == [("My boat and my nets. We have nothing left to work with.", "Bashir"),
                                              ("Nobody from the government has come here yet.", "Bashir")]
    assert all(s != "Interview" for _c, s, _m in found)


def test_a_brief_with_place_labels_is_not_a_transcript() -> None:
    text = ("In brief\n\n"
            "Sibi: Police arrested four men for looting shops, a police spokesman said.\n\n"
            "Quetta: The provincial government has sent tents to flood-hit families, an official said.\n")
    found = quotes(text)
    assert [s for _c, s, _m in found] == ["police spokesman", "official"]
    assert found[0][0].startswith("Police arrested four men")
    types = event_types(text)
    assert ("COERCE", "arrested") in types
    assert not any(t == "ASSAULT" for t, _w in types)  # "flood-hit" is no attack


# -- analysis -------------------------------------------------------------------------------------

ANALYSIS = ("Analysis: Why the wheat price will not fall\n\n"
            "Millers in Lahore think the shortage is artificial, according to two people who attended a meeting "
            "with the food minister.\n\n"
            "\"The stocks are there, but they are held back,\" one of them said. \"Nobody uses the word 'hoarding' "
            "in public.\"\n")


def test_a_section_label_is_no_source_and_a_group_keeps_its_description() -> None:
    found = quotes(ANALYSIS)
    assert all(s != "Analysis" for _c, s, _m in found)
    speakers = {s for _c, s, _m in found}
    assert speakers == {"people who attended a meeting with the food minister"}
    assert any("'hoarding'" in c for c, _s, _m in found)  # nested single marks stay inside the quote


def test_a_relative_pronoun_is_the_person_it_refers_to() -> None:
    text = "The plan was drafted by Sara Malik, a former finance secretary, who said that tariffs would fall by May."
    found = quotes(text)
    assert found == [("tariffs would fall by May", "Sara Malik", "who")]


# -- press release --------------------------------------------------------------------------------

RELEASE = ("Press Release: Ministry of Interior on border management\n\n"
           "Interior Minister Mohsin Naqvi received the delegation at the Ministry of Interior today. "
           "The Interior Minister welcomed the delegation. He stated that border management was a shared "
           "responsibility.\n\n"
           "The Ministry of Interior, through its spokesperson Qadir Yar, expressed the hope that the new "
           "visa regime would ease travel.\n\n"
           "It was further emphasised that all travellers must carry valid documents.\n")


def test_press_release_prose_is_attributed_to_the_ministry_and_its_officials() -> None:
    found = quotes(RELEASE)
    assert all(s != "Press Release" for _c, s, _m in found)
    assert speaker_of(RELEASE, "border management was a shared") == "Mohsin Naqvi"
    assert speaker_of(RELEASE, "the new visa regime would ease travel") == "Qadir Yar"
    assert ("all travellers must carry valid documents", "Ministry of Interior", None) in found


# -- quotes over paragraphs, other languages, mixed marks -----------------------------------------

def test_a_quote_over_paragraphs_takes_the_name_given_after_it_in_every_paragraph() -> None:
    text = ("Teachers in Quetta\n\n"
            "“The schools have been shut for a month and nobody has listened to us. We have written letters.\n\n"
            "“We will not go back until the salaries are paid,” said Farah Naz, who leads the union.\n")
    found = quotes(text)
    assert found == [
        ("The schools have been shut for a month and nobody has listened to us. We have written letters.",
         "Farah Naz", "Farah Naz"),
        ("We will not go back until the salaries are paid,", "Farah Naz", "Farah Naz"),
    ]


def test_urdu_words_in_latin_or_arabic_script_and_mixed_marks_are_quotes() -> None:
    text = ("Protest in Peshawar\n\n"
            "“Hum yahan se nahin jayenge,” said a protester, Gul Khan.\n\n"
            "\"We want our jobs back,\" said Amina Bibi, a nurse.\n\n"
            "“ہم یہاں سے نہیں جائیں گے،” said Zarina Begum, another nurse.\n")
    found = quotes(text)
    assert [(c, s) for c, s, _m in found] == [("Hum yahan se nahin jayenge,", "Gul Khan"),
                                              ("We want our jobs back,", "Amina Bibi"),
                                              ("ہم یہاں سے نہیں جائیں گے،", "Zarina Begum")]


# -- rare event types -----------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected", "not_expected"), [  # (type, trigger) expected
    ("Pakistan lifted the ban on Afghan fruit imports on Monday.", ("RETREAT", "lifted"), "SANCTION"),
    ("Islamabad eased visa restrictions for Afghan students last week.", ("RETREAT", "eased"), "CONCEDE"),
    ("Pakistan freed 25 Afghan detainees at Torkham on Saturday.", ("RETREAT", "freed"), "CONCEDE"),
    ("\"If our posts are attacked again, we will respond,\" the army chief said.", ("THREATEN", "respond"), None),
    ("The commander warned that the militants would face an operation if they did not surrender.",
     ("THREATEN", "warned"), None),
    ("Hundreds of farmers marched to the assembly in Lahore on Tuesday.", ("PROTEST", "marched"), None),
    ("The army deployed two brigades along the border on Sunday.", ("MOBILIZE", "deployed"), None),
    ("The provincial government sent food and medicine to the flooded villages.", ("AID", "sent"), None),
    ("The two countries agreed to share intelligence on militant groups.", ("AGREE", "agreed"), "REQUEST"),
    ("The ambassador called on the foreign minister in Islamabad on Monday.", ("CONSULT", "called"), "REQUEST"),
    ("The ambassador called on Pakistan to release the fishermen.", ("REQUEST", "called"), "CONSULT"),
    ("The visiting minister thanked Pakistan for its help after the floods.", ("SUPPORT", "thanked"), None),
])
def test_rare_event_types(text: str, expected: tuple[str, str], not_expected: str | None) -> None:
    types = event_types(text)
    assert expected[0] in {t for t, _w in types}, types
    if not_expected is not None:
        assert not any(t == not_expected for t, _w in types), types


def test_a_source_asking_not_to_be_named_is_no_request_and_groups_keep_their_description() -> None:
    text = ("A Western diplomat, who asked not to be named, said the talks had stalled. "
            "Officials familiar with the talks said a new round was unlikely before March. "
            "Three members of the Afghan delegation said Kabul had offered a compromise.")
    found = quotes(text)
    assert [(c, (s or "").casefold()) for c, s, _m in found] == [
        ("the talks had stalled", "western diplomat"),
        ("a new round was unlikely before March", "officials familiar with the talks"),
        ("Kabul had offered a compromise", "members of the afghan delegation"),
    ]
    assert not any(t == "REQUEST" for t, _w in event_types(text))
