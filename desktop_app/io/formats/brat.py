"""brat standoff: a folder of NAME.txt + NAME.ann, plus annotation.conf and visual.conf.

Offsets are code points into the .txt exactly as written (newline='' keeps CRLF).  A span
that crosses a line break is written as fragments (``start end;start end``) because brat's
text field cannot hold a newline; reading takes the outer bounds back.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from desktop_app.core.model import Article
from desktop_app.errors import E, InputError
from desktop_app.io.formats import common
from desktop_app.io.formats.writers import Writer

ENTITY_TYPES = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")
_BREAK = re.compile(r"[\r\n]+")


def fragments(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """[s, e) cut at line breaks (empty pieces dropped; an all-break span keeps its bounds)."""
    out, pos = [], s
    for m in _BREAK.finditer(text, s, e):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < e:
        out.append((pos, e))
    return out or [(s, e)]


def ann_lines(article: Article, status: str) -> tuple[list[str], set[str]]:
    """The .ann lines for one article and the event types used."""
    text = article.text
    g = common.to_graph(article, status)
    lines: list[str] = []
    tid: dict[int, str] = {}
    quote_spans: dict[int, str] = {}
    ev_types: set[str] = set()
    for i, (s, e, label) in enumerate(g.spans):
        brat_label = label
        if label.startswith(common.QUOTE_PREFIX):
            brat_label = "Quote"
            quote_spans[i] = label[len(common.QUOTE_PREFIX):].lower()
        elif label.startswith(common.EVENT_PREFIX):
            brat_label = label[len(common.EVENT_PREFIX):]
            ev_types.add(brat_label)
        elif label == common.CUE:
            brat_label = "Cue"
        elif label == common.SPEAKER:
            brat_label = "Speaker"
        frags = fragments(text, s, e)
        t = f"T{len(tid) + 1}"
        tid[i] = t
        shown = " ".join(text[a:b] for a, b in frags)
        lines.append(f"{t}\t{brat_label} " + ";".join(f"{a} {b}" for a, b in frags) + f"\t{shown}")
    n_a = n_r = n_e = n_note = 0
    events: dict[int, dict[str, str]] = {}
    for a, b, t in g.relations:
        if t in (common.ACTOR, common.RECIPIENT):
            events.setdefault(a, {})["Actor" if t == common.ACTOR else "Recipient"] = tid[b]
            continue
        n_r += 1
        lines.append(f"R{n_r}\t{'Speaker_of' if t == common.SPEAKER_OF else 'Cue_of'} Arg1:{tid[a]} Arg2:{tid[b]}")
    eid: dict[int, str] = {}
    for i, (_, _, label) in enumerate(g.spans):
        if label.startswith(common.EVENT_PREFIX):
            n_e += 1
            eid[i] = f"E{n_e}"
            args = "".join(f" {role}:{ref}" for role, ref in sorted(events.get(i, {}).items()))
            lines.append(f"E{n_e}\t{label[len(common.EVENT_PREFIX):]}:{tid[i]}{args}")
    for i in range(len(g.spans)):
        m = g.span_meta.get(i, {})
        target = eid.get(i, tid[i])
        if i in quote_spans:
            n_a += 1
            lines.append(f"A{n_a}\tKind {target} {quote_spans[i]}")
        for attr in ("state", "origin"):
            if m.get(attr):
                n_a += 1
                lines.append(f"A{n_a}\t{attr.capitalize()} {target} {m[attr]}")
        if m.get("name"):
            n_note += 1
            lines.append(f"#{n_note}\tAnnotatorNotes {target}\tspeaker={m['name']}")
        if m.get("sentence"):
            n_note += 1
            lines.append(f"#{n_note}\tAnnotatorNotes {target}\tsentence={m['sentence'][0]} {m['sentence'][1]}")
    return lines, ev_types


def annotation_conf(event_types: set[str]) -> str:
    """brat's configuration: every label used, events with optional Actor/Recipient, attributes."""
    ents = [*ENTITY_TYPES, "Quote", "Cue", "Speaker"]
    ent_arg = "|".join(ENTITY_TYPES)
    events = "\n".join(f"{t}\tActor?:{ent_arg}, Recipient?:{ent_arg}" for t in sorted(event_types))
    return (
        "[entities]\n" + "\n".join(ents) + "\n\n"
        "[relations]\n"
        f"Speaker_of\tArg1:Speaker|{ent_arg}, Arg2:Quote\n"
        "Cue_of\tArg1:Cue, Arg2:Quote\n"
        "<OVERLAP>\tArg1:<ANY>, Arg2:<ANY>, <OVL-TYPE>:<ANY>\n\n"
        "[events]\n" + events + "\n\n"
        "[attributes]\n"
        "Kind\tArg:Quote, Value:direct|indirect|mixed\n"
        "State\tArg:<ANY>, Value:suggested|accepted\n"
        "Origin\tArg:<ANY>, Value:model|rule|human\n"
    )


