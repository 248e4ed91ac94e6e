"""The CLI contract other tools depend on, through the real entry points."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app import __version__
from desktop_app.cli import main, parse_args


def test_version_and_module_entry_point() -> None:
    out = subprocess.run([sys.executable, "-m", "desktop_app", "--version"], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == f"newsgold {__version__}"


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["export"])
    assert exc.value.code == 2
    assert "--output" in capsys.readouterr().err


def test_unknown_export_format_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc = main(["--db", str(tmp_path / "c.sqlite3"), "export", "--format", "nope", "-o", str(tmp_path / "x")])
    assert rc == 2
    assert "[E202]" in capsys.readouterr().err


def test_db_from_environment_variable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = tmp_path / "a.txt"
    src.write_text("Title\n\nBody.\n", encoding="utf-8")
    db = tmp_path / "env.sqlite3"
    monkeypatch.setenv("NEWSGOLD_DB", str(db))
    assert main(["import", "--no-preannotate", str(src)]) == 0
    assert db.exists()


def test_default_db_lives_in_the_user_data_dir(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["path"] == str(Path(os.environ["NEWSGOLD_HOME"]) / "data" / "newsgold.sqlite3")


def test_stats_and_evaluate_through_the_console_script(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text("Pakistan talks\n\nPakistan and Afghanistan met in Istanbul.\n", encoding="utf-8")
    db = tmp_path / "c.sqlite3"
    env = {**os.environ, "NEWSGOLD_DB": str(db)}
    exe = Path(sys.executable).parent / "newsgold"
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "desktop_app"]
    subprocess.run([*cmd, "import", "--no-preannotate", str(src)], check=True, env=env, capture_output=True)
    out = subprocess.run([*cmd, "stats", "--json"], check=True, env=env, capture_output=True, text=True)
    assert json.loads(out.stdout)["articles"] == 1
    # gold: one entity the DB does not have -> recall 0 for GPE
    text = src.read_text(encoding="utf-8")
    start = text.index("Istanbul")
    gold = tmp_path / "gold.jsonl"
    from desktop_app.core.model import article_id_for

    gold.write_text(json.dumps({
        "id": article_id_for(text), "title": "Pakistan talks", "text": text, "meta": {}, "status": "done",
        "entities": [{"id": "e1", "start": start, "end": start + 8, "label": "GPE", "text": "Istanbul"}],
        "quotes": [], "events": [],
    }) + "\n", encoding="utf-8")
    out = subprocess.run([*cmd, "evaluate", "--gold", str(gold), "--json"], check=True, env=env,
                         capture_output=True, text=True)
    report = json.loads(out.stdout)
    assert report["articles"] == 1
    assert report["entities"]["GPE"]["fn"] == 1


def test_progress_bar_stays_quiet_when_not_a_tty(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text("Title\n\nBody.\n", encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--db", str(tmp_path / "c.sqlite3"), "import", "--no-preannotate", str(src)],
        capture_output=True, text=True, check=True,
    )
    assert "\r" not in out.stderr and "%|" not in out.stderr


def test_import_with_a_broken_taxonomy_stores_nothing_and_names_the_file(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text("Title\n\nThe army said the border is shut.\n", encoding="utf-8")
    bad = tmp_path / "types.toml"
    bad.write_text("[types.X]\n", encoding="utf-8")  # no definition
    db = tmp_path / "c.sqlite3"
    assert main(["--db", str(db), "import", str(tmp_path / "a.txt"), "--taxonomy", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "[E204]" in err and "types.toml" in err and "definition" in err
    assert main(["--db", str(db), "stats", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["articles"] == 0


@pytest.mark.model
def test_preannotate_with_an_own_taxonomy_suggests_only_its_types(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text("Border\n\nThe ministry leaked the report. Troops launched air strikes.\n",
                                    encoding="utf-8")
    own = tmp_path / "mine.toml"
    own.write_text('[types.LEAK]\ndefinition = "An unattributed disclosure."\nverbs = ["leak"]\n', encoding="utf-8")
    db = tmp_path / "c.sqlite3"
    assert main(["--db", str(db), "import", str(tmp_path / "a.txt"), "--taxonomy", str(own)]) == 0
    capsys.readouterr()
    assert main(["--db", str(db), "export", "--format", "jsonl", "--status", "any", "-o", str(tmp_path / "o.jsonl")]) == 0
    (line,) = (tmp_path / "o.jsonl").read_text(encoding="utf-8").splitlines()
    assert [e["type"] for e in json.loads(line)["events"]] == ["LEAK"]


# -- how errors are shown (errors.presentation) --------------------------------------------------

def test_environment_error_says_what_to_do_and_exits_2(tmp_path: Path) -> None:
    notes = tmp_path / "notes.sqlite3"
    notes.write_bytes(b"my notes, not a database\n" * 400)
    res = subprocess.run([sys.executable, "-m", "desktop_app", "--db", str(notes), "stats"],
                         capture_output=True, text=True)
    assert res.returncode == 2
    error, hint = res.stderr.splitlines()
    assert error.startswith("newsgold: error: [E102]") and str(notes) in error
    assert hint.startswith("newsgold: hint: ") and "backup" in hint
    assert "Traceback" not in res.stderr


def test_refusal_is_one_line_and_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(tmp_path / "c.sqlite3"), "evaluate", "--gold", str(tmp_path / "none.jsonl")]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("newsgold: error: [E203]")


def test_bug_is_one_line_naming_the_log_with_the_traceback_and_exits_3(tmp_path: Path) -> None:
    db = tmp_path / "c.sqlite3"
    from desktop_app.storage import Store

    Store(db).close()
    conn = sqlite3.connect(str(db))
    conn.execute("DROP TABLE quotes")  # a corpus the code does not expect: NewsGold's SQL fails (a bug)
    conn.commit()
    conn.close()
    home = Path(os.environ["NEWSGOLD_HOME"])
    res = subprocess.run([sys.executable, "-m", "desktop_app", "--db", str(db), "stats"], capture_output=True,
                         text=True, env={**os.environ, "NEWSGOLD_HOME": str(home)})
    assert res.returncode == 3
    (line,) = res.stderr.splitlines()
    log = home / "logs" / "newsgold.log"
    assert line.startswith("newsgold: bug: OperationalError: no such table: quotes")
    assert "this is a bug in NewsGold" in line and str(log) in line
    text = log.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in text and "sqlite3.OperationalError: no such table: quotes" in text
    assert "newsgold --db" in text and " stats" in text


# -- newsgold FILE (the file association) --------------------------------------------------------

def test_a_corpus_file_argument_is_the_corpus_and_other_files_are_imports(tmp_path: Path) -> None:
    corpus = tmp_path / "mine.newsgold"
    notes = tmp_path / "notes.txt"
    notes.write_text("Notes\n\nSome text.\n", encoding="utf-8")
    sqlite_file = tmp_path / "export"  # no extension, but an SQLite file
    conn = sqlite3.connect(str(sqlite_file))
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    for argv in ([str(corpus)], ["gui", str(corpus)], ["--db", str(corpus), "gui"], ["--db", str(corpus), str(notes)]):
        args = parse_args(argv)
        assert (args.command, Path(args.db)) == ("gui", corpus), argv
    args = parse_args([str(notes)])
    assert (args.command, args.db, args.imports) == ("gui", None, [str(notes)])
    args = parse_args([str(sqlite_file), str(notes)])
    assert (args.db, args.imports) == (str(sqlite_file), [str(notes)])
    assert parse_args([]).command == "gui"


@pytest.mark.parametrize("argv", [
    ["a.sqlite3", "b.sqlite3"],  # two corpora
    ["--db", "a.sqlite3", "b.sqlite3"],  # two corpora
    ["gui", "missing.txt"],  # nothing to import
])
def test_file_arguments_that_make_no_sense_are_usage_errors(argv: list[str], tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        parse_args([str(tmp_path / a) if not a.startswith("-") and a != "gui" else a for a in argv])
    assert exc.value.code == 2
    assert "newsgold: error:" in capsys.readouterr().err


def test_help_says_what_a_file_argument_does(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["gui", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "is opened instead of --db" in out and "are imported into the corpus" in out
