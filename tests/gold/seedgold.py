"""Gold for seed articles kept without their text: offsets, labels, speakers and a SHA-256.

``tests/gold/seeds.jsonl`` is our spec format (docs: ../shared/spec/jsonl-format.md) with two
differences so that no seed text lives in the repository: each line has ``"source"`` (the
seed file name) and ``"sha256"`` (of the file's bytes) instead of ``"text"``, and spans carry
no ``"text"``.  :func:`load_seed_gold` reads the seed files at run time, checks the hash and
returns full spec-format objects (text and span texts filled in), ready for
``desktop_app.io.jsonl.article_from_dict`` or for writing a normal gold JSONL file.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from desktop_app.core.model import Article, article_id_for
from desktop_app.io.jsonl import article_from_dict

GOLD = Path(__file__).resolve().parent / "seeds.jsonl"
SEEDS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "seeds"


class SeedMismatch(ValueError):
    """The seed file is not the one the gold was made for."""


def _fill(span: dict[str, Any] | None, text: str) -> None:
    if span is not None and "start" in span:
        span["text"] = text[span["start"]:span["end"]]


def load_seed_gold(path: Path = GOLD, seeds_dir: Path = SEEDS) -> list[dict[str, Any]]:
    """Spec-format gold objects with the seed text put back (raises SeedMismatch on a changed seed)."""
    out = []
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip():
                continue
            obj = json.loads(line)
            seed = seeds_dir / obj.pop("source")
            raw = seed.read_bytes()
            digest = hashlib.sha256(raw).hexdigest()
            if digest != obj.pop("sha256"):
                raise SeedMismatch(f"{path}:{lineno}: {seed.name} has changed (sha256 {digest})")
            text = raw.decode("utf-8")
            if text.startswith("\ufeff"):
                text = text[1:]
            full: dict[str, Any] = {"id": article_id_for(text),
                                    "title": next((ln.strip() for ln in text.splitlines() if ln.strip()), ""),
                                    "text": text, "meta": {"source": seed.name}}
            full.update(obj)
            for e in full.get("entities", []):
                _fill(e, text)
            for q in full.get("quotes", []):
                _fill(q, text)
                _fill(q.get("cue"), text)
                _fill((q.get("speaker") or {}).get("mention"), text)
            for v in full.get("events", []):
                _fill(v.get("sentence"), text)
                _fill(v.get("trigger"), text)
            out.append(full)
    return out


def seed_gold_articles(path: Path = GOLD, seeds_dir: Path = SEEDS) -> list[Article]:
    return [article_from_dict(obj, str(path), i) for i, obj in enumerate(load_seed_gold(path, seeds_dir), 1)]


def write_full_gold(dest: Path, path: Path = GOLD, seeds_dir: Path = SEEDS) -> Path:
    """A normal gold JSONL (with text) for ``newsgold evaluate --gold``; write it outside the repo."""
    with open(dest, "w", encoding="utf-8") as f:
        for obj in load_seed_gold(path, seeds_dir):
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    return dest
