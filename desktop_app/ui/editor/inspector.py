"""The form under the side-panel table: the current item's fields, editable.

The speaker field is an editable combo of the article's people and bodies plus
the speaker registry, so a correction is "select quote, pick name" — two actions.
The form emits what the user chose; the editor turns that into a store op.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.model import ENTITY_LABELS, QUOTE_KINDS, Entity, Event, Quote, Span
from desktop_app.ui.editor.models import arg_name, excerpt


class TypingGuard(QObject):
    """Lets a text field keep plain keys (a, x, Enter, space) that are editor shortcuts elsewhere."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            mods = event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier & ~Qt.KeyboardModifier.KeypadModifier
            if mods == Qt.KeyboardModifier.NoModifier and event.key() != Qt.Key.Key_Escape:
                event.accept()  # "this widget wants the key", and still let the widget see the event
        return False


def _combo(editable: bool, items: Iterable[str] = ()) -> QComboBox:
    box = QComboBox()
    box.setEditable(editable)
    box.addItems(list(items))
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(14)
    if editable:
        box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    return box


def _set_items(box: QComboBox, items: list[str], current: str) -> None:
    box.blockSignals(True)
    box.clear()
    box.addItems(items)
    if current and box.findText(current) < 0 and not box.isEditable():
        box.addItem(current)
    i = box.findText(current)
    box.setCurrentIndex(i)
    if box.isEditable():
        box.setEditText(current)
    box.blockSignals(False)


