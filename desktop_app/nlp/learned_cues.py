"""Quotes from learned cues: the cue is learned, the content comes from the parse, the speaker from the rules.

A trained ``attribution_ner`` that knows only CUE spans (``newsgold train --quote-labels CUE``) finds the
wider cue set of the gold it learned from (beliefs, intentions, evaluations: "believes", "wants to",
"called the plan a disaster", "criticized", "a poll shows").  Two steps turn its cues into quotes:

1. the rule finder runs with the learned cue verbs counted as reporting verbs (the rules' reported
   clause, direct-quote attribution and speaker resolution then apply to them as to "said");
2. a learned cue that still has no quote gets its content from the dependency parse of the cue: the
   clausal complement, the infinitive ("plans to ..."), the object with its complement ("called the plan
   a disaster"), the prepositional object ("called for a moratorium"), the noun's "that" clause ("the
   claim that ..."), what follows a colon, or the host clause of a parenthetical "he said"; its speaker
   is the cue's subject resolved by the rule speaker resolution (nlp/speakers.py), so source accuracy
   stays rule-grade.

A few cues the model does not mark are added (an owned reporting noun with its clause, "In the poll, …"), a
content around its cue ("X, he said, Y") keeps its longer side, and a derived content nested in a quote already
found (or holding one) is not added.  Rule quotes stay as the rules made them, except that a rule quote of a
learned cue may grow to that cue's derived content (``regrow``); a derived content that the rules already have
(each covering half of the other) is not added again.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Token

from desktop_app.core.model import Entity, Quote, Span
from desktop_app.nlp.quote_candidates import Candidate, trimmed
from desktop_app.nlp.quote_cues import CUE_KEY, is_cue, subject_of
from desktop_app.nlp.quote_resolution import resolve_speakers

#: dependents of a cue verb whose subtree is what was said, believed or wanted
_CONTENT_DEPS = frozenset({"ccomp", "xcomp", "dobj", "oprd", "attr", "acomp", "prep", "dative", "pcomp", "advcl"})
#: prepositions that introduce a content ("called for", "warned of", "spoke about", "insisted on")
_CONTENT_PREPS = frozenset({"for", "of", "about", "on", "against", "to", "that", "as", "over", "by", "with", "at"})
#: the shortest derived content (characters); PolNeAR has short noun-phrase contents ("the Act")
MIN_CHARS = 4
#: a learned cue is only a cue when the parse agrees it could be one
_CUE_POS = frozenset({"VERB", "AUX", "NOUN", "ADJ", "PROPN", "ADP", "PUNCT", "SCONJ", "ADV"})


def cue_head(doc: Doc, cue: Span) -> Token | None:
    """The token of a cue span the rest hangs on (the verb of "pointed out", "according" of "according to")."""
    toks = [t for t in doc if cue.start <= t.idx < cue.end and not t.is_space]
    if not toks:
        return None
    inside = {t.i for t in toks}
    tops = [t for t in toks if t.head.i not in inside or t.head.i == t.i]
    # "then ruled", "has learned", "went on to discuss": the first full verb, else the top of the span
    verbs = [t for t in toks if t.pos_ == "VERB"]
    return (verbs or [t for t in toks if t.pos_ == "AUX"] or tops or toks)[0]


def _paragraph(text: str, at: int) -> tuple[int, int]:
    lo = text.rfind("\n", 0, at) + 1
    hi = text.find("\n", at)
    return lo, len(text) if hi < 0 else hi


def _range(toks: Sequence[Token]) -> tuple[int, int]:
    lo = min(t.left_edge.i for t in toks)
    hi = max(t.right_edge.i for t in toks) + 1
    return lo, hi


#: "In the poll, Clinton led …": what the writer reports from a document or a statement it opens
_REPORT_NOUNS = frozenset({"poll", "survey"})  # statements, interviews, reports …: more noise than gain (dev)


def _in_report(head: Token) -> bool:
    return head.lower_ == "in" and head.dep_ == "prep" and head.i == head.sent.start and any(
        c.dep_ == "pobj" and c.lemma_.lower() in _REPORT_NOUNS for c in head.children)


def content_tokens(head: Token) -> tuple[int, int] | None:
    """Token range [lo, hi) of what a cue reports, from its parse; None when the parse gives nothing."""
    if head.text == ":" or head.text in ("—", "–", "-"):
        sent_end = head.sent.end
        return (head.i + 1, sent_end) if sent_end > head.i + 1 else None
    if head.lower_ == "according" or _in_report(head):  # the rules read "according to X" (quote_indirect);
        if head.dep_ != "prep" or head.head.i == head.i:  # where they did not, and "In the poll, …":
            return None
        host = head.head  # the clause it modifies, on the longer side of "according to X"
        lo, hi = host.left_edge.i, host.right_edge.i + 1
        a_lo, a_hi = head.left_edge.i, head.right_edge.i + 1
        left, right_part = (lo, a_lo), (a_hi, hi)
        best = max(left, right_part, key=lambda r: r[1] - r[0])
        return best if best[1] > best[0] else None
    kids = list(head.children)
    ccomp = [c for c in kids if c.dep_ == "ccomp"]
    if ccomp:
        c = min(ccomp, key=lambda k: abs(k.i - head.i))
        return _range([c])
    if head.pos_ in ("NOUN", "PROPN"):
        clause = [c for c in kids if c.dep_ in ("acl", "relcl", "ccomp", "appos") and c.i > head.i
                  and any((m.dep_ == "mark" and m.lower_ in ("that", "whether", "if")) or
                          (m.dep_ == "aux" and m.lower_ == "to" and m.i < c.i) for m in c.children)]
        if clause:
            return _range(clause[:1])
        of = [c for c in kids if c.dep_ == "prep" and c.lower_ in _CONTENT_PREPS and c.i > head.i]
        if of:
            objs = [g for g in of[0].children if g.dep_ in ("pobj", "pcomp")]
            return _range(objs) if objs else None
        return None
    passive = next((c for c in kids if c.dep_ == "nsubjpass"), None)
    if passive is not None and any(c.dep_ == "agent" for c in kids):
        return _range([passive])  # "is supported by X": what X supports is the subject
    right = [c for c in kids if c.i > head.i and c.dep_ in _CONTENT_DEPS
             and (c.dep_ != "prep" or c.lower_ in _CONTENT_PREPS)
             and (c.dep_ != "advcl" or any(m.dep_ == "mark" and m.lower_ in ("that", "if", "whether") for m in c.children))]
    if right:
        first = min(right, key=lambda c: c.i)
        if first.dep_ == "dobj" and head.lemma_ in _ADDRESSEE_VERBS:  # "warned officials to boost security"
            first = next((c for c in right if c.dep_ in ("xcomp", "ccomp") and c.i > first.i), first)
        if first.dep_ == "prep":  # "called for a moratorium": the object of the preposition
            objs = [g for g in first.children if g.dep_ in ("pobj", "pcomp")]
            if objs:
                return objs[0].left_edge.i, _right_extent(head, first)
        return first.left_edge.i, _right_extent(head, first)
    if head.dep_ in ("parataxis", "ccomp", "advcl") and head.head.i != head.i:
        host = head.head  # "The plan, he said, is sound": the host clause without the cue's own words
        lo, hi = host.left_edge.i, host.right_edge.i + 1
        c_lo, c_hi = head.left_edge.i, head.right_edge.i + 1
        if c_hi >= hi - 1:
            hi = c_lo
        elif c_lo <= lo:
            lo = c_hi
        return (lo, hi) if hi > lo else None
    return None


#: verbs whose object is the one addressed, not what was said: "urged officials *to act*"
_ADDRESSEE_VERBS = frozenset({"urge", "warn", "ask", "tell", "advise", "encourage", "invite", "press", "implore", "beg",
                              "order", "instruct", "remind", "persuade", "challenge", "push", "caution", "direct"})

#: a clause hung on the cue that starts with these is the writer's circumstance, not the content
_CIRCUMSTANCE = frozenset({"after", "before", "when", "while", "because", "since", "as", "during", "until", "amid",
                           "despite", "although", "though", "whereas", "citing"})


#: prepositions after the object that still belong to what was said ("dismissed Estonia as a suburb",
#: "compared him to Obama"); any other ("in a statement", "during a stop") is the writer's circumstance
_OBJECT_PREPS = frozenset({"as", "to", "for", "of", "about", "against", "over", "from"})


def _right_extent(head: Token, first: Token) -> int:
    """Where a content that starts at ``first`` ends: over the cue's later dependents (coordinated objects,
    "as ..." complements), up to a second predicate of the cue's subject ("and criticized ..."), a
    participle ("..., focusing on ..."), or a circumstance ("after ...", "in a statement")."""
    hi = _cut_asides(first, first.right_edge.i + 1)
    for c in sorted(head.rights, key=lambda t: t.i):
        if c.i <= first.i or c.dep_ in ("punct", "cc", "npadvmod"):
            continue
        if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and not _coordinated_content(first, c):
            break
        if c.dep_ == "prep" and c.lower_ not in _OBJECT_PREPS:
            break
        if c.dep_ in ("advcl", "parataxis") and not any(
                m.dep_ == "mark" and m.lower_ in ("that", "if", "whether") for m in c.children):
            break
        if c.dep_ in ("advmod",):
            continue
        hi = _cut_asides(c, max(hi, c.right_edge.i + 1))
    return hi


def _coordinated_content(first: Token, conj: Token) -> bool:
    """A verb coordinated with the cue that is in fact a second item of its content: the parser hung "grow" of
    "wants to triple X, grow Y and create Z" or "forcing" of "mentioned refinancing loans and forcing …" on the cue.
    It has no subject of its own and the form of the content's first verb (bare infinitive, -ing)."""
    if any(k.dep_ in ("nsubj", "nsubjpass") for k in conj.children):
        return False
    verb = first if first.pos_ in ("VERB", "AUX") else None
    return verb is not None and conj.tag_ == verb.tag_ and conj.tag_ in ("VB", "VBG")


