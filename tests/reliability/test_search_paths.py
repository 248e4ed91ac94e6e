"""The fast FTS paths (count and pages straight from the index) return what a plain scan would."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from desktop_app.core.model import Article
from desktop_app.storage import Store

WORDS = ["minister", "ministry", "police", "ceasefire", "café", "Zürich"]


@pytest.fixture
def corpus(db_path: Path) -> Store:
    store = Store(db_path)
    store.add_articles([
        Article(id=f"a{i}", title=f"Title {i}", text=" ".join(WORDS[j] for j in range(len(WORDS)) if (i >> j) & 1) + ".")
        for i in range(1, 200)
    ])
    return store


def _expected(store: Store, word: str) -> list[int]:
    pat = re.compile(rf"\b{re.escape(word)}", re.IGNORECASE)
    return [r["rowid"] for r in store._rows("SELECT rowid, title, text FROM articles ORDER BY rowid")
            if pat.search(r["text"]) or pat.search(r["title"])]


@pytest.mark.parametrize("word", ["minister", "ministr", "police", "cease", "cafe", "zurich", "Title", "absent"])
def test_search_pages_and_counts_match_a_scan(corpus: Store, word: str) -> None:
    expected = _expected(corpus, word.replace("cafe", "café").replace("zurich", "Zürich"))
    assert corpus.count_articles(query=word) == len(expected)
    pages = [r.rowid for off in range(0, 200, 30) for r in corpus.article_rows(off, 30, query=word)]
    assert pages == expected
    backwards = [r.rowid for off in range(0, 200, 30) for r in corpus.article_rows(off, 30, query=word, descending=True)]
    assert backwards == expected[::-1]
    corpus.set_status("a3", "done")
    assert corpus.count_articles(query=word, status="done") == (1 if 3 in expected else 0)
    corpus.close()
