"""Start-up of the GUI: QApplication, logging, crash handling, the window, ``--screenshot``.

Every error reaches the user through :func:`show_error`, which shows it as
:func:`desktop_app.errors.presentation` decides: a refusal in the status bar, an
environment problem (locked / corrupt / newer database, full disk) in a friendly
dialog that says what to do, a bug (GUI thread or worker threads) logged to
``paths.log_path()`` and shown in the crash dialog with that path.
"""

from __future__ import annotations

import argparse
import logging
import shutil
import sys
import threading
import traceback
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QWidget

from desktop_app import APP_ID, APP_NAME
from desktop_app.errors import NewsGoldError, presentation
from desktop_app.paths import log_path, resolve_db_path
from desktop_app.ui import first_paint
from desktop_app.ui.settings import Settings, load_settings, save_settings
from desktop_app.ui.theme import apply_theme

log = logging.getLogger(__name__)
SCREENSHOT_TIMEOUT_MS = 180_000
_state: dict[str, Any] = {"headless": False, "windows": [], "dialogs": []}


# -- logging and crash handling -------------------------------------------------------------

def setup_logging() -> Path:
    path = log_path()
    root = logging.getLogger()
    if not any(getattr(h, "_newsgold", False) for h in root.handlers):
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(path, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"))
        handler.setLevel(logging.INFO)
        handler._newsgold = True  # type: ignore[attr-defined]
        root.addHandler(handler)
        if root.level > logging.INFO or root.level == logging.NOTSET:
            root.setLevel(logging.INFO)
            for h in root.handlers:  # keep the console as quiet as before
                if not getattr(h, "_newsgold", False) and h.level == logging.NOTSET:
                    h.setLevel(logging.WARNING)
    return path


class _CrashBridge(QObject):
    """Carries an exception from any thread to the GUI thread."""

    crashed = Signal(object)


_bridge: _CrashBridge | None = None


def show_crash(exc: BaseException, parent: QWidget | None = None) -> None:
    """Log the bug and show the crash dialog (or, headless, print and exit 1)."""
    log.error("unhandled exception", exc_info=(type(exc), exc, exc.__traceback__))
    if _state["headless"]:
        traceback.print_exception(type(exc), exc, exc.__traceback__, file=sys.stderr)
        print(f"newsgold: crash; details in {log_path()}", file=sys.stderr)
        QApplication.exit(1)
        return
    from desktop_app.ui.dialogs import CrashDialog

    dlg = CrashDialog(exc, log_path(), parent)
    dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _state["dialogs"].append(dlg)  # a parentless dialog needs a Python reference to stay alive
    dlg.finished.connect(lambda _r, d=dlg: _state["dialogs"].remove(d) if d in _state["dialogs"] else None)
    dlg.open()


def friendly_box(parent: QWidget | None, err: NewsGoldError, *, title: str | None = None) -> QMessageBox:
    """The dialog for an environment error (or a refusal with nowhere else to go); the caller opens or execs it."""
    from desktop_app.ui.dialogs import error_box

    return error_box(parent, err, title=title)


def _status_bar_of(parent: QWidget | None) -> Any:
    window = parent.window() if parent is not None else QApplication.activeWindow()
    return window.statusBar() if isinstance(window, QMainWindow) else None


def show_error(exc: BaseException, parent: QWidget | None = None) -> None:
    """Show any exception the way ``errors.presentation`` says; the GUI's one way of reporting an error.

    refusal: a message in the status bar of ``parent``'s window (a small box when there is none);
    environment: :func:`friendly_box`; bug: :func:`show_crash` (log with traceback, crash dialog).
    Non-blocking: dialogs are opened, not exec'd.
    """
    shown = presentation(exc)
    if shown.kind == "bug":
        show_crash(exc, parent)
        return
    assert isinstance(exc, NewsGoldError)
    log.warning("%s: %s", shown.kind, shown.message)
    if _state["headless"]:
        print(f"newsgold: error: {shown.message}", file=sys.stderr)
        return
    if shown.kind == "refusal":
        bar = _status_bar_of(parent)
        if bar is not None:
            bar.showMessage(exc.message, 8000)
            return
    box = friendly_box(parent, exc)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _state["dialogs"].append(box)  # a parentless box needs a Python reference to stay alive
    box.finished.connect(lambda _r, b=box: _state["dialogs"].remove(b) if b in _state["dialogs"] else None)
    box.open()


def _sys_hook(exc_type: type[BaseException], exc: BaseException, tb: Any) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        QApplication.exit(130)
        return
    if exc.__traceback__ is None:
        exc = exc.with_traceback(tb)
    if _bridge is not None and threading.current_thread() is not threading.main_thread():
        _bridge.crashed.emit(exc)
    else:
        show_error(exc, QApplication.activeWindow())


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is None:
        return
    log.error("unhandled exception in thread %s", getattr(args.thread, "name", "?"),
              exc_info=(args.exc_type, args.exc_value, args.exc_traceback))
    if _bridge is not None:
        _bridge.crashed.emit(args.exc_value)


def install_excepthooks() -> None:
    global _bridge
    if _bridge is None:
        _bridge = _CrashBridge()
        _bridge.crashed.connect(lambda exc: show_error(exc, QApplication.activeWindow()),
                                Qt.ConnectionType.QueuedConnection)
    sys.excepthook = _sys_hook
    threading.excepthook = _thread_hook


# -- garbage collection on the GUI thread only ------------------------------------------------

class MainThreadGC(QObject):
    """Python's cyclic GC may run in whatever thread allocates; collecting a Qt wrapper there deletes a
    GUI object off the GUI thread (a crash).  So automatic GC is off and this timer collects on the GUI
    thread instead (qutebrowser's approach)."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = 1000) -> None:
        super().__init__(parent)
        import gc

        self._gc = gc
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect)
        self._timer.start(interval_ms)
        self._ticks = 0

    def collect(self) -> None:
        self._ticks += 1
        self._gc.collect(2 if self._ticks % 10 == 0 else 0)


# -- application and windows ------------------------------------------------------------------

def application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv or [APP_NAME])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setOrganizationDomain("newsgold.org")
    app.setDesktopFileName(APP_ID)
    return app


def create_main_window(db_path: Path, settings: Settings | None = None, *, load_model: bool = True,
                       first_article: str | None = None, remember_layout: bool = True) -> Any:
    """The main window on ``db_path`` (raises StorageError for a locked/corrupt/newer file)."""
    from desktop_app.ui.main_window import MainWindow

    settings = settings if settings is not None else load_settings()
    win = MainWindow(Path(db_path), settings, load_model=load_model, first_article=first_article,
                     remember_layout=remember_layout)
    win.open_requested.connect(lambda p, w=win: _switch(w, Path(p)))
    return win


def open_window(db_path: Path, settings: Settings, *, parent: QWidget | None = None, load_model: bool = True,
                first_article: str | None = None) -> Any:
    """Open a window, explaining environment errors in a dialog; None when the user gives up."""
    from desktop_app.services.corpus import list_backups

    try:
        win = create_main_window(db_path, settings, load_model=load_model, first_article=first_article)
    except NewsGoldError as err:
        from desktop_app.ui.dialogs import ask_open_backup, is_corrupt  # not before a first paint that needs none

        log.warning("cannot open %s: %s", db_path, err)
        if presentation(err).kind == "bug":
            show_crash(err, parent)
            return None
        backups = list_backups(Path(db_path)) if is_corrupt(err) else []
        if backups and ask_open_backup(parent, err, backups[0]):
            restored = backups[0].with_name(f"{Path(db_path).stem}-restored-{backups[0].name.rsplit('-', 2)[-2]}"
                                            f"-{backups[0].name.rsplit('-', 1)[-1]}.sqlite3")
            shutil.copy2(backups[0], restored)
            return open_window(restored, settings, parent=parent, load_model=load_model)
        if not backups:
            if _state["headless"]:
                print(f"newsgold: error: {presentation(err).message}", file=sys.stderr)
            else:
                friendly_box(parent, err, title=f"{APP_NAME}: cannot open the corpus").exec()
        return None
    settings.add_recent(db_path)
    save_settings(settings)
    _state["windows"].append(win)
    win.destroyed.connect(lambda *_a, w=win: _state["windows"].remove(w) if w in _state["windows"] else None)
    return win


def _switch(old: Any, path: Path) -> None:
    new = open_window(path, old.settings, parent=old)
    if new is None:
        return
    new.show()
    old.close()


# -- screenshot -------------------------------------------------------------------------------

def wait_until(condition: Any, signals: list[Any], timeout_ms: int) -> bool:
    """Run the event loop until ``condition()`` holds, re-checking when any signal fires (bounded)."""
    if condition():
        return True
    loop = QEventLoop()
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)

    def check(*_a: object) -> None:
        if condition():
            loop.quit()

    for sig in signals:
        sig.connect(check)
    timer.start(timeout_ms)
    loop.exec()
    for sig in signals:
        sig.disconnect(check)
    return condition()


def _flush_events() -> None:
    loop = QEventLoop()
    QTimer.singleShot(0, loop.quit)
    loop.exec()


def show_panel(editor: Any, panel: str) -> bool:
    """Bring the editor's Quotes / Entities / Events tab to the front."""
    return bool(editor.show_panel(panel))


def take_screenshot(win: Any, out: Path, *, article: str | None, panel: str | None,
                    timeout_ms: int = SCREENSHOT_TIMEOUT_MS, view: str | None = None) -> bool:
    """Wait for start-up (demo, model, suggestions) and the article, then save the window as PNG."""
    win.resize(1600, 900)  # the same picture on any screen (offscreen's virtual screen is 800x600)
    ready = wait_until(lambda: not win.starting, [win.startup_finished], timeout_ms)
    ready = ready and wait_until(lambda: not win.jobs.running(), [win.jobs.changed], timeout_ms)
    if not ready:
        print("newsgold: warning: start-up did not finish in time; screenshot taken anyway", file=sys.stderr)
    if article and not win.list.select_article(article):
        print(f"newsgold: warning: no article with id {article}", file=sys.stderr)
    if panel:
        show_panel(win.editor, panel)
    aid = win.current_article()
    if aid is not None and win.engine is not None:
        status = win.read_store.get_article(aid, annotations=False).status
        if status == "new":  # show suggestions, as a user would see them after pre-annotation
            win.preannotate([aid])
            wait_until(lambda: not win.jobs.running(), [win.jobs.changed], timeout_ms)
    if view:
        win.show_view(view)
    win.status.clearMessage()  # show the editor's standing line, not the last transient notice
    _flush_events()
    pixmap = win.grab()
    out.parent.mkdir(parents=True, exist_ok=True)
    return bool(pixmap.save(str(out), "PNG"))


# -- entry point ------------------------------------------------------------------------------

def start_window(args: argparse.Namespace, settings: Settings, *, load_model: bool = True) -> Any:
    """The window ``newsgold gui`` / ``newsgold FILE`` opens (shown by the caller); None when it cannot open.

    ``args`` is what ``cli.parse_args`` made of the command line: ``args.db`` is the corpus (a corpus FILE
    given on the command line is put there), ``args.imports`` the other files, imported once it is open.
    """
    db_path = resolve_db_path(getattr(args, "db", None))
    log.info("opening the window on %s", db_path)
    win = open_window(db_path, settings, load_model=load_model, first_article=getattr(args, "article", None))
    imports = list(getattr(args, "imports", None) or [])
    if win is not None and imports:
        log.info("importing %s into %s", imports, db_path)
        win.import_paths(imports)
    return win


def run_gui(args: argparse.Namespace) -> int:
    """``newsgold gui``: returns the process exit code."""
    screenshot = getattr(args, "screenshot", None)
    if screenshot:
        QApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
        import os

        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    logfile = setup_logging()
    app = application([sys.argv[0] if sys.argv else APP_NAME])
    _state["headless"] = bool(screenshot)
    install_excepthooks()
    _state["gc"] = MainThreadGC(app)
    settings = load_settings()
    if getattr(args, "annotator", None):  # newsgold --annotator NAME gui: edits are NAME's (and Settings shows it)
        settings.annotator = str(args.annotator).strip()
    apply_theme(app, settings.theme, settings.font_size)
    log.info("starting GUI (log %s)", logfile)
    if screenshot:
        from desktop_app.ui.main_window import MainWindow

        db_path = resolve_db_path(getattr(args, "db", None))
        try:
            win: MainWindow = create_main_window(db_path, settings, first_article=getattr(args, "article", None),
                                                 remember_layout=False)
        except NewsGoldError as err:
            shown = presentation(err)
            print(f"newsgold: error: {shown.message}", file=sys.stderr)
            return 3 if shown.kind == "bug" else 2
        win.show()
        try:
            ok = take_screenshot(win, Path(screenshot), article=getattr(args, "article", None),
                                 panel=getattr(args, "panel", None), view=getattr(args, "view", None))
        finally:
            win.close()
        if not ok:
            print(f"newsgold: error: could not write {screenshot}", file=sys.stderr)
            return 2
        print(f"saved {screenshot}")
        return 0
    win = start_window(args, settings)
    if win is None:
        return 2
    if first_paint.wanted():  # NEWSGOLD_TIME_WINDOW=1: print the launch time, then quit
        _state["first_paint"] = first_paint.FirstPaintTimer(win)
    win.show()
    code = app.exec()
    for w in list(_state["windows"]):
        w.shutdown()
    return int(code)


__all__ = ["QMessageBox", "create_main_window", "friendly_box", "open_window", "run_gui", "show_crash", "show_error",
           "start_window", "take_screenshot"]
