"""Components learned from the gold, and how their output joins the rule suggestions.

- ``newsgold_attribution_ner``: a transition-based NER (long spans are no problem for it) over
  CONTENT / CUE / SOURCE that reads its gold from and writes its output to ``doc.spans["attribution"]``,
  so it lives beside the entity ``ner`` without touching ``doc.ents``.
- ``event_textcat``: spaCy's ``textcat_multilabel`` over the taxonomy's types, applied per sentence.

Merging keeps the rules in charge of what they do well: a learned content that a rule quote already
covers keeps the rule quote (speaker resolution, kind, cue); a learned content no rule found becomes
a quote with the learned cue and source, speaker taken from a rule quote of the same cue when there is
one.  Events: the rule events stay; a sentence the classifier gives a type the rules did not find
there gets a trigger-less event of that type.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from typing import Any

from spacy.language import Language
from spacy.pipeline import EntityRecognizer
from spacy.scorer import Scorer
from spacy.tokens import Doc, DocBin
from spacy.tokens import Span as SpacySpan
from spacy.training import Example
from spacy.util import registry

from desktop_app.core.model import Entity, Event, Quote, Span

SPANS_KEY = "attribution"
ATTRIBUTION = "attribution_ner"
#: the span categorizer alternative of a CUE-only model (``train --cue-model spancat``)
CUE_SPANCAT = "attribution_spancat"
#: a learned cue counts when the span categorizer gives it this probability (tuned on PolNeAR dev)
CUE_THRESHOLD = 0.5
EVENTS = "event_textcat"
LABELS = ("CONTENT", "CUE", "SOURCE")
#: a sentence gets a learned event type at this probability
EVENT_THRESHOLD = 0.5
#: a learned content counts as a rule quote's when each covers this share of the other
SAME_QUOTE = 0.5
#: how far (characters) a cue may be from its content, a source from its cue
NEAR = 200
#: what a learned content needs nearby to be suggested (bench/learned_merge.py on PolNeAR dev)
NEED = "cue"

_OPENING_QUOTES = "\"'“‘«„"


def _as_ents(eg: Example) -> Example:
    """The example with the attribution spans as the reference's entities (for the NER's oracle)."""
    ref = eg.reference
    if SPANS_KEY not in ref.spans:
        return Example(eg.predicted, Doc(ref.vocab, words=[t.text for t in ref], spaces=[bool(t.whitespace_) for t in ref]))
    swapped = ref.copy()
    swapped.set_ents(list(ref.spans[SPANS_KEY]), default="outside")
    return Example(eg.predicted, swapped)


def _set_aside(doc: Doc) -> list[SpacySpan]:
    """The Doc's entities, which are then removed (left unset, so that none is preset for the NER)."""
    kept = list(doc.ents)
    doc.set_ents([], default="missing")
    return kept


class AttributionRecognizer(EntityRecognizer):
    """An EntityRecognizer whose gold and output are ``doc.spans["attribution"]``, not ``doc.ents``."""

    def update(self, examples: Iterable[Example], **kwargs: Any) -> dict[str, float]:
        return super().update([_as_ents(eg) for eg in examples], **kwargs)

    def initialize(self, get_examples: Callable[[], Iterable[Example]], *, nlp: Language | None = None,
                   labels: Any = None) -> None:
        super().initialize(lambda: (_as_ents(eg) for eg in get_examples()), nlp=nlp, labels=labels)

    # The NER keeps entities already in a Doc ("preset"), and the base ``ner`` runs first: so the Doc's
    # entities are set aside while this model predicts, and given back after.
    def __call__(self, doc: Doc) -> Doc:
        kept = _set_aside(doc)
        doc = super().__call__(doc)
        doc.ents = kept
        return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        kept: dict[int, list[SpacySpan]] = {}

        def aside(docs: Iterable[Doc]) -> Iterator[Doc]:
            for doc in docs:
                kept[id(doc)] = _set_aside(doc)
                yield doc

        for doc in super().pipe(aside(stream), batch_size=batch_size):
            doc.ents = kept.pop(id(doc), [])
            yield doc

    def set_annotations(self, docs: list[Doc], states_or_beams: Any) -> None:
        for doc in docs:
            _set_aside(doc)
        super().set_annotations(docs, states_or_beams)
        for doc in docs:
            doc.spans[SPANS_KEY] = [SpacySpan(doc, e.start, e.end, e.label_) for e in doc.ents]
            doc.set_ents([], default="missing")

    def score(self, examples: Iterable[Example], **kwargs: Any) -> dict[str, Any]:
        scores = Scorer.score_spans(list(examples), SPANS_KEY, getter=lambda doc, key: doc.spans.get(key, []),
                                    has_annotation=lambda doc: SPANS_KEY in doc.spans)
        return {k.replace(f"{SPANS_KEY}_", "attr_", 1): v for k, v in scores.items()}


