"""Quotes with cue and speaker: direct (quotation marks), indirect (reported clause) and mixed.

Direct quotes come from a scan of the characters (curly and straight marks, nested single
quotes, a paragraph left open continuing at the next paragraph that opens with a mark); their
cue and speaker come from a reporting verb in the same sentence outside the marks, else the
previous speaker when the quote follows on from one.  Indirect quotes come from dependency
rules over reporting cues (textacy and GenderGapTracker use the same idea: a speech verb with a
clausal complement and a subject).  A reported clause containing a quoted fragment is mixed.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from desktop_app.core.model import Entity, Quote, Span
from desktop_app.nlp.speakers import Resolved, SpeakerResolver


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())

#: reporting verbs whose clausal complement is the reported speech or stated position
SPEECH_LEMMAS = _wordset("""
say state tell add note stress emphasise emphasize assert reiterate warn claim deny insist argue explain
acknowledge admit announce confirm clarify declare maintain allege contend remark reply respond observe
predict promise vow report write tweet post testify underline underscore highlight indicate suggest
recall complain caution reveal disclose concede agree mention comment conclude point believe think
estimate assure inform reckon hope fear worry feel contend speculate charge counter repeat affirm
acknowledge signal hint suggest told pledge threaten demand propose show find
""")
#: cues whose content is "object + to-infinitive" ("urged the regime to halt ...")
DIRECTIVE_LEMMAS = _wordset("urge ask call request press implore advise encourage invite appeal")
OPEN_MARKS = "“„«\""
CLOSE_MARKS = "”»\""
_TRIM = " \t\r\n,;:.—–-"
_MIN_FLOATING_WORDS = 6
_DISCOURSE = _wordset("meanwhile however separately moreover also additionally furthermore instead")


@dataclass
class _Candidate:
    start: int
    end: int
    kind: str
    cue: Span | None
    subject: Token | None  # head token of the speaker phrase
    mention: Span | None = None  # set directly (headlines, "according to")
    follows: bool = False  # floating quote: speaker = previous speaker
    verb: Token | None = None


# -- direct quotes: character scan -----------------------------------------------------------
@functools.lru_cache(maxsize=4)
def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for i, ch in enumerate(text):
        if ch == "\n":
            if i > start:
                out.append((start, i))
            start = i + 1
    if start < len(text):
        out.append((start, len(text)))
    return [(a, b) for a, b in out if text[a:b].strip()]


def _is_opening_straight(text: str, i: int) -> bool:
    prev = text[i - 1] if i > 0 else " "
    j = i + 2 if text[i + 1:i + 2] == "\x01" else i + 1
    nxt = text[j] if j < len(text) else " "
    return (prev.isspace() or prev in "([{—–-:/") and not nxt.isspace()


def direct_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the content of every double-quoted passage, marks excluded."""
    found: list[tuple[int, int]] = []
    paras = _paragraphs(text)
    text = text.replace("''", '"\x01')  # the New York Times' '' marks: same length, one straight mark
    open_at: int | None = None
    for pi, (a, b) in enumerate(paras):
        i = a
        first = len(text[a:b]) - len(text[a:b].lstrip()) + a
        while i < b:
            ch = text[i]
            if open_at is not None and i == first and ch in OPEN_MARKS and (ch != '"' or _is_opening_straight(text, i)):
                i += 1  # the continuation paragraph's own opening mark
                continue
            if (ch in "“„«" or (ch == "”" and i == first)) and open_at is None:
                open_at = i  # a paragraph opening with ” (a typesetting slip) opens all the same
            elif ch in "”»" and open_at is not None:
                found.append((open_at + 1, i))
                open_at = None
            elif ch == '"':
                if open_at is None:
                    if _is_opening_straight(text, i):
                        open_at = i
                else:
                    found.append((open_at + 1, i))
                    open_at = None
            elif ch == "‘" and open_at is None:
                close = _single_close(text, i, b)
                if close is not None:
                    found.append((i + 1, close))
                    i = close
            i += 1
        if open_at is not None:
            nxt = paras[pi + 1] if pi + 1 < len(paras) else None
            mark = text[nxt[0]:nxt[1]].lstrip()[:1] if nxt is not None else ""
            if not mark or mark not in OPEN_MARKS or (mark == '"') != (text[open_at] == '"'):
                open_at = None  # unclosed and not continued (with the same kind of mark): not a quote
    out = []
    for s, e in found:
        while s < e and (text[s].isspace() or text[s] == "\x01"):
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _single_close(text: str, i: int, end: int) -> int | None:
    """A top-level ‘…’ quote: the first ’ not followed by a letter (’s and don’t are apostrophes)."""
    if i > 0 and not (text[i - 1].isspace() or text[i - 1] in "(:—–-"):
        return None
    j = i + 1
    while j < end:
        if text[j] == "’" and not (j + 1 < len(text) and text[j + 1].isalpha()):
            return j if len(text[i + 1:j].split()) >= 3 else None
        j += 1
    return None