class Inspector(QStackedWidget):
    speaker_chosen = Signal(str)
    kind_chosen = Signal(str)
    label_chosen = Signal(str)
    type_chosen = Signal(str)
    actor_chosen = Signal(str)
    recipient_chosen = Signal(str)
    finished = Signal()  # a choice was made: keyboard focus goes back to the text

    #: the type chooser's popup is at least this wide, so definitions wrap to two or three lines
    CHOOSER_WIDTH = 420

    def __init__(self, actions: dict[str, QAction], event_types: list[str], parent: QWidget | None = None,
                 definitions: Mapping[str, str] | None = None) -> None:
        from desktop_app.ui.editor.delegates import DefinitionDelegate

        super().__init__(parent)
        self.guard = TypingGuard(self)
        self.event_types = event_types
        #: event type -> its definition in the taxonomy (shown in the chooser and under the field)
        self.definitions: dict[str, str] = dict(definitions or {})
        self.empty = QLabel("Select an item (j/k) or drag over text to add one.  ? shows every key.")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.addWidget(self.empty)

        # quote form
        self.quote_text = self._excerpt_label()
        self.speaker = _combo(True)
        self.speaker.setToolTip("Speaker: pick a name, type one, or click an entity in the text")
        self.kind = _combo(False, QUOTE_KINDS)
        self.quote_meta = QLabel()
        self.quote_meta.setWordWrap(True)
        self.quote_form = self._form(
            [("", self.quote_text), ("Speaker", self.speaker), ("Kind", self.kind), ("", self.quote_meta)],
            actions, ("accept", "reject", "delete"),
        )
        # entity form
        self.entity_text = self._excerpt_label()
        self.label = _combo(False, ENTITY_LABELS)
        self.entity_meta = QLabel()
        self.entity_meta.setWordWrap(True)
        #: the sentence the entity is in, the mention in bold (twelve "Pakistan" rows are told apart)
        self.entity_context = QLabel()
        self.entity_context.setObjectName("entityContext")
        self.entity_context.setWordWrap(True)
        self.entity_context.setTextFormat(Qt.TextFormat.RichText)  # built from escaped text only
        self.entity_form = self._form(
            [("", self.entity_text), ("Label", self.label), ("", self.entity_context), ("", self.entity_meta)],
            actions, ("accept", "reject", "delete"),
        )
        # event form
        self.event_text = self._excerpt_label()
        self.type = _combo(False, event_types)
        self.type.setItemDelegate(DefinitionDelegate(self.CHOOSER_WIDTH, self.type))
        self.type.view().setMinimumWidth(self.CHOOSER_WIDTH)
        self.type_help = QLabel()  # the current type's definition
        self.type_help.setObjectName("typeDefinition")
        self.type_help.setWordWrap(True)
        self.type_help.setTextFormat(Qt.TextFormat.PlainText)
        self.type_help.setEnabled(False)
        self.actor = _combo(True)
        self.recipient = _combo(True)
        self.event_meta = QLabel()
        self.event_meta.setWordWrap(True)
        self.event_form = self._form(
            [("", self.event_text), ("Type", self.type), ("", self.type_help), ("Actor", self.actor),
             ("Recipient", self.recipient),
             ("", self.event_meta)],
            actions, ("accept", "reject", "delete"),
        )
        for box in (self.speaker, self.actor, self.recipient):
            line = box.lineEdit()
            assert line is not None  # editable combo
            box.installEventFilter(self.guard)  # the combo is the focus widget; it forwards keys
            line.installEventFilter(self.guard)
            line.returnPressed.connect(lambda b=box: self._commit_text(b))
            box.activated.connect(lambda _i, b=box: self._commit_text(b))
        for box in (self.speaker, self.kind, self.label, self.type, self.actor, self.recipient):
            box.view().installEventFilter(self.guard)
        self.kind.activated.connect(lambda _i: self._chose(self.kind_chosen, self.kind))
        self.label.activated.connect(lambda _i: self._chose(self.label_chosen, self.label))
        self.type.activated.connect(lambda _i: self._chose(self.type_chosen, self.type))
        self._shown: dict[QComboBox, str] = {}

    @staticmethod
    def _excerpt_label() -> QLabel:
        lab = QLabel()
        lab.setWordWrap(True)
        lab.setTextFormat(Qt.TextFormat.PlainText)  # article text is never interpreted
        lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return lab

    def _form(self, rows: list[tuple[str, QWidget]], actions: dict[str, QAction], buttons: tuple[str, ...]) -> QWidget:
        page = QWidget()
        outer = QVBoxLayout(page)
        outer.setContentsMargins(6, 6, 6, 6)
        form = QFormLayout()
        for label, widget in rows:
            if label:
                form.addRow(label, widget)
            else:
                form.addRow(widget)
        outer.addLayout(form)
        row = QHBoxLayout()
        for name in buttons:
            b = QToolButton()
            b.setDefaultAction(actions[name])
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            row.addWidget(b)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(1)
        self.addWidget(page)
        return page

    def _chose(self, signal: Any, box: QComboBox) -> None:
        signal.emit(box.currentText())
        self.finished.emit()

    def _commit_text(self, box: QComboBox) -> None:
        value = box.currentText().strip()
        if value != self._shown.get(box, ""):
            self._shown[box] = value
            {self.speaker: self.speaker_chosen, self.actor: self.actor_chosen,
             self.recipient: self.recipient_chosen}[box].emit(value)
        self.finished.emit()

    def relayout(self) -> None:
        """After a font change: the forms' cached heights are stale (QFormLayout keeps them), so a
        wrapped line would be clipped until the next item."""
        for i in range(self.count()):
            page = self.widget(i)
            for lay in [page.layout(), *page.findChildren(QFormLayout)] if page is not None else []:
                if lay is not None:
                    lay.invalidate()
        self.updateGeometry()

    # -- filling -------------------------------------------------------------------
    def show_nothing(self) -> None:
        self.setCurrentWidget(self.empty)

    def show_quote(self, text: str, q: Quote, speakers: list[str]) -> None:
        self.quote_text.setText("“" + excerpt(text, q.span, 400) + "”")
        current = q.speaker or ""
        _set_items(self.speaker, speakers, current)
        self._shown[self.speaker] = current
        _set_items(self.kind, list(QUOTE_KINDS), q.kind)
        cue = excerpt(text, q.cue, 40) or "—"
        mention = excerpt(text, q.mention, 40) or "—"
        self.quote_meta.setText(f"cue: {cue} · mention: {mention} · {q.origin} · {q.state}")
        self.setCurrentWidget(self.quote_form)
        self.relayout()

    def show_entity(self, text: str, e: Entity, sentence: Span | None = None) -> None:
        self.entity_text.setText(excerpt(text, e.span, 200))
        _set_items(self.label, list(ENTITY_LABELS), e.label)
        if sentence is not None and sentence.start <= e.start and e.end <= sentence.end:
            before = " ".join(text[sentence.start : e.start].split())
            after = " ".join(text[e.end : sentence.end].split())
            if len(before) > 160:
                before = "…" + before[-160:].split(" ", 1)[-1]
            if len(after) > 160:
                after = after[:160].rsplit(" ", 1)[0] + "…"
            if text[e.start - 1 : e.start].isspace():
                before += " "
            if text[e.end : e.end + 1].isspace():
                after = " " + after
            name = " ".join(text[e.start : e.end].split())
            self.entity_context.setText(f"in: {html.escape(before)}<b>{html.escape(name)}</b>{html.escape(after)}")
            self.entity_context.show()
        else:
            self.entity_context.hide()
        self.entity_meta.setText(f"{e.origin} · {e.state} · [{e.start}, {e.end})")
        self.setCurrentWidget(self.entity_form)
        self.relayout()

    def show_event(self, text: str, v: Event, names: list[str]) -> None:
        trig = excerpt(text, v.trigger, 40)
        self.event_text.setText(excerpt(text, v.sentence, 300) + (f"\ntrigger: {trig}" if trig else ""))
        _set_items(self.type, self.event_types, v.type)
        for i in range(self.type.count()):
            self.type.setItemData(i, self.definitions.get(self.type.itemText(i), ""), Qt.ItemDataRole.ToolTipRole)
        self.type_help.setText(self.definitions.get(v.type, ""))
        self.type_help.setVisible(bool(self.type_help.text()))
        for box, arg in ((self.actor, v.actor), (self.recipient, v.recipient)):
            current = arg_name(text, arg)
            _set_items(box, names, current)
            self._shown[box] = current
        self.event_meta.setText(f"{v.origin} · {v.state}")
        self.setCurrentWidget(self.event_form)
        self.relayout()

    def open_chooser(self) -> None:
        """`c`: drop down the main field of the visible form."""
        forms: dict[QWidget, QComboBox] = {
            self.quote_form: self.speaker, self.entity_form: self.label, self.event_form: self.type
        }
        page = self.currentWidget()
        box = forms.get(page) if page is not None else None
        if box is not None:
            box.setFocus()
            box.showPopup()
