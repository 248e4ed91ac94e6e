"""GUI start-up: time until the window is usable (list filled, article shown).

Run by hand:  python bench/gui_startup.py --n 100000 [--db /tmp/gui100k.sqlite3]
The database is generated once with Store.add_articles (reused when it already holds N
articles); each measurement runs in a fresh child process with QT_QPA_PLATFORM=offscreen.
The model loads in the background, so its time is reported separately.

The launch as a user meets it, process start to first paint of the filled list (what
``NEWSGOLD_TIME_WINDOW=1`` prints, see desktop_app/ui/first_paint.py), of any launcher:

    python bench/gui_startup.py --launch dist/newsgold/newsgold --db CORPUS [--runs 3] [--cold]
    python bench/gui_startup.py --launch "python -m desktop_app" --db CORPUS

--cold drops the page cache before each run (root: ``sync; echo 3 > /proc/sys/vm/drop_caches``).
It fails if the start path imported what it must leave to later (spaCy, pydantic, pyqtgraph...).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

T0 = time.perf_counter()
WORDS = ["Pakistan", "Afghanistan", "Kabul", "Islamabad", "ceasefire", "talks", "border", "Torkham", "spokesperson", "said", "minister", "military", "operations", "security", "militants", "strikes", "delegation", "Istanbul", "Doha", "agreement", "officials"]
STATUSES = ("new", "preannotated", "in_progress", "done", "skipped")


def build(db: Path, n: int, paragraphs: int = 5) -> None:
    from desktop_app.core.model import Article
    from desktop_app.storage import Store

    rng = random.Random(11)
    with Store(db) as store:
        have = store.count_articles()
        if have >= n:
            return
        t = time.perf_counter()
        batch: list[Article] = []
        for i in range(have, n):
            paras = [" ".join(rng.choices(WORDS, k=rng.randint(30, 60))).capitalize() + "." for _ in range(paragraphs)]
            text = f"Synthetic report {i}: " + " ".join(rng.choices(WORDS, k=6)) + "\n\n" + "\n\n".join(paras)
            a = Article.from_text(text, title=f"Synthetic report {i}", meta={"published": f"2025-{1 + i % 12:02d}-"
                                                                              f"{1 + i % 28:02d}"})
            a.status = STATUSES[i % 5] if i % 3 == 0 else "new"
            batch.append(a)
            if len(batch) == 5000:
                store.add_articles(batch)
                batch.clear()
        if batch:
            store.add_articles(batch)
        print(f"built {n} articles in {time.perf_counter() - t:.1f} s ({db.stat().st_size / 2**20:.0f} MB)",
              file=sys.stderr)


def measure(db: Path) -> dict[str, float]:
    """In a fresh process: imports, window construction, first paint, article shown, engine ready."""
    from PySide6.QtCore import QEventLoop, Qt, QTimer

    t_start = T0
    from desktop_app.ui.app import application, create_main_window, wait_until
    from desktop_app.ui.settings import Settings

    app = application()
    t_imports = time.perf_counter()
    win = create_main_window(db, Settings(annotator="bench"))
    t_built = time.perf_counter()
    win.show()
    loop = QEventLoop()
    QTimer.singleShot(0, loop.quit)
    loop.exec()
    t_usable = time.perf_counter()
    shown = win.current_article() is not None
    wait_until(lambda: win.engine is not None, [win.engine_changed], 120_000)
    t_engine = time.perf_counter()
    # interactions on the big list
    t = time.perf_counter()
    for _ in range(10):
        win.list.model.fetchMore()
    t_fetch = (time.perf_counter() - t) / 10
    t = time.perf_counter()
    win.list.search.setText("Doha ceasefire")
    win.list.apply_filter()
    t_search = time.perf_counter() - t
    n_search = win.list.model.total
    t = time.perf_counter()
    win.list.search.setText("4242")
    win.list.apply_filter()
    t_search_rare = time.perf_counter() - t
    n_rare = win.list.model.total
    win.list.search.setText("")
    win.list.apply_filter()
    t = time.perf_counter()
    win.list.set_status_filter("done")
    t_filter = time.perf_counter() - t
    t = time.perf_counter()
    win.list.set_status_filter(None)
    t = time.perf_counter()
    win.list.view.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    t_sort = time.perf_counter() - t
    t = time.perf_counter()
    win.list.view.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    t_sort_date = time.perf_counter() - t
    win.shutdown()
    app.processEvents()
    return {
        "imports_s": t_imports - t_start,
        "window_built_s": t_built - t_start,
        "usable_s": t_usable - t_start,
        "article_shown": float(shown),
        "engine_ready_s": t_engine - t_start,
        "fetch_page_ms": t_fetch * 1000,
        "fts_search_ms": t_search * 1000,
        "fts_hits": float(n_search),
        "fts_rare_ms": t_search_rare * 1000,
        "fts_rare_hits": float(n_rare),
        "status_filter_ms": t_filter * 1000,
        "sort_title_ms": t_sort * 1000,
        "sort_date_ms": t_sort_date * 1000,
    }


LAUNCH_LINE = re.compile(r"window usable after ([0-9.]+) s \(cpu ([0-9.]+) s, (?:(\d+) modules, )?(\d+) articles listed\); "
                         r"loaded before it: (.*)$", re.M)


def drop_page_cache() -> bool:
    """Empty the kernel's page cache (root only); False when not permitted."""
    subprocess.run(["sync"], check=True)
    try:
        with open("/proc/sys/vm/drop_caches", "w", encoding="ascii") as fh:
            fh.write("3\n")
    except OSError:
        return False
    return True


