"""Dashboard tallies: the chart counts kept up to date by triggers (migration 0010), so a chart reads a
few hundred rows instead of grouping every annotation of the corpus (issue 14: <= 200 ms at 100k articles).

Every count is kept for two scopes, as :mod:`desktop_app.storage.aggregates` defines them: ``any`` (not
rejected) and ``done`` (accepted, in a done article). A trigger on each annotation table adds a row's
contribution on insert and takes it away on delete (an update does both); a trigger on ``articles`` moves
an article's rows between scopes when it becomes or stops being done, or to another day when its published
date changes; deleting an article deletes its annotations first, so their triggers still see it. The
progress tally follows the change log: a done article counts on the day of its latest change to done
that is not undone (its ``updated_at`` when it has none); the status changes per day are the change log's
too. Triggers on ``changes`` keep both.

Counts that fall to zero stay as rows with ``n = 0``; readers skip them.

This is migration 0010's DDL: never change it here, add a migration that replaces what must change.
"""

from __future__ import annotations

import functools

from sqlite_utils import Database

#: a row that counts in scope ``{scope}``, given its ``state`` and its article's ``status``
_IN_SCOPE = "(CASE {scope} WHEN 'any' THEN {state} != 'rejected' ELSE {state} = 'accepted' AND {status} = 'done' END)"
_SCOPES = "(SELECT 'any' AS scope UNION ALL SELECT 'done')"
#: the tally's day of an event: its article's published date (first 10 characters), or the undated bucket
_DAY = "coalesce(substr({published}, 1, 10), '(undated)')"

TABLES = (
    "CREATE TABLE tally_entity_labels (scope TEXT NOT NULL, label TEXT NOT NULL, n INTEGER NOT NULL,"
    " PRIMARY KEY (scope, label)) WITHOUT ROWID",
    "CREATE TABLE tally_event_days (scope TEXT NOT NULL, day TEXT NOT NULL, type TEXT NOT NULL, n INTEGER NOT NULL,"
    " PRIMARY KEY (scope, day, type)) WITHOUT ROWID",
    "CREATE TABLE tally_event_actors (scope TEXT NOT NULL, type TEXT NOT NULL, actor TEXT NOT NULL,"
    " n INTEGER NOT NULL, PRIMARY KEY (scope, type, actor)) WITHOUT ROWID",
    # speaker '' is a quote without a speaker (NULL or empty)
    "CREATE TABLE tally_speakers (scope TEXT NOT NULL, speaker TEXT NOT NULL, n INTEGER NOT NULL,"
    " PRIMARY KEY (scope, speaker)) WITHOUT ROWID",
    # per speaker, how many (quote, linked entity) pairs link a PERSON entity and how many another label;
    # every quote counts here whatever its state (kind of source is a property of the speaker)
    "CREATE TABLE tally_speaker_links (speaker TEXT NOT NULL PRIMARY KEY, person INTEGER NOT NULL,"
    " other INTEGER NOT NULL) WITHOUT ROWID",
    "CREATE TABLE tally_progress (day TEXT NOT NULL, who TEXT NOT NULL, n INTEGER NOT NULL,"
    " PRIMARY KEY (day, who)) WITHOUT ROWID",
    # the change log's status changes that are not undone, per day (status '' where a snapshot has none)
    "CREATE TABLE tally_status_changes (day TEXT NOT NULL, before TEXT NOT NULL, after TEXT NOT NULL,"
    " n INTEGER NOT NULL, PRIMARY KEY (day, before, after)) WITHOUT ROWID",
)


