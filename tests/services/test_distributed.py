"""Pre-annotation on a real Dask cluster gives exactly the suggestions of a local run.

A real ``dask scheduler`` and two ``dask worker`` processes on 127.0.0.1; ``newsgold preannotate
--scheduler`` sends them the texts; the suggestions written back must equal a local run's.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from desktop_app.core.model import Article
from desktop_app.storage import Store

pytest.importorskip("distributed")
REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent

TEXTS = [
    "Foreign Minister Sara Malik said on Tuesday that talks with Kabul would resume in Doha next week.",
    "“We will not accept conditions that threaten our sovereignty,” Malik told reporters in Islamabad.",
    "Afghan spokesman Zabihullah Mujahid accused Pakistan of launching air strikes in Khost province.",
    "The United Nations urged both sides to agree to a ceasefire and to reopen the Torkham crossing.",
    "Police in Quetta said two men were arrested after an attack on a checkpoint, officials added.",
    "The army's media wing said troops had killed three militants, a claim the group rejected.",
] * 3


def _corpus(db: Path) -> None:
    with Store(db) as store:
        store.registry_add("Malik", "Sara Malik")  # the workers must resolve with the corpus's registry
        store.add_articles([Article.from_text(f"Report {i}\n\n{t}", f"Report {i}") for i, t in enumerate(TEXTS)])


def _suggestions(db: Path) -> list[dict[str, Any]]:
    """Everything pre-annotation wrote, per article, without timestamps or row ids."""
    with Store(db, readonly=True) as s:
        out = []
        for a in s.iter_articles():
            doc = {"id": a.id, "status": a.status, "pipeline": a.pipeline, "sentences": [
                (x.start, x.end) for x in s.sentences(a.id)]}
            for table in ("entities", "quotes", "events"):
                doc[table] = [{k: v for k, v in vars(x).items() if k != "id"} for x in getattr(a, table)]
            out.append(json.loads(json.dumps(doc, default=str)))
        return out


def _cli(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desktop_app", "--db", str(db), "preannotate", *args], cwd=REPO,
                          capture_output=True, text=True, timeout=600)


@pytest.mark.model
@pytest.mark.slow
def test_a_real_scheduler_and_two_workers_match_a_local_run(tmp_path: Path) -> None:
    local, remote = tmp_path / "local.sqlite3", tmp_path / "remote.sqlite3"
    _corpus(local)
    shutil.copy(local, remote)
    scheduler_file = tmp_path / "scheduler.json"
    procs = [subprocess.Popen([str(BIN / "dask"), "scheduler", "--host", "127.0.0.1", "--port", "0",
                               "--no-dashboard", "--scheduler-file", str(scheduler_file)],
                              cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    try:
        deadline = time.monotonic() + 60
        while not scheduler_file.exists() or not scheduler_file.read_text(encoding="utf-8").strip():
            assert procs[0].poll() is None and time.monotonic() < deadline, "the scheduler did not start"
            time.sleep(0.2)
        address = json.loads(scheduler_file.read_text(encoding="utf-8"))["address"]
        assert address.startswith("tcp://127.0.0.1:")
        for _ in range(2):
            procs.append(subprocess.Popen([str(BIN / "dask"), "worker", address, "--nthreads", "1", "--nworkers", "1",
                                           "--no-dashboard", "--host", "127.0.0.1"], cwd=REPO,
                                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        from distributed import Client

        with Client(address, timeout="30s") as client:
            client.wait_for_workers(2, timeout=120)
        done = _cli(remote, "--scheduler", address, "--chunk", "4")
        assert done.returncode == 0, done.stderr
        assert f"pre-annotated {len(TEXTS)} article(s)" in done.stdout
    finally:
        for p in reversed(procs):
            p.terminate()
        for p in procs:
            p.wait(timeout=60)
    done = _cli(local)
    assert done.returncode == 0, done.stderr
    got, want = _suggestions(remote), _suggestions(local)
    assert sum(len(d["quotes"]) for d in want) >= 3 and sum(len(d["entities"]) for d in want) >= 20
    assert got == want
    assert any(q["speaker"] == "Sara Malik" for d in got for q in d["quotes"])


def test_no_scheduler_is_a_clear_error(tmp_path: Path) -> None:
    db = tmp_path / "c.sqlite3"
    _corpus(db)
    done = _cli(db, "--scheduler", "tcp://127.0.0.1:9")  # nothing listens on the discard port
    assert done.returncode == 2
    assert "E209" in done.stderr and "tcp://127.0.0.1:9" in done.stderr and "Traceback" not in done.stderr
