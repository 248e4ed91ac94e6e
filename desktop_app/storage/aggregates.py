"""The dashboard's figures as SQL aggregates: one GROUP BY per chart, nothing computed in Python loops.

``status`` is ``"done"`` (gold: finished articles, accepted annotations only; what ``export --status done``
writes) or ``"any"`` (every article, everything not rejected, suggestions included). Every function
takes a plain ``sqlite3.Connection`` (a read-only Store's ``conn``) and returns rows as tuples.

The same filters answer "which articles?" (:func:`article_ids_for`), which is what a click on a bar
or a cell of the dashboard shows in the article list.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from desktop_app.errors import E, NewsGoldError

STATUSES = ("done", "any")
#: what a source is: a person (a PERSON entity), a body (an organisation, a government...), or unnamed
SOURCE_KINDS = ("person", "body", "unnamed")
UNDATED = "(undated)"


def _scope(alias: str, status: str) -> str:
    """The WHERE fragment that keeps the annotations (table alias ``alias``) a chart counts."""
    if status == "done":
        return f"{alias}.state = 'accepted' AND {alias}.article_id IN (SELECT id FROM articles WHERE status = 'done')"
    if status == "any":
        return f"{alias}.state != 'rejected'"
    raise NewsGoldError(E.E110, value=status, field="status", allowed=", ".join(STATUSES))


def status_counts(conn: sqlite3.Connection) -> list[tuple[str, int]]:
    return [(r[0], r[1]) for r in conn.execute("SELECT status, count(*) FROM articles GROUP BY status ORDER BY status")]


def done_over_time(conn: sqlite3.Connection) -> list[tuple[str, str, int]]:
    """(day, annotator, articles finished that day): when each done article was last marked done.

    The day comes from the change log (the newest not-undone change of its status to done); an
    article that arrived done (imported gold) has no such change and counts on its ``updated_at``.
    """
    sql = """
        SELECT substr(coalesce(c.at, a.updated_at), 1, 10) AS day, coalesce(a.annotator, '(nobody)') AS who,
               count(*)
        FROM articles a
        LEFT JOIN (SELECT article_id, max(at) AS at FROM changes
                   WHERE table_name = 'articles' AND undone = 0 AND json_extract(after, '$.status') = 'done'
                   GROUP BY article_id) c ON c.article_id = a.id
        WHERE a.status = 'done'
        GROUP BY day, who ORDER BY day, who"""
    return [(r[0], r[1], r[2]) for r in conn.execute(sql)]


def status_changes(conn: sqlite3.Connection) -> list[tuple[str, str, str, int]]:
    """(day, status before, status after, n) of every status change in the change log that is not undone."""
    sql = """SELECT substr(at, 1, 10) AS day, json_extract(before, '$.status') AS b, json_extract(after, '$.status') AS a,
                    count(*) FROM changes
             WHERE table_name = 'articles' AND undone = 0 AND b IS NOT a GROUP BY day, b, a ORDER BY day"""
    return [(r[0], r[1], r[2], r[3]) for r in conn.execute(sql)]


def quotes_per_speaker(conn: sqlite3.Connection, status: str, limit: int = 20) -> list[tuple[str, int]]:
    sql = f"""SELECT q.speaker, count(*) AS n FROM quotes q
              WHERE {_scope('q', status)} AND q.speaker IS NOT NULL AND q.speaker != ''
              GROUP BY q.speaker COLLATE NOCASE ORDER BY n DESC, q.speaker LIMIT ?"""
    return [(r[0], r[1]) for r in conn.execute(sql, [limit])]


_KIND_OF_SPEAKER = """
    WITH linked AS MATERIALIZED (
        SELECT q.speaker AS name, max(e.label = 'PERSON') AS person
        FROM quotes q JOIN entities e
          ON e.article_id = q.article_id AND e.start = q.speaker_ent_start AND e."end" = q.speaker_ent_end
         AND e.state != 'rejected'
        WHERE q.speaker_ent_start IS NOT NULL AND q.speaker IS NOT NULL AND q.speaker != '' GROUP BY q.speaker)
"""
_KIND_CASE = """CASE WHEN {name} IS NULL OR {name} = '' OR k.name IS NULL THEN 'unnamed'
                     WHEN k.person THEN 'person' ELSE 'body' END"""


def source_kinds(conn: sqlite3.Connection, status: str) -> list[tuple[str, int]]:
    """Quotes by kind of source. A speaker is a person if one of their quotes anywhere in the corpus
    links a PERSON entity, a body if it links another named entity (ORG, GPE, ...), and unnamed
    ("officials", "sources") if none does or there is no speaker."""
    sql = f"""{_KIND_OF_SPEAKER},
        per AS MATERIALIZED (SELECT q.speaker, count(*) AS n FROM quotes q WHERE {_scope("q", status)}
                             GROUP BY q.speaker)
        SELECT {_KIND_CASE.format(name="per.speaker")} AS source_kind, sum(per.n)
        FROM per LEFT JOIN linked k ON k.name = per.speaker GROUP BY source_kind"""
    got = {r[0]: r[1] for r in conn.execute(sql)}
    return [(k, got.get(k, 0)) for k in SOURCE_KINDS]


def events_over_time(conn: sqlite3.Connection, status: str, *, period: str = "day") -> list[tuple[str, str, int]]:
    """(period, event type, n) by the article's ``meta.published`` date: a day (YYYY-MM-DD) or a month (YYYY-MM)."""
    width = {"day": 10, "month": 7}[period]
    sql = f"""SELECT coalesce(substr(json_extract(a.meta, '$.published'), 1, {width}), '{UNDATED}') AS p,
                     x.type, count(*) FROM events x JOIN articles a ON a.id = x.article_id
              WHERE {_scope('x', status)} GROUP BY p, x.type ORDER BY p, x.type"""
    return [(r[0], r[1], r[2]) for r in conn.execute(sql)]


