"""Time to open a long article in the main window: ``python bench/article_open.py [--runs 7] [--tags]``.

Builds a synthetic article (~10k words, ~1k annotations: entities, quotes with
cue and mention, events with trigger) and a short one in a temporary database and
opens them, offscreen, in the main window at 1600×900 (no model), the window
``bench/editor_latency.py`` uses.  **What "open" counts** (the same in both benches):
from the request (here ``ArticleList.select_article``, the path a click in the list
takes from its current-row change on; there the mouse press reaching the app) to the
end of the first frame that shows the article: every widget that changed has painted
(text, panel table, tab titles, progress line, title), i.e. the main window's
``UpdateRequest`` has been handled.  Not counted: the paragraphs highlighted in
idle-time slices after that frame (reported separately).  Two clocks: wall time and
the GUI thread's CPU time (``time.thread_time``), which stays meaningful on a busy
machine.  The label tags in the text follow the app's default (off); ``--tags`` turns
them on.  Also: the open again (paragraph formats cached), a reload after one edit
committed by another connection, and paging through the text (what scrolling costs).
Prints a Markdown table for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

NAMES = [("Sara Malik", "PERSON"), ("Islamabad", "GPE"), ("United Nations", "ORG"), ("Afghan", "NORP"),
         ("Khyber Pass", "LOC"), ("Torkham crossing", "FAC"), ("Bilal Ahmed", "PERSON"), ("Kabul", "GPE")]


def build_article(words: int, seed: int = 7):  # type: ignore[no-untyped-def]
    from desktop_app.core.model import Article, Entity, Event, Quote, Span

    rng = random.Random(seed)
    parts: list[str] = []
    ents: list[Entity] = []
    quotes: list[Quote] = []
    events: list[Event] = []
    pos = 0
    n_words = 0
    para = 0
    while n_words < words:
        name, label = rng.choice(NAMES)
        sent_start = pos
        lead = f"{name} said that the talks on border trade would go on for another week"
        ents.append(Entity(pos, pos + len(name), label, "model", rng.choice(["suggested", "accepted"])))
        cue_s = pos + len(name) + 1
        content_s = cue_s + len("said that ")
        content_e = pos + len(lead)
        if para % 3 == 0:
            quotes.append(Quote(content_s, content_e, "indirect", cue=Span(cue_s, cue_s + 4), speaker=name,
                                speaker_entity=Span(pos, pos + len(name)), mention=Span(pos, pos + len(name))))
        trig = pos + lead.index("talks")
        tail = f", while officials in {NAMES[para % len(NAMES)][0]} and the ministry disagreed. "
        sentence = lead + tail
        other, olabel = NAMES[para % len(NAMES)]
        o = pos + sentence.index(other, len(lead))
        ents.append(Entity(o, o + len(other), olabel, "model", "suggested"))
        if para % 4 == 1:
            events.append(Event("CONSULT", sentence=Span(sent_start, sent_start + len(sentence) - 1),
                                trigger=Span(trig, trig + 5)))
        parts.append(sentence)
        pos += len(sentence)
        n_words += len(sentence.split())
        para += 1
        if para % 4 == 0:
            parts.append("\n\n")
            pos += 2
    text = "".join(parts)
    art = Article.from_text(text, title="Benchmark article")
    art.entities, art.quotes, art.events = ents, quotes, events
    return art


def spin(cond: Callable[[], bool], timeout: float = 5.0) -> bool:
    """Run Qt's event loop until ``cond()`` holds (False after ``timeout`` s); a 1 ms timer keeps it waking."""
    from PySide6.QtCore import QEventLoop, QTimer

    end = time.perf_counter() + timeout
    loop = QEventLoop()
    beat = QTimer()
    beat.timeout.connect(lambda: None)
    beat.start(1)
    try:
        while not cond():
            if time.perf_counter() > end:
                return False
            loop.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    finally:
        beat.stop()
    return True


