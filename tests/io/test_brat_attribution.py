"""Importing attribution corpora (PolNeAR/PARC-style brat) as gold quotes."""

from __future__ import annotations

from pathlib import Path

from desktop_app.cli import main
from desktop_app.storage import Store

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
TINY = FIXTURES / "polnear_tiny"  # our own sentences in PolNeAR's layout (text/ + attributions/, CRLF)


def _quotes(db: Path) -> list[tuple[str, str, str | None, str | None, str]]:
    with Store(db) as store:
        (article,) = list(store.iter_articles())
        assert article.status == "done"
        t = article.text
        return [(t[q.start:q.end], q.kind, t[q.cue.start:q.cue.end] if q.cue else None,
                 t[q.mention.start:q.mention.end] if q.mention else None, q.state) for q in article.quotes]


def test_polnear_split_imports_as_done_gold_with_cues_speakers_and_fragments(tmp_path: Path) -> None:
    db = tmp_path / "gold.sqlite3"
    code = main(["--db", str(db), "import", str(TINY), "--format", "brat", "--as-gold", "--no-preannotate"])
    assert code == 0
    assert _quotes(db) == [
        ("the bridge will reopen in May", "indirect", "said", "Jane Doe", "accepted"),
        ('"We are on schedule,"', "direct", "told reporters", "she", "accepted"),
        ('"The work is nearly done."', "direct", "told reporters", "she", "accepted"),
        ("the delay cost\r\nthe town dearly", "indirect", "believe", "Residents", "accepted"),
    ]


def test_flat_folder_without_as_gold_keeps_quotes_as_suggestions(tmp_path: Path) -> None:
    folder = tmp_path / "parc"
    folder.mkdir()
    text = "Ана Петрова 🙂 said the tram line is late.\n"
    (folder / "a1.txt").write_text(text, encoding="utf-8")
    s, c = text.index("said"), text.index("the tram")
    (folder / "a1.ann").write_text(
        f"T1\tSource 0 11\tАна Петрова\nT2\tCue {s} {s + 4}\tsaid\nT3\tContent {c} {len(text) - 2}\t"
        f"{text[c:len(text) - 2]}\nE1\tCue:T2 Content:T3 Source:T1\n", encoding="utf-8")
    db = tmp_path / "x.sqlite3"
    assert main(["--db", str(db), "import", str(folder), "--format", "brat", "--no-preannotate"]) == 0
    with Store(db) as store:
        (article,) = list(store.iter_articles())
    assert article.status == "new"
    (q,) = article.quotes
    assert (text[q.start:q.end], q.speaker, q.state, q.origin) == ("the tram line is late", "Ана Петрова",
                                                                    "suggested", "human")


def test_a_bad_ann_line_is_refused_with_file_and_line(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "b.txt").write_text("Officials said it works.", encoding="utf-8")
    (folder / "b_ann1.ann").write_text("T1\tContent 15 23\tit works\nT2 Cue 10 14 said\nE1\tContent:T1\n",
                                       encoding="utf-8")
    (folder / "c.txt").write_text("She said no.", encoding="utf-8")
    (folder / "c_ann1.ann").write_text("T1\tContent 9 11\tno\nE1\tContent:T1 Cue:T7\n", encoding="utf-8")
    code = main(["--db", str(tmp_path / "y.sqlite3"), "import", str(folder), "--format", "brat", "--as-gold",
                 "--no-preannotate"])
    err = capsys.readouterr().err
    assert code == 1
    assert f"[E500] {folder / 'b_ann1.ann'}:2:" in err
    assert f"[E500] {folder / 'c_ann1.ann'}:2:" in err and "T7" in err
