"""Bytes to text, exactly: a leading BOM dropped, nothing else touched."""

from __future__ import annotations

import codecs

from desktop_app.errors import E, InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def looks_binary(data: bytes) -> bool:
    """NUL bytes (outside UTF-16/32 text) or many control bytes mean not a text file."""
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return bool(sample) and controls / len(sample) > 0.1


def decode_bytes(data: bytes, where: str) -> str:
    if not data.strip():
        raise InputError(E.E001, where)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(E.E003, where) from exc
            if not text.strip():
                raise InputError(E.E001, where)
            return text
    if looks_binary(data):
        raise InputError(E.E002, where)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(E.E003, f"{where}:{line}") from exc
