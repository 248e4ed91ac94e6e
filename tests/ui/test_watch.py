"""Another program's commits show up in the open window without a restart."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from desktop_app.ui.app import create_main_window
from desktop_app.ui.settings import Settings

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.gui
def test_the_cli_beside_the_window_is_seen(qtbot: Any, filled_db: Path, tmp_path: Path) -> None:
    win = create_main_window(filled_db, Settings(annotator="tester"), load_model=False, remember_layout=False)
    qtbot.addWidget(win)
    try:
        win.show()
        qtbot.waitUntil(lambda: win.current_article() is not None, timeout=10_000)
        aid = win.current_article()
        assert win.list.done_counts() == (0, 30)
        extra = tmp_path / "more.jsonl"
        extra.write_text("".join(json.dumps({"text": f"Late story {i} from Quetta."}) + "\n" for i in range(3)),
                         encoding="utf-8")
        done = subprocess.run([sys.executable, "-m", "desktop_app", "--db", str(filled_db), "import",
                               "--no-preannotate", str(extra)], cwd=REPO, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        qtbot.waitUntil(lambda: win.list.done_counts() == (0, 33), timeout=10_000)
        # another program finishes the article on screen: the editor shows it
        script = ("import sys; from desktop_app.storage import Store\n"
                  "with Store(sys.argv[1]) as s: s.set_status(sys.argv[2], 'done', who='other')\n")
        done = subprocess.run([sys.executable, "-c", script, str(filled_db), aid], cwd=REPO, capture_output=True,
                              text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        qtbot.waitUntil(lambda: win.editor.article is not None and win.editor.article.status == "done",
                        timeout=10_000)
        assert win.list.done_counts() == (1, 33)
    finally:
        win.shutdown()
