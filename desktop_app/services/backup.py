"""``newsgold backup``: a consistent copy of the corpus, also while NewsGold (or anything) is writing to it.

SQLite's online backup API copies the database as of one read transaction; under WAL, writers go
on meanwhile and none of their later commits leak into the copy.  The copy is written beside the
target under a temporary name, checked (``PRAGMA integrity_check``), made a single file
(journal mode DELETE, no ``-wal`` to carry along) and only then renamed over the target, so a
failed backup (disk full) never leaves a half file under the name the user asked for.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from desktop_app.errors import E, NewsGoldError, StorageError
from desktop_app.storage.database import connect, sqlite_errors

_COMPANIONS = ("", "-wal", "-shm", "-journal")


@dataclass(frozen=True)
class BackupResult:
    source: Path
    target: Path
    articles: int
    size: int  # bytes


def backup_corpus(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> BackupResult:
    """Copy the corpus ``source`` to ``target`` (a file, replaced if it exists, or a folder to put it in)."""
    source, target = Path(source), Path(target)
    if target.is_dir():
        target = target / source.name
    if _same_file(source, target):
        raise NewsGoldError(E.E116, path=source)
    if not source.is_file() or source.stat().st_size == 0:
        raise StorageError(E.E113, path=source, detail="file does not exist")
    with sqlite_errors(source):
        # Read-write, though it only reads: as the last connection to close it removes the -wal and -shm
        # that opening a WAL database makes (a read-only one would leave them behind); SQLite falls back
        # to read-only by itself for a file it may not write.
        src = connect(source)
    try:
        with sqlite_errors(source):
            tables = {r[0] for r in src.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "articles" not in tables:
            raise StorageError(E.E102, path=source, detail="it has no articles table")
        return _copy(src, source, target)
    finally:
        src.close()


def _copy(src: sqlite3.Connection, source: Path, target: Path) -> BackupResult:
    partial = target.with_name(f".{target.name}.partial-{os.getpid()}")
    try:
        _create_private(partial)
    except OSError as exc:
        raise NewsGoldError(E.E117, path=target, detail=exc.strerror or str(exc)) from exc
    try:
        with sqlite_errors(target):
            dest = sqlite3.connect(str(partial))
            try:
                src.backup(dest)  # all pages in one step: one snapshot of the source
                dest.execute("PRAGMA journal_mode = DELETE")  # a single self-contained file
                check = str(dest.execute("PRAGMA integrity_check").fetchone()[0])
                articles = int(dest.execute("SELECT count(*) FROM articles").fetchone()[0])
            finally:
                dest.close()
        if check != "ok":  # pragma: no cover - the source itself is damaged
            raise StorageError(E.E102, path=source, detail=f"the copy fails its integrity check: {check}")
        try:
            _fsync(partial)
            os.replace(partial, target)
            _fsync(target.parent)
        except OSError as exc:
            raise NewsGoldError(E.E117, path=target, detail=exc.strerror or str(exc)) from exc
    except BaseException:
        for suffix in _COMPANIONS:
            Path(f"{partial}{suffix}").unlink(missing_ok=True)
        raise
    return BackupResult(source=source, target=target, articles=articles, size=target.stat().st_size)


def _same_file(source: Path, target: Path) -> bool:
    """The target is the corpus (also through a symlink, a hard link or another spelling) or one of its companions."""
    real = os.path.realpath(source)
    if os.path.realpath(target) in {real + suffix for suffix in _COMPANIONS}:
        return True
    with contextlib.suppress(OSError):
        return os.path.samefile(source, target)
    return False


def _create_private(path: Path) -> None:
    """A corpus is private (0600); so is its copy, from the first byte."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC
    os.close(os.open(path, flags, 0o600))
    if os.name == "posix":
        os.chmod(path, 0o600)


def _fsync(path: Path) -> None:
    if os.name != "posix" and path.is_dir():
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