def _cut_asides(start: Token, hi: int) -> int:
    """End before ", which ...", " — a metaphor ..." or ", even suggesting ...": the writer's aside."""
    doc = start.doc
    for i in range(start.i + 1, hi - 1):
        t, nxt = doc[i], doc[i + 1]
        if t.text == "," and (nxt.lower_ in ("which", "although", "though", "whereas", "citing", "even")
                              or nxt.tag_ == "VBG"):
            return i
        if (t.text in ("—", "–", "--") or (t.text == "-" and t.whitespace_ and doc[i - 1].whitespace_)) \
                and i > start.i + 1:
            return i
    return hi


def _after_cue(head: Token, cue: Span | None, rng: tuple[int, int] | None) -> tuple[int, int] | None:
    """A learned cue that takes in its object ("is raising questions about", "showing support for", "has no
    illusions about"): the content is what follows the cue, to the end of the phrase it ends in."""
    if cue is None or head.lower_ == "according":
        return rng
    doc = head.doc
    toks = [t for t in doc if cue.start <= t.idx < cue.end]
    if len(toks) < 2:
        return rng
    c_hi = toks[-1].i + 1
    if rng is not None and rng[0] >= c_hi:
        return rng
    last = toks[-1]
    if (last.pos_ == "ADP" or last.dep_ == "prep") and last.dep_ != "agent":  # "supported by X": X is the source
        obj = [g for g in last.children if g.dep_ in ("pobj", "pcomp")]
        if obj:
            return c_hi, max(g.right_edge.i for g in obj) + 1
    if rng is not None and rng[1] > c_hi:
        return c_hi, rng[1]
    return rng


