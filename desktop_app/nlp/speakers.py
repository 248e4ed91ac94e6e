"""Who said it: from the words that refer to a speaker to one canonical name per source.

The ideas follow GenderGapTracker (subject of the reporting verb, the previous speaker for
a floating quote) and Citron (a source is a mention resolved against the article), written
for our conventions: the canonical name is the fullest name of the person or body in the
article ("Ahmed Sharif Chaudhry" for "Lt Gen Chaudhry"), descriptions such as "the DG ISPR"
or "the military spokesperson" resolve to the person whose title or apposition they repeat,
pronouns to the previous speaker, and unnamed sources keep a short description.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from desktop_app.core.model import Article, Entity, Span
from desktop_app.nlp.form_lexicon import form_lexicon
from desktop_app.nlp.lexicons import mapping, word_tuples, words
from desktop_app.paths import resources_dir

if TYPE_CHECKING:  # spaCy only for the types: the window imports this module before the model loads
    from spacy.tokens import Doc, Token

PRONOUNS = words("speakers", "pronouns")
#: words that are a rank or office, never part of a canonical PERSON name
TITLE_WORDS = words("speakers", "title_words")
#: head nouns of descriptions that stand for a person or body ("the minister", "the spokesperson")
ROLE_NOUNS = words("speakers", "role_nouns")
#: nouns that stand for their author's voice: the speaker is the previous source
DOCUMENT_NOUNS = words("speakers", "document_nouns")
_COUNTS = words("speakers", "counts")
#: a group whose of-phrase says who they are ("members of the delegation")
GROUP_HEADS = words("speakers", "group_heads")
#: an adjective after an unnamed source that says which ("officials familiar with the talks")
SOURCE_ADJECTIVES = words("speakers", "source_adjectives")
#: heads that say nothing of a source without their relative clause ("people who attended the briefing")
GENERIC_PEOPLE = words("speakers", "generic_people")
SOURCE_NOUNS = words("speakers", "source_nouns")
ABBREVIATIONS = word_tuples("speakers", "abbreviations")
#: a capital named as a speaker stands for its government (the guidelines' canonical names)
CAPITALS = mapping("speakers", "capitals")
_BODY_NOUNS = words("speakers", "body_nouns")
#: "Pakistan" -> "Pakistani": an unnamed body is named by its country's adjective
DEMONYMS = mapping("speakers", "demonyms")
#: "several hundred people ... chanting": a chanting crowd is the protesters
CROWD_CUES = words("speakers", "crowd_cues")
CROWD_HEADS = words("speakers", "crowd_heads")
#: heads of a body that issues a press release ("Ministry of Foreign Affairs")
ISSUER_HEADS = words("speakers", "issuer_heads")
#: ruling bodies named by a common noun that own an organ ("the junta's information office")
_OWNER_BODIES = words("speakers", "owner_bodies")
#: how the press names a body without naming it (Pakistani usage: ISPR is "the military's media wing")
BODY_DESCRIPTIONS = {
    **{k.lower(): v for k, v in mapping("speakers", "body_descriptions").items()},
    **form_lexicon().body_descriptions,
}
RANK_WORDS = words("speakers", "rank_words")
#: heads of a described body that the article may name in an apposition ("the mission, Aspides,")
NAMED_BODY_HEADS = words("speakers", "named_body_heads")
#: "dozens of truck drivers": the people are in the of-phrase
QUANTITY_HEADS = words("speakers", "quantity_heads")
#: prepositions that narrow an unnamed source: "officials at the interior ministry", "sources in Kabul"
_SOURCE_PREPS = words("speakers", "source_preps")
_COMMON_START = SOURCE_NOUNS | ROLE_NOUNS | GROUP_HEADS | GENERIC_PEOPLE | words("speakers", "description_starts")
_GENERIC = frozenset(["the", "a", "an", "of", "and", "'s", "’s", ",", "(", ")", "-", "–", "—", "senior", "top"])
_PERSONISH = ("PERSON",)
#: nouns that name people: a "who" clause after one of them describes it, not the noun it hangs on
_PEOPLE_NOUNS = SOURCE_NOUNS | ROLE_NOUNS | GROUP_HEADS | GENERIC_PEOPLE
#: an unnamed one of these speaks for the body named just before ("the Edhi Foundation ..., a spokesman said")
SPOKES_NOUNS = words("speakers", "spokes_nouns")
#: roles that, unnamed and alone, speak for the body the sentence names ("The PKK …. A commander said": its commander)
BODY_ROLES = words("speakers", "body_roles")
#: "deputy minister": a bare "the minister" means someone else when the article names one without it
SUBORDINATE_TITLES = words("speakers", "subordinate_titles")
_BODY_LABELS = ("ORG", "GPE", "NORP", "FAC", "LOC")


def _words(text: str) -> list[str]:
    out: list[str] = []
    for w in re.findall(r"[\w'’.-]+", text.lower()):
        w = w.strip(".-'’")
        if w.endswith("’s") or w.endswith("'s"):
            w = w[:-2]
        if not w:
            continue
        out.extend(ABBREVIATIONS.get(w, (w,)))
        if "-" in w:
            out.extend(p for p in w.split("-") if p)
    return out


def strip_title(name: str) -> str:
    """'Lieutenant-General Ahmed Sharif Chaudhry' -> 'Ahmed Sharif Chaudhry'; 'the ISPR' -> 'ISPR'."""
    parts = name.split()
    while len(parts) > 1 and (parts[0].lower().strip(".,") in TITLE_WORDS or parts[0].lower() in ("the", "a", "an")):
        parts.pop(0)
    if parts and parts[0].lower() == "the":
        parts.pop(0)
    name = " ".join(parts)
    return re.sub(r"(?:'s|’s)$", "", name)


@dataclass
class _Person:
    name: str  # fullest form seen, titles stripped
    spans: list[Span] = field(default_factory=list)
    titles: set[str] = field(default_factory=set)

    @property
    def tokens(self) -> set[str]:
        return {w.lower() for w in self.name.split()}


@dataclass
class Resolved:
    speaker: str | None
    entity: Span | None


class SpeakerResolver:
    """Per-article index of named people and bodies with the titles the article gives them."""

    def __init__(self, doc: Doc, entities: Sequence[Entity], registry: dict[str, str] | None = None,
                 text: str | None = None) -> None:
        self.doc = doc
        self.text = doc.text if text is None else text
        self.registry = {k.lower(): v for k, v in (registry or {}).items()}
        self.entities = sorted((self._titled_person(e) for e in entities), key=lambda e: (e.start, -e.end))
        self.people: list[_Person] = []
        self._entity_name: dict[Span, str] = {}
        #: the last resolved speaker who is a person (for "he"/"she" after a body or a source)
        self.last_person: Resolved | None = None
        self._as_person: set[Span] = set()
        #: starts of a brief's items or a live page's entries (set by the quote resolver): descriptions stay inside
        self.entries: list[int] = []
        self._index_people()

    def _titled_person(self, e: Entity) -> Entity:
        """"Kosovo's interior minister, Arben Krasniqi," with the name tagged ORG: a name in apposition to a
        person's title is a person (for naming the speaker only; the entity suggested is left as it is)."""
        if e.label != "ORG":
            return e
        name = self.text[e.start:e.end].split()
        if not 2 <= len(name) <= 3 or not all(w[:1].isupper() and w[1:].islower() for w in name) or any(
                w.lower() in _BODY_NOUNS or w.lower() in ISSUER_HEADS or w.lower() in TITLE_WORDS for w in name):
            return e
        span = self.doc.char_span(e.start, e.end, alignment_mode="expand")
        if span is None or not len(span):
            return e
        root = span.root
        head = root.head if root.dep_ == "appos" else next((c for c in root.children if c.dep_ == "appos"), None)
        if head is None or head.lower_ not in ROLE_NOUNS or head.lower_ in _BODY_NOUNS or abs(head.i - root.i) > 4:
            return e
        return dataclasses.replace(e, label="PERSON")

    def _name_tagged_otherwise(self, surname: str) -> str | None:
        """The one name of two or three title-case words, tagged other than PERSON, that ends in ``surname`` and has
        no word of a body or a title in it ("Fatou Diallo" for a turn label "Diallo")."""
        found = set()
        for e in self.entities:
            if e.label in _PERSONISH or e.label not in ("ORG", "GPE", "NORP"):
                continue
            name = self.text[e.start:e.end].split()
            if 2 <= len(name) <= 3 and name[-1].lower() == surname.lower() and all(
                    w[:1].isupper() and w[1:].islower() for w in name) and not any(
                    w.lower() in _BODY_NOUNS or w.lower() in ISSUER_HEADS or w.lower() in TITLE_WORDS for w in name):
                found.add(" ".join(name))
        return found.pop() if len(found) == 1 else None

    # -- index ---------------------------------------------------------------------------------
    def _index_people(self) -> None:
        persons = [e for e in self.entities if e.label in _PERSONISH]
        # longest names first; among equals, the one the text names first (set order would vary with the hash seed)
        first: dict[str, int] = {}
        for e in persons:
            first.setdefault(strip_title(self.text[e.start:e.end]), e.start)
        names = sorted(first, key=lambda n: (-len(n.split()), first[n]))
        for name in names:
            if not name:
                continue
            toks = {w.lower() for w in name.split()}
            owner = next((p for p in self.people if toks <= p.tokens), None)
            if owner is None and len(name.split()) == 1:
                # "Chaudhry" joins "Ahmed Sharif Chaudhry" through its last word (the surname);
                # a full name with another first name ("Hillary Clinton" beside "Bill Clinton") does not
                last = name.split()[-1].lower()
                owner = next((p for p in self.people if p.name.split()[-1].lower() == last), None)
            if owner is None:
                owner = _Person(name)
                self.people.append(owner)
        for e in persons:
            name = strip_title(self.text[e.start:e.end])
            person = self._person_for_name(name)
            if person is None:
                continue
            person.spans.append(e.span)
            person.titles.update(self._titles_near(e))
            self._entity_name[e.span] = person.name
        for e in self.entities:
            if e.label in _BODY_LABELS and e.span not in self._entity_name:
                raw = self.text[e.start:e.end]
                name = strip_title(raw)
                person = self._person_for_name(name) if len(name.split()) > 1 else None
                if person is not None and {w.lower() for w in name.split()} <= person.tokens:
                    self._as_person.add(e.span)  # "Ishaq Dar" tagged ORG once, PERSON elsewhere
                    self._entity_name[e.span] = person.name
                else:
                    self._entity_name[e.span] = self.registry.get(raw.lower()) or name

    def _person_for_name(self, name: str) -> _Person | None:
        if not name:
            return None
        toks = {w.lower() for w in name.split()}
        for p in self.people:
            if toks <= p.tokens:
                return p
        last = name.split()[-1].lower()
        return next((p for p in self.people if p.name.split()[-1].lower() == last), None)

    def _titles_near(self, e: Entity) -> set[str]:
        """Title words before the name ("Defence Minister Khawaja Asif") and in an apposition
        ("Director General of ... ISPR, Lieutenant-General Ahmed Sharif Chaudhry")."""
        span = self.doc.char_span(e.start, e.end, alignment_mode="expand")
        if span is None or not len(span):
            return set()
        titles: set[str] = set()
        i = span.start - 1
        while i >= 0 and i >= span.sent.start:
            t = self.doc[i]
            if t.is_punct and t.text not in "-":
                break
            if not (t.text[:1].isupper() or t.lower_ in TITLE_WORDS or t.text == "-"):
                break
            titles.update(_words(t.text))
            i -= 1
        root = span.root
        comma_conj = (root.dep_ == "conj" and root.head.lower_ in ROLE_NOUNS and root.left_edge.i > 0
                      and self.doc[root.left_edge.i - 1].text == "," and not any(k.dep_ == "cc" for k in root.head.children))
        if root.dep_ == "appos" or comma_conj:  # a comma-joined "conj" is an apposition the parser misread
            head = root.head
            # "the Federal Minister for Interior, Arshad Malik": the parser hangs the name on "Interior"
            while head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.lower_ in ("for", "of") \
                    and head.head.head.pos_ in ("NOUN", "PROPN") and head.head.head.i >= span.sent.start:
                head = head.head.head
            words = [t.text for t in head.subtree if not (span.start <= t.i < span.end) and t.i < span.start]
            titles.update(_words(" ".join(words)))
        for child in root.children:
            if child.dep_ == "appos" and not (span.start <= child.i < span.end):
                titles.update(_words(" ".join(t.text for t in child.subtree)))
        titles.update(w for w in _words(self.text[e.start:e.end]) if w in TITLE_WORDS)
        return titles - _GENERIC

    # -- mentions ------------------------------------------------------------------------------
    def entity_at(self, start: int, end: int) -> Entity | None:
        """The named entity inside [start, end), PERSON first, the last one (apposition) wins."""
        inside = [e for e in self.entities if e.start >= start and e.end <= end]
        over = inside or [e for e in self.entities if e.start < end and start < e.end]
        if not over:
            return None
        persons = [e for e in over if e.label in _PERSONISH]
        pool = persons or over
        return pool[-1]

    def mention_tokens(self, head: Token) -> tuple[int, int]:
        """The compact noun phrase of a subject: modifiers and name parts, no clauses or appositions."""
        keep = {"compound", "amod", "det", "poss", "case", "nmod", "nummod", "flat", "quantmod", "punct"}
        lo = hi = head.i
        defined = False  # a phrase that says which group ("close to the government"): no place after it
        for t in head.lefts:
            if t.dep_ in keep or t.dep_ == "nmod":
                lo = min(lo, t.left_edge.i)
        for t in head.rights:
            if t.dep_ in ("compound", "flat", "case") or (t.dep_ == "prep" and t.lower_ == "of"
                                                          and head.lower_ in ROLE_NOUNS | QUANTITY_HEADS):
                hi = max(hi, t.right_edge.i)
            elif t.dep_ == "prep" and t.lower_ in _SOURCE_PREPS and head.lower_ in SOURCE_NOUNS and t.i == hi + 1:
                hi = max(hi, t.right_edge.i)  # "officials from both sides", "sources at the ministry"
            elif t.dep_ == "prep" and t.lower_ in ("in", "at", "from") and t.i == hi + 1 and head.tag_ == "NNS" \
                    and not head.ent_type_ and not defined and len(list(t.children)) == 1 and (pobj := next(iter(t.children))).dep_ \
                    == "pobj" and pobj.ent_type_ in ("GPE", "LOC", "FAC") and pobj.right_edge.i - t.i <= 3:
                hi = max(hi, pobj.right_edge.i)  # "teachers in Quetta": people described by where they are
            elif t.dep_ == "prep" and t.lower_ == "of" and t.i == hi + 1 and head.text[:1].isupper() and (
                    head.lower_ in _BODY_NOUNS | ISSUER_HEADS) and any(
                    g.dep_ == "pobj" and g.ent_type_ in ("GPE", "ORG") and g.text[:1].isupper()
                    and g.right_edge.i - t.i <= 4 for g in t.children):
                hi = max(hi, t.right_edge.i)  # "the Federal Government of Somalia": the body's name, whole
            elif t.dep_ == "prep" and t.lower_ == "of" and head.lower_ in GROUP_HEADS and t.i == hi + 1:
                hi = max(hi, t.right_edge.i)  # "members of the Afghan delegation"
            elif (t.dep_ == "amod" or (t.dep_ == "acl" and head.tag_ == "NNS")) and t.lower_ in SOURCE_ADJECTIVES \
                    and t.i == hi + 1 and (head.lower_ in SOURCE_NOUNS or head.lower_ in GENERIC_PEOPLE):
                # "officials familiar with the negotiations", "officials involved in the talks": the phrase that
                # says which group, up to its first complement ("people close to the government in Baghdad": no
                # place); one source keeps its role noun ("a diplomat briefed on the exchange": "diplomat")
                hi = max(hi, _first_complement_end(t) or t.right_edge.i)
                defined = True
            elif t.dep_ == "prep" and t.lower_ == "from" and t.i == hi + 1 and head.tag_ == "NNS" \
                    and not head.ent_type_ and (src := next((k for k in t.children if k.dep_ == "pobj"), None)):
                hi = max(hi, _compact_end(src))  # "herders from Haa district": who they are, not the clause after
            elif t.dep_ == "conj" and (head.lower_ in SOURCE_NOUNS or (head.tag_ == "NNS" and not head.ent_type_)) \
                    and t.i == hi + 2 and self.doc[t.i - 1].lower_ in ("and", "or") \
                    and t.tag_ in ("NNS", "NN") and not any(k.dep_ in ("relcl", "acl", "prep") for k in t.children):
                hi = t.i  # "Officials and analysts say": both are the source
            elif t.dep_ == "relcl" and head.lower_ in GENERIC_PEOPLE and t.i > head.i:
                # "two people who attended a briefing last week": the clause is the description
                # "people who attended a briefing for diplomats in Thimphu in May": the verb and its first object
                obj = next((k for k in t.rights if k.dep_ in ("dobj", "attr")), None)
                ends = [k.left_edge.i - 1 for k in t.children if k.dep_ == "npadvmod" and k.i > t.i]
                end = _first_complement_end(t) if obj is not None else min([t.right_edge.i, *ends])
                pp = next((k for k in obj.rights if k.dep_ == "prep"), None) if obj is not None else None
                if pp is not None and pp.i == end + 1 and pp.right_edge.i == t.right_edge.i and not any(
                        g.dep_ in ("prep", "relcl", "acl") for k in pp.children for g in k.children):
                    end = pp.right_edge.i  # "a meeting with the food minister": one short PP that ends the clause
                hi = max(hi, end)
        # a PERSON in apposition to the head names the speaker better than the title ("A fisherman from Mombasa,
        # Juma Odhiambo, said": the parser hangs the name on the place)
        rights = list(head.rights)
        for t in head.rights:
            if t.dep_ == "prep" and t.lower_ in ("from", "in", "of", "at") and head.pos_ == "NOUN" and head.tag_ == "NN":
                rights.extend(k for g in t.children if g.dep_ == "pobj" and g.ent_type_ in ("GPE", "LOC", "FAC")
                              for k in g.rights if k.dep_ == "appos" and any(
                                  e.label in _PERSONISH and e.start <= k.idx < e.end for e in self.entities))
        if head.lower_ in ROLE_NOUNS and not any(k.dep_ == "cc" for k in head.children):
            # "the Spokesperson of the Ministry, Ambassador Jane Doe, stated": a comma-joined "conj" with no
            # "and" is an apposition the parser misread
            comma_conj = [t for t in head.rights if t.dep_ == "conj" and t.left_edge.i > 0
                          and self.doc[t.left_edge.i - 1].text == ","]
            rights.extend(comma_conj)
        else:
            comma_conj = []
        if head.ent_type_ == "PERSON":
            rights = []  # "Youssef Ezzat, an adviser to the commander, Jane Doe": the named head is the speaker
        for t in rights:
            if t.dep_ == "appos" or t in comma_conj:
                ent = self.entity_at(t.left_edge.idx, t.right_edge.idx + len(t.right_edge.text))
                if ent is not None and ent.label in _PERSONISH:
                    s = self.doc.char_span(ent.start, ent.end, alignment_mode="expand")
                    if s is not None:
                        return s.start, s.end
        if head.tag_ == "NNS":
            # "…, a gesture officials in Cotonou describe as …": "a" cannot go with a plural head, so the words
            # from "a" to the next noun belong to the noun the clause describes, not to the source
            for k in range(head.i - 2, lo - 1, -1):
                if self.doc[k].lower_ in ("a", "an") and self.doc[k + 1].lower_ not in _A_COUNTS:
                    lo = k + 2
                    break
        while lo < hi and (self.doc[lo].is_punct or self.doc[lo].lower_ in ("the", "a", "an")):
            lo += 1
        while hi > lo and self.doc[hi].is_punct:
            hi -= 1
        return lo, hi + 1

    # -- resolution ----------------------------------------------------------------------------
    def resolve(self, mention: Span | None, previous: Resolved | None) -> Resolved:
        """Canonical speaker for the words of ``mention`` (pronouns and documents: ``previous``); a body described
        ("the bloc's naval mission") that the article names in an apposition ("the mission, Aspides,") is that name."""
        res = self._resolve(mention, previous)
        if res.speaker and res.entity is None and mention is not None and not self._is_person(res.speaker):
            head = res.speaker.split()[-1].lower()
            if head in NAMED_BODY_HEADS:
                named = self._named_in_apposition(head, mention.start)
                if named is not None:
                    return Resolved(named, None)
        return res

    def _named_in_apposition(self, head: str, pos: int) -> str | None:
        """'the mission, Aspides,' or 'Aspides, the EU's naval mission,': the one name the article gives a body
        described by ``head`` (in the same entry of a brief or a live page)."""
        entry = self._entry_of(pos)
        names: set[str] = set()
        for tok in self.doc:
            if tok.lower_ != head or tok.pos_ != "NOUN" or not any(k.lower_ in ("the", "its") or k.dep_ == "poss"
                                                                    for k in tok.children):
                continue
            if entry is not None and not entry[0] <= tok.idx < entry[1]:
                continue
            others = [c for c in tok.children if c.dep_ == "appos" and c.i > tok.i]
            if tok.dep_ == "appos" and tok.head.i < tok.i:
                others.append(tok.head)
            for o in others:
                if o.pos_ != "PROPN" or o.ent_type_ in ("PERSON", "GPE", "NORP", "DATE", "LOC", "FAC"):
                    continue
                lo = min(k.i for k in o.subtree if k.dep_ in ("compound", "flat") or k.i == o.i)
                words = [t.text for t in self.doc[lo:o.i + 1]]
                if len(words) <= 4 and all(w[:1].isupper() for w in words):
                    names.add(" ".join(words))
        return names.pop() if len(names) == 1 else None

    def _resolve(self, mention: Span | None, previous: Resolved | None) -> Resolved:
        if mention is None:
            return previous or Resolved(None, None)
        mention = self._compact_description(mention)
        raw = self.text[mention.start:mention.end]
        rel = _RELATIVE.search(raw)
        if rel is not None and rel.start() > 0:
            head = _words(raw[:rel.start()])
            if head and head[-1] not in GENERIC_PEOPLE:
                # "members of the delegation that negotiated ... in Peshawar": the relative clause's place
                # or party is not the source; "people who attended" keeps the clause that says who they are
                mention = Span(mention.start, mention.start + rel.start())
                raw = raw[:rel.start()]
            elif head and not any(e.label in _PERSONISH and mention.start <= e.start < mention.start + rel.start()
                                  for e in self.entities):
                return Resolved(self.describe(raw), None)  # "people who attended the meeting in Kabul": the people
        low = raw.lower().strip()
        words = _words(raw)
        if not words:
            return previous or Resolved(None, None)
        if low in self.registry:
            return Resolved(self.registry[low], self._entity_span(mention))
        official = _OFFICIAL_NAME.fullmatch(raw.strip())
        if official is not None and official.group(2).lower() in _BODY_NOUNS | ISSUER_HEADS:
            return Resolved(official.group(1), None)  # "the Federal Government of Somalia": the body, by its name
        described = BODY_DESCRIPTIONS.get(re.sub(r"^(?:the|a|an)\s+", "", low).replace("’", "'"))
        if described is not None:
            return Resolved(described, None)
        if low in PRONOUNS or (len(words) == 1 and words[0] in PRONOUNS):
            return self._pronoun(low, mention.start, previous)
        if low in ("who", "which"):  # "Kamin, who emphasized that ...": the mention stays, the name is Kamin's
            who = self._token_at(mention.start)
            if who is not None and who.head.dep_ == "relcl" and who.head.head.pos_ in ("NOUN", "PROPN"):
                ante = who.head.head
                if low == "who" and ante.dep_ == "pobj" and ante.tag_ == "NN" and ante.head.dep_ == "prep" \
                        and ante.head.head.pos_ == "NOUN" and ante.lower_ not in _PEOPLE_NOUNS:
                    ante = ante.head.head  # "Herders from Haa district, who say": the herders, not the district
                lo, hi = self.mention_tokens(ante)
                phrase = self.doc[lo:hi]
                return self.resolve(Span(phrase.start_char, phrase.end_char), previous)
        if len(words) == 3 and words[0] in QUANTITY_HEADS and words[1] == "of" and words[2] in PRONOUNS:
            appos = _APPOSITION.match(self.text, mention.end)
            if appos is not None and appos.group(1).split()[-1].isalpha() and not any(
                    e.start < appos.end(1) and appos.start(1) < e.end and e.label in _PERSONISH for e in self.entities):
                # "said one of them, a West African diplomat who took part": the description it gives itself
                return Resolved(self.describe(appos.group(1)), None)
            return previous or self._pronoun(words[2], mention.start, previous)  # "one of them": of the group
        if words[-1] in DOCUMENT_NOUNS:
            author = self._author_of(mention)
            if author is not None:
                return author
            if previous is not None:
                return Resolved(previous.speaker, None)
        bare = re.sub(r"^(?:the|a|an)\s+", "", raw.strip(), flags=re.I)
        if bare != without_possessive(bare) and bare.split()[-1].lower() in _BODY_NOUNS:
            # "China's embassy" -> "Chinese embassy": the body (a role, "Pakistan's military spokesperson", may be
            # a person the article names)
            return Resolved(without_possessive(bare), None)
        ent = self.entity_at(mention.start, mention.end)
        if (ent is not None and len(words) > 2 and words[1] in ("of", "in", "from") and ent.start > mention.start
                and (words[0] in GROUP_HEADS or words[0] in SOURCE_NOUNS or words[0] in GENERIC_PEOPLE
                     or self._plural_common_at(mention.start))):
            # "Residents of Mand", "officials in Kabul": the people (also when the model took the place for a name)
            desc = self.describe(raw)
            first = self._token_at(mention.start)
            if first is not None and first.is_sent_start and first.tag_ == "NNS" and desc.startswith(first.text):
                desc = desc[:1].lower() + desc[1:]  # "Herders from Haa district, who say": capital of the sentence
            return Resolved(desc, None)
        if ent is not None and ent.label in ("GPE", "LOC", "FAC") and ent.start > mention.start:
            one = self._one_of_place(mention.start, ent.start)
            if one is not None:  # "a European diplomat in Beirut": the diplomat, not the city
                return Resolved(self.describe(one), None)
        if ent is not None and ent.label in ("GPE", "LOC", "FAC") and ent.start > mention.start and \
                self._people_of_place(mention.start, ent.start):
            return Resolved(self.describe(raw), None)  # "Aid workers in Kabul", "traders at Torkham"
        if ent is not None and ent.label == "NORP" and not self._covers_head(ent, mention):
            body_at = next((i for i, w in enumerate(words) if w in _BODY_NOUNS), None)
            if body_at is not None and (body_at + 1 == len(words) or words[body_at + 1] in ("in", "at")):
                # "the Afghan consulate in Quetta": the body, not the nationality that modifies it
                return Resolved(self.describe(" ".join(raw.split()[:len(raw.split()) - len(words) + body_at + 1])), None)
            if words[-1] not in ROLE_NOUNS and words[-1] not in _BODY_NOUNS and words[-1].isalpha() and not any(
                    e.label in _PERSONISH and mention.start <= e.start and e.end <= mention.end for e in self.entities):
                return Resolved(self.describe(raw), None)  # "Qatari mediators", "Indian army officials"
        body = self._body_by_abbreviation(words, raw)
        if body is not None and (ent is None or ent.label not in _PERSONISH):
            return Resolved(body, ent.span if ent is not None else None)
        role_head = words[-1] in ROLE_NOUNS and words[-1] not in _BODY_NOUNS
        if ent is not None and ent.label not in _PERSONISH and role_head:
            ent = None if self._person_by_title(words, mention.start, previous) else ent
        if ent is not None and (ent.label in _PERSONISH or ent.span in self._as_person
                                or self._covers_head(ent, mention)):
            name = self._entity_name.get(ent.span) or strip_title(self.text[ent.start:ent.end])
            name = self.registry.get(self.text[ent.start:ent.end].lower(), name)
            if ent.label == "GPE":
                name = CAPITALS.get(name, name)  # "Islamabad urges ..." is Pakistan speaking
            return Resolved(name, ent.span)
        stripped = strip_title(raw)
        if stripped.lower() in self.registry:
            return Resolved(self.registry[stripped.lower()], None)
        if stripped and all(w[:1].isupper() for w in stripped.split()) and len(stripped.split()) <= 3:
            person = self._person_for_name(stripped)  # "Chaudhry", "PENCE" without an entity tag
            if person is not None:
                return Resolved(person.name, None)
            if len(stripped.split()) == 1:
                full = self._name_tagged_otherwise(stripped)
                if full is not None:  # "Diallo:" turns after "Fatou Diallo" (tagged ORG) in the introduction
                    return Resolved(full, None)
        by_title = self._person_by_title(words, mention.start, previous)
        if by_title is not None:
            return by_title
        if ent is not None:
            name = self._entity_name.get(ent.span) or strip_title(self.text[ent.start:ent.end])
            rest = self.text[ent.end:mention.end]
            bare_words = bare.split()
            if ent.label in ("GPE", "NORP") and not self._covers_head(ent, mention) and 2 <= len(bare_words) <= 5 \
                    and all(w[:1].isupper() for w in bare_words) and "'" not in bare and "’" not in bare:
                return Resolved(bare, None)  # "the Kenya Red Cross": the body's name, not the country in it
            if words[-1] in NAMED_BODY_HEADS | _BODY_NOUNS | COLLECTIVE_HEADS and re.search(r"['’]s\b", rest):
                # "the EU's naval mission", "the UN children's agency": the body described, not its owner
                return Resolved(without_possessive(self.describe(raw)), None)
            if ent.label == "GPE" and re.fullmatch(r"['’]s(?: [a-z][\w-]*){1,3}", rest) and words[-1] not in ROLE_NOUNS \
                    and words[-1] not in SOURCE_NOUNS and not any(e.start >= ent.end and e.start < mention.end
                                                                 for e in self.entities):
                # "Georgia's ruling party said": the party, named by its country's adjective, not the country
                return Resolved(f"{demonym(name)}{rest[2:]}", None)
            if words[-1] not in ROLE_NOUNS and words[-1] not in SOURCE_NOUNS:
                return Resolved(name, ent.span)
        if len(words) == 1 and words[0] not in ROLE_NOUNS and words[0] not in _BODY_NOUNS and re.search(
                r"\b(?:the|these|those)\s+$", self.text[max(0, mention.start - 8):mention.start], re.I):
            earlier = self._earlier_description(words[0], mention.start)
            if earlier is not None:  # "According to two Western officials, ..., the officials said": those officials
                return Resolved(earlier, None)
        desc = self.describe(raw)
        if not desc:
            return previous or Resolved(None, None)
        if words[-1] not in ROLE_NOUNS:
            return Resolved(desc, None)
        local = self._body_in_paragraph(desc, mention)
        full = local or self.fullest_description(desc, mention.start)
        if len(full.split()) == 1 and full.lower() in SPOKES_NOUNS | BODY_ROLES:
            of = self._spokes_for(mention.end)
            if of is not None:  # "a spokesperson for Malawi's electoral commission": that body's spokesperson
                return Resolved(f"{of} {full}", None)
            body = self._body_before(mention.start)
            if body is None and _FOR_THE.match(self.text, mention.end):
                body = self._only_org_before(mention.start)  # "Volunteers from X handed out ..., a spokesman for the charity said"
            if body is not None:  # "The Edhi Foundation has sent ..., a spokesman said": its spokesman
                return Resolved(f"{body} {full}", None)
        return Resolved(full, None)

    def _spokes_for(self, pos: int) -> str | None:
        """The body after "for"/"of" at ``pos`` (" for Malawi's electoral commission", " for the Red Cross"): its
        name, or its description without the possessive; None for a common noun alone ("for the charity")."""
        m = re.match(r"\s+(?:for|of)\s+(?:the\s+)?", self.text[pos:pos + 30])
        if m is None:
            return None
        at = pos + m.end()
        ent = next((e for e in self.entities if e.start == at and e.label == "ORG"), None)
        phrase = self._body_phrase_at(at)
        if phrase is not None and (ent is None or ent.end < phrase.end):
            desc = without_possessive(self.describe(self.text[phrase.start:phrase.end]))
            return None if "'s" in desc or "’s" in desc or len(desc.split()) < 2 else desc
        if ent is not None:
            return self._entity_name.get(ent.span) or strip_title(self.text[ent.start:ent.end])
        return None

    def _earlier_description(self, head: str, pos: int) -> str | None:
        """The nearest fuller description with the same head noun in this or the two sentences before (same entry):
        what "the officials" or "the diplomats" refers back to."""
        tok = self._token_at(pos)
        if tok is None:
            return None
        lo = tok.sent.start
        for _ in range(2):
            if lo > 0:
                lo = self.doc[lo - 1].sent.start
        entry = self._entry_of(pos)
        for t in reversed(self.doc[lo:tok.i]):
            if t.lower_ != head or t.pos_ != "NOUN" or (entry is not None and t.idx < entry[0]):
                continue
            a, b = self.mention_tokens(t)
            if any(self.doc[i].ent_type_ == "PERSON" for i in range(a, b)):
                continue
            desc = self.describe(self.doc[a:b].text)
            if len(desc.split()) > 1 and desc.lower().endswith(head) and "'s" not in desc and "’s" not in desc:
                return desc
        return None

    def _entry_of(self, pos: int) -> tuple[int, int] | None:
        """[start, end) of the brief item or live entry holding ``pos`` (``entries``: their starts), if any."""
        if not self.entries:
            return None
        starts = [b for b in self.entries if b <= pos]
        lo = starts[-1] if starts else 0
        hi = next((b for b in self.entries if b > pos), len(self.text))
        return lo, hi

    def _body_in_paragraph(self, desc: str, mention: Span) -> str | None:
        """"a ministry official" after "Nepal's health ministry accepted ..." in the same paragraph (a brief's item):
        the "health ministry official", not a "foreign ministry official" of another item."""
        words = desc.split()
        if len(words) != 2 or words[0].lower() not in _BODY_NOUNS:
            return None
        lo = self.text.rfind("\n", 0, mention.start) + 1
        hi = self.text.find("\n", mention.end)
        hi = len(self.text) if hi < 0 else hi
        span = self.doc.char_span(lo, hi, alignment_mode="expand")
        if span is None:
            return None
        for tok in span:
            if tok.lower_ != words[0].lower() or mention.start <= tok.idx < mention.end:
                continue
            mods: list[str] = []
            j = tok.i - 1
            while j >= span.start and self.doc[j].is_lower and self.doc[j].is_alpha and self.doc[j].dep_ in (
                    "compound", "amod") and self.doc[j].head.i in (tok.i, j + 1):
                mods.insert(0, self.doc[j].text)
                j -= 1
            if mods:
                return " ".join([*mods, *words])
        return None

    def _only_org_before(self, pos: int) -> str | None:
        """The one organisation named in this sentence before ``pos``, whatever its role in the clause."""
        tok = self._token_at(pos)
        if tok is None:
            return None
        sent = tok.sent
        names = {self._entity_name.get(e.span) or strip_title(self.text[e.start:e.end]) for e in self.entities
                 if e.label == "ORG" and sent.start_char <= e.start and e.end <= pos}
        return names.pop() if len(names) == 1 else None

    def _body_before(self, pos: int) -> str | None:
        """The organisation that is a subject in this sentence before ``pos`` or in the sentence before it
        (same paragraph): whose spokesperson an unnamed "spokesperson" is."""
        tok = self._token_at(pos)
        if tok is None:
            return None
        sent = tok.sent
        sents = [sent]
        if sent.start > 0:
            prev = self.doc[sent.start - 1].sent
            gap = self.text[prev.start_char:sent.start_char]
            if "\n" not in gap[len(gap.rstrip()):]:  # the same paragraph
                sents.append(prev)
        for s in sents:
            for e in self.entities:
                if e.label != "ORG" or not (s.start_char <= e.start and e.end <= min(s.end_char, pos)):
                    continue
                span = self.doc.char_span(e.start, e.end, alignment_mode="expand")
                if span is not None and len(span) and span.root.dep_ in ("nsubj", "nsubjpass"):
                    return self._entity_name.get(e.span) or strip_title(self.text[e.start:e.end])
        return None

    def _one_of_place(self, start: int, place: int) -> str | None:
        """"a European diplomat in Beirut": one person (a singular source or role noun, a nationality before it
        allowed) placed by a preposition; the description without the place, as for "a teacher in Kisumu"."""
        span = self.doc.char_span(start, place, alignment_mode="expand")
        if span is None or len(span) < 2 or span[-1].lower_ not in ("in", "from", "at", "near"):
            return None
        nouns = [t for t in span[:-1] if t.lower_ not in ("the", "a", "an")]
        if not nouns or nouns[-1].tag_ != "NN" or nouns[-1].lower_ not in SOURCE_NOUNS | ROLE_NOUNS or \
                nouns[-1].lower_ in _BODY_NOUNS or any(t.ent_type_ not in ("", "NORP") for t in nouns):
            return None
        return self.text[span.start_char:span[-2].idx + len(span[-2].text)]

    def _people_of_place(self, start: int, place: int) -> bool:
        """Common nouns, then a preposition right before the place: people described by where they are."""
        span = self.doc.char_span(start, place, alignment_mode="expand")
        if span is None or len(span) < 2 or span[-1].lower_ not in ("in", "of", "from", "at", "near"):
            return False
        nouns = [t for t in span[:-1] if t.lower_ not in ("the", "a", "an")]
        return bool(nouns) and not any(t.ent_type_ for t in nouns) and nouns[-1].tag_ in ("NNS", "NN") \
            and nouns[-1].lower_ not in _BODY_NOUNS

    def _compact_description(self, mention: Span) -> Span:
        """"according to people close to the government in Tórshavn": an unnamed source's mention cut to the
        description its head noun builds (mention_tokens), so a place after it is neither named nor the source."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or len(span) < 4:
            return mention
        root = span.root
        if root.lower_ not in GENERIC_PEOPLE | SOURCE_NOUNS or root.ent_type_ or any(
                e.label in _PERSONISH and mention.start <= e.start < mention.end for e in self.entities):
            return mention
        lo, hi = self.mention_tokens(root)
        if not span.start <= lo < hi <= span.end or (lo, hi) == (span.start, span.end):
            return mention
        if hi > root.i + 1 or self.doc[lo:hi].end_char == mention.end:
            return Span(self.doc[lo].idx if lo > span.start else mention.start, self.doc[hi - 1].idx + len(self.doc[hi - 1]))
        return mention

    def _plural_common_at(self, pos: int) -> bool:
        """A plural common noun outside any entity ("Herders from Haa district"): a collective description."""
        tok = self._token_at(pos)
        return tok is not None and tok.tag_ == "NNS" and not tok.ent_type_ and not any(
            e.start <= tok.idx < e.end for e in self.entities)

    def _covers_head(self, ent: Entity, mention: Span) -> bool:
        """An ORG/GPE mention is the speaker only when it is the head ("the Foreign Office"),
        not a modifier ("Pakistan's military spokesperson")."""
        return ent.end >= mention.end - 1

    def _entity_span(self, mention: Span) -> Span | None:
        ent = self.entity_at(mention.start, mention.end)
        return ent.span if ent is not None else None

    def _pronoun(self, low: str, pos: int, previous: Resolved | None) -> Resolved:
        """he/she: the nearest PERSON subject in this or the two sentences before, else the previous
        speaker; it/they/we: the nearest body subject in this sentence, else the previous speaker."""
        person = low in ("he", "she", "him", "her", "his", "i")
        tok = self._token_at(pos)
        if tok is not None:
            sent = tok.sent
            lo = sent.start
            for _ in range(2 if person else 0):
                if lo > 0:
                    lo = self.doc[lo - 1].sent.start
            lo_char = self.doc[lo].idx
            for e in reversed(self.entities):
                if not (lo_char <= e.start and e.end <= pos):
                    continue
                if (e.label in _PERSONISH or e.span in self._as_person) != person:
                    continue
                span = self.doc.char_span(e.start, e.end, alignment_mode="expand")
                root = span.root if span is not None and len(span) else None
                if root is None:
                    continue
                node = root
                while node.dep_ == "appos" and node.head.i != node.i and node.i - node.head.i <= 16:
                    node = node.head  # "NEW DELHI, Mar 2 (PNS) – India's junior minister, Sunil Verma, said"
                dep = node.dep_ if node is not root or root.dep_ != "appos" else root.head.dep_
                if dep in ("nsubj", "nsubjpass"):
                    name = self._entity_name.get(e.span) or strip_title(self.text[e.start:e.end])
                    hit = Resolved(name, None)
                    if person:  # "X received the Ambassador, Mr. Y. The Ambassador thanked ... He said": Y
                        later = self._subject_by_title(lo, tok.i, e.end, pos, previous)
                        if later is not None and later.speaker != name:
                            return later
                    return hit
            if person:  # "The Foreign Minister welcomed ... He stated": the subject named by office
                for t in reversed(self.doc[lo:tok.i]):
                    if t.dep_ == "nsubj" and t.lower_ in ROLE_NOUNS and not t.ent_type_:
                        lo_t = t.left_edge.i
                        by_title = self._person_by_title(_words(self.doc[lo_t:t.i + 1].text), pos, previous)
                        if by_title is not None:
                            return by_title
                        if t.lower_ not in _BODY_NOUNS and t.sent.start == self.doc[lo_t].sent.start and (
                                previous is None or not previous.speaker) and self.last_person is None:
                            # "The Chief of Army Staff visited the area. He said ...": nobody named, the office
                            a, b = self.mention_tokens(t)
                            office = re.sub(r"^(?:the|a|an)\s+", "", self.doc[a:b].text, flags=re.I)
                            return Resolved(office, None)
        if person and previous is not None and previous.speaker and (
                self._is_person(previous.speaker) or _name_like(previous.speaker)):
            return previous  # "Fatima Ishag said she …. “…,” she said": also when the model tagged her ORG
        if person and self.last_person is not None:
            return self.last_person
        return previous or Resolved(None, None)

    def _subject_by_title(self, lo: int, hi: int, after: int, pos: int, previous: Resolved | None) -> Resolved | None:
        """The nearest subject between tokens ``lo`` and ``hi``, after char ``after``, named by a title that one
        person of the article holds ("The Ambassador thanked ...")."""
        for t in reversed(self.doc[lo:hi]):
            if t.idx < after:
                break
            if t.dep_ == "nsubj" and t.lower_ in ROLE_NOUNS and t.lower_ not in _BODY_NOUNS and not t.ent_type_:
                return self._person_by_title(_words(self.doc[t.left_edge.i:t.i + 1].text), pos, previous)
        return None

    def _author_of(self, mention: Span) -> Resolved | None:
        """'a statement from Inter-Services Public Relations (ISPR)': the body after from/by/of."""
        m = re.match(r"\s+(?:(?:issued|released|published|read\s+out|signed|posted|sent|left)\s+)?(?:from|by|of)\s+"
                     r"(?:the\s+)?", self.text[mention.end:mention.end + 40])
        base = mention.end
        if m is None:
            # "a message posted on the group's channel, signed by its leader Abu Yusuf": the signature in the sentence
            stop = re.search(r"[.;!?\n]", self.text[mention.end:mention.end + 160])
            tail = self.text[mention.end:mention.end + (stop.start() if stop else 160)]
            m = re.search(r",?\s+(?:signed|issued|sent|posted)\s+by\s+(?:the\s+|its\s+|their\s+)?", tail)
            if m is None:
                return None
            signer = next((e for e in self.entities if e.label in (*_PERSONISH, "ORG") and
                           base + m.end() <= e.start <= base + m.end() + 24 and e.end <= base + len(tail)), None)
            if signer is not None:  # "signed by its leader Abu Yusuf": the person who signed
                name = self._entity_name.get(signer.span) or strip_title(self.text[signer.start:signer.end])
                return Resolved(name, signer.span)
        at = base + m.end()
        role = self._role_phrase_at(at)
        if role is not None:  # "read out by the Afghan foreign ministry's spokesman": the spokesman
            return Resolved(re.sub(r"['’]s\b", "", self.describe(self.text[role.start:role.end])), None)
        ent = next((e for e in self.entities if e.start == at), None)
        phrase = self._body_phrase_at(at)
        if phrase is not None and (ent is None or ent.end < phrase.end):
            # "issued by the Turkish foreign ministry": the ministry, not the NORP "Turkish"
            return Resolved(self.describe(self.text[phrase.start:phrase.end]), None)
        if ent is None:
            tok = self._token_at(at)
            if tok is not None and tok.pos_ == "NOUN" and m.group(0).rstrip().endswith("the") and (
                    tok.i + 1 >= len(self.doc) or self.doc[tok.i + 1].pos_ not in ("NOUN", "PROPN")):
                # "a statement from the group warned ...": the group the article described before ("rebel group")
                named = self._named_in_apposition(tok.lower_, at) if tok.lower_ in NAMED_BODY_HEADS else None
                return Resolved(named or self._earlier_description(tok.lower_, mention.start) or tok.lower_, None)
            return None
        name = self._entity_name.get(ent.span) or strip_title(self.text[ent.start:ent.end])
        name = self._body_by_abbreviation(_words(name), name) or name
        return Resolved(name, ent.span)

    def _role_phrase_at(self, pos: int) -> Span | None:
        """The noun phrase at ``pos`` when its head is a role ("the Afghan foreign ministry's spokesman")."""
        tok = self._token_at(pos)
        if tok is None:
            return None
        head = tok
        while head.dep_ in ("compound", "amod", "det", "poss", "nmod", "case") and head.head.i > head.i:
            head = head.head
        if head.lower_ not in ROLE_NOUNS or head.lower_ in _BODY_NOUNS or head.i - tok.i > 5 or head.i == tok.i:
            return None
        return Span(tok.idx, head.idx + len(head.text))

    def _body_phrase_at(self, pos: int) -> Span | None:
        """The noun phrase starting at ``pos`` when its head is a body noun ("Turkish foreign ministry")."""
        tok = self._token_at(pos)
        if tok is None:
            return None
        head = tok
        while head.dep_ in ("compound", "amod", "det", "poss", "nmod") and head.head.i > head.i:
            head = head.head
        if head.lower_ not in _BODY_NOUNS or head.i - tok.i > 4:
            return None
        return Span(tok.idx, head.idx + len(head.text))

    def _token_at(self, pos: int) -> Token | None:
        span = self.doc.char_span(pos, min(pos + 1, len(self.text)), alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def _is_person(self, name: str) -> bool:
        return any(p.name == name for p in self.people)

    def note_speaker(self, speaker: str) -> None:
        """A quote by this speaker was just found: if a person, a later 'he' or 'she' may be them
        even after a body has spoken in between."""
        if self._is_person(speaker):
            self.last_person = Resolved(speaker, None)

    def _body_by_abbreviation(self, words: list[str], raw: str = "") -> str | None:
        """'FO' -> 'Foreign Office' when the article names it; 'ISPR' -> 'Inter-Services Public Relations'."""
        if not words or (words[-1] not in _BODY_NOUNS and len(words) > 1):
            return None
        target = " ".join(words)
        acronym = target.upper() if len(words) == 1 and 2 <= len(target) <= 6 else None
        for e in self.entities:
            if e.label in _PERSONISH:
                continue
            full = strip_title(self.text[e.start:e.end])
            if len(full) <= len(strip_title(raw)):
                continue  # only ever spell out: "FO" -> "Foreign Office", never back
            if " ".join(w for w in _words(full) if "-" not in w) == target:
                return full
            if acronym and len(full.split()) > 1 and _initials(full) == acronym:
                return full
        spelled = " ".join(w.capitalize() for w in words)
        if len(words) > 1 and raw.strip().isupper() and spelled in self.text:
            return spelled  # "FO" and "Foreign Office" in the text, though not tagged as an entity
        return None

    def fullest_description(self, desc: str, pos: int | None = None) -> str:
        """'spokesperson' -> 'Foreign Office spokesperson' when the article says so (the longest
        phrase with the same head noun, abbreviations spelled out)."""
        words = desc.split()
        if not words:
            return desc
        head = words[-1].lower()
        if head not in ROLE_NOUNS:
            return desc
        best = desc
        entry = self._entry_of(pos) if pos is not None else None
        nearest: tuple[int, str] | None = None  # the fuller description last given before this mention
        for tok in self.doc:
            if tok.lower_ != head or tok.pos_ not in ("NOUN", "PROPN"):
                continue
            if entry is not None and not entry[0] <= tok.idx < entry[1]:
                continue  # a brief's or live page's other item: another official
            lo, hi = self.mention_tokens(tok)
            if any(self.doc[i].pos_ == "PROPN" and self.doc[i].ent_type_ == "PERSON" for i in range(lo, hi)):
                continue
            phrase = self.describe(self.doc[lo:hi].text)
            if "'s" in phrase or "’s" in phrase or not phrase.lower().endswith(head):
                continue
            spelled = " ".join(self._spell(w) for w in phrase.split())
            if not set(_words(desc)) <= set(_words(spelled)):
                continue  # "interior ministry" is not the "Indian foreign ministry" named elsewhere
            if len(spelled.split()) > len(best.split()) or (
                    len(spelled.split()) == len(best.split()) and len(spelled) > len(best)):
                best = spelled
            if pos is not None and tok.idx < pos and len(spelled.split()) > len(words):
                nearest = (tok.idx, spelled)
        if nearest is not None and len(words) == 1 and len(nearest[1].split()) == len(best.split()):
            # "An Israeli official said …. …, a Western official said. “…,” said the official": the last one named
            return nearest[1]
        return best

    def _spell(self, word: str) -> str:
        full = self._body_by_abbreviation(_words(word)) if word.isupper() and len(word) <= 4 else None
        return full or word

    def _person_by_title(self, words: list[str], pos: int, previous: Resolved | None) -> Resolved | None:
        content = [w for w in words if w not in _GENERIC]
        head = content[-1] if content else ""
        if head not in ROLE_NOUNS and not set(content) & {"dg", "director", "general", "minister", "spokesperson"}:
            return None
        mods = [w for w in content if w not in ROLE_NOUNS or w in _BODY_NOUNS]
        if head in _BODY_NOUNS:
            return None
        candidates = []
        for p in self.people:
            if not p.titles:
                continue
            if all(m in p.titles for m in mods) and (head in p.titles or mods):
                # "The Minister" is the minister, not the deputy minister named beside him
                score = (head in p.titles) + sum(m in p.titles for m in mods) - 0.5 * bool(
                    (p.titles & SUBORDINATE_TITLES) - set(content))
                first = min((s.start for s in p.spans), default=10**9)
                candidates.append((score, first <= pos, p))
        if not candidates:
            return None
        best = max(c[0] for c in candidates)
        top = [c for c in candidates if c[0] == best]
        if previous is not None and previous.speaker:
            for c in top:
                if c[2].name == previous.speaker:
                    return Resolved(c[2].name, None)
        return Resolved(top[0][2].name, None)

    @staticmethod
    def describe(raw: str) -> str:
        """Unnamed source: the description without determiner ('Diplomatic sources' -> 'diplomatic sources')."""
        words = raw.split()
        while words and words[0].lower() in ("the", "a", "an", "some", "several", "both"):
            words.pop(0)
        if len(words) > 3 and (words[0].lower() in _COUNTS or words[0].isdigit()) and words[1].lower() == "of" \
                and words[2].lower() in ("the", "its", "their"):
            # "two of the largest container lines" -> "container lines": the group, without its rank
            words = [w for w in words[3:] if w.lower() not in RANK_WORDS] or words[3:]
        while len(words) > 2 and words[0].lower() in _COUNTS and words[1].lower() in _COUNTS:
            words.pop(0)  # "several hundred people": one count word is left for the rule below
        if len(words) > 1 and (words[0].lower() in _COUNTS or words[0].isdigit()):
            words.pop(0)  # "two people who attended" -> "people who attended": a count is not the source
        if len(words) > 2 and words[0].lower() in QUANTITY_HEADS and words[1].lower() == "of":
            words = words[2:]  # "dozens of truck drivers" -> "truck drivers"
            while words and words[0].lower() in ("the", "a", "an"):
                words.pop(0)
        if (len(words) >= 4 and words[0].lower() in SOURCE_NOUNS and words[1].lower() in ("at", "in")
                and words[2].lower() == "the" and words[-1].lower() in _BODY_NOUNS and len(words) <= 6):
            words = [*words[3:], words[0].lower()]  # "officials at the interior ministry" -> "interior ministry officials"
        elif (4 <= len(words) <= 6 and words[0].lower() in SOURCE_NOUNS and words[1].lower() in ("at", "in")
                and re.fullmatch(r"[A-Z][\w-]*['’]s", words[2]) and words[-1].lower() in _BODY_NOUNS):
            # "officials at Kenya's interior ministry" -> "Kenyan interior ministry officials"
            words = [demonym(words[2][:-2]), *words[3:], words[0].lower()]
        if words and words[0][:1].isupper() and not words[0].isupper() and words[0].lower() in _COMMON_START:
            words[0] = words[0].lower()
        while words and words[-1] in (",", ";", ":"):
            words.pop()
        if words:
            words[-1] = words[-1].rstrip(",;:")
        return " ".join(words)


_POSSESSIVE_BODY = re.compile(r"^([A-Z][\w-]*(?: [A-Z][\w-]*){0,2})['’]s ((?:[a-z][\w-]* ){0,3}([a-z][\w-]*))$")


#: "the government's peace delegation" -> "government peace delegation": a body's own organ, owned by a common noun
_POSSESSIVE_COMMON = re.compile(r"^((?:[A-Z][\w-]* ){0,2}([a-z][\w-]*))['’]s ((?:[a-z][\w-]* ){0,3}([a-z][\w-]*))$")
#: heads of a body's organs beside the body and role nouns ("peace delegation", "negotiating team")
COLLECTIVE_HEADS = words("speakers", "collective_heads")


#: words that make "a" a count of a plural ("a few officials", "a dozen soldiers")
_A_COUNTS = frozenset({"few", "dozen", "couple", "handful", "hundred", "thousand", "million", "number", "lot",
                       "score", "great", "good"})
#: "the Federal Government of Somalia": a capitalised body head "of" a capitalised name
_OFFICIAL_NAME = re.compile(r"(?:[Tt]he\s+)?((?:[A-Z][\w'’-]+\s+){0,3}([A-Z][a-z]+)\s+of\s+(?:the\s+)?"
                            r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})")


def _compact_end(tok: Token) -> int:
    """The last token of ``tok``'s compact noun phrase: the noun and its name parts, no PP, clause or apposition."""
    hi = tok.i
    for r in tok.rights:
        if r.dep_ in ("compound", "flat") and r.i == hi + 1:
            hi = r.right_edge.i
    return hi


