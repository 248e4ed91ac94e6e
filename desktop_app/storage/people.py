"""The people registry's edits: merge, rename, move an alias, note an external id; each one undoable.

A person is a canonical name: the ``speaker`` of quotes, the ``actor``/``recipient`` of events, the
``canonical`` of the speaker registry's aliases (``speakers``), with an optional note and external id
(``people``). An edit here changes all of them in one write transaction and logs every row it
touched (before/after snapshots) in the change log as one batch under the corpus-wide key
:data:`PEOPLE_LOG`, so :meth:`People.undo_people` reverts the whole edit, across every article,
and survives a restart. An article's own Ctrl+Z never undoes part of a registry edit.

Names compare without regard to case (the registry's ``COLLATE NOCASE``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from desktop_app.errors import E, NewsGoldError
from desktop_app.storage.database import now_iso
from desktop_app.storage.edits import Edits

#: the change log's ``article_id`` of registry edits (no article has this id: ids are hex digests)
PEOPLE_LOG = "@people"
_ROLES = (("quotes", "speaker"), ("events", "actor"), ("events", "recipient"))

_MENTIONS = """
    SELECT speaker AS name, article_id, 1 AS q, 0 AS e FROM quotes
     WHERE state != 'rejected' AND speaker IS NOT NULL AND speaker != ''
    UNION ALL SELECT actor, article_id, 0, 1 FROM events
     WHERE state != 'rejected' AND actor IS NOT NULL AND actor != ''
    UNION ALL SELECT recipient, article_id, 0, 1 FROM events
     WHERE state != 'rejected' AND recipient IS NOT NULL AND recipient != ''
