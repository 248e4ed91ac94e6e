"""A long article opens with what is on screen highlighted at once and the rest in idle time;
scrolling straight to the end shows highlighted text there, not plain text waiting for its turn."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt

from desktop_app.core.model import Article, Entity

from .helpers import WAIT

PARA = "Officials in Peshawar said the talks with the delegation from {} would resume next week. \U0001F4F0"


def _article() -> Article:
    paras = [PARA.format(f"Kabul {i}") for i in range(400)]
    text = "Long article\n\n" + "\n\n".join(paras)
    art = Article.from_text(text, title="Long article")
    ents, start = [], 0
    for i in range(400):
        start = text.index(f"Kabul {i} ", start)
        ents.append(Entity(start, start + len(f"Kabul {i}"), "GPE", "model"))
    art.entities = ents
    return art


def _background_at(ed: Any, cp: int) -> int:
    block = ed.view.document().findBlock(ed.omap.to_doc(cp))
    rel = ed.omap.to_doc(cp) - block.position()
    return max((r.format.background().color().alpha() for r in block.layout().formats()
                if r.start <= rel < r.start + r.length), default=0)


@pytest.mark.gui
def test_long_article_highlights_the_screen_first_then_the_rest(qtbot: Any, tmp_path: Path) -> None:
    from desktop_app.storage import Store
    from desktop_app.ui.editor import ArticleEditor
    from desktop_app.ui.ops import OpRunner
    from desktop_app.ui.settings import Settings

    art = _article()
    db = tmp_path / "long.sqlite3"
    with Store(db) as s:
        s.add_articles([art])
    runner = OpRunner(db)
    store = Store(db, readonly=True)
    try:
        ed = ArticleEditor(store, runner, Settings(annotator="tester"))
        qtbot.addWidget(ed)
        ed.resize(1000, 700)
        with qtbot.waitExposed(ed):
            ed.show()
        ed.show_article(art.id)
        first, last = art.entities[0], art.entities[-1]
        assert _background_at(ed, first.start) > 0  # on screen: highlighted before the first paint
        assert ed.highlighter.pending > 0  # the far end waits for idle time ...
        bar = ed.view.verticalScrollBar()
        bar.setValue(bar.maximum())  # ... unless the reader goes there first
        bottom = ed.view.cursorForPosition(QPoint(20, ed.view.viewport().height() - 20)).position()
        assert ed.omap.to_doc(last.start) <= bottom + len(PARA)  # the last entity is on screen now
        assert _background_at(ed, last.start) > 0
        qtbot.waitUntil(lambda: ed.highlighter.pending == 0, timeout=WAIT)
        assert all(_background_at(ed, e.start) > 0 for e in art.entities[::37])
        assert ed.view.viewport().cursor().shape() == Qt.CursorShape.IBeamCursor
    finally:
        runner.shutdown()
        store.close()