# -- helpers ---------------------------------------------------------------------------------
def _char_span(doc: Doc, start: int, end: int) -> SpacySpan | None:
    return doc.char_span(start, end, alignment_mode="expand")


def _tok_span(doc: Doc, lo: int, hi: int) -> Span:
    """Character span of tokens [lo, hi)."""
    return Span(doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text))


#: an all-capitals place at the start of a line, with an optional agency: "ISLAMABAD:", "KABUL (Reuters) -"
_DATELINE = re.compile(r"[A-Z][A-Z.' -]{2,30}(?:\s*\([^)\n]{1,30}\))?\s*[:\u2014\u2013-]\s+(?=\S)")


def _trimmed(text: str, start: int, end: int, keep_final: bool = False) -> tuple[int, int]:
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
    if head.lower() in _DISCOURSE and text[start + len(head):start + len(head) + 1] == ",":
        start += len(head) + 1
        while start < end and text[start].isspace():
            start += 1
    return start, end


#: word forms that report speech, for pipelines without a tagger (the rule-only fallback)
SPEECH_FORMS = _wordset("said says told tells stated states added adds noted notes stressed stresses emphasised "
                        "emphasized asserted reiterated warned claimed denied urged announced confirmed insisted "
                        "argued explained wrote")


_TEXT_KEY = "newsgold.quotes.text"
_CUE_KEY = "newsgold.quotes.cues"


