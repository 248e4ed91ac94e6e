"""Quotes that are not a cue with a clause: headlines, transcripts, dash-signed quotes, mixed quotes.

Each follows a layout convention rather than grammar, so each is a small rule of its own that
the parser would get wrong ('…: Military Spokesperson' parses as a noun phrase).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from desktop_app.core.model import Entity, Span
from desktop_app.nlp.form_lexicon import form_lexicon, is_section_label
from desktop_app.nlp.quote_candidates import Candidate, doc_text, trimmed
from desktop_app.nlp.quote_marks import paragraphs
from desktop_app.nlp.speakers import ROLE_NOUNS

_OPEN = "'\"‘“"
_CLOSE = "'\"’”"


def headline(doc: Doc) -> list[Candidate]:
    """'…: Military Spokesperson' on the first line: content before the colon, source after it.

    A section label is not a source ('Chaman border closure: live updates'), and a marked title
    names its source before 'on …' ("'We will not be dictated to': Khawaja Asif on the border crisis")."""
    text = doc_text(doc)
    paras = paragraphs(text)
    if not paras:
        return []
    a, b = paras[0]
    cand = _colon_source(text, a, b)
    return [cand] if cand is not None else []


def _colon_source(text: str, a: int, b: int) -> Candidate | None:
    line = text[a:b]
    k = line.rfind(":")
    if k <= 0:
        return None
    tail = line[k + 1:].strip()
    marked = line[:1] in _OPEN and line[:k].rstrip()[-1:] in _CLOSE
    if marked:
        tail = re.split(r"\s+(?:on|about|over)\s+", tail, maxsplit=1)[0]
    if (not tail or len(tail.split()) > 5 or tail[-1:] in ".!?" or len(line[:k].split()) < 3
            or is_section_label(tail)):
        return None
    t0 = a + k + 1 + (len(line[k + 1:]) - len(line[k + 1:].lstrip()))
    t1 = t0 + len(tail)
    s, e = trimmed(text, a, a + k, keep_final=True)
    while marked and e > s and text[e - 1] in _CLOSE:
        e -= 1
    return Candidate(s, e, "direct" if marked else "indirect", Span(a + k, a + k + 1), None, mention=Span(t0, t1))


def quoted_title_lines(text: str) -> list[Candidate]:
    """Entry headlines of a live page: a whole line "‘We will sit here’: traders' leader" past the title."""
    out = []
    for a, b in paragraphs(text)[1:]:
        line = text[a:b].rstrip()
        k = line.rfind(":")
        if k < 4 or line[:1] not in _OPEN or line[k - 1] not in _CLOSE or line[-1:] in ".!?":
            continue
        cand = _colon_source(text, a, a + len(line))
        if cand is not None:
            out.append(cand)
    return out


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
    if is_section_label(prefix):
        return []  # "Analysis: Why Islamabad is losing patience" - the page's label, not a source
    named = [e for e in entities if e.label in ("PERSON", "ORG") and a <= e.start and e.end <= k]
    places = [e for e in entities if e.label in ("GPE", "LOC") and a <= e.start and e.end <= k]
    title_case = all(w[:1].isupper() for w in prefix.split()) and not prefix.isupper()
    if places or (prefix.isupper() and len(prefix.split()) == 1) or not (title_case or (named and sum(e.end - e.start for e in named) >= 0.85 * len(prefix))):
        return []
    s, e = trimmed(text, k + 1, b, keep_final=True)
    m0 = a + len(text[a:k]) - len(text[a:k].lstrip())
    return [Candidate(s, e, "indirect", Span(k, k + 1), None, mention=Span(m0, m0 + len(prefix)))]


# a turn label of one to three capitalised words, in any script with capitals ("Étienne:", "Öztürk:", "Ιωάννου:");
# the capitals are checked by _is_label (``re`` has no class for upper-case letters)
_LETTER, _REST = r"[^\W\d_]", r"(?:[^\W\d_]|[.'\-])"
_LABEL = re.compile(rf"[\"“]?({_LETTER}{_REST}{{0,30}}(?: {_LETTER}{_REST}{{1,30}}){{0,2}}):[ \t]+")


def _is_label(m: re.Match[str] | None) -> bool:
    return m is not None and all(w[0].isupper() for w in m.group(1).split())


def transcript(text: str, entities: list[Entity] | None = None) -> list[Candidate]:
    """Interview transcripts: paragraphs opening with 'PENCE:', 'Asif:' or 'A:' are that speaker's words.

    A transcript has at least two labels each opening two or more turns (so a brief's 'Quetta:',
    'Kabul:' is not one).  Question turns ('Q:', or a label whose turns are mostly questions) are the
    outlet's words and are left to the other finders; an 'A:' turn is the interviewee's, the person the
    title or the introduction names (``Candidate.source``)."""
    lex = form_lexicon()
    found = []
    for a, b in paragraphs(text):
        m = _LABEL.match(text, a)
        if m and _is_label(m) and m.end() < b and len(m.group(1)) <= 40 and not is_section_label(m.group(1)):
            found.append((a, b, m))
    counts: dict[str, int] = {}
    for _a, _b, m in found:
        counts[m.group(1)] = counts.get(m.group(1), 0) + 1
    if len(found) < 2 or len(counts) < 2 or sum(1 for n in counts.values() if n >= 2) < min(2, len(counts)):
        return []
    questions = {lab for lab in counts if lab.lower() in lex.question_labels}
    for lab in counts:
        turns = [text[m.end():b].rstrip() for _a, b, m in found if m.group(1) == lab]
        if (sum(t.endswith("?") for t in turns) * 2 > len(turns) and lab.lower() not in lex.answer_labels
                and not lab.isupper()):
            questions.add(lab)
    if not questions and not any(lab.isupper() and len(lab) > 2 for lab in counts):
        return []  # Title-case labels need a question side to be a transcript
    # a broadcast transcript in capitals ('WALLACE:', 'PENCE:') quotes both sides: only the outlet's own
    # questions ('Q:', a Title-case interviewer) are left out
    first_turn = found[0][0]
    interviewee = _interviewee(text, entities or [], first_turn)
    if interviewee is None and paragraphs(text):  # "'…': Shazia Marri on the floods" names her as written
        a, b = paragraphs(text)[0]
        title = _colon_source(text, a, b)
        interviewee = title.mention if title is not None else None
    out = []
    for _a, _b, m in found:
        lab = m.group(1)
        if lab in questions:
            continue
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        s, e = m.end(), end  # the whole turn: what was said, 'That is true' and all
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if text[s:s + 1] in _OPEN and text[e - 1:e] in _CLOSE and text[s + 1:e - 1].count(text[s]) == 0:
            s, e = s + 1, e - 1
        if e - s < 3:
            continue
        source = interviewee if lab.lower() in lex.answer_labels else None
        out.append(Candidate(s, e, "direct", Span(m.end(1), m.end(1) + 1), None,
                             mention=Span(m.start(1), m.end(1)), source=source))
    return out


def _interviewee(text: str, entities: list[Entity], first_turn: int) -> Span | None:
    """The person an interview is with: named in the title, else first named in the introduction."""
    people = [e for e in entities if e.label == "PERSON" and e.end <= first_turn
              and not text[max(0, e.start - 3):e.start].lower().startswith("by")]
    title_end = text.find("\n")
    in_title = [e for e in people if e.end <= title_end]
    if not in_title and _colon_source(text, 0, title_end if title_end > 0 else len(text)) is not None:
        return None  # the title names its source by text: read it there
    if not in_title:
        named = _title_name(text, entities, title_end) or _intro_name(text, title_end, first_turn)
        if named is not None:
            return named
    if not people:
        return _described_interviewee(text, title_end, first_turn)
    best = max(in_title or people[:1], key=lambda e: e.end - e.start)
    return best.span


_NAME = r"[A-Z][\w'’.-]+(?:\s+(?:(?:al|bin|de|da|del|van|von|ibn)\s+)?[A-Z][\w'’.-]+){1,3}"
_TITLE_NAME = re.compile(rf"({_NAME}):[ \t]+\S")
_INTRO_NAME = re.compile(rf"(?:^|(?<=[.!?]\s))({_NAME}),\s+(?:a|an|the|who)\s+[^.\n]{{3,200}}?,?\s+(?:spoke|speaks|talked|talks|"
                         r"sat down|answered|answers)\b")


def _title_name(text: str, entities: list[Entity], title_end: int) -> Span | None:
    """"Jane Doe: ‘We will not leave’": a title that opens with a name and a colon names the interviewee even
    when the model misses the PERSON (or tags it ORG); a place or a section label before the colon does not."""
    if title_end <= 0:
        return None
    m = _TITLE_NAME.match(text, 0, title_end)
    if m is None or is_section_label(m.group(1)) or len(text[m.end(1) + 1:title_end].split()) < 3:
        return None
    if any(e.label in ("GPE", "LOC", "NORP", "FAC") and e.start < m.end(1) for e in entities):
        return None
    return Span(m.start(1), m.end(1))


def _intro_name(text: str, title_end: int, first_turn: int) -> Span | None:
    """"Jane Doe, a retired judge of …, spoke to us": the person the introduction presents as speaking to the
    outlet, whatever the model tagged her as."""
    if title_end < 0 or first_turn <= title_end:
        return None
    m = _INTRO_NAME.search(text, title_end, first_turn)
    return Span(m.start(1), m.end(1)) if m is not None else None


def _described_interviewee(text: str, title_end: int, first_turn: int) -> Span | None:
    """"Zambia's former mines minister talks to us about ...": an interviewee the introduction describes by office
    without a name (the subject that opens the introduction, when its head is a role)."""
    if title_end < 0 or first_turn <= title_end:
        return None
    s = title_end
    while s < first_turn and text[s].isspace():
        s += 1
    m = re.match(r"(?:(?:The|A|An|Our guest,)\s+)?([A-Z][\w'’-]*(?:\s+[\w'’-]+){0,4}?)(?=\s+(?:talks|speaks|spoke|"
                 r"talked|told|tells|answers|answered|explains|explained|discusses|discussed|was|is|has)\b)",
                 text[s:first_turn])
    if m is None or m.group(1).split()[-1].lower() not in ROLE_NOUNS:
        return None
    return Span(s + m.start(1), s + m.end(1))


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
        if any(_covers((d.start, d.end), (c.start, c.end), 0.5) for i, d in enumerate(direct) if i not in inner):
            # a reported clause inside a direct quote is the quote's own business (a passage the clause holds,
            # 'that X would not accept “any attempt by …”', makes it mixed instead)
            continue
        if inner:
            c.kind = "mixed"
            used_direct.update(inner)
        kept.append(c)
    return kept, used_direct
