"""The corpus's speaker registry: aliases ("the DG ISPR") and the canonical names they stand for.
"""

from __future__ import annotations

import logging

from desktop_app.storage.connection import Connection
from desktop_app.storage.database import now_iso

log = logging.getLogger(__name__)

class SpeakerRegistry(Connection):
    """alias -> canonical name, kept in the corpus file."""

    # -- speaker registry ---------------------------------------------------------
    def registry_add(self, alias: str, canonical: str, *, source: str = "human") -> None:
        with self.write() as conn:
            conn.execute(
                "INSERT INTO speakers (alias, canonical, source, updated_at) VALUES (?,?,?,?)"
                " ON CONFLICT(alias) DO UPDATE SET canonical = excluded.canonical, source = excluded.source,"
                " updated_at = excluded.updated_at",
                [alias.strip(), canonical.strip(), source, now_iso()],
            )

    def registry(self) -> dict[str, str]:
        """alias -> canonical name (canonical names map to themselves)."""
        out: dict[str, str] = {}
        for r in self._rows("SELECT alias, canonical FROM speakers ORDER BY canonical, alias"):
            out[r["alias"]] = r["canonical"]
            out.setdefault(r["canonical"], r["canonical"])
        return out
