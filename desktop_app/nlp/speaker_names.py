"""One canonical name per source and article: the naming step after every quote has its speaker.

The resolver (``speakers.py``) finds who said each quote from the words around it; this step looks at the whole
article once and names each source the same way wherever it speaks (the guidelines: "the fullest name of the person
or body in the article", "unnamed sources get a short description"):

- a person: honorifics and titles stripped ("Organiser Jane Doe", "Bishop John Smith"), a name the model cut short
  extended to the run of proper nouns around it, and a shorter mention ("Smith", "J. Smith") named by the one fullest
  name in the article that holds its words (diacritics and case aside); two people sharing a surname stay apart (a
  different first name or initial is another person, a bare surname shared by two is left as written);
- an unnamed source: its description without a leading "one" ("one Western diplomat" -> "Western diplomat");
- a body: a shorter description takes the article's fuller one with the same head ("defence ministry" ->
  "Russian defence ministry"), a body placed in a capital ("the defence ministry in Moscow") its country's adjective,
  and a party of talks ("the Kyrgyz side") the body the article names with the same words ("Kyrgyz delegation");
- a role ("the United Nations envoy said") in the first paragraph that names no one: the person whose full name
  opens the next paragraph, when that person speaks in the article;
- a question turn's label ("Q:") is never a speaker.

The step is per document and cheap: a pass over the entities and the quotes, no parsing.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from desktop_app.core.model import Entity, Quote
from desktop_app.nlp.form_lexicon import form_lexicon
from desktop_app.nlp.lexicons import words
from desktop_app.nlp.quote_resolution import entry_breaks
from desktop_app.nlp.speakers import (
    _BODY_NOUNS,
    CAPITALS,
    COLLECTIVE_HEADS,
    GENERIC_PEOPLE,
    GROUP_HEADS,
    ISSUER_HEADS,
    NAMED_BODY_HEADS,
    ROLE_NOUNS,
    SOURCE_NOUNS,
    SUBORDINATE_TITLES,
    TITLE_WORDS,
    demonym,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc

HONORIFICS = words("speakers", "honorifics")
PARTY_HEADS = words("speakers", "party_heads")
_TITLES = TITLE_WORDS | HONORIFICS | SUBORDINATE_TITLES
#: heads of a body's description that a fuller mention in the article may name ("ministry", "delegation")
_BODY_HEADS = _BODY_NOUNS | ISSUER_HEADS | COLLECTIVE_HEADS | NAMED_BODY_HEADS
#: role heads that stand for one person ("envoy", "minister"), not a body
_PERSON_ROLES = frozenset(w for w in ROLE_NOUNS if w not in _BODY_HEADS and w not in ("army", "military", "police"))


@functools.lru_cache(maxsize=16384)
def fold(word: str) -> str:
    """A name's word for matching: no diacritics, case folded, no possessive or stray stops ("Rūta" -> "ruta")."""
    w = unicodedata.normalize("NFKD", word)
    w = "".join(c for c in w if not unicodedata.combining(c)).casefold()
    w = re.sub(r"['’]s$", "", w)
    return w.strip(".,;:'’\"()")


def strip_honorifics(name: str) -> str:
    """'Organiser Jane Doe' -> 'Jane Doe', 'Defence Minister Ali Khan' -> 'Ali Khan', 'Lt Gen Ali Khan' -> 'Ali Khan':
    the leading run of titles (and capitalised words before a title, "Defence Minister") up to the name; a name that
    is only titles stays as it is."""
    parts = name.split()
    cut = 0
    for i, w in enumerate(parts[:5]):
        low = w.lower().strip(",")
        if low in _TITLES or low.rstrip(".") in _TITLES:
            cut = i + 1
        elif not (w[:1].isupper() or low in ("of", "for", "the")):
            break
    if cut and cut < len(parts):
        parts = parts[cut:]
    while len(parts) > 1 and parts[0].lower() in ("the", "a", "an"):
        parts.pop(0)
    return " ".join(parts)


@dataclass
class _Person:
    names: list[tuple[str, int]] = field(default_factory=list)  # (name as written, first offset)

    @property
    def full(self) -> str:
        return min(self.names, key=lambda n: (-len(n[0].split()), n[1]))[0]

    @property
    def tokens(self) -> set[str]:
        return {fold(w) for w in self.full.split()}


