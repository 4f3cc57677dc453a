"""The questionnaire editor of the New scheme form: a list of questions and one question's details.

Starts from the standard questionnaire (``feedback.scheme.default_questions``).
A question can be added, removed and moved; its kind (agreement scale, single
choice, free text), its wording and its answers can be changed. Checking the
whole questionnaire is the scheme code's job (``new_scheme`` says what is
wrong in plain words); this widget only keeps the edits.
"""

from __future__ import annotations

import re

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mentorpair.feedback.scheme import (
    DEFAULT_TEXT_LENGTH,
    MAX_QUESTION_TEXT,
    MAX_QUESTIONS,
    Question,
    QuestionType,
    default_questions,
)

from mentorpair.ui.widgets import buddy_label

__all__ = ["QuestionEditor"]

_AGREE = (
    "Strongly disagree",
    "Disagree",
    "Neither agree nor disagree",
    "Agree",
    "Strongly agree",
)


class QuestionEditor(QWidget):
    """Edits the list of questions; :meth:`questions` gives them back."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._questions: list[Question] = list(default_questions())
        self._loading = False

        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Questions"))
        self.list.setMinimumHeight(110)
        self.list.setMaximumHeight(160)
        self.add_button = QPushButton(self.tr("&Add question"), self)
        self.add_button.setAccessibleName(self.tr("Add question"))
        self.remove_button = QPushButton(self.tr("Remo&ve"), self)
        self.remove_button.setAccessibleName(self.tr("Remove question"))
        self.up_button = QPushButton(self.tr("Move &up"), self)
        self.up_button.setAccessibleName(self.tr("Move question up"))
        self.down_button = QPushButton(self.tr("Move do&wn"), self)
        self.down_button.setAccessibleName(self.tr("Move question down"))

        self.kind = QComboBox(self)
        self.kind.setAccessibleName(self.tr("Kind of question"))
        self.kind.addItem(self.tr("Agreement scale"), QuestionType.LIKERT)
        self.kind.addItem(self.tr("Single choice"), QuestionType.CHOICE)
        self.kind.addItem(self.tr("Free text (optional comment)"), QuestionType.TEXT)
        self.text = QLineEdit(self)
        self.text.setAccessibleName(self.tr("Question wording"))
        self.text.setMaxLength(MAX_QUESTION_TEXT)
        self.options = QPlainTextEdit(self)
        self.options.setAccessibleName(self.tr("Answers, one per line"))
        self.options.setTabChangesFocus(True)
        self.options.setMaximumHeight(110)
        self.options_hint = QLabel(
            self.tr(
                "One answer per line, in order (for a scale: from most negative to most positive)."
            ),
            self,
        )
        self.options_hint.setObjectName("hint")
        self.options_hint.setWordWrap(True)

        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        details = QFormLayout()
        details.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        details.addRow(buddy_label(self.tr("Kin&d"), self.kind), self.kind)
        details.addRow(buddy_label(self.tr("Wordin&g"), self.text), self.text)
        self.options_label = buddy_label(self.tr("&Choices"), self.options)
        details.addRow(self.options_label, self.options)
        details.addRow("", self.options_hint)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addLayout(details)

        self.list.currentRowChanged.connect(self._show_current)
        self.add_button.clicked.connect(self.add_question)
        self.remove_button.clicked.connect(self.remove_question)
        self.up_button.clicked.connect(lambda: self.move_question(-1))
        self.down_button.clicked.connect(lambda: self.move_question(+1))
        self.kind.currentIndexChanged.connect(self._edited)
        self.text.textEdited.connect(self._edited)
        self.options.textChanged.connect(self._edited)
        self._refill(0)

    # ----------------------------------------------------------------- API
    def questions(self) -> list[Question]:
        """The questions as edited, in order."""
        return list(self._questions)

    def add_question(self) -> None:
        """Add an agreement question at the end and select it for editing."""
        if len(self._questions) >= MAX_QUESTIONS:
            return
        used = {q.question_id for q in self._questions}
        number = 1 + len(self._questions)
        while f"question_{number}" in used:
            number += 1
        text = self.tr("New question")
        self._questions.append(Question(f"question_{number}", QuestionType.LIKERT, text, _AGREE))
        self._refill(len(self._questions) - 1)
        self.text.setFocus()
        self.text.selectAll()

    def remove_question(self) -> None:
        """Remove the selected question (one always stays)."""
        row = self.list.currentRow()
        if row < 0 or len(self._questions) <= 1:
            return
        del self._questions[row]
        self._refill(min(row, len(self._questions) - 1))

    def move_question(self, step: int) -> None:
        """Move the selected question up (-1) or down (+1)."""
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < len(self._questions):
            return
        items = self._questions
        items[row], items[target] = items[target], items[row]
        self._refill(target)

    # ----------------------------------------------------------------- internals
    def _refill(self, select: int) -> None:
        self._loading = True
        self.list.clear()
        for question in self._questions:
            self.list.addItem(QListWidgetItem(self._summary(question)))
        self._loading = False
        self.list.setCurrentRow(select)
        self._show_current(select)

    def _summary(self, question: Question) -> str:
        kind = {
            QuestionType.LIKERT: self.tr("scale"),
            QuestionType.CHOICE: self.tr("choice"),
            QuestionType.TEXT: self.tr("free text"),
        }[question.type]
        return f"{question.text}  ({kind})"

    def _show_current(self, row: int) -> None:
        if self._loading or not 0 <= row < len(self._questions):
            return
        question = self._questions[row]
        self._loading = True
        self.kind.setCurrentIndex(self.kind.findData(question.type))
        self.text.setText(question.text)
        self.options.setPlainText("\n".join(question.options))
        self._loading = False
        self._update_enabled()

    def _edited(self) -> None:
        row = self.list.currentRow()
        if self._loading or not 0 <= row < len(self._questions):
            return
        old = self._questions[row]
        kind = QuestionType(self.kind.currentData())
        if kind is QuestionType.TEXT:
            options: tuple[str, ...] = ()
            length = old.max_length or DEFAULT_TEXT_LENGTH
        else:
            lines = [line.strip() for line in self.options.toPlainText().splitlines()]
            options = tuple(line for line in lines if line)
            if not options and old.type is QuestionType.TEXT:
                options = _AGREE if kind is QuestionType.LIKERT else ()
                self._loading = True
                self.options.setPlainText("\n".join(options))
                self._loading = False
            length = 0
        text = re.sub(r"\s+", " ", self.text.text()).strip()
        self._questions[row] = Question(old.question_id, kind, text, options, length)
        item = self.list.item(row)
        if item is not None:
            item.setText(self._summary(self._questions[row]))
        self._update_enabled()

    def _update_enabled(self) -> None:
        row = self.list.currentRow()
        free_text = QuestionType(self.kind.currentData()) is QuestionType.TEXT
        for widget in (self.options, self.options_label, self.options_hint):
            widget.setVisible(not free_text)
        self.remove_button.setEnabled(len(self._questions) > 1 and row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < len(self._questions) - 1)
        self.add_button.setEnabled(len(self._questions) < MAX_QUESTIONS)
