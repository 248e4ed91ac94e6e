"""The layout rules of issue 16 on hand-built text and Docs (no trained model): turn labels,
section labels, entry headlines, datelines."""

from __future__ import annotations

import spacy

from desktop_app.core.model import Entity
from desktop_app.nlp.form_lexicon import form_lexicon, is_section_label
from desktop_app.nlp.gazetteer import paragraphs
from desktop_app.nlp.quote_candidates import trimmed
from desktop_app.nlp.quote_forms import headline_source_first, quoted_title_lines, transcript


def test_section_labels_come_from_the_resources_lexicon() -> None:
    assert {"analysis", "live updates", "press release", "interview"} <= form_lexicon().section_labels
    assert is_section_label(" Live Updates ") and is_section_label("ANALYSIS")
    assert not is_section_label("Military Spokesperson")


def test_q_and_a_turns_answer_is_a_quote_of_the_interviewee_the_question_is_not() -> None:
    text = ("Talking trade with Zubair Khan\n\nQ: Is the border open?\n\nA: Not yet. We are waiting.\n\n"
            "Q: When will it open?\n\nA: Nobody knows.\n")
    name = text.index("Zubair Khan")
    found = transcript(text, [Entity(name, name + len("Zubair Khan"), "PERSON")])
    assert [text[c.start:c.end] for c in found] == ["Not yet. We are waiting.", "Nobody knows."]
    assert all(text[c.mention.start:c.mention.end] == "A" for c in found if c.mention)
    assert all(c.source is not None and text[c.source.start:c.source.end] == "Zubair Khan" for c in found)


def test_place_labels_of_a_brief_are_not_turns() -> None:
    text = "In brief\n\nQuetta: Police arrested four men.\n\nKabul: The ministry announced new rules.\n"
    assert transcript(text, []) == []


def test_capital_labels_of_a_broadcast_transcript_quote_both_sides() -> None:
    text = "WALLACE: Will you debate?\n\nPENCE: I will.\n\nWALLACE: When?\n\nPENCE: In October, Chris.\n"
    assert [text[c.start:c.end] for c in transcript(text, [])] == ["Will you debate?", "I will.", "When?",
                                                                  "In October, Chris."]


def test_a_live_entry_headline_quote_is_direct_and_its_source_is_after_the_colon() -> None:
    text = "Flood updates\n\n10:05\n‘We need boats, not promises’: village elder\nThe elder spoke to us.\n"
    [cand] = quoted_title_lines(text)
    assert (text[cand.start:cand.end], cand.kind) == ("We need boats, not promises", "direct")
    assert cand.mention is not None and text[cand.mention.start:cand.mention.end] == "village elder"


def test_a_section_label_before_a_title_colon_is_no_source() -> None:
    text = "Analysis: Why the wheat price will not fall\n\nBody."
    assert headline_source_first(text, []) == []


def test_datelines_with_date_and_agency_and_brief_places_are_not_said() -> None:
    for line, said in (("ISLAMABAD, Oct 13 (PNS) – Pakistan agreed to talks", "Pakistan agreed to talks"),
                       ("KABUL (Reuters) - The ministry said", "The ministry said"),
                       ("Quetta: Police arrested four men", "Police arrested four men")):
        s, e = trimmed(line, 0, len(line))
        assert line[s:e] == said


def test_a_dateline_or_turn_label_opens_the_sentence_it_belongs_to() -> None:
    nlp = spacy.blank("en")
    for text in ("ISLAMABAD, Oct 13 (PNS) – Pakistan agreed.", "Quetta: Police arrested four men.",
                 "A: We will respond."):
        doc = paragraphs(nlp(text))
        assert not any(t.is_sent_start for t in doc[1:]), text  # no boundary after the label
