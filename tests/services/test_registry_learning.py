"""Marking an article done teaches the speaker registry; the next pre-annotation uses it."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.core.model import Article, Quote, Span
from desktop_app.nlp.loading import load_engine
from desktop_app.services.annotating import finish_article
from desktop_app.services.preannotating import preannotate
from desktop_app.storage import Store

FIRST = "“We will not allow sanctuaries,” the DG ISPR said, naming Lt Gen Ahmed Sharif Chaudhry's briefing."
SECOND = "“We will respond to every attack,” the DG ISPR told reporters in Rawalpindi on Tuesday."


def _gold_quote() -> Quote:
    mention = FIRST.index("DG ISPR")
    return Quote(1, FIRST.index("”"), kind="direct", speaker="Ahmed Sharif Chaudhry",
                 mention=Span(mention, mention + len("DG ISPR")), origin="human", state="accepted")


def test_done_article_adds_its_speaker_aliases_to_the_registry(db_path: Path) -> None:
    with Store(db_path) as store:
        a = Article.from_text(FIRST, "briefing")
        store.add_articles([a])
        store.add(a.id, _gold_quote(), who="amina")
        assert "DG ISPR" not in store.registry()
        learned = finish_article(store, a.id, who="amina")
        assert learned >= 1
    with Store(db_path) as store:  # durable, and the article is done
        assert store.registry()["DG ISPR"] == "Ahmed Sharif Chaudhry"
        assert store.get_article(a.id).status == "done"
        assert finish_article(store, a.id) == 0  # nothing new the second time


def test_suggested_quotes_teach_nothing(db_path: Path) -> None:
    with Store(db_path) as store:
        a = Article.from_text(FIRST, "briefing")
        store.add_articles([a])
        q = _gold_quote()
        q.origin, q.state = "model", "suggested"
        store.add(a.id, q)
        assert finish_article(store, a.id) == 0
        assert "DG ISPR" not in store.registry()


@pytest.mark.model
def test_next_preannotation_resolves_the_learned_alias(db_path: Path) -> None:
    engine = load_engine()  # loaded before anything was learned, as the GUI does at start-up
    with Store(db_path) as store:
        first = Article.from_text(FIRST, "briefing")
        second = Article.from_text(SECOND, "follow-up")
        store.add_articles([first, second])
        preannotate(store, engine, [second.id])
        assert [q.speaker for q in store.get_article(second.id).quotes] == ["ISPR"]
        store.add(first.id, _gold_quote(), who="amina")
        finish_article(store, first.id, who="amina")
        preannotate(store, engine, [second.id])
        assert [q.speaker for q in store.get_article(second.id).quotes] == ["Ahmed Sharif Chaudhry"]
