"""Start a pair on this computer: who the partner is, and which side you are on."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from mentorpair.domain.model import Role
from mentorpair.domain.profile import MAX_DISPLAY_NAME, InvalidDisplayName, clean_display_name

from mentorpair.ui.announce import StatusLabel
from mentorpair.ui.widgets import buddy_label

__all__ = ["NewPairDialog"]


class NewPairDialog(QDialog):
    """Asks for the partner's name and this person's role.

    Attributes:
        role: the chosen role once accepted.
        partner_name: the cleaned partner name once accepted.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New pair"))
        self.role = Role.MENTEE
        self.partner_name = ""
        intro = QLabel(
            self.tr(
                "A pair is one mentoring relationship. It starts on this computer; "
                "inviting your partner comes later, and nothing is shared until then."
            ),
            self,
        )
        intro.setWordWrap(True)
        intro.setObjectName("hint")
        self.mentee_radio = QRadioButton(self.tr("I am the &mentee"), self)
        self.mentee_radio.setAccessibleName(self.tr("I am the mentee"))
        self.mentor_radio = QRadioButton(self.tr("I am the men&tor"), self)
        self.mentor_radio.setAccessibleName(self.tr("I am the mentor"))
        self.mentee_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.mentee_radio)
        group.addButton(self.mentor_radio)
        self.name_edit = QLineEdit(self)
        self.name_edit.setMaxLength(MAX_DISPLAY_NAME)
        self.name_edit.setAccessibleName(self.tr("Partner's name"))
        self.name_edit.setPlaceholderText(self.tr("e.g. Dr Helen Marsh"))
        self.problem = StatusLabel(self.tr("Problem"), self, alert=True)
        self.problem.setObjectName("error")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Start pair"))
        ok.setAccessibleName(self.tr("Start pair"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("You are"), self.mentee_radio)
        form.addRow("", self.mentor_radio)
        form.addRow(buddy_label(self.tr("Your &partner"), self.name_edit), self.name_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.name_edit.setFocus()

    def accept(self) -> None:  # QDialog.accept
        """Validate the name before closing."""
        try:
            self.partner_name = clean_display_name(self.name_edit.text())
        except InvalidDisplayName as exc:
            self.problem.setText(
                self.tr("Please enter your partner's name.")
                if not self.name_edit.text().strip()
                else str(exc)
            )
            self.name_edit.setFocus()
            return
        self.role = Role.MENTOR if self.mentor_radio.isChecked() else Role.MENTEE
        super().accept()
