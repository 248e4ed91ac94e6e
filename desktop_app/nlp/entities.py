"""From spaCy's ``doc.ents`` to NewsGold entities that follow the annotation guidelines.

The post-rules: no title or rank inside PERSON, no leading "the", no possessive 's,
a hyphenated name is never split ("Khyber-Pakhtunkhwa", "Tehrik-i-Taliban"), nothing
inside web boilerplate, only the six guideline labels, no all-lowercase "names".
Then every entity gets a canonical name (registry, gazetteer, fullest PERSON name in
the article) for speakers and event participants.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy
from spacy.attrs import IS_SPACE, IS_UPPER, LOWER, ORTH
from spacy.strings import hash_string  # type: ignore[attr-defined]
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from desktop_app.core.model import ENTITY_LABELS, Entity, Span
from desktop_app.nlp.form_lexicon import form_lexicon, is_section_label
from desktop_app.nlp.gazetteer import Gazetteer
from desktop_app.nlp.lexicons import words

_LABELS = frozenset(ENTITY_LABELS)
#: words stripped from the front of a PERSON ("Lieutenant-General", "Defence Minister", "DG")
TITLES = words("entities", "titles") | words("entity_evidence", "role_titles")
#: words after which a capitalised name is a person ("spokesperson Tahira Andleeb", "Lt Gen Kamran Aziz")
RANKS = words("entities", "ranks") | words("entity_evidence", "role_ranks")
_RANK_HASHES = numpy.array(sorted(hash_string(w) for w in RANKS), dtype="uint64")
_ROLE_WORDS = words("entities", "role_words")
#: tribal names that are also surnames: after a first name, part of the PERSON ("Nasir Baloch")
SURNAME_NORPS = frozenset(w.title() for w in words("entities", "surname_norps"))
#: "Western officials": adjectives of a bloc, NORP before a common noun
ADJECTIVE_NORPS = frozenset(w.title() for w in words("entities", "adjective_norps"))
#: "Ministry of Commerce": these heads with an of-phrase of capitalised words are one ORG
BODY_OF_HEADS = frozenset(w.title() for w in words("entities", "body_of_heads"))
_BODY_OF_HASHES = numpy.array(sorted(hash_string(w) for w in BODY_OF_HEADS), dtype="uint64")
#: "Kech district", "the Gabd crossing", "the town of Mand": a capitalised name before or after these is a place
PLACE_HEADS = words("entities", "place_heads")
FACILITY_HEADS = words("entities", "facility_heads")
FACILITY_NAME_HEADS = words("entities", "facility_name_heads")
PLACE_OF_HEADS = words("entities", "place_of_heads")
MONTHS = words("entities", "months")
#: one-word bodies that follow "in" like a place does ("in Parliament"): never relabelled GPE
ORG_NOT_PLACE = words("entities", "org_not_place")
INSTITUTION_WORDS = words("entities", "institution_heads")
#: "Centre for Peace Studies" is an organisation, not a building
ORG_NOT_FAC = words("entities", "org_not_fac_words")
_PLACE_HASHES = numpy.array(sorted(hash_string(w) for w in PLACE_HEADS | FACILITY_HEADS | PLACE_OF_HEADS
                                   | FACILITY_NAME_HEADS),
                            dtype="uint64")
_ADJECTIVE_NORP_HASHES = numpy.array(sorted(hash_string(w) for w in ADJECTIVE_NORPS), dtype="uint64")
# fifth round (issue 16): evidence for names the small model mislabels on news it was not trained on
COMPANY_HEADS = words("entities", "company_heads")
GEO_AFTER_HEADS = words("entities", "geo_after_heads")
GEO_BEFORE_HEADS = words("entities", "geo_before_heads")
INSTRUMENT_HEADS = words("entities", "instrument_heads")
VESSEL_WORDS = words("entities", "vessel_words")
TIME_ZONES = words("entities", "time_zones")
COMPASS_WORDS = words("entities", "compass_words")
GENERIC_BODIES = words("entities", "generic_bodies")
SURNAME_ENDINGS = tuple(sorted(words("entities", "surname_endings")))
GROUP_NOUNS = words("entities", "group_nouns")
ORG_NOUNS = words("entities", "org_nouns")
APPOS_ROLES = words("entities", "appos_roles")
STATE_NOUNS = words("entities", "state_nouns")
MISSION_HEADS = words("entities", "mission_heads")
OFFICIAL_HEADS = words("entities", "official_heads")
ORG_BEFORE_NAME = words("entities", "org_before_name")
ORG_AFTER_NAME = words("entities", "org_after_name")
MOTION_WORDS = words("entities", "motion_words")
GROUP_POSSESSORS = words("entities", "group_possessors")
FEATURE_TAIL_HEADS = words("entities", "feature_tail_heads")
STATE_NAME_HEADS = words("entities", "state_name_heads")
GOVERNMENT_HEADS = words("entities", "government_heads")
TIME_TAIL_WORDS = words("entities", "time_tail_words")
OUTLET_HEADS = words("entities", "outlet_heads")
_GEO_BEFORE_HASHES = numpy.array(sorted(hash_string(w) for w in GEO_BEFORE_HEADS), dtype="uint64")
_GROUP_NOUN_HASHES = numpy.array(sorted(hash_string(w) for w in ORG_AFTER_NAME | ORG_BEFORE_NAME), dtype="uint64")
#: words that make a name an organisation's, never a person's or a place's
_ORGISH = frozenset(INSTITUTION_WORDS | COMPANY_HEADS | ORG_NOUNS | {w.lower() for w in BODY_OF_HEADS}
                     | {"international", "united", "city", "club"})
_OFFICE_HOLDERS = frozenset({"ombudsman", "prosecutor", "auditor", "comptroller", "attorney", "president", "governor",
                             "mayor", "speaker", "registrar"})
_ORGISH_HEADS = frozenset(INSTITUTION_WORDS | ORG_NOUNS | {"front", "congress", "republic"})
_LEADING_DROP = frozenset({"the", "a", "an", "•", "-", "–", "—", "*", "|", ":", "(", "“", '"', "‘", "'"})
_TRAILING_DROP = frozenset({"'s", "’s", "'", "’", ",", ".", ":", ";", ")", "”", '"', "-", "–", "—"})
_CONNECTIVES = frozenset({"i", "e", "ul", "al", "ud", "ur", "us", "o", "a", "el", "ed"})


def orths_eq(doc: Doc, text: str) -> numpy.ndarray:
    return doc.to_array(ORTH) == doc.vocab.strings[text]


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
    colon = next((i for i in range(end - 2, start, -1) if doc[i].text == ":"), None)
    if colon is not None:
        start = colon + 1  # "Press Release: Ministry of Water": the label is not part of the name
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


@dataclass
class _Cand:
    start: int
    end: int
    label: str
    gazetteer: bool
    sure: bool = False  # a label given on evidence (context, shape): other mentions of the name follow it
    head: bool = False  # a label given by the name's own head or facility noun: stronger than a context rule


def _is_title_case_line(sent: SpacySpan) -> bool:
    """A headline: mostly capitalised words and no full stop at the end."""
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    if len(words) < 3 or any(t.text in (".", "!", "?") for t in sent[-2:]):
        return False
    return sum(1 for t in words if t.is_title) >= 0.7 * len(words)


def _candidates(doc: Doc) -> list[_Cand]:
    """doc.ents plus the rule passes (names after titles, known surnames), relabelled and merged."""
    cands: list[_Cand] = []
    for e in doc.ents:
        if e.label_ == "LANGUAGE" and e[0].is_title:
            cands.append(_Cand(e.start, e.end, "NORP", False, True))  # the guidelines' languages are NORP ("Urdu")
            continue
        if e.label_ not in _LABELS:
            continue
        if len(e) > 1 and e[-1].lower_ in ("'s", "’s") and not e.ent_id:
            # "Viktor Orbán's" | Fidesz: the possessive ends the name (no rule may run past it)
            e = SpacySpan(doc, e.start, e.end - 1, label=e.label_)
        poss = [t.i for t in e[1:-1] if t.lower_ in ("'s", "’s")]
        if poss and not e.ent_id and ((doc[poss[0] - 1].lower_ in GROUP_POSSESSORS and e[-1].lower_ in _ORGISH_HEADS)
                                      or (doc[poss[0] - 1].lower_ in _OFFICE_HOLDERS and e[-1].lower_ in _ORGISH_HEADS
                                          and poss[0] - e.start <= 1 + (e[0].lower_ == "the"))):
            cands.append(_Cand(e.start, e.end, "ORG", False, True))  # "Tigray People's Liberation Front",
            # "Ombudsman's Office"
        elif poss and not e.ent_id:
            # "Pakistan’s Armed Forces" names two things: the country and its forces
            first = "GPE" if poss[0] - e.start == 1 and doc[e.start].pos_ == "PROPN" else e.label_
            cands.append(_Cand(e.start, poss[0], first, False))
            cands.append(_Cand(poss[0] + 1, e.end, e.label_, False))
        else:
            cands.append(_Cand(e.start, e.end, e.label_, bool(e.ent_id)))
    taken = numpy.zeros(len(doc) + 1, dtype=bool)
    for c in cands:
        taken[c.start : c.end] = True
    # 0. evidence from context and shape for names the model mislabels on unfamiliar news (fifth round)
    cands = _evidence(doc, cands, taken)
    by_start = {c.start: c for c in cands}
    # 1. a name right after a rank or office: "Lt Gen Kamran Aziz", "spokesperson Tahira Andleeb"
    lowers = doc.to_array(LOWER)
    for i in numpy.flatnonzero(numpy.isin(lowers, _RANK_HASHES)).tolist():
        j = i + 1
        while j < len(doc) and (doc[j].lower_ in TITLES or doc[j].text in ("-", ".")) and not taken[j]:
            j += 1
        if j >= len(doc):
            continue
        hit = by_start.get(j)
        if hit is not None:
            if not hit.gazetteer and hit.label in ("ORG", "GPE", "NORP", "FAC", "LOC") and all(
                    t.pos_ == "PROPN" and t.is_title for t in doc[hit.start : hit.end]):
                hit.label = "PERSON"
            continue
        k = j
        while k < len(doc) and k - j < 4 and not taken[k] and doc[k].is_title and doc[k].pos_ == "PROPN" \
                and doc[k].lower_ not in TITLES:
            k += 1
        if k > j:
            new = _Cand(j, k, "PERSON", False)
            cands.append(new)
            by_start[j] = new
            taken[j:k] = True
    # 1b. a name in apposition to an office: "the Federal Minister for Water, Kamal Uddin, ..."
    rank_at = numpy.isin(lowers, _RANK_HASHES)
    near_rank = (numpy.convolve(rank_at, numpy.ones(6, dtype=int))[: len(doc)] > 0) if len(doc) else rank_at
    commas = orths_eq(doc, ",")
    commas[1:] &= near_rank[:-1]  # near_rank[i]: a rank in [i - 5, i]
    for i in numpy.flatnonzero(commas).tolist():
        j = i + 1
        hit = by_start.get(j)
        if hit is not None:  # the model named it, maybe as an ORG ("Nadia Karim")
            k = hit.end
            if hit.gazetteer or hit.label == "PERSON" or not all(
                    t.is_title and t.pos_ == "PROPN" for t in doc[hit.start:hit.end]):
                continue
        else:
            k = j
            while k < len(doc) and k - j < 4 and not taken[k] and doc[k].is_title and doc[k].pos_ == "PROPN" \
                    and doc[k].lower_ not in TITLES:
                k += 1
        if not (2 <= k - j <= 3 and k < len(doc) and doc[k].text in (",", "said")):
            continue
        before = doc[max(0, i - 6):i]
        if any(t.lower_ in RANKS for t in before) and "\n" not in before.text:
            if hit is not None:
                hit.label = "PERSON"
                continue
            cands.append(_Cand(j, k, "PERSON", False))
            by_start[j] = cands[-1]
            taken[j:k] = True
    # 2. a surname seen in a full PERSON name is that person ("Qureshi", "Aziz told journalists"); a family name
    # written first ("Yoon Seo-yeon", "Kim Jong-un": the given name hyphenated) is the first word
    surnames = {doc[c.end - 1].text for c in cands if c.label == "PERSON" and c.end - c.start >= 2}
    surnames |= {doc[c.start].text for c in cands if c.label == "PERSON" and c.end - c.start >= 3
                 and any(t.text == "-" and doc[t.i + 1].is_lower for t in doc[c.start + 1 : c.end - 1])}
    if surnames:
        for c in cands:
            if c.label != "PERSON" and not c.gazetteer and c.end - c.start == 1 and doc[c.start].text in surnames:
                c.label = "PERSON"
        orths = doc.to_array(ORTH)
        hashes = numpy.array([hash_string(x) for x in surnames], dtype="uint64")
        for i in numpy.flatnonzero(numpy.isin(orths, hashes)).tolist():
            # "Rind said", "Naqvi: ..." (a turn label): the tagger may take a surname for a common noun
            turn = doc[i].is_title and i + 1 < len(doc) and doc[i + 1].text == ":" and (
                i == 0 or "\n" in doc[i - 1].text_with_ws)  # "Yoon: Because ...": the tagger may call it anything
            if not taken[i] and (doc[i].pos_ == "PROPN" or (doc[i].pos_ == "NOUN" and doc[i].is_title) or turn):
                cands.append(_Cand(i, i + 1, "PERSON", False))
                taken[i] = True
    # 2a. an interview's repeated turn label ("Nguyen: ...") that is a word of a person the article names
    cands += _turn_persons(doc, cands, taken)
    # 2b. a name the model cut: "Zubair" + PERSON "Motiwala", PERSON "Sher Mohammad Abbas" + "Stanikzai",
    # "Nasir" + NORP "Baloch" (a tribal name as surname), NORP "Shazia" + "Marri"
    for c in cands:
        if c.gazetteer or c.label not in ("PERSON", "NORP") or c.end - c.start > 3:
            continue
        lo, hi = c.start, c.end
        while lo > 0 and _one_word(doc, c.start, c.end) and c.start - lo < 1 and _name_part(doc, lo - 1, taken, True):
            lo -= 1  # only a lone surname gets its first name ("Brad Holm" is whole: "City Attorney" stays out)
        while hi < len(doc) and hi - c.end < 1 and _name_part(doc, hi, taken, False):
            hi += 1
        if (lo, hi) == (c.start, c.end):
            continue
        if c.label == "NORP" and (hi - lo < 2 or (doc[c.start].is_sent_start and lo == c.start)):
            continue
        taken[lo:hi] = True
        c.start, c.end, c.label = lo, hi, "PERSON"
    orths = doc.to_array(ORTH)
    # 2c. a tribal name the gazetteer or the model holds as NORP is the surname of the name before it:
    # PERSON "Mumtaz Zahra" + "Baloch", "Nasir" + "Baloch"
    cands = _join_surname_norps(doc, cands, taken)
    # 2d. "Ministry of Commerce", "Department of Immigration and Passports": one ORG the model cut or missed
    cands = _bodies_of(doc, cands, taken, numpy.flatnonzero(numpy.isin(orths, _BODY_OF_HASHES)).tolist())
    cands = _official_names(doc, cands, taken)  # "Ministry of Health" (just joined) + "of Peru"
    # 2e. "Western officials": an adjective of a bloc the model leaves out, before a common noun
    for i in numpy.flatnonzero(numpy.isin(orths, _ADJECTIVE_NORP_HASHES)).tolist():
        if i + 1 < len(doc) and not taken[i] and doc[i + 1].pos_ == "NOUN" and doc[i + 1].is_lower:
            cands.append(_Cand(i, i + 1, "NORP", False))
            taken[i] = True
    # 2f. "Kech district", "Sistan-Baluchestan province", "the town of Mand", "the Gabd crossing"; a brief's place labels
    cands = _places(doc, cands, taken, numpy.flatnonzero(numpy.isin(lowers, _PLACE_HASHES)).tolist())
    cands = _brief_places(doc, cands, taken, surnames)
    cands.sort(key=lambda c: c.start)
    # 3. a byline: "By Hina Baloch & Ali Khan"
    for c in _byline(doc):
        cands = [x for x in cands if x.end <= c.start or x.start >= c.end]
        cands.append(c)
    cands.sort(key=lambda c: c.start)
    # 4. model names in a title-case headline are kept only when the body names them too
    seen_texts: dict[str, int] = {}
    for c in cands:
        key = doc[c.start : c.end].text
        seen_texts[key] = seen_texts.get(key, 0) + 1
    out: list[_Cand] = []
    has_sents = doc.has_annotation("SENT_START")
    people = {doc[c.start : c.end].text for c in cands if c.label == "PERSON"}
    for c in cands:
        if c.label == "ORG" and not c.gazetteer and c.end - c.start >= 2 and (
                doc[c.start : c.end].text in people
                or (c.start > 0 and doc[c.start - 1].lower_ in TITLES and doc[c.start - 1].is_lower)):
            # "says former envoy Farzana Qazi" (the article's PERSON elsewhere, or after a lower-case title)
            c.label = "PERSON"
        if has_sents and not c.gazetteer and not c.sure and c.label in ("ORG", "FAC", "LOC") and seen_texts[doc[c.start : c.end].text] == 1 \
                and _is_title_case_line(doc[c.start].sent):
            continue
        if not c.gazetteer and any(t.like_num for t in doc[c.start:c.end]) and any(
                t.lower_.rstrip(".") in MONTHS for t in doc[c.start:c.end]):
            continue  # "Mar 2" of a dateline: a date, not a name
        if c.label == "ORG" and not c.gazetteer and c.end - c.start == 1 and _bare_place_object(doc, c.start):
            c.label = "GPE"  # "a teacher in Hyderabad", "ballots in Thatta": a town the model took for an ORG
        if c.label == "FAC" and not c.gazetteer and any(t.lower_ in ORG_NOT_FAC for t in doc[c.start : c.end]):
            c.label = "ORG"  # "Centre for Peace Studies", "Jinnah Postgraduate Medical Centre"
        if c.label == "ORG" and not c.gazetteer and (doc[c.end - 1].lower_ in _ROLE_WORDS or (
                _office_of(doc, c.start, c.end))) and not _office_body(doc, c.start, c.end):
            continue  # "National Security Adviser" is a job, not an organisation
        if c.end - c.start == 1 and not c.gazetteer and not c.sure and c.label == "ORG" and doc[c.start].tag_ in ("NNS", "NNPS") \
                and (doc[c.start].is_sent_start or doc[c.start - 1].is_quote) and not doc[c.start].is_upper:
            continue  # "“Operations will continue ...”": a plural noun opening a sentence
        prev = out[-1] if out else None
        # 5. "Khyber" + "Chamber of Commerce" -> one ORG
        if prev is not None and c.label == "ORG" and not c.gazetteer and prev.end == c.start \
                and (prev.label in ("GPE", "NORP") or (prev.label == "ORG" and not prev.gazetteer
                                                        and not doc[prev.end - 1].whitespace_.count("\n"))) \
                and doc[c.start].is_title:
            out[-1] = _Cand(prev.start, c.end, "ORG", False)
            continue
        out.append(c)
    return _decided_once(doc, _consistent(doc, _sixth(doc, out)))


def _evidence(doc: Doc, cands: list[_Cand], taken: numpy.ndarray) -> list[_Cand]:
    """Classes of error of the small model on names it has not seen, each fixed on evidence a reader uses: the
    words around the name (a ship's type before it, "in" before a place, "X's government", an apposition with a
    role), the name's own shape (a company's last word, a surname ending, a plural group after "the") and the
    official-name patterns the model cuts short. Labels given here are ``sure``: other mentions follow them."""
    n = len(doc)
    keep: list[_Cand] = []
    split: list[_Cand] = []
    for c in cands:
        commas = [t.i for t in doc[c.start + 1 : c.end - 1] if t.text == ","]
        if commas and not c.gazetteer:  # "the mayor of Cluj, Emil Boc": two names the model ran together
            bounds = [c.start, *commas, c.end]
            split += [_Cand(a + (a != c.start), b, c.label, False) for a, b in itertools.pairwise(bounds)]
            taken[commas] = False
        else:
            split.append(c)
    cands = split
    # words of the model's full person names ("Maia Sandu"): "Sandu's government" is hers, not a country's
    lone_persons = {doc[c.start].text for c in cands if c.label == "PERSON" and c.end - c.start == 1}
    person_words = {t.text for c in cands if c.label == "PERSON" and c.end - c.start >= 2 for t in doc[c.start:c.end]}
    for c in cands:
        span = doc[c.start : c.end]
        first, last, size = doc[c.start], doc[c.end - 1], c.end - c.start
        prev = doc[c.start - 1] if c.start > 0 else None
        nxt = doc[c.end] if c.end < n else None
        if nxt is not None and nxt.is_title and nxt.lower_ in INSTRUMENT_HEADS and c.label in ("GPE", "LOC", "NORP") \
                and "\n" not in last.whitespace_:
            continue  # "the 1991 Almaty Declaration": a document's name, not the place
        if c.gazetteer:
            keep.append(c)
            continue
        while c.end - c.start > 1 and doc[c.end - 1].is_lower and doc[c.end - 1].is_alpha \
                and doc[c.end - 1].lower_ in ORG_AFTER_NAME:
            taken[c.end - 1] = False  # "Georgian Dream party": the name is "Georgian Dream"
            c.end -= 1
        span, last, size = doc[c.start : c.end], doc[c.end - 1], c.end - c.start
        nxt = doc[c.end] if c.end < n else None
        if is_section_label(span.text):
            continue  # "PRESS RELEASE", "LIVE UPDATES": a form's label, not a name
        if prev is not None and prev.lower_ in VESSEL_WORDS and prev.is_lower and c.label != "NORP":
            continue  # "the cargo ship Marisol": a ship (PRODUCT), none of the six labels
        if first.is_upper and first.lower_ in TIME_ZONES and all(t.is_space for t in span[1:]):
            continue  # "14:30 CET"
        if size == 1 and c.label in ("LOC", "GPE") and first.lower_ in COMPASS_WORDS:
            continue  # "the North" for a country the article names
        if size == 1 and c.label == "ORG" and first.lower_ in GENERIC_BODIES and prev is not None \
                and prev.lower_ == "the":
            continue  # "the Government has allocated": a capitalised common noun
        if c.label == "PERSON" and size >= 3 and any(t.lower_ == "of" for t in span[1:-1]):
            k = next(t.i for t in span[1:-1] if t.lower_ == "of")  # "Thalassa Tankers of Piraeus": no person
            keep.append(_Cand(c.start, k, "ORG", False, True))
            if all(t.is_title and t.is_alpha for t in doc[k + 1 : c.end]):
                keep.append(_Cand(k + 1, c.end, "GPE", False, True))
            else:
                taken[k + 1 : c.end] = False
            taken[k] = False
            continue
        if size == 1 and c.label != "PERSON" and nxt is not None and not taken[c.end] and nxt.is_title \
                and nxt.is_alpha and _surname_shape(nxt.lower_) and first.is_title and first.is_alpha \
                and "\n" not in first.whitespace_:
            c.end, c.label, c.sure = c.end + 1, "PERSON", True  # "Dragan" + "Petrović": the model cut the name
            taken[c.start : c.end] = True
            keep.append(c)
            continue
        if c.label in ("PERSON", "GPE", "NORP", "LOC") and prev is not None and prev.is_lower \
                and prev.lower_ in ORG_BEFORE_NAME and all(t.is_title or t.is_upper for t in span) \
                and not (size == 1 and first.text in person_words):
            c.label, c.sure = "ORG", True  # "the state energy firm Petros", "the rebel group M23"
            keep.append(c)
            continue
        if c.label in ("PERSON", "LOC") and nxt is not None and nxt.is_lower and nxt.lower_ in ORG_AFTER_NAME \
                and (c.label == "LOC" or nxt.lower_ in _ARMED_OR_ALLIED) \
                and prev is not None and prev.lower_ == "the" and not (size == 1 and first.text in person_words):
            c.label, c.sure = "ORG", True  # "the Fano militia", "the Viv Ansanm coalition"
            keep.append(c)
            continue
        if c.label == "PERSON" and prev is not None and prev.lower_ in ("known", "nicknamed", "alias"):
            c.sure = True  # "known as Barbecue": a nickname is the person's
        elif c.label != "PERSON" and c.start > 1 and doc[c.start - 2].lower_ in ("known", "nicknamed") \
                and prev is not None and prev.lower_ == "as" and (any(
                    x.label == "PERSON" and c.start - 10 < x.end <= c.start - 2 for x in cands)
                    or (c.start > 3 and doc[c.start - 3].text == "," and doc[c.start - 4].is_title and not any(
                        x.label != "PERSON" and x.start <= c.start - 4 < x.end for x in cands))):
            c.label, c.sure = "PERSON", True  # "Jimmy Chérizier, known as Barbecue"
            keep.append(c)
            continue
        if c.label == "PERSON" and prev is not None and prev.lower_ in ("to", "from") and prev.head.i != c.start \
                and prev.head.lemma_.lower() in MOTION_WORDS and all(t.is_title for t in span) \
                and not any(t.text in _words_of_other_persons(doc, cands, c) for t in span) \
                and not (nxt is not None and nxt.lower_ in ("'s", "’s")):
            c.label, c.sure = "GPE", True  # "flights to Siem Reap", "fled from Kidal"
            keep.append(c)
            continue
        if c.label == "NORP" and prev is not None and prev.lower_ == "in" and span.root.dep_ == "pobj" \
                and not (nxt is not None and nxt.pos_ == "NOUN"):
            c.label, c.sure = "GPE", True  # "the militia in Amhara": nobody is "in" a nationality
            keep.append(c)
            continue
        if c.label != "ORG" and size >= 2 and last.is_title and last.lower_ in COMPANY_HEADS:
            c.label, c.sure = "ORG", True  # "Thalassa Tankers", "Andes Mining"
        elif c.label in ("PERSON", "GPE") and all(t.is_title for t in span) and not (
                size == 1 and first.text in person_words) and _apposition_kind(doc, c.end) == "ORG":
            c.label, c.sure = "ORG", True  # "Boko Haram, the jihadist group", "Aspides, the EU's naval mission"
        elif c.label in ("PERSON", "ORG", "NORP") and all(t.is_title for t in span) and not (
                size == 1 and first.text in person_words) and not any(t.lower_ in _ORGISH for t in span) \
                and _apposition_kind(doc, c.end) == "GPE":
            c.label, c.sure = "GPE", True  # "Wad Madani, the capital of Gezira state"
        elif c.label == "PERSON" and size == 1 and first.text.endswith("s") and prev is not None \
                and prev.lower_ == "the" and first.dep_ != "compound" and first.is_title:
            c.label, c.sure = "ORG", True  # "the Houthis": a plural group, not a person
        elif c.label != "PERSON" and 2 <= size <= 3 and all(t.is_title and t.is_alpha for t in span) \
                and not any(t.lower_ in _ORGISH for t in span) and (
                    _surname_shape(last.lower_) or _apposition_role(doc, c.end) or last.text in lone_persons):
            c.label, c.sure = "PERSON", True  # "Milan Radosavljević"; "Arben Krasniqi, the interior minister"
        elif c.label in ("PERSON", "ORG") and (size == 1 or (prev is not None and prev.lower_ == "near")) \
                and (c.label == "PERSON" or size > 1) and prev is not None and prev.lower_ in ("in", "near") \
                and first.is_title \
                and not (c.start > 1 and doc[c.start - 2].lower_ in _NOT_PLACE_BEFORE_IN) \
                and all(t.is_title and t.pos_ == "PROPN" for t in span) and not any(t.lower_ in _ORGISH for t in span) \
                and span.root.dep_ == "pobj" and not (nxt is not None and (nxt.lower_ in ("'s", "’s")
                                                                           or nxt.lower_ in INSTITUTION_WORDS)) \
                and first.lower_ not in ORG_NOT_PLACE \
                and not (size == 1 and first.text in person_words) \
                and not (nxt is not None and nxt.is_lower and nxt.pos_ == "NOUN"):
            c.label, c.sure = "GPE", True  # "talks in Cotonou", "fighting near Gao"
        elif c.label == "GPE" and prev is not None and prev.lower_ in ("in", "near") and span.root.dep_ == "pobj":
            c.sure = True  # the model's place where the words say place: its other mentions follow ("El Fasher")
        elif c.label == "PERSON" and nxt is not None and nxt.lower_ in ("'s", "’s") and c.end + 1 < n \
                and doc[c.end + 1].lower_ in STATE_NOUNS and not (size == 1 and first.text in person_words):
            c.label, c.sure = "GPE", True  # "Benin's government"
        keep.append(c)
    keep += _untagged_appositions(doc, taken)
    keep += _untagged_named_groups(doc, taken)
    keep += _coordinated_places(doc, keep, taken)
    keep += _dateline_agencies(doc, taken)
    keep.sort(key=lambda c: c.start)
    keep = _official_names(doc, keep, taken)
    keep = _geo_names(doc, keep, taken)
    return _acronym_groups(doc, keep, taken)


#: "faith in Lula", "a stake in Musk": after these "in" takes a person, not a place
_NOT_PLACE_BEFORE_IN = frozenset({"belief", "believe", "confidence", "faith", "interest", "role", "stake", "trust"})
_ARMED_GROUP_NOUNS = frozenset({"fighters", "guerrillas", "insurgents", "militants", "militia", "militiamen", "rebels"})
#: "the Fano militia" names a group, "the Sharif party" a person's party (the name stays a PERSON)
_ARMED_OR_ALLIED = frozenset({"alliance", "cartel", "coalition", "gang", "militia", "network"})
#: ", the capital of Gezira state", ", a town near the border": the name before is a place
_PLACE_APPOS = frozenset({"capital", "city", "town", "village", "villages", "port", "stronghold", "hub", "suburb",
                          "district", "province", "region", "county"})
#: the model's dates, times and numbers: a rule never takes their words for a name (its PRODUCT or EVENT it may)
_COUNTED = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
_NOT_ACRONYMS = frozenset({"ai", "ceo", "pm", "am", "tv", "ok", "id", "vip"})


def _surname_shape(word: str) -> bool:
    """A surname ending ("-ović", "-yan", "-shvili") on a word longer than the ending itself ("Sky" is no surname)."""
    return any(word.endswith(e) and len(word) >= len(e) + 3 for e in SURNAME_ENDINGS)


def _untagged_named_groups(doc: Doc, taken: numpy.ndarray) -> list[_Cand]:
    """"the Viv Ansanm coalition", "a Ceped"-style name after "think tank": a capitalised run the model left out,
    between "the" and a lower-case noun for a group, or right after a noun for a body, is an ORG."""
    out: list[_Cand] = []
    n = len(doc)
    for i in numpy.flatnonzero(numpy.isin(doc.to_array(LOWER), _GROUP_NOUN_HASHES)).tolist():
        t = doc[i]
        low = t.lower_
        if t.is_lower and low in ORG_AFTER_NAME and t.i > 1:
            a = t.i
            while a > 0 and t.i - a < 3 and not taken[a - 1] and doc[a - 1].is_title and doc[a - 1].pos_ == "PROPN" \
                    and doc[a - 1].ent_type_ not in _COUNTED \
                    and doc[a - 1].lower_ not in TITLES:
                a -= 1
            if a < t.i and a > 0 and doc[a - 1].lower_ in ("the", "'s", "’s"):  # "Orbán's Fidesz party"
                out.append(_Cand(a, t.i, "ORG", False, True))
                taken[a : t.i] = True
        elif t.is_lower and low in ORG_BEFORE_NAME and t.i + 1 < n and not taken[t.i + 1]:
            b = t.i + 1
            while b < n and b - t.i <= 3 and not taken[b] and doc[b].is_title and doc[b].pos_ == "PROPN" and doc[b].ent_type_ not in _COUNTED \
                    and doc[b].lower_ not in TITLES and "\n" not in doc[b - 1].whitespace_:
                b += 1
            if b > t.i + 1 and (b >= n or not doc[b].is_title):
                out.append(_Cand(t.i + 1, b, "ORG", False, True))
                taken[t.i + 1 : b] = True
    return out


def _coordinated_places(doc: Doc, cands: list[_Cand], taken: numpy.ndarray) -> list[_Cand]:
    """"sent to Medellín and Montería": a capitalised name the model left out, joined by "and"/"or" to a place,
    is a place too."""
    n = len(doc)
    out: list[_Cand] = []
    by_start = {c.start: c for c in cands}
    for c in cands:
        if c.label != "GPE":
            continue
        place_prep = c.start > 0 and doc[c.start - 1].lower_ in ("in", "near", "to", "from", "between")
        other = by_start.get(c.end + 1) if c.end + 1 < n and doc[c.end].lower_ in ("and", "or") else None
        if other is not None and place_prep and not other.gazetteer and other.end - other.start == 1 \
                and other.label in ("LOC", "PERSON", "ORG", "NORP") and doc[other.start].lower_ not in _ORGISH:
            other.label, other.sure = "GPE", True  # "ended in Kampala and Jinja"
            continue
        if c.end + 1 < n and doc[c.end].lower_ in ("and", "or"):
            a = b = c.end + 1
            while b < n and b - a < 3 and not taken[b] and doc[b].is_title and doc[b].pos_ == "PROPN" and doc[b].ent_type_ not in _COUNTED \
                    and doc[b].lower_ not in TITLES and "\n" not in doc[b - 1].whitespace_:
                b += 1
            if b > a and (b >= n or not (doc[b].is_title or doc[b].lower_ in ("'s", "’s"))):
                out.append(_Cand(a, b, "GPE", False, True))
                taken[a:b] = True
        if c.start > 1 and doc[c.start - 1].lower_ in ("and", "or") and doc[c.start - 2].lower_ not in ("'s", "’s"):
            b = a = c.start - 1
            while a > 0 and b - a < 3 and not taken[a - 1] and doc[a - 1].is_title and doc[a - 1].pos_ == "PROPN" \
                    and doc[a - 1].ent_type_ not in _COUNTED \
                    and doc[a - 1].lower_ not in TITLES and "\n" not in doc[a - 1].whitespace_:
                a -= 1
            if b > a and a > 0 and doc[a - 1].lower_ in ("in", "near", "to", "from", "between", "of"):
                out.append(_Cand(a, b, "GPE", False, True))
                taken[a:b] = True
    return out


def _dateline_agencies(doc: Doc, taken: numpy.ndarray) -> list[_Cand]:
    """"BOGOTÁ, 3 abr (EFE).-", "BELGRADE, Feb 2 (Beta) –": the agency in brackets after a dateline in capitals."""
    n = len(doc)
    out: list[_Cand] = []
    starts = [0] + [i + 1 for i in numpy.flatnonzero(doc.to_array(IS_SPACE)).tolist() if "\n" in doc[i].text]
    for a in starts:
        if a >= n or not (doc[a].is_upper and doc[a].is_alpha and len(doc[a]) > 2):
            continue
        for k in range(a + 1, min(n, a + 8)):
            if "\n" in doc[k - 1].whitespace_:
                break
            if doc[k].text == "(":
                b = k + 1
                while b < n and b - k <= 3 and doc[b].is_alpha and (doc[b].is_title or doc[b].is_upper
                                                                   or (doc[b].text[:1].islower() and len(doc[b]) <= 4)):
                    b += 1
                if k + 1 < b < n and doc[b].text == ")" and not taken[k + 1 : b].any():
                    out.append(_Cand(k + 1, b, "ORG", False, True))
                    taken[k + 1 : b] = True
                break
    return out


def _words_of_other_persons(doc: Doc, cands: list[_Cand], c: _Cand) -> set[str]:
    return {t.text for x in cands if x.label == "PERSON" and x is not c for t in doc[x.start : x.end]}


def _untagged_appositions(doc: Doc, taken: numpy.ndarray) -> list[_Cand]:
    """A name the model left out, known by its apposition: "Ana Torres, a member of the party, said ..." (PERSON,
    two or three words), "Aspides, the EU's naval mission" (ORG)."""
    out: list[_Cand] = []
    for k in numpy.flatnonzero(orths_eq(doc, ",")).tolist():
        a = k
        while a > 0 and k - a < 3 and not taken[a - 1] and doc[a - 1].is_title and doc[a - 1].is_alpha \
                and doc[a - 1].pos_ == "PROPN" and doc[a - 1].ent_type_ not in _COUNTED and doc[a - 1].lower_ not in TITLES \
                and doc[a - 1].lower_ not in MONTHS and "\n" not in doc[a - 1].whitespace_:
            a -= 1
            if doc[a].is_sent_start:
                break
        if a == k:
            continue
        kind = _apposition_kind(doc, k)
        before = doc[a - 2].lower_ if a > 1 and doc[a - 1].text == "," and doc[a - 2].is_lower else ""
        if kind is None and before:  # "a spokesman for the mission, Aspides, said"; "his lawyer, Ana Ruiz, said"
            kind = "ORG" if before in ORG_NOUNS else "PERSON" if before in APPOS_ROLES and k - a >= 2 else None
        if (kind == "PERSON" and k - a >= 2) or (kind in ("ORG", "GPE") and not doc[a].is_sent_start):
            out.append(_Cand(a, k, kind, False, True))
            taken[a:k] = True
    return out


def _apposition_role(doc: Doc, end: int) -> bool:
    """", a spokesman for ...", ", the mayor of ...", ", one of the organisers": a role right after the name."""
    return _apposition_kind(doc, end) == "PERSON"


def _apposition_kind(doc: Doc, end: int) -> str | None:
    """What the noun of an apposition right after a name makes it: PERSON for a role (", a spokesman for ...",
    ", one of the organisers"), ORG for a body (", the jihadist group", ", the peacekeeping force")."""
    n = len(doc)
    if end + 2 >= n or doc[end].text != ",":
        return None
    after = doc[end + 1].lower_
    if after == "who" or (after in APPOS_ROLES and doc[end + 2].lower_ in ("of", "for", "at")):
        return "PERSON"  # "Ilan Șor, who lives in Moscow", "Igor Dodon, leader of the party"
    if after not in ("a", "an", "the", "one", "his", "her", "its", "their", "deputy", "former"):
        return None
    for t in doc[end + 1 : min(n, end + 7)]:
        if t.text in (",", ".", ";") or "\n" in t.whitespace_:
            return None
        low = t.lower_
        if t.i + 1 < n and doc[t.i + 1].lower_ in ("'s", "’s"):
            continue  # "the city's mayor": the possessor is not the apposition's noun
        if low in APPOS_ROLES or (low.endswith("s") and low[:-1] in APPOS_ROLES):
            return "PERSON"
        if low in ORG_NOUNS:
            return "ORG"
        if low in _PLACE_APPOS and t.is_lower:
            return "GPE"
    return None


def _official_names(doc: Doc, cands: list[_Cand], taken: numpy.ndarray) -> list[_Cand]:
    """An official name the model cut short: "Ministry of Foreign Affairs" + "of the Republic of Armenia",
    "European Union Mission" + "in Armenia", "China" + "National Petroleum Corporation"."""
    n = len(doc)
    by_start = {c.start: c for c in cands}
    gone: set[int] = set()
    for c in cands:
        if id(c) in gone:
            continue
        if c.label == "ORG" and c.end + 1 < n:
            k = c.end
            part: _Cand | None = None
            caps = doc[c.start].is_upper and doc[c.end - 1].is_upper  # a header line in capitals
            if doc[k].lower_ in ("and", "&") and (doc[k + 1].is_upper if caps else doc[k + 1].is_title) \
                    and "\n" not in doc[k - 1].whitespace_:  # "Ministry of Foreign Affairs" + "and Trade"
                m = k + 1
                part = by_start.get(k + 1)  # "... and" + the model's ORG "Regional Integration"
                if part is not None and part.label == "ORG" and not part.gazetteer and part.end - part.start <= 3 \
                        and all(t.is_title or t.is_upper for t in doc[part.start : part.end]):
                    m = part.end
                while m < n and m - k <= 3 and (doc[m].is_upper if caps else doc[m].is_title) and doc[m].is_alpha \
                        and not taken[m] and "\n" not in doc[m - 1].whitespace_:
                    m += 1
                first_word = doc[c.start + (doc[c.start].lower_ == "the")].lower_
                if m + 1 < n and doc[m].lower_ == "of" and m > k + 1:
                    k = m
                elif m > k + 1 and first_word in OFFICIAL_HEADS and not any(
                        t.lower_ in TITLES or t.lower_ in RANKS for t in doc[k + 1 : m]) and (
                        m >= n or "\n" in doc[m - 1].whitespace_ or doc[m].is_space or doc[m].is_punct
                        or doc[m].is_lower):
                    c.end, c.sure, c.gazetteer = m, True, False  # "... AND INTERNATIONAL COOPERATION" ending its line
                    taken[k:m] = True
                    if part is not None and part.end <= m:
                        gone.add(id(part))
                    continue
            words_in = [t.lower_ for t in doc[c.start : c.end]]
            j = k + 1 + (doc[k + 1].lower_ == "the")
            place = by_start.get(j)
            if place is not None and place.label == "GPE" and "\n" not in doc[k - 1].whitespace_ and (
                    (doc[k].lower_ == "of" and (words_in[0] in OFFICIAL_HEADS or (
                        words_in[0] == "the" and len(words_in) > 1 and words_in[1] in OFFICIAL_HEADS)))
                    or (doc[k].lower_ == "in" and words_in[-1] in MISSION_HEADS and doc[k - 1].is_title)):
                c.end, c.sure, c.gazetteer = place.end, True, False
                gone.add(id(place))
                if part is not None and part.end <= place.start:
                    gone.add(id(part))
                taken[k : place.end] = True
                continue
        if c.label in ("GPE", "NORP") and c.end < n and "\n" not in doc[c.end - 1].whitespace_:
            j = c.end
            while j < n and j - c.end < 4 and doc[j].is_title and doc[j].is_alpha and not taken[j] \
                    and "\n" not in doc[j - 1].whitespace_:
                j += 1
            while j > c.end and doc[j - 1].lower_ not in COMPANY_HEADS and doc[j - 1].lower_ not in INSTITUTION_WORDS:
                j -= 1
            joined = c.start > 0 and doc[c.start - 1].text == "-"  # "Pakistan-Afghanistan Joint Chamber of ..."
            if not joined and not (j < n and doc[j].lower_ == "of") and (
                    j - c.end >= 2 or (j > c.end and doc[j - 1].lower_ in COMPANY_HEADS)):
                c.end, c.label, c.sure, c.gazetteer = j, "ORG", True, False  # "China National Petroleum Corporation"
                taken[c.start : j] = True
    return [c for c in cands if id(c) not in gone]


def _geo_names(doc: Doc, cands: list[_Cand], taken: numpy.ndarray) -> list[_Cand]:
    """"Niger River", "Rift Valley", "Lake Chad", "Mount Kenya": a natural feature is one LOC with its name, the
    country or city inside included."""
    n = len(doc)
    out: list[_Cand] = []
    by_start = {c.start: c for c in cands}
    for c in cands:
        if c.label in ("GPE", "LOC", "PERSON", "ORG", "NORP") and c.end < n and doc[c.end].is_title \
                and doc[c.end].lower_ in GEO_AFTER_HEADS and not doc[c.end].is_sent_start \
                and not (c.end + 1 < n and doc[c.end + 1].is_title and doc[c.end + 1].is_alpha):
            c.end, c.label, c.sure, c.gazetteer = c.end + 1, "LOC", True, False
            taken[c.start : c.end] = True
        out.append(c)
    heads = numpy.flatnonzero(numpy.isin(doc.to_array(LOWER), _GEO_BEFORE_HASHES)).tolist()
    for i in heads:
        if not doc[i].is_title or i + 1 >= n or not doc[i + 1].is_title or not doc[i + 1].is_alpha:
            continue
        j = i + 1
        while j < n and j - i <= 2 and doc[j].is_title and doc[j].is_alpha and "\n" not in doc[j - 1].whitespace_:
            j += 1
        inside = [c for c in out if c.start < j and i < c.end]
        if any(c.start < i or c.end > j for c in inside):
            continue
        out = [c for c in out if c not in inside]
        out.append(_Cand(i, j, "LOC", False, True))
        taken[i:j] = True
    del by_start
    out.sort(key=lambda c: c.start)
    return out


def _acronym_groups(doc: Doc, cands: list[_Cand], taken: numpy.ndarray) -> list[_Cand]:
    """"ELN rebels", "KFOR, the peacekeeping force": an acronym the model leaves out or mislabels is a group."""
    n = len(doc)
    by_start = {c.start: c for c in cands if c.end - c.start == 1}
    for i in numpy.flatnonzero(doc.to_array(IS_UPPER)).tolist():
        t = doc[i]
        if not (t.is_upper and t.text.isalnum() and t.text[0].isalpha() and 2 <= len(t) <= 8) \
                or t.lower_ in TIME_ZONES or t.lower_ in _NOT_ACRONYMS:
            continue  # "ELN", "M23"
        i = t.i
        group = i + 1 < n and doc[i + 1].lower_ in GROUP_NOUNS and doc[i + 1].is_lower
        appos = (i + 3 < n and doc[i + 1].text == "," and doc[i + 2].lower_ == "the"
                 and any(x.lower_ in ORG_NOUNS for x in doc[i + 3 : min(n, i + 7)]
                         if not x.is_punct))
        if not (group or appos):
            continue
        hit = by_start.get(i)
        if hit is not None:
            if not hit.gazetteer and (hit.label not in ("GPE", "NORP", "LOC", "FAC") or (
                    group and doc[i + 1].lower_ in _ARMED_GROUP_NOUNS)):  # "UK troops" but "M23 rebels"
                hit.label, hit.sure = "ORG", True
            continue
        if not taken[i]:
            cands.append(_Cand(i, i + 1, "ORG", False, True))
            taken[i] = True
    cands.sort(key=lambda c: c.start)
    return cands


def _consistent(doc: Doc, cands: list[_Cand]) -> list[_Cand]:
    """One name, one label across the article: a name labelled on evidence (the gazetteer, a context rule) gives its
    label to the model's other mentions of it, and to its untagged mentions when it is one proper noun."""
    sure: dict[str, set[str]] = {}
    for c in cands:
        if c.gazetteer or c.sure:
            sure.setdefault(doc[c.start : c.end].text, set()).add(c.label)
    if not sure:
        return cands
    places = {t for t, labs in sure.items() if labs <= {"GPE", "LOC"}}
    split: list[_Cand] = []
    for c in cands:  # "Tierralta and Montería" (one ORG of the model): two places when one of them is known
        ands = [t.i for t in doc[c.start + 1 : c.end - 1] if t.lower_ == "and"]
        if len(ands) == 1 and not c.gazetteer and not c.sure and (
                doc[c.start : ands[0]].text in places or doc[ands[0] + 1 : c.end].text in places):
            split += [_Cand(c.start, ands[0], "GPE", False, True), _Cand(ands[0] + 1, c.end, "GPE", False, True)]
        else:
            split.append(c)
    cands = split
    for c in cands:
        if c.gazetteer or c.sure:
            continue
        labels = sure.get(doc[c.start : c.end].text)
        if labels is not None and len(labels) == 1 and c.label not in labels:
            c.label = next(iter(labels))
    ruled = {doc[c.start : c.end].text for c in cands if c.sure and not c.gazetteer}
    single = {t: next(iter(labs)) for t, labs in sure.items() if len(labs) == 1 and " " not in t
              and t in ruled and t[:1].isupper() and len(t) > 2}
    if not single:
        return cands
    taken = numpy.zeros(len(doc) + 1, dtype=bool)
    for c in cands:
        taken[c.start : c.end] = True
    hashes = numpy.array([hash_string(x) for x in single], dtype="uint64")
    added = False
    for i in numpy.flatnonzero(numpy.isin(doc.to_array(ORTH), hashes)).tolist():
        t = doc[i]
        if not taken[i] and t.pos_ in ("PROPN", "NOUN", "ADJ") and t.is_title and not (i > 0 and doc[i - 1].text == "-") \
                and not (i + 1 < len(doc) and doc[i + 1].text == "-"):
            cands.append(_Cand(i, i + 1, single[t.text], False, True))
            added = True
    if added:
        cands.sort(key=lambda c: c.start)
    return cands


