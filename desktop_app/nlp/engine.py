"""The pre-annotation engine interface the services use.

An engine turns texts into :class:`Suggestions` plus sentence boundaries.  The
real engine (spaCy + gazetteer + quote and event rules) lives beside this file;
``load_engine("rule-only")`` is the fallback when no trained pipeline is installed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol

from desktop_app.core.model import Span, Suggestions


@dataclass
class EngineInput:
    text: str
    ignored: list[Span]


@dataclass
class EngineOutput:
    suggestions: Suggestions
    sentences: list[Span]


class Engine(Protocol):
    #: shown in the status bar and recorded per article, e.g. "en_core_web_sm 3.8.0 / newsgold 0.1.0"
    name: str
    #: True when no trained model is available (the UI shows a warning)
    rule_only: bool
    #: speaker aliases -> canonical names; pre-annotation refreshes it from the corpus
    registry: dict[str, str]

    def annotate(
        self, inputs: Iterable[EngineInput], *, batch_size: int = 32, n_process: int = 1
    ) -> Iterator[EngineOutput]: ...
