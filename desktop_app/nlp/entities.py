"""From spaCy's ``doc.ents`` to NewsGold entities that follow the annotation guidelines.

The post-rules: no title or rank inside PERSON, no leading "the", no possessive 's,
a hyphenated name is never split ("Khyber-Pakhtunkhwa", "Tehrik-i-Taliban"), nothing
inside web boilerplate, only the six guideline labels, no all-lowercase "names".
Then every entity gets a canonical name (registry, gazetteer, fullest PERSON name in
the article) for speakers and event participants.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from desktop_app.core.model import ENTITY_LABELS, Entity, Span
from desktop_app.nlp.gazetteer import Gazetteer

_LABELS = frozenset(ENTITY_LABELS)
#: words stripped from the front of a PERSON ("Lieutenant-General", "Defence Minister", "DG")
TITLES = frozenset(["lt", "lt.", "lieutenant", "gen", "gen.", "general", "maj", "maj.", "major", "col", "col.", "colonel", "brig", "brig.", "brigadier", "capt", "capt.", "captain", "field", "marshal", "air", "vice", "chief", "chiefs", "commander", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.", "president", "vice-president", "prime", "minister", "ministers", "defence", "defense", "foreign", "interior", "information", "finance", "home", "state", "deputy", "permanent", "representative", "ambassador", "envoy", "special", "spokesperson", "spokesman", "spokeswoman", "dg", "director", "senator", "sen.", "justice", "judge", "governor", "premier", "secretary", "army", "naval", "staff", "former", "acting", "caretaker", "federal", "provincial", "military"])
_LEADING_DROP = frozenset({"the", "a", "an", "•", "-", "–", "—", "*", "|", ":", "(", "“", '"', "‘", "'"})
_TRAILING_DROP = frozenset({"'s", "’s", "'", "’", ",", ".", ":", ";", ")", "”", '"', "-", "–", "—"})
_CONNECTIVES = frozenset({"i", "e", "ul", "al", "ud", "ur", "us", "o", "a", "el", "ed"})


def _hyphen_piece_ok(tok_text: str) -> bool:
    return tok_text[:1].isupper() or tok_text.lower() in _CONNECTIVES or tok_text.isdigit()


def _extend_hyphens(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Grow [start, end) over "-"-joined pieces written without spaces (Tehrik-i-Taliban, K-P)."""
    while start >= 2 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_ \
            and not doc[start - 1].whitespace_ and _hyphen_piece_ok(doc[start - 2].text):
        start -= 2
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ \
            and not doc[end].whitespace_ and _hyphen_piece_ok(doc[end + 1].text):
        if doc[end + 1].text.lower() in _CONNECTIVES and not (
                end + 3 < len(doc) and doc[end + 2].text == "-" and doc[end + 3].text[:1].isupper()):
            break
        end += 2
    return start, end


def _trim(doc: Doc, start: int, end: int, label: str) -> tuple[int, int]:
    while start < end and (doc[start].lower_ in _LEADING_DROP or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].lower_ in _TRAILING_DROP or doc[end - 1].is_space):
        if doc[end - 1].text == "." and end - start == 1:
            break
        end -= 1
    if label == "PERSON":
        while start < end - 1 and (doc[start].lower_ in TITLES or doc[start].text in ("-", ".")):
            start += 1
        if start < end and doc[start].lower_ in TITLES and end - start == 1:
            return start, start
    return start, end


def _inside_ignored(start: int, end: int, ignored: Sequence[Span]) -> bool:
    return any(start < s.end and s.start < end for s in ignored)


def doc_entities(doc: Doc, ignored: Sequence[Span] = (), origin: str = "model") -> list[Entity]:
    """The guideline-conform entities of a processed Doc, sorted, without overlaps."""
    out: list[Entity] = []
    last_end = -1
    for ent in doc.ents:
        label = ent.label_
        if label not in _LABELS:
            continue
        src = "rule" if ent.ent_id else origin
        parts = _slash_parts(ent) if "/" in ent.text else [(ent.start, ent.end)]
        for p_start, p_end in parts:
            start, end = _trim(doc, p_start, p_end, label)
            if start >= end:
                continue
            start, end = _extend_hyphens(doc, start, end)
            span = doc[start:end]
            text = span.text
            if "\n" in text or "\r" in text or not any(c.isupper() for c in text):
                continue
            if end - start == 1 and doc[start].lower_ in TITLES:
                continue  # "Defence" of "Defence Minister Khawaja Asif"
            a, b = span.start_char, span.end_char
            if a < last_end or _inside_ignored(a, b, ignored):
                continue
            out.append(Entity(a, b, label, origin=src))
            last_end = b
    return out


def _slash_parts(ent: SpacySpan) -> list[tuple[int, int]]:
    """"TTP/FaK" names two groups: split an entity at a "/" token."""
    parts, cur = [], ent.start
    for t in ent:
        if t.text == "/":
            parts.append((cur, t.i))
            cur = t.i + 1
    parts.append((cur, ent.end))
    return [(a, b) for a, b in parts if b > a]


def canonical_names(
    text: str, entities: Sequence[Entity], gazetteer: Gazetteer | None = None, registry: dict[str, str] | None = None
) -> dict[Span, str]:
    """Entity span -> canonical name: registry first, then the gazetteer, then the fullest PERSON name."""
    reg = registry or {}
    reg_fold = {k.casefold(): v for k, v in reg.items()}

    def lookup(name: str) -> str | None:
        hit = reg.get(name) or reg_fold.get(name.casefold())
        if hit:
            return hit
        return gazetteer.canonical_of(name) if gazetteer is not None else None

    persons = [text[e.start : e.end] for e in entities if e.label == "PERSON"]
    full_by_word: dict[str, str] = {}
    for name in sorted(set(persons), key=lambda n: (len(n.split()), len(n))):
        for word in name.split():
            if word[:1].isupper() and len(word) > 2:
                full_by_word[word] = name
    out: dict[Span, str] = {}
    for e in entities:
        surface = text[e.start : e.end]
        name = lookup(surface)
        if name is None and e.label == "PERSON":
            words = surface.split()
            fuller = full_by_word.get(words[-1]) if words else None
            if fuller and len(fuller) > len(surface) and all(w in fuller.split() for w in words):
                surface = fuller
            name = lookup(surface) or surface
        out[e.span] = name or surface
    return out
