"""spaCy DocBin export/import: doc.ents, span groups and our relations in doc.user_data."""

from __future__ import annotations

import struct
import tempfile
import zlib
from pathlib import Path
from typing import Any

from desktop_app.core.model import Arg, Article, Entity, Event, Quote, Span
from desktop_app.io.formats import common
from desktop_app.io.formats.writers import Writer
from desktop_app.io.jsonl import visible

USER_KEY = "newsgold"


def article_to_doc(article: Article, status: str) -> Any:
    """A Doc whose text is the article exactly; spans snapped outward to token edges ("expand")."""
    text = article.text
    doc = common.make_doc(text)
    entities, quotes, events = visible(article, status)

    def span(s: int, e: int, label: str) -> Any:
        return doc.char_span(s, e, label=label, alignment_mode="expand")

    doc.ents = [x for x in (span(e.start, e.end, e.label) for e in common.non_overlapping(entities))
                if x is not None and len(x)]
    groups: dict[str, list[Any]] = {"quotes": [], "speakers": [], "cues": [], "event_triggers": []}
    for q in quotes:
        groups["quotes"].append(span(q.start, q.end, q.kind))
        if q.mention:
            groups["speakers"].append(span(q.mention.start, q.mention.end, "SPEAKER"))
        if q.cue:
            groups["cues"].append(span(q.cue.start, q.cue.end, "CUE"))
    for v in events:
        if v.trigger:
            groups["event_triggers"].append(span(v.trigger.start, v.trigger.end, v.type))
    for name, spans in groups.items():
        doc.spans[name] = [s for s in spans if s is not None]

    def sp(s: Span | None) -> list[int] | None:
        return [s.start, s.end] if s is not None else None

    def arg(a: Arg | None) -> dict[str, Any] | None:
        return None if a is None else {"name": a.name, "entity": sp(a.entity)}
    doc.user_data[USER_KEY] = {
        "id": article.id, "title": article.title, "status": article.status,
        "entities": [[e.start, e.end, e.label, e.origin, e.state] for e in entities],
        "quotes": [{"span": [q.start, q.end], "kind": q.kind, "cue": sp(q.cue), "speaker": q.speaker,
                    "speaker_entity": sp(q.speaker_entity), "mention": sp(q.mention),
                    "origin": q.origin, "state": q.state} for q in quotes],
        "events": [{"type": v.type, "sentence": sp(v.sentence), "trigger": sp(v.trigger), "actor": arg(v.actor),
                    "recipient": arg(v.recipient), "origin": v.origin, "state": v.state} for v in events],
    }
    return doc


class _Spool:
    """Bytes appended to an unnamed temp file, counted, so nothing piles up in memory."""

    def __init__(self) -> None:
        self.f = tempfile.TemporaryFile()  # noqa: SIM115 - closed by DocBinWriter.close
        self.size = 0
        self.items = 0

    def write(self, data: bytes) -> None:
        self.f.write(data)
        self.size += len(data)
        self.items += 1

    def chunks(self) -> Any:
        self.f.seek(0)
        while chunk := self.f.read(1 << 20):
            yield chunk


def _bin_header(n: int) -> bytes:
    if n < 256:
        return b"\xc4" + struct.pack(">B", n)
    if n < 65536:
        return b"\xc5" + struct.pack(">H", n)
    return b"\xc6" + struct.pack(">I", n)


