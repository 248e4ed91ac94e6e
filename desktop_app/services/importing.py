"""Import files into a corpus, in chunks, reporting every rejected input.

Files are read, parsed and turned into rows (:class:`~desktop_app.storage.bulk.Prepared`)
outside any transaction; each chunk is then committed through ``commit`` (the process's
writer) in one short transaction. With ``parse_in_child`` (the CLI) the reading and parsing
run in a forked child process that sends the prepared chunks over a pipe, so on two cores
parsing the next chunk overlaps committing this one (the GIL kept a reader thread from
helping: docs/benchmarks.md).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import queue
import threading
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from desktop_app.core.model import Article
from desktop_app.errors import E, InputError
from desktop_app.services.corpus import Commit, direct_commit
from desktop_app.services.progress import CancelToken, ProgressFn, no_progress
from desktop_app.storage import Store
from desktop_app.storage.bulk import Prepared
from desktop_app.storage.database import now_iso

#: a write transaction takes at most this many articles, or this many rows with their annotations:
#: plain articles go 500 at a time (bench/write_latency.py: 129 ms), annotated tasks fewer
#: (bench/import_tasks.py: 500 tasks of 20 spans held the lock 500-840 ms on a busy machine)
CHUNK = 500
CHUNK_ROWS = 3000
#: with parsing in a child, chunks already parsed join one transaction while it is expected to take at most
#: TRANSACTION_S (by the pace of the last one), up to MAX_ROWS rows: fewer commits, each still short
TRANSACTION_S = 0.15
MAX_ROWS = 24_000
#: and at most this many articles (plain articles are one row each, but 2-3 KB of text and its search index)
MAX_ARTICLES = 1000


@dataclass
class ImportSummary:
    added: list[str] = field(default_factory=list)
    duplicates: int = 0
    errors: list[InputError] = field(default_factory=list)
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors


#: what the parsing side hands the committing side: a chunk, a rejected input, duplicates seen, or "cancelled"
Item = Prepared | InputError | int | None


def prepared_chunks(paths: Iterable[str | Path], fmt: str, who: str | None, claim_done: bool,
                    cancel: CancelToken | None = None, *, as_gold: bool = False) -> Iterator[Item]:
    """Chunks of rows to commit, each InputError as it comes, duplicate counts; None after a cancel."""
    from desktop_app.io.importers import read_inputs  # here: a CLI that parses in a child never loads the readers

    chunk, rows = Prepared(), 0
    seen: set[str] = set()
    now = now_iso()
    for item in read_inputs(paths, fmt):
        if cancel is not None and cancel.cancelled:
            break
        if isinstance(item, InputError):
            yield item
            continue
        if item.id in seen:
            yield 1
            continue
        seen.add(item.id)
        if as_gold:
            mark_gold(item)
        if who and item.status == "done" and item.annotator != who and (claim_done or not item.annotator):
            if item.annotator:
                item.provenance["annotator"] = item.annotator
            item.annotator = who
        rows += chunk.add(item, now)
        if len(chunk) >= CHUNK or rows >= CHUNK_ROWS:
            yield chunk
            chunk, rows, now = Prepared(), 0, now_iso()
    if len(chunk):
        yield chunk
    if cancel is not None and cancel.cancelled:
        yield None


def start_parsing(paths: Iterable[str | Path], fmt: str = "auto", *, who: str | None = None,
                  claim_done: bool = False, as_gold: bool = False) -> _Child | None:
    """Fork the parsing child for ``import_paths(..., parser=)`` now, where ``fork`` exists (else None).

    For the CLI, before it opens the corpus: the child loads the readers (pydantic; ~0.1 s) and parses while
    the parent opens and migrates the file, and it inherits no SQLite connection. The caller closes it
    (``close``) if it never reaches ``import_paths``; closing it twice is harmless.
    """
    if "fork" not in multiprocessing.get_all_start_methods():
        return None
    return _Child(list(paths), fmt, who, claim_done, as_gold)


def import_paths(
    target: Store | Commit[Any],
    paths: Iterable[str | Path],
    *,
    fmt: str = "auto",
    progress: ProgressFn = no_progress,
    cancel: CancelToken | None = None,
    who: str | None = None,
    claim_done: bool = False,
    parse_in_child: bool = False,
    as_gold: bool = False,
    parser: _Child | None = None,
) -> ImportSummary:
    """Import ``paths`` into ``target``: a Store, or the ``commit`` of the process's writer.

    An article that comes in done (our JSONL with ``status: done``) without an annotator is
    recorded as done by ``who``, the importing annotator; with ``claim_done`` (the user named
    themselves, ``--annotator``) every done article is, so finished work from elsewhere can join a
    team. The name the file gave, if another, stays in its provenance (``annotator``). Without
    ``claim_done`` a named article keeps its annotator, so export -> import -> export is identical.

    ``parse_in_child`` forks the parsing into a child process where ``fork`` exists; only for a
    caller without other threads (the CLI). Each committed chunk stays committed if either
    process dies; the child ends when the pipe to its parent breaks.

    ``as_gold``: every article comes in done with its annotations accepted (a gold corpus).

    ``parser``: a child ``start_parsing`` forked already for the same paths and options (``parse_in_child``
    is then implied); this call closes it.
    """
    commit = direct_commit(target) if isinstance(target, Store) else target
    summary = ImportSummary()
    paths = list(paths)
    child: _Child | None = parser
    if child is None and parse_in_child and "fork" in multiprocessing.get_all_start_methods():
        child = _Child(paths, fmt, who, claim_done, as_gold)
    if child is not None:
        items: Iterator[Item] = iter(child)
    else:
        items = prepared_chunks(paths, fmt, who, claim_done, cancel, as_gold=as_gold)
    budget = CHUNK_ROWS
    pending: Prepared | None = None
    # our own transactions (not a writer's, shared with edits): one fsync at the end instead of one per commit,
    # and inserts without a statement journal
    own: contextlib.AbstractContextManager[None] = (
        target.bulk_import() if isinstance(target, Store) else contextlib.nullcontext())
    with own:
        try:
            for item in items:
                if isinstance(item, InputError):
                    summary.errors.append(item)
                elif isinstance(item, int):
                    summary.duplicates += item
                elif item is None:
                    summary.cancelled = True
                else:
                    if pending is None:
                        pending = item
                    else:
                        pending.extend(item)
                    if (child is not None and child.ready() and pending.rows + item.rows <= budget
                            and len(pending) + len(item) <= MAX_ARTICLES):
                        continue  # the next chunk is parsed already and the transaction has room for one more
                    began = time.perf_counter()
                    added, dupes = commit(_adding(pending))
                    took = time.perf_counter() - began
                    # size the next transaction by this one's pace (only chunks already parsed are joined)
                    budget = int(min(MAX_ROWS, max(CHUNK_ROWS, pending.rows * TRANSACTION_S / max(took, 1e-3))))
                    pending = None
                    summary.added.extend(added)
                    summary.duplicates += dupes
                    progress(len(summary.added), None, f"{len(summary.added)} imported")
                    if cancel is not None and cancel.cancelled:
                        summary.cancelled = True
                        break
            if pending is not None:
                added, dupes = commit(_adding(pending))
                summary.added.extend(added)
                summary.duplicates += dupes
                progress(len(summary.added), None, f"{len(summary.added)} imported")
        finally:
            if child is not None:
                child.close()
    return summary


def _adding(batch: Prepared) -> Callable[[Store], tuple[list[str], int]]:
    return lambda store: store.add_prepared(batch)


# -- parsing in a child process ---------------------------------------------------------

class _Child:
    """The forked parsing process, and a thread that drains its pipe into a queue.

    The thread keeps the child parsing while this process commits (a pipe holds 64 KiB; a chunk is
    ~0.5 MB, so without it the child waits in ``send`` until the next ``recv``), so the chunks parsed
    meanwhile are there to join the next transaction. At most ``AHEAD`` chunks wait.
    """

    AHEAD = 8

    def __init__(self, paths: list[str | Path], fmt: str, who: str | None, claim_done: bool,
                 as_gold: bool = False) -> None:
        ctx = multiprocessing.get_context("fork")
        self.receive, send = ctx.Pipe(duplex=False)
        self.process = ctx.Process(target=_child_main, args=(send, self.receive, paths, fmt, who, claim_done, as_gold),
                                   name="newsgold-import-parser", daemon=True)
        self.process.start()
        send.close()
        self._queue: queue.Queue[Any] = queue.Queue(maxsize=self.AHEAD)
        self._stop = threading.Event()
        self._reader = threading.Thread(target=self._read, name="newsgold-import-pipe", daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while not self._stop.is_set():
            try:
                msg = self.receive.recv()
            except (EOFError, OSError):
                msg = ("gone",)
            while not self._stop.is_set():
                try:
                    self._queue.put(msg, timeout=0.1)
                    break
                except queue.Full:
                    continue
            if isinstance(msg, tuple) and msg[0] in ("end", "gone", "crash"):
                return

    def ready(self) -> bool:
        """Whether the next item is parsed and waiting already."""
        return not self._queue.empty()

    def __iter__(self) -> Iterator[Item]:
        while True:
            msg = self._queue.get()
            if isinstance(msg, tuple):
                kind = msg[0]
                if kind == "end":
                    return
                if kind == "error":
                    yield InputError(E[msg[1]], msg[2], **msg[3])
                    continue
                if kind == "gone":
                    raise RuntimeError("the import's parsing process ended without finishing")
                raise RuntimeError(f"the import's parsing process failed:\n{msg[1]}")
            yield msg

    def close(self) -> None:
        self._stop.set()
        if self._reader.is_alive():  # stopped early (cancel, an error): the child is still sending
            self.process.terminate()  # its end of the pipe closes, so the reader's recv returns
            self._reader.join()
        self.receive.close()
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.terminate()
            self.process.join()


def _child_main(send: Connection, receive: Connection, paths: list[str | Path], fmt: str, who: str | None,
                claim_done: bool, as_gold: bool = False) -> None:
    receive.close()  # the parent's end: once the parent is gone, a send fails and this process ends
    try:
        for item in prepared_chunks(paths, fmt, who, claim_done, as_gold=as_gold):
            if isinstance(item, InputError):  # a NewsGoldError does not pickle (its code is an Enum argument)
                send.send(("error", item.code.name, item.where, item.fields))
            else:
                send.send(item)
        send.send(("end",))
    except (BrokenPipeError, KeyboardInterrupt):
        return
    except BaseException:
        with contextlib.suppress(OSError):
            send.send(("crash", traceback.format_exc()))


def mark_gold(article: Article) -> None:
    """Done, with everything it carries accepted (rejected items stay rejected)."""
    article.status = "done"
    items: list[Any] = [*article.entities, *article.quotes, *article.events]
    for item in items:
        if item.state == "suggested":
            item.state = "accepted"
