"""Team gold end to end, every step a real process: assign -> three annotators -> merge -> agreement ->
adjudicate -> export; and what a coordinator meets on the way (a second merge, a newer file, a file
from another corpus, finished work imported from elsewhere)."""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from . import annotate_as
from .teamhelp import annotate, cli, newsgold, read_jsonl, write_corpus

SHAPE = {"entities": {"f1", "overlap_f1", "alpha"}, "quotes": {"f1", "speaker", "kind_kappa"},
         "events": {"f1", "kappa", "actor"}}


def _rows(db: Path, sql: str) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def _versions(db: Path) -> list[tuple[Any, ...]]:
    return _rows(db, "SELECT article_id, annotator, status, updated_at, digest, doc FROM versions"
                     " ORDER BY article_id, annotator")


@pytest.fixture(scope="module")
def team(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Path]]:
    """assign 10 articles to a, b, c (40 % shared), each annotates in their own process, merge."""
    d = tmp_path_factory.mktemp("team")
    with pytest.MonkeyPatch.context() as mp:  # the module's processes keep off the user's settings and logs
        mp.setenv("NEWSGOLD_HOME", str(tmp_path_factory.mktemp("home")))
        yield _build_team(d)


def _build_team(d: Path) -> dict[str, Path]:
    corpus = d / "corpus.sqlite3"
    newsgold("--db", corpus, "import", "--no-preannotate", write_corpus(d / "in.jsonl"))
    newsgold("--db", corpus, "assign", "--annotators", "a,b,c", "--overlap", "0.4", "--seed", "7", "-o", d / "out")
    out = d / "out"
    workers = [annotate(out / "a.sqlite3", "a", "accept"), annotate(out / "b.sqlite3", "b", "lahore"),
               annotate(out / "c.sqlite3", "c", "indirect")]
    for w in workers:  # three annotators at the same time, three processes
        _, err = w.communicate(timeout=120)
        assert w.returncode == 0, err
    merged = newsgold("merge", out / "a.sqlite3", out / "b.sqlite3", out / "c.sqlite3", "-o", d / "team.sqlite3")
    (d / "merge1.txt").write_text(merged.stdout)
    return {"dir": d, "corpus": corpus, "out": out, "team": d / "team.sqlite3"}


def _c_left_a_shared_one(team: dict[str, Path]) -> int:
    """1 if the article c left in progress (the last of c's file) is one all three have, else 0."""
    manifest = json.loads((team["out"] / "manifest.json").read_text())
    return int(manifest["annotators"]["c"]["articles"][-1] in manifest["shared"])


def test_assign_writes_self_contained_files_and_a_manifest(team: dict[str, Path]) -> None:
    manifest = json.loads((team["out"] / "manifest.json").read_text())
    own = {name: set(entry["articles"]) for name, entry in manifest["annotators"].items()}
    shared = set(manifest["shared"])
    assert len(shared) == 4  # 40 % of 10 to everyone
    assert all(shared <= ids for ids in own.values())
    assert sorted(len(ids - shared) for ids in own.values()) == [2, 2, 2]  # the other 6 dealt out evenly
    assert set.union(*own.values()) == set(_r[0] for _r in _rows(team["corpus"], "SELECT id FROM articles"))
    for name, entry in manifest["annotators"].items():
        path = team["out"] / entry["file"]
        stats = json.loads(cli("--db", path, "stats", "--json").stdout)
        assert stats["articles"] == 6
        meta = dict(_rows(path, "SELECT key, value FROM corpus_meta"))
        assert meta.pop("taxonomy").startswith("# PLOVER")  # each file carries its event types (bundled ones)
        assert meta == {"corpus": manifest["corpus"], "annotator": name}
    # each file came with the suggestions (before its annotator started, all of them suggested)
    assert _rows(team["out"] / "a.sqlite3", "SELECT count(*) FROM entities")[0][0] == 24


def test_every_edit_names_its_annotator(team: dict[str, Path]) -> None:
    for name in "abc":
        who = {r[0] for r in _rows(team["out"] / f"{name}.sqlite3", "SELECT DISTINCT who FROM changes")}
        assert who == {name}


def test_merge_keeps_every_version_side_by_side(team: dict[str, Path]) -> None:
    counts = dict(_rows(team["team"], "SELECT annotator, count(*) FROM versions GROUP BY annotator"))
    assert counts == {"a": 6, "b": 6, "c": 6}
    assert _rows(team["team"], "SELECT count(*) FROM articles")[0][0] == 10
    assert "18 version(s)" not in (team["dir"] / "merge1.txt").read_text()  # reported per file
    assert "6 version(s) added" in (team["dir"] / "merge1.txt").read_text()
    # reading the annotators' files left nothing beside them
    assert sorted(p.name for p in team["out"].iterdir()) == ["a.sqlite3", "b.sqlite3", "c.sqlite3", "manifest.json"]
    # the time each spent, from their change log (b relabels and rejects before done: edits apart in time)
    seconds = dict(_rows(team["team"], "SELECT annotator, sum(seconds) FROM versions GROUP BY annotator"))
    assert seconds["b"] > 0


