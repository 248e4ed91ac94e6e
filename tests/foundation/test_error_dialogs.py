"""The GUI shows each kind of error as errors.presentation says: real errors, real widgets, the real excepthook."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QWidget

from desktop_app.core.model import Article
from desktop_app.errors import NewsGoldError
from desktop_app.paths import log_path
from desktop_app.storage import Store
from desktop_app.ui import app as app_module

pytestmark = pytest.mark.gui


@pytest.fixture
def hooks(qtbot, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """The app's own excepthooks, as ``newsgold gui`` installs them (put back afterwards)."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    monkeypatch.setitem(app_module._state, "headless", False)
    app_module.install_excepthooks()
    yield
    for w in QApplication.topLevelWidgets():
        if isinstance(w, QMessageBox) or w.objectName() == "crashDialog":
            w.close()


def _raise_in_a_slot(action: Callable[[], object]) -> None:
    """As when a menu action or a timer runs code that fails: Qt hands the exception to sys.excepthook."""
    QTimer.singleShot(0, action)


def _shown(name: str) -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.objectName() == name and w.isVisible()]


def test_environment_error_shows_the_friendly_dialog_not_the_crash_dialog(qtbot, hooks, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    garbage = tmp_path / "notes.sqlite3"
    garbage.write_bytes(b"these are notes, not a database\n" * 300)
    _raise_in_a_slot(lambda: Store(garbage))  # E102, for real
    qtbot.waitUntil(lambda: bool(_shown("error-E102")), timeout=10_000)
    (box,) = _shown("error-E102")
    assert isinstance(box, QMessageBox)
    assert box.windowTitle() == "NewsGold: cannot use the corpus"
    assert str(garbage) in box.text()
    assert "backup" in box.informativeText() and "(error E102)" in box.informativeText()
    assert not _shown("crashDialog")


def test_unexpected_exception_shows_the_crash_dialog_and_logs_it(qtbot, hooks) -> None:  # type: ignore[no-untyped-def]
    speakers: dict[str, str] = {}
    _raise_in_a_slot(lambda: speakers["the minister"])  # a plain bug: KeyError
    qtbot.waitUntil(lambda: bool(_shown("crashDialog")), timeout=10_000)
    (dlg,) = _shown("crashDialog")
    assert "KeyError: 'the minister'" in dlg.details.toPlainText()  # type: ignore[attr-defined]
    assert str(log_path()) in dlg.intro.text()  # type: ignore[attr-defined]
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def test_a_bug_in_a_worker_thread_reaches_the_crash_dialog(qtbot, hooks) -> None:  # type: ignore[no-untyped-def]
    worker = threading.Thread(target=lambda: [][1], name="worker")  # IndexError off the GUI thread
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: bool(_shown("crashDialog")), timeout=10_000)
    (dlg,) = _shown("crashDialog")
    assert "IndexError" in dlg.details.toPlainText()  # type: ignore[attr-defined]


def test_refusal_is_a_status_bar_message(qtbot, hooks, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    with Store(db_path) as store:
        (aid,), _ = store.add_articles([Article.from_text("Title\n\nBody.", title="Title")])
        with pytest.raises(NewsGoldError) as info:
            store.undo(aid)  # nothing to undo: E111, for real
    win = QMainWindow()
    qtbot.addWidget(win)
    win.show()
    app_module.show_error(info.value, win)
    assert win.statusBar().currentMessage() == "Nothing to undo"
    assert not _shown("crashDialog") and not _shown("error-E111")
    win.close()
    app_module.show_error(info.value, None)  # no window to put it in: a small box instead
    qtbot.waitUntil(lambda: bool(_shown("error-E111")), timeout=10_000)
