"""Dialogs of the agenda panel: an agenda item (mentee) and a suggestion (mentor)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from mentorpair.domain.model import AgendaItem, Goal, GoalStatus

from mentorpair.ui.widgets import buddy_label
from mentorpair.ui.wording import status_word

__all__ = ["MAX_TITLE", "AgendaItemDialog", "SuggestionDialog"]

# The domain's limit for titles.
MAX_TITLE = 300


def _text_box(name: str, placeholder: str, parent: QWidget) -> QPlainTextEdit:
    """A few lines of text; Tab moves on (keyboard users must not get stuck)."""
    box = QPlainTextEdit(parent)
    box.setTabChangesFocus(True)
    box.setAccessibleName(name)
    box.setPlaceholderText(placeholder)
    # About four lines: room to write a few sentences without a wall of white.
    box.setFixedHeight(box.fontMetrics().lineSpacing() * 4 + 14)
    return box


def _ok_cancel(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    for button in buttons.buttons():
        button.setAccessibleName(button.text().replace("&", ""))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class AgendaItemDialog(QDialog):
    """Add or change an agenda item: what, why now, what outcome, which goal."""

    def __init__(
        self,
        goals: Sequence[Goal],
        item: AgendaItem | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change agenda item") if item else self.tr("Add agenda item"))
        self.setMinimumWidth(460)
        self.title = QLineEdit(self)
        self.title.setMaxLength(MAX_TITLE)
        self.title.setAccessibleName(self.tr("What to discuss"))
        self.title.setPlaceholderText(self.tr("e.g. Preparing for my consultant interview"))
        self.why = _text_box(self.tr("Why now"), self.tr("What makes this matter now?"), self)
        self.outcome = _text_box(
            self.tr("Outcome wanted"), self.tr("What would you like to come away with?"), self
        )
        self.goal = QComboBox(self)
        self.goal.setAccessibleName(self.tr("Linked goal"))
        self.goal.addItem(self.tr("No goal"), None)
        linked = item.goal_id if item else None
        # Goals still being worked on first; achieved ones (and a dropped one an
        # item already links to) after a line, each marked with its status.
        shown = [g for g in goals if g.status is not GoalStatus.DROPPED or g.goal_id == linked]
        order = {GoalStatus.ACTIVE: 0, GoalStatus.PROPOSED: 1, GoalStatus.PAUSED: 2}
        open_goals = sorted(
            (g for g in shown if g.status in order),
            key=lambda g: (order[g.status], g.title.casefold()),
        )
        closed = sorted(
            (g for g in shown if g.status not in order), key=lambda g: g.title.casefold()
        )
        for goal in open_goals:
            self._add_goal(goal)
        if open_goals and closed:
            self.goal.insertSeparator(self.goal.count())
        for goal in closed:
            self._add_goal(goal)
        if item is not None:
            self.title.setText(item.title)
            self.why.setPlainText(item.why)
            self.outcome.setPlainText(item.outcome)
            self.goal.setCurrentIndex(max(0, self.goal.findData(item.goal_id)))
        self.buttons = _ok_cancel(self)
        form = QFormLayout()
        form.addRow(buddy_label(self.tr("&What to discuss:"), self.title), self.title)
        form.addRow(buddy_label(self.tr("W&hy now:"), self.why), self.why)
        form.addRow(buddy_label(self.tr("&Outcome wanted:"), self.outcome), self.outcome)
        form.addRow(buddy_label(self.tr("&Goal:"), self.goal), self.goal)
        if len(goals) == 0:
            hint = QLabel(self.tr("Goals you add in the Goals tab can be linked here."), self)
            hint.setObjectName("hint")
            hint.setWordWrap(True)
            form.addRow("", hint)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.title.textChanged.connect(self._check)
        self._check()

    def _add_goal(self, goal: Goal) -> None:
        """One goal in the picker; any status but Active is said beside the title."""
        text = goal.title
        if goal.status is not GoalStatus.ACTIVE:
            text = self.tr("{0} ({1})").format(goal.title, status_word(goal.status))
        self.goal.addItem(text, goal.goal_id)

    def _check(self) -> None:
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(bool(self.title.text().strip()))

    def values(self) -> dict[str, Any]:
        """The item's fields as the events carry them."""
        goal_id = self.goal.currentData()
        return {
            "title": self.title.text().strip(),
            "why": self.why.toPlainText().strip(),
            "outcome": self.outcome.toPlainText().strip(),
            "goal_id": str(goal_id) if goal_id else None,
        }


class SuggestionDialog(QDialog):
    """The mentor suggests something for the agenda: what, and why."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Suggest an agenda item"))
        self.setMinimumWidth(440)
        intro = QLabel(self.tr("Your mentee decides whether it goes on the agenda."), self)
        intro.setWordWrap(True)
        intro.setObjectName("hint")
        self.title = QLineEdit(self)
        self.title.setMaxLength(MAX_TITLE)
        self.title.setAccessibleName(self.tr("Suggestion"))
        self.why = _text_box(self.tr("Why"), self.tr("Why this might help now"), self)
        self.buttons = _ok_cancel(self)
        form = QFormLayout()
        form.addRow(buddy_label(self.tr("&Suggestion:"), self.title), self.title)
        form.addRow(buddy_label(self.tr("W&hy:"), self.why), self.why)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.title.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(bool(self.title.text().strip()))

    def values(self) -> dict[str, Any]:
        """The suggestion's fields as SUGGESTION_ADDED carries them."""
        return {"title": self.title.text().strip(), "why": self.why.toPlainText().strip()}