def _first_complement_end(word: Token) -> int:
    """The end of a participle's, an adjective's or a relative verb's first complement ("involved in the talks",
    "attended a briefing", "follow the junta closely"): later PPs and time or place adjuncts are left out."""
    hi = word.i
    for r in word.rights:
        if r.dep_ == "prep":
            pobj = next((k for k in r.children if k.dep_ == "pobj"), None)
            hi = _compact_end(pobj) if pobj is not None else r.i
            break
        if r.dep_ in ("dobj", "attr", "acomp"):
            hi = _compact_end(r)
            break
    for r in word.rights:  # a manner adverb right after it ("closely")
        if r.i == hi + 1 and r.dep_ == "advmod" and r.tag_ == "RB":
            hi = r.i
    return hi


def _name_like(name: str) -> bool:
    """Two or three capitalised words, none a body's or a group's head: a person's name the model tagged otherwise."""
    parts = name.split()
    heads = _BODY_NOUNS | ISSUER_HEADS | COLLECTIVE_HEADS | GROUP_HEADS | NAMED_BODY_HEADS | ROLE_NOUNS
    return 2 <= len(parts) <= 3 and all(w[:1].isupper() and w[1:].islower() and w.isalpha() for w in parts) and not any(
        w.lower() in heads for w in parts)


