"""The people registry's use cases: list, merge, rename, move an alias, note an external id; import/export.

Each edit is one write transaction and one undo step of the registry (``undo``/``redo`` here,
Edit → Undo in the people view), and renames the quotes' speakers and the events' actors and
recipients with the person. Like :mod:`desktop_app.services.editing`, each returns
:class:`~desktop_app.services.editing.Changes` (``registry=True``; ``count`` is the number of
quotes and events renamed).

The registry file formats, both read back by :func:`import_registry`:

- JSON: ``[{"name": ..., "aliases": [...], "note": ..., "external_id": ...}, ...]``
- CSV: columns ``name, aliases, note, external_id``; aliases separated by ``;``
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from desktop_app.errors import E, NewsGoldError
from desktop_app.services.editing import Changes
from desktop_app.storage import Store
from desktop_app.storage.people import PEOPLE_LOG

REGISTRY_FORMATS = ("json", "csv")
CSV_COLUMNS = ("name", "aliases", "note", "external_id")


def _changes(n: int, message: str) -> Changes:
    return Changes(PEOPLE_LOG, tables=frozenset({"quotes", "events"}), registry=True, count=n, message=message)


def list_people(store: Store) -> list[dict[str, Any]]:
    """Every person with ``name``, ``aliases``, ``quotes``, ``events``, ``articles``, ``note``, ``external_id``."""
    return store.people()


def merge(store: Store, source: str, target: str, *, who: str | None = None) -> Changes:
    n = store.merge_people(source, target, who=who)
    return _changes(n, f"Merged {source} into {target} ({n} quote(s) and event(s) renamed)")


def rename(store: Store, old: str, new: str, *, who: str | None = None) -> Changes:
    n = store.rename_person(old, new, who=who)
    return _changes(n, f"Renamed {old} to {new} ({n} quote(s) and event(s))")


def move_alias(store: Store, alias: str, target: str, *, who: str | None = None) -> Changes:
    n = store.move_alias(alias, target, who=who)
    return _changes(n, f"{alias!r} now stands for {target} ({n} quote(s) and event(s) renamed)")


def set_info(store: Store, name: str, *, note: str | None = None, external_id: str | None = None,
             who: str | None = None) -> Changes:
    store.set_person_info(name, note=note, external_id=external_id, who=who)
    return _changes(0, f"Saved the note and id of {name}")


def undo(store: Store, *, who: str | None = None) -> Changes:
    store.undo_people(who=who)
    return _changes(0, "Undid the last registry change")


def redo(store: Store, *, who: str | None = None) -> Changes:
    store.redo_people(who=who)
    return _changes(0, "Redid the registry change")


# -- files ------------------------------------------------------------------------------------
def _format_of(path: Path, fmt: str | None) -> str:
    fmt = (fmt or path.suffix.lstrip(".")).lower()
    if fmt not in REGISTRY_FORMATS:
        raise NewsGoldError(E.E405, path=path, detail=f"use .json or .csv (not {fmt or 'no extension'!r})")
    return fmt


def registry_records(store: Store) -> list[dict[str, Any]]:
    """What an export writes: every person who has an alias, a note or an id, or appears anywhere."""
    return [{"name": p["name"], "aliases": p["aliases"], "note": p["note"], "external_id": p["external_id"]}
            for p in store.people()]


def export_registry(store: Store, path: str | Path, fmt: str | None = None) -> int:
    path = Path(path)
    fmt = _format_of(path, fmt)
    records = registry_records(store)
    if fmt == "json":
        text = json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    else:
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(CSV_COLUMNS)
        for r in records:
            w.writerow([r["name"], "; ".join(r["aliases"]), r["note"], r["external_id"]])
        text = buf.getvalue()
    path.write_text(text, encoding="utf-8")
    return len(records)


def read_registry(path: str | Path, fmt: str | None = None) -> list[dict[str, Any]]:
    """Records from a registry file, checked: a name each, aliases a list of strings."""
    path = Path(path)
    fmt = _format_of(path, fmt)
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise NewsGoldError(E.E405, path=path, detail=str(exc)) from exc
    records: list[Any]
    if fmt == "json":
        try:
            records = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise NewsGoldError(E.E405, path=path, detail=f"not JSON ({exc})") from exc
        if not isinstance(records, list):
            raise NewsGoldError(E.E405, path=path, detail="expected a list of people")
    else:
        rows = list(csv.DictReader(io.StringIO(raw)))
        if rows and "name" not in rows[0]:
            raise NewsGoldError(E.E405, path=path, detail="no 'name' column")
        records = [{**r, "aliases": [a.strip() for a in (r.get("aliases") or "").split(";") if a.strip()]}
                   for r in rows]
    out = []
    for i, r in enumerate(records, 1):
        if not isinstance(r, dict) or not isinstance(r.get("name"), str) or not r["name"].strip():
            raise NewsGoldError(E.E405, path=path, detail=f"person {i}: a non-empty 'name' is needed")
        aliases = r.get("aliases") or []
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise NewsGoldError(E.E405, path=path, detail=f"person {i}: 'aliases' must be a list of names")
        out.append({"name": r["name"].strip(), "aliases": [a.strip() for a in aliases if a.strip()],
                    "note": str(r.get("note") or ""), "external_id": str(r.get("external_id") or "")})
    return out


def import_registry(store: Store, path: str | Path, fmt: str | None = None, *, who: str | None = None) -> Changes:
    """Add the file's aliases (an alias already there is repointed), notes and ids: one undo step."""
    records = read_registry(path, fmt)
    n = 0
    with store.write():
        for r in records:
            for alias in r["aliases"]:
                if alias.casefold() != r["name"].casefold() and store.add_alias(alias, r["name"], source="import",
                                                                                who=who):
                    n += 1
            if r["note"] or r["external_id"]:
                if not store.has_person(r["name"]):
                    store.add_alias(r["name"], r["name"], source="import", who=who)
                store.set_person_info(r["name"], note=r["note"] or None, external_id=r["external_id"] or None, who=who)
    return Changes(PEOPLE_LOG, registry=True, count=n, message=f"Imported {len(records)} people, {n} alias(es)")
