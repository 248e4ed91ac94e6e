"""SQLite persistence (sqlite-utils): schema, migrations and the Store gateway."""

import sys


def _import_sqlite_utils_without_numpy() -> None:
    """Import sqlite-utils with numpy (and pandas) hidden, unless one of them is loaded already.

    sqlite-utils imports numpy and pandas when they are installed, inside ``try/except ImportError``, only
    to map their scalar types to column types when it infers a table's schema from values (``insert``,
    ``create`` from a dict). NewsGold writes through SQL (``db.execute``) and sqlite-utils' migrations,
    with Python values only, so it never needs that mapping; and the GUI opens its corpus before the first
    paint, where numpy (85 modules, and OpenBLAS: a 25 MB library read from disk on a cold start) was most
    of the 0.1 s of CPU this saves (docs/benchmarks.md, "Frozen start, third round"). Hidden only for the length of this import: spaCy and the charts import numpy
    normally later in the same process. This runs when ``desktop_app.storage`` is first imported, which
    the CLI and the GUI do before they start any thread (one importing numpy meanwhile would fail).
    """
    if "sqlite_utils" in sys.modules or "numpy" in sys.modules:
        return
    hidden = ("numpy", "pandas")  # neither is loaded: pandas imports numpy
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # None here: ``import numpy`` raises ImportError
    try:
        import sqlite_utils.db  # noqa: F401
    finally:
        for name in hidden:
            if name in sys.modules and sys.modules[name] is None:
                del sys.modules[name]


_import_sqlite_utils_without_numpy()

from desktop_app.storage.store import ANNOTATION_TABLES, ArticleRow, Store  # noqa: E402

__all__ = ["ANNOTATION_TABLES", "ArticleRow", "Store"]
