"""Line parsers for Prodigy and doccano task JSONL (spans + relations -> entities, quotes, events)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from desktop_app.core.model import Article
from desktop_app.errors import E, InputError
from desktop_app.io.formats import common


def prodigy_line(obj: dict[str, Any], where: str, line: int) -> Article | None:
    from desktop_app.io.importers import new_article

    if not isinstance(obj.get("spans"), list):
        return None
    text = obj["text"]
    meta = dict(obj.get("meta") or {})
    names = json.loads(meta.pop("newsgold_speaker_names", "{}") or "{}")
    meta.pop("id", None)
    a = new_article(text, title=meta.pop("title", None), meta=meta, source=where)
    g = common.Graph()
    key: dict[tuple[int, int, str], int] = {}
    for s in obj["spans"]:
        k = (int(s["start"]), int(s["end"]), str(s.get("label", "ENT")))
        key[k] = g.add(*k)
    for i, name in names.items():
        g.span_meta.setdefault(int(i), {})["name"] = name
    for r in obj.get("relations") or []:
        h, c = r["head_span"], r["child_span"]
        hk = (int(h["start"]), int(h["end"]), str(h.get("label")))
        ck = (int(c["start"]), int(c["end"]), str(c.get("label")))
        g.relations.append((key.get(hk, g.add(*hk)), key.get(ck, g.add(*ck)), str(r.get("label"))))
    return common.from_graph(a, g, where, line)


def doccano_line(obj: dict[str, Any], where: str, line: int) -> Article | None:
    """Relation JSONL (entities/relations) or the older sequence-labelling form (label: [[s, e, l]])."""
    from desktop_app.io.importers import new_article

    text = obj["text"]
    if isinstance(obj.get("entities"), list) and obj["entities"] and "start_offset" in obj["entities"][0]:
        raw = [(e["id"], int(e["start_offset"]), int(e["end_offset"]), str(e["label"])) for e in obj["entities"]]
    elif isinstance(obj.get("label"), list) and all(isinstance(x, list) and len(x) == 3 for x in obj["label"]):
        raw = [(i, int(s), int(e), str(lab)) for i, (s, e, lab) in enumerate(obj["label"])]
    else:
        return None
    conv = (lambda i: i) if obj.get("offset_unit") == "codepoints" else common.from_utf16(text)
    try:
        spans = [(i, conv(s), conv(e), lab) for i, s, e, lab in raw]
    except ValueError as exc:
        raise InputError(E.E012, where, line=line, detail=str(exc)) from exc
    meta = {k: v for k, v in obj.items() if k not in ("text", "entities", "relations", "label", "id", "offset_unit",
                                                      "speaker_names", "title", "article_id")}
    a = new_article(text, title=obj.get("title"), meta=meta, source=where)
    g = common.Graph()
    ids: dict[Any, int] = {}
    for i, s, e, lab in spans:
        ids[i] = g.add(s, e, lab)
    for i, name in (obj.get("speaker_names") or {}).items():
        if int(i) in ids:
            g.span_meta.setdefault(ids[int(i)], {})["name"] = name
    for r in obj.get("relations") or []:
        if r["from_id"] in ids and r["to_id"] in ids:
            g.relations.append((ids[r["from_id"]], ids[r["to_id"]], str(r["type"])))
    return common.from_graph(a, g, where, line)


def _reader_with(parser: Any) -> Any:
    def read(path: Path) -> Iterator[Article | InputError]:
        from desktop_app.io import importers

        saved = list(importers.LINE_PARSERS)
        importers.LINE_PARSERS[:] = [parser]
        try:
            items = list(importers.read_jsonl_file(path))
        finally:
            importers.LINE_PARSERS[:] = saved
        yield from items
    return read


read_prodigy = _reader_with(prodigy_line)
read_doccano = _reader_with(doccano_line)
