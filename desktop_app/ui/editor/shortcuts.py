"""Every key and mouse gesture of the article editor, as data.

The editor builds its QActions from :data:`SHORTCUTS`; the shell's Help menu,
the ``?`` overlay and the README table are generated from the same lists, so
they cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass

LABEL_KEYS: dict[str, str] = {"1": "PERSON", "2": "ORG", "3": "GPE", "4": "NORP", "5": "LOC", "6": "FAC"}


@dataclass(frozen=True)
class Shortcut:
    name: str  # key of ArticleEditor.actions()
    keys: tuple[str, ...]  # QKeySequence strings, first one shown in menus
    text: str  # menu text
    help: str  # one line for the overlay / Help menu
    group: str = "Annotate"


#: Shift+←/→ and Alt+←/→ are free: the text view selects by mouse only (no keyboard caret, so no
#: Shift+arrow selection to collide with), the shell binds only Ctrl+↑/↓, and Alt+letters stay menu
#: mnemonics (hence Ctrl+Shift+A, not Alt+A, for "accept the rest of this panel").
SHORTCUTS: tuple[Shortcut, ...] = (
    Shortcut("accept", ("A",), "&Accept", "Accept the current item (a quote with its speaker) and go to the next"),
    Shortcut("reject", ("X",), "&Reject", "Reject the current item and go to the next"),
    Shortcut("delete", ("Del", "Backspace"), "&Delete", "Delete the current item"),
    Shortcut("resize", ("B",), "Set &boundaries",
             "Selection → new boundaries of the current item (entity, quote content, event trigger)"),
    Shortcut("end_right", ("Shift+Right",), "End one word &later",
             "Current item (entity, quote content, event trigger): its end one token to the right", "Boundaries"),
    Shortcut("end_left", ("Shift+Left",), "End one word earlier", "Current item: its end one token to the left",
             "Boundaries"),
    Shortcut("start_left", ("Alt+Left",), "Start one word earlier", "Current item: its start one token to the left",
             "Boundaries"),
    Shortcut("start_right", ("Alt+Right",), "Start one word later", "Current item: its start one token to the right",
             "Boundaries"),
    Shortcut("accept_all", ("Shift+A",), "Accept a&ll", "Accept every remaining suggestion of the article"),
    Shortcut("accept_panel", ("Ctrl+Shift+A",), "Accept the rest of this &panel",
             "Accept the undecided suggestions of the current panel only (quotes, entities or events)"),
    Shortcut("next_item", ("J", "Down"), "&Next item", "Next item in the current panel", "Navigate"),
    Shortcut("prev_item", ("K", "Up"), "&Previous item", "Previous item in the current panel", "Navigate"),
    Shortcut("next_panel", ("T",), "Next &panel", "Switch panel: Quotes → Entities → Events", "Navigate"),
    *(
        Shortcut(f"label_{label}", (key,), f"Label {label}", f"Selection → {label} entity (or relabel the current entity)",
                 "Entities")
        for key, label in LABEL_KEYS.items()
    ),
    Shortcut("add_quote", ("Q",), "Add &quote", "Selection → new quote; then click its speaker", "Quotes"),
    Shortcut("set_cue", ("U",), "Set c&ue", "Selection → cue of the current quote", "Quotes"),
    Shortcut("set_mention", ("M",), "Set &mention", "Selection → speaker mention of the current quote", "Quotes"),
    Shortcut("cycle_kind", ("D",), "Cycle &kind", "Current quote: direct → indirect → mixed", "Quotes"),
    Shortcut("change", ("C",), "&Change…", "Open the speaker / label / type chooser of the current item"),
    Shortcut("add_event", ("E",), "Add &event", "New event for the current sentence (selection = trigger)", "Events"),
    Shortcut("next_type", ("]",), "Next event type", "Current event: next type", "Events"),
    Shortcut("prev_type", ("[",), "Previous event type", "Current event: previous type", "Events"),
    Shortcut("mark_done", ("Return", "Enter"), "Mark &done", "Mark the article done (gold) and go to the next", "Article"),
    Shortcut("skip", ("Space",), "&Skip", "Mark the article skipped and go to the next", "Article"),
    Shortcut("next_article", ("N",), "Next article", "Next unfinished article", "Article"),
    Shortcut("prev_article", ("P",), "Previous article", "Previous unfinished article", "Article"),
    Shortcut("undo", ("Ctrl+Z",), "&Undo", "Undo the last edit of this article (survives restarts)", "Article"),
    Shortcut("redo", ("Ctrl+Shift+Z", "Ctrl+Y"), "&Redo", "Redo", "Article"),
    Shortcut("show_rejected", ("Shift+R",), "Show rejected", "Show or hide rejected annotations", "View"),
    Shortcut("show_tags", ("L",), "Label &tags in the text", "Show or hide the label and event-type tags in the text",
             "View"),
    Shortcut("escape", ("Esc",), "Cancel", "Clear the selection / close the overlay", "View"),
    Shortcut("overlay", ("?",), "Keyboard &shortcuts", "Show this overlay", "View"),
)

MOUSE_ACTIONS: tuple[tuple[str, str], ...] = (
    ("Drag over text", "Select a span (snapped to whole words); then a label key 1–6, q, u, m or e"),
    ("Drag an edge of the current item", "Move that boundary (snapped to whole words; the pointer shows ↔ there)"),
    ("Click an entity (Quotes panel)", "Make it the current quote's speaker (one click)"),
    ("Click an entity (Events panel)", "Make it the current event's actor; Shift+click: recipient"),
    ("Click an entity (Entities panel)", "Select it (then a/x/1–6/Del); Ctrl+click selects from any panel"),
    ("Click inside a quote or on a trigger", "Select that quote / event"),
    ("Right-click", "Menu: label, accept, reject, delete, set as speaker / actor / recipient"),
    ("Hover", "Tooltip with label, origin and state"),
    ("Click a row in a panel", "Scroll the text to it and highlight it"),
)


def _shown(key: str) -> str:
    """Plain letter keys are typed lower-case ("a", not "A"; Shift+A is written out)."""
    return key.lower() if len(key) == 1 and key.isalpha() else key


def shortcut_rows() -> list[tuple[str, str, str]]:
    """(group, keys, help) for Help menus, the overlay and the README, in SHORTCUTS order."""
    rows: list[tuple[str, str, str]] = []
    for s in SHORTCUTS:
        if s.name.startswith("label_"):
            if s.name == "label_PERSON":
                rows.append(("Entities", "1–6", "Selection → entity: "
                             + ", ".join(f"{k} {v}" for k, v in LABEL_KEYS.items()) + " (or relabel the current one)"))
            continue
        rows.append((s.group, " / ".join(_shown(k) for k in s.keys), s.help))
    return rows