def _doc_text(doc: Doc) -> str:
    """doc.text rebuilds the string on every call: keep it for the duration of find_quotes."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text  # type: ignore[no-any-return]


def _is_cue(tok: Token) -> bool:
    flags = tok.doc.user_data.get(_CUE_KEY)
    if flags is None:
        tagged = tok.doc.has_annotation("TAG")
        flags = tok.doc.user_data[_CUE_KEY] = [_is_cue_word(t, tagged) for t in tok.doc]
    return flags[tok.i]  # type: ignore[no-any-return]


def _is_cue_word(tok: Token, tagged: bool) -> bool:
    if not tagged:
        return tok.lower_ in SPEECH_FORMS
    lem = tok.lemma_.lower()
    if tok.pos_ not in ("VERB", "AUX") and tok.tag_ not in ("VBD", "VBZ", "VBP", "VBN", "VBG", "VB"):
        return False
    return lem in SPEECH_LEMMAS or lem in DIRECTIVE_LEMMAS or lem == "accuse"


def _subject(verb: Token) -> tuple[Token | None, bool]:
    """(subject head, passive-without-agent) for a cue, following conj chains ("stated ... and stressed")."""
    v: Token | None = verb
    seen = 0
    while v is not None and seen < 6:
        seen += 1
        for c in v.children:
            if c.dep_ in ("nsubj", "csubj") and not _is_dateline(c):
                return c, False
        for c in v.children:
            if c.dep_ == "agent":
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj, False
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children):
            return None, True
        if v.dep_ in ("conj", "xcomp", "advcl") and v.head is not v:
            v = v.head
            continue
        if v.dep_ in ("relcl", "acl") and v.head is not v:
            return v.head, False
        v = None
    return None, False


def _is_dateline(tok: Token) -> bool:
    """'ISTANBUL:' opening a paragraph is where the story was filed, never who spoke."""
    doc = tok.doc
    return tok.is_upper and tok.i + 1 < len(doc) and doc[tok.i + 1].text == ":" and (
        tok.i == 0 or "\n" in doc[tok.i - 1].text or "\n" in doc[tok.i - 1].whitespace_ or doc[tok.i - 1].is_space)


def _cue_span(verb: Token) -> Span:
    lo = hi = verb.i
    for c in verb.children:
        if c.dep_ in ("prt",) and c.i == hi + 1:
            hi = c.i
        if c.lemma_ == "on" and verb.lemma_ == "call" and c.i == hi + 1:
            hi = c.i
    if verb.lemma_ == "tell":
        for c in verb.children:
            if c.dep_ in ("dobj", "dative") and c.i == hi + 1 and c.lower_ in ("reporters", "journalists", "parliament",
                                                                              "lawmakers", "the"):
                hi = c.right_edge.i
    doc = verb.doc
    return Span(doc[lo].idx, doc[hi].idx + len(doc[hi].text))


# -- indirect and mixed speech ---------------------------------------------------------------
def _indirect(doc: Doc) -> list[_Candidate]:
    out: list[_Candidate] = []
    text = _doc_text(doc)
    for tok in doc:
        if tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children):
            cand = _according(doc, text, tok)
            if cand is not None:
                out.append(cand)
            continue
        if not _is_cue(tok):
            continue
        lem = tok.lemma_.lower()
        content: tuple[int, int] | None = None
        comps = [c for c in tok.children if c.dep_ == "ccomp"]
        if lem in DIRECTIVE_LEMMAS:
            x = next((c for c in tok.children if c.dep_ in ("xcomp", "ccomp")), None)
            if x is not None:
                first = next((c for c in tok.rights if c.dep_ in ("dobj", "prep", "dative") and c.i < x.i), x)
                lo = first.left_edge.i if first.dep_ != "prep" else next(
                    (g.left_edge.i for g in first.children if g.dep_ == "pobj"), first.i + 1)
                content = (lo, x.right_edge.i + 1)
        elif lem == "accuse":
            of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
            if of is not None:
                content = ((obj or of).left_edge.i, of.right_edge.i + 1)
        elif comps:
            # the parser can hang the clause of another paragraph on this verb: take the one on its line
            line = (text.rfind("\n", 0, tok.idx) + 1, (text.find("\n", tok.idx) + 1 or len(text) + 1) - 1)
            near = [k for k in comps if line[0] <= k.idx < line[1]] or comps
            c = min(near, key=lambda k: abs(k.i - tok.i))
            if c.left_edge.i > tok.i or c.right_edge.i < tok.i:
                content = (c.left_edge.i, c.right_edge.i + 1)
        if content is None:
            continue
        lo, hi = content
        if hi - lo < 2:
            continue
        hi = _cut_nested(doc, tok, lo, hi)
        hi = _cut_trailing_aside(doc, lo, hi)
        s, e = _in_paragraph(text, tok.idx, doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text))
        s, e = _trimmed(text, s, e)
        e = _balance(text, s, e)
        if e - s < 8:
            continue
        subj, passive = _subject(tok)
        if subj is not None and s <= subj.idx < e:
            subj = None
        if subj is None and not passive and tok.dep_ not in ("ROOT", "conj"):
            continue  # "the need to say that ..." without a source is not an attribution
        out.append(_Candidate(s, e, "indirect", _cue_span(tok), subj, follows=subj is None, verb=tok))
    _coordinated_cues(doc, text, out)
    return out


def _cut_nested(doc: Doc, cue: Token, lo: int, hi: int) -> int:
    """End a reported clause at a semicolon or before a coordinated clause with its own speech cue
    ('she said A, and when pressed, the mother replied, …')."""
    for i in range(lo, hi):
        t = doc[i]
        if t.text == ";" and i > cue.i:
            return i
        if i > lo + 2 and t.dep_ == "conj" and _is_cue(t) and t.i > cue.i and any(
                k.dep_ in ("nsubj", "nsubjpass") for k in t.children):
            j = t.left_edge.i
            while j > lo and (doc[j - 1].dep_ in ("cc", "punct") or doc[j - 1].is_space):
                j -= 1
            return max(j, lo + 1)
    return hi


_ASIDES = frozenset({"although", "though", "whereas", "citing"})


def _cut_trailing_aside(doc: Doc, lo: int, hi: int) -> int:
    """', which …' / ', although …' / ', citing …' at the end of a clause is the writer's aside or
    the speaker's act, not what was said."""
    for i in range(lo + 3, hi - 1):
        if doc[i].text == "," and doc[i + 1].lower_ in _ASIDES:
            return i
    return hi


