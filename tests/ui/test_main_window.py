"""The main window driven through real widgets on a real database file."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app.core.model import Entity
from desktop_app.io.jsonl import article_from_dict
from desktop_app.storage import Store
from desktop_app.ui.app import create_main_window, open_window
from desktop_app.ui.settings import Settings, load_settings

from .conftest import make_articles


@pytest.fixture
def windows(qtbot) -> Iterator[Callable[..., Any]]:  # type: ignore[no-untyped-def]
    """Factory for main windows; every one is shut down (jobs, writer thread) at the end."""
    made: list[Any] = []

    def make(db: Path, settings: Settings | None = None, **kw: Any) -> Any:
        win = create_main_window(db, settings or Settings(annotator="tester"), **kw)
        made.append(win)
        qtbot.addWidget(win)
        return win

    yield make
    for w in made:
        w.shutdown()


@pytest.fixture
def demo_files() -> int:
    """How many articles the bundled demo corpus (resources/demo) has."""
    from desktop_app.services import demo

    files = sorted(demo.demo_dir().glob("*.txt"))
    assert files, f"no demo corpus in {demo.demo_dir()}"
    return len(files)


def answer_next_modal(qtbot, button: QMessageBox.StandardButton, seen: list[str]) -> None:  # type: ignore[no-untyped-def]
    """When the next modal message box opens, record its text and press ``button``."""

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, answer)
            return
        seen.append(f"{box.text()}\n{box.informativeText()}")
        box.button(button).click()

    QTimer.singleShot(0, answer)


def test_first_start_on_empty_db_shows_demo_corpus_with_suggestions(qtbot, windows, db_path, demo_files) -> None:
    win = windows(db_path)
    win.show()
    assert win.starting
    with qtbot.waitSignal(win.startup_finished, timeout=120_000):
        pass
    assert win.list.model.rowCount() == demo_files
    assert win.current_article() is not None
    with Store(db_path, readonly=True) as s:
        statuses = {r.status for r in s.article_rows(0, 100)}
    assert statuses == {"preannotated"}  # pre-annotated in the background
    assert win.status.done.text() == f"0 of {demo_files} done"
    pipeline = win.status.pipeline.text()
    assert win.engine.name in pipeline
    assert ("⚠" in pipeline) == win.engine.rule_only  # visible warning when rule-only


def test_window_is_usable_while_the_model_loads(qtbot, windows, filled_db) -> None:
    win = windows(filled_db)
    # straight after construction: list filled, article shown, model still loading in its thread
    assert win.list.model.rowCount() == 30
    assert win.current_article() == win.list.model.article_at(0).id
    with qtbot.waitSignal(win.startup_finished, timeout=120_000):
        pass


def test_import_folder_through_the_import_worker(qtbot, windows, db_path, tmp_path) -> None:
    win = windows(db_path, load_model=False)
    assert win.list.model.rowCount() == 0
    folder = tmp_path / "in"
    folder.mkdir()
    for i, a in enumerate(make_articles(3, prefix="Imported")):
        (folder / f"{i}.txt").write_text(a.text, encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02binary\x00")
    job = win.import_paths([str(folder)])
    qtbot.waitUntil(lambda: job not in win.jobs.running(), timeout=30_000)  # the pool forgets it when it ends
    qtbot.waitUntil(lambda: win.list.model.rowCount() == 3)
    titles = sorted(win.list.model.article_at(i).title for i in range(3))
    assert titles == ["Imported 0 about the harbour.", "Imported 1 about the minister.",
                      "Imported 2 about the election."]
    assert len(job.result.errors) == 1 and "broken.txt" in str(job.result.errors[0])
    assert win.status.done.text() == "0 of 3 done"


def test_export_through_the_dialog_writes_valid_jsonl(qtbot, windows, filled_db, tmp_path) -> None:
    with Store(filled_db) as s:
        ids = s.article_ids()
        s.add(ids[1], Entity(0, 5, "ORG", origin="human", state="accepted"), who="t")
        s.set_status(ids[1], "done")
        s.set_status(ids[2], "done")
    win = windows(filled_db, load_model=False)
    dlg = win.export_dialog()
    out = tmp_path / "gold.jsonl"
    dlg.output.setText(str(out))
    assert dlg.status.currentData() == "done"
    dlg.export_button.click()
    assert dlg.job is not None
    # not waitSignal(job.finished): a fast job can finish before the wait connects
    qtbot.waitUntil(lambda: "Exported 2" in dlg.message.text(), timeout=30_000)
    lines = out.read_text(encoding="utf-8").splitlines()
    back = [article_from_dict(json.loads(line), str(out), n) for n, line in enumerate(lines, 1)]
    assert [a.id for a in back] == [ids[1], ids[2]]
    assert [(e.start, e.end, e.label) for e in back[0].entities] == [(0, 5, "ORG")]


@pytest.fixture
def crash_reports(monkeypatch: pytest.MonkeyPatch) -> list[BaseException]:
    """The app's own excepthooks installed, and every exception that reaches its crash handler recorded."""
    import sys
    import threading

    from desktop_app.ui import app as app_module

    seen: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    monkeypatch.setattr(app_module, "show_crash", lambda exc, parent=None: seen.append(exc))
    app_module.install_excepthooks()
    return seen


