"""From candidates to quotes: each gets a mention and a canonical speaker, in text order.

Order matters because a quote without its own source follows on from the previous one (only
if it is near), so the resolver also remembers the last person who spoke.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from desktop_app.core.model import Entity, Quote, Span
from desktop_app.nlp.lexicons import words
from desktop_app.nlp.quote_candidates import Candidate, doc_text, tok_span
from desktop_app.nlp.speakers import (
    CROWD_CUES,
    CROWD_HEADS,
    LETTERHEAD,
    Resolved,
    SpeakerResolver,
    without_possessive,
)

ATTRIBUTION_NOUNS = words("cues", "attribution_nouns")
_THROUGH = re.compile(r"\s*,\s*through\s+(?:its|their|the|his|her)\s+(?:[a-z-]+\s+){0,3}"
                      r"([A-Z][\w'-]+(?:\s[A-Z][\w'-]+){0,3})\s*,")


#: a live page's time stamp ("12:45 PKT", "9.30am") or a brief's place label ("Dhaka: ...") opens a new entry
_ENTRY_BREAK = re.compile(r"(?:^|\n)[ \t]*(?:\d{1,2}[:.]\d{2}[ \t]*(?:[AaPp]\.?[Mm]\.?|[A-Z]{2,5})?[ \t]*\n"
                          r"|([A-Z][^\W\d_]+(?:[ -][A-Z][^\W\d_]+){0,2}):[ \t])")


def entry_breaks(text: str, entities: list[Entity]) -> list[int]:
    """Offsets where an entry of a live page or a brief starts: a speaker of one entry does not carry over."""
    places = {e.start for e in entities if e.label in ("GPE", "LOC")}
    found = list(_ENTRY_BREAK.finditer(text))
    labels = [m.group(1) for m in found if m.group(1)]
    # a brief's place labels are each used once, and there are several ("Asunción:" untagged by the model);
    # an interview's turn labels come back ("Diallo: ..." twice)
    once = {lab for lab in labels if labels.count(lab) == 1} if len(set(labels)) >= 3 and all(
        labels.count(lab) == 1 for lab in labels) else set()
    out = []
    for m in found:
        at = m.start() + (text[m.start()] == "\n")
        if text[m.end() - 1] in " \t" and at not in places and m.group(1) not in once:
            continue  # "Naqvi: ..." is an interview turn, not a brief's place
        out.append(at)
    return out


def _whole_line(text: str, span: Span) -> bool:
    return (span.start == 0 or text[span.start - 1] == "\n") and (span.end == len(text) or text[span.end] == "\n")


#: "The warning came from X", "Those words were from X": the next sentence names who said the quote before it
_CAME_FROM = re.compile(r"[”\"’']?[ \t]*\n*[ \t]*(?:The|These|Those|That|This|His|Her|Their)\s+(?:[a-z]+\s+)?([a-z]+)\s+"
                        r"(?:came|were|was)\s+(?:made\s+|delivered\s+)?(?:from|by)\s+")


def _named_after(text: str, end: int) -> Span | None:
    """The words after ``_CAME_FROM`` up to a comma or the end of the sentence, when its noun is one that
    stands for words said ("warning", "remarks")."""
    m = _CAME_FROM.match(text, end + 1 if text[end:end + 1] in "”\"’'" else end)
    if m is None or m.group(1) not in ATTRIBUTION_NOUNS:
        return None
    tail = text[m.end():m.end() + 120]
    # a full stop after a short word is an abbreviation ("Gen. Moses Okello"), not the sentence's end
    stops = [x.start() for x in re.finditer(r"[,;\n(]| in a | on [A-Z]|\.(?=\s|$)", tail)
             if tail[x.start()] != "." or len(tail[:x.start()].split()[-1:][0] if tail[:x.start()].split() else "") > 3]
    hi = m.end() + (stops[0] if stops else 0)
    return Span(m.end(), hi) if hi > m.end() else None


def resolve_speakers(doc: Doc, cands: list[Candidate], entities: list[Entity], registry: dict[str, str] | None) -> list[Quote]:
    """One quote per candidate, in text order; one without a source of its own takes the previous speaker's."""
    resolver = SpeakerResolver(doc, entities, registry, text=doc_text(doc))
    text = doc_text(doc)
    quotes: list[Quote] = []
    previous: Resolved | None = None
    prev_end = -1
    prev_cue: Span | None = None
    prev_mention: Span | None = None
    breaks = entry_breaks(text, entities)
    resolver.entries = breaks if len(breaks) >= 2 else []
    for c in sorted(cands, key=lambda c: c.start):
        if previous is not None and any(prev_end <= b <= c.start for b in breaks):
            previous, prev_cue, prev_mention = None, None, None  # a new entry: no follow-on speaker
            resolver.last_person = None
        mention = c.mention
        if mention is None and c.subject is not None:
            lo, hi = resolver.mention_tokens(c.subject)
            mention = tok_span(doc, lo, hi)
        if mention is not None:
            m = _THROUGH.match(text, mention.end)
            if m:  # "The Ministry of Foreign Affairs, through its spokesperson Tahira Andleeb, expressed ..."
                mention = Span(m.start(1), m.end(1))
        cue = c.cue
        if c.source is not None:
            res = resolver.resolve(c.source, None)
            named = text[c.source.start:c.source.end].strip()
            if (not res.speaker or res.speaker in named) and 1 < len(named.split()) <= 4 and all(
                    w[:1].isupper() for w in named.split()):
                res = Resolved(named, res.entity)  # a name the model split ("Shazia" NORP + "Marri"): as written
            elif res.speaker and res.speaker != named and res.speaker in named and _whole_line(text, c.source) \
                    and LETTERHEAD.fullmatch(named):
                res = Resolved(named, res.entity)  # a release's letterhead: the body's full name as written
        elif mention is not None:
            res = resolver.resolve(mention, previous)
            named = text[mention.start:mention.end].strip()
            ent = resolver.entity_at(mention.start, mention.end)
            if (res.speaker and ent is not None and ent.label == "NORP" and res.speaker != named
                    and named.startswith(res.speaker) and 1 < len(named.split()) <= 3
                    and all(w[:1].isupper() for w in named.split())):
                res = Resolved(named, None)  # "Shazia Marri" with "Shazia" tagged NORP: the name as written
            if res.entity is None and mention is not None:
                ent = resolver.entity_at(mention.start, mention.end)
                if ent is not None and res.speaker and ent.label == "PERSON":
                    res = Resolved(res.speaker, ent.span)
        elif c.follows and previous is not None and (c.kind != "direct" or c.start - prev_end < 400):
            res = previous
            mention = prev_mention
            if cue is None and c.kind == "direct" and c.start - prev_end < 200 and text.count("\n", prev_end, c.start) < 2:
                cue = prev_cue
        else:
            res = Resolved(None, None)
            after = _named_after(text, c.end) if c.kind == "direct" else None
            if after is not None:  # '"... we will fight." The warning came from Gen. Moses Okello, ...'
                mention = after
                res = resolver.resolve(after, None)
        chant = cue is not None and any(text[cue.start:cue.end].lower().startswith(w) for w in CROWD_CUES)
        if chant and ((res.speaker and res.entity is None and res.speaker.split()[-1].lower() in CROWD_HEADS) or (
                mention is not None and text[mention.start:mention.end].lower() in ("they", "them"))):
            # a chanting crowd: the guidelines' short description ("they chanted" is the crowd, not a person near)
            res = Resolved("protesters", None)
        if res.speaker and res.entity is None and "s " in res.speaker:
            res = Resolved(without_possessive(res.speaker), None)  # "Pakistan's military" -> "Pakistani military"
        quotes.append(Quote(start=c.start, end=c.end, kind=c.kind, cue=cue, speaker=res.speaker,
                            speaker_entity=res.entity, mention=mention, origin="model", state="suggested"))
        if res.speaker:
            previous = Resolved(res.speaker, None)
            prev_end, prev_cue, prev_mention = c.end, cue, mention
            resolver.note_speaker(res.speaker)
    return quotes