def _scoped(table: str, keys: tuple[str, ...], exprs: tuple[str, ...], *, source: str, state: str, status: str,
            sign: str, extra: str = "1") -> str:
    """One upsert adding ``sign`` x the rows of ``source`` (grouped by ``exprs``) to both scopes of ``table``."""
    cols = ", ".join(keys)
    group = ", ".join(exprs)
    frm = f"{source}, {_SCOPES} AS sc" if source else f"{_SCOPES} AS sc"
    return (f"INSERT INTO {table} (scope, {cols}, n) SELECT sc.scope, {group}, {sign} * count(*) FROM {frm}"
            f" WHERE {_IN_SCOPE.format(scope='sc.scope', state=state, status=status)} AND {extra}"
            f" GROUP BY sc.scope, {group} ON CONFLICT (scope, {cols}) DO UPDATE SET n = n + excluded.n;")


def _row_scoped(table: str, keys: tuple[str, ...], exprs: tuple[str, ...], row: str, sign: str,
                extra: str = "1") -> list[str]:
    """Add ``sign`` for one annotation row to each scope it counts in: one plain upsert per scope, the article
    (alias ``a``) read only where a key or the ``done`` scope needs it (a per-row GROUP BY costs a sorter)."""
    cols = ", ".join(keys)
    upsert = f" ON CONFLICT (scope, {cols}) DO UPDATE SET n = n + excluded.n;"
    out = []
    for scope in ("any", "done"):
        cond = f"{row}.state != 'rejected'" if scope == "any" else f"{row}.state = 'accepted' AND a.status = 'done'"
        frm = f" FROM articles a WHERE a.id = {row}.article_id AND" if scope == "done" or "a." in "".join(exprs) \
            else " WHERE"
        out.append(f"INSERT INTO {table} (scope, {cols}, n) SELECT '{scope}', {', '.join(exprs)}, {sign}{frm}"
                   f" {cond} AND {extra}{upsert}")
    return out


_LINKS_UPSERT = " ON CONFLICT (speaker) DO UPDATE SET person = person + excluded.person, other = other + excluded.other;"


def _row_contributions(table: str, row: str, sign: str) -> list[str]:
    """The statements adding (sign '1') or removing (sign '-1') one annotation row ``row`` (new/old)."""
    if table == "entities":
        return [
            *_row_scoped("tally_entity_labels", ("label",), (f"{row}.label",), row, sign),
            # each quote that links this entity as its speaker's mention (one upsert per quote)
            "INSERT INTO tally_speaker_links (speaker, person, other)"
            f" SELECT q.speaker, {sign} * ({row}.label = 'PERSON'), {sign} * ({row}.label != 'PERSON')"
            f" FROM quotes q WHERE {row}.state != 'rejected' AND q.article_id = {row}.article_id"
            f' AND q.speaker_ent_start = {row}.start AND q.speaker_ent_end = {row}."end"'
            f" AND q.speaker IS NOT NULL AND q.speaker != ''{_LINKS_UPSERT}",
        ]
    if table == "quotes":
        return [
            *_row_scoped("tally_speakers", ("speaker",), (f"coalesce({row}.speaker, '')",), row, sign),
            # each live entity the quote's speaker mention is
            "INSERT INTO tally_speaker_links (speaker, person, other)"
            f" SELECT {row}.speaker, {sign} * (e.label = 'PERSON'), {sign} * (e.label != 'PERSON')"
            f" FROM entities e WHERE {row}.speaker IS NOT NULL AND {row}.speaker != ''"
            f' AND e.article_id = {row}.article_id AND e.start = {row}.speaker_ent_start AND e."end" = {row}.speaker_ent_end'
            f" AND e.state != 'rejected'{_LINKS_UPSERT}",
        ]
    return [
        *_row_scoped("tally_event_days", ("day", "type"), (_DAY.format(published="a.published"), f"{row}.type"),
                     row, sign),
        *_row_scoped("tally_event_actors", ("type", "actor"), (f"{row}.type", f"{row}.actor"), row, sign,
                     extra=f"{row}.actor IS NOT NULL AND {row}.actor != ''"),
    ]


