"""Annotate → Train from gold…: the dialog starts the training child in the background and Cancel stops it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from desktop_app.core.model import Article, Quote, Span, article_id_for
from desktop_app.services.training import models_dir
from desktop_app.storage import Store
from desktop_app.ui.training import TrainDialog


def _gold(path: Path) -> Path:
    articles = []
    for i, name in enumerate(["Ada Berg", "Ben Cole", "Cai Dunn", "Dev Eames"]):
        text = f"{name} said the pier {i} will reopen soon."
        c = text.index("the pier")
        s = text.index("said")
        articles.append(Article(id=article_id_for(text), title=name, text=text, status="done", quotes=[
            Quote(c, len(text) - 1, kind="indirect", cue=Span(s, s + 4), speaker=name, mention=Span(0, len(name)),
                  state="accepted", origin="human")]))
    with Store(path) as store:
        store.add_articles(articles)
    return path


def test_cancel_stops_the_training_and_saves_nothing(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dlg = TrainDialog(_gold(tmp_path / "gold.sqlite3"))
    qtbot.addWidget(dlg)
    dlg.show()
    for layer in ("entities", "events"):
        dlg.layers[layer].setChecked(False)
    qtbot.mouseClick(dlg.start_button, Qt.MouseButton.LeftButton)
    assert dlg.job is not None and not dlg.start_button.isEnabled()
    with qtbot.waitSignal(dlg.job.progress, timeout=120_000):
        pass  # the child process has started and reports its first stage
    qtbot.mouseClick(dlg.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.job is not None and dlg.job.isFinished(), timeout=60_000)
    qtbot.waitUntil(lambda: dlg.start_button.isEnabled(), timeout=10_000)
    assert "E506" in dlg.message.text() and "no pipeline was written" in dlg.message.text()
    assert list(models_dir().iterdir()) == []
    assert not dlg.use_button.isVisible()


def test_the_annotate_menu_opens_the_train_dialog_on_this_corpus(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QAction

    from desktop_app.ui.app import create_main_window
    from desktop_app.ui.settings import Settings

    db = _gold(tmp_path / "gold.sqlite3")
    win = create_main_window(db, Settings(annotator="tester"), load_model=False)
    qtbot.addWidget(win)
    try:
        action = win.findChild(QAction, "train_from_gold")
        assert action is not None and "Train from gold" in action.text()
        action.trigger()
        dlg = win.findChild(TrainDialog)
        assert dlg is not None and dlg.isVisible() and dlg.db_path == db
        dlg.reject()
    finally:
        win.shutdown()
