"""The people registry on a real corpus: merge, rename, move an alias, notes; each undone and redone
as one step, the quotes' and events' names following; the registry's CSV/JSON files; the CLI."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.errors import NewsGoldError
from desktop_app.services import people
from desktop_app.services.importing import import_paths
from desktop_app.storage import Store

DEMO = Path(__file__).resolve().parent.parent / "gold" / "demo.jsonl"


@pytest.fixture
def corpus(db_path: Path) -> Path:
    with Store(db_path) as s:
        import_paths(s, [DEMO])
    return db_path


def names(path: Path) -> dict[str, int]:
    """How often each name is a quote's speaker or an event's actor or recipient (straight from the file)."""
    with sqlite3.connect(path) as c:
        rows = c.execute("SELECT speaker FROM quotes UNION ALL SELECT actor FROM events "
                         "UNION ALL SELECT recipient FROM events").fetchall()
    out: dict[str, int] = {}
    for (n,) in rows:
        if n:
            out[n] = out.get(n, 0) + 1
    return out


def test_merge_moves_quotes_events_and_aliases_and_undo_restores_everything(corpus: Path) -> None:
    before = names(corpus)
    with Store(corpus) as s:
        s.registry_add("Mr Fidan", "Hakan Fidan")
        fidan = s.person("Hakan Fidan")
        changes = people.merge(s, "Hakan Fidan", "Farhan Qureshi", who="ann")
        assert changes.count == before["Hakan Fidan"] and changes.registry
        merged = s.person("Farhan Qureshi")
        assert merged["quotes"] == 5 + fidan["quotes"]
        assert sorted(merged["aliases"]) == ["Hakan Fidan", "Mr Fidan"]
        assert s.registry()["Mr Fidan"] == "Farhan Qureshi"
        assert "Hakan Fidan" not in names(corpus)
        with pytest.raises(NewsGoldError, match="E402"):
            s.person("Hakan Fidan")
        people.undo(s)
        assert names(corpus) == before
        assert s.registry()["Mr Fidan"] == "Hakan Fidan"
        assert s.person("Hakan Fidan")["quotes"] == fidan["quotes"]
        people.redo(s)
        assert "Hakan Fidan" not in names(corpus)
        people.undo(s)
        with pytest.raises(NewsGoldError, match="E408"):
            people.undo(s)  # the registry's own undo stops at its first edit (the alias added directly)


def test_rename_keeps_the_old_name_as_an_alias_and_refuses_an_existing_person(corpus: Path) -> None:
    with Store(corpus) as s:
        n_quotes = s.person("Tahira Andleeb")["quotes"]
        people.rename(s, "Tahira Andleeb", "Tahira Andleeb (FO)")
        assert s.person("Tahira Andleeb (FO)")["quotes"] == n_quotes
        assert s.registry()["Tahira Andleeb"] == "Tahira Andleeb (FO)"
        with pytest.raises(NewsGoldError, match="E403"):
            people.rename(s, "Tahira Andleeb (FO)", "Farhan Qureshi")
        with pytest.raises(NewsGoldError, match="E404"):
            people.merge(s, "Farhan Qureshi", "farhan qureshi")
        # an article's own undo is not a registry undo: the rename stays
        aid = s.person("Tahira Andleeb (FO)") and s.appearances("Tahira Andleeb (FO)")[0]["id"]
        assert not s.can_undo(aid)


def test_move_alias_takes_the_quotes_whose_mention_reads_so(corpus: Path) -> None:
    with Store(corpus) as s:
        s.registry_add("the Foreign Office spokesperson", "Tahira Andleeb")
        article = next(a for a in s.iter_articles() if any(q.speaker == "Tahira Andleeb"
                                                           for q in a.quotes))
        q = next(q for q in article.quotes if q.speaker == "Tahira Andleeb" and q.mention)
        mention = article.text[q.mention.start:q.mention.end]
        s.registry_add(mention, "Tahira Andleeb")
        changes = people.move_alias(s, mention, "Foreign Office")
        assert changes.count >= 1
        moved = s.get_article(article.id).quotes
        assert all(x.speaker == "Foreign Office" for x in moved
                   if x.mention and article.text[x.mention.start:x.mention.end].casefold() == mention.casefold())
        assert s.registry()[mention] == "Foreign Office"
        people.undo(s)
        assert s.registry()[mention] == "Tahira Andleeb"


def test_note_and_external_id_survive_a_merge_and_round_trip_through_csv_and_json(corpus: Path, tmp_path: Path) -> None:
    with Store(corpus) as s:
        people.set_info(s, "Hakan Fidan", note="Turkish foreign minister", external_id="Q6581224")
        s.registry_add("Mr Fidan", "Hakan Fidan")
        for fmt in ("json", "csv"):
            path = tmp_path / f"registry.{fmt}"
            people.export_registry(s, path)
            records = people.read_registry(path)
            fidan = next(r for r in records if r["name"] == "Hakan Fidan")
            assert fidan == {"name": "Hakan Fidan", "aliases": ["Mr Fidan"], "note": "Turkish foreign minister",
                             "external_id": "Q6581224"}
        people.merge(s, "Hakan Fidan", "Farhan Qureshi")
        assert s.person("Farhan Qureshi")["external_id"] == "Q6581224"
    fresh = tmp_path / "fresh.sqlite3"
    with Store(fresh) as s:
        changes = people.import_registry(s, tmp_path / "registry.csv")
        assert changes.count == 1
        assert s.registry()["Mr Fidan"] == "Hakan Fidan"
        assert s.person("Hakan Fidan")["note"] == "Turkish foreign minister"
        people.undo(s)
        assert "Mr Fidan" not in s.registry()
    bad = tmp_path / "bad.json"
    bad.write_text('[{"aliases": ["x"]}]', encoding="utf-8")
    with Store(fresh) as s, pytest.raises(NewsGoldError, match="E405"):
        people.import_registry(s, bad)


def test_cli_people_lists_merges_and_renames(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = ["--db", str(corpus)]
    assert main([*db, "people", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    fidan = next(p for p in listed if p["name"] == "Hakan Fidan")
    assert {"name", "aliases", "quotes", "events", "articles"} <= set(fidan)
    assert main([*db, "people", "merge", "Hakan Fidan", "Farhan Qureshi"]) == 0
    assert "Merged Hakan Fidan into Farhan Qureshi" in capsys.readouterr().out
    assert main([*db, "people", "rename", "Farhan Qureshi", "Farhan Q."]) == 0
    capsys.readouterr()
    assert main([*db, "people", "--json"]) == 0
    after = {p["name"]: p for p in json.loads(capsys.readouterr().out)}
    assert "Hakan Fidan" not in after and "Farhan Qureshi" not in after
    assert sorted(after["Farhan Q."]["aliases"]) == ["Farhan Qureshi", "Hakan Fidan"]
    assert after["Farhan Q."]["quotes"] == 5 + fidan["quotes"]
    assert main([*db, "people", "rename", "Nobody", "X"]) == 2
    assert "E402" in capsys.readouterr().err


def test_cli_chart_writes_png_and_svg(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = ["--db", str(corpus)]
    png, svg = tmp_path / "speakers.png", tmp_path / "events.svg"
    assert main([*db, "chart", "speakers", "-o", str(png), "--status", "any"]) == 0
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert main([*db, "chart", "events-over-time", "-o", str(svg)]) == 0
    text = svg.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<?xml") and "<svg" in text and "Events over time" in text
    assert main([*db, "chart", "actors", "-o", str(tmp_path / "x.jpg")]) == 2
    assert "E406" in capsys.readouterr().err


def test_an_article_undo_after_a_merge_keeps_the_merged_name(corpus: Path) -> None:
    with Store(corpus) as s:
        aid = next(a["id"] for a in s.appearances("Hakan Fidan") if a["quotes"])
        q = next(q for q in s.get_article(aid).quotes if q.speaker == "Hakan Fidan")
        assert q.id is not None
        s.update("quotes", q.id, {"kind": "indirect" if q.kind != "indirect" else "direct"}, who="ann")
        people.merge(s, "Hakan Fidan", "Farhan Qureshi")
        s.undo(aid)  # the article's own edit goes; the quote comes back as it was before it, renamed
        back = next(x for x in s.get_article(aid).quotes if x.id == q.id)
        assert back.kind == q.kind and back.speaker == "Farhan Qureshi"
        people.undo(s)  # and undoing the merge itself still brings the old name back
        assert next(x for x in s.get_article(aid).quotes if x.id == q.id).speaker == "Hakan Fidan"


def _fidan_quote(s: Store) -> tuple[str, int, str]:
    aid = next(a["id"] for a in s.appearances("Hakan Fidan") if a["quotes"])
    q = next(q for q in s.get_article(aid).quotes if q.speaker == "Hakan Fidan")
    assert q.id is not None
    return aid, q.id, q.kind


def _quote(s: Store, aid: str, qid: int) -> tuple[str | None, str] | None:
    q = next((x for x in s.get_article(aid).quotes if x.id == qid), None)
    return None if q is None else (q.speaker, q.kind)


def test_undoing_an_article_edit_then_the_merge_brings_back_neither_older_snapshot(corpus: Path) -> None:
    with Store(corpus) as s:
        aid, qid, kind = _fidan_quote(s)
        other = "indirect" if kind != "indirect" else "direct"
        s.update("quotes", qid, {"kind": other}, who="ann")
        people.merge(s, "Hakan Fidan", "Farhan Qureshi")
        s.undo(aid)  # the kind change goes
        people.undo(s)  # the merge goes: the name comes back, the undone kind change stays undone
        assert _quote(s, aid, qid) == ("Hakan Fidan", kind)


def test_undoing_the_merge_keeps_an_article_edit_made_after_it(corpus: Path) -> None:
    with Store(corpus) as s:
        aid, qid, kind = _fidan_quote(s)
        other = "indirect" if kind != "indirect" else "direct"
        people.merge(s, "Hakan Fidan", "Farhan Qureshi")
        s.update("quotes", qid, {"kind": other}, who="ann")
        people.undo(s)  # the name comes back; the annotator's later edit stays
        assert _quote(s, aid, qid) == ("Hakan Fidan", other)
        s.undo(aid)  # and undoing that edit does not bring back the merged name
        assert _quote(s, aid, qid) == ("Hakan Fidan", kind)
        people.redo(s)
        assert _quote(s, aid, qid) == ("Farhan Qureshi", kind)


def test_undoing_the_merge_does_not_bring_back_a_quote_deleted_since(corpus: Path) -> None:
    with Store(corpus) as s:
        aid, qid, _kind = _fidan_quote(s)
        people.merge(s, "Hakan Fidan", "Farhan Qureshi")
        s.delete("quotes", qid, who="ann")
        people.undo(s)
        assert _quote(s, aid, qid) is None