def _balance(text: str, start: int, end: int) -> int:
    """Keep the closing mark of a quoted fragment that ends the clause ('made him “smart.”')."""
    frag = text[start:end]
    closing = "”" if frag.count("“") > frag.count("”") else '"' if frag.count('"') % 2 else ""
    if closing:
        k = text.find(closing, end)
        if 0 <= k <= end + 2:
            return k + 1
    return end


def _in_paragraph(text: str, at: int, start: int, end: int) -> tuple[int, int]:
    """Clip a reported clause to the line of its cue (a parse can run into the next paragraph)."""
    lo = text.rfind("\n", 0, at) + 1
    hi = text.find("\n", at)
    hi = len(text) if hi < 0 else hi
    return max(start, lo), min(end, hi)


def _coordinated_cues(doc: Doc, text: str, cands: list[_Candidate]) -> None:
    """'He stated that A and emphasised that B': the parser often hangs "emphasised" on A's verb.
    Give the second cue the first cue's subject and end the first content before "and"."""
    by_verb = {c.verb.i: c for c in cands if c.verb is not None}
    for c in cands:
        v = c.verb
        if v is None or v.dep_ != "conj" or _is_cue(v.head):
            continue
        if not any(m.dep_ == "mark" for k in v.children if k.dep_ == "ccomp" for m in k.children):
            continue
        x = v.head
        while x.dep_ == "conj" and x.head is not x:
            x = x.head
        if x.dep_ != "ccomp" or x.head.i not in by_verb:
            continue
        outer = by_verb[x.head.i]
        c.subject, c.follows = outer.subject, outer.follows
        j = v.i - 1
        while j > 0 and (doc[j].dep_ in ("cc", "punct", "advmod") or doc[j].is_space):
            j -= 1
        cut = doc[j]
        end = cut.idx + len(cut.text)
        if outer.start < end <= outer.end:
            outer.end = _trimmed(text, outer.start, end)[1]


