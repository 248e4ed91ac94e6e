"""sqlite-utils is imported with numpy hidden (the GUI's start path), and numpy and spaCy still work after it.

A fresh process each time: what is hidden is decided by what ``sys.modules`` holds when
``desktop_app.storage`` is first imported.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

CHILD = r"""
import json, sys
import desktop_app.storage
hidden = "numpy" not in sys.modules and "sqlite_utils" in sys.modules
from desktop_app.cli import main
db, src, out = sys.argv[1:4]
codes = [main(["--db", db, "import", src]),
         main(["--db", db, "export", "--format", "jsonl", "--status", "any", "-o", out])]
import numpy
print(json.dumps({"hidden": hidden, "codes": codes, "numpy_works": int(numpy.arange(4).sum()) == 6}))
"""


def _child(code: str, *args: str) -> dict:  # type: ignore[type-arg]
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.model
def test_after_the_store_without_numpy_the_model_pre_annotates_in_the_same_process(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text("Talks\n\nPakistan's foreign minister met Afghan officials in Doha on Monday, the ministry said.\n",
                   encoding="utf-8")
    out = tmp_path / "o.jsonl"
    got = _child(CHILD, str(tmp_path / "c.sqlite3"), str(src), str(out))
    assert got == {"hidden": True, "codes": [0, 0], "numpy_works": True}
    (line,) = out.read_text(encoding="utf-8").splitlines()
    assert {e["text"] for e in json.loads(line)["entities"]} & {"Pakistan", "Doha"}


def test_a_numpy_loaded_before_the_store_stays_loaded() -> None:
    got = _child("import json, sys, numpy; import desktop_app.storage, sqlite_utils.db as d; "
                 "print(json.dumps({'same': sys.modules['numpy'] is numpy, 'mapped': numpy.int64 in d.COLUMN_TYPE_MAPPING}))")
    assert got == {"same": True, "mapped": True}
