"""The word lists the rules read (cues, event filters, titles, body descriptions, capitals …).

They live in ``resources/lexicons/NAME.toml`` so a project can extend them without touching code;
a file of the same name in the user's config folder (``newsgold`` config dir ``/lexicons/``) adds
to the bundled one: its lists are joined to the bundled lists, its tables update the bundled tables.
Each file is read once per process.  A file that is not valid TOML, or a key of the wrong shape,
is refused with a numbered error naming the file and the line.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

from desktop_app.errors import E, NewsGoldError
from desktop_app.paths import config_dir, resources_dir


def bundled_path(name: str) -> Path:
    return resources_dir() / "lexicons" / f"{name}.toml"


def user_path(name: str) -> Path:
    return config_dir() / "lexicons" / f"{name}.toml"


def _line_of(text: str, key: str) -> int:
    """The line where ``key`` is set (or its table opens), 1 when it cannot be found."""
    pat = re.compile(rf'^\s*(?:"{re.escape(key)}"|{re.escape(key)})\s*=|^\s*\[{re.escape(key)}\]', re.M)
    m = pat.search(text)
    return text.count("\n", 0, m.start()) + 1 if m else 1


def load_lexicon(path: Path) -> dict[str, Any]:
    """One lexicon file, parsed and checked: every value is a list of strings or a table of those."""
    try:
        text = path.read_bytes().decode("utf-8")
    except FileNotFoundError as exc:
        raise NewsGoldError(E.E060, path=path, line=1, detail="no such file") from exc
    except UnicodeDecodeError as exc:
        raise NewsGoldError(E.E060, path=path, line=1, detail=f"not UTF-8 ({exc.reason})") from exc
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"at line (\d+)", str(exc))
        raise NewsGoldError(E.E060, path=path, line=int(m.group(1)) if m else 1, detail=str(exc)) from exc
    for key, value in raw.items():
        _check(path, text, key, value)
    return raw


def _check(path: Path, text: str, key: str, value: Any) -> None:
    if isinstance(value, str):
        return
    if isinstance(value, list):
        if not all(isinstance(v, str) for v in value):
            raise NewsGoldError(E.E061, path=path, line=_line_of(text, key), key=key,
                                expected="a list of strings")
        return
    if isinstance(value, dict):
        for k, v in value.items():
            if not isinstance(v, str) and not (isinstance(v, list) and all(isinstance(x, str) for x in v)):
                raise NewsGoldError(E.E061, path=path, line=_line_of(text, k), key=f"{key}.{k}",
                                    expected="a string or a list of strings")
        return
    raise NewsGoldError(E.E061, path=path, line=_line_of(text, key), key=key,
                        expected="a list of strings or a table")


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in extra.items():
        old = out.get(key)
        if isinstance(old, list) and isinstance(value, list):
            out[key] = [*old, *value]
        elif isinstance(old, dict) and isinstance(value, dict):
            out[key] = {**old, **value}
        else:
            out[key] = value
    return out


@cache
def lexicon(name: str) -> dict[str, Any]:
    """The bundled lexicon ``name`` with the user's additions, read once."""
    raw = load_lexicon(bundled_path(name))
    extra = user_path(name)
    if extra.is_file():
        raw = _merge(raw, load_lexicon(extra))
    return raw


def _need(name: str, key: str) -> Any:
    raw = lexicon(name)
    if key not in raw:
        path = bundled_path(name)
        raise NewsGoldError(E.E061, path=path, line=1, key=key, expected="present")
    return raw[key]


def words(name: str, key: str) -> frozenset[str]:
    """A word list, lower-cased."""
    return frozenset(w.strip().lower() for w in _need(name, key))


def mapping(name: str, key: str) -> dict[str, str]:
    """A table of word -> word (keys as written)."""
    return {str(k): str(v) for k, v in _need(name, key).items()}


def word_tuples(name: str, key: str) -> dict[str, tuple[str, ...]]:
    """A table of word -> words ("dg" -> ("director", "general"))."""
    return {str(k).lower(): tuple(v.split() if isinstance(v, str) else v) for k, v in _need(name, key).items()}
