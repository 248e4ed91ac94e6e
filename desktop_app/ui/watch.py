"""Notice commits made by other programs (the CLI, a second window) and refresh the views.

SQLite's ``PRAGMA data_version`` on the views' reader moves whenever another connection has
committed; polling it costs one tiny query. Our own writer's commits move it too, so a refresh
may repeat one the edit already caused; that is cheap (only the visible rows are re-read).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from desktop_app.services.corpus import Reader

POLL_MS = 1500


class CorpusWatch(QObject):
    changed = Signal()

    def __init__(self, reader: Reader, parent: QObject | None = None, interval_ms: int = POLL_MS) -> None:
        super().__init__(parent)
        self.reader = reader
        self._version = reader.data_version()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> bool:
        """True (and ``changed``) when the corpus file changed since the last check."""
        version = self.reader.data_version()
        if version == self._version:
            return False
        self._version = version
        self.changed.emit()
        return True

    def stop(self) -> None:
        self.timer.stop()
