"""PolNeAR reader and scorer on a tiny brat sample of our own, and the CLI end to end on dev."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.core.model import Quote, Span
from desktop_app.errors import InputError
from desktop_app.services.polnear import evaluate_polnear, read_split

TESTS = Path(__file__).resolve().parent.parent
TINY = TESTS / "fixtures" / "polnear_tiny"
POLNEAR = TESTS.parent.parent / "shared" / "benchmarks" / "polnear"  # as tests/conftest.py POLNEAR
#: measured on the first 3 dev articles: F1 0.75, source 0.87 (floor leaves room for small changes)
DEV3_F1_FLOOR = 0.6
DEV3_SOURCE_FLOOR = 0.7


def test_reader_keeps_crlf_offsets_discontinuous_contents_and_the_first_annotator() -> None:
    docs = list(read_split(TINY))
    assert [d.name for d in docs] == ["bridge"]  # orphan.txt has no attributions
    doc = docs[0]
    assert "\r\n" in doc.text
    texts = [[doc.text[s.start:s.end] for s in a.content] for a in doc.attributions]
    assert texts == [["the bridge will reopen in May"],
                     ['"We are on schedule,"', '"The work is nearly done."'],
                     ["the delay cost\r\nthe town dearly"]]
    assert [doc.text[a.source[0].start:a.source[0].end] for a in doc.attributions] == ["Jane Doe", "she", "Residents"]
    assert doc.text[doc.attributions[1].cue[0].start:doc.attributions[1].cue[0].end] == "told reporters"


def test_bad_offsets_name_the_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "x.txt").write_text("Some text.")
    (tmp_path / "attributions" / "x_a.ann").write_text("T1\tContent zero 5\tSome\n")
    with pytest.raises(InputError) as err:
        list(read_split(tmp_path))
    assert "x_a.ann:1" in str(err.value)


def test_not_a_split_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="text/ and attributions/"):
        list(read_split(tmp_path))


def _scored(quotes: list[Quote]):  # type: ignore[no-untyped-def]
    def run(texts):  # type: ignore[no-untyped-def]
        for _ in texts:
            yield quotes
    return evaluate_polnear(TINY, quotes=("fixed", run))


def test_scoring_half_coverage_same_cue_merge_and_source_overlap() -> None:
    text = next(read_split(TINY)).text

    def at(s: str) -> Span:
        i = text.index(s)
        return Span(i, i + len(s))

    told = at("told reporters")
    quotes = [
        # matches E1 (content without "the" still covers > 50% both ways), source by entity span
        Quote(at("bridge will reopen in May").start, at("bridge will reopen in May").end, kind="indirect",
              cue=at("said"), speaker="Jane Doe", speaker_entity=at("Jane Doe"), mention=at("Mayor Jane Doe")),
        # two direct quotes with one cue: one attribution, matches the discontinuous E2, mention "she"
        Quote(at("We are on schedule,").start, at("We are on schedule,").end, cue=told, mention=at("she")),
        Quote(at("The work is nearly done.").start, at("The work is nearly done.").end, cue=told, mention=at("she")),
        # too short to cover half of E3: a false positive and E3 a miss
        Quote(at("dearly").start, at("dearly").end, kind="indirect", mention=at("town")),
    ]
    report = _scored(quotes)
    d = report.as_dict()
    assert (d["content"]["tp"], d["content"]["fp"], d["content"]["fn"]) == (2, 1, 1)
    assert d["source"] == {"accuracy": 1.0, "correct": 2, "matched_with_source": 2}


def test_a_wrong_mention_is_a_source_error() -> None:
    text = next(read_split(TINY)).text
    i = text.index("the bridge will reopen in May")
    m = text.index("Mayor")
    report = _scored([Quote(i, i + 29, kind="indirect", mention=Span(m, m + 5))])
    assert report.source_ok == 0 and report.with_source == 1
    assert report.precision == 1.0 and report.recall == pytest.approx(1 / 3)


@pytest.mark.model
def test_cli_evaluate_polnear_on_three_dev_articles() -> None:
    dev = POLNEAR / "dev"
    if not dev.is_dir():
        pytest.skip("../shared/benchmarks/polnear is not present")
    out = subprocess.run([sys.executable, "-m", "desktop_app", "evaluate-polnear", str(dev), "--limit", "3", "--json"],
                         capture_output=True, text=True, check=True)
    result = json.loads(out.stdout)
    assert result["articles"] == 3
    assert set(result["content"]) == {"precision", "recall", "f1", "tp", "fp", "fn"}
    assert result["content"]["f1"] >= DEV3_F1_FLOOR
    assert result["source"]["accuracy"] >= DEV3_SOURCE_FLOOR


@pytest.mark.model
def test_cli_evaluate_polnear_text_output() -> None:
    out = subprocess.run([sys.executable, "-m", "desktop_app", "evaluate-polnear", str(TINY)],
                         capture_output=True, text=True, check=True)
    assert "content   P" in out.stdout and "source    accuracy" in out.stdout
