"""Numbered catalogue of the errors a user can meet.

Environment problems and bad input raise :class:`NewsGoldError` with a code from
:class:`E`; the CLI prints them as one line and the GUI shows them in a friendly
dialog.  Anything else is a bug and goes to the crash handler.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

Kind = Literal["refusal", "environment", "bug"]


class E(StrEnum):
    # input files
    E001 = "File is empty"
    E002 = "File looks binary, not text"
    E003 = "File is not valid UTF-8 (or UTF-16 with a byte-order mark)"
    E004 = "Line {line}: not valid JSON ({detail})"
    E005 = "Line {line}: expected a JSON object with a \"text\" string"
    E006 = "CSV has no text column (columns: {columns})"
    E007 = "Unsupported input format {format!r}"
    E008 = "No such file or folder"
    E009 = "Line {line}: span [{start}, {end}) does not fit the text (length {length})"
    E010 = "Row {line}: empty text"
    E011 = "Could not read file: {detail}"
    E012 = "Line {line}: {detail}"
    # database
    E101 = "Database file {path} was written by a newer NewsGold (schema {found}, this app knows {known}); upgrade NewsGold to open it"
    E102 = "Database file {path} is not a NewsGold database or is corrupt ({detail})"
    E103 = "Database {path} is locked by another program; try again when it is closed"
    E104 = "Disk full or quota exceeded while writing {path}"
    E105 = "Database {path} is read-only"
    E106 = "No article with id {id}"
    E107 = "No annotation {kind} #{id}"
    E108 = "Span [{start}, {end}) overlaps the {label} entity {other!r}"
    E109 = "Span [{start}, {end}) is outside the text (length {length})"
    E110 = "Unknown value {value!r} for {field}; expected one of {allowed}"
    E111 = "Nothing to undo"
    E112 = "Nothing to redo"
    E113 = "Database file {path} could not be opened ({detail})"
    E114 = "Database file {path} was deleted or replaced while NewsGold had it open; nothing more was written to it"
    # pipeline / export
    E201 = "spaCy pipeline {name!r} is not installed"
    E202 = "Unknown export format {format!r}; available: {available}"
    E203 = "Gold file {path}: {detail}"
    E204 = "Taxonomy file {path}: {detail}"
    E205 = "Gazetteer entry not understood: {detail}"
    E206 = "PolNeAR data not understood: {detail}"
    # bugs: only ever raised when NewsGold itself is wrong
    E901 = "Internal error: {detail}"


#: What each code is, which decides how it is shown (``presentation``):
#: - refusal: the input or the action was refused; a one-line message where the user is looking
#: - environment: the machine or the file is in the way (disk, lock, corruption, a missing model); a friendly dialog
#: - bug: NewsGold is wrong; the crash dialog and the log
KINDS: dict[E, Kind] = {
    **{code: "refusal" for code in E if code.name.startswith("E0")},
    E.E101: "environment", E.E102: "environment", E.E103: "environment", E.E104: "environment",
    E.E105: "environment", E.E106: "refusal", E.E107: "refusal", E.E108: "refusal", E.E109: "refusal",
    E.E110: "refusal", E.E111: "refusal", E.E112: "refusal", E.E113: "environment", E.E114: "environment",
    E.E201: "environment", E.E202: "refusal", E.E203: "refusal", E.E204: "refusal", E.E205: "refusal",
    E.E206: "refusal", E.E901: "bug",
}


def kind_of(exc: BaseException) -> Kind:
    """The one place that decides how an exception is shown: catalogued codes by their kind, the rest are bugs."""
    if isinstance(exc, NewsGoldError):
        return KINDS.get(exc.code, "bug")
    return "bug"


class NewsGoldError(Exception):
    """An error the user can act on; ``str()`` is a one-line message with its code."""

    def __init__(self, code: E, where: str | None = None, **fields: object) -> None:
        self.code = code
        self.where = where
        self.fields = fields
        message = code.value.format(**fields) if fields else code.value
        self.message = message
        prefix = f"{where}: " if where else ""
        super().__init__(f"[{code.name}] {prefix}{message}")


class InputError(NewsGoldError):
    """A file or line of user input was rejected (the rest of a batch goes on)."""


class StorageError(NewsGoldError):
    """The database could not be used (locked, full, corrupt, too new, read-only)."""
