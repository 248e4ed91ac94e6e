"""Numbered catalogue of the errors a user can meet.

Environment problems and bad input raise :class:`NewsGoldError` with a code from
:class:`E`.  Every code has a kind (:data:`KINDS`), and :func:`presentation` is the one
place that turns an exception into what the user sees; the CLI (``cli.main``) and the
GUI (``ui.app.show_error``) both go through it:

- refusal: one line where the user is looking (CLI: stderr, exit 2; GUI: the status bar)
- environment: the message and what to do about it (CLI: two lines, exit 2; GUI: a friendly dialog)
- bug (uncatalogued exceptions and E9xx): the traceback goes to the log (CLI: one line naming the
  log, exit 3; GUI: the crash dialog)
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal, NamedTuple

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
    E013 = "Line {line}: {what}: {field} {value!r} is not one of {allowed}{more}"
    E014 = "Line {line}: {what}: {field} should be {expected}, not {value!r}{more}"
    E015 = "Line {line}: {what}: {field} is missing{more}"
    E016 = "Line {line}: {what}: span [{start}, {end}) is empty or ends before it starts{more}"
    E017 = "Line {line}: {what}: text {given!r} is not the text at [{start}, {end}) ({actual!r}){more}"
    E018 = "Line {line}: {what}: entity {ref!r} is not the id of an entity on this line{more}"
    # lexicons of the rules (resources/lexicons/*.toml and the user's additions)
    E060 = "Lexicon file {path}, line {line}: {detail}"
    E061 = "Lexicon file {path}, line {line}: {key} should be {expected}"
    # the article list's search syntax (core/search.py)
    E030 = "Search: unknown field {field!r}; the fields are {fields}, plus free words and \"quoted phrases\""
    E031 = "Search: the quote at character {start} is never closed; add the closing \" or remove it"
    E032 = "Search: {field}: needs a value, e.g. {field}:\"two words\""
    E033 = "Search: {value!r} is no {field}; use one of {allowed}"
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
    E115 = "The disk reported an error while NewsGold read or wrote {path} ({detail})"
    E116 = "Will not back up {path} onto itself; choose another file for the copy"
    E117 = "Could not write the backup {path}: {detail}"
    E120 = "Database {path} stayed locked by {holders} for {seconds:.0f} s; this change was not saved (close that program, or try again)"
    # pipeline / export
    E201 = "spaCy pipeline {name!r} is not installed"
    E202 = "Unknown export format {format!r}; available: {available}"
    E203 = "Gold file {path}: {detail}"
    E204 = "Taxonomy file {path}: {detail}"
    E205 = "Gazetteer entry not understood: {detail}"
    E206 = "PolNeAR data not understood: {detail}"
    E207 = "Export cancelled; {path} was not written"
    E208 = "Dask is not installed ({detail}); install the cluster extra: pip install \"newsgold[cluster]\""
    E209 = "Could not reach the Dask scheduler {address} ({detail})"
    E210 = "The Dask workers run different pipelines ({names}); every worker needs the same NewsGold install"
    # team gold: assign, merge, agreement, adjudication
    E301 = "{path} is from another corpus: article {id} has a different text than in {other}; nothing was merged"
    E302 = "{path} belongs to corpus {found}, {other} to corpus {expected}; nothing was merged"
    E303 = "Annotator names: {detail}"
    E304 = "{path} already exists; assign never overwrites an annotator's file (choose another folder)"
    E305 = "No version {version!r} in {path}; it has: {available}"
    E306 = "No articles done by two or more annotators in {path} (merge annotators' files with 'newsgold merge' first)"
    E307 = "--overlap must be between 0 and 1, not {value}"
    E308 = "{path} is not an annotator's file or a team file: it has no annotator (assign it, or import with --annotator)"
    # dashboard and people registry
    E401 = "Unknown chart {chart!r}; available: {available}"
    E402 = "No person named {name!r} in the registry, the quotes or the events"
    E403 = "{new!r} is already a person; merge {old!r} into it instead"
    E404 = "{name!r} and {other!r} are the same person"
    E405 = "Registry file {path}: {detail}"
    E406 = "Chart file {path}: save as .png or .svg"
    E407 = "No alias {alias!r} in the registry"
    E408 = "Nothing to undo in the people registry"
    E409 = "Nothing to redo in the people registry"
    # learning from gold (training pipelines)
    E500 = "Line {line}: attribution file not understood: {detail}"
    E501 = "Nothing to train on: {detail}"
    E502 = "Training failed: {detail}"
    E503 = "No trained pipeline named {name!r}; trained: {available}"
    E504 = "Unknown layer {layer!r} for training; choose from {allowed}"
    E505 = "--dev must be between 0 and 0.9, not {value}"
    E506 = "Training was cancelled; no pipeline was written"
    E507 = "Unknown quote label {label!r} for training; choose from {allowed}"
    E508 = "--cue-model spancat learns cues alone: use it with --quote-labels CUE"
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
    E.E115: "environment", E.E116: "refusal", E.E117: "environment", E.E120: "environment",
    E.E201: "environment", E.E202: "refusal", E.E203: "refusal", E.E204: "refusal", E.E205: "refusal",
    E.E206: "refusal", E.E207: "refusal", E.E208: "environment", E.E209: "environment", E.E210: "environment",
    E.E901: "bug",
    **{code: "refusal" for code in E if code.name.startswith("E4")},
    **{code: "refusal" for code in E if code.name.startswith("E3")},
    **{code: "refusal" for code in E if code.name.startswith("E5")},
    E.E502: "environment",
}


#: What to do about an environment error: the second line of the CLI message, the dialog's informative text.
HINTS: dict[E, str] = {
    E.E101: "This file was saved by a newer NewsGold. Install the newer version to open it.",
    E.E102: "The file is damaged or is not a NewsGold corpus. Open one of its automatic backups "
            "(FILE.backup-DATE beside it) or another corpus.",
    E.E103: "Another program (or another NewsGold window) is using this corpus. Close it and try again.",
    E.E104: "The disk is full. Free some space and try again; nothing you saved before is lost.",
    E.E105: "The file or its folder is read-only. Copy it somewhere you can write, or change its permissions.",
    E.E113: "Check the path exists and that you may read and write it.",
    E.E114: "Open the corpus again from where it is now; the last change was not saved.",
    E.E115: "The disk may be full, over quota, removed or failing. Free some space or check the disk, "
            "then try again; nothing you saved before is lost.",
    E.E117: "Choose a folder you may write to, with enough free space.",
    E.E120: "Close the program that holds the corpus, then try again.",
    E.E201: "Install a spaCy pipeline (see 'newsgold models'), or choose another one in the settings.",
    E.E208: "Distributed pre-annotation needs Dask: pip install \"newsgold[cluster]\" (or run without --scheduler).",
    E.E209: "Start the scheduler (dask scheduler) and its workers (dask worker ADDRESS), or use --scheduler local:N.",
    E.E210: "Install the same NewsGold and spaCy pipeline on every worker, then restart them.",
    E.E502: "The training log is in the log file; try fewer epochs or layers, or free memory and try again.",
}


class Presentation(NamedTuple):
    """How one exception is shown, the same in the CLI and the GUI."""

    kind: Kind
    title: str  # a window title
    message: str  # one line, with the code when there is one
    hint: str  # what to do about it (environment errors); "" otherwise


def presentation(exc: BaseException) -> Presentation:
    """The one place that decides how an exception is shown (see the module docstring)."""
    kind = kind_of(exc)
    if kind == "bug":
        what = str(exc) if isinstance(exc, NewsGoldError) else f"{type(exc).__name__}: {exc}".rstrip(": ")
        return Presentation(kind, "NewsGold ran into a bug", _one_line(what), "")
    assert isinstance(exc, NewsGoldError)
    if kind == "refusal":
        return Presentation(kind, "NewsGold", _one_line(str(exc)), "")
    title = {"E1": "NewsGold: cannot use the corpus", "E2": "NewsGold: cannot run the pipeline"}.get(
        exc.code.name[:2], "NewsGold")
    return Presentation(kind, title, _one_line(str(exc)), HINTS.get(exc.code, ""))


def _one_line(text: str) -> str:
    return " ".join(text.split())


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