def without_possessive(name: str) -> str:
    """An unnamed body's description without the possessive: "Pakistan's military" -> "Pakistani military",
    "Taliban's defence ministry" -> "Taliban defence ministry", "Ghana's finance minister" -> "Ghanaian finance
    minister", "the government's peace delegation" -> "government peace delegation" (only when its head is a body,
    a role or a body's organ)."""
    heads = _BODY_NOUNS | ROLE_NOUNS | COLLECTIVE_HEADS | NAMED_BODY_HEADS
    m = _POSSESSIVE_BODY.match(name)
    if m is None:
        c = _POSSESSIVE_COMMON.match(name)
        if c is not None and c.group(2) in _BODY_NOUNS | _OWNER_BODIES and c.group(4) in heads:
            return f"{c.group(1)} {c.group(3)}"  # "the Zambian government's spokesman" -> "Zambian government spokesman"
        return name
    if m.group(3) not in heads:
        return name
    owner = m.group(1)
    return f"{demonym(owner)} {m.group(2)}"


def demonym(country: str) -> str:
    """The adjective of a country ("Venezuela" -> "Venezuelan"): the lexicon's, else the world gazetteer's
    nationality that spells the country's name out (the country itself when there is none)."""
    return DEMONYMS.get(country) or _gazetteer_demonyms().get(country, country)


