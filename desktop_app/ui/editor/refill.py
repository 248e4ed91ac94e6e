"""Refill a side-panel model after a reload without resetting it when only fields changed.

A reset makes the table drop and re-query every visible cell (and its delegates): after an
accept or a resize that cost 30–60 ms per keystroke on a busy machine, for one changed row.
When the rows are the same items in the same order, the changed rows are signalled instead.
"""

from __future__ import annotations

from typing import Any


def refill(model: Any, text: str, items: list[Any]) -> int:
    """Put ``items`` into ``model`` (an AnnotationModel); returns how many rows changed (-1: reset)."""
    old = model.items
    if model.text != text or len(old) != len(items) or any(a.id != b.id for a, b in zip(old, items, strict=True)):
        model.set_items(text, items)
        return -1
    changed = [i for i, (a, b) in enumerate(zip(old, items, strict=True)) if a != b]
    model.replace_items(items, changed)
    return len(changed)
