"""The dashboard's figures as SQL aggregates: one GROUP BY per chart, nothing computed in Python loops.

The charts read the tallies that triggers keep (:mod:`desktop_app.storage.tallies`, a few hundred rows
each) rather than the annotations; the clicks ("which articles?") read the annotations themselves.

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
    Counted as edits happen (``tally_progress``, storage/tallies.py).
    """
    sql = "SELECT day, who, n FROM tally_progress WHERE n > 0 ORDER BY day, who"
    return [(r[0], r[1], r[2]) for r in conn.execute(sql)]


def status_changes(conn: sqlite3.Connection) -> list[tuple[str, str, str, int]]:
    """(day, status before, status after, n) of every status change in the change log that is not undone."""
    sql = """SELECT day, nullif(before, ''), nullif(after, ''), n FROM tally_status_changes WHERE n > 0
             ORDER BY day, before, after"""
    return [(r[0], r[1], r[2], r[3]) for r in conn.execute(sql)]


def _check(status: str) -> str:
    if status not in STATUSES:
        raise NewsGoldError(E.E110, value=status, field="status", allowed=", ".join(STATUSES))
    return status


def quotes_per_speaker(conn: sqlite3.Connection, status: str, limit: int = 20) -> list[tuple[str, int]]:
    """The most quoted speakers; names differing only in case are one, shown in their commonest spelling."""
    sql = """SELECT speaker, max(n), sum(n) AS total FROM tally_speakers WHERE scope = ? AND speaker != ''
             GROUP BY speaker COLLATE NOCASE HAVING total > 0 ORDER BY total DESC, speaker LIMIT ?"""
    return [(r[0], r[2]) for r in conn.execute(sql, [_check(status), limit])]


#: kind of source of the speaker ``{name}`` of a quote, with ``k`` its row of tally_speaker_links (LEFT JOIN)
_KIND_CASE = """CASE WHEN {name} IS NULL OR {name} = '' OR k.speaker IS NULL THEN 'unnamed'
                     WHEN k.person > 0 THEN 'person' WHEN k.other > 0 THEN 'body' ELSE 'unnamed' END"""


def source_kinds(conn: sqlite3.Connection, status: str) -> list[tuple[str, int]]:
    """Quotes by kind of source. A speaker is a person if one of their quotes anywhere in the corpus
    links a PERSON entity, a body if it links another named entity (ORG, GPE, ...), and unnamed
    ("officials", "sources") if none does or there is no speaker."""
    sql = f"""SELECT {_KIND_CASE.format(name="s.speaker")} AS source_kind, sum(s.n)
              FROM tally_speakers s LEFT JOIN tally_speaker_links k ON k.speaker = s.speaker
              WHERE s.scope = ? GROUP BY source_kind"""
    got = {r[0]: r[1] for r in conn.execute(sql, [_check(status)])}
    return [(k, got.get(k, 0)) for k in SOURCE_KINDS]


def events_over_time(conn: sqlite3.Connection, status: str, *, period: str = "day") -> list[tuple[str, str, int]]:
    """(period, event type, n) by the article's ``meta.published`` date: a day (YYYY-MM-DD) or a month (YYYY-MM)."""
    width = {"day": 10, "month": 7}[period]
    sql = f"""SELECT CASE WHEN day = '{UNDATED}' THEN day ELSE substr(day, 1, {width}) END AS p, type, sum(n) AS total
              FROM tally_event_days WHERE scope = ? GROUP BY p, type HAVING total > 0 ORDER BY p, type"""
    return [(r[0], r[1], r[2]) for r in conn.execute(sql, [_check(status)])]


def published_range(conn: sqlite3.Connection) -> tuple[str | None, str | None]:
    # two queries, each one step down the index idx_articles_published (min and max in one query scan the table)
    first = conn.execute("SELECT min(published) FROM articles").fetchone()[0]
    last = conn.execute("SELECT max(published) FROM articles").fetchone()[0]
    return first, last


def event_types(conn: sqlite3.Connection, status: str) -> list[tuple[str, int]]:
    sql = """SELECT type, sum(n) AS total FROM tally_event_days WHERE scope = ? GROUP BY type HAVING total > 0
             ORDER BY total DESC, type"""
    return [(r[0], r[1]) for r in conn.execute(sql, [_check(status)])]


def type_actor_matrix(conn: sqlite3.Connection, status: str, top: int = 15) -> list[tuple[str, str, int]]:
    """(event type, actor, n) for the ``top`` actors with the most events."""
    sql = """WITH pairs AS MATERIALIZED (SELECT type, actor, n FROM tally_event_actors WHERE scope = ? AND n > 0),
              top AS (SELECT actor FROM pairs GROUP BY actor ORDER BY sum(n) DESC, actor LIMIT ?)
              SELECT p.type, p.actor, p.n FROM pairs p JOIN top USING (actor) ORDER BY p.type, p.actor"""
    return [(r[0], r[1], r[2]) for r in conn.execute(sql, [_check(status), top])]


def entity_labels(conn: sqlite3.Connection, status: str) -> list[tuple[str, int]]:
    sql = "SELECT label, n FROM tally_entity_labels WHERE scope = ? AND n > 0 ORDER BY n DESC, label"
    return [(r[0], r[1]) for r in conn.execute(sql, [_check(status)])]


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
        sql = f"""SELECT id FROM articles WHERE id IN (
                SELECT q.article_id FROM quotes q LEFT JOIN tally_speaker_links k ON k.speaker = q.speaker
                WHERE {_scope('q', status)} AND {_KIND_CASE.format(name="q.speaker")} = ?) ORDER BY rowid"""
        params = list(values)
    elif what == "event_period":
        period, etype = values
        undated = period == UNDATED
        cond = "a.published IS NULL" if undated else "substr(a.published, 1, ?) = ?"
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
