"""Turn files into Articles: .txt, folders, .jsonl (ours, Prodigy, doccano), .csv.

Importers yield ``Article`` or ``InputError`` one by one, so a bad file or line is
reported with its place and the rest of the batch still comes in.  Every JSONL line is
validated against its format's schema (``validation``) before anything is built from it.
Where an article came from (file, line, format) goes to ``Article.provenance``; ``meta``
holds only what the article itself carries (for files without a meta of their own, the
title, date and ``source`` found in them).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from desktop_app.core.model import Article, article_id_for
from desktop_app.errors import E, InputError, NewsGoldError
from desktop_app.io import jsonl as canonical
from desktop_app.io.decode import decode_bytes
from desktop_app.io.formats import brat_attribution, readers, spacy_docbin
from desktop_app.io.import_formats import FORMATS as FORMATS  # its home before it had its own module
from desktop_app.io.textmeta import analyze, boilerplate_spans, title_of
from desktop_app.io.validation import (
    ArticleLine,
    PlainLine,
    check_article,
    line_format,
    plain_fields,
    validate_line,
)

EXTENSIONS = {".txt": "txt", ".text": "txt", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".tsv": "csv",
              ".spacy": "spacy"}

ImportItem = Article | InputError
LineParser = Callable[[dict[str, Any], str, int], Article]


def new_article(text: str, *, title: str | None = None, meta: dict[str, Any] | None = None,
                source: str | None = None) -> Article:
    """An Article with id, title, light metadata and boilerplate regions filled in."""
    found_title, found, ignored = analyze(text)
    found.update({k: v for k, v in (meta or {}).items() if v is not None})
    if source and "source" not in found:
        found["source"] = source
    return Article(id=article_id_for(text), title=(title or found_title).strip(), text=text, meta=found,
                   ignored=ignored)


def read_text_file(path: Path) -> Iterator[ImportItem]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(E.E011, str(path), detail=exc.strerror or str(exc))
        return
    try:
        text = decode_bytes(data, str(path))
    except InputError as err:
        yield err
        return
    yield new_article(text, source=path.name)


def _our_line(obj: dict[str, Any], where: str, line: int) -> Article:
    """A line of our format: with annotations it is read losslessly; a plain line gets its title and meta found."""
    if canonical.is_canonical(obj):
        a = canonical.article_from_line(validate_line(ArticleLine, obj, where, line))
        a.ignored = boilerplate_spans(a.text)
        if not a.title:
            a.title = title_of(a.text)
        return a
    text, title, raw_meta, status, annotator, updated_at = plain_fields(obj, where, line, ArticleLine)
    meta = dict(raw_meta or {})
    title = title or (meta.pop("title") if isinstance(meta.get("title"), str) else None)
    a = new_article(text, title=title, meta=meta, source=where)
    a.status, a.annotator, a.updated_at = status or a.status, annotator, updated_at
    return a


def _plain_line(obj: dict[str, Any], where: str, line: int) -> Article:
    """A line without annotations read by a task-format reader (it may carry other tools' keys)."""
    text, title, raw_meta, *_ = plain_fields(obj, where, line, PlainLine)
    meta = dict(raw_meta or {})
    title = title or (meta.pop("title") if isinstance(meta.get("title"), str) else None)
    return new_article(text, title=title, meta=meta, source=where)


#: line format (validation.line_format) -> its parser
LINE_FORMATS: dict[str, LineParser] = {"jsonl": _our_line, "prodigy": readers.prodigy_line,
                                       "doccano": readers.doccano_line}


def _jsonl_lines(path: Path, where: str) -> Iterator[str | InputError]:
    """Decoded lines, streamed for UTF-8 (JSON escapes newlines, so a line is a record)."""
    with open(path, "rb") as f:
        head = f.read(4)
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16/32: small files in practice
            try:
                yield from io.StringIO(decode_bytes(head + f.read(), where), newline="")
            except InputError as err:
                yield err
            return
        f.seek(3 if head.startswith(b"\xef\xbb\xbf") else 0)
        any_content = False
        for n, raw in enumerate(f, start=1):
            if b"\x00" in raw:
                yield InputError(E.E002, where)
                return
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                yield InputError(E.E003, f"{where}:{n}")
                line = "\n"  # keep line numbers aligned
            any_content = any_content or bool(line.strip())
            yield line
        if not any_content:
            yield InputError(E.E001, where)


def read_jsonl_file(path: Path, formats: tuple[str, ...] = tuple(LINE_FORMATS)) -> Iterator[ImportItem]:
    """Each line validated and parsed as the format it is (one of ``formats``; else a plain text)."""
    where = str(path)
    errors: list[InputError] = []

    def text_lines() -> Iterator[str]:
        try:
            for item in _jsonl_lines(path, where):
                if isinstance(item, InputError):
                    errors.append(item)
                    yield "\n"
                else:
                    yield item
        except OSError as exc:
            errors.append(InputError(E.E011, where, detail=exc.strerror or str(exc)))

    for line, obj in canonical.iter_json_lines(text_lines(), where):
        while errors:
            yield errors.pop(0)
        if isinstance(obj, InputError):
            yield obj
            continue
        if not obj["text"].strip():
            yield InputError(E.E010, f"{where}:{line}", line=line)
            continue
        fmt = line_format(obj)
        parse, fmt = (LINE_FORMATS[fmt], fmt) if fmt in formats else (_plain_line, formats[0])
        try:
            article = parse(obj, path.name, line)
        except NewsGoldError as err:
            yield InputError(err.code, f"{where}:{line}", **err.fields)
            continue
        article.provenance = {"file": where, "line": line, "format": fmt}
        yield article
    yield from errors


_TEXT_COLUMNS = ("text", "body", "content", "article", "full_text")
_TITLE_COLUMNS = ("title", "headline")


MAX_FIELD = 1 << 30


def _delimiter(text: str, path: Path) -> str:
    """The delimiter that splits the header line into the most columns.

    Not csv.Sniffer: it guesses from the body, so commas or quotes inside article text
    made it fail or pick a wrong delimiter/quote character, cutting texts silently.
    """
    header = text.split("\n", 1)[0]
    order = ("\t", ",", ";", "|") if path.suffix.lower() == ".tsv" else (",", ";", "\t", "|")
    best, best_n = order[0], 1
    for d in order:
        try:
            n = len(next(csv.reader([header.rstrip("\r")], delimiter=d)))
        except (csv.Error, StopIteration):
            continue
        if n > best_n:
            best, best_n = d, n
    return best


def read_csv_file(path: Path) -> Iterator[ImportItem]:
    where = str(path)
    try:
        text = decode_bytes(path.read_bytes(), where)
    except InputError as err:
        yield err
        return
    except OSError as exc:
        yield InputError(E.E011, where, detail=exc.strerror or str(exc))
        return
    csv.field_size_limit(max(csv.field_size_limit(), MAX_FIELD))  # the default 128 KiB rejects long articles
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text, path))
    try:
        header = next(reader)
    except StopIteration:
        yield InputError(E.E001, where)
        return
    except csv.Error as exc:
        yield InputError(E.E012, f"{where}:1", line=1, detail=str(exc))
        return
    lowered = [h.strip().lower() for h in header]
    text_col = next((lowered.index(c) for c in _TEXT_COLUMNS if c in lowered), None)
    if text_col is None:
        yield InputError(E.E006, where, columns=", ".join(header) or "(none)")
        return
    title_col = next((lowered.index(c) for c in _TITLE_COLUMNS if c in lowered), None)
    try:
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            body = row[text_col] if text_col < len(row) else ""
            if not body.strip():
                yield InputError(E.E010, f"{where}:{line}", line=line)
                continue
            meta = {header[i]: v for i, v in enumerate(row) if i not in (text_col, title_col) and i < len(header)}
            title = row[title_col] if title_col is not None and title_col < len(row) and row[title_col].strip() else None
            article = new_article(body, title=title, meta=meta, source=path.name)
            article.provenance = {"file": where, "line": line, "format": "csv"}
            yield article
    except csv.Error as exc:
        yield InputError(E.E012, f"{where}:{reader.line_num}", line=reader.line_num, detail=str(exc))


