"""The main window's other views (View menu): the dashboard and the people registry, made on first use.

Wiring only: a chart click or a person's "appears in" filters the window's article list; a click
(or Enter) on an article there goes back to the editor; a registry change re-reads the editor's
article (its speaker and actor names) and marks the dashboard stale.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QWidget

from desktop_app.ui.dashboard import DashboardView
from desktop_app.ui.people import PeopleView

if TYPE_CHECKING:
    from desktop_app.ui.main_window import MainWindow

VIEWS = ("articles", "dashboard", "people", "adjudication")


def make_view(win: MainWindow, name: str) -> QWidget:
    if not getattr(win, "_views_wired", False):
        win._views_wired = True  # type: ignore[attr-defined]
        win.list.view.clicked.connect(lambda _i: win.show_view("articles"))
        win.list.view.activated.connect(lambda _i: win.show_view("articles"))

    def filter_list(caption: str, ids: list[str]) -> None:
        win.list.set_selection(caption, ids)
        win.status.showMessage(f"{caption}: {len(ids)} article(s) in the list", 6000)

    view: Any
    if name == "dashboard":
        view = DashboardView(win.read_store, jobs=win.jobs, db_path=win.db_path)
        view.failed.connect(lambda exc: win.job_failed(exc, "counting the dashboard"))
    elif name == "people":
        view = PeopleView(win.read_store, win.ops, who=lambda: win.settings.annotator or None, jobs=win.jobs,
                          db_path=win.db_path)

        def registry_changed(_changes: object) -> None:
            if win.editor.current_article_id():
                win.editor.reload()
            for other in win.views.values():
                if other is not view:
                    other.mark_stale()

        view.changed.connect(registry_changed)
        view.message.connect(lambda text: win.status.showMessage(text, 8000))
    elif name == "adjudication":
        from desktop_app.ui.adjudication import AdjudicationView

        view = AdjudicationView(win.read_store, win.ops, who=lambda: win.settings.annotator or None)
        view.message.connect(lambda text: win.status.showMessage(text, 8000))
    else:
        raise ValueError(f"no view {name!r}; views: {', '.join(VIEWS)}")
    view.filter_requested.connect(filter_list)
    return view