@Language.factory(
    "newsgold_attribution_ner",
    default_config={"moves": None, "update_with_oracle_cut_size": 100, "model": None,
                    "incorrect_spans_key": None, "scorer": None},
    default_score_weights={"attr_f": 1.0, "attr_p": 0.0, "attr_r": 0.0},
)
def make_attribution_ner(nlp: Language, name: str, model: Any, moves: Any, update_with_oracle_cut_size: int,
                         incorrect_spans_key: str | None, scorer: Any) -> AttributionRecognizer:
    return AttributionRecognizer(nlp.vocab, model, name=name, moves=moves,
                                 update_with_oracle_cut_size=update_with_oracle_cut_size,
                                 incorrect_spans_key=incorrect_spans_key, scorer=scorer)


@registry.readers("newsgold.parsed_corpus.v1")
def parsed_corpus(path: str, max_length: int = 0) -> Callable[[Language], Iterable[Example]]:
    """A DocBin of parsed training docs whose parse (tags, lemmas, dependencies) the model being trained
    may read: the predicted side is the reference without its gold (attribution spans, entities, cats)."""

    def read(nlp: Language) -> Iterable[Example]:
        for ref in DocBin().from_disk(path).get_docs(nlp.vocab):
            pred = ref.copy()
            pred.set_ents([], default="missing")
            if SPANS_KEY in pred.spans:
                del pred.spans[SPANS_KEY]
            pred.cats = {}
            yield Example(pred, ref)

    return read


def has_learned(nlp: Language) -> bool:
    return ATTRIBUTION in nlp.pipe_names or CUE_SPANCAT in nlp.pipe_names or EVENTS in nlp.pipe_names


# -- quotes ------------------------------------------------------------------------------------
def _gap(a: Span, b: Span) -> int:
    return max(0, max(a.start, b.start) - min(a.end, b.end))


def _nearest(target: Span, candidates: Sequence[Span], walls: Sequence[Span] = ()) -> Span | None:
    """The candidate closest to ``target`` within NEAR characters, with no ``walls`` span between them."""

    def blocked(c: Span) -> bool:
        lo, hi = (c.end, target.start) if c.end <= target.start else (target.end, c.start)
        return any(w != target and lo <= w.start and w.end <= hi for w in walls)

    near = [c for c in candidates if _gap(target, c) <= NEAR and not c.overlaps(target) and not blocked(c)]
    return min(near, key=lambda c: (_gap(target, c), c.start), default=None)


def learned_spans(doc: Doc) -> dict[str, list[Span]]:
    out: dict[str, list[Span]] = {label: [] for label in LABELS}
    text = doc.text
    for s in doc.spans.get(SPANS_KEY, []):
        a, b = s.start_char, s.end_char
        chunk = text[a:b]
        a += len(chunk) - len(chunk.lstrip())
        b = a + len(chunk.strip())
        if b > a and s.label_ in out:
            out[s.label_].append(Span(a, b))
    return out


def _same(a: Span, b: Span) -> bool:
    ov = a.overlap_len(b)
    return ov >= SAME_QUOTE * len(a) and ov >= SAME_QUOTE * len(b)


def merge_quotes(text: str, rules: list[Quote], spans: dict[str, list[Span]],
                 entities: Sequence[Entity] = (), *, learned_bounds: bool = False,
                 need: str = NEED) -> list[Quote]:
    """Rule quotes plus learned contents the rules missed (see the module docstring).

    ``learned_bounds``: a rule quote a learned content matches takes the learned span (keeping its speaker).
    ``need``: what a learned content must have nearby to become a quote: "" nothing, "cue", "cue+source".
    """
    out = list(rules)
    for content in spans["CONTENT"]:
        same = next((i for i, q in enumerate(out) if _same(content, q.span)), None)
        if same is not None:
            if learned_bounds and out[same] in rules:
                out[same] = replace(out[same], start=content.start, end=content.end)
            continue
        if any(q.span.start >= content.start and q.span.end <= content.end for q in rules):
            continue
        if any(q.span.overlaps(content) for q in out):
            continue
        cue = _nearest(content, spans["CUE"], spans["CONTENT"])
        source = _nearest(cue or content, spans["SOURCE"], spans["CONTENT"])
        if ("cue" in need and cue is None) or ("source" in need and source is None):
            continue
        ruled = next((q for q in rules if cue is not None and q.cue is not None and q.cue.overlaps(cue)), None)
        speaker = ruled.speaker if ruled else (text[source.start:source.end] if source else None)
        mention = ruled.mention if ruled else source
        entity = ruled.speaker_entity if ruled else next(
            (e.span for e in entities if source is not None and e.label == "PERSON" and e.span.overlaps(source)), None)
        piece = text[content.start:content.end]
        kind = "direct" if piece[:1] in _OPENING_QUOTES else "indirect"
        out.append(Quote(content.start, content.end, kind=kind, cue=cue, speaker=speaker, mention=mention,
                         speaker_entity=entity, origin="model"))
    return sorted(out, key=lambda q: (q.start, q.end))


