"""Where NewsGold keeps its files: one place, over platformdirs, overridable.

Order: an explicit ``--db`` path, then ``NEWSGOLD_DB``; config and logs follow
``NEWSGOLD_HOME`` when set (tests point it at a temporary folder), else the
platform's user directories.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from desktop_app import APP_NAME

DB_FILENAME = "newsgold.sqlite3"


def _home() -> Path | None:
    home = os.environ.get("NEWSGOLD_HOME")
    return Path(home) if home else None


def data_dir() -> Path:
    home = _home()
    return home / "data" if home else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    home = _home()
    return home / "config" if home else Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    home = _home()
    return home / "logs" if home else Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    env = os.environ.get("NEWSGOLD_DB")
    if env:
        return Path(env).expanduser()
    return data_dir() / DB_FILENAME


def resolve_db_path(explicit: str | os.PathLike[str] | None) -> Path:
    return Path(explicit).expanduser() if explicit else default_db_path()


def settings_path() -> Path:
    return config_dir() / "settings.json"


def log_path() -> Path:
    return log_dir() / "newsgold.log"


def resources_dir() -> Path:
    """The bundled ``resources/`` folder (beside the package, or inside a frozen bundle)."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "resources", here.parent / "resources"):
        if candidate.is_dir():
            return candidate
    return here.parent / "resources"
