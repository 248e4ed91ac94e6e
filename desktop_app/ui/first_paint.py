"""``NEWSGOLD_TIME_WINDOW=1``: how long the launch takes until the window is usable, then quit.

Also says how many modules and which of :data:`NOT_BEFORE_WINDOW` were imported by then.  "Usable" is the first paint of the article list with rows in it (a given corpus, or the demo
corpus once it is imported).  The clock starts when the process started -- the kernel's
start time in ``/proc/self/stat`` -- so the interpreter's (or the frozen bootloader's) own
start-up and every import count; elsewhere it starts when this module is imported.  The
language model goes on loading in the background and is not waited for.
"""

from __future__ import annotations

import os
import sys
import time
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

ENV = "NEWSGOLD_TIME_WINDOW"
#: what the start path must leave to the background (the model load) or to later use (charts, agreement, cluster);
#: numpy too: sqlite-utils would import it (desktop_app/storage/__init__.py hides it for that import)
NOT_BEFORE_WINDOW = ("spacy", "thinc", "pydantic", "pyqtgraph", "nltk", "dask", "numpy")
_IMPORTED = time.monotonic()


def wanted() -> bool:
    return os.environ.get(ENV, "") not in ("", "0")


def seconds_since_process_start() -> float:
    """Seconds since the kernel started this process (10 ms resolution), or since this module was imported."""
    try:
        with open("/proc/self/stat", encoding="ascii") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()  # the command name may hold spaces
        started = int(fields[19]) / os.sysconf("SC_CLK_TCK")  # field 22: start time after boot, in ticks
        return time.clock_gettime(time.CLOCK_BOOTTIME) - started
    except (OSError, ValueError, IndexError, AttributeError):
        return time.monotonic() - _IMPORTED


class FirstPaintTimer(QObject):
    """Watches the article list's viewport; at its first paint with rows, prints the time and quits."""

    def __init__(self, win: Any) -> None:
        super().__init__(win)
        self.win = win
        self.viewport = win.list.view.viewport()
        self.viewport.installEventFilter(self)
        self._done = False

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if (not self._done and obj is self.viewport and event.type() == QEvent.Type.Paint
                and self.win.list.model.rowCount() > 0):
            self._done = True
            QTimer.singleShot(0, self._report)  # after this paint has been drawn
        return False

    def _report(self) -> None:
        seconds = seconds_since_process_start()
        cpu = time.process_time()
        rows = self.win.list.model.rowCount()
        loaded = [name for name in NOT_BEFORE_WINDOW if name in sys.modules]
        print(f"newsgold: window usable after {seconds:.3f} s (cpu {cpu:.3f} s, {len(sys.modules)} modules, "
              f"{rows} articles listed); "
              f"loaded before it: {', '.join(loaded) or 'none of ' + ' '.join(NOT_BEFORE_WINDOW)}", flush=True)
        QApplication.exit(0)
