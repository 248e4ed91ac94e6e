"""Seed article 000 from suggestions to gold with keyboard and mouse (skips without ../shared)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from desktop_app.ui.ops import OpRunner

from .helpers import WAIT, click_char, export_jsonl, key, stored


@pytest.fixture
def seed_corpus(seeds_dir: Path, tmp_path: Path, engine: Any) -> tuple[Path, str]:
    from desktop_app.io.importers import read_inputs

    from .conftest import preannotate_into

    files = sorted(seeds_dir.glob("000_*.txt"))
    if not files:
        pytest.skip("seed 000 not present")
    articles = [a for a in read_inputs(files, "txt") if not isinstance(a, Exception)]
    db = tmp_path / "seed.sqlite3"
    preannotate_into(db, articles, engine)
    return db, articles[0].id


@pytest.mark.gui
def test_seed_000_to_gold(qtbot: Any, seed_corpus: tuple[Path, str], tmp_path: Path) -> None:
    from desktop_app.storage import Store
    from desktop_app.ui.editor import ArticleEditor
    from desktop_app.ui.settings import Settings

    db, aid = seed_corpus
    ops = OpRunner(db)
    read = Store(db, readonly=True)
    try:
        ed = ArticleEditor(read, ops, Settings(annotator="tester"))
        qtbot.addWidget(ed)
        ed.resize(1400, 900)
        with qtbot.waitExposed(ed):
            ed.show()
        ed.activateWindow()
        qtbot.waitUntil(ed.isActiveWindow, timeout=5000)
        ed.show_article(aid)
        a = ed.article
        assert a.quotes and a.entities, "no suggestions on seed 000"
        text = a.text
        persons = [e for e in a.entities if e.label == "PERSON"]
        assert persons
        person = max(persons, key=lambda e: e.end - e.start)  # the fullest name in the article
        # accept the first quote with j/a, then correct another quote's speaker with two clicks
        key(qtbot, ed, "j")
        key(qtbot, ed, "k")
        first = ed.current_item("quotes")
        with qtbot.waitSignal(ops.saved, timeout=WAIT):
            key(qtbot, ed, "a")
        target = next(q for q in ed.article.quotes if q.id != first.id and q.state == "suggested")
        plain = next(cp for cp in range(target.start, target.end)
                     if not text[cp].isspace() and not any(e.start <= cp < e.end for e in ed.article.entities))
        click_char(qtbot, ed, plain)
        assert ed.current_item("quotes").id == target.id
        with qtbot.waitSignal(ops.saved, timeout=WAIT):
            click_char(qtbot, ed, person.start)
        name = text[person.start:person.end]
        # accept the rest and mark done
        with qtbot.waitSignal(ops.saved, timeout=WAIT):
            key(qtbot, ed, "A", Qt.KeyboardModifier.ShiftModifier)
        with qtbot.waitSignals([ops.saved, ed.request_next], timeout=WAIT):
            key(qtbot, ed, Qt.Key.Key_Return)
    finally:
        ops.shutdown()
        read.close()
    art = stored(db, aid)
    assert art.status == "done"
    assert next(q for q in art.quotes if q.id == target.id).speaker == name
    row = next(r for r in export_jsonl(db, tmp_path / "seed.jsonl") if r["id"] == aid)
    assert len(row["quotes"]) == len([q for q in art.quotes if q.state != "rejected"])
    assert any(q["speaker"] and q["speaker"]["name"] == name for q in row["quotes"])
    for e in row["entities"]:
        assert row["text"][e["start"]:e["end"]] == e["text"]