def disk_read_mb(pid: int) -> float:
    """MB the process has had read from the disk so far (page-cache misses, mapped libraries too); -1 if unknown."""
    try:
        with open(f"/proc/{pid}/io", encoding="ascii") as fh:
            fields = dict(line.split(": ") for line in fh.read().splitlines())
        return int(fields["read_bytes"]) / 1e6
    except (OSError, KeyError, ValueError):
        return -1.0


def launch(command: str, db: Path | None, runs: int, cold: bool, timeout: float = 180) -> int:
    """Time ``command [--db DB]`` from process start to the usable window, ``runs`` times; exit code."""
    env = {**os.environ, "NEWSGOLD_TIME_WINDOW": "1"}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.setdefault("NEWSGOLD_HOME", tempfile.mkdtemp(prefix="ng-bench-home-"))
    argv = shlex.split(command) + (["--db", str(db)] if db is not None else [])
    walls, outside, cpus, read_mb, modules, dropped = [], [], [], [], [], True
    for _ in range(runs):
        if cold:
            dropped = drop_page_cache() and dropped
        t0 = time.perf_counter()
        with subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as proc:
            assert proc.stdout is not None and proc.stderr is not None
            lines = []
            for line in proc.stdout:  # the timing line, as soon as it is printed (the exit waits for the model)
                lines.append(line)
                if LAUNCH_LINE.search(line):
                    outside.append(time.perf_counter() - t0)
                    read_mb.append(disk_read_mb(proc.pid))
            err = proc.stderr.read()
            code = proc.wait(timeout)
        stdout = "".join(lines)
        found = LAUNCH_LINE.search(stdout)
        if code != 0 or found is None:
            print(f"gui_startup: {' '.join(argv)} exited {code} without the timing line:\n{stdout}{err}",
                  file=sys.stderr)
            return 1
        if not found.group(5).startswith("none of"):
            print(f"gui_startup: FAIL: imported before the window: {found.group(5)}", file=sys.stderr)
            return 1
        walls.append(float(found.group(1)))
        cpus.append(float(found.group(2)))
        modules.append(int(found.group(3) or 0))
    kind = ("cold (page cache dropped)" if dropped else "cold NOT measured: page cache not dropped (no permission)") \
        if cold else "warm"
    print(f"window usable, {kind}: median {statistics.median(walls):.3f} s of {runs} "
          f"[{' '.join(f'{w:.3f}' for w in walls)}] from process start (seen from outside: "
          f"{statistics.median(outside):.3f} s), cpu {statistics.median(cpus):.3f} s, "
          f"{statistics.median(modules):.0f} modules, {found.group(4)} articles; {found.group(5)}"
          + (f"; read from disk before it: median {statistics.median(read_mb):.1f} MB" if cold else ""))
    return 0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--db", type=Path)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--paragraphs", type=int, default=5, help="paragraphs per synthetic article")
    ap.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--launch", metavar="COMMAND", help="time this launcher to its usable window (see above)")
    ap.add_argument("--cold", action="store_true", help="with --launch: drop the page cache before each run")
    args = ap.parse_args()
    if args.launch:
        sys.exit(launch(args.launch, args.db, args.runs, args.cold))
    if args.child:
        print(json.dumps(measure(args.child)))
        return
    tmp = None
    if args.db is None:
        tmp = tempfile.TemporaryDirectory()
        args.db = Path(tmp.name) / "gui_startup.sqlite3"
    build(args.db, args.n, args.paragraphs)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.setdefault("NEWSGOLD_HOME", tempfile.mkdtemp(prefix="ng-bench-home-"))
    runs = []
    for _ in range(args.runs):
        out = subprocess.run([sys.executable, __file__, "--child", str(args.db)], env=env, check=True,
                             capture_output=True, text=True).stdout
        runs.append(json.loads(out.strip().splitlines()[-1]))
    print(f"{args.n} articles, {args.db.stat().st_size / 2**20:.0f} MB, median of {args.runs} fresh processes:")
    for key in runs[0]:
        print(f"  {key:16} {statistics.median(r[key] for r in runs):9.3f}")
    if tmp is not None:
        tmp.cleanup()


if __name__ == "__main__":
    main()
