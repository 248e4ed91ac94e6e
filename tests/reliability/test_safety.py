"""No network, no pickle/eval of user data, private file modes, article text never becomes markup."""

from __future__ import annotations

import importlib.util
import os
import re
import stat
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from desktop_app.core.model import Article, Entity, Quote, Span
from desktop_app.io.exporters import EXPORT_FORMATS
from desktop_app.services.exporting import export
from desktop_app.services.importing import import_paths
from desktop_app.storage import Store
from desktop_app.storage.database import list_backups

from . import netguard
from .kill_harness import REPO

HOSTILE = 'Mayor said "<script>alert(1)</script> & <b>bold</b> ]]> &amp; \u202e" in <City>. Then {{x}} left.'

if importlib.util.find_spec("desktop_app.io.formats") is not None:  # the extra export formats, once they exist
    importlib.import_module("desktop_app.io.formats")


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    import socket

    netguard.ATTEMPTS.clear()
    for name, value in netguard.PATCHES.items():
        monkeypatch.setattr(socket, name, value)
    yield netguard.ATTEMPTS
    assert netguard.ATTEMPTS == [], f"network was used: {netguard.ATTEMPTS}"


def test_guard_really_blocks(no_network: list[str]) -> None:
    import socket
    import urllib.request

    with pytest.raises(OSError):
        urllib.request.urlopen("http://127.0.0.1:9/", timeout=1)
    assert no_network
    no_network.clear()
    a, b = socket.socketpair()  # local plumbing stays allowed
    a.close()
    b.close()


def test_import_preannotate_export_open_no_socket(no_network: list[str], tmp_path: Path) -> None:
    from desktop_app.nlp.loading import default_model, load_engine
    from desktop_app.services.preannotating import pending_ids, preannotate

    src = tmp_path / "in.txt"
    src.write_text("Prime Minister Jane Doe said on Monday: \u201cWe will act.\u201d Police arrested two men.\n",
                   encoding="utf-8")
    with Store(tmp_path / "c.sqlite3") as store:
        assert import_paths(store, [src]).ok
        engine = load_engine(default_model(), registry=store.registry())
        assert preannotate(store, engine, pending_ids(store)) == 1
        for fmt in EXPORT_FORMATS:
            export(store, fmt, tmp_path / f"out-{fmt}{EXPORT_FORMATS[fmt].suffix}", status="any")


def test_gui_start_opens_no_socket(tmp_path: Path) -> None:
    """The real window, offscreen, in a child whose sitecustomize refuses any network socket."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(
        "import sys, atexit\n"
        f"sys.path.insert(0, {str(REPO)!r})\n"
        "from tests.reliability import netguard\n"
        "netguard.install()\n"
        "sys.stderr.write('NETGUARD ON\\n')\n"
        "atexit.register(lambda: netguard.ATTEMPTS and sys.stderr.write('NETWORK USED %r\\n' % netguard.ATTEMPTS))\n"
    )
    db = tmp_path / "gui.sqlite3"
    with Store(db) as store:
        store.add_articles([Article(id="a", title="Hello", text=HOSTILE)])
    shot = tmp_path / "shot.png"
    env = {**os.environ, "PYTHONPATH": str(site), "QT_QPA_PLATFORM": "offscreen"}
    res = subprocess.run([sys.executable, "-c", "import sys; from desktop_app.cli import main; "
                          f"sys.exit(main(['--db', {str(db)!r}, 'gui', '--screenshot', {str(shot)!r}]))"],
                         cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr[-2000:]
    assert "NETGUARD ON" in res.stderr  # the guard really ran in the child
    assert "NETWORK USED" not in res.stderr
    assert shot.stat().st_size > 1000


FORBIDDEN = re.compile(r"\b(pickle\.loads?|marshal\.loads?|shelve\.open|yaml\.load|eval|exec)\s*\(")


def test_no_pickle_or_eval_in_the_app() -> None:
    hits = []
    for path in (REPO / "desktop_app").rglob("*.py"):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#", 1)[0]
            if FORBIDDEN.search(code) and ".exec(" not in code and "exec()" not in code.replace(" ", ""):
                hits.append(f"{path.relative_to(REPO)}:{n}: {line.strip()}")
    assert hits == []


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_database_wal_backups_and_exports_are_private(tmp_path: Path) -> None:
    old = os.umask(0o022)  # a usual umask: group/other could read what is not restricted
    try:
        db = tmp_path / "p.sqlite3"
        store = Store(db)
        store.add_articles([Article(id="a", title="T", text=HOSTILE, status="done",
                                    entities=[Entity(0, 5, "PERSON", "human", "accepted")])])
        files = [db, Path(f"{db}-wal"), Path(f"{db}-shm")]
        assert all(f.exists() for f in files)
        assert {f.name: oct(_mode(f)) for f in files} == {f.name: "0o600" for f in files}
        for fmt, spec in EXPORT_FORMATS.items():
            out = tmp_path / f"export-{fmt}{spec.suffix}"
            export(store, fmt, out, status="any")
            outs = [p for p in out.rglob("*") if p.is_file()] if out.is_dir() else [out]
            assert outs
            assert {p.name: oct(_mode(p)) for p in outs} == {p.name: "0o600" for p in outs}
        store.close()
        # a backup made at an upgrade is private too
        import sqlite3

        conn = sqlite3.connect(str(db))
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0004_speaker_registry'")
        conn.execute("DROP TABLE speakers")
        conn.commit()
        conn.close()
        Store(db).close()
        backups = list_backups(db)
        assert backups and all(_mode(b) == 0o600 for b in backups)
    finally:
        os.umask(old)


MARKUP_SUFFIXES = (".html", ".htm", ".xml", ".xhtml", ".svg", ".tei")


def test_article_text_never_becomes_markup(tmp_path: Path) -> None:
    text = HOSTILE
    start = text.index("<script>")
    with Store(tmp_path / "m.sqlite3") as store:
        store.add_articles([Article(
            id="m", title="<i>Title</i> & co", text=text, status="done",
            entities=[Entity(0, 5, "PERSON", "human", "accepted"), Entity(text.index("<City>"),
                      text.index("<City>") + 6, "GPE", "human", "accepted")],
            quotes=[Quote(start, text.index(" left."), "direct", cue=Span(6, 10), speaker="Mayor",
                          speaker_entity=Span(0, 5), origin="human", state="accepted")],
        )])
        for fmt, spec in EXPORT_FORMATS.items():  # every format takes the hostile text
            out = tmp_path / f"x-{fmt}{spec.suffix}"
            export(store, fmt, out, status="any")
            outs = [p for p in out.rglob("*") if p.is_file()] if out.is_dir() else [out]
            for p in outs:
                body = p.read_text(encoding="utf-8", errors="replace")
                # none of today's formats is markup; one that is must escape the article text
                if p.suffix.lower() in MARKUP_SUFFIXES or body.lstrip().startswith("<"):
                    assert "<script>" not in body and "<b>bold</b>" not in body and "<City>" not in body, p
                    if p.suffix.lower() in (".xml", ".tei"):
                        root = ET.fromstring(body)  # well-formed even with ]]> and & in the text
                        assert "<script>" in "".join(root.itertext())  # the text survives as text
