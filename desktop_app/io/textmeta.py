"""Light, read-only analysis of an imported text: title, date, byline, web boilerplate.

Nothing here changes the text; boilerplate is returned as spans to ignore.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any

from desktop_app.core.model import Span

_MONTHS = {m.lower(): i for i, m in enumerate(
    ["January", "February", "March", "April", "May", "June", "July", "August", "September",
     "October", "November", "December"], start=1)}
_MONTHS.update({k[:3]: v for k, v in list(_MONTHS.items())})
_MONTHS["sept"] = 9

_MON = r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
_DATE_PATTERNS = (
    # Mon Nov 03 2025
    re.compile(rf"^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\w*,?\s+{_MON}\.?\s+(\d{{1,2}}),?\s+(\d{{4}})\b", re.I),
    # November 10, 2025 / Nov 10 2025
    re.compile(rf"^(?:(?:Published|Updated|Posted)\s*(?:on)?:?\s*)?{_MON}\.?\s+(\d{{1,2}}),?\s+(\d{{4}})\b", re.I),
    # 10 November 2025
    re.compile(rf"^(?:(?:Published|Updated|Posted)\s*(?:on)?:?\s*)?(\d{{1,2}})\s+{_MON}\.?,?\s+(\d{{4}})\b", re.I),
    # 2025-11-10
    re.compile(r"^(?:(?:Published|Updated|Posted)\s*(?:on)?:?\s*)?(\d{4})-(\d{2})-(\d{2})\b"),
)
_BYLINE = re.compile(r"^By\s+([A-Z][^\n|]{1,120}?)\s*$")

_BOILERPLATE_SOURCES = (
    r"(icon-[\w-]+\s*)+",
    r"leave a reply\b.*",
    r"your email address will not be published\b.*",
    r"required fields are marked\b.*",
    r"related (articles|posts|stories|news)",
    r"(previous|next) (post|article)(\s+(previous|next) (post|article))?",
    r"back to top( button)?",
    r"post a comment",
    r"(share|tweet|email|print)(\s*(on|via)?\s*(facebook|twitter|whatsapp|x|linkedin|email))?(\s*[|·]\s*\w+)*",
    r"(facebook|twitter|whatsapp|linkedin|telegram|reddit)(\s+(facebook|twitter|whatsapp|linkedin|telegram|reddit|email))*",
    r"advertisement",
    r"(click here to )?subscribe\b.*newsletter.*",
    r"read more:?",
    r"\|",
)
# one alternation, anchored at both ends: a single regex call per short line
_BOILERPLATE = re.compile("(?:" + "|".join(f"(?:{p})" for p in _BOILERPLATE_SOURCES) + r")\Z", re.I)
_MAX_BOILERPLATE_LINE = 160
_LINE_EOL = re.compile(r"([^\r\n]*)(?:\r\n|\r|\n|\Z)")


def is_boilerplate(line: str) -> bool:
    s = line.strip()
    return bool(s) and len(s) <= _MAX_BOILERPLATE_LINE and _BOILERPLATE.match(s) is not None


def iter_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line's content, newline characters excluded (LF, CRLF or CR).

    A text ending in a newline has a last, empty line; one finditer pass (import hot path).
    """
    matches = list(_LINE_EOL.finditer(text))
    if len(matches) > 1 and matches[-2].end() == matches[-2].end(1):
        matches.pop()  # the empty match finditer adds at the end after a line closed by \Z
    return [m.span(1) for m in matches]


def boilerplate_spans(text: str, lines: list[tuple[int, int]] | None = None) -> list[Span]:
    spans = []
    for start, end in lines if lines is not None else iter_lines(text):
        if end - start > _MAX_BOILERPLATE_LINE + 40:
            continue
        line = text[start:end]
        if is_boilerplate(line):
            lead = len(line) - len(line.lstrip())
            trail = len(line) - len(line.rstrip())
            spans.append(Span(start + lead, end - trail))
    return spans


