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
        # the same words recur, so each text ends with its number (same text = same article, a duplicate)
        Article(id=f"a{i}", title=f"Title {i}",
                text=" ".join(WORDS[j] for j in range(len(WORDS)) if (i >> j) & 1) + f". No. {i}")
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


def _keyset_pages(store: Store, **filters: object) -> list[int]:
    out: list[int] = []
    after = None
    while True:
        page = store.article_rows(len(out), 30, after_rowid=after, **filters)  # type: ignore[arg-type]
        if not page:
            return out
        out += [r.rowid for r in page]
        after = page[-1].rowid


@pytest.mark.parametrize("filters", [{}, {"query": "police"}, {"status": "done"}, {"query": "cafe", "status": "new"},
                                     {"descending": True}, {"query": "minister", "descending": True}])
def test_pages_after_a_row_equal_pages_by_offset(corpus: Store, filters: dict[str, object]) -> None:
    for i in range(1, 200, 3):
        corpus.set_status(f"a{i}", "done")
    by_offset = [r.rowid for off in range(0, 200, 30)
                 for r in corpus.article_rows(off, 30, **filters)]  # type: ignore[arg-type]
    assert by_offset  # every case has rows
    assert _keyset_pages(corpus, **filters) == by_offset
    corpus.close()


def test_paging_after_a_row_skips_nothing_when_earlier_rows_leave_the_filter(corpus: Store) -> None:
    first = corpus.article_rows(0, 30, status="new")
    for r in first[:10]:  # the annotator finishes ten articles of the first page
        corpus.set_status(r.id, "done")
    nxt = corpus.article_rows(30, 30, status="new", after_rowid=first[-1].rowid)
    assert nxt[0].rowid == first[-1].rowid + 1  # by OFFSET 30 the next ten rows would be skipped
    corpus.close()
