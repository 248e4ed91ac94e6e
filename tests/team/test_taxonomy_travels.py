"""An assigned file carries its event taxonomy: every annotator tags with the same types, in the GUI too."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from desktop_app.services.team import corpus_taxonomy, merge
from desktop_app.storage import Store
from desktop_app.ui.app import create_main_window
from desktop_app.ui.settings import Settings

from .teamhelp import cli, write_corpus

OWN = '''name = "border"
[types.CLOSE_BORDER]
definition = "A government closes a border crossing."
verbs = ["close", "seal"]
[types.OPEN_BORDER]
definition = "A government reopens a border crossing."
verbs = ["reopen"]
'''


@pytest.mark.gui
def test_assigned_and_merged_files_carry_the_taxonomy(qtbot: Any, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.sqlite3"
    own = tmp_path / "border.toml"
    own.write_text(OWN, encoding="utf-8")
    cli("--db", corpus, "import", "--no-preannotate", write_corpus(tmp_path / "in.jsonl", 3))
    cli("--db", corpus, "assign", "--annotators", "a,b", "--overlap", "1", "--taxonomy", own, "-o", tmp_path / "out")
    with Store(tmp_path / "out" / "a.sqlite3", readonly=True) as a:
        carried = corpus_taxonomy(a)
    assert carried is not None and carried.read_text(encoding="utf-8") == OWN
    # the annotator's window tags with the corpus's types, whatever their own Settings say
    win = create_main_window(tmp_path / "out" / "a.sqlite3", Settings(annotator="a"), load_model=False,
                             remember_layout=False)
    qtbot.addWidget(win)
    try:
        assert win.editor.event_types == ["CLOSE_BORDER", "OPEN_BORDER"]
    finally:
        win.shutdown()
    with Store(tmp_path / "team.sqlite3") as team:
        merge(team, [tmp_path / "out" / "a.sqlite3", tmp_path / "out" / "b.sqlite3"])
        assert corpus_taxonomy(team) == carried
    # without --taxonomy the bundled PLOVER types travel
    cli("--db", corpus, "assign", "--annotators", "c", "--overlap", "1", "-o", tmp_path / "plover")
    with Store(tmp_path / "plover" / "c.sqlite3", readonly=True) as c:
        plover = corpus_taxonomy(c)
    assert plover is not None and "[types.ACCUSE]" in plover.read_text(encoding="utf-8")