def learned_quote_finder(rule_finder: Callable[..., list[Quote]]) -> Callable[..., list[Quote]]:
    """A quote finder: the rules, then the learned contents merged in."""

    def find(doc: Doc, entities: list[Entity], registry: dict[str, str] | None = None) -> list[Quote]:
        rules = rule_finder(doc, entities, registry)
        return merge_quotes(doc.text, rules, learned_spans(doc), entities)

    return find


def learned_cue_finder(rule_finder: Callable[..., list[Quote]]) -> Callable[..., list[Quote]]:
    """A quote finder for a cue-only model: the rules with the learned cues, and quotes the parse derives
    from the learned cues the rules left without one (nlp/learned_cues.py)."""
    from desktop_app.nlp.learned_cues import cue_quotes

    def find(doc: Doc, entities: list[Entity], registry: dict[str, str] | None = None) -> list[Quote]:
        return cue_quotes(doc, entities, registry, learned_spans(doc)["CUE"], rule_finder)

    return find


def cues_only(nlp: Language) -> bool:
    """Whether the pipeline's attribution model learned CUE spans alone (``--quote-labels CUE``)."""
    if CUE_SPANCAT in nlp.pipe_names:
        return True
    pipe: Any = nlp.get_pipe(ATTRIBUTION) if ATTRIBUTION in nlp.pipe_names else None
    labels = set(pipe.labels) if pipe is not None else set()
    return labels == {"CUE"}


# -- events ------------------------------------------------------------------------------------
class LearnedEvents:
    """The rule EventFinder, plus the sentence classifier's types the rules did not find."""

    def __init__(self, rules: Any, nlp: Language, threshold: float = EVENT_THRESHOLD) -> None:
        self.rules = rules
        self.textcat: Any = nlp.get_pipe(EVENTS)
        self.threshold = threshold
        self.known = set(rules.taxonomy.type_names)

    def multiword_triggers(self) -> list[str]:
        return list(self.rules.multiword_triggers())

    def find(self, doc: Doc, sentences: Sequence[tuple[int, Span]], entities: Sequence[Entity],
             names: dict[Span, str]) -> list[Event]:
        found = list(self.rules.find(doc, sentences, entities, names))
        have = {(v.sentence, v.type) for v in found}
        if not sentences:
            return found
        sent_docs = [doc.char_span(s.start, s.end, alignment_mode="expand") for _, s in sentences]
        docs = [s.as_doc() if s is not None else Doc(doc.vocab) for s in sent_docs]
        for (_, sent), sdoc in zip(sentences, self.textcat.pipe(docs), strict=True):
            for label, p in sdoc.cats.items():
                if p >= self.threshold and (sent, label) not in have and label in self.known:
                    found.append(Event(type=label, sentence=sent, origin="model"))
        return sorted(found, key=lambda v: (v.sentence.start, v.trigger.start if v.trigger else -1))


def use_learned(engine: Any) -> None:
    """Wire a SpacyEngine's quote and event finders to the learned components its pipeline has."""
    nlp: Language = engine.nlp
    if CUE_SPANCAT in nlp.pipe_names:
        spancat: Any = nlp.get_pipe(CUE_SPANCAT)
        spancat.cfg["threshold"] = CUE_THRESHOLD
    if ATTRIBUTION in nlp.pipe_names or CUE_SPANCAT in nlp.pipe_names:
        wrap = learned_cue_finder if cues_only(nlp) else learned_quote_finder
        engine.find_quotes = wrap(engine.find_quotes)
    if EVENTS in nlp.pipe_names:
        engine.events = LearnedEvents(engine.events, nlp)
        if EVENTS not in nlp.disabled:
            nlp.disable_pipe(EVENTS)  # run per sentence by LearnedEvents, not over the whole article
