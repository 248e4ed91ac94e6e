"""Reporting cues: which tokens report speech, what the cue span is and who its subject is.

Word lists over lemmas when the pipeline tags, over word forms when it does not (the rule-only
fallback), so both engines find the same kind of cue.
"""

from __future__ import annotations

from spacy.tokens import Token

from desktop_app.core.model import Span
from desktop_app.nlp.lexicons import words
from desktop_app.nlp.quote_candidates import is_dateline

#: reporting verbs whose clausal complement is the reported speech or stated position
SPEECH_LEMMAS = words("cues", "speech_lemmas")
#: cues whose content is "object + to-infinitive" ("urged the regime to halt ...")
DIRECTIVE_LEMMAS = words("cues", "directive_lemmas")
#: word forms that report speech, for pipelines without a tagger (the rule-only fallback)
SPEECH_FORMS = words("cues", "speech_forms")
CUE_KEY = "newsgold.quotes.cues"


def is_cue(tok: Token) -> bool:
    """Computed once per Doc: every finder asks about every token."""
    flags = tok.doc.user_data.get(CUE_KEY)
    if flags is None:
        tagged = tok.doc.has_annotation("TAG")
        flags = tok.doc.user_data[CUE_KEY] = [_is_cue_word(t, tagged) for t in tok.doc]
    return flags[tok.i]  # type: ignore[no-any-return]


def _is_cue_word(tok: Token, tagged: bool) -> bool:
    if not tagged:
        return tok.lower_ in SPEECH_FORMS
    lem = tok.lemma_.lower()
    if tok.pos_ not in ("VERB", "AUX") and tok.tag_ not in ("VBD", "VBZ", "VBP", "VBN", "VBG", "VB"):
        return False
    if lem == "show" and tok.dep_ == "ccomp" and tok.head.lemma_.lower() in SPEECH_LEMMAS and not any(
            c.dep_ == "nsubj" and c.lemma_.lower() in EVIDENCE_NOUNS for c in tok.children):
        return False  # "said that the agreement showed '…'": what was said, not a second source
    return lem in SPEECH_LEMMAS or lem in DIRECTIVE_LEMMAS or lem == "accuse"


#: subjects that make "show" a report ("a poll shows", "figures show")
EVIDENCE_NOUNS = words("cues", "evidence_nouns")
#: "expressed the hope that ...": a stance noun whose clause is the content
STANCE_NOUNS = words("cues", "stance_nouns")
STANCE_VERBS = words("cues", "stance_verbs")
#: "asked not to be named": a condition of the source, not a request
ANONYMITY_VERBS = words("cues", "anonymity_verbs")
#: a belief reported by someone else ("A believe that …, according to X") is X's report
BELIEF_LEMMAS = words("cues", "belief_lemmas")


#: "It was agreed that ...": a joint decision without a speaker, never a quote
JOINT_DECISIONS = words("cues", "joint_decisions")
#: "In their account, ...", "In his view, ...": the rest of the sentence is the owner's report
ACCOUNT_NOUNS = words("cues", "account_nouns")


#: adjectives whose subject is the one who would speak ("unable to …", "ready to …")
_SUBJECT_ADJECTIVES = words("cues", "subject_adjectives")


def subject_of(verb: Token) -> tuple[Token | None, bool]:
    """(subject head, passive-without-agent) for a cue, following conj chains ("stated ... and stressed")."""
    v: Token | None = verb
    seen = 0
    while v is not None and seen < 6:
        seen += 1
        for c in v.children:
            if c.dep_ in ("nsubj", "csubj"):
                if not is_dateline(c):
                    if _turn_label(c):
                        continue  # "Q: The council has asked ...": the turn's label is not the subject
                    return c, False
                real = _after_dateline(c)
                if real is not None:
                    return real, False
        for c in v.children:
            if c.dep_ == "agent":
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj, False
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children):
            return None, True
        if (v.dep_ in ("conj", "xcomp", "advcl") or (v.dep_ == "acomp" and v.lower_ in _SUBJECT_ADJECTIVES)) \
                and v.head.i != v.i:  # "X will be unable to … and accuse": X (not "it is worth noting")
            v = v.head
            continue
        if v.dep_ == "acl" and v.tag_ == "VBG" and v.i > 0 and v.doc[v.left_edge.i - 1].text == "," and v.head.i != v.i:
            up = v.head  # "X denied that ... fighters, calling the charge ...": the participle is X's (mis-hung)
            while up.pos_ not in ("VERB", "AUX") and up.head.i != up.i:
                up = up.head
            if up.pos_ in ("VERB", "AUX") and up.i != v.i:
                v = up
                continue
        if v.dep_ in ("relcl", "acl") and v.head.i != v.i:
            return v.head, False
        v = None
    return None, False


def _turn_label(tok: Token) -> bool:
    """A transcript's turn label ("Q:", "Diallo:" at the start of a line), which the parser may take for a subject."""
    doc = tok.doc
    return (tok.i + 1 < len(doc) and doc[tok.i + 1].text == ":" and tok.left_edge.i == tok.i
            and (tok.i == 0 or "\n" in doc[tok.i - 1].text or "\n" in doc[tok.i - 1].whitespace_))


def _after_dateline(dateline: Token) -> Token | None:
    """'TEHRAN, Jan 14 (PNS) – Iran's deputy interior minister, Hossein Karimi, said': the parser hangs the
    real subject on the dateline as an apposition after the dash."""
    dash = next((t for t in dateline.doc[dateline.i + 1 : dateline.i + 12] if t.text in ("–", "—", "-", ":")), None)
    if dash is None:
        return None
    return next((c for c in dateline.children if c.dep_ in ("appos", "conj", "npadvmod") and c.i > dash.i
                 and c.pos_ in ("NOUN", "PROPN", "PRON")), None)


def cue_span(verb: Token) -> Span:
    """The verb with its particle ('pointed out', 'called on') or 'told reporters': what a human marks as the cue."""
    lo = hi = verb.i
    for c in verb.children:
        if c.dep_ in ("prt",) and c.i == hi + 1:
            hi = c.i
        if c.lower_ in ("on", "for") and verb.lemma_ == "call" and c.i == hi + 1:
            hi = c.i
    if verb.lemma_ == "tell":
        for c in verb.children:
            if c.dep_ in ("dobj", "dative") and c.i == hi + 1 and c.lower_ in ("reporters", "journalists", "parliament",
                                                                              "lawmakers", "the"):
                hi = c.right_edge.i
    doc = verb.doc
    return Span(doc[lo].idx, doc[hi].idx + len(doc[hi].text))
