"""Quotes with cue and speaker: direct (quotation marks), indirect (reported clause) and mixed.

The entry point the engine calls; the finders live beside it, each in its own module:
``quote_marks`` (where quoted passages are in the characters), ``quote_cues`` (reporting verbs
and their subjects), ``quote_direct`` (cue and speaker of a passage), ``quote_indirect`` (reported
clauses from the parse), ``quote_forms`` (headlines, transcripts, dash-signed and mixed quotes),
``quote_candidates`` (the shared candidate, edge trimming, datelines) and ``quote_resolution``
(from a mention to a canonical speaker).  This module decides which finder wins when two read
the same passage.
"""

from __future__ import annotations

import dataclasses
import re

from spacy.tokens import Doc

from desktop_app.core.model import Entity, Quote, Span
from desktop_app.nlp.form_lexicon import form_lexicon
from desktop_app.nlp.quote_candidates import TEXT_KEY, Candidate, doc_text
from desktop_app.nlp.quote_cues import BELIEF_LEMMAS, CUE_KEY, JOINT_DECISIONS
from desktop_app.nlp.quote_direct import direct_quotes
from desktop_app.nlp.quote_forms import headline, headline_source_first, mixed, quoted_title_lines, transcript
from desktop_app.nlp.quote_indirect import indirect_quotes
from desktop_app.nlp.quote_marks import direct_spans
from desktop_app.nlp.quote_resolution import resolve_speakers
from desktop_app.nlp.speaker_names import name_speakers_once
from desktop_app.nlp.speakers import ISSUER_HEADS, LETTERHEAD, SPOKES_NOUNS

__all__ = ["direct_spans", "find_quotes"]


def find_quotes(doc: Doc, entities: list[Entity], registry: dict[str, str] | None = None) -> list[Quote]:
    """All quote suggestions of one article, in text order, with cue, mention and canonical speaker."""
    try:
        return _find_quotes(doc, entities, registry)
    finally:
        doc.user_data.pop(TEXT_KEY, None)
        doc.user_data.pop(CUE_KEY, None)


def _find_quotes(doc: Doc, entities: list[Entity], registry: dict[str, str] | None) -> list[Quote]:
    text = doc_text(doc)
    if not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        _paragraph_sentences(doc)
    spans = direct_spans(text)
    direct = direct_quotes(doc, spans)
    indirect = indirect_quotes(doc) if doc.has_annotation("DEP") else []
    cands: list[Candidate] = []
    head_cands = headline(doc) or headline_source_first(text, entities)
    if head_cands:
        h = head_cands[0]
        indirect = [c for c in indirect if not (c.start < h.end and h.start < c.end)]
        cands.extend(head_cands)
    titled = quoted_title_lines(text)
    cands.extend(titled)
    reported, used_direct = mixed(direct, indirect)
    cands.extend(reported)
    for i, d in enumerate(direct):
        if i in used_direct or any(t.start <= d.start and d.end <= t.end + 1 for t in titled):
            continue
        if len(text[d.start:d.end].split()) < 4 and d.cue is None and text[d.end - 1:d.end] not in ".!?,":
            continue  # a scare-quoted word, not a quote
        if len(text[d.start:d.end].split()) < 3 and d.subject is None:
            continue
        cands.append(d)
    spoken = transcript(text, entities)
    if spoken:
        cands = [c for c in cands if not any(t.start < c.end and c.start < t.end for t in spoken)] + spoken
    cands = _dedupe(cands)
    # "It was also agreed that the next round ...": a decision of both sides (an AGREE event), not a quote
    cands = [c for c in cands if not (c.verb is not None and c.subject is None and c.verb.lemma_.lower() in JOINT_DECISIONS
                                      and c.cue is not None and _IMPERSONAL.search(text[max(0, c.cue.start - 40):c.cue.start]))]
    issuer = _release_issuer(text, entities)
    if issuer is not None:
        for c in cands:
            if c.cue is not None and c.subject is None and c.mention is None and _IMPERSONAL.search(
                    text[max(0, c.cue.start - 40):c.cue.start]):
                c.source, c.follows = issuer, False  # "It was further emphasised that ...": the issuing body
            elif c.subject is not None and c.subject.lower_ in _RELEASE_NOUNS and any(
                    k.lower_ == "the" for k in c.subject.children):
                c.source = issuer  # "…, the statement said": this release, so its issuer
            elif c.subject is not None and c.subject.lower_ in SPOKES_NOUNS and any(
                    k.lower_ == "the" for k in c.subject.children) and not _named_spokesperson(text, entities):
                c.source = issuer  # "The spokesperson (of the Ministry) stated": the issuing body speaking
            elif c.subject is not None and c.subject.lower_ in ISSUER_HEADS and c.subject.text[:1].isupper() and any(
                    k.lower_ == "the" for k in c.subject.children) and len(list(c.subject.children)) == 1 and \
                    c.subject.lower_ in text[issuer.start:issuer.end].lower().split():
                c.source = issuer  # "The Ministry reiterates that ...": the issuing ministry
    quotes = resolve_speakers(doc, cands, entities, registry)
    if titled:
        _name_title_speakers(text, quotes, {(t.start, t.end) for t in titled}, entities)
    name_speakers_once(doc, text, entities, quotes)
    return _per_paragraph(text, quotes)


