"""An import counts its annotations into the dashboard's tallies once per transaction (migration 0012): the
insert triggers are paused for that transaction only. The charts must still equal a recount, the tallies
must equal the ones counted from scratch, and edits that other connections make while the import runs
(between its transactions) must be counted by the triggers as before."""

from __future__ import annotations

import contextlib
import random
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from desktop_app.core.model import ARTICLE_STATUSES, Arg, Article, Entity, Event, Quote, Span
from desktop_app.errors import NewsGoldError
from desktop_app.io.jsonl import write_jsonl
from desktop_app.services import importing
from desktop_app.services.corpus import direct_commit
from desktop_app.services.importing import import_paths
from desktop_app.storage import Store, tallies

from .counts import assert_charts_match

WORDS = ["the", "minister", "said", "talks", "border", "would", "reopen", "after", "officials", "week"]
NAMES = ["Imran Khan", "imran khan", "ISPR", "Shehbaz Sharif", "officials", "", None]
LABELS = ["PERSON", "ORG", "GPE", "NORP"]
TYPES = ["ACCUSE", "AGREE", "ASSAULT", "REQUEST"]
STATES = ["suggested", "accepted", "rejected"]
DAYS = ["2025-11-10", "2025-11-11", "2025-12-01T08:00:00", None]


def _article(rng: random.Random, i: int) -> Article:
    words = [f"Story{i}"] + [rng.choice(WORDS) for _ in range(60)]
    text = " ".join(words)
    starts = [0]
    for w in words[:-1]:
        starts.append(starts[-1] + len(w) + 1)
    spans = [Span(s, s + len(w)) for s, w in zip(starts, words, strict=True)]
    entities = [Entity(sp.start, sp.end, rng.choice(LABELS), state=rng.choice(STATES))
                for sp in rng.sample(spans[1:30], rng.randint(0, 8))]
    quotes = []
    for _ in range(rng.randint(0, 3)):
        start = rng.randrange(30, 50)
        ent = rng.choice(entities) if entities and rng.random() < 0.7 else None
        quotes.append(Quote(spans[start].start, spans[start + 5].end, speaker=rng.choice(NAMES),
                            speaker_entity=ent.span if ent else None, state=rng.choice(STATES)))
    events = [Event(rng.choice(TYPES), Span(spans[50].start, spans[60].end), actor=Arg(rng.choice(NAMES)),
                    state=rng.choice(STATES)) for _ in range(rng.randint(0, 3))]
    day = rng.choice(DAYS)
    return Article(id=f"a{i:05d}", title=f"Story {i}", text=text, status=rng.choice(ARTICLE_STATUSES),
                   annotator=rng.choice(["ann", "bob", None]), meta={"published": day} if day else {},
                   entities=entities, quotes=quotes, events=events)


def _corpus_file(path: Path, rng: random.Random, n: int, first: int = 0, also: tuple[Article, ...] = ()) -> list[Article]:
    articles = [*also, *(_article(rng, first + i) for i in range(n))]
    with path.open("w", encoding="utf-8") as fh:
        write_jsonl(articles, fh)
    return articles


def _tallies(path: Path) -> dict[str, set[tuple[Any, ...]]]:
    """Every tally's rows that count (n = 0 rows are what a count falls back to)."""
    conn = sqlite3.connect(path)
    try:
        out = {}
        for table in tallies.TALLY_TABLES:
            rows = conn.execute(f"SELECT * FROM {table}").fetchall()
            out[table] = {r for r in rows if any(v for v in r[-2 if table == "tally_speaker_links" else -1:])}
        return out
    finally:
        conn.close()


def _assert_exact(path: Path) -> None:
    """The tallies as kept equal the tallies counted from scratch, and the charts equal a recount in Python."""
    kept = _tallies(path)
    scratch = path.with_name("recount.sqlite3")
    src, dst = sqlite3.connect(path), sqlite3.connect(scratch)
    src.backup(dst)
    src.close()
    with dst:
        tallies.recount(dst)  # type: ignore[arg-type]  # fill() only calls execute()
    dst.close()
    assert kept == _tallies(scratch)
    scratch.unlink()
    with Store(path, readonly=True) as r:
        assert r.conn.execute("SELECT count(*) FROM tally_pause").fetchone()[0] == 0
        # the insert triggers an import lifts for its own transactions are all back, as migration 0012 made them
        triggers = r.conn.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'tally_%_ai'"
                                  " AND tbl_name != 'articles' AND tbl_name != 'changes' ORDER BY name").fetchall()
        assert sorted(t[0] for t in triggers) == sorted(tallies.pausable_insert_triggers())
        for status in ("done", "any"):
            assert_charts_match(r, status)


@pytest.mark.parametrize("seed", [3, 4])
def test_an_import_of_annotated_articles_counts_exactly_what_it_added(tmp_path: Path, db_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch,
                                                                      seed: int) -> None:
    rng = random.Random(seed)
    monkeypatch.setattr(importing, "CHUNK", 37)  # many transactions
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    old = _corpus_file(first, rng, 150)
    _corpus_file(second, rng, 100, first=150, also=tuple(old[100:]))  # 50 duplicates of the first file, 100 new
    with Store(db_path) as s:
        assert len(import_paths(s, [first]).added) == 150
        summary = import_paths(s, [second])
        assert len(summary.added) == 100 and summary.duplicates == 50
        assert s.conn.execute("SELECT count(*) FROM quotes WHERE speaker_ent_start IS NOT NULL").fetchone()[0] > 50
    _assert_exact(db_path)


