"""Writes to a corpus with the change log: imports, suggestions, and every logged edit with undo/redo.

Every method that changes annotations writes a change-log row (before/after snapshots) in the
same transaction, which is what makes undo/redo survive a restart.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Callable, Iterable
from typing import Any

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
)
from desktop_app.errors import E, NewsGoldError
from desktop_app.storage import tallies
from desktop_app.storage.bulk import ARTICLE_COLUMNS, Prepared, check_enums, child_columns, insert_rows, prepare
from desktop_app.storage.connection import ANNOTATION_TABLES
from desktop_app.storage.database import now_iso
from desktop_app.storage.queries import Queries
from desktop_app.storage.rows import (
    TABLE_CODECS,
    TABLE_VALUES,
)
from desktop_app.storage.schema import SEARCH_INDEXES, missing_search_indexes, restore_search_indexes

log = logging.getLogger(__name__)

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


#: a connection that imports gets a larger page cache than SQLite's 2 MiB: an import's inserts land all over
#: the annotation tables' indexes (article ids are hashes), and pages that fall out of the cache are read back
#: and, once dirty, spilled to the WAL more than once; and checkpoints every 32 MiB of WAL instead of every
#: 4 MiB, so a page changed by several transactions is copied into the file once (docs/benchmarks.md).
#: 24 MiB keeps the CLI and its parsing child under 150 MB together on the 10k-task bench
IMPORT_CACHE_KIB = 24 * 1024
IMPORT_WAL_PAGES = 8000


def _lift_tally_insert_triggers(conn: sqlite3.Connection) -> list[str]:
    """Drop the annotation tables' tally insert triggers inside the caller's transaction; returns the SQL that
    creates them again, to run before it commits (DDL is transactional: no other connection sees them gone).
    Each such commit changes the schema version, so other connections read the schema again once."""
    rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN"
                        " ('tally_entities_ai', 'tally_quotes_ai', 'tally_events_ai')").fetchall()
    for name, _ in rows:
        conn.execute(f"DROP TRIGGER {name}")
    return [sql for _, sql in rows]


#: inside ``bulk_import``, a table's search index (schema.SEARCH_INDEXES) is dropped once the import has added at
#: least this many rows to the table, and as many as it held before: building the index again at the end then
#: costs less than keeping it (10k tasks of 20 entities: 0.5 s of the import's 2 s went into idx_entities_label,
#: its build takes 0.1 s; docs/benchmarks.md, "Import, third pass")
DEFER_INDEX_ROWS = 20_000


class Edits(Queries):
    """Imports, pre-annotation output and the annotator's logged edits."""

    _bulk_settings = False
    #: in a bulk import: rows it added per table, rows the table held before (its largest id), indexes it dropped
    _import_rows: dict[str, int]
    _held_rows: dict[str, int]
    _dropped: list[str]

    def _begin_bulk(self) -> None:
        self._import_rows, self._held_rows, self._dropped = {}, {}, []

    def _finish_bulk(self, conn: sqlite3.Connection) -> None:
        """Build the search indexes this import dropped (in the transaction that syncs it, so once)."""
        dropped, self._dropped = self._dropped, []
        if dropped:
            # SQLite's default cache here: its sort for CREATE INDEX takes a run per cache's worth of rows, and the
            # import's 24 MiB made one long run (200k entity rows: 0.33 s against 0.22 s, and 10 MB more RSS)
            conn.execute("PRAGMA cache_size = -2000")
            try:
                restore_search_indexes(conn, dropped)
            finally:
                conn.execute(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB if self._bulk_settings else 2000}")

    def _defer_search_index(self, conn: sqlite3.Connection, table: str, rows: int) -> None:
        """Drop ``table``'s search index in this transaction if the import is large for it (DEFER_INDEX_ROWS)."""
        if table not in self._held_rows:
            self._held_rows[table] = int(conn.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0])
        added = self._import_rows[table] = self._import_rows.get(table, 0) + rows
        if table in self._dropped or added < max(DEFER_INDEX_ROWS, self._held_rows[table]):
            return
        if table in missing_search_indexes(conn):  # another import has it dropped: it builds it at its end
            return
        conn.execute(f"DROP INDEX {SEARCH_INDEXES[table][0]}")
        self._dropped.append(table)

    # -- article writes -------------------------------------------------------
    def add_articles(self, articles: Iterable[Article]) -> tuple[list[str], int]:
        """Insert new articles (and any annotations they carry); returns (added ids, duplicates)."""
        return self.add_prepared(prepare(articles, now_iso()))

    def add_prepared(self, batch: Prepared) -> tuple[list[str], int]:
        """Insert prepared articles that are new; returns (added ids, duplicates).

        Rows go in through multi-row INSERTs (``bulk``), the search index for the whole batch
        with one statement, all in one transaction.
        """
        with self.write() as conn:
            if not self._bulk_settings:  # for the rest of the connection's life (settable inside a transaction)
                conn.execute(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")
                conn.execute(f"PRAGMA wal_autocheckpoint = {IMPORT_WAL_PAGES}")
                self._bulk_settings = True
            # A duplicate has the id, or the text (its derived id), of an article stored or earlier in
            # the batch: found with one lookup per batch, so any IntegrityError below is a bug.
            keys = list({*batch.ids, *batch.text_ids})
            taken: set[str] = set()
            for i in range(0, len(keys), 30_000):  # below SQLite's 32766 host parameters
                part = keys[i : i + 30_000]
                taken.update(r[0] for r in conn.execute(
                    f"SELECT id FROM articles WHERE id IN ({','.join('?' * len(part))})", part))
            keep: list[bool] = []
            for aid, text_id in zip(batch.ids, batch.text_ids, strict=True):
                new = aid not in taken and text_id not in taken
                keep.append(new)
                if new:
                    taken.update((aid, text_id))
            if not all(keep):
                batch = batch.keeping(keep)  # by position: a batch may hold the same id twice
            rows, children = batch.articles, batch.children
            if rows:
                # rowids of new rows follow the largest one (no AUTOINCREMENT; the write lock is ours)
                first_rowid = conn.execute("SELECT coalesce(max(rowid), 0) + 1 FROM articles").fetchone()[0]
                if self.bulk:  # the CHECKs are off (bulk_import): the same rule, once per batch
                    check_enums("articles", ARTICLE_COLUMNS, rows)
                insert_rows(conn, "articles", ARTICLE_COLUMNS, rows)
                annotated = any(children.values())
                lifted: list[str] = []
                if annotated:  # the tallies count the batch's rows at the end, not row by row (migration 0012)
                    first_ids = {t: conn.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {t}").fetchone()[0]
                                 for t in ANNOTATION_TABLES}
                    if self.bulk:  # our own import: lift the insert triggers for this transaction (see bulk_import)
                        lifted = _lift_tally_insert_triggers(conn)
                    else:
                        conn.execute("INSERT INTO tally_pause (paused) VALUES (1)")
                for table, values in children.items():
                    if values:
                        if self.bulk:
                            check_enums(table, child_columns(table), values)
                            self._defer_search_index(conn, table, len(values))
                        insert_rows(conn, table, child_columns(table), values, rollback_on_error=self.bulk)
                if annotated:
                    skip = tallies.batch_skips(frozenset(t for t, v in children.items() if v),
                                               any(r[4] == "done" for r in rows))
                    for stmt in tallies.BATCH:
                        if stmt not in skip:
                            conn.execute(stmt, first_ids)
                    # never committed either way: other connections never miss a trigger nor see the pause
                    for sql in lifted:
                        conn.execute(sql)
                    if not self.bulk:
                        conn.execute("DELETE FROM tally_pause")
                # search index for the whole batch, same transaction (migration 0005)
                conn.execute("INSERT INTO articles_fts(rowid, title, text)"
                             " SELECT rowid, title, text FROM articles WHERE rowid >= ?", [first_rowid])
        return list(batch.ids), len(keep) - len(batch)

    def _insert_many(self, table: str, article_id: str, items: Iterable[Annotation], now: str) -> None:
        columns, to_values = TABLE_VALUES[table]
        rows = [(article_id, *to_values(x), now, now) for x in items]  # type: ignore[operator]
        if rows:
            insert_rows(self.conn, table, ("article_id", *columns, "created_at", "updated_at"), rows)

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
                self._restore(c["table_name"], c["row_id"], _load(c["before"]), _load(c["after"]))
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
                self._restore(c["table_name"], c["row_id"], _load(c["after"]), _load(c["before"]))
            conn.execute("UPDATE changes SET undone = 0 WHERE batch = ? AND article_id = ?", [batch, article_id])
        return batch

    def _restore(self, table: str, row_id: str, snapshot: dict[str, Any] | None,
                 current: dict[str, Any] | None = None) -> None:
        """Bring a row back to ``snapshot`` from ``current`` (what the change being undone or redone left).

        An update is reverted field by field: only what that change altered goes back, so an edit made
        since by the other log (the people registry's, or an article's) to other fields of the row stays.
        """
        if table == "articles":
            assert snapshot is not None
            self.conn.execute(
                "UPDATE articles SET status = ?, annotator = ?, updated_at = ? WHERE id = ?",
                [snapshot["status"], snapshot["annotator"], now_iso(), row_id],
            )
            return
        if snapshot is not None and current is not None:
            changed = [c for c in snapshot if snapshot[c] != current.get(c)]
            if changed:
                self.conn.execute(f"UPDATE {table} SET {', '.join(f'{_q(c)} = ?' for c in changed)} WHERE id = ?",
                                  [*(snapshot[c] for c in changed), int(row_id)])
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
