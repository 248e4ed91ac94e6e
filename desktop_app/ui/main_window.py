"""The main window: article list | editor, menus and status bar, wired together.

It owns the writer (:class:`OpRunner`), the read-only Store for views and the
background :class:`JobPool`; the work itself lives in article_list, the editor
package, workers and dialogs.  Opening another corpus is the app's job
(``open_requested``), so a window always belongs to exactly one database.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app import APP_NAME
from desktop_app.errors import NewsGoldError
from desktop_app.storage import Store
from desktop_app.ui import dialogs
from desktop_app.ui.article_list import ArticleListPanel
from desktop_app.ui.editor import ArticleEditor
from desktop_app.ui.ops import OpRunner
from desktop_app.ui.settings import THEMES, Settings, save_settings
from desktop_app.ui.status_bar import StatusBar
from desktop_app.ui.theme import apply_theme
from desktop_app.ui.workers import DemoJob, ImportJob, Job, JobPool, LoadModelJob, PreannotateJob

log = logging.getLogger(__name__)

#: shortcuts of the shell itself (the editor's come from desktop_app.ui.editor.shortcuts)
SHELL_SHORTCUTS: tuple[tuple[str, str, str], ...] = (
    ("File", "Ctrl+N", "New corpus database"),
    ("File", "Ctrl+O", "Open corpus database"),
    ("File", "Ctrl+I", "Import files"),
    ("File", "Ctrl+Shift+I", "Import a folder"),
    ("File", "Ctrl+E", "Export annotations"),
    ("File", "Ctrl+Q", "Quit"),
    ("Edit", "Ctrl+,", "Settings"),
    ("Navigate", "Ctrl+F", "Search title and text"),
    ("Navigate", "Ctrl+L", "Focus the article list"),
    ("Navigate", "Ctrl+Down / Ctrl+Up", "Next / previous unfinished article"),
    ("View", "Ctrl++ / Ctrl+- / Ctrl+0", "Bigger / smaller / default font"),
    ("Help", "F1", "This list of shortcuts"),
)


class MainWindow(QMainWindow):
    open_requested = Signal(str)  # another corpus (the app replaces this window)
    startup_finished = Signal()  # demo loaded, model loaded, its pre-annotation done
    engine_changed = Signal(object)

    def __init__(self, db_path: Path, settings: Settings, *, load_model: bool = True,
                 first_article: str | None = None, remember_layout: bool = True) -> None:
        super().__init__()
        self.db_path = Path(db_path)
        self.settings = settings
        self.ops = OpRunner(self.db_path, self)  # raises StorageError for a locked/corrupt/newer file
        try:
            self.read_store = Store(self.db_path, readonly=True)
        except NewsGoldError:
            self.ops.shutdown()
            raise
        self.jobs = JobPool(self)
        self.engine: Any = None
        self._startup_pending: set[str] = set()
        self._first_article = first_article
        self._closed = False

        self.setWindowTitle(f"{APP_NAME} — {self.db_path.name}")
        self.setObjectName("mainWindow")
        self.status = StatusBar(self)
        self.setStatusBar(self.status)
        self.list = ArticleListPanel(self.read_store)
        self.editor = self._make_editor()
        self.empty_page = self._make_empty_page()
        self.centre = QStackedWidget()
        self.centre.addWidget(self.editor)
        self.centre.addWidget(self.empty_page)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.list)
        self.splitter.addWidget(self.centre)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([340, 1260])
        self.list.setMinimumWidth(260)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        self.status.set_annotator(settings.annotator)
        self.status.show_suggestions(False)  # the editor's own line says how many are left
        self.status.cancel_requested.connect(self.cancel_background)

        self.ops.saved.connect(lambda: self.status.set_saving(self.ops.pending))
        self.ops.idle.connect(lambda: self.status.set_saving(0))
        self.ops.failed.connect(self.on_op_failed)
        self.ops.article_changed.connect(self._on_article_changed)
        self.list.article_selected.connect(self.show_article)
        self.list.counts_changed.connect(self.status.set_done)
        self.list.model.modelReset.connect(self._update_empty)
        self._update_empty()
        self._build_menus()
        self._update_counts()
        #: False for windows the user never sees (screenshots, the self-test): they start from
        #: the default layout and leave the saved one alone
        self.remember_layout = remember_layout
        self._restore_layout()
        if load_model:
            self.start_background()
        else:
            self._select_first()

    # -- editor -------------------------------------------------------------------------
    def _make_editor(self) -> ArticleEditor:
        editor = ArticleEditor(self.read_store, self.ops, self.settings, self)
        editor.request_next.connect(lambda: self.go_unfinished(backwards=False))
        editor.request_previous.connect(lambda: self.go_unfinished(backwards=True))
        # the editor's line ("7 suggestions left · Enter = done") stays until it says something else
        editor.status_message.connect(self.status.set_line)
        return editor

    def _make_empty_page(self) -> QWidget:
        page = QWidget()
        page.setObjectName("emptyCorpus")
        text = QLabel("<h2>This corpus has no articles yet</h2>"
                      "<p>Import .txt, .jsonl or .csv files, or a whole folder of them.<br>"
                      "They are pre-annotated in the background; you can start as soon as they appear.</p>")
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setWordWrap(True)  # its one-line width would otherwise be the window's minimum
        files = QPushButton("Import files…  (Ctrl+I)")
        folder = QPushButton("Import a folder…  (Ctrl+Shift+I)")
        files.clicked.connect(self._import_files)
        folder.clicked.connect(self._import_folder)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(files)
        buttons.addWidget(folder)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(text)
        layout.addLayout(buttons)
        layout.addStretch(2)
        return page

    def _update_empty(self) -> None:
        empty = self.list.model.total == 0 and self.list.model.status is None and self.list.model.query is None
        self.centre.setCurrentWidget(self.empty_page if empty else self.editor)

    def editor_actions(self) -> dict[str, QAction]:
        return self.editor.actions()

    def current_article(self) -> str | None:
        return self.list.current_id()

    def show_article(self, article_id: str) -> None:
        self.editor.show_article(article_id)
        self._update_suggestions()

    def go_unfinished(self, backwards: bool = False) -> None:
        if self.list.go_next_unfinished(backwards=backwards) is None:
            self.status.showMessage("No unfinished article left" + (" above" if backwards else ""), 6000)

    def _select_first(self) -> None:
        target = self._first_article
        if target and self.list.select_article(target):
            return
        if target:
            self.status.showMessage(f"No article with id {target}", 8000)
        if self.list.model.rowCount() and self.list.current_id() is None:
            first = self.list.model.next_unfinished(None) or self.list.model.article_at(0).id  # type: ignore[union-attr]
            self.list.select_article(first)

    # -- counts ----------------------------------------------------------------------------
    def _update_counts(self) -> None:
        done, total = self.list.done_counts()
        self.status.set_done(done, total)

    def _update_suggestions(self) -> None:
        aid = self.current_article()
        row = self.list.model.row_of(aid) if aid else None
        art = self.list.model.article_at(row) if row is not None else None
        self.status.set_suggestions(art.n_suggested if art else None)

    def _on_article_changed(self, article_id: str) -> None:
        self.list.refresh_article(article_id)
        if article_id == self.current_article():
            self._update_suggestions()

    # -- errors ----------------------------------------------------------------------------
    def on_op_failed(self, exc: object) -> None:
        if isinstance(exc, NewsGoldError):
            if exc.code.name.startswith("E1") and exc.code.name not in ("E106", "E107", "E108", "E109", "E110",
                                                                         "E111", "E112"):
                self.status.set_save_failed()
                dialogs.error_box(self, exc).open()
            else:  # a refused edit (overlap, nothing to undo…): say so, nothing was lost
                self.status.showMessage(exc.message, 8000)
            return
        assert isinstance(exc, BaseException)
        log.error("bug in a write op", exc_info=exc)
        self.status.set_save_failed()
        report_bug(exc, self)

    # -- background work ---------------------------------------------------------------------
    def start_background(self) -> None:
        """Demo corpus on first start, model loading; the window is usable meanwhile."""
        if self.read_store.count_articles() == 0:
            self._startup_pending.add("demo")
            demo = DemoJob(self.ops.writer)
            demo.succeeded.connect(self._on_demo)
            demo.failed.connect(lambda exc: self._job_failed(exc, "demo"))
            self.jobs.start(demo)
        else:
            self._select_first()
        self._startup_pending.add("model")
        load = LoadModelJob(self.settings.model, self.settings.taxonomy)
        load.succeeded.connect(self._on_engine)
        load.failed.connect(self._on_engine_failed)
        self.jobs.start(load)
        self._demo_ids: list[str] = []

    def _startup_step_done(self, step: str) -> None:
        self._startup_pending.discard(step)
        if not self._startup_pending:
            self.startup_finished.emit()

    @property
    def starting(self) -> bool:
        return bool(self._startup_pending)

    def _on_demo(self, summary: Any) -> None:
        self.list.reload()
        self._select_first()
        self._demo_ids = list(summary.added) if summary is not None else []
        if self._demo_ids:
            self._startup_pending.add("preannotate")
            if self.engine is not None:
                self.preannotate(self._demo_ids, startup=True)
        self._startup_step_done("demo")

    def _on_engine(self, engine: Any) -> None:
        self.engine = engine
        self.status.set_pipeline(engine.name, engine.rule_only)
        self.engine_changed.emit(engine)
        if "preannotate" in self._startup_pending and self._demo_ids and not self.jobs.running(PreannotateJob):
            self.preannotate(self._demo_ids, startup=True)
        self._startup_step_done("model")

    def _on_engine_failed(self, exc: BaseException) -> None:
        self.status.set_pipeline_failed(str(exc))
        self._startup_pending.discard("preannotate")
        self._job_failed(exc, "model")

    def _job_failed(self, exc: BaseException, step: str | None = None) -> None:
        if isinstance(exc, NewsGoldError):
            dialogs.error_box(self, exc).open()
        else:
            log.error("background job failed", exc_info=exc)
            report_bug(exc, self)
        if step:
            self._startup_step_done(step)

    def _track(self, job: Job) -> Job:
        """Show a job's progress in the status bar."""
        job.progress.connect(lambda d, t, m: self.status.show_job(m, d, t))
        job.finished.connect(lambda j=job: self._job_finished(j))
        return self.jobs.start(job)

    def _job_finished(self, job: Job) -> None:
        if not [j for j in self.jobs.running() if j is not job and not isinstance(j, LoadModelJob)]:
            self.status.hide_job()

    def preannotate(self, ids: list[str] | None = None, *, all_articles: bool = False, startup: bool = False) -> None:
        if self.engine is None:
            self.status.showMessage("The language model is still loading; pre-annotation starts when it is ready", 8000)
            self.engine_changed.connect(lambda _e: self.preannotate(ids, all_articles=all_articles),
                                        Qt.ConnectionType.SingleShotConnection)
            return
        job = PreannotateJob(self.ops.writer, self.engine, ids, all_articles=all_articles)
        job.succeeded.connect(lambda n: self._on_preannotated(n, startup))
        job.failed.connect(lambda exc: self._job_failed(exc, "preannotate" if startup else None))
        self._track(job)
        self.status.show_job("pre-annotating", 0, len(ids) if ids else 0)

    def _on_preannotated(self, n: int, startup: bool) -> None:
        self.list.reload()
        cur = self.current_article()
        if cur is not None:
            self.editor.reload()
        self._update_suggestions()
        self.status.showMessage(f"Pre-annotated {n} article(s)", 6000)
        if startup:
            self._startup_step_done("preannotate")

    def cancel_background(self) -> None:
        for job in self.jobs.running():
            if not isinstance(job, LoadModelJob):
                job.cancel()

    # -- file actions -------------------------------------------------------------------------
    def import_paths(self, paths: list[str]) -> ImportJob:
        job = ImportJob(self.ops.writer, paths)
        progress = dialogs.JobProgressDialog(job, self)
        job.succeeded.connect(self._on_imported)
        job.failed.connect(self._job_failed)
        self.jobs.start(job)
        progress.show()
        return job

    def _on_imported(self, summary: Any) -> None:
        self.list.reload()
        if self.list.current_id() is None:
            self._select_first()
        msg = f"Imported {len(summary.added)} article(s), skipped {summary.duplicates} duplicate(s)"
        if summary.cancelled:
            msg += " (cancelled)"
        self.status.showMessage(msg, 10000)
        if summary.errors:
            box = QMessageBox(QMessageBox.Icon.Warning, "Some inputs were rejected",
                              f"{msg}; {len(summary.errors)} input(s) rejected.", QMessageBox.StandardButton.Ok, self)
            box.setDetailedText("\n".join(str(e) for e in summary.errors))
            box.open()
        if summary.added:
            self.preannotate(list(summary.added))

    def _import_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, "Import articles", str(Path.home()),
                                                "Articles (*.txt *.jsonl *.csv *.json);;All files (*)")
        if files:
            self.import_paths(files)

    def _import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Import a folder of articles", str(Path.home()))
        if folder:
            self.import_paths([folder])

    def export_dialog(self) -> dialogs.ExportDialog:
        dlg = dialogs.ExportDialog(self.db_path, self)
        dlg.job_started.connect(self.jobs.start)
        dlg.open()
        return dlg

    def _new_db(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "New corpus database", str(Path.home() / "corpus.sqlite3"),
                                              "NewsGold corpus (*.sqlite3)")
        if name:
            if not name.endswith(".sqlite3"):
                name += ".sqlite3"
            self.open_requested.emit(name)

    def _open_db(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Open corpus database", str(self.db_path.parent),
                                              "NewsGold corpus (*.sqlite3 *.db);;All files (*)")
        if name:
            self.open_requested.emit(name)

    # -- settings / view ------------------------------------------------------------------------
    def settings_dialog(self) -> dialogs.SettingsDialog:
        from desktop_app.nlp.loading import installed_models

        dlg = dialogs.SettingsDialog(self.settings, installed_models(), self)
        dlg.accepted.connect(lambda: self._apply_settings(dlg))
        dlg.open()
        return dlg

    def _apply_settings(self, dlg: dialogs.SettingsDialog) -> None:
        old = (self.settings.model, self.settings.taxonomy)
        dlg.apply_to(self.settings)
        self.settings_changed()
        if (self.settings.model, self.settings.taxonomy) != old:
            load = LoadModelJob(self.settings.model, self.settings.taxonomy)
            load.succeeded.connect(self._on_engine)
            load.failed.connect(self._on_engine_failed)
            self.status.pipeline.setText("pipeline: loading…")
            self.jobs.start(load)

    def settings_changed(self) -> None:
        save_settings(self.settings)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, self.settings.theme, self.settings.font_size)
        self.status.set_annotator(self.settings.annotator)
        self.editor.apply_settings(self.settings)
        for action in self._theme_actions.actions():
            action.setChecked(action.data() == self.settings.theme)

    def set_theme(self, theme: str) -> None:
        self.settings.theme = theme
        self.settings_changed()

    def change_font(self, delta: int | None) -> None:
        self.settings.font_size = 12 if delta is None else max(8, min(32, self.settings.font_size + delta))
        self.settings_changed()

    def shortcuts_dialog(self) -> dialogs.ShortcutsDialog:
        rows, mouse = list(SHELL_SHORTCUTS), []
        try:
            from desktop_app.ui.editor.shortcuts import MOUSE_ACTIONS, shortcut_rows

            rows = shortcut_rows() + rows
            mouse = list(MOUSE_ACTIONS)
        except ImportError:
            pass
        dlg = dialogs.ShortcutsDialog(rows, mouse, self)
        dlg.open()
        return dlg

    # -- menus -----------------------------------------------------------------------------------
    def _act(self, menu: QMenu, text: str, slot: Callable[[], object],
             shortcut: str | QKeySequence | QKeySequence.StandardKey | None = None,
             name: str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        if name:
            action.setObjectName(name)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        ed = self.editor_actions()
        f = bar.addMenu("&File")
        self._act(f, "&New corpus…", self._new_db, QKeySequence.StandardKey.New, "new_db")
        self._act(f, "&Open corpus…", self._open_db, QKeySequence.StandardKey.Open, "open_db")
        self.recent_menu = f.addMenu("Open &recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        f.addSeparator()
        self._act(f, "&Import files…", self._import_files, "Ctrl+I", "import_files")
        self._act(f, "Import &folder…", self._import_folder, "Ctrl+Shift+I", "import_folder")
        self._act(f, "&Export…", self.export_dialog, "Ctrl+E", "export")
        f.addSeparator()
        self._act(f, "&Quit", self.close, "Ctrl+Q", "quit")

        e = bar.addMenu("&Edit")
        for key in ("undo", "redo"):
            if key in ed:
                e.addAction(ed[key])
        e.addSeparator()
        self._act(e, "&Find…", self.focus_search, QKeySequence.StandardKey.Find, "find")
        self._act(e, "&Settings…", self.settings_dialog, "Ctrl+,", "settings")

        a = bar.addMenu("&Annotate")
        self._act(a, "Pre-annotate &missing", lambda: self.preannotate(None), None, "preannotate_missing")
        self._act(a, "Re-annotate &all (keeps your work)", lambda: self.preannotate(None, all_articles=True), None,
                  "preannotate_all")
        self._act(a, "&Cancel background job", self.cancel_background, None, "cancel_job")
        a.addSeparator()
        self._act(a, "Next unfinished article", lambda: self.go_unfinished(False), "Ctrl+Down", "next_unfinished")
        self._act(a, "Previous unfinished article", lambda: self.go_unfinished(True), "Ctrl+Up", "prev_unfinished")
        self._act(a, "Focus article &list", self.list.view.setFocus, "Ctrl+L", "focus_list")
        groups: dict[str, QMenu] = {}
        try:
            from desktop_app.ui.editor.shortcuts import SHORTCUTS

            order = [(s.name, s.group) for s in SHORTCUTS]
        except ImportError:
            order = [(k, "Annotate") for k in ed]
        skip = {"undo", "redo", "overlay", "escape", "show_rejected"}
        items = [(k, g) for k, g in order if k in ed and k not in skip]
        if items:
            a.addSeparator()
        for key, group in items:  # the editor's everyday actions first, then one submenu per group
            if group == "Annotate":
                a.addAction(ed[key])
        for key, group in items:
            if group != "Annotate":
                if group not in groups:
                    groups[group] = a.addMenu(group)
                groups[group].addAction(ed[key])

        v = bar.addMenu("&View")
        theme_menu = v.addMenu("&Theme")
        self._theme_actions = QActionGroup(self)
        for t in THEMES:
            act = QAction(t.capitalize(), self, checkable=True)
            act.setData(t)
            act.setChecked(t == self.settings.theme)
            act.triggered.connect(lambda _c=False, t=t: self.set_theme(t))
            self._theme_actions.addAction(act)
            theme_menu.addAction(act)
        self._act(v, "&Bigger text", lambda: self.change_font(+1), QKeySequence.StandardKey.ZoomIn, "font_bigger")
        self._act(v, "&Smaller text", lambda: self.change_font(-1), QKeySequence.StandardKey.ZoomOut, "font_smaller")
        self._act(v, "&Default text size", lambda: self.change_font(None), "Ctrl+0", "font_default")
        if "show_rejected" in ed:
            v.addSeparator()
            v.addAction(ed["show_rejected"])

        h = bar.addMenu("&Help")
        self._act(h, "All &shortcuts and mouse gestures…", self.shortcuts_dialog, "F1", "shortcuts")
        if "overlay" in ed:
            h.addAction(ed["overlay"])
        self._act(h, f"&About {APP_NAME}", self._about, None, "about")

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for p in self.settings.recent_dbs:
            act = self.recent_menu.addAction(p)
            act.setEnabled(Path(p).exists())
            act.triggered.connect(lambda _c=False, p=p: self.open_requested.emit(p))
        if not self.settings.recent_dbs:
            self.recent_menu.addAction("(none)").setEnabled(False)

    def _about(self) -> None:
        QMessageBox.about(self, f"About {APP_NAME}", dialogs.about_text(self.status.pipeline.text()))

    def focus_search(self) -> None:
        self.list.search.setFocus()
        self.list.search.selectAll()

    # -- closing ---------------------------------------------------------------------------------
    def shutdown(self) -> None:
        """Stop background jobs, finish queued writes, close connections (idempotent)."""
        if self._closed:
            return
        self._closed = True
        self.jobs.shutdown()
        self.read_store.close()  # readers first: the writer's checkpoint then folds and removes the WAL
        self.ops.shutdown()

    # -- window layout ------------------------------------------------------------------
    def _layout_parts(self) -> dict[str, Any]:
        return {"main_splitter": self.splitter, "editor_splitter": self.editor.splitter,
                "side_splitter": self.editor.side_splitter}

    def _restore_layout(self) -> None:
        """Last session's size, place and panel widths; a first start fits the screen."""
        saved = self.settings.layout if self.remember_layout else {}
        if not (saved.get("geometry") and self.restoreGeometry(QByteArray.fromBase64(saved["geometry"].encode()))):
            screen = self.screen().availableGeometry()
            self.resize(QSize(min(1600, int(screen.width() * 0.92)), min(900, int(screen.height() * 0.9))))
        for name, part in self._layout_parts().items():
            if saved.get(name):
                part.restoreState(QByteArray.fromBase64(saved[name].encode()))

    def save_layout(self) -> None:
        layout = {"geometry": bytes(self.saveGeometry().toBase64().data()).decode()}
        for name, part in self._layout_parts().items():
            layout[name] = bytes(part.saveState().toBase64().data()).decode()
        self.settings.layout = layout
        save_settings(self.settings)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closed and self.remember_layout:
            try:
                self.save_layout()
            except OSError as exc:  # a read-only config folder must not stop the window closing
                log.warning("could not save the window layout: %s", exc)
        self.shutdown()
        super().closeEvent(event)


def report_bug(exc: BaseException, parent: QWidget | None = None) -> None:
    """Show the crash dialog (non-blocking) for a bug caught inside the GUI."""
    from desktop_app.ui import app as app_module

    app_module.show_crash(exc, parent)