def _turn_persons(doc: Doc, cands: list[_Cand], taken: numpy.ndarray) -> list[_Cand]:
    """Turn labels "Name:" opening two lines or more, Name a word of a multi-word PERSON ("Nguyen Thi Lan"), are that
    person, whatever the tagger made of them."""
    turns: dict[str, list[int]] = {}
    for k in numpy.flatnonzero(orths_eq(doc, ":")).tolist():
        i = k - 1
        if i >= 0 and doc[i].is_title and doc[i].is_alpha and (i == 0 or "\n" in doc[i - 1].text_with_ws):
            turns.setdefault(doc[i].text, []).append(i)
    if not any(len(at) >= 2 for at in turns.values()):
        return []
    names = {t.text for c in cands if c.label == "PERSON" and c.end - c.start >= 2 for t in doc[c.start : c.end]}
    questions = form_lexicon().question_labels
    asked = any(len(at) >= 2 for w, at in turns.items() if w.lower() in questions)
    out: list[_Cand] = []
    for word, at in turns.items():
        if len(at) < 2 or word.lower() in questions or is_section_label(word):
            continue
        full = [c for c in cands if c.label == "ORG" and not c.gazetteer and 2 <= c.end - c.start <= 3
                and doc[c.end - 1].text == word and not any(t.lower_ in _ORGISH for t in doc[c.start : c.end])]
        if word in names or full or asked:  # "Amina Diallo" (the model's ORG) ... "Diallo: ..."; "Q:" ... "Yoon:"
            for c in full:
                c.label, c.sure = "PERSON", True
            for i in at:
                if not taken[i]:
                    out.append(_Cand(i, i + 1, "PERSON", False, True))
                    taken[i] = True
    return out


