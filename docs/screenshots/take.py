"""Screenshots of the dashboard and the people view, light and dark, on the demo gold corpus.

    QT_QPA_PLATFORM=offscreen python docs/screenshots/take.py [OUT_DIR]

Writes dashboard-light.png, dashboard-dark.png (1600x2700), people-light.png, people-dark.png (1600x1000).
The corpus is tests/gold/demo.jsonl imported into a temporary file, with one alias and one
Wikidata id entered so the people view shows them.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def main(out: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from desktop_app.services import people
    from desktop_app.services.importing import import_paths
    from desktop_app.storage import Store
    from desktop_app.ui.app import _flush_events, create_main_window
    from desktop_app.ui.settings import Settings
    from desktop_app.ui.theme import apply_theme

    app = QApplication.instance() or QApplication([])
    tmp = Path(tempfile.mkdtemp())
    db = tmp / "demo.sqlite3"
    with Store(db) as s:
        import_paths(s, [ROOT / "tests" / "gold" / "demo.jsonl"])
        ids = s.article_ids()
        s.set_status(ids[0], "in_progress", who="demo")  # a little history for the status-over-time chart
        s.set_status(ids[1], "skipped", who="demo")
        s.set_status(ids[0], "done", who="demo")
        s.registry_add("the Foreign Office spokesperson", "Tahira Andleeb")
        people.set_info(s, "Hakan Fidan", note="Turkish foreign minister", external_id="Q6581224")
    out.mkdir(parents=True, exist_ok=True)
    for theme in ("light", "dark"):
        apply_theme(app, theme)  # type: ignore[arg-type]
        win = create_main_window(db, Settings(annotator="demo", theme=theme), load_model=False, remember_layout=False)
        win.show()
        for view in ("dashboard", "people"):
            win.resize(1600, 2700 if view == "dashboard" else 1000)  # the whole dashboard, no scrolling
            widget = win.show_view(view)
            if view == "people":
                widget.refresh()
                widget.select("Hakan Fidan")
            else:
                widget.refresh()
            for _ in range(5):
                _flush_events()
            path = out / f"{view}-{theme}.png"
            win.grab().save(str(path), "PNG")
            print("saved", path)
        win.shutdown()
        win.close()
        win.deleteLater()
        _flush_events()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots")
