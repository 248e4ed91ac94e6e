"""The main window: article list | editor, menus and status bar, wired together.

It owns the writer (:class:`OpRunner`), the read-only Store for views and the
background :class:`JobPool`; the work itself lives in article_list, the editor
package, workers and dialogs, what happens at launch in :mod:`startup` and the
menu bar in :mod:`menus`.  Opening another corpus is the app's job
(``open_requested``), so a window always belongs to exactly one database.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QEvent, QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QStatusTipEvent
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
from desktop_app.errors import NewsGoldError, kind_of
from desktop_app.services.corpus import open_reader
from desktop_app.services.team import corpus_taxonomy
from desktop_app.ui.article_list import ArticleListPanel
from desktop_app.ui.editor import ArticleEditor
from desktop_app.ui.import_result import ImportResultDialog
from desktop_app.ui.menus import SEARCH_HELP, SHELL_SHORTCUTS, build_menus
from desktop_app.ui.ops import OpRunner
from desktop_app.ui.settings import Settings, save_settings
from desktop_app.ui.startup import Startup
from desktop_app.ui.status_bar import StatusBar
from desktop_app.ui.theme import apply_theme
from desktop_app.ui.watch import CorpusWatch
from desktop_app.ui.workers import ImportJob, Job, JobPool, LoadModelJob, PreannotateJob

if TYPE_CHECKING:  # the dialogs module loads when a dialog opens, not before the first paint
    from desktop_app.ui import dialogs

log = logging.getLogger(__name__)

__all__ = ["SHELL_SHORTCUTS", "MainWindow", "show_error"]


class MainWindow(QMainWindow):
    open_requested = Signal(str)  # another corpus (the app replaces this window)
    startup_finished = Signal()  # demo loaded, model loaded, its pre-annotation done
    engine_changed = Signal(object)
    recent_menu: QMenu  # File > Open recent (menus.build_menus)
    _theme_actions: QActionGroup  # View > Theme

    def __init__(self, db_path: Path, settings: Settings, *, load_model: bool = True,
                 first_article: str | None = None, remember_layout: bool = True) -> None:
        super().__init__()
        self.db_path = Path(db_path)
        self.settings = settings
        #: the centre's other views (dashboard, people, adjudication), made on first use
        self.views: dict[str, Any] = {}  # QWidgets with mark_stale()
        self._view_name = "articles"
        self.ops = OpRunner(self.db_path, self)  # raises StorageError for a locked/corrupt/newer file
        try:
            self.read_store = open_reader(self.db_path)
        except NewsGoldError:
            self.ops.shutdown()
            raise
        self.jobs = JobPool(self)
        self.engine: Any = None
        self.startup = Startup(self)
        self.startup.finished.connect(self.startup_finished)
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
        self.splitter.setSizes([400, 1200])  # the list: two readable title lines at 1280 px and +2 font steps
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
        self.watch = CorpusWatch(self.read_store, self)  # commits by the CLI or another window
        self.watch.changed.connect(self._on_corpus_changed)
        self.list.article_selected.connect(self.show_article)
        self.list.counts_changed.connect(self.status.set_done)
        self.list.model.modelReset.connect(self._update_empty)
        self._update_empty()
        build_menus(self)
        self._update_counts()
        #: False for windows the user never sees (screenshots, the self-test): they start from
        #: the default layout and leave the saved one alone
        self.remember_layout = remember_layout
        self._restore_layout()
        if load_model:
            self.startup.begin()
        else:
            self.select_first()

    # -- editor -------------------------------------------------------------------------
    def _corpus_taxonomy(self) -> str:
        """The taxonomy an assigned or team file carries ("" for none, or a broken one, which is said)."""
        try:
            path = corpus_taxonomy(self.read_store)
        except NewsGoldError as exc:
            self.status.showMessage(f"{exc} — using the taxonomy in Settings", 15000)
            return ""
        return str(path) if path else ""

    def _make_editor(self) -> ArticleEditor:
        editor = ArticleEditor(self.read_store, self.ops, self.settings, self,
                               corpus_taxonomy=self._corpus_taxonomy())
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
        files.clicked.connect(self.import_files)
        folder.clicked.connect(self.import_folder)
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
        if self.view_name != "articles":  # the dashboard or the people view stays while the list filters
            return
        m = self.list.model
        empty = m.total == 0 and m.status is None and m.query is None and m.ids is None
        self.centre.setCurrentWidget(self.empty_page if empty else self.editor)

    # -- views: articles (editor), dashboard, people ------------------------------------------
    @property
    def view_name(self) -> str:
        return self._view_name

    def show_view(self, name: str) -> QWidget:
        """Show the editor ("articles"), the dashboard or the people view in the centre (View menu)."""
        from desktop_app.ui.views import make_view

        self._view_name = name
        if name == "articles":
            self._update_empty()
            return self.centre.currentWidget() or self.editor
        if name not in self.views:
            self.views[name] = make_view(self, name)
            self.centre.addWidget(self.views[name])
        self.centre.setCurrentWidget(self.views[name])
        return self.views[name]

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

    def select_first(self) -> None:
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
        from desktop_app.services.team import progress_line  # a team file: each annotator's progress

        self.status.set_team(progress_line(self.read_store))

    def _update_suggestions(self) -> None:
        aid = self.current_article()
        row = self.list.model.row_of(aid) if aid else None
        art = self.list.model.article_at(row) if row is not None else None
        self.status.set_suggestions(art.n_suggested if art else None)

    def _on_corpus_changed(self) -> None:
        """Another program (or a background job) committed: refresh what is on screen."""
        self.list.refresh_visible()
        self._update_counts()  # and the team line: a merge may have brought versions
        article = self.editor.article
        if article is not None and self.read_store.has_article(article.id):
            fresh = self.read_store.get_article(article.id, annotations=False)
            if fresh.updated_at != article.updated_at:
                self.editor.reload()
        self._update_suggestions()

    def _on_article_changed(self, article_id: str) -> None:
        for view in self.views.values():
            view.mark_stale()
        self.list.refresh_article(article_id)
        if article_id == self.current_article():
            self._update_suggestions()

    # -- errors ----------------------------------------------------------------------------
    def on_op_failed(self, exc: object) -> None:
        """A write that did not happen: refusals in the status bar, the rest as errors.presentation says."""
        assert isinstance(exc, BaseException)
        if kind_of(exc) != "refusal":
            self.status.set_save_failed()
        show_error(exc, self)

    # -- background work ---------------------------------------------------------------------
    @property
    def starting(self) -> bool:
        return self.startup.running

    def load_model(self) -> LoadModelJob:
        """(Re)load the settings' pipeline in the background; the window stays usable meanwhile."""
        load = LoadModelJob(self.settings.model, self.editor.taxonomy_file())
        load.succeeded.connect(self._on_engine)
        load.failed.connect(self._on_engine_failed)
        self.jobs.start(load)
        return load

    def _on_engine(self, engine: Any) -> None:
        self.engine = engine
        self.status.set_pipeline(engine.name, engine.rule_only)
        self.engine_changed.emit(engine)
        self.startup.engine_ready()

    def _on_engine_failed(self, exc: BaseException) -> None:
        self.status.set_pipeline_failed(str(exc))
        self.startup.engine_failed()
        self.job_failed(exc, "model")

    def job_failed(self, exc: BaseException, step: str | None = None) -> None:
        show_error(exc, self)
        if step:
            self.startup.step_done(step)

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
        job.failed.connect(lambda exc: self.job_failed(exc, "preannotate" if startup else None))
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
            self.startup.step_done("preannotate")

    def cancel_background(self) -> None:
        for job in self.jobs.running():
            if not isinstance(job, LoadModelJob):
                job.cancel()

    # -- file actions -------------------------------------------------------------------------
    def import_paths(self, paths: list[str]) -> ImportJob:
        from desktop_app.ui import dialogs

        job = ImportJob(self.ops.writer, paths)
        progress = dialogs.JobProgressDialog(job, self)
        job.succeeded.connect(self._on_imported)
        job.failed.connect(self.job_failed)
        self.jobs.start(job)
        progress.show()
        return job

    def _on_imported(self, summary: Any) -> None:
        self.list.reload()
        if self.list.current_id() is None:
            self.select_first()
        msg = f"Imported {len(summary.added)} article(s), skipped {summary.duplicates} duplicate(s)"
        if summary.cancelled:
            msg += " (cancelled)"
        self.status.showMessage(msg, 10000)
        if summary.errors:  # every rejected input in a table that can be copied (ui/import_result.py)
            ImportResultDialog(msg, summary.errors, self).open()
        if summary.added:
            self.preannotate(list(summary.added))

    def import_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, "Import articles", str(Path.home()),
                                                "Articles (*.txt *.jsonl *.csv *.json);;All files (*)")
        if files:
            self.import_paths(files)

    def import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Import a folder of articles", str(Path.home()))
        if folder:
            self.import_paths([folder])

    def export_dialog(self) -> dialogs.ExportDialog:
        from desktop_app.ui import dialogs

        dlg = dialogs.ExportDialog(self.db_path, self)
        dlg.job_started.connect(self.jobs.start)
        dlg.open()
        return dlg

    def new_db(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "New corpus database", str(Path.home() / "corpus.sqlite3"),
                                              "NewsGold corpus (*.sqlite3)")
        if name:
            if not name.endswith(".sqlite3"):
                name += ".sqlite3"
            self.open_requested.emit(name)

    def open_db(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Open corpus database", str(self.db_path.parent),
                                              "NewsGold corpus (*.sqlite3 *.db);;All files (*)")
        if name:
            self.open_requested.emit(name)

    # -- settings / view ------------------------------------------------------------------------
    def settings_dialog(self) -> dialogs.SettingsDialog:
        from desktop_app.nlp.loading import installed_models, trained_model_names
        from desktop_app.ui import dialogs

        dlg = dialogs.SettingsDialog(self.settings, installed_models() + trained_model_names(), self)
        dlg.accepted.connect(lambda: self._apply_settings(dlg))
        dlg.open()
        return dlg

    def _apply_settings(self, dlg: dialogs.SettingsDialog) -> None:
        old = (self.settings.model, self.settings.taxonomy)
        dlg.apply_to(self.settings)
        self.settings_changed()
        if (self.settings.model, self.settings.taxonomy) != old:
            self.status.pipeline.setText("pipeline: loading…")
            self.load_model()

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
        from desktop_app.ui import dialogs
        from desktop_app.ui.editor.shortcuts import MOUSE_ACTIONS, shortcut_rows

        dlg = dialogs.ShortcutsDialog(shortcut_rows() + list(SHELL_SHORTCUTS) + list(SEARCH_HELP), list(MOUSE_ACTIONS),
                                      self)
        dlg.open()
        return dlg

    def about(self) -> None:
        from desktop_app.ui import dialogs

        QMessageBox.about(self, f"About {APP_NAME}", dialogs.about_text(self.status.pipeline.text()))

    def focus_search(self) -> None:
        self.list.search.setFocus()
        self.list.search.selectAll()

    def focus_list(self) -> None:
        self.list.view.setFocus()

    # -- closing ---------------------------------------------------------------------------------
    def shutdown(self) -> None:
        """Stop background jobs, finish queued writes, close connections (idempotent)."""
        if self._closed:
            return
        self._closed = True
        self.watch.stop()
        self.jobs.shutdown()
        self.read_store.close()  # readers first: the writer's checkpoint then folds and removes the WAL
        self.ops.shutdown()

    # -- window layout ------------------------------------------------------------------
    def _layout_parts(self) -> dict[str, Any]:
        return {"main_splitter": self.splitter, "editor_splitter": self.editor.splitter,
                "side_splitter": self.editor.side_splitter, "list_columns": self.list}

    def _restore_layout(self) -> None:
        """Last session's size, place and panel widths; a first start fits the screen."""
        saved = self.settings.layout if self.remember_layout else {}
        if not (saved.get("geometry") and self.restoreGeometry(QByteArray.fromBase64(saved["geometry"].encode()))):
            screen = self.screen().availableGeometry()
            self.resize(QSize(min(1600, int(screen.width() * 0.92)), min(900, int(screen.height() * 0.9))))
            self.fit_panels()
        for name, part in self._layout_parts().items():
            if saved.get(name):
                part.restoreState(QByteArray.fromBase64(saved[name].encode()))

    def fit_panels(self) -> None:
        """The default split for this width: 31 % for the list (300-420 px: two-line titles stay readable
        two font steps up at 1280 px), the rest to the editor (its panels fit their columns to what is left)."""
        w = max(self.width(), 800)
        lw = max(300, min(420, w * 31 // 100))
        self.splitter.setSizes([lw, w - lw])

    def save_layout(self) -> None:
        layout = {"geometry": bytes(self.saveGeometry().toBase64().data()).decode()}
        for name, part in self._layout_parts().items():
            layout[name] = bytes(part.saveState().toBase64().data()).decode()
        self.settings.layout = layout
        save_settings(self.settings)

    def event(self, e: QEvent) -> bool:
        """Menu status tips go through the status bar's eliding line too (Qt's own would run under the widgets)."""
        if isinstance(e, QStatusTipEvent) and hasattr(self, "status"):
            if e.tip():
                self.status.showMessage(e.tip())
            else:
                self.status.clearMessage()
            return True
        return super().event(e)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closed and self.remember_layout:
            try:
                self.save_layout()
            except OSError as exc:  # a read-only config folder must not stop the window closing
                log.warning("could not save the window layout: %s", exc)
        self.shutdown()
        super().closeEvent(event)


def show_error(exc: BaseException, parent: QWidget | None = None) -> None:
    """The app's one way of showing an error (imported late: the app module builds this window)."""
    from desktop_app.ui import app as app_module

    app_module.show_error(exc, parent)