def _export_button(dlg: Any, text: str) -> Any:
    return next(b for b in dlg.buttons.buttons() if b.text().replace("&", "") == text)


def test_export_dialog_closes_cleanly_after_the_job_is_gone(qtbot, windows, filled_db, tmp_path,
                                                            crash_reports) -> None:
    from desktop_app.ui.dialogs import CrashDialog

    with Store(filled_db) as s:
        s.set_status(s.article_ids()[0], "done")
    win = windows(filled_db, load_model=False)
    win.show()
    dlg = win.export_dialog()
    qtbot.waitExposed(dlg)
    out = tmp_path / "gold.jsonl"
    dlg.output.setText(str(out))
    qtbot.mouseClick(dlg.export_button, Qt.MouseButton.LeftButton)
    job = dlg.job
    assert job is not None
    qtbot.waitUntil(lambda: "Exported 1" in dlg.message.text(), timeout=30_000)
    qtbot.waitUntil(lambda: job not in win.jobs.running(), timeout=30_000)
    qtbot.wait(50)  # the pool's deleteLater has run: the ExportJob's C++ object is gone
    qtbot.mouseClick(_export_button(dlg, "Close"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dlg.isVisible())
    qtbot.wait(50)
    assert crash_reports == []
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, CrashDialog)]
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1


def test_export_dialog_closed_while_the_job_runs(qtbot, windows, filled_db, tmp_path, monkeypatch,
                                                  crash_reports) -> None:
    import threading

    import desktop_app.services.exporting as exporting

    release = threading.Event()
    real_export = exporting.export

    def slow_export(*args: Any, **kw: Any) -> Any:
        release.wait(30)
        return real_export(*args, **kw)

    monkeypatch.setattr(exporting, "export", slow_export)
    win = windows(filled_db, load_model=False)
    win.show()
    dlg = win.export_dialog()
    qtbot.waitExposed(dlg)
    dlg.output.setText(str(tmp_path / "gold.jsonl"))
    qtbot.mouseClick(dlg.export_button, Qt.MouseButton.LeftButton)
    job = dlg.job
    assert job is not None and job in win.jobs.running()
    qtbot.mouseClick(_export_button(dlg, "Cancel"), Qt.MouseButton.LeftButton)  # closes while it runs
    assert not dlg.isVisible()
    assert job.cancelled
    release.set()
    qtbot.waitUntil(lambda: not win.jobs.running(), timeout=30_000)
    qtbot.wait(50)  # its late signals arrive at the closed dialog; then the job is deleted
    dlg.reject()  # closing again (Escape, window close) once the job is gone
    qtbot.wait(50)
    assert crash_reports == []


def test_settings_persist_across_restarts(qtbot, windows, filled_db) -> None:
    app = QApplication.instance()
    win = windows(filled_db, load_model=False)
    dark = next(a for a in win._theme_actions.actions() if a.data() == "dark")
    dark.trigger()
    win.findChild(type(dark), "font_bigger").trigger()
    assert app.palette().color(QPalette.ColorRole.Window).lightness() < 100
    win.close()
    settings = load_settings()
    assert (settings.theme, settings.font_size, settings.annotator) == ("dark", 13, "tester")
    win2 = windows(filled_db, settings, load_model=False)
    assert next(a for a in win2._theme_actions.actions() if a.isChecked()).data() == "dark"
    light = next(a for a in win2._theme_actions.actions() if a.data() == "light")
    light.trigger()
    assert load_settings().theme == "light"
    assert app.palette().color(QPalette.ColorRole.Window).lightness() > 200


