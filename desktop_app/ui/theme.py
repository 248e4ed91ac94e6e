"""Light and dark palettes over the Fusion style; colours only, so HiDPI scaling is Qt's job.

"system" follows the desktop's colour scheme when Qt knows it (Qt 6.5+), else light.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

#: status -> (symbol, colour) used by the article list and the status bar
STATUS_LOOK: dict[str, tuple[str, str]] = {
    "new": ("○", "#8a8f98"),
    "preannotated": ("◌", "#3d8bd9"),
    "in_progress": ("◐", "#e0a030"),
    "done": ("✓", "#3aa55d"),
    "skipped": ("⤼", "#9a6fb0"),
}
STATUS_NAMES = {
    "new": "new",
    "preannotated": "pre-annotated",
    "in_progress": "in progress",
    "done": "done",
    "skipped": "skipped",
}
WARNING_COLOR = "#d9822b"


def _palette(dark: bool) -> QPalette:
    p = QPalette()
    if dark:
        window, base, alt, text, button = "#2b2d31", "#1f2023", "#26282c", "#e6e6e6", "#35373c"
        highlight, link, mid, disabled = "#3d7fd9", "#7fb2ff", "#4a4d53", "#7d8088"
    else:
        window, base, alt, text, button = "#f3f3f4", "#ffffff", "#f6f7f9", "#1c1d20", "#e9e9eb"
        highlight, link, mid, disabled = "#2f6fd0", "#1d5fc4", "#c8c9cd", "#9a9ca3"
    roles = {
        QPalette.ColorRole.Window: window,
        QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base,
        QPalette.ColorRole.AlternateBase: alt,
        QPalette.ColorRole.Text: text,
        QPalette.ColorRole.Button: button,
        QPalette.ColorRole.ButtonText: text,
        QPalette.ColorRole.ToolTipBase: base,
        QPalette.ColorRole.ToolTipText: text,
        QPalette.ColorRole.PlaceholderText: disabled,
        QPalette.ColorRole.Highlight: highlight,
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: link,
        QPalette.ColorRole.Mid: mid,
        QPalette.ColorRole.BrightText: "#ff5555",
    }
    for role, colour in roles.items():
        p.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor(disabled))
    return p


def system_prefers_dark() -> bool:
    hints = QGuiApplication.styleHints()
    scheme = getattr(hints, "colorScheme", None)
    return scheme is not None and scheme() == Qt.ColorScheme.Dark


def is_dark(theme: str) -> bool:
    return theme == "dark" or (theme == "system" and system_prefers_dark())


def apply_theme(app: QApplication, theme: str, font_size: int | None = None) -> None:
    app.setStyle("Fusion")
    app.setPalette(_palette(is_dark(theme)))
    if font_size:
        font = QFont(app.font())
        font.setPointSize(font_size)
        app.setFont(font)