def _according(doc: Doc, text: str, tok: Token) -> _Candidate | None:
    to = next(c for c in tok.children if c.lower_ == "to")
    src = next((c for c in to.children if c.dep_ == "pobj"), None)
    head = tok.head if tok.head is not tok else None
    if src is None:
        return None
    sent = tok.sent
    a_lo, a_hi = tok.left_edge.i, tok.right_edge.i + 1
    s_hi = sent.end
    while s_hi > sent.start and (doc[s_hi - 1].is_punct or doc[s_hi - 1].is_space):
        s_hi -= 1
    if a_hi >= s_hi:  # "…, according to X."
        lo, hi = sent.start, a_lo
    elif all(t.is_punct or t.is_space or t.lower_ in _DISCOURSE for t in doc[sent.start:a_lo]):
        lo, hi = a_hi, sent.end  # "According to X, …"
    else:
        if head is None or head.i == tok.i:
            lo, hi = sent.start, sent.end
        else:
            lo, hi = head.left_edge.i, head.right_edge.i + 1
        if a_lo <= lo or (a_lo < hi - 1 and a_hi < hi - 1):
            lo = max(lo, a_hi)
        else:
            hi = a_lo
    if hi - lo < 3:
        return None
    s, e = _trimmed(text, doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text))
    cue = Span(tok.idx, to.idx + len(to.text))
    # "according to a readout, Erdogan said ...": the clause has its own speaker and cue
    for t in doc[lo:hi]:
        if _is_cue(t) and t.i != tok.i and any(k.dep_ == "nsubj" for k in t.children) and \
                any(k.dep_ == "ccomp" for k in t.children):
            return None
    return _Candidate(s, e, "indirect", cue, src)


# -- direct quotes: cues and speakers ---------------------------------------------------------
def _direct(doc: Doc, spans: list[tuple[int, int]]) -> list[_Candidate]:
    text = _doc_text(doc)
    inside = [False] * len(doc)
    for s, e in spans:
        sp = _char_span(doc, s - 1 if s > 0 else s, min(e + 1, len(text)))
        if sp is not None:
            for i in range(sp.start, sp.end):
                inside[i] = True
    paras = _paragraphs(text)
    out: list[_Candidate] = []
    for s, e in spans:
        sp = _char_span(doc, s, e)
        if sp is None or not len(sp):
            continue
        p_lo = max((a for a, _ in paras if a <= s), default=0)
        p_hi = min((b for _, b in paras if b >= e), default=len(text))
        sent_lo = doc[sp.start].sent.start
        sent_hi = doc[sp.end - 1].sent.end
        frame = [t for t in doc[sent_lo:sent_hi] if not inside[t.i] and p_lo <= t.idx < p_hi]
        # "…," he said.  — the frame may spill into the next sentence when the parser splits at the mark
        if not any(_is_cue(t) for t in frame) and sent_hi < len(doc):
            nxt = doc[sent_hi].sent
            if nxt.start == sent_hi and text[e:nxt.start_char].strip(" ,.”\"’'") == "":
                frame += [t for t in nxt if not inside[t.i] and t.idx < p_hi]
        words = len(text[s:e].split())
        cues = [t for t in frame if _is_cue(t) and (words >= _MIN_FLOATING_WORDS or _attached(t, sp))]
        dash = _dash_source(text, e)
        if dash is not None and not any(_attached(t, sp) for t in cues):
            out.append(_Candidate(s, e, "direct", dash[0], None, mention=dash[1]))
            continue
        if cues:
            verb = min(cues, key=lambda t: min(abs(t.idx - e), abs(t.idx - s)))
            subj, _passive = _subject(verb)
            if subj is not None and inside[subj.i]:
                subj = None
            if subj is None:
                subj = _nearest_name(frame, verb) if doc.has_annotation("TAG") else _word_before(doc, verb, inside)
            out.append(_Candidate(s, e, "direct", _cue_span(verb), subj, follows=subj is None))
            continue
        colon = _colon_intro(doc, sp.start, frame)
        if colon is not None:
            out.append(_Candidate(s, e, "direct", colon.cue, colon.subject, follows=colon.subject is None))
            continue
        if (words >= _MIN_FLOATING_WORDS or text[e - 1:e] in ".!?") and words >= 3:
            out.append(_Candidate(s, e, "direct", None, None, follows=True))
    return out


def _attached(verb: Token, quote: SpacySpan) -> bool:
    """The cue governs the quote or stands right beside it ('“…,” he said', 'said: “…”')."""
    if any(t.head.i == verb.i for t in quote):
        return True
    gap = min(abs(verb.i - (quote.start - 1)), abs(verb.i - quote.end))
    return gap <= 4


