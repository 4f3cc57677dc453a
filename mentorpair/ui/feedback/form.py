"""Answering a scheme's questions: the form, the preview of exactly what leaves, saving the file.

Three steps in one dialog. The form offers every question (all optional) and
each coarse fact with the value that would be sent, unticked. The preview
shows the response after scrubbing, marker and all, and says what is not in
it; only after the person ticks that they have read it can they save the
sealed file. The last step says how to send the file to the coordinator.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mentorpair.errors import KnownError
from mentorpair.feedback.pairside import PairFeedback
from mentorpair.feedback.scheme import Period, Question, QuestionType, Scheme
from mentorpair.feedback.submission import (
    FACT_MEETINGS,
    FACT_MODES,
    FACT_MONTHS,
    FACT_ROLE,
    Response,
    random_file_name,
)

from mentorpair.ui.feedback.preview import fact_words, preview_text

__all__ = ["FeedbackDialog"]


class _TextAnswer(QWidget):
    """A free-text answer with a live character count, capped at the question's limit."""

    def __init__(self, question: Question, parent: QWidget) -> None:
        super().__init__(parent)
        self.limit = question.max_length
        self.edit = QPlainTextEdit(self)
        self.edit.setAccessibleName(question.text)
        self.edit.setTabChangesFocus(True)
        self.edit.setFixedHeight(90)
        self.count = QLabel(self)
        self.count.setObjectName("hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.count, 0, Qt.AlignmentFlag.AlignRight)
        self.edit.textChanged.connect(self._on_changed)
        self._on_changed()

    def _on_changed(self) -> None:
        text = self.edit.toPlainText()
        if len(text) > self.limit:
            self.edit.setPlainText(text[: self.limit])
            self.edit.moveCursor(self.edit.textCursor().MoveOperation.End)
            return
        self.count.setText(self.tr("{0} of {1} characters").format(len(text), self.limit))


class FeedbackDialog(QDialog):
    """Answer one period of a scheme, preview, confirm and save the sealed file.

    Attributes:
        stack: the three pages (form, preview, done).
        choices: question id → its button group (the id of "No answer" is -1).
        texts: question id → its free-text field.
        fact_boxes: fact key → the checkbox that adds it.
        preview: the read-only text of what will leave.
        saved_path: where the file went, once saved.
    """

    def __init__(
        self, feedback: PairFeedback, scheme: Scheme, period: Period, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.feedback = feedback
        self.scheme = scheme
        self.period = period
        self.response: Response | None = None
        self.saved_path: Path | None = None
        self.setWindowTitle(self.tr("Feedback to {0}").format(scheme.name))
        self.setAccessibleName(self.tr("Feedback to the scheme"))
        self.resize(760, 640)
        self.choices: dict[str, QButtonGroup] = {}
        self.texts: dict[str, _TextAnswer] = {}
        self.fact_boxes: dict[str, QCheckBox] = {}
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self._build_form())
        self.stack.addWidget(self._build_preview())
        self.stack.addWidget(self._build_done())
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)

    # ------------------------------------------------------------- form page
    def _build_form(self) -> QWidget:
        page = QWidget(self)
        content = QWidget(page)
        column = QVBoxLayout(content)
        column.setSpacing(10)
        intro = QLabel(
            self.tr(
                "{0} asks for feedback on {1}. Every question is optional, and so is "
                "answering at all. Names, e-mail addresses, numbers and dates are taken out "
                "of what you write before anything is saved."
            ).format(self.scheme.name, self.period.label),
            content,
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        column.addWidget(intro)
        for question in self.scheme.questions:
            column.addWidget(self._question_card(question, content))
        column.addWidget(self._facts_card(content))
        column.addStretch(1)
        scroll = QScrollArea(page)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(content)
        self.cancel_button = QPushButton(self.tr("Cancel"), page)
        self.cancel_button.setAccessibleName(self.tr("Cancel without sending anything"))
        self.cancel_button.clicked.connect(self.reject)
        self.preview_button = QPushButton(self.tr("&See what will be sent…"), page)
        self.preview_button.setObjectName("primary")
        self.preview_button.setAccessibleName(self.tr("See what will be sent"))
        self.preview_button.setDefault(True)
        self.preview_button.clicked.connect(self.show_preview)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll, 1)
        layout.addLayout(_buttons(self.cancel_button, self.preview_button))
        return page

    def _question_card(self, question: Question, parent: QWidget) -> QFrame:
        card = QFrame(parent)
        card.setObjectName("card")
        layout = QVBoxLayout(card)
        layout.setContentsMargins(14, 10, 14, 10)
        label = QLabel(question.text, card)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setObjectName("subheading")
        label.setWordWrap(True)
        layout.addWidget(label)
        if question.type is QuestionType.TEXT:
            answer = _TextAnswer(question, card)
            label.setBuddy(answer.edit)
            self.texts[question.question_id] = answer
            layout.addWidget(answer)
            return card
        group = QButtonGroup(card)
        row = QWidget(card)
        # A scale reads left to right in rows of three, so it fits a narrow window;
        # choices read best one under the other.
        columns = 3 if question.type is QuestionType.LIKERT else 1
        options = QGridLayout(row)
        options.setContentsMargins(0, 0, 0, 0)
        buttons: list[QRadioButton] = []
        for index, option in enumerate(question.options):
            button = QRadioButton(option, row)
            button.setAccessibleName(f"{question.text} {option}")
            group.addButton(button, index)
            buttons.append(button)
        skip = QRadioButton(self.tr("No answer"), row)
        skip.setAccessibleName(self.tr("{0} No answer").format(question.text))
        skip.setChecked(True)
        group.addButton(skip, -1)
        buttons.append(skip)
        for index, button in enumerate(buttons):
            options.addWidget(button, index // columns, index % columns)
        options.setColumnStretch(columns, 1)
        self.choices[question.question_id] = group
        layout.addWidget(row)
        return card

    def _facts_card(self, parent: QWidget) -> QFrame:
        card = QFrame(parent)
        card.setObjectName("card")
        layout = QVBoxLayout(card)
        layout.setContentsMargins(14, 10, 14, 10)
        title = QLabel(self.tr("Facts the app can add, if you agree"), card)
        title.setObjectName("subheading")
        hint = QLabel(
            self.tr(
                "Only in these rough forms; nothing is added unless you tick it. They help "
                "the scheme see, for example, whether pairs who meet more find it more useful."
            ),
            card,
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout.addWidget(title)
        layout.addWidget(hint)
        facts = self.feedback.facts(self.period)
        words = fact_words(facts)
        labels = {
            FACT_ROLE: self.tr("Add my role: {0}").format(words[FACT_ROLE]),
            FACT_MEETINGS: self.tr("Add how often we met in this period: {0}").format(
                words[FACT_MEETINGS]
            ),
            FACT_MODES: self.tr("Add how we met: {0}").format(words[FACT_MODES]),
            FACT_MONTHS: self.tr("Add how long we have been a pair: {0}").format(
                words[FACT_MONTHS]
            ),
        }
        for key, text in labels.items():
            box = QCheckBox(text, card)
            box.setAccessibleName(text)
            self.fact_boxes[key] = box
            layout.addWidget(box)
        return card

    # ------------------------------------------------------------- preview page
    def _build_preview(self) -> QWidget:
        page = QWidget(self)
        heading = QLabel(self.tr("Exactly what will leave this computer"), page)
        heading.setObjectName("subheading")
        self.preview = QPlainTextEdit(page)
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName(self.tr("What will be sent"))
        self.confirm_box = QCheckBox(
            self.tr("I have read this, and this is what I want to send."), page
        )
        self.confirm_box.setAccessibleName(self.tr("I have read what will be sent"))
        self.back_button = QPushButton(self.tr("&Back to my answers"), page)
        self.back_button.setAccessibleName(self.tr("Back to my answers"))
        self.back_button.clicked.connect(lambda: self.stack.setCurrentIndex(0))
        self.save_button = QPushButton(self.tr("Sa&ve the sealed file…"), page)
        self.save_button.setObjectName("primary")
        self.save_button.setAccessibleName(self.tr("Save the sealed feedback file"))
        self.save_button.setEnabled(False)
        self.confirm_box.toggled.connect(self.save_button.setEnabled)
        self.save_button.clicked.connect(self.save)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.confirm_box)
        layout.addLayout(_buttons(self.back_button, self.save_button))
        return page

    def answers(self) -> dict[str, int | str]:
        """The answers given so far (unanswered questions are left out)."""
        found: dict[str, int | str] = {
            qid: group.checkedId() for qid, group in self.choices.items() if group.checkedId() >= 0
        }
        for qid, answer in self.texts.items():
            if answer.edit.toPlainText().strip():
                found[qid] = answer.edit.toPlainText()
        return found

    def show_preview(self) -> None:
        """Build the response (scrubbed) and show exactly what it contains."""
        chosen = [key for key, box in self.fact_boxes.items() if box.isChecked()]
        try:
            self.response = self.feedback.prepare(self.scheme, self.period, self.answers(), chosen)
        except KnownError as exc:
            QMessageBox.warning(self, self.tr("Could not prepare the feedback"), exc.message)
            return
        self.preview.setPlainText(preview_text(self.response, self.scheme))
        self.confirm_box.setChecked(False)
        self.stack.setCurrentIndex(1)
        self.confirm_box.setFocus()

    # ------------------------------------------------------------- saving
    def save(self) -> None:
        """Ask where to save, then seal and write the file; on trouble, say so plainly."""
        if self.response is None or not self.confirm_box.isChecked():
            return
        suggested = str(Path.home() / random_file_name())
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the feedback file"),
            suggested,
            self.tr("Feedback files (*.mpfb)"),
        )
        if not path:
            return
        try:
            self.feedback.send(self.response, self.scheme, Path(path))
        except KnownError as exc:
            QMessageBox.warning(self, self.tr("The file was not saved"), exc.message)
            return
        self.saved_path = Path(path)
        self.done_text.setText(
            self.tr(
                "Saved as {0}.\n\nNow send this file to the coordinator of {1}: attach it to "
                "an e-mail, or put it in the folder they asked you to use. The file is "
                "sealed: only the coordinator can open it, it does not say who sent it, and "
                "you cannot open it again yourself. If you change your mind about an answer, "
                "send feedback again: the coordinator counts only your newest file for this "
                "period."
            ).format(self.saved_path.name, self.scheme.name)
        )
        self.stack.setCurrentIndex(2)
        self.close_button.setFocus()

    def _build_done(self) -> QWidget:
        page = QWidget(self)
        heading = QLabel(self.tr("Your feedback is ready to send"), page)
        heading.setObjectName("subheading")
        self.done_text = QLabel(page)
        self.done_text.setTextFormat(Qt.TextFormat.PlainText)
        self.done_text.setWordWrap(True)
        self.close_button = QPushButton(self.tr("&Close"), page)
        self.close_button.setAccessibleName(self.tr("Close"))
        self.close_button.clicked.connect(self.accept)
        layout = QVBoxLayout(page)
        layout.addWidget(heading)
        layout.addWidget(self.done_text)
        layout.addStretch(1)
        layout.addLayout(_buttons(self.close_button))
        return page


def _buttons(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addStretch(1)
    for button in buttons:
        row.addWidget(button)
    return row