def _article_contributions(article: str, status: str, published: str, sign: str) -> list[str]:
    """The statements adding or removing every scoped annotation of one article (status/published as given)."""
    def one(table: str, tally: str, keys: tuple[str, ...], exprs: tuple[str, ...], extra: str = "1") -> str:
        return _scoped(tally, keys, exprs, source=f"{table} x", state="x.state", status=status, sign=sign,
                       extra=f"x.article_id = {article} AND {extra}")

    return [
        one("entities", "tally_entity_labels", ("label",), ("x.label",)),
        one("quotes", "tally_speakers", ("speaker",), ("coalesce(x.speaker, '')",)),
        one("events", "tally_event_days", ("day", "type"), (_DAY.format(published=published), "x.type")),
        one("events", "tally_event_actors", ("type", "actor"), ("x.type", "x.actor"),
            "x.actor IS NOT NULL AND x.actor != ''"),
    ]


#: the newest not-undone change of an article's status to done (``{exclude}``: a change id to leave out)
_LAST_DONE = ("(SELECT max(at) FROM changes WHERE article_id = {article} AND table_name = 'articles' AND undone = 0"
              " AND json_extract(after, '$.status') = 'done' AND id != {exclude})")


def _progress(status: str, annotator: str, updated_at: str, last_done: str, sign: str, article: str = "") -> str:
    """Add ``sign`` on a done article's (day, annotator); ``article``: read those from that article's row (alias a)."""
    frm, cond = (" FROM articles a", f"a.id = {article} AND ") if article else ("", "")
    return (f"INSERT INTO tally_progress (day, who, n) SELECT substr(coalesce({last_done}, {updated_at}), 1, 10),"
            f" coalesce({annotator}, '(nobody)'), {sign}{frm} WHERE {cond}{status} = 'done'"
            " ON CONFLICT (day, who) DO UPDATE SET n = n + excluded.n;")


def _article_progress(row: str, sign: str) -> str:
    last = _LAST_DONE.format(article=f"{row}.id", exclude="-1")
    return _progress(f"{row}.status", f"{row}.annotator", f"{row}.updated_at", last, sign)


def _change_progress(article: str, last_before: str) -> list[str]:
    """Move a done article from the day of its last change to done before (``last_before``) to the one now."""
    now = _LAST_DONE.format(article=article, exclude="-1")
    return [_progress("a.status", "a.annotator", "a.updated_at", last_before, "-1", article),
            _progress("a.status", "a.annotator", "a.updated_at", now, "1", article)]


def _status_change(row: str, sign: str) -> str:
    """Count (sign '1') or uncount one change-log row of the articles table that is not undone."""
    before, after = (f"coalesce(json_extract({row}.{c}, '$.status'), '')" for c in ("before", "after"))
    return (f"INSERT INTO tally_status_changes (day, before, after, n) SELECT substr({row}.at, 1, 10), {before},"
            f" {after}, {sign} WHERE {row}.table_name = 'articles' AND {row}.undone = 0 AND {before} != {after}"
            " ON CONFLICT (day, before, after) DO UPDATE SET n = n + excluded.n;")


def _trigger(name: str, when: str, body: list[str]) -> str:
    return f"CREATE TRIGGER {name} {when} BEGIN\n  " + "\n  ".join(body) + "\nEND"


