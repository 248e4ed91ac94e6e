"""The frozen app leaves PySide6.QtOpenGL out (packaging/newsgold.spec): the charts must still load and save."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

CODE = r"""
import sys
sys.modules["PySide6.QtOpenGL"] = None  # as if it were not bundled: importing it raises ImportError
from PySide6.QtWidgets import QApplication
app = QApplication([])
from desktop_app.services.dashboard import Chart
from desktop_app.ui.charts import render_chart
chart = Chart("event-types", "Events by type", "hbars", ["AGREE", "REJECT"], {"events": [3, 1]}, "done", "event_type")
render_chart(chart, sys.argv[1])
print("saved")
"""


def test_charts_draw_without_qtopengl(tmp_path: Path) -> None:
    out = tmp_path / "types.png"
    done = subprocess.run([sys.executable, "-c", CODE, str(out)], capture_output=True, text=True, timeout=120,
                          env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
                          cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 0, done.stderr
    assert out.read_bytes()[:4] == b"\x89PNG"
