"""Attribution corpora in brat standoff (PolNeAR, PARC-style): Source, Cue and Content spans tied by events.

Layouts: a split folder ``text/NAME.txt`` + ``attributions/NAME_<annotator>.ann`` (PolNeAR), or
``NAME.txt`` beside ``NAME.ann`` / ``NAME_<annotator>.ann`` in one folder.  With several annotator
files for one text the first in name order is read.  Texts are read with ``newline=""``: offsets
count the characters of the file as it is (CRLF included).

``E<n>\\tAttribution:T<a> Content:T<c> Cue:T<k> [Source:T<s>] [Content2:T<d>]`` in any argument
order; span texts may hold newlines, so a line that is no record continues the text of the ``T``
record before it, and only then.  Every other line that fits no form is refused with file:line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.core.model import Article, Quote, Span
from desktop_app.errors import E, InputError

_T = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)$", re.DOTALL)
_E = re.compile(r"^(E\d+)\t(\S+:[TE]\d+(?: +\S+:[TE]\d+)*) *$")
_OTHER = re.compile(r"^(?:[AMR]\d+|#\d*|\*|N\d+)\t")
_RECORD = re.compile(r"^(?:[TEAMRN]\d+|#\d*|\*)\t")
#: quote characters that make a content fragment a direct quote
_OPENING_QUOTES = "\"'“‘«„"
#: fragments of a cue or source this close together are one span (``said ... on Tuesday`` stays apart)
_JOIN_GAP = 3


@dataclass
class Attribution:
    content: list[Span]
    source: list[Span] = field(default_factory=list)
    cue: list[Span] = field(default_factory=list)
    #: a second Content (PolNeAR's Content2): imported as quotes, left out of scoring as it was before
    more: list[Span] = field(default_factory=list)

    @property
    def length(self) -> int:
        return sum(len(s) for s in self.content)


def _error(where: str, line: int, detail: str) -> InputError:
    return InputError(E.E500, f"{where}:{line}", line=line, detail=detail)


def parse_attribution_ann(content: str, where: str, text: str | None = None) -> list[Attribution]:
    """The attributions of one .ann text, in event order; InputError E500 naming ``where:line`` on a bad line."""
    spans: dict[str, list[Span]] = {}
    events: list[tuple[int, dict[str, str]]] = []
    open_text = 0  # characters the last T record's text field still lacks (a newline inside the span)
    for n, raw in enumerate(content.split("\n"), start=1):
        line = raw.rstrip("\r")
        if not _RECORD.match(line):
            if open_text > 0:
                open_text -= len(raw) + 1
                continue
            if not line.strip():
                continue
            raise _error(where, n, f"not a brat standoff line: {line[:60]!r}")
        open_text = 0
        if m := _T.match(line):
            frags: list[Span] = []
            for part in m.group(3).split(";"):
                a, b = (int(x) for x in part.split())
                if b <= a:
                    raise _error(where, n, f"empty or reversed span {part!r}")
                if text is not None and b > len(text):
                    raise _error(where, n, f"span {part!r} ends after the text (length {len(text)})")
                frags.append(Span(a, b))
            spans[m.group(1)] = frags
            expected = sum(len(f) for f in frags) + len(frags) - 1
            open_text = expected - len(m.group(4))
        elif m := _E.match(line):
            args: dict[str, str] = {}
            for arg in m.group(2).split():
                role, _, ref = arg.partition(":")
                args[role] = ref
            events.append((n, args))
        elif _OTHER.match(line):
            continue  # notes, attributes, relations: not part of an attribution
        else:
            raise _error(where, n, f"not a brat standoff line: {line[:60]!r}")
    out = []
    for n, args in events:
        for ref in args.values():
            if ref.startswith("T") and ref not in spans:
                raise _error(where, n, f"{ref} is not a text-bound annotation of this file")
        main, more = spans.get(args.get("Content", ""), []), spans.get(args.get("Content2", ""), [])
        if not main and not more:
            continue  # an attribution without content (a Discuss/Discard note) carries no quote
        out.append(Attribution(main or more, spans.get(args.get("Source", ""), []),
                               spans.get(args.get("Cue", ""), []), more if main else []))
    return out


def read_attribution_ann(path: Path, text: str | None = None) -> list[Attribution]:
    try:
        with open(path, encoding="utf-8", newline="") as f:
            content = f.read()
    except UnicodeDecodeError as exc:
        raise InputError(E.E003, str(path)) from exc
    except OSError as exc:
        raise InputError(E.E011, str(path), detail=exc.strerror or str(exc)) from exc
    return parse_attribution_ann(content, str(path), text)


def is_split_folder(folder: Path) -> bool:
    return (folder / "text").is_dir() and (folder / "attributions").is_dir()


def is_attribution_folder(folder: Path) -> bool:
    """A PolNeAR split folder, or a folder whose first .ann has Content spans (not our own brat export)."""
    if is_split_folder(folder):
        return True
    first = next(iter(sorted(folder.glob("*.ann"))), None)
    if first is None:
        return False
    try:
        head = first.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return re.search(r"^T\d+\tContent ", head, re.MULTILINE) is not None


def pairs(folder: Path) -> Iterator[tuple[Path, Path]]:
    """(text, first annotator's .ann) per text in name order; texts without one are skipped."""
    text_dir, ann_dir = (folder / "text", folder / "attributions") if is_split_folder(folder) else (folder, folder)
    anns = sorted(ann_dir.glob("*.ann"))
    by_stem: dict[str, list[Path]] = {}
    for a in anns:
        by_stem.setdefault(a.stem, []).append(a)
        stem, sep, _ = a.stem.rpartition("_")
        if sep:
            by_stem.setdefault(stem, []).append(a)
    for txt in sorted(text_dir.glob("*.txt")):
        mine = by_stem.get(txt.stem)
        if mine:
            exact = [a for a in mine if a.stem == txt.stem]
            yield txt, (exact or mine)[0]


def _joined(frags: list[Span], text: str) -> Span | None:
    """One span for a cue or source: its first fragment, grown over the next ones that follow within a few spaces."""
    if not frags:
        return None
    frags = sorted(frags)
    out = frags[0]
    for f in frags[1:]:
        if f.start - out.end > _JOIN_GAP or text[out.end:f.start].strip():
            break
        out = Span(out.start, f.end)
    return out


def attribution_quotes(text: str, attributions: list[Attribution], *, state: str = "accepted") -> list[Quote]:
    """One quote per content fragment (fragments of one attribution share its cue and speaker)."""
    quotes: dict[tuple[int, int], Quote] = {}
    for att in attributions:
        cue, mention = _joined(att.cue, text), _joined(att.source, text)
        speaker = text[mention.start:mention.end] if mention is not None else None
        for frag in [*att.content, *att.more]:
            piece = text[frag.start:frag.end].lstrip()
            kind = "direct" if piece[:1] in _OPENING_QUOTES else "indirect"
            quotes.setdefault((frag.start, frag.end), Quote(frag.start, frag.end, kind=kind, cue=cue,
                                                            speaker=speaker, mention=mention, origin="human",
                                                            state=state))
    return [quotes[k] for k in sorted(quotes)]


def read_attribution_folder(folder: Path) -> Iterator[Article | InputError]:
    """Articles with the attributions of ``folder`` as quotes (suggested; ``--as-gold`` accepts them)."""
    from desktop_app.io.importers import new_article

    for txt, ann in pairs(folder):
        try:
            with open(txt, encoding="utf-8", newline="") as f:
                text = f.read()
            atts = read_attribution_ann(ann, text)
        except InputError as err:
            yield err
            continue
        except UnicodeDecodeError:
            yield InputError(E.E003, str(txt))
            continue
        except OSError as exc:
            yield InputError(E.E011, str(txt), detail=exc.strerror or str(exc))
            continue
        article = new_article(text, source=txt.name)
        article.quotes = attribution_quotes(text, atts, state="suggested")
        article.provenance = {"file": str(ann), "format": "brat-attribution"}
        yield article


def read_any_brat(folder: Path) -> Iterator[Article | InputError]:
    """An attribution corpus, or else a brat folder of our own export."""
    from desktop_app.io.formats.brat import read_brat_folder

    if is_attribution_folder(folder):
        yield from read_attribution_folder(folder)
    else:
        yield from read_brat_folder(folder)
