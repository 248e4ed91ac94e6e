"""A duplicate is an article whose id or text is already stored (or earlier in the batch), found
by looking, not by catching the database's IntegrityError; any other IntegrityError is a bug."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.core.model import Article, Entity, article_id_for
from desktop_app.storage import Store


def test_same_id_twice_in_one_batch_is_one_article(db_path: Path) -> None:
    a = Article.from_text("Pakistan and Afghanistan talk.", "A")
    b = Article.from_text("Pakistan and Afghanistan talk.", "A again", )
    b.entities = [Entity(0, 8, "GPE", "human", "accepted")]
    with Store(db_path) as store:
        assert store.add_articles([a, b]) == ([a.id], 1)
        assert store.get_article(a.id).title == "A"
        assert store.get_article(a.id).entities == []  # the duplicate's annotations were not attached


def test_stored_id_is_a_duplicate(db_path: Path) -> None:
    a = Article.from_text("Talks resume in Istanbul.", "A")
    with Store(db_path) as store:
        store.add_articles([a])
        again = Article.from_text(a.text, "Other title")
        assert store.add_articles([again, Article.from_text("New text.", "B")])[1] == 1
        assert store.count_articles() == 2


def test_same_text_under_an_explicit_id_is_a_duplicate(db_path: Path) -> None:
    text = "Kabul answered on Monday."
    with Store(db_path) as store:
        store.add_articles([Article.from_text(text, "derived id")])
        added, dupes = store.add_articles([Article(id="custom-1", title="explicit id", text=text)])
        assert (added, dupes) == ([], 1)
        # and within one batch: two explicit ids, one text
        added, dupes = store.add_articles([Article(id="x1", title="t", text="Same words."),
                                           Article(id="x2", title="t", text="Same words.")])
        assert (added, dupes) == (["x1"], 1)
        assert sorted(store.article_ids()) == sorted([article_id_for(text), "x1"])


def test_an_integrity_error_that_is_not_a_duplicate_is_a_bug(db_path: Path) -> None:
    with Store(db_path) as store:
        store.add_articles([Article.from_text("Kept.", "K")])
        bad = Article.from_text("A status the schema refuses.", "B")
        bad.status = "finished"
        with pytest.raises(sqlite3.IntegrityError):
            store.add_articles([Article.from_text("Fine text.", "F"), bad])
        assert store.count_articles() == 1  # the whole batch rolled back, nothing counted as a duplicate


def test_one_lookup_query_per_batch(db_path: Path) -> None:
    with Store(db_path) as store:
        store.add_articles([Article.from_text(f"Article number {i}.", "t") for i in range(0, 600, 2)])
        seen: list[str] = []
        store.conn.set_trace_callback(seen.append)
        try:
            added, dupes = store.add_articles([Article.from_text(f"Article number {i}.", "t") for i in range(600)])
        finally:
            store.conn.set_trace_callback(None)
    assert (len(added), dupes) == (300, 300)
    lookups = [s for s in seen if s.lstrip().upper().startswith("SELECT") and "FROM ARTICLES WHERE ID IN" in s.upper()]
    assert len(lookups) == 1, lookups
    assert not [s for s in seen if "INSERT INTO ARTICLES " in s.upper() and "Article number 0." in s]


def test_imported_twice_through_the_cli_counts_duplicates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "a.jsonl"
    src.write_text("".join(json.dumps({"text": t}) + "\n" for t in ("One text.", "Two text.", "One text.")),
                   encoding="utf-8")
    db = tmp_path / "c.sqlite3"
    assert main(["--db", str(db), "import", "--no-preannotate", str(src)]) == 0
    assert "imported 2 article(s), skipped 1 duplicate(s), rejected 0 input(s)" in capsys.readouterr().out
    assert main(["--db", str(db), "import", "--no-preannotate", str(src)]) == 0
    assert "imported 0 article(s), skipped 3 duplicate(s), rejected 0 input(s)" in capsys.readouterr().out


def test_an_imported_updated_at_is_kept(db_path: Path) -> None:
    a = Article.from_text("Dated text.", "D")
    a.updated_at = "2025-11-03T10:00:00.000+00:00"
    b = Article.from_text("Undated text.", "U")
    with Store(db_path) as store:
        store.add_articles([a, b])
        assert store.get_article(a.id).updated_at == "2025-11-03T10:00:00.000+00:00"
        assert store.get_article(b.id).updated_at  # stamped now
