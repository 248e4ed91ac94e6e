"""Screenshot of a span resize in progress: the end edge of the current entity dragged one word on.

    QT_QPA_PLATFORM=offscreen python docs/screenshots/span_resize.py [OUT.png]

The demo gold corpus (tests/gold/demo.jsonl) in a temporary file, the main window at 1600×900;
an entity becomes the current item, its end edge is pressed and dragged with real QTest mouse
events (not released): the view shows the snapped new span and the status line says what a
release would save. The pointer itself is not in a widget grab; an arrow is drawn where it is.
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
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtGui import QColor, QPainter, QPen, QTextCursor
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from desktop_app.services.importing import import_paths
    from desktop_app.storage import Store
    from desktop_app.ui.app import _flush_events, create_main_window
    from desktop_app.ui.settings import Settings

    _app = QApplication.instance() or QApplication([])  # kept alive until the end
    db = Path(tempfile.mkdtemp()) / "demo.sqlite3"
    with Store(db) as s:
        import_paths(s, [ROOT / "tests" / "gold" / "demo.jsonl"])
    win = create_main_window(db, Settings(annotator="demo"), load_model=False, remember_layout=False)
    win.resize(1600, 900)
    win.show()
    for _ in range(5):
        _flush_events()
    ed = win.editor
    assert ed.article is not None
    text = ed.article.text
    # an entity followed by a word on the same line: drag its end over that word
    ent = next(e for e in ed.article.entities if e.state != "rejected" and text[e.end:e.end + 1] == " "
               and text[e.end + 1:e.end + 2].isalpha())
    ed.select_item("entities", ent.id)
    ed.view.setFocus()
    _flush_events()
    view, viewport = ed.view, ed.view.viewport()

    def caret(cp: int) -> QPoint:
        cur = QTextCursor(view.document())
        cur.setPosition(ed.omap.to_doc(cp))
        r = view.cursorRect(cur)
        return QPoint(r.x(), r.center().y())

    nxt = ed.tokens.step_end(ent.start, ent.end, 1)
    assert nxt is not None
    edge, target = caret(ent.end), caret(nxt)
    QTest.mouseMove(viewport, edge)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, edge)
    QTest.mouseMove(viewport, QPoint((edge.x() + target.x()) // 2, edge.y()))
    QTest.mouseMove(viewport, target)
    for _ in range(3):
        _flush_events()
    assert viewport.cursor().shape() == Qt.CursorShape.SizeHorCursor or view._edge is not None
    img = win.grab().toImage()
    p = QPainter(img)  # the ↔ pointer where the mouse is (a grab has no cursor)
    at = viewport.mapTo(win, target)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    for colour, width in ((QColor("white"), 5), (QColor("black"), 2)):
        p.setPen(QPen(colour, width))
        x, y = at.x() * img.devicePixelRatio(), at.y() * img.devicePixelRatio()
        p.drawLine(int(x - 9), int(y), int(x + 9), int(y))
        for d in (-1, 1):
            p.drawLine(int(x + 9 * d), int(y), int(x + 5 * d), int(y - 4))
            p.drawLine(int(x + 9 * d), int(y), int(x + 5 * d), int(y + 4))
    p.end()
    out.parent.mkdir(parents=True, exist_ok=True)
    img.save(str(out), "PNG")
    print("saved", out, "-", text[ent.start:ent.end], "→", text[ent.start:nxt])
    view._edge = None  # the drag ends here, unsaved (a release would commit the resize)
    win.shutdown()
    win.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots" / "span-resize.png")
