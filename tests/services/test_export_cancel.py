"""A cancelled export says so and leaves no half-written file where the user asked for one."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.core.model import Article
from desktop_app.errors import E, NewsGoldError, kind_of
from desktop_app.services.exporting import export
from desktop_app.services.progress import CancelToken
from desktop_app.storage import Store


def test_cancelled_export_writes_nothing(tmp_path: Path) -> None:
    with Store(tmp_path / "c.sqlite3") as store:
        store.add_articles([Article.from_text(f"Story {i}: talks resumed in Doha.", f"S{i}") for i in range(3)])
        token = CancelToken()
        token.cancel()
        out = tmp_path / "out.jsonl"
        with pytest.raises(NewsGoldError) as info:
            export(store, "jsonl", out, status="any", cancel=token)
        assert info.value.code is E.E207 and kind_of(info.value) == "refusal"
        assert not out.exists() and list(tmp_path.glob(".out.jsonl.*")) == []
        assert export(store, "jsonl", out, status="any", cancel=CancelToken()) == 3  # not cancelled: written