def triggers() -> list[str]:
    out: list[str] = []
    watched = {
        "entities": ("label", "state", "start", '"end"', "article_id"),
        "quotes": ("speaker", "state", "speaker_ent_start", "speaker_ent_end", "article_id"),
        "events": ("type", "actor", "state", "article_id"),
    }
    for table, cols in watched.items():
        out.append(_trigger(f"tally_{table}_ai", f"AFTER INSERT ON {table}", _row_contributions(table, "new", "1")))
        out.append(_trigger(f"tally_{table}_ad", f"AFTER DELETE ON {table}", _row_contributions(table, "old", "-1")))
        changed = " OR ".join(f"old.{c} IS NOT new.{c}" for c in cols)
        out.append(_trigger(f"tally_{table}_au", f"AFTER UPDATE OF {', '.join(cols)} ON {table} WHEN {changed}",
                            _row_contributions(table, "old", "-1") + _row_contributions(table, "new", "1")))
    # an article moving in or out of done, or to another published day, moves its annotations
    out.append(_trigger(
        "tally_articles_scope",
        "AFTER UPDATE OF status, meta ON articles"
        " WHEN (old.status = 'done') != (new.status = 'done') OR old.published IS NOT new.published",
        _article_contributions("old.id", "old.status", "old.published", "-1")
        + _article_contributions("new.id", "new.status", "new.published", "1")))
    # quotes first: their links are counted from the entities still there
    out.append(_trigger(
        "tally_articles_bd", "BEFORE DELETE ON articles",
        [f"DELETE FROM {t} WHERE article_id = old.id;" for t in ("quotes", "entities", "events")]
        + [_article_progress("old", "-1")]))
    out.append(_trigger("tally_articles_progress_ai", "AFTER INSERT ON articles WHEN new.status = 'done'",
                        [_article_progress("new", "1")]))
    out.append(_trigger(
        "tally_articles_progress_au",
        "AFTER UPDATE OF status, annotator, updated_at ON articles WHEN old.status = 'done' OR new.status = 'done'",
        [_article_progress("old", "-1"), _article_progress("new", "1")]))
    is_done_change = "{r}.table_name = 'articles' AND json_extract({r}.after, '$.status') = 'done'"
    others = _LAST_DONE.format(article="{r}.article_id", exclude="{r}.id")
    out.append(_trigger(
        "tally_changes_progress_ai",
        f"AFTER INSERT ON changes WHEN new.undone = 0 AND {is_done_change.format(r='new')}",
        _change_progress("new.article_id", others.format(r="new"))))
    with_old = "CASE WHEN old.undone = 0 THEN coalesce(max({o}, old.at), old.at) ELSE {o} END"
    out.append(_trigger(
        "tally_changes_progress_au",
        "AFTER UPDATE OF undone, at ON changes WHEN ((old.undone = 0) != (new.undone = 0) OR old.at IS NOT new.at)"
        f" AND {is_done_change.format(r='new')}",
        _change_progress("new.article_id", with_old.format(o=others.format(r="new")))))
    out.append(_trigger(
        "tally_changes_progress_ad",
        f"AFTER DELETE ON changes WHEN old.undone = 0 AND {is_done_change.format(r='old')}",
        _change_progress("old.article_id", with_old.format(o=others.format(r="old")))))
    out.append(_trigger("tally_changes_status_ai", "AFTER INSERT ON changes WHEN new.table_name = 'articles'",
                        [_status_change("new", "1")]))
    out.append(_trigger(
        "tally_changes_status_au",
        "AFTER UPDATE OF undone, at ON changes WHEN new.table_name = 'articles'"
        " AND ((old.undone = 0) != (new.undone = 0) OR old.at IS NOT new.at)",
        [_status_change("old", "-1"), _status_change("new", "1")]))
    out.append(_trigger("tally_changes_status_ad", "AFTER DELETE ON changes WHEN old.table_name = 'articles'",
                        [_status_change("old", "-1")]))
    return out


