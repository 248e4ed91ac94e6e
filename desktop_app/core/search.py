"""The article list's search syntax: ``field:value`` terms over annotations, plus full-text words.

``speaker:"Khawaja Asif" label:ORG ceasefire "border talks"`` reads: articles quoting Khawaja
Asif, with an ORG entity, whose title or text holds a word starting "ceasefire" and the phrase
"border talks". Every term must hold (AND); a field may repeat. Parsing is pure and separate
from the SQL (storage/search.py) so the list can refuse bad syntax before it queries anything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from desktop_app.core.model import ANNOTATION_STATES, ARTICLE_STATUSES, ORIGINS
from desktop_app.errors import E, NewsGoldError

#: field -> what it matches (the error message, the README and the F1 help list these)
FIELDS: dict[str, str] = {
    "speaker": "a quote by this speaker (name, any of its words, or a registry alias)",
    "label": "an entity with this label (PERSON, ORG, GPE, …)",
    "type": "an event of this type (ACCUSE, AGREE, …)",
    "state": "annotations in this state: suggested, accepted, rejected, corrected, human, model, rule",
    "status": "the article's status: new, pre-annotated, in progress, done, skipped",
    "annotator": "an article someone worked on: its annotator, or a team file's version by them",
}
#: ``state:`` words: those of the annotation's state, its origin, and "corrected" (a person changed a suggestion)
STATE_WORDS = (*ANNOTATION_STATES, "corrected", *ORIGINS)
_STATUS_WORDS = {s.replace("_", ""): s for s in ARTICLE_STATUSES}

_TOKEN = re.compile(r'\s*(?:(?P<field>[A-Za-z]+):(?P<value>"[^"]*"?|[^\s"]*)|(?P<phrase>"[^"]*"?)|(?P<word>[^\s"]+))')


@dataclass(frozen=True)
class SearchQuery:
    """What one search asks for; each tuple holds the values of one field, all of which must match."""

    words: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    speakers: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    states: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    annotators: tuple[str, ...] = ()
    _fts: str = field(default="", repr=False)

    @property
    def fts(self) -> str:
        """The FTS5 query of the free words (prefix terms) and phrases; "" when there are none."""
        return self._fts

    @property
    def text_only(self) -> bool:
        """Only full-text terms: the list may page straight from the FTS index."""
        return bool(self.fts) and not (self.speakers or self.labels or self.types or self.states
                                       or self.statuses or self.annotators)

    @property
    def empty(self) -> bool:
        """Nothing to filter by (e.g. only punctuation was typed)."""
        return not self.fts and not (self.speakers or self.labels or self.types or self.states
                                     or self.statuses or self.annotators)


def _fts_words(text: str) -> list[str]:
    return re.findall(r"\w+", text, flags=re.UNICODE)


def _status(value: str) -> str:
    key = re.sub(r"[\s_-]+", "", value.lower())
    if key not in _STATUS_WORDS:
        raise NewsGoldError(E.E033, value=value, field="status",
                            allowed="new, pre-annotated, in progress, done, skipped")
    return _STATUS_WORDS[key]


def _state(value: str) -> str:
    key = value.lower()
    if key not in STATE_WORDS:
        raise NewsGoldError(E.E033, value=value, field="state", allowed=", ".join(STATE_WORDS))
    return key


def parse_search(text: str) -> SearchQuery:
    """Parse what the user typed; bad syntax raises :class:`NewsGoldError` (E030-E032) naming the fields."""
    values: dict[str, list[str]] = {name: [] for name in FIELDS}
    words: list[str] = []
    phrases: list[str] = []
    pos = 0
    text = text.strip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None or m.end() == pos:  # only whitespace left
            break
        pos = m.end()
        if m["field"] is not None:
            name, value = m["field"].lower(), m["value"]
            if name not in FIELDS:
                raise NewsGoldError(E.E030, field=m["field"], fields=", ".join(f"{f}:" for f in FIELDS))
            if value.startswith('"'):
                if len(value) < 2 or not value.endswith('"'):
                    raise NewsGoldError(E.E031, start=m.start("value") + 1)
                value = value[1:-1]
            value = " ".join(value.split())
            if not value:
                raise NewsGoldError(E.E032, field=name)
            if name == "status":
                value = _status(value)
            elif name == "state":
                value = _state(value)
            values[name].append(value)
        elif m["phrase"] is not None:
            phrase = m["phrase"]
            if len(phrase) < 2 or not phrase.endswith('"'):
                raise NewsGoldError(E.E031, start=m.start("phrase") + 1)
            if _fts_words(phrase):
                phrases.append(" ".join(phrase[1:-1].split()))
        else:
            words.extend(_fts_words(m["word"]))
    fts = " ".join([*(f'"{w}"*' for w in words),
                    *('"' + " ".join(_fts_words(p)) + '"' for p in phrases)])
    return SearchQuery(words=tuple(words), phrases=tuple(phrases), speakers=tuple(values["speaker"]),
                       labels=tuple(values["label"]), types=tuple(values["type"]), states=tuple(values["state"]),
                       statuses=tuple(values["status"]), annotators=tuple(values["annotator"]), _fts=fts)


def search_help() -> str:
    """One line per field, for the message under the search box."""
    return "; ".join(f"{name}:" for name in FIELDS) + ', free words and "quoted phrases"'
