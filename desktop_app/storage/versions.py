"""Team files: every annotator's version of an article, side by side, and the adjudicated one.

The single-annotator path is untouched: ``articles`` and the three annotation tables hold the
*working version*, which every query, edit and export reads.  A team file (``newsgold merge``)
adds, per article and annotator, a frozen snapshot of that annotator's working version
(table ``versions``, migration 0008).  The *adjudicated* version is the team file's own working
version once ``adjudicate`` has started it (a row in ``adjudications``): so adjudicating uses
the ordinary logged, undoable edits.  ``corpus_meta`` holds small facts about the file: which
corpus it belongs to (``corpus``), whose file it is (``annotator``, set by ``assign``), whether
it is a team file (``role`` = ``team``), the taxonomy (``taxonomy``) when one is stored.

A snapshot holds every annotation row of the version (suggested, accepted and rejected, with
origin and ``suggested``) without the database ids and timestamps, so it survives any number of
merges unchanged; ``digest`` is the SHA-256 of its canonical JSON.
"""

from __future__ import annotations

import hashlib
import itertools
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from desktop_app.core.model import Article
from desktop_app.errors import E, NewsGoldError
from desktop_app.storage.connection import ANNOTATION_TABLES
from desktop_app.storage.database import now_iso, sqlite_errors
from desktop_app.storage.edits import Edits
from desktop_app.storage.rows import TABLE_CODECS

#: the version ``export --version`` names for the team file's working version once adjudicated
ADJUDICATED = "adjudicated"
_BOOKKEEPING = ("id", "article_id", "created_at", "updated_at")


@dataclass(frozen=True)
class Version:
    """One annotator's version of one article."""

    article_id: str
    annotator: str
    status: str
    updated_at: str
    #: annotation rows by table, as stored minus ids and timestamps
    items: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    digest: str = ""
    #: time spent on it by its annotator (their change log; not part of the digest)
    seconds: float = 0.0

    @staticmethod
    def make(article_id: str, annotator: str, status: str, updated_at: str,
             items: dict[str, list[dict[str, Any]]], seconds: float = 0.0) -> Version:
        items = {t: sorted(items.get(t, []), key=_row_key) for t in ANNOTATION_TABLES}
        body = json.dumps({"status": status, "items": items}, sort_keys=True, ensure_ascii=False)
        digest = hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest()
        return Version(article_id, annotator, status, updated_at, items, digest, seconds)

    def newer_than(self, other: Version) -> bool:
        """The merge order: later ``updated_at`` wins, equal times by digest (so any order gives one result)."""
        return (self.updated_at, self.digest) > (other.updated_at, other.digest)

    def article(self, base: Article) -> Article:
        """This version as an Article: ``base``'s text and meta, this version's status and annotations."""
        out = Article(id=base.id, title=base.title, text=base.text, meta=dict(base.meta), status=self.status,
                      annotator=self.annotator, updated_at=self.updated_at, created_at=base.created_at,
                      ignored=list(base.ignored), pipeline=base.pipeline, provenance=dict(base.provenance))
        for table in ANNOTATION_TABLES:
            from_row = TABLE_CODECS[table][1]
            getattr(out, table).extend(from_row({**r, "id": None}) for r in self.items.get(table, []))  # type: ignore[operator]
        return out


def _row_key(row: dict[str, Any]) -> str:
    return json.dumps(row, sort_keys=True, ensure_ascii=False)


