"""The pair's Feedback tab: the scheme it answers to, the invitation, and the never-send names.

Feedback is voluntary. When an imported scheme's period is open and this
person has not answered, a banner invites them, and they can dismiss it for
good; answering stays possible from the scheme card whenever a period is open.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mentorpair.errors import KnownError
from mentorpair.feedback.pairside import Invitation, PairFeedback
from mentorpair.feedback.scheme import Scheme

from mentorpair.ui.announce import StatusLabel
from mentorpair.ui.feedback.form import FeedbackDialog
from mentorpair.ui.feedback.preview import thresholds_text
from mentorpair.ui.pair.base import PairContext, PairTab, scrolling_column
from mentorpair.ui.wording import format_date

__all__ = ["FeedbackTab"]


def _label(parent: QWidget, name: str = "", wrap: bool = True) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)  # scheme names come from a file
    label.setWordWrap(wrap)
    if name:
        label.setObjectName(name)
    return label


def _status(parent: QWidget, purpose: str) -> StatusLabel:
    """A line whose words change: a screen reader hears them, and each change."""
    label = StatusLabel(purpose, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)  # scheme names come from a file
    label.setWordWrap(True)
    return label


class FeedbackTab(PairTab):
    """Import a scheme, answer its open period, and keep names out of feedback.

    Attributes:
        feedback: the vault side of this pair's feedback.
        banner: the invitation, shown while a period is open and unanswered.
        scheme_box: picks the scheme when the pair has imported more than one.
        answer_button: opens the form for the open period.
        never_list, never_edit: the never-send names and the field to add one.
    """

    def __init__(self, context: PairContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.feedback = PairFeedback(context.workspace, context.pair_id, clock=context.clock)
        self._schemes: list[Scheme] = []
        content, column = scrolling_column(self)
        column.addWidget(self._build_banner(content))
        column.addWidget(self._build_scheme_card(content))
        column.addWidget(self._build_never_send(content))
        column.addStretch(1)
        # Filled when first shown (PairTab.showEvent), not while the pair opens.

    # ------------------------------------------------------------- building
    def _build_banner(self, parent: QWidget) -> QFrame:
        self.banner = QFrame(parent)
        self.banner.setObjectName("warningBox")
        layout = QHBoxLayout(self.banner)
        layout.setContentsMargins(12, 10, 12, 10)
        self.banner_text = _status(self.banner, self.tr("Invitation to give feedback"))
        self.banner_answer = QPushButton(self.tr("&Answer now…"), self.banner)
        self.banner_answer.setAccessibleName(self.tr("Answer the scheme's questions now"))
        self.banner_answer.clicked.connect(self._answer_invitation)
        self.banner_dismiss = QPushButton(self.tr("&Not this time"), self.banner)
        self.banner_dismiss.setAccessibleName(self.tr("Dismiss the invitation"))
        self.banner_dismiss.clicked.connect(self._dismiss_invitation)
        layout.addWidget(self.banner_text, 1)
        layout.addWidget(self.banner_answer)
        layout.addWidget(self.banner_dismiss)
        return self.banner

    def _build_scheme_card(self, parent: QWidget) -> QFrame:
        card = QFrame(parent)
        card.setObjectName("card")
        layout = QVBoxLayout(card)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(6)
        title = _label(card, "subheading")
        title.setText(self.tr("Feedback to your mentoring scheme"))
        self.scheme_box = QComboBox(card)
        self.scheme_box.setAccessibleName(self.tr("Scheme"))
        self.scheme_box.currentIndexChanged.connect(lambda _index: self._show_scheme())
        self.scheme_name = _label(card, "subheading")
        self.scheme_details = _status(card, self.tr("About this scheme"))
        self.scheme_status = _label(card, "hint")
        self.answer_button = QPushButton(self.tr("Answer the &questions…"), card)
        self.answer_button.setObjectName("primary")
        self.answer_button.setAccessibleName(self.tr("Answer the scheme's questions"))
        self.answer_button.clicked.connect(self._answer_current)
        self.import_button = QPushButton(self.tr("&Import a scheme file…"), card)
        self.import_button.setAccessibleName(self.tr("Import a scheme file"))
        self.import_button.clicked.connect(self.choose_scheme_file)
        buttons = QHBoxLayout()
        buttons.addWidget(self.answer_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        for widget in (title, self.scheme_box, self.scheme_name, self.scheme_details):
            layout.addWidget(widget)
        layout.addWidget(self.scheme_status)
        layout.addLayout(buttons)
        return card

    def _build_never_send(self, parent: QWidget) -> QFrame:
        card = QFrame(parent)
        card.setObjectName("card")
        layout = QVBoxLayout(card)
        layout.setContentsMargins(18, 14, 18, 14)
        title = _label(card, "subheading")
        title.setText(self.tr("Names never to send"))
        hint = _label(card, "hint")
        hint.setText(
            self.tr(
                "Your name and your partner's are always taken out of what you write. Add "
                "anyone else who might come up: colleagues, patients, places. This list is "
                "used for every pair."
            )
        )
        self.never_list = QListWidget(card)
        self.never_list.setAccessibleName(self.tr("Names never to send"))
        self.never_list.setMaximumHeight(96)
        self.never_edit = QLineEdit(card)
        self.never_edit.setAccessibleName(self.tr("Name to add"))
        self.never_edit.setPlaceholderText(self.tr("A name, e.g. Dr Helen Marsh"))
        self.never_edit.setMaxLength(80)
        self.never_edit.returnPressed.connect(self.add_name)
        self.never_add = QPushButton(self.tr("A&dd"), card)
        self.never_add.setAccessibleName(self.tr("Add the name"))
        self.never_add.clicked.connect(self.add_name)
        self.never_remove = QPushButton(self.tr("&Remove"), card)
        self.never_remove.setAccessibleName(self.tr("Remove the selected name"))
        self.never_remove.clicked.connect(self.remove_name)
        row = QHBoxLayout()
        row.addWidget(self.never_edit, 1)
        row.addWidget(self.never_add)
        row.addWidget(self.never_remove)
        for widget in (title, hint, self.never_list):
            layout.addWidget(widget)
        layout.addLayout(row)
        return card

    # ------------------------------------------------------------- showing
    def refresh(self) -> None:
        """Re-read schemes, invitations and names from the vault."""
        if self.context.workspace.vault.closed:
            return
        current = self.current_scheme()
        self._schemes = self.feedback.schemes()
        self.scheme_box.blockSignals(True)
        self.scheme_box.clear()
        for scheme in self._schemes:
            self.scheme_box.addItem(scheme.name, scheme.scheme_id)
        if current is not None:
            index = self.scheme_box.findData(current.scheme_id)
            self.scheme_box.setCurrentIndex(max(index, 0))
        self.scheme_box.blockSignals(False)
        self.scheme_box.setVisible(len(self._schemes) > 1)
        self._show_scheme()
        self._show_banner()
        self.never_list.clear()
        self.never_list.addItems(self.feedback.never_send())
        self.never_remove.setEnabled(self.never_list.count() > 0)

    def current_scheme(self) -> Scheme | None:
        """The scheme shown in the card."""
        index = self.scheme_box.currentIndex()
        return self._schemes[index] if 0 <= index < len(self._schemes) else None

    def _show_scheme(self) -> None:
        scheme = self.current_scheme()
        if scheme is None:
            self.scheme_name.setText(self.tr("No scheme yet"))
            self.scheme_details.setText(
                self.tr(
                    "If your scheme's coordinator sent you a scheme file (ending in "
                    ".mpscheme), import it here. You will then be invited to answer a few "
                    "questions when the scheme collects feedback. Answering is voluntary."
                )
            )
            self.scheme_status.setText("")
            self.answer_button.setVisible(False)
            return
        today = self.context.clock().astimezone().date()
        period = scheme.open_period(today)
        periods = "; ".join(p.label for p in scheme.periods)
        self.scheme_name.setText(scheme.name)
        details = self.tr(
            "Coordinator's key code: {0}. If in doubt, ask the coordinator to read it to "
            "you.\nPeriods: {1}.\n{2}"
        ).format(scheme.key_code(), periods, thresholds_text(scheme))
        if scheme.collector is not None:
            details += "\n" + self.tr(
                "Feedback goes to {0}, who passes it to the coordinator only in batches."
            ).format(scheme.collector.name)
        else:
            details += "\n" + self.tr(
                "This scheme has no collector: if you e-mail your feedback file to the "
                "coordinator, they can see it came from you."
            )
        self.scheme_details.setText(details)
        if period is None:
            self.scheme_status.setText(self.tr("The scheme is not collecting feedback today."))
        else:
            sent = self.feedback.sent(scheme.scheme_id, period.period_id)
            if sent is None:
                status = self.tr("Open for answers until {0}. You have not answered yet.").format(
                    format_date(period.closes)
                )
            else:
                status = self.tr(
                    "Open until {0}. You saved feedback on {1}; you may send it again, and "
                    "only your newest counts."
                ).format(format_date(period.closes), format_date(sent.sent_on))
            self.scheme_status.setText(status)
        self.answer_button.setVisible(period is not None)

    def _invitation(self) -> Invitation | None:
        invitations = self.feedback.invitations()
        return invitations[0] if invitations else None

    def _show_banner(self) -> None:
        invitation = self._invitation()
        self.banner.setVisible(invitation is not None)
        if invitation is not None:
            self.banner_text.setText(
                self.tr(
                    "{0} asks for feedback until {1}. It takes a few minutes, and it's voluntary."
                ).format(invitation.scheme.name, format_date(invitation.period.closes))
            )

    # ------------------------------------------------------------- actions
    def choose_scheme_file(self) -> None:
        """Ask for a scheme file and import it."""
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import a scheme file"),
            str(Path.home()),
            self.tr("Scheme files (*.mpscheme)"),
        )
        if path:
            self.import_scheme(Path(path))

    def import_scheme(self, path: Path) -> Scheme | None:
        """Import one scheme file; a problem is shown in plain words."""
        try:
            scheme = self.feedback.import_scheme(path)
        except KnownError as exc:
            QMessageBox.warning(self, self.tr("Not imported"), exc.message)
            return None
        self.refresh()
        self.scheme_box.setCurrentIndex(max(self.scheme_box.findData(scheme.scheme_id), 0))
        return scheme

    def open_form(self, scheme: Scheme) -> FeedbackDialog | None:
        """The form for the scheme's open period (None when no period is open)."""
        period = scheme.open_period(self.context.clock().astimezone().date())
        if period is None:
            return None
        dialog = FeedbackDialog(self.feedback, scheme, period, self)
        dialog.finished.connect(lambda _result: self.refresh())
        dialog.open()
        return dialog

    def _answer_current(self) -> None:
        scheme = self.current_scheme()
        if scheme is not None:
            self.open_form(scheme)

    def _answer_invitation(self) -> None:
        invitation = self._invitation()
        if invitation is not None:
            self.open_form(invitation.scheme)

    def _dismiss_invitation(self) -> None:
        invitation = self._invitation()
        if invitation is not None:
            self.feedback.dismiss(invitation.scheme.scheme_id, invitation.period.period_id)
        self.refresh()

    def add_name(self) -> None:
        """Add the typed name to the never-send list."""
        name = self.never_edit.text()
        if not name.strip():
            return
        try:
            self.feedback.add_never_send(name)
        except KnownError as exc:
            QMessageBox.warning(self, self.tr("Not added"), exc.message)
            return
        self.never_edit.clear()
        self.refresh()

    def remove_name(self) -> None:
        """Take the selected name off the never-send list."""
        item = self.never_list.currentItem()
        if item is not None:
            self.feedback.remove_never_send(item.text())
            self.refresh()
