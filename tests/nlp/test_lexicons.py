"""The rules' word lists live in resources/lexicons/*.toml: read once, extendable, refused with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from desktop_app.errors import NewsGoldError
from desktop_app.nlp import lexicons
from desktop_app.nlp.entities import doc_entities
from desktop_app.nlp.lexicons import bundled_path, lexicon, load_lexicon
from desktop_app.nlp.speakers import CAPITALS

from .enginehelp import entities


def test_every_bundled_lexicon_parses_and_is_read_once() -> None:
    folder = bundled_path("events").parent
    names = sorted(p.stem for p in folder.glob("*.toml"))
    assert {"cues", "entities", "events", "forms", "speakers"} <= set(names)
    for name in names:
        assert lexicon(name) is lexicon(name)  # cached: the same object
    assert CAPITALS["Tehran"] == "Iran"  # the speaker rules read theirs from speakers.toml


def test_bad_toml_names_the_file_and_the_line(tmp_path: Path) -> None:
    f = tmp_path / "cues.toml"
    f.write_text('# my cues\nspeech_lemmas = ["say",\n  "tell"\nstance_nouns = ["hope"]\n', encoding="utf-8")
    with pytest.raises(NewsGoldError) as err:
        load_lexicon(f)
    assert err.value.code.name == "E060" and "cues.toml" in str(err.value) and "line 4" in str(err.value)


def test_a_value_of_the_wrong_shape_names_its_key_and_line(tmp_path: Path) -> None:
    f = tmp_path / "events.toml"
    f.write_text('negations = ["not"]\n\n[capitals]\n"Kabul" = 3\n', encoding="utf-8")
    with pytest.raises(NewsGoldError) as err:
        load_lexicon(f)
    msg = str(err.value)
    assert err.value.code.name == "E061" and "events.toml" in msg and "line 4" in msg and "capitals.Kabul" in msg


def test_a_user_file_adds_to_the_bundled_lists(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSGOLD_HOME", str(tmp_path))
    extra = tmp_path / "config" / "lexicons" / "speakers.toml"
    extra.parent.mkdir(parents=True)
    extra.write_text('counts = ["eleven"]\n[capitals]\n"Dhaka" = "Bangladesh"\n', encoding="utf-8")
    lexicon.cache_clear()
    try:
        raw = lexicon("speakers")
        assert "eleven" in raw["counts"] and "two" in raw["counts"]
        assert raw["capitals"]["Dhaka"] == "Bangladesh" and raw["capitals"]["Kabul"] == "Afghan Taliban"
        assert lexicons.mapping("speakers", "capitals")["Dhaka"] == "Bangladesh"
    finally:
        lexicon.cache_clear()


def test_a_tribal_norp_after_a_first_name_is_the_surname() -> None:
    nlp = spacy.blank("en")
    doc = Doc(nlp.vocab, words=["Sadia", "Zahra", "Baloch", "said", "so"],
              pos=["PROPN", "PROPN", "PROPN", "VERB", "ADV"])
    doc.ents = [SpacySpan(doc, 0, 2, label="PERSON"), SpacySpan(doc, 2, 3, label="NORP")]
    assert [(doc.text[e.start:e.end], e.label) for e in doc_entities(doc)] == [("Sadia Zahra Baloch", "PERSON")]


def test_a_ministry_of_x_is_one_org() -> None:
    nlp = spacy.blank("en")
    doc = Doc(nlp.vocab, words=["the", "Ministry", "of", "Ports", "and", "Shipping", "said"],
              pos=["DET", "PROPN", "ADP", "PROPN", "CCONJ", "PROPN", "VERB"])
    doc.ents = [SpacySpan(doc, 3, 4, label="GPE")]
    assert [(doc.text[e.start:e.end], e.label) for e in doc_entities(doc)] == [("Ministry of Ports and Shipping", "ORG")]


@pytest.mark.model
def test_kashmir_the_line_of_control_and_a_dateline_agency_are_found() -> None:
    text = ("JAMMU, Mar 3 (PNS) – Troops traded fire across the Line of Control in Kashmir, "
            "Western diplomats said, according to Reuters.")
    found = set(entities(text))
    assert {("PNS", "ORG"), ("Line of Control", "LOC"), ("Kashmir", "GPE"), ("Western", "NORP"),
            ("Reuters", "ORG"), ("JAMMU", "GPE")} <= found
