"""The main window's menu bar, as tables: the shell's own actions and where the editor's go.

The editor's keys and texts come from :mod:`desktop_app.ui.editor.shortcuts`
(the editor builds those QActions); this module only places them.  The shell's
own actions are created here, as children of the window (so ``findChild`` by
object name finds them), from :data:`FILE_MENU` … :data:`HELP_MENU`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from desktop_app import APP_NAME
from desktop_app.core.search import FIELDS
from desktop_app.ui.editor.shortcuts import SHORTCUTS
from desktop_app.ui.settings import THEMES

if TYPE_CHECKING:
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.training import TrainDialog


def _open_train_dialog(win: MainWindow) -> TrainDialog:
    """Training's dialog and the multiprocessing it starts the training with load when it is asked for."""
    from desktop_app.ui.training import open_train_dialog

    return open_train_dialog(win)


#: shortcuts of the shell itself (the editor's come from desktop_app.ui.editor.shortcuts)
SHELL_SHORTCUTS: tuple[tuple[str, str, str], ...] = (
    ("File", "Ctrl+N", "New corpus database"),
    ("File", "Ctrl+O", "Open corpus database"),
    ("File", "Ctrl+I", "Import files"),
    ("File", "Ctrl+Shift+I", "Import a folder"),
    ("File", "Ctrl+E", "Export annotations"),
    ("File", "Ctrl+Q", "Quit"),
    ("Edit", "Ctrl+,", "Settings"),
    ("Navigate", "Ctrl+F", "Search the article list: words, \"phrases\" and fields (speaker:, label:, type:, state:, status:, annotator:)"),
    ("Navigate", "Ctrl+L", "Focus the article list"),
    ("Navigate", "Ctrl+Down / Ctrl+Up", "Next / previous unfinished article"),
    ("View", "Ctrl++ / Ctrl+- / Ctrl+0", "Bigger / smaller / default font"),
    ("View", "Ctrl+1 / Ctrl+2 / Ctrl+3", "Articles (editor) / dashboard / people"),
    ("Help", "F1", "This list of shortcuts"),
)

#: the search box's syntax (core/search.py), in the F1 list under its own heading and in the README's Search section
SEARCH_HELP: tuple[tuple[str, str, str], ...] = (
    *(("Search the article list (Ctrl+F)", f"{name}:VALUE", what) for name, what in FIELDS.items()),
    ("Search the article list (Ctrl+F)", "words \"a phrase\"", "title or text: words by their start, phrases exactly"),
    ("Search the article list (Ctrl+F)", 'speaker:"Khawaja Asif" type:ACCUSE state:suggested',
     "every term must hold; a field may repeat; quote values with spaces"),
)

KeySpec = str | QKeySequence | QKeySequence.StandardKey | None


@dataclass(frozen=True)
class Item:
    """One shell action: object name, menu text, what it does (given the window), key."""

    name: str
    text: str
    run: Callable[[MainWindow], object]
    shortcut: KeySpec = None


#: a separator in a menu table
SEP = None
#: the editor's actions (other groups in submenus) go where this marker is in the Annotate table
EDITOR_ACTIONS = "editor actions"

