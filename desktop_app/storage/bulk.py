"""Many rows in few statements: the import's INSERTs.

The annotation and article tables CHECK their enums with ``IN (...)`` lists; SQLite builds
the list's lookup table once per statement run, so ``executemany`` of a one-row INSERT pays
it for every row (200k entity rows: 2.8 s against 0.75 s without the CHECKs, measured).
One INSERT of many ``VALUES`` rows pays it once (1.0 s).  Statements come in a few fixed
sizes so the connection's statement cache keeps them prepared.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from functools import lru_cache
from itertools import chain
from typing import Any

#: rows per statement (well under SQLite's 32,766 host parameters for our widest table)
ROWS_PER_STATEMENT = 128


@lru_cache(maxsize=64)
def _sql(table: str, columns: tuple[str, ...], rows: int) -> str:
    one = "(" + ",".join("?" * len(columns)) + ")"
    cols = ", ".join(f'"{c}"' for c in columns)
    return f"INSERT INTO {table} ({cols}) VALUES " + ",".join([one] * rows)


def insert_rows(conn: sqlite3.Connection, table: str, columns: tuple[str, ...], rows: Sequence[tuple[Any, ...]]) -> None:
    """INSERT ``rows`` (tuples in ``columns`` order) into ``table``; in the caller's transaction."""
    i, total = 0, len(rows)
    size = ROWS_PER_STATEMENT
    while i < total:
        while size > total - i:  # the tail in power-of-two pieces: at most 8 statement shapes per table
            size //= 2
        sql = _sql(table, columns, size)
        while total - i >= size:
            conn.execute(sql, list(chain.from_iterable(rows[i : i + size])))
            i += size
