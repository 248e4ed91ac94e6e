"""The layering rule (Qt only in desktop_app.ui) and lint cleanliness, checked on every run."""

from __future__ import annotations

import itertools
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def _tool(name: str) -> str:
    exe = Path(sys.executable).parent / name
    found = str(exe) if exe.exists() else shutil.which(name)
    if not found:
        pytest.fail(f"{name} is not installed: pip install '.[test]'")
    return found


def test_import_layers_hold() -> None:
    out = subprocess.run([_tool("lint-imports")], cwd=REPO, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def test_ruff_is_clean() -> None:
    out = subprocess.run([_tool("ruff"), "check", "desktop_app", "tests", "bench"], cwd=REPO,
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def test_no_unsafe_deserialisation_of_user_files() -> None:
    offenders = []
    for path in (REPO / "desktop_app").rglob("*.py"):
        src = path.read_text(encoding="utf-8")
        # bare eval(/exec( only: Qt's dialog.exec() is a method call, not code execution
        for needle in (r"pickle\.loads?\(", r"(?<![.\w])eval\(", r"(?<![.\w])exec\(", r"yaml\.load\("):
            if re.search(needle, src):
                offenders.append(f"{path.relative_to(REPO)}: {needle}")
    assert not offenders


def test_every_subpackage_and_the_resources_are_in_the_wheel_list() -> None:
    """pyproject lists packages by hand (to map resources/ into the package); a new one must be added."""
    import tomllib

    cfg = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    on_disk = {".".join(p.parent.relative_to(REPO).parts) for p in (REPO / "desktop_app").rglob("__init__.py")}
    assert set(cfg["packages"]) == on_disk | {"desktop_app.resources"}
    assert cfg["package-dir"]["desktop_app.resources"] == "resources"
    assert (REPO / "resources" / "taxonomy" / "plover.toml").is_file()


def test_no_statement_follows_a_return_or_raise_in_the_same_block() -> None:
    """Dead code left behind by an edit (a second copy of a method body after its return) hides bugs."""
    import ast

    dead = []
    for path in (REPO / "desktop_app").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            for field in ("body", "orelse", "finalbody"):
                stmts = getattr(node, field, None)
                if not isinstance(stmts, list):
                    continue
                for stmt, nxt in itertools.pairwise(stmts):
                    if isinstance(stmt, ast.Return | ast.Raise | ast.Continue | ast.Break):
                        dead.append(f"{path.relative_to(REPO)}:{nxt.lineno}")
    assert not dead
