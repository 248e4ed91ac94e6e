"""SQL for a parsed search (core/search.py): one condition on ``articles a`` per term, ANDed.

Annotation terms (speaker, label, type) read the ``(value, state, article_id)`` indexes of
migration 0011 into ``a.id IN (…)`` sets, so a term costs what it matches, not the size of the
corpus. Names are matched case-insensitively by first resolving them against the few distinct
speakers / annotators in the file (an index skip-scan), then looking those up exactly.
``state:`` narrows the same annotations (``label:ORG state:suggested`` = a suggested ORG), or on
its own means any annotation in that state. Rejected annotations only match when
``state:rejected`` asks for them, as the list's counts leave them out too.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from desktop_app.core.model import ANNOTATION_STATES, ORIGINS
from desktop_app.core.search import SearchQuery


def distinct_values(conn: sqlite3.Connection, table: str, column: str) -> list[str]:
    """Every distinct non-null value of an indexed column, one index seek per value."""
    sql = f"""WITH RECURSIVE s(v) AS (
                  SELECT min({column}) FROM {table}
                  UNION ALL SELECT (SELECT min({column}) FROM {table} WHERE {column} > s.v) FROM s WHERE s.v IS NOT NULL)
              SELECT v FROM s WHERE v IS NOT NULL"""
    return [r[0] for r in conn.execute(sql)]


def speaker_names(conn: sqlite3.Connection, typed: str) -> list[str]:
    """The speakers ``typed`` means: the name itself, a name holding it as whole words, or an alias's person."""
    want = typed.lower()
    words = want.split()
    names = [n for n in distinct_values(conn, "quotes", "speaker")
             if n.lower() == want or _holds_words(n.lower().split(), words)]
    names += [r[0] for r in conn.execute("SELECT canonical FROM speakers WHERE alias = ?", [typed])]
    return names


def _holds_words(name: list[str], words: list[str]) -> bool:
    return any(name[i:i + len(words)] == words for i in range(len(name) - len(words) + 1))


def _state_sql(states: tuple[str, ...]) -> tuple[str, list[Any]]:
    clauses, params = [], []
    for s in states:
        if s in ANNOTATION_STATES:
            clauses.append("x.state = ?")
        elif s in ORIGINS:
            clauses.append("x.origin = ?")
        else:  # corrected: a person changed what the machine suggested
            clauses.append("x.suggested IS NOT NULL")
            continue
        params.append(s)
    if "rejected" not in states:
        clauses.append("x.state != 'rejected'")
    return " AND ".join(clauses), params


def _member(table: str, cond: str, params: list[Any], states: tuple[str, ...], dense: bool) -> tuple[str, list[Any]]:
    state, state_params = _state_sql(states)
    if dense:  # a correlated lookup per article: a page stops after its rows are found
        return (f"EXISTS (SELECT 1 FROM {table} x WHERE x.article_id = a.id AND {cond} AND {state})",
                [*params, *state_params])
    return f"a.id IN (SELECT x.article_id FROM {table} x WHERE {cond} AND {state})", [*params, *state_params]


def _exact(conn: sqlite3.Connection, table: str, column: str, typed: str) -> list[str]:
    return [v for v in distinct_values(conn, table, column) if v.lower() == typed.lower()]


def search_where(conn: sqlite3.Connection, q: SearchQuery, *, dense: bool = False) -> tuple[list[str], list[Any]]:
    """Conditions on ``articles a`` (to AND together) and their parameters.

    ``dense``: the search matches many articles, and the caller pages through them in order:
    per-article lookups then stop early (label:ORG at 100k: 1 ms a page instead of 120 ms),
    where sets read once cost what they match (right for counts and for rare terms).
    """
    clauses: list[str] = []
    params: list[Any] = []

    def add(sql: str, p: list[Any]) -> None:
        clauses.append(sql)
        params.extend(p)

    def one_of(values: list[str]) -> str:
        return json.dumps(values, ensure_ascii=False)

    if q.fts:
        add("a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)", [q.fts])
    for status in q.statuses:
        add("a.status = ?", [status])
    for name in q.annotators:
        names = one_of(_exact(conn, "versions", "annotator", name))
        if dense:
            add("(a.annotator = ? COLLATE NOCASE OR EXISTS (SELECT 1 FROM versions v WHERE v.article_id = a.id"
                " AND v.annotator IN (SELECT value FROM json_each(?))))", [name, names])
        else:
            add("a.id IN (SELECT v.article_id FROM versions v WHERE v.annotator IN (SELECT value FROM json_each(?))"
                " UNION ALL SELECT id FROM articles WHERE annotator = ? COLLATE NOCASE)", [names, name])
    for speaker in q.speakers:
        add(*_member("quotes", "x.speaker IN (SELECT value FROM json_each(?))",
                     [one_of(speaker_names(conn, speaker))], q.states, dense))
    for label in q.labels:
        add(*_member("entities", "x.label IN (SELECT value FROM json_each(?))",
                     [one_of(_exact(conn, "entities", "label", label))], q.states, dense))
    for kind in q.types:
        add(*_member("events", "x.type IN (SELECT value FROM json_each(?))",
                     [one_of(_exact(conn, "events", "type", kind))], q.states, dense))
    if q.states and not (q.speakers or q.labels or q.types):
        parts = [_member(t, "1", [], q.states, dense) for t in ("entities", "quotes", "events")]
        add("(" + " OR ".join(sql for sql, _ in parts) + ")", [p for _, ps in parts for p in ps])
    return clauses, params
