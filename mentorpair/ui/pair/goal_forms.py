"""The small forms of the goals and actions tabs: goal, milestone, categories, reflection.

Each dialog only collects values and says what changed; the tab records the
change, so every rule (only the mentee edits goals, only the mentor keeps
reflections) is still checked by the domain, not by these forms.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mentorpair.domain.model import Goal, GoalStatus, Note
from mentorpair.domain.state import MAX_TITLE

from mentorpair.ui.widgets import buddy_label
from mentorpair.ui.wording import date_format, status_word

__all__ = [
    "CategoriesDialog",
    "GoalDialog",
    "MilestoneDialog",
    "OptionalDateField",
    "PrivateNotice",
    "ReflectionDialog",
    "dialog_buttons",
    "empty_page",
    "lock_pixmap",
]

MAX_CATEGORY = 80  # what the domain stores for a goal's category


def dialog_buttons(dialog: QDialog, ok_text: str) -> tuple[QDialogButtonBox, QPushButton]:
    """OK (renamed to say what it does) and Cancel, wired to the dialog, with names."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_text)
    for button in buttons.buttons():
        button.setAccessibleName(button.text().replace("&", ""))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons, ok


class OptionalDateField(QWidget):
    """A date that may be left out: a check box saying so, then the date.

    A check box reads better than a "no date" sentinel hidden in a date edit,
    and it is one Space press away by keyboard.
    """

    def __init__(
        self, check_text: str, accessible_name: str, default: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.check = QCheckBox(check_text, self)
        self.check.setAccessibleName(accessible_name)
        self.edit = QDateEdit(self)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat(date_format())
        self.edit.setAccessibleName(accessible_name)
        self.edit.setDate(QDate(default.year, default.month, default.day))
        self.edit.setEnabled(False)
        self.check.toggled.connect(self.edit.setEnabled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.edit, 1)

    def value(self) -> date | None:
        """The chosen date, or None when left out."""
        if not self.check.isChecked():
            return None
        chosen = self.edit.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def set_value(self, value: date | None) -> None:
        """Show ``value`` (None: no date, the default date stays ready)."""
        self.check.setChecked(value is not None)
        if value is not None:
            self.edit.setDate(QDate(value.year, value.month, value.day))


def lock_pixmap(colour: QColor, size: int = 16) -> QPixmap:
    """A small padlock drawn in ``colour``: no font on every system has a lock glyph."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(colour, max(1.5, size / 9))
    painter.setPen(pen)
    # The shackle: an arch over the body.
    painter.drawArc(
        round(size * 0.27), round(size * 0.06), round(size * 0.46), round(size * 0.56), 0, 180 * 16
    )
    painter.drawLine(round(size * 0.27), round(size * 0.34), round(size * 0.27), round(size * 0.48))
    painter.drawLine(round(size * 0.73), round(size * 0.34), round(size * 0.73), round(size * 0.48))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawRoundedRect(
        round(size * 0.14), round(size * 0.45), round(size * 0.72), round(size * 0.5), 2, 2
    )
    painter.end()
    return pixmap


class PrivateNotice(QWidget):
    """A padlock and a bold sentence saying who can read something: never colour alone."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.icon = QLabel(self)
        self.icon.setAccessibleName(self.tr("Padlock: private"))
        self.label = QLabel(text, self)
        self.label.setWordWrap(True)
        font = self.label.font()
        font.setBold(True)
        self.label.setFont(font)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)
        self._paint_icon()

    def text(self) -> str:
        """The sentence shown."""
        return self.label.text()

    def _paint_icon(self) -> None:
        colour = self.palette().color(QPalette.ColorRole.WindowText)
        self.icon.setPixmap(lock_pixmap(colour, self.label.fontMetrics().height()))

    # QWidget.changeEvent
    def changeEvent(self, event: QEvent) -> None:
        """Repaint the padlock in the text colour when the theme changes."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._paint_icon()


def empty_page(label: QLabel, parent: QWidget | None = None) -> QWidget:
    """A page that centres ``label`` at a readable width: what to do when there is nothing yet."""
    page = QWidget(parent)
    label.setParent(page)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setMaximumWidth(520)
    layout = QVBoxLayout(page)
    layout.setContentsMargins(24, 24, 24, 24)
    layout.addStretch(1)
    layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
    layout.addStretch(2)
    return page


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


class GoalDialog(QDialog):
    """Writes or edits one goal: title, description, category, target, status, progress.

    Attributes:
        goal: the goal being edited, or None for a new one.
        categories_dialog: the category editor while it is open (tests reach it here).
    """

    def __init__(
        self,
        categories: Sequence[str],
        goal: Goal | None,
        today: date,
        edit_categories: Callable[[GoalDialog], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.goal = goal
        self.categories_dialog: CategoriesDialog | None = None
        self._edit_categories = edit_categories
        self.setWindowTitle(self.tr("New goal") if goal is None else self.tr("Edit goal"))
        self.setMinimumWidth(460)
        self.title_edit = QLineEdit(self)
        self.title_edit.setMaxLength(MAX_TITLE)
        self.title_edit.setAccessibleName(self.tr("Goal"))
        self.title_edit.setPlaceholderText(
            self.tr("For example: Lead a quality-improvement project")
        )
        self.description_edit = QPlainTextEdit(self)
        self.description_edit.setAccessibleName(self.tr("Description"))
        self.description_edit.setPlaceholderText(
            self.tr("Why this matters to you, and what success would look like.")
        )
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setMinimumHeight(90)
        self.category_combo = QComboBox(self)
        self.category_combo.setEditable(True)
        self.category_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.category_combo.setAccessibleName(self.tr("Category"))
        line = self.category_combo.lineEdit()
        if line is not None:  # an editable combo box always has one
            line.setMaxLength(MAX_CATEGORY)
            line.setPlaceholderText(self.tr("No category"))
        self._edit_label = self.tr("Edit categories…")
        self._last_category = ""
        self.category_combo.currentTextChanged.connect(self._remember_category)
        self.category_combo.activated.connect(self._on_category_activated)
        self.target = OptionalDateField(
            self.tr("&Has a target date"),
            self.tr("Target date"),
            today + timedelta(days=182),
            self,
        )
        self.status_combo = QComboBox(self)
        self.status_combo.setAccessibleName(self.tr("Status"))
        for status in GoalStatus:
            self.status_combo.addItem(status_word(status), status.value)
        self.progress_slider = QSlider(Qt.Orientation.Horizontal, self)
        self.progress_slider.setRange(0, 100)
        self.progress_slider.setSingleStep(5)
        self.progress_slider.setPageStep(10)
        self.progress_slider.setAccessibleName(self.tr("Progress slider"))
        self.progress_spin = QSpinBox(self)
        self.progress_spin.setRange(0, 100)
        self.progress_spin.setSingleStep(5)
        self.progress_spin.setSuffix(" %")
        self.progress_spin.setAccessibleName(self.tr("Progress in percent"))
        self.progress_slider.valueChanged.connect(self.progress_spin.setValue)
        self.progress_spin.valueChanged.connect(self.progress_slider.setValue)
        progress = QHBoxLayout()
        progress.addWidget(self.progress_slider, 1)
        progress.addWidget(self.progress_spin)

        form = QFormLayout()
        form.addRow(buddy_label(self.tr("&Goal:"), self.title_edit), self.title_edit)
        form.addRow(
            buddy_label(self.tr("&Description:"), self.description_edit), self.description_edit
        )
        form.addRow(buddy_label(self.tr("&Category:"), self.category_combo), self.category_combo)
        form.addRow(self.tr("Target:"), self.target)
        form.addRow(buddy_label(self.tr("&Status:"), self.status_combo), self.status_combo)
        form.addRow(buddy_label(self.tr("&Progress:"), self.progress_spin), progress)
        self.buttons, self.ok_button = dialog_buttons(
            self, self.tr("Add goal") if goal is None else self.tr("Save changes")
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

        self.set_categories(categories)
        self._load(goal)
        self.title_edit.textChanged.connect(self._validate)
        self._validate()

    def _load(self, goal: Goal | None) -> None:
        if goal is None:
            # A goal the mentee writes down is one they mean to work on.
            self.status_combo.setCurrentIndex(self.status_combo.findData(GoalStatus.ACTIVE.value))
            self.category_combo.setEditText("")
            return
        self.title_edit.setText(goal.title)
        self.description_edit.setPlainText(goal.description)
        self.category_combo.setEditText(goal.category)
        self.target.set_value(goal.target)
        self.status_combo.setCurrentIndex(self.status_combo.findData(goal.status.value))
        self.progress_spin.setValue(goal.progress)

    def set_categories(self, categories: Sequence[str]) -> None:
        """Offer ``categories``, then the command that edits them; keep what was typed."""
        typed = self.category_combo.currentText()
        if typed == self._edit_label:
            typed = self._last_category
        self.category_combo.blockSignals(True)
        self.category_combo.clear()
        self.category_combo.addItems(list(categories))
        self.category_combo.insertSeparator(self.category_combo.count())
        self.category_combo.addItem(self._edit_label)
        self.category_combo.setEditText(typed)
        self.category_combo.blockSignals(False)
        self._last_category = typed

    def _remember_category(self, text: str) -> None:
        if text != self._edit_label:
            self._last_category = text

    def _on_category_activated(self, index: int) -> None:
        if self.category_combo.itemText(index) != self._edit_label:
            return
        # Choosing the command must not make it the goal's category.
        self.category_combo.setEditText(self._last_category)
        self._edit_categories(self)

    def _validate(self) -> None:
        self.ok_button.setEnabled(bool(self.title_edit.text().strip()))

    def category(self) -> str:
        """The category as chosen or typed (may be new, may be empty)."""
        text = self.category_combo.currentText()
        return "" if text == self._edit_label else text.strip()

    def values(self) -> dict[str, Any]:
        """Every field as an event body would carry it."""
        return {
            "title": self.title_edit.text().strip(),
            "description": self.description_edit.toPlainText().strip(),
            "category": self.category(),
            "target": _iso(self.target.value()),
            "status": str(self.status_combo.currentData()),
            "progress": self.progress_spin.value(),
        }

    def changes(self) -> dict[str, Any]:
        """The fields that differ from the goal being edited (all of them for a new goal)."""
        values = self.values()
        if self.goal is None:
            return values
        g = self.goal
        before = {
            "title": g.title,
            "description": g.description,
            "category": g.category,
            "target": _iso(g.target),
            "status": g.status.value,
            "progress": g.progress,
        }
        return {key: value for key, value in values.items() if before[key] != value}


class CategoriesDialog(QDialog):
    """Edits the mentee's list of goal categories, one per line."""

    def __init__(self, categories: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Goal categories"))
        self.setMinimumWidth(360)
        hint = QLabel(
            self.tr(
                "One category per line, in the order you want them offered. "
                "Goals keep their category even if you remove it here."
            ),
            self,
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        self.edit = QPlainTextEdit("\n".join(categories), self)
        self.edit.setAccessibleName(self.tr("Categories, one per line"))
        self.edit.setTabChangesFocus(True)
        self.buttons, self.ok_button = dialog_buttons(self, self.tr("Save categories"))
        self.edit.textChanged.connect(self._validate)
        layout = QVBoxLayout(self)
        layout.addWidget(buddy_label(self.tr("&Categories:"), self.edit))
        layout.addWidget(self.edit)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        self._validate()

    def categories(self) -> list[str]:
        """The names, trimmed, without blanks or repeats, at most the stored length."""
        names = (line.strip()[:MAX_CATEGORY] for line in self.edit.toPlainText().splitlines())
        return list(dict.fromkeys(name for name in names if name))

    def _validate(self) -> None:
        self.ok_button.setEnabled(bool(self.categories()))


class MilestoneDialog(QDialog):
    """Adds a dated step towards a goal."""

    def __init__(self, goal: Goal, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add milestone"))
        self.setMinimumWidth(420)
        about = QLabel(self.tr("A step towards “{0}”.").format(goal.title), self)
        about.setWordWrap(True)
        about.setTextFormat(Qt.TextFormat.PlainText)
        self.title_edit = QLineEdit(self)
        self.title_edit.setMaxLength(MAX_TITLE)
        self.title_edit.setAccessibleName(self.tr("Milestone"))
        self.title_edit.setPlaceholderText(self.tr("For example: Draft the project proposal"))
        default = goal.target if goal.target and goal.target > today else today
        self.due = OptionalDateField(
            self.tr("Has a &due date"),
            self.tr("Milestone due date"),
            default + timedelta(days=28),
            self,
        )
        if goal.target and goal.target > today:
            self.due.edit.setDate(QDate(goal.target.year, goal.target.month, goal.target.day))
        form = QFormLayout()
        form.addRow(buddy_label(self.tr("&Milestone:"), self.title_edit), self.title_edit)
        form.addRow(self.tr("Due:"), self.due)
        self.buttons, self.ok_button = dialog_buttons(self, self.tr("Add milestone"))
        self.title_edit.textChanged.connect(
            lambda text: self.ok_button.setEnabled(bool(text.strip()))
        )
        self.ok_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def values(self) -> dict[str, Any]:
        """Title and due date as a MILESTONE_ADDED body carries them."""
        return {"title": self.title_edit.text().strip(), "due": _iso(self.due.value())}


class ReflectionDialog(QDialog):
    """The mentor's private reflection on one goal: a title and free text.

    Attributes:
        note: the reflection being edited, or None for a new one.
    """

    def __init__(self, goal: Goal, note: Note | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.note = note
        self.setWindowTitle(
            self.tr("New reflection") if note is None else self.tr("Edit reflection")
        )
        self.setMinimumSize(460, 340)
        about = QLabel(self.tr("On your mentee's goal “{0}”.").format(goal.title), self)
        about.setWordWrap(True)
        about.setTextFormat(Qt.TextFormat.PlainText)
        private = PrivateNotice(
            self.tr("Private — only you can see this. It never leaves this computer."), self
        )
        self.title_edit = QLineEdit(self)
        self.title_edit.setMaxLength(MAX_TITLE)
        self.title_edit.setAccessibleName(self.tr("Reflection title"))
        self.title_edit.setPlaceholderText(self.tr("For example: Confidence in presenting"))
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setAccessibleName(self.tr("Reflection"))
        self.text_edit.setPlaceholderText(
            self.tr("What you notice, what might help, what to ask next time.")
        )
        self.text_edit.setTabChangesFocus(True)
        if note is not None:
            self.title_edit.setText(note.title)
            self.text_edit.setPlainText(note.text)
        form = QFormLayout()
        form.addRow(buddy_label(self.tr("&Title:"), self.title_edit), self.title_edit)
        form.addRow(buddy_label(self.tr("&Reflection:"), self.text_edit), self.text_edit)
        self.buttons, self.ok_button = dialog_buttons(self, self.tr("Save reflection"))
        self.title_edit.textChanged.connect(self._validate)
        self.text_edit.textChanged.connect(self._validate)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(private)
        layout.addLayout(form, 1)
        layout.addWidget(self.buttons)
        self._validate()

    def _validate(self) -> None:
        self.ok_button.setEnabled(
            bool(self.title_edit.text().strip() or self.text_edit.toPlainText().strip())
        )

    def values(self) -> dict[str, str]:
        """Title and text as a note body carries them."""
        return {
            "title": self.title_edit.text().strip(),
            "text": self.text_edit.toPlainText().strip(),
        }
