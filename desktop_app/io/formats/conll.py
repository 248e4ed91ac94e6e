"""CoNLL-2003-style IOB2: ``token _ _ TAG`` per line, sentences blank-line separated, -DOCSTART- per article.

Tokens are spaCy's English tokenizer's; whitespace-only tokens (line breaks, double spaces)
are left out because a CoNLL line cannot hold them.  Entities are made non-overlapping
(longest first) and snapped outward to token edges.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop_app.core.model import Article
from desktop_app.io.formats import common
from desktop_app.io.formats.writers import Writer
from desktop_app.io.jsonl import visible


def conll_lines(article: Article, status: str) -> list[str]:
    entities, _, _ = visible(article, status)
    nlp = common.tokenizer_nlp()
    doc = nlp(article.text)
    tags = ["O"] * len(doc)
    for e in common.non_overlapping(entities):
        span = doc.char_span(e.start, e.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        for k, tok in enumerate(span):
            tags[tok.i] = ("B-" if k == 0 else "I-") + e.label
    lines = ["-DOCSTART- -X- -X- O", ""]
    for sent in doc.sents:
        toks = [t for t in sent if not t.is_space]
        if not toks:
            continue
        lines.extend(f"{t.text} _ _ {tags[t.i]}" for t in toks)
        lines.append("")
    return lines


class ConllWriter(Writer):
    def __init__(self, path: Path, status: str, options: dict[str, Any]) -> None:
        super().__init__(path, status, options)
        self.out = open(path, "w", encoding="utf-8", newline="\n")  # noqa: SIM115 - closed in close()

    def add(self, article: Article) -> None:
        self.out.write("\n".join(conll_lines(article, self.status)) + "\n")
        self.n += 1

    def close(self) -> None:
        self.out.close()
