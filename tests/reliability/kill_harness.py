"""SIGKILL a process that is making annotation edits, then check nothing committed was lost.

The child (``edit_driver``) prints ``COMMITTED`` after each Store call returns.  After every kill
the database must pass ``PRAGMA integrity_check`` and hold exactly the state the printed log
implies: every committed edit is there, and the one edit in flight at the kill is either wholly
there or wholly absent.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop_app.core.model import Article, Entity
from desktop_app.storage import Store

REPO = Path(__file__).resolve().parents[2]
ARTICLE = "a1"
TEXT = ("The minister said on Tuesday that the plan would go ahead. " * 40).strip()

EntityRow = tuple[int, int, str, str]  # start, end, label, state
State = tuple[dict[int, EntityRow], str]  # entities by id, article status


def make_db(path: Path) -> None:
    """One article with a few model suggestions, nothing in the change log yet."""
    with Store(path) as store:
        store.add_articles([
            Article(id=ARTICLE, title="Kill test", text=TEXT, status="in_progress", annotator="driver",
                    entities=[Entity(4, 12, "PERSON"), Entity(66, 74, "PERSON"), Entity(128, 136, "ORG")]),
        ])


def read_state(path: Path) -> tuple[str, State]:
    conn = sqlite3.connect(str(path))
    try:
        check = conn.execute("PRAGMA integrity_check").fetchone()[0]
        rows = conn.execute('SELECT id, "start", "end", label, state FROM entities WHERE article_id = ?', [ARTICLE])
        entities = {r[0]: (r[1], r[2], r[3], r[4]) for r in rows}
        status = conn.execute("SELECT status FROM articles WHERE id = ?", [ARTICLE]).fetchone()[0]
    finally:
        conn.close()
    return str(check), (entities, str(status))


@dataclass
class Model:
    """The state the printed log implies, with the same undo/redo stacks as the change log."""

    current: State
    undo: list[State] = field(default_factory=list)
    redo: list[State] = field(default_factory=list)

    def after(self, op: dict[str, Any]) -> tuple[State, list[State], list[State]]:
        entities, status = dict(self.current[0]), self.current[1]
        undo, redo = list(self.undo), list(self.redo)
        kind = op["op"]
        if kind == "undo":
            redo.append(self.current)
            return undo.pop(), undo, redo
        if kind == "redo":
            undo.append(self.current)
            return redo.pop(), undo, redo
        if kind == "set_status":
            if op["status"] != status:
                undo.append(self.current)
                status = op["status"]
            return (entities, status), undo, []
        if kind == "add":
            entities[op.get("id", -1)] = (op["start"], op["end"], op["label"], "accepted")
        elif kind == "update":
            start, end, _, _ = entities[op["id"]]
            entities[op["id"]] = (start, end, op["label"], op["state"])
        elif kind == "delete":
            del entities[op["id"]]
        if status in ("new", "preannotated"):
            status = "in_progress"
        undo.append(self.current)
        return (entities, status), undo, []

    def apply(self, op: dict[str, Any]) -> None:
        self.current, self.undo, self.redo = self.after(op)


def same_content(a: State, b: State) -> bool:
    return a[1] == b[1] and Counter(a[0].values()) == Counter(b[0].values())


@dataclass
class RoundResult:
    committed: int
    in_flight: str | None  # "applied", "absent" or None when nothing was in flight
    integrity: str


def run_round(db: Path, model: Model, seed: int, delay: float) -> RoundResult:
    """Start the driver, SIGKILL it ``delay`` seconds after it is ready, then verify."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.reliability.edit_driver", str(db), str(seed), "100000"],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    assert proc.stdout is not None
    lines: list[str] = []
    try:
        first = proc.stdout.readline()
        if not first.startswith("READY"):
            raise AssertionError(f"driver did not start: {first!r} {proc.communicate()[1]}")
        # A timer, not a count of lines: the kill must land anywhere, also inside a transaction.
        timer = threading.Timer(delay, proc.kill)
        timer.start()
        # Not communicate(): with two pipes it reads their file descriptors directly and loses what
        # readline() above had already buffered (the first edits' lines, when the driver was quick), and
        # the check then found edits in the file that "the log" never made.
        assert proc.stderr is not None
        errs: list[str] = []
        reader = threading.Thread(target=lambda: errs.append(proc.stderr.read()))  # type: ignore[union-attr]
        reader.start()
        rest = proc.stdout.read()  # the buffered lines first, then the pipe until the kill closes it
        reader.join()
        err = errs[0] if errs else ""
        proc.stdout.close()
        proc.stderr.close()
        proc.wait()
        timer.join()
    finally:
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode == -signal.SIGKILL, (proc.returncode, err)
    lines.extend(rest.splitlines(keepends=True))
    committed = 0
    started: dict[str, Any] | None = None
    for line in lines:
        kind, _, payload = line.partition(" ")
        if kind == "REFUSED":
            started = None
        if kind not in ("START", "COMMITTED"):
            continue
        op = json.loads(payload.split(" ", 1)[1])
        if kind == "START":
            started = op
        else:
            model.apply(op)
            committed += 1
            started = None
    integrity, state = read_state(db)
    if integrity != "ok":
        return RoundResult(committed, None, integrity)
    if state == model.current:
        return RoundResult(committed, "absent" if started else None, integrity)
    if started is not None:
        candidate, undo, redo = model.after(started)
        if same_content(state, candidate):
            model.current, model.undo, model.redo = state, undo, redo
            return RoundResult(committed, "applied", integrity)
    raise AssertionError(
        f"state after kill does not match the log: db={state} expected={model.current} in flight={started}"
    )


def run(db: Path, rounds: int, seed: int = 0, max_delay: float = 0.4) -> list[RoundResult]:
    """``rounds`` kills in a row on one database; raises on the first lost or torn edit."""
    rng = random.Random(seed)
    make_db(db)
    _, state = read_state(db)
    model = Model(state)
    results = []
    for i in range(rounds):
        result = run_round(db, model, seed * 100_000 + i, rng.uniform(0.0, max_delay))
        assert result.integrity == "ok", f"round {i}: integrity_check said {result.integrity}"
        results.append(result)
    return results
