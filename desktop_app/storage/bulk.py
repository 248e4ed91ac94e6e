"""Many rows in few statements: the import's INSERTs.

The annotation and article tables CHECK their enums with ``IN (...)`` lists; SQLite builds
the list's lookup table once per statement run, so ``executemany`` of a one-row INSERT pays
it for every row (200k entity rows: 2.8 s against 0.75 s without the CHECKs, measured).
One INSERT of many ``VALUES`` rows pays it once (1.0 s).  Statements come in a few fixed
sizes so the connection's statement cache keeps them prepared.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from operator import itemgetter
from typing import Any

from desktop_app.core.model import (
    ANNOTATION_STATES,
    ARTICLE_STATUSES,
    ORIGINS,
    QUOTE_KINDS,
    Article,
    article_id_for,
)
from desktop_app.storage.connection import ANNOTATION_TABLES
from desktop_app.storage.rows import ENTITY_COLUMNS, TABLE_VALUES, spans_to_json, suggested_to_json

#: rows per statement (well under SQLite's 32,766 host parameters for our widest table)
ROWS_PER_STATEMENT = 128


@lru_cache(maxsize=64)
def _sql(table: str, columns: tuple[str, ...], rows: int, verb: str = "INSERT") -> str:
    one = "(" + ",".join("?" * len(columns)) + ")"
    cols = ", ".join(f'"{c}"' for c in columns)
    return f"{verb} INTO {table} ({cols}) VALUES " + ",".join([one] * rows)


def insert_rows(conn: sqlite3.Connection, table: str, columns: tuple[str, ...], rows: Sequence[tuple[Any, ...]],
                *, rollback_on_error: bool = False) -> None:
    """INSERT ``rows`` (tuples in ``columns`` order) into ``table``; in the caller's transaction.

    ``rollback_on_error``: a refused row (a CHECK) rolls back the whole transaction (``INSERT OR ROLLBACK``),
    not just the statement; with no trigger and no foreign key on ``table`` SQLite then keeps no statement
    journal (a copy of every page each statement changes: ~0.2 s of 1.6 s for the bench's 200k entity rows).
    """
    verb = "INSERT OR ROLLBACK" if rollback_on_error else "INSERT"
    i, total = 0, len(rows)
    size = ROWS_PER_STATEMENT
    while i < total:
        while size > total - i:  # the tail in power-of-two pieces: at most 8 statement shapes per table
            size //= 2
        sql = _sql(table, columns, size, verb)
        while total - i >= size:
            conn.execute(sql, list(chain.from_iterable(rows[i : i + size])))
            i += size


#: json.dumps(x, ensure_ascii=False) without building an encoder per call
_json = json.JSONEncoder(ensure_ascii=False).encode
assert TABLE_VALUES["entities"][0] == ENTITY_COLUMNS == ("start", "end", "label", "origin", "state", "suggested")

ARTICLE_COLUMNS = ("id", "title", "text", "meta", "status", "annotator", "ignored", "created_at", "updated_at",
                   "provenance")


@dataclass
class Prepared:
    """Articles as the rows an import inserts: plain tuples, cheap to build, pickle and send.

    ``ids`` and ``text_ids`` (the id derived from each text) are what duplicates are found by.
    """

    ids: list[str] = field(default_factory=list)
    text_ids: list[str] = field(default_factory=list)
    articles: list[tuple[Any, ...]] = field(default_factory=list)
    #: annotation table -> rows (article id, the table's value columns, created_at, updated_at)
    children: dict[str, list[tuple[Any, ...]]] = field(default_factory=lambda: {t: [] for t in ANNOTATION_TABLES})
    #: per article, how many rows it has in each annotation table (to drop a duplicate's rows by position)
    counts: list[tuple[int, ...]] = field(default_factory=list)

    def add(self, a: Article, now: str) -> int:
        """Append ``a``'s rows; returns how many rows it makes (the article and its annotations)."""
        self.ids.append(a.id)
        self.text_ids.append(article_id_for(a.text))
        self.articles.append((a.id, a.title, a.text, _json(a.meta), a.status, a.annotator,
                              spans_to_json(a.ignored) if a.ignored else "[]", now, a.updated_at or now,
                              _json(a.provenance)))
        aid = a.id
        counts = []
        for table in ANNOTATION_TABLES:
            items = getattr(a, table)
            if table == "entities":  # the bulk of an import's rows: entity_values, inlined
                self.children[table].extend(
                    (aid, e.start, e.end, e.label, e.origin, e.state,
                     suggested_to_json(e.suggested) if e.suggested else None, now, now) for e in items)
            elif items:
                to_values = TABLE_VALUES[table][1]
                self.children[table].extend((aid, *to_values(x), now, now) for x in items)  # type: ignore[operator]
            counts.append(len(items))
        self.counts.append(tuple(counts))
        return 1 + sum(counts)

    def keeping(self, keep: Sequence[bool]) -> Prepared:
        """The articles at the positions ``keep`` marks, with their annotation rows."""
        out = Prepared()
        out.ids = [x for x, k in zip(self.ids, keep, strict=True) if k]
        out.text_ids = [x for x, k in zip(self.text_ids, keep, strict=True) if k]
        out.articles = [x for x, k in zip(self.articles, keep, strict=True) if k]
        out.counts = [x for x, k in zip(self.counts, keep, strict=True) if k]
        for t, table in enumerate(ANNOTATION_TABLES):
            rows, pos = self.children[table], 0
            for counts, k in zip(self.counts, keep, strict=True):
                if k:
                    out.children[table].extend(rows[pos : pos + counts[t]])
                pos += counts[t]
        return out

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def rows(self) -> int:
        return len(self.articles) + sum(len(v) for v in self.children.values())

    def extend(self, other: Prepared) -> None:
        self.ids += other.ids
        self.text_ids += other.text_ids
        self.articles += other.articles
        self.counts += other.counts
        for table, rows in other.children.items():
            self.children[table] += rows


def prepare(articles: Iterable[Article], now: str) -> Prepared:
    p = Prepared()
    for a in articles:
        p.add(a, now)
    return p


def child_columns(table: str) -> tuple[str, ...]:
    return ("article_id", *TABLE_VALUES[table][0], "created_at", "updated_at")


#: the schema's enum CHECKs (schema.py), by table: column -> allowed values
ENUM_CHECKS: dict[str, dict[str, tuple[str, ...]]] = {
    "articles": {"status": ARTICLE_STATUSES},
    "entities": {"origin": ORIGINS, "state": ANNOTATION_STATES},
    "quotes": {"kind": QUOTE_KINDS, "origin": ORIGINS, "state": ANNOTATION_STATES},
    "events": {"origin": ORIGINS, "state": ANNOTATION_STATES},
}


def check_enums(table: str, columns: tuple[str, ...], rows: Sequence[tuple[Any, ...]]) -> None:
    """What the table's enum CHECKs would refuse, refused here: an import inserts with them off.

    SQLite evaluates a CHECK per row, ~1 µs each (200k entity rows: 0.4 s of their 0.8 s insert, measured); one
    set per column here costs ~5 ms. Raises ``sqlite3.IntegrityError`` as the CHECK would have (a bug: the
    readers validate every value first).
    """
    for column, allowed in ENUM_CHECKS[table].items():
        found = set(map(itemgetter(columns.index(column)), rows))
        if not found.issubset(allowed):
            raise sqlite3.IntegrityError(f"CHECK constraint failed: {table}.{column} "
                                         f"({', '.join(sorted(map(repr, found - set(allowed))))})")
