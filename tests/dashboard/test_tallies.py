"""The counts the charts read (migration 0010's tallies, kept by triggers): filled when an older corpus is
migrated, and equal to a recount from the articles after every kind of edit, including writes made with
plain SQL outside the app."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from desktop_app.core.model import ARTICLE_STATUSES, Arg, Article, Entity, Event, Quote, Span, Suggestions
from desktop_app.errors import NewsGoldError
from desktop_app.services import dashboard
from desktop_app.services.importing import import_paths
from desktop_app.storage import Store
from desktop_app.storage.schema import migrations

from .counts import assert_charts_match

DEMO = Path(__file__).resolve().parent.parent / "gold" / "demo.jsonl"
NAMES = ["Imran Khan", "imran khan", "ISPR", "Shehbaz Sharif", "officials", "", None]
TYPES = ["ACCUSE", "AGREE", "ASSAULT", "REQUEST"]


def _demo_with_edits(path: Path) -> None:
    with Store(path) as s:
        import_paths(s, [DEMO])
        ids = s.article_ids()
        s.set_status(ids[0], "in_progress", who="ann")
        s.update("quotes", s.get_article(ids[1]).quotes[0].id, {"state": "rejected"}, who="ann")
        s.update("events", s.get_article(ids[2]).events[0].id, {"state": "suggested"}, who="ann")
        s.set_status(ids[3], "in_progress", who="bob")
        s.set_status(ids[3], "done", who="bob")
        s.add_articles([Article.from_text("Undated note.\n\nNothing happened here.", title="Undated")])


def _as_0009_corpus(src: Path, dst: Path) -> None:
    """A corpus file as NewsGold 0009 wrote it, holding the rows of ``src``."""
    db = Database(dst)
    migrations.apply(db, stop_before="0010_dashboard_tallies")
    conn = db.conn
    conn.execute("ATTACH DATABASE ? AS src", [str(src)])
    for table in ("articles", "entities", "quotes", "events", "changes", "speakers", "people"):
        cols = ", ".join(f'"{r[1]}"' for r in conn.execute(f"PRAGMA main.table_info({table})"))
        conn.execute(f"INSERT INTO main.{table} ({cols}) SELECT {cols} FROM src.{table}")
    conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")
    conn.commit()
    conn.execute("DETACH DATABASE src")
    conn.close()


def test_an_0009_corpus_is_backed_up_migrated_and_its_charts_count_what_it_holds(tmp_path: Path) -> None:
    live, old = tmp_path / "live.sqlite3", tmp_path / "old.sqlite3"
    _demo_with_edits(live)
    _as_0009_corpus(live, old)
    with sqlite3.connect(old) as c:
        assert not c.execute("SELECT 1 FROM sqlite_master WHERE name LIKE 'tally_%'").fetchall()
    with Store(old) as s:
        assert s.backup is not None and s.backup.exists()
        for status in ("done", "any"):
            assert_charts_match(s, status)
        migrated = {(n, st): dashboard.chart(s, n, st).as_dict() for n in dashboard.CHARTS for st in ("done", "any")}
    with sqlite3.connect(s.backup) as b:  # the backup is the file as it was: no tallies
        assert not b.execute("SELECT 1 FROM sqlite_master WHERE name LIKE 'tally_%'").fetchall()
        assert b.execute("SELECT count(*) FROM quotes").fetchone() == sqlite3.connect(live).execute(
            "SELECT count(*) FROM quotes").fetchone()
    with Store(live, readonly=True) as r:  # kept by triggers from the start: the same charts
        assert {(n, st): dashboard.chart(r, n, st).as_dict() for n in dashboard.CHARTS for st in ("done", "any")} \
            == migrated


def _random_edit(s: Store, rng: random.Random, ids: list[str]) -> None:
    aid = rng.choice(ids)
    a = s.get_article(aid)
    n = len(a.text)

    def span(width: int = 12) -> tuple[int, int]:
        start = rng.randrange(0, max(1, n - width))
        return start, min(n, start + rng.randint(1, width))

    items = [("entities", x.id) for x in a.entities] + [("quotes", x.id) for x in a.quotes] + \
        [("events", x.id) for x in a.events]
    op = rng.choice(["status", "status", "update", "update", "update", "update", "delete", "add", "add",
                     "accept_all", "undo", "undo", "redo", "merge", "undo_people", "suggest"])
    state = rng.choice(["suggested", "accepted", "rejected"])
    if op == "status":
        s.set_status(aid, rng.choice(ARTICLE_STATUSES), who=rng.choice(["ann", "bob", None]))
    elif op == "update" and items:
        table, row_id = rng.choice(items)
        if table == "entities":
            change = rng.choice([{"label": rng.choice(["PERSON", "ORG", "GPE"])}, {"state": state}])
        elif table == "quotes":
            ent = rng.choice(a.entities) if a.entities else None
            change = rng.choice([{"speaker": rng.choice(NAMES)}, {"state": state},
                                 {"speaker_ent_start": ent.start, "speaker_ent_end": ent.end} if ent else {"state": state},
                                 {"speaker_ent_start": None, "speaker_ent_end": None}])
        else:
            change = rng.choice([{"type": rng.choice(TYPES)}, {"actor": rng.choice(NAMES)}, {"state": state}])
        s.update(table, row_id, change, who="ann")
    elif op == "delete" and items:
        s.delete(*rng.choice(items), who="ann")
    elif op == "add":
        start, end = span()
        ent = rng.choice(a.entities) if a.entities else None
        item = rng.choice([
            Entity(start, end, rng.choice(["PERSON", "ORG"]), origin="human", state=state),
            Quote(start, end, speaker=rng.choice(NAMES), speaker_entity=ent.span if ent else None, state=state),
            Event(rng.choice(TYPES), Span(*span(40)), actor=Arg(rng.choice(NAMES)), state=state),
        ])
        s.add(aid, item, who="ann")
    elif op == "accept_all":
        s.set_state_all(aid, "accepted", who="ann")
    elif op == "undo":
        s.undo(aid)
    elif op == "redo":
        s.redo(aid)
    elif op == "merge":
        names = [p["name"] for p in s.people()]
        if len(names) >= 2:
            src, dst = rng.sample(names, 2)
            s.merge_people(src, dst, who="ann")
    elif op == "undo_people":
        s.undo_people()
    elif op == "suggest":
        start, end = span()
        s.replace_suggestions(aid, Suggestions(
            entities=[Entity(start, end, "PERSON")], quotes=[Quote(start, end, speaker=rng.choice(NAMES))],
            events=[Event(rng.choice(TYPES), Span(*span(40)), actor=Arg(rng.choice(NAMES)))]), pipeline="test")


@pytest.mark.parametrize("seed", [1, 2])
def test_the_charts_stay_equal_to_a_recount_through_random_edits(db_path: Path, seed: int) -> None:
    _demo_with_edits(db_path)
    rng = random.Random(seed)
    with Store(db_path) as s:
        ids = s.article_ids()
        done = 0
        for step in range(1, 241):
            try:
                _random_edit(s, rng, ids)
                done += 1
            except NewsGoldError:  # an edit the app refuses (overlap, nothing to undo...) changes nothing
                pass
            if step % 40 == 0:
                for status in ("done", "any"):
                    assert_charts_match(s, status)
        assert done > 150


def test_writes_outside_the_app_keep_the_counts(db_path: Path) -> None:
    """A published date changed and an article deleted with plain SQL (another tool, a script)."""
    _demo_with_edits(db_path)
    with Store(db_path) as s:
        ids = s.article_ids()
        busiest = max(ids[1:], key=lambda i: len(s.get_article(i).events))
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA foreign_keys = ON")
    with conn:
        conn.execute("UPDATE articles SET meta = json_set(meta, '$.published', '2025-12-01') WHERE id = ?", [ids[1]])
        conn.execute("UPDATE articles SET meta = json_remove(meta, '$.published') WHERE id = ?", [ids[2]])
        conn.execute("DELETE FROM articles WHERE id = ?", [busiest])
    conn.close()
    with Store(db_path, readonly=True) as r:
        assert busiest not in r.article_ids()
        over_time = dashboard.chart(r, "events-over-time", "any")
        assert "2025-12-01" in over_time.categories and "(undated)" in over_time.categories
        for status in ("done", "any"):
            assert_charts_match(r, status)


def test_undo_and_redo_of_a_change_to_done_move_the_article_between_the_days_it_was_finished(db_path: Path) -> None:
    _demo_with_edits(db_path)
    with Store(db_path) as s:
        aid = s.article_ids()[0]  # in progress since the fixture
        start = dashboard.chart(s, "progress")
        today = s.conn.execute("SELECT substr(max(at), 1, 10) FROM changes").fetchone()[0]
        bob = start.value(today, "bob")  # what bob finished today in the fixture
        s.set_status(aid, "done", who="ann")
        # finished back in January (the change log's time, moved with plain SQL)
        s.conn.execute("UPDATE changes SET at = '2025-01-05T10:00:00+00:00' WHERE id = (SELECT max(id) FROM changes)")
        s.conn.commit()
        assert dashboard.chart(s, "progress").value("2025-01-05", "ann") == 1
        s.set_status(aid, "done", who="bob")  # bob takes it over today: still done, now bob's, finished today
        progress = dashboard.chart(s, "progress")
        assert progress.value(today, "bob") == bob + 1 and "2025-01-05" not in progress.categories
        s.undo(aid)  # back to ann's, finished in January
        progress = dashboard.chart(s, "progress")
        assert progress.value("2025-01-05", "ann") == 1 and progress.value(today, "bob") == bob
        assert_charts_match(s, "done")
        s.redo(aid)
        progress = dashboard.chart(s, "progress")
        assert progress.value(today, "bob") == bob + 1 and "2025-01-05" not in progress.categories
        s.undo(aid)
        s.undo(aid)  # not done any more
        assert dashboard.chart(s, "progress").as_dict() == start.as_dict()
        assert_charts_match(s, "done")
