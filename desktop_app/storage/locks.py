"""Which other processes have a database open: for the "locked by another program" message (E103).

Linux only, by reading the ``/proc/<pid>/fd`` symlinks; an empty list elsewhere or on any error.

It never opens the database, its ``-wal``/``-shm`` or ``-journal``: POSIX advisory locks belong to
the process, and closing *any* descriptor of a file drops every lock the process holds on it, so
an ``open()``/``close()`` here would silently release the locks of this process's own SQLite
connections.  Only ``readlink`` of the ``/proc`` entries and ``/proc/<pid>/comm`` are read.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

_SUFFIXES = ("", "-wal", "-shm", "-journal")


def lock_holders(path: str | os.PathLike[str]) -> list[str]:
    """Other processes that have ``path`` (or its -wal/-shm/-journal) open, as ``"name (pid N)"``, by pid."""
    if not sys.platform.startswith("linux"):
        return []
    try:
        return _scan(Path(path))
    except Exception:  # a hint for a message: never a reason to fail
        return []


def _scan(path: Path) -> list[str]:
    target = os.path.realpath(path)  # the form /proc's fd links have
    wanted = {target + suffix for suffix in _SUFFIXES}
    me = os.getpid()
    found: dict[int, str] = {}
    with os.scandir("/proc") as entries:
        pids = [int(e.name) for e in entries if e.name.isdigit()]
    for pid in pids:
        if pid == me:
            continue
        fd_dir = f"/proc/{pid}/fd"
        try:
            fds = os.listdir(fd_dir)
        except OSError:  # gone meanwhile, or another user's process
            continue
        for fd in fds:
            try:
                link = os.readlink(f"{fd_dir}/{fd}")
            except OSError:
                continue
            if link in wanted:
                found[pid] = f"{_process_name(pid)} (pid {pid})"
                break
    return [found[pid] for pid in sorted(found)]


def _process_name(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/comm", encoding="utf-8", errors="replace") as fh:
            name = fh.read().strip()
    except OSError:
        name = ""
    return name or "process"
