"""Each quote pattern of the guidelines, with the real pipeline: what an annotator would see suggested."""

from __future__ import annotations

import pytest

from desktop_app.nlp.quotes import direct_spans

from .quotehelp import Seen, quotes_of

pytestmark = pytest.mark.model


def only(found: list[Seen]) -> Seen:
    assert len(found) == 1, [f.content for f in found]
    return found[0]


# -- direct quotes ---------------------------------------------------------------------------
def test_curly_quote_speaker_after_with_cue_and_inner_comma(real_nlp) -> None:
    text = ("Defence Minister Khawaja Asif spoke in Islamabad on Monday.\n\n"
            "“We will not allow our soil to be used against anyone,” the minister told parliament.")
    q = only(quotes_of(real_nlp, text))
    assert q.content == "We will not allow our soil to be used against anyone,"
    assert q.kind == "direct"
    assert q.cue == "told parliament"
    assert q.mention == "minister"
    assert q.speaker == "Khawaja Asif"


def test_straight_quote_speaker_before_with_colon(real_nlp) -> None:
    q = only(quotes_of(real_nlp, 'Ahmed Khan said: "The border will stay closed until the attacks stop."'))
    assert q.content == "The border will stay closed until the attacks stop."
    assert (q.kind, q.cue, q.speaker, q.entity) == ("direct", "said", "Ahmed Khan", "Ahmed Khan")


def test_speaker_inside_a_split_quote_gives_both_halves_the_speaker(real_nlp) -> None:
    text = "“The talks have failed,” said Ahmed Khan, “and our delegation is coming home.”"
    found = quotes_of(real_nlp, text)
    assert [f.content for f in found] == ["The talks have failed,", "and our delegation is coming home."]
    assert {f.speaker for f in found} == {"Ahmed Khan"}
    assert {f.cue for f in found} == {"said"}


def test_quote_continued_over_paragraphs_is_one_quote_per_paragraph_named_after(real_nlp) -> None:
    """Guidelines: the open paragraph continues in the next one opening with a mark, and every paragraph
    of the quote takes the name given after it as its mention (so one quote per paragraph)."""
    text = ("Interior Minister Mohsin Naqvi addressed the press.\n\n"
            "“We have arrested the men behind the attack. They will face the courts.\n\n"
            "“Nobody is above the law,” Naqvi said.")
    found = quotes_of(real_nlp, text)
    assert [q.content for q in found] == ["We have arrested the men behind the attack. They will face the courts.",
                                          "Nobody is above the law,"]
    assert {(q.speaker, q.mention, q.cue) for q in found} == {("Mohsin Naqvi", "Naqvi", "said")}


def test_unclosed_paragraph_not_followed_by_a_mark_is_not_a_quote() -> None:
    assert direct_spans("He said “this never closes.\n\nNext paragraph is plain.") == []


def test_nested_single_quotes_stay_inside_one_quote(real_nlp) -> None:
    text = "“They called it ‘a final warning’ and walked out of the room,” the spokesperson said."
    q = only(quotes_of(real_nlp, text))
    assert q.content == "They called it ‘a final warning’ and walked out of the room,"
    assert q.cue == "said"


def test_next_sentence_quote_keeps_the_previous_speaker(real_nlp) -> None:
    text = ("“In Istanbul, the Afghan Taliban were clearly told that they need to control terrorism,” "
            "Lt Gen Ahmed Sharif Chaudhry stated. “How they do it is their job.”")
    found = quotes_of(real_nlp, text)
    assert [f.content for f in found][-1] == "How they do it is their job."
    assert {f.speaker for f in found} == {"Ahmed Sharif Chaudhry"}
    assert found[-1].cue == "stated"


def test_scare_quoted_word_makes_the_reported_clause_mixed(real_nlp) -> None:
    text = "Pakistan briefly announced that negotiations had “failed” and that its delegation would return home."
    q = only(quotes_of(real_nlp, text))
    assert q.kind == "mixed"
    assert q.content == "negotiations had “failed” and that its delegation would return home"
    assert (q.cue, q.speaker) == ("announced", "Pakistan")


# -- indirect speech -------------------------------------------------------------------------
INDIRECT = [
    # text, content, cue, mention
    ("Ahmed Khan said that the border would reopen next week.",
     "the border would reopen next week", "said", "Ahmed Khan"),
    ("The Foreign Office stated that Pakistan remains committed to dialogue.",
     "Pakistan remains committed to dialogue", "stated", "Foreign Office"),
    ("Lieutenant-General Ahmed Sharif Chaudhry told reporters that the armed forces guarantee security.",
     "the armed forces guarantee security", "told reporters", "Ahmed Sharif Chaudhry"),
    ("Khawaja Asif added that the talks would continue in Istanbul.",
     "the talks would continue in Istanbul", "added", "Khawaja Asif"),
    ("The Foreign Office noted that the Afghan side failed to act against banned groups.",
     "the Afghan side failed to act against banned groups", "noted", "Foreign Office"),
    ("Ishaq Dar stressed that terrorism from Afghan soil must be addressed first.",
     "terrorism from Afghan soil must be addressed first", "stressed", "Ishaq Dar"),
    ("Ishaq Dar emphasised that the ceasefire must hold.", "the ceasefire must hold", "emphasised", "Ishaq Dar"),
    ("Ishaq Dar emphasized that the ceasefire must hold.", "the ceasefire must hold", "emphasized", "Ishaq Dar"),
    ("Shehbaz Sharif asserted that Pakistan will defend its borders.",
     "Pakistan will defend its borders", "asserted", "Shehbaz Sharif"),
    ("Pakistan reiterated that it always considers the use of force a last resort.",
     "it always considers the use of force a last resort", "reiterated", "Pakistan"),
    ("Khawaja Asif warned that any attack would be answered.", "any attack would be answered", "warned", "Khawaja Asif"),
    ("The Taliban claimed that the strikes had killed civilians.",
     "the strikes had killed civilians", "claimed", "Taliban"),
    ("Zabihullah Mujahid denied that militants were operating from Afghan soil.",
     "militants were operating from Afghan soil", "denied", "Zabihullah Mujahid"),
    ("Pakistan has repeatedly urged the Taliban regime to halt support for terrorists.",
     "the Taliban regime to halt support for terrorists", "urged", "Pakistan"),
    ("The United States called on Pakistan to release the prisoners.",
     "Pakistan to release the prisoners", "called on", "United States"),
    ("Pakistan has long accused the Afghan Taliban regime of allowing terrorist groups to use its territory.",
     "the Afghan Taliban regime of allowing terrorist groups to use its territory", "accused", "Pakistan"),
    ("According to the Foreign Office, the border crossings at Torkham and Chaman remain closed.",
     "the border crossings at Torkham and Chaman remain closed", "According to", "Foreign Office"),
    ("The border crossings will stay closed this week, according to Pakistani officials.",
     "The border crossings will stay closed this week", "according to", "Pakistani officials"),
]


