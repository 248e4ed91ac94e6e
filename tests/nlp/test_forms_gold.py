"""The hand gold of the per-form sets (tests/gold/forms_*.jsonl, issue 16) is well formed, matches its
source texts and is what tests/gold/build_forms.py writes.  No model: this checks the gold, not the engine."""

from __future__ import annotations

import importlib.util
import io
from pathlib import Path

import pytest

from desktop_app.core.model import ANNOTATION_STATES, ENTITY_LABELS, QUOTE_KINDS
from desktop_app.core.taxonomy import load_taxonomy
from desktop_app.io.jsonl import write_jsonl

GOLD_DIR = Path(__file__).resolve().parent.parent / "gold"
SPLITS = ("tune", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8",
          "heldout9")
OPENING_MARKS = ("“", '"', "‘", "'")


def _module(name: str):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(name, GOLD_DIR / f"{name}.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.parametrize("split", SPLITS)
def test_forms_gold_is_well_formed_and_matches_its_texts(split: str) -> None:
    pairs = _module("measure").gold_articles(f"forms_{split}")  # asserts each text equals its source file
    assert sorted(str(g.meta["form"]) for g, _ in pairs) == sorted(
        ["wire", "live", "interview", "analysis", "press", "brief"])
    types = set(load_taxonomy().type_names)
    for g, _ in pairs:
        t = g.text
        ents = {e.span for e in g.entities}
        assert all(e.label in ENTITY_LABELS and t[e.start:e.end] == t[e.start:e.end].strip() for e in g.entities)
        assert g.quotes and g.events, g.meta["source"]
        for q in g.quotes:
            assert q.kind in QUOTE_KINDS and q.state in ANNOTATION_STATES and q.speaker
            assert q.speaker_entity is None or q.speaker_entity in ents
            content = t[q.start:q.end]
            assert content == content.strip() and not content.startswith((*OPENING_MARKS, "that ")), content
            if q.mention is not None:
                assert not (q.start <= q.mention.start < q.end), content  # a mention lies outside what was said
        for v in g.events:
            assert v.type in types
            assert v.trigger is not None and v.sentence.start <= v.trigger.start < v.trigger.end <= v.sentence.end


@pytest.mark.parametrize("split", SPLITS)
def test_build_forms_writes_exactly_the_committed_gold(split: str) -> None:
    mod = _module("build_forms")
    articles = [mod.build(name, spec) for name, spec in mod.ARTICLES.items() if name.endswith(f"_{split}.txt")]
    out = io.StringIO(newline="\n")
    write_jsonl(articles, out)
    assert out.getvalue() == (GOLD_DIR / f"forms_{split}.jsonl").read_text(encoding="utf-8")
