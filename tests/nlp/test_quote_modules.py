"""The quote finder's modules talk through public names only, and the resolver's memory of who spoke."""

from __future__ import annotations

import ast
from pathlib import Path

import spacy

import desktop_app.nlp as nlp_pkg
from desktop_app.core.model import Entity
from desktop_app.nlp.speakers import SpeakerResolver

NLP_DIR = Path(nlp_pkg.__file__).resolve().parent
QUOTE_MODULES = sorted(NLP_DIR.glob("quote*.py"))


def test_quote_modules_use_no_private_name_of_another_module_or_object() -> None:
    assert {p.name for p in QUOTE_MODULES} >= {"quotes.py", "quote_marks.py", "quote_resolution.py"}
    offences = []
    for path in QUOTE_MODULES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                offences += [f"{path.name}: imports {a.name}" for a in node.names if a.name.startswith("_")
                             and node.module != "__future__"]
            elif isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__"):
                offences.append(f"{path.name}:{node.lineno}: .{node.attr}")
    assert offences == []


def test_quotes_stays_the_entry_point() -> None:
    from desktop_app.nlp import quotes

    assert set(quotes.__all__) == {"find_quotes", "direct_spans"}


def test_note_speaker_remembers_people_not_bodies() -> None:
    text = "Imran Khan spoke. The ISPR replied."
    doc = spacy.blank("en")(text)
    resolver = SpeakerResolver(doc, [Entity(0, 10, "PERSON"), Entity(22, 26, "ORG")])
    resolver.note_speaker("ISPR")
    assert resolver.last_person is None
    resolver.note_speaker("Imran Khan")
    assert resolver.last_person is not None and resolver.last_person.speaker == "Imran Khan"
    resolver.note_speaker("ISPR")  # a body speaking in between does not make "he" the body
    assert resolver.last_person.speaker == "Imran Khan"