def _name_run(doc: Doc | None, text: str, e: Entity) -> tuple[int, int]:
    """The PERSON entity widened to the proper nouns the model left out: a first name before it ("Jane" untagged
    before "Doe-Smith") and a final capitalised word after it at the end of a clause ("Bishop John Smith You.")."""
    start, end = e.start, e.end
    if doc is None:
        return start, end
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return start, end
    i = span.start - 1
    while i >= 0 and i >= span.start - 2:
        t = doc[i]
        if not (t.pos_ == "PROPN" and t.is_title and t.is_alpha and not t.ent_type_ and t.whitespace_
                and t.dep_ in ("compound", "flat") and span.start <= t.head.i < span.end
                and t.lower_ not in _TITLES and t.lower_ not in ROLE_NOUNS and t.lower_ not in _BODY_HEADS):
            break
        start = t.idx
        i -= 1
    j = span.end
    if j < len(doc) and doc[j - 1].whitespace_ == " ":
        t = doc[j]
        nxt = doc[j + 1] if j + 1 < len(doc) else None
        if (t.is_title and t.is_alpha and not t.ent_type_ and t.text != "I" and not t.is_sent_start
                and t.lower_ not in _TITLES and t.lower_ not in ROLE_NOUNS and t.lower_ not in _BODY_HEADS
                and (nxt is None or (nxt.is_punct and nxt.text in ".,;") or "\n" in t.whitespace_)):
            end = t.idx + len(t.text)
    return start, end


class _People:
    """The people an article names, each with every form of their name the article writes."""

    def __init__(self, doc: Doc | None, text: str, entities: Sequence[Entity]) -> None:
        self.people: list[_Person] = []
        written: dict[str, int] = {}
        for e in entities:
            if e.label != "PERSON":
                continue
            lo, hi = _name_run(doc, text, e)
            name = strip_honorifics(re.sub(r"['’]s$", "", text[lo:hi].strip()))
            if name and name[:1].isupper():
                written.setdefault(name, lo)
        # fullest names first: a shorter form joins the one person whose words hold it
        for name in sorted(written, key=lambda n: (-len(n.split()), written[n])):
            owners = self._owners(name)
            if len(owners) == 1:
                owners[0].names.append((name, written[name]))
            elif not owners:
                self.people.append(_Person([(name, written[name])]))
            # a form two people share ("Rossi" beside "Anna Rossi" and "Marco Rossi") belongs to neither

    def _owners(self, name: str) -> list[_Person]:
        toks = [fold(w) for w in name.split() if fold(w)]
        if not toks:
            return []
        out = []
        for p in self.people:
            have = p.tokens
            full = [fold(w) for w in p.full.split()]
            if all(t in have for t in toks):
                out.append(p)
            elif len(toks) >= 2 and toks[-1] == full[-1] and all(
                    t in have or (len(t) == 1 and any(f.startswith(t) for f in full[:-1])) for t in toks[:-1]):
                out.append(p)  # "J. Smith" is "John Smith" (not "Anna Smith")
        return out

    def canonical(self, name: str) -> str | None:
        """The fullest name of the one person ``name`` is a form of (titles stripped), else None."""
        bare = strip_honorifics(name)
        if not bare or not all(w[:1].isupper() for w in bare.split() if w.lower() not in ("al", "bin", "de", "van", "von")
                                and "-" not in w[:2]):
            return None
        owners = self._owners(bare)
        if len(owners) != 1:
            return None
        return owners[0].full


def name_speakers_once(doc: Doc | None, text: str, entities: Sequence[Entity], quotes: list[Quote]) -> None:
    """Rename each quote's speaker to its one canonical name in the article (in place)."""
    people = _People(doc, text, entities)
    persons = {(e.start, e.end) for e in entities if e.label == "PERSON"}
    questions = form_lexicon().question_labels
    for q in quotes:
        if not q.speaker:
            continue
        if q.mention is not None and _is_turn_label(text, q.mention.start, q.mention.end, questions):
            q.speaker, q.speaker_entity = None, None  # "Q:" is the outlet asking, never a source
            continue
        named = q.speaker_entity is not None and (q.speaker_entity.start, q.speaker_entity.end) in persons
        if named or _looks_like_name(q.speaker):
            full = people.canonical(q.speaker)
            if full is not None:
                q.speaker = full
                continue
            if named:
                bare = strip_honorifics(q.speaker)
                if bare != q.speaker and len(bare.split()) >= 1:
                    q.speaker = bare
                continue
        if q.speaker_entity is None:
            q.speaker = _short_description(q.speaker)
    breaks = entry_breaks(text, list(entities))
    _fuller_bodies(text, quotes, breaks if len(breaks) >= 2 else [])
    _roles_named_next(text, quotes, people, entities)


