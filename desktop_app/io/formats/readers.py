"""Line parsers for Prodigy and doccano task JSONL (spans + relations -> entities, quotes, events)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from desktop_app.core.model import Article, Entity
from desktop_app.errors import E, InputError
from desktop_app.io.formats import common
from desktop_app.io.validation import DoccanoLine, doccano_context, prodigy_task, validate_line


def _names(raw: Any, where: str, line: int, field: str) -> dict[int, str]:
    """Speaker names keyed by span number (NewsGold's own exports carry them)."""
    if raw is None or raw == "":
        return {}
    bad = InputError(E.E012, where, line=line, detail=f"{field} should map span numbers to names")
    if isinstance(raw, str):
        try:
            raw = json.loads(raw)
        except ValueError:
            raise bad from None
    if not isinstance(raw, dict):
        raise bad
    try:
        out = {int(k): v for k, v in raw.items()}
    except (TypeError, ValueError):
        raise bad from None
    if not all(isinstance(v, str) for v in out.values()):
        raise bad
    return out


def prodigy_line(obj: dict[str, Any], where: str, line: int) -> Article:
    """A validated Prodigy task (spans + relations) as an article with human annotations."""
    from desktop_app.io.importers import new_article

    text, spans, relations, raw_meta = prodigy_task(obj, where, line)
    meta = dict(raw_meta or {})
    names = _names(meta.pop("newsgold_speaker_names", None), where, line, "meta.newsgold_speaker_names")
    meta.pop("id", None)
    title = meta.pop("title", None)
    a = new_article(text, title=title if isinstance(title, str) else None, meta=meta, source=where)
    if not relations and not names and not any(lab.startswith(common.SPECIAL_LABELS) for lab in {x[2] for x in spans}):
        # entities only (the usual task): what from_graph makes of them, without the graph
        a.entities = [Entity(s, e, lab, "human", "accepted") for s, e, lab in dict.fromkeys(spans)]
        return a
    g = common.Graph()
    key: dict[tuple[int, int, str], int] = {}
    for k in spans:
        key[k] = g.add(*k)
    for i, name in names.items():
        g.span_meta.setdefault(i, {})["name"] = name
    for hk, ck, label in relations:
        g.relations.append((key.get(hk, g.add(*hk)), key.get(ck, g.add(*ck)), label))
    return common.from_graph(a, g, where, line)


def doccano_line(obj: dict[str, Any], where: str, line: int) -> Article:
    """Relation JSONL (entities/relations) or the older sequence-labelling form (label: [[s, e, l]])."""
    from desktop_app.io.importers import new_article

    m = validate_line(DoccanoLine, obj, where, line, **doccano_context(obj))
    text = m.text
    raw: list[tuple[Any, int, int, str]]
    if m.entities:
        raw = [(e.id, e.start_offset, e.end_offset, e.label) for e in m.entities]
    else:
        raw = [(i, x.start, x.end, x.label) for i, x in enumerate(m.label or [])]
    conv = (lambda i: i) if m.offset_unit == "codepoints" else common.from_utf16(text)
    try:
        spans = [(i, conv(s), conv(e), lab) for i, s, e, lab in raw]
    except ValueError as exc:
        raise InputError(E.E012, where, line=line, detail=str(exc)) from exc
    meta = {k: v for k, v in obj.items() if k not in ("text", "entities", "relations", "label", "id", "offset_unit",
                                                      "speaker_names", "title", "article_id")}
    a = new_article(text, title=m.title, meta=meta, source=where)
    g = common.Graph()
    ids: dict[Any, int] = {}
    for i, s, e, lab in spans:
        ids[i] = g.add(s, e, lab)
    for i, name in _names(m.speaker_names, where, line, "speaker_names").items():
        if i in ids:
            g.span_meta.setdefault(ids[i], {})["name"] = name
    for r in m.relations or []:
        if r.from_id in ids and r.to_id in ids:
            g.relations.append((ids[r.from_id], ids[r.to_id], r.type))
    return common.from_graph(a, g, where, line)


def read_prodigy(path: Path) -> Iterator[Article | InputError]:
    """Prodigy task JSONL; a line without spans is a plain text."""
    from desktop_app.io.importers import read_jsonl_file

    return read_jsonl_file(path, formats=("prodigy",))


def read_doccano(path: Path) -> Iterator[Article | InputError]:
    """doccano JSONL; a line without entities or labels is a plain text."""
    from desktop_app.io.importers import read_jsonl_file

    return read_jsonl_file(path, formats=("doccano",))