_DASHES = "―—–"


def _dash_source(text: str, end: int) -> tuple[Span, Span] | None:
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


def _word_before(doc: Doc, verb: Token, inside: list[bool]) -> Token | None:
    """Without a parser: '… the minister said' / '… he said' — the word just before the cue."""
    j = verb.i - 1
    if j >= 0 and doc[j].is_alpha and not inside[j]:
        return doc[j]
    k = verb.i + 1  # '“…,” said Smith.'
    return doc[k] if k < len(doc) and doc[k].is_alpha and doc[k].text[:1].isupper() and not inside[k] else None


def _nearest_name(frame: list[Token], verb: Token) -> Token | None:
    """'“…,” said Smith.' — the subject is after an inverted verb; take the nearest noun."""
    best = None
    for t in frame:
        if t.pos_ in ("PROPN", "PRON", "NOUN") and t.dep_ in ("nsubj", "attr", "dobj", "npadvmod", "appos", "ROOT") \
                and (best is None or abs(t.i - verb.i) < abs(best.i - verb.i)):
            best = t
    return best


def _colon_intro(doc: Doc, first_tok: int, frame: list[Token]) -> _Candidate | None:
    """'He said:' ending the previous sentence (or paragraph) introduces the quote."""
    j = first_tok - 1
    while j >= 0 and (doc[j].is_space or doc[j].text in OPEN_MARKS):
        j -= 1
    if j < 0 or doc[j].text != ":":
        return None
    sent = doc[j].sent
    cues = [t for t in sent if _is_cue(t) and t.i < j]
    if not cues:
        return None
    verb = cues[-1]
    subj, _ = _subject(verb)
    return _Candidate(0, 0, "direct", _cue_span(verb), subj)


# -- headlines --------------------------------------------------------------------------------
def _headline(doc: Doc) -> list[_Candidate]:
    """'…: Military Spokesperson' on the first line: content before the colon, source after it."""
    text = _doc_text(doc)
    paras = _paragraphs(text)
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
    s, e = _trimmed(text, a, a + k, keep_final=True)
    cand = _Candidate(s, e, "indirect", Span(a + k, a + k + 1), None, mention=Span(t0, t1))
    return [cand]


def _headline_source_first(text: str, entities: list[Entity]) -> list[_Candidate]:
    """'Pat Caddell: Democrat Voters Worried ...' — a named source before the colon of the title."""
    paras = _paragraphs(text)
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
    s, e = _trimmed(text, k + 1, b, keep_final=True)
    m0 = a + len(text[a:k]) - len(text[a:k].lstrip())
    return [_Candidate(s, e, "indirect", Span(k, k + 1), None, mention=Span(m0, m0 + len(prefix)))]


_LABEL = re.compile(r"[\"“]?([A-Z][A-Z.'\- ]{1,30}[A-Z.]):[ \t]+")


def _transcript(text: str) -> list[_Candidate]:
    """Interview transcripts: paragraphs opening with 'PENCE:' or 'WALLACE:' are that speaker's words."""
    found = []
    for a, b in _paragraphs(text):
        m = _LABEL.match(text, a)
        if m and m.end() < b:
            found.append((a, m))
    if len(found) < 2 or len({m.group(1) for _, m in found}) < 2:
        return []
    out = []
    for _a, m in found:
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        s, e = _trimmed(text, m.end(), end, keep_final=True)
        if e - s < 3:
            continue
        out.append(_Candidate(s, e, "direct", Span(m.end(1), m.end(1) + 1), None,
                              mention=Span(m.start(1), m.end(1))))
    return out


# -- assembling -------------------------------------------------------------------------------
def _covers(a: tuple[int, int], b: tuple[int, int], frac: float) -> bool:
    ov = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    return ov >= frac * (b[1] - b[0])


