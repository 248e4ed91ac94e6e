"""Colours and character formats of the annotation layers (one place to restyle).

Suggested items get a light fill and a dotted underline, accepted ones a solid
fill: the difference is visible without reading the side panel.  Formats are
built once per palette and label-colour set and reused for every block.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPalette, QTextCharFormat
from PySide6.QtWidgets import QApplication

DEFAULT_LABEL_COLORS: dict[str, str] = {
    "PERSON": "#f4a259",
    "ORG": "#5fa8e8",
    "GPE": "#6cc26a",
    "NORP": "#c08be0",
    "LOC": "#3fbfae",
    "FAC": "#e6c440",
}
FALLBACK_COLOR = "#b0b0b0"
QUOTE_COLOR = "#8c9fc4"
TRIGGER_COLOR = "#d0306e"
ACCENT_COLOR = "#ff7a00"

# paint order: later layers win where properties collide
LAYER_ORDER = {"ignored": 0, "quote": 1, "entity": 2, "trigger": 3, "cue": 4, "mention": 5, "rejected": 6, "gap": 7}
# (a filled span is drawn as tall as its line, so an entity's fill also backs the tag above it)
#: a "gap" space is set this much larger than the text: the room above a line for its tags
GAP_SCALE = 1.65


def is_dark(palette: QPalette | None = None) -> bool:
    pal = palette or QApplication.palette()
    return pal.color(QPalette.ColorRole.Base).lightness() < 128


class Look:
    """Formats keyed by ``(layer, detail, state)``."""

    def __init__(self, label_colors: Mapping[str, str] | None = None, palette: QPalette | None = None,
                 text_point: float = 12.0) -> None:
        self.palette = palette or QApplication.palette()
        #: the article text's point size (the gap spaces are sized from it)
        self.text_point = float(text_point)
        self.dark = is_dark(self.palette)
        self.label_colors = {**DEFAULT_LABEL_COLORS, **dict(label_colors or {})}
        self._cache: dict[tuple[str, str, str], QTextCharFormat] = {}

    def color(self, label: str) -> QColor:
        return QColor(self.label_colors.get(label, FALLBACK_COLOR))

    def _alpha(self, color: QColor, light: int, dark: int) -> QColor:
        c = QColor(color)
        c.setAlpha(dark if self.dark else light)
        return c

    def format(self, layer: str, detail: str = "", state: str = "accepted") -> QTextCharFormat:
        key = (layer, detail, state)
        fmt = self._cache.get(key)
        if fmt is None:
            fmt = self._cache[key] = self._build(layer, detail, state)
        return fmt

    def _build(self, layer: str, detail: str, state: str) -> QTextCharFormat:
        fmt = QTextCharFormat()
        suggested = state == "suggested"
        if layer == "entity":
            base = self.color(detail)
            fmt.setBackground(self._alpha(base, 70, 80) if suggested else self._alpha(base, 175, 150))
            if suggested:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
                fmt.setUnderlineColor(base)
        elif layer == "quote":
            fmt.setBackground(self._alpha(QColor(QUOTE_COLOR), 60 if suggested else 110, 70 if suggested else 120))
        elif layer == "cue":
            fmt.setFontWeight(QFont.Weight.Bold)
        elif layer == "mention":
            fmt.setFontUnderline(True)
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(self.palette.color(QPalette.ColorRole.Text))
        elif layer == "trigger":  # coloured, not bold: bold is the quote cue
            fmt.setForeground(QColor("#ff79a8" if self.dark else TRIGGER_COLOR))
            fmt.setUnderlineStyle(
                QTextCharFormat.UnderlineStyle.DotLine if suggested else QTextCharFormat.UnderlineStyle.WaveUnderline
            )
            fmt.setUnderlineColor(QColor(TRIGGER_COLOR))
        elif layer == "ignored":
            fmt.setForeground(self.palette.color(QPalette.ColorRole.PlaceholderText))
            fmt.setFontItalic(True)
        elif layer == "gap":  # a taller space, narrowed back to a normal space's width
            text = QFont(QApplication.font())
            text.setPointSizeF(self.text_point)
            big = QFont(text)
            big.setPointSizeF(self.text_point * GAP_SCALE)
            fmt.setFontPointSize(self.text_point * GAP_SCALE)
            fmt.setFontLetterSpacingType(QFont.SpacingType.AbsoluteSpacing)
            fmt.setFontLetterSpacing(QFontMetricsF(text).horizontalAdvance(" ")
                                     - QFontMetricsF(big).horizontalAdvance(" "))
        elif layer == "rejected":
            fmt.setFontStrikeOut(True)
            fmt.setForeground(self.palette.color(QPalette.ColorRole.PlaceholderText))
        return fmt

    # -- focus (the current item and what it links to) ---------------------------------
    def focus_format(self, strong: bool = True) -> QTextCharFormat:
        """Strong: accent fill (the item itself).  Weak: accent underline only, so the
        entity colours inside a selected quote or event sentence stay readable."""
        fmt = QTextCharFormat()
        if strong:
            fmt.setBackground(self._alpha(QColor(ACCENT_COLOR), 120, 140))
        else:
            fmt.setFontUnderline(True)
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(QColor(ACCENT_COLOR))
        return fmt

    def linked_format(self, recipient: bool = False) -> QTextCharFormat:
        """The current quote's speaker entity/mention, or an event's actor: same accent as the item.
        An event's recipient is told apart from its actor by a lighter fill and a dashed underline."""
        fmt = QTextCharFormat()
        fmt.setBackground(self._alpha(QColor(ACCENT_COLOR), 60 if recipient else 120, 80 if recipient else 140))
        fmt.setFontUnderline(True)
        if recipient:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
        fmt.setUnderlineColor(QColor(ACCENT_COLOR))
        return fmt

    def legend_css(self, label: str, state: str = "accepted") -> str:
        c = self.color(label)
        c.setAlpha(175 if state == "accepted" else 70)
        return f"background-color: rgba({c.red()},{c.green()},{c.blue()},{c.alpha()}); border-radius: 3px; padding: 1px 5px;"
