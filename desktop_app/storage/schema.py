"""The schema, as an ordered list of named migrations (sqlite-utils ``Migrations``).

Never edit an applied migration: add a new one at the end.  A database whose
applied migrations include a name this list does not know was written by a newer
NewsGold and is refused.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from desktop_app.storage import tallies

MIGRATION_SET = "newsgold"
migrations = Migrations(MIGRATION_SET)

ANNOTATION_COLUMNS = """
    origin TEXT NOT NULL DEFAULT 'model' CHECK (origin IN ('model','rule','human')),
    state TEXT NOT NULL DEFAULT 'suggested' CHECK (state IN ('suggested','accepted','rejected')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
"""


@migrations(name="0001_initial")
def m0001_initial(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            text TEXT NOT NULL,
            meta TEXT NOT NULL DEFAULT '{}',
            status TEXT NOT NULL DEFAULT 'new'
                CHECK (status IN ('new','preannotated','in_progress','done','skipped')),
            annotator TEXT,
            ignored TEXT NOT NULL DEFAULT '[]',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX idx_articles_status ON articles(status)")
    for table, extra in (
        (
            "entities",
            """start INTEGER NOT NULL, "end" INTEGER NOT NULL, label TEXT NOT NULL,""",
        ),
        (
            "quotes",
            """start INTEGER NOT NULL, "end" INTEGER NOT NULL,
               kind TEXT NOT NULL DEFAULT 'direct' CHECK (kind IN ('direct','indirect','mixed')),
               cue_start INTEGER, cue_end INTEGER,
               speaker TEXT, speaker_ent_start INTEGER, speaker_ent_end INTEGER,
               mention_start INTEGER, mention_end INTEGER,""",
        ),
        (
            "events",
            """type TEXT NOT NULL, sent_start INTEGER NOT NULL, sent_end INTEGER NOT NULL,
               trigger_start INTEGER, trigger_end INTEGER,
               actor TEXT, actor_ent_start INTEGER, actor_ent_end INTEGER,
               recipient TEXT, recipient_ent_start INTEGER, recipient_ent_end INTEGER,""",
        ),
    ):
        db.execute(
            f"""
            CREATE TABLE {table} (
                id INTEGER PRIMARY KEY,
                article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                {extra}
                {ANNOTATION_COLUMNS}
            )
            """
        )
        db.execute(f"CREATE INDEX idx_{table}_article ON {table}(article_id)")
    db.execute(
        """
        CREATE TABLE changes (
            id INTEGER PRIMARY KEY,
            batch INTEGER NOT NULL,
            article_id TEXT NOT NULL,
            at TEXT NOT NULL,
            who TEXT,
            op TEXT NOT NULL,
            table_name TEXT NOT NULL,
            row_id TEXT NOT NULL,
            before TEXT,
            after TEXT,
            undone INTEGER NOT NULL DEFAULT 0
        )
        """
    )
    db.execute("CREATE INDEX idx_changes_article ON changes(article_id, batch)")


@migrations(name="0002_fulltext_search")
def m0002_fulltext_search(db: Database) -> None:
    db.execute(
        "CREATE VIRTUAL TABLE articles_fts USING fts5("
        "title, text, content='articles', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')"
    )
    db.execute(
        """CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN
             INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
           END"""
    )
    db.execute(
        """CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN
             INSERT INTO articles_fts(articles_fts, rowid, title, text)
             VALUES ('delete', old.rowid, old.title, old.text);
           END"""
    )
    db.execute(
        """CREATE TRIGGER articles_fts_au AFTER UPDATE OF title, text ON articles BEGIN
             INSERT INTO articles_fts(articles_fts, rowid, title, text)
             VALUES ('delete', old.rowid, old.title, old.text);
             INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
           END"""
    )
    db.execute("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")


@migrations(name="0003_pipeline_and_sentences")
def m0003_pipeline_and_sentences(db: Database) -> None:
    db.execute("ALTER TABLE articles ADD COLUMN pipeline TEXT")
    db.execute("ALTER TABLE articles ADD COLUMN sentences TEXT NOT NULL DEFAULT '[]'")


@migrations(name="0004_speaker_registry")
def m0004_speaker_registry(db: Database) -> None:
    db.execute(
        """CREATE TABLE speakers (
               alias TEXT PRIMARY KEY COLLATE NOCASE,
               canonical TEXT NOT NULL,
               source TEXT NOT NULL DEFAULT 'human',
               updated_at TEXT NOT NULL
           )"""
    )
    db.execute("CREATE INDEX idx_speakers_canonical ON speakers(canonical)")


@migrations(name="0005_fts_filled_by_store")
def m0005_fts_filled_by_store(db: Database) -> None:
    # Store.add_articles indexes each batch with one INSERT ... SELECT in the same transaction:
    # measured 20k imports, 4.1k/s with the per-row trigger, 5.4k/s with the batch insert.
    # Updates and deletes keep their triggers (rare, one row at a time).
    db.execute("DROP TRIGGER IF EXISTS articles_fts_ai")


@migrations(name="0006_provenance_and_corrections")
def m0006_provenance_and_corrections(db: Database) -> None:
    # provenance: file/line of the import, apart from the article's own meta (round trips stay identical);
    # suggested: what the machine proposed before a person corrected it (JSON of the changed fields).
    db.execute("ALTER TABLE articles ADD COLUMN provenance TEXT NOT NULL DEFAULT '{}'")
    for table in ("entities", "quotes", "events"):
        db.execute(f"ALTER TABLE {table} ADD COLUMN suggested TEXT")


@migrations(name="0007_people")
def m0007_people(db: Database) -> None:
    # what the people registry keeps about a person beside their aliases (speakers): a note and an
    # external id entered by hand (a Wikidata QID, say); the name is the canonical name of quotes and events
    db.execute(
        """CREATE TABLE people (
               name TEXT PRIMARY KEY COLLATE NOCASE,
               note TEXT NOT NULL DEFAULT '',
               external_id TEXT NOT NULL DEFAULT '',
               updated_at TEXT NOT NULL
           )"""
    )


@migrations(name="0008_team_versions")
def m0008_team_versions(db: Database) -> None:
    # team files (storage/versions.py): each annotator's version of an article beside the working version,
    # which is the adjudicated one where adjudications has a row; corpus_meta: corpus id, owner, role, taxonomy
    db.execute(
        """CREATE TABLE versions (
               article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
               annotator TEXT NOT NULL,
               status TEXT NOT NULL,
               updated_at TEXT NOT NULL,
               digest TEXT NOT NULL,
               doc TEXT NOT NULL,
               source TEXT,
               merged_at TEXT NOT NULL,
               PRIMARY KEY (article_id, annotator)
           )"""
    )
    db.execute("CREATE INDEX idx_versions_annotator ON versions(annotator)")
    db.execute(
        """CREATE TABLE adjudications (
               article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
               who TEXT,
               at TEXT NOT NULL,
               agreed INTEGER NOT NULL DEFAULT 0,
               disagreements INTEGER NOT NULL DEFAULT 0,
               basis TEXT NOT NULL DEFAULT '{}'
           )"""
    )
    db.execute("CREATE TABLE corpus_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")


@migrations(name="0009_version_seconds")
def m0009_version_seconds(db: Database) -> None:
    # the time an annotator spent on their version, from their file's change log (gaps over 5 minutes count 5)
    db.execute("ALTER TABLE versions ADD COLUMN seconds REAL NOT NULL DEFAULT 0")


@migrations(name="0010_dashboard_tallies")
def m0010_dashboard_tallies(db: Database) -> None:
    # issue 14: every chart under 200 ms at 100k articles. The charts read counts that triggers keep
    # (storage/tallies.py) instead of grouping every annotation; the article's published date becomes an
    # indexed generated column, the change log a partial index on the changes to done.
    tallies.install(db)


@migrations(name="0011_search_indexes")
def m0011_search_indexes(db: Database) -> None:
    # the article list's field search (storage/search.py): speaker:, label: and type: read these
    # instead of every annotation row (100k articles: label:ORG 330 ms -> see docs/benchmarks.md)
    db.execute("CREATE INDEX IF NOT EXISTS idx_quotes_speaker ON quotes(speaker, state, article_id)")
    db.execute("CREATE INDEX IF NOT EXISTS idx_entities_label ON entities(label, state, article_id)")
    db.execute("CREATE INDEX IF NOT EXISTS idx_events_type ON events(type, state, article_id)")


@migrations(name="0012_tallies_paused_by_import")
def m0012_tallies_paused_by_import(db: Database) -> None:
    # issue 15: an import counts its annotations into the tallies once per transaction (one grouped statement
    # per tally) instead of one trigger run per row; the insert triggers skip while its transaction holds a
    # tally_pause row, which is never committed (storage/tallies.py)
    tallies.install_pause(db)


#: migration 0011's (value, state, article_id) indexes, by table. A large import drops one while it inserts (an
#: article's rows land in as many places of it as they have values, all over it: the costliest part of an annotated
#: import) and builds it again at its end (storage/edits.py); a writable open builds any that a killed import left
#: dropped (``restore_search_indexes``). The SQL is 0011's, which must not change.
SEARCH_INDEXES = {
    "entities": ("idx_entities_label", "CREATE INDEX IF NOT EXISTS idx_entities_label ON entities(label, state, article_id)"),
    "quotes": ("idx_quotes_speaker", "CREATE INDEX IF NOT EXISTS idx_quotes_speaker ON quotes(speaker, state, article_id)"),
    "events": ("idx_events_type", "CREATE INDEX IF NOT EXISTS idx_events_type ON events(type, state, article_id)"),
}


def missing_search_indexes(conn: sqlite3.Connection) -> list[str]:
    """The tables whose search index is not there (dropped by an import that is running, or was killed)."""
    present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('index', 'table')")}
    return [table for table, (name, _) in SEARCH_INDEXES.items() if table in present and name not in present]


def restore_search_indexes(conn: sqlite3.Connection, tables: Iterable[str] | None = None) -> list[str]:
    """Build the search indexes of ``tables`` (default: all) that are missing, in the caller's transaction."""
    missing = set(missing_search_indexes(conn))
    done = [t for t in (SEARCH_INDEXES if tables is None else tables) if t in missing]
    for table in done:
        conn.execute(SEARCH_INDEXES[table][1])
    return done


KNOWN_MIGRATIONS = tuple(m.name for m in migrations._migrations)
SCHEMA_VERSION = len(KNOWN_MIGRATIONS)
