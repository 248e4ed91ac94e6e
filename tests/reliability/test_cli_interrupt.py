"""Ctrl+C on `newsgold preannotate` in a terminal: the user's cancel for a long CLI job.

What a user relies on: the command stops with "interrupted" (exit 130), the articles it had
committed keep all their suggestions, the others are untouched (status new, no suggestion), the
file passes SQLite's integrity check, and running the command again does only the rest.
The command runs in a real pseudo-terminal (so its progress bar is drawn, as a user sees it) with the
real model; SIGINT is what the terminal sends for Ctrl+C.
"""

from __future__ import annotations

import os
import re
import select
import signal
import sqlite3
import struct
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "resources" / "demo"
COPIES = 4

fcntl = pytest.importorskip("fcntl", reason="needs a POSIX pseudo-terminal")
pty = pytest.importorskip("pty")
termios = pytest.importorskip("termios")


def _cli(db: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desktop_app", "--db", str(db), *args], env=env,
                          capture_output=True, text=True, timeout=600)


def _counts(db: Path) -> tuple[str, dict[str, int], int, int]:
    con = sqlite3.connect(db)
    try:
        integrity = con.execute("PRAGMA integrity_check").fetchone()[0]
        status = dict(con.execute("SELECT status, count(*) FROM articles GROUP BY status").fetchall())
        # articles whose status disagrees with what they hold: pre-annotated with no suggestion, or new with some
        wrong = con.execute("""SELECT count(*) FROM articles a WHERE
            (a.status = 'preannotated') != EXISTS (SELECT 1 FROM entities e WHERE e.article_id = a.id)""").fetchone()[0]
        entities = con.execute("SELECT count(*) FROM entities").fetchone()[0]
    finally:
        con.close()
    return integrity, status, wrong, entities


def test_ctrl_c_stops_preannotate_and_keeps_what_it_committed(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    demo = sorted(DEMO.glob("*.txt"))
    for i in range(COPIES):
        for f in demo:
            title, rest = f.read_text(encoding="utf-8").split("\n", 1)
            (src / f"{i}-{f.name}").write_text(f"Copy {i}: {title}\n{rest}", encoding="utf-8")
    total = COPIES * len(demo)
    db = tmp_path / "corpus.sqlite3"
    env = {**os.environ, "NEWSGOLD_HOME": str(tmp_path / "home"), "PYTHONPATH": str(REPO)}
    env.pop("COLUMNS", None)
    assert _cli(db, env, "import", "--no-preannotate", str(src)).returncode == 0

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # a terminal's size: tqdm draws to its width
    proc = subprocess.Popen([sys.executable, "-m", "desktop_app", "--db", str(db), "preannotate"], env=env,
                            stdin=slave, stdout=slave, stderr=slave, close_fds=True)
    os.close(slave)
    seen = b""
    shown = 0
    try:
        while shown < 4:  # the bar shows the first commit (four articles)
            ready, _, _ = select.select([master], [], [], 300)
            assert ready, f"no progress on the terminal in 300 s: {seen[-500:]!r}"
            try:
                chunk = os.read(master, 4096)
            except OSError:  # the terminal closed: the command ended before it was interrupted
                chunk = b""
            assert chunk, f"preannotate ended before it could be interrupted: {seen[-500:]!r}"
            seen += chunk
            counts = [int(n) for n in re.findall(rb"(\d+)/%d" % total, seen)]
            shown = max(counts, default=0)
        assert shown < total, "all articles were done before the interrupt: the test needs a longer job"
        proc.send_signal(signal.SIGINT)
        while True:
            ready, _, _ = select.select([master], [], [], 300)
            if not ready:
                break
            try:
                chunk = os.read(master, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
        code = proc.wait(timeout=300)
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(master)
    assert code == 130, seen[-500:]
    assert b"newsgold: interrupted" in seen

    integrity, status, wrong, entities = _counts(db)
    assert integrity == "ok"
    assert wrong == 0, "an article's status disagrees with its suggestions"
    done = status.get("preannotated", 0)
    assert shown <= done < total, status  # what the bar showed was committed; the rest was not started
    assert status.get("new", 0) == total - done and entities > 0

    again = _cli(db, env, "preannotate")
    assert again.returncode == 0, again.stderr
    assert f"pre-annotated {total - done} article(s)" in again.stdout
    integrity, status, wrong, _ = _counts(db)
    assert integrity == "ok" and wrong == 0 and status == {"preannotated": total}
