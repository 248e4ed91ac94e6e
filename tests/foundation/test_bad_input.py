"""Every kind of bad input gets a clear message with its place; the rest still comes in."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.storage import Store

GOOD = "Good article title\n\nThe spokesperson said talks would resume.\n"

BAD_CASES = [
    # (file name, bytes, expected code, expected place fragment)
    ("empty.txt", b"", "E001", "empty.txt"),
    ("blank.txt", b"  \n\n ", "E001", "blank.txt"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "E002", "binary.txt"),
    ("latin1.txt", "Caf\u00e9 line one\nsecond line caf\u00e9".encode("latin-1"), "E003", "latin1.txt:1"),
    ("broken.jsonl", b'{"text": "fine line one"}\n{"text": oops}\n', "E004", "broken.jsonl:2"),
    ("notext.jsonl", b'{"body": "no text key"}\n', "E005", "notext.jsonl:1"),
    ("badspan.jsonl", json.dumps({"text": "short", "spans": [{"start": 0, "end": 99, "label": "ORG"}]}).encode(),
     "E009", "badspan.jsonl:1"),
    ("latin1.jsonl", b'{"text": "ok"}\n{"text": "caf\xe9"}\n', "E003", "latin1.jsonl:2"),
    ("status.jsonl", b'{"text": "ok one"}\n{"text": "ok two", "status": "finished"}\n', "E013", "status.jsonl:2"),
    ("state.jsonl", json.dumps({"text": "Kabul", "entities": [{"start": 0, "end": 5, "label": "GPE",
                                                               "state": "approved"}]}).encode(), "E013", "state.jsonl:1"),
    ("type.jsonl", json.dumps({"text": "Kabul", "quotes": [{"start": "0", "end": 5}]}).encode(), "E014", "type.jsonl:1"),
    ("reversed.jsonl", json.dumps({"text": "Kabul", "spans": [{"start": 5, "end": 0, "label": "GPE"}]}).encode(),
     "E016", "reversed.jsonl:1"),
    ("misquoted.jsonl", json.dumps({"text": "Kabul", "entities": [{"start": 0, "end": 5, "label": "GPE",
                                                                   "text": "Kabol"}]}).encode(), "E017",
     "misquoted.jsonl:1"),
    ("nul.jsonl", b'{"text": "ok"}\n\x00\x01\x02\n', "E002", "nul.jsonl"),
    ("nocol.csv", b"headline,body_text\nA,B\n", "E006", "nocol.csv"),
    ("emptyrow.csv", b"title,text\nA,\n", "E010", "emptyrow.csv:2"),
]


@pytest.mark.parametrize(("name", "data", "code", "where"), BAD_CASES, ids=[c[0] for c in BAD_CASES])
def test_bad_file_is_rejected_with_code_and_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, data: bytes, code: str, where: str
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / name).write_bytes(data)
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    db = tmp_path / "c.sqlite3"
    rc = main(["--db", str(db), "import", "--no-preannotate", str(folder)])
    err = capsys.readouterr().err
    assert rc == 1, err
    assert f"[{code}]" in err
    assert where in err
    with Store(db) as store:
        titles = [r.title for r in store.article_rows()]
    assert "Good article title" in titles  # the rest of the batch still came in


def test_valid_lines_of_a_partly_broken_jsonl_are_imported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "mixed.jsonl"
    src.write_text('{"text": "first good"}\nnot json\n\n{"text": "second good", "meta": {"x": 1}}\n', encoding="utf-8")
    db = tmp_path / "c.sqlite3"
    assert main(["--db", str(db), "import", "--no-preannotate", str(src)]) == 1
    assert "mixed.jsonl:2" in capsys.readouterr().err
    with Store(db) as store:
        assert store.count_articles() == 2


def test_nothing_already_saved_changes_when_a_batch_has_errors(tmp_path: Path) -> None:
    db = tmp_path / "c.sqlite3"
    first = tmp_path / "first.txt"
    first.write_text(GOOD, encoding="utf-8")
    assert main(["--db", str(db), "import", "--no-preannotate", str(first)]) == 0
    with Store(db) as store:
        before = store.get_article(store.article_ids()[0])
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": 5}\n', encoding="utf-8")
    assert main(["--db", str(db), "import", "--no-preannotate", str(first), str(bad)]) == 1
    with Store(db) as store:
        assert store.count_articles() == 1
        assert store.get_article(before.id) == before


def test_duplicates_are_skipped_and_counted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text(GOOD, encoding="utf-8")
    b.write_text(GOOD, encoding="utf-8")
    db = tmp_path / "c.sqlite3"
    assert main(["--db", str(db), "import", "--no-preannotate", str(a), str(b)]) == 0
    assert "skipped 1 duplicate" in capsys.readouterr().out
    assert main(["--db", str(db), "import", "--no-preannotate", str(a)]) == 0
    assert "skipped 1 duplicate" in capsys.readouterr().out


def test_missing_path_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "c.sqlite3"
    assert main(["--db", str(db), "import", str(tmp_path / "nope.txt")]) == 1
    assert "[E008]" in capsys.readouterr().err


def test_utf16_with_bom_is_decoded(tmp_path: Path) -> None:
    src = tmp_path / "u16.txt"
    text = "Title in UTF-16\r\n\r\nکابل said ✓.\r\n"
    src.write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    db = tmp_path / "c.sqlite3"
    assert main(["--db", str(db), "import", "--no-preannotate", str(src)]) == 0
    with Store(db) as store:
        assert store.get_article(store.article_ids()[0]).text == text


def test_csv_header_sniffing_and_meta(tmp_path: Path) -> None:
    src = tmp_path / "news.csv"
    src.write_text('headline;Text;url\n"Talks resume";"Officials said, ""talks resume"".\nSecond para.";http://x\n',
                   encoding="utf-8")
    db = tmp_path / "c.sqlite3"
    assert main(["--db", str(db), "import", "--no-preannotate", str(src)]) == 0
    with Store(db) as store:
        article = store.get_article(store.article_ids()[0])
    assert article.title == "Talks resume"
    assert article.text == 'Officials said, "talks resume".\nSecond para.'
    assert article.meta["url"] == "http://x"


def test_prodigy_and_doccano_spans_become_human_annotations(tmp_path: Path) -> None:
    src = tmp_path / "tasks.jsonl"
    lines = [
        {"text": "Imran Khan met Ishaq Dar.", "spans": [{"start": 0, "end": 10, "label": "PERSON"}]},
        {"text": "Kabul responded.", "label": [[0, 5, "GPE"]]},
    ]
    src.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    db = tmp_path / "c.sqlite3"
    assert main(["--db", str(db), "import", "--no-preannotate", str(src)]) == 0
    with Store(db) as store:
        ents = [e for aid in store.article_ids() for e in store.get_article(aid).entities]
    assert {(e.label, e.origin, e.state) for e in ents} == {("PERSON", "human", "accepted"), ("GPE", "human", "accepted")}


def test_a_bad_line_through_the_installed_entry_point(tmp_path: Path) -> None:
    """The user's report: one entity state 'approved' crashed the whole import with an IntegrityError."""
    import subprocess
    import sys

    src = tmp_path / "export.jsonl"
    lines = [{"text": "First article.", "entities": []},
             {"text": "Kabul responded.", "entities": [{"start": 0, "end": 5, "label": "GPE", "text": "Kabul",
                                                         "origin": "human", "state": "approved"}]},
             {"text": "Third article.", "status": "done", "quotes": []}]
    src.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    db = tmp_path / "c.sqlite3"
    run = subprocess.run([sys.executable, "-m", "desktop_app", "--db", str(db), "import", "--no-preannotate", str(src)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr and "IntegrityError" not in run.stderr
    assert f"[E013] {src}:2: Line 2: entity 1: state 'approved' is not one of suggested, accepted, rejected" \
        in run.stderr
    assert "imported 2 article(s), skipped 0 duplicate(s), rejected 1 input(s)" in run.stdout
    with Store(db) as store:
        assert sorted(store.get_article(i).text for i in store.article_ids()) == ["First article.", "Third article."]