#: words of a site's section menu: a first line made only of these ("Important NewsPolitics") is no title
_SECTION_WORDS = frozenset(re.findall(r"\w+", """
    home news latest breaking important top stories story trending world national international local region
    regional politics political business economy markets finance sport sports opinion editorial editorials
    analysis features feature entertainment culture lifestyle health science technology tech education
    environment video videos photos live asia europe africa americas middle east south pakistan india
    afghanistan us uk china more menu section
"""))
_CAMEL_JOIN = re.compile(r"(?<=[a-z])(?=[A-Z])")
_CRUMB = re.compile(r"^[^>»›/|]{1,40}(?:\s*[>»›/|]\s*[^>»›/|]{1,40}){1,8}$")
_NOT_TITLE = re.compile(
    r"(?:skip to (?:main )?content|share (?:this|the) (?:article|story|post|page)|share|listen to (?:this )?article"
    r"|follow us(?: on \w+)?|sign in|log in|subscribe(?: now)?|menu|search|home"
    r"|(?:last )?(?:updated|published|posted)(?:\s+on)?:?\s+(?:\d.*|just now|yesterday\b.*|today\b.*|an? (?:hour|minute|day)s? ago"
    rf"|{_MON}\b.*|(?:mon|tue|wed|thu|fri|sat|sun)\w*\b.*)"
    r"|\d+\s*(?:min(?:ute)?s?|hours?|hrs?|days?)\s+(?:read|ago)"
    r"|just now|\d{1,2}:\d{2}\s*(?:am|pm)?(?:\s+\w+)?|(?:staff|news desk|web desk)(?: report)?)\Z", re.I)


def is_title_noise(line: str) -> bool:
    """A first line no article is titled with: boilerplate, a breadcrumb, a section menu, a date, a byline."""
    s = line.strip()
    if not s or is_boilerplate(s) or _NOT_TITLE.match(s) or _BYLINE.match(s) or (len(s) < 80 and _parse_date(s)):
        return True
    if len(s) <= 80 and _CRUMB.match(s) and any(c in s for c in ">»›"):
        return True
    s = s.replace("&", " ")
    if len(s.split(None, 6)) > 6:  # the camel-case split below only adds words: a long line (a whole text) is no menu
        return False
    words = _CAMEL_JOIN.sub(" ", s).split()
    return 0 < len(words) <= 6 and all(w.lower().strip(".,:;|·-") in _SECTION_WORDS for w in words)


def title_of(text: str, lines: list[tuple[int, int]] | None = None) -> str:
    """The first line that reads as a title: site furniture above it (breadcrumbs, menus, dates,
    bylines, share buttons) is skipped; a text of nothing else keeps its first line."""
    first = ""
    for n, (start, end) in enumerate(lines if lines is not None else iter_lines(text)):
        line = text[start:end].strip()
        if not line:
            continue
        first = first or line
        if n > 40:  # deep into the text: the furniture never ended; the first line is as good as any
            break
        if not is_title_noise(line):
            return line[:500]
    return first[:500] if first else text.strip()[:500]


def _parse_date(line: str) -> str | None:
    s = line.strip()
    for i, pat in enumerate(_DATE_PATTERNS):
        m = pat.match(s)
        if not m:
            continue
        try:
            if i == 3:
                y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
            elif i == 2:
                d, mo, y = int(m.group(1)), _MONTHS[m.group(2).lower()[:3]], int(m.group(3))
            else:
                mo, d, y = _MONTHS[m.group(1).lower()[:3]], int(m.group(2)), int(m.group(3))
            return _dt.date(y, mo, d).isoformat()
        except (ValueError, KeyError):
            continue
    return None


def extract_meta(text: str, *, head_lines: int = 15, lines: list[tuple[int, int]] | None = None) -> dict[str, Any]:
    """Publication date and byline from the first lines, if they are there."""
    meta: dict[str, Any] = {}
    seen = 0
    for start, end in lines if lines is not None else iter_lines(text):
        line = text[start:end].strip()
        if not line:
            continue
        seen += 1
        if seen > head_lines:
            break
        if "published" not in meta and len(line) < 80:
            date = _parse_date(line)
            if date:
                meta["published"] = date
                continue
        if "byline" not in meta:
            m = _BYLINE.match(line)
            if m:
                meta["byline"] = m.group(1).strip()
    return meta


def analyze(text: str) -> tuple[str, dict[str, Any], list[Span]]:
    """Title, metadata and boilerplate regions in one pass over the lines."""
    lines = iter_lines(text)
    return title_of(text, lines), extract_meta(text, lines=lines), boilerplate_spans(text, lines)
