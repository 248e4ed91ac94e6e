"""The status bar: pipeline (warning when rule-only), annotator, saved state, suggestions left,
"N of M done", and a progress bar with Cancel for the running background job.

Messages go in an eliding label that takes only the room the right-hand widgets leave
(QStatusBar's own message is clipped mid-letter under them); the whole message is its tooltip.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QProgressBar, QSizePolicy, QStatusBar, QToolButton, QWidget

from desktop_app.ui.theme import WARNING_COLOR


class ElidedLabel(QLabel):
    """One line of plain text that ends in "…" when it does not fit; never asks for more width."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setTextFormat(Qt.TextFormat.PlainText)

    def setText(self, text: str) -> None:  # type: ignore[override]
        super().setText(text)
        self.setToolTip(text)

    def shown_text(self) -> str:
        """What is painted: the text, elided to the label's width."""
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, max(0, self.width()))

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setPen(self.palette().color(self.foregroundRole()))
        p.drawText(self.rect(), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), self.shown_text())


class StatusBar(QStatusBar):
    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusBar")
        self.pipeline = QLabel("pipeline: loading…")
        self.pipeline.setObjectName("pipelineLabel")
        self.annotator = QLabel()
        self.saved = QLabel("saved ✓")
        self.saved.setObjectName("savedLabel")
        self.suggestions = QLabel()
        self.done = QLabel()
        self.done.setObjectName("doneLabel")
        #: a team file: each annotator's versions done / in progress and time spent (hidden otherwise)
        self.team = QLabel()
        self.team.setObjectName("teamLabel")
        self.team.setToolTip("Team file: each annotator's articles done (✓), in progress (…) and time spent")
        self.team.hide()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(180)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.cancel = QToolButton()
        self.cancel.setText("✕")
        self.cancel.setToolTip("Cancel the background job")
        self.cancel.clicked.connect(self.cancel_requested)
        self.cancel.hide()
        # permanent (right-aligned) so temporary messages on the left never hide them
        self._suggestions_sep = self._sep()
        for w in (self.pipeline, self._sep(), self.annotator, self._sep(), self.saved, self._suggestions_sep,
                  self.suggestions, self.progress, self.cancel, self._sep(), self.done, self.team):
            self.addPermanentWidget(w)
        self.message = ElidedLabel()
        self.message.setObjectName("statusMessage")
        self.addWidget(self.message, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clearMessage)
        self._shown = ""
        self.rule_only = False
        self._line = ""

    def set_team(self, text: str) -> None:
        self.team.setText(f"· team: {text}" if text else "")
        self.team.setVisible(bool(text))

    def set_line(self, text: str) -> None:
        """The editor's standing line ("7 suggestions left · Enter = done"); comes back after any flash."""
        self._line = text
        self.showMessage(text)

    # QStatusBar's message API, drawn in ``self.message`` instead of under the permanent widgets
    def showMessage(self, text: str, timeout: int = 0) -> None:  # type: ignore[override]
        self._shown = text
        self.message.setText(text)
        if timeout > 0:
            self._timer.start(timeout)
        else:
            self._timer.stop()
        self.messageChanged.emit(text)

    def currentMessage(self) -> str:  # type: ignore[override]
        return self._shown

    def clearMessage(self) -> None:  # type: ignore[override]
        """A flash ends: the editor's standing line comes back."""
        self._timer.stop()
        self._shown = self._line
        self.message.setText(self._line)
        self.messageChanged.emit(self._line)

    def _sep(self) -> QLabel:
        sep = QLabel("·")
        sep.setEnabled(False)
        return sep

    def set_pipeline(self, name: str, rule_only: bool) -> None:
        self.rule_only = rule_only
        if rule_only:
            self.pipeline.setText(f"<span style='color:{WARNING_COLOR}'>⚠ {html.escape(name)} — no trained "
                                  "model, fewer suggestions</span>")
            self.pipeline.setToolTip("No trained spaCy pipeline could be loaded. Install one "
                                     "(see 'newsgold models') for entity and speaker suggestions.")
        else:
            self.pipeline.setText(html.escape(name))
            self.pipeline.setToolTip("spaCy pipeline used for suggestions")

    def set_pipeline_failed(self, message: str) -> None:
        self.rule_only = True
        self.pipeline.setText(f"<span style='color:{WARNING_COLOR}'>⚠ pipeline failed to load</span>")
        self.pipeline.setToolTip(message)

    def set_annotator(self, name: str) -> None:
        self.annotator.setText(f"annotator: {name}")

    def set_saving(self, pending: int) -> None:
        self.saved.setText("saving…" if pending else "saved ✓")

    def set_save_failed(self) -> None:
        self.saved.setText(f"<span style='color:{WARNING_COLOR}'>not saved ✗</span>")

    def show_suggestions(self, on: bool) -> None:
        """Off when the editor reports suggestions itself (its status line)."""
        self.suggestions.setVisible(on)
        self._suggestions_sep.setVisible(on)

    def set_suggestions(self, n: int | None) -> None:
        self.suggestions.setText("" if n is None else f"{n} suggestion{'s' if n != 1 else ''} left")

    def set_done(self, done: int, total: int) -> None:
        self.done.setText(f"{done} of {total} done")

    def show_job(self, message: str, done: int, total: int) -> None:
        self.progress.show()
        self.cancel.show()
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
        else:
            self.progress.setRange(0, 0)
        self.progress.setToolTip(message)

    def hide_job(self) -> None:
        self.progress.hide()
        self.cancel.hide()
