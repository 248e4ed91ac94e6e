"""Hypothesis strategies for news-like text that is hard on importers: the characters that break tools."""

from __future__ import annotations

from hypothesis import strategies as st

TRICKY = [
    "\u200b", "\u200c", "\u200d", "\ufeff", "\u2060",  # zero-width
    "e\u0301", "a\u0308\u0323", "\u0915\u094d\u0937",  # combining marks, a conjunct
    "\u05e9\u05dc\u05d5\u05dd", "\u0645\u0631\u062d\u0628\u0627", "\u202e", "\u202b", "\u200f",  # RTL text + controls
    "\U0001f468\u200d\U0001f469\u200d\U0001f467", "\U0001f44d\U0001f3fd", "\U0001f1fa\U0001f1f8", "\u2764\ufe0f",  # emoji
    '"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb", '""', '"\'"', "\u201e",  # quotes
    "\r\n", "\r", "\n", "\n\n", "\t", "\u2028", "\u2029", "\x85",  # line breaks of every kind
    ",", ";", "|", "\\", "{", "}", "<b>", "&amp;", "</script>",
]

# No surrogates (not encodable) and no C0 controls besides tab/CR/LF (a NUL makes a file binary).
_plain = st.characters(blacklist_categories=("Cs",), blacklist_characters="".join(
    chr(c) for c in range(32) if c not in (9, 10, 13)))

pieces = st.one_of(st.text(_plain, min_size=1, max_size=12), st.sampled_from(TRICKY),
                   st.sampled_from(["The minister said ", "“We will win,” she said. ", "Police ", ". "]))
tricky_text = st.lists(pieces, min_size=1, max_size=40).map("".join).filter(lambda t: bool(t.strip()))
