"""packaging/slim_icu.py: the frozen build's ICU data, slimmed, still serves what Qt asks of it.

The slim library is loaded in a child process with LD_PRELOAD, so the child's Qt uses it in place
of the wheel's (the dynamic linker matches the soname); the wheel itself is never touched.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or shutil.which("as") is None or shutil.which("ld") is None,
    reason="slim_icu.py is a Linux build step that needs binutils' as and ld")

PROBE = """
import sys
from PySide6.QtCore import QStringDecoder
from desktop_app.ui.selftest_window import WindowCheckFailed, check_icu
try:
    print(check_icu())
except WindowCheckFailed as err:
    print("FAILED", err)
print("Shift_JIS", QStringDecoder("Shift_JIS").isValid(), "windows-1252", QStringDecoder("windows-1252").isValid())
"""


def _slim_icu():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("slim_icu", REPO / "packaging" / "slim_icu.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _wheel_icu() -> Path:
    import PySide6

    found = sorted((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*"))
    if not found:
        pytest.skip("this PySide6 wheel bundles no ICU")
    return found[0]


def _probe(lib: Path) -> str:
    env = dict(os.environ, LD_PRELOAD=str(lib), QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    done = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_slimmed_icu_is_smaller_and_still_sorts_and_names_zones(tmp_path: Path) -> None:
    lib = tmp_path / _wheel_icu().name
    shutil.copy(_wheel_icu(), lib)
    before = lib.stat().st_size
    done = subprocess.run([sys.executable, str(REPO / "packaging" / "slim_icu.py"), str(lib)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert lib.stat().st_size < before / 2
    out = _probe(lib)
    assert "ICU collation and zone names" in out, out
    # the slim library is the one the child loaded: the big CJK tables are gone, the small ones stay
    assert "Shift_JIS False windows-1252 True" in out, out


def test_an_icu_with_no_data_fails_the_self_test_check(tmp_path: Path) -> None:
    slim = _slim_icu()
    symbol, data = slim.find_data(_wheel_icu().read_bytes())
    header, _items = slim.read_package(data)
    empty = tmp_path / _wheel_icu().name
    slim.build_library(symbol, empty.name, slim.write_package(header, []), empty)
    out = _probe(empty)
    assert "FAILED ICU collation is missing" in out, out
    assert "Shift_JIS False windows-1252 False" in out, out
