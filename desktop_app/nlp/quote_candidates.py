"""A quote as the finders propose it, before its speaker is known, and how its edges are cut.

Every finder (marks, reported clauses, headlines, transcripts) hands the same :class:`Candidate`
to speaker resolution, and trims its content with the same rule, so that a direct and an indirect
reading of one passage come out with equal spans and can be merged.  Datelines live here because
both edge trimming and subject finding have to step over them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from desktop_app.core.model import Span


@dataclass
class Candidate:
    """Mutable on purpose: the mixed-quote merge hands a clause's cue and subject to a passage."""

    start: int
    end: int
    kind: str
    cue: Span | None
    subject: Token | None  # head token of the speaker phrase
    mention: Span | None = None  # set directly (headlines, "according to")
    follows: bool = False  # floating quote: speaker = previous speaker
    verb: Token | None = None
    source: Span | None = None  # what names the speaker when the mention does not (turn label 'A')


TEXT_KEY = "newsgold.quotes.text"


def doc_text(doc: Doc) -> str:
    """doc.text rebuilds the string on every call: keep it for the duration of find_quotes."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text  # type: ignore[no-any-return]


def char_span(doc: Doc, start: int, end: int) -> SpacySpan | None:
    """'expand': a quote edge inside a token (a mark glued to a word) still yields the token."""
    return doc.char_span(start, end, alignment_mode="expand")


def tok_span(doc: Doc, lo: int, hi: int) -> Span:
    """Character span of tokens [lo, hi)."""
    return Span(doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text))


_TRIM = " \t\r\n,;:.—–-"
#: a sentence-opening connective is the writer's, not the speaker's
DISCOURSE = frozenset({"meanwhile", "however", "separately", "moreover", "also", "additionally", "furthermore",
                       "instead"})
#: a place at the start of a line, with an optional date and agency: "ISLAMABAD:", "KABUL (Reuters) -",
#: "ISLAMABAD, Oct 13 (PNS) –", or a title-case place of a brief: "Quetta: Police arrested ..."
_DATELINE = re.compile(
    r"(?:[A-Z][A-Z.' -]{2,30}(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?(?:\s*\([^)\n]{1,30}\))?"
    r"\s*[:\u2014\u2013-]|[A-Z][a-z]{2,20}(?: [A-Z][a-z]{2,20}){0,2}:)\s+(?=\S)")


def trimmed(text: str, start: int, end: int, keep_final: bool = False) -> tuple[int, int]:
    """Only what was said: no marks, no leading 'that', dateline or connective, as a human would select it."""
    while start < end and (text[start] in _TRIM or text[start] in "“”\"‘’'"):
        start += 1
    while end > start and text[end - 1] in _TRIM + "“”\"'" and not (keep_final and text[end - 1] in ".!?"):
        end -= 1
    if text[start:end].lower().startswith("that "):
        start += 5
    if start == 0 or text[start - 1] == "\n":  # "RAWALPINDI: Security forces ..." - the dateline is not said
        m = _DATELINE.match(text, start, end)
        if m:
            start = m.end()
    head = text[start:start + 14].split(",", 1)[0]
    if head.lower() in DISCOURSE and text[start + len(head):start + len(head) + 1] == ",":
        start += len(head) + 1
        while start < end and text[start].isspace():
            start += 1
    return start, end


def is_dateline(tok: Token) -> bool:
    """'ISTANBUL:', 'ISLAMABAD, Oct 13 (PNS) –' or 'Quetta:' opening a paragraph is where the story was
    filed, never who spoke."""
    doc = tok.doc
    a = tok.left_edge.i if tok.left_edge.i < tok.i and tok.i - tok.left_edge.i < 3 else tok.i
    while a > 0 and tok.i - a < 3 and doc[a - 1].is_title and not doc[a - 1].is_space and "\n" not in doc[a - 1].whitespace_:
        a -= 1
    if not (a == 0 or "\n" in doc[a - 1].text or "\n" in doc[a - 1].whitespace_ or doc[a - 1].is_space):
        return False
    text = doc_text(doc)
    line_end = text.find("\n", doc[a].idx)
    m = _DATELINE.match(text, doc[a].idx, len(text) if line_end < 0 else line_end)
    return m is not None and tok.idx < m.end() and tok.ent_type_ != "PERSON" and (
        tok.is_upper or tok.ent_type_ in ("GPE", "LOC", "FAC"))

