"""Cue and speaker of each quoted passage: a reporting verb beside it, a colon before it, a dash after it.

A passage with none of these still counts when it is long or ends a sentence: it follows on
from the previous speaker (resolution decides who that is).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from desktop_app.nlp.lexicons import words
from desktop_app.nlp.quote_candidates import Candidate, char_span, doc_text
from desktop_app.nlp.quote_cues import cue_span, is_cue, subject_of
from desktop_app.nlp.quote_forms import dash_source
from desktop_app.nlp.quote_marks import OPEN_MARKS, paragraphs

_MIN_FLOATING_WORDS = 6
#: verbs that frame a quoted judgement with "as" ("welcomed the deal as “a victory”")
_EVALUATION_LEMMAS = words("cues", "evaluation_lemmas")


def direct_quotes(doc: Doc, spans: list[tuple[int, int]]) -> list[Candidate]:
    """A candidate per quoted passage, its cue and subject taken from the sentence around the marks."""
    text = doc_text(doc)
    inside = [False] * len(doc)
    for s, e in spans:
        sp = char_span(doc, s - 1 if s > 0 else s, min(e + 1, len(text)))
        if sp is not None:
            for i in range(sp.start, sp.end):
                inside[i] = True
    paras = paragraphs(text)
    out: list[Candidate] = []
    for s, e in spans:
        sp = char_span(doc, s, e)
        if sp is None or not len(sp):
            continue
        p_lo = max((a for a, _ in paras if a <= s), default=0)
        p_hi = min((b for _, b in paras if b >= e), default=len(text))
        sent_lo = doc[sp.start].sent.start
        sent_hi = doc[sp.end - 1].sent.end
        frame = [t for t in doc[sent_lo:sent_hi] if not inside[t.i] and p_lo <= t.idx < p_hi]
        # "…," he said.  — the frame may spill into the next sentence when the parser splits at the mark
        if not any(is_cue(t) for t in frame) and sent_hi < len(doc):
            nxt = doc[sent_hi].sent
            if nxt.start == sent_hi and text[e:nxt.start_char].strip(" ,.”\"’'") == "":
                frame += [t for t in nxt if not inside[t.i] and t.idx < p_hi]
        words = len(text[s:e].split())
        cues = [t for t in frame if is_cue(t) and (words >= _MIN_FLOATING_WORDS or _attached(t, sp))]
        dash = dash_source(text, e)
        if dash is not None and not any(_attached(t, sp) for t in cues):
            out.append(Candidate(s, e, "direct", dash[0], None, mention=dash[1]))
            continue
        if cues:
            verb = min(cues, key=lambda t: min(abs(t.idx - e), abs(t.idx - s)))
            subj, _passive = subject_of(verb)
            if subj is not None and inside[subj.i]:
                subj = None
            if subj is None:
                subj = _nearest_name(frame, verb) if doc.has_annotation("TAG") else _word_before(doc, verb, inside)
            out.append(Candidate(s, e, "direct", cue_span(verb), subj, follows=subj is None))
            continue
        judged = _judged_as(doc, sp) if doc.has_annotation("DEP") else None
        if judged is not None:
            subj, _passive = subject_of(judged)
            if subj is not None and not inside[subj.i]:
                out.append(Candidate(s, e, "direct", cue_span(judged), subj))
                continue
        colon = _colon_intro(doc, sp.start, frame)
        if colon is not None:
            out.append(Candidate(s, e, "direct", colon.cue, colon.subject, follows=colon.subject is None))
            continue
        if (words >= _MIN_FLOATING_WORDS or text[e - 1:e] in ".!?") and words >= 3:
            out.append(Candidate(s, e, "direct", None, None, follows=True))
    return out


def _attached(verb: Token, quote: SpacySpan) -> bool:
    """The cue governs the quote or stands right beside it ('“…,” he said', 'said: “…”')."""
    if any(t.head.i == verb.i for t in quote):
        return True
    gap = min(abs(verb.i - (quote.start - 1)), abs(verb.i - quote.end))
    return gap <= 4


def _judged_as(doc: Doc, quote: SpacySpan) -> Token | None:
    """'X welcomed the agreement as “a victory …”', 'X dismissed as “baseless” …': the quote is the object of an
    "as" that hangs on an evaluating verb (or on its object), so the verb's subject passes the judgement."""
    for t in quote:
        node = t
        for _ in range(4):
            if node.dep_ == "prep" and node.lower_ == "as":
                verb = node.head if node.head.pos_ in ("VERB", "AUX") else node.head.head
                if verb.lemma_.lower() in _EVALUATION_LEMMAS and verb.pos_ in ("VERB", "AUX"):
                    return verb
                return None
            if node.head.i == node.i:
                break
            node = node.head
    return None


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


def _colon_intro(doc: Doc, first_tok: int, frame: list[Token]) -> Candidate | None:
    """'He said:' ending the previous sentence (or paragraph) introduces the quote."""
    j = first_tok - 1
    while j >= 0 and (doc[j].is_space or doc[j].text in OPEN_MARKS):
        j -= 1
    if j < 0 or doc[j].text != ":":
        return None
    sent = doc[j].sent
    cues = [t for t in sent if is_cue(t) and t.i < j]
    if not cues:
        return None
    verb = cues[-1]
    subj, _ = subject_of(verb)
    return Candidate(0, 0, "direct", cue_span(verb), subj)
