"""Dialogs of the shell: errors, crash report, job progress, export, settings, shortcuts, about.

Error policy: a :class:`NewsGoldError` is something the user can act on (locked,
corrupt, unreadable file) and gets a plain message; anything else is a bug and
gets the crash dialog with the log file's location.
"""

from __future__ import annotations

import html
import traceback
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app import APP_NAME, __version__
from desktop_app.errors import HINTS, E, NewsGoldError, StorageError, presentation
from desktop_app.paths import log_path
from desktop_app.ui.settings import FONT_SIZES, THEMES, Settings
from desktop_app.ui.workers import ExportJob, Job

# -- errors ---------------------------------------------------------------------------

def error_box(parent: QWidget | None, err: NewsGoldError, *, title: str | None = None) -> QMessageBox:
    """The friendly box for a catalogued error: message, what to do (errors.HINTS), what was not saved.

    The caller opens or execs it.
    """
    shown = presentation(err)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information if shown.kind == "refusal" else QMessageBox.Icon.Warning)
    box.setWindowTitle(title or shown.title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(err.message)
    notes = "\n".join(getattr(err, "__notes__", []))  # e.g. "Not saved: accept quote"
    box.setInformativeText("\n\n".join(p for p in (notes, shown.hint, f"(error {err.code.name})") if p))
    box.setObjectName(f"error-{err.code.name}")
    return box


def is_corrupt(err: BaseException) -> bool:
    return isinstance(err, StorageError) and err.code == E.E102


class CrashDialog(QDialog):
    """For bugs: what happened, where the log is, the traceback to copy into a report."""

    def __init__(self, exc: BaseException, log_file: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"{APP_NAME} ran into a bug")
        self.setObjectName("crashDialog")
        log_file = log_file or log_path()
        text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        intro = QLabel(
            f"<b>Something went wrong inside {APP_NAME}.</b><br>Your saved work is safe: every edit is "
            f"committed as you make it.<br>Details were written to the log file:<br><code>{html.escape(str(log_file))}"
            "</code><br>Please include it when you report the problem.")
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        intro.setWordWrap(True)
        self.intro = intro
        self.details = QPlainTextEdit(text)
        self.details.setReadOnly(True)
        self.details.setMinimumSize(560, 200)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton("Copy details", QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(f"{log_file}\n\n{text}"))
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.log_file = log_file


# -- job progress ------------------------------------------------------------------------

class JobProgressDialog(QDialog):
    """Shows a running :class:`Job`: message, bar (busy when the total is unknown), Cancel."""

    def __init__(self, job: Job, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.job = job
        self.setWindowTitle(job.title)
        self.setObjectName("jobProgress")
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.message = QLabel(f"{job.title}…")
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.clicked.connect(self._cancel)
        row = QHBoxLayout()
        row.addWidget(self.bar, 1)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(row)
        self.setMinimumWidth(380)
        job.progress.connect(self._on_progress)
        job.finished.connect(self.accept)

    def _on_progress(self, done: int, total: int, message: str) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        self.message.setText(message)

    def _cancel(self) -> None:
        self.job.cancel()
        self.cancel_button.setEnabled(False)
        self.message.setText("Cancelling after the current chunk…")


# -- export -----------------------------------------------------------------------------------

class ExportDialog(QDialog):
    """Choose format, status (done / any) and output; the export itself runs as an :class:`ExportJob`.

    The job belongs to the window's :class:`JobPool`, which deletes it (``deleteLater``) once it has
    finished, while this dialog stays open until the user closes it.  So the dialog never touches the
    job after its ``finished``: it keeps what it needs (the output path) and forgets the job.
    """

    job_started = Signal(object)

    def __init__(self, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from desktop_app.io.exporters import EXPORT_FORMATS

        self.db_path = db_path
        self.setWindowTitle("Export annotations")
        self.setObjectName("exportDialog")
        self.formats = QComboBox()
        for name, fmt in sorted(EXPORT_FORMATS.items()):
            self.formats.addItem(f"{name} — {fmt.description}", name)
        self.formats.setCurrentIndex(max(0, self.formats.findData("jsonl")))
        self.status = QComboBox()
        self.status.addItem("Done articles, accepted work only (gold)", "done")
        self.status.addItem("Every article, everything not rejected", "any")
        self.output = QLineEdit(str(Path.home() / f"newsgold-export{self._suffix()}"))
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._browse)
        self.formats.currentIndexChanged.connect(self._format_changed)
        out_row = QHBoxLayout()
        out_row.addWidget(self.output, 1)
        out_row.addWidget(browse)
        form = QFormLayout()
        form.addRow("Format", self.formats)
        form.addRow("Articles", self.status)
        form.addRow("Save to", out_row)
        self.bar = QProgressBar()
        self.bar.hide()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton("Export", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.bar)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        #: the running export; None before the first and once it has finished (the pool deletes it)
        self.job: ExportJob | None = None
        self._out: Path | None = None

    def _suffix(self) -> str:
        from desktop_app.io.exporters import EXPORT_FORMATS

        name = self.formats.currentData() if hasattr(self, "formats") else "jsonl"
        fmt = EXPORT_FORMATS.get(name or "jsonl")
        return fmt.suffix if fmt else ".jsonl"

    def _format_changed(self) -> None:
        p = Path(self.output.text())
        self.output.setText(str(p.with_suffix(self._suffix())) if p.suffix else str(p))

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "Export to", self.output.text())
        if name:
            self.output.setText(name)

    def start(self) -> ExportJob | None:
        out = Path(self.output.text()).expanduser()
        if not self.output.text().strip():
            self.message.setText("Choose where to save the export.")
            return None
        job = ExportJob(self.db_path, self.formats.currentData(), out, status=self.status.currentData())
        self.job = job
        self._out = out
        self.export_button.setEnabled(False)
        self.bar.setRange(0, 0)
        self.bar.show()
        self.message.setText("Exporting…")
        job.progress.connect(self._on_progress)
        job.succeeded.connect(self._on_done)
        job.failed.connect(self._on_failed)
        job.finished.connect(lambda j=job: self._on_finished(j))
        self.job_started.emit(job)
        return job

    def _on_progress(self, done: int, total: int, message: str) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        self.message.setText(message)

    def _on_done(self, n: int) -> None:
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        self.message.setText(f"Exported {n} article(s) to {self._out}")
        self.buttons.clear()
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)  # reject role: buttons.rejected closes

    def _on_failed(self, exc: BaseException) -> None:
        self.bar.hide()
        self.export_button.setEnabled(True)
        self.message.setText(f"Export failed: {exc}")

    def _on_finished(self, job: ExportJob) -> None:
        if self.job is job:
            self.job = None

    def running_job(self) -> ExportJob | None:
        """The export still running, if any (never a job whose C++ object is already gone)."""
        job = self.job
        if job is None or not shiboken6.isValid(job) or not job.isRunning():
            return None
        return job

    def reject(self) -> None:
        """Cancel / Close / Escape / the title bar: stop a running export, then close."""
        job = self.running_job()
        if job is not None:
            job.cancel()
        super().reject()


