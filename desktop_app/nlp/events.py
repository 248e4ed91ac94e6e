"""Sentence-level event suggestions from the taxonomy's trigger lexicon and the parse.

A candidate is a token whose lemma (or, in title-case headlines, whose lowercase form)
is a trigger; it must pass the type's constraints (object, particle, governing verb,
modifier), must not be negated, hypothetical or the content of a request/intention
("urged X *to cooperate*", "plans to visit"), and a noun must not merely date another
clause ("during the talks").  One event per (sentence, type); actor and recipient are
taken from the subject and object and named canonically.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy
from spacy.attrs import LEMMA, LOWER, TAG
from spacy.strings import hash_string  # type: ignore[attr-defined]
from spacy.tokens import Doc, Token

from desktop_app.core.model import Arg, Entity, Event, Span
from desktop_app.core.taxonomy import EventType, Taxonomy
from desktop_app.nlp.form_lexicon import form_lexicon, is_section_label
from desktop_app.nlp.lexicons import word_tuples, words

NEGATIONS = words("events", "negations")
MODALS = words("events", "modals")
CONDITIONAL_MARKS = words("events", "conditional_marks")
#: the event below these words has not happened: it is asked for, intended, refused or conditional
BLOCKERS = words("events", "blockers")
TEMPORAL_PREPS = words("events", "temporal_preps")
#: "tensions over attacks", "questions on drone strikes": the noun is a topic, not a report
#: "the next round of talks", "a planned meeting": not (yet) happened
FUTURE_MODIFIERS = words("events", "future_modifiers")
FUTURE_PARTICIPLES = words("events", "future_participles")
TOPIC_PREPS = words("events", "topic_preps")
#: "after gunmen killed ...": a clause under these happened, whatever the sentence around it intends
FACTUAL_MARKS = words("events", "factual_marks")
#: "directors general of military operations": an office's of-phrase names the office, not an event
OFFICE_HEADS = words("events", "office_heads")
SUBJ_DEPS = frozenset({"nsubj", "csubj"})
OBJ_DEPS = frozenset({"dobj", "dative", "nsubjpass", "attr", "oprd"})
RECIPIENT_PREPS = frozenset({"against", "on", "at", "with", "to", "into", "upon", "between", "over"})
PRONOUNS_PERSON = frozenset({"he", "she", "him", "her"})
VERB_POS = frozenset({"VERB", "AUX"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
_BLOCKING_RELS = frozenset({"xcomp", "ccomp", "dobj", "pobj", "prep", "acl", "advcl", "relcl", "nsubj", "compound",
                            "acomp", "oprd"})
_NOUN_DEPS_OK = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "ROOT", "appos", "conj", "pobj", "oprd", "dep",
                          "npadvmod", "dative"})


def _inflections_of(lemmas: frozenset[str]) -> set[str]:
    return {f for w in lemmas for f in _inflections(w)}


def _inflections(lemma: str) -> set[str]:
    """Regular English forms, for headlines where the tagger sees "Urges" as a proper noun."""
    out = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing"}
    if lemma.endswith("e"):
        out |= {lemma[:-1] + "ing"}
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        out |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if len(lemma) > 2 and lemma[-1] not in "aeiouywx" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
        out |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return out


@dataclass
class _Candidate:
    type: str
    token: Token
    is_verb: bool
    headline: bool = False
    deontic: bool = False
    #: found by a mechanism that checked negation and modality itself; its parties are the clause's own
    checked: bool = False
    #: a noun under "after/during/amid ...": coded only on the first mention of its type ("after a month of clashes")
    time_ref: bool = False


#: "X must/should ..." reported from an official is a demand (REQUEST)
DEONTIC = words("events", "deontic")
#: verbs that end a sanction: its noun under them is not a new SANCTION ("lifted the ban")
UNDOING_VERBS = words("events", "undoing_verbs")
#: what a conditional threat promises ("we will respond", "would strike")
THREAT_RESPONSES = words("events", "threat_responses")
#: what a warning threatens: "warned that X would face consequences / an operation / strikes"
THREAT_CONSEQUENCES = words("events", "threat_consequences")
#: nouns that name a party a demand can be made of ("the Afghan side needs to act")
PARTY_NOUNS = words("events", "party_nouns")
#: "vowed to retaliate": these with a threatened response are a threat
VOW_VERBS = words("events", "vow_verbs")
#: "It was decided that the suspension would be lifted": a decision, not a hypothesis
DECISION_VERBS = words("events", "decision_verbs")
#: "released 15 traders detained in October": the detention is background to the release
RELEASE_VERBS = words("events", "release_verbs")
#: types whose past participle describing a noun is background ("the forces, supported by the people")
PARTICIPLE_BACKGROUND_TYPES = frozenset(w.upper() for w in words("events", "participle_background_types"))
#: blockers that, as verbs with a reported clause, report like "say" ("claimed it had killed 12 militants")
REPORTING_BLOCKERS = words("events", "reporting_blockers")
#: "a protest against the closure": the closure is the protest's topic
PROTEST_HEADS = words("events", "protest_heads")
#: generic heads: "anyone supporting them", "those attacking the posts" describe, they do not report
GENERIC_HEADS = words("events", "generic_heads")
#: "offered to fund a corridor", "pledged to send tents": an offer of aid is aid
OFFER_VERBS = words("events", "offer_verbs")
OFFER_TYPES = frozenset(w.upper() for w in words("events", "offer_types"))
#: "tried to march on parliament": an attempt that was made is reported
ATTEMPT_VERBS = words("events", "attempt_verbs")
#: "when Pakistan lifted the curbs": a past clause under these happened
FACTUAL_PAST_MARKS = words("events", "factual_past_marks")
#: "the curbs could return if attacks resume": a coercive measure promised on a condition
THREAT_RETURNS = words("events", "threat_returns")
THREAT_MEASURES = words("events", "threat_measures")
#: "I would ask both to ...", "we would urge": a request made politely, now
POLITE_REQUEST_SUBJECTS = words("events", "polite_request_subjects")
#: "which have long carried out attacks": a habit, not a report
HABITUAL_ADVERBS = words("events", "habitual_adverbs")
#: "marched on parliament to demand crop prices": what a protest is held for is demanded
PURPOSE_TYPES = frozenset(w.upper() for w in words("events", "purpose_types"))
GATHER_VERBS = words("events", "gather_verbs")
#: "Pakistan shelters militants", "has broken its promises": the wrong charged, its doer is the accused
CHARGED_VERBS = words("events", "charged_verbs")
PROTEST_DEED_VERBS = words("events", "protest_deed_verbs")
#: "militants it accuses of ...": a present-tense relative clause states a position of these types; of others
#: ("groups that attack civilians") it is generic
PRESENT_RELATIVE_TYPES = frozenset(w.upper() for w in words("events", "present_relative_types"))
NON_PROTESTERS = words("events", "non_protesters")
#: temporal prepositions after which an event is reported as past ("after a month of clashes"); others look ahead
PAST_TIME_PREPS = words("events", "past_time_preps")
_THREAT_HASHES = numpy.array(sorted(hash_string(w) for w in THREAT_RESPONSES | THREAT_CONSEQUENCES | THREAT_RETURNS | {"warn"}),
                             dtype="uint64")
#: verbs that make a reported demand like must/should ("they need to control terrorism")
DEONTIC_VERBS = words("events", "deontic_verbs")
_DEONTIC_HASHES = numpy.array(sorted(hash_string(w) for w in DEONTIC | _inflections_of(DEONTIC_VERBS)),
                              dtype="uint64")
SPEECH_VERBS = words("events", "speech_verbs")
#: fifth round: "the arrest of a local mayor" reports the arrest without a light verb
OF_NOUNS = words("events", "of_nouns")
#: "The others will be hit": force promised in a quotation or a reported statement
THREAT_FORCE_VERBS = words("events", "threat_force_verbs")
WARNED_PARTY_PRONOUNS = words("events", "warned_party_pronouns")
#: "called the attack reckless": a deed characterised as a wrong is an accusation
NAMING_VERBS = words("events", "naming_verbs")
PEJORATIVES = words("events", "pejoratives")
#: "These accusations are an insult": a charge dismissed is rejected
CHARGES = words("events", "charges")
DISMISSALS = words("events", "dismissals")
CLAIM_OBJECTS = words("events", "claim_objects")
ANNOUNCED_TYPES = frozenset(w.upper() for w in words("events", "announced_types"))
CARRIER_VERBS = words("events", "carrier_verbs")
BARE_PARTICLE_VERBS = words("events", "bare_particle_verbs")
_PARTY_ENTS = frozenset({"GPE", "ORG", "NORP", "PERSON"})
_MEASURE_ENTS = frozenset({"QUANTITY", "CARDINAL", "MONEY", "PERCENT", "ORDINAL"})
#: money from a person ("Steyer will give $15 million") is a donation, not aid
_GIVER_ENTS = frozenset({"GPE", "ORG", "NORP"})
_NAME_ENTS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT", "LANGUAGE",
                        "DATE", "TIME"})
#: "Aid Street", "Relief Camp Road": a trigger word that opens a place name
PLACE_HEADS = words("events", "place_heads")
#: "who were detained in 2019", "arrested two years ago": a past deed that only describes a person
BACKGROUND_RELATIVE_TYPES = frozenset(w.upper() for w in words("events", "background_relative_types"))
PAST_DATE_WORDS = words("events", "past_date_words")
#: "a general strike", "a teachers' strike": a labour strike needs no light verb to be reported
MARKED_NOUNS = {k: frozenset(v) for k, v in word_tuples("events", "marked_nouns").items()}
#: "garment workers strike in Phnom Penh": people who strike at work protest
STRIKERS = words("events", "strikers")
#: "will pay a heavy price", "will face the consequences": a penalty promised
PENALTY_VERBS = words("events", "penalty_verbs")
#: "allocated 450 million drams": money verbs of aid, and who can give it
MONEY_VERBS = words("events", "money_verbs")
GIVERS = words("events", "givers")
CURRENCIES = words("events", "currencies")
CROWDS = words("events", "crowds")
CROWD_VERBS = words("events", "crowd_verbs")
#: "rescue teams arrived": relief that arrives is its own subject
ARRIVAL_VERBS = frozenset({"arrive", "reach", "land", "enter"})
NOBODY = words("events", "nobody")
READY_HEADS = words("events", "ready_heads")
HOSTILE_ACTS = words("events", "hostile_acts")
REFUSED_VERBS = words("events", "refused_verbs")
WRONG_NOUNS = words("events", "wrong_nouns")
REFUSED_OBJECTS = words("events", "refused_objects")
GIFT_NOUNS = words("events", "gift_nouns")
ARMS_VERBS = words("events", "arms_verbs")
ARMS_GOODS = words("events", "arms_goods")
ARMS_NOT_PREPS = words("events", "arms_not_preps")
ARMS_SELF_MOVING = words("events", "arms_self_moving")
LISTING_VERBS = words("events", "listing_verbs")
JOINT_ADVERBS = words("events", "joint_adverbs")
_ROUND6_HASHES = numpy.array(sorted(hash_string(w) for w in HOSTILE_ACTS | REFUSED_VERBS | WRONG_NOUNS | GIFT_NOUNS
                                    | ARMS_GOODS | JOINT_ADVERBS | {"request", "list", "blacklist"}),
                            dtype="uint64")
_STATEMENT_HASHES = numpy.array(sorted(hash_string(w) for w in THREAT_FORCE_VERBS | NAMING_VERBS | DISMISSALS | PENALTY_VERBS
                                         | {"warn", "hesitate", "strike", "meet"}),
                                dtype="uint64")
#: "warned the rebels to leave" is a threat; "warned residents to stay indoors" is advice
WARNED_NOT_PARTIES = words("events", "warned_not_parties")
WARNED_PARTIES = words("events", "warned_parties")


#: issue 16 mechanisms (resources/lexicons/events.toml, "mechanisms" section)
CONTINUING_VERBS = words("events", "continuing_verbs")
CLOSURE_STATES = words("events", "closure_states")
DESIRE_VERBS = words("events", "desire_verbs")
NOT_IMPERATIVES = words("events", "not_imperatives")
YIELDING_TYPES = frozenset(w.upper() for w in words("events", "yielding_types"))
POSTURE_VERBS = words("events", "posture_verbs")
POSTURE_STATES = words("events", "posture_states")
EXERCISE_NOUNS = words("events", "exercise_nouns")
FORCE_WORDS = words("events", "force_words")
CLOSING_OBJECTS = words("events", "closing_objects")
STANCE_VERBS = words("events", "stance_verbs")
GIVING_VERBS = words("events", "giving_verbs")
AID_PURPOSES = words("events", "aid_purposes")
AID_RECIPIENTS = words("events", "aid_recipients")
_MECH_HASHES = numpy.array(sorted(hash_string(w) for w in CONTINUING_VERBS | DESIRE_VERBS | POSTURE_VERBS | EXERCISE_NOUNS
                                  | STANCE_VERBS | GIVING_VERBS | PEJORATIVES | {"not", "n't", "never", "as"}),
                           dtype="uint64")
_PREDICATE_SUBJECTS = frozenset({"it", "this", "that", "they", "he", "she", "these", "those"})
_FIRST_PERSON = frozenset({"we", "i"})
_VB_HASH = hash_string("VB")
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})

#: in a headline, a word after these is not the verb ("Against Further Strikes", "Agree to Extend")
_HEADLINE_NOT_VERB_AFTER = words("events", "headline_not_verb_after")


def _is_plain_title(sent: Any) -> bool:
    """The article's first line written in sentence case ("Rivals agree prisoner swap at Muscat talks"): a title the
    parser reads as a noun phrase."""
    if sent.start != 0 or not _own_line(sent):
        return False
    words = [t for t in sent if t.is_alpha]
    return len(words) >= 4 and sum(1 for t in words if t.is_lower) >= 2


def _is_headline(sent: Any) -> bool:
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and not any(t.text in (".", "!", "?") for t in sent[-2:]) and \
        sum(1 for t in words if t.is_title or t.is_upper) >= 0.7 * len(words)


class EventFinder:
    """Built once per taxonomy; :meth:`find` runs per Doc."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy
        self.verbs: dict[str, list[EventType]] = {}
        self.nouns: dict[str, list[EventType]] = {}
        self.forms: dict[str, str] = {}
        for t in taxonomy.types.values():
            for v in t.verbs:
                self.verbs.setdefault(v, []).append(t)
                for f in _inflections(v):
                    self.forms.setdefault(f, v)
            for n in t.nouns:
                self.nouns.setdefault(n, []).append(t)
                self.forms.setdefault(n, n)
        words = set(self.verbs) | set(self.nouns)
        self._lemma_hashes = numpy.array(sorted(hash_string(w) for w in words), dtype="uint64")
        self._form_hashes = numpy.array(sorted(hash_string(w) for w in self.forms), dtype="uint64")
        support = taxonomy.types.get("SUPPORT")
        self._support_nouns = frozenset(support.nouns) if support is not None else frozenset()
        self._mech_hashes = numpy.union1d(_MECH_HASHES, numpy.array(
            [hash_string(w) for w in self._support_nouns], dtype="uint64"))

    def _light_verbs(self, c: _Candidate) -> frozenset[str]:
        if c.is_verb:
            return frozenset()
        t = self.taxonomy.types[c.type]
        key = c.token.lemma_.lower()
        return t.noun_verbs.get(key) or t.noun_verbs.get(c.token.lower_) or frozenset()

    def multiword_triggers(self) -> list[str]:
        """Hyphenated triggers ("sit-in", "pull-out") the tokenizer must keep whole."""
        return sorted(w for w in set(self.verbs) | set(self.nouns) if "-" in w)

    # -- candidates -------------------------------------------------------------
    def _candidates(self, doc: Doc) -> list[_Candidate]:
        if not len(doc) or not self._lemma_hashes.size:
            return []
        arr = doc.to_array([LEMMA, LOWER, TAG])
        mask = numpy.isin(arr[:, 0], self._lemma_hashes) | numpy.isin(arr[:, 1], self._form_hashes)
        out: list[_Candidate] = self._deontic(doc, arr[:, 1]) if "REQUEST" in self.taxonomy.types else []
        if "THREATEN" in self.taxonomy.types:
            hits = numpy.flatnonzero(numpy.isin(arr[:, 0], _THREAT_HASHES)).tolist()
            if hits:
                out.extend(self._conditional_threats([doc[i] for i in hits]))
        hits = numpy.flatnonzero(numpy.isin(arr[:, 0], _STATEMENT_HASHES)).tolist()
        statements = self._statements([doc[i] for i in hits]) if hits else []
        out.extend(statements)
        hits = numpy.flatnonzero(numpy.isin(arr[:, 0], _ROUND6_HASHES) | numpy.isin(arr[:, 1], _ROUND6_HASHES)).tolist()
        if hits:
            out.extend(self._stances([doc[i] for i in hits]))
        hits = numpy.flatnonzero(numpy.isin(arr[:, :2], self._mech_hashes).any(axis=1)).tolist()
        if hits:
            out.extend(self._mechanisms([doc[i] for i in hits]))
        out.extend(self._imperatives(doc, numpy.flatnonzero(arr[:, 2] == _VB_HASH).tolist()))
        #: "garment workers strike": the verb is a protest, so it is no attack
        strikes = {c.token.i for c in statements if c.type == "PROTEST"}
        headlines: dict[int, bool] = {}
        plain_titles: dict[int, bool] = {}
        title_verbs: set[int] = set()
        for i in numpy.flatnonzero(mask).tolist():
            tok = doc[i]
            sent = tok.sent
            if sent.start not in headlines:
                headlines[sent.start] = _is_headline(sent)
            if headlines[sent.start]:
                found = self._headline_candidates(tok, sent)
                out.extend(found or self._headline_noun_candidates(tok, sent))
                continue
            if sent.start not in plain_titles:
                plain_titles[sent.start] = _is_plain_title(sent)
            if plain_titles[sent.start] and (tok.dep_ in ("amod", "compound") or tok.pos_ in VERB_POS):
                # a sentence-case title ("Rivals agree prisoner swap at Muscat talks"): its verb read by form and place
                found = self._headline_candidates(tok, sent) if tok.dep_ in ("amod", "compound") else []
                if not found and tok.pos_ in VERB_POS:
                    found = self._headline_noun_candidates(tok, sent, located=True)
                if found:
                    out.extend(found)
                    continue
            if i in title_verbs and tok.tag_ in ("VBD", "VBN"):
                continue  # "frees detained soldiers": the participle after a title's verb describes
            if tok.ent_type_ in _NAME_ENTS and tok.ent_iob_ != "O" and tok.pos_ not in VERB_POS:
                continue  # a word inside a name ("Sanctions Committee", "Operation Strike"; not "30 tonnes")
            if tok.ent_type_ in _MEASURE_ENTS and tok.ent_iob_ != "O" and tok.lower_ not in self.nouns and \
                    tok.lemma_.lower() not in self.nouns:
                continue  # "weighs 236 pounds": a measure, no verb
            if tok.is_title and i + 1 < len(doc) and doc[i + 1].is_title and doc[i + 1].lower_ in PLACE_HEADS:
                continue  # "Aid Street", "Talks Junction": a place name
            if i > 1 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_:
                continue  # the end of a compound adjective ("flood-hit families", "terror-hit areas")
            lemma = tok.lemma_.lower()
            pos = tok.pos_
            if tok.tag_ == "VBZ" and tok.dep_ == "amod" and i > sent.start and _own_line(sent):
                found = self._headline_candidates(tok, sent)  # a title "Government withdraws finance bill"
                if found:
                    out.extend(found)
                    continue
            if pos in VERB_POS or (pos in ("PROPN", "ADJ") and tok.is_title):
                key = lemma if lemma in self.verbs else self.forms.get(tok.lower_, "")
                if key in self.verbs and (pos in VERB_POS or tok.lower_ != key or key not in self.nouns):
                    out.extend(_Candidate(t.name, tok, True) for t in self.verbs[key] if self._verb_ok(t, key, tok))
                    continue
            if pos == "NOUN" and tok.dep_ == "compound" and tok.is_lower and i > sent.start and \
                    (doc[i - 1].is_title or doc[i - 1].ent_type_) and _own_line(sent):
                found = self._headline_candidates(tok, sent)  # a title "Houthis fire missiles at tanker": the verb
                if found:                                    # taken for a compound noun
                    out.extend(found)
                    continue
            if pos == "NOUN" and tok.tag_ == "NNS" and i > sent.start and doc[i - 1].ent_type_ and \
                    sent[-1].text not in (".", "!", "?", '"', "”") and self.forms.get(tok.lower_, "") in self.verbs:
                key = self.forms[tok.lower_]  # a title "UN appeals for aid": the tagger took the verb for a plural
                verbs = [_Candidate(t.name, tok, True) for t in self.verbs[key] if self._verb_ok(t, key, tok)]
                if not verbs and tok.dep_ == "nsubj" and _own_line(sent):
                    verbs = self._headline_candidates(tok, sent)  # "Cambodia frees detained Thai soldiers"
                if verbs:
                    out.extend(verbs)
                    title_verbs.add(i + 1)
                    continue
            if pos in NOUN_POS or (pos == "VERB" and tok.tag_ == "NNS"):
                key = lemma if lemma in self.nouns else tok.lower_
                if key in self.nouns or tok.lower_ in self.nouns:
                    key = tok.lower_ if tok.lower_ in self.nouns and key not in self.nouns else key
                    for t in self.nouns[key]:
                        ok = self._noun_ok(t, key, tok)
                        if ok:
                            out.append(_Candidate(t.name, tok, False, time_ref=ok == _TIME_REF))
        return [c for c in out if not (c.type == "ASSAULT" and c.token.i in strikes)] if strikes else out

    @staticmethod
    def _conditional_threats(tokens: list[Token]) -> list[_Candidate]:
        """"If our soldiers are attacked, we will respond": force promised on a condition is a threat.
        ``tokens``: the words whose lemma is a threatened response or "warn"."""
        out = []
        for tok in tokens:
            verb = tok
            if tok.pos_ == "NOUN" and tok.dep_ == "dobj" and tok.lemma_.lower() in THREAT_CONSEQUENCES:
                verb = tok.head  # "would bear the consequences if ...", "will take action if ..."
            elif verb.pos_ != "VERB" or verb.lemma_.lower() not in THREAT_RESPONSES:
                continue
            if not any(c.dep_ == "aux" and c.lower_ in ("will", "would", "shall", "'ll") for c in verb.children):
                continue
            if any(c.dep_ == "neg" for c in verb.children):
                continue
            if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
                   for c in verb.children):
                out.append(_Candidate("THREATEN", verb, True, deontic=True))
        for verb in tokens:  # "the curbs could return if attacks from Afghan soil resume"
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in THREAT_RETURNS:
                continue
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)  # "could be restored"
            if subj is None or (subj.lemma_.lower() not in THREAT_MEASURES and subj.lower_ not in THREAT_MEASURES):
                continue
            if not any(c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children) or \
                    any(c.dep_ == "neg" for c in verb.children):
                continue
            if any(m.dep_ == "mark" and m.lower_ in ("if", "unless") and m.i > verb.i for m in verb.subtree):
                out.append(_Candidate("THREATEN", verb, True, deontic=True))  # (the parser may hang "if" low)
        out = list({c.token.i: c for c in out}.values())
        for verb in tokens:  # "vowed to retaliate": a promise of force
            if verb.pos_ == "VERB" and verb.dep_ == "xcomp" and verb.lemma_.lower() in THREAT_RESPONSES and \
                    verb.head.lemma_.lower() in VOW_VERBS and not any(c.dep_ == "neg" for c in verb.head.children):
                out.append(_Candidate("THREATEN", verb.head, True, deontic=True))
        for warn in tokens:  # "warned that the militants would face an operation if they did not surrender"
            if warn.lemma_.lower() != "warn" or warn.pos_ != "VERB" or any(c.dep_ == "neg" for c in warn.children):
                continue
            for comp in (c for c in warn.children if c.dep_ == "ccomp"):
                future = any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll") for c in comp.children)
                sub = {t.lemma_.lower() for t in comp.subtree}
                conditional = any(t.dep_ == "mark" and t.lower_ in ("if", "unless") for t in comp.subtree)
                if future and (conditional or sub & THREAT_CONSEQUENCES):
                    out.append(_Candidate("THREATEN", warn, True, deontic=True))
                    break
            else:  # "warned Kabul of serious consequences"
                of = (g for c in warn.children if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children if g.dep_ == "pobj")
                if any(g.lemma_.lower() in THREAT_CONSEQUENCES for g in of):
                    out.append(_Candidate("THREATEN", warn, True, deontic=True))
        return out

    @staticmethod
    def _stances(tokens: list[Token]) -> list[_Candidate]:
        """Stances stated by their argument structure rather than a trigger word: force readied against "any" hostile
        act ("would respond firmly to any violation", "remain ready for any aggression": THREATEN), a refusal announced
        by a party ("would not accept any attempt": REJECT), a deed named a wrong against someone ("is a crime against
        the hungry", "a violation of our sovereignty": ACCUSE). ``tokens``: words of those lists."""
        out = []
        for tok in tokens:
            low, lemma = tok.lower_, tok.lemma_.lower()
            if (low in HOSTILE_ACTS or lemma in HOSTILE_ACTS) and tok.dep_ == "pobj" and any(
                    c.dep_ == "det" and c.lower_ in ("any", "every") for c in tok.children):
                prep, head = tok.head, tok.head.head
                if prep.dep_ == "prep" and prep.lower_ in ("to", "against", "for") and (
                        head.lemma_.lower() in READY_HEADS or head.lower_ in READY_HEADS) and not _negated(head):
                    out.append(_Candidate("THREATEN", head, True, deontic=True))
            if lemma in REFUSED_VERBS and tok.pos_ == "VERB" and any(c.dep_ == "neg" for c in tok.children) and any(
                    c.dep_ == "aux" and c.lower_ in ("will", "would", "shall", "'ll", "wo") for c in tok.children):
                subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
                obj = next((c for c in tok.children if c.dep_ in ("dobj", "ccomp", "xcomp")), None)
                party = subj is not None and (subj.ent_type_ in _GIVER_ENTS or subj.lower_ in ("we", "it") or
                                              subj.lemma_.lower() in PARTY_NOUNS)
                if party and obj is not None and (obj.lemma_.lower() in REFUSED_OBJECTS or obj.lower_ in REFUSED_OBJECTS
                                                  or any(c.dep_ == "det" and c.lower_ == "any" for c in obj.children)):
                    out.append(_Candidate("REJECT", tok, True, deontic=True))
            if lemma in WRONG_NOUNS and tok.dep_ == "attr" and tok.head.lemma_.lower() == "be" and \
                    not _negated(tok.head) and any(c.dep_ == "prep" and (c.lower_ == "against" or (
                        c.lower_ == "of" and lemma in ("violation", "breach"))) for c in tok.children):
                out.append(_Candidate("ACCUSE", tok, False, deontic=True))
            if lemma == "request" and tok.dep_ == "pobj" and tok.head.lower_ in ("at", "upon", "on") and any(
                    c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
                out.append(_Candidate("REQUEST", tok, False))  # "at the request of the Somali delegation"
            if lemma in GIFT_NOUNS and tok.pos_ == "NOUN" and any(
                    c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" and any(
                        n.dep_ == "nummod" or n.like_num for n in g.children) for g in c.children) for c in tok.children):
                out.append(_Candidate("AID", tok, False))  # "a gift of five patrol vessels"
            if low in ARMS_GOODS and tok.dep_ == "dobj" and tok.head.lemma_.lower() in ARMS_VERBS and any(
                    c.dep_ == "nummod" or (c.dep_ == "amod" and c.lower_ in ("more", "further", "additional"))
                    for c in tok.children):
                verb = tok.head
                subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
                to_party = any(c.dep_ == "dative" or (c.dep_ == "prep" and c.lower_ == "to" and any(
                    g.ent_type_ in _GIVER_ENTS or g.lemma_.lower() in PARTY_NOUNS for g in c.children)) for c in verb.children)
                if subj is not None and subj.ent_type_ in _GIVER_ENTS and not any(
                        c.dep_ == "prep" and c.lower_ in ARMS_NOT_PREPS for c in verb.children) and (
                        to_party or low not in ARMS_SELF_MOVING):
                    out.append(_Candidate("AID", verb, True))  # "France is sending 40 armoured vehicles"
            if lemma in ("list", "blacklist") and tok.dep_ == "pobj" and tok.head.lower_ in ("to", "on", "onto") and (
                    lemma == "blacklist" or any(c.lemma_.lower() == "sanction" for c in tok.children)):
                node = tok.head.head
                for _ in range(3):  # "added 12 tankers linked to Russia to its sanctions list": "to" hangs low
                    if node.pos_ == "VERB" and node.lemma_.lower() in LISTING_VERBS:
                        out.append(_Candidate("SANCTION", node, True))
                        break
                    node = node.head
            if low in JOINT_ADVERBS and tok.dep_ == "advmod" and tok.head.pos_ == "VERB":
                out.append(_Candidate("COOPERATE", tok.head, True))  # "patrol jointly with the Lebanese army"
        return out

    def _mechanisms(self, tokens: list[Token]) -> list[_Candidate]:
        """Events stated by the form of a clause, not by a trigger word (issue 16):
        a closure stated as lasting ("kept its airspace shut", "the crossing stays closed", "will keep the border
        closed": SANCTION); a demand by wanting a party to act ("wanted the government to hold the line": REQUEST);
        a first-person refusal to yield, said ("we will not be blackmailed", "we will never withdraw": REJECT);
        forces put on a footing or exercised ("put its navy on heightened readiness", "begun exercises involving
        20 warships": MOBILIZE).  ``tokens``: words of those classes, and negations."""
        out: list[_Candidate] = []
        types = self.taxonomy.types
        for tok in tokens:
            lemma, low = tok.lemma_.lower(), tok.lower_
            if (lemma in CONTINUING_VERBS or self.forms.get(low, "") in CONTINUING_VERBS) and "SANCTION" in types:
                state = next((c for c in tok.children if c.dep_ in ("acomp", "oprd", "dep", "xcomp", "ccomp")
                              and (c.lemma_.lower() in CLOSURE_STATES or c.lower_ in CLOSURE_STATES)), None)
                verb = tok
                if state is None and tok.pos_ != "VERB" and tok.i + 1 < len(tok.doc) and \
                        tok.doc[tok.i + 1].lower_ in CLOSURE_STATES:
                    state = verb = tok.doc[tok.i + 1]  # a title "Our border stays shut": the tagger took "stays" for a noun
                if state is not None and not _negated(verb) and not _conditional(verb) and all(
                        c.lower_ in _FUTURE_AUX for c in verb.children if c.dep_ == "aux" and c.lower_ in MODALS) and \
                        not self._attack_subject(verb) and not any(
                        c.dep_ == "npadvmod" and any(d.lower_ in ("every", "each") for d in c.children) for c in verb.children):
                    out.append(_Candidate("SANCTION", tok, True, deontic=True, checked=True))  # ("every day it stays
                    # closed, ...": a condition, no report)
                continue
            if lemma in DESIRE_VERBS and tok.pos_ == "VERB" and "REQUEST" in types:
                comp = next((c for c in tok.children if c.dep_ in ("xcomp", "ccomp") and any(
                    g.dep_ == "aux" and g.lower_ == "to" for g in c.children)), None)
                party = None if comp is None else next((c for c in [*tok.children, *comp.children] if c.dep_ in (
                    "dobj", "nsubj") and c.i > tok.i), None)
                if party is not None and _is_party(party) and _reported(tok) and not _negated(tok) and not any(
                        c.dep_ == "aux" and c.lower_ in MODALS for c in tok.children):
                    out.append(_Candidate("REQUEST", tok, True, deontic=True))
                continue
            if tok.dep_ == "neg" and "REJECT" in types:
                verb = tok.head
                kids = list(verb.children)
                subj = next((c for c in kids if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is None or subj.lower_ not in _FIRST_PERSON or verb.pos_ != "VERB" or not any(
                        c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in kids):
                    continue
                key = verb.lemma_.lower()
                yielding = any(t.name in YIELDING_TYPES for t in self.verbs.get(key, ()))
                pressed = subj.dep_ == "nsubjpass" and any(c.dep_ == "agent" for c in kids)  # "blackmailed by Moscow"
                if (yielding or pressed) and (
                        _inside_quote(tok.doc, tok.sent) or _reported(verb) or _in_answer_turn(tok.doc, tok)):
                    out.append(_Candidate("REJECT", verb, True, deontic=True))
                continue
            if lemma in POSTURE_VERBS and tok.pos_ == "VERB" and "MOBILIZE" in types and not _negated(tok):
                state = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "onto")
                              for g in c.children if g.dep_ == "pobj" and (
                                  g.lemma_.lower() in POSTURE_STATES or g.lower_ in POSTURE_STATES)), None)
                if state is not None:
                    out.append(_Candidate("MOBILIZE", state, False, checked=True))  # "put its navy on high alert"
                continue
            if lemma in STANCE_VERBS and tok.pos_ == "VERB" and "SUPPORT" in types and not _negated(tok):
                if any(g.dep_ == "prep" and g.lower_ in ("with", "behind") and any(_is_party(k) for k in g.children)
                       for c in tok.children if c.dep_ in ("npadvmod", "advmod", "dobj") for g in c.children):
                    out.append(_Candidate("SUPPORT", tok, True, checked=True))  # "stood "shoulder to shoulder" with X"
                continue
            if lemma in GIVING_VERBS and tok.pos_ == "VERB" and "AID" in types:
                if self._gift(tok):
                    out.append(_Candidate("AID", tok, True, deontic=True, checked=True))
                continue
            if low == "as" and tok.dep_ == "prep" and "ACCUSE" in types:
                namer = _naming_verb(tok)  # "condemned the closure as "an illegal blockade"", "dismissed X as persecution"
                if namer is None:
                    continue
                said = {t.lemma_.lower() for t in tok.subtree} | {t.lower_ for t in tok.subtree}
                if said & PEJORATIVES and not _negated(namer) and \
                        not any(c.dep_ == "aux" and c.lower_ in MODALS for c in namer.children):
                    out.append(_Candidate("ACCUSE", namer, True, checked=True))
                continue
            if (low in PEJORATIVES or low in self._support_nouns) and tok.dep_ in ("acomp", "attr", "pobj", "conj"):
                found = self._predicate(tok)
                if found is not None:
                    out.append(found)
                continue
            if (low in EXERCISE_NOUNS or lemma in EXERCISE_NOUNS) and tok.pos_ == "NOUN" and "MOBILIZE" in types and \
                    tok.dep_ in ("dobj", "nsubj", "nsubjpass") and not any(
                        c.lower_ in ("joint", "combined", "bilateral", "trilateral") for c in tok.children):
                scope = tok.head if tok.dep_ == "dobj" else tok  # "begun exercises off Baltiysk involving 20 warships"
                forces = {t.lemma_.lower() for c in scope.children if c.dep_ in ("acl", "prep", "advcl") and c.i > tok.i
                          for t in c.subtree} | {t.lemma_.lower() for c in tok.children if c.dep_ in ("acl", "prep")
                                                 for t in c.subtree}
                if forces & FORCE_WORDS:
                    out.append(_Candidate("MOBILIZE", tok, False))  # "exercises involving 20 warships"
        return out

    def _predicate(self, tok: Token) -> _Candidate | None:
        """What a statement says a thing is: "It is cruel, and it is illegal" (ACCUSE), "said the aid was "a sign of
        solidarity"" (SUPPORT) -- in a quotation, an answer or a reported clause; not "it is illegal to ..."."""
        node = tok
        while node.dep_ == "conj" and node.head.i != node.i:
            node = node.head  # "a sign of friendship and solidarity"
        if node.dep_ == "pobj":  # "a sign of solidarity", "an act of aggression"
            if node.head.lower_ != "of" or node.head.head.dep_ != "attr":
                return None
            node = node.head.head
        be = node.head
        if be.lemma_.lower() != "be" or node.dep_ not in ("acomp", "attr") or _negated(be) or any(
                c.dep_ == "aux" and c.lower_ in MODALS for c in be.children) or any(
                c.dep_ in ("xcomp", "ccomp") for c in (*be.children, *node.children)):
            return None
        subj = next((c for c in be.children if c.dep_ == "nsubj"), None)
        if subj is None:
            return None
        support = tok.lower_ in self._support_nouns
        if not support and not (subj.lower_ in _PREDICATE_SUBJECTS or _is_party(subj) or subj.lower_ in self.nouns
                                or subj.lemma_.lower() in self.nouns):
            return None  # "the situation is dangerous": a judgement of no one's deed
        doc = tok.doc
        if not (_reported(be) or _inside_quote(doc, tok.sent) or _in_answer_turn(doc, tok)):
            return None
        typ = "SUPPORT" if support else "ACCUSE"
        return _Candidate(typ, tok, False, deontic=True) if typ in self.taxonomy.types else None

    def _gift(self, verb: Token) -> bool:
        """"will pay €40m to help the operator", "said it would send 1,500 tonnes of rice to refugees": money or a
        quantity of goods given to help or to people in need, by a party that can give (AID)."""
        kids = list(verb.children)
        obj = next((c for c in kids if c.dep_ == "dobj"), None)
        if obj is None or _negated(verb) or _conditional(verb):
            return False
        money = obj.ent_type_ == "MONEY" or obj.lemma_.lower() in CURRENCIES
        goods = obj.ent_type_ == "QUANTITY" and any(c.dep_ == "prep" and c.lower_ == "of" for c in obj.children)
        if not (money or goods):
            return False
        modal = next((c.lower_ for c in kids if c.dep_ == "aux" and c.lower_ in MODALS), None)
        if modal is not None and not (modal in _FUTURE_AUX or (modal == "would" and _reported(verb))):
            return False
        purpose = any(c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in AID_PURPOSES and any(
            g.dep_ == "aux" and g.lower_ == "to" for g in c.children) for c in kids)
        needy = any(c.dep_ in ("prep", "dative") and c.lower_ == "to" and any(
            g.lemma_.lower() in AID_RECIPIENTS or g.lower_ in AID_RECIPIENTS for g in c.children) for c in kids)
        return (purpose or needy) and _can_give(verb)

    def _attack_subject(self, verb: Token) -> bool:
        """"the strikes had shut the port", "fighting kept the road closed": a closure an attack caused."""
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None:
            return False
        key = subj.lower_ if subj.lower_ in self.nouns else subj.lemma_.lower()
        return any(t.name == "ASSAULT" for t in self.nouns.get(key, ()))

    def _imperatives(self, doc: Doc, verbs: list[int]) -> list[_Candidate]:
        """"Pay the police.", ""Give peace a chance," said the bishop": an order to act, opening a sentence inside a
        quotation or an interviewee's answer, is a demand (REQUEST). ``verbs``: indices of base-form verbs."""
        if "REQUEST" not in self.taxonomy.types:
            return []
        out = []
        paragraphs: set[int] = set()
        for i in verbs:
            first = doc[i]
            if first.dep_ != "ROOT" and not (first.dep_ in ("ccomp", "parataxis") and first.head.lemma_.lower() in SPEECH_VERBS):
                continue
            if first.pos_ != "VERB" or first.lemma_.lower() in NOT_IMPERATIVES:
                continue
            label = _sentence_opening(first)
            if label is None:
                continue
            kids = [c for c in first.children if c.i > label]
            if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in kids) or not any(
                    c.dep_ in ("dobj", "dative", "xcomp", "ccomp", "prt") for c in kids):
                continue
            para = _text(doc).rfind("\n", 0, first.idx)
            if para in paragraphs:
                continue  # "Pay the police. Open the courts.": a run of orders in one answer is one demand
            sent = first.sent
            opened = doc[sent.start].is_quote or (first.i > 0 and doc[first.i - 1].is_quote)
            if opened or _inside_quote(doc, sent) or _in_answer_turn(doc, first):
                paragraphs.add(para)
                out.append(_Candidate("REQUEST", first, True, deontic=True))
        return out

    def _statements(self, tokens: list[Token]) -> list[_Candidate]:
        """Positions stated by their form rather than a trigger word: a warning to a party ("we warned them: stay
        away"), force promised ("the others will be hit"), a deed called a wrong ("called the attack reckless"),
        a charge called false ("these accusations are an insult")."""
        out = []
        types = self.taxonomy.types
        for tok in tokens:
            lemma = tok.lemma_.lower()
            kids = list(tok.children)
            if lemma == "hesitate" and "THREATEN" in types and any(c.dep_ == "neg" for c in kids) and any(
                    c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll", "shall") for c in kids) and any(
                    t.lemma_.lower() in THREAT_CONSEQUENCES or t.lemma_.lower() in THREAT_RESPONSES
                    for c in kids if c.dep_ == "xcomp" for t in c.subtree):
                out.append(_Candidate("THREATEN", tok, True, deontic=True))  # "would not hesitate to use force"
                continue
            if any(c.dep_ == "neg" for c in kids):
                continue
            if lemma == "strike" and tok.dep_ == "amod" and tok.tag_ == "VBG" and "PROTEST" in types and (
                    tok.head.lemma_.lower() in STRIKERS or tok.head.lower_ in STRIKERS):
                out.append(_Candidate("PROTEST", tok, True, deontic=True))  # "striking miners clashed with police"
                continue
            if lemma == "strike" and tok.pos_ == "VERB" and "PROTEST" in types and not any(
                    c.dep_ in ("dobj", "nsubjpass") for c in kids):
                subj = next((c for c in kids if c.dep_ == "nsubj"), None)
                if subj is not None and (subj.lemma_.lower() in STRIKERS or subj.lower_ in STRIKERS):
                    out.append(_Candidate("PROTEST", tok, True))  # "garment workers strike over wages"
                continue
            if lemma == "meet" and tok.tag_ == "VBN" and "THREATEN" in types:
                if any(c.dep_ == "aux" and c.lower_ in ("will", "would", "shall", "'ll") for c in kids) and any(
                        c.dep_ == "auxpass" for c in kids) and any(
                        g.lemma_.lower() in THREAT_CONSEQUENCES for c in kids if c.dep_ == "prep" and c.lower_ == "with"
                        for g in c.children if g.dep_ == "pobj") and (_inside_quote(tok.doc, tok.sent) or _reported(tok)):
                    out.append(_Candidate("THREATEN", tok, True, deontic=True))  # "would be met with force"
                continue
            if lemma in PENALTY_VERBS and tok.pos_ == "VERB" and "THREATEN" in types:
                if any(c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll") for c in kids) and (lemma == "regret" or any(
                        c.dep_ == "dobj" and c.lemma_.lower() in THREAT_CONSEQUENCES for c in kids)) and (
                        _inside_quote(tok.doc, tok.sent) or _reported(tok) or _in_answer_turn(tok.doc, tok)):
                    out.append(_Candidate("THREATEN", tok, True, deontic=True))  # "will pay a heavy price"
                continue
            if lemma == "warn" and tok.pos_ == "VERB" and "THREATEN" in types:
                party = next((c for c in kids if c.dep_ == "dobj"), None)
                if party is not None and (party.lower_ in WARNED_PARTY_PRONOUNS or party.ent_type_ in _GIVER_ENTS or (
                        party.pos_ == "NOUN" and (party.lemma_.lower() in WARNED_PARTIES or party.lower_ in WARNED_PARTIES))) \
                        and any(c.dep_ in ("xcomp", "parataxis", "ccomp") or c.text == ":" for c in kids):
                    out.append(_Candidate("THREATEN", tok, True))
                continue
            if lemma in THREAT_FORCE_VERBS and tok.pos_ == "VERB" and "THREATEN" in types:
                passive = any(c.dep_ == "auxpass" for c in kids)
                if any(c.dep_ == "aux" and (c.lower_ in ("will", "shall", "'ll") or (
                        c.lower_ == "would" and passive and _reported(tok))) for c in kids) and \
                        not any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in kids) and (
                        _inside_quote(tok.doc, tok.sent) or _reported(tok) or _in_answer_turn(tok.doc, tok)):
                    out.append(_Candidate("THREATEN", tok, True, deontic=True))
                continue
            if lemma in NAMING_VERBS and tok.pos_ == "VERB" and "ACCUSE" in types:
                obj = next((c for c in kids if c.dep_ == "dobj"), None)
                pred = [c for c in kids if c.dep_ in ("oprd", "ccomp", "xcomp", "acomp", "attr")]
                pred += [g for c in kids if c.dep_ == "prep" and c.lower_ == "as" for g in c.children]
                if obj is None and pred and pred[0].dep_ == "ccomp":  # "called the drills "a rehearsal"" parsed as a clause
                    obj = next((c for c in pred[0].children if c.dep_ == "nsubj"), None)
                if obj is None or (obj.lower_ in ("it", "this", "that") and not pred):
                    continue
                said = {t.lemma_.lower() for p in pred for t in p.subtree} | {t.lower_ for p in pred for t in p.subtree}
                if said & DISMISSALS and (obj.lemma_.lower() in CHARGES or obj.lower_ in CHARGES or said & CHARGES) and \
                        "REJECT" in types:  # (also "called the Thai claims baseless" parsed with "claims" as the predicate)
                    out.append(_Candidate("REJECT", tok, True))
                elif said & PEJORATIVES:
                    out.append(_Candidate("ACCUSE", tok, True))
                continue
            if lemma in DISMISSALS and "REJECT" in types and tok.dep_ in ("attr", "acomp"):
                subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
                if subj is not None and (subj.lemma_.lower() in CHARGES or subj.lower_ in CHARGES) and \
                        not any(c.dep_ == "neg" for c in tok.head.children):
                    out.append(_Candidate("REJECT", tok, True))
        return out

    @staticmethod
    def _deontic(doc: Doc, lowers: Any) -> list[_Candidate]:
        """"Afghanistan must not serve as a safe haven", "were told that they need to control terrorism",
        said in a statement or a quote: a demand."""
        out = []
        for i in numpy.flatnonzero(numpy.isin(lowers, _DEONTIC_HASHES)).tolist():
            modal = doc[i]
            if modal.lemma_.lower() in DEONTIC_VERBS:  # "need to": the verb itself, with an active to-clause
                if modal.pos_ != "VERB" or not any(c.dep_ == "xcomp" and any(
                        g.dep_ == "aux" and g.lower_ == "to" for g in c.children) and not any(
                        g.dep_ == "auxpass" for g in c.children) for c in modal.children):
                    continue
                if any(c.dep_ == "aux" and c.lower_ in MODALS for c in modal.children):
                    continue  # "may need to": a guess, not a demand
                subj = next((c for c in modal.children if c.dep_ == "nsubj"), None)
                if subj is None or not (subj.pos_ in ("PRON", "PROPN") or subj.ent_type_ in ("GPE", "ORG")
                                        or subj.lemma_.lower() in PARTY_NOUNS):
                    continue  # "businesses need to ...": a view about a class, not a demand on a party
                verb = modal
            elif modal.dep_ not in ("aux", "auxpass"):
                continue
            else:
                verb = modal.head
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None or subj.lower_ in ("we", "i", "it", "one", "you") or subj.lower_ in NOBODY or \
                    subj.lower_ in GENERIC_HEADS:
                continue  # ("nobody should mistake it for peace": a warning to all, no demand of a party)
            if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in verb.children) or _conditional(verb):
                continue  # ("If the UN comes back, they must have a way to complain": a condition, no demand now)
            node, reported = verb, False
            for _ in range(4):
                if node.head.i == node.i:
                    break
                node = node.head
                if node.lemma_.lower() in SPEECH_VERBS:
                    reported = True
                    break
            if not reported:
                sent = verb.sent
                reported = any(t.is_quote for t in sent) and any(t.lemma_.lower() in SPEECH_VERBS for t in sent)
            if not reported:
                reported = _in_answer_turn(doc, verb) or _inside_quote(doc, verb.sent)
            if reported:
                out.append(_Candidate("REQUEST", verb, True, deontic=True))
        return out

    def _headline_candidates(self, tok: Token, sent: Any) -> list[_Candidate]:
        """Title-case lines are mis-tagged ("Urges" as a proper noun): find the verb by its form and place."""
        key = self.forms.get(tok.lower_, "")
        if key not in self.verbs or tok.i == sent.start or (tok.ent_iob_ == "I" and tok.pos_ != "VERB"):
            return []
        doc = tok.doc
        prev = doc[tok.i - 1].lower_
        if prev in _HEADLINE_NOT_VERB_AFTER or any(
                doc[j].lower_ in NEGATIONS or doc[j].lower_ in MODALS for j in range(max(sent.start, tok.i - 3), tok.i)):
            return []
        if any(doc[j].lower_ in TEMPORAL_PREPS for j in range(max(sent.start, tok.i - 2), tok.i)):
            return []  # "Amid Fresh Clashes": a noun after a time preposition
        seg_start = sent.start
        for j in range(tok.i - 1, sent.start, -1):
            if doc[j].text in (";", ":", "|"):
                seg_start = j + 1
                break
        for j in range(seg_start + 1, tok.i):
            if self.forms.get(doc[j].lower_, "") in self.verbs and doc[j - 1].lower_ not in _HEADLINE_NOT_VERB_AFTER:
                return []  # the headline's verb came earlier ("Arrests ... Over Bannu Police Station Attack")
        words = {t.lower_ for t in sent} | {t.lemma_.lower() for t in sent}
        if any(t.ent_type_ == "FAC" for t in sent):
            words.add("crossing")
        after = {doc[j].lower_ for j in range(tok.i + 1, min(sent.end, tok.i + 4))}
        out = []
        for t in self.verbs[key]:
            if key in t.particles and not (after & t.particles[key]):
                continue
            if (key in t.verb_objects and not (words & t.verb_objects[key])) or \
                    (key in t.complements and not (words & t.complements[key])) or \
                    (key in t.verb_not_objects and words & t.verb_not_objects[key]):
                continue
            out.append(_Candidate(t.name, tok, True, headline=True))
        return out

    def _headline_noun_candidates(self, tok: Token, sent: Any, located: bool = False) -> list[_Candidate]:
        """A title-case headline that names its event with a noun ("Talks Between Kabul and Islamabad Collapse").
        ``located``: only a noun that places the title's event ("... agree prisoner swap at Muscat talks")."""
        key = tok.lower_ if tok.lower_ in self.nouns else tok.lemma_.lower()
        if key not in self.nouns or (tok.ent_iob_ != "O" and tok.ent_type_):
            return []
        doc = tok.doc
        at = next((j for j in range(tok.i - 1, max(sent.start, tok.i - 3) - 1, -1) if doc[j].lower_ in ("at", "in")), None)
        if located and at is None:
            return []
        for j in range(sent.start + 1, tok.i if at is None else at):
            if self.forms.get(doc[j].lower_, "") in self.verbs and doc[j - 1].lower_ not in _HEADLINE_NOT_VERB_AFTER:
                if at is not None:
                    break  # "agree ... at Muscat talks": the talks are where it was agreed
                return []  # the headline's verb is its event ("Sign Border Trade Deal")
        for j in range(max(sent.start, tok.i - 3), tok.i):
            low = doc[j].lower_
            if low in TEMPORAL_PREPS or low in TOPIC_PREPS or low in FUTURE_MODIFIERS or low in NEGATIONS:
                return []  # "After Karachi Riots", "Over Talks", "Next Round of Talks"
        words = {t.lower_ for t in sent} | {t.lemma_.lower() for t in sent}
        if any(t.ent_type_ == "FAC" for t in sent):
            words.add("crossing")
        out = []
        for t in self.nouns[key]:
            if key in t.noun_verbs and not (words & t.noun_verbs[key]):
                continue
            if (key in t.noun_context and not (words & t.noun_context[key])) or \
                    (key in t.noun_not_verbs and words & t.noun_not_verbs[key]) or \
                    (key in t.noun_not_context and words & t.noun_not_context[key]):
                continue
            out.append(_Candidate(t.name, tok, False, headline=True))
        return out

    @staticmethod
    def _near_words(tok: Token, infinitive_to: bool = False) -> set[str]:
        """Lemmas and lowercase forms of children and grandchildren (objects, particles, complements).
        ``infinitive_to``: "to" counts only as the mark of an infinitive ("pressed X to act", not "pressed to a fence")."""
        words: set[str] = set()
        for c in tok.children:
            if infinitive_to and c.lower_ == "to" and c.dep_ != "aux":
                continue
            words.add(c.lemma_.lower())
            words.add(c.lower_)
            if c.ent_type_ == "FAC":
                words.add("crossing")  # "closed Torkham": a named crossing
            elif c.ent_type_ == "PERSON" and c.dep_ in OBJ_DEPS:
                words.add("@person")  # "received Gul Agha Zadran": a person met
            elif c.dep_ in OBJ_DEPS and (c.ent_type_ == "MONEY" or (
                    (c.lemma_.lower() in CURRENCIES or c.lower_ in CURRENCIES) and any(g.pos_ == "NUM" for g in c.children))
                    or (any(g.tag_ == "$" for g in c.children) and any(g.like_num for g in c.children))):  # "$60m"
                words.add("@money")  # "allocated 450 million drams", "pledged 15 million euros": money given
            for g in c.children:
                if infinitive_to and g.lower_ == "to" and g.dep_ != "aux":
                    continue
                words.add(g.lemma_.lower())
                words.add(g.lower_)
                if g.lower_ == "of" and c.dep_ in ("dobj", "nsubjpass"):  # "freed dozens of prisoners"
                    words.update(w for k in g.children if k.dep_ == "pobj" for w in (k.lemma_.lower(), k.lower_))
        return words

    def _verb_ok(self, t: EventType, key: str, tok: Token) -> bool:
        near: set[str] | None = None
        if key in t.particles and not any(
                c.lower_ in t.particles[key] and not (key in BARE_PARTICLE_VERBS and any(True for _ in c.children))
                for c in tok.children if c.dep_ in ("prt", "prep", "agent", "advmod")) \
                and not (tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ in t.particles[key]
                         and tok.doc[tok.i + 1].dep_ in ("mark", "aux")):  # "yielded to pressure" read as "to pressure"
            return False
        for table, need in ((t.verb_objects, True), (t.complements, True), (t.verb_not_objects, False)):
            if key in table:
                near = near if near is not None else self._near_words(tok)
                words = near if table is not t.complements else self._near_words(tok, infinitive_to=True)
                if bool(words & table[key]) != need:
                    return False
        return True

    def _noun_ok(self, t: EventType, key: str, tok: Token) -> int:
        """0: no event; 1: an event; _TIME_REF: an event only if its type was not reported before."""
        if tok.dep_ not in _NOUN_DEPS_OK:
            return False
        verb = _governing_verb(tok) if key in t.noun_verbs or key in t.noun_not_verbs else None
        if verb is not None and verb.dep_ == "acl" and verb.lemma_.lower() in CARRIER_VERBS:
            verb = _governing_verb(verb.head) or verb  # "sent two planes carrying tents": what was sent
        verb_lemma = _verb_lemma(verb, t.noun_verbs.get(key, frozenset()) | t.noun_not_verbs.get(key, frozenset())) \
            if verb is not None else ""
        if t.name == "AID" and verb is not None and verb_lemma not in ARRIVAL_VERBS and _subject_side(tok, verb):
            return False  # "a group of doctors sent a letter": the doctors give nothing
        if key in ("warning", "warnings") and verb_lemma not in t.noun_verbs.get(key, frozenset()) and \
                not _owned_by_party(tok):
            return False  # "warnings from his attorney" (not "a warning from Beijing")
        if key in t.noun_verbs and verb_lemma not in t.noun_verbs[key] and not (
                key in t.actor_nouns and _owned(tok)) and not (key in OF_NOUNS and _of_whom(tok)) and not (
                key in MARKED_NOUNS and t.name == "PROTEST" and tok.dep_ in ("nsubj", "ROOT")
                and _modifier_words(tok) & MARKED_NOUNS[key]):  # "a general strike paralysed the city"
            return False
        if key in t.noun_not_verbs and verb_lemma in t.noun_not_verbs[key]:
            return False
        if key in t.noun_context and not (_modifier_words(tok) & t.noun_context[key]):
            return False
        if key in t.noun_not_context and _modifier_words(tok) & t.noun_not_context[key]:
            return False
        ref = _only_time_reference(tok, t.noun_verbs.get(key, frozenset()))
        return _TIME_REF if ref == "past" else int(not ref)

    # -- filters ----------------------------------------------------------------
    @staticmethod
    def _blocked(tok: Token, is_verb: bool, light_verbs: frozenset[str] = frozenset(), typ: str = "") -> bool:
        """Negated, modal/conditional, or below a request/intention/refusal word."""
        anchor = tok if is_verb else (_governing_verb(tok) or tok)
        if not is_verb and any(c.lower_ in NEGATIONS for c in tok.children):
            return True
        for node in (tok,) if anchor.i == tok.i else (tok, anchor):
            for c in node.children:
                low = c.lower_
                if c.dep_ == "neg" or (low in NEGATIONS and c.dep_ in ("advmod", "det", "preconj")) or \
                        (low in ("nothing", "none") and c.dep_ in ("dobj", "nsubjpass")):
                    return True
                if c.dep_ == "aux" and low in MODALS and not (
                        low in ("would", "will") and node.dep_ == "ccomp" and node.head.lemma_.lower() in DECISION_VERBS
                ) and not (typ in ANNOUNCED_TYPES and low in ("will", "'ll", "shall") and not _conditional(node) and (
                        (is_verb and node.i == tok.i) or (not is_verb and typ == "AID" and node.i == anchor.i))):
                    # "will deploy 1,000 police", "will dispatch 500 tonnes of food": an announced delivery
                    return True
                if c.dep_ in ("mark", "advmod") and low in CONDITIONAL_MARKS:
                    return True
                if c.dep_ in ("nsubj", "nsubjpass") and (low in NOBODY or any(
                        d.dep_ == "det" and d.lower_ == "no" for d in c.children)):
                    return True  # "Nobody asked them to disarm", "no country sent troops"
        if tok.dep_ == "pcomp" and tok.head.lower_ in NEGATIONS:
            return True  # "without firing a shot"
        node = tok
        steps = 0
        while node.head.i != node.i and steps < 8:
            rel = node.dep_
            if rel == "conj" and node.tag_ == "VBD" and node.head.tag_ != "VBD" and any(
                    c.dep_ == "nsubj" for c in node.children):
                break  # "requested that the meeting be held ..., and the other side accepted": a clause of its own
            if rel == "advcl" and node.tag_ == "VBG" and node.lemma_.lower() in SPEECH_VERBS:
                break  # "claimed the strike, saying the owners had ignored warnings": a statement of its own
            if node.head.lemma_.lower() == "claim" and rel == "dobj" and (
                    node.i == tok.i or node.lemma_.lower() in CLAIM_OBJECTS):
                break  # "claimed the strike", "claimed responsibility for the attack": the deed is reported
            if rel == "advcl" and node.pos_ in VERB_POS and any(
                    c.dep_ in ("mark", "advmod") and (c.lower_ in FACTUAL_MARKS or (
                        c.lower_ in FACTUAL_PAST_MARKS and node.tag_ == "VBD")) for c in node.children):
                break  # "agreed to set up patrols after gunmen killed nine labourers": the killing happened
            if rel == "relcl" and node.pos_ in VERB_POS and (node.tag_ == "VBD" or (
                    node.tag_ in ("VBZ", "VBP") and typ in PRESENT_RELATIVE_TYPES) or any(
                    c.dep_ == "aux" and c.lower_ in _FINITE_AUX for c in node.children)) and not any(
                    c.dep_ in ("aux", "neg") and (c.lower_ in MODALS or c.dep_ == "neg") for c in node.children) and not any(
                    c.dep_ == "advmod" and c.lower_ in HABITUAL_ADVERBS for c in node.children):
                break  # "act against militants it accuses of ...": a relative clause states its own fact
            child, node = node, node.head
            steps += 1
            if rel in ("conj", "cc", "appos", "punct"):
                continue
            if rel == "prep" and node.pos_ in VERB_POS and child.i < node.i and child.lower_ != "for" and any(
                    t.text == "," for t in node.doc[child.right_edge.i + 1:node.i]):
                break  # "In a rare climbdown, Hanoi agreed to ...": a fronted phrase is no content of the verb
            if rel in ("xcomp", "ccomp") and node.lemma_.lower() == "be" and any(
                    c.dep_ == "nsubj" and c.lemma_.lower() in BLOCKERS for c in node.children):
                return True  # "my advice is to keep calling", "the plan is to send troops": not done
            if node.i == anchor.i and not is_verb and node.lemma_.lower() in light_verbs:
                continue
            if (node.lemma_.lower() in BLOCKERS or node.lower_ in BLOCKERS or (
                    node.pos_ in VERB_POS and node.lower_ in _forms_of(BLOCKERS))) and rel in _BLOCKING_RELS and not (
                    rel == "ccomp" and node.pos_ in VERB_POS and node.lemma_.lower() in REPORTING_BLOCKERS):
                lemma = node.lemma_.lower()
                if rel == "xcomp" and node.pos_ in VERB_POS and (
                        (lemma in OFFER_VERBS and typ in OFFER_TYPES)
                        or (lemma in ATTEMPT_VERBS and node.tag_ == "VBD" and steps == 1)) and not any(
                        c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in MODALS) for c in node.children):
                    continue  # "offered to fund a corridor", "tried to march on parliament"
                return True
            if rel in ("xcomp", "ccomp", "advcl", "acl") and any(
                    c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in MODALS) for c in node.children):
                return True
            if rel == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS
                                      for c in tok.head.children):
                return True
        return False

    def _protest_purpose(self, verb: Token) -> bool:
        """"tried to march on parliament to demand crop prices", "rallied to demand the release": the demand of a protest."""
        head = verb.head
        if verb.dep_ != "advcl" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            return False
        protest = self.taxonomy.types.get("PROTEST")
        if protest is None or head.pos_ != "VERB" or any(c.dep_ == "neg" for c in head.children):
            return False
        return head.lemma_.lower() in protest.verbs or head.lemma_.lower() in GATHER_VERBS

    # -- main -------------------------------------------------------------------
    def find(
        self,
        doc: Doc,
        sentences: Sequence[tuple[int, Span]],
        entities: Sequence[Entity],
        names: dict[Span, str],
    ) -> list[Event]:
        """``sentences``: (first token index, trimmed char span) per sentence, in order."""
        cands = self._candidates(doc)
        if not cands:
            return []
        starts = [s[0] for s in sentences]
        text = _text(doc)
        #: "Q: Who do you blame?": a question reports nothing
        questions = {i for i, (_tok, span) in enumerate(sentences) if text[span.end - 1:span.end] == "?"}
        ent_starts = [e.start for e in entities]
        best: dict[tuple[int, str], _Candidate] = {}
        for c in cands:
            si = bisect.bisect_right(starts, c.token.i) - 1
            if si < 0 or si in questions:
                continue
            key = (si, c.type)
            prev = best.get(key)
            if prev is not None and (prev.is_verb or not c.is_verb) and not (prev.deontic and not c.deontic) and \
                    not (prev.time_ref and not c.time_ref) and not (
                    prev.type == "AID" and prev.is_verb and prev.token.lemma_.lower() in MONEY_VERBS and not c.is_verb):
                continue  # (what was given names aid better than "pledged": "pledged $2 billion in loans")
            if not c.headline and not c.deontic and not c.checked and self._blocked(c.token, c.is_verb, self._light_verbs(c), c.type) \
                    and not (c.type == "REQUEST" and c.is_verb and _polite_request(c.token)) \
                    and not (c.type in PURPOSE_TYPES and c.is_verb and self._protest_purpose(c.token)):
                continue
            if c.is_verb and not c.deontic and not c.headline and (
                    c.token.dep_ == "amod" or (c.token.dep_ in ("csubj", "compound") and c.token.tag_ == "VBG")
                    or (c.token.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass") and c.token.tag_ == "VBN")):
                # "the killed terrorists", "closing the gate punishes ...", "visited the injured": no event reported
                continue
            if c.is_verb and c.token.dep_ == "acl" and not c.deontic and (
                    (c.token.tag_ == "VBN" and (c.token.head.head.lemma_.lower() in RELEASE_VERBS
                                                or c.type in PARTICIPLE_BACKGROUND_TYPES))
                    or c.token.head.lower_ in GENERIC_HEADS):
                # "released 15 traders detained in October", "the forces, supported by the people",
                # "anyone supporting them": a description, not a report
                continue
            if c.is_verb and not c.deontic and c.token.dep_ == "relcl" and c.token.tag_ in ("VBP", "VBZ") and \
                    c.token.head.lower_ in GENERIC_HEADS:
                continue  # "those who attack our soldiers will pay": generic, no attack reported
            if c.is_verb and c.type in BACKGROUND_RELATIVE_TYPES and c.token.dep_ in ("relcl", "acl") and \
                    _dated_past(c.token):
                continue  # "five men who were detained in 2019 later joined ...": a past detention as background
            if c.type == "RETREAT" and c.is_verb and c.token.lemma_.lower() == "open" and not any(
                    k.dep_ == "dobj" for k in c.token.children):
                continue  # "the gates will open once ...": only a party opening a crossing pulls back
            if c.type == "AID" and c.is_verb and c.token.lemma_.lower() in MONEY_VERBS and not _can_give(c.token):
                continue  # "investors allocated $2 billion to equities": an investment, not aid
            if c.type == "THREATEN" and c.is_verb and not c.deontic and c.token.lemma_.lower() == "warn" and any(
                    k.dep_ == "dobj" and (k.lemma_.lower() in WARNED_NOT_PARTIES or k.lower_ in WARNED_NOT_PARTIES)
                    for k in c.token.children):
                continue  # "warned its citizens against travel": advice to the public
            if c.type == "PROTEST" and c.is_verb and c.token.lemma_.lower() in CROWD_VERBS and not _crowd(c.token):
                continue  # "officials gathered outside the building": only a crowd gathering is a protest
            if c.type == "PROTEST" and c.is_verb and c.token.lemma_.lower() in PROTEST_DEED_VERBS and not _can_protest(c.token):
                continue  # "police blocked the roads", "officials stopped work on the dam"
            if c.type == "SUPPORT" and c.is_verb and c.token.lemma_.lower() == "thank" and any(
                    k.dep_ == "prep" and k.lower_ == "for" and any(g.lower_ in CLOSING_OBJECTS for g in k.children)
                    for k in c.token.children):
                continue  # "Thank you for following": a closing formula, no party praised
            if not c.is_verb and not c.checked and _as_predicate(c.token):
                continue  # "condemned the closure as "an illegal blockade"": what the closure is called, no new event
            if c.type == "SANCTION" and c.is_verb and not c.checked and self._attack_subject(c.token):
                continue  # "the strikes had shut the port": what an attack did, not a sanction
            gov = _governing_verb(c.token) if c.type == "SANCTION" and not c.is_verb else None
            if gov is not None and gov.lemma_.lower() in UNDOING_VERBS:
                continue  # "lifted the ban": the sanction ends (RETREAT), none is imposed
            best[key] = c
        first_of_type: dict[str, int] = {}
        for si, typ in sorted(best):
            first_of_type.setdefault(typ, si)
        for (si, typ), c in list(best.items()):
            if first_of_type[typ] < si and _back_reference(c):
                del best[(si, typ)]  # "people who attended the meeting said": the meeting reported before
                continue
            if c.time_ref and (first_of_type[typ] < si or (si == 0 and text[sentences[0][1].end - 1:sentences[0][1].end]
                                                           not in (".", "!", '"', "”"))):
                del best[(si, typ)]  # "after the talks" once talks were reported, or in the title: a time reference
        out = []
        for (si, _), c in sorted(best.items(), key=lambda kv: (kv[0][0], kv[1].token.i)):
            if c.headline:
                actor_tok, recip_tok = _headline_participants(c.token)
            elif (c.deontic and not c.checked) or (c.is_verb and c.type == "ACCUSE" and c.token.lemma_.lower() in CHARGED_VERBS):
                # "Delhi says Pakistan shelters militants": Delhi accuses, Pakistan is accused
                actor_tok, recip_tok = _deontic_participants(c.token)
            else:
                actor_tok, recip_tok = _participants(c.token, c.is_verb)
            tok = c.token
            out.append(Event(
                c.type, sentences[si][1], trigger=Span(tok.idx, tok.idx + len(tok.text)),
                actor=_arg(actor_tok, entities, ent_starts, names),
                recipient=_arg(recip_tok, entities, ent_starts, names),
                origin="rule",
            ))
        return out


#: a turn label: one to three words with a capital of any script ("Naqvi:", "Étienne:", "Ιωάννα:")
_TURN = re.compile(r"(?m)^[ \t]*([^\W\d_][\w'’.-]*(?: [^\W\d_][\w'’.-]*){0,2}):[ \t]")
_TURNS_KEY = "newsgold.events.turns"


TEXT_KEY = "newsgold.events.text"


def _text(doc: Doc) -> str:
    """The Doc's text, joined once per Doc (``Doc.text`` joins every token again on each call)."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return str(text)


def _opener(tok: Token) -> bool:
    return tok.is_punct or tok.is_space or tok.is_quote


def _sentence_opening(tok: Token) -> int | None:
    """Is ``tok`` the first word of its sentence, after quotation marks or a one-word turn label ("Étienne: Pay
    ...")? The label's colon index (or -1) if so, else None."""
    doc = tok.doc
    j = tok.i - 1
    while j >= 0 and _opener(doc[j]) and doc[j].text != ":":
        j -= 1
    if any(doc[k].is_sent_start for k in range(max(j + 1, 0), tok.i + 1)) or j < 0:
        return -1
    if doc[j].text != ":" or j < 1:
        return None
    k = j - 1  # the label word
    if _opener(doc[k]):
        return None
    while k - 1 >= 0 and _opener(doc[k - 1]) and not doc[k].is_sent_start:
        k -= 1
    return j if doc[k].is_sent_start or k == 0 else None


def _as_predicate(tok: Token) -> bool:
    """Is the noun (in) what a verb calls its object ("condemned the closure as an illegal blockade")?"""
    node = tok
    for _ in range(3):
        if node.dep_ == "pobj" and node.head.lower_ == "as":
            return _naming_verb(node.head) is not None
        if node.head.i == node.i or node.dep_ not in ("pobj", "compound", "conj", "appos"):
            return False
        node = node.head
    return False


def _naming_verb(as_: Token) -> Token | None:
    """The verb that calls its object what the "as" phrase says: "condemned the closure as ..." (the phrase under
    the verb or under its object)."""
    head = as_.head
    if head.pos_ == "VERB" and any(c.dep_ == "dobj" for c in head.children):
        return head
    if head.dep_ == "dobj" and head.head.pos_ == "VERB":
        return head.head
    return None


def _is_party(tok: Token) -> bool:
    """A state, a body, a person or a party noun ("the government", "Kabul", "them")."""
    return tok.ent_type_ in _PARTY_ENTS or tok.lemma_.lower() in PARTY_NOUNS or tok.lemma_.lower() in WARNED_PARTIES \
        or tok.lower_ in ("them", "him", "her")


def _negated(head: Token) -> bool:
    """"are not ready", "would never respond": the head or the verb it completes is negated."""
    nodes = (head, head.head) if head.dep_ in ("acomp", "xcomp", "oprd") else (head,)
    return any(c.dep_ == "neg" or c.lower_ in NEGATIONS for n in nodes for c in n.children)


def _in_answer_turn(doc: Doc, tok: Token) -> bool:
    """Is ``tok`` in an interviewee's turn ("Naqvi: Islamabad should ...") of a Q&A transcript? The turn is a quote."""
    turns = doc.user_data.get(_TURNS_KEY)
    if turns is None:
        text = _text(doc)
        lex = form_lexicon()
        found = [(m.start(), m.group(1).lower()) for m in _TURN.finditer(text)
                 if all(w[:1].isupper() for w in m.group(1).split(" "))]
        if not any(label in lex.question_labels for _at, label in found):
            turns = []
        else:
            starts = [at for at, label in found]
            turns = [(at, starts[k + 1] if k + 1 < len(starts) else len(text)) for k, (at, label) in enumerate(found)
                     if label not in lex.question_labels and not is_section_label(label)]
        doc.user_data[_TURNS_KEY] = turns
    return any(a <= tok.idx < b for a, b in turns)


def _inside_quote(doc: Doc, sent: Any) -> bool:
    """Is the sentence inside a quotation its paragraph opened before it ('"... The state must listen to them."'),
    or does it open one?"""
    text = _text(doc)
    start = sent.start_char
    para = text.rfind("\n", 0, start) + 1
    before = text[para:start]
    if text[start:start + 1] in ('"', "“"):
        return True  # the sentence opens a quotation
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _back_reference(c: _Candidate) -> bool:
    """"the meeting", "the talks", "the march" with nothing but "the", not the subject or object of a verb that
    reports it again ("the talks collapsed" reports; "attended the meeting", "leads the march" refer back)."""
    tok = c.token
    if c.is_verb or c.headline or c.deontic:
        return False
    kids = list(tok.children)
    if len(kids) != 1 or kids[0].dep_ != "det" or kids[0].lower_ != "the":
        return False
    head = tok.head
    if head.lemma_.lower() == "claim":
        return False  # "claimed the strike": a claim of the deed is news of its own
    return tok.dep_ in ("dobj", "pobj") or (tok.dep_ == "nsubj" and head.lemma_.lower() not in _REPORTING_PREDICATES)


#: what a bare "the talks" as subject reports again: its course ("the talks collapsed / resumed / ended")
_REPORTING_PREDICATES = frozenset({"begin", "break", "collapse", "conclude", "continue", "end", "fail", "resume",
                                   "start", "stall", "succeed", "take"})


def _can_protest(verb: Token) -> bool:
    """The subject of "blocked the highway" / "stopped work" is people who can protest, and the work stopped is
    theirs ("stopped work on the dam" is a halt to building)."""
    node: Token = verb
    subj = None
    for _ in range(3):
        subj = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None or node.dep_ not in ("conj", "xcomp", "advcl") or node.head.i == node.i:
            break
        node = node.head
    if subj is not None and subj.dep_ == "nsubj":
        who = subj.head.head if subj.lower_ in ("which", "that", "who") and subj.head.dep_ == "relcl" else subj
        if who.lemma_.lower() in NON_PROTESTERS:
            return False
    return not any(c.dep_ == "dobj" and c.lower_ == "work" and any(g.dep_ == "prep" and g.lower_ == "on"
                                                                   for g in c.children) for c in verb.children)


def _polite_request(verb: Token) -> bool:
    """"I would ask both to stay away", "we would urge Kabul to ...": a request made now, not a hypothesis."""
    kids = list(verb.children)
    return any(c.dep_ == "aux" and c.lower_ == "would" for c in kids) and \
        any(c.dep_ == "nsubj" and c.lower_ in POLITE_REQUEST_SUBJECTS for c in kids) and \
        not any(c.dep_ == "neg" for c in kids)


def _reported(verb: Token) -> bool:
    """Is the clause reported by a speech verb above it ("said the others will be hit")?"""
    node = verb
    for _ in range(4):
        if node.head.i == node.i:
            return False
        node = node.head
        if node.lemma_.lower() in SPEECH_VERBS:
            return True
    return False


def _deontic_participants(verb: Token) -> tuple[Token | None, Token | None]:
    """Actor: who said it (subject of the reporting verb); recipient: who must act."""
    recip = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    node = verb
    for _ in range(4):
        if node.head.i == node.i:
            break
        node = node.head
        if node.lemma_.lower() in SPEECH_VERBS:
            return next((c for c in node.children if c.dep_ in SUBJ_DEPS), None), recip
    return None, recip


def _headline_participants(tok: Token) -> tuple[Token | None, Token | None]:
    sent = tok.sent
    doc = tok.doc
    actor = next((doc[j] for j in range(tok.i - 1, sent.start - 1, -1) if doc[j].ent_type_), None)
    recip = next((doc[j] for j in range(tok.i + 1, sent.end) if doc[j].ent_type_), None)
    return actor, recip


def _modifier_words(tok: Token) -> set[str]:
    """Words and lemmas of a noun's children and of its of-phrase ("closure of the border")."""
    out: set[str] = set()
    for c in tok.children:
        out.add(c.lower_)
        out.add(c.lemma_.lower())
        if c.dep_ == "prep" and c.lower_ == "of":
            for g in c.children:
                if g.dep_ == "pobj":
                    out.add(g.lower_)
                    out.add(g.lemma_.lower())
                    if g.ent_type_ == "FAC":
                        out.add("crossing")
    return out


def _crowd(verb: Token) -> bool:
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subj is not None and (subj.lemma_.lower() in CROWDS or subj.lower_ in CROWDS)


def _can_give(verb: Token) -> bool:
    """Money given as aid comes from a party: a name, a government, a bank, a donor (not investors)."""
    node: Token = verb
    for _ in range(3):
        subj = next((c for c in node.children if c.dep_ in ("nsubj", "agent")), None)
        if subj is not None:
            if subj.dep_ == "agent":
                subj = next((g for g in subj.children if g.dep_ == "pobj"), subj)
            if subj.lower_ in ("who", "that", "which") and node.dep_ == "relcl":
                subj = node.head  # "contributors who gave $200"
            return subj.lower_ in ("it", "we", "they") or subj.ent_type_ in _GIVER_ENTS or subj.lemma_.lower() in GIVERS
        if node.dep_ not in ("conj", "xcomp") or node.head.i == node.i:
            break
        node = node.head
    return False


def _conditional(verb: Token) -> bool:
    """"will send aid if the fighting stops": an advcl under if/unless."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITIONAL_MARKS for m in c.children)
               for c in verb.children)


def _dated_past(verb: Token) -> bool:
    """A passive clause dated well before the news: "who were detained in 2019", "arrested two years ago"."""
    if verb.tag_ != "VBN":
        return False
    for t in verb.subtree:
        if t.ent_type_ == "DATE" and (t.lower_ in PAST_DATE_WORDS or (t.is_digit and len(t.text) == 4)):
            return True
    return False


def _own_line(sent: Any) -> bool:
    """Is the sentence a line of its own (a title), not a piece of a paragraph the parser cut?"""
    text = _text(sent.doc)
    a, b = sent.start_char, sent.end_char
    body = text[a:b].rstrip()
    if not body or body[-1] in ".!?\"”" or "\n" in body:
        return False
    return text[:a].rstrip(" \t")[-1:] in ("", "\n") and text[a + len(body):].lstrip(" \t")[:1] in ("", "\n")


def _subject_side(tok: Token, verb: Token) -> bool:
    """Is ``tok`` (or the phrase it is part of) the subject of ``verb``?"""
    node = tok
    while node.i != verb.i and node.head.i != node.i:
        if node.dep_ in ("nsubj", "csubj") and node.head.i == verb.i:
            return True
        node = node.head
    return False


def _owned_by_party(tok: Token) -> bool:
    """"a warning from Beijing", "the army's warning": owned by a state, a body or a party noun."""
    for c in tok.children:
        owner = c if c.dep_ in ("poss", "compound", "amod") else next(
            (g for g in c.children if g.dep_ == "pobj"), None) if c.dep_ == "prep" and c.lower_ in ("by", "from") else None
        if owner is not None and (owner.ent_type_ in _GIVER_ENTS or owner.lemma_.lower() in WARNED_PARTIES
                                  or owner.lemma_.lower() in PARTY_NOUNS):
            return True
    return False


def _of_whom(tok: Token) -> bool:
    """"the arrest of a local mayor": the noun names whom it was done to."""
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" for g in c.children) for c in tok.children)


def _owned(tok: Token) -> bool:
    """A party owns the noun: "Kabul's refusal", "its demand", "a warning by the army", "the Afghan denial"."""
    for c in tok.children:
        if c.dep_ == "poss":
            return True
        if c.dep_ == "prep" and c.lower_ in ("by", "from") and any(g.dep_ == "pobj" for g in c.children):
            return True
        if c.dep_ in ("compound", "amod") and c.ent_type_ in ("GPE", "ORG", "NORP", "PERSON") and c.i < tok.i:
            return True
    return False


@functools.lru_cache(maxsize=512)
def _forms_of(lemmas: frozenset[str]) -> dict[str, str]:
    return {f: w for w in sorted(lemmas) for f in _inflections(w)}


def _verb_lemma(verb: Token, known: frozenset[str]) -> str:
    """The verb's lemma; when the lemmatizer erred ("staged" -> "stag"), the known lemma its form inflects."""
    lemma = verb.lemma_.lower()
    if lemma in known or not known:
        return lemma
    return _forms_of(known).get(verb.lower_, lemma)


def _governing_verb(tok: Token) -> Token | None:
    node = tok
    for _ in range(4):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ in VERB_POS:
            return node
        if node.pos_ not in ("ADP", "NOUN", "PROPN", "CCONJ", "ADJ", "NUM"):
            return None
    return None


_TIME_REF = 2
#: "which is financing a road", "who had stopped work" (not "which have long carried out attacks": a habit)
_FINITE_AUX = frozenset({"is", "are", "was", "were", "'re", "had", "has", "have", "'d"})


def _only_time_reference(tok: Token, light_verbs: frozenset[str] = frozenset()) -> bool | str:
    """"during the talks", "after the third round of talks", "following the failure of the talks".
    ``light_verbs``: verbs that make the noun an event ("went on strike", "put on alert" are no topics).
    "past": under a preposition of the past ("after a month of clashes"): a first report if its type is new."""
    node = tok
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head  # "about the closures and the talks"
    for _ in range(5):
        if any(c.lower_ in FUTURE_MODIFIERS for c in node.children if c.dep_ in ("amod", "det", "compound")) or any(
                c.lower_ in FUTURE_PARTICIPLES for c in node.children if c.dep_ == "acl"):
            return True  # "the next round of talks", "the protest planned for Friday"
        if node.dep_ in ("pobj", "pcomp"):
            prep = node.head
            if prep.lower_ in TEMPORAL_PREPS:
                return "past" if prep.lower_ in PAST_TIME_PREPS else True
            if prep.lower_ in TOPIC_PREPS:
                return not (prep.head.pos_ in VERB_POS and prep.head.lemma_.lower() in light_verbs)
            if prep.lower_ == "against" and prep.head.lemma_.lower() in PROTEST_HEADS:
                return True
            if prep.lower_ != "of":
                return False
            if prep.head.lower_ in OFFICE_HEADS:
                return True
            node = prep.head
            continue
        if node.dep_ == "dobj" and node.head.lower_ in ("following", "after", "before"):
            return "past" if node.head.lower_ in PAST_TIME_PREPS else True
        return False
    return False


def _participants(tok: Token, is_verb: bool) -> tuple[Token | None, Token | None]:
    actor = recip = None
    verb = tok if is_verb else _governing_verb(tok)
    if not is_verb:
        for c in tok.children:
            if c.dep_ == "poss" or (c.dep_ == "compound" and c.pos_ == "PROPN") or (c.dep_ == "amod" and c.ent_type_):
                actor = c
            elif c.dep_ == "prep" and c.lower_ == "by":
                actor = next((g for g in c.children if g.dep_ == "pobj"), actor)
            elif c.dep_ == "prep" and c.lower_ in RECIPIENT_PREPS:
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    if c.lower_ == "between":
                        actor = actor or pobj
                        recip = next((g for g in pobj.children if g.dep_ == "conj"), recip)
                    else:
                        recip = recip or pobj
    if verb is not None:
        node: Token | None = verb
        for _ in range(3):
            if node is None:
                break
            subj = next((c for c in node.children if c.dep_ in SUBJ_DEPS and c.i != tok.i), None)
            if subj is not None:
                actor = actor or subj
                break
            agent = next((c for c in node.children if c.dep_ == "agent"), None)
            if agent is not None:
                actor = actor or next((g for g in agent.children if g.dep_ == "pobj"), None)
                break
            node = node.head if node.dep_ in ("conj", "xcomp", "advcl", "ccomp") and node.head.i != node.i else None
        if is_verb and recip is None:
            recip = next((c for c in verb.children if c.dep_ in OBJ_DEPS and c.dep_ != "attr"), None)
            if recip is None:
                for c in verb.children:
                    if c.dep_ == "prep" and c.lower_ in RECIPIENT_PREPS:
                        recip = next((g for g in c.children if g.dep_ == "pobj"), None)
                        if recip is not None:
                            break
    if is_verb and actor is None and tok.pos_ == "PROPN" and tok.i > 0 and tok.doc[tok.i - 1].ent_type_:
        actor = tok.doc[tok.i - 1]  # headline "Pakistan Urges Taliban ...": the tagger saw no verb
        if recip is None and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].ent_type_:
            recip = tok.doc[tok.i + 1]
    return actor, recip


def _surface(tok: Token, ent: Entity) -> str:
    span = tok.doc.char_span(ent.start, ent.end, alignment_mode="expand")
    return span.text if span is not None else ""


def _arg(tok: Token | None, entities: Sequence[Entity], ent_starts: list[int], names: dict[Span, str]) -> Arg | None:
    if tok is None:
        return None
    low = tok.lower_
    if low in PRONOUNS_PERSON:
        before = bisect.bisect_right(ent_starts, tok.idx) - 1
        for e in reversed(entities[: before + 1]):
            if e.label == "PERSON":
                return Arg(names.get(e.span) or _surface(tok, e), None)
        return None
    if tok.pos_ == "PRON":
        return None
    lo, hi = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)
    head_ent = None
    first_ent = None
    i = bisect.bisect_left(ent_starts, lo)
    while i < len(entities) and entities[i].start < hi:
        e = entities[i]
        if e.end <= hi:
            first_ent = first_ent or e
            if e.start <= tok.idx < e.end:
                head_ent = e
        i += 1
    ent = head_ent or first_ent
    if ent is not None and head_ent is None and ent.label == "NORP":
        ent = None  # "the Pakistani military": the party is the military, named by the phrase below
    if ent is not None:
        return Arg(names.get(ent.span) or _surface(tok, ent), ent.span)
    words = [t for t in tok.doc[tok.left_edge.i : tok.i + 1] if not t.is_punct and not t.is_space][-5:]
    while words and words[0].pos_ in ("DET", "PRON") and words[0].lower_ not in ("no",):
        words = words[1:]
    return Arg(" ".join(t.text for t in words), None) if words else None