class TeamTables:
    """The team tables of one open corpus: versions, adjudications and the file's corpus facts.

    A view over a :class:`~desktop_app.storage.store.Store` (its connection and transactions),
    so the store itself needs nothing new: ``TeamTables(store).versions()``.
    """

    def __init__(self, store: Edits) -> None:
        self.store = store

    def _rows(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        with sqlite_errors(self.store.path):
            return [dict(r) for r in self.store.conn.execute(sql, list(params))]

    def _one(self, sql: str, params: Iterable[Any] = ()) -> dict[str, Any] | None:
        rows = self._rows(sql, params)
        return rows[0] if rows else None

    # -- corpus facts ------------------------------------------------------------
    def corpus_meta(self) -> dict[str, str]:
        return {r["key"]: r["value"] for r in self._rows("SELECT key, value FROM corpus_meta")}

    def set_corpus_meta(self, values: dict[str, str]) -> None:
        with self.store.write() as conn:
            conn.executemany("INSERT INTO corpus_meta (key, value) VALUES (?, ?)"
                             " ON CONFLICT(key) DO UPDATE SET value = excluded.value", list(values.items()))

    # -- snapshots of the working version --------------------------------------------
    def working_version(self, article_id: str, annotator: str) -> Version:
        """The working version of an article as ``annotator``'s version.

        Its time is the latest of the article's, its annotations' and its change log's, since an
        edit of an annotation leaves the article row's ``updated_at`` as it was.
        """
        row = self._one("SELECT status, updated_at FROM articles WHERE id = ?", [article_id])
        if row is None:
            raise NewsGoldError(E.E106, id=article_id)
        times = [row["updated_at"] or ""]
        items: dict[str, list[dict[str, Any]]] = {}
        for table in ANNOTATION_TABLES:
            rows = self._rows(f"SELECT * FROM {table} WHERE article_id = ?", [article_id])
            times.extend(r["updated_at"] for r in rows)
            items[table] = [{k: v for k, v in r.items() if k not in _BOOKKEEPING} for r in rows]
        stamps = [r["at"] for r in self._rows(
            "SELECT at FROM changes WHERE article_id = ? AND (who = ? OR who IS NULL) ORDER BY id",
            [article_id, annotator])]
        last = self._one("SELECT max(at) AS at FROM changes WHERE article_id = ?", [article_id])
        if last and last["at"]:
            times.append(last["at"])
        return Version.make(article_id, annotator, row["status"], max(times), items, time_spent(stamps))

    # -- versions -------------------------------------------------------------------
    def versions(self, article_id: str | None = None, annotator: str | None = None) -> list[Version]:
        """Stored versions (without the working version), by article import order and annotator."""
        clauses, params = [], []
        if article_id is not None:
            clauses.append("v.article_id = ?")
            params.append(article_id)
        if annotator is not None:
            clauses.append("v.annotator = ?")
            params.append(annotator)
        where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
        rows = self._rows(
            "SELECT v.* FROM versions v JOIN articles a ON a.id = v.article_id"
            f"{where} ORDER BY a.rowid, v.annotator", params)
        return [_version_from_row(r) for r in rows]

    def progress(self) -> list[dict[str, Any]]:
        """Per annotator and status: how many versions, and the seconds spent on them (one aggregate query)."""
        return self._rows("SELECT annotator, status, count(*) AS n, sum(seconds) AS seconds FROM versions"
                          " GROUP BY annotator, status ORDER BY annotator, status")

    def version_annotators(self) -> list[str]:
        return [r["annotator"] for r in self._rows("SELECT DISTINCT annotator FROM versions ORDER BY annotator")]

    def count_versions(self) -> int:
        row = self._one("SELECT count(*) AS n FROM versions")
        return int(row["n"]) if row else 0

    def put_versions(self, versions: Iterable[Version], source: str | None = None) -> dict[str, int]:
        """Merge versions in: a version replaces the stored one of its article and annotator only if newer.

        Returns counts of ``added``, ``replaced`` and ``unchanged`` versions.
        """
        counts = {"added": 0, "replaced": 0, "unchanged": 0}
        now = now_iso()
        with self.store.write() as conn:
            for v in versions:
                row = conn.execute("SELECT * FROM versions WHERE article_id = ? AND annotator = ?",
                                   [v.article_id, v.annotator]).fetchone()
                if row is not None and not v.newer_than(_version_from_row(dict(row))):
                    counts["unchanged"] += 1
                    continue
                counts["replaced" if row is not None else "added"] += 1
                conn.execute(
                    "INSERT INTO versions (article_id, annotator, status, updated_at, digest, doc, source, merged_at,"
                    " seconds) VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT(article_id, annotator) DO UPDATE SET"
                    " status = excluded.status, updated_at = excluded.updated_at, digest = excluded.digest,"
                    " doc = excluded.doc, source = excluded.source, merged_at = excluded.merged_at,"
                    " seconds = excluded.seconds",
                    [v.article_id, v.annotator, v.status, v.updated_at, v.digest,
                     json.dumps(v.items, ensure_ascii=False, sort_keys=True), source, now, v.seconds])
        return counts

    # -- the adjudicated version -------------------------------------------------------
    def adjudication(self, article_id: str) -> dict[str, Any] | None:
        return self._one("SELECT * FROM adjudications WHERE article_id = ?", [article_id])

    def adjudicated_ids(self) -> list[str]:
        return [r["article_id"] for r in self._rows(
            "SELECT j.article_id FROM adjudications j JOIN articles a ON a.id = j.article_id ORDER BY a.rowid")]

    def record_adjudication(self, article_id: str, *, who: str | None, agreed: int, disagreements: int,
                            basis: dict[str, Any]) -> None:
        """Note that the working version of ``article_id`` is its adjudicated version.

        ``basis``: ``{"versions": {annotator: digest}, "decided": [keys of the disagreements decided]}``.
        """
        with self.store.write() as conn:
            conn.execute(
                "INSERT INTO adjudications (article_id, who, at, agreed, disagreements, basis) VALUES (?,?,?,?,?,?)"
                " ON CONFLICT(article_id) DO UPDATE SET who = excluded.who, at = excluded.at,"
                " agreed = excluded.agreed, disagreements = excluded.disagreements, basis = excluded.basis",
                [article_id, who, now_iso(), agreed, disagreements, json.dumps(basis, sort_keys=True)])

    # -- copying a corpus (assign) ---------------------------------------------------------
    def set_article_extras(self, article_id: str, *, pipeline: str | None, sentences: list[list[int]]) -> None:
        with self.store.write() as conn:
            conn.execute("UPDATE articles SET pipeline = ?, sentences = ? WHERE id = ?",
                         [pipeline, json.dumps(sentences), article_id])

    def registry_rows(self) -> list[dict[str, Any]]:
        return self._rows("SELECT alias, canonical, source, updated_at FROM speakers ORDER BY alias")

    def merge_registry(self, rows: Iterable[dict[str, Any]]) -> int:
        """Add speaker aliases; an alias both sides know keeps the later entry (equal times: the smaller name)."""
        n = 0
        with self.store.write() as conn:
            for r in rows:
                old = conn.execute("SELECT canonical, source, updated_at FROM speakers WHERE alias = ?",
                                   [r["alias"]]).fetchone()
                if old is not None and (old["updated_at"], _neg(old["canonical"])) >= (r["updated_at"],
                                                                                       _neg(r["canonical"])):
                    continue
                conn.execute(
                    "INSERT INTO speakers (alias, canonical, source, updated_at) VALUES (?,?,?,?)"
                    " ON CONFLICT(alias) DO UPDATE SET canonical = excluded.canonical, source = excluded.source,"
                    " updated_at = excluded.updated_at",
                    [r["alias"], r["canonical"], r["source"], r["updated_at"]])
                n += 1
        return n

    def add_bare_articles(self, articles: Iterable[Article]) -> list[str]:
        """Articles a team file does not have yet, without annotations (their texts, titles and meta)."""
        bare = [Article(id=a.id, title=a.title, text=a.text, meta=dict(a.meta), provenance=dict(a.provenance),
                        pipeline=a.pipeline, updated_at=a.created_at) for a in articles]
        added, _ = self.store.add_articles(bare)
        return added

    def article_texts(self) -> dict[str, str]:
        return {r["id"]: r["text"] for r in self._rows("SELECT id, text FROM articles")}


def _neg(text: str) -> tuple[int, ...]:
    """Orders names so that the smaller one sorts last (the registry tie-break)."""
    return tuple(-ord(c) for c in text)


def _version_from_row(r: dict[str, Any]) -> Version:
    return Version(r["article_id"], r["annotator"], r["status"], r["updated_at"] or "", json.loads(r["doc"]),
                   r["digest"], float(r.get("seconds") or 0.0))


#: a pause longer than this between two edits counts as this much work (the annotator was away)
IDLE_S = 300.0


def time_spent(stamps: list[str]) -> float:
    """Seconds of work in a run of change-log times: the gaps between edits, each at most ``IDLE_S``."""
    import datetime as _dt

    times = sorted(_dt.datetime.fromisoformat(t) for t in stamps)
    return sum(min((b - a).total_seconds(), IDLE_S) for a, b in itertools.pairwise(times))
