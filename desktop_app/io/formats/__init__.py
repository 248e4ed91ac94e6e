"""Export/import formats beyond our JSONL: spaCy, Prodigy, doccano, brat, CoNLL, Citron, CSV.

Importing this package registers every export format in ``desktop_app.io.exporters``.
See docs/formats.md for units, labels and what each format cannot carry.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from desktop_app.core.model import Article
from desktop_app.io.exporters import ExportFormat, register
from desktop_app.io.formats import writers
from desktop_app.io.formats.brat import BratWriter
from desktop_app.io.formats.conll import ConllWriter
from desktop_app.io.formats.spacy_docbin import DocBinWriter


def _fn(cls: type[writers.Writer]) -> Any:
    def write(articles: Iterable[Article], path: Path, status: str, options: dict[str, Any]) -> int:
        return writers.run(cls, articles, Path(path), status, options)
    return write


FORMATS = [
    ExportFormat("jsonl", "NewsGold JSONL (lossless, spec format)", ".jsonl", _fn(writers.JsonlWriter)),
    ExportFormat("spacy", "spaCy DocBin for spacy train (ents + span groups; relations in user_data)", ".spacy",
                 _fn(DocBinWriter)),
    ExportFormat("prodigy", "Prodigy task JSONL (spans, tokens, SPEAKER_OF relations)", ".jsonl",
                 _fn(writers.ProdigyWriter)),
    ExportFormat("doccano", "doccano relation JSONL (UTF-16 offsets)", ".jsonl", _fn(writers.DoccanoWriter)),
    ExportFormat("brat", "brat standoff folder (.txt + .ann + annotation.conf)", "", _fn(BratWriter)),
    ExportFormat("conll", "CoNLL-2003 IOB2 entity tags", ".conll", _fn(ConllWriter)),
    ExportFormat("citron", "BBC Citron quote JSON folder", "", _fn(writers.CitronWriter)),
    ExportFormat("csv", "quotes table (or --table events) for spreadsheets", ".csv", _fn(writers.CsvWriter)),
]


def register_all() -> None:
    for fmt in FORMATS:
        register(fmt)


register_all()