def published_range(conn: sqlite3.Connection) -> tuple[str | None, str | None]:
    r = conn.execute("SELECT min(json_extract(meta, '$.published')), max(json_extract(meta, '$.published'))"
                     " FROM articles").fetchone()
    return r[0], r[1]


def event_types(conn: sqlite3.Connection, status: str) -> list[tuple[str, int]]:
    sql = f"SELECT x.type, count(*) AS n FROM events x WHERE {_scope('x', status)} GROUP BY x.type ORDER BY n DESC, x.type"
    return [(r[0], r[1]) for r in conn.execute(sql)]


def type_actor_matrix(conn: sqlite3.Connection, status: str, top: int = 15) -> list[tuple[str, str, int]]:
    """(event type, actor, n) for the ``top`` actors with the most events."""
    # one pass: counts per (type, actor), then the top actors among them (a few thousand rows, not the events)
    sql = f"""WITH pairs AS MATERIALIZED (
                  SELECT x.type, x.actor, count(*) AS n FROM events x
                  WHERE {_scope('x', status)} AND x.actor IS NOT NULL AND x.actor != '' GROUP BY x.type, x.actor),
              top AS (SELECT actor FROM pairs GROUP BY actor ORDER BY sum(n) DESC, actor LIMIT ?)
              SELECT p.type, p.actor, p.n FROM pairs p JOIN top USING (actor) ORDER BY p.type, p.actor"""
    return [(r[0], r[1], r[2]) for r in conn.execute(sql, [top])]


def entity_labels(conn: sqlite3.Connection, status: str) -> list[tuple[str, int]]:
    sql = f"SELECT x.label, count(*) AS n FROM entities x WHERE {_scope('x', status)} GROUP BY x.label ORDER BY n DESC, x.label"
    return [(r[0], r[1]) for r in conn.execute(sql)]


#: what a click can ask for -> (table, condition on its alias x, parameters it takes)
_FILTERS: dict[str, tuple[str, str]] = {
    "speaker": ("quotes", "x.speaker = ? COLLATE NOCASE"),
    "event_type": ("events", "x.type = ?"),
    "actor": ("events", "x.actor = ? COLLATE NOCASE"),
    "type_actor": ("events", "x.type = ? AND x.actor = ? COLLATE NOCASE"),
    "entity_label": ("entities", "x.label = ?"),
}


def article_ids_for(conn: sqlite3.Connection, what: str, values: tuple[Any, ...], status: str) -> list[str]:
    """The articles behind one bar or cell (the same scope as the chart), in import order."""
    if what == "status":
        sql, params = "SELECT id FROM articles WHERE status = ? ORDER BY rowid", list(values)
    elif what == "done_day":
        day, who = values
        sql = """SELECT a.id FROM articles a
                 LEFT JOIN (SELECT article_id, max(at) AS at FROM changes
                            WHERE table_name = 'articles' AND undone = 0 AND json_extract(after, '$.status') = 'done'
                            GROUP BY article_id) c ON c.article_id = a.id
                 WHERE a.status = 'done' AND substr(coalesce(c.at, a.updated_at), 1, 10) = ?
                   AND coalesce(a.annotator, '(nobody)') = ? ORDER BY a.rowid"""
        params = [day, who]
    elif what == "status_day":
        day, status = values
        sql = """SELECT id FROM articles WHERE id IN (
                     SELECT article_id FROM changes WHERE table_name = 'articles' AND undone = 0
                        AND substr(at, 1, 10) = ? AND json_extract(after, '$.status') = ?) ORDER BY rowid"""
        params = [day, status]
    elif what == "source_kind":
        sql = f"""{_KIND_OF_SPEAKER}
            SELECT id FROM articles WHERE id IN (
                SELECT q.article_id FROM quotes q LEFT JOIN linked k ON k.name = q.speaker
                WHERE {_scope('q', status)} AND {_KIND_CASE.format(name="q.speaker")} = ?) ORDER BY rowid"""
        params = list(values)
    elif what == "event_period":
        period, etype = values
        undated = period == UNDATED
        cond = "json_extract(a.meta, '$.published') IS NULL" if undated else \
            "substr(json_extract(a.meta, '$.published'), 1, ?) = ?"
        sql = f"""SELECT a.id FROM articles a WHERE {cond} AND a.id IN (
                      SELECT x.article_id FROM events x WHERE {_scope('x', status)} AND x.type = ?) ORDER BY a.rowid"""
        params = [etype] if undated else [len(period), period, etype]
    elif what in _FILTERS:
        table, cond = _FILTERS[what]
        sql = f"""SELECT id FROM articles WHERE id IN (
                      SELECT x.article_id FROM {table} x WHERE {_scope('x', status)} AND {cond}) ORDER BY rowid"""
        params = list(values)
    else:
        raise NewsGoldError(E.E110, value=what, field="chart filter", allowed=", ".join(
            ["status", "status_day", "done_day", "source_kind", "event_period", *_FILTERS]))
    return [r[0] for r in conn.execute(sql, params)]
