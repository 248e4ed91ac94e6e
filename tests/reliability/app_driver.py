"""Child process that holds a corpus the way the GUI does, and edits it on command.

Run as ``python -m tests.reliability.app_driver DB``. It opens the app's connections (one
:class:`Writer` for every write, read-only readers for the views) and keeps them open. Each
line on stdin is a command:

- ``edit N``: add a human entity through the writer, then reopen a reader and read the article
  back, as the GUI's list and editor do after every edit (each open of a Store ran the
  truncation check that once dropped SQLite's locks); prints ``COMMITTED N <row id>`` once the
  commit has returned.
- ``quit``: close cleanly (checkpoint), print ``CLOSED``.

Any exception prints ``ERROR <repr>``. The parent kills the process with SIGKILL at will.
"""

from __future__ import annotations

import sys

from desktop_app.core.model import Entity
from desktop_app.services.corpus import Writer, open_reader


def main(argv: list[str]) -> int:
    db = argv[0]
    writer = Writer(db)
    reader = open_reader(db)
    article_id = reader.article_ids()[0]
    length = len(reader.get_article(article_id, annotations=False).text)
    print("READY", flush=True)
    for line in sys.stdin:
        cmd = line.split()
        if not cmd:
            continue
        if cmd[0] == "quit":
            reader.close()
            writer.close()
            print("CLOSED", flush=True)
            return 0
        n = int(cmd[1])
        try:
            # a fresh one-character span that no entity (ours or a suggestion) covers yet
            taken = {i for e in reader.get_article(article_id).entities if e.state != "rejected"
                     for i in range(e.start, e.end)}
            start = next(i for i in range(length) if i not in taken)
            row_id = writer.call(lambda s, st=start: s.add(article_id, Entity(st, st + 1, "ORG", "human", "accepted"),
                                                           who="driver"))
            reader.close()
            reader = open_reader(db)  # as a view refresh does
            seen = {e.id for e in reader.get_article(article_id).entities}
            if row_id not in seen:
                print(f"ERROR not visible to a reader after commit: {row_id}", flush=True)
                continue
        except Exception as exc:
            print(f"ERROR {exc!r}", flush=True)
            continue
        print(f"COMMITTED {n} {row_id}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