def _is_turn_label(text: str, start: int, end: int, labels: frozenset[str]) -> bool:
    line = text.rfind("\n", 0, start) + 1
    return text[line:start].strip() == "" and text[end:end + 1] == ":" and text[start:end].strip().lower() in labels


def _looks_like_name(s: str) -> bool:
    parts = s.split()
    return 1 <= len(parts) <= 6 and all(w[:1].isupper() for w in parts) and not any(
        w.lower() in _BODY_HEADS or w.lower() in PARTY_HEADS for w in parts)


def _short_description(s: str) -> str:
    """'one Western diplomat' -> 'Western diplomat': "one" before a noun is an article, not a count ("one of them"
    is a member of the group, named elsewhere)."""
    parts = s.split()
    if len(parts) >= 2 and parts[0].lower() == "one" and parts[1].lower() not in ("of", "another"):
        return " ".join(parts[1:])
    return s


def _fuller_bodies(text: str, quotes: list[Quote], entries: list[int]) -> None:
    """A body's shorter description takes the article's fullest one with the same head and all its words; one placed
    in a capital ("the defence ministry in Moscow") takes its country's adjective; "the Kyrgyz side" the body the
    article names "Kyrgyz delegation".  In a brief or a live page, only within the entry (another item's ministry is
    another country's)."""
    def entry(pos: int) -> tuple[int, int]:
        lo = max((b for b in entries if b <= pos), default=0)
        hi = min((b for b in entries if b > pos), default=len(text))
        return lo, hi

    for q in quotes:
        s = q.speaker
        if not s or q.speaker_entity is not None:
            continue
        lo, hi = entry(q.start)
        described = {p.speaker for p in quotes if p.speaker and p.speaker_entity is None and lo <= p.start < hi}
        parts = s.split()
        head = parts[-1].lower()
        if head in PARTY_HEADS and len(parts) >= 2:
            mods = " ".join(parts[:-1])
            found = {m.group(1) for m in re.finditer(rf"\b{re.escape(mods)} ([a-z]+)\b", text[lo:hi])
                     if m.group(1) in COLLECTIVE_HEADS | _BODY_NOUNS}
            if len(found) == 1:
                q.speaker = f"{mods} {found.pop()}"
            continue
        if head not in _BODY_HEADS or not parts[0][:1].islower():
            continue
        mine = {fold(w) for w in parts}
        fuller = {d for d in described if d != s and d.split()[-1].lower() == head and len(d.split()) > len(parts)
                  and mine <= {fold(w) for w in d.split()}}
        if len(fuller) == 1:
            q.speaker = fuller.pop()
            continue
        if q.mention is not None and parts[0].lower() not in GENERIC_PEOPLE | SOURCE_NOUNS | GROUP_HEADS:
            # "people close to the government in Baghdad" are people, not the government: no nationality for them
            m = re.match(r"\s+in\s+([A-Z][\w-]+)", text[q.mention.end:q.mention.end + 40])
            country = CAPITALS.get(m.group(1)) if m else None
            adj = demonym(country) if country else None
            if adj and adj != country and " " not in adj:
                q.speaker = f"{adj} {s}"


def _roles_named_next(text: str, quotes: list[Quote], people: _People, entities: Sequence[Entity]) -> None:
    """'…, the United Nations envoy said.' in the first paragraph, then 'Hans Grundberg told reporters …': the wire's
    lead names the person by role and the next paragraph by name; the role is that person when they speak later."""
    speakers = {q.speaker for q in quotes if q.speaker}
    for q in quotes:
        s = q.speaker
        if not s or q.speaker_entity is not None or q.mention is None:
            continue
        parts = s.split()
        if parts[-1].lower() not in _PERSON_ROLES or len(parts) > 4:
            continue
        para_end = text.find("\n", q.mention.end)
        if para_end < 0:
            continue
        nxt = para_end
        while nxt < len(text) and text[nxt].isspace():
            nxt += 1
        opener = next((e for e in entities if e.label == "PERSON" and e.start == nxt), None)
        if opener is None:
            continue
        full = people.canonical(text[opener.start:opener.end])
        if full is None or len(full.split()) < 2 or full not in speakers:
            continue
        first = min((n[1] for p in people.people if p.full == full for n in p.names), default=opener.start)
        if first < q.mention.start:
            continue  # introduced before the role: the resolver's titles decide
        if any(e.label == "PERSON" and e.start < nxt and e.end > text.rfind("\n", 0, q.mention.start)
               for e in entities):
            continue  # the role's paragraph names someone: it may be them
        q.speaker = full
