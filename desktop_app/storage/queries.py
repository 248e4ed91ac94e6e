"""Reads of a corpus: article lists and pages, whole articles, counts, the search index.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from desktop_app.core.model import (
    ARTICLE_STATUSES,
    Article,
    Span,
)
from desktop_app.core.search import parse_search
from desktop_app.errors import E, NewsGoldError
from desktop_app.storage.connection import ANNOTATION_TABLES, Connection
from desktop_app.storage.rows import (
    TABLE_CODECS,
    article_from_row,
    entity_from_row,
    event_from_row,
    quote_from_row,
)
from desktop_app.storage.search import search_where

log = logging.getLogger(__name__)

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
    #: in a team file, each annotator's version: "name:status name:status" ("" elsewhere)
    versions: str = ""


def fts_query(text: str) -> str:
    """Turn what a user typed into a safe FTS5 query: every word a quoted prefix term."""
    words = re.findall(r"\w+", text, flags=re.UNICODE)
    return " ".join(f'"{w}"*' for w in words)


#: a search matching at least this share of the articles pages by per-article lookups (storage/search.py)
DENSE = 0.02


def _text_only(query: str | None) -> str:
    """The FTS query when the search has only full-text terms (the fast paths), else ""."""
    if not query:
        return ""
    q = parse_search(query)
    return q.fts if q.text_only else ""


class Queries(Connection):
    """What the views, exports and services read."""

    # -- article reads --------------------------------------------------------
    def __init__(self, path: str | Path, *, readonly: bool = False, check_same_thread: bool = True) -> None:
        super().__init__(path, readonly=readonly, check_same_thread=check_same_thread)
        #: (status, query) -> share of the articles it matched at its last count: how article_rows pages it
        self._matched: dict[tuple[str | None, str], float] = {}

    def _where(self, status: str | None, query: str | None, ids: list[str] | None = None,
               *, dense: bool = False) -> tuple[str, list[Any]]:
        """``query`` is the search syntax of core/search.py (bad syntax raises E030-E033)."""
        clauses: list[str] = []
        params: list[Any] = []
        if ids is not None:  # a chart's selection (dashboard click): these articles only
            clauses.append("a.id IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(ids))
        if status:
            clauses.append("a.status = ?")
            params.append(status)
        if query:
            more, more_params = search_where(self.conn, parse_search(query), dense=dense)
            clauses += more
            params += more_params
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def count_articles(self, status: str | None = None, query: str | None = None,
                       ids: list[str] | None = None) -> int:
        fts = _text_only(query)
        if fts and not status and ids is None:
            # The FTS index has one row per article: counting there is ~20x faster than
            # counting articles whose rowid is IN the (materialised) match list.
            row = self._one("SELECT count(*) AS n FROM articles_fts WHERE articles_fts MATCH ?", [fts])
            return int(row["n"]) if row else 0
        where, params = self._where(status, query, ids)
        row = self._one(f"SELECT count(*) AS n, (SELECT max(rowid) FROM articles) AS top FROM articles a{where}",
                        params)
        n = int(row["n"]) if row else 0
        if query and ids is None:
            if len(self._matched) > 100:
                self._matched.clear()
            self._matched[(status, query)] = n / max(1, int(row["top"] or 0)) if row else 0.0
        return n

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
        ids: list[str] | None = None,
    ) -> list[ArticleRow]:
        """One page of the list. ``after_rowid`` (import order only) continues after that row
        without an OFFSET: constant time at any depth, and no row is skipped when rows before
        it leave the filter meanwhile."""
        order_sql = self._ORDERS.get(order, "a.rowid")
        # many matches, read in import order: look each article up (stops at the page's end)
        dense = (order_sql == "a.rowid" and query is not None
                 and self._matched.get((status, query), 0.0) >= DENSE)
        where, params = self._where(status, query, ids, dense=dense)
        keyset = after_rowid is not None and order_sql == "a.rowid"
        if keyset:
            where += (" AND " if where else " WHERE ") + f"a.rowid {'<' if descending else '>'} ?"
            params.append(after_rowid)
            offset = 0
        if descending:
            order_sql = ", ".join(f"{part} DESC" for part in order_sql.split(", "))
        source = "articles a"
        fts = _text_only(query)
        if fts and not status and ids is None and order_sql.startswith("a.rowid"):
            # Page straight from the FTS index (it yields rowids in order) instead of
            # materialising every match of a common word first.
            after = f" AND rowid {'<' if descending else '>'} ?" if keyset else ""
            source = (f"(SELECT rowid AS r FROM articles_fts WHERE articles_fts MATCH ?{after} ORDER BY rowid"
                      f"{' DESC' if descending else ''} LIMIT ? OFFSET ?) f JOIN articles a ON a.rowid = f.r")
            where, params = "", [fts, *([after_rowid] if keyset else []), limit, offset]
            limit, offset = -1, 0
        sql = f"""
            SELECT a.rowid AS rowid, a.id, a.title, json_extract(a.meta, '$.published') AS published,
                   a.status, a.updated_at,
                   (SELECT count(*) FROM entities x WHERE x.article_id = a.id AND x.state != 'rejected') AS n_entities,
                   (SELECT count(*) FROM quotes x WHERE x.article_id = a.id AND x.state != 'rejected') AS n_quotes,
                   (SELECT count(*) FROM events x WHERE x.article_id = a.id AND x.state != 'rejected') AS n_events,
                   (SELECT count(*) FROM entities x WHERE x.article_id = a.id AND x.state = 'suggested')
                 + (SELECT count(*) FROM quotes x WHERE x.article_id = a.id AND x.state = 'suggested')
                 + (SELECT count(*) FROM events x WHERE x.article_id = a.id AND x.state = 'suggested') AS n_suggested,
                   coalesce((SELECT group_concat(v.annotator || ':' || v.status, ' ')
                             FROM (SELECT annotator, status FROM versions WHERE article_id = a.id ORDER BY annotator) v),
                            '') AS versions
            FROM {source}{where} ORDER BY {order_sql} LIMIT ? OFFSET ?"""
        return [ArticleRow(**r) for r in self._rows(sql, [*params, limit, offset])]

    def has_versions(self) -> bool:
        """A team file: it holds annotators' versions of articles (storage/versions.py)."""
        return self._one("SELECT 1 AS x FROM versions LIMIT 1") is not None

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

    def _row(self, table: str, row_id: int) -> dict[str, Any]:
        row = self.conn.execute(f"SELECT * FROM {table} WHERE id = ?", [row_id]).fetchone()
        if row is None:
            raise NewsGoldError(E.E107, kind=table, id=row_id)
        return dict(row)
