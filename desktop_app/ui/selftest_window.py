"""The Qt part of ``newsgold self-test``: open the main window on a database, grab it, check the image.

Lives in the ui layer because services may not import Qt; the CLI hands
:func:`check_window` to :func:`desktop_app.services.selftest.run_self_test`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

#: points sampled on a grid to decide the grab is a rendered window, not a blank rectangle
_GRID = 24


class WindowCheckFailed(Exception):
    pass


def _main_window(db_path: Path) -> Any:
    """The real main window, without the background model load (the pipeline step checked it)."""
    from desktop_app.ui.app import create_main_window
    from desktop_app.ui.settings import load_settings

    # a check, not the user's window: default layout, and the saved one left alone
    return create_main_window(db_path, load_settings(), load_model=False, remember_layout=False)


def _distinct_colours(image: Any) -> int:
    w, h = image.width(), image.height()
    seen = set()
    for i in range(_GRID):
        for j in range(_GRID):
            seen.add(image.pixel(min(w - 1, i * w // _GRID + 1), min(h - 1, j * h // _GRID + 1)))
    return len(seen)


def check_icu() -> str:
    """Qt's ICU still sorts and names time zones (the frozen build slims ICU's data, packaging/slim_icu.py).

    Without ICU data Qt falls back to code-point order ("B" before "a") and to zone abbreviations.
    """
    from PySide6.QtCore import QCollator, QLocale, QTimeZone

    if QCollator(QLocale("en_US")).compare("a", "B") >= 0:
        raise WindowCheckFailed("ICU collation is missing: 'a' does not sort before 'B'")
    if QCollator(QLocale("sv_SE")).compare("\u00e4", "z") <= 0:
        raise WindowCheckFailed("ICU's Swedish collation is missing: '\u00e4' does not sort after 'z'")
    name = QTimeZone(b"Asia/Karachi").displayName(
        QTimeZone.TimeType.StandardTime, QTimeZone.NameType.LongName, QLocale("en_US"))
    if name != "Pakistan Standard Time":
        raise WindowCheckFailed(f"ICU's time-zone names are missing (Asia/Karachi is {name!r})")
    return "ICU collation and zone names"


def check_window(db_path: Path, save_to: Path | None = None) -> str:
    """Show the main window on ``db_path``, grab it and check the image has real content."""
    from PySide6.QtCore import QCoreApplication, QEvent

    from desktop_app.ui.app import application

    app = application()
    kind = "main window"
    win = _main_window(db_path)
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
        # the dashboard's charts (pyqtgraph, which loads Qt modules the analysis of a frozen build can miss)
        dashboard = win.show_view("dashboard")
        app.processEvents()
        if not dashboard.cards["status"].view.boxes:
            raise WindowCheckFailed("the dashboard drew no bar for the corpus's articles")
        icu = check_icu()
        return (f"{kind} {image.width()}x{image.height()} grabbed on {platform} ({colours} colours sampled); "
                f"dashboard drawn ({len(dashboard.cards)} charts); {icu}")
    finally:
        win.close()
        win.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()
