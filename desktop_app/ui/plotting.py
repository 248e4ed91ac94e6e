"""pyqtgraph, loadable where PySide6.QtOpenGL is left out (the frozen app: 8.9 MB it never uses).

pyqtgraph imports QtOpenGL when it loads but touches it only on its OpenGL drawing paths, which
the dashboard's charts never take (no ``useOpenGL``); where the module is missing an empty one
stands in for it. Import pyqtgraph as ``from desktop_app.ui.plotting import pg``.
"""

from __future__ import annotations

import importlib
import sys
import types


def _without_qtopengl() -> None:
    try:
        importlib.import_module("PySide6.QtOpenGL")
    except ImportError:
        sys.modules["PySide6.QtOpenGL"] = types.ModuleType("PySide6.QtOpenGL")


_without_qtopengl()
import pyqtgraph as pg  # noqa: E402  (after the stand-in above)

__all__ = ["pg"]
