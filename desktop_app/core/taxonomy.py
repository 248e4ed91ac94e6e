"""Event taxonomies (PLOVER by default): the types, their definitions and trigger lexicons.

A taxonomy is a TOML file (``resources/taxonomy/plover.toml`` is the bundled one) so a
project can swap in its own.  Pure Python: the editor shows the definitions, the engine
reads the trigger lexicon.
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop_app.errors import E, NewsGoldError

_WORD_LISTS = ("verbs", "nouns", "actor_nouns")
_WORD_MAPS = ("verb_objects", "verb_not_objects", "particles", "complements", "noun_verbs", "noun_context",
              "noun_not_verbs", "noun_not_context")


@dataclass(frozen=True)
class EventType:
    name: str
    definition: str
    verbs: frozenset[str] = frozenset()
    nouns: frozenset[str] = frozenset()
    #: verb -> object lemmas, one of which is required
    verb_objects: dict[str, frozenset[str]] = field(default_factory=dict)
    verb_not_objects: dict[str, frozenset[str]] = field(default_factory=dict)
    particles: dict[str, frozenset[str]] = field(default_factory=dict)
    complements: dict[str, frozenset[str]] = field(default_factory=dict)
    noun_verbs: dict[str, frozenset[str]] = field(default_factory=dict)
    noun_context: dict[str, frozenset[str]] = field(default_factory=dict)
    #: noun -> governing verbs that cancel it ("observed a strike" is no attack)
    noun_not_verbs: dict[str, frozenset[str]] = field(default_factory=dict)
    #: noun -> modifiers that cancel it ("hunger strike")
    noun_not_context: dict[str, frozenset[str]] = field(default_factory=dict)
    #: nouns that count without their noun_verbs when a party owns them ("Kabul's refusal", "a demand by X")
    actor_nouns: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Taxonomy:
    name: str
    types: dict[str, EventType]
    version: str = ""
    path: Path | None = None

    @property
    def type_names(self) -> list[str]:
        return list(self.types)


def default_taxonomy_path() -> Path:
    from desktop_app.paths import resources_dir

    return resources_dir() / "taxonomy" / "plover.toml"


def _words(value: Any, path: Path, where: str) -> frozenset[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise NewsGoldError(E.E204, path=path, detail=f"{where} must be a list of strings")
    return frozenset(v.strip().lower() for v in value)


def load_taxonomy(path: Path | str | None = None) -> Taxonomy:
    """Read and check a taxonomy file; errors name the file and the offending key."""
    p = Path(path) if path else default_taxonomy_path()
    try:
        raw = p.read_bytes()
    except FileNotFoundError as exc:
        raise NewsGoldError(E.E204, path=p, detail="no such file") from exc
    return _parsed(raw, p)


@functools.lru_cache(maxsize=8)
def _parsed(raw: bytes, p: Path) -> Taxonomy:
    """The same bytes from the same file parse once per process (the window reads PLOVER twice as it opens).

    A Taxonomy is not changed by anyone once made; a file that fails raises every time (nothing cached).
    """
    return parse_taxonomy(raw, p)


def taxonomy_text(path: Path | str | None = None) -> str:
    """The TOML text of a taxonomy file (the bundled PLOVER one for None), checked first."""
    p = Path(path) if path else default_taxonomy_path()
    load_taxonomy(p)
    return p.read_text(encoding="utf-8")


def parse_taxonomy(raw: bytes, p: Path) -> Taxonomy:
    """A taxonomy from TOML bytes; ``p`` names it in errors (a file, or where a corpus keeps it)."""
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise NewsGoldError(E.E204, path=p, detail=str(exc)) from exc
    raw_types = data.get("types")
    if not isinstance(raw_types, dict) or not raw_types:
        raise NewsGoldError(E.E204, path=p, detail="no [types.NAME] tables")
    types: dict[str, EventType] = {}
    for name, spec in raw_types.items():
        if not isinstance(spec, dict) or not isinstance(spec.get("definition"), str):
            raise NewsGoldError(E.E204, path=p, detail=f"type {name}: needs a definition string")
        kwargs: dict[str, Any] = {}
        for key in _WORD_LISTS:
            kwargs[key] = _words(spec.get(key, []), p, f"{name}.{key}")
        for key in _WORD_MAPS:
            m = spec.get(key, {})
            if not isinstance(m, dict):
                raise NewsGoldError(E.E204, path=p, detail=f"{name}.{key} must be a table")
            kwargs[key] = {k.lower(): _words(v, p, f"{name}.{key}.{k}") for k, v in m.items()}
        types[name] = EventType(name=name, definition=spec["definition"].strip(), **kwargs)
    return Taxonomy(name=str(data.get("name", p.stem)), version=str(data.get("version", "")), types=types, path=p)
