"""SIGKILL during annotation edits loses nothing that was reported committed (bench/crash_kill.py: 200 kills)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from .kill_harness import Model, make_db, read_state, run, run_round


def test_ten_kills_keep_every_committed_edit(tmp_path: Path) -> None:
    results = run(tmp_path / "kill.sqlite3", rounds=10, seed=7)
    assert all(r.integrity == "ok" for r in results)
    assert sum(r.committed for r in results) > 10  # the driver really edited between kills


def test_harness_notices_a_lost_edit(tmp_path: Path) -> None:
    """The check is not vacuous: a committed edit that vanishes is reported."""
    db = tmp_path / "kill.sqlite3"
    make_db(db)
    model = Model(read_state(db)[1])
    run_round(db, model, seed=1, delay=0.3)
    conn = sqlite3.connect(str(db))
    conn.execute("DELETE FROM entities WHERE id = (SELECT max(id) FROM entities)")
    conn.commit()
    conn.close()
    with pytest.raises(AssertionError, match="does not match the log"):
        run_round(db, model, seed=2, delay=0.0)
