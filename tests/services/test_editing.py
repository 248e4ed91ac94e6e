"""The named edits: what gold means once an annotator has accepted, corrected and finished an article."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from desktop_app.core.model import Arg, Article, Entity, Event, Quote, Span
from desktop_app.errors import E, NewsGoldError
from desktop_app.services import editing
from desktop_app.services.exporting import export
from desktop_app.storage import Store

TEXT = ("Ahmed Sharif Chaudhry said on Friday that Pakistan had struck camps in Afghanistan. "
        "“We will respond to every attack,” he said. Kabul accused Islamabad of violating its airspace. 🇵🇰\r\n"
        "Talks in Doha will resume.")


def _at(needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(needle, start + 1)
    return start, start + len(needle)


def _article() -> Article:
    ahmed, pakistan, afg = _at("Ahmed Sharif Chaudhry"), _at("Pakistan"), _at("Afghanistan")
    kabul, isb, doha = _at("Kabul"), _at("Islamabad"), _at("Doha")
    quote = _at("We will respond to every attack,")
    sent = _at("Kabul accused Islamabad of violating its airspace.")
    return Article(
        id="a1", title="Strikes", text=TEXT, status="preannotated",
        entities=[Entity(*ahmed, "PERSON", "model"), Entity(*pakistan, "GPE", "rule"), Entity(*afg, "GPE", "model"),
                  Entity(*kabul, "GPE", "model"), Entity(*isb, "GPE", "model"), Entity(*doha, "ORG", "rule")],
        quotes=[Quote(*quote, kind="direct", cue=Span(*_at("said", 1)), speaker="Ahmed Sharif Chaudhry",
                      speaker_entity=Span(*ahmed), mention=Span(*_at("he")), origin="model")],
        events=[Event("ACCUSE", Span(*sent), trigger=Span(*_at("accused")),
                      actor=Arg("Kabul", Span(*kabul)), recipient=Arg("Islamabad", Span(*isb)), origin="rule")],
    )


@pytest.fixture
def corpus(tmp_path: Path) -> Store:
    store = Store(tmp_path / "gold.sqlite3")
    store.add_articles([_article()])
    yield store
    store.close()


def _export_done(store: Store, tmp_path: Path) -> dict:
    out = tmp_path / "done.jsonl"
    export(store, "jsonl", out, status="done")
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1
    return json.loads(lines[0])


def _entity(store: Store, text: str) -> Entity:
    return next(e for e in store.get_article("a1").entities if TEXT[e.start:e.end] == text)


def test_accept_quote_then_done_exports_the_speaker_and_the_link(links_hold: Any, corpus: Store, tmp_path: Path) -> None:
    quote = corpus.get_article("a1").quotes[0]
    changes = editing.accept(corpus, quote, who="amina")
    assert "entities" in changes.tables and changes.count == 1
    assert _entity(corpus, "Ahmed Sharif Chaudhry").state == "accepted"  # the speaker came with it
    event = corpus.get_article("a1").events[0]
    editing.accept(corpus, event, who="amina")
    assert _entity(corpus, "Kabul").state == "accepted" and _entity(corpus, "Islamabad").state == "accepted"
    editing.mark_done(corpus, "a1", who="amina", accept_remaining=False)
    doc = _export_done(corpus, tmp_path)
    speaker = doc["quotes"][0]["speaker"]
    by_id = {e["id"]: e for e in doc["entities"]}
    assert by_id[speaker["entity"]]["text"] == "Ahmed Sharif Chaudhry"
    actor, recipient = doc["events"][0]["actor"], doc["events"][0]["recipient"]
    assert by_id[actor["entity"]]["text"] == "Kabul" and by_id[recipient["entity"]]["text"] == "Islamabad"
    links_hold(doc)


def test_a_link_to_a_rejected_entity_is_dropped_not_left_dangling(links_hold: Any, corpus: Store, tmp_path: Path) -> None:
    editing.accept(corpus, corpus.get_article("a1").quotes[0])
    editing.accept(corpus, corpus.get_article("a1").events[0])
    editing.reject(corpus, _entity(corpus, "Ahmed Sharif Chaudhry"))
    editing.reject(corpus, _entity(corpus, "Islamabad"))
    editing.mark_done(corpus, "a1")
    doc = _export_done(corpus, tmp_path)
    links_hold(doc)
    assert doc["quotes"][0]["speaker"]["name"] == "Ahmed Sharif Chaudhry"  # the name stays, the link goes
    assert doc["quotes"][0]["speaker"]["entity"] is None
    assert doc["events"][0]["recipient"] == {"name": "Islamabad", "entity": None}
    # the formats with relations: every relation names an annotation of the same document
    export(corpus, "doccano", tmp_path / "d.jsonl", status="done")
    line = json.loads((tmp_path / "d.jsonl").read_text(encoding="utf-8"))
    ids = {e["id"] for e in line["entities"]}
    assert line["relations"] and all(r["from_id"] in ids and r["to_id"] in ids for r in line["relations"])
    export(corpus, "brat", tmp_path / "brat", status="done")
    [ann] = list((tmp_path / "brat").rglob("*.ann"))
    rows = [r.split("\t") for r in ann.read_text(encoding="utf-8").splitlines()]
    defined = {r[0] for r in rows if r[0][0] in "TE"}
    args = [a.split(":")[1] for r in rows if r[0][0] in "RE" for a in r[1].split()[1:]]
    assert args and set(args) <= defined, (args, defined)


def test_relabel_is_a_correction_that_keeps_the_suggestion(corpus: Store, tmp_path: Path) -> None:
    doha = _entity(corpus, "Doha")
    changes = editing.relabel(corpus, doha, "GPE", who="amina")
    assert changes.message == "Relabelled ORG → GPE"
    fixed = _entity(corpus, "Doha")
    assert (fixed.label, fixed.origin, fixed.state) == ("GPE", "human", "accepted")
    assert fixed.suggested == {"origin": "rule", "label": "ORG"}
    # an accepted suggestion is told apart from a correction in the export
    editing.accept(corpus, _entity(corpus, "Pakistan"))
    editing.mark_done(corpus, "a1", accept_remaining=False)
    doc = _export_done(corpus, tmp_path)
    by_text = {e["text"]: e for e in doc["entities"]}
    assert by_text["Doha"]["origin"] == "human" and by_text["Doha"]["suggested"] == {"origin": "rule", "label": "ORG"}
    assert by_text["Pakistan"]["origin"] == "rule" and "suggested" not in by_text["Pakistan"]


def test_relabel_back_to_the_suggestion_is_the_suggestion_again(corpus: Store) -> None:
    editing.relabel(corpus, _entity(corpus, "Doha"), "GPE")
    editing.relabel(corpus, _entity(corpus, "Doha"), "ORG")
    back = _entity(corpus, "Doha")
    assert (back.label, back.origin, back.suggested, back.state) == ("ORG", "rule", None, "accepted")


def test_retyped_event_is_a_correction(corpus: Store) -> None:
    event = corpus.get_article("a1").events[0]
    editing.set_event_type(corpus, event, "PROTEST")
    fixed = corpus.get_article("a1").events[0]
    assert (fixed.type, fixed.origin, fixed.suggested) == ("PROTEST", "human", {"origin": "rule", "type": "ACCUSE"})
    assert _entity(corpus, "Kabul").state == "accepted"  # a corrected event is accepted, and so are its actors


def test_done_accepts_what_is_left_in_one_undo_step(links_hold: Any, corpus: Store, tmp_path: Path) -> None:
    editing.reject(corpus, _entity(corpus, "Afghanistan"))
    changes = editing.mark_done(corpus, "a1", who="amina")
    article = corpus.get_article("a1")
    assert article.status == "done"
    assert changes.count == 7 and "7 suggestions accepted as gold" in changes.message
    assert sum(x.state == "suggested" for x in (*article.entities, *article.quotes, *article.events)) == 0
    doc = _export_done(corpus, tmp_path)
    assert len(doc["entities"]) == 5 and len(doc["quotes"]) == 1 and len(doc["events"]) == 1
    links_hold(doc)
    undone = editing.undo(corpus, "a1")
    article = corpus.get_article("a1")
    assert article.status == "in_progress"  # the rejection before it stays
    assert sum(x.state == "suggested" for x in (*article.entities, *article.quotes, *article.events)) == 7
    assert undone.message.startswith("Undone: ") and undone.status


def test_done_can_leave_undecided_suggestions_out(corpus: Store, tmp_path: Path) -> None:
    editing.accept(corpus, _entity(corpus, "Pakistan"))
    changes = editing.mark_done(corpus, "a1", accept_remaining=False)
    assert "7 undecided suggestions left out of the gold" in changes.message
    doc = _export_done(corpus, tmp_path)
    assert [e["text"] for e in doc["entities"]] == ["Pakistan"]


def test_undo_says_what_it_undid_and_lands_on_the_item(corpus: Store) -> None:
    doha = _entity(corpus, "Doha")
    editing.relabel(corpus, doha, "GPE")
    undone = editing.undo(corpus, "a1")
    assert undone.message == "Undone: label of entity: ORG → GPE"
    assert undone.item == ("entities", doha.id)
    assert _entity(corpus, "Doha").label == "ORG"
    redone = editing.redo(corpus, "a1")
    assert redone.item == ("entities", doha.id) and _entity(corpus, "Doha").label == "GPE"


def test_resize_and_add_and_delete(corpus: Store) -> None:
    doha = _entity(corpus, "Doha")
    changes = editing.resize(corpus, doha, doha.start - 3, doha.end)  # "in Doha"
    grown = corpus.get_article("a1").entities
    assert any(TEXT[e.start:e.end] == "in Doha" and e.suggested == {"origin": "rule", "start": doha.start}
               for e in grown), grown
    assert changes.item is None  # the user is already on it
    added = editing.add(corpus, "a1", Entity(*_at("Talks"), "ORG", "human", "accepted"))
    assert added.item is not None and added.item[0] == "entities"
    editing.delete(corpus, next(e for e in corpus.get_article("a1").entities if e.id == added.item[1]))
    assert all(TEXT[e.start:e.end] != "Talks" for e in corpus.get_article("a1").entities)


def test_accept_the_rest_of_one_panel_in_one_undo_step(corpus: Store) -> None:
    editing.reject(corpus, _entity(corpus, "Doha"))  # decided already: stays rejected
    changes = editing.accept_table(corpus, "a1", "entities", who="amina")
    article = corpus.get_article("a1")
    assert changes.message == "Accepted 5 suggested entities" and changes.tables == {"entities"}
    assert [e.state for e in article.entities].count("accepted") == 5
    assert _entity(corpus, "Doha").state == "rejected"
    assert article.quotes[0].state == "suggested" and article.events[0].state == "suggested"  # other panels untouched
    undone = editing.undo(corpus, "a1")
    assert undone.message == "Undone: 5 changes"
    assert [e.state for e in corpus.get_article("a1").entities].count("suggested") == 5


def test_accepting_the_quotes_panel_brings_the_speakers_but_no_other_entity(corpus: Store) -> None:
    changes = editing.accept_table(corpus, "a1", "quotes")
    article = corpus.get_article("a1")
    assert changes.message == "Accepted 1 suggested quote (and 1 linked entity)"
    assert article.quotes[0].state == "accepted"
    assert _entity(corpus, "Ahmed Sharif Chaudhry").state == "accepted"  # the speaker, for the gold link
    assert _entity(corpus, "Pakistan").state == "suggested" and article.events[0].state == "suggested"
    assert editing.accept_table(corpus, "a1", "quotes").message == "No suggested quotes left"


def test_accepting_an_unknown_panel_is_refused(corpus: Store) -> None:
    with pytest.raises(NewsGoldError) as err:
        editing.accept_table(corpus, "a1", "people")
    assert err.value.code is E.E110 and "people" in err.value.message