@functools.cache
def _gazetteer_demonyms() -> dict[str, str]:
    """Country -> nationality adjective, paired by spelling from the gazetteer's GPE and NORP names: the NORP that
    shares the longest start with the country and leaves at most two of its letters ("Argentina" -> "Argentine",
    "Kosovo" -> "Kosovar"), so that "Niger" takes "Nigerien" and "Nigeria" "Nigerian"; the lexicon's table
    covers the rest ("France" -> "French")."""
    places: list[str] = []
    peoples: list[str] = []
    path = resources_dir() / "gazetteer" / "world.jsonl"  # the world's states (not the provinces of regions.jsonl)
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.startswith("{"):
                continue
            row = json.loads(line)
            (places if row.get("label") == "GPE" else peoples if row.get("label") == "NORP" else []).append(
                str(row.get("canonical", "")))
    best: dict[str, tuple[int, str]] = {}
    for people in peoples:
        scored = []
        for place in places:
            n = 0
            while n < min(len(place), len(people)) and place[n].lower() == people[n].lower():
                n += 1
            left = len(place) - n
            if place.endswith("que") and people.endswith("can") and place[:-3] == people[:-3]:
                left = 0  # "Mozambique" -> "Mozambican": the "-ique" countries
            if n >= 4 and (left <= 1 or (left == 2 and len(people) > len(place))):  # not "Bangui" -> "Bangla"
                scored.append((n - 2 * left, place))
        if not scored:
            continue
        score, place = max(scored)
        if place not in best or score > best[place][0] or (score == best[place][0] and len(people) < len(best[place][1])):
            best[place] = (score, people)
    return {place: people for place, (_s, people) in best.items()}