def fill(db: Database) -> None:
    """Count the whole corpus into the (empty) tallies: what the triggers keep from then on."""
    for stmt in [
        _scoped("tally_entity_labels", ("label",), ("x.label",), source="entities x JOIN articles a ON a.id = x.article_id",
                state="x.state", status="a.status", sign="1"),
        _scoped("tally_speakers", ("speaker",), ("coalesce(x.speaker, '')",),
                source="quotes x JOIN articles a ON a.id = x.article_id", state="x.state", status="a.status", sign="1"),
        _scoped("tally_event_days", ("day", "type"), (_DAY.format(published="a.published"), "x.type"),
                source="events x JOIN articles a ON a.id = x.article_id", state="x.state", status="a.status", sign="1"),
        _scoped("tally_event_actors", ("type", "actor"), ("x.type", "x.actor"),
                source="events x JOIN articles a ON a.id = x.article_id", state="x.state", status="a.status", sign="1",
                extra="x.actor IS NOT NULL AND x.actor != ''"),
        """INSERT INTO tally_speaker_links (speaker, person, other)
           SELECT q.speaker, sum(e.label = 'PERSON'), sum(e.label != 'PERSON') FROM quotes q JOIN entities e
             ON e.article_id = q.article_id AND e.start = q.speaker_ent_start AND e."end" = q.speaker_ent_end
           WHERE e.state != 'rejected' AND q.speaker IS NOT NULL AND q.speaker != '' GROUP BY q.speaker""",
        f"""INSERT INTO tally_progress (day, who, n)
            SELECT substr(coalesce({_LAST_DONE.format(article='a.id', exclude='-1')}, a.updated_at), 1, 10) AS day,
                   coalesce(a.annotator, '(nobody)') AS who, count(*) FROM articles a WHERE a.status = 'done'
            GROUP BY day, who""",
        """INSERT INTO tally_status_changes (day, before, after, n)
           SELECT substr(at, 1, 10) AS day, coalesce(json_extract(before, '$.status'), '') AS b,
                  coalesce(json_extract(after, '$.status'), '') AS a, count(*)
           FROM changes WHERE table_name = 'articles' AND undone = 0 AND b != a GROUP BY day, b, a""",
    ]:
        db.execute(stmt)


def install(db: Database) -> None:
    """Migration 0010's part: the published column, a change-log index, the tallies and their triggers."""
    # the article's published date (from its metadata) as a column: indexed for the chart's date range
    db.execute("ALTER TABLE articles ADD COLUMN published TEXT GENERATED ALWAYS AS"
               " (CASE WHEN json_valid(meta) THEN json_extract(meta, '$.published') END) VIRTUAL")
    db.execute("CREATE INDEX idx_articles_published ON articles(published)")
    # each article's changes to done (what the progress triggers look up)
    db.execute("CREATE INDEX idx_changes_done ON changes(article_id, at)"
               " WHERE table_name = 'articles' AND undone = 0 AND json_extract(after, '$.status') = 'done'")
    for stmt in TABLES:
        db.execute(stmt)
    fill(db)
    for stmt in triggers():
        db.execute(stmt)


# -- migration 0012: an import counts its rows once per transaction -------------------------------------------
#
# The per-row insert triggers made a bulk insert of annotations 2-3x slower (docs/benchmarks.md). An import
# (``Edits.add_prepared``) puts a row in ``tally_pause`` at the start of its transaction, inserts, adds what the
# batch's articles hold to the tallies with one grouped statement per tally (``BATCH``), and deletes the row
# before it commits. The row is never committed, so no other connection ever sees it: their inserts, made in
# their own transactions, keep firing the triggers. The updates' and deletes' triggers are not paused.

PAUSE_TABLE = "CREATE TABLE tally_pause (paused INTEGER NOT NULL)"
PAUSED = "NOT EXISTS (SELECT 1 FROM tally_pause)"


def pausable_insert_triggers() -> list[str]:
    """Migration 0012's insert triggers: 0010's, not fired while this connection's transaction pauses them."""
    return [_trigger(f"tally_{table}_ai", f"AFTER INSERT ON {table} WHEN {PAUSED}", _row_contributions(table, "new", "1"))
            for table in ("entities", "quotes", "events")]