def _join_surname_norps(doc: Doc, cands: list[_Cand], taken: numpy.ndarray) -> list[_Cand]:
    by_end = {c.end: c for c in cands if c.label == "PERSON"}
    out: list[_Cand] = []
    dropped: set[int] = set()
    for c in cands:
        if c.label != "NORP" or c.end - c.start != 1 or doc[c.start].text not in SURNAME_NORPS or c.start == 0:
            continue
        gap = doc[c.start - 1].whitespace_
        if "\n" in gap or not gap:
            continue
        person = by_end.get(c.start)
        if person is not None:
            person.end = c.end
            dropped.add(id(c))
        elif _name_part(doc, c.start - 1, taken, True) and doc[c.start - 1].text not in SURNAME_NORPS:
            taken[c.start - 1] = True
            c.start, c.label, c.gazetteer = c.start - 1, "PERSON", False
    out = [c for c in cands if id(c) not in dropped]
    return out


def _bodies_of(doc: Doc, cands: list[_Cand], taken: numpy.ndarray, heads: list[int]) -> list[_Cand]:
    """``heads``: indices of the body heads ("Ministry") in the Doc."""
    n = len(doc)
    for i in heads:
        the = i + 3 < n and doc[i + 2].lower_ == "the" and doc[i + 3].is_title and doc[i].is_title \
            and doc[i + 3].lower_ not in TITLES  # "Office for the Coordination of ...", not "Office of the President"
        if i + 2 >= n or doc[i + 1].text not in ("of", "on", "for") or not (doc[i + 2].is_title or the):
            continue  # "Ministry of Commerce", "Commission on Human Rights", "Council for Peace"
        if doc[i + 1].text != "of" and not doc[i].is_title:
            continue
        j = i + 2 + the
        while j < n and ((doc[j].is_title and doc[j].is_alpha and doc[j].lower_ not in ("the",))
                         or (doc[j].text in ("and", "&") and j + 1 < n and doc[j + 1].is_title)
                         or (the and doc[j].text == "of" and j + 1 < n and doc[j + 1].is_title)):
            if "\n" in doc[j - 1].whitespace_:
                break
            j += 1
        while j > i + 2 and doc[j - 1].text in ("and", "&", "of"):
            j -= 1
        inside = [c for c in cands if c.start < j and i < c.end]
        # the model's name that ends at the head ("Human Rights Commission" | of Pakistan) is the body's first part
        head_part = [c for c in inside if not c.gazetteer and c.start < i and c.end == i + 1 and c.label == "ORG"]
        if any((c.gazetteer and (c.start <= i or c.label != "GPE")) or (c.start < i and c not in head_part)
               or c.end > j for c in inside):
            continue  # a known name, or a longer one the model found (a known country after "of" is the body's)
        lo, absorbed = _body_prefix(doc, cands, taken, i)
        lo = min([lo, *(c.start for c in head_part)])
        cands = [c for c in cands if c not in inside and c not in absorbed]
        cands.append(_Cand(lo, j, "ORG", False))
        taken[lo:j] = True
    cands.sort(key=lambda c: c.start)
    return cands


