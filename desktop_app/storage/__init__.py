"""SQLite persistence (sqlite-utils): schema, migrations and the Store gateway."""

from desktop_app.storage.store import ANNOTATION_TABLES, ArticleRow, Store

__all__ = ["ANNOTATION_TABLES", "ArticleRow", "Store"]