def _after_colon(text: str, cue: Span) -> tuple[int, int] | None:
    """A cue that ends in a colon ("The governor added:") and whose parse gives nothing: what follows the colon to
    the end of its paragraph, or the next paragraph when the colon ends its own (a block quote)."""
    i = cue.end
    while i < len(text) and text[i] in " \t":
        i += 1
    if text[cue.end - 1:cue.end] != ":" and text[i:i + 1] != ":":
        return None
    i = text.find(":", cue.end - 1) + 1
    lo, hi = _paragraph(text, i)
    if not text[i:hi].strip():  # the colon ends its paragraph: the next one
        j = hi
        while j < len(text) and text[j].isspace():
            j += 1
        if j >= len(text):
            return None
        lo, hi = _paragraph(text, j)
        i = lo
    s, e = trimmed(text, i, hi)
    return (s, e) if e - s >= MIN_CHARS else None


def derived_content(text: str, head: Token, cue: Span | None = None) -> tuple[int, int] | None:
    """Character span of what a cue reports: its parse range, cut to the cue's paragraph and trimmed."""
    rng = _after_cue(head, cue, content_tokens(head))
    if rng is None:
        return _after_colon(text, cue) if cue is not None else None
    doc = head.doc
    lo, hi = rng
    while hi > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_space) and doc[hi - 1].text not in "”\"’":
        hi -= 1
    if hi <= lo:
        return None
    for i in range(lo, hi):  # a semicolon ends what was said
        if doc[i].text == ";" and i > head.i:
            hi = i
            break
    p_lo, p_hi = _paragraph(text, head.idx)
    s = max(doc[lo].idx, p_lo)
    e = min(doc[hi - 1].idx + len(doc[hi - 1].text), p_hi)
    if e <= s:
        return None
    s, e = trimmed(text, s, e)
    return (s, e) if e - s >= MIN_CHARS else None