def _per_paragraph(text: str, quotes: list[Quote]) -> list[Quote]:
    """A direct quote running over paragraphs is one quote per paragraph, each with the cue, mention and
    speaker of the whole (the guidelines: every paragraph takes the name given after the last one)."""
    out: list[Quote] = []
    for q in quotes:
        if q.kind != "direct" or "\n" not in text[q.start:q.end]:
            out.append(q)
            continue
        pos = q.start
        while pos < q.end:
            nl = text.find("\n", pos, q.end)
            stop = q.end if nl < 0 else nl
            s, e = pos, stop
            while s < e and (text[s].isspace() or text[s] in "“\"‘'"):
                s += 1
            while e > s and (text[e - 1].isspace() or (e < q.end and text[e - 1] in "”\"’'")):
                e -= 1
            if e - s >= 3:
                out.append(dataclasses.replace(q, start=s, end=e))
            pos = stop + 1
    return out


_RELEASE_NOUNS = frozenset({"statement", "release", "communique", "communiqué", "handout"})
_IMPERSONAL = re.compile(r"(?:^|[.\n]\s*)It\s+(?:was|has\s+been|is)\s+(?:\w+\s+){0,2}$")


def _named_spokesperson(text: str, entities: list[Entity]) -> bool:
    """Does the article name a spokesperson ("spokesperson Tahira Andleeb", "its spokesman, Ali Khan")?"""
    # "the Spokesperson of the Ministry of Foreign Affairs, Mr. Asad Gilani,": the office's name may come between
    return any(e.label == "PERSON" and any(w in text[max(0, e.start - 64):e.start].lower() for w in SPOKES_NOUNS)
               for e in entities)


def _release_issuer(text: str, entities: list[Entity]) -> Span | None:
    """A press release ('Press Release: Foreign Office on ...'): the body named in its title issues it."""
    title_end = text.find("\n")
    title_end = len(text) if title_end < 0 else title_end
    k = text.find(":", 0, title_end)
    labels = form_lexicon().press_release_labels
    if k < 0 and text[:title_end].strip().lower() in labels:
        # "PRESS RELEASE" on its own line, then a letterhead line naming the body ("Ministry of Foreign Affairs of
        # the Republic of X"): that line, as written (the model may cut a long official name in two)
        head = _letterhead(text, entities, title_end)
        if head is not None:
            return head
        k = title_end
    elif k < 0 or text[:k].strip().lower() not in labels:
        return None
    orgs = [e for e in entities if e.label == "ORG" and k < e.start and e.end <= title_end]
    if orgs:
        return orgs[0].span
    # "Press Release: Pakistan dispatches relief goods ...": no body in the title; the ministry or office the
    # release names most often (first on a tie) issues it
    offices = [e for e in entities if e.label == "ORG" and set(text[e.start:e.end].lower().split()) & ISSUER_HEADS]
    if not offices:
        return None
    counts: dict[str, int] = {}
    for e in offices:
        counts[text[e.start:e.end]] = counts.get(text[e.start:e.end], 0) + 1
    top = max(counts.values())
    return next(e.span for e in offices if counts[text[e.start:e.end]] == top)


def _letterhead(text: str, entities: list[Entity], after: int) -> Span | None:
    """The first of the next few lines that is only the name of a body (an ORG starts it and a head of an issuing
    body is among its words)."""
    pos = after
    for _ in range(6):
        if pos >= len(text):
            return None
        nl = text.find("\n", pos + 1)
        nl = len(text) if nl < 0 else nl
        lo = pos + (text[pos] == "\n")
        line = text[lo:nl]
        s = lo + len(line) - len(line.lstrip())
        e = lo + len(line.rstrip())
        if e > s and LETTERHEAD.fullmatch(text, s, e) and set(text[s:e].lower().split()) & ISSUER_HEADS and any(
                ent.label == "ORG" and ent.start == s for ent in entities):
            return Span(s, e)
        pos = nl
    return None


def _name_title_speakers(text: str, quotes: list[Quote], titled: set[tuple[int, int]], entities: list[Entity]) -> None:
    """A live entry's headline quote names its speaker by role ("traders' leader"); the entry below names
    the person: take the speaker of the same words said below, else of the next quote with a named person."""
    people = {e.span for e in entities if e.label == "PERSON"}
    for i, q in enumerate(quotes):
        if (q.start, q.end) not in titled or q.speaker_entity in people:
            continue
        words = _norm(text[q.start:q.end])
        later = [p for p in quotes[i + 1:] if p.start - q.end < 600 and p.speaker]
        same = [p for p in later if words and words in _norm(text[p.start:p.end])]
        named = [p for p in later if p.speaker_entity in people]
        picks = same or named
        if picks:
            q.speaker, q.speaker_entity = picks[0].speaker, None


def _norm(s: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", s.lower()).split())


def _paragraph_sentences(doc: Doc) -> None:
    """A Doc without sentence boundaries (a bare tokenizer): one sentence per paragraph."""
    for i, tok in enumerate(doc):
        tok.is_sent_start = i == 0 or "\n" in doc[i - 1].text or "\n" in doc[i - 1].whitespace_


def _dedupe(cands: list[Candidate]) -> list[Candidate]:
    """Two finders reading the same passage: the first one proposed (headline, clause, passage) stays."""
    # equal spans: a belief ("A believe that …, according to X") gives way to the source who reported it
    cands.sort(key=lambda c: (c.start, -(c.end - c.start), c.verb is not None and c.verb.lemma_.lower() in BELIEF_LEMMAS))
    according = [c for c in cands if c.verb is None and c.mention is None and c.subject is not None and c.cue is not None
                 and c.kind == "indirect" and c.cue.end - c.cue.start == len("according to")]
    cands = [c for c in cands if not (c.verb is not None and c.verb.lemma_.lower() in BELIEF_LEMMAS and any(
        a.start <= c.verb.idx < a.end for a in according))]
    out: list[Candidate] = []
    for c in cands:
        if any(o.start == c.start and o.end == c.end for o in out):
            continue
        out.append(c)
    return out
