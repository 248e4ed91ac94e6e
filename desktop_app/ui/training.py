"""Annotate → Train from gold…: train a pipeline on the done articles without blocking the window.

The training runs in a child process (services/training.py) watched by a :class:`TrainJob` thread;
the dialog shows its stages and dev scores, Cancel stops the child (nothing is saved), and at the end
it shows the dev figures before (the rules alone) and after (learned + rules), then offers to switch to
the new pipeline and re-pre-annotate the unfinished articles.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.training import LAYERS, TrainOptions, train_in_child
from desktop_app.ui.workers import Job

if TYPE_CHECKING:
    from desktop_app.ui.main_window import MainWindow

UNFINISHED = ("new", "preannotated", "in_progress")


class TrainJob(Job):
    """Waits on the training child; result: services.training.TrainResult."""

    title = "Training from gold"
    evaluated = Signal(object)  # one dev evaluation: {"epoch", "step", "scores", ...}

    def __init__(self, db_path: Path, options: TrainOptions, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.options = options

    def work(self) -> Any:
        return train_in_child(self.db_path, self.options, progress=self._progress, cancel=self.cancel_token)

    def _progress(self, msg: dict[str, Any]) -> None:
        if msg["kind"] == "eval":
            total = msg["epochs"] * msg["steps_per_epoch"]
            figures = ", ".join(f"{k} {v:.3f}" for k, v in msg["scores"].items() if k.endswith("_f"))
            self.report(msg["step"], total, f"epoch {msg['epoch'] + 1}/{msg['epochs']}, step {msg['step']}: dev {figures}")
            self.evaluated.emit(msg)
        else:
            self.report(0, None, msg["message"])


def figures_text(card: dict[str, Any]) -> str:
    """The dev figures of a model card as lines: quotes before/after first, then each layer."""
    lines = []
    engine = card.get("dev", {}).get("quotes_engine")
    if engine:
        for label, key in (("before (rules alone)", "rules"), ("after (learned + rules)", "learned_and_rules")):
            f = engine[key]
            lines.append(f"Quotes {label}: content P {f['precision']:.3f}  R {f['recall']:.3f}  F1 {f['f1']:.3f}, "
                         f"source accuracy {f['source_accuracy']:.3f}")
    for layer, f in card.get("dev", {}).items():
        if layer != "quotes_engine":
            lines.append(f"{layer} (learned component): " + ", ".join(f"{k} {v:.3f}" for k, v in f.items()))
    return "\n".join(lines)


class TrainDialog(QDialog):
    """Options, progress with Cancel, the figures, and 'use the new model'."""

    use_model = Signal(str)

    def __init__(self, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.setWindowTitle("Train from gold")
        self.setObjectName("trainDialog")
        self.job: TrainJob | None = None
        self.result: Any = None
        self.layers = {layer: QCheckBox(layer) for layer in LAYERS}
        for box in self.layers.values():
            box.setChecked(True)
        self.epochs = QSpinBox()
        self.epochs.setRange(1, 100)
        self.epochs.setValue(10)
        form = QFormLayout()
        row = QHBoxLayout()
        for box in self.layers.values():
            row.addWidget(box)
        form.addRow("Learn", row)
        form.addRow("Epochs", self.epochs)
        self.message = QLabel("Trains on the done articles (a share is kept for dev scores). The window stays usable.")
        self.message.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 1)
        self.figures = QLabel("")
        self.figures.setObjectName("trainFigures")
        self.start_button = QPushButton("Start training")
        self.cancel_button = QPushButton("Cancel")
        self.use_button = QPushButton("Use the new model and re-pre-annotate unfinished articles")
        self.use_button.setVisible(False)
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.use_button.clicked.connect(self._use)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.bar)
        layout.addWidget(self.figures)
        layout.addWidget(self.use_button)
        layout.addLayout(buttons)
        self.setMinimumWidth(520)

    def options(self) -> TrainOptions:
        return TrainOptions(layers=tuple(k for k, box in self.layers.items() if box.isChecked()),
                            epochs=self.epochs.value())

    def start(self) -> TrainJob:
        self.start_button.setEnabled(False)
        self.use_button.setVisible(False)
        self.bar.setRange(0, 0)
        job = TrainJob(self.db_path, self.options(), self)
        job.progress.connect(self._on_progress)
        job.succeeded.connect(self._on_done)
        job.failed.connect(self._on_failed)
        self.job = job
        job.start()
        return job

    def cancel(self) -> None:
        if self.job is not None and self.job.isRunning():
            self.job.cancel()
            self.cancel_button.setEnabled(False)
            self.message.setText("Cancelling: stopping the training process…")
        else:
            self.reject()

    def _on_progress(self, done: int, total: int, message: str) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        self.message.setText(message)

    def _on_done(self, result: Any) -> None:
        self.result = result
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        self.message.setText(f"Saved {result.name}: {result.card['articles']['train']} training articles, "
                             f"{result.card['training_seconds']:.0f} s.")
        self.figures.setText(figures_text(result.card))
        self.use_button.setVisible(True)
        self._finished()

    def _on_failed(self, exc: BaseException) -> None:
        from desktop_app.errors import presentation

        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self.message.setText(presentation(exc).message)
        self._finished()

    def _finished(self) -> None:
        self.start_button.setEnabled(True)
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText("Close")

    def _use(self) -> None:
        if self.result is not None and self.result.name:
            self.use_model.emit(self.result.name)
            self.accept()

    def closeEvent(self, event: Any) -> None:
        if self.job is not None and self.job.isRunning():
            self.job.cancel()
            self.job.wait(15000)
        super().closeEvent(event)


def unfinished_ids(db_path: Path) -> list[str]:
    from desktop_app.services.corpus import open_reader

    with open_reader(db_path) as reader:
        return [aid for status in UNFINISHED for aid in reader.article_ids(status=status)]


def open_train_dialog(win: MainWindow) -> TrainDialog:
    """The menu's action: the dialog, and switching the window to the new pipeline when asked."""
    dlg = TrainDialog(win.db_path, win)

    def switch(name: str) -> None:
        win.settings.model = name
        win.settings_changed()
        win.engine = None  # preannotate() waits for the new engine
        win.load_model()
        win.preannotate(unfinished_ids(win.db_path))

    dlg.use_model.connect(switch)
    dlg.open()
    return dlg
