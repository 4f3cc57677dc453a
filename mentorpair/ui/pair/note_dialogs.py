"""The "New note" dialog: which kind of note, and what it belongs to.

The kind is asked first and explained in words, because it decides who may
ever read the note; a shared session note is the default, as most notes
written during or after a meeting are for both partners.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from mentorpair.domain.model import NoteKind, Role
from mentorpair.domain.state import MAX_TITLE, PairState

from mentorpair.ui.widgets import buddy_label
from mentorpair.ui.wording import format_datetime, mode_word

__all__ = ["NewNoteDialog"]


class NewNoteDialog(QDialog):
    """Asks the kind of a new note, an optional title and what it is linked to.

    Attributes:
        kind_buttons: one radio button per kind offered.
        title_edit, meeting_box, goal_box: the optional fields.
    """

    def __init__(
        self, state: PairState, now: datetime, presenter: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New note"))
        self.setAccessibleName(self.tr("New note"))
        partner = state.partner_name or self.tr("your partner")
        intro = QLabel(self.tr("Who may read this note?"), self)
        intro.setObjectName("subheading")
        self.group = QButtonGroup(self)
        self.kind_buttons: dict[NoteKind, QRadioButton] = {}
        choices = [
            (NoteKind.SHARED, self.tr("&Shared session note: {0} sees it too").format(partner)),
            (NoteKind.PRIVATE, self.tr("&Private note: only me, never leaves this computer")),
        ]
        if state.my_role is Role.MENTOR:
            choices.append(
                (
                    NoteKind.REFLECTION,
                    self.tr("&Reflection: my private thoughts as mentor, only me"),
                )
            )
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        for kind, text in choices:
            button = QRadioButton(text, self)
            button.setAccessibleName(text.replace("&", ""))
            self.group.addButton(button)
            self.kind_buttons[kind] = button
            layout.addWidget(button)
            # Presenter mode hides private notes: making one then would show it.
            button.setEnabled(not presenter or kind is NoteKind.SHARED)
        self.kind_buttons[NoteKind.SHARED].setChecked(True)
        if presenter:
            hint = QLabel(
                self.tr("Presenter mode is on, so only a shared note can be made now."), self
            )
            hint.setObjectName("hint")
            hint.setWordWrap(True)
            layout.addWidget(hint)

        self.title_edit = QLineEdit(self)
        self.title_edit.setMaxLength(MAX_TITLE)
        self.title_edit.setAccessibleName(self.tr("Title"))
        self.title_edit.setPlaceholderText(self.tr("Optional: you can add it later"))
        self.meeting_box = QComboBox(self)
        self.meeting_box.setAccessibleName(self.tr("Meeting"))
        # "" stands for "none chosen" (body() turns it into None).
        self.meeting_box.addItem(self.tr("No meeting"), "")
        for meeting in state.meetings_in_order():
            if meeting.cancelled:
                continue
            label = f"{format_datetime(meeting.starts_at)} · {mode_word(meeting.mode)}"
            self.meeting_box.addItem(label, meeting.meeting_id)
        # Most notes are about the meeting just held: default to the latest one begun.
        begun = [m for m in state.meetings_in_order() if not m.cancelled and m.starts_at <= now]
        if begun:
            self.meeting_box.setCurrentIndex(self.meeting_box.findData(begun[0].meeting_id))
        self.goal_box = QComboBox(self)
        self.goal_box.setAccessibleName(self.tr("Goal"))
        self.goal_box.addItem(self.tr("No goal"), "")
        for goal in sorted(state.goals.values(), key=lambda g: g.title.casefold()):
            self.goal_box.addItem(goal.title, goal.goal_id)

        form = QFormLayout()
        form.addRow(buddy_label(self.tr("T&itle:"), self.title_edit), self.title_edit)
        form.addRow(buddy_label(self.tr("&Meeting:"), self.meeting_box), self.meeting_box)
        form.addRow(buddy_label(self.tr("&Goal:"), self.goal_box), self.goal_box)
        layout.addSpacing(6)
        layout.addLayout(form)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Create note"))
        ok.setAccessibleName(self.tr("Create note"))
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.kind_buttons[NoteKind.SHARED].setFocus()

    def kind(self) -> NoteKind:
        """The kind chosen (shared unless another was picked)."""
        for kind, button in self.kind_buttons.items():
            if button.isChecked():
                return kind
        return NoteKind.SHARED

    def body(self) -> dict[str, Any]:
        """The NOTE_CREATED fields chosen here, except the new note's id."""
        return {
            "kind": self.kind().value,
            "title": self.title_edit.text().strip(),
            "text": "",
            "meeting_id": self.meeting_box.currentData() or None,
            "goal_id": self.goal_box.currentData() or None,
        }
