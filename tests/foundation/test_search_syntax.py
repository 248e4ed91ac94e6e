"""The search syntax parses into fields, words and phrases; bad syntax is refused with the fields named."""

from __future__ import annotations

import pytest

from desktop_app.core.search import FIELDS, parse_search
from desktop_app.errors import E, NewsGoldError


def test_fields_words_and_phrases_are_told_apart() -> None:
    q = parse_search('speaker:"Khawaja Asif" label:org ceasefire "border  talks" type:ACCUSE label:GPE')
    assert q.speakers == ("Khawaja Asif",)
    assert q.labels == ("org", "GPE")  # a field may repeat; case is matched by the SQL, not here
    assert q.types == ("ACCUSE",)
    assert q.words == ("ceasefire",)
    assert q.phrases == ("border talks",)
    assert q.fts == '"ceasefire"* "border talks"'
    assert not q.text_only


@pytest.mark.parametrize(("typed", "status"), [
    ("status:done", "done"), ('status:"in progress"', "in_progress"), ("status:in-progress", "in_progress"),
    ("status:in_progress", "in_progress"), ("status:pre-annotated", "preannotated"), ("STATUS:Skipped", "skipped"),
])
def test_status_accepts_the_words_the_list_shows(typed: str, status: str) -> None:
    assert parse_search(typed).statuses == (status,)


def test_state_accepts_states_origins_and_corrected() -> None:
    assert parse_search("state:Suggested state:human state:corrected").states == ("suggested", "human", "corrected")


def test_only_words_is_a_full_text_search() -> None:
    q = parse_search("  minister  café's ")
    assert q.text_only and q.fts == '"minister"* "café"* "s"*'
    assert parse_search("10:30").words == ("10", "30")  # digits before a colon are no field
    assert parse_search("").empty and parse_search(" ,; ").empty


@pytest.mark.parametrize(("typed", "code", "says"), [
    ("pakistan speeker:Asif", E.E030, "'speeker'"),
    ('speaker:"Khawaja Asif', E.E031, "character 9"),
    ('army "border talks', E.E031, "character 6"),
    ("label: ORG", E.E032, "label"),
    ("status:finished", E.E033, "in progress"),
    ("state:maybe", E.E033, "corrected"),
])
def test_bad_syntax_is_refused_with_a_message_naming_what_to_type(typed: str, code: E, says: str) -> None:
    with pytest.raises(NewsGoldError) as err:
        parse_search(typed)
    assert err.value.code == code
    assert says in str(err.value)
    if code == E.E030:
        assert all(f"{name}:" in str(err.value) for name in FIELDS)
