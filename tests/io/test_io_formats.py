"""Export -> import round trips for every format, on texts with emoji, CRLF, Arabic and HTML-like text."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from desktop_app.core.model import Arg, Article, Entity, Event, Quote, Span
from desktop_app.io.formats import brat, common
from desktop_app.io.importers import read_inputs
from desktop_app.io.jsonl import article_to_dict
from desktop_app.services.exporting import export

TEXTS = [
    "Pakistan 🇵🇰 said 👍🏽 today.\r\nAhmed Khan said: \"We will respond.\" The army struck Kabul.\r\n",
    "قال أحمد خان إن الجيش سيرد. <b>&amp;</b> Imran Ali said \"fine 👍🏽\" to Reuters.\n",
]


def _find(text: str, sub: str, nth: int = 0) -> Span:
    i = -1
    for _ in range(nth + 1):
        i = text.index(sub, i + 1)
    return Span(i, i + len(sub))


def _articles() -> list[Article]:
    out = []
    t = TEXTS[0]
    a = Article.from_text(t, "Strikes")
    pk, ak, kb = _find(t, "Pakistan"), _find(t, "Ahmed Khan"), _find(t, "Kabul")
    q, cue, trig = _find(t, "We will respond."), _find(t, "said", 1), _find(t, "struck")
    a.status = "done"
    a.meta = {"published": "2025-11-03"}
    a.entities = [Entity(pk.start, pk.end, "GPE", "human", "accepted"), Entity(ak.start, ak.end, "PERSON", "human",
                  "accepted"), Entity(kb.start, kb.end, "GPE", "model", "accepted")]
    a.quotes = [Quote(q.start, q.end, "direct", cue=cue, speaker="Ahmed Khan", speaker_entity=ak, mention=ak,
                      origin="human", state="accepted")]
    a.events = [Event("ASSAULT", common.enclosing_sentence(t, trig.start, trig.end), trigger=trig,
                      actor=Arg("Pakistan", pk), recipient=Arg("Kabul", kb), origin="human", state="accepted")]
    out.append(a)
    t = TEXTS[1]
    b = Article.from_text(t, "Arabic")
    ah, im = _find(t, "أحمد خان"), _find(t, "Imran Ali")
    q2 = _find(t, "fine 👍🏽")
    b.status = "done"
    b.entities = [Entity(ah.start, ah.end, "PERSON", "human", "accepted"), Entity(im.start, im.end, "PERSON",
                  "human", "accepted"), Entity(_find(t, "Reuters").start, _find(t, "Reuters").end, "ORG", "human",
                  "accepted")]
    b.quotes = [Quote(q2.start, q2.end, "direct", cue=_find(t, "said"), speaker="Imran Ali", speaker_entity=im,
                      origin="human", state="accepted")]
    out.append(b)
    return out


@pytest.fixture
def filled(store):  # type: ignore[no-untyped-def]
    store.add_articles(_articles())
    return store


def _by_text(items: list[object]) -> dict[str, dict]:  # type: ignore[type-arg]
    arts = [x for x in items if isinstance(x, Article)]
    assert len(arts) == len(items), [x for x in items if not isinstance(x, Article)]
    return {a.text: article_to_dict(a) for a in arts}


def _spans(d: dict, key: str) -> set:  # type: ignore[type-arg]
    return {(x["start"], x["end"], x.get("label"), x["text"]) for x in d[key]}


def test_jsonl_round_trip_identical(filled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.services.importing import import_paths
    from desktop_app.storage import Store

    first = tmp_path / "a.jsonl"
    export(filled, "jsonl", first, status="done")
    other = Store(tmp_path / "b.sqlite3")
    assert import_paths(other, [first]).ok
    second = tmp_path / "b.jsonl"
    export(other, "jsonl", second, status="done")
    other.close()
    assert second.read_bytes() == first.read_bytes()  # no meta.line, no meta.source added, updated_at kept


@pytest.mark.parametrize("fmt,name", [("prodigy", "p.jsonl"), ("doccano", "d.jsonl"), ("brat", "brat"),
                                      ("spacy", "s.spacy")])
def test_export_import_keeps_what_the_format_carries(filled, tmp_path: Path, fmt: str, name: str) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / name
    assert export(filled, fmt, out, status="done") == 2
    got = _by_text(list(read_inputs([out], fmt)))
    want = {a.text: article_to_dict(a) for a in _articles()}
    assert set(got) == set(want)  # texts exact: CRLF, emoji, Arabic, HTML-like
    for text, w in want.items():
        g = got[text]
        assert _spans(g, "entities") == _spans(w, "entities")
        assert {(q["start"], q["end"], q["kind"], q["text"], q["cue"]["text"], q["speaker"]["name"])
                for q in g["quotes"]} == {(q["start"], q["end"], q["kind"], q["text"], q["cue"]["text"],
                                           q["speaker"]["name"]) for q in w["quotes"]}
        for gq, wq in zip(g["quotes"], w["quotes"], strict=True):
            ents = {e["id"]: e["text"] for e in g["entities"]}
            wents = {e["id"]: e["text"] for e in w["entities"]}
            assert ents[gq["speaker"]["entity"]] == wents[wq["speaker"]["entity"]]
        assert [(v["type"], v["trigger"]["text"], v["actor"]["name"], v["recipient"]["name"]) for v in g["events"]] \
            == [(v["type"], v["trigger"]["text"], v["actor"]["name"], v["recipient"]["name"]) for v in w["events"]]
        if fmt in ("spacy", "brat"):
            assert [v["sentence"] for v in g["events"]] == [v["sentence"] for v in w["events"]]


def test_doccano_offsets_are_utf16(filled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "d.jsonl"
    export(filled, "doccano", out, status="done")
    for line in out.read_text(encoding="utf-8").splitlines():
        obj = json.loads(line)
        assert set(obj) >= {"text", "entities", "relations"}
        units = obj["text"].encode("utf-16-le")
        for e in obj["entities"]:
            assert set(e) == {"id", "start_offset", "end_offset", "label"}
            piece = units[2 * e["start_offset"]: 2 * e["end_offset"]].decode("utf-16-le")
            assert piece.strip()
        for r in obj["relations"]:
            assert set(r) == {"id", "from_id", "to_id", "type"}
    emoji = next(json.loads(x) for x in out.read_text(encoding="utf-8").splitlines() if "Reuters" in x)
    reuters = next(e for e in emoji["entities"] if e["label"] == "ORG")
    assert reuters["start_offset"] == emoji["text"].index("Reuters") + 2  # 👍🏽 is two astral chars = 4 units


def test_prodigy_fields(filled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "p.jsonl"
    export(filled, "prodigy", out, status="done")
    for line in out.read_text(encoding="utf-8").splitlines():
        task = json.loads(line)
        assert {"text", "meta", "tokens", "spans", "relations", "answer", "_input_hash", "_task_hash"} <= set(task)
        assert task["answer"] == "accept"
        toks = task["tokens"]
        for s in task["spans"]:
            assert toks[s["token_start"]]["start"] <= s["start"] and toks[s["token_end"]]["end"] >= s["end"]
        rels = [r for r in task["relations"] if r["label"] == "SPEAKER_OF"]
        assert rels
        for r in rels:
            assert r["head"] == r["head_span"]["token_end"] and r["child"] == r["child_span"]["token_end"]
            assert r["child_span"]["label"].startswith("QUOTE_")


def test_docbin_loads_and_debug_data_accepts(filled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import spacy
    from spacy.tokens import DocBin

    out = tmp_path / "s.spacy"
    export(filled, "spacy", out, status="done")
    docs = list(DocBin().from_disk(out).get_docs(spacy.blank("en").vocab))
    assert [d.text for d in docs] == [a.text for a in _articles()]
    first = docs[0]
    assert [e.text for e in first.ents] == ["Pakistan", "Ahmed Khan", "Kabul"]
    assert [s.label_ for s in first.spans["quotes"]] == ["direct"]
    assert [s.label_ for s in first.spans["event_triggers"]] == ["ASSAULT"]
    from spacy.training import Corpus

    examples = list(Corpus(out)(spacy.blank("en")))
    assert len(examples) == 2 and examples[0].reference.ents


def test_brat_strict_parse_and_conf(filled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "brat"
    export(filled, "brat", out, status="done")
    assert (out / "annotation.conf").exists() and (out / "visual.conf").exists()
    anns = sorted(out.glob("*.ann"))
    assert len(anns) == 2
    for ann in anns:
        with open(ann.with_suffix(".txt"), encoding="utf-8", newline="") as f:
            text = f.read()
        parsed = brat.parse_ann(ann.read_text(encoding="utf-8"), str(ann), text)
        assert parsed["T"]
    assert "\r\n" in (out / f"{_articles()[0].id}.txt").read_bytes().decode()
    with pytest.raises(Exception, match="not a brat"):
        brat.parse_ann("T1 PERSON 0 3\tabc\n", "x.ann")


def test_conll_tokens_match_spacy(filled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "c.conll"
    export(filled, "conll", out, status="done")
    lines = out.read_text(encoding="utf-8").split("\n")
    assert lines.count("-DOCSTART- -X- -X- O") == 2
    rows = [ln.split(" ") for ln in lines if ln and not ln.startswith("-DOCSTART-")]
    assert all(len(r) == 4 for r in rows)
    n_spacy = sum(1 for a in _articles() for t in common.make_doc(a.text) if not t.is_space)
    assert len(rows) == n_spacy
    assert [r[0] for r in rows if r[3].endswith("PERSON")][:2] == ["Ahmed", "Khan"]
    assert [r[3] for r in rows if r[0] in ("Ahmed", "Khan")][:2] == ["B-PERSON", "I-PERSON"]


def test_csv_quotes_and_events(filled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "q.csv"
    export(filled, "csv", out, status="done")
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    with open(out, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert {r["speaker"] for r in rows} == {"Ahmed Khan", "Imran Ali"}
    assert {r["quote"] for r in rows} == {"We will respond.", "fine 👍🏽"}
    ev = tmp_path / "e.csv"
    export(filled, "csv", ev, status="done", options={"table": "events"})
    with open(ev, encoding="utf-8-sig", newline="") as f:
        erows = list(csv.DictReader(f))
    assert [(r["type"], r["trigger"], r["actor"], r["recipient"]) for r in erows] == [
        ("ASSAULT", "struck", "Pakistan", "Kabul")]


def test_citron_folder(filled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "citron"
    export(filled, "citron", out, status="done")
    files = sorted(out.glob("*.json"))
    assert len(files) == 2
    for f in files:
        data = json.loads(f.read_text(encoding="utf-8"))
        for q in data["quotes"]:
            assert set(q) == {"cue", "sources", "contents", "coreferences"}
            for part in [q["cue"], *q["sources"], *q["contents"]]:
                assert data["text"][part["start"]:part["end"]] == part["text"]


def test_split_is_deterministic(filled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "all.jsonl"
    opts = {"split": "train=0.5,dev=0.25,test=0.25", "seed": 3}
    export(filled, "jsonl", out, status="done", options=opts)
    parts = {p: tmp_path / f"all_{p}.jsonl" for p in ("train", "dev", "test")}
    assert all(p.exists() for p in parts.values())
    ids = sorted(json.loads(x)["id"] for p in parts.values() for x in p.read_text().splitlines())
    assert ids == sorted(a.id for a in _articles())
    first = {k: v.read_text() for k, v in parts.items()}
    export(filled, "jsonl", out, status="done", options=opts)
    assert {k: v.read_text() for k, v in parts.items()} == first


def test_spacy_train_runs_one_step_on_export(filled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The real consumer: `spacy train` with a tiny NER config accepts the DocBin (one step)."""
    import subprocess
    import sys

    data = tmp_path / "train.spacy"
    export(filled, "spacy", data, status="done")
    cfg = tmp_path / "config.cfg"
    subprocess.run([sys.executable, "-m", "spacy", "init", "config", str(cfg), "--lang", "en", "--pipeline", "ner",
                    "--optimize", "efficiency", "--force"], check=True, capture_output=True)
    run = subprocess.run([sys.executable, "-m", "spacy", "train", str(cfg), "--paths.train", str(data),
                          "--paths.dev", str(data), "--training.max_steps", "1", "--training.eval_frequency", "1",
                          "--nlp.batch_size", "2", "--output", str(tmp_path / "model")],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    assert (tmp_path / "model" / "model-last").is_dir()


def test_cli_export_and_auto_detected_import(filled, db_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """`newsgold export --format brat/spacy` then `newsgold import` with no --format finds both."""
    from desktop_app.cli import main
    from desktop_app.storage import Store

    filled.close()
    for fmt, name in (("brat", "b"), ("spacy", "s.spacy"), ("doccano", "d.jsonl")):
        assert main(["--db", str(db_path), "export", "--format", fmt, "-o", str(tmp_path / name)]) == 0
    for name in ("b", "s.spacy"):
        other = tmp_path / f"{name}.sqlite3"
        assert main(["--db", str(other), "import", str(tmp_path / name)]) == 0
        with Store(other) as s:
            arts = list(s.iter_articles())
        assert sorted(a.text for a in arts) == sorted(TEXTS)
        assert all(q.state == "accepted" for a in arts for q in a.quotes) and sum(len(a.quotes) for a in arts) == 2


def test_streamed_docbin_equals_spacys_own(filled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The constant-memory writer produces exactly what DocBin.to_bytes produces."""
    import zlib

    from spacy.tokens import DocBin

    from desktop_app.io.formats.spacy_docbin import article_to_doc

    out = tmp_path / "s.spacy"
    export(filled, "spacy", out, status="done")
    ref = DocBin(store_user_data=True)
    for a in filled.iter_articles(status="done"):
        ref.add(article_to_doc(a, "done"))
    assert zlib.decompress(out.read_bytes()) == zlib.decompress(ref.to_bytes())
    empty = tmp_path / "empty.spacy"
    export(filled, "spacy", empty, status="done", options={"split": "a=1,b=0"})
    assert len(DocBin().from_disk(tmp_path / "empty_b.spacy")) == 0


def test_bad_offsets_are_named_errors(tmp_path: Path) -> None:
    """An offset inside a surrogate pair (doccano) or a malformed .ann line (brat) names file and line."""
    from desktop_app.errors import InputError

    d = tmp_path / "bad.jsonl"
    d.write_text(json.dumps({"text": "👍 ok", "entities": [{"id": 1, "start_offset": 1, "end_offset": 4,
                                                             "label": "ORG"}], "relations": []}) + "\n",
                 encoding="utf-8")
    items = list(read_inputs([d], "doccano"))
    assert len(items) == 1 and isinstance(items[0], InputError) and "bad.jsonl:1" in str(items[0])
    b = tmp_path / "brat"
    b.mkdir()
    (b / "x.txt").write_text("Imran Ali", encoding="utf-8")
    (b / "x.ann").write_text("T1\tPERSON 0 9\tImran Ali\nT2 broken\n", encoding="utf-8")
    items = list(read_inputs([b]))
    assert len(items) == 1 and isinstance(items[0], InputError) and "x.ann:2" in str(items[0])
