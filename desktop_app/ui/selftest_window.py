"""The Qt part of ``newsgold self-test``: open the main window on a database, grab it, check the image.

Lives in the ui layer because services may not import Qt; the CLI hands
:func:`check_window` to :func:`desktop_app.services.selftest.run_self_test`.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

from desktop_app import APP_ID, APP_NAME

#: points sampled on a grid to decide the grab is a rendered window, not a blank rectangle
_GRID = 24


class WindowCheckFailed(Exception):
    pass


def _application() -> Any:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        app = QApplication([APP_NAME])
        app.setApplicationName(APP_NAME)
        app.setDesktopFileName(APP_ID)
    return app


def _main_window(db_path: Path) -> tuple[Any, str]:
    """The real main window when the GUI provides ``create_main_window``, else a stand-in."""
    try:
        app_module = importlib.import_module("desktop_app.ui.app")
    except ModuleNotFoundError as err:
        if err.name != "desktop_app.ui.app":
            raise
        app_module = None
    factory = getattr(app_module, "create_main_window", None)
    if factory is not None:
        settings = _settings()
        return factory(db_path, settings), "main window"
    from PySide6.QtWidgets import QLabel, QMainWindow

    win = QMainWindow()
    win.setWindowTitle(f"{APP_NAME} self-test")
    label = QLabel(f"{APP_NAME}: {db_path.name}")
    label.setMargin(24)
    win.setCentralWidget(label)
    win.resize(640, 400)
    return win, "stand-in window"


def _settings() -> Any:
    """Default settings for the window, whatever the ui's settings module calls its loader."""
    try:
        mod = importlib.import_module("desktop_app.ui.settings")
    except ModuleNotFoundError:
        mod = None
    for name in ("load_settings", "load"):
        loader = getattr(mod, name, None)
        if loader is not None:
            return loader()
    cls = getattr(mod, "Settings", None)
    return cls() if cls is not None else None


def _distinct_colours(image: Any) -> int:
    w, h = image.width(), image.height()
    seen = set()
    for i in range(_GRID):
        for j in range(_GRID):
            seen.add(image.pixel(min(w - 1, i * w // _GRID + 1), min(h - 1, j * h // _GRID + 1)))
    return len(seen)


def check_window(db_path: Path, save_to: Path | None = None) -> str:
    """Show the main window on ``db_path``, grab it and check the image has real content."""
    from PySide6.QtCore import QCoreApplication, QEvent

    app = _application()
    win, kind = _main_window(db_path)
    try:
        win.show()
        for _ in range(5):
            app.processEvents()
        pixmap = win.grab()
        if pixmap.isNull() or pixmap.width() < 50 or pixmap.height() < 50:
            raise WindowCheckFailed(f"{kind} grab is empty ({pixmap.width()}x{pixmap.height()})")
        image = pixmap.toImage()
        colours = _distinct_colours(image)
        if colours < 2:
            raise WindowCheckFailed(f"{kind} grab is a blank {image.width()}x{image.height()} rectangle")
        if save_to is not None and not pixmap.save(str(save_to)):
            raise WindowCheckFailed(f"could not save the grab to {save_to}")
        platform = app.platformName()
        return f"{kind} {image.width()}x{image.height()} grabbed on {platform} ({colours} colours sampled)"
    finally:
        win.close()
        win.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()
