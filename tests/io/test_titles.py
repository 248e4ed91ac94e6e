"""A title derived from a .txt skips the site's furniture above it: breadcrumbs, section menus,
share buttons, "Updated 3 hours ago", bylines; a real first line stays the title."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.io.textmeta import title_of
from desktop_app.services.importing import import_paths
from desktop_app.storage import Store

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "titles"

#: fixture -> the line a reader takes for its headline
EXPECTED = {
    "breadcrumb.txt": "Flood waters recede in Sindh as relief convoys reach cut-off villages",
    "section_menu.txt": "Senate passes the water-sharing bill after a night of debate",
    "share_and_byline.txt": "Court orders a recount in three Lahore constituencies",
    "emoji_crumb.txt": "Wheat prices fall 8% as the new crop arrives in Punjab markets 🌾",
    "real_title_first.txt": "Updated guidelines for cross-border trade take effect on Monday",
}


def test_every_fixture_is_checked() -> None:
    assert sorted(p.name for p in FIXTURES.glob("*.txt")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_imported_title_skips_breadcrumbs_and_boilerplate(db_path: Path, name: str) -> None:
    with Store(db_path) as store:
        summary = import_paths(store, [FIXTURES / name])
        assert summary.ok and len(summary.added) == 1
        article = store.get_article(summary.added[0], annotations=False)
    assert article.title == EXPECTED[name]
    assert article.text.startswith((FIXTURES / name).read_bytes().decode("utf-8").split("\n")[0].rstrip("\r"))  # text kept


@pytest.mark.parametrize("text", ["Share this article\n", "Home > World\n\nBy A. Writer\n", "Updated 3 hours ago"])
def test_a_text_of_nothing_but_furniture_keeps_its_first_line(text: str) -> None:
    assert title_of(text) == text.strip().splitlines()[0]


def test_seed_articles_get_their_headlines(db_path: Path, seeds_dir: Path) -> None:
    """Each seed's headline is its first line of five words or more (seed 001 opens with its site's menu)."""
    files = sorted(seeds_dir.glob("*.txt"))
    assert files
    with Store(db_path) as store:
        summary = import_paths(store, files)
        titles = {store.get_article(aid, annotations=False).provenance.get("file", ""): store.get_article(
            aid, annotations=False).title for aid in summary.added}
    assert len(summary.added) == len(files)
    for path in files:
        text = path.read_text(encoding="utf-8")
        headline = next(line.strip() for line in text.splitlines() if len(line.split()) >= 5)
        got = next(t for f, t in titles.items() if Path(f).name == path.name)
        assert got == headline, path.name


@pytest.mark.parametrize(("first", "is_menu"), [
    ("HomeNews & PoliticsWorld Business", True),  # six menu words once the camel case is split ('&' is no word)
    ("Home & News & Politics & World & Business & Sport", True),
    ("Home News Politics World Business Sport Opinion", False),  # seven words: too many for a menu
    ("HomeNews PoliticsWorld BusinessSport Opinion", False),  # seven after the split
])
def test_a_section_menu_of_up_to_six_words_is_skipped(first: str, is_menu: bool) -> None:
    headline = "Senate passes the water-sharing bill after a night of debate"
    assert title_of(f"{first}\n{headline}\n\nThe body.") == (headline if is_menu else first)
