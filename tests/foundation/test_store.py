"""The store: edits commit at once, undo survives a restart, bad edits are refused."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from desktop_app.core.model import Arg, Article, Entity, Event, Quote, Span
from desktop_app.errors import NewsGoldError, StorageError
from desktop_app.storage import Store
from desktop_app.storage.database import list_backups
from desktop_app.storage.schema import migrations

TEXT = "Defence Minister Khawaja Asif said Pakistan would respond. He added that talks failed."


def _article(store: Store) -> Article:
    a = Article.from_text(TEXT, "Asif")
    store.add_articles([a])
    return a


def test_edit_is_on_disk_before_the_call_returns(db_path: Path) -> None:
    with Store(db_path) as store:
        a = _article(store)
        store.add(a.id, Entity(17, 29, "PERSON", "human", "accepted"), who="amina")
        # a second, independent connection sees it: nothing waits for a save
        other = sqlite3.connect(db_path)
        assert other.execute("SELECT label FROM entities").fetchall() == [("PERSON",)]
        other.close()


def test_undo_and_redo_survive_a_restart(db_path: Path) -> None:
    with Store(db_path) as store:
        a = _article(store)
        eid = store.add(a.id, Entity(17, 29, "PERSON"), who="amina")
        store.update("entities", eid, {"label": "ORG"}, who="amina")
    with Store(db_path) as store:
        assert store.can_undo(a.id)
        store.undo(a.id)
        assert [e.label for e in store.get_article(a.id).entities] == ["PERSON"]
    with Store(db_path) as store:
        store.redo(a.id)
        assert [e.label for e in store.get_article(a.id).entities] == ["ORG"]
        store.undo(a.id)
        store.undo(a.id)
        assert store.get_article(a.id).entities == []
        assert store.get_article(a.id).status == "new"
        with pytest.raises(NewsGoldError, match="E111"):
            store.undo(a.id)


def test_a_new_edit_clears_the_redo_stack(store: Store) -> None:
    a = _article(store)
    store.add(a.id, Entity(17, 29, "PERSON"))
    store.undo(a.id)
    store.add(a.id, Entity(35, 43, "GPE"))
    assert not store.can_redo(a.id)


def test_overlapping_entities_are_refused_with_the_other_entity_named(store: Store) -> None:
    a = _article(store)
    store.add(a.id, Entity(17, 29, "PERSON"))
    with pytest.raises(NewsGoldError, match=r"E108.*Khawaja Asif"):
        store.add(a.id, Entity(25, 34, "ORG"))
    # quotes and events are separate layers and may overlap entities
    store.add(a.id, Quote(35, 58, "indirect", cue=Span(30, 34), speaker="Khawaja Asif"))
    store.add(a.id, Event("THREATEN", Span(0, 58), trigger=Span(50, 57), actor=Arg("Pakistan", Span(35, 43))))


def test_spans_outside_the_text_are_refused(store: Store) -> None:
    a = _article(store)
    with pytest.raises(NewsGoldError, match="E109"):
        store.add(a.id, Entity(80, 200, "ORG"))


def test_accept_all_is_one_undoable_step(store: Store) -> None:
    a = _article(store)
    from desktop_app.core.model import Suggestions

    store.replace_suggestions(a.id, Suggestions(entities=[Entity(17, 29, "PERSON"), Entity(35, 43, "GPE")]),
                              pipeline="test")
    assert store.set_state_all(a.id, "accepted", who="amina") == 2
    assert {e.state for e in store.get_article(a.id).entities} == {"accepted"}
    store.undo(a.id)
    assert {e.state for e in store.get_article(a.id).entities} == {"suggested"}


def test_reannotation_keeps_human_work_and_decisions(store: Store) -> None:
    from desktop_app.core.model import Suggestions

    a = _article(store)
    store.replace_suggestions(a.id, Suggestions(entities=[Entity(17, 29, "PERSON"), Entity(35, 43, "GPE")]),
                              pipeline="v1")
    ents = store.get_article(a.id).entities
    store.update("entities", ents[1].id, {"state": "rejected"})
    store.add(a.id, Entity(0, 7, "ORG", "human", "accepted"))
    store.replace_suggestions(a.id, Suggestions(entities=[Entity(17, 29, "PERSON"), Entity(35, 43, "GPE")]),
                              pipeline="v2")
    got = {(e.start, e.label, e.state) for e in store.get_article(a.id).entities}
    assert got == {(0, "ORG", "accepted"), (17, "PERSON", "suggested"), (35, "GPE", "rejected")}
    assert store.get_article(a.id).pipeline == "v2"


def test_full_text_search_finds_words_and_prefixes(store: Store) -> None:
    _article(store)
    store.add_articles([Article.from_text("Ceasefire agreed in Doha", "Doha")])
    assert store.count_articles(query="khawaja") == 1
    assert store.count_articles(query="ceasef") == 1
    assert store.count_articles(query='"; DROP TABLE articles; --"') == 0  # a phrase, never SQL
    with pytest.raises(NewsGoldError, match="E031"):  # an unclosed quote is refused (core/search.py)
        store.count_articles(query='"; DROP TABLE articles; --')
    assert store.count_articles(query="label:ORG OR 1=1 --") == 0
    assert store.count_articles() == 2
    assert [r.title for r in store.article_rows(query="doha")] == ["Doha"]


def test_search_index_matches_the_articles_after_batches_with_duplicates_and_edits(store: Store) -> None:
    words = ["alpha", "bravo", "charlie", "delta", "echo"]
    batch = [Article.from_text(f"Report {w}\n\nThe {w} crossing stayed shut.", f"Report {w}") for w in words]
    added, dupes = store.add_articles([*batch[:3], batch[0]])  # a duplicate inside the batch
    assert (len(added), dupes) == (3, 1)
    store.add_articles([*batch[2:], Article.from_text("Ceasefire 😀 in Doha\r\n", "Doha")])
    for w in words:
        assert store.count_articles(query=w) == 1, w
    assert store.count_articles(query="crossing") == 5
    assert store.count_articles(query="doha") == 1
    # FTS5's own check: every indexed row matches the articles table it indexes
    store.conn.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")


def test_file_of_a_newer_app_is_refused(db_path: Path) -> None:
    Store(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('newsgold', '9999_future', 'x')")
    conn.commit()
    conn.close()
    with pytest.raises(StorageError, match="E101"):
        Store(db_path)


def test_not_a_database_is_refused_clearly(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.sqlite3"
    bogus.write_bytes(b"this is a text file, not sqlite" * 100)
    with pytest.raises(StorageError, match="E102"):
        Store(bogus)
    assert bogus.read_bytes().startswith(b"this is a text file")  # untouched


def test_migration_from_older_schema_keeps_data_and_makes_a_backup(db_path: Path) -> None:
    db = Database(db_path)
    migrations.apply(db, stop_before="0003_pipeline_and_sentences")
    db.execute(
        "INSERT INTO articles (id, title, text, created_at, updated_at) VALUES ('abc', 'Old', 'Old text', 'x', 'x')"
    )
    db.execute("INSERT INTO entities (article_id, start, \"end\", label, created_at, updated_at)"
               " VALUES ('abc', 0, 3, 'ORG', 'x', 'x')")
    db.conn.commit()
    db.close()
    with Store(db_path) as store:
        assert store.backup is not None and store.backup.exists()
        article = store.get_article("abc")
        assert article.text == "Old text" and [e.label for e in article.entities] == ["ORG"]
        assert article.pipeline is None
        assert store.count_articles(query="old") == 1
    assert list_backups(db_path)
    backup = sqlite3.connect(list_backups(db_path)[0])
    assert backup.execute("SELECT title FROM articles").fetchall() == [("Old",)]
    backup.close()


def test_pragmas_make_edits_durable(store: Store) -> None:
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
