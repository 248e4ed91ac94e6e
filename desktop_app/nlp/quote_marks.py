"""Where the direct quotes are, from the characters alone.

A scan, not the parser: news typesetting (curly and straight marks, the NYT's '' pairs, a
paragraph left open and continued by the next one opening with a mark) is regular enough, and
a tokenizer splits or glues marks unpredictably.
"""

from __future__ import annotations

import functools

OPEN_MARKS = "“„«\""
CLOSE_MARKS = "”»\""


@functools.lru_cache(maxsize=4)
def paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-blank lines; cached because every finder asks for the same text's paragraphs."""
    out, start = [], 0
    for i, ch in enumerate(text):
        if ch == "\n":
            if i > start:
                out.append((start, i))
            start = i + 1
    if start < len(text):
        out.append((start, len(text)))
    return [(a, b) for a, b in out if text[a:b].strip()]


def _is_opening_straight(text: str, i: int) -> bool:
    prev = text[i - 1] if i > 0 else " "
    j = i + 2 if text[i + 1:i + 2] == "\x01" else i + 1
    nxt = text[j] if j < len(text) else " "
    return (prev.isspace() or prev in "([{—–-:/") and not nxt.isspace()


def direct_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the content of every double-quoted passage, marks excluded."""
    found: list[tuple[int, int]] = []
    paras = paragraphs(text)
    text = text.replace("''", '"\x01')  # the New York Times' '' marks: same length, one straight mark
    open_at: int | None = None
    for pi, (a, b) in enumerate(paras):
        i = a
        first = len(text[a:b]) - len(text[a:b].lstrip()) + a
        while i < b:
            ch = text[i]
            if open_at is not None and i == first and ch in OPEN_MARKS and (ch != '"' or _is_opening_straight(text, i)):
                i += 1  # the continuation paragraph's own opening mark
                continue
            if (ch in "“„«" or (ch == "”" and i == first)) and open_at is None:
                open_at = i  # a paragraph opening with ” (a typesetting slip) opens all the same
            elif ch in "”»" and open_at is not None:
                found.append((open_at + 1, i))
                open_at = None
            elif ch == '"':
                if open_at is None:
                    if _is_opening_straight(text, i):
                        open_at = i
                else:
                    found.append((open_at + 1, i))
                    open_at = None
            elif ch == "‘" and open_at is None:
                close = _single_close(text, i, b)
                if close is not None:
                    found.append((i + 1, close))
                    i = close
            i += 1
        if open_at is not None:
            nxt = paras[pi + 1] if pi + 1 < len(paras) else None
            mark = text[nxt[0]:nxt[1]].lstrip()[:1] if nxt is not None else ""
            if not mark or mark not in OPEN_MARKS or (mark == '"') != (text[open_at] == '"'):
                open_at = None  # unclosed and not continued (with the same kind of mark): not a quote
    out = []
    for s, e in found:
        while s < e and (text[s].isspace() or text[s] == "\x01"):
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _single_close(text: str, i: int, end: int) -> int | None:
    """A top-level ‘…’ quote: the first ’ not followed by a letter (’s and don’t are apostrophes)."""
    if i > 0 and not (text[i - 1].isspace() or text[i - 1] in "(:—–-"):
        return None
    j = i + 1
    while j < end:
        if text[j] == "’" and not (j + 1 < len(text) and text[j + 1].isalpha()):
            return j if len(text[i + 1:j].split()) >= 3 else None
        j += 1
    return None
