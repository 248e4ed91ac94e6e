"""The bundled demo corpus, loaded on first start so ``newsgold`` alone shows real work."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop_app.paths import resources_dir
from desktop_app.services.corpus import Commit, direct_commit
from desktop_app.services.importing import ImportSummary, import_paths
from desktop_app.storage import Store


def demo_dir() -> Path:
    return resources_dir() / "demo"


def ensure_demo(target: Store | Commit[Any]) -> ImportSummary | None:
    """Import the demo articles when the database has none; returns what was imported."""
    commit = direct_commit(target) if isinstance(target, Store) else target
    if commit(lambda store: store.count_articles()) > 0 or not demo_dir().is_dir():
        return None
    files = sorted(demo_dir().glob("*.txt"))
    if not files:
        return None
    return import_paths(commit, files, fmt="txt")
