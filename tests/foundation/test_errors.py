"""The error catalogue: codes are unique, numbered, and every message formats."""

from __future__ import annotations

import re
import string

from desktop_app.errors import E, NewsGoldError


def test_codes_are_numbered_and_unique() -> None:
    names = [e.name for e in E]
    assert all(re.fullmatch(r"E\d{3}", n) for n in names)
    assert len(set(names)) == len(names)
    assert len({e.value for e in E}) == len(names)  # StrEnum would alias equal messages


def test_every_message_formats_with_its_fields() -> None:
    for code in E:
        fields = {f for _, f, _, _ in string.Formatter().parse(code.value) if f}
        err = NewsGoldError(code, "file.txt:3", **dict.fromkeys(fields, "X"))
        assert str(err).startswith(f"[{code.name}] file.txt:3: ")
        assert "{" not in str(err)
