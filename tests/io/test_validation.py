"""Every imported JSONL line (ours, Prodigy, doccano) is checked against the spec; a bad line is
rejected with file:line and a numbered code, the rest of the file comes in, the CLI exits 1."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from desktop_app.cli import main
from desktop_app.errors import KINDS, E
from desktop_app.storage import Store

GOOD_1 = {"text": "Pakistan said talks would resume.", "title": "Talks"}
GOOD_3 = {"text": "Kabul answered on Monday.", "title": "Answer"}
TEXT = "Ahmed Khan said \"we will respond\" in Kabul 👍🏽.\r\nمرحبا"


def _canonical(**over: Any) -> dict[str, Any]:
    line: dict[str, Any] = {
        "id": "x", "title": "T", "text": TEXT, "meta": {"published": None}, "status": "done",
        "annotator": None, "updated_at": "2025-11-03T10:00:00.000+00:00",
        "entities": [{"id": "e1", "start": 0, "end": 10, "label": "PERSON", "text": "Ahmed Khan",
                      "origin": "human", "state": "accepted"},
                     {"id": "e2", "start": 37, "end": 42, "label": "GPE", "text": "Kabul",
                      "origin": "model", "state": "suggested"}],
        "quotes": [{"id": "q1", "start": 17, "end": 32, "text": "we will respond", "kind": "direct",
                    "cue": {"start": 11, "end": 15, "text": "said"},
                    "speaker": {"name": "Ahmed Khan", "entity": "e1",
                                "mention": {"start": 0, "end": 10, "text": "Ahmed Khan"}},
                    "origin": "human", "state": "accepted"}],
        "events": [{"id": "v1", "type": "CONSULT", "sentence": {"start": 0, "end": 46},
                    "trigger": {"start": 11, "end": 15, "text": "said"},
                    "actor": {"name": "Ahmed Khan", "entity": "e1"}, "recipient": None,
                    "origin": "model", "state": "suggested"}],
    }
    line.update(over)
    return line


def _import(tmp_path: Path, capsys: pytest.CaptureFixture[str], lines: list[Any], *extra: str,
            name: str = "in.jsonl") -> tuple[int, str, str, Path]:
    src = tmp_path / name
    src.write_text("".join((x if isinstance(x, str) else json.dumps(x, ensure_ascii=False)) + "\n" for x in lines),
                   encoding="utf-8")
    db = tmp_path / "c.sqlite3"
    rc = main(["--db", str(db), "import", "--no-preannotate", *extra, str(src)])
    out = capsys.readouterr()
    return rc, out.out, out.err, db


def _texts(db: Path) -> list[str]:
    with Store(db) as store:
        return [store.get_article(i).text for i in store.article_ids()]


def test_canonical_sample_line_is_valid(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc, _out, err, db = _import(tmp_path, capsys, [_canonical()])
    assert rc == 0, err
    with Store(db) as store:
        a = store.get_article(store.article_ids()[0])
    assert (len(a.entities), len(a.quotes), len(a.events)) == (2, 1, 1)
    assert a.quotes[0].speaker_entity == a.entities[0].span
    assert a.events[0].actor is not None and a.events[0].actor.entity == a.entities[0].span


def test_bug1_finished_status_is_rejected_not_a_duplicate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc, out, err, db = _import(tmp_path, capsys, [GOOD_1, _canonical(status="finished"), GOOD_3])
    assert rc == 1
    assert "skipped 0 duplicate" in out
    assert "rejected 1 input" in out
    assert "[E013]" in err and "in.jsonl:2:" in err
    assert "status 'finished' is not one of new, preannotated, in_progress, done, skipped" in err
    assert sorted(_texts(db)) == sorted([GOOD_1["text"], GOOD_3["text"]])


def test_bug2_unknown_entity_state_rejects_only_that_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = _canonical()
    bad["entities"][1]["state"] = "approved"
    rc, _out, err, db = _import(tmp_path, capsys, [GOOD_1, bad, GOOD_3])
    assert rc == 1
    assert "Traceback" not in err and "IntegrityError" not in err
    assert "[E013]" in err and "in.jsonl:2:" in err
    assert "Line 2: entity 2: state 'approved' is not one of suggested, accepted, rejected" in err
    assert sorted(_texts(db)) == sorted([GOOD_1["text"], GOOD_3["text"]])


def _ent(i: int, **over: Any) -> dict[str, Any]:
    line = _canonical()
    line["entities"][i].update(over)
    return line


def _quote(**over: Any) -> dict[str, Any]:
    line = _canonical()
    line["quotes"][0].update(over)
    return line


def _event(**over: Any) -> dict[str, Any]:
    line = _canonical()
    line["events"][0].update(over)
    return line


def _without(key: str) -> dict[str, Any]:
    line = _event()
    del line["events"][0][key]
    return line


BAD_LINES = [
    # (id, line, code, message fragment)
    ("start-as-string", _ent(0, start="0"), "E014", "entity 1: start should be an integer, not '0'"),
    ("start-as-bool", _ent(0, start=True), "E014", "entity 1: start should be an integer, not True"),
    ("label-as-number", _ent(0, label=7), "E014", "entity 1: label should be a string, not 7"),
    ("origin-enum", _ent(1, origin="robot"), "E013", "entity 2: origin 'robot' is not one of model, rule, human"),
    ("out-of-range", _ent(1, end=999), "E009", "span [37, 999) does not fit the text (length 53)"),
    ("negative", _ent(0, start=-1), "E009", "span [-1, 10) does not fit the text"),
    ("reversed", _ent(1, start=42, end=37), "E016", "entity 2: span [42, 37) is empty or ends before it starts"),
    ("empty", _ent(1, start=37, end=37), "E016", "entity 2: span [37, 37) is empty"),
    ("text-mismatch", _ent(1, text="Kabol"), "E017", "entity 2: text 'Kabol' is not the text at [37, 42) ('Kabul')"),
    ("quote-kind", _quote(kind="reported"), "E013", "quote 1: kind 'reported' is not one of direct, indirect, mixed"),
    ("cue-text", _quote(cue={"start": 11, "end": 15, "text": "says"}), "E017", "quote 1 cue: text 'says'"),
    ("cue-not-object", _quote(cue=[11, 15]), "E014", "quote 1: cue should be an object, not [11, 15]"),
    ("speaker-ref", _quote(speaker={"name": "X", "entity": "e9", "mention": None}), "E018",
     "quote 1 speaker: entity 'e9' is not the id of an entity on this line"),
    ("event-no-sentence", _without("sentence"), "E015", "event 1: sentence is missing"),
    ("event-state", _event(state="ok"), "E013", "event 1: state 'ok' is not one of suggested, accepted, rejected"),
    ("trigger-text", _event(trigger={"start": 11, "end": 15, "text": "SAID"}), "E017", "event 1 trigger: text 'SAID'"),
    ("sentence-out", _event(sentence={"start": 0, "end": 60}), "E009", "span [0, 60) does not fit"),
    ("actor-ref", _event(actor={"name": "A", "entity": "e5"}), "E018", "event 1 actor: entity 'e5' is not the id"),
    ("meta-not-object", _canonical(meta="Reuters"), "E014", "meta should be an object, not 'Reuters'"),
    ("entities-not-list", _canonical(entities={"e1": 1}), "E014", "entities should be a list"),
    ("updated-at", _canonical(updated_at="yesterday"), "E014", "updated_at should be an ISO 8601 time"),
    ("plain-status", {"text": "Just a text.", "status": "finished"}, "E013", "status 'finished' is not one of"),
    ("plain-title", {"text": "Just a text.", "title": ["a"]}, "E014", "title should be a string, not ['a']"),
    ("prodigy-label", {"text": "Imran Khan met.", "spans": [{"start": 0, "end": 10, "label": 3}]}, "E014",
     "span 1: label should be a string, not 3"),
    ("prodigy-text", {"text": "Imran Khan met.", "spans": [{"start": 0, "end": 10, "label": "PERSON", "text": "Imran"}]},
     "E017", "span 1: text 'Imran' is not the text at [0, 10) ('Imran Khan')"),
    ("prodigy-reversed", {"text": "Imran Khan met.", "spans": [{"start": 10, "end": 0, "label": "PERSON"}]}, "E016",
     "span 1: span [10, 0) is empty or ends before it starts"),
    ("prodigy-out", {"text": "short", "spans": [{"start": 0, "end": 99, "label": "ORG"}]}, "E009",
     "span [0, 99) does not fit the text (length 5)"),
    ("prodigy-spans-not-list", {"text": "short", "spans": "0-3"}, "E014", "spans should be a list, not '0-3'"),
    ("prodigy-relation", {"text": "Imran Khan met.", "spans": [{"start": 0, "end": 5, "label": "PERSON"}],
                          "relations": [{"head_span": {"start": 0, "end": 5, "label": "PERSON"},
                                         "child_span": {"start": 6, "end": 99, "label": "X"}, "label": "R"}]},
     "E009", "span [6, 99) does not fit"),
    ("doccano-reversed", {"text": "Kabul responded.", "label": [[5, 0, "GPE"]]}, "E016",
     "label 1: span [5, 0) is empty or ends before it starts"),
    ("doccano-type", {"text": "Kabul responded.", "label": [[0, "5", "GPE"]]}, "E014",
     "label 1: end should be an integer, not '5'"),
    ("doccano-entity-out", {"text": "Kabul", "entities": [{"id": 1, "start_offset": 0, "end_offset": 9,
                                                           "label": "GPE"}], "relations": []},
     "E009", "span [0, 9) does not fit the text (length 5)"),
    ("doccano-unit", {"text": "Kabul", "entities": [{"id": 1, "start_offset": 0, "end_offset": 5, "label": "GPE"}],
                      "offset_unit": "bytes"}, "E013", "offset_unit 'bytes' is not one of"),
    ("doccano-missing", {"text": "Kabul", "entities": [{"id": 1, "start_offset": 0, "label": "GPE"}]}, "E015",
     "entity 1: end_offset is missing"),
]


@pytest.mark.parametrize(("line", "code", "fragment"), [c[1:] for c in BAD_LINES], ids=[c[0] for c in BAD_LINES])
def test_bad_line_is_rejected_with_place_and_code_rest_imported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], line: dict[str, Any], code: str, fragment: str
) -> None:
    rc, _out, err, db = _import(tmp_path, capsys, [GOOD_1, line, GOOD_3])
    assert rc == 1, err
    rejected = [x for x in err.splitlines() if "rejected:" in x]
    assert len(rejected) == 1, err
    assert f"[{code}]" in rejected[0] and "in.jsonl:2:" in rejected[0], rejected[0]
    assert fragment in rejected[0]
    assert sorted(_texts(db)) == sorted([GOOD_1["text"], GOOD_3["text"]])


def test_forced_formats_validate_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad_p = {"text": "Imran Khan met.", "spans": [{"start": 0, "end": 10, "label": "PERSON", "text": "Imran"}]}
    rc, _, err, db = _import(tmp_path, capsys, [GOOD_1, bad_p], "--format", "prodigy", name="p.jsonl")
    assert rc == 1 and "[E017]" in err and "p.jsonl:2:" in err
    assert _texts(db) == [GOOD_1["text"]]
    bad_d = {"text": "Kabul responded.", "label": [[0, 99, "GPE"]]}
    rc, _, err, db = _import(tmp_path, capsys, [bad_d, GOOD_3], "--format", "doccano", name="d.jsonl")
    assert rc == 1 and "[E009]" in err and "d.jsonl:1:" in err
    assert GOOD_3["text"] in _texts(db)


def test_doccano_utf16_offsets_are_checked_after_conversion(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "👍🏽 Kabul"  # two astral characters: four UTF-16 units, two code points
    ok = {"text": text, "entities": [{"id": 0, "start_offset": 5, "end_offset": 10, "label": "GPE"}], "relations": []}
    inside = {"text": text + ".", "entities": [{"id": 0, "start_offset": 1, "end_offset": 10, "label": "GPE"}]}
    rc, _, err, db = _import(tmp_path, capsys, [ok, inside])
    assert rc == 1 and "in.jsonl:2:" in err and "[E012]" in err and "inside a character" in err
    with Store(db) as store:
        (a,) = [store.get_article(i) for i in store.article_ids()]
    assert [a.text[e.start:e.end] for e in a.entities] == ["Kabul"]


def test_many_errors_on_one_line_are_counted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = _canonical(status="finished")
    bad["entities"][0]["state"] = "approved"
    rc, _, err, _ = _import(tmp_path, capsys, [bad])
    assert rc == 1
    assert "status 'finished'" in err and "(and 1 more problem on this line)" in err


def test_new_codes_are_refusals() -> None:
    for code in (E.E013, E.E014, E.E015, E.E016, E.E017, E.E018):
        assert KINDS[code] == "refusal"


def test_provenance_not_meta(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc, _, err, db = _import(tmp_path, capsys, ["", GOOD_1, _canonical()])
    assert rc == 0, err
    with Store(db) as store:
        arts = {a.text: a for a in (store.get_article(i) for i in store.article_ids())}
    plain, ours = arts[GOOD_1["text"]], arts[TEXT]
    assert "line" not in plain.meta and "line" not in ours.meta
    assert plain.provenance == {"file": str(tmp_path / "in.jsonl"), "line": 2, "format": "jsonl"}
    assert ours.provenance == {"file": str(tmp_path / "in.jsonl"), "line": 3, "format": "jsonl"}
    assert ours.meta == {"published": None}  # exactly what the line carried


def test_provenance_names_the_format_that_read_the_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = [{"text": "Imran Khan met.", "spans": [{"start": 0, "end": 10, "label": "PERSON"}]},
             {"text": "Kabul responded.", "label": [[0, 5, "GPE"]]}]
    rc, _, err, db = _import(tmp_path, capsys, lines)
    assert rc == 0, err
    with Store(db) as store:
        got = {store.get_article(i).provenance["format"] for i in store.article_ids()}
        meta = [store.get_article(i).meta for i in store.article_ids()]
    assert got == {"prodigy", "doccano"}
    assert all("line" not in m for m in meta)


def test_csv_and_txt_provenance(tmp_path: Path) -> None:
    src = tmp_path / "n.csv"
    src.write_text("title,text\nA,First body.\nB,Second body.\n", encoding="utf-8")
    db = tmp_path / "c.sqlite3"
    assert main(["--db", str(db), "import", "--no-preannotate", str(src)]) == 0
    with Store(db) as store:
        arts = [store.get_article(i) for i in store.article_ids()]
    assert [a.provenance for a in arts] == [{"file": str(src), "line": n, "format": "csv"} for n in (2, 3)]
    assert all("line" not in a.meta for a in arts)


def test_brat_and_docbin_values_the_database_refuses_are_rejected_inputs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from spacy.tokens import DocBin

    from desktop_app.io.formats import common
    from desktop_app.io.formats.spacy_docbin import USER_KEY

    folder = tmp_path / "brat"
    folder.mkdir()
    (folder / "a.txt").write_text("Imran Khan met Ishaq Dar.", encoding="utf-8")
    (folder / "a.ann").write_text("T1\tPERSON 0 10\tImran Khan\nA1\tState T1 approved\n", encoding="utf-8")
    (folder / "b.txt").write_text("Kabul responded.", encoding="utf-8")
    (folder / "b.ann").write_text("T1\tGPE 0 5\tKabul\n", encoding="utf-8")
    db = tmp_path / "c.sqlite3"
    assert main(["--db", str(db), "import", "--no-preannotate", "--format", "brat", str(folder)]) == 1
    err = capsys.readouterr().err
    assert "[E013]" in err and "a.ann" in err and "entity 1: state 'approved' is not one of" in err
    assert _texts(db) == ["Kabul responded."]

    nlp = common.tokenizer_nlp()
    docs = []
    for n, (ents, quotes) in enumerate([([[0, 5, "GPE", "human", "accepted"]], []),
                                        ([[0, 5, "GPE", "human", "approved"]], []),
                                        ([[0, 5, "GPE"]], []),
                                        ([], [{"span": [9, 3], "kind": "direct"}])]):
        doc = nlp.make_doc(f"Kabul said no {n}.")
        doc.user_data[USER_KEY] = {"title": "t", "entities": ents, "quotes": quotes, "events": []}
        docs.append(doc)
    src = tmp_path / "d.spacy"
    DocBin(docs=docs, store_user_data=True).to_disk(src)
    db2 = tmp_path / "d.sqlite3"
    assert main(["--db", str(db2), "import", "--no-preannotate", str(src)]) == 1
    err = capsys.readouterr().err
    assert f"[E013] {src}:2: Line 2: entity 1: state 'approved'" in err
    assert f"[E012] {src}:3:" in err and f"[E012] {src}:4:" in err
    assert _texts(db2) == ["Kabul said no 0."]
