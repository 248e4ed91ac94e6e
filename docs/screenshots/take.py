"""Screenshots of the editor, the dashboard and the people view, on the bundled demo corpora.

    QT_QPA_PLATFORM=offscreen python docs/screenshots/take.py [OUT_DIR] [--only=editor|views]

Writes editor-1280x720.png, editor-1600x900.png, editor-dark.png (1600x900), editor-larger-text.png
(1366x768, text two steps up) and help-overlay.png (1280x720, the `?` overlay): the app's demo
articles (resources/demo) pre-annotated by the installed spaCy pipeline, a few items accepted so the
panels show their progress.  And dashboard-light.png, dashboard-dark.png (1600x2700),
people-light.png, people-dark.png (1600x1000): tests/gold/demo.jsonl imported into a temporary
file, with one alias and one Wikidata id entered so the people view shows them.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


EDITOR_SHOTS = (  # file, size, theme, font steps up, panel, overlay
    ("editor-1280x720.png", (1280, 720), "light", 0, "quotes", False),
    ("editor-1600x900.png", (1600, 900), "light", 0, "quotes", False),
    ("editor-dark.png", (1600, 900), "dark", 0, "events", False),
    ("editor-larger-text.png", (1366, 768), "light", 2, "entities", False),
    ("help-overlay.png", (1280, 720), "light", 0, "quotes", True),
)


def editor_corpus(tmp: Path) -> tuple[Path, str, Any]:
    """The demo articles, pre-annotated by the real pipeline; in the one shown, a few items decided."""
    from desktop_app.nlp.loading import load_engine
    from desktop_app.services import demo, editing
    from desktop_app.services.preannotating import preannotate
    from desktop_app.storage import Store

    db = tmp / "editor.sqlite3"
    with Store(db) as s:
        demo.ensure_demo(s)
        ids = s.article_ids()
        engine = load_engine()
        preannotate(s, engine, ids)
        shown = ids[0]
        art = s.get_article(shown)
        for item in (*art.quotes[:1], *art.entities[:3], *art.events[:1]):
            editing.accept(s, item, who="demo")
        if len(art.entities) > 4:
            editing.reject(s, art.entities[3], who="demo")
    return db, shown, engine


def editor_shots(out: Path, tmp: Path) -> None:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QApplication

    from desktop_app.ui.app import _flush_events, create_main_window
    from desktop_app.ui.settings import Settings
    from desktop_app.ui.theme import apply_theme

    app = QApplication.instance() or QApplication([])
    font = QApplication.font()
    db, shown, engine = editor_corpus(tmp)
    for name, (w, h), theme, steps, panel, overlay in EDITOR_SHOTS:
        app.setFont(font)
        settings = Settings(annotator="demo", theme=theme, label_tags=True)
        apply_theme(app, theme, settings.font_size)  # type: ignore[arg-type]  # as `newsgold gui` starts
        win = create_main_window(db, settings, load_model=False, remember_layout=False)
        win.show()
        win.resize(w, h)
        win.fit_panels()
        for _ in range(steps):  # View > Bigger text, as a user would
            win.findChild(QAction, "font_bigger").trigger()
        win.list.select_article(shown)
        win.editor.show_panel(panel)
        win.editor.move_item(1)  # the second item: the first is accepted already
        for _ in range(5):
            _flush_events()
        if overlay:
            win.editor.overlay.toggle()
            _flush_events()
        win.status.set_pipeline(engine.name, engine.rule_only)  # the window was not asked to load it
        win.status.clearMessage()
        _flush_events()
        path = out / name
        win.grab().save(str(path), "PNG")
        print("saved", path)
        win.shutdown()
        win.close()
        win.deleteLater()
        _flush_events()
    app.setFont(font)


def main(out: Path, only: str = "") -> None:
    out.mkdir(parents=True, exist_ok=True)
    if only in ("", "editor"):
        editor_shots(out, Path(tempfile.mkdtemp()))
    if only in ("", "views"):
        view_shots(out)


def view_shots(out: Path) -> None:
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
    args = [a for a in sys.argv[1:] if not a.startswith("--only")]
    only = next((a.split("=", 1)[1] for a in sys.argv[1:] if a.startswith("--only=")), "")
    main(Path(args[0]) if args else ROOT / "docs" / "screenshots", only)
