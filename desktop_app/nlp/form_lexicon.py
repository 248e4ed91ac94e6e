"""The layout words of news forms (resources/lexicons/forms.toml), read once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from desktop_app.nlp.lexicons import lexicon


@dataclass(frozen=True)
class FormLexicon:
    section_labels: frozenset[str]
    question_labels: frozenset[str]
    answer_labels: frozenset[str]
    press_release_labels: frozenset[str]
    body_descriptions: dict[str, str]


@cache
def form_lexicon() -> FormLexicon:
    raw = lexicon("forms")

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in raw.get(key, []))

    bodies = {str(k).lower(): str(v) for k, v in raw.get("body_descriptions", {}).items()}
    return FormLexicon(words("section_labels"), words("question_labels"), words("answer_labels"),
                       words("press_release_labels"), bodies)


def is_section_label(words: str) -> bool:
    """'Analysis', 'live updates', 'Press Release' (case and surrounding marks ignored)."""
    return " ".join(words.strip(" \t'\"‘’“”-–—").lower().split()) in form_lexicon().section_labels