def _batch(table: str, tally: str, keys: tuple[str, ...], exprs: tuple[str, ...], extra: str = "1") -> list[str]:
    """Add the rows of ``table`` with ``id >= :{table}`` (this transaction's) to both scopes of ``tally``.

    The new rows are the end of the table's rowid range: read in order, the article looked up only where a key
    or the ``done`` scope needs it (an import's suggestions never do)."""
    cols = ", ".join(keys)
    group = ", ".join(exprs)
    out = []
    for scope in ("any", "done"):
        cond = "x.state != 'rejected'" if scope == "any" else "x.state = 'accepted' AND a.status = 'done'"
        join = " CROSS JOIN articles a ON a.id = x.article_id" if scope == "done" or "a." in group else ""
        # NOT INDEXED and CROSS JOIN: the rowid range first (the planner would rather scan a whole index)
        out.append(f"INSERT INTO {tally} (scope, {cols}, n) SELECT '{scope}', {group}, count(*)"
                   f" FROM {table} x NOT INDEXED{join}"
                   f" WHERE x.id >= :{table} AND {cond} AND {extra} GROUP BY {group}"
                   f" ON CONFLICT (scope, {cols}) DO UPDATE SET n = n + excluded.n")
    return out


#: what the paused insert triggers would have added for the annotation rows inserted in this transaction: those
#: with ``id >= :entities`` / ``:quotes`` / ``:events`` (new rowids follow the largest; the write lock is ours)
BATCH = (
    *_batch("entities", "tally_entity_labels", ("label",), ("x.label",)),
    *_batch("quotes", "tally_speakers", ("speaker",), ("coalesce(x.speaker, '')",)),
    *_batch("events", "tally_event_days", ("day", "type"), (_DAY.format(published="a.published"), "x.type")),
    *_batch("events", "tally_event_actors", ("type", "actor"), ("x.type", "x.actor"),
            "x.actor IS NOT NULL AND x.actor != ''"),
    # a (quote, entity) pair lies in one article, and the articles are new: every new pair has a new quote
    "INSERT INTO tally_speaker_links (speaker, person, other)"
    " SELECT q.speaker, sum(e.label = 'PERSON'), sum(e.label != 'PERSON') FROM quotes q NOT INDEXED CROSS JOIN entities e"
    ' ON e.article_id = q.article_id AND e.start = q.speaker_ent_start AND e."end" = q.speaker_ent_end'
    " WHERE q.id >= :quotes AND e.state != 'rejected' AND q.speaker IS NOT NULL AND q.speaker != ''"
    f" GROUP BY q.speaker{_LINKS_UPSERT}",
)



def batch_skips(tables: frozenset[str], done: bool) -> frozenset[str]:
    """The ``BATCH`` statements that can add nothing: those reading a table with no new rows (``tables``: the
    ones with), and without a new ``done`` article (``done``) those of the done scope, which join every new
    accepted row to its article to find none (10k tasks of 20 entities: 200k lookups)."""
    return _skips(tables, done)


@functools.lru_cache(maxsize=16)
def _skips(tables: frozenset[str], done: bool) -> frozenset[str]:
    out = set()
    for stmt in BATCH:
        reads = {t for t in ("entities", "quotes", "events") if f"FROM {t} " in stmt or f"JOIN {t} " in stmt}
        if not reads <= tables or (not done and "a.status = 'done'" in stmt):
            out.add(stmt)
    return frozenset(out)


TALLY_TABLES = ("tally_entity_labels", "tally_event_days", "tally_event_actors", "tally_speakers",
                "tally_speaker_links", "tally_progress", "tally_status_changes")


def recount(db: Database) -> None:
    """Count every tally again from the corpus (in the caller's transaction)."""
    for table in TALLY_TABLES:
        db.execute(f"DELETE FROM {table}")
    fill(db)


def install_pause(db: Database) -> None:
    """Migration 0012's part: the pause table and the insert triggers that honour it."""
    db.execute(PAUSE_TABLE)
    for table in ("entities", "quotes", "events"):
        db.execute(f"DROP TRIGGER tally_{table}_ai")
    for stmt in pausable_insert_triggers():
        db.execute(stmt)
