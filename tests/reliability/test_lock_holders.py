"""lock_holders names the other processes that have the corpus open, and never disturbs this process's locks."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.storage import Store
from desktop_app.storage.locks import lock_holders

from .kill_harness import REPO

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")

_HOLDER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], timeout=0, isolation_level=None)
conn.execute("SELECT count(*) FROM articles").fetchone()  # opens the file, its -wal and -shm
print("open", flush=True)
for line in sys.stdin:  # one command a line: "write" tries the write lock, anything else ends
    if line.strip() != "write":
        break
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
        print("got the write lock", flush=True)
    except sqlite3.OperationalError as exc:
        print(exc.sqlite_errorname, flush=True)
"""


@pytest.fixture
def holder(db_path: Path) -> Iterator[subprocess.Popen[str]]:
    Store(db_path).close()  # a real corpus in WAL mode
    child = subprocess.Popen([sys.executable, "-c", _HOLDER, str(db_path)], cwd=REPO, text=True,
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert child.stdout is not None and child.stdout.readline().strip() == "open"
    yield child
    assert child.stdin is not None and child.stdout is not None
    child.stdin.close()  # ends the child
    child.wait(timeout=30)
    child.stdout.close()


def _ask(child: subprocess.Popen[str], command: str) -> str:
    assert child.stdin is not None and child.stdout is not None
    child.stdin.write(command + "\n")
    child.stdin.flush()
    return child.stdout.readline().strip()


def test_names_the_other_process_not_this_one(db_path: Path, holder: subprocess.Popen[str]) -> None:
    with Store(db_path) as mine:  # this process has it open too, and is left out
        assert mine.count_articles() == 0
        holders = lock_holders(db_path)
    assert holders == [f"{Path(sys.executable).name[:15]} (pid {holder.pid})"]


def test_a_relative_path_and_a_symlink_find_it_too(db_path: Path, holder: subprocess.Popen[str], tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(db_path.parent)
    link = tmp_path / "link.sqlite3"
    link.symlink_to(db_path)
    for name in (db_path.name, link):
        assert [h.endswith(f"(pid {holder.pid})") for h in lock_holders(name)] == [True]


def test_nobody_else_and_missing_files_give_an_empty_list(db_path: Path, tmp_path: Path) -> None:
    with Store(db_path):
        assert lock_holders(db_path) == []
    assert lock_holders(tmp_path / "nowhere" / "x.sqlite3") == []


def test_asking_keeps_this_process_write_lock(db_path: Path, holder: subprocess.Popen[str]) -> None:
    """Opening and closing the DB file here would drop SQLite's POSIX locks; lock_holders must not."""
    mine = sqlite3.connect(str(db_path), isolation_level=None)
    mine.execute("BEGIN IMMEDIATE")  # this process holds the write lock
    assert _ask(holder, "write") == "SQLITE_BUSY"
    for _ in range(3):
        assert lock_holders(db_path)
    assert _ask(holder, "write") == "SQLITE_BUSY"  # still ours
    mine.execute("ROLLBACK")
    assert _ask(holder, "write") == "got the write lock"
    mine.close()
