"""The GUI's background engine: the settings' taxonomy at load, the corpus's speaker registry when it pre-annotates."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from desktop_app.errors import NewsGoldError
from desktop_app.services.corpus import Writer
from desktop_app.storage import Store
from desktop_app.ui.workers import Job, LoadModelJob, PreannotateJob


def _run(qtbot: Any, job: Job) -> Any:
    with qtbot.waitSignal(job.finished, timeout=60_000):
        job.start()
    job.wait()
    return job


@pytest.mark.model
def test_gui_engine_has_the_chosen_taxonomy_and_the_corpus_registry(qtbot: Any, db_path: Path,
                                                                          tmp_path: Path) -> None:
    with Store(db_path) as store:
        store.registry_add("DG ISPR", "Ahmed Sharif Chaudhry")
    own = tmp_path / "mine.toml"
    own.write_text('name = "mine"\n[types.LEAK]\ndefinition = "An unattributed disclosure."\nverbs = ["leak"]\n',
                   encoding="utf-8")
    job = _run(qtbot, LoadModelJob(None, str(own)))
    assert job.error is None
    engine = job.result
    assert list(engine.taxonomy.types) == ["LEAK"]
    writer = Writer(db_path)
    try:
        assert _run(qtbot, PreannotateJob(writer, engine, [])).error is None
    finally:
        writer.close()
    assert engine.registry["DG ISPR"] == "Ahmed Sharif Chaudhry"


def test_a_broken_taxonomy_fails_the_load_with_its_numbered_error(qtbot: Any, db_path: Path, tmp_path: Path) -> None:
    Store(db_path).close()
    bad = tmp_path / "bad.toml"
    bad.write_text("not = [toml", encoding="utf-8")
    job = _run(qtbot, LoadModelJob(None, str(bad)))
    assert isinstance(job.error, NewsGoldError) and job.error.code.name == "E204"
    assert "bad.toml" in str(job.error)