def test_open_window_remembers_recent_databases(qtbot, filled_db) -> None:
    settings = Settings()
    win = open_window(filled_db, settings, load_model=False)
    try:
        assert load_settings().recent_dbs == [str(filled_db.resolve())]
    finally:
        win.shutdown()
        win.deleteLater()


def test_locked_database_shows_a_friendly_error(qtbot, filled_db, monkeypatch) -> None:
    import desktop_app.storage.database as database

    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 50)
    holder = sqlite3.connect(filled_db)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    seen: list[str] = []
    try:
        answer_next_modal(qtbot, QMessageBox.StandardButton.Ok, seen)
        assert open_window(filled_db, Settings(), load_model=False) is None
    finally:
        holder.rollback()
        holder.close()
    assert len(seen) == 1 and "locked" in seen[0] and "E103" in seen[0]


def test_corrupt_database_offers_the_latest_backup(qtbot, tmp_path, filled_db) -> None:
    # a backup as the app makes them, then the live file gets damaged
    backup = filled_db.with_name(f"{filled_db.name}.backup-20250101-101010")
    with Store(filled_db, readonly=True) as s:
        n = s.count_articles()
        dest = sqlite3.connect(backup)
        s.conn.backup(dest)
        dest.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{filled_db}{suffix}").unlink(missing_ok=True)
    filled_db.write_bytes(b"this is not a database at all" * 200)
    seen: list[str] = []
    answer_next_modal(qtbot, QMessageBox.StandardButton.Open, seen)
    win = open_window(filled_db, Settings(), load_model=False)
    try:
        assert win is not None, seen
        assert "E102" in seen[0] and backup.name in seen[0]
        assert win.db_path != filled_db and win.db_path.exists()
        assert win.list.model.total == n
        assert filled_db.read_bytes().startswith(b"this is not")  # damaged file left alone
    finally:
        if win is not None:
            win.shutdown()
            win.deleteLater()


def test_corrupt_database_without_backup_explains_and_does_not_crash(qtbot, db_path) -> None:
    db_path.write_bytes(b"garbage" * 500)
    seen: list[str] = []
    answer_next_modal(qtbot, QMessageBox.StandardButton.Ok, seen)
    assert open_window(db_path, Settings(), load_model=False) is None
    assert "E102" in seen[0] and "damaged" in seen[0]


def test_refused_edit_is_reported_in_the_status_bar(qtbot, windows, filled_db) -> None:
    win = windows(filled_db, load_model=False)
    aid = win.current_article()
    with qtbot.waitSignal(win.ops.failed, timeout=5000):
        win.ops.submit(lambda s: s.undo(aid), article_id=aid)
    assert "Nothing to undo" in win.status.currentMessage()


def test_empty_corpus_shows_import_page_then_the_editor(qtbot, windows, db_path, tmp_path) -> None:
    win = windows(db_path, load_model=False)
    assert win.centre.currentWidget() is win.empty_page
    src = tmp_path / "one.txt"
    src.write_text(make_articles(1)[0].text, encoding="utf-8")
    job = win.import_paths([str(src)])
    qtbot.waitUntil(lambda: job not in win.jobs.running(), timeout=30_000)  # the pool forgets it when it ends
    qtbot.waitUntil(lambda: win.centre.currentWidget() is win.editor)
    assert win.current_article() == job.result.added[0]


def test_cancelled_import_stops_and_says_so(qtbot, windows, db_path, tmp_path) -> None:
    from desktop_app.ui.workers import ImportJob

    folder = tmp_path / "many"
    folder.mkdir()
    for i, a in enumerate(make_articles(20)):
        (folder / f"{i:02d}.txt").write_text(a.text, encoding="utf-8")
    win = windows(db_path, load_model=False)
    job = ImportJob(win.ops.writer, [folder])
    job.cancel()  # as the progress dialog's Cancel does, here before the first file
    job.succeeded.connect(win._on_imported)
    with qtbot.waitSignal(job.finished, timeout=30_000):
        win.jobs.start(job)
    assert job.result.cancelled and job.result.added == []
    assert "(cancelled)" in win.status.currentMessage()


