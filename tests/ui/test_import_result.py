"""A GUI import with bad lines shows every rejected input in a table one can copy from."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox

from desktop_app.ui.app import create_main_window
from desktop_app.ui.import_result import ImportResultDialog
from desktop_app.ui.settings import Settings


@pytest.fixture
def window(qtbot, db_path: Path) -> Iterator[Any]:  # type: ignore[no-untyped-def]
    win = create_main_window(db_path, Settings(annotator="tester"), load_model=False, remember_layout=False)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.shutdown()


def _bad_file(tmp_path: Path) -> Path:
    lines = [
        json.dumps({"title": "Fine", "text": "A first good article about the harbour 🌊."}),
        '{"title": "broken", "text": ',  # line 2: not JSON
        json.dumps({"title": "no text here"}),  # line 3: no text
        json.dumps({"title": "Also fine", "text": "A second good article about the bridge."}),
        json.dumps({"text": "Spans past the end.", "entities": [{"start": 3, "end": 99, "label": "ORG"}]}),  # line 5
    ]
    path = tmp_path / "bad lines.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_rejected_lines_are_listed_in_a_copyable_table(qtbot, window: Any, tmp_path: Path) -> None:
    src = _bad_file(tmp_path)
    job = window.import_paths([str(src)])
    qtbot.waitUntil(lambda: window.findChild(ImportResultDialog) is not None, timeout=30_000)
    dlg = window.findChild(ImportResultDialog)
    qtbot.waitUntil(dlg.isVisible)
    assert len(job.result.added) == 2
    table = dlg.table
    shown = [tuple(table.item(r, c).text() for c in range(3)) for r in range(table.rowCount())]
    assert [row[0] for row in shown] == [f"{src}:2", f"{src}:3", f"{src}:5"]
    assert [row[1] for row in shown] == [e.code.name for e in job.result.errors]
    assert all(row[2] and row[1] not in row[2] for row in shown)  # the message itself, not "[E004] …" again

    # Copy with nothing selected: every row, with a header line
    qtbot.mouseClick(dlg.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text().splitlines()
    assert copied[0] == "File:line\tCode\tMessage"
    assert copied[1:] == ["\t".join(row) for row in shown]

    # click the second row, Ctrl+C: that row only
    rect = table.visualRect(table.model().index(1, 1))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
    QTest.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text().splitlines()[1:] == ["\t".join(shown[1])]

    qtbot.mouseClick(dlg.buttons.button(QDialogButtonBox.StandardButton.Close), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.findChild(ImportResultDialog) is None)  # closed and deleted
