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


# -- field search: each field against a scan of the articles as built -----------------------------------------------

SPEAKERS = ["Khawaja Asif", "Ishaq Dar", None]
LABELS = ["ORG", "GPE", "PERSON"]
TYPES = ["ACCUSE", "AGREE", "REJECT"]


def _annotated(i: int) -> Article:
    from desktop_app.core.model import Entity, Event, Quote, Span

    text = f"Minister {i} spoke on the border talks today. Police {i} said more. The end of {i}."
    state = ("suggested", "accepted", "rejected")[i % 3]
    origin = "human" if i % 4 == 0 else "model"
    return Article(
        id=f"f{i}", title=f"Report {i}", text=text,
        entities=[Entity(0, 8, LABELS[i % 3], origin=origin, state=state),
                  *([Entity(9, 10, "GPE", origin=origin, state="accepted")] if i % 5 == 0 else [])],
        quotes=[Quote(30, 40, speaker=SPEAKERS[i % 3], origin=origin, state=state)] if SPEAKERS[i % 3] else [],
        events=[Event(TYPES[(i // 3) % 3], Span(0, 20), origin=origin, state=state)],
    )


@pytest.fixture
def annotated(db_path: Path) -> tuple[Store, list[Article]]:
    from desktop_app.storage.versions import TeamTables, Version

    store = Store(db_path)
    arts = [_annotated(i) for i in range(60)]
    store.add_articles(arts)
    for a in arts[::5]:
        store.set_status(a.id, "in_progress" if int(a.id[1:]) % 2 else "done", who="amna")
    TeamTables(store).put_versions([Version.make(a.id, "Bilal", "done", "2026-01-01T00:00:00", {})
                                    for a in arts[::7]])
    store.registry_add("the defence minister", "Khawaja Asif")
    return store, arts


def _live(state: str, states: tuple[str, ...]) -> bool:
    return state != "rejected" or "rejected" in states


def _scan(store: Store, arts: list[Article], query: str) -> list[str]:
    """What the query means, checked in Python over the articles as built and stored."""
    from desktop_app.core.search import parse_search
    from desktop_app.storage.versions import TeamTables

    q = parse_search(query)
    bilal = {v.article_id for v in TeamTables(store).versions(annotator="Bilal")}
    out = []
    for a in arts:
        stored = store.get_article(a.id, annotations=False)

        def fits(item: object, q: object = q) -> bool:
            st, org = item.state, item.origin  # type: ignore[attr-defined]
            return _live(st, q.states) and all(  # type: ignore[attr-defined]
                s == st if s in ("suggested", "accepted", "rejected") else s == org
                for s in q.states)  # type: ignore[attr-defined]
        ok = all(any(e.label.lower() == lab.lower() and fits(e) for e in a.entities) for lab in q.labels)
        ok &= all(any(e.type.lower() == t.lower() and fits(e) for e in a.events) for t in q.types)
        ok &= all(any(x.speaker is not None and (s.lower() in x.speaker.lower().split() or s.lower() == x.speaker.lower()
                                                 or (s == "the defence minister" and x.speaker == "Khawaja Asif"))
                      and fits(x) for x in a.quotes) for s in q.speakers)
        if q.states and not (q.labels or q.types or q.speakers):
            ok &= any(fits(x) for x in [*a.entities, *a.quotes, *a.events])
        ok &= all(stored.status == s for s in q.statuses)
        ok &= all((stored.annotator or "").lower() == n.lower() or (n.lower() == "bilal" and a.id in bilal)
                  for n in q.annotators)
        ok &= all(re.search(rf"\b{re.escape(w)}", a.text + " " + a.title, re.I) is not None for w in q.words)
        ok &= all(p.lower() in a.text.lower() for p in q.phrases)
        if ok:
            out.append(a.id)
    return out


@pytest.mark.parametrize("query", [
    'speaker:"Khawaja Asif"', "speaker:asif", 'speaker:"the defence minister"', "label:ORG", "label:org label:GPE",
    "type:ACCUSE", "type:accuse state:suggested", "label:PERSON state:rejected", "state:human", "state:accepted",
    "label:GPE state:accepted state:human", "status:done", 'status:"in progress"', "status:new label:GPE",
    "annotator:bilal", "annotator:Amna", 'minister "border talks" label:GPE', '"talks today" type:AGREE',
    "police speaker:dar status:new",
])
def test_field_search_finds_what_a_scan_finds(annotated: tuple[Store, list[Article]], query: str) -> None:
    store, arts = annotated
    expected = _scan(store, arts, query)
    assert expected, f"{query!r} should match some articles of the fixture"
    assert len(expected) < len(arts)
    assert store.count_articles(query=query) == len(expected)
    got = [r.id for off in range(0, 60, 25) for r in store.article_rows(off, 25, query=query)]
    assert got == expected
    assert [r.id for r in store.article_rows(0, 100, query=query, order="title")] == sorted(
        expected, key=lambda i: (f"Report {i[1:]}".lower(), int(i[1:])))
    store.close()


def test_a_bad_search_is_a_refusal_not_a_crash(annotated: tuple[Store, list[Article]]) -> None:
    from desktop_app.errors import NewsGoldError, kind_of

    store, _ = annotated
    with pytest.raises(NewsGoldError) as err:
        store.count_articles(query="speeker:Asif")
    assert kind_of(err.value) == "refusal" and "speaker:" in str(err.value)
    store.close()


@pytest.mark.parametrize("query", ["label:PERSON", "state:suggested", "annotator:bilal", "minister type:AGREE"])
def test_field_search_pages_after_a_row_equal_pages_by_offset(annotated: tuple[Store, list[Article]],
                                                              query: str) -> None:
    """As the list scrolls (count first, then pages after the last row), dense or sparse SQL alike."""
    store, arts = annotated
    expected = _scan(store, arts, query)
    assert store.count_articles(query=query) == len(expected)
    out: list[str] = []
    after = None
    while page := store.article_rows(len(out), 7, query=query, after_rowid=after):
        out += [r.id for r in page]
        after = page[-1].rowid
    assert out == expected
    store.close()
