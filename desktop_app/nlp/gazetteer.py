"""The domain gazetteer: names of groups, state bodies, places and crossings, with aliases.

Entries live in ``resources/gazetteer/*.jsonl`` (one JSON object a line: ``label``,
``canonical``, ``aliases``, optional ``context``) so annotators can extend them without
touching code.  They become phrase patterns of a spaCy ``span_ruler`` placed after the
NER, whose merge rule (:func:`gazetteer_wins_filter`) lets a gazetteer name replace the
model's overlapping guess ("TTP/FaK" as one ORG, "Tehrik" alone, "Torkham" as ORG) but
keeps a longer model name that merely contains it ("Pakistan Army" over "Pakistan").
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy
from spacy.attrs import IS_SPACE, ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan
from spacy.util import compile_suffix_regex, registry

from desktop_app.core.model import ENTITY_LABELS
from desktop_app.errors import E, NewsGoldError
from desktop_app.nlp.lexicons import words
from desktop_app.paths import resources_dir

RULER_NAME = "newsgold_gazetteer"
PARAGRAPHS_NAME = "newsgold_paragraphs"
FILTER_NAME = "newsgold.gazetteer_wins.v1"
#: matches of these names need a platform context ("a post on X"), else they are dropped
_PLATFORM_PREV = frozenset({"on", "via"})
_PLATFORM_NEXT = frozenset({"post", "posts", "account", "accounts", "handle", "page", "video", "statement"})


def gazetteer_dir() -> Path:
    return resources_dir() / "gazetteer"


@dataclass
class Gazetteer:
    """Phrase patterns plus the alias -> canonical map used to name actors and speakers."""

    patterns: list[dict[str, Any]] = field(default_factory=list)
    canonical: dict[str, str] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    contextual: set[str] = field(default_factory=set)

    def canonical_of(self, name: str) -> str | None:
        return self.canonical.get(name) or self.canonical.get(name.casefold())


def load_gazetteer(paths: Iterable[Path] | None = None) -> Gazetteer:
    """Read every ``*.jsonl`` file (sorted) of the gazetteer folder, or the given files."""
    files = sorted(gazetteer_dir().glob("*.jsonl")) if paths is None else list(paths)
    gaz = Gazetteer()
    for path in files:
        with open(path, encoding="utf-8") as f:
            for n, raw in enumerate(f, start=1):
                if not raw.strip() or raw.lstrip().startswith("#"):
                    continue
                try:
                    obj = json.loads(raw)
                    label, canonical = str(obj["label"]), str(obj["canonical"])
                    aliases = [str(a) for a in obj.get("aliases") or []]
                except (ValueError, KeyError, TypeError) as exc:
                    raise NewsGoldError(E.E205, f"{path}:{n}", detail=str(exc)) from exc
                if label not in ENTITY_LABELS:
                    raise NewsGoldError(E.E205, f"{path}:{n}", detail=f"label {label!r} not in {ENTITY_LABELS}")
                names = [canonical, *aliases]
                if label in ("GPE", "LOC", "FAC"):  # datelines: "ISLAMABAD:"
                    names += [n.upper() for n in names if n.upper() != n and len(n) > 3]
                for name in dict.fromkeys(names):
                    gaz.patterns.append({"label": label, "pattern": name, "id": canonical})
                    gaz.canonical.setdefault(name, canonical)
                    gaz.canonical.setdefault(name.casefold(), canonical)
                    gaz.labels.setdefault(name, label)
                    if obj.get("context") == "platform":
                        gaz.contextual.add(name)
    return gaz


def _platform_context(span: SpacySpan) -> bool:
    doc = span.doc
    prev = doc[span.start - 1].lower_ if span.start > 0 else ""
    nxt = doc[span.end].lower_ if span.end < len(doc) else ""
    return prev in _PLATFORM_PREV or nxt in _PLATFORM_NEXT


@registry.misc(FILTER_NAME)
def make_gazetteer_wins_filter(contextual: list[str] | None = None) -> Any:
    needs_context = frozenset(contextual or ())

    def gazetteer_wins_filter(entities: Iterable[SpacySpan], spans: Iterable[SpacySpan]) -> list[SpacySpan]:
        matches = sorted(spans, key=lambda s: (s.start - s.end, s.start))
        ents = list(entities)
        taken: list[SpacySpan] = []
        kept: list[SpacySpan] = []  # model names that won against a longer match: shorter ones do not cut them
        for m in matches:
            if m.text in needs_context and not _platform_context(m):
                continue
            if any(m.start < t.end and t.start < m.end for t in taken):
                continue
            if any(e.start <= m.start and m.end <= e.end for e in kept):
                continue  # "South Korean Foreign Ministry" kept over "South Korean": not cut by "Foreign Ministry"
            keep = True
            for e in ents:
                if e.start < m.end and m.start < e.end and _model_name_contains(e, m):
                    keep = False
                    kept.append(e)
                    break
            if not keep:
                continue
            taken.append(m)
            ents = [e for e in ents if not (e.start < m.end and m.start < e.end)]
        return ents + taken

    return gazetteer_wins_filter


#: a longer model name that ends in one of these is an institution and keeps its place name ("Pakistan Army")
INSTITUTION_HEADS = words("entities", "institution_heads")


def _model_name_contains(ent: SpacySpan, match: SpacySpan) -> bool:
    """A longer model name that contains the match and ends like an institution wins ("Pakistan Army")."""
    if not (ent.start <= match.start and match.end <= ent.end) or len(ent) == len(match):
        return False
    if _company_after_demonym(ent, match) or _person_named_after_place(ent, match):
        return True
    if ent.label_ in ("GPE", "LOC") and match.start == ent.start + 1 and match.end == ent.end \
            and ent[0].lower_ in _PLACE_PREFIXES and ent[0].is_title:
        return True  # "Port Sudan", "Puerto Colombia": a town named after a known country or region
    if match.end == ent.end or ent[-1].lower_ not in INSTITUTION_HEADS:
        return False
    return not any(t.is_space or (t.is_punct and t.text not in ("-", ".", "&")) for t in ent)


#: a model place name made of one of these + a known name is another place ("Port Sudan" is no "Sudan")
_PLACE_PREFIXES = frozenset({"port", "puerto", "porto", "fort", "san", "santa", "santo", "são", "saint", "st", "sainte"})

_NAME_LINKS = frozenset({"of", "for", "and", "&"})


def _company_after_demonym(ent: SpacySpan, match: SpacySpan) -> bool:
    """A model ORG that opens with a demonym and goes on in capitalised words is a name ("Turkish Airlines")."""
    if match.label_ != "NORP" or ent.label_ != "ORG" or ent.start != match.start or not ent[-1].is_title:
        return False
    return all(t.is_title or t.lower_ in _NAME_LINKS for t in ent[len(match) :])


def _person_named_after_place(ent: SpacySpan, match: SpacySpan) -> bool:
    """A model PERSON of two or three capitalised words that opens with a one-word place is a person ("Paris Hilton")."""
    if match.label_ not in ("GPE", "LOC") or ent.label_ != "PERSON" or ent.start != match.start or len(match) != 1:
        return False
    return len(ent) <= 3 and all(t.is_alpha and t.is_title for t in ent)


_DASHES = frozenset({":", "-", "–", "—"})


def _dateline_end(doc: Doc, a: int) -> int:
    """Index of the first token after a dateline or turn label opening the line at ``a`` (``a`` if none)."""
    n = len(doc)
    j = a
    while j < n and j - a < 4 and doc[j].is_alpha and (doc[j].is_upper or (doc[j].is_title and j - a < 3)):
        j += 1
    if j == a or j >= n:
        return a
    caps = all(t.is_upper for t in doc[a:j])
    if caps and doc[j].text == "," and j + 2 < n and doc[j + 1].is_title and doc[j + 2].like_num:
        j += 3  # ", Oct 13"
    if caps and j < n and doc[j].text == "(":
        k = j + 1
        while k < n and k - j < 6 and doc[k].text != ")" and "\n" not in doc[k].text:
            k += 1
        if k < n and doc[k].text == ")":
            j = k + 1
    if j < n and doc[j].text in _DASHES and (caps or doc[j].text == ":"):
        return j + 1
    return a


@Language.component(PARAGRAPHS_NAME, assigns=["token.is_sent_start"])
def paragraphs(doc: Doc) -> Doc:
    """A line break starts a new sentence (titles, datelines, paragraphs), before the parser runs."""
    n = len(doc)
    line_starts = [0]
    for i in numpy.flatnonzero(doc.to_array(IS_SPACE)).tolist():
        if i + 1 < n and "\n" in doc[i].text and not doc[i + 1].is_space:
            doc[i + 1].is_sent_start = True
            line_starts.append(i + 1)
    # "ISLAMABAD: Pakistan said ...", "ISLAMABAD, Oct 13 (PNS) – Pakistan said ...", "Quetta: Police ...",
    # "Q: ..." - the dateline or turn label belongs to the first sentence
    for a in line_starts:
        j = _dateline_end(doc, a)
        if j > a and j < n and not doc[j].is_space:
            for tok in doc[a + 1 : j + 1]:
                tok.is_sent_start = False
    # a line without sentence punctuation (a headline, a dateline) is one sentence
    line_starts.append(n)
    for a, b in itertools.pairwise(line_starts):
        end = b
        while end > a + 1 and doc[end - 1].is_space:
            end -= 1
        if end - a < 2 or end - a > 40:
            continue
        chunk = doc[a:end].text
        if not any(c in chunk for c in ".!?"):
            for tok in doc[a + 1 : end]:
                tok.is_sent_start = False
    _no_start_mid_clause(doc)
    return doc


#: a sentence may start after a token ending in one of these (or after a line break); the parser of the small
#: model otherwise cuts "Interior | Minister Arshad Malik condemned ..." after a live page's time stamp
_MAY_END = tuple(".!?:;\"”’')]…»")


_MAY_END_CACHE: dict[int, bool] = {}  # word hash -> may a sentence start after it (the same for every Doc)


def _no_start_mid_clause(doc: Doc) -> None:
    n = len(doc)
    if n < 2:
        return
    orths = doc.to_array(ORTH)
    uniq, inverse = numpy.unique(orths, return_inverse=True)
    strings = doc.vocab.strings
    known = _MAY_END_CACHE
    flags = []
    for h in uniq.tolist():
        flag = known.get(h)
        if flag is None:
            t = strings[h]
            flag = known[h] = t.endswith(_MAY_END) or t.isspace()
        flags.append(flag)
    after_end = numpy.array(flags, dtype=bool)[inverse.reshape(-1)]
    starts = doc.to_array([SENT_START]).astype("int64").reshape(-1)
    forbid = numpy.zeros(n, dtype=bool)
    forbid[1:] = ~after_end[:-1]
    forbid &= starts == 0
    if forbid.any():
        starts[forbid] = -1
        doc.from_array([SENT_START], starts.astype("uint64").reshape(-1, 1))  # type: ignore[arg-type]  # thinc Ints2d


def add_gazetteer(nlp: Language, gaz: Gazetteer) -> None:
    """Install the paragraph splitter (before the parser) and the gazetteer ruler (after the NER)."""
    if PARAGRAPHS_NAME not in nlp.pipe_names:
        if "parser" in nlp.pipe_names:
            nlp.add_pipe(PARAGRAPHS_NAME, before="parser")
        elif "senter" in nlp.pipe_names:
            nlp.add_pipe(PARAGRAPHS_NAME, before="senter")
        elif "sentencizer" in nlp.pipe_names:
            nlp.add_pipe(PARAGRAPHS_NAME, before="sentencizer")
        else:
            nlp.add_pipe(PARAGRAPHS_NAME, first=True)
    where: dict[str, Any] = {"after": "ner"} if "ner" in nlp.pipe_names else {"last": True}
    ruler = nlp.add_pipe(
        "span_ruler",
        name=RULER_NAME,
        config={
            "spans_key": None,
            "annotate_ents": True,
            "overwrite": False,
            "phrase_matcher_attr": "ORTH",
            "ents_filter": {"@misc": FILTER_NAME, "contextual": sorted(gaz.contextual)},
        },
        **where,
    )
    ruler.add_patterns(gaz.patterns)  # type: ignore[attr-defined]
    _split_acronym_full_stop(nlp)


#: "... such as BLA/FaH." / "... said the ISPR." - the full stop ends the sentence, it is not an abbreviation
_ACRONYM_STOP = (r"(?<=[a-z][A-Z])\.", r"(?<=[A-Z]{3})\.")


def _split_acronym_full_stop(nlp: Language) -> None:
    tokenizer: Any = nlp.tokenizer
    current = getattr(tokenizer.suffix_search, "__self__", None)
    if current is None or _ACRONYM_STOP[0] in getattr(current, "pattern", ""):
        return
    suffixes = [*_ACRONYM_STOP, *nlp.Defaults.suffixes]  # type: ignore[misc]
    tokenizer.suffix_search = compile_suffix_regex(suffixes).search
