"""Import -> export keeps every text byte-identical and every span consistent."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

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


def _annotated_corpus(db: Path) -> None:
    """Articles with every kind of annotation, on emoji, CRLF and Arabic text."""
    from desktop_app.core.model import Arg, Article, Entity, Event, Quote, Span
    from desktop_app.storage import Store

    def at(text: str, sub: str, nth: int = 0) -> Span:
        i = -1
        for _ in range(nth + 1):
            i = text.index(sub, i + 1)
        return Span(i, i + len(sub))

    def quote(span: Span, kind: str, **more: Any) -> Quote:
        return Quote(span.start, span.end, kind, **more)

    t1 = "Pakistan 🇵🇰 said 👍🏽 today.\r\nAhmed Khan said: \"We will respond.\" The army struck Kabul.\r\n"
    a = Article.from_text(t1, "Strikes 🇵🇰", meta={"published": "2025-11-03", "url": "https://x.test/a?b=1&c=ü"})
    pk, ak, kb = at(t1, "Pakistan"), at(t1, "Ahmed Khan"), at(t1, "Kabul")
    a.entities = [Entity(pk.start, pk.end, "GPE", "human", "accepted"),
                  Entity(ak.start, ak.end, "PERSON", "model", "suggested"),
                  Entity(kb.start, kb.end, "GPE", "rule", "accepted")]
    a.quotes = [quote(at(t1, "We will respond."), "direct", cue=at(t1, "said", 1),
                      speaker="Ahmed Khan", speaker_entity=ak, mention=ak, origin="human", state="accepted"),
                quote(at(t1, "Pakistan 🇵🇰 said"), "mixed", origin="model", state="suggested")]
    a.events = [Event("ASSAULT", Span(t1.index("The army"), len(t1) - 2), trigger=at(t1, "struck"),
                      actor=Arg("Pakistan", pk), recipient=Arg("Kabul", kb), origin="human", state="accepted"),
                Event("CONSULT", Span(0, 28), actor=Arg("the army"), origin="rule", state="suggested")]
    t2 = "قال أحمد خان إن الجيش سيرد. <b>&amp;</b> Imran Ali said \"fine 👍🏽\" to Reuters.\n"
    b = Article.from_text(t2, "عربي")
    ah, im = at(t2, "أحمد خان"), at(t2, "Imran Ali")
    b.entities = [Entity(ah.start, ah.end, "PERSON", "human", "accepted"),
                  Entity(im.start, im.end, "PERSON", "model", "accepted")]
    b.quotes = [quote(at(t2, "fine 👍🏽"), "indirect", cue=at(t2, "said"), speaker="Imran Ali",
                      speaker_entity=im, origin="model", state="accepted")]
    c = Article.from_text("No annotations at all.\r\n", "Bare")
    with Store(db) as store:
        store.add_articles([a, b, c])
        store.set_status(a.id, "done", who="amina")
        store.set_status(b.id, "in_progress", who="ahmed")


@pytest.mark.parametrize("status", ["any", "done"])
def test_our_jsonl_export_import_export_is_byte_identical(tmp_path: Path, status: str) -> None:
    first_db, second_db = tmp_path / "first.sqlite3", tmp_path / "second.sqlite3"
    _annotated_corpus(first_db)
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    records = _export(first_db, first, status)
    assert len(records) == (3 if status == "any" else 1)
    assert records[0]["entities"] and records[0]["quotes"] and records[0]["events"]
    assert all("line" not in r["meta"] and "provenance" not in r for r in records)
    assert main(["--db", str(second_db), "import", "--no-preannotate", str(first)]) == 0
    _export(second_db, second, status)
    assert second.read_bytes() == first.read_bytes()


def test_reimported_export_keeps_provenance_apart(tmp_path: Path) -> None:
    from desktop_app.storage import Store

    first_db, second_db = tmp_path / "first.sqlite3", tmp_path / "second.sqlite3"
    _annotated_corpus(first_db)
    first = tmp_path / "first.jsonl"
    records = _export(first_db, first)
    assert main(["--db", str(second_db), "import", "--no-preannotate", str(first)]) == 0
    with Store(second_db) as store:
        articles = [store.get_article(r["id"]) for r in records]
    assert [a.provenance for a in articles] == [{"file": str(first), "line": n, "format": "jsonl"} for n in (1, 2, 3)]
    assert [a.meta for a in articles] == [r["meta"] for r in records]
