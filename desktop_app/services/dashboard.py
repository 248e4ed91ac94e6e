"""The corpus dashboard's charts: what each one shows, from SQL aggregates (:mod:`desktop_app.storage.aggregates`).

A :class:`Chart` is plain data (categories, one or more series of counts, or a matrix) that the GUI
draws and ``newsgold chart`` saves; :func:`articles_for` answers a click on one bar or cell with
the articles behind it, counted the same way as the chart.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any

from desktop_app.errors import E, NewsGoldError
from desktop_app.services.corpus import Reader
from desktop_app.storage import aggregates as agg

#: chart name -> title; the first five are the ones ``newsgold chart`` draws, all of them are on the dashboard
CHARTS: dict[str, str] = {
    "speakers": "Quotes per speaker (top 20)",
    "events-over-time": "Events over time by type",
    "event-types": "Events by type",
    "actors": "Event type × actor",
    "progress": "Articles finished per day, by annotator",
    "sources": "Kind of source",
    "entity-labels": "Entities by label",
    "status": "Articles by status",
    "status-over-time": "Articles by status over time",
}
CLI_CHARTS = ("speakers", "events-over-time", "event-types", "actors", "progress", "status-over-time")
#: an events-over-time chart over more days than this counts by month
MAX_DAYS = 120


@dataclass(frozen=True)
class Chart:
    """One chart's data. ``kind``: ``bars`` (vertical, series stacked), ``hbars`` (horizontal, one series)
    or ``matrix`` (``series`` maps each row label to one count per category)."""

    name: str
    title: str
    kind: str
    categories: list[str]
    series: dict[str, list[int]]
    status: str
    #: what a click on (category, series) asks storage for; see :func:`selection`
    click: str = ""
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(sum(v) for v in self.series.values())

    @property
    def empty(self) -> bool:
        return self.total == 0

    def value(self, category: str, series: str | None = None) -> int:
        i = self.categories.index(category)
        return self.series[series or next(iter(self.series))][i]

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "title": self.title, "kind": self.kind, "status": self.status,
                "categories": self.categories, "series": self.series}


def _check_status(status: str) -> None:
    if status not in agg.STATUSES:
        raise NewsGoldError(E.E110, value=status, field="status", allowed=", ".join(agg.STATUSES))


def _one_series(name: str, rows: list[tuple[str, int]], status: str, *, kind: str, click: str,
                series: str = "count") -> Chart:
    return Chart(name, CHARTS[name], kind, [r[0] for r in rows], {series: [r[1] for r in rows]}, status, click)


def _pivot(rows: list[tuple[str, str, int]]) -> tuple[list[str], dict[str, list[int]]]:
    """(category, series, n) rows -> categories in order, and one list of counts per series."""
    cats = sorted({r[0] for r in rows})
    index = {c: i for i, c in enumerate(cats)}
    out: dict[str, list[int]] = {}
    for cat, ser, n in rows:
        out.setdefault(ser, [0] * len(cats))[index[cat]] += n
    totals = {s: sum(v) for s, v in out.items()}
    return cats, {s: out[s] for s in sorted(out, key=lambda s: (-totals[s], s))}


def _days_apart(first: str | None, last: str | None) -> int:
    try:
        a, b = _dt.date.fromisoformat((first or "")[:10]), _dt.date.fromisoformat((last or "")[:10])
    except ValueError:
        return 0
    return (b - a).days


def chart(reader: Reader, name: str, status: str = "done") -> Chart:
    """The data of one chart (see :data:`CHARTS`)."""
    _check_status(status)
    conn = reader.conn
    if name == "speakers":
        return _one_series(name, agg.quotes_per_speaker(conn, status, 20), status, kind="hbars", click="speaker",
                           series="quotes")
    if name == "sources":
        return _one_series(name, agg.source_kinds(conn, status), status, kind="bars", click="source_kind",
                           series="quotes")
    if name == "event-types":
        return _one_series(name, agg.event_types(conn, status), status, kind="hbars", click="event_type",
                           series="events")
    if name == "entity-labels":
        return _one_series(name, agg.entity_labels(conn, status), status, kind="bars", click="entity_label",
                           series="entities")
    if name == "status":
        return Chart(name, CHARTS[name], "bars", *_status_rows(conn), status="any", click="status")
    if name == "events-over-time":
        period = "month" if _days_apart(*agg.published_range(conn)) > MAX_DAYS else "day"
        cats, series = _pivot(agg.events_over_time(conn, status, period=period))
        return Chart(name, CHARTS[name], "bars", cats, series, status, "event_period", note=f"by {period}",
                     extra={"period": period})
    if name == "actors":
        cats, series = _pivot([(actor, etype, n) for etype, actor, n in agg.type_actor_matrix(conn, status)])
        return Chart(name, CHARTS[name], "matrix", cats, series, status, "type_actor")
    if name == "status-over-time":
        cats, series = _status_over_time(conn)
        return Chart(name, CHARTS[name], "bars", cats, series, "any", "status_day",
                     note="at the end of each day with a change")
    if name == "progress":
        cats, series = _pivot(agg.done_over_time(conn))
        return Chart(name, CHARTS[name], "bars", cats, series, "done", "done_day")
    raise NewsGoldError(E.E401, chart=name, available=", ".join(CHARTS))


def _status_over_time(conn: Any) -> tuple[list[str], dict[str, list[int]]]:
    """How many articles had each status at the end of each day the change log has a status change.

    Walked back from today's counts: the day before the first logged change, an article had the status
    it was changed from (imported articles never changed count as they are now)."""
    from desktop_app.core.model import ARTICLE_STATUSES

    counts = {s: 0 for s in ARTICLE_STATUSES} | dict(agg.status_counts(conn))
    changes = agg.status_changes(conn)
    for _day, before, after, n in changes:  # back to the start
        counts[after] = counts.get(after, 0) - n
        counts[before] = counts.get(before, 0) + n
    days = sorted({c[0] for c in changes})
    series: dict[str, list[int]] = {s: [] for s in ARTICLE_STATUSES}
    by_day: dict[str, list[tuple[str, str, int]]] = {}
    for day, before, after, n in changes:
        by_day.setdefault(day, []).append((before, after, n))
    for day in days:
        for before, after, n in by_day[day]:
            counts[before] -= n
            counts[after] = counts.get(after, 0) + n
        for s in ARTICLE_STATUSES:
            series[s].append(counts.get(s, 0))
    return days, {s: v for s, v in series.items() if any(v)}


def _status_rows(conn: Any) -> tuple[list[str], dict[str, list[int]]]:
    from desktop_app.core.model import ARTICLE_STATUSES

    got = dict(agg.status_counts(conn))
    return list(ARTICLE_STATUSES), {"articles": [got.get(s, 0) for s in ARTICLE_STATUSES]}


def dashboard(reader: Reader, status: str = "done") -> list[Chart]:
    """Every chart of the dashboard, in the order it shows them."""
    order = ("status", "progress", "status-over-time", "speakers", "sources", "events-over-time", "event-types",
             "actors", "entity-labels")
    return [chart(reader, n, status) for n in order]


def selection(c: Chart, category: str, series: str | None = None) -> tuple[str, tuple[Any, ...]]:
    """What storage is asked for when the user clicks (category, series) of chart ``c``."""
    if c.click == "type_actor":  # matrix: categories are actors, series are event types
        return "type_actor", (series, category)
    if c.click == "event_period":
        return "event_period", (category, series)
    if c.click in ("done_day", "status_day"):
        return c.click, (category, series)
    return c.click, (category,)


def describe(c: Chart, category: str, series: str | None = None) -> str:
    """A short caption for the article list's filter ("speaker: Ishaq Dar")."""
    what, values = selection(c, category, series)
    label = {"speaker": "speaker", "source_kind": "source", "event_type": "event type", "entity_label": "entity label",
             "status": "status", "status_day": "became", "type_actor": "event", "event_period": "events", "done_day": "done on"}[what]
    return f"{label}: " + " · ".join(str(v) for v in values)


def articles_for(reader: Reader, c: Chart, category: str, series: str | None = None) -> list[str]:
    """The ids of the articles behind one bar or cell of ``c`` (import order)."""
    what, values = selection(c, category, series)
    return agg.article_ids_for(reader.conn, what, values, c.status)
