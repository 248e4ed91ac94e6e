"""`newsgold gui --screenshot out.png` renders offscreen, saves a PNG and exits 0 (a separate process)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from desktop_app.storage import Store

from .conftest import make_articles


def test_gui_screenshot_writes_a_png(tmp_path: Path, db_path: Path) -> None:
    arts = make_articles(5)
    with Store(db_path) as s:
        s.add_articles(arts)
    out = tmp_path / "shot.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "NEWSGOLD_HOME": str(tmp_path / "home")}
    code = ("import sys; from desktop_app.cli import main; "
            f"sys.exit(main(['--db', {str(db_path)!r}, 'gui', '--screenshot', {str(out)!r}, "
            f"'--article', {arts[2].id!r}, '--panel', 'entities']))")
    proc = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000
    from PySide6.QtGui import QImage

    img = QImage(str(out))
    assert img.width() >= 1000 and img.height() >= 600
    assert "warning" not in proc.stderr.lower().replace("rule-only", "")
    # the log file is where the crash dialog says it is
    assert (tmp_path / "home" / "logs" / "newsgold.log").is_file()
