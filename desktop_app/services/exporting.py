"""Export stored articles in any registered format, streaming."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from desktop_app.core.model import Article
from desktop_app.errors import E, NewsGoldError
from desktop_app.io.exporters import EXPORT_FORMATS
from desktop_app.services.progress import CancelToken, ProgressFn, no_progress
from desktop_app.services.team import export_plan
from desktop_app.storage import Store


def available_formats() -> list[str]:
    return sorted(EXPORT_FORMATS)


def export(
    store: Store,
    fmt: str,
    out: str | Path,
    *,
    status: str = "done",
    options: dict[str, Any] | None = None,
    progress: ProgressFn = no_progress,
    cancel: CancelToken | None = None,
    version: str | None = None,
) -> int:
    """Write the export; a single-file export appears only once complete (temp file + rename).

    A cancelled export raises E207; a single-file export then leaves nothing behind. A team file
    exports one version per article (``version``: see :func:`desktop_app.services.team.export_plan`);
    a corpus without versions, its working version.
    """
    if fmt not in EXPORT_FORMATS:
        raise NewsGoldError(E.E202, format=fmt, available=", ".join(available_formats()))
    spec = EXPORT_FORMATS[fmt]
    out = Path(out)
    selected = "done" if status == "done" else None
    plan = export_plan(store, version)
    total = store.count_articles(status=selected) if plan is None else len(plan.picks)
    counter = {"n": 0}

    def source() -> Iterator[Article]:
        if plan is None:
            yield from store.iter_articles(status=selected)
            return
        yield from (a for a in plan.articles() if selected is None or a.status == selected)

    def counted():  # type: ignore[no-untyped-def]
        for article in source():
            if cancel is not None and cancel.cancelled:
                raise NewsGoldError(E.E207, path=out)
            yield article
            counter["n"] += 1
            if counter["n"] % 500 == 0:
                progress(counter["n"], total, f"{counter['n']}/{total} exported")

    if spec.suffix == "" or out.is_dir():
        n = spec.write(counted(), out, status, dict(options or {}))
        _make_private(out)
    else:
        out.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", dir=out.parent)
        os.close(fd)
        try:
            n = spec.write(counted(), Path(tmp), status, dict(options or {}))
            os.replace(tmp, out)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    progress(n, total, f"{n} exported")
    return n


def _make_private(folder: Path) -> None:
    """Exports hold the user's annotated corpus: owner-only, like the single-file exports (mkstemp, 0600)."""
    if os.name != "posix" or not folder.is_dir():
        return
    for path in [folder, *folder.rglob("*")]:
        with contextlib.suppress(OSError):
            os.chmod(path, 0o700 if path.is_dir() else 0o600)