def test_edits_from_another_connection_during_an_import_are_counted(tmp_path: Path, db_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Between the import's transactions another connection (the GUI, a script) edits: its triggers fire."""
    rng = random.Random(5)
    monkeypatch.setattr(importing, "CHUNK", 25)
    src = tmp_path / "tasks.jsonl"
    _corpus_file(src, rng, 200)
    extra = [_article(rng, 1000 + i) for i in range(4)]
    other = Store(db_path)
    edits = 0

    def edit_elsewhere() -> None:
        nonlocal edits
        ids = other.article_ids()
        if not ids:
            return
        aid = rng.choice(ids)
        a = other.get_article(aid)
        other.set_status(aid, rng.choice(["done", "in_progress"]), who="ann")
        with contextlib.suppress(NewsGoldError):  # a second one in the same article overlaps the first
            other.add(aid, Entity(0, 5, "PERSON", origin="human", state="accepted"), who="ann")
        if a.quotes and a.quotes[0].id is not None:
            other.update("quotes", a.quotes[0].id, {"speaker": "Imran Khan", "state": "accepted"}, who="ann")
        if a.events and a.events[0].id is not None:
            other.delete("events", a.events[0].id, who="ann")
        with sqlite3.connect(db_path) as plain:  # a plain INSERT of another tool
            plain.execute("INSERT INTO entities (article_id, start, \"end\", label, state, created_at, updated_at)"
                          " VALUES (?, 2, 5, 'ORG', 'accepted', 'now', 'now')", [aid])
        if extra:
            other.add_articles([extra.pop()])  # another connection's own import, paused in its own transaction
        edits += 1

    with Store(db_path) as s:
        commit = direct_commit(s)

        def commit_then_edit(fn: Callable[[Store], Any]) -> Any:
            out = commit(fn)
            edit_elsewhere()
            return out

        summary = import_paths(commit_then_edit, [src])
    other.close()
    assert len(summary.added) == 200 and edits >= 8
    _assert_exact(db_path)


def test_the_pause_lives_only_inside_the_import_transaction(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """While an import's transaction is open, another connection sees no pause; after it, nobody does."""
    seen: list[int] = []
    with Store(db_path) as s:

        class Peek(tuple):  # type: ignore[type-arg]
            """The real batch statements, looked at when the import is about to run them."""

            def __iter__(self):  # type: ignore[no-untyped-def]
                c = sqlite3.connect(db_path)  # the import's transaction is open, its rows inserted
                seen.append(c.execute("SELECT count(*) FROM tally_pause").fetchone()[0])
                c.close()
                seen.append(s.conn.execute("SELECT count(*) FROM tally_pause").fetchone()[0])
                return super().__iter__()

        monkeypatch.setattr(tallies, "BATCH", Peek(tallies.BATCH))
        s.add_articles([_article(random.Random(1), 1)])
        assert seen == [0, 1]
    with Store(db_path, readonly=True) as r:
        assert r.conn.execute("SELECT count(*) FROM tally_pause").fetchone()[0] == 0
    _assert_exact(db_path)


@pytest.mark.parametrize("own", [False, True], ids=["paused", "lifted"])
def test_a_failed_import_transaction_leaves_no_pause_and_no_counts(db_path: Path, own: bool) -> None:
    """Refused mid-transaction: in a shared transaction (the pause row) or in an import's own (triggers lifted)."""
    with Store(db_path) as s:
        s.add_articles([_article(random.Random(2), 2)])
        before = _tallies(db_path)
        bad = _article(random.Random(2), 3)
        bad.entities.append(Entity(0, 3, "ORG", state="nonsense"))  # the CHECK refuses it mid-transaction
        with pytest.raises(sqlite3.IntegrityError), s.bulk_import() if own else contextlib.nullcontext():
            s.add_articles([bad])
        assert s.conn.execute("SELECT count(*) FROM tally_pause").fetchone()[0] == 0
        assert s.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        s.add_articles([_article(random.Random(4), 4)])  # the triggers count the next write as before
    assert _tallies(db_path) != before
    _assert_exact(db_path)


def test_batches_without_done_articles_or_without_quotes_and_events_count_exactly(tmp_path: Path, db_path: Path,
                                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A batch runs only the tally statements that can add something (``tallies.batch_skips``): the done scope
    only with a done article in it, a table's statements only with new rows in that table. Batches of each kind,
    then the articles set done one by one (the update triggers): every tally still equals a recount."""
    rng = random.Random(5)
    monkeypatch.setattr(importing, "CHUNK", 25)
    ran: list[str] = []

    class Seen(tuple):  # type: ignore[type-arg]
        def __contains__(self, stmt: object) -> bool:
            skipped = super().__contains__(stmt)
            if not skipped:
                ran.append(str(stmt))
            return skipped

    real = tallies.batch_skips
    monkeypatch.setattr(tallies, "batch_skips", lambda tables, done: Seen(real(tables, done)))
    articles = [_article(rng, i) for i in range(100)]
    for i, a in enumerate(articles):
        a.status = "done" if i >= 75 else rng.choice(["new", "in_progress"])  # the first three batches: none done
        if i < 50:
            a.quotes, a.events = [], []  # the first two: entities only
    src = tmp_path / "mixed.jsonl"
    with src.open("w", encoding="utf-8") as fh:
        write_jsonl(articles, fh)
    with Store(db_path) as s:
        added = import_paths(s, [src]).added
        assert len(added) == 100
        assert any("'done'" in stmt for stmt in ran) and not all("'done'" in stmt for stmt in ran)
        assert not any("FROM quotes" in stmt for stmt in ran[:2])
        _assert_exact(db_path)
        for aid in added[:75:5]:
            s.set_status(aid, "done", who="ann")
    _assert_exact(db_path)
