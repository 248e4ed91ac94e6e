"""User settings as one small dataclass, stored as JSON at ``paths.settings_path()``.

A damaged or hand-edited file never stops the app: unknown keys are ignored and
bad values fall back to defaults (the file is rewritten on the next save).
"""

from __future__ import annotations

import getpass
import json
import logging
import os
import tempfile
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from desktop_app.paths import settings_path

log = logging.getLogger(__name__)

THEMES = ("system", "light", "dark")
MAX_RECENT = 8
FONT_SIZES = range(8, 33)

#: colour per entity label (readable under black text in light and dark themes)
DEFAULT_LABEL_COLORS: dict[str, str] = {
    "PERSON": "#f6c85f",
    "ORG": "#6fb7e9",
    "GPE": "#9bd37c",
    "NORP": "#e59bd8",
    "LOC": "#7fd6c2",
    "FAC": "#f3a37a",
}


def _default_annotator() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "annotator"


@dataclass
class Settings:
    annotator: str = field(default_factory=_default_annotator)
    #: spaCy pipeline name, or "" for the best installed one
    model: str = ""
    label_colors: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_LABEL_COLORS))
    font_size: int = 12
    theme: str = "system"
    recent_dbs: list[str] = field(default_factory=list)
    #: a PLOVER-style taxonomy file, or "" for the bundled one
    taxonomy: str = ""
    #: window geometry and panel sizes (base64 of Qt's saveGeometry/saveState), by part name
    layout: dict[str, str] = field(default_factory=dict)
    #: marking an article done accepts its undecided suggestions (what is on screen is gold);
    #: off: they stay undecided and the done export leaves them out
    done_accepts_suggestions: bool = True
    #: label and event-type tags written in the text (View → Label tags, ``l``): off by default, because
    #: the room they need makes the text taller and a long article slower to open (docs/benchmarks.md)
    label_tags: bool = False

    def add_recent(self, path: str | Path) -> None:
        p = str(Path(path).expanduser().resolve())
        self.recent_dbs = [p, *[r for r in self.recent_dbs if r != p]][:MAX_RECENT]

    def color_for(self, label: str) -> str:
        return self.label_colors.get(label, "#cccccc")


def _clean(raw: dict[str, Any]) -> Settings:
    s = Settings()
    known = {f.name for f in fields(Settings)}
    for key, value in raw.items():
        if key not in known:
            continue
        default = getattr(s, key)
        if key == "label_colors" and isinstance(value, dict):
            s.label_colors = {**DEFAULT_LABEL_COLORS, **{str(k): str(v) for k, v in value.items()}}
        elif key == "recent_dbs" and isinstance(value, list):
            s.recent_dbs = [str(v) for v in value if isinstance(v, str)][:MAX_RECENT]
        elif key == "font_size" and isinstance(value, int) and not isinstance(value, bool):
            s.font_size = value if value in FONT_SIZES else default
        elif key == "theme" and value in THEMES:
            s.theme = value
        elif key == "layout" and isinstance(value, dict):
            s.layout = {str(k): v for k, v in value.items() if isinstance(v, str)}
        elif ((key in ("done_accepts_suggestions", "label_tags") and isinstance(value, bool))
              or (key in ("annotator", "model", "taxonomy") and isinstance(value, str))):
            setattr(s, key, value)
    return s


def load_settings(path: Path | None = None) -> Settings:
    path = path or settings_path()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError) as exc:
        log.info("settings file %s unreadable (%s); using defaults", path, exc)
        return Settings()
    if not isinstance(raw, dict):
        return Settings()
    return _clean(raw)


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    """Write atomically (temp file + rename) so a crash never leaves half a file."""
    path = path or settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".settings.", dir=path.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(asdict(settings), f, indent=2, ensure_ascii=False)
    os.replace(tmp, path)
    return path

