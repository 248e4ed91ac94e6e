"""README → code: every key the README names exists in the shortcut tables with that meaning.

(The other direction, every shortcut listed in the README, is test_readme_lists_every_editor_shortcut
and test_readme_lists_every_main_window_shortcut.)
"""

from __future__ import annotations

import re
from pathlib import Path

from desktop_app.ui.editor.shortcuts import SHORTCUTS, shortcut_rows
from desktop_app.ui.main_window import SHELL_SHORTCUTS

README = Path(__file__).resolve().parents[2] / "README.md"
ROW = re.compile(r"^\| `(?P<keys>[^`]+)` \| (?P<text>.+?) \|$")


def _section(text: str, heading: str) -> str:
    start = text.index(f"\n## {heading}\n")
    end = text.find("\n## ", start + 1)
    return text[start:end if end != -1 else None]


def _key_rows(section: str) -> list[tuple[str, str]]:
    return [(m["keys"], m["text"]) for line in section.splitlines() if (m := ROW.match(line))]


def test_every_editor_key_in_the_readme_does_what_it_says() -> None:
    rows = _key_rows(_section(README.read_text(encoding="utf-8"), "Keyboard and mouse (article editor)"))
    assert len(rows) >= 20  # the table was found
    known = {keys: text for _g, keys, text in shortcut_rows()}
    for keys, text in rows:
        assert keys in known, f"README names `{keys}`, which is no editor shortcut"
        assert known[keys] == text, f"README: `{keys}` = {text!r}; the editor: {known[keys]!r}"


def test_every_main_window_key_in_the_readme_does_what_it_says() -> None:
    rows = _key_rows(_section(README.read_text(encoding="utf-8"), "Keyboard (main window)"))
    assert len(rows) >= 10
    known = {keys: text for _g, keys, text in SHELL_SHORTCUTS}
    for keys, text in rows:
        assert keys in known, f"README names `{keys}`, which is no main-window shortcut"
        assert known[keys] == text, f"README: `{keys}` = {text!r}; the window: {known[keys]!r}"


#: what the README's prose says a GUI key does -> the editor action that does it
PROSE_ACTIONS = {"Marking an article done": "mark_done"}


def test_keys_named_in_the_readme_prose_are_the_real_ones() -> None:
    text = README.read_text(encoding="utf-8")
    mentions = re.findall(r"\*\*([^*]+)\*\* \(GUI `([^`]+)`\)", text)
    assert mentions, "the README no longer names a GUI key in its prose; drop or adapt this test"
    by_name = {s.name: s for s in SHORTCUTS}
    for phrase, key in mentions:
        assert phrase in PROSE_ACTIONS, f"README prose names GUI `{key}` for {phrase!r}: add it to PROSE_ACTIONS"
        keys = {k.lower() for k in by_name[PROSE_ACTIONS[phrase]].keys}
        assert key.lower() in keys, f"README: {phrase} is GUI `{key}`; the editor's keys: {sorted(keys)}"