def find_quotes(doc: Doc, entities: list[Entity], registry: dict[str, str] | None = None) -> list[Quote]:
    """All quote suggestions of one article, in text order, with cue, mention and canonical speaker."""
    try:
        return _find_quotes(doc, entities, registry)
    finally:
        doc.user_data.pop(_TEXT_KEY, None)
        doc.user_data.pop(_CUE_KEY, None)


def _find_quotes(doc: Doc, entities: list[Entity], registry: dict[str, str] | None) -> list[Quote]:
    text = _doc_text(doc)
    if not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        _paragraph_sentences(doc)
    spans = direct_spans(text)
    direct = _direct(doc, spans)
    indirect = _indirect(doc) if doc.has_annotation("DEP") else []
    cands: list[_Candidate] = []
    head_cands = _headline(doc) or _headline_source_first(text, entities)
    if head_cands:
        h = head_cands[0]
        indirect = [c for c in indirect if not (c.start < h.end and h.start < c.end)]
        cands.extend(head_cands)
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
        cands.append(c)
    for i, d in enumerate(direct):
        if i in used_direct:
            continue
        if len(text[d.start:d.end].split()) < 4 and d.cue is None and text[d.end - 1:d.end] not in ".!?,":
            continue  # a scare-quoted word, not a quote
        if len(text[d.start:d.end].split()) < 3 and d.subject is None:
            continue
        cands.append(d)
    spoken = _transcript(text)
    if spoken:
        cands = [c for c in cands if not any(t.start < c.end and c.start < t.end for t in spoken)] + spoken
    cands = _dedupe(cands)
    return _resolve(doc, cands, entities, registry)


def _paragraph_sentences(doc: Doc) -> None:
    """A Doc without sentence boundaries (a bare tokenizer): one sentence per paragraph."""
    for i, tok in enumerate(doc):
        tok.is_sent_start = i == 0 or "\n" in doc[i - 1].text or "\n" in doc[i - 1].whitespace_


def _dedupe(cands: list[_Candidate]) -> list[_Candidate]:
    cands.sort(key=lambda c: (c.start, -(c.end - c.start)))
    out: list[_Candidate] = []
    for c in cands:
        if any(o.start == c.start and o.end == c.end for o in out):
            continue
        out.append(c)
    return out


def _resolve(doc: Doc, cands: list[_Candidate], entities: list[Entity], registry: dict[str, str] | None) -> list[Quote]:
    resolver = SpeakerResolver(doc, entities, registry, text=_doc_text(doc))
    text = _doc_text(doc)
    quotes: list[Quote] = []
    previous: Resolved | None = None
    prev_end = -1
    prev_cue: Span | None = None
    prev_mention: Span | None = None
    for c in sorted(cands, key=lambda c: c.start):
        mention = c.mention
        if mention is None and c.subject is not None:
            lo, hi = resolver.mention_tokens(c.subject)
            mention = _tok_span(doc, lo, hi)
        cue = c.cue
        if mention is not None:
            res = resolver.resolve(mention, previous)
            if res.entity is None and mention is not None:
                ent = resolver.entity_at(mention.start, mention.end)
                if ent is not None and res.speaker and ent.label == "PERSON":
                    res = Resolved(res.speaker, ent.span)
        elif c.follows and previous is not None and (c.kind != "direct" or c.start - prev_end < 400):
            res = previous
            mention = prev_mention
            if cue is None and c.kind == "direct" and c.start - prev_end < 200 and text.count("\n", prev_end, c.start) < 2:
                cue = prev_cue
        else:
            res = Resolved(None, None)
        quotes.append(Quote(start=c.start, end=c.end, kind=c.kind, cue=cue, speaker=res.speaker,
                            speaker_entity=res.entity, mention=mention, origin="model", state="suggested"))
        if res.speaker:
            previous = Resolved(res.speaker, None)
            prev_end, prev_cue, prev_mention = c.end, cue, mention
            if resolver._is_person(res.speaker):
                resolver.last_person = previous
    return quotes