class DocBinWriter(Writer):
    """Writes the exact bytes ``DocBin(store_user_data=True).to_disk`` would, in constant memory.

    DocBin keeps every doc's token array until ``to_bytes``; here each doc goes through a
    one-doc DocBin and its parts are spooled to temp files, then the msgpack map is streamed
    through zlib.  Only the set of distinct strings stays in memory (it is bounded by the
    vocabulary).  A test compares the output with DocBin's own.
    """

    def __init__(self, path: Path, status: str, options: dict[str, Any]) -> None:
        super().__init__(path, status, options)
        from spacy.tokens import DocBin

        self._DocBin = DocBin
        self.attrs = DocBin(store_user_data=True).attrs
        self.version = DocBin().version
        self.strings: set[str] = set()
        from srsly.msgpack import Packer

        self.packer = Packer(use_bin_type=True)  # one Packer: srsly builds a new one per msgpack_dumps call
        self.parts = {k: _Spool() for k in ("tokens", "spaces", "lengths", "cats", "flags", "span_groups",
                                            "user_data")}

    def add(self, article: Article) -> None:
        import numpy

        one = self._DocBin(attrs=self.attrs, store_user_data=True)
        one.add(article_to_doc(article, self.status))
        p = self.parts
        p["tokens"].write(one.tokens[0].tobytes("C"))
        p["spaces"].write(one.spaces[0].tobytes("C"))
        p["lengths"].write(numpy.asarray([len(one.tokens[0])], dtype="int32").tobytes("C"))
        for key in ("cats", "flags", "span_groups", "user_data"):
            p[key].write(self.packer.pack(getattr(one, key)[0]))
        self.strings |= one.strings
        self.n += 1

    def close(self) -> None:
        import srsly
        from srsly.msgpack import Packer

        packer = Packer(use_bin_type=True)
        z = zlib.compressobj()
        with open(self.path, "wb") as out:
            def put(data: bytes) -> None:
                out.write(z.compress(data))
            put(packer.pack_map_header(10))
            for key, value in (("version", self.version), ("attrs", self.attrs)):
                put(srsly.msgpack_dumps(key) + srsly.msgpack_dumps(value))
            for key in ("tokens", "spaces", "lengths"):
                spool = self.parts[key]
                put(srsly.msgpack_dumps(key) + _bin_header(spool.size))
                for chunk in spool.chunks():
                    put(chunk)
            put(srsly.msgpack_dumps("strings") + srsly.msgpack_dumps(sorted(self.strings)))
            for key in ("cats", "flags", "span_groups", "user_data"):
                spool = self.parts[key]
                put(srsly.msgpack_dumps(key) + packer.pack_array_header(spool.items))
                for chunk in spool.chunks():
                    put(chunk)
            out.write(z.flush())
        for spool in self.parts.values():
            spool.f.close()


def _span(x: Any) -> Span | None:
    return Span(int(x[0]), int(x[1])) if x else None


def doc_to_article(doc: Any, where: str) -> Article:
    """Our data from user_data when present (exact offsets); else from doc.ents and the span groups."""
    from desktop_app.io.importers import new_article

    data = doc.user_data.get(USER_KEY) if doc.user_data else None
    a = new_article(doc.text, title=(data or {}).get("title"), source=where)
    if data:
        for s, e, label, origin, state in data["entities"]:
            a.entities.append(Entity(s, e, label, origin, state))
        for q in data["quotes"]:
            a.quotes.append(Quote(q["span"][0], q["span"][1], q["kind"], cue=_span(q["cue"]), speaker=q["speaker"],
                                  speaker_entity=_span(q["speaker_entity"]), mention=_span(q["mention"]),
                                  origin=q["origin"], state=q["state"]))
        for v in data["events"]:
            def arg(x: Any) -> Arg | None:
                return None if x is None else Arg(x["name"], _span(x["entity"]))
            a.events.append(Event(v["type"], _span(v["sentence"]) or Span(0, 0), trigger=_span(v["trigger"]),
                                  actor=arg(v["actor"]), recipient=arg(v["recipient"]),
                                  origin=v["origin"], state=v["state"]))
        return a
    for ent in doc.ents:
        a.entities.append(Entity(ent.start_char, ent.end_char, ent.label_, "human", "accepted"))
    for s in doc.spans.get("quotes", []):
        kind = s.label_ if s.label_ in ("direct", "indirect", "mixed") else "direct"
        a.quotes.append(Quote(s.start_char, s.end_char, kind, origin="human", state="accepted"))
    for s in doc.spans.get("event_triggers", []):
        a.events.append(Event(s.label_, common.enclosing_sentence(doc.text, s.start_char, s.end_char),
                              trigger=Span(s.start_char, s.end_char), origin="human", state="accepted"))
    return a


def read_docbin(path: Path) -> Any:
    """Yield Articles (or InputError) from a .spacy file."""
    from spacy.tokens import DocBin

    from desktop_app.errors import E, InputError

    try:
        docbin = DocBin().from_disk(path)
    except Exception as exc:  # spaCy raises ValueError/msgpack errors for a bad file
        yield InputError(E.E012, str(path), line=0, detail=f"not a spaCy DocBin ({exc})")
        return
    vocab = common.tokenizer_nlp().vocab
    for i, doc in enumerate(docbin.get_docs(vocab), start=1):
        try:
            art = doc_to_article(doc, path.name)
        except (KeyError, TypeError, ValueError, IndexError) as exc:  # NewsGold's user_data, written by hand?
            yield InputError(E.E012, f"{path}:{i}", line=i, detail=f"document {i}: NewsGold data not understood "
                                                                   f"({exc!r})")
            continue
        art.provenance = {"file": str(path), "line": i, "format": "spacy"}
        yield art
