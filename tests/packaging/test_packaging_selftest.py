"""``newsgold self-test``: the command a packager or user runs to prove an install works."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.services.selftest import run_self_test


def _cli() -> list[str]:
    exe = Path(sys.executable).parent / "newsgold"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "desktop_app"]


def test_self_test_passes_offscreen_by_default_in_one_line(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    env["NEWSGOLD_HOME"] = str(home)
    grab = tmp_path / "grab.png"
    proc = subprocess.run([*_cli(), "self-test", "--save-grab", str(grab)], env=env, capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.strip().splitlines()
    assert len(lines) == 1
    line = lines[0]
    assert line.startswith("newsgold self-test: OK in ")
    for part in ("resources:", "storage: wrote and read back", "pipeline:", "window: main window", "on offscreen"):
        assert part in line
    assert "Angela Merkel" in line  # the pipeline found the person in the probe sentence
    assert grab.stat().st_size > 10_000  # a real rendered window, not an empty image
    assert list(home.iterdir()) == []  # its database, settings and logs went to a temp folder


def test_an_unloadable_pipeline_fails_with_exit_1_and_a_reason(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["self-test", "--no-window", "--model", "en_core_web_not_installed"])
    assert code == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("newsgold self-test: FAILED at pipeline: ")
    assert "en_core_web_not_installed" in err[-1]


def test_a_failing_window_check_is_reported_and_stops_the_run() -> None:
    seen: list[Path] = []

    def broken_window(db: Path) -> str:
        seen.append(db)
        raise RuntimeError("could not connect to display :9\nsecond line")

    report = run_self_test(broken_window)
    assert report.exit_code == 1
    assert [s.name for s in report.steps] == ["resources", "storage", "pipeline", "window"]
    assert report.line() == "newsgold self-test: FAILED at window: RuntimeError: could not connect to display :9 second line"
    assert seen and not seen[0].exists()  # the throw-away database was removed afterwards


def test_blank_grab_is_not_a_window() -> None:
    from PySide6.QtGui import QColor, QImage

    from desktop_app.ui.selftest_window import _distinct_colours

    img = QImage(200, 100, QImage.Format.Format_RGB32)
    img.fill(QColor("white"))
    assert _distinct_colours(img) == 1
    img.setPixelColor(150, 50, QColor("black"))
    img.setPixelColor(9, 5, QColor("black"))  # a sampled grid point
    assert _distinct_colours(img) == 2