def _name_run(doc: Doc, at: int, step: int) -> tuple[int, int]:
    """Up to three capitalised words (hyphens inside) from ``at`` going left (step -1) or right (step 1)."""
    n, words, i, edge = len(doc), 0, at, None
    while 0 <= i < n and words < 3:
        t = doc[i]
        joined = t.text == "-" and not t.whitespace_ and i > 0 and not doc[i - 1].whitespace_
        if joined and edge is not None:
            i += step
            continue
        if not (t.is_title and t.is_alpha and t.pos_ in ("PROPN", "NOUN")) or t.lower_ in TITLES:
            break
        if edge is not None and "\n" in (t.whitespace_ if step < 0 else doc[i - 1].whitespace_):
            break
        edge, words = i, words + 1
        i += step
    if edge is None:
        return at, at
    return (edge, at + 1) if step < 0 else (at, edge + 1)


def _places(doc: Doc, cands: list[_Cand], taken: numpy.ndarray, heads: list[int]) -> list[_Cand]:
    """A place or crossing named by the word next to it; other mentions of the same name get the label too."""
    found: dict[str, str] = {}
    for i in heads:
        low = doc[i].lower_
        spans: list[tuple[int, int, str]] = []
        if (low in PLACE_HEADS or low in FACILITY_HEADS) and i > 0 and (low != "state" or doc[i].is_lower):
            a, b = _name_run(doc, i - 1, -1)
            if b > a and (doc[i].pos_ == "NOUN" or doc[i].is_lower or (a > 0 and doc[a - 1].lower_ in ("the", "a"))):
                spans.append((a, b, "FAC" if low in FACILITY_HEADS else "GPE"))
        if low in PLACE_OF_HEADS and i + 2 < len(doc) and doc[i + 1].lower_ == "of" and doc[i].pos_ == "NOUN":
            a, b = _name_run(doc, i + 2, 1)
            if b > a and not (b < len(doc) and doc[b].lower_ in PLACE_HEADS):
                spans.append((a, b, "GPE"))
        if low in FACILITY_NAME_HEADS and doc[i].is_title and i > 0 and not doc[i - 1].whitespace_.count("\n") and not (
                i + 1 < len(doc) and doc[i + 1].is_title and doc[i + 1].is_alpha):  # "Karachi Port Trust" is a body
            a, b = _name_run(doc, i - 1, -1)
            inside = [c for c in cands if c.start < i + 1 and a < c.end]
            if b > a and b == i and not any(c.start < a or c.end > i + 1 for c in inside) and all(
                    c.label in ("GPE", "LOC", "FAC") or not c.gazetteer for c in inside):
                cands = [c for c in cands if c not in inside]  # "Srinagar Highway": the road, not the city
                cands.append(_Cand(a, i + 1, "FAC", False))
                taken[a:i + 1] = True
                continue
        for a, b, label in spans:
            cands = _relabel(cands, taken, a, b, label)
            found.setdefault(doc[a:b].text, label)
    for c in cands:  # "Residents of Mand" after "the town of Mand"
        if not c.gazetteer and c.label == "PERSON" and doc[c.start : c.end].text in found:
            c.label = found[doc[c.start : c.end].text]
    single = {t: lab for t, lab in found.items() if " " not in t and "-" not in t}
    if single:
        hashes = numpy.array([hash_string(x) for x in single], dtype="uint64")
        for i in numpy.flatnonzero(numpy.isin(doc.to_array(ORTH), hashes)).tolist():
            t = doc[i]
            if not taken[i] and t.pos_ == "PROPN":
                cands.append(_Cand(i, i + 1, single[t.text], False))
                taken[i] = True
    return cands