@pytest.mark.parametrize(("text", "content", "cue", "mention"), INDIRECT, ids=[row[2] for row in INDIRECT])
def test_indirect_speech_content_is_the_reported_clause(real_nlp, text: str, content: str, cue: str,
                                                        mention: str) -> None:
    q = only(quotes_of(real_nlp, text))
    assert q.kind == "indirect"
    assert q.content == content
    assert q.cue == cue
    assert q.mention is not None and mention in q.mention


def test_passive_it_was_noted_takes_the_previous_speaker(real_nlp) -> None:
    text = ("The Foreign Office said that the talks had stalled. "
            "It was further noted that the border would remain closed.")
    found = quotes_of(real_nlp, text)
    assert [f.content for f in found] == ["the talks had stalled", "the border would remain closed"]
    assert found[1].cue == "noted"
    assert found[1].speaker == "Foreign Office"


@pytest.mark.parametrize("text", [
    "The minister echoed concerns about the border.",
    "The DG ISPR also dismissed the idea of a formal agreement with the United States.",
    "He said nothing.",
])
def test_speech_verb_with_only_a_noun_phrase_object_is_not_a_quote(real_nlp, text: str) -> None:
    assert quotes_of(real_nlp, text) == []


def test_headline_attribution_after_colon(real_nlp) -> None:
    text = ("Pakistan’s Security Guaranteed by Its Own Armed Forces, Not Kabul: Military Spokesperson\n\n"
            "Director General of Inter-Services Public Relations, Lieutenant-General Ahmed Sharif Chaudhry, "
            "briefed journalists on Monday.")
    q = quotes_of(real_nlp, text)[0]
    assert q.content == "Pakistan’s Security Guaranteed by Its Own Armed Forces, Not Kabul"
    assert (q.cue, q.mention) == (":", "Military Spokesperson")


def test_headline_says(real_nlp) -> None:
    q = only(quotes_of(real_nlp, "DG ISPR says operations against terrorist groups continue\n\nBody text here."))
    assert q.content == "operations against terrorist groups continue"
    assert q.cue == "says"


def test_dateline_colon_is_not_a_headline_attribution(real_nlp) -> None:
    assert quotes_of(real_nlp, "ISLAMABAD: Troops moved to the border on Monday after heavy clashes.") == []


def test_stated_and_emphasised_share_the_subject(real_nlp) -> None:
    text = ("He stated that Pakistan has never celebrated the arrival of the Taliban and emphasised that "
            "operations against militant groups are underway.")
    found = quotes_of(real_nlp, text)
    assert [f.content for f in found] == ["Pakistan has never celebrated the arrival of the Taliban",
                                          "operations against militant groups are underway"]
    assert [f.mention for f in found] == ["He", "He"]


def test_suggestions_are_model_suggestions(real_nlp) -> None:
    q = only(quotes_of(real_nlp, "Ahmed Khan said that the border would reopen next week."))
    assert (q.quote.origin, q.quote.state) == ("model", "suggested")


@pytest.mark.parametrize("pipes", [[], ["sentencizer"]], ids=["bare-tokenizer", "rule-only"])
def test_without_a_trained_model_direct_quotes_still_get_cue_and_speaker(pipes: list[str]) -> None:
    import spacy

    from desktop_app.nlp.quotes import find_quotes

    nlp = spacy.blank("en")
    for name in pipes:
        nlp.add_pipe(name)
    text = "The briefing\n\n“We will not allow it,” the minister said. He said that it was fine.\n"
    found = find_quotes(nlp(text), [])
    assert [(text[q.start:q.end], text[q.cue.start:q.cue.end] if q.cue else None) for q in found] == [
        ("We will not allow it,", "said")]
    assert found[0].speaker == "minister"


@pytest.mark.parametrize("dateline", ["RAWALPINDI: ", "KABUL (Reuters) - ", "ISLAMABAD — "])
def test_dateline_is_not_part_of_the_reported_content(real_nlp, dateline: str) -> None:
    text = dateline + "Security forces launched air strikes overnight, the military's media wing said on Tuesday."
    found = quotes_of(real_nlp, text)
    assert [f.content for f in found] == ["Security forces launched air strikes overnight"]
