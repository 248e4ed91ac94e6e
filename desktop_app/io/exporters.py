"""The export format registry: name -> how to write a stream of articles."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from desktop_app.core.model import Article
from desktop_app.io.jsonl import write_jsonl

#: write(articles, path, status, options) -> number of articles written
WriteFn = Callable[[Iterable[Article], Path, str, dict], int]  # type: ignore[type-arg]


@dataclass(frozen=True)
class ExportFormat:
    name: str
    description: str
    suffix: str  # ".jsonl", ".spacy", "" for a folder
    write: WriteFn


def _write_jsonl(articles: Iterable[Article], path: Path, status: str, options: dict) -> int:  # type: ignore[type-arg]
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        return write_jsonl(articles, out, status)


EXPORT_FORMATS: dict[str, ExportFormat] = {
    "jsonl": ExportFormat("jsonl", "NewsGold JSONL (lossless, spec format)", ".jsonl", _write_jsonl),
}


def register(fmt: ExportFormat) -> None:
    EXPORT_FORMATS[fmt.name] = fmt


import desktop_app.io.formats  # noqa: E402,F401  (registers spacy, prodigy, doccano, brat, conll, citron, csv)
