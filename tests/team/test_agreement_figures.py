"""Agreement against figures worked out by hand, on two annotators' files merged into a team file.

One article of 200 characters; annotator a and annotator b mark it done with:

entities  a: [0,5) PERSON  [10,15) GPE  [20,25) ORG  [30,40) GPE
          b: [0,5) PERSON  [10,15) ORG  [20,25) ORG  [31,40) GPE  [50,55) LOC
  exact span+label: [0,5) PERSON, [20,25) ORG = 2 of 4 and 5      -> F1 = 2*2/9 = 0.4444
  overlap, same label: those two and [30,40)~[31,40) GPE = 3      -> F1 = 2*3/9 = 0.6667
  alpha on the labels of the spans both marked: (PERSON, PERSON), (GPE, ORG), (ORG, ORG):
    n = 6 values (PERSON 2, GPE 1, ORG 3); disagreeing pairs o(GPE,ORG) + o(ORG,GPE) = 2;
    expected: sum over c != k of n_c * n_k = 2 * (2*1 + 2*3 + 1*3) = 22
    alpha = 1 - (n - 1) * 2 / 22 = 1 - 10/22 = 0.5455
quotes    a: [100,140) direct "Imran Khan"  [150,170) indirect "Khan"     [180,190) direct (nobody)
          b: [105,140) direct "imran khan"  [150,168) direct "Mujahid"    [180,190) indirect (nobody)  [192,199) mixed
  matches (each covers half of the other): 3 of 3 and 4             -> F1 = 6/7 = 0.8571
  speaker: Imran Khan = imran khan, Khan != Mujahid, nobody = nobody -> 2/3 = 0.6667
  kind kappa over (direct, direct), (indirect, direct), (direct, indirect):
    p_o = 1/3; a and b both 2/3 direct, 1/3 indirect: p_e = 4/9 + 1/9 = 5/9
    kappa = (1/3 - 5/9) / (1 - 5/9) = -0.5
events    a: S1 ACCUSE actor Pakistan   S2 ASSAULT actor India    S3 CONSULT (no actor)
          b: S1 ACCUSE actor pakistan   S2 THREATEN actor India   S3 CONSULT actor Taliban
  (sentence, type): S1 ACCUSE, S3 CONSULT = 2 of 3 and 3           -> F1 = 4/6 = 0.6667
  kappa on the types of S1, S2, S3: p_o = 2/3; p_e = 1/9 (ACCUSE) + 1/9 (CONSULT) = 2/9
    kappa = (2/3 - 2/9) / (7/9) = 4/7 = 0.5714
  actor on the two matches: Pakistan = pakistan, nobody != Taliban  -> 1/2
"""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.core.model import Arg, Article, Entity, Event, Quote, Span
from desktop_app.services.agreement import agreement, alpha, kappa
from desktop_app.services.team import merge
from desktop_app.storage import Store

TEXT = ("x" * 199) + "."
S1, S2, S3 = Span(0, 50), Span(50, 100), Span(100, 200)


def _ents(*spec: tuple[int, int, str]) -> list[Entity]:
    return [Entity(s, e, label, origin="human", state="accepted") for s, e, label in spec]


def _quote(s: int, e: int, kind: str, speaker: str | None) -> Quote:
    return Quote(s, e, kind, speaker=speaker, origin="human", state="accepted")


def _event(sentence: Span, etype: str, actor: str | None) -> Event:
    return Event(etype, sentence, actor=Arg(actor) if actor else None, origin="human", state="accepted")


VERSIONS = {
    "a": (_ents((0, 5, "PERSON"), (10, 15, "GPE"), (20, 25, "ORG"), (30, 40, "GPE")),
          [_quote(100, 140, "direct", "Imran Khan"), _quote(150, 170, "indirect", "Khan"),
           _quote(180, 190, "direct", None)],
          [_event(S1, "ACCUSE", "Pakistan"), _event(S2, "ASSAULT", "India"), _event(S3, "CONSULT", None)]),
    "b": (_ents((0, 5, "PERSON"), (10, 15, "ORG"), (20, 25, "ORG"), (31, 40, "GPE"), (50, 55, "LOC")),
          [_quote(105, 140, "direct", "imran khan"), _quote(150, 168, "direct", "Mujahid"),
           _quote(180, 190, "indirect", None), _quote(192, 199, "mixed", None)],
          [_event(S1, "ACCUSE", "pakistan"), _event(S2, "THREATEN", "India"), _event(S3, "CONSULT", "Taliban")]),
}


def _annotator_file(path: Path, who: str) -> Path:
    entities, quotes, events = VERSIONS[who]
    with Store(path) as store:
        store.add_articles([Article(id="hand", title="Hand", text=TEXT, status="done", annotator=who,
                                    entities=entities, quotes=quotes, events=events)])
    return path


@pytest.fixture
def team(tmp_path: Path) -> Store:
    store = Store(tmp_path / "team.sqlite3")
    merge(store, [_annotator_file(tmp_path / "a.sqlite3", "a"), _annotator_file(tmp_path / "b.sqlite3", "b")])
    yield store  # type: ignore[misc]
    store.close()


def test_agreement_matches_the_hand_computed_figures(team: Store) -> None:
    report = agreement(team)["report"]
    assert report["articles"] == 1 and report["annotators"] == ["a", "b"]
    (pair,) = report["pairs"]
    approx = pytest.approx
    assert pair["entities"] == {"f1": approx(4 / 9, abs=1e-4), "overlap_f1": approx(6 / 9, abs=1e-4),
                                "alpha": approx(12 / 22, abs=1e-4)}
    assert pair["quotes"] == {"f1": approx(6 / 7, abs=1e-4), "speaker": approx(2 / 3, abs=1e-4),
                              "kind_kappa": approx(-0.5, abs=1e-4)}
    assert pair["events"] == {"f1": approx(4 / 6, abs=1e-4), "kappa": approx(4 / 7, abs=1e-4), "actor": 0.5}
    assert report["mean"] == {k: pair[k] for k in ("entities", "quotes", "events")}


def test_per_label_f1(team: Store) -> None:
    labels = agreement(team)["labels"]["a/b"]
    # PERSON 1 of 1 and 1; GPE 0 of 2 and 1; ORG 1 of 1 and 2; LOC 0 of 0 and 1
    assert labels == {"GPE": 0.0, "LOC": 0.0, "ORG": pytest.approx(2 / 3, abs=1e-4), "PERSON": 1.0}


def test_the_library_figures_on_the_textbook_case() -> None:
    # three units: (X, X), (Y, X), (Y, Y). kappa: p_o 2/3, p_e 2*(1/3*2/3) = 4/9 -> 0.4;
    # alpha: n 6, o(X,Y) + o(Y,X) = 2, expected 2*3*3 = 18 -> 1 - 5*2/18 = 4/9
    units = [("X", "X"), ("Y", "X"), ("Y", "Y")]
    assert kappa(units) == pytest.approx(0.4)
    assert alpha(units) == pytest.approx(4 / 9)
    assert kappa([("X", "X")]) == alpha([("X", "X")]) == 1.0
    assert kappa([]) is None and alpha([]) is None