"""


class People(Edits):
    """Reads and undoable edits of the people registry."""

    # -- reads -------------------------------------------------------------------
    def people(self) -> list[dict[str, Any]]:
        """Every person: name, aliases, quotes, events, articles, note, external_id (most quoted first)."""
        out: dict[str, dict[str, Any]] = {}

        def person(name: str) -> dict[str, Any]:
            return out.setdefault(name.casefold(), {"name": name, "aliases": [], "quotes": 0, "events": 0,
                                                    "articles": 0, "note": "", "external_id": ""})

        for r in self._rows(f"""SELECT min(name) AS name, sum(q) AS quotes, sum(e) AS events,
                                       count(DISTINCT article_id) AS articles
                                FROM ({_MENTIONS}) GROUP BY name COLLATE NOCASE"""):
            person(r["name"]).update(quotes=r["quotes"], events=r["events"], articles=r["articles"])
        for r in self._rows("SELECT alias, canonical FROM speakers ORDER BY canonical, alias"):
            p = person(r["canonical"])
            if r["alias"].casefold() != p["name"].casefold():
                p["aliases"].append(r["alias"])
        for r in self._rows("SELECT name, note, external_id FROM people"):
            person(r["name"]).update(note=r["note"], external_id=r["external_id"])
        return sorted(out.values(), key=lambda p: (-p["quotes"] - p["events"], p["name"].casefold()))

    def person(self, name: str) -> dict[str, Any]:
        for p in self.people():
            if p["name"].casefold() == name.strip().casefold():
                return p
        raise NewsGoldError(E.E402, name=name)

    def appearances(self, name: str) -> list[dict[str, Any]]:
        """Where a person appears: article id, title, quotes, events (import order)."""
        return self._rows(f"""SELECT m.article_id AS id, a.title, sum(m.q) AS quotes, sum(m.e) AS events
                              FROM ({_MENTIONS}) m JOIN articles a ON a.id = m.article_id
                              WHERE m.name = ? COLLATE NOCASE GROUP BY m.article_id ORDER BY a.rowid""", [name])

    def has_person(self, name: str) -> bool:
        return self._spelling(name) is not None

    def _spelling(self, name: str) -> str | None:
        """The name as the corpus spells it (names compare without case), or None if nobody has it."""
        n = name.strip()
        for sql in (
            "SELECT canonical FROM speakers WHERE canonical = ? COLLATE NOCASE LIMIT 1",
            "SELECT name FROM people WHERE name = ? LIMIT 1",
            "SELECT speaker FROM quotes WHERE speaker = ? COLLATE NOCASE AND state != 'rejected' LIMIT 1",
            "SELECT actor FROM events WHERE actor = ? COLLATE NOCASE AND state != 'rejected' LIMIT 1",
            "SELECT recipient FROM events WHERE recipient = ? COLLATE NOCASE AND state != 'rejected' LIMIT 1",
        ):
            row = self.conn.execute(sql, [n]).fetchone()
            if row is not None:
                return str(row[0])
        return None

    def _require(self, name: str) -> str:
        found = self._spelling(name) if name.strip() else None
        if found is None:
            raise NewsGoldError(E.E402, name=name)
        return found

    # -- edits ---------------------------------------------------------------------
    def merge_people(self, source: str, target: str, *, who: str | None = None) -> int:
        """``source`` becomes an alias of ``target``: its aliases, quotes, events and note go to ``target``.
        Returns the number of quotes and events renamed."""
        with self.write():
            src, dst = self._require(source), self._require(target)
            if src.casefold() == dst.casefold():
                raise NewsGoldError(E.E404, name=source, other=target)
            self._begin_people_edit()
            n = self._move_person(src, dst, who)
            self._merge_notes(src, dst, who)
        return n

    def rename_person(self, old: str, new: str, *, who: str | None = None) -> int:
        """Give a person another name; the old one stays as an alias (so pre-annotation still resolves it)."""
        new = new.strip()
        with self.write():
            src = self._require(old)
            if not new:
                raise NewsGoldError(E.E402, name=new)
            if src.casefold() != new.casefold() and self.has_person(new):
                raise NewsGoldError(E.E403, old=old, new=new)
            self._begin_people_edit()
            n = self._move_person(src, new, who)
            self._merge_notes(src, new, who)
        return n

    def move_alias(self, alias: str, target: str, *, who: str | None = None) -> int:
        """Make ``alias`` stand for ``target``; the quotes whose mention is that alias, and the events whose
        actor or recipient entity reads so, follow it. Returns the number of quotes and events renamed."""
        with self.write():
            row = self._registry_row("speakers", alias)
            if row is None:
                raise NewsGoldError(E.E407, alias=alias)
            dst = self._require(target) if self.has_person(target) else target.strip()
            if row["canonical"].casefold() == dst.casefold():
                raise NewsGoldError(E.E404, name=alias, other=target)
            self._begin_people_edit()
            self._put("speakers", row["alias"], {**row, "canonical": dst, "updated_at": now_iso()}, who)
            n = 0
            for table, role, span in (("quotes", "speaker", "mention"), ("events", "actor", "actor_ent"),
                                      ("events", "recipient", "recipient_ent")):
                rows = self.conn.execute(
                    f"""SELECT x.* FROM {table} x JOIN articles a ON a.id = x.article_id
                        WHERE x.{role} = ? COLLATE NOCASE AND x.{span}_start IS NOT NULL
                          AND substr(a.text, x.{span}_start + 1, x.{span}_end - x.{span}_start) = ? COLLATE NOCASE""",
                    [row["canonical"], row["alias"]]).fetchall()
                n += self._rename_rows(table, role, [dict(r) for r in rows], dst, who)
        return n

    def set_person_info(self, name: str, *, note: str | None = None, external_id: str | None = None,
                        who: str | None = None) -> None:
        """Set a person's note and/or external id (a Wikidata QID such as Q123, entered by hand)."""
        with self.write():
            person = self._require(name)
            self._begin_people_edit()
            before = self._registry_row("people", person)
            after = {"name": person, "note": "", "external_id": "", **(before or {}), "updated_at": now_iso()}
            if note is not None:
                after["note"] = note.strip()
            if external_id is not None:
                after["external_id"] = external_id.strip()
            self._put("people", person, after, who)

    def add_alias(self, alias: str, canonical: str, *, source: str = "human", who: str | None = None) -> bool:
        """Add (or repoint) one alias as an undoable registry edit (imports of the registry use it);
        False if it already stood for ``canonical``."""
        with self.write():
            before = self._registry_row("speakers", alias)
            after = {"alias": alias.strip(), "canonical": canonical.strip(), "source": source, "updated_at": now_iso()}
            if before is not None and before["canonical"] == after["canonical"]:
                return False
            self._begin_people_edit()
            self._put("speakers", before["alias"] if before else after["alias"], after, who)
        return True

    # -- undo / redo of registry edits ----------------------------------------------------------
    def can_undo_people(self) -> bool:
        return self.can_undo(PEOPLE_LOG)

    def can_redo_people(self) -> bool:
        return self.can_redo(PEOPLE_LOG)

    #: set while a registry edit is undone or redone (see :meth:`_restore`)
    _registry_undo = False

    def undo_people(self, *, who: str | None = None) -> int:
        if not self.can_undo(PEOPLE_LOG):
            raise NewsGoldError(E.E408)
        self._registry_undo = True
        try:
            return self.undo(PEOPLE_LOG, who=who)
        finally:
            self._registry_undo = False

    def redo_people(self, *, who: str | None = None) -> int:
        if not self.can_redo(PEOPLE_LOG):
            raise NewsGoldError(E.E409)
        self._registry_undo = True
        try:
            return self.redo(PEOPLE_LOG, who=who)
        finally:
            self._registry_undo = False

    def _restore(self, table: str, row_id: str, snapshot: dict[str, Any] | None,
                 current: dict[str, Any] | None = None) -> None:
        """Registry rows are keyed by name, not by integer id; the rest is :meth:`Edits._restore`.

        A registry undo or redo puts back only the names it changed, and only where the row still holds
        the name it left: the articles' edits made since (other fields, a deleted quote, a name typed
        by hand) stay. A quote or event brought back by an article's undo keeps the registry's present
        names: a name merged or renamed away since (now an alias of another person) comes back as that person.
        """
        key = {"speakers": "alias", "people": "name"}.get(table)
        if key is None and self._registry_undo and table in ("quotes", "events"):
            for role in ("speaker",) if table == "quotes" else ("actor", "recipient"):
                if snapshot and current and snapshot.get(role) != current.get(role):
                    self.conn.execute(f"UPDATE {table} SET {role} = ?, updated_at = ? WHERE id = ? AND {role} IS ?",
                                      [snapshot[role], now_iso(), int(row_id), current[role]])
            return
        if key is None:
            if snapshot is not None and table in ("quotes", "events"):
                snapshot = dict(snapshot)
                for role in ("speaker",) if table == "quotes" else ("actor", "recipient"):
                    if snapshot.get(role):
                        snapshot[role] = self._current_name(snapshot[role])
            super()._restore(table, row_id, snapshot, current)
            return
        self.conn.execute(f"DELETE FROM {table} WHERE {key} = ?", [row_id])
        if snapshot is not None:
            self._insert_row(table, snapshot)

    # -- plumbing ------------------------------------------------------------------------------
    def _current_name(self, name: str) -> str:
        row = self.conn.execute("SELECT canonical FROM speakers WHERE alias = ? AND canonical != alias COLLATE NOCASE",
                                [name]).fetchone()
        return str(row[0]) if row is not None else name

    def _begin_people_edit(self) -> None:
        """A new registry edit drops the registry's redo stack (as an article edit drops the article's)."""
        self.conn.execute("UPDATE changes SET undone = 2 WHERE article_id = ? AND undone = 1", [PEOPLE_LOG])

    def _registry_row(self, table: str, key: str) -> dict[str, Any] | None:
        col = {"speakers": "alias", "people": "name"}[table]
        r = self.conn.execute(f"SELECT * FROM {table} WHERE {col} = ?", [key.strip()]).fetchone()
        return dict(r) if r is not None else None

    def _insert_row(self, table: str, row: dict[str, Any]) -> None:
        cols = list(row)
        self.conn.execute(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                          [row[c] for c in cols])

    def _put(self, table: str, key: str, after: dict[str, Any] | None, who: str | None) -> None:
        """Replace (or delete, ``after=None``) one registry row, logged."""
        before = self._registry_row(table, key)
        if before == after:
            return
        self._restore(table, key, after)
        self._log(PEOPLE_LOG, "update" if before and after else ("add" if after else "delete"), table, key,
                  before, after, who)

    def _rename_rows(self, table: str, role: str, rows: Iterable[dict[str, Any]], new: str, who: str | None) -> int:
        n = 0
        now = now_iso()
        for before in rows:
            if before[role] == new:
                continue
            self.conn.execute(f"UPDATE {table} SET {role} = ?, updated_at = ? WHERE id = ?", [new, now, before["id"]])
            self._log(PEOPLE_LOG, "update", table, before["id"], before, {**before, role: new, "updated_at": now}, who)
            n += 1
        return n

    def _move_person(self, src: str, dst: str, who: str | None) -> int:
        """Every quote, event and alias of ``src`` to ``dst``; ``src`` stays as an alias of ``dst``."""
        n = 0
        for table, role in _ROLES:
            rows = self.conn.execute(f"SELECT * FROM {table} WHERE {role} = ? COLLATE NOCASE", [src]).fetchall()
            n += self._rename_rows(table, role, [dict(r) for r in rows], dst, who)
        now = now_iso()
        for r in self.conn.execute("SELECT * FROM speakers WHERE canonical = ? COLLATE NOCASE", [src]).fetchall():
            self._put("speakers", r["alias"], {**dict(r), "canonical": dst, "updated_at": now}, who)
        if src.casefold() != dst.casefold():
            old = self._registry_row("speakers", src)
            self._put("speakers", old["alias"] if old else src,
                      {"alias": src, "canonical": dst, "source": "human", "updated_at": now}, who)
        return n

    def _merge_notes(self, src: str, dst: str, who: str | None) -> None:
        a, b = self._registry_row("people", src), None
        if a is None:
            return
        if src.casefold() != dst.casefold():
            b = self._registry_row("people", dst)
        note = " | ".join(x for x in ((b or {}).get("note", ""), a["note"]) if x)
        ext = (b or {}).get("external_id") or a["external_id"]
        self._put("people", src, None, who)
        self._put("people", dst, {"name": dst, "note": note, "external_id": ext, "updated_at": now_iso()}, who)
