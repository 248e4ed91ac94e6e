"""Merge, as properties over annotators' files Hypothesis makes (real SQLite files each time):
idempotent, order-independent (and in any grouping), nothing lost, newer wins per annotator."""

from __future__ import annotations

import itertools
import os
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.core.model import Article, Entity
from desktop_app.services.team import merge
from desktop_app.storage import Store
from desktop_app.storage.versions import TeamTables

#: memory-backed where there is one: each example writes up to seven corpus files, and fsync is the cost
SCRATCH = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None
TEXTS = [f"Article {i}: Ahmed Khan met officials in Lahore, Pakistan." for i in range(3)]
#: non-overlapping candidate entities (start, end, label) and the states a file may give them
CANDIDATES = [(12, 22, "PERSON"), (12, 22, "ORG"), (38, 44, "GPE"), (46, 54, "GPE")]

entity = st.tuples(st.sampled_from(range(len(CANDIDATES))), st.sampled_from(["suggested", "accepted", "rejected"]))
article = st.tuples(st.sampled_from(["in_progress", "done"]), st.lists(entity, max_size=3),
                    st.integers(0, 2))  # time: small, so equal times (ties) happen
a_file = st.tuples(st.sampled_from(["a", "b"]),
                   st.dictionaries(st.sampled_from(range(len(TEXTS))), article, min_size=1, max_size=3))


def _write(path: Path, owner: str, articles: dict[int, Any]) -> None:
    with Store(path) as store:
        items = []
        for i, (status, ents, _t) in sorted(articles.items()):
            chosen: dict[tuple[int, int], Entity] = {}
            for k, state in ents:
                s, e, label = CANDIDATES[k]
                chosen[(s, e)] = Entity(s, e, label, origin="model", state=state)
            items.append(Article.from_text(TEXTS[i], f"A{i}"))
            items[-1].status, items[-1].entities = status, list(chosen.values())
        store.add_articles(items)
        TeamTables(store).set_corpus_meta({"annotator": owner, "corpus": "prop"})
        with store.write() as conn:  # the times the version carries, set by hand so that ties occur
            for i, (_s, _e, t) in articles.items():
                stamp = f"2026-01-0{t + 1}T00:00:00.000+00:00"
                aid = Article.from_text(TEXTS[i], "").id
                conn.execute("UPDATE articles SET updated_at = ? WHERE id = ?", [stamp, aid])
                conn.execute("UPDATE entities SET updated_at = ? WHERE article_id = ?", [stamp, aid])


def _dump(path: Path) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT article_id, annotator, status, updated_at, digest, doc FROM versions"
                            " ORDER BY article_id, annotator").fetchall()
    finally:
        conn.close()


def _merged(folder: Path, name: str, *groups: list[Path]) -> Path:
    target = folder / name
    with Store(target) as team:
        for group in groups:
            merge(team, group)
    return target


def _versions_of(path: Path) -> list[tuple[Any, ...]]:
    with Store(path, readonly=True) as store:
        return [(v.article_id, v.annotator, v.updated_at, v.digest) for v in TeamTables(store).versions()]


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(a_file, min_size=1, max_size=3), st.randoms(use_true_random=False))
def test_merge_is_idempotent_order_independent_and_loses_nothing(files: list[Any], rnd: Any) -> None:
    with tempfile.TemporaryDirectory(dir=SCRATCH) as tmp:
        folder = Path(tmp)
        paths = []
        for n, (owner, articles) in enumerate(files):
            paths.append(folder / f"in{n}.sqlite3")
            _write(paths[-1], owner, articles)
        once = _dump(_merged(folder, "once.sqlite3", paths))
        shuffled = list(paths)
        rnd.shuffle(shuffled)
        # any order, any grouping, and merging everything again: the same versions
        assert _dump(_merged(folder, "shuffled.sqlite3", shuffled)) == once
        assert _dump(_merged(folder, "one_by_one.sqlite3", *[[p] for p in reversed(paths)])) == once
        assert _dump(_merged(folder, "twice.sqlite3", paths, paths, shuffled)) == once
        # nothing lost: every (article, annotator) any file has is there, as the newest of its versions
        offered: dict[tuple[str, str], list[tuple[str, str]]] = {}
        for p in paths:
            for aid, who, at, digest in _versions_of_file(p):
                offered.setdefault((aid, who), []).append((at, digest))
        kept = {(aid, who): (at, digest) for aid, who, _status, at, digest, _doc in once}
        assert set(kept) == set(offered)
        assert all(kept[key] == max(candidates) for key, candidates in offered.items())


def _versions_of_file(path: Path) -> list[tuple[str, str, str, str]]:
    with Store(path, readonly=True) as store:
        tables = TeamTables(store)
        owner = tables.corpus_meta()["annotator"]
        return [(aid, owner, v.updated_at, v.digest)
                for aid in store.article_ids() for v in [tables.working_version(aid, owner)]]


def test_a_newer_file_replaces_only_its_annotators_versions(tmp_path: Path) -> None:
    _write(tmp_path / "a.sqlite3", "a", {0: ("done", [(0, "accepted")], 0)})
    _write(tmp_path / "b.sqlite3", "b", {0: ("done", [(1, "accepted")], 0)})
    team = _merged(tmp_path, "team.sqlite3", [tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"])
    before = {(r[0], r[1]): r for r in _dump(team)}
    _write(tmp_path / "a2.sqlite3", "a", {0: ("done", [(2, "accepted")], 2)})  # later, other work
    with Store(team) as store:
        merge(store, [tmp_path / "a2.sqlite3"])
        merge(store, [tmp_path / "a.sqlite3"])  # the older file again changes nothing
    after = {(r[0], r[1]): r for r in _dump(team)}
    (aid,) = {k[0] for k in before}
    assert after[(aid, "b")] == before[(aid, "b")]
    assert after[(aid, "a")] != before[(aid, "a")] and '"GPE"' in after[(aid, "a")][5]
    assert list(itertools.chain(after)) == list(itertools.chain(before))


def test_time_spent_counts_gaps_between_edits_and_at_most_five_minutes_of_a_pause() -> None:
    from desktop_app.storage.versions import time_spent

    stamps = ["2026-01-01T10:00:00+00:00", "2026-01-01T10:00:10+00:00", "2026-01-01T11:00:00+00:00"]
    assert time_spent(stamps) == 10 + 300
    assert time_spent(stamps[:1]) == 0 == time_spent([])
