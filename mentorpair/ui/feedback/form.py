"""Answering a scheme's questions: the form, the preview of exactly what leaves, saving the file.

Three steps in one dialog. The form offers every question (all optional) and
each coarse fact with the value that would be sent, unticked. The preview
shows the response after scrubbing, marker and all, offers to remove each
capitalised word the scrubber could not decide about ("might be a name"),
and says what is not in it; only after the person ticks that they have read
it can they save the sealed file. The last step says what the way they send
it reveals: nothing about them when the scheme has a collector, their
identity to the coordinator when they e-mail it to the coordinator directly.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QMouseEvent
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
from mentorpair.feedback.names import undecided
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

# At most this many "might be a name" words are offered at once.
MAX_UNDECIDED = 12


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


class _ScaleWords(QLabel):
    """The words under one point of a scale: clicking them picks the point, as on a radio's text."""

    def __init__(self, text: str, button: QRadioButton, parent: QWidget) -> None:
        super().__init__(text, parent)
        self.button = button
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.setBuddy(button)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # QLabel.mousePressEvent
        """Pick this point, as a click on a radio button's text does."""
        self.button.setFocus(Qt.FocusReason.MouseFocusReason)
        self.button.click()
        event.accept()


class FeedbackDialog(QDialog):
    """Answer one period of a scheme, preview, confirm and save the sealed file.

    Attributes:
        stack: the three pages (form, preview, done).
        choices: question id → its button group (the id of "No answer" is -1).
        texts: question id → its free-text field.
        fact_boxes: fact key → the checkbox that adds it.
        preview: the read-only text of what will leave.
        saved_path: where the file went, once saved.
        removed_words: words the person chose to remove from the preview.
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
        self.removed_words: list[str] = []
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
                "answering at all. Names the app knows, e-mail addresses, phone and "
                "registration numbers and dates are taken out of what you write; the next "
                "step shows what is left, for you to check."
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
        # A scale reads left to right in one row, its words wrapped under each
        # point so five fit an 800 px window (in rows of three, "Agree" stood
        # under "Strongly disagree"); choices read best one under the other.
        scale = question.type is QuestionType.LIKERT
        options = QGridLayout(row)
        options.setContentsMargins(0, 0, 0, 0)
        for index, option in enumerate(question.options):
            button = QRadioButton("" if scale else option, row)
            button.setAccessibleName(f"{question.text} {option}")
            group.addButton(button, index)
            if scale:
                options.addWidget(button, 0, index, Qt.AlignmentFlag.AlignHCenter)
                options.addWidget(_ScaleWords(option, button, row), 1, index)
                options.setColumnStretch(index, 1)
            else:
                options.addWidget(button, index, 0)
        skip = QRadioButton(self.tr("No answer"), row)
        skip.setAccessibleName(self.tr("{0} No answer").format(question.text))
        skip.setChecked(True)
        group.addButton(skip, -1)
        options.addWidget(skip, options.rowCount(), 0, 1, len(question.options) if scale else 1)
        if not scale:
            options.setColumnStretch(1, 1)
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
                "the scheme see, for example, whether pairs who meet more find it more useful. "
                "The coordinator sees them beside your answers: if few pairs share them (say, "
                "the only pair together for over two years), they can point to you."
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
        self.undecided_box = QFrame(page)
        self.undecided_box.setObjectName("card")
        self.undecided_layout = QVBoxLayout(self.undecided_box)
        self.undecided_layout.setContentsMargins(14, 8, 14, 8)
        self.undecided_label = QLabel(
            self.tr(
                "These words might be names. The app cannot tell: remove any that could "
                "point to someone."
            ),
            self.undecided_box,
        )
        self.undecided_label.setWordWrap(True)
        self.undecided_label.setAccessibleName(self.tr("Words that might be names"))
        self.undecided_layout.addWidget(self.undecided_label)
        self.undecided_row = QGridLayout()
        self.undecided_layout.addLayout(self.undecided_row)
        self.undecided_buttons: list[QPushButton] = []
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
        layout.addWidget(self.undecided_box)
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
            self.response = self.feedback.prepare(
                self.scheme, self.period, self.answers(), chosen, self.removed_words
            )
        except KnownError as exc:
            QMessageBox.warning(self, self.tr("Could not prepare the feedback"), exc.message)
            return
        self.preview.setPlainText(preview_text(self.response, self.scheme))
        self._offer_undecided()
        self.confirm_box.setChecked(False)
        self.stack.setCurrentIndex(1)
        if self.undecided_buttons:
            self.undecided_buttons[0].setFocus()
        else:
            self.confirm_box.setFocus()

    def undecided_words(self) -> list[str]:
        """Capitalised words in the scrubbed text answers that might be names, once each."""
        if self.response is None:
            return []
        found: list[str] = []
        for value in self.response.answers.values():
            if isinstance(value, str):
                for start, end in undecided(value):
                    if value[start:end] not in found:
                        found.append(value[start:end])
        return found[:MAX_UNDECIDED]

    def _offer_undecided(self) -> None:
        for button in self.undecided_buttons:
            self.undecided_row.removeWidget(button)
            button.deleteLater()
        self.undecided_buttons = []
        words = self.undecided_words()
        self.undecided_box.setVisible(bool(words))
        for index, word in enumerate(words):
            button = QPushButton(self.tr("Remove “{0}”").format(word), self.undecided_box)
            button.setAccessibleName(self.tr("Might be a name: remove {0}").format(word))
            button.clicked.connect(lambda _=False, w=word: self.remove_word(w))
            self.undecided_row.addWidget(button, index // 4, index % 4)
            self.undecided_buttons.append(button)

    def remove_word(self, word: str) -> None:
        """Scrub ``word`` like a known name from every answer, then show the preview again.

        The person's own text stays as typed (going back shows it unchanged);
        the word is removed for this feedback only and kept nowhere.
        """
        if word not in self.removed_words:
            self.removed_words.append(word)
        self.show_preview()

    # ------------------------------------------------------------- saving
    def save(self) -> None:
        """Ask where to save, then seal and write the file; on trouble, say so plainly."""
        if self.response is None or not self.confirm_box.isChecked():
            return
        # The scheme's drop folder, when this computer can reach it; else the home folder.
        drop = Path(self.scheme.drop_folder) if self.scheme.drop_folder else None
        start = drop if drop is not None and drop.is_dir() else Path.home()
        suggested = str(start / random_file_name())
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
        self.done_text.setText(self.sending_advice(self.saved_path.name))
        self.stack.setCurrentIndex(2)
        self.close_button.setFocus()

    def sending_advice(self, file_name: str) -> str:
        """How to send the file, and exactly what that way of sending reveals."""
        collector = self.scheme.collector
        if collector is not None:
            return self.tr(
                "Saved as {0}.\n\nSend this file to {1}, the collector of {2}, any way you "
                "like: e-mail is fine. {1} can see that you sent a file but cannot read it. "
                "They pass files to the coordinator only in batches of at least {3} people, "
                "renamed and mixed, so the coordinator can read your answers but cannot tell "
                "they are yours. You cannot open the file again yourself. If you change your "
                "mind about an answer, send feedback again: only your newest file counts."
            ).format(file_name, collector.name, self.scheme.name, self.scheme.min_group)
        text = self.tr(
            "Saved as {0}.\n\nThis scheme has no collector, so how you send the file decides "
            "who knows it is yours. If you e-mail this file, the coordinator can see it came "
            "from you. The file itself does not say who sent it, and only the coordinator can "
            "open it; you cannot open it again yourself."
        ).format(file_name)
        if self.scheme.drop_folder:
            text += "\n\n" + self.tr(
                "The scheme names a shared folder for feedback: {0}. Putting the file there "
                "hides who sent it only from people who cannot see who saved files in that "
                "folder; ask the coordinator who can."
            ).format(self.scheme.drop_folder)
        return text

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