FILE_MENU: tuple[Item | str | None, ...] = (
    Item("new_db", "&New corpus…", lambda w: w.new_db(), QKeySequence.StandardKey.New),
    Item("open_db", "&Open corpus…", lambda w: w.open_db(), QKeySequence.StandardKey.Open),
    "recent",
    SEP,
    Item("import_files", "&Import files…", lambda w: w.import_files(), "Ctrl+I"),
    Item("import_folder", "Import &folder…", lambda w: w.import_folder(), "Ctrl+Shift+I"),
    Item("export", "&Export…", lambda w: w.export_dialog(), "Ctrl+E"),
    SEP,
    Item("quit", "&Quit", lambda w: w.close(), "Ctrl+Q"),
)
EDIT_MENU: tuple[Item | str | None, ...] = (
    "undo",
    "redo",
    SEP,
    Item("find", "&Find…", lambda w: w.focus_search(), QKeySequence.StandardKey.Find),
    Item("settings", "&Settings…", lambda w: w.settings_dialog(), "Ctrl+,"),
)
ANNOTATE_MENU: tuple[Item | str | None, ...] = (
    Item("preannotate_missing", "Pre-annotate &missing", lambda w: w.preannotate(None)),
    Item("preannotate_all", "Re-annotate &all (keeps your work)", lambda w: w.preannotate(None, all_articles=True)),
    Item("cancel_job", "&Cancel background job", lambda w: w.cancel_background()),
    Item("train_from_gold", "&Train from gold…", _open_train_dialog),
    SEP,
    Item("next_unfinished", "Next unfinished article", lambda w: w.go_unfinished(False), "Ctrl+Down"),
    Item("prev_unfinished", "Previous unfinished article", lambda w: w.go_unfinished(True), "Ctrl+Up"),
    Item("focus_list", "Focus article &list", lambda w: w.focus_list(), "Ctrl+L"),
    EDITOR_ACTIONS,
)
VIEW_MENU: tuple[Item | str | None, ...] = (
    Item("view_articles", "&Articles (editor)", lambda w: w.show_view("articles"), "Ctrl+1"),
    Item("view_dashboard", "Dash&board", lambda w: w.show_view("dashboard"), "Ctrl+2"),
    Item("view_people", "&People", lambda w: w.show_view("people"), "Ctrl+3"),
    Item("view_adjudication", "Ad&judication (team files)", lambda w: w.show_view("adjudication")),
    SEP,
    "themes",
    Item("font_bigger", "&Bigger text", lambda w: w.change_font(+1), QKeySequence.StandardKey.ZoomIn),
    Item("font_smaller", "&Smaller text", lambda w: w.change_font(-1), QKeySequence.StandardKey.ZoomOut),
    Item("font_default", "&Default text size", lambda w: w.change_font(None), "Ctrl+0"),
    "show_rejected",
    "show_tags",
)
HELP_MENU: tuple[Item | str | None, ...] = (
    Item("shortcuts", "All &shortcuts and mouse gestures…", lambda w: w.shortcuts_dialog(), "F1"),
    "overlay",
    Item("about", f"&About {APP_NAME}", lambda w: w.about()),
)
MENUS: tuple[tuple[str, tuple[Item | str | None, ...]], ...] = (
    ("&File", FILE_MENU), ("&Edit", EDIT_MENU), ("&Annotate", ANNOTATE_MENU), ("&View", VIEW_MENU),
    ("&Help", HELP_MENU),
)

#: editor actions placed elsewhere (Edit, View, Help) or nowhere (Esc), not under Annotate
NOT_UNDER_ANNOTATE = frozenset({"undo", "redo", "overlay", "escape", "show_rejected", "show_tags"})


def add_action(win: MainWindow, menu: QMenu, text: str, slot: Callable[[], object],
               shortcut: KeySpec = None, name: str | None = None) -> QAction:
    action = QAction(text, win)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(lambda _checked=False: slot())
    if name:
        action.setObjectName(name)
    menu.addAction(action)
    return action


def build_menus(win: MainWindow) -> None:
    """Fill the window's menu bar; sets ``win.recent_menu`` and ``win._theme_actions``."""
    editor = win.editor_actions()
    for title, table in MENUS:
        menu = win.menuBar().addMenu(title)
        for entry in table:
            if entry is SEP:
                menu.addSeparator()
            elif isinstance(entry, Item):
                add_action(win, menu, entry.text, partial(entry.run, win), entry.shortcut, entry.name)
            elif entry == "recent":
                win.recent_menu = menu.addMenu("Open &recent")
                win.recent_menu.aboutToShow.connect(lambda: fill_recent(win))
            elif entry == "themes":
                _add_themes(win, menu)
            elif entry == EDITOR_ACTIONS:
                _add_editor_actions(menu, editor)
            elif entry == "show_rejected":
                if entry in editor:
                    menu.addSeparator()
                    menu.addAction(editor[entry])
            elif isinstance(entry, str) and entry in editor:  # one of the editor's own actions
                menu.addAction(editor[entry])


def _add_editor_actions(menu: QMenu, editor: dict[str, QAction]) -> None:
    """The editor's everyday actions first, then one submenu per other group, in SHORTCUTS order."""
    items = [(s.name, s.group) for s in SHORTCUTS if s.name in editor and s.name not in NOT_UNDER_ANNOTATE]
    if items:
        menu.addSeparator()
    for key, group in items:
        if group == "Annotate":
            menu.addAction(editor[key])
    groups: dict[str, QMenu] = {}
    for key, group in items:
        if group != "Annotate":
            if group not in groups:
                groups[group] = menu.addMenu(group)
            groups[group].addAction(editor[key])


def _add_themes(win: MainWindow, menu: QMenu) -> None:
    theme_menu = menu.addMenu("&Theme")
    win._theme_actions = QActionGroup(win)
    for t in THEMES:
        act = QAction(t.capitalize(), win, checkable=True)
        act.setData(t)
        act.setChecked(t == win.settings.theme)
        act.triggered.connect(lambda _c=False, t=t: win.set_theme(t))
        win._theme_actions.addAction(act)
        theme_menu.addAction(act)


def fill_recent(win: MainWindow) -> None:
    menu = win.recent_menu
    menu.clear()
    for p in win.settings.recent_dbs:
        act = menu.addAction(p)
        act.setEnabled(Path(p).exists())
        act.triggered.connect(lambda _c=False, p=p: win.open_requested.emit(p))
    if not win.settings.recent_dbs:
        menu.addAction("(none)").setEnabled(False)

