"""Reported speech from the dependency parse: a speech verb, its clausal complement and its subject.

The same idea as textacy and GenderGapTracker.  Most of the code is about where the clause
ends: the parser hangs too much on a cue (the next paragraph, a second cue, the writer's aside).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from desktop_app.core.model import Span
from desktop_app.nlp.lexicons import words
from desktop_app.nlp.quote_candidates import DISCOURSE, Candidate, doc_text, trimmed
from desktop_app.nlp.quote_cues import (
    ACCOUNT_NOUNS,
    ANONYMITY_VERBS,
    BELIEF_LEMMAS,
    DIRECTIVE_LEMMAS,
    STANCE_NOUNS,
    STANCE_VERBS,
    cue_span,
    is_cue,
    subject_of,
)


def indirect_quotes(doc: Doc) -> list[Candidate]:
    """A candidate per reporting cue with a clause (and per 'according to X'), cut to what was said."""
    out: list[Candidate] = []
    text = doc_text(doc)
    for tok in doc:
        if tok.lower_ in ACCOUNT_NOUNS and tok.dep_ == "pobj":
            cand = _in_account(doc, text, tok)
            if cand is not None:
                out.append(cand)
                continue
        if tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children):
            cand = _according(doc, text, tok)
            if cand is not None:
                out.append(cand)
            continue
        if tok.lemma_.lower() in STANCE_VERBS:
            cand = _stance(doc, text, tok)
            if cand is not None:
                out.append(cand)
                continue
        if not is_cue(tok):
            continue
        lem = tok.lemma_.lower()
        content: tuple[int, int] | None = None
        comps = [c for c in tok.children if c.dep_ == "ccomp"]
        if lem in DIRECTIVE_LEMMAS:
            x = next((c for c in tok.children if c.dep_ in ("xcomp", "ccomp")), None)
            if x is not None and x.lemma_.lower() in ANONYMITY_VERBS:
                continue  # "an official, who asked not to be named, said ...": the source's condition
            for_to = _for_to_clause(tok) if x is None else None
            if for_to is not None:  # "called for the perpetrators to be brought to justice"
                content = for_to
            elif x is not None:
                first = next((c for c in tok.rights if c.dep_ in ("dobj", "prep", "dative") and c.i < x.i), x)
                lo = first.left_edge.i if first.dep_ != "prep" else next(
                    (g.left_edge.i for g in first.children if g.dep_ == "pobj"), first.i + 1)
                content = (lo, x.right_edge.i + 1)
        elif lem == "accuse":
            of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
            if of is None and obj is not None:  # the parser hangs "of ..." on the accused
                of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            if of is not None and obj is None and tok.dep_ in ("relcl", "acl"):
                continue  # "militants it accuses of planning attacks": a description of the accused (an ACCUSE event)
            if of is not None:
                content = ((obj or of).left_edge.i, of.right_edge.i + 1)
        elif not comps and tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "that" and doc[tok.i + 1].dep_ == "mark" \
                and doc[tok.i + 1].head.dep_ == "dobj" and doc[tok.i + 1].head.head.i == tok.i:
            # "denied that his government sheltered fighters": the parser took the clause's verb for an adjective
            obj = doc[tok.i + 1].head
            hi = obj.right_edge.i + 1
            for k in obj.children:
                if k.dep_ in ("acl", "relcl", "advcl") and k.i > obj.i and doc[k.left_edge.i - 1].text == ",":
                    hi = min(hi, k.left_edge.i - 1)
            content = (tok.i + 2, hi)
        elif not comps and _document_clause(tok) is not None:
            # "warned in a statement that it would target convoys": the parser hung the clause on "statement"
            clause = _document_clause(tok)
            assert clause is not None
            content = (clause.left_edge.i, clause.right_edge.i + 1)
        elif comps:
            # the parser can hang the clause of another paragraph on this verb: take the one on its line
            line = (text.rfind("\n", 0, tok.idx) + 1, (text.find("\n", tok.idx) + 1 or len(text) + 1) - 1)
            near = [k for k in comps if line[0] <= k.idx < line[1]] or comps
            c = min(near, key=lambda k: abs(k.i - tok.i))
            if c.left_edge.i > tok.i or c.right_edge.i < tok.i:
                content = (c.left_edge.i, c.right_edge.i + 1)
        forced: Token | None = None
        if content is None and lem not in DIRECTIVE_LEMMAS:
            content = _before_final_cue(doc, tok)
            if content is None:
                final = _final_cue_unparsed(doc, tok)
                if final is not None:
                    content, forced = (final[0], final[1]), final[2]
        if content is None:
            continue
        lo, hi = content
        if hi - lo < 2:
            continue
        hi = _cut_nested(doc, tok, lo, hi)
        hi = _cut_trailing_aside(doc, lo, hi)
        hi = _cut_narration(doc, lo, hi)
        s, e = _in_paragraph(text, tok.idx, doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text))
        s, e = trimmed(text, s, e)
        e = _balance(text, s, e)
        if e - s < 8:
            continue
        subj, passive = subject_of(tok) if forced is None else (forced, False)
        if subj is not None and s <= subj.idx < e:
            subj = None
        if subj is None and not passive and tok.dep_ not in ("ROOT", "conj"):
            continue  # "the need to say that ..." without a source is not an attribution
        out.append(Candidate(s, e, "indirect", cue_span(tok), subj, follows=subj is None, verb=tok))
    _coordinated_cues(doc, text, out)
    return out


_DOCUMENT_NOUNS = words("speakers", "document_nouns")


def _document_clause(tok: Token) -> Token | None:
    """"said in a statement that ...", "warned in a post on X that ...": the that-clause the parser hung on the
    document noun (an acl/relcl of "statement" opened by a "that" right after it)."""
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "on", "through") or prep.i < tok.i:
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj" or pobj.lemma_.lower() not in _DOCUMENT_NOUNS:
                continue
            for k in pobj.children:
                if k.dep_ in ("acl", "relcl", "ccomp") and k.i > pobj.i and any(
                        m.dep_ == "mark" and m.lower_ == "that" and m.i == k.left_edge.i for m in k.children):
                    return k
    return None


def _for_to_clause(tok: Token) -> tuple[int, int] | None:
    """'called for X to be Y': the parser makes 'X to be Y' a clause marked 'for'; its words are the demand."""
    for c in tok.children:
        if c.dep_ in ("advcl", "ccomp", "xcomp") and c.i > tok.i and any(
                m.dep_ == "mark" and m.lower_ == "for" and m.i == tok.i + 1 for m in c.children) and any(
                a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            return tok.i + 2, c.right_edge.i + 1
    return None


def _in_account(doc: Doc, text: str, tok: Token) -> Candidate | None:
    """'In their account, Pakistan walked away after ...': the sentence after the comma is the report of the
    account's owner; 'their' is the group the sentence before names as its subject."""
    prep = tok.head
    if prep.lower_ != "in" or prep.i != tok.sent.start or tok.i + 1 >= len(doc) or doc[tok.i + 1].text != ",":
        return None
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    if owner is None:
        return None
    sent = tok.sent
    s, e = trimmed(text, doc[tok.i + 2].idx, sent[-1].idx + len(sent[-1].text))
    if e - s < 8:
        return None
    subj: Token = owner
    if owner.pos_ == "PRON" and sent.start > 0:
        prev = doc[sent.start - 1].sent
        plural = owner.lower_ == "their"
        subj = next((t for t in prev if t.dep_ == "nsubj" and t.head.dep_ == "ROOT"
                     and (t.tag_ in ("NNS", "NNPS") if plural else t.ent_type_ == "PERSON")), owner)
    cand = Candidate(s, e, "indirect", Span(prep.idx, tok.idx + len(tok.text)), subj, verb=None)
    if subj is not owner and not subj.ent_type_:
        lo, hi = subj.left_edge.i, subj.right_edge.i + 1  # "Farmers near the canal": the whole description
        if hi - lo <= 8 and not any(t.is_punct for t in doc[lo:hi]):
            cand.mention = Span(doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text))
    return cand


