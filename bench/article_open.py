"""Time to open a long article in the editor: ``python bench/article_open.py [--words 10000]``.

Builds a synthetic article (~10k words, ~1k annotations: entities, quotes with
cue and mention, events with trigger) in a temporary database, then, offscreen:
``show_article`` (cold and warm), a reload after one edit, and paging through
the whole text with a repaint per page (what scrolling costs).  Prints a
Markdown table for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

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


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--words", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--no-tags", action="store_true", help="label tags in the text off (View > Label tags)")
    args = ap.parse_args()

    from PySide6.QtWidgets import QApplication

    from desktop_app.storage import Store
    from desktop_app.ui.editor import ArticleEditor
    from desktop_app.ui.ops import OpRunner
    from desktop_app.ui.settings import Settings

    app = QApplication(sys.argv[:1])
    art = build_article(args.words)
    n_ann = len(art.entities) + len(art.quotes) + len(art.events)
    marks = len(art.entities) + 3 * len(art.quotes) + len(art.events)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.sqlite3"
        other = build_article(600, seed=3)
        other.title = "Short article"
        with Store(db) as s:
            s.add_articles([art, other])
        ops = OpRunner(db)
        read = Store(db, readonly=True)
        ed = ArticleEditor(read, ops, Settings(annotator="bench"))
        ed.set_tags(not args.no_tags)
        ed.resize(1400, 900)
        ed.show()
        app.processEvents()

        cpu: list[float] = []

        def timed(fn) -> float:  # type: ignore[no-untyped-def]
            t0, c0 = time.perf_counter(), time.process_time()
            fn()
            app.processEvents()  # layout + first paint of what is on screen
            cpu.append(time.process_time() - c0)
            return time.perf_counter() - t0

        def settle() -> float:
            """Run the event loop until the idle-time highlighting is done (0 for a build without it)."""
            t0 = time.perf_counter()
            while getattr(ed.highlighter, "pending", 0):
                app.processEvents()
            return time.perf_counter() - t0

        cold = timed(lambda: ed.show_article(art.id))
        settle()
        opens, rest, again, again_cpu = [], [], [], []
        for _ in range(args.runs):  # alternate with a short article, as a reader switching would
            ed.show_article(other.id)
            app.processEvents()
            settle()
            getattr(ed.highlighter, "_ranges", {}).clear()  # as if never opened in this process
            opens.append(timed(lambda: ed.show_article(art.id)))
            rest.append(settle())
            ed.show_article(other.id)
            app.processEvents()
            settle()
            again.append(timed(lambda: ed.show_article(art.id)))  # opened before: paragraphs cached
            again_cpu.append(cpu.pop())
            settle()
        warm = statistics.median(opens)
        open_cpu = statistics.median(cpu[1:])
        rest_t = statistics.median(rest)
        writer = Store(db)
        ent_id = read.get_article(art.id).entities[len(art.entities) // 2].id
        reloads = []
        for i in range(args.runs):  # a real edit (one entity's state) committed by another connection
            writer.update("entities", ent_id, {"state": "accepted" if i % 2 == 0 else "suggested"})
            reloads.append(timed(ed.reload))
        reload_t = statistics.median(reloads)
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
        ops.shutdown()
        read.close()

    words = len(art.text.split())
    print(f"article: {words} words, {len(art.text)} chars, {n_ann} annotations, ~{marks} highlighted spans")
    print("| step | time |\n|---|---|")
    print(f"| `show_article`, first open in the process (incl. first layout + paint) | {cold * 1000:.0f} ms |")
    print(f"| `show_article` after a short article, median of {args.runs} (CPU time of the GUI process) "
          f"| {warm * 1000:.0f} ms (CPU {open_cpu * 1000:.0f} ms) |")
    print(f"| then the rest of the paragraphs highlighted in idle-time slices (median) | {rest_t * 1000:.0f} ms |")
    print(f"| `show_article` of it again (its paragraphs' formats cached), median | {statistics.median(again) * 1000:.0f} ms "
          f"(CPU {statistics.median(again_cpu) * 1000:.0f} ms) |")
    print(f"| `reload()` after an edit (median; only changed paragraphs re-highlighted) | {reload_t * 1000:.0f} ms |")
    print(f"| scroll top to bottom, {pages} pages, repaint each | {scroll * 1000:.0f} ms "
          f"({scroll / max(pages, 1) * 1000:.1f} ms/page) |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
