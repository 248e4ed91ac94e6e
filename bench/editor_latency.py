"""Editor latency with real input events: key press / click / article switch to the next paint of the text.

Run by hand under a virtual X server (it needs the xcb platform, not offscreen)::

    xvfb-run -a -s "-screen 0 1600x900x24" python bench/editor_latency.py [--input xdotool|qtest] [--n 30]

The main window (1600×900, no model) opens a temporary corpus of five news-size synthetic articles
(~700 words, ~80 annotations each) and one of 10k words / ~1.1k annotations. Input:

- ``xdotool`` (default when it is installed): real X events through the X server (XTEST), so
  the event goes through xcb and Qt's whole input path. The clock starts when the event reaches
  the application (an event filter on the QApplication sees the ShortcutOverride / KeyPress of
  the key, not of its modifier, or the MouseButtonPress),
  not when xdotool was spawned (process start-up, 5–20 ms, is no part of the app's latency).
- ``qtest``: the same gestures injected with QTest (no X server round trip); same clock.

The clock stops when the text view has finished painting (its ``paintEvent`` returned): "first
paint" is the first paint after the event, "after the commit" the first paint after the writer
thread committed and the editor reloaded (or the reload itself when nothing on screen changed).
An article **open** (a click in the list, ``n`` / ``p``) stops instead at the end of the first
frame painted after ``show_article`` returned (the list acts on the press, so this frame often
comes before the release): the main window has painted every widget that changed (text, panel
table, tabs, title), as ``bench/article_open.py`` counts it (its ``FrameClock``); the paragraphs
highlighted in idle time after that frame are not counted.
``--tags`` turns the label tags in the text on (off by default, as in the app).
Two clocks: wall time (what the user waits, including waiting for a CPU on a busy machine) and
the GUI thread's CPU time over the same interval (``time.thread_time``: what the code costs,
steady under load). Prints a Markdown table for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))


class Probe:
    """Times from the first input event after ``arm()`` to paints of the text view."""

    def __init__(self) -> None:
        self.t_event: float | None = None
        self.paints: list[float] = []
        self.t_reload: float | None = None
        self.t_release: float | None = None
        self.cpu: dict[float, float] = {}  # wall time → the GUI thread's CPU time then
        self.frames: list[float] = []  # ends of the main window's frames (FrameClock)
        self.t_shown: float | None = None  # the editor's show_article returned

    def now(self) -> float:
        t = time.perf_counter()
        self.cpu[t] = time.thread_time()  # probes run on the GUI thread
        return t

    def arm(self) -> None:
        self.t_event, self.paints, self.t_reload, self.t_release = None, [], None, None
        self.cpu = {}
        self.frames.clear()
        self.t_shown = None

    def first_paint(self) -> float | None:
        if self.t_event is None:
            return None
        return next((t for t in self.paints if t > self.t_event), None)

    def frame_after(self, t0: float | None) -> float | None:
        """The end of the first frame after ``t0`` in which the text view painted."""
        paint = self.paint_after(t0)
        return next((t for t in self.frames if t > paint), None) if paint is not None else None

    def paint_after(self, t0: float | None) -> float | None:
        return next((t for t in self.paints if t > t0), None) if t0 is not None else None

    def settled_paint(self) -> float | None:
        """The paint after the reload; the reload itself when nothing on screen needed one (200 ms)."""
        if self.t_reload is None:
            return None
        paint = next((t for t in self.paints if t > self.t_reload), None)
        if paint is None and time.perf_counter() - self.t_reload > 0.2:
            return self.t_reload
        return paint


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--input", choices=("xdotool", "qtest"), default="xdotool" if shutil.which("xdotool") else "qtest")
    ap.add_argument("--n", type=int, default=30, help="repetitions per gesture")
    ap.add_argument("--tags", action="store_true", help="label tags in the text on (View > Label tags)")
    args = ap.parse_args()
    if not os.environ.get("DISPLAY"):
        print("needs an X display: run it under xvfb-run (see the docstring)", file=sys.stderr)
        return 2
    tmp = Path(tempfile.mkdtemp(prefix="newsgold-latency-"))
    os.environ["XDG_CONFIG_HOME"] = str(tmp / "config")  # never the user's settings
    os.environ["QT_QPA_PLATFORM"] = "xcb"

    from article_open import FrameClock, build_article, spin
    from PySide6.QtCore import QEvent, QObject, QPoint, Qt
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from desktop_app.storage import Store
    from desktop_app.ui.app import application, create_main_window
    from desktop_app.ui.editor.text_view import ArticleTextView
    from desktop_app.ui.settings import Settings

    probe = Probe()
    load0 = " ".join(f"{x:.1f}" for x in os.getloadavg())
    MODIFIERS = {Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta, Qt.Key.Key_AltGr}
    paint = ArticleTextView.paintEvent

    def timed_paint(self: Any, e: Any) -> None:
        paint(self, e)
        probe.paints.append(probe.now())

    ArticleTextView.paintEvent = timed_paint  # type: ignore[method-assign]

    class InputClock(QObject):
        def eventFilter(self, obj: Any, e: Any) -> bool:
            # a key bound to a shortcut reaches the app as ShortcutOverride (no KeyPress follows);
            # a modifier's own press (Shift of Shift+→) does not start the clock
            t = e.type()
            if probe.t_event is None and (t == QEvent.Type.MouseButtonPress or (
                    t in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) and e.key() not in MODIFIERS)):
                probe.t_event = probe.now()
            if t == QEvent.Type.MouseButtonRelease and probe.t_event is not None and probe.t_release is None:
                probe.t_release = probe.now()
            return False

    db = tmp / "latency.sqlite3"
    arts = []
    for i in range(5):
        a = build_article(700, seed=i + 1)
        a.title = f"News-size article {i + 1}"
        arts.append(a)
    big = build_article(10_000)
    big.title = "Long article (10k words)"
    with Store(db) as s:
        s.add_articles([*arts, big])

    app = application()
    clock = InputClock()
    app.installEventFilter(clock)
    win = create_main_window(db, Settings(annotator="bench", label_tags=args.tags), load_model=False,
                             first_article=arts[0].id, remember_layout=False)
    win.resize(1600, 900)
    win.show()
    win.raise_()
    frames = FrameClock(win, probe.now)
    probe.frames = frames.frames
    ed = win.editor
    show_article = ed.show_article

    def timed_show(article_id: str) -> None:
        show_article(article_id)
        probe.t_shown = probe.now()

    ed.show_article = timed_show  # type: ignore[method-assign]  # the window calls it through the instance
    # connected after the editor's own slot: this runs once the reload is done
    ed.ops.article_changed.connect(lambda _aid: setattr(probe, "t_reload", probe.now()))

    def idle(ms: int = 120) -> None:
        end = time.perf_counter() + ms / 1000
        spin(lambda: time.perf_counter() > end and ed.ops.pending == 0, timeout=10)

    spin(lambda: (ed.article is not None and win.isActiveWindow()) or False, timeout=3)
    if args.input == "xdotool":
        subprocess.run(["xdotool", "windowfocus", "--sync", str(int(win.winId()))], check=False)
    win.activateWindow()
    spin(lambda: win.isActiveWindow(), timeout=3)
    ed.view.setFocus()
    idle(500)

    xkeys = {"j": "j", "k": "k", "a": "a", "n": "n", "p": "p", "Shift+Right": "shift+Right",
             "Shift+Left": "shift+Left", "Ctrl+z": "ctrl+z"}
    qkeys = {"j": (Qt.Key.Key_J, Qt.KeyboardModifier.NoModifier), "k": (Qt.Key.Key_K, Qt.KeyboardModifier.NoModifier),
             "a": (Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier), "n": (Qt.Key.Key_N, Qt.KeyboardModifier.NoModifier),
             "p": (Qt.Key.Key_P, Qt.KeyboardModifier.NoModifier),
             "Shift+Right": (Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier),
             "Shift+Left": (Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier),
             "Ctrl+z": (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)}

    def press(k: str) -> None:
        if args.input == "xdotool":
            subprocess.Popen(["xdotool", "key", xkeys[k]])
        else:
            QTest.keyClick(QApplication.focusWidget() or ed.view, *qkeys[k])

    def click(point: QPoint, widget: Any = None) -> None:
        widget = widget or ed.view.viewport()
        if args.input == "xdotool":
            g = widget.mapToGlobal(point)
            subprocess.Popen(["xdotool", "mousemove", str(g.x()), str(g.y()), "click", "1"])
        else:
            QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)

    def point_of(cp: int) -> QPoint:
        cur = QTextCursor(ed.view.document())
        cur.setPosition(ed.omap.to_doc(cp) + 1)
        r = ed.view.cursorRect(cur)
        return QPoint(r.x(), r.center().y())

    results: dict[str, list[float]] = {}
    cpu_results: dict[str, list[float]] = {}

    def keep(name: str, wall: float, cpu: float) -> None:
        results.setdefault(name, []).append(wall * 1000)
        cpu_results.setdefault(name, []).append(cpu * 1000)
    timeouts: dict[str, int] = {}  # no paint within 5 s (e.g. a key this build does not have)

    def record(name: str, fire: Callable[[], None], *, settled: bool = False, release: bool = False,
               frame: bool = False, done: Callable[[], bool] = lambda: True) -> None:
        """Time one gesture; ``release``: the paint after the button's release (a click acts on release);
        ``frame``: to the end of the main window's first frame after show_article (an article open)."""
        probe.arm()
        fire()

        def end() -> float | None:
            if settled:
                return probe.settled_paint()
            if frame:
                return probe.frame_after(probe.t_shown)
            if release:
                return probe.paint_after(probe.t_release)
            return probe.first_paint()

        ok = spin(lambda: end() is not None and done())
        t = end()
        if ok and probe.t_event is not None and t is not None:
            t0 = probe.t_event
            if settled:
                first = probe.first_paint()
                if first is not None and first < t:
                    keep(f"{name}: first paint", first - t0, probe.cpu[first] - probe.cpu[t0])
                name = f"{name}: after the commit"
            keep(name, t - t0, probe.cpu[t] - probe.cpu[t0])
        else:
            timeouts[name] = timeouts.get(name, 0) + 1
        idle()

    def list_click(article_id: str) -> None:
        row = win.list.model.row_of(article_id)
        assert row is not None
        view = win.list.view
        view.scrollTo(view.model().index(row, 0))
        click(view.visualRect(view.model().index(row, 0)).center(), view.viewport())

    def gestures(where: str, n: int) -> None:
        ed.show_panel("entities")
        ed.view.setFocus()
        idle()
        for i in range(n):  # next / previous item in the Entities panel
            record(f"{where}: key j / k (next / previous item)", lambda i=i: press("j" if i % 2 == 0 else "k"))
        for i in range(n):  # resize the current entity by a token, and back
            record(f"{where}: key Shift+→ / Shift+← (resize)",
                   lambda i=i: press("Shift+Right" if i % 2 == 0 else "Shift+Left"), settled=True)
        for _ in range(n // 2):  # accept and move on; the undo puts it back
            record(f"{where}: key a (accept and go to the next)", lambda: press("a"), settled=True)
            record(f"{where}: key Ctrl+Z (undo)", lambda: press("Ctrl+z"), settled=True)
        assert ed.article is not None
        ents = [e for e in ed.article.entities if e.state != "rejected"]
        targets = [ents[3], ents[6]]
        for i in range(n):  # click an entity in the text: it becomes the current item
            e = targets[i % len(targets)]
            ed.view.scroll_to(*ed.omap.span_to_doc(e.start, e.end))
            idle()
            record(f"{where}: click an entity in the text (select it)", lambda e=e: click(point_of(e.start)),
                   release=True, done=lambda e=e: ed.current_item() is not None and ed.current_item().id == e.id)

    n = args.n
    gestures("700 words", n)
    for i in range(n):  # next / previous unfinished article
        before = ed.article.id if ed.article else None
        record("key n / p (article switch, 700 words)", lambda i=i: press("n" if i % 2 == 0 else "p"), frame=True,
               done=lambda before=before: ed.article is not None and ed.article.id != before)
    for _ in range(max(n // 3, 3)):  # click the long article in the list, then a short one
        for target, name in ((big.id, "10k words"), (arts[0].id, "700 words")):
            record(f"click in the article list → {name} article shown", lambda t=target: list_click(t),
                   frame=True, done=lambda t=target: ed.article is not None and ed.article.id == t)
    win.list.select_article(big.id)
    idle(300)
    gestures("10k words", n)

    win.close()
    app.processEvents()
    print(f"input: {args.input}; window 1600×900; label tags {'on' if args.tags else 'off'}; {n} repetitions per "
          "gesture; clock: event reaches the app → the text view's paint has returned (an article open: the end of "
          "the window's frame holding it)")
    print(f"load average before/after: {load0} / {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print("| gesture | wall median | wall p90 | GUI-thread CPU median | CPU p90 |\n|---|---|---|---|---|")
    for name, xs in results.items():
        xs, cs = sorted(xs), sorted(cpu_results[name])
        k = min(len(xs) - 1, int(len(xs) * 0.9))
        print(f"| {name} | {statistics.median(xs):.1f} ms | {xs[k]:.1f} ms | {statistics.median(cs):.1f} ms "
              f"| {cs[k]:.1f} ms |")
    for name, k in timeouts.items():
        print(f"| {name}: no paint within 5 s | {k}× | | | |")
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