def _before_final_cue(doc: Doc, tok: Token) -> tuple[int, int] | None:
    """'Colombo: Sri Lanka's navy arrested 18 fishermen, a navy spokesman said.' when the parser found no clause
    (it hung the report on the brief's place label): what comes before ', SUBJECT said.' is what was said."""
    sent = tok.sent
    if any(not (t.is_punct or t.is_space) for t in doc[tok.i + 1 : sent.end]):
        return None
    subj = next((c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i), None)
    if subj is None or subj.right_edge.i != tok.i - 1:
        return None
    comma = subj.left_edge.i - 1
    if comma <= sent.start + 2 or doc[comma].text != ",":
        return None
    return sent.start, comma


def _final_cue_unparsed(doc: Doc, tok: Token) -> tuple[int, int, Token] | None:
    """'..., the bloc's naval mission in the region announced.' with the parser hanging the noun phrase on the
    clause before (no subject for the cue): the phrase between the last comma and the sentence's final cue is the
    source, what comes before the comma is what was said."""
    sent = tok.sent
    if tok.tag_ != "VBD" or any(c.dep_ in ("nsubj", "nsubjpass", "dobj", "ccomp") for c in tok.children):
        return None
    if any(not (t.is_punct or t.is_space) for t in doc[tok.i + 1 : sent.end]):
        return None
    comma = next((i for i in range(tok.i - 1, max(sent.start, tok.i - 10), -1) if doc[i].text == ","), None)
    if comma is None or comma <= sent.start + 3 or tok.i - comma < 2:
        return None
    phrase = doc[comma + 1 : tok.i]
    if any(t.pos_ in ("VERB", "AUX") or t.is_punct for t in phrase) or phrase[0].lower_ not in ("the", "a", "an", "its"):
        return None
    heads = [t for t in phrase if t.head.i < phrase.start or t.head.i >= phrase.end]
    if len(heads) != 1 or heads[0].pos_ not in ("NOUN", "PROPN"):
        return None
    return sent.start, comma, heads[0]


