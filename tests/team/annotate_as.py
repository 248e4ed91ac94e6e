"""Annotate an assigned file as one annotator, in its own process, through the real named edits.

    python tests/team/annotate_as.py FILE NAME STYLE

Styles (what each of the round trip's annotators does to every article of their file):
- ``accept``: marks it done (which accepts every suggestion);
- ``lahore``: rejects the Lahore entity and makes India an ORG, then done;
- ``indirect``: calls the quote indirect, rejects the event, leaves the last article in progress;
- ``strict`` (any corpus): rejects NORP entities and indirect quotes, then done;
- ``sceptic`` (any corpus): rejects every event of a type other than the article's first, makes every
  ORG a GPE where it is one word, then done.
"""

from __future__ import annotations

import sys

from desktop_app.services import editing
from desktop_app.storage import Store


def main(path: str, who: str, style: str) -> None:
    with Store(path) as store:
        ids = store.article_ids()
        for n, aid in enumerate(ids):
            article = store.get_article(aid)
            if style == "lahore":
                for e in article.entities:
                    if article.text[e.start:e.end] == "Lahore":
                        editing.reject(store, e, who=who)
                    elif article.text[e.start:e.end] == "India":
                        editing.relabel(store, e, "ORG", who=who)
            elif style == "strict":
                for e in article.entities:
                    if e.label == "NORP":
                        editing.reject(store, e, who=who)
                for q in article.quotes:
                    if q.kind == "indirect":
                        editing.reject(store, q, who=who)
            elif style == "sceptic":
                first = article.events[0].type if article.events else None
                for v in article.events:
                    if v.type != first:
                        editing.reject(store, v, who=who)
                for e in article.entities:
                    if e.label == "ORG" and " " not in article.text[e.start:e.end]:
                        editing.relabel(store, e, "GPE", who=who)
            elif style == "indirect":
                editing.set_quote_kind(store, article.quotes[0], "indirect", who=who)
                editing.reject(store, article.events[0], who=who)
                if n == len(ids) - 1:
                    continue
            editing.mark_done(store, aid, who=who)


if __name__ == "__main__":
    main(*sys.argv[1:4])