def _line_labels(doc: Doc) -> list[tuple[int, int]]:
    """[a, b) of each 'Word(s):' opening a line and followed by text on the same line."""
    out: list[tuple[int, int]] = []
    n = len(doc)
    spaces = numpy.flatnonzero(doc.to_array(IS_SPACE)).tolist()
    starts = [0] + [i + 1 for i in spaces if i + 1 < n and "\n" in doc[i].text]
    for a in starts:
        b = a
        while b < n and b - a < 3 and doc[b].is_alpha and doc[b].is_title and not doc[b].whitespace_.count("\n"):
            b += 1
        if a < b < n - 1 and doc[b].text == ":" and "\n" not in doc[b].whitespace_ and not doc[b + 1].is_space:
            out.append((a, b))
    return out


def _brief_places(doc: Doc, cands: list[_Cand], taken: numpy.ndarray, surnames: set[str]) -> list[_Cand]:
    """A brief's items open with their place ("Dhaka: ...", "Mand: ..."): two such labels or more, none a turn of
    an interview (a "Q:" or a name the article gives a person), are places (GPE)."""
    labels = _line_labels(doc)
    if len(labels) < 2:
        return cands
    lex = form_lexicon()
    turns = lex.question_labels | lex.answer_labels
    texts = [doc[a:b].text for a, b in labels]
    if any(t.lower() in turns or t.split()[-1] in surnames for t in texts):
        return cands
    persons = {doc[c.start:c.end].text for c in cands if c.label == "PERSON"}
    for (a, b), t in zip(labels, texts, strict=True):
        if is_section_label(t) or any(t in p.split() or t == p for p in persons if p != t):
            continue
        cands = _relabel(cands, taken, a, b, "GPE")
    return cands


def _relabel(cands: list[_Cand], taken: numpy.ndarray, a: int, b: int, label: str) -> list[_Cand]:
    inside = [c for c in cands if c.start < b and a < c.end]
    if any(c.gazetteer or c.start < a or c.end > b for c in inside):
        return cands  # a known name, or a longer one ("Kurram Valley")
    if any(c.label in ("GPE", "FAC") or (c.label == "LOC" and c.gazetteer) for c in inside) and label == "GPE":
        return cands  # already a place: keep the model's kind of place
    cands = [c for c in cands if c not in inside]
    cands.append(_Cand(a, b, label, False, True))  # named by the word next to it: other mentions follow
    taken[a:b] = True
    return cands