def _stance(doc: Doc, text: str, tok: Token) -> Candidate | None:
    """'expressed the hope that the visit would open a new chapter': the clause of the stance noun."""
    obj = next((c for c in tok.children if c.dep_ == "dobj" and (
        c.lemma_.lower() in STANCE_NOUNS or c.lower_ in _LABEL_NOUNS)), None)  # "repeated its accusation that …"
    if obj is None:
        return None
    clause = next((c for c in obj.children if c.dep_ in ("acl", "ccomp", "relcl")
                   and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
    if clause is None:
        return None
    hi = clause.right_edge.i + 1
    for t in doc[clause.i:hi]:  # ", which N'Djamena has always denied": another party's answer, not the stance
        if t.dep_ == "relcl" and t.left_edge.i > 0 and doc[t.left_edge.i - 1].text == "," and any(
                k.dep_ in ("nsubj", "nsubjpass") and k.pos_ in ("PROPN", "NOUN") for k in t.children):
            hi = t.left_edge.i - 1
            break
    s, e = _in_paragraph(text, tok.idx, clause.left_edge.idx, doc[hi - 1].idx + len(doc[hi - 1].text))
    s, e = trimmed(text, s, e)
    if e - s < 8:
        return None
    subj, _passive = subject_of(tok)
    return Candidate(s, e, "indirect", Span(tok.idx, obj.idx + len(obj.text)), subj, follows=subj is None, verb=tok)


def _cut_nested(doc: Doc, cue: Token, lo: int, hi: int) -> int:
    """End a reported clause at a semicolon or before a coordinated clause with its own speech cue
    ('she said A, and when pressed, the mother replied, …')."""
    for i in range(lo, hi):
        t = doc[i]
        if t.text == ";" and i > cue.i:
            return i
        if i > lo + 2 and t.dep_ == "conj" and is_cue(t) and t.i > cue.i and any(
                k.dep_ in ("nsubj", "nsubjpass") for k in t.children) and not any(
                k.dep_ == "mark" and k.lower_ == "that" for k in t.children):  # "said A and that B promised …": B too
            j = t.left_edge.i
            while j > lo and (doc[j - 1].dep_ in ("cc", "punct") or doc[j - 1].is_space):
                j -= 1
            return max(j, lo + 1)
        if i > lo + 2 and t.dep_ == "conj" and t.tag_ == "VBD" and (is_cue(t) or t.lemma_.lower() in DIRECTIVE_LEMMAS) \
                and lo <= t.head.i < i and t.head.tag_ in ("VBN", "VB") and not any(
                    k.dep_ in ("nsubj", "nsubjpass") for k in t.children) and any(
                    k.dep_ in ("aux", "auxpass") and k.lower_ in ("had", "would", "will", "has", "have")
                    for k in t.head.children) and doc[i - 1].lower_ == "and":
            # "said it had sent patrols and urged both sides to ...": the simple past goes with "said", not with the
            # reported perfect; the request is its own quote
            return i - 1
    return hi


_NARRATION_MARKS = frozenset({"after", "since", "because", "as", "when", "once"})


def _cut_narration(doc: Doc, lo: int, hi: int) -> int:
    """A request's content ("asked Brazil to host talks", "requested that the meeting be held in May") is still to
    happen: a clause in the simple past with its own subject after it ("after Caracas moved troops", ", and the
    other side accepted") is the writer telling what happened, not part of what was asked."""
    root = next((t for t in doc[lo:hi] if (t.head.i < lo or t.head.i >= hi or t.head.i == t.i)
                 and t.pos_ in ("VERB", "AUX")), None)  # "Zambia to mediate ...": the verb, not the addressee
    if root is None or root.pos_ not in ("VERB", "AUX"):
        return hi
    kids = [c for c in root.children if c.dep_ in ("aux", "auxpass")]
    if any(c.tag_ == "MD" for c in kids) or not (root.tag_ == "VB" or any(c.tag_ in ("VB", "TO") for c in kids)):
        return hi  # "said the talks would resume after ..." may be reported as a whole
    for t in doc[lo + 3:hi]:
        if t.tag_ != "VBD" or not any(k.dep_ in ("nsubj", "nsubjpass") for k in t.children):
            continue
        if t.head.i < lo or t.head.i >= hi or t.head.tag_ not in ("VB", "VBN"):
            continue
        mark = next((k for k in t.children if k.dep_ == "mark"), None)
        if (t.dep_ == "conj" and any(k.dep_ == "cc" for k in t.head.children)) or (
                t.dep_ == "advcl" and mark is not None and mark.lower_ in _NARRATION_MARKS):
            j = t.left_edge.i if t.dep_ == "advcl" else min(k.left_edge.i for k in t.children if k.dep_ in (
                "nsubj", "nsubjpass"))
            while j > lo and (doc[j - 1].dep_ == "cc" or doc[j - 1].is_punct):
                j -= 1
            return max(j, lo + 2)
    return hi


_ASIDES = frozenset({"although", "though", "whereas", "citing"})


def _cut_trailing_aside(doc: Doc, lo: int, hi: int) -> int:
    """', which …' / ', although …' / ', citing …' at the end of a clause is the writer's aside or
    the speaker's act, not what was said; so is ', a claim the opposition rejected'."""
    for i in range(lo + 3, hi - 1):
        if doc[i].text == "," and doc[i + 1].lower_ in _ASIDES:
            return i
        if doc[i].text == "," and i + 2 < hi and doc[i + 1].lower_ in ("a", "an") and doc[i + 2].lower_ in _LABEL_NOUNS:
            return i
    return hi


_LABEL_NOUNS = words("cues", "label_nouns")


def _balance(text: str, start: int, end: int) -> int:
    """Keep the closing mark of a quoted fragment that ends the clause ('made him “smart.”')."""
    frag = text[start:end]
    closing = "”" if frag.count("“") > frag.count("”") else '"' if frag.count('"') % 2 else ""
    if closing:
        k = text.find(closing, end)
        if 0 <= k <= end + 2:
            return k + 1
    return end


def _in_paragraph(text: str, at: int, start: int, end: int) -> tuple[int, int]:
    """Clip a reported clause to the line of its cue (a parse can run into the next paragraph)."""
    lo = text.rfind("\n", 0, at) + 1
    hi = text.find("\n", at)
    hi = len(text) if hi < 0 else hi
    return max(start, lo), min(end, hi)


def _coordinated_cues(doc: Doc, text: str, cands: list[Candidate]) -> None:
    """'He stated that A and emphasised that B': the parser often hangs "emphasised" on A's verb.
    Give the second cue the first cue's subject and end the first content before "and"."""
    by_verb = {c.verb.i: c for c in cands if c.verb is not None}
    for c in cands:
        v = c.verb
        if v is None or v.dep_ != "conj" or is_cue(v.head):
            continue
        directive = v.lemma_.lower() in DIRECTIVE_LEMMAS and any(k.dep_ == "xcomp" for k in v.children) and not any(
            k.dep_ in ("nsubj", "nsubjpass") for k in v.children)  # "… and called on X to Y": no "that" to mark it
        if not directive and not any(m.dep_ == "mark" for k in v.children if k.dep_ == "ccomp" for m in k.children):
            continue
        x = v.head
        while x.dep_ == "conj" and x.head.i != x.i:
            x = x.head
        if x.dep_ != "ccomp" or x.head.i not in by_verb:
            continue
        outer = by_verb[x.head.i]
        c.subject, c.follows = outer.subject, outer.follows
        j = v.i - 1
        while j > 0 and (doc[j].dep_ in ("cc", "punct", "advmod") or doc[j].is_space):
            j -= 1
        cut = doc[j]
        end = cut.idx + len(cut.text)
        if outer.start < end <= outer.end:
            outer.end = trimmed(text, outer.start, end)[1]


def _according(doc: Doc, text: str, tok: Token) -> Candidate | None:
    to = next(c for c in tok.children if c.lower_ == "to")
    src = next((c for c in to.children if c.dep_ == "pobj"), None)
    head = tok.head if tok.head.i != tok.i else None
    if src is None:
        return None
    sent = tok.sent
    a_lo, a_hi = tok.left_edge.i, tok.right_edge.i + 1
    s_hi = sent.end
    while s_hi > sent.start and (doc[s_hi - 1].is_punct or doc[s_hi - 1].is_space):
        s_hi -= 1
    if a_hi >= s_hi:  # "…, according to X."
        lo, hi = sent.start, a_lo
    elif all(t.is_punct or t.is_space or t.lower_ in DISCOURSE for t in doc[sent.start:a_lo]):
        lo, hi = a_hi, sent.end  # "According to X, …"
    else:
        if head is None or head.i == tok.i:
            lo, hi = sent.start, sent.end
        else:
            lo, hi = head.left_edge.i, head.right_edge.i + 1
        if a_lo <= lo or (a_lo < hi - 1 and a_hi < hi - 1):
            lo = max(lo, a_hi)
        else:
            hi = a_lo
    if hi - lo < 3:
        return None
    s, e = trimmed(text, doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text))
    cue = Span(tok.idx, to.idx + len(to.text))
    # "according to a readout, Erdogan said ...": the clause has its own speaker and cue
    for t in doc[lo:hi]:
        if is_cue(t) and t.i != tok.i and any(k.dep_ == "nsubj" for k in t.children) and \
                any(k.dep_ == "ccomp" for k in t.children) and t.lemma_.lower() not in BELIEF_LEMMAS:
            return None
    return Candidate(s, e, "indirect", cue, src)
