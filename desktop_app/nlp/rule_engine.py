"""Placeholder engine: blank English with a sentencizer and no suggestions (rule-only)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import spacy

from desktop_app import __version__
from desktop_app.core.model import Span, Suggestions
from desktop_app.nlp.engine import EngineInput, EngineOutput


class RuleOnlyEngine:
    rule_only = True

    def __init__(self) -> None:
        self.nlp = spacy.blank("en")
        self.nlp.add_pipe("sentencizer")
        self.name = f"rule-only / newsgold {__version__}"

    def annotate(
        self, inputs: Iterable[EngineInput], *, batch_size: int = 32, n_process: int = 1
    ) -> Iterator[EngineOutput]:
        for doc in self.nlp.pipe((i.text for i in inputs), batch_size=batch_size):
            sents = [Span(s.start_char, s.end_char) for s in doc.sents]
            yield EngineOutput(Suggestions(), sents)
