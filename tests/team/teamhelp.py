"""A small corpus with suggestions for the team tests, and the CLI as a user runs it (a real process)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ANNOTATE_AS = HERE / "annotate_as.py"


def corpus_lines(n: int) -> list[str]:
    """``n`` articles of our JSONL, each with four entity, one quote and one event suggestion."""
    lines = []
    for i in range(n):
        text = (f"Ahmed Khan met officials in Lahore on day {i}. \"We will rebuild the bridge {i},\" Khan said. "
                "Pakistan accused India of shelling.")

        def at(word: str, text: str = text) -> int:
            return text.index(word)

        ents = [{"id": f"e{k}", "start": at(w), "end": at(w) + len(w), "label": lab, "text": w, "origin": "model",
                 "state": "suggested"}
                for k, (w, lab) in enumerate((("Ahmed Khan", "PERSON"), ("Lahore", "GPE"), ("Pakistan", "GPE"),
                                              ("India", "GPE")), start=1)]
        q0, q1 = at('"We'), at(',"') + 2
        quotes = [{"id": "q1", "start": q0, "end": q1, "text": text[q0:q1], "kind": "direct",
                   "cue": {"start": at("said"), "end": at("said") + 4, "text": "said"},
                   "speaker": {"name": "Ahmed Khan", "entity": "e1", "mention": None},
                   "origin": "model", "state": "suggested"}]
        events = [{"id": "v1", "type": "ACCUSE", "sentence": {"start": at("Pakistan"), "end": len(text)},
                   "trigger": None, "actor": {"name": "Pakistan", "entity": "e3"},
                   "recipient": {"name": "India", "entity": "e4"}, "origin": "model", "state": "suggested"}]
        lines.append(json.dumps({"title": f"Day {i}", "text": text, "meta": {"source": "team-test"},
                                 "status": "preannotated", "entities": ents, "quotes": quotes, "events": events}))
    return lines


def write_corpus(path: Path, n: int = 10) -> Path:
    path.write_text("\n".join(corpus_lines(n)) + "\n", encoding="utf-8")
    return path


def newsgold(*args: str | Path, check: bool = True, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``newsgold ARGS`` in a process of its own."""
    out = subprocess.run([sys.executable, "-m", "desktop_app", *map(str, args)], capture_output=True, text=True,
                         env={**os.environ, **(env or {})})
    if check and out.returncode != 0:
        raise AssertionError(f"newsgold {' '.join(map(str, args))} exited {out.returncode}:\n{out.stderr}")
    return out


def annotate(path: Path, who: str, style: str) -> subprocess.Popen[str]:
    """Start annotating ``path`` as ``who`` in another process (see annotate_as.py)."""
    return subprocess.Popen([sys.executable, str(ANNOTATE_AS), str(path), who, style], text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def cli(*args: str | Path, check: bool = True) -> subprocess.CompletedProcess[str]:
    """``newsgold ARGS`` through the same entry point, in this process (for the checks around the round trip)."""
    import contextlib
    import io

    from desktop_app.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        rc = main([str(a) for a in args])
    if check and rc != 0:
        raise AssertionError(f"newsgold {' '.join(map(str, args))} exited {rc}:\n{err.getvalue()}")
    return subprocess.CompletedProcess(list(map(str, args)), rc, out.getvalue(), err.getvalue())