#: "a spokesman for the charity": the spokesman of a body the sentence named before
_FOR_THE = re.compile(r"\s+(?:for|of)\s+the\s+[a-z]+")
#: a line that is only a name: capitalised words joined by of/the/for/and ("Ministry of Foreign Affairs of the Republic of X")
LETTERHEAD = re.compile(r"[A-Z][\w'’.-]*(?:[ \t]+(?:of|the|for|and|on|[A-Z][\w'’.-]*))*")
#: ", a West African diplomat who took part": an apposition that describes the source (up to a clause or a stop)
_APPOSITION = re.compile(r",\s+(?:a|an)\s+((?:[\w'’-]+\s+){0,4}?[a-z][\w-]*)(?=\s+(?:who|which|that|with|from)\b|\s*[,.;]|$)")
_RELATIVE = re.compile(r"\s+(?:that|who|which|whose)\s")


def _initials(name: str) -> str:
    return "".join(p[0] for p in re.split(r"[\s-]+", name) if p and p[0].isupper())


# -- registry growth ---------------------------------------------------------------------------
def registry_updates(article: Article) -> list[tuple[str, str]]:
    """alias -> canonical pairs learned from the article's confirmed quotes (accepted or human).

    Each confirmed quote whose mention is not a pronoun teaches "mention words" -> speaker
    (with and without title and "the"); names equal to their canonical form are skipped.
    """
    pairs: list[tuple[str, str]] = []
    seen: set[tuple[str, str]] = set()
    for q in article.quotes:
        if q.state == "rejected" or not (q.state == "accepted" or q.origin == "human"):
            continue
        if not q.speaker:
            continue
        aliases: list[str] = []
        for span in (q.mention, q.speaker_entity):
            if span is not None and 0 <= span.start < span.end <= len(article.text):
                aliases.append(article.text[span.start:span.end])
        for alias in _alias_forms(aliases):
            if alias.lower() in PRONOUNS or alias.lower() == q.speaker.lower():
                continue
            if not any(c.isalpha() for c in alias) or alias.split()[-1].lower() in DOCUMENT_NOUNS:
                continue
            key = (alias, q.speaker)
            if key not in seen:
                seen.add(key)
                pairs.append(key)
    return pairs


def _alias_forms(aliases: Iterable[str]) -> list[str]:
    out: list[str] = []
    for a in aliases:
        a = " ".join(a.split())
        for form in (a, re.sub(r"^(?:the|The)\s+", "", a)):
            form = re.sub(r"(?:'s|’s)$", "", form).strip(" ,.;:")
            if form and form not in out:
                out.append(form)
    return out
