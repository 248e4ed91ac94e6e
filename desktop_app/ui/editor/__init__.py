"""The article editor: text view with annotation highlights plus Quotes / Entities / Events panels."""

from desktop_app.ui.editor.editor import ArticleEditor
from desktop_app.ui.editor.shortcuts import LABEL_KEYS, MOUSE_ACTIONS, SHORTCUTS, shortcut_rows

__all__ = ["LABEL_KEYS", "MOUSE_ACTIONS", "SHORTCUTS", "ArticleEditor", "shortcut_rows"]