def source_of(head: Token) -> tuple[Token | None, bool]:
    """The cue's subject as the rules find it; for a noun cue its possessor or the subject of its verb."""
    if head.lower_ == "according":  # "according to X": X
        to = next((g for c in head.children if c.lower_ == "to" for g in c.children if g.dep_ == "pobj"), None)
        return to, False
    if _in_report(head):  # "In the poll, …": the poll
        return next(c for c in head.children if c.dep_ == "pobj"), False
    if head.pos_ in ("NOUN", "PROPN"):
        poss = next((c for c in head.children if c.dep_ == "poss"), None)
        if poss is not None:
            return poss, False
        by = next((g for c in head.children if c.dep_ == "prep" and c.lower_ == "by"
                   for g in c.children if g.dep_ == "pobj"), None)
        if by is not None:
            return by, False
        if head.dep_ in ("dobj", "pobj", "nsubj") and head.head.i != head.i:
            v = head.head if head.dep_ != "pobj" else head.head.head
            if v.pos_ in ("VERB", "AUX"):
                return subject_of(v)
        return None, False
    return subject_of(head)


def _holds(text: str, content: tuple[int, int], q: Span) -> bool:
    """``content`` holds ``q``, up to the marks trimmed off a content's ends ("called them “deplorables.”": the
    derived content ends before the stop and the quote mark that the rule quote keeps)."""
    lo, hi = content
    return (q.start >= lo or not text[q.start:lo].strip(_MARKS)) and (q.end <= hi or not text[hi:q.end].strip(_MARKS))


_MARKS = " .,!?;:“”\"‘’'"


def _around(text: str, content: Span, cue: Span, subj: Token | None) -> Span | None:
    """A content the cue sits inside ("The museum, Mr. Obama said, would make visitors …", "what the senators said
    was …"): the longer side of the cue and its subject, which holds most of what was said."""
    lo, hi = cue.start, cue.end
    if subj is not None:
        s_lo = subj.left_edge.idx
        s_hi = subj.right_edge.idx + len(subj.right_edge.text)
        if content.start <= s_lo and s_hi <= content.end and (s_hi <= lo or s_lo >= hi):
            lo, hi = min(lo, s_lo), max(hi, s_hi)
    sides = [trimmed(text, content.start, lo), trimmed(text, hi, content.end)]
    s, e = max(sides, key=lambda se: se[1] - se[0])
    return Span(s, e) if e - s >= MIN_CHARS else None


#: nouns that report what their owner said, believes or means to do, with a "that" clause or an infinitive
_NOUN_CUES = frozenset({"claim", "allegation", "assertion", "belief", "argument", "promise", "pledge", "warning", "demand",
                        "proposal", "suggestion", "insistence", "accusation", "threat", "vow", "contention", "prediction"})


def owned_noun_cues(doc: Doc) -> list[Token]:
    """Reporting nouns the cue model missed that carry their owner and their content: "Trump's claim *that …*",
    "the mayor's plan *to close the bridge*" (a possessor, and a "that" clause or an infinitive)."""
    out = []
    for t in doc:
        if t.pos_ != "NOUN" or t.lemma_.lower() not in _NOUN_CUES:
            continue
        if not any(c.dep_ == "poss" for c in t.children):
            continue
        if any(c.dep_ in ("acl", "relcl", "ccomp", "appos") and
               any(m.dep_ in ("mark", "aux") and m.lower_ in ("that", "to") and m.i < c.i for m in c.children)
               for c in t.children if c.i > t.i):
            out.append(t)
    return out


def _bare_adjective(doc: Doc, span: Span) -> bool:
    """A derived content of at most three words headed by an adjective ("seemed *credible to me*", "called it
    *unfair*"): PolNeAR dev has none of these as a content (0 of 6)."""
    toks = [t for t in doc if span.start <= t.idx < span.end and not t.is_punct]
    tops = [t for t in toks if not span.start <= t.head.idx < span.end or t.head.i == t.i]
    return len(toks) <= 3 and bool(tops) and tops[0].pos_ == "ADJ"


def _nested(span: Span, taken: Sequence[Span]) -> bool:
    """A derived content inside a quote already found, or holding one: mostly a second reading of the same words
    (PolNeAR dev: dropping them removed 83 quotes of which 19 were right, below the F1 break-even)."""
    return any((t.start <= span.start and span.end <= t.end) or (span.start <= t.start and t.end <= span.end)
               for t in taken)