def test_annotator_option_before_a_bare_corpus_file_opens_it_as_that_annotator(tmp_path: Path) -> None:
    from desktop_app.cli import parse_args

    corpus = tmp_path / "x.sqlite3"
    args = parse_args(["--annotator", "zoe", str(corpus)])
    assert (args.command, args.annotator, args.db) == ("gui", "zoe", str(corpus))


def test_merge_again_in_another_order_changes_nothing(team: dict[str, Path]) -> None:
    before = _versions(team["team"])
    again = cli("merge", team["out"] / "c.sqlite3", team["out"] / "a.sqlite3", team["out"] / "b.sqlite3",
                     "-o", team["team"])
    assert again.stdout.count("0 version(s) added, 0 replaced, 6 unchanged") == 3
    assert _versions(team["team"]) == before
    other = team["dir"] / "reversed.sqlite3"
    cli("merge", team["out"] / "c.sqlite3", team["out"] / "b.sqlite3", team["out"] / "a.sqlite3", "-o", other)
    assert [v[:5] for v in _versions(other)] == [v[:5] for v in before]


def test_agreement_json_has_the_documented_shape_and_figures(team: dict[str, Path]) -> None:
    report = json.loads(newsgold("--db", team["team"], "agreement", "--json").stdout)
    assert set(report) == {"articles", "annotators", "pairs", "mean"}
    assert report["articles"] == 4  # the shared ones: c left one in progress, but a and b did it
    assert report["annotators"] == ["a", "b", "c"]
    pairs = {(p["a"], p["b"]): p for p in report["pairs"]}
    assert set(pairs) == {("a", "b"), ("a", "c"), ("b", "c")}
    for p in report["pairs"]:
        assert set(p) == {"a", "b", "articles", *SHAPE}
        assert all(set(p[layer]) == keys for layer, keys in SHAPE.items())
    assert set(report["mean"]) == set(SHAPE)
    ab, ac = pairs[("a", "b")], pairs[("a", "c")]
    assert (ab["articles"], ac["articles"]) == (4, 4 - _c_left_a_shared_one(team))
    # a kept 4 entities an article, b 3 (no Lahore, India an ORG): 2 exact matches each -> 2*2/(4+3)
    assert ab["entities"]["f1"] == pytest.approx(4 / 7, abs=1e-4)
    assert ac["entities"] == {"f1": 1.0, "overlap_f1": 1.0, "alpha": 1.0}
    assert ac["quotes"]["f1"] == 1.0 and ac["quotes"]["speaker"] == 1.0
    assert ac["quotes"]["kind_kappa"] == 0.0  # a: all direct, c: all indirect
    assert ac["events"] == {"f1": 0.0, "kappa": None, "actor": None}  # c rejected every event
    assert ab["events"] == {"f1": 1.0, "kappa": 1.0, "actor": 1.0}
    only = json.loads(cli("--db", team["team"], "agreement", "--json", "--layer", "quotes").stdout)
    assert set(only["pairs"][0]) == {"a", "b", "articles", "quotes"}
    text = cli("--db", team["team"], "agreement").stdout
    assert "per-label F1 a/b: GPE 0.500, ORG 0.000, PERSON 1.000" in text


def test_adjudicate_then_export_never_mixes_versions(team: dict[str, Path]) -> None:
    d = team["dir"]
    done = newsgold("--db", team["team"], "--annotator", "lead", "adjudicate", "--auto", "agreed").stdout
    assert done.startswith("adjudicated 4 article(s)")
    assert "adjudicated 0 article(s)" in cli("--db", team["team"], "adjudicate", "--auto", "agreed").stdout
    assert {r[0] for r in _rows(team["team"], "SELECT DISTINCT who FROM changes")} == {"lead"}

    newsgold("--db", team["team"], "export", "--version", "all", "--status", "any", "-o", d / "all.jsonl")
    lines = read_jsonl(d / "all.jsonl")
    assert len(lines) == 4 + 18  # 4 adjudicated, 18 annotators' versions
    by_version: dict[str, list[dict[str, Any]]] = {}
    for line in lines:
        by_version.setdefault(line["annotator"], []).append(line)
    assert sorted(by_version) == ["a", "adjudicated", "b", "c"]
    # c's lines are c's work only: indirect quotes, no events; b's: no Lahore, India an ORG
    assert {q["kind"] for line in by_version["c"] for q in line["quotes"]} == {"indirect"}
    assert all(not line["events"] for line in by_version["c"])
    assert all("Lahore" not in [e["text"] for e in line["entities"]] for line in by_version["b"])
    # where a, b and c all did the article, they agree on Ahmed Khan and Pakistan only
    adjudicated = {line["id"]: line for line in by_version["adjudicated"]}
    three = [aid for aid, line in adjudicated.items() if not line["quotes"]]
    assert len(three) == 4 - _c_left_a_shared_one(team)
    for aid in three:
        assert sorted(e["text"] for e in adjudicated[aid]["entities"]) == ["Ahmed Khan", "Pakistan"]
        assert all(e["state"] == "accepted" for e in adjudicated[aid]["entities"])

    cli("--db", team["team"], "export", "--version", "b", "-o", d / "b.jsonl")
    assert {line["annotator"] for line in read_jsonl(d / "b.jsonl")} == {"b"}
    assert len(read_jsonl(d / "b.jsonl")) == 6
    default = cli("--db", team["team"], "export", "--status", "any", "-o", d / "default.jsonl")
    versions = {line["id"]: line["annotator"] for line in read_jsonl(d / "default.jsonl")}
    assert len(versions) == 10  # 4 adjudicated + 6 done by one annotator only
    assert sorted(versions.values()).count("adjudicated") == 4
    assert "left out" not in default.stderr
    bad = cli("--db", team["team"], "export", "--version", "zed", "-o", d / "z.jsonl", check=False)
    assert bad.returncode == 2 and "[E305]" in bad.stderr