_FACILITY_WORDS = frozenset(FACILITY_HEADS | FACILITY_NAME_HEADS | INSTITUTION_WORDS | ORG_NOT_FAC | {
    "base", "bridge", "building", "camp", "cathedral", "church", "embassy", "gate", "hall", "hospital", "hotel", "house",
    "market", "mosque", "museum", "palace", "park", "plaza", "prison", "square", "stadium", "station", "street",
    "temple", "terminal", "tower", "university", "avenue", "boulevard", "harbour", "harbor", "pier", "wharf", "zone"})
_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")
_PLACE_PREPS = frozenset({"in", "near", "outside", "around"})  # "to/from Jarinje" may be a crossing (FAC)


def _sixth(doc: Doc, cands: list[_Cand]) -> list[_Cand]:
    """Sixth round: classes of error seen on security and diplomacy news from Africa, the Middle East and Asia --
    the official name of a state or its government cut to the country, natural features and map lines taken for
    facilities, facilities with no facility word, all-caps datelines cut, a person as a title's speaker, a person
    the text calls "she"/"he", outlets, a nationality + lower-case body, trailing time words and a non-Latin word
    taken for a person. Each is a kind of evidence a reader uses (the words in and around the name, its script)."""
    n = len(doc)
    out: list[_Cand] = []
    for c in cands:
        first, last = doc[c.start], doc[c.end - 1]
        text = doc[c.start : c.end].text
        # a word in another script the model calls a person ("Зерно — не зброя", a chant): English news writes people
        # in Latin letters
        if c.label == "PERSON" and not c.gazetteer and not _LATIN.search(text):
            continue
        # "Republic of Türkiye", "Federal Democratic Republic of Ethiopia", "Federal Government of Somalia"
        if c.label == "GPE" and c.start >= 2 and doc[c.start - 1].lower_ == "of" \
                and doc[c.start - 2].lower_ in STATE_NAME_HEADS | GOVERNMENT_HEADS and doc[c.start - 2].is_title:
            head = c.start - 2
            lo = head
            while lo > 0 and doc[lo - 1].is_title and doc[lo - 1].is_alpha and doc[lo - 1].lower_ not in ("the", "a") \
                    and "\n" not in doc[lo - 1].whitespace_ and not (out and out[-1].end > lo - 1):
                lo -= 1
            label = "GPE" if doc[head].lower_ in STATE_NAME_HEADS else "ORG"
            if label == "ORG" and lo == head:
                out.append(c)  # "the Government of Pakistan" is the country; "the Federal Government of Somalia" a body
                continue
            if out and out[-1].start >= lo and out[-1].end > lo:
                out.pop()
            out.append(_Cand(lo, c.end, label, False, True))
            continue
        if not c.gazetteer:
            # "Mrauk-U hours before ...": a time word is not part of the name
            end = c.end
            while end - c.start > 1 and doc[end - 1].is_lower and doc[end - 1].lower_ in TIME_TAIL_WORDS:
                end -= 1
            if end != c.end:
                c = _Cand(c.start, end, c.label, c.gazetteer, c.sure)
                last = doc[c.end - 1]
            # "African Union" as GPE: a place word + a body word is a body
            if c.label in ("GPE", "LOC", "NORP") and c.end - c.start >= 2 and last.lower_ in _ORGISH_HEADS | {"union", "league"}:
                c.label, c.sure = "ORG", True
            # "Second Thomas Shoal", "Blue Line": a feature or a line on the map, not a facility or a town
            elif c.label in ("FAC", "GPE", "ORG") and c.end - c.start >= 2 and last.is_title \
                    and last.lower_ in FEATURE_TAIL_HEADS and not (c.label == "ORG" and last.lower_ == "line"):
                c.label, c.sure = "LOC", True
            # "near Bint Jbeil", "in Dire Dawa", "the Hiiraan region": a FAC with no facility word is a place
            elif (c.label == "FAC" and not any(t.lower_ in _FACILITY_WORDS for t in doc[c.start : c.end]) and (
                    (c.start > 0 and doc[c.start - 1].lower_ in _PLACE_PREPS)
                    or (c.end < n and doc[c.end].lower_ in PLACE_HEADS | {"region"}))) or (
                    c.label == "ORG" and c.end - c.start == 1 and c.start > 1 and doc[c.start - 1].text == ","
                    and c.end < n and doc[c.end].lower_ in ("and", ",") and out and out[-1].end == c.start - 1
                    and out[-1].label == "GPE"):
                c.label, c.sure = "GPE", True  # also "left Odesa, Chornomorsk and ...": a town in a list of towns
        # "the Amhara region": a people's name before "region"/"state" names the place
        if c.label == "NORP" and c.end - c.start == 1 and c.end < n and doc[c.end].lower_ == "region" \
                and c.start > 0 and doc[c.start - 1].lower_ == "the":
            c.label, c.sure = "GPE", True
        if not c.gazetteer:
            # "the Rada TV channel": a name + TV/Radio is an outlet
            if c.end < n and doc[c.end].lower_ in OUTLET_HEADS and (doc[c.end].is_upper or doc[c.end].is_title) \
                    and c.label in ("PERSON", "GPE", "NORP", "ORG") and c.end - c.start <= 2 and not doc[c.end - 1].whitespace_.count("\n"):
                c = _Cand(c.start, c.end + 1, "ORG", False, True)
            # "the Ukrainian navy": a nationality + lower-case body noun is the NORP alone
            if c.label == "ORG" and first.lower_ == "the" and c.end - c.start == 3:
                c = _Cand(c.start + 1, c.end, c.label, c.gazetteer, c.sure)
                first = doc[c.start]
            if c.label == "ORG" and c.end - c.start == 2 and first.is_title and last.is_lower \
                    and first.lower_.endswith(("an", "ese", "ish", "i", "ic", "sy", "ch")):
                c = _Cand(c.start, c.start + 1, "NORP", False)
            # "Fatima Ishag said she ...": a name the text calls she/he is a person
            if c.label in ("ORG", "GPE", "NORP") and 2 <= c.end - c.start <= 3 and all(
                    t.is_title and t.is_alpha for t in doc[c.start : c.end]) and c.end + 1 < n \
                    and doc[c.end].lower_ in ("said", "says", "told", "added") and doc[c.end + 1].lower_ in ("she", "he"):
                c.label, c.sure = "PERSON", True
        out.append(c)
    # an all-caps dateline the model cut: "PORT SUDAN, March 3" -> "SUDAN"; or missed: "N'DJAMENA, March 3"
    lines = [0] + [t.i + 1 for t in doc if "\n" in t.text_with_ws and t.i + 1 < n]
    by_end = {c.end: c for c in out}
    starts = {c.start for c in out}
    for s in lines:
        j = s
        while j < n and (doc[j].is_upper or (doc[j].text in ("'", "’", "-") and not doc[j].whitespace_)) and j - s < 5 \
                and "\n" not in doc[j].text:
            j += 1
        if j == s or j >= n - 1 or doc[j].text != "," or doc[j + 1].lower_.rstrip(".") not in MONTHS:
            continue
        if not any(sum(ch.isalpha() for ch in doc[k].text) > 1 for k in range(s, j)):
            continue
        hit = by_end.get(j)
        if hit is not None and hit.start >= s and (hit.start > s or not hit.gazetteer) \
                and hit.label in ("GPE", "LOC", "ORG", "PERSON", "NORP"):
            hit.start, hit.label, hit.sure, hit.gazetteer = s, "GPE", False, False  # "SUDAN" known, "PORT SUDAN" not
        elif hit is None and not any(s <= x < j for x in starts):
            out.append(_Cand(s, j, "GPE", False))
    # "the Chinese call the shoal Ren'ai Jiao": a name given to a feature noun is that feature
    feature_nouns = FEATURE_TAIL_HEADS | GEO_AFTER_HEADS | {"island", "islands", "mountain", "river", "lake"}
    for t in doc:
        i = t.i
        if t.lower_ in ("call", "calls", "called", "name", "names", "named") and i + 3 < n and doc[i + 1].lower_ == "the" \
                and doc[i + 2].lower_ in feature_nouns and doc[i + 3].text[:1].isupper():
            j = i + 3
            while j < n and j - i < 7 and (doc[j].text[:1].isupper() or (doc[j].text[:1] in ("'", "’") and not doc[j - 1].whitespace_)):
                j += 1
            out = [c for c in out if c.end <= i + 3 or c.start >= j]
            out.append(_Cand(i + 3, j, "LOC", False, True))
    # a title "Name Surname: ‘quote’": the speaker of the headline is a person
    if n > 4:
        colon = next((t.i for t in doc[:8] if t.text == ":"), None)
        if colon is not None and 2 <= colon <= 3 and colon + 1 < n and doc[colon + 1].is_quote \
                and all(t.is_title and t.is_alpha for t in doc[0:colon]):
            out = [c for c in out if c.end <= 0 or c.start >= colon]
            out.append(_Cand(0, colon, "PERSON", False, True))
    # the same person's later mention the model cut to the surname and mislabelled: "Teresa" + ORG "Villanueva"
    full = {tuple(t.text for t in doc[c.start : c.end]) for c in out if c.label == "PERSON" and c.sure
            and 2 <= c.end - c.start <= 3}
    for c in out:
        for name in full:
            k = len(name) - 1
            if c.label != "PERSON" and not c.gazetteer and c.end - c.start == 1 and doc[c.start].text == name[-1] \
                    and c.start >= k and tuple(t.text for t in doc[c.start - k : c.start]) == name[:-1]:
                c.start, c.label, c.sure = c.start - k, "PERSON", True
    out.sort(key=lambda c: c.start)
    return out


def _bare_place_object(doc: Doc, i: int) -> bool:
    """A lone title-case proper noun right after "in"/"near" with no determiner, not an institution's name."""
    t = doc[i]
    return (i > 0 and doc[i - 1].lower_ in ("in", "near") and t.is_title and t.pos_ == "PROPN"
            and t.dep_ == "pobj" and t.lower_ not in ORG_NOT_PLACE
            and not (i + 1 < len(doc) and doc[i + 1].lower_ in INSTITUTION_WORDS))


def _office_body(doc: Doc, start: int, end: int) -> bool:
    """"Office of the President", "Embassy of the Chief Minister": a body named after an office is a body."""
    if doc[start].lower_ == "the":
        start += 1
    return end - start > 2 and doc[start].lower_ in OFFICIAL_HEADS and doc[start + 1].lower_ == "of"


def _office_of(doc: Doc, start: int, end: int) -> bool:
    """'(the) Minister for Foreign Affairs', 'Secretary of State': an office, not an organisation."""
    if doc[start].lower_ == "the":
        start += 1
    return end - start > 2 and doc[start].lower_ in _ROLE_WORDS and doc[start + 1].lower_ in ("for", "of")


def _body_prefix(doc: Doc, cands: list[_Cand], taken: numpy.ndarray, i: int) -> tuple[int, list[_Cand]]:
    """Where a body name starting at head ``i`` really starts: "Pakistan-Afghanistan Joint | Chamber of Commerce"
    (capitalised words before it, and the places or peoples joined to them by hyphens or directly)."""
    lo = i
    while lo > 0 and (i - lo < 2 or (i - lo < 4 and doc[lo - 1].pos_ == "PROPN")) \
            and not taken[lo - 1] and (doc[lo - 1].is_title or (doc[lo - 1].is_upper and len(doc[lo - 1]) > 1)) \
            and doc[lo - 1].is_alpha \
            and "\n" not in doc[lo - 1].whitespace_ and doc[lo - 1].lower_ not in ("the", "a", "an"):
        lo -= 1  # up to four proper nouns: "Miyetti Allah Cattle Breeders | Association of Nigeria"
    if lo == i:
        return i, []
    by_end = {c.end: c for c in cands if c.label in ("GPE", "NORP")}
    absorbed: list[_Cand] = []
    for _ in range(3):
        prev = by_end.get(lo)
        if prev is not None and not doc[lo - 1].whitespace_.count("\n"):
            absorbed.append(prev)
            lo = prev.start
            if lo >= 2 and doc[lo - 1].text == "-" and not doc[lo - 1].whitespace_ and not doc[lo - 2].whitespace_:
                lo -= 1  # the hyphen of "Pakistan-Afghanistan": the place before it is next
                continue
        break
    if lo < len(doc) and doc[lo].text == "-":
        lo += 1
    return lo, absorbed


