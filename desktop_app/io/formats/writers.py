"""Streaming writers: one class per format with add(article) / close(); splits fan out to several."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from desktop_app.core.model import Article
from desktop_app.io.formats import common
from desktop_app.io.jsonl import article_to_dict, visible


class Writer:
    """Base: subclasses open their output in __init__, write in add, finish in close."""

    def __init__(self, path: Path, status: str, options: dict[str, Any]) -> None:
        self.path, self.status, self.options = path, status, options
        self.n = 0

    def add(self, article: Article) -> None:
        raise NotImplementedError

    def close(self) -> None:
        pass


class LineWriter(Writer):
    """One JSON object per line."""

    def __init__(self, path: Path, status: str, options: dict[str, Any]) -> None:
        super().__init__(path, status, options)
        self.out: IO[str] = open(path, "w", encoding="utf-8", newline="\n")  # noqa: SIM115 - closed in close()

    def obj(self, article: Article) -> dict[str, Any]:
        raise NotImplementedError

    def add(self, article: Article) -> None:
        self.out.write(json.dumps(self.obj(article), ensure_ascii=False) + "\n")
        self.n += 1

    def close(self) -> None:
        self.out.close()


class JsonlWriter(LineWriter):
    def obj(self, article: Article) -> dict[str, Any]:
        return article_to_dict(article, self.status)


def _token_list(doc: Any) -> list[dict[str, Any]]:
    return [{"text": t.text, "start": t.idx, "end": t.idx + len(t.text), "id": t.i, "ws": bool(t.whitespace_)}
            for t in doc]


def _murmur(obj: Any) -> int:
    import murmurhash  # a spaCy dependency; Prodigy's hashes are murmurhash 32-bit signed ints

    return int(murmurhash.hash(json.dumps(obj, sort_keys=True, ensure_ascii=False)))


class ProdigyWriter(LineWriter):
    """Prodigy task JSONL (spans + relations, as the rel.manual / spans.manual recipes save them)."""

    def obj(self, article: Article) -> dict[str, Any]:
        text = article.text
        doc = common.make_doc(text)
        g = common.to_graph(article, self.status)
        spans = []
        for s, e, label in g.spans:
            sp = doc.char_span(s, e, alignment_mode="expand")
            ts, te = (sp.start, sp.end - 1) if sp is not None and len(sp) else (0, 0)
            spans.append({"start": s, "end": e, "token_start": ts, "token_end": te, "label": label})
        relations = []
        for a, b, t in g.relations:
            relations.append({"head": spans[a]["token_end"], "child": spans[b]["token_end"],
                              "head_span": spans[a], "child_span": spans[b], "label": t})
        meta: dict[str, Any] = {"id": article.id, "title": article.title}
        meta.update({k: v for k, v in article.meta.items() if isinstance(v, (str, int, float, bool)) or v is None})
        names = {str(i): m["name"] for i, m in g.span_meta.items() if m.get("name")}
        if names:
            meta["newsgold_speaker_names"] = json.dumps(names, ensure_ascii=False)
        task: dict[str, Any] = {"text": text, "meta": meta, "tokens": _token_list(doc), "spans": spans,
                                "relations": relations, "answer": "accept"}
        task["_input_hash"] = _murmur({"text": text})
        task["_task_hash"] = _murmur({"input": task["_input_hash"], "spans": spans, "relations": relations})
        return task


class DoccanoWriter(LineWriter):
    """doccano relation-extraction JSONL; offsets in UTF-16 code units unless offsets=codepoints."""

    def obj(self, article: Article) -> dict[str, Any]:
        text = article.text
        cp = self.options.get("offsets") in ("codepoints", "code_points", "cp")
        conv = (lambda i: i) if cp else common.utf16_index(text)
        g = common.to_graph(article, self.status)
        ents = [{"id": i, "start_offset": conv(s), "end_offset": conv(e), "label": label}
                for i, (s, e, label) in enumerate(g.spans)]
        rels = [{"id": i, "from_id": a, "to_id": b, "type": t} for i, (a, b, t) in enumerate(g.relations)]
        names = {str(i): m["name"] for i, m in g.span_meta.items() if m.get("name")}
        out: dict[str, Any] = {"text": text, "entities": ents, "relations": rels,
                               "article_id": article.id, "title": article.title,
                               "offset_unit": "codepoints" if cp else "utf-16"}
        if names:
            out["speaker_names"] = names
        return out


class CitronWriter(Writer):
    """A folder of Citron JSON files (one per article), as citron.data.CitronParser reads them."""

    def __init__(self, path: Path, status: str, options: dict[str, Any]) -> None:
        super().__init__(path, status, options)
        path.mkdir(parents=True, exist_ok=True)

    def add(self, article: Article) -> None:
        text = article.text

        def sp(s: int, e: int) -> dict[str, Any]:
            return {"start": s, "end": e, "text": text[s:e]}
        _, quotes, _ = visible(article, self.status)
        out = []
        for q in quotes:
            if q.cue is None:
                continue  # Citron requires a cue
            sources = [sp(q.mention.start, q.mention.end)] if q.mention else []
            corefs = [sp(q.speaker_entity.start, q.speaker_entity.end)] if q.speaker_entity else []
            if not sources and corefs:
                sources, corefs = corefs, []
            out.append({"cue": sp(q.cue.start, q.cue.end), "sources": sources,
                        "contents": [sp(q.start, q.end)], "coreferences": corefs})
        with open(self.path / f"{article.id}.json", "w", encoding="utf-8", newline="\n") as f:
            json.dump({"text": text, "quotes": out}, f, ensure_ascii=False)
        self.n += 1


QUOTE_COLUMNS = ["article_id", "title", "date", "speaker", "kind", "quote", "cue", "sentence",
                 "start", "end", "state"]
EVENT_COLUMNS = ["article_id", "title", "date", "type", "trigger", "actor", "recipient", "sentence",
                 "start", "end", "state"]


class CsvWriter(Writer):
    """A spreadsheet table: UTF-8 with BOM (so Excel detects UTF-8), CRLF rows, every field quoted."""

    def __init__(self, path: Path, status: str, options: dict[str, Any]) -> None:
        super().__init__(path, status, options)
        self.events = options.get("table") == "events"
        self.out = open(path, "w", encoding="utf-8-sig", newline="")  # noqa: SIM115 - closed in close()
        self.csv = csv.writer(self.out, quoting=csv.QUOTE_ALL)
        self.csv.writerow(EVENT_COLUMNS if self.events else QUOTE_COLUMNS)

    def add(self, article: Article) -> None:
        text = article.text
        _, quotes, events = visible(article, self.status)
        date = article.meta.get("published") or ""
        if self.events:
            for v in events:
                span = v.trigger or v.sentence
                self.csv.writerow([article.id, article.title, date, v.type,
                                   v.trigger.text(text) if v.trigger else "",
                                   (v.actor.name or "") if v.actor else "",
                                   (v.recipient.name or "") if v.recipient else "",
                                   v.sentence.text(text), span.start, span.end, v.state])
        else:
            for q in quotes:
                sent = common.enclosing_sentence(text, q.start, q.end)
                self.csv.writerow([article.id, article.title, date, q.speaker or "", q.kind, q.span.text(text),
                                   q.cue.text(text) if q.cue else "", sent.text(text), q.start, q.end, q.state])
        self.n += 1

    def close(self) -> None:
        self.out.close()


def run(writer_cls: type[Writer], articles: Iterable[Article], path: Path, status: str,
        options: dict[str, Any]) -> int:
    """Write all articles to ``path``; with options['split'] also PATH-stem_PART files by article hash."""
    parts = common.parse_split(options.get("split"))
    main = writer_cls(path, status, options)
    side: dict[str, Writer] = {}
    try:
        if parts:
            target = common.target_path(path, options)
            side = {name: writer_cls(common.split_path(target, name), status, options) for name, _ in parts}
        seed = int(options.get("seed") or 0)
        for a in articles:
            main.add(a)
            if side:
                side[common.split_of(a.id, parts, seed)].add(a)
    finally:
        main.close()
        for w in side.values():
            w.close()
    return main.n
