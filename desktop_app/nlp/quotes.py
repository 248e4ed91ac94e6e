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

from spacy.tokens import Doc

from desktop_app.core.model import Entity, Quote
from desktop_app.nlp.quote_candidates import TEXT_KEY, Candidate, doc_text
from desktop_app.nlp.quote_cues import CUE_KEY
from desktop_app.nlp.quote_direct import direct_quotes
from desktop_app.nlp.quote_forms import headline, headline_source_first, mixed, transcript
from desktop_app.nlp.quote_indirect import indirect_quotes
from desktop_app.nlp.quote_marks import direct_spans
from desktop_app.nlp.quote_resolution import resolve_speakers

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
    reported, used_direct = mixed(direct, indirect)
    cands.extend(reported)
    for i, d in enumerate(direct):
        if i in used_direct:
            continue
        if len(text[d.start:d.end].split()) < 4 and d.cue is None and text[d.end - 1:d.end] not in ".!?,":
            continue  # a scare-quoted word, not a quote
        if len(text[d.start:d.end].split()) < 3 and d.subject is None:
            continue
        cands.append(d)
    spoken = transcript(text)
    if spoken:
        cands = [c for c in cands if not any(t.start < c.end and c.start < t.end for t in spoken)] + spoken
    cands = _dedupe(cands)
    return resolve_speakers(doc, cands, entities, registry)


def _paragraph_sentences(doc: Doc) -> None:
    """A Doc without sentence boundaries (a bare tokenizer): one sentence per paragraph."""
    for i, tok in enumerate(doc):
        tok.is_sent_start = i == 0 or "\n" in doc[i - 1].text or "\n" in doc[i - 1].whitespace_


def _dedupe(cands: list[Candidate]) -> list[Candidate]:
    """Two finders reading the same passage: the first one proposed (headline, clause, passage) stays."""
    cands.sort(key=lambda c: (c.start, -(c.end - c.start)))
    out: list[Candidate] = []
    for c in cands:
        if any(o.start == c.start and o.end == c.end for o in out):
            continue
        out.append(c)
    return out