def test_preannotate_missing_from_the_menu_runs_in_background(qtbot, windows, filled_db) -> None:
    win = windows(filled_db)
    with qtbot.waitSignal(win.startup_finished, timeout=120_000):
        pass
    action = win.findChild(type(win.menuBar().actions()[0]), "preannotate_missing")
    action.trigger()
    from desktop_app.ui.workers import PreannotateJob

    jobs = win.jobs.running(PreannotateJob)
    assert len(jobs) == 1 and not win.status.progress.isHidden()
    qtbot.waitUntil(lambda: not win.jobs.running(PreannotateJob), timeout=120_000)  # the pool deletes finished jobs
    with Store(filled_db, readonly=True) as s:
        assert s.status_counts()["new"] == 0
    qtbot.waitUntil(lambda: win.list.model.article_at(0).status == "preannotated")
    assert "Pre-annotated 30 article(s)" in win.status.currentMessage()


def test_ctrl_f_focuses_search(qtbot, windows, filled_db) -> None:
    win = windows(filled_db, load_model=False)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    qtbot.keyClick(win, "f", modifier=Qt.KeyboardModifier.ControlModifier)
    assert win.list.search.hasFocus()
    qtbot.keyClicks(win.list.search, "harbour")
    qtbot.keyClick(win.list.search, Qt.Key.Key_Return)
    assert win.list.model.total == 4


def test_a_bug_shows_the_crash_dialog_with_the_log_path(qtbot, monkeypatch) -> None:
    import sys
    import threading

    from desktop_app.paths import log_path
    from desktop_app.ui import app as app_module
    from desktop_app.ui.dialogs import CrashDialog

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    app_module.setup_logging()
    app_module.install_excepthooks()
    try:
        raise ZeroDivisionError("boom in a slot")
    except ZeroDivisionError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    dialogs_ = [w for w in QApplication.topLevelWidgets() if isinstance(w, CrashDialog) and w.isVisible()]
    assert len(dialogs_) == 1
    assert str(log_path()) in dialogs_[0].intro.text()
    assert "boom in a slot" in dialogs_[0].details.toPlainText()
    dialogs_[0].close()

    def worker() -> None:
        raise RuntimeError("boom in a thread")

    t = threading.Thread(target=worker, name="bg")
    t.start()
    t.join()
    qtbot.waitUntil(lambda: any(isinstance(w, CrashDialog) and w.isVisible() and "boom in a thread" in
                                w.details.toPlainText() for w in QApplication.topLevelWidgets()))
    for w in QApplication.topLevelWidgets():
        if isinstance(w, CrashDialog):
            w.close()
    logged = log_path().read_text(encoding="utf-8")
    assert "boom in a slot" in logged and "boom in a thread" in logged


def test_font_size_reaches_the_article_text(qtbot, windows, filled_db) -> None:
    win = windows(filled_db, load_model=False)
    before = win.editor.view.font().pointSize()
    win.findChild(type(win.menuBar().actions()[0]), "font_bigger").trigger()
    win.findChild(type(win.menuBar().actions()[0]), "font_bigger").trigger()
    assert win.editor.view.font().pointSize() == before + 2 == load_settings().font_size


def test_open_another_corpus_replaces_the_window(qtbot, filled_db, tmp_path) -> None:
    from desktop_app.ui import app as app_module

    other = tmp_path / "other.sqlite3"
    with Store(other) as s:
        s.add_articles(make_articles(2, prefix="Other"))
    win = open_window(filled_db, Settings(), load_model=False)
    win.show()
    try:
        win.open_requested.emit(str(other))  # File > Open / Open recent / New end here
        new = next(w for w in app_module._state["windows"] if w is not win and w.db_path == other)
        assert not win.isVisible() and not win.ops.is_running()
        assert new.list.model.total == 2
        assert load_settings().recent_dbs[:2] == [str(other.resolve()), str(filled_db.resolve())]
    finally:
        for w in list(app_module._state["windows"]):
            w.shutdown()
            w.close()
            w.deleteLater()
            app_module._state["windows"].remove(w)


def test_newer_database_is_refused_with_a_friendly_error(qtbot, filled_db) -> None:
    from desktop_app.storage.schema import MIGRATION_SET

    conn = sqlite3.connect(filled_db)
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES (?, 'from_the_future', 'x')",
                 [MIGRATION_SET])
    conn.commit()
    conn.close()
    seen: list[str] = []
    answer_next_modal(qtbot, QMessageBox.StandardButton.Ok, seen)
    assert open_window(filled_db, Settings(), load_model=False) is None
    assert "E101" in seen[0] and "newer NewsGold" in seen[0]


def test_readme_lists_every_main_window_shortcut() -> None:
    from desktop_app.ui.main_window import SHELL_SHORTCUTS

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    for _group, keys, text in SHELL_SHORTCUTS:
        assert f"| `{keys}` | {text} |" in readme