# -- settings ------------------------------------------------------------------------------

class SettingsDialog(QDialog):
    """Annotator, pipeline, taxonomy, label colours, font size, theme."""

    def __init__(self, settings: Settings, models: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self.setObjectName("settingsDialog")
        self._colors = dict(settings.label_colors)
        self.annotator = QLineEdit(settings.annotator)
        self.model = QComboBox()
        self.model.addItem("best installed", "")
        for m in models:
            self.model.addItem(m, m)
        self.model.setCurrentIndex(max(self.model.findData(settings.model), 0))
        self.taxonomy = QLineEdit(settings.taxonomy)
        self.taxonomy.setPlaceholderText("bundled PLOVER taxonomy")
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._browse_taxonomy)
        tax_row = QHBoxLayout()
        tax_row.addWidget(self.taxonomy, 1)
        tax_row.addWidget(browse)
        self.font_size = QSpinBox()
        self.font_size.setRange(FONT_SIZES.start, FONT_SIZES.stop - 1)
        self.font_size.setValue(settings.font_size)
        self.theme = QComboBox()
        for t in THEMES:
            self.theme.addItem(t, t)
        self.theme.setCurrentIndex(self.theme.findData(settings.theme))
        self.done_accepts = QCheckBox("Marking an article done accepts its undecided suggestions")
        self.done_accepts.setObjectName("doneAcceptsSuggestions")
        self.done_accepts.setToolTip("On: what is on screen becomes gold (one undoable step).\n"
                                     "Off: undecided suggestions stay undecided and the done export leaves them out.")
        self.done_accepts.setChecked(settings.done_accepts_suggestions)
        colours = QGridLayout()
        self._swatches: dict[str, QPushButton] = {}
        for i, (label, colour) in enumerate(sorted(self._colors.items())):
            b = QPushButton(label)
            b.clicked.connect(lambda _c=False, lab=label: self._pick(lab))
            self._swatches[label] = b
            self._paint(label, colour)
            colours.addWidget(b, i // 3, i % 3)
        form = QFormLayout()
        form.addRow("Annotator name", self.annotator)
        form.addRow("Pipeline", self.model)
        form.addRow("Event taxonomy", tax_row)
        form.addRow("Done", self.done_accepts)
        form.addRow("Label colours", colours)
        form.addRow("Font size", self.font_size)
        form.addRow("Theme", self.theme)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _paint(self, label: str, colour: str) -> None:
        self._swatches[label].setStyleSheet(f"background: {colour}; color: #111; padding: 4px 10px;")

    def _pick(self, label: str) -> None:
        c = QColorDialog.getColor(QColor(self._colors[label]), self, f"Colour for {label}")
        if c.isValid():
            self._colors[label] = c.name()
            self._paint(label, c.name())

    def _browse_taxonomy(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Event taxonomy", self.taxonomy.text(), "Taxonomy (*.json *.yaml *.yml)")
        if name:
            self.taxonomy.setText(name)

    def apply_to(self, settings: Settings) -> None:
        settings.annotator = self.annotator.text().strip() or settings.annotator
        settings.model = self.model.currentData() or ""
        settings.taxonomy = self.taxonomy.text().strip()
        settings.label_colors = dict(self._colors)
        settings.font_size = self.font_size.value()
        settings.theme = self.theme.currentData()
        settings.done_accepts_suggestions = self.done_accepts.isChecked()


# -- help -------------------------------------------------------------------------------------

def shortcut_table_html(rows: list[tuple[str, str, str]]) -> str:
    """Rows grouped under their group heading (groups in order of first appearance)."""
    order = list(dict.fromkeys(g for g, _k, _t in rows))
    rows = sorted(rows, key=lambda r: order.index(r[0]))
    out = ["<table cellspacing='0' cellpadding='3' width='100%'>"]
    group = None
    for g, keys, text in rows:
        if g != group:
            out.append(f"<tr><td colspan='2'><br><b>{html.escape(g)}</b></td></tr>")
            group = g
        out.append(f"<tr><td width='30%'><code>{html.escape(keys)}</code></td><td>{html.escape(text)}</td></tr>")
    out.append("</table>")
    return "".join(out)


class ShortcutsDialog(QDialog):
    def __init__(self, rows: list[tuple[str, str, str]], mouse: list[tuple[str, str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.setObjectName("shortcutsDialog")
        body = shortcut_table_html(rows)
        if mouse:
            body += shortcut_table_html([("Mouse", g, t) for g, t in mouse])
        label = QLabel(body)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setWordWrap(True)
        label.setContentsMargins(8, 0, 8, 8)
        scroll = QScrollArea()
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(label)
        scroll.setWidgetResizable(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.resize(760, 640)


def about_text(pipeline: str) -> str:
    return (f"<h3>{APP_NAME} {html.escape(__version__)}</h3>"
            "<p>Annotate news with entities, quotes with their speakers and events; "
            "every edit is saved at once and can be undone, even after a restart.</p>"
            f"<p>Pipeline: {html.escape(pipeline)}<br>Log file: <code>{html.escape(str(log_path()))}</code></p>")


def ask_open_backup(parent: QWidget | None, err: NewsGoldError, backup: Path) -> bool:
    box = error_box(parent, err)
    box.setInformativeText(
        f"{HINTS[E.E102]}\n\nThe latest automatic backup is {backup.name} "
        f"(in {backup.parent}). Open a copy of it instead? The damaged file is left as it is.\n\n"
        f"(error {err.code.name})")
    box.setStandardButtons(QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Open)
    return box.exec() == QMessageBox.StandardButton.Open


def plain(value: Any) -> str:
    return html.escape(str(value))
