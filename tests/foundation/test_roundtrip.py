"""Import -> export keeps every text byte-identical and every span consistent."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_app.cli import main

TRICKY = {
    "emoji.txt": "Peace talks 🇵🇰🤝🇦🇫 resume\n\nThe minister said “we are hopeful 👍🏽” on Monday.\n",
    "crlf.txt": "Border reopens at Torkham\r\n\r\nTraders said the crossing reopened.\r\nMore trucks passed.\r\n",
    "arabic.txt": "بيان وزارة الخارجية\n\nقال المتحدث إن المحادثات ستستمر في إسطنبول.\n",
    "markup.txt": "<script>alert(1)</script> & <b>bold</b>\n\nText with &amp; entities.\n",
    "cr_only.txt": "Old Mac line endings\rsecond line\rthird\r",
    "bom.txt": "\ufeffTitle after a BOM\n\nBody.\n",
}


def _write_fixtures(folder: Path) -> dict[str, bytes]:
    folder.mkdir()
    raw = {}
    for name, text in TRICKY.items():
        data = text.encode("utf-8")
        (folder / name).write_bytes(data)
        raw[name] = data
    return raw


def _export(db: Path, out: Path, status: str = "any") -> list[dict]:
    assert main(["--db", str(db), "export", "--format", "jsonl", "--status", status, "-o", str(out)]) == 0
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def _check_spans(record: dict) -> None:
    text = record["text"]
    for e in record["entities"]:
        assert text[e["start"] : e["end"]] == e["text"]
    for q in record["quotes"]:
        assert text[q["start"] : q["end"]] == q["text"]
        for key in ("cue",):
            if q[key]:
                assert text[q[key]["start"] : q[key]["end"]] == q[key]["text"]
        if q["speaker"] and q["speaker"]["mention"]:
            m = q["speaker"]["mention"]
            assert text[m["start"] : m["end"]] == m["text"]
    for v in record["events"]:
        if v["trigger"]:
            assert text[v["trigger"]["start"] : v["trigger"]["end"]] == v["trigger"]["text"]


def test_tricky_texts_round_trip_byte_identical(tmp_path: Path) -> None:
    raw = _write_fixtures(tmp_path / "in")
    db = tmp_path / "c.sqlite3"
    assert main(["--db", str(db), "import", str(tmp_path / "in")]) == 0
    records = _export(db, tmp_path / "out.jsonl")
    by_source = {r["meta"]["source"]: r for r in records}
    assert set(by_source) == set(raw)
    for name, data in raw.items():
        expected = data.decode("utf-8")
        if expected.startswith("\ufeff"):
            expected = expected[1:]  # only a leading BOM is dropped
        assert by_source[name]["text"] == expected
        _check_spans(by_source[name])
    assert by_source["bom.txt"]["title"] == "Title after a BOM"
    assert by_source["crlf.txt"]["title"] == "Border reopens at Torkham"


def test_seeds_round_trip_with_suggestions(seeds_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "c.sqlite3"
    assert main(["--db", str(db), "import", str(seeds_dir)]) == 0
    records = _export(db, tmp_path / "out.jsonl")
    assert len(records) == 5
    for r in records:
        source = seeds_dir / r["meta"]["source"]
        assert r["text"].encode("utf-8") == source.read_bytes()
        _check_spans(r)
        assert r["status"] == "preannotated"
    dated = {r["meta"]["source"][:3]: r["meta"].get("published") for r in records}
    assert dated["000"] == "2025-11-03"
    assert dated["003"] == "2025-11-10"


def test_boilerplate_is_ignored_not_deleted(seeds_dir: Path, tmp_path: Path) -> None:
    from desktop_app.storage import Store

    db = tmp_path / "c.sqlite3"
    assert main(["--db", str(db), "import", "--no-preannotate", str(seeds_dir / "001_9369c234185c4d88.txt")]) == 0
    with Store(db) as store:
        (aid,) = store.article_ids()
        article = store.get_article(aid)
    ignored = {article.text[s.start : s.end] for s in article.ignored}
    assert {"Related Articles", "Leave a Reply", "Back to top button"} <= ignored
    assert "Leave a Reply" in article.text


def test_done_export_carries_only_accepted_work(tmp_path: Path) -> None:
    from desktop_app.core.model import Article, Entity
    from desktop_app.storage import Store

    db = tmp_path / "c.sqlite3"
    text = "Pakistan and Afghanistan held talks in Istanbul."
    a = Article.from_text(text, "t")
    b = Article.from_text(text + " Again.", "u")
    with Store(db) as store:
        store.add_articles([a, b])
        keep = store.add(a.id, Entity(0, 8, "GPE", "model", "suggested"))
        store.add(a.id, Entity(13, 24, "GPE", "model", "suggested"))
        store.add(a.id, Entity(39, 47, "GPE", "model", "rejected"))
        store.update("entities", keep, {"state": "accepted"})
        store.set_status(a.id, "done", who="amina")
    done = _export(db, tmp_path / "done.jsonl", "done")
    assert [r["id"] for r in done] == [a.id]
    assert [e["text"] for e in done[0]["entities"]] == ["Pakistan"]
    assert done[0]["annotator"] == "amina"
    every = _export(db, tmp_path / "any.jsonl", "any")
    assert len(every) == 2
    assert [e["text"] for e in every[0]["entities"]] == ["Pakistan", "Afghanistan"]


@pytest.mark.parametrize("status", ["done", "any"])
def test_export_keys_follow_the_spec_order(tmp_path: Path, status: str) -> None:
    from desktop_app.core.model import Article
    from desktop_app.storage import Store

    db = tmp_path / "c.sqlite3"
    a = Article.from_text("Some text.", "Some")
    with Store(db) as store:
        store.add_articles([a])
        store.set_status(a.id, "done")
    (record,) = _export(db, tmp_path / "x.jsonl", status)
    assert list(record) == ["id", "title", "text", "meta", "status", "annotator", "updated_at",
                            "entities", "quotes", "events"]
    assert record["meta"]["published"] is None