VISUAL_CONF = """[labels]
Quote | Quote | Q
Cue | Cue
Speaker | Speaker | Spk
Speaker_of | speaker of
Cue_of | cue of

[drawing]
Quote\tbgColor:#ffe8a3
Cue\tbgColor:#c7e9c0
Speaker\tbgColor:#d0d1e6
PERSON\tbgColor:#aec7e8
ORG\tbgColor:#ffbb78
GPE\tbgColor:#98df8a
"""


class BratWriter(Writer):
    def __init__(self, path: Path, status: str, options: dict[str, Any]) -> None:
        super().__init__(path, status, options)
        path.mkdir(parents=True, exist_ok=True)
        self.event_types: set[str] = set()

    def add(self, article: Article) -> None:
        lines, types = ann_lines(article, self.status)
        self.event_types |= types
        with open(self.path / f"{article.id}.txt", "w", encoding="utf-8", newline="") as f:
            f.write(article.text)
        with open(self.path / f"{article.id}.ann", "w", encoding="utf-8", newline="\n") as f:
            f.write("".join(line + "\n" for line in lines))
        self.n += 1

    def close(self) -> None:
        (self.path / "annotation.conf").write_text(annotation_conf(self.event_types), encoding="utf-8")
        (self.path / "visual.conf").write_text(VISUAL_CONF, encoding="utf-8")


# -- strict reading (brat standoff grammar) ---------------------------------------

_ID = r"[A-Za-z0-9_-]+"
T_LINE = re.compile(rf"^(T\d+)\t({_ID}) (\d+ \d+(?:;\d+ \d+)*)\t([^\n]*)$")
R_LINE = re.compile(rf"^(R\d+)\t({_ID}) Arg1:(T\d+) Arg2:(T\d+)\s*$")
E_LINE = re.compile(rf"^(E\d+)\t({_ID}):(T\d+)((?: {_ID}:[TE]\d+)*)\s*$")
A_LINE = re.compile(rf"^([AM]\d+)\t({_ID}) ([TER]\d+)(?: ({_ID}))?\s*$")
NOTE_LINE = re.compile(r"^(#\d+)\t(AnnotatorNotes) ([TERA#]\d+)\t([^\n]*)$")
N_LINE = re.compile(r"^(N\d+)\tReference ([TE]\d+) ([^\s:]+):([^\t]+)\t([^\n]*)$")
EQUIV_LINE = re.compile(r"^\*\t(Equiv) (T\d+(?: T\d+)+)\s*$")


