"""Speaker resolution to one canonical name per source, and what the registry learns."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.core.model import Article, Quote, Span
from desktop_app.nlp.speakers import registry_updates, strip_title

from .quotehelp import quotes_of

pytestmark = pytest.mark.model

BRIEFING = (
    "Director General of Inter-Services Public Relations (ISPR), Lieutenant-General Ahmed Sharif Chaudhry, "
    "briefed senior journalists on Monday.\n\n"
    "He stated that Pakistan has never celebrated the arrival of the Taliban.\n\n"
    "The DG ISPR also confirmed that no official complaint has been received.\n\n"
    "“How they do it is their job,” Lt Gen Chaudhry stated.\n\n"
    "The ISPR highlighted a close link between terrorism and crime, noting that these groups cultivate opium."
)


def speakers(found) -> list[tuple[str | None, str | None]]:  # type: ignore[no-untyped-def]
    return [(f.mention, f.speaker) for f in found]


def test_pronoun_title_and_short_name_resolve_to_the_fullest_name(real_nlp) -> None:
    found = quotes_of(real_nlp, BRIEFING)
    assert speakers(found)[:3] == [
        ("He", "Ahmed Sharif Chaudhry"),
        ("DG ISPR", "Ahmed Sharif Chaudhry"),       # from the apposition "Director General of ... ISPR"
        ("Lt Gen Chaudhry", "Ahmed Sharif Chaudhry"),
    ]


def test_speaker_entity_is_the_span_of_the_named_mention_only(real_nlp) -> None:
    found = quotes_of(real_nlp, BRIEFING)
    assert found[0].entity is None                    # "He" is not an entity
    assert found[2].entity is not None and "Chaudhry" in found[2].entity


def test_acronym_body_resolves_to_its_full_name(real_nlp) -> None:
    found = quotes_of(real_nlp, BRIEFING)
    assert found[-1].speaker == "Inter-Services Public Relations"
    assert found[-1].cue == "noting"


def test_registry_alias_wins(real_nlp) -> None:
    text = "The DG ISPR said that operations against the TTP continue."
    found = quotes_of(real_nlp, text, registry={"DG ISPR": "Ahmed Sharif Chaudhry"})
    assert speakers(found) == [("DG ISPR", "Ahmed Sharif Chaudhry")]


def test_the_minister_is_the_person_given_that_title(real_nlp) -> None:
    text = ("Defence Minister Khawaja Asif and Interior Minister Mohsin Naqvi met in Islamabad.\n\n"
            "The defence minister said that the army was ready.")
    assert speakers(quotes_of(real_nlp, text)) == [("defence minister", "Khawaja Asif")]


def test_military_spokesperson_matches_the_apposition_of_the_named_general(real_nlp) -> None:
    text = ("Pakistan’s military spokesperson has said the country’s security is the job of its own forces.\n\n"
            "Director General of Pakistan’s military media wing, Lieutenant-General Ahmed Sharif Chaudhry, "
            "expressed these views on Monday.")
    found = quotes_of(real_nlp, text)
    assert speakers(found) == [("Pakistan’s military spokesperson", "Ahmed Sharif Chaudhry")]


def test_unnamed_sources_get_a_description(real_nlp) -> None:
    text = ("Diplomatic sources said that the talks remain stalemated.\n\n"
            "A security source said that two militants were killed.")
    assert [f.speaker for f in quotes_of(real_nlp, text)] == ["diplomatic sources", "security source"]


def test_unnamed_spokesperson_takes_the_fullest_description(real_nlp) -> None:
    text = ("The Foreign Office spokesperson said that the regime wanted to prolong the ceasefire.\n\n"
            "The spokesperson stressed that this is not a refugee issue.")
    assert [f.speaker for f in quotes_of(real_nlp, text)] == ["Foreign Office spokesperson"] * 2


def test_he_after_an_unnamed_source_is_the_person_named_in_between(real_nlp) -> None:
    text = ("According to diplomatic sources, Ishaq Dar spoke about the recent talks with Afghanistan.\n\n"
            "He said that maintaining regional peace and stability is very important.")
    found = quotes_of(real_nlp, text)
    assert found[-1].mention == "He"
    assert found[-1].speaker == "Ishaq Dar"


def test_it_refers_to_the_country_in_its_own_sentence(real_nlp) -> None:
    text = ("The Foreign Office said that the talks had stalled.\n\n"
            "While Pakistan remains committed to dialogue, it stressed that terrorism must be addressed first.")
    assert [f.speaker for f in quotes_of(real_nlp, text)] == ["Foreign Office", "Pakistan"]


def test_a_statement_speaks_for_its_author(real_nlp) -> None:
    text = ("The Foreign Office said that the talks had stalled.\n\n"
            "The statement underlined that Pakistan will protect its territory.")
    assert [f.speaker for f in quotes_of(real_nlp, text)] == ["Foreign Office", "Foreign Office"]


def test_strip_title() -> None:
    assert strip_title("Lieutenant-General Ahmed Sharif Chaudhry") == "Ahmed Sharif Chaudhry"
    assert strip_title("Lt Gen Chaudhry") == "Chaudhry"
    assert strip_title("the ISPR") == "ISPR"


# -- registry growth -------------------------------------------------------------------------
def _article(text: str, quotes: list[Quote]) -> Article:
    a = Article.from_text(text, "t")
    a.quotes = quotes
    return a


def test_registry_learns_from_confirmed_quotes_only_and_skips_pronouns() -> None:
    text = "The DG ISPR said it. He said more. Lt Gen Chaudhry added this. The FO said that."
    a = _article(text, [
        Quote(0, 1, mention=Span(4, 11), speaker="Ahmed Sharif Chaudhry", state="accepted"),
        Quote(0, 1, mention=Span(21, 23), speaker="Ahmed Sharif Chaudhry", state="accepted"),
        Quote(0, 1, mention=Span(35, 50), speaker_entity=Span(42, 50), speaker="Ahmed Sharif Chaudhry",
              origin="human", state="suggested"),
        Quote(0, 1, mention=Span(66, 72), speaker="Foreign Office", state="suggested"),  # not confirmed
        Quote(0, 1, mention=Span(66, 72), speaker="Foreign Office", state="rejected", origin="human"),
    ])
    pairs = registry_updates(a)
    assert ("DG ISPR", "Ahmed Sharif Chaudhry") in pairs
    assert ("Lt Gen Chaudhry", "Ahmed Sharif Chaudhry") in pairs
    assert ("Chaudhry", "Ahmed Sharif Chaudhry") in pairs
    assert not any(alias == "He" for alias, _ in pairs)
    assert not any(canonical == "Foreign Office" for _, canonical in pairs)
    assert len(pairs) == len(set(pairs))


def test_registry_skips_a_name_equal_to_its_canonical_form() -> None:
    text = "Ishaq Dar said so."
    a = _article(text, [Quote(0, 1, mention=Span(0, 9), speaker="Ishaq Dar", state="accepted")])
    assert registry_updates(a) == []


def test_a_capital_speaks_for_its_government(real_nlp) -> None:
    text = "Islamabad urges the Taliban to focus on inclusivity within Afghanistan."
    assert [f.speaker for f in quotes_of(real_nlp, text)] == ["Pakistan"]


def test_body_named_in_full_keeps_its_full_name_when_an_abbreviation_is_around(real_nlp) -> None:
    text = ("Afghan regime took no solid action: FO\n\nBy News Desk\n\n"
            "The Foreign Office noted that the Afghan side failed to act against banned groups.")
    assert [f.speaker for f in quotes_of(real_nlp, text)] == ["Foreign Office", "Foreign Office"]


def test_a_statement_from_a_body_speaks_for_that_body(real_nlp) -> None:
    text = ("According to a statement from Inter-Services Public Relations (ISPR), the operation targeted "
            "compounds used by militant commanders.\n\n"
            "“Operations will continue until the last terrorist is eliminated,” the statement said.")
    assert [f.speaker for f in quotes_of(real_nlp, text)] == ["Inter-Services Public Relations"] * 2


def test_a_dateline_is_never_the_speaker(real_nlp) -> None:
    text = "ISTANBUL: Delegations from Pakistan and Afghanistan said that the ceasefire would hold."
    assert all(f.speaker != "ISTANBUL" and f.mention != "ISTANBUL" for f in quotes_of(real_nlp, text))


@pytest.mark.parametrize(("text", "speaker"), [
    ("Stranded at the crossing, dozens of truck drivers said the authorities should let empty vehicles return.",
     "truck drivers"),
    ("Officials at the interior ministry said the crossings would stay closed until further notice.",
     "interior ministry officials"),
    ("Officials from both sides said the ceasefire would be extended by a week.", "officials from both sides"),
    ("A joint statement issued by the Turkish foreign ministry said the two sides would set up a monitoring "
     "mechanism.", "Turkish foreign ministry"),
    ("Security forces killed six militants in North Waziristan, the military's media wing said.",
     "Inter-Services Public Relations"),
])
def test_unnamed_sources_get_the_description_the_guidelines_ask_for(real_nlp, text: str, speaker: str) -> None:
    assert [f.speaker for f in quotes_of(real_nlp, text)] == [speaker]


@pytest.mark.model
def test_speakers_do_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    """Two people with the same surname: each full name is its own person, the same in every run."""
    script = tmp_path / "speakers.py"
    script.write_text(
        "import json\n"
        "from desktop_app.nlp.engine import EngineInput\n"
        "from desktop_app.nlp.loading import load_engine\n"
        "text = ('Bill Clinton met reporters. Hillary Clinton said the plan was sound. '\n"
        "        '\\u201cIt will pass,\\u201d Clinton said.')\n"
        "out = next(load_engine().annotate([EngineInput(text, [])]))\n"
        "print(json.dumps([q.speaker for q in out.suggestions.quotes]))\n",
        encoding="utf-8",
    )
    runs = []
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, env=env, timeout=300)
        assert done.returncode == 0, done.stderr
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    assert runs[0] == runs[1] == runs[2]
    assert runs[0][0] == "Hillary Clinton"