def _same(a: Span, b: Span) -> bool:
    ov = a.overlap_len(b)
    return ov * 2 >= len(a) and ov * 2 >= len(b)


def mark_cues(doc: Doc, heads: Sequence[Token]) -> None:
    """Count the learned cue verbs as reporting verbs for the rule finders of this Doc (quote_cues.is_cue)."""
    if not len(doc):
        return
    is_cue(doc[0])  # computes the rule flags for the Doc
    flags = doc.user_data[CUE_KEY]
    for h in heads:
        if h.pos_ in ("VERB", "AUX"):
            flags[h.i] = True


def cue_quotes(doc: Doc, entities: list[Entity], registry: dict[str, str] | None, cues: Sequence[Span],
               rule_finder: Callable[..., list[Quote]], *, widen_rules: bool = True,
               derive: bool = True, regrow: bool = True, noun_cues: bool = True) -> list[Quote]:
    """Rule quotes (with the learned cue verbs as cues when ``widen_rules``) plus, when ``derive``, a quote
    per learned cue left without one, its content from the parse and its speaker from the rules.

    ``regrow``: a rule quote of a learned cue whose parse-derived content holds it and is longer takes that
    content, keeping its speaker (PolNeAR dev: +0.004 F1).
    """
    text = doc.text
    heads = [(c, h) for c in cues if (h := cue_head(doc, c)) is not None and h.pos_ in _CUE_POS]
    if noun_cues:
        extra_cues = owned_noun_cues(doc) + [t for t in doc if _in_report(t)]
        heads += [(Span(t.idx, t.idx + len(t.text)), t) for t in extra_cues
                  if not any(c.start <= t.idx < c.end for c, _ in heads)]
    if widen_rules:
        mark_cues(doc, [h for _, h in heads])
    rules = rule_finder(doc, entities, registry)
    if not derive:
        return rules
    cands: list[Candidate] = []
    taken = [q.span for q in rules]
    for cue, head in heads:
        ruled = [i for i, q in enumerate(rules) if q.cue is not None and q.cue.overlaps(cue)]
        if ruled:
            if regrow and len(ruled) == 1:
                q = rules[ruled[0]]
                content = derived_content(text, head, cue)
                if content is not None and _holds(text, content, q.span) and \
                        content[1] - content[0] > len(q.span) and not Span(*content).overlaps(cue):
                    rules[ruled[0]] = dataclasses.replace(q, start=min(content[0], q.start), end=max(content[1], q.end))
            continue
        content = derived_content(text, head, cue)
        if content is None:
            continue
        subj, _passive = source_of(head)
        span = Span(*content)
        if span.overlaps(cue):
            around = _around(text, span, cue, subj)
            if around is None:
                continue
            span = around
        if span.overlaps(cue) or any(_same(span, t) for t in taken) or _bare_adjective(doc, span) \
                or _nested(span, taken):
            continue
        if subj is not None and span.start <= subj.idx < span.end:
            subj = None
        taken.append(span)
        cands.append(Candidate(span.start, span.end, "indirect", cue, subj, follows=subj is None, verb=head))
    if not cands:
        return rules
    extra = resolve_speakers(doc, cands, entities, registry)
    return sorted(rules + extra, key=lambda q: (q.start, q.end))


def content_quotes(doc: Doc, entities: list[Entity], registry: dict[str, str] | None, spans: dict[str, list[Span]],
                   rule_finder: Callable[..., list[Quote]]) -> list[Quote]:
    """The alternative for a CONTENT / CUE / SOURCE model: rule quotes, plus the learned contents no rule quote
    has, each with its nearest learned cue and the speaker the rules resolve from that cue's subject."""
    from desktop_app.nlp.learned import NEAR, _nearest

    rules = rule_finder(doc, entities, registry)
    cands: list[Candidate] = []
    for content in spans["CONTENT"]:
        if any(q.span.overlaps(content) for q in rules):
            continue
        cue = _nearest(content, spans["CUE"], spans["CONTENT"])
        if cue is None or content.overlaps(cue) or content.start - cue.end > NEAR:
            continue
        head = cue_head(doc, cue)
        subj = source_of(head)[0] if head is not None else None
        if subj is not None and content.start <= subj.idx < content.end:
            subj = None
        cands.append(Candidate(content.start, content.end, "indirect", cue, subj, follows=subj is None, verb=head))
    extra = resolve_speakers(doc, cands, entities, registry) if cands else []
    return sorted(rules + extra, key=lambda q: (q.start, q.end))
