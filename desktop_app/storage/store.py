"""The one gateway to a NewsGold database file.

Every method that changes annotations commits before it returns and writes a
change-log row (before/after snapshots) in the same transaction, which is what
makes undo/redo survive a restart.  A ``Store`` is used from one thread; the GUI
keeps one for writes on its writer thread and a read-only one for the views.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from desktop_app.core.model import (
    ANNOTATION_STATES,
    ARTICLE_STATUSES,
    QUOTE_KINDS,
    Article,
    Entity,
    Event,
    Quote,
    Span,
    Suggestions,
    article_id_for,
)
from desktop_app.errors import E, NewsGoldError, StorageError
from desktop_app.storage.database import checkpoint_and_close, now_iso, open_database, sqlite_errors
from desktop_app.storage.locks import lock_holders
from desktop_app.storage.rows import (
    TABLE_CODECS,
    article_from_row,
    entity_from_row,
    event_from_row,
    quote_from_row,
    spans_to_json,
)

log = logging.getLogger(__name__)

ANNOTATION_TABLES = ("entities", "quotes", "events")
Annotation = Entity | Quote | Event
_TABLE_OF = {Entity: "entities", Quote: "quotes", Event: "events"}
# columns a user may change on each annotation table
_EDITABLE = {
    "entities": {"start", "end", "label", "state", "origin", "suggested"},
    "quotes": {
        "start", "end", "kind", "cue_start", "cue_end", "speaker", "speaker_ent_start",
        "speaker_ent_end", "mention_start", "mention_end", "state", "origin", "suggested",
    },
    "events": {
        "type", "sent_start", "sent_end", "trigger_start", "trigger_end", "actor",
        "actor_ent_start", "actor_ent_end", "recipient", "recipient_ent_start",
        "recipient_ent_end", "state", "origin", "suggested",
    },
}
_CONTENT_FIELDS = {t: cols - {"state", "origin", "suggested"} for t, cols in _EDITABLE.items()}


@dataclass(frozen=True)
class ArticleRow:
    """What the article list shows: cheap to fetch a page of."""

    rowid: int
    id: str
    title: str
    published: str | None
    status: str
    updated_at: str
    n_entities: int
    n_quotes: int
    n_events: int
    n_suggested: int


#: how long a writer waits for another process's lock in all, and without seeing it commit
LOCK_PATIENCE_S = 120.0
STALL_S = 30.0
#: a write transaction longer than this is logged: the annotator's edits wait behind it
SLOW_WRITE_S = 0.25


class WriteTimes:
    """Durations of committed write transactions: count, longest, and the slow ones logged."""

    def __init__(self) -> None:
        self.count = 0
        self.longest = 0.0
        self.samples: list[float] = []

    def record(self, seconds: float) -> None:
        self.count += 1
        self.longest = max(self.longest, seconds)
        if len(self.samples) < 100_000:
            self.samples.append(seconds)
        if seconds > SLOW_WRITE_S:
            log.warning("write transaction held the lock for %.0f ms", seconds * 1000)


def _holders(path: Path) -> str:
    names = lock_holders(path)
    return ", ".join(names) if names else "another program"


def fts_query(text: str) -> str:
    """Turn what a user typed into a safe FTS5 query: every word a quoted prefix term."""
    words = re.findall(r"\w+", text, flags=re.UNICODE)
    return " ".join(f'"{w}"*' for w in words)


class Store:
    def __init__(self, path: str | Path, *, readonly: bool = False, check_same_thread: bool = True) -> None:
        self.path = Path(path)
        self.readonly = readonly
        self.db, self.backup = open_database(self.path, readonly=readonly, check_same_thread=check_same_thread)
        self.conn: sqlite3.Connection = self.db.conn
        self.conn.row_factory = sqlite3.Row
        self._batch: int | None = None
        self._identity = self._file_identity()
        #: how long each write transaction held the lock (the benchmark and the log read it)
        self.write_times = WriteTimes()

    def _file_identity(self) -> tuple[int, int] | None:
        try:
            st = os.stat(self.path)
        except OSError:
            return None
        return st.st_dev, st.st_ino

    def _check_file_still_there(self) -> None:
        """Writes to a deleted (unlinked) file would vanish silently on close: refuse them instead."""
        if self._file_identity() != self._identity:
            raise StorageError(E.E114, path=self.path)

    # -- plumbing -----------------------------------------------------------
    def close(self) -> None:
        """Close; a writing Store checkpoints first so no ``-wal`` is left holding work."""
        if self.readonly:
            with contextlib.suppress(sqlite3.Error):
                self.conn.close()
        else:
            checkpoint_and_close(self.conn)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One immediate transaction; commits on success, rolls back on any error."""
        if self.conn.in_transaction:  # nested: part of the outer transaction
            yield self.conn
            return
        self._check_file_still_there()
        with sqlite_errors(self.path):
            self._begin_immediate()
            began = time.perf_counter()
            try:
                yield self.conn
            except BaseException:
                self.conn.rollback()
                self._batch = None
                raise
            self.conn.commit()
            self._batch = None
            self.write_times.record(time.perf_counter() - began)

    def _begin_immediate(self) -> None:
        """Take the write lock, waiting as long as another writer keeps making progress.

        Each attempt waits SQLite's busy timeout; a busy lock is retried while the file's
        ``data_version`` moves (the other side commits), and given up, naming the
        other processes that have the file open (E120), only after ``LOCK_PATIENCE_S`` in all or
        ``STALL_S`` without any commit from the other side.
        """
        started = last_progress = time.monotonic()
        version = self._data_version()
        while True:
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if (getattr(exc, "sqlite_errorcode", 0) & 0xFF) not in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
                    raise
                now = time.monotonic()
                fresh = self._data_version()
                if fresh != version:
                    version, last_progress = fresh, now
                if now - started > LOCK_PATIENCE_S or now - last_progress > STALL_S:
                    raise StorageError(E.E120, path=self.path, holders=_holders(self.path),
                                       seconds=now - started) from exc

    def _data_version(self) -> int:
        with contextlib.suppress(sqlite3.Error):
            return int(self.conn.execute("PRAGMA data_version").fetchone()[0])
        return -1

    def _rows(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        with sqlite_errors(self.path):
            return [dict(r) for r in self.conn.execute(sql, list(params))]

    def _one(self, sql: str, params: Iterable[Any] = ()) -> dict[str, Any] | None:
        with sqlite_errors(self.path):
            r = self.conn.execute(sql, list(params)).fetchone()
        return dict(r) if r is not None else None

    def integrity_check(self) -> str:
        return str(self.conn.execute("PRAGMA integrity_check").fetchone()[0])

    # -- article reads --------------------------------------------------------
    def _where(self, status: str | None, query: str | None) -> tuple[str, list[Any]]:
        clauses, params = [], []
        if status:
            clauses.append("a.status = ?")
            params.append(status)
        if query and fts_query(query):
            clauses.append("a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
            params.append(fts_query(query))
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def count_articles(self, status: str | None = None, query: str | None = None) -> int:
        if query and fts_query(query) and not status:
            # The FTS index has one row per article: counting there is ~20x faster than
            # counting articles whose rowid is IN the (materialised) match list.
            row = self._one("SELECT count(*) AS n FROM articles_fts WHERE articles_fts MATCH ?", [fts_query(query)])
            return int(row["n"]) if row else 0
        where, params = self._where(status, query)
        row = self._one(f"SELECT count(*) AS n FROM articles a{where}", params)
        return int(row["n"]) if row else 0

    def status_counts(self) -> dict[str, int]:
        counts = dict.fromkeys(ARTICLE_STATUSES, 0)
        for r in self._rows("SELECT status, count(*) AS n FROM articles GROUP BY status"):
            counts[r["status"]] = r["n"]
        return counts

    _ORDERS: ClassVar[dict[str, str]] = {
        "import": "a.rowid",
        "title": "a.title COLLATE NOCASE, a.rowid",
        "date": "json_extract(a.meta, '$.published'), a.rowid",
        "status": "a.status, a.rowid",
        "updated": "a.updated_at, a.rowid",
    }

    def article_rows(
        self,
        offset: int = 0,
        limit: int = 200,
        *,
        status: str | None = None,
        query: str | None = None,
        order: str = "import",
        descending: bool = False,
        after_rowid: int | None = None,
    ) -> list[ArticleRow]:
        """One page of the list. ``after_rowid`` (import order only) continues after that row
        without an OFFSET: constant time at any depth, and no row is skipped when rows before
        it leave the filter meanwhile."""
        where, params = self._where(status, query)
        order_sql = self._ORDERS.get(order, "a.rowid")
        keyset = after_rowid is not None and order_sql == "a.rowid"
        if keyset:
            where += (" AND " if where else " WHERE ") + f"a.rowid {'<' if descending else '>'} ?"
            params.append(after_rowid)
            offset = 0
        if descending:
            order_sql = ", ".join(f"{part} DESC" for part in order_sql.split(", "))
        source = "articles a"
        if query and fts_query(query) and not status and order_sql.startswith("a.rowid"):
            # Page straight from the FTS index (it yields rowids in order) instead of
            # materialising every match of a common word first.
            after = f" AND rowid {'<' if descending else '>'} ?" if keyset else ""
            source = (f"(SELECT rowid AS r FROM articles_fts WHERE articles_fts MATCH ?{after} ORDER BY rowid"
                      f"{' DESC' if descending else ''} LIMIT ? OFFSET ?) f JOIN articles a ON a.rowid = f.r")
            where, params = "", [fts_query(query), *([after_rowid] if keyset else []), limit, offset]
            limit, offset = -1, 0
        sql = f"""
            SELECT a.rowid AS rowid, a.id, a.title, json_extract(a.meta, '$.published') AS published,
                   a.status, a.updated_at,
                   (SELECT count(*) FROM entities x WHERE x.article_id = a.id AND x.state != 'rejected') AS n_entities,
                   (SELECT count(*) FROM quotes x WHERE x.article_id = a.id AND x.state != 'rejected') AS n_quotes,
                   (SELECT count(*) FROM events x WHERE x.article_id = a.id AND x.state != 'rejected') AS n_events,
                   (SELECT count(*) FROM entities x WHERE x.article_id = a.id AND x.state = 'suggested')
                 + (SELECT count(*) FROM quotes x WHERE x.article_id = a.id AND x.state = 'suggested')
                 + (SELECT count(*) FROM events x WHERE x.article_id = a.id AND x.state = 'suggested') AS n_suggested
            FROM {source}{where} ORDER BY {order_sql} LIMIT ? OFFSET ?"""
        return [ArticleRow(**r) for r in self._rows(sql, [*params, limit, offset])]

    def article_ids(self, status: str | None = None) -> list[str]:
        where, params = self._where(status, None)
        return [r["id"] for r in self._rows(f"SELECT a.id FROM articles a{where} ORDER BY a.rowid", params)]

    def has_article(self, article_id: str) -> bool:
        return self._one("SELECT 1 AS x FROM articles WHERE id = ?", [article_id]) is not None

    def get_article(self, article_id: str, *, annotations: bool = True) -> Article:
        row = self._one("SELECT * FROM articles WHERE id = ?", [article_id])
        if row is None:
            raise NewsGoldError(E.E106, id=article_id)
        article = article_from_row(row)
        if annotations:
            article.entities = [entity_from_row(r) for r in self._annotation_rows("entities", article_id)]
            article.quotes = [quote_from_row(r) for r in self._annotation_rows("quotes", article_id)]
            article.events = [event_from_row(r) for r in self._annotation_rows("events", article_id)]
        return article

    def annotation(self, table: str, row_id: int) -> dict[str, Any]:
        """One annotation row as stored (E107 when it is gone)."""
        if table not in ANNOTATION_TABLES:
            raise NewsGoldError(E.E110, value=table, field="table", allowed=", ".join(ANNOTATION_TABLES))
        return self._row(table, row_id)

    def count_suggested(self, article_id: str) -> int:
        """Suggestions of the article nobody has accepted or rejected yet."""
        n = 0
        for t in ANNOTATION_TABLES:
            row = self._one(f"SELECT count(*) AS n FROM {t} WHERE article_id = ? AND state = 'suggested'", [article_id])
            n += int(row["n"]) if row else 0
        return n

    def sentences(self, article_id: str) -> list[Span]:
        row = self._one("SELECT sentences FROM articles WHERE id = ?", [article_id])
        if row is None:
            raise NewsGoldError(E.E106, id=article_id)
        return [Span(a, b) for a, b in json.loads(row["sentences"] or "[]")]

    def _annotation_rows(self, table: str, article_id: str) -> list[dict[str, Any]]:
        order = '"start", "end", id' if table != "events" else "sent_start, trigger_start, id"
        return self._rows(f"SELECT * FROM {table} WHERE article_id = ? ORDER BY {order}", [article_id])

    def iter_articles(
        self, *, status: str | None = None, ids: Iterable[str] | None = None, chunk: int = 500
    ) -> Iterator[Article]:
        """Stream articles with annotations in import order, ``chunk`` at a time (constant memory)."""
        if ids is not None:
            for aid in ids:
                yield self.get_article(aid)
            return
        last = 0
        while True:
            params: list[Any] = [last]
            extra = ""
            if status:
                extra = " AND status = ?"
                params.append(status)
            rows = self._rows(
                f"SELECT rowid AS _r, * FROM articles WHERE rowid > ?{extra} ORDER BY rowid LIMIT ?",
                [*params, chunk],
            )
            if not rows:
                return
            last = rows[-1]["_r"]
            articles = {r["id"]: article_from_row(r) for r in rows}
            marks = ",".join("?" * len(articles))
            for table, (_, from_row) in TABLE_CODECS.items():
                order = '"start", "end", id' if table != "events" else "sent_start, trigger_start, id"
                for r in self._rows(
                    f"SELECT * FROM {table} WHERE article_id IN ({marks}) ORDER BY {order}", list(articles)
                ):
                    getattr(articles[r["article_id"]], table).append(from_row(r))
            yield from articles.values()

    def stats(self) -> dict[str, Any]:
        out: dict[str, Any] = {"path": str(self.path), "articles": self.count_articles()}
        out["status"] = self.status_counts()
        for table in ANNOTATION_TABLES:
            out[table] = {
                r["state"]: r["n"]
                for r in self._rows(f"SELECT state, count(*) AS n FROM {table} GROUP BY state")
            }
        out["entity_labels"] = {
            r["label"]: r["n"]
            for r in self._rows(
                "SELECT label, count(*) AS n FROM entities WHERE state != 'rejected' GROUP BY label ORDER BY n DESC"
            )
        }
        out["event_types"] = {
            r["type"]: r["n"]
            for r in self._rows(
                "SELECT type, count(*) AS n FROM events WHERE state != 'rejected' GROUP BY type ORDER BY n DESC"
            )
        }
        out["changes"] = self._one("SELECT count(*) AS n FROM changes")["n"]  # type: ignore[index]
        return out

    # -- article writes -------------------------------------------------------
    def add_articles(self, articles: Iterable[Article]) -> tuple[list[str], int]:
        """Insert new articles (and any annotations they carry); returns (added ids, duplicates)."""
        added: list[str] = []
        dupes = 0
        now = now_iso()
        first_rowid: int | None = None
        last_rowid = 0
        with self.write() as conn:
            # A duplicate has the id, or the text (its derived id), of an article stored or earlier in
            # the batch: found with one lookup per batch, so any IntegrityError below is a bug.
            batch = list(articles)
            keys = list({k for a in batch for k in (a.id, article_id_for(a.text))})
            taken: set[str] = set()
            for i in range(0, len(keys), 30_000):  # below SQLite's 32766 host parameters
                part = keys[i : i + 30_000]
                taken.update(r[0] for r in conn.execute(
                    f"SELECT id FROM articles WHERE id IN ({','.join('?' * len(part))})", part))
            for a in batch:
                text_id = article_id_for(a.text)
                if a.id in taken or text_id in taken:
                    dupes += 1
                    continue
                taken.update((a.id, text_id))
                cur = conn.execute(
                    "INSERT INTO articles (id, title, text, meta, status, annotator, ignored, created_at,"
                    " updated_at, provenance) VALUES (?,?,?,?,?,?,?,?,?,?)",
                    [a.id, a.title, a.text, json.dumps(a.meta, ensure_ascii=False), a.status, a.annotator,
                     spans_to_json(a.ignored), now, a.updated_at or now, json.dumps(a.provenance, ensure_ascii=False)],
                )
                last_rowid = cur.lastrowid or last_rowid
                if first_rowid is None:
                    first_rowid = last_rowid
                added.append(a.id)
                for table in ANNOTATION_TABLES:
                    items = getattr(a, table)
                    if items:
                        self._insert_many(table, a.id, items, now)
            if first_rowid is not None:  # search index for the whole batch, same transaction (migration 0005)
                conn.execute(
                    "INSERT INTO articles_fts(rowid, title, text)"
                    " SELECT rowid, title, text FROM articles WHERE rowid BETWEEN ? AND ?",
                    [first_rowid, last_rowid],
                )
        return added, dupes

    def _insert_many(self, table: str, article_id: str, items: Iterable[Annotation], now: str) -> None:
        to_row = TABLE_CODECS[table][0]
        rows = [to_row(x) for x in items]  # type: ignore[operator]
        if not rows:
            return
        cols = list(rows[0])
        sql = (
            f"INSERT INTO {table} (article_id, {', '.join(_q(c) for c in cols)}, created_at, updated_at)"
            f" VALUES (?, {', '.join('?' * len(cols))}, ?, ?)"
        )
        self.conn.executemany(sql, [[article_id, *(r[c] for c in cols), now, now] for r in rows])

    def replace_suggestions(
        self,
        article_id: str,
        suggestions: Suggestions,
        *,
        pipeline: str | None,
        sentences: list[Span] | None = None,
    ) -> int:
        """Swap untouched machine suggestions for new ones; human work and decisions stay.

        A suggestion equal to an annotation the user already accepted or rejected is
        not suggested again.
        """
        now = now_iso()
        n = 0
        with self.write() as conn:
            row = conn.execute("SELECT status FROM articles WHERE id = ?", [article_id]).fetchone()
            if row is None:
                raise NewsGoldError(E.E106, id=article_id)
            for table in ANNOTATION_TABLES:
                conn.execute(
                    f"DELETE FROM {table} WHERE article_id = ? AND state = 'suggested' AND origin != 'human'",
                    [article_id],
                )
                to_row: Callable[[Any], dict[str, Any]] = TABLE_CODECS[table][0]  # type: ignore[assignment]
                decided = {
                    _content_key(table, dict(r))
                    for r in conn.execute(f"SELECT * FROM {table} WHERE article_id = ?", [article_id])
                }
                fresh = [x for x in getattr(suggestions, table) if _content_key(table, to_row(x)) not in decided]
                self._insert_many(table, article_id, fresh, now)
                n += len(fresh)
            status = row[0]
            new_status = "preannotated" if status == "new" else status
            conn.execute(
                "UPDATE articles SET pipeline = ?, sentences = ?, status = ?, updated_at = ? WHERE id = ?",
                [pipeline, json.dumps([[s.start, s.end] for s in (sentences or [])]), new_status, now, article_id],
            )
        return n

    # -- logged edits -----------------------------------------------------------
    def _next_batch(self) -> int:
        if self._batch is None:
            row = self.conn.execute("SELECT coalesce(max(batch), 0) + 1 FROM changes").fetchone()
            self._batch = int(row[0])
        return self._batch

    def _log(self, article_id: str, op: str, table: str, row_id: str | int,
             before: dict[str, Any] | None, after: dict[str, Any] | None, who: str | None) -> None:
        batch = self._next_batch()
        self.conn.execute(
            "INSERT INTO changes (batch, article_id, at, who, op, table_name, row_id, before, after)"
            " VALUES (?,?,?,?,?,?,?,?,?)",
            [batch, article_id, now_iso(), who, op, table, str(row_id),
             None if before is None else json.dumps(before, ensure_ascii=False),
             None if after is None else json.dumps(after, ensure_ascii=False)],
        )

    def _start_edit(self, article_id: str, who: str | None) -> None:
        """Every user edit drops the redo stack and moves a fresh article to in progress."""
        self.conn.execute("UPDATE changes SET undone = 2 WHERE article_id = ? AND undone = 1", [article_id])
        row = self.conn.execute("SELECT * FROM articles WHERE id = ?", [article_id]).fetchone()
        if row is None:
            raise NewsGoldError(E.E106, id=article_id)
        if row["status"] in ("new", "preannotated"):
            self._set_article_fields(article_id, {"status": "in_progress", "annotator": who or row["annotator"]}, who, "status")

    def _set_article_fields(self, article_id: str, fields: dict[str, Any], who: str | None, op: str) -> None:
        row = self.conn.execute("SELECT status, annotator FROM articles WHERE id = ?", [article_id]).fetchone()
        before = {"status": row["status"], "annotator": row["annotator"]}
        after = {**before, **fields}
        if after == before:
            return
        self.conn.execute(
            "UPDATE articles SET status = ?, annotator = ?, updated_at = ? WHERE id = ?",
            [after["status"], after["annotator"], now_iso(), article_id],
        )
        self._log(article_id, op, "articles", article_id, before, after, who)

    def _row(self, table: str, row_id: int) -> dict[str, Any]:
        row = self.conn.execute(f"SELECT * FROM {table} WHERE id = ?", [row_id]).fetchone()
        if row is None:
            raise NewsGoldError(E.E107, kind=table, id=row_id)
        return dict(row)

    def _check(self, table: str, article_id: str, values: dict[str, Any], exclude_id: int | None = None) -> None:
        text_len = self.conn.execute("SELECT length(text) FROM articles WHERE id = ?", [article_id]).fetchone()
        if text_len is None:
            raise NewsGoldError(E.E106, id=article_id)
        length = int(text_len[0])
        spans = [("start", "end"), ("cue_start", "cue_end"), ("mention_start", "mention_end"),
                 ("sent_start", "sent_end"), ("trigger_start", "trigger_end")]
        for a, b in spans:
            if values.get(a) is None:
                continue
            start, end = values[a], values[b]
            if not (0 <= start < end <= length):
                raise NewsGoldError(E.E109, start=start, end=end, length=length)
        _allowed(values, "state", ANNOTATION_STATES)
        _allowed(values, "origin", ("model", "rule", "human"))
        _allowed(values, "kind", QUOTE_KINDS)
        if table == "entities" and values.get("state") != "rejected":
            other = self.conn.execute(
                'SELECT label, "start", "end" FROM entities WHERE article_id = ? AND state != \'rejected\''
                ' AND "start" < ? AND "end" > ? AND id != ? LIMIT 1',
                [article_id, values["end"], values["start"], exclude_id or -1],
            ).fetchone()
            if other is not None:
                txt = self.conn.execute(
                    "SELECT substr(text, ?, ?) FROM articles WHERE id = ?",
                    [other["start"] + 1, other["end"] - other["start"], article_id],
                ).fetchone()[0]
                raise NewsGoldError(E.E108, start=values["start"], end=values["end"], label=other["label"], other=txt)

    def add(self, article_id: str, item: Annotation, *, who: str | None = None) -> int:
        """Add a human annotation (origin/state as given; defaults to human/accepted)."""
        table = _TABLE_OF[type(item)]
        values = TABLE_CODECS[table][0](item)  # type: ignore[operator]
        with self.write() as conn:
            self._check(table, article_id, values)
            self._start_edit(article_id, who)
            now = now_iso()
            cols = list(values)
            cur = conn.execute(
                f"INSERT INTO {table} (article_id, {', '.join(_q(c) for c in cols)}, created_at, updated_at)"
                f" VALUES (?, {', '.join('?' * len(cols))}, ?, ?)",
                [article_id, *values.values(), now, now],
            )
            row_id = int(cur.lastrowid or 0)
            self._log(article_id, "add", table, row_id, None, self._row(table, row_id), who)
        return row_id

    def update(self, table: str, row_id: int, changes: dict[str, Any], *, who: str | None = None) -> dict[str, Any]:
        """Change fields of an annotation; a content change by a person also accepts it."""
        bad = set(changes) - _EDITABLE[table]
        if bad:
            raise NewsGoldError(E.E110, value=sorted(bad)[0], field=table, allowed=sorted(_EDITABLE[table]))
        with self.write() as conn:
            before = self._row(table, row_id)
            changes = dict(changes)
            if set(changes) & _CONTENT_FIELDS[table] and "state" not in changes:
                changes["state"] = "accepted"
            after_values = {**before, **changes}
            if after_values == before:
                return before
            self._check(table, before["article_id"], after_values, exclude_id=row_id)
            self._start_edit(before["article_id"], who)
            sets = ", ".join(f"{_q(c)} = ?" for c in changes)
            conn.execute(
                f"UPDATE {table} SET {sets}, updated_at = ? WHERE id = ?",
                [*changes.values(), now_iso(), row_id],
            )
            after = self._row(table, row_id)
            self._log(before["article_id"], "update", table, row_id, before, after, who)
        return after

    def delete(self, table: str, row_id: int, *, who: str | None = None) -> None:
        with self.write() as conn:
            before = self._row(table, row_id)
            self._start_edit(before["article_id"], who)
            conn.execute(f"DELETE FROM {table} WHERE id = ?", [row_id])
            self._log(before["article_id"], "delete", table, row_id, before, None, who)

    def set_state_all(self, article_id: str, state: str, *, only_suggested: bool = True,
                      who: str | None = None) -> int:
        """Accept (or reject) every remaining suggestion of an article in one undoable step."""
        _allowed({"state": state}, "state", ANNOTATION_STATES)
        n = 0
        with self.write() as conn:
            self._start_edit(article_id, who)
            for table in ANNOTATION_TABLES:
                cond = " AND state = 'suggested'" if only_suggested else ""
                for r in conn.execute(f"SELECT * FROM {table} WHERE article_id = ?{cond}", [article_id]).fetchall():
                    before = dict(r)
                    if before["state"] == state:
                        continue
                    conn.execute(f"UPDATE {table} SET state = ?, updated_at = ? WHERE id = ?",
                                 [state, now_iso(), before["id"]])
                    self._log(article_id, "update", table, before["id"], before, self._row(table, before["id"]), who)
                    n += 1
        return n

    def set_status(self, article_id: str, status: str, *, who: str | None = None) -> None:
        _allowed({"status": status}, "status", ARTICLE_STATUSES)
        with self.write():
            if not self.has_article(article_id):
                raise NewsGoldError(E.E106, id=article_id)
            self.conn.execute("UPDATE changes SET undone = 2 WHERE article_id = ? AND undone = 1", [article_id])
            fields: dict[str, Any] = {"status": status}
            if who:
                fields["annotator"] = who
            self._set_article_fields(article_id, fields, who, "status")

    # -- undo / redo -----------------------------------------------------------
    def can_undo(self, article_id: str) -> bool:
        return self._one("SELECT 1 AS x FROM changes WHERE article_id = ? AND undone = 0 LIMIT 1", [article_id]) is not None

    def can_redo(self, article_id: str) -> bool:
        return self._one("SELECT 1 AS x FROM changes WHERE article_id = ? AND undone = 1 LIMIT 1", [article_id]) is not None

    def undo(self, article_id: str, *, who: str | None = None) -> int:
        """Revert the article's latest edit batch; returns the batch number."""
        with self.write() as conn:
            row = conn.execute("SELECT max(batch) FROM changes WHERE article_id = ? AND undone = 0", [article_id]).fetchone()
            if row[0] is None:
                raise NewsGoldError(E.E111)
            batch = int(row[0])
            changes = conn.execute(
                "SELECT * FROM changes WHERE batch = ? AND article_id = ? ORDER BY id DESC", [batch, article_id]
            ).fetchall()
            for c in changes:
                self._restore(c["table_name"], c["row_id"], _load(c["before"]))
            conn.execute("UPDATE changes SET undone = 1 WHERE batch = ? AND article_id = ?", [batch, article_id])
        return batch

    def redo(self, article_id: str, *, who: str | None = None) -> int:
        with self.write() as conn:
            row = conn.execute("SELECT min(batch) FROM changes WHERE article_id = ? AND undone = 1", [article_id]).fetchone()
            if row[0] is None:
                raise NewsGoldError(E.E112)
            batch = int(row[0])
            changes = conn.execute(
                "SELECT * FROM changes WHERE batch = ? AND article_id = ? ORDER BY id", [batch, article_id]
            ).fetchall()
            for c in changes:
                self._restore(c["table_name"], c["row_id"], _load(c["after"]))
            conn.execute("UPDATE changes SET undone = 0 WHERE batch = ? AND article_id = ?", [batch, article_id])
        return batch

    def _restore(self, table: str, row_id: str, snapshot: dict[str, Any] | None) -> None:
        if table == "articles":
            assert snapshot is not None
            self.conn.execute(
                "UPDATE articles SET status = ?, annotator = ?, updated_at = ? WHERE id = ?",
                [snapshot["status"], snapshot["annotator"], now_iso(), row_id],
            )
            return
        self.conn.execute(f"DELETE FROM {table} WHERE id = ?", [int(row_id)])
        if snapshot is not None:
            cols = list(snapshot)
            self.conn.execute(
                f"INSERT INTO {table} ({', '.join(_q(c) for c in cols)}) VALUES ({', '.join('?' * len(cols))})",
                [snapshot[c] for c in cols],
            )

    def history(self, article_id: str) -> list[dict[str, Any]]:
        return self._rows("SELECT * FROM changes WHERE article_id = ? ORDER BY id", [article_id])

    def batch_changes(self, article_id: str, batch: int) -> list[dict[str, Any]]:
        """The change-log rows of one edit (one undo step), in the order they were made."""
        return self._rows("SELECT * FROM changes WHERE article_id = ? AND batch = ? ORDER BY id", [article_id, batch])

    # -- speaker registry ---------------------------------------------------------
    def registry_add(self, alias: str, canonical: str, *, source: str = "human") -> None:
        with self.write() as conn:
            conn.execute(
                "INSERT INTO speakers (alias, canonical, source, updated_at) VALUES (?,?,?,?)"
                " ON CONFLICT(alias) DO UPDATE SET canonical = excluded.canonical, source = excluded.source,"
                " updated_at = excluded.updated_at",
                [alias.strip(), canonical.strip(), source, now_iso()],
            )

    def registry(self) -> dict[str, str]:
        """alias -> canonical name (canonical names map to themselves)."""
        out: dict[str, str] = {}
        for r in self._rows("SELECT alias, canonical FROM speakers ORDER BY canonical, alias"):
            out[r["alias"]] = r["canonical"]
            out.setdefault(r["canonical"], r["canonical"])
        return out


def _q(col: str) -> str:
    return f'"{col}"'


def _load(raw: str | None) -> dict[str, Any] | None:
    return None if raw is None else json.loads(raw)


def _allowed(values: dict[str, Any], field: str, allowed: Iterable[str]) -> None:
    allowed = tuple(allowed)
    if field in values and values[field] is not None and values[field] not in allowed:
        raise NewsGoldError(E.E110, value=values[field], field=field, allowed=", ".join(allowed))


def _content_key(table: str, row: dict[str, Any]) -> tuple[Any, ...]:
    if table == "entities":
        return (row["start"], row["end"], row["label"])
    if table == "quotes":
        return (row["start"], row["end"])
    return (row["sent_start"], row["type"])


__all__ = ["ANNOTATION_TABLES", "ArticleRow", "StorageError", "Store", "fts_query"]
