"""Settings survive a restart and a damaged file never stops the app."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop_app.paths import settings_path
from desktop_app.ui.settings import DEFAULT_LABEL_COLORS, Settings, load_settings, save_settings


def test_settings_round_trip(tmp_path) -> None:
    s = Settings(annotator="amina", model="en_core_web_sm", font_size=15, theme="dark", taxonomy="/x/t.json")
    s.label_colors["PERSON"] = "#123456"
    s.add_recent(tmp_path / "a.sqlite3")
    s.add_recent(tmp_path / "b.sqlite3")
    s.add_recent(tmp_path / "a.sqlite3")
    save_settings(s)
    back = load_settings()
    assert back == s
    assert back.recent_dbs[0].endswith("a.sqlite3") and len(back.recent_dbs) == 2


def test_damaged_settings_fall_back_to_defaults() -> None:
    p = settings_path()
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text("{not json", encoding="utf-8")
    assert load_settings() == Settings()
    p.write_text('{"theme": "purple", "font_size": 400, "annotator": "li", "label_colors": {"X": "#000"}}')
    s = load_settings()
    assert (s.theme, s.font_size, s.annotator) == ("system", 12, "li")
    assert s.label_colors == {**DEFAULT_LABEL_COLORS, "X": "#000"}


@pytest.fixture
def desktop_font() -> Iterator[None]:
    """A common 10 pt desktop font (earlier tests may have left the app at 14 pt)."""
    from PySide6.QtWidgets import QApplication

    before = QApplication.font()
    font = QApplication.font()
    font.setPointSize(10)
    QApplication.setFont(font)
    yield
    QApplication.setFont(before)


def test_window_size_and_panel_widths_come_back_after_a_restart(qtbot: Any, tmp_path: Path,
                                                                 desktop_font: None) -> None:
    from desktop_app.core.model import Article
    from desktop_app.storage import Store
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.settings import load_settings

    db = tmp_path / "c.sqlite3"
    with Store(db) as store:  # an article, so the editor (not the empty-corpus page) is shown
        store.add_articles([Article.from_text("Talks resume\n\nThe talks resumed in Doha.", "Talks resume")])
    win = MainWindow(db, load_settings(), load_model=False)
    qtbot.addWidget(win)
    win.show()
    win.resize(780, 560)  # inside the offscreen platform's 800x600 screen
    qtbot.waitUntil(lambda: win.size().width() == 780)
    win.splitter.setSizes([270, 510])
    win.editor.splitter.setSizes([300, 200])
    wanted = (win.size(), win.splitter.sizes(), win.editor.splitter.sizes())
    win.close()

    again = MainWindow(db, load_settings(), load_model=False)
    qtbot.addWidget(again)
    again.show()
    assert (again.size(), again.splitter.sizes(), again.editor.splitter.sizes()) == wanted
    again.close()


def test_the_window_can_be_narrower_than_a_small_laptop_screen(qtbot: Any, tmp_path: Path,
                                                               desktop_font: None) -> None:
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.settings import load_settings

    win = MainWindow(tmp_path / "c.sqlite3", load_settings(), load_model=False)
    qtbot.addWidget(win)
    assert win.minimumSizeHint().width() <= 1024  # the legend wraps; lists and panels shrink
    win.close()
