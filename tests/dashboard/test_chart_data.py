"""The dashboard's chart data against counts made independently (plain SQL written here, and Python over
the articles), on a real corpus file: the demo gold plus a few articles in progress and rejected items."""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path

import pytest

from desktop_app.core.model import Article
from desktop_app.services import dashboard
from desktop_app.services.importing import import_paths
from desktop_app.storage import Store

DEMO = Path(__file__).resolve().parent.parent / "gold" / "demo.jsonl"


@pytest.fixture
def corpus(db_path: Path) -> Path:
    with Store(db_path) as s:
        import_paths(s, [DEMO])
        ids = s.article_ids()
        # one demo article back in progress (its gold no longer counts as done), one quote rejected elsewhere
        s.set_status(ids[0], "in_progress", who="ann")
        q = s.get_article(ids[1]).quotes[0]
        s.update("quotes", q.id, {"state": "rejected"}, who="ann")
        ev = s.get_article(ids[2]).events[0]
        s.update("events", ev.id, {"state": "suggested"}, who="ann")
        s.add_articles([Article.from_text("Undated note.\n\nNothing happened here.", title="Undated")])
    return db_path


def _sql(path: Path, sql: str) -> list[tuple]:  # type: ignore[type-arg]
    with sqlite3.connect(path) as c:
        return c.execute(sql).fetchall()


DONE_GOLD = "state = 'accepted' AND article_id IN (SELECT id FROM articles WHERE status = 'done')"


@pytest.mark.parametrize("status", ["done", "any"])
def test_every_chart_matches_independent_counts(corpus: Path, status: str) -> None:
    scope = DONE_GOLD if status == "done" else "state != 'rejected'"
    with Store(corpus, readonly=True) as r:
        speakers = dashboard.chart(r, "speakers", status)
        types = dashboard.chart(r, "event-types", status)
        labels = dashboard.chart(r, "entity-labels", status)
        actors = dashboard.chart(r, "actors", status)
        over_time = dashboard.chart(r, "events-over-time", status)
        states = dashboard.chart(r, "status", status)
        sources = dashboard.chart(r, "sources", status)
        articles = list(r.iter_articles())

    want = _sql(corpus, f"SELECT speaker, count(*) FROM quotes WHERE {scope} AND speaker IS NOT NULL "
                        "GROUP BY speaker ORDER BY count(*) DESC, speaker LIMIT 20")
    assert list(zip(speakers.categories, speakers.series["quotes"], strict=True)) == want
    assert dict(zip(types.categories, types.series["events"], strict=True)) == dict(
        _sql(corpus, f"SELECT type, count(*) FROM events WHERE {scope} GROUP BY type"))
    assert dict(zip(labels.categories, labels.series["entities"], strict=True)) == dict(
        _sql(corpus, f"SELECT label, count(*) FROM entities WHERE {scope} GROUP BY label"))
    assert sum(sources.series["quotes"]) == _sql(corpus, f"SELECT count(*) FROM quotes WHERE {scope}")[0][0]

    # the matrix and the time series, counted in Python from the articles themselves
    keep = (lambda a, x: a.status == "done" and x.state == "accepted") if status == "done" else \
        (lambda a, x: x.state != "rejected")
    pairs = Counter((e.type, e.actor.name) for a in articles for e in a.events if keep(a, e) and e.actor and e.actor.name)
    for etype, row in actors.series.items():
        for actor, n in zip(actors.categories, row, strict=True):
            assert n == pairs[(etype, actor)], (etype, actor)
    top_actors = Counter(actor for (_t, actor), n in pairs.items() for _ in range(n))
    assert set(actors.categories) == set(sorted(top_actors, key=lambda a: (-top_actors[a], a))[:15])
    by_day = Counter(((a.meta.get("published") or "(undated)")[:10], e.type)
                     for a in articles for e in a.events if keep(a, e))
    got = {(day, t): n for t, row in over_time.series.items() for day, n in zip(over_time.categories, row, strict=True) if n}
    assert got == dict(by_day)
    assert dict(zip(states.categories, states.series["articles"], strict=True)) == {
        s: sum(a.status == s for a in articles) for s in states.categories}
    assert states.value("done") == 5 and states.value("in_progress") == 1 and states.value("new") == 1


def test_a_click_lists_exactly_the_articles_behind_the_bar(corpus: Path) -> None:
    with Store(corpus, readonly=True) as r:
        speakers = dashboard.chart(r, "speakers", "any")
        name = speakers.categories[0]
        ids = dashboard.articles_for(r, speakers, name)
        assert set(ids) == {a for (a,) in _sql(corpus, f"SELECT DISTINCT article_id FROM quotes WHERE speaker = '{name}'"
                                                       " AND state != 'rejected'")}
        actors = dashboard.chart(r, "actors", "done")
        etype = next(t for t, row in actors.series.items() if any(row))
        actor = actors.categories[next(i for i, n in enumerate(actors.series[etype]) if n)]
        cell = dashboard.articles_for(r, actors, actor, etype)
        assert cell and all(any(e.type == etype and e.actor and e.actor.name == actor and e.state == "accepted"
                                for e in r.get_article(a).events) for a in cell)
        assert all(r.get_article(a, annotations=False).status == "done" for a in cell)
        assert dashboard.describe(actors, actor, etype) == f"event: {etype} · {actor}"


def test_progress_counts_each_done_article_once_on_the_day_it_was_finished(corpus: Path) -> None:
    with Store(corpus) as s:
        aid = s.article_ids()[0]
        s.set_status(aid, "done", who="ann")
    with Store(corpus, readonly=True) as r:
        progress = dashboard.chart(r, "progress")
    assert progress.total == 6  # the five imported done articles, and the one ann finished now
    assert "ann" in progress.series and sum(progress.series["ann"]) == 1


def test_an_unknown_chart_or_scope_is_refused(corpus: Path) -> None:
    from desktop_app.errors import NewsGoldError

    with Store(corpus, readonly=True) as r:
        with pytest.raises(NewsGoldError, match="E401"):
            dashboard.chart(r, "pie")
        with pytest.raises(NewsGoldError, match="E110"):
            dashboard.chart(r, "speakers", "maybe")


def test_status_over_time_ends_at_todays_counts_and_starts_from_the_change_log(corpus: Path) -> None:
    with Store(corpus) as s:
        ids = s.article_ids()
        s.set_status(ids[1], "skipped", who="bob")
        s.set_status(ids[2], "in_progress", who="bob")
        s.undo(ids[2])  # undone: not a change any more
    with Store(corpus, readonly=True) as r:
        chart = dashboard.chart(r, "status-over-time")
        now = dict(r.status_counts())
        assert chart.categories == sorted({at[:10] for (at,) in _sql(
            corpus, "SELECT at FROM changes WHERE table_name = 'articles' AND undone = 0")})
        last = {s: v[-1] for s, v in chart.series.items()}
        assert last == {s: n for s, n in now.items() if n}
        became = dashboard.articles_for(r, chart, chart.categories[-1], "skipped")
        assert became == [ids[1]]