def parse_ann(content: str, where: str, text: str | None = None) -> dict[str, Any]:
    """Parse .ann text strictly; any line that fits no brat form is an InputError naming file:line."""
    out: dict[str, Any] = {"T": {}, "R": [], "E": {}, "A": [], "#": []}
    for n, raw in enumerate(content.split("\n"), start=1):
        line = raw.rstrip("\r")
        if not line:
            continue
        if m := T_LINE.match(line):
            frags = [tuple(int(x) for x in f.split()) for f in m.group(3).split(";")]
            if any(a > b for a, b in frags):
                raise InputError(E.E012, f"{where}:{n}", line=n, detail=f"bad offsets {m.group(3)}")
            if text is not None:
                if frags[-1][1] > len(text):
                    raise InputError(E.E009, f"{where}:{n}", line=n, start=frags[0][0], end=frags[-1][1],
                                     length=len(text))
                if " ".join(text[a:b] for a, b in frags) != m.group(4):
                    raise InputError(E.E012, f"{where}:{n}", line=n, detail="text field differs from the .txt")
            out["T"][m.group(1)] = (m.group(2), frags, m.group(4))
        elif m := R_LINE.match(line):
            out["R"].append((m.group(2), m.group(3), m.group(4)))
        elif m := E_LINE.match(line):
            args = [tuple(x.split(":")) for x in m.group(4).split()]
            out["E"][m.group(1)] = (m.group(2), m.group(3), args)
        elif m := A_LINE.match(line):
            out["A"].append((m.group(2), m.group(3), m.group(4)))
        elif m := NOTE_LINE.match(line):
            out["#"].append((m.group(3), m.group(4)))
        elif N_LINE.match(line) or EQUIV_LINE.match(line):
            continue
        else:
            raise InputError(E.E012, f"{where}:{n}", line=n, detail=f"not a brat standoff line: {line[:60]!r}")
    return out


_LABEL_BACK = {"Quote": None, "Cue": common.CUE, "Speaker": common.SPEAKER}


def read_brat_folder(folder: Path) -> Iterator[Article | InputError]:
    from desktop_app.io.importers import new_article

    for ann in sorted(folder.rglob("*.ann")):
        txt = ann.with_suffix(".txt")
        try:
            with open(txt, encoding="utf-8", newline="") as f:
                text = f.read()
            parsed = parse_ann(ann.read_text(encoding="utf-8"), str(ann), text)
        except InputError as err:
            yield err
            continue
        except (OSError, UnicodeDecodeError) as exc:
            yield InputError(E.E011, str(txt), detail=str(exc))
            continue
        attrs: dict[str, dict[str, str]] = {}
        for name, ref, value in parsed["A"]:
            attrs.setdefault(ref, {})[name.lower()] = value or "true"
        for ref, note in parsed["#"]:
            key, _, value = note.partition("=")
            attrs.setdefault(ref, {})["note_" + key] = value
        ev_by_trigger = {trig: eid for eid, (_, trig, _) in parsed["E"].items()}
        g = common.Graph()
        idx: dict[str, int] = {}
        for t, (label, frags, _) in parsed["T"].items():
            a = attrs.get(ev_by_trigger.get(t, t), {})
            if label == "Quote":
                lab = common.QUOTE_PREFIX + a.get("kind", "direct").upper()
            elif label in _LABEL_BACK:
                lab = str(_LABEL_BACK[label])
            elif t in ev_by_trigger:
                lab = common.EVENT_PREFIX + label
            else:
                lab = label
            meta: dict[str, Any] = {k: a[k] for k in ("state", "origin") if k in a}
            if "note_speaker" in a:
                meta["name"] = a["note_speaker"]
            if "note_sentence" in a:
                meta["sentence"] = [int(x) for x in a["note_sentence"].split()]
            g.spans.append((frags[0][0], frags[-1][1], lab))
            if meta:
                g.span_meta[len(g.spans) - 1] = meta
            idx[t] = len(g.spans) - 1
        for rel, a1, a2 in parsed["R"]:
            if a1 in idx and a2 in idx:
                g.relations.append((idx[a1], idx[a2], common.SPEAKER_OF if rel == "Speaker_of" else common.CUE_OF))
        for _, (_, trig, args) in parsed["E"].items():
            for role, ref in args:
                if ref in idx and role in ("Actor", "Recipient"):
                    g.relations.append((idx[trig], idx[ref], common.ACTOR if role == "Actor" else common.RECIPIENT))
        art = new_article(text, source=txt.name)
        art.provenance = {"file": str(ann), "format": "brat"}
        try:
            yield common.from_graph(art, g, str(ann))
        except InputError as err:
            yield err
