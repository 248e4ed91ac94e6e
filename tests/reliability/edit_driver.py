"""Child process for the kill harness: annotation edits through the Store, as the GUI makes them.

Run as ``python -m tests.reliability.edit_driver DB SEED COUNT``.  Before each call it prints
``START <n> <op json>``; after the call has returned (so the edit is committed) it prints
``COMMITTED <n> <op json>`` (or ``REFUSED`` when the Store rejected the edit).  The parent kills it with SIGKILL at random moments and checks the
database against the printed log.
"""

from __future__ import annotations

import json
import random
import sys

from desktop_app.core.model import ENTITY_LABELS, Entity
from desktop_app.errors import NewsGoldError
from desktop_app.storage import Store

ARTICLE = "a1"
STATUSES = ("in_progress", "done", "skipped", "new")


def _emit(kind: str, n: int, op: dict[str, object]) -> None:
    sys.stdout.write(f"{kind} {n} {json.dumps(op, sort_keys=True)}\n")
    sys.stdout.flush()


def free_span(store: Store, rng: random.Random, length: int) -> tuple[int, int] | None:
    taken = sorted((e.start, e.end) for e in store.get_article(ARTICLE).entities if e.state != "rejected")
    for _ in range(20):
        start = rng.randrange(0, length - 12)
        end = start + rng.randrange(1, 12)
        if all(end <= s or start >= e for s, e in taken):
            return start, end
    return None


def next_op(store: Store, rng: random.Random, length: int) -> dict[str, object] | None:
    entities = [e for e in store.get_article(ARTICLE).entities]
    roll = rng.random()
    if roll < 0.12 and store.can_undo(ARTICLE):
        return {"op": "undo"}
    if roll < 0.18 and store.can_redo(ARTICLE):
        return {"op": "redo"}
    if roll < 0.26:
        return {"op": "set_status", "status": rng.choice(STATUSES)}
    if roll < 0.55 or not entities:
        span = free_span(store, rng, length)
        if span is None:
            return None
        return {"op": "add", "start": span[0], "end": span[1], "label": rng.choice(ENTITY_LABELS)}
    target = rng.choice(entities)
    if roll < 0.75:
        return {"op": "delete", "id": target.id}
    labels = [label for label in ENTITY_LABELS if label != target.label]
    return {"op": "update", "id": target.id, "label": rng.choice(labels),
            "state": rng.choice(["accepted", "rejected"])}


def apply(store: Store, op: dict[str, object]) -> None:
    """Make the edit; an added row's id goes into ``op`` so the log can name it later."""
    kind = op["op"]
    if kind == "add":
        op["id"] = store.add(ARTICLE, Entity(int(op["start"]), int(op["end"]), str(op["label"]), "human", "accepted"),  # type: ignore[call-overload]
                  who="driver")
    elif kind == "update":
        store.update("entities", int(op["id"]), {"label": op["label"], "state": op["state"]},  # type: ignore[call-overload]
                     who="driver")
    elif kind == "delete":
        store.delete("entities", int(op["id"]), who="driver")  # type: ignore[call-overload]
    elif kind == "set_status":
        store.set_status(ARTICLE, str(op["status"]), who="driver")
    elif kind == "undo":
        store.undo(ARTICLE, who="driver")
    elif kind == "redo":
        store.redo(ARTICLE, who="driver")


def main(argv: list[str]) -> int:
    db, seed, count = argv[0], int(argv[1]), int(argv[2])
    rng = random.Random(seed)
    store = Store(db)
    length = len(store.get_article(ARTICLE, annotations=False).text)
    _emit("READY", 0, {})
    n = 0
    while n < count:
        op = next_op(store, rng, length)
        if op is None:
            continue
        n += 1
        _emit("START", n, op)
        try:
            apply(store, op)
        except NewsGoldError as exc:  # e.g. an overlap the Store refuses: nothing may change
            _emit("REFUSED", n, {"error": exc.code.name})
            continue
        _emit("COMMITTED", n, op)
    store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
