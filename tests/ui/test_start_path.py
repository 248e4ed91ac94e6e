"""The launch a user meets: ``newsgold --db CORPUS`` paints its filled list before it imports the model's stack.

Real process, real corpus file, offscreen Qt; ``NEWSGOLD_TIME_WINDOW=1`` makes the app report its first
paint (and what it had imported by then) and quit. How fast is measured by bench/gui_startup.py, not here.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.ui.first_paint import NOT_BEFORE_WINDOW

pytestmark = pytest.mark.gui


def _launch(db: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NEWSGOLD_TIME_WINDOW": "1", "QT_QPA_PLATFORM": "offscreen", "NEWSGOLD_HOME": str(home)}
    return subprocess.run([sys.executable, "-m", "desktop_app", "--db", str(db)], env=env, capture_output=True,
                          text=True, timeout=240)


def test_the_window_paints_its_filled_list_before_spacy_pydantic_or_the_charts_load(
        filled_db: Path, tmp_path: Path) -> None:
    done = _launch(filled_db, tmp_path / "home")
    assert done.returncode == 0, done.stderr
    line = re.search(r"window usable after ([0-9.]+) s \(cpu [0-9.]+ s, \d+ modules, (\d+) articles listed\); "
                     r"loaded before it: (.*)",
                     done.stdout)
    assert line is not None, done.stdout + done.stderr
    assert float(line.group(1)) > 0
    assert line.group(2) == "30"
    assert line.group(3) == "none of " + " ".join(NOT_BEFORE_WINDOW)


def test_a_first_start_paints_once_the_demo_corpus_is_listed(db_path: Path, tmp_path: Path) -> None:
    done = _launch(db_path, tmp_path / "home")
    assert done.returncode == 0, done.stderr
    listed = re.search(r"window usable after [0-9.]+ s \(cpu [0-9.]+ s, \d+ modules, (\d+) articles listed\)",
                       done.stdout)
    assert listed is not None, done.stdout + done.stderr
    from desktop_app.services import demo

    assert int(listed.group(1)) == len(list(demo.demo_dir().glob("*.txt")))
