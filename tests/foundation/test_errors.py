"""The error catalogue: codes are unique, numbered, every message formats, every code has a kind."""

from __future__ import annotations

import re
import sqlite3
import string
from pathlib import Path

import pytest

from desktop_app.errors import HINTS, KINDS, E, NewsGoldError, kind_of, presentation
from desktop_app.storage import Store


def test_codes_are_numbered_and_unique() -> None:
    names = [e.name for e in E]
    assert all(re.fullmatch(r"E\d{3}", n) for n in names)
    assert len(set(names)) == len(names)
    assert len({e.value for e in E}) == len(names)  # StrEnum would alias equal messages


def test_every_message_formats_with_its_fields() -> None:
    for code in E:
        fields = {f for _, f, _, _ in string.Formatter().parse(code.value) if f}
        values: dict[str, object] = dict.fromkeys(fields, 7)  # a number formats as text too
        err = NewsGoldError(code, "file.txt:3", **values)
        assert str(err).startswith(f"[{code.name}] file.txt:3: ")
        assert "{" not in str(err)


def test_every_code_has_a_kind_and_every_environment_error_says_what_to_do() -> None:
    for code in E:
        assert code in KINDS, f"{code.name} has no kind"
        kind = KINDS[code]
        assert kind in ("refusal", "environment", "bug")
        assert (kind == "bug") == code.name.startswith("E9"), code.name
        if kind == "environment":
            assert HINTS.get(code), f"{code.name} is an environment error without a hint"
    assert set(KINDS) == set(E)


def test_presentation_of_each_kind() -> None:
    for code in E:
        fields = {f for _, f, _, _ in string.Formatter().parse(code.value) if f}
        values: dict[str, object] = dict.fromkeys(fields, 7)
        shown = presentation(NewsGoldError(code, None, **values))
        assert shown.kind == KINDS[code]
        assert shown.message.startswith(f"[{code.name}] ") and "\n" not in shown.message
        assert shown.title.startswith("NewsGold")
    bug = presentation(KeyError("speaker"))
    assert (bug.kind, bug.title, bug.message, bug.hint) == ("bug", "NewsGold ran into a bug", "KeyError: 'speaker'", "")


def test_a_real_storage_error_is_an_environment_error_and_a_real_slip_is_a_bug(tmp_path: Path) -> None:
    garbage = tmp_path / "notes.sqlite3"
    garbage.write_bytes(b"not a database " * 1000)
    with pytest.raises(NewsGoldError) as info:
        Store(garbage)
    shown = presentation(info.value)
    assert (shown.kind, kind_of(info.value)) == ("environment", "environment")
    assert "[E102]" in shown.message and "backup" in shown.hint
    conn = sqlite3.connect(":memory:")
    with pytest.raises(sqlite3.Error) as slip:
        conn.execute("SELECT * FROM no_such_table")
    conn.close()
    assert presentation(slip.value).kind == "bug"
    assert presentation(slip.value).message == "OperationalError: no such table: no_such_table"
