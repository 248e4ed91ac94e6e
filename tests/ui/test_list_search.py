"""The article list's search box (field syntax typed with real keys) and its titles at 1280x720."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFont
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop_app.core.model import Article, Entity, Quote
from desktop_app.storage import Store
from desktop_app.ui.app import create_main_window
from desktop_app.ui.article_list import COL_COUNTS, COL_DATE, COL_TITLE, ArticleListPanel
from desktop_app.ui.list_titles import PAD, title_lines
from desktop_app.ui.settings import load_settings
from desktop_app.ui.theme import apply_theme

#: titles that all start alike, as news titles of one story do (invented here; the seeds are not copied)
TITLES = [
    "Pakistan’s Army Says Its Own Forces, Not Kabul, Guarantee the Country’s Security",
    "Pakistan Rejects the Taliban’s Conditions for Security Cooperation After Talks",
    "Pakistan Denies Afghan Claims of Overnight Airstrikes in Khost and Kunar Provinces",
    "Pakistan Urges the Taliban to Dismantle Terror Sanctuaries Along the Border",
    "Afghan Side Took No Solid Action Against Militant Groups, Foreign Office Says",
]


def _articles() -> list[Article]:
    out = []
    for i, title in enumerate(TITLES * 4):
        text = f"{title}\n\nThe minister spoke in Islamabad on day {i}. He said the border talks went on."
        speaker = "Khawaja Asif" if i % 2 else "Ishaq Dar"
        meta = {"published": f"2025-11-{1 + i:02d}"}
        out.append(Article.from_text(text if i < 5 else text + f" ({i})", title=title, meta=meta))
        # many entities, as a pre-annotated article has: the counts take room in the list
        out[-1].entities = [Entity(len(title) + 2 + 2 * k, len(title) + 3 + 2 * k, "ORG" if i % 3 == 0 else "PERSON")
                            for k in range(12)]
        out[-1].quotes = [Quote(len(title) + 10, len(title) + 30, speaker=speaker)]
    return out


@pytest.fixture
def corpus(db_path: Path) -> Path:
    with Store(db_path) as s:
        s.add_articles(_articles())
        for aid in s.article_ids()[:6]:
            s.set_status(aid, "done", who="amna")
    return db_path


@pytest.fixture
def panel(qtbot, corpus: Path) -> Iterator[ArticleListPanel]:  # type: ignore[no-untyped-def]
    reader = Store(corpus, readonly=True)
    p = ArticleListPanel(reader)
    qtbot.addWidget(p)
    p.resize(500, 600)
    p.show()
    yield p
    reader.close()


def _ids(panel: ArticleListPanel) -> list[str]:
    return [panel.model.article_at(i).id for i in range(panel.model.rowCount())]  # type: ignore[union-attr]


def _type(qtbot, panel: ArticleListPanel, text: str) -> None:  # type: ignore[no-untyped-def]
    panel.search.setFocus()
    panel.search.selectAll()
    QTest.keyClick(panel.search, Qt.Key.Key_Backspace)
    qtbot.keyClicks(panel.search, text)
    QTest.keyClick(panel.search, Qt.Key.Key_Return)


def test_typing_a_field_search_lists_the_articles_it_means(qtbot, panel: ArticleListPanel, corpus: Path) -> None:
    with Store(corpus, readonly=True) as s:
        arts = list(s.iter_articles())
    asif = [a.id for a in arts if any(q.speaker == "Khawaja Asif" for q in a.quotes)]
    asif_org_done = [a.id for a in arts if a.id in asif and a.status == "done"
                     and any(e.label == "ORG" for e in a.entities)]
    assert 0 < len(asif_org_done) < len(asif) < len(arts)

    _type(qtbot, panel, 'speaker:"Khawaja Asif"')
    qtbot.waitUntil(lambda: panel.model.total == len(asif), timeout=3000)
    assert _ids(panel) == asif
    _type(qtbot, panel, 'speaker:"khawaja asif" label:org status:done islamabad')
    qtbot.waitUntil(lambda: panel.model.total == len(asif_org_done), timeout=3000)
    assert _ids(panel) == asif_org_done
    assert panel.search_error.isHidden()


def test_bad_syntax_is_explained_under_the_box_and_the_list_stays(qtbot, panel: ArticleListPanel) -> None:
    _type(qtbot, panel, "speaker:Asif")
    qtbot.waitUntil(lambda: 0 < panel.model.total < 20, timeout=3000)
    good = _ids(panel)
    _type(qtbot, panel, "speeker:Asif")
    qtbot.waitUntil(panel.search_error.isVisible, timeout=3000)
    message = panel.search_error.text()
    assert "speeker" in message
    for name in ("speaker:", "label:", "type:", "state:", "status:", "annotator:"):
        assert name in message
    assert _ids(panel) == good  # the last good result stays listed
    _type(qtbot, panel, 'speaker:"Khawaja Asif')  # an unclosed quote
    qtbot.waitUntil(lambda: "never closed" in panel.search_error.text(), timeout=3000)
    assert "label:" in panel.search_error.text() and _ids(panel) == good
    panel.set_status_filter("done")  # the status box still works while the box holds bad syntax
    assert set(_ids(panel)) < set(good) or not _ids(panel)
    panel.set_status_filter(None)
    QTest.keyClick(panel.search, Qt.Key.Key_QuoteDbl)
    QTest.keyClick(panel.search, Qt.Key.Key_Return)
    qtbot.waitUntil(panel.search_error.isHidden, timeout=3000)
    assert len(_ids(panel)) == 10


@pytest.fixture
def default_look(qapp) -> Iterator[QApplication]:  # type: ignore[no-untyped-def]
    """The app's look at the settings' default size (12 pt), put back as it was afterwards."""
    font, palette, style = QFont(qapp.font()), qapp.palette(), qapp.style().name()
    apply_theme(qapp, "light", 12)
    yield qapp
    qapp.setStyle(style)
    qapp.setPalette(palette)
    qapp.setFont(font)


def test_titles_read_at_1280x720_two_font_steps_up_and_the_column_width_is_remembered(
        qtbot, corpus: Path, default_look: QApplication) -> None:  # type: ignore[no-untyped-def]
    wins: list[Any] = []

    def window() -> Any:
        win = create_main_window(corpus, load_settings(), load_model=False)
        wins.append(win)
        qtbot.addWidget(win)
        win.resize(1280, 720)
        win.fit_panels()  # as a first start on a 1280-px screen splits it
        win.show()
        qtbot.waitExposed(win)
        return win

    try:
        win = window()
        win.change_font(+1)
        win.change_font(+1)
        assert QApplication.font().pointSize() == 14
        view = win.list.view
        qtbot.waitUntil(lambda: view.verticalHeader().defaultSectionSize() >= 2 * view.fontMetrics().lineSpacing())
        assert view.isColumnHidden(COL_COUNTS)  # too narrow for it: the counts show under the date
        assert view.columnWidth(COL_DATE) - 2 * PAD >= view.fontMetrics().horizontalAdvance("2025-11-30")
        width = view.columnWidth(COL_TITLE) - 2 * PAD
        for row in range(5):
            index = win.list.model.index(row, COL_TITLE)
            title = win.list.model.data(index, Qt.ItemDataRole.ToolTipRole)
            assert title in TITLES  # the tooltip is the whole title
            assert "12 entities" in win.list.model.data(index.siblingAtColumn(COL_DATE), Qt.ItemDataRole.ToolTipRole)
            shown = title_lines(title, view.font(), width)
            assert len(shown) == 2 and shown[0] != "Pakistan…"
            assert len(" ".join(shown)) >= 40, shown
            assert shown[-1].endswith(title[-5:])  # elided in the middle: its end still shows
        # the title column is resized by dragging its right edge in the header
        head = view.horizontalHeader()
        edge = QPoint(head.sectionViewportPosition(COL_TITLE) + head.sectionSize(COL_TITLE) - 1, head.height() // 2)
        before = head.sectionSize(COL_TITLE)
        QTest.mousePress(head.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, edge)
        QTest.mouseMove(head.viewport(), edge + QPoint(20, 0))
        QTest.mouseMove(head.viewport(), edge + QPoint(40, 0))
        QTest.mouseRelease(head.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                           edge + QPoint(40, 0))
        assert head.sectionSize(COL_TITLE) == before + 40
        win.close()
        again = window()
        assert again.list.view.horizontalHeader().sectionSize(COL_TITLE) == before + 40
    finally:
        for w in wins:
            w.shutdown()
            w.close()


def test_f1_help_and_the_readme_list_the_search_syntax(qtbot, corpus: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel

    from desktop_app.core.search import FIELDS
    from desktop_app.ui.dialogs import ShortcutsDialog
    from desktop_app.ui.menus import SEARCH_HELP

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    search = readme[readme.index("\n## Search\n"):readme.index("\n## ", readme.index("\n## Search\n") + 1)]
    for _group, typed, meaning in SEARCH_HELP:
        assert f"| `{typed}` | {meaning} |" in search
    win = create_main_window(corpus, load_settings(), load_model=False, remember_layout=False)
    qtbot.addWidget(win)
    try:
        win.show()
        qtbot.waitExposed(win)
        win.activateWindow()
        qtbot.waitUntil(win.isActiveWindow)
        QTest.keyClick(win.list.view, Qt.Key.Key_F1)
        qtbot.waitUntil(lambda: win.findChild(ShortcutsDialog) is not None)
        text = " ".join(lab.text() for lab in win.findChild(ShortcutsDialog).findChildren(QLabel))
        assert "Search the article list" in text
        for name in FIELDS:
            assert f"{name}:VALUE" in text
    finally:
        win.shutdown()
        win.close()


@pytest.mark.parametrize("title", [
    "Flood waters 🌊 recede in Sindh as relief convoys reach the cut-off villages of the district 🚚",
    "پاکستان اور افغانستان کے درمیان سرحدی مذاکرات دوبارہ شروع ہو گئے ہیں اور دونوں فریق پر امید ہیں",
])
def test_title_lines_wrap_then_elide_the_middle(qapp, title: str) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QFontMetrics

    font = QFont(qapp.font())
    width = QFontMetrics(font).horizontalAdvance(title) // 3  # the title needs three lines at this width
    lines = title_lines(title, font, width)
    assert len(lines) == 2
    assert title.startswith(lines[0]) and "…" in lines[1]
    # the end of the title is shown (Qt joins Arabic script across the ellipsis with a zero-width joiner)
    assert title.endswith(lines[1].split("…")[-1].replace("\u200d", ""))
    assert all(QFontMetrics(font).horizontalAdvance(line) <= width for line in lines)
    assert title_lines("Short title", font, 10_000) == ["Short title"]
