"""First run: what stays private, the lost-passphrase warning, name and passphrase."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mentorpair.domain.profile import MAX_DISPLAY_NAME, InvalidDisplayName, clean_display_name
from mentorpair.errors import KnownError

from mentorpair.ui.announce import StatusLabel
from mentorpair.ui.placement import synced_folder_box
from mentorpair.ui.widgets import PassphraseField, StrengthMeter, buddy_label, warning_box
from mentorpair.ui.workers import run_in_background

if TYPE_CHECKING:
    from mentorpair.storage.vault import Vault

__all__ = ["WelcomePage"]


def _create_vault(folder: Path, passphrase: str, name: str) -> Vault:
    """Create the vault (runs off the UI thread)."""
    # Lazy: the vault code (SQLCipher, the crypto stack) is not needed to show the page.
    from mentorpair.storage.vault import Vault

    return Vault.create(folder, passphrase, name)


class WelcomePage(QScrollArea):
    """Creates the vault.

    Signals:
        created(object): the new, open :class:`Vault`.
        link_requested(): the person already uses mentorpair elsewhere and links this computer.
    """

    created = Signal(object)
    link_requested = Signal()

    def __init__(self, vault_folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault_folder = vault_folder
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        inner = QWidget(self)
        inner.setMaximumWidth(640)
        self.setWidget(inner)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter)

        heading = QLabel(self.tr("Welcome to Mentorpair"), inner)
        heading.setObjectName("heading")
        intro = QLabel(
            self.tr(
                "A private place for you and your mentoring partner: your notes, the "
                "agenda for your next meeting, and the goals you are working on."
            ),
            inner,
        )
        intro.setWordWrap(True)
        private = QLabel(
            self.tr(
                "<p><b>What stays private</b></p><ul>"
                "<li>Everything is kept in an encrypted vault on this computer, locked "
                "with a passphrase that only you know.</li>"
                "<li>What you share with your partner is encrypted so that only the two "
                "of you can read it: not your scheme, not IT, not us.</li>"
                "<li>Your private notes never leave your own computers.</li>"
                "<li>Feedback to your mentoring scheme is anonymous, and you see exactly "
                "what is sent before it goes.</li></ul>"
            ),
            inner,
        )
        private.setWordWrap(True)
        private.setTextFormat(Qt.TextFormat.RichText)
        warning = warning_box(
            self.tr(
                "<b>A lost passphrase cannot be recovered.</b> Nobody, not even the makers "
                "of Mentorpair, can open your vault without it. Write it down and keep it "
                "somewhere safe."
            ),
            inner,
        )

        self.name_edit = QLineEdit(inner)
        self.name_edit.setAccessibleName(self.tr("Your name"))
        self.name_edit.setPlaceholderText(self.tr("e.g. Dr Sam Patel"))
        self.name_edit.setMaxLength(MAX_DISPLAY_NAME)
        name_hint = QLabel(self.tr("As your mentoring partner will see it."), inner)
        name_hint.setObjectName("hint")
        self.passphrase = PassphraseField(self.tr("Passphrase"), inner)
        self.meter = StrengthMeter(lambda: [self.name_edit.text()], inner)
        self.confirm = PassphraseField(self.tr("Confirm passphrase"), inner)
        self.problem = StatusLabel(self.tr("Problem"), inner, alert=True)
        self.problem.setObjectName("error")
        self.problem.setWordWrap(True)
        already = self.tr(
            "Already using mentorpair on another computer? Link this one to it instead, "
            "and your pairs and notes come along."
        )
        self.link_button = QPushButton(
            self.tr("I &already use mentorpair on another computer"), inner
        )
        self.link_button.setAccessibleName(self.tr("I already use mentorpair on another computer"))
        self.link_button.setAccessibleDescription(already)
        self.link_button.setToolTip(already)
        self.link_button.clicked.connect(self.link_requested)
        self.create_button = QPushButton(self.tr("Create my vault"), inner)
        self.create_button.setObjectName("primary")
        self.create_button.setAccessibleName(self.tr("Create my vault"))
        self.create_button.setDefault(True)
        self.busy = QProgressBar(inner)
        self.busy.setRange(0, 0)
        self.busy.setAccessibleName(self.tr("Creating your vault"))
        self.busy.setFormat(self.tr("Creating your vault…"))
        self.busy.setTextVisible(True)
        self.busy.hide()
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(buddy_label(self.tr("Your &name"), self.name_edit), self.name_edit)
        form.addRow("", name_hint)
        form.addRow(buddy_label(self.tr("&Passphrase"), self.passphrase.edit), self.passphrase)
        form.addRow("", self.meter)
        form.addRow(buddy_label(self.tr("Con&firm"), self.confirm.edit), self.confirm)

        self.sync_warning: QWidget | None = None
        self._placement_checked = False
        layout = QVBoxLayout(inner)
        self._layout = layout
        layout.setContentsMargins(32, 20, 32, 20)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(private)
        layout.addWidget(warning)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.busy)
        # Both ways in on one row, visible at 800×600 without scrolling; one
        # above the other where the words do not fit side by side (German).
        self._buttons = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._buttons.addWidget(self.link_button, 0, Qt.AlignmentFlag.AlignLeft)
        self._buttons.addStretch(1)
        self._buttons.addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addLayout(self._buttons)
        layout.addStretch(1)

        self.name_edit.textChanged.connect(self._revalidate)
        self.passphrase.textChanged.connect(self._revalidate)
        self.confirm.textChanged.connect(self._revalidate)
        self.confirm.returnPressed.connect(self._create)
        self.create_button.clicked.connect(self._create)
        self._revalidate()

    def resizeEvent(self, event: QResizeEvent) -> None:  # QWidget.resizeEvent
        """Put the two buttons one above the other when they do not fit side by side."""
        super().resizeEvent(event)
        margins = self._layout.contentsMargins()
        inner = self.widget()
        width = self.viewport().width()
        if inner is not None:
            width = min(width, inner.maximumWidth())
        room = width - margins.left() - margins.right()
        wanted = (
            self.link_button.sizeHint().width()
            + self.create_button.sizeHint().width()
            + self._buttons.spacing()
            + 24
        )
        direction = (
            QBoxLayout.Direction.LeftToRight if wanted <= room else QBoxLayout.Direction.BottomToTop
        )
        if self._buttons.direction() != direction:
            self._buttons.setDirection(direction)

    def showEvent(self, event: object) -> None:  # QWidget.showEvent
        """Put the cursor in the first field; warn once if the folder is synced."""
        super().showEvent(event)  # type: ignore[arg-type]
        self.name_edit.setFocus()
        if not self._placement_checked:
            self._placement_checked = True
            self.sync_warning = synced_folder_box(self.vault_folder, self.widget())
            if self.sync_warning is not None:
                # Below the passphrase warning, above the form.
                self._layout.insertWidget(4, self.sync_warning)
                self.sync_warning.show()  # added to a page already on screen

    def _problem(self) -> str:
        try:
            clean_display_name(self.name_edit.text())
        except InvalidDisplayName as exc:
            return str(exc) if self.name_edit.text() else ""
        strength = self.meter.update_for(self.passphrase.text())
        if not strength.acceptable:
            return ""
        if self.confirm.text() and self.confirm.text() != self.passphrase.text():
            return self.tr("The two passphrases are not the same.")
        return ""

    def _revalidate(self) -> None:
        problem = self._problem()
        self.problem.setText(problem)
        ready = (
            not problem
            and self.meter.strength.acceptable
            and self.confirm.text() == self.passphrase.text()
            and bool(self.name_edit.text().strip())
        )
        self.create_button.setEnabled(ready)

    def _create(self) -> None:
        if not self.create_button.isEnabled():
            return
        name, passphrase = self.name_edit.text(), self.passphrase.text()
        self._set_busy(True)
        run_in_background(
            lambda: _create_vault(self.vault_folder, passphrase, name),
            self._on_created,
            self._on_failed,
        )

    def _on_created(self, vault: Vault) -> None:
        self.passphrase.clear()
        self.confirm.clear()
        self._set_busy(False)
        self.created.emit(vault)

    def _on_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if not isinstance(exc, KnownError):
            raise exc
        self.problem.setText(exc.message)

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.name_edit, self.passphrase, self.confirm, self.create_button):
            widget.setEnabled(not busy)
        self.busy.setVisible(busy)
        if not busy:
            self._revalidate()