def _name_part(doc: Doc, i: int, taken: numpy.ndarray, before: bool) -> bool:
    """A capitalised proper noun no entity holds, not a title, on the same line as the name it joins."""
    t = doc[i]
    gap = t.whitespace_ if before else doc[i - 1].whitespace_
    office = before and i > 0 and doc[i - 1].lower_ in ("and", "of", "for", "&")  # "Commerce and Industry"
    return (not taken[i] and t.pos_ == "PROPN" and t.is_title and t.is_alpha and t.lower_ not in TITLES
            and "\n" not in gap and not office)


_CREDIT_WORDS = frozenset({"reporting", "editing", "writing", "additional"})


def _byline(doc: Doc) -> list[_Cand]:
    """Names on a "By ..." line in the first lines of the article, and in wire credits
    ("(Reporting by Farah Naz and Karim Shah; Editing by Tom Hale)")."""
    out: list[_Cand] = []
    starts = [t for t in doc[:80] if t.text == "By" and (t.i == 0 or "\n" in doc[t.i - 1].text_with_ws)][:1]
    bys = numpy.flatnonzero(doc.to_array(LOWER) == doc.vocab.strings["by"]).tolist()
    starts += [doc[i] for i in bys if i > 0 and doc[i - 1].lower_ in _CREDIT_WORDS]
    for tok in starts:
        run: list[int] = []
        where = False  # "Reporting by Omar Haddad in Aden and ...": the reporter's place is not part of the name
        for t in doc[tok.i + 1 : tok.i + 24]:
            if "\n" in t.text or (t.is_space and "\n" in t.text_with_ws):
                break
            if t.lower_ == "in" and run:
                out.append(_Cand(run[0], run[-1] + 1, "PERSON", False))
                run, where = [], True
                continue
            if where and t.text not in ("&", ",", "and", "|", ";", ")"):
                continue
            where = False
            if t.text in ("&", ",", "and", "|", ";", ")"):
                if run:
                    out.append(_Cand(run[0], run[-1] + 1, "PERSON", False))
                run = []
                if t.text in (";", ")"):
                    break
            elif t.is_title and t.is_alpha:
                run.append(t.i)
            else:
                run = []
                break
            if "\n" in t.whitespace_:
                break
        if run and len(run) <= 4:
            out.append(_Cand(run[0], run[-1] + 1, "PERSON", False))
    return [c for c in out if doc[c.start : c.end].text.lower() not in ("news desk", "staff reporter", "our correspondent")]


def doc_entities(doc: Doc, ignored: Sequence[Span] = (), origin: str = "model") -> list[Entity]:
    """The guideline-conform entities of a processed Doc, sorted, without overlaps."""
    out: list[Entity] = []
    last_end = -1
    for cand in _candidates(doc):
        label = cand.label
        src = "rule" if cand.gazetteer else origin
        ent = doc[cand.start : cand.end]
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
            if label != "PERSON" and len(text) == 2 and text[0].isupper() and text[1] == ".":
                b -= 1  # "wrote on X.": the sentence's full stop is not the name's
                if i_prev_on(doc, start):
                    label = "ORG"
            if a < last_end or _inside_ignored(a, b, ignored):
                continue
            out.append(Entity(a, b, label, origin=src))
            last_end = b
    return out


def i_prev_on(doc: Doc, i: int) -> bool:
    """"posted on X": a one-letter name after "on" and a verb of writing is a platform (ORG)."""
    return i > 1 and doc[i - 1].lower_ == "on" and doc[i - 2].lower_ in (
        "wrote", "posted", "said", "written", "post", "posts", "statement", "message", "writes", "tweeted")


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
    for person in sorted(set(persons), key=lambda n: (len(n.split()), len(n))):
        for word in person.split():
            if word[:1].isupper() and len(word) > 2:
                full_by_word[word] = person
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


# Seventh round (issue 16): entities decided once per article. Names the small model has never seen are labelled
# from their own words (a feature or facility noun after them, an agency, an office before them), kept whole
# (hyphen or en dash, a hyphenated surname), and every mention of a name then takes the label of its strongest
# evidence in the article: the gazetteer, then a head noun, then a context rule, then the model.
FEATURE_NOUNS = words("entity_evidence", "feature_nouns")
ROLE_TITLES = words("entity_evidence", "role_titles")
FACILITY_NOUNS = words("entity_evidence", "facility_nouns")
FACILITY_MODIFIERS = words("entity_evidence", "facility_modifiers")
AGENCY_WORDS = words("entity_evidence", "agency_words")
PREFIX_PARTICIPLES = words("entity_evidence", "prefix_participles")
SEA_OF_HEADS = words("entity_evidence", "sea_of_heads")
AT_PLACE_WORDS = words("entity_evidence", "at_place_words")
WORKS_NOUNS = words("entity_evidence", "works_nouns")
WORKS_MODIFIERS = words("entity_evidence", "works_modifiers")
_WORKS_HASHES = numpy.array(sorted(hash_string(w) for w in WORKS_NOUNS | FACILITY_NOUNS), dtype="uint64")
_JOINERS = ("-", "–")
_NAMED = frozenset({"GPE", "LOC", "FAC", "ORG", "NORP"})
#: "the X district": an administrative unit is a GPE ("region" and "area" also name natural regions: left out)
_ADMIN_HEADS = frozenset(PLACE_HEADS - {"area", "state"} | {"districts", "regency", "canton"})
_HEAD, _RULE, _MODEL = 3, 2, 1  # strength of a mention's evidence (the gazetteer is 4)


def _one_word(doc: Doc, start: int, end: int) -> bool:
    """[start, end) is one written word: one token, or pieces joined by hyphens with no space ("Kosiniak-Kamysz")."""
    if end - start == 1:
        return True
    return (end - start) % 2 == 1 and all(
        doc[k].text in _JOINERS and not doc[k].whitespace_ and not doc[k - 1].whitespace_ for k in range(start + 1, end, 2))


def _name_words(doc: Doc, start: int, end: int) -> list[str]:
    """The written words of a name, hyphenated pieces kept together."""
    out: list[str] = []
    for t in doc[start:end]:
        if out and (t.text in _JOINERS or doc[t.i - 1].text in _JOINERS) and not doc[t.i - 1].whitespace_:
            out[-1] += t.text
        else:
            out.append(t.text)
    return out


def _title_name(doc: Doc, start: int, end: int) -> bool:
    """Every piece of [start, end) a capitalised word (or a joining hyphen)."""
    return all(t.text in _JOINERS or (t.text[:1].isupper() and t.is_alpha) for t in doc[start:end])


def _name_key(doc: Doc, c: _Cand) -> str:
    """The name a mention writes, without a leading "the" or a possessive ("the Qandil", "Qandil's": "Qandil")."""
    a, b = c.start, c.end
    if b - a == 1:
        return doc[a].text
    if b - a > 1 and doc[a].lower_ == "the":
        a += 1
    if b - a > 1 and doc[b - 1].lower_ in ("'s", "’s"):
        b -= 1
    return doc[a:b].text


def _strength(c: _Cand) -> int:
    return 4 if c.gazetteer else _HEAD if c.head else _RULE if c.sure else _MODEL


