"""Every chart's figures counted again in Python from the articles and the change log (no tally, no aggregate
query), and the check that the dashboard shows exactly those."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from desktop_app.services import dashboard
from desktop_app.storage import Store, aggregates

UNDATED = "(undated)"


def _in(status: str, article: Any, item: Any) -> bool:
    if status == "done":
        return bool(article.status == "done" and item.state == "accepted")
    return bool(item.state != "rejected")


def expected(store: Store, status: str) -> dict[str, Counter[Any]]:
    articles = list(store.iter_articles())
    out: dict[str, Counter[Any]] = {k: Counter() for k in (
        "speakers", "labels", "types", "pairs", "days", "sources", "progress")}
    kinds: dict[str, set[str]] = {}
    for a in articles:
        for q in a.quotes:  # kind of source: any quote of the speaker, whatever its state, linking a live entity
            if q.speaker and q.speaker_entity:
                for e in a.entities:
                    if e.state != "rejected" and (e.start, e.end) == (q.speaker_entity.start, q.speaker_entity.end):
                        kinds.setdefault(q.speaker, set()).add("person" if e.label == "PERSON" else "body")
    for a in articles:
        day = a.meta.get("published")
        day = UNDATED if day is None else str(day)[:10]
        out["labels"].update(e.label for e in a.entities if _in(status, a, e))
        for q in a.quotes:
            if not _in(status, a, q):
                continue
            if q.speaker:
                out["speakers"][q.speaker.casefold()] += 1
            k = kinds.get(q.speaker or "", set())
            out["sources"]["person" if "person" in k else "body" if k else "unnamed"] += 1
        for e in a.events:
            if not _in(status, a, e):
                continue
            out["types"][e.type] += 1
            out["days"][(day, e.type)] += 1
            if e.actor and e.actor.name:
                out["pairs"][(e.type, e.actor.name)] += 1
    last_done: dict[str, str] = {}
    out["status_changes"] = Counter()
    for aid, at, before, after in store.conn.execute(
            "SELECT article_id, at, before, after FROM changes WHERE table_name = 'articles' AND undone = 0"):
        b, a_ = json.loads(before or "{}").get("status"), json.loads(after or "{}").get("status")
        if a_ == "done":
            last_done[aid] = max(at, last_done.get(aid, at))
        if b != a_:
            out["status_changes"][(at[:10], b, a_)] += 1
    for a in articles:
        if a.status == "done":
            out["progress"][(last_done.get(a.id, a.updated_at or "")[:10], a.annotator or "(nobody)")] += 1
    return out


def _bars(chart: dashboard.Chart) -> dict[str, int]:
    return dict(zip(chart.categories, next(iter(chart.series.values())), strict=True)) if chart.series else {}


def _cells(chart: dashboard.Chart) -> dict[tuple[str, str], int]:
    """(category, series) -> n of the non-zero cells of a stacked bar chart or a matrix."""
    return {(c, s): n for s, row in chart.series.items() for c, n in zip(chart.categories, row, strict=True) if n}


def assert_charts_match(store: Store, status: str) -> None:
    want = expected(store, status)
    charts = {n: dashboard.chart(store, n, status) for n in dashboard.CHARTS}
    assert _bars(charts["entity-labels"]) == dict(want["labels"])
    assert _bars(charts["event-types"]) == dict(want["types"])
    assert _bars(charts["sources"]) == {k: want["sources"][k] for k in ("person", "body", "unnamed")}
    speakers = _bars(charts["speakers"])
    assert {name.casefold(): n for name, n in speakers.items()}.items() <= dict(want["speakers"]).items()
    assert sorted(speakers.values(), reverse=True) == sorted(want["speakers"].values(), reverse=True)[:20]
    assert charts["events-over-time"].extra["period"] == "day"  # the corpora of these tests span < 120 days
    assert _cells(charts["events-over-time"]) == dict(want["days"])
    top = Counter()  # type: Counter[str]
    for (_t, actor), n in want["pairs"].items():
        top[actor] += n
    keep = set(sorted(top, key=lambda a: (-top[a], a))[:15])
    assert {(t, a): n for (a, t), n in _cells(charts["actors"]).items()} == {
        k: n for k, n in want["pairs"].items() if k[1] in keep}
    assert {(d, w): n for (d, w), n in _cells(charts["progress"]).items()} == dict(want["progress"])
    got_changes = {(d, b, a): n for d, b, a, n in aggregates.status_changes(store.conn)}
    assert got_changes == dict(want["status_changes"]), (got_changes, want["status_changes"])
    if want["status_changes"]:  # the last day with a change ends at today's counts
        assert {s: v[-1] for s, v in charts["status-over-time"].series.items() if v[-1]} == {
            s: n for s, n in store.status_counts().items() if n}
