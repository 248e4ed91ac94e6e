"""Line spans drive titles and boilerplate regions: every newline convention, offsets exact."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from desktop_app.io.textmeta import boilerplate_spans, iter_lines


def _reference(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for m in re.finditer(r"\r\n|\r|\n", text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return spans


@given(st.lists(st.sampled_from(["a", "é", "😀", " ", "\n", "\r", "\r\n", "\u200b"]), max_size=40).map("".join))
def test_line_spans_match_a_plain_split_on_lf_cr_and_crlf(text: str) -> None:
    assert iter_lines(text) == _reference(text)


def test_boilerplate_between_crlf_lines_is_found_at_its_exact_offsets() -> None:
    text = "Title 😀\r\n\r\nicon-facebook icon-twitter\r\nBody text.\rLeave a Reply\n"
    got = [text[s.start:s.end] for s in boilerplate_spans(text)]
    assert got == ["icon-facebook icon-twitter", "Leave a Reply"]