def _decided_once(doc: Doc, cands: list[_Cand]) -> list[_Cand]:
    n = len(doc)
    cands = sorted(cands, key=lambda c: c.start)
    # 1. a name joined by a hyphen or an en dash is one name ("Kairagach–Patar"), a place joined to a known one not
    # ("Pakistan–Iran border")
    joined: list[_Cand] = []
    for c in cands:
        prev = joined[-1] if joined else None
        if prev is not None and prev.end + 1 == c.start and doc[prev.end].text in _JOINERS \
                and not doc[prev.end].whitespace_ and not doc[prev.end - 1].whitespace_ \
                and not prev.gazetteer and not c.gazetteer and _title_name(doc, prev.start, c.end) \
                and prev.label != "NORP" and c.label != "NORP":
            prev.end, prev.sure = c.end, prev.sure or c.sure
            continue
        if c.end + 1 < n and doc[c.end].text == "–" and not doc[c.end].whitespace_ and not doc[c.end - 1].whitespace_ \
                and not c.gazetteer and doc[c.end + 1].is_title and doc[c.end + 1].is_alpha \
                and not any(x.start == c.end + 1 for x in cands):
            c.end += 2  # "Kairagach–Patar" with the second piece untagged
        if c.start >= 2 and doc[c.start - 1].text == "–" and not doc[c.start - 1].whitespace_ \
                and not doc[c.start - 2].whitespace_ and not c.gazetteer and doc[c.start - 2].is_title \
                and doc[c.start - 2].is_alpha and not (prev is not None and prev.end > c.start - 2):
            c.start -= 2  # "Tacna–Arica" with the first piece untagged
        joined.append(c)
    cands = joined
    # 2. evidence from the name's own words
    keep: list[_Cand] = []
    bare: dict[str, str] = {}  # "Qandil" of "the Qandil mountains": its other mentions are that feature
    extra: list[_Cand] = []
    for c in cands:
        nxt = doc[c.end] if c.end < n else None
        nxt2 = doc[c.end + 1] if c.end + 1 < n else None
        if nxt is not None and nxt2 is not None and nxt.text == "-" and not nxt.whitespace_ \
                and not doc[c.end - 1].whitespace_ and nxt2.lower_ in PREFIX_PARTICIPLES:
            # "the Kenyan-led mission", "PKK-linked fighters": a compound adjective, not a name; the name it
            # qualifies may be one the model missed ("the Kenyan-led Multinational Security Support mission")
            a = b = c.end + 2
            while b < n and b - a < 5 and doc[b].is_title and doc[b].is_alpha and "\n" not in doc[b - 1].whitespace_:
                b += 1
            if b > a and b < n and doc[b].is_lower and doc[b].lower_ in MISSION_HEADS | ORG_NOUNS | ORG_AFTER_NAME \
                    and not any(x.start < b and a < x.end for x in cands):
                extra.append(_Cand(a, b, "ORG", False, True))
            continue
        if c.start >= 2 and doc[c.start - 1].lower_ == "of" and doc[c.start - 2].lower_ in SEA_OF_HEADS \
                and doc[c.start - 2].is_title and c.label in ("GPE", "LOC", "NORP", "PERSON", "ORG") \
                and _title_name(doc, c.start, c.end):
            lo = c.start - 2
            keep = [x for x in keep if x.end <= lo]
            c = _Cand(lo, c.end, "LOC", False, True)  # "the Gulf of Finland"
            c.head = True
            keep.append(c)
            continue
        if nxt is not None and nxt2 is not None and nxt.is_lower and nxt.lower_ in AGENCY_WORDS \
                and nxt2.lower_ == "agency" and _title_name(doc, c.start + (doc[c.start].lower_ == "the"), c.end):
            # "the Firat news agency", "the Karakoram news agency": this mention names the agency, even when the
            # gazetteer knows the word as a place or a people
            c.label, c.sure, c.head, c.gazetteer = "ORG", True, True, False
            keep.append(c)
            continue
        if c.gazetteer:
            keep.append(c)
            continue
        proper = _title_name(doc, c.start + (doc[c.start].lower_ == "the" and c.end - c.start > 1), c.end)
        if not proper or (c.label == "PERSON" and c.end - c.start > 1 and not _one_word(doc, c.start, c.end)):
            keep.append(c)
            continue
        if c.label != "PERSON" and c.end - c.start >= 3 and doc[c.start].lower_ in ROLE_TITLES \
                and doc[c.start].is_title and 2 <= len(_name_words(doc, c.start + 1, c.end)) <= 3 \
                and not any(t.lower_ in _ORGISH for t in doc[c.start : c.end]):
            c.start, c.label, c.sure = c.start + 1, "PERSON", True  # "Organiser Rūta Vaitkevičiūtė said"
        elif nxt is not None and nxt.is_lower and nxt.lower_ in FEATURE_NOUNS and "\n" not in doc[c.end - 1].whitespace_ \
                and not (nxt2 is not None and nxt2.is_title and nxt2.is_alpha):
            bare[_name_key(doc, c)] = "LOC"
            c = _Cand(c.start, c.end + 1, "LOC", False, True)  # "the Qandil mountains", "the Isfara river"
            c.head = True
        elif nxt is not None and nxt.is_lower and (nxt.lower_ in FACILITY_NOUNS or (
                nxt.lower_ in FACILITY_MODIFIERS and nxt2 is not None and nxt2.lower_ in FACILITY_NOUNS) or (
                c.label != "ORG" and nxt.lower_ in WORKS_MODIFIERS and nxt2 is not None and nxt2.is_lower
                and nxt2.lower_ in WORKS_NOUNS)):
            c.label, c.sure = "FAC", True  # "the Terehova road crossing", "the Kyzyl-Bel checkpoints"
            c.head = True
            plural = (nxt2 if nxt.lower_ in FACILITY_MODIFIERS else nxt)
            if plural is not None and plural.lower_.endswith("s") and keep:
                prev = keep[-1]  # "the Kairagach–Patar and Kyzyl-Bel checkpoints": both
                if prev.end + 1 == c.start and doc[prev.end].lower_ in ("and", ",", "or") and not prev.gazetteer \
                        and _title_name(doc, prev.start, prev.end):
                    prev.label, prev.sure = "FAC", True
                    prev.head = True
        elif c.label in ("ORG", "GPE", "PERSON") and doc[c.end - 1].lower_ in FACILITY_NAME_HEADS \
                and doc[c.end - 1].is_title and c.end - c.start >= 2 and not (nxt is not None and nxt.is_title):
            c.label, c.sure, c.head = "FAC", True, True  # "the Development Road": a road, bridge or port by name
        elif c.label in ("LOC", "ORG", "PERSON") and nxt is not None and nxt.is_lower \
                and nxt.lower_ in _ADMIN_HEADS:  # not a NORP: "the Yazidi district" is the people's
            c.label, c.sure, c.head = "GPE", True, True  # "the Intan Jaya district of Papua"
        elif c.end - c.start == 1 and doc[c.start].lower_.endswith("phone") and len(doc[c.start]) > 6 \
                and c.label != "NORP":
            c.label, c.sure = "NORP", True  # "Anglophone regions", "Francophone voters"
        keep.append(c)
    cands = keep + extra + _untagged_agencies(doc, keep) + _border_towns(doc, keep) + _untagged_works(doc, keep)
    cands.sort(key=lambda c: c.start)
    cands = _joined_names(doc, cands)
    # 3. a name in apposition to an office of several words: "The President of the Republic of X, Name Surname, ..."
    for c in cands:
        if c.label in ("ORG", "GPE", "NORP") and not c.gazetteer and not c.sure and c.start > 1 \
                and doc[c.start - 1].text == "," and c.end < n and doc[c.end].text == "," \
                and _title_name(doc, c.start, c.end) and 2 <= len(_name_words(doc, c.start, c.end)) <= 3 \
                and not any(t.lower_ in _ORGISH for t in doc[c.start : c.end]) and _office_before(doc, c.start - 1):
            c.label, c.sure = "PERSON", True
    # 4. one label per name: the strongest evidence among its mentions (a tie of different labels decides nothing;
    # the model's own labels are left as they are: a majority vote among them changed no figure on any gold set)
    best: dict[str, tuple[int, set[str]]] = {}
    keys = [_name_key(doc, c) for c in cands]
    for c, key in zip(cands, keys, strict=True):
        s = _strength(c)
        old = best.get(key)
        if old is None or s > old[0]:
            best[key] = (s, {c.label})
        elif s == old[0]:
            old[1].add(c.label)
    for key, label in bare.items():
        old = best.get(key)
        if old is None or old[0] < _HEAD:
            best[key] = (_HEAD, {label})
    for c, key in zip(cands, keys, strict=True):
        if c.gazetteer or c.head:
            continue  # a mention named by its own head noun keeps it ("the Mapuche news agency", "Mapuche farmers")
        s, labels = best.get(key, (0, set()))
        mine = _strength(c)
        if len(labels) != 1 or s <= mine:
            continue
        modifier = c.end < n and doc[c.end].is_lower and doc[c.end].pos_ == "NOUN"  # "the Isfara areas": its own
        if not modifier:
            label = next(iter(labels))
            if label != c.label and (mine == _MODEL or (label in _NAMED and c.label in _NAMED)):
                c.label = label
    return cands


def _office_before(doc: Doc, comma: int) -> bool:
    """An office of several capitalised words and "of"s ends at ``comma``, opened by a rank ("The President of the
    Republic of Kazakhstan,")."""
    i = comma - 1
    while i >= 0 and comma - i <= 10 and "\n" not in doc[i].whitespace_:
        t = doc[i]
        if t.lower_ in RANKS:
            return True
        if not (t.is_title or t.lower_ in ("of", "the", "for", "and")):
            return False
        i -= 1
    return False


def _untagged_agencies(doc: Doc, cands: list[_Cand]) -> list[_Cand]:
    """"quoted by the Zagros news agency": a capitalised name the model left out before "news agency" is an ORG."""
    out: list[_Cand] = []
    taken = {i for c in cands for i in range(c.start, c.end)}
    for i in numpy.flatnonzero(doc.to_array(LOWER) == doc.vocab.strings["agency"]).tolist():
        t = doc[i]
        if t.i < 2 or not doc[t.i - 1].is_lower or doc[t.i - 1].lower_ not in AGENCY_WORDS:
            continue
        b = t.i - 1
        a = b
        while a > 0 and b - a < 3 and a - 1 not in taken and doc[a - 1].is_title and doc[a - 1].is_alpha \
                and not doc[a - 1].is_sent_start and "\n" not in doc[a - 1].whitespace_:
            a -= 1
        if a < b:
            out.append(_Cand(a, b, "ORG", False, True))
    return out


def _border_towns(doc: Doc, cands: list[_Cand]) -> list[_Cand]:
    """"closed the border at Dajabón", "cross at X": a lone capitalised name after "at" near a word of the border is
    a town (the model's ORG or PERSON for it relabelled, a missed one added)."""
    out: list[_Cand] = []
    n = len(doc)
    by_start = {c.start: c for c in cands}
    taken = {i for c in cands for i in range(c.start, c.end)}
    lowers = doc.to_array(LOWER)
    preps = numpy.flatnonzero((lowers == doc.vocab.strings["at"]) | (lowers == doc.vocab.strings["off"])).tolist()
    for k in preps:
        t = doc[k]
        i = k + 1
        if i >= n or not doc[i].is_title or not doc[i].is_alpha:
            continue
        if t.lower_ == "at" and not any(doc[m].lower_ in AT_PLACE_WORDS for m in range(max(0, t.i - 3), t.i)):
            continue
        if t.lower_ == "off" and not (t.dep_ == "prep" and doc[i].dep_ == "pobj"):
            continue
        j = i + 1
        if j < n and (doc[j].is_title or doc[j].lower_ in ("'s", "’s")):
            continue
        hit = by_start.get(i)
        if hit is not None:
            if not hit.gazetteer and hit.end == j and hit.label in ("ORG", "PERSON", "NORP"):
                hit.label, hit.sure = "GPE", True
        elif i not in taken and doc[i].pos_ == "PROPN":
            out.append(_Cand(i, j, "GPE", False, True))
    return out


def _joined_names(doc: Doc, cands: list[_Cand]) -> list[_Cand]:
    """Names the model cut in two or left half out: "stations in Republika | Srpska" (a place + a lone word after a
    place preposition), "the villages of Ak-Sai and | Kok-Tash" (an untagged name joined to a place by "and"),
    "Organization for Security and Co-operation | in Europe" (an organisation "for" something "in" a region)."""
    n = len(doc)
    taken = numpy.zeros(n + 1, dtype=bool)
    for c in cands:
        taken[c.start : c.end] = True
    out: list[_Cand] = []
    for c in cands:
        prev = out[-1] if out else None
        if prev is not None and prev.end == c.start and not prev.gazetteer and not c.gazetteer \
                and prev.label in ("GPE", "LOC") and c.label in ("PERSON", "ORG") and prev.end - prev.start == 1 \
                and c.end - c.start == 1 and doc[prev.start].is_title and doc[c.start].is_title \
                and doc[prev.end - 1].whitespace_ == " " and prev.start > 0 \
                and doc[prev.start - 1].lower_ in _PLACE_PREPS | {"of", "from", "to"}:
            prev.end = c.end
            continue
        if prev is not None and c.label in ("GPE", "LOC") and not c.gazetteer and prev.label == "ORG" \
                and not prev.gazetteer and c.start == prev.end + 1 and doc[prev.end].lower_ == "in" \
                and doc[prev.start + (doc[prev.start].lower_ == "the")].lower_ in ("organization", "organisation") \
                and any(t.lower_ == "for" for t in doc[prev.start : prev.end]) and not (c.end < n and doc[c.end].is_title):
            prev.end, prev.sure = c.end, True
            continue
        if prev is not None and c.gazetteer and c.label in ("GPE", "LOC") and prev.label == "ORG" and not prev.gazetteer \
                and c.start == prev.end + 1 and doc[prev.end].lower_ == "in" \
                and doc[prev.start + (doc[prev.start].lower_ == "the")].lower_ in ("organization", "organisation") \
                and any(t.lower_ == "for" for t in doc[prev.start : prev.end]) and not (c.end < n and doc[c.end].is_title):
            prev.end, prev.sure = c.end, True
            continue
        out.append(c)
        if c.label == "GPE" and c.sure and c.end + 1 < n and doc[c.end].lower_ in ("and", "or") \
                and not taken[c.end + 1]:
            a = b = c.end + 1
            while b < n and b - a < 5 and not taken[b] and (
                    (doc[b].is_title and doc[b].is_alpha and doc[b].pos_ == "PROPN")
                    or (b > a and doc[b].text in _JOINERS and not doc[b].whitespace_ and not doc[b - 1].whitespace_)):
                b += 1
            if b > a and doc[b - 1].text not in _JOINERS and (b >= n or not doc[b].is_title) \
                    and "\n" not in doc[a:b].text:
                out.append(_Cand(a, b, "GPE", False, True))
                taken[a:b] = True
    return out


def _untagged_works(doc: Doc, cands: list[_Cand]) -> list[_Cand]:
    """"the Golovnoy water intake", "the Visviri checkpoint": a capitalised name the model left out between "the"
    and a facility noun (after a modifier for works and bases) is the facility."""
    out: list[_Cand] = []
    n = len(doc)
    taken = numpy.zeros(n + 1, dtype=bool)
    for c in cands:
        taken[c.start : c.end] = True
    for i in numpy.flatnonzero(numpy.isin(doc.to_array(LOWER), _WORKS_HASHES)).tolist():
        if not doc[i].is_lower or i < 2:
            continue
        b = i
        if doc[i - 1].is_lower and doc[i - 1].lower_ in WORKS_MODIFIERS | FACILITY_MODIFIERS:
            b = i - 1
        elif doc[i].lower_ not in FACILITY_NOUNS:
            continue
        a = b
        while a > 0 and b - a < 3 and not taken[a - 1] and doc[a - 1].is_title and doc[a - 1].is_alpha \
                and doc[a - 1].pos_ == "PROPN" and doc[a - 1].ent_type_ not in _COUNTED and "\n" not in doc[a - 1].whitespace_:
            a -= 1
        if a < b and a > 0 and doc[a - 1].lower_ == "the":
            out.append(_Cand(a, b, "FAC", False, True, True))
            taken[a:b] = True
    return out
