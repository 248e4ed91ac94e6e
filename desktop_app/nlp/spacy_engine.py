"""The pre-annotation engine: one spaCy pass per text gives entities, quotes and events.

The pipeline is the trained model plus two cheap components (a paragraph splitter
before the parser, the gazetteer ruler after the NER); everything else reads the
same Doc once: entity post-rules, canonical names, the quote finder and the event
finder.  Texts go through ``nlp.pipe`` in batches with their ignored (boilerplate)
spans as context.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc

from desktop_app import __version__
from desktop_app.core.model import Quote, Span, Suggestions
from desktop_app.core.taxonomy import Taxonomy, load_taxonomy
from desktop_app.nlp.engine import EngineInput, EngineOutput
from desktop_app.nlp.entities import canonical_names, doc_entities
from desktop_app.nlp.events import TEXT_KEY as EVENTS_TEXT_KEY
from desktop_app.nlp.events import EventFinder
from desktop_app.nlp.gazetteer import Gazetteer, add_gazetteer, load_gazetteer
from desktop_app.nlp.quote_candidates import TEXT_KEY as QUOTES_TEXT_KEY
from desktop_app.nlp.quotes import find_quotes

log = logging.getLogger(__name__)

QuoteFinder = Callable[..., list[Quote]]


def pipeline_label(nlp: Language) -> str:
    meta = nlp.meta
    lang, name, version = meta.get("lang", "xx"), meta.get("name", "pipeline"), meta.get("version", "")
    full = name if name.startswith(f"{lang}_") else f"{lang}_{name}"
    return f"{full} {version}".strip()


class SpacyEngine:
    """Implements :class:`desktop_app.nlp.engine.Engine` over a loaded spaCy pipeline."""

    def __init__(
        self,
        nlp: Language,
        *,
        rule_only: bool = False,
        registry: dict[str, str] | None = None,
        taxonomy: Taxonomy | None = None,
        gazetteer: Gazetteer | None = None,
        label: str | None = None,
    ) -> None:
        self.nlp = nlp
        self.rule_only = rule_only
        self.registry = dict(registry or {})
        self.gazetteer = gazetteer if gazetteer is not None else load_gazetteer()
        add_gazetteer(nlp, self.gazetteer)
        self.taxonomy = taxonomy if taxonomy is not None else load_taxonomy()
        self.events = EventFinder(self.taxonomy)
        tokenizer: Any = nlp.tokenizer
        for word in self.events.multiword_triggers():
            for form in {word, word.capitalize(), word + "s"}:
                tokenizer.add_special_case(form, [{ORTH: form}])
        self.find_quotes: QuoteFinder = find_quotes
        base = "rule-only" if rule_only else (label or pipeline_label(nlp))
        self.name = f"{base} / newsgold {__version__}"

    def annotate(
        self, inputs: Iterable[EngineInput], *, batch_size: int = 32, n_process: int = 1
    ) -> Iterator[EngineOutput]:
        pairs = ((i.text, (i.ignored, i.text)) for i in inputs)
        for doc, (ignored, text) in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size, n_process=n_process):
            yield self.output(doc, ignored, text)

    def output(self, doc: Doc, ignored: list[Span] | None = None, text: str | None = None) -> EngineOutput:
        """Everything NewsGold suggests for one processed Doc.

        ``text`` is the string the Doc was made from (spaCy keeps it exactly), when the caller has it:
        ``Doc.text`` joins every token again, a Token object each, and costs as much as a finder."""
        ignored = ignored or []
        if text is None or (len(doc) and len(text) != doc[-1].idx + len(doc[-1].text_with_ws)):
            text = doc.text
        # Doc.text joins every token again on each call: the quote and event finders take this one
        doc.user_data[QUOTES_TEXT_KEY] = doc.user_data[EVENTS_TEXT_KEY] = text
        entities = doc_entities(doc, ignored)
        sentences = _sentences(doc, text)
        names = canonical_names(text, entities, self.gazetteer, self.registry)
        quotes: list[Quote] = self.find_quotes(doc, entities, self.registry)
        if ignored:
            quotes = [q for q in quotes if not any(q.span.overlaps(s) for s in ignored)]
        events = self.events.find(doc, sentences, entities, names) if doc.has_annotation("DEP") else []
        if ignored:
            events = [v for v in events if not any(v.sentence.overlaps(s) for s in ignored)]
        return EngineOutput(Suggestions(entities, quotes, events), [s for _, s in sentences])


def _sentences(doc: Doc, text: str) -> list[tuple[int, Span]]:
    """(first token, character span without surrounding whitespace) of each non-blank sentence."""
    out: list[tuple[int, Span]] = []
    carry = -1  # a dateline label ("Port-au-Prince:") the parser hung on the sentence before it
    for s in doc.sents:
        first = s.start if carry < 0 else carry
        a, b = (s.start_char if carry < 0 else doc[carry].idx), s.end_char
        carry = -1
        label = _dateline_tail(s, text) if s.end < len(doc) else None
        if label is not None:
            carry, b = label, doc[label].idx
            if label == first:
                continue  # the label is the whole sentence: all of it opens the next
        chunk = text[a:b]
        stripped = chunk.strip()
        if not stripped:
            continue
        a += len(chunk) - len(chunk.lstrip())
        b = a + len(stripped)
        out.append((first, Span(a, b)))
    return out


def _dateline_tail(s: Any, text: str) -> int | None:
    """"... next week.\n\nPort-au-Prince:": the first token of a short label after a line break at the end of a
    sentence (a brief's dateline), which opens the next sentence; None if there is none."""
    doc = s.doc
    end = s.end - 1
    while end > s.start and doc[end].is_space:
        end -= 1
    if doc[end].text != ":":
        return None
    if end - s.start <= 6 and (s.start == 0 or (doc[s.start - 1].is_space and "\n" in doc[s.start - 1].text)
                               or s.start_char == 0 or "\n" in text[max(0, s.start_char - 2):s.start_char]) and \
            not any(t.text in (".", "!", "?") for t in doc[s.start:end]):
        return s.start
    for j in range(end - 1, max(s.start, end - 8), -1):
        tok = doc[j]
        if tok.is_space and "\n" in tok.text:
            return j + 1 if j + 1 < end else None
        if tok.text in (".", "!", "?"):
            return None
    return None


def make_rule_only_nlp() -> Language:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def engine_info(engine: Any) -> str:
    return f"{engine.name}{' (rule-only: install a trained pipeline for better suggestions)' if engine.rule_only else ''}"
