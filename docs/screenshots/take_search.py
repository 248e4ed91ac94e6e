"""Screenshots of the article list's field search and of the import-errors table, at 1280x720.

    QT_QPA_PLATFORM=offscreen python docs/screenshots/take_search.py [OUT_DIR]

Writes search.png (the demo corpus, a field search typed into the list's search box, text two steps
above the default size) and import-errors.png (the result dialog of a GUI import of a JSONL file with
three bad lines). The corpus is tests/gold/demo.jsonl imported into a temporary file.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

SEARCH = "taliban type:ACCUSE label:GPE"
BAD_LINES = [
    json.dumps({"title": "Fine", "text": "A good article about the harbour."}),
    '{"title": "broken", "text": ',
    json.dumps({"title": "no text here"}),
    json.dumps({"title": "Also fine", "text": "Another good article, about the bridge."}),
    json.dumps({"text": "Spans past the end.", "entities": [{"start": 3, "end": 99, "label": "ORG"}]}),
]


def _wait(until, seconds: float = 30.0) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.ui.app import _flush_events

    end = time.monotonic() + seconds
    while not until():
        if time.monotonic() > end:
            raise TimeoutError("the window did not get there in time")
        _flush_events()
        time.sleep(0.02)


def main(out: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from desktop_app.services.importing import import_paths
    from desktop_app.storage import Store
    from desktop_app.ui.app import _flush_events, create_main_window
    from desktop_app.ui.import_result import ImportResultDialog
    from desktop_app.ui.settings import Settings
    from desktop_app.ui.theme import apply_theme

    app = QApplication.instance() or QApplication([])
    tmp = Path(tempfile.mkdtemp())
    db = tmp / "demo.sqlite3"
    with Store(db) as s:
        import_paths(s, [ROOT / "tests" / "gold" / "demo.jsonl"])
    out.mkdir(parents=True, exist_ok=True)
    apply_theme(app, "light", 14)  # two steps above the default 12 pt
    win = create_main_window(db, Settings(annotator="demo", font_size=14), load_model=False, remember_layout=False)
    win.resize(1280, 720)
    win.show()
    _wait(lambda: win.list.model.rowCount() > 0)
    win.list.search.setFocus()
    QTest.keyClicks(win.list.search, SEARCH)
    QTest.keyClick(win.list.search, Qt.Key.Key_Return)
    _wait(lambda: 0 < win.list.model.total < win.list.model.store.count_articles())
    win.list.select_article(win.list.model.article_at(0).id)  # type: ignore[union-attr]
    for _ in range(5):
        _flush_events()
    win.grab().save(str(out / "search.png"), "PNG")
    print("saved", out / "search.png", f"({win.list.model.total} articles match {SEARCH!r})")

    bad = tmp / "newswire-export.jsonl"
    bad.write_text("\n".join(BAD_LINES) + "\n", encoding="utf-8")
    win.import_paths([str(bad)])
    _wait(lambda: win.findChild(ImportResultDialog) is not None and win.findChild(ImportResultDialog).isVisible())
    dlg = win.findChild(ImportResultDialog)
    dlg.table.selectRow(1)
    for _ in range(5):
        _flush_events()
    dlg.grab().save(str(out / "import-errors.png"), "PNG")
    print("saved", out / "import-errors.png")
    win.shutdown()
    win.close()
    _flush_events()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots")