def test_a_newer_file_replaces_only_that_annotators_versions(team: dict[str, Path]) -> None:
    d = team["dir"]
    team2 = d / "team2.sqlite3"
    shutil.copy(team["team"], team2)
    b2 = d / "b2.sqlite3"
    shutil.copy(team["out"] / "b.sqlite3", b2)
    before = {(v[0], v[1]): v[4] for v in _versions(team2)}
    w = annotate(b2, "b", "indirect")  # b changes their mind: every quote indirect, every event rejected
    _, err = w.communicate(timeout=120)
    assert w.returncode == 0, err
    out = cli("merge", b2, "-o", team2).stdout
    assert "0 version(s) added, 6 replaced, 0 unchanged" in out
    after = {(v[0], v[1]): v[4] for v in _versions(team2)}
    changed = {key for key in before if before[key] != after[key]}
    assert {annotator for _, annotator in changed} == {"b"} and len(changed) == 6


def test_a_file_from_another_corpus_is_refused(team: dict[str, Path]) -> None:
    d = team["dir"]
    alien = d / "alien.sqlite3"
    shutil.copy(team["out"] / "a.sqlite3", alien)
    conn = sqlite3.connect(alien)
    with conn:
        conn.execute("UPDATE articles SET text = text || ' (edited)' WHERE rowid = 1")
    conn.close()
    before = _versions(team["team"])
    bad = newsgold("merge", team["out"] / "c.sqlite3", alien, "-o", team["team"], check=False)
    assert bad.returncode == 2
    assert "[E301]" in bad.stderr and "alien.sqlite3 is from another corpus" in bad.stderr
    assert _versions(team["team"]) == before  # nothing merged, not even c
    other = d / "other.sqlite3"
    shutil.copy(team["out"] / "a.sqlite3", other)
    conn = sqlite3.connect(other)
    with conn:
        conn.execute("UPDATE corpus_meta SET value = 'elsewhere' WHERE key = 'corpus'")
    conn.close()
    bad = cli("merge", other, "-o", team["team"], check=False)
    assert bad.returncode == 2 and "[E302]" in bad.stderr


def test_imported_done_work_is_done_by_the_importing_annotator(team: dict[str, Path], tmp_path: Path) -> None:
    cli("--db", team["out"] / "a.sqlite3", "export", "-o", tmp_path / "a_done.jsonl")
    fresh = tmp_path / "zoe.sqlite3"
    cli("--db", fresh, "--annotator", "zoe", "import", "--no-preannotate", tmp_path / "a_done.jsonl")
    rows = _rows(fresh, "SELECT status, annotator, json_extract(provenance, '$.annotator') FROM articles")
    assert rows and set(rows) == {("done", "zoe", "a")}
    # ... and so joins the team as zoe's versions
    merged = cli("merge", fresh, "-o", tmp_path / "t.sqlite3").stdout
    assert "(zoe): 6 version(s) added" in merged


def test_a_file_against_itself_agrees_fully(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.sqlite3"
    cli("--db", corpus, "import", "--no-preannotate", write_corpus(tmp_path / "in.jsonl", 3))
    cli("--db", corpus, "assign", "--annotators", "x,y", "--overlap", "1", "-o", tmp_path / "out")
    for name in "xy":
        annotate_as.main(str(tmp_path / "out" / f"{name}.sqlite3"), name, "lahore")
    cli("merge", tmp_path / "out" / "x.sqlite3", tmp_path / "out" / "y.sqlite3", "-o", tmp_path / "t.sqlite3")
    report = json.loads(cli("--db", tmp_path / "t.sqlite3", "agreement", "--json").stdout)
    assert report["articles"] == 3
    assert all(value == 1.0 for layer in SHAPE for value in report["mean"][layer].values())
