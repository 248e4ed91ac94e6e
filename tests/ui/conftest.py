"""Fixtures for the GUI tests: real DB files, real widgets, and no thread left running."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.core.model import Article


def make_articles(n: int, prefix: str = "Story") -> list[Article]:
    words = ["harbour", "minister", "election", "drought", "festival", "bridge", "court", "market"]
    out = []
    for i in range(n):
        w = words[i % len(words)]
        text = f"{prefix} {i} about the {w}.\n\nThe {w} was discussed in Springfield on day {i}. Officials said more later."
        out.append(Article.from_text(text, title=f"{prefix} {i}: the {w}", meta={"published": f"2025-01-{1 + i % 28:02d}"}))
    return out


@pytest.fixture
def filled_db(db_path: Path) -> Path:
    from desktop_app.storage import Store

    with Store(db_path) as s:
        s.add_articles(make_articles(30))
    return db_path


@pytest.fixture
def ops(qtbot, db_path: Path) -> Iterator[object]:  # type: ignore[no-untyped-def]
    from desktop_app.ui.ops import OpRunner

    runner = OpRunner(db_path)
    yield runner
    runner.shutdown()


def _running_qthreads() -> list[object]:
    from PySide6.QtCore import QThread

    out = []
    for obj in gc.get_objects():
        try:
            if isinstance(obj, QThread) and obj.isRunning():
                out.append(obj)
        except RuntimeError:  # C++ object already deleted
            continue
    return out


@pytest.fixture(autouse=True)
def _no_dangling_threads(request: pytest.FixtureRequest, qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """Every QThread / Python thread a shell test starts must be stopped by the end of it."""
    if "editor" in request.node.path.parts:  # GUI-EDITOR's tests have their own fixtures
        yield
        return
    before = {t.ident for t in threading.enumerate()}
    # cyclic GC only here on the GUI thread, never inside a worker thread (see app.MainThreadGC)
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        gc.collect()
    leftover = [t.name for t in threading.enumerate() if t.ident not in before and t.is_alive() and not t.daemon]
    leftover += [f"QThread {t.objectName() or type(t).__name__}" for t in _running_qthreads()]  # type: ignore[attr-defined]
    assert not leftover, f"threads left running: {leftover}"