class FrameClock:
    """Stamps the end of each frame of a top-level window (after Qt painted every dirty widget).

    Qt paints a window's dirty widgets when the window handles an ``UpdateRequest``; an event
    filter handles that event itself (``window.event``) and stamps the moment it returned.
    ``now`` is the clock to stamp with (wall and GUI-thread CPU time by default).
    """

    def __init__(self, window: Any, now: Callable[[], Any] | None = None) -> None:
        from PySide6.QtCore import QEvent, QObject

        clock = self
        self.window = window
        self.frames: list[Any] = []
        self._now = now or (lambda: (time.perf_counter(), time.thread_time()))
        self._inside = False

        class _Filter(QObject):
            def eventFilter(self, obj: Any, e: Any) -> bool:
                if obj is window and e.type() == QEvent.Type.UpdateRequest and not clock._inside:
                    clock._inside = True
                    try:
                        window.event(e)
                    finally:
                        clock._inside = False
                    clock.frames.append(clock._now())
                    return True
                return False

        self._filter = _Filter()
        window.installEventFilter(self._filter)

    def frame_after(self, t: float) -> Any:
        """The first frame stamp later than wall time ``t`` (stamps are (wall, ...) or a wall time)."""
        return next((f for f in self.frames if (f[0] if isinstance(f, tuple) else f) > t), None)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--words", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--tags", action="store_true", help="label tags in the text on (View > Label tags; off by default)")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="newsgold-open-"))
    os.environ["XDG_CONFIG_HOME"] = str(tmp / "config")  # never the user's settings


    from desktop_app.storage import Store
    from desktop_app.ui.app import application, create_main_window
    from desktop_app.ui.settings import Settings

    load0 = " ".join(f"{x:.1f}" for x in os.getloadavg())
    art = build_article(args.words)
    n_ann = len(art.entities) + len(art.quotes) + len(art.events)
    marks = len(art.entities) + 3 * len(art.quotes) + len(art.events)
    db = tmp / "bench.sqlite3"
    other = build_article(600, seed=3)
    other.title = "Short article"
    with Store(db) as s:
        s.add_articles([art, other])
    app = application()
    win = create_main_window(db, Settings(annotator="bench", label_tags=args.tags), load_model=False,
                             first_article=other.id, remember_layout=False)
    win.resize(1600, 900)
    win.show()
    ed = win.editor
    clock = FrameClock(win)

    def settle() -> float:
        """Run the event loop until the idle-time highlighting is done."""
        t0 = time.perf_counter()
        spin(lambda: not ed.highlighter.pending, timeout=30)
        return time.perf_counter() - t0

    spin(lambda: ed.article is not None and bool(clock.frames), timeout=10)
    settle()

    def timed(fn: Callable[[], None], *, quiet_ok: bool = False) -> tuple[float, float]:
        """(wall, GUI-thread CPU) from calling ``fn`` to the end of the next frame.

        ``quiet_ok``: when no frame comes within 0.3 s (nothing on screen changed), until ``fn`` returned."""
        t0, c0 = time.perf_counter(), time.thread_time()
        fn()
        t1, c1 = time.perf_counter(), time.thread_time()
        if not spin(lambda: clock.frame_after(t0) is not None, timeout=0.3 if quiet_ok else 5):
            return t1 - t0, c1 - c0
        wall, cpu = clock.frame_after(t0)
        return wall - t0, cpu - c0

    def open_(aid: str) -> Callable[[], None]:
        return lambda: win.list.select_article(aid)

    cold = timed(open_(art.id))
    settle()
    opens, rest, again = [], [], []
    for _ in range(args.runs):  # alternate with a short article, as a reader switching would
        timed(open_(other.id))
        settle()
        ed.highlighter._ranges.clear()  # as if never opened in this process
        opens.append(timed(open_(art.id)))
        rest.append(settle())
        timed(open_(other.id))
        settle()
        again.append(timed(open_(art.id)))  # opened before: paragraphs' formats cached
        settle()
    writer = Store(db)
    ent_id = ed.article.entities[len(art.entities) // 2].id
    reloads = []
    for i in range(args.runs):  # a real edit (one entity's state) committed by another connection
        writer.update("entities", ent_id, {"state": "accepted" if i % 2 == 0 else "suggested"})
        reloads.append(timed(ed.reload, quiet_ok=True))
    writer.close()

    bar = ed.view.verticalScrollBar()
    bar.setValue(0)
    pages = 0
    t0 = time.perf_counter()
    while bar.value() < bar.maximum():
        bar.setValue(bar.value() + bar.pageStep())
        ed.view.viewport().repaint()
        pages += 1
    scroll = time.perf_counter() - t0
    text_size = ed.view.viewport().size()
    win.close()
    app.processEvents()

    def med(xs: list[tuple[float, float]]) -> str:
        return (f"{statistics.median(x[0] for x in xs) * 1000:.0f} ms "
                f"(CPU {statistics.median(x[1] for x in xs) * 1000:.1f} ms)")

    words = len(art.text.split())
    print(f"article: {words} words, {len(art.text)} chars, {n_ann} annotations, ~{marks} highlighted spans; "
          f"main window 1600×900 offscreen, text view {text_size.width()}×{text_size.height()}, "
          f"label tags {'on' if args.tags else 'off'}")
    print(f"load average before/after: {load0} / {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print("| step (to the end of the first frame showing it) | wall (GUI-thread CPU) |\n|---|---|")
    print(f"| open, first in the process | {med([cold])} |")
    print(f"| open after a short article, median of {args.runs} | {med(opens)} |")
    print(f"| then the rest of the paragraphs highlighted in idle-time slices (median, wall) "
          f"| {statistics.median(rest) * 1000:.0f} ms |")
    print(f"| open again (its paragraphs' formats cached), median | {med(again)} |")
    print(f"| `reload()` after an edit, median (only changed paragraphs re-highlighted) | {med(reloads)} |")
    print(f"| scroll top to bottom, {pages} pages, repaint each | {scroll * 1000:.0f} ms "
          f"({scroll / max(pages, 1) * 1000:.1f} ms/page) |")
    import shutil

    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