READERS: dict[str, Callable[[Path], Iterator[ImportItem]]] = {
    "txt": read_text_file,
    "jsonl": read_jsonl_file,
    "csv": read_csv_file,
    "prodigy": readers.read_prodigy,
    "doccano": readers.read_doccano,
    "brat": brat_attribution.read_any_brat,
    "spacy": spacy_docbin.read_docbin,
}


def format_for(path: Path, fmt: str) -> str | None:
    if fmt != "auto":
        return fmt
    return EXTENSIONS.get(path.suffix.lower())


def expand_paths(paths: Iterable[str | Path], fmt: str = "auto") -> Iterator[tuple[Path, str] | InputError]:
    """Files to read with their format; folders recursively, by extension, in name order."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir() and fmt in ("auto", "brat") and (any(path.glob("*.ann")) or brat_attribution.is_split_folder(path)):
            yield path, "brat"  # a brat folder: .txt + .ann pairs
        elif path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.name.startswith("."):
                    continue
                child_fmt = format_for(child, fmt) if fmt == "auto" else (fmt if EXTENSIONS.get(child.suffix.lower()) == fmt else None)
                if child_fmt:
                    yield child, child_fmt
        elif path.is_file():
            file_fmt = format_for(path, fmt) or "txt"
            yield path, file_fmt
        else:
            yield InputError(E.E008, str(path))


def read_inputs(paths: Iterable[str | Path], fmt: str = "auto") -> Iterator[ImportItem]:
    """Articles (with their provenance) or InputErrors from every file, in order.

    Every article passes :func:`validation.check_article` (what the database insists on),
    so a value no schema caught is a refused input, not a database error.
    """
    if fmt not in READERS and fmt != "auto":
        raise NewsGoldError(E.E007, format=fmt)
    for item in expand_paths(paths, fmt):
        if isinstance(item, InputError):
            yield item
            continue
        path, file_fmt = item
        reader = READERS.get(file_fmt)
        if reader is None:
            yield InputError(E.E007, str(path), format=file_fmt)
            continue
        for got in reader(path):
            if isinstance(got, Article):
                prov = got.provenance
                prov.setdefault("file", str(path))
                prov.setdefault("format", file_fmt)
                line = prov.get("line")
                place = f"{prov['file']}:{line}" if line else str(prov["file"])
                try:
                    if prov["format"] != "jsonl":  # ArticleLine already checked all of this on a line of ours
                        check_article(got, place, int(line or 0))
                except InputError as err:
                    yield err
                    continue
            yield got
