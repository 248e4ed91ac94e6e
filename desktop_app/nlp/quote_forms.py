"""Quotes that are not a cue with a clause: headlines, transcripts, dash-signed quotes, mixed quotes.

Each follows a layout convention rather than grammar, so each is a small rule of its own that
the parser would get wrong ('…: Military Spokesperson' parses as a noun phrase).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from desktop_app.core.model import Entity, Span
from desktop_app.nlp.quote_candidates import Candidate, doc_text, trimmed
from desktop_app.nlp.quote_marks import paragraphs


def headline(doc: Doc) -> list[Candidate]:
    """'…: Military Spokesperson' on the first line: content before the colon, source after it."""
    text = doc_text(doc)
    paras = paragraphs(text)
    if not paras:
        return []
    a, b = paras[0]
    line = text[a:b]
    k = line.rfind(":")
    if k <= 0:
        return []
    tail = line[k + 1:].strip()
    if not tail or len(tail.split()) > 5 or tail[-1:] in ".!?" or len(line[:k].split()) < 3:
        return []
    t0 = a + k + 1 + (len(line[k + 1:]) - len(line[k + 1:].lstrip()))
    t1 = a + len(line.rstrip())
    s, e = trimmed(text, a, a + k, keep_final=True)
    cand = Candidate(s, e, "indirect", Span(a + k, a + k + 1), None, mention=Span(t0, t1))
    return [cand]


def headline_source_first(text: str, entities: list[Entity]) -> list[Candidate]:
    """'Pat Caddell: Democrat Voters Worried ...' — a named source before the colon of the title."""
    paras = paragraphs(text)
    if not paras:
        return []
    a, b = paras[0]
    k = text.find(":", a, b)
    if k < 0 or len(text[a:k].split()) > 4 or len(text[k + 1:b].split()) < 3:
        return []
    prefix = text[a:k].strip()
    named = [e for e in entities if e.label in ("PERSON", "ORG") and a <= e.start and e.end <= k]
    places = [e for e in entities if e.label in ("GPE", "LOC") and a <= e.start and e.end <= k]
    title_case = all(w[:1].isupper() for w in prefix.split()) and not prefix.isupper()
    if places or (prefix.isupper() and len(prefix.split()) == 1) or not (title_case or (named and sum(e.end - e.start for e in named) >= 0.85 * len(prefix))):
        return []
    s, e = trimmed(text, k + 1, b, keep_final=True)
    m0 = a + len(text[a:k]) - len(text[a:k].lstrip())
    return [Candidate(s, e, "indirect", Span(k, k + 1), None, mention=Span(m0, m0 + len(prefix)))]


_LABEL = re.compile(r"[\"“]?([A-Z][A-Z.'\- ]{1,30}[A-Z.]):[ \t]+")


def transcript(text: str) -> list[Candidate]:
    """Interview transcripts: paragraphs opening with 'PENCE:' or 'WALLACE:' are that speaker's words."""
    found = []
    for a, b in paragraphs(text):
        m = _LABEL.match(text, a)
        if m and m.end() < b:
            found.append((a, m))
    if len(found) < 2 or len({m.group(1) for _, m in found}) < 2:
        return []
    out = []
    for _a, m in found:
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        s, e = trimmed(text, m.end(), end, keep_final=True)
        if e - s < 3:
            continue
        out.append(Candidate(s, e, "direct", Span(m.end(1), m.end(1) + 1), None,
                              mention=Span(m.start(1), m.end(1))))
    return out


_DASHES = "―—–"


def dash_source(text: str, end: int) -> tuple[Span, Span] | None:
    """'“…” ― Maria Lopez, 34' : the dash is the cue, the name up to the comma the mention."""
    j = end
    while j < len(text) and text[j] in "”\"’' \t":
        j += 1
    if j >= len(text) or text[j] not in _DASHES:
        return None
    k = j + 1
    while k < len(text) and text[k] in " \t":
        k += 1
    stop = k
    while stop < len(text) and text[stop] not in ",\n(;.":
        stop += 1
    name = text[k:stop].strip()
    if not name or len(name.split()) > 6 or not name[:1].isupper():
        return None
    return Span(j, j + 1), Span(k, k + len(name))


def _covers(a: tuple[int, int], b: tuple[int, int], frac: float) -> bool:
    ov = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    return ov >= frac * (b[1] - b[0])


def mixed(direct: list[Candidate], indirect: list[Candidate]) -> tuple[list[Candidate], set[int]]:
    """Reported clauses weighed against the quoted passages, so that one passage is one quote.

    A clause that is a passage gives the passage its cue and speaker; a clause inside a passage
    is the speaker's own reported speech and is dropped; a clause around passages is mixed and
    absorbs them.  Returns the clauses kept, in order, and the indexes of the absorbed passages.
    """
    kept: list[Candidate] = []
    used_direct: set[int] = set()
    for c in indirect:
        inner = [i for i, d in enumerate(direct) if d.start >= c.start - 1 and d.end <= c.end + 1]
        same = [i for i in inner if _covers((direct[i].start, direct[i].end), (c.start, c.end), 0.8)]
        if same:
            d = direct[same[0]]
            if d.cue is None or d.follows:
                d.cue, d.subject, d.follows = c.cue, c.subject, c.follows
            continue
        if any(_covers((d.start, d.end), (c.start, c.end), 0.5) for d in direct):
            continue  # a reported clause inside a direct quote is the quote's own business
        if inner:
            c.kind = "mixed"
            used_direct.update(inner)
        kept.append(c)
    return kept, used_direct
