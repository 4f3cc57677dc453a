"""The unlock screen: one passphrase field, plain errors, a growing wait."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from mentorpair.domain.unlock import UnlockThrottle
from mentorpair.errors import KnownError, WrongPassphrase

from mentorpair.ui.announce import StatusLabel
from mentorpair.ui.widgets import PassphraseField, buddy_label
from mentorpair.ui.workers import run_in_background

if TYPE_CHECKING:
    from mentorpair.storage.vault import Vault

__all__ = ["UnlockPage"]


def _open_vault(folder: Path, passphrase: str) -> Vault:
    """Open the vault (runs off the UI thread)."""
    # Lazy: the vault code (SQLCipher, the crypto stack) is not needed to show the page.
    from mentorpair.storage.vault import Vault

    return Vault.open(folder, passphrase)


class UnlockPage(QWidget):
    """Opens the vault with the passphrase.

    Shows nothing from inside the vault (not even the person's name): until it
    is unlocked we know nothing about it.

    Signals:
        unlocked(object): the open :class:`Vault`.
    """

    unlocked = Signal(object)

    def __init__(self, vault_folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault_folder = vault_folder
        self.throttle = UnlockThrottle()
        self._wait_left = 0
        self._wait_timer = QTimer(self)
        self._wait_timer.setInterval(1000)
        self._wait_timer.timeout.connect(self._tick)

        box = QWidget(self)
        box.setMaximumWidth(460)
        heading = QLabel(self.tr("Mentorpair is locked"), box)
        heading.setObjectName("heading")
        hint = QLabel(self.tr("Enter your passphrase to open your vault."), box)
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        self.demo_hint = QLabel(box)
        self.demo_hint.setWordWrap(True)
        self.demo_hint.hide()
        self.passphrase = PassphraseField(self.tr("Passphrase"), box)
        self.message = StatusLabel(self.tr("Unlock message"), box, alert=True)
        self.message.setObjectName("error")
        self.message.setWordWrap(True)
        self.busy = QProgressBar(box)
        self.busy.setRange(0, 0)
        self.busy.setFormat(self.tr("Unlocking…"))
        self.busy.setAccessibleName(self.tr("Unlocking"))
        self.busy.hide()
        self.unlock_button = QPushButton(self.tr("Unlock"), box)
        self.unlock_button.setObjectName("primary")
        self.unlock_button.setAccessibleName(self.tr("Unlock"))
        self.unlock_button.setDefault(True)

        inner = QVBoxLayout(box)
        inner.setSpacing(12)
        inner.addWidget(heading)
        inner.addWidget(hint)
        inner.addWidget(self.demo_hint)
        inner.addWidget(buddy_label(self.tr("&Passphrase"), self.passphrase.edit))
        inner.addWidget(self.passphrase)
        inner.addWidget(self.message)
        inner.addWidget(self.busy)
        inner.addWidget(self.unlock_button, 0, Qt.AlignmentFlag.AlignRight)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)

        self.passphrase.returnPressed.connect(self.try_unlock)
        self.unlock_button.clicked.connect(self.try_unlock)

    def showEvent(self, event: object) -> None:  # QWidget.showEvent
        """Put the cursor in the passphrase field."""
        super().showEvent(event)  # type: ignore[arg-type]
        self.passphrase.setFocus()

    def show_demo_hint(self, passphrase: str) -> None:
        """In the demo, say the passphrase: the data is invented."""
        self.demo_hint.setText(
            self.tr("This is the demo vault. Its passphrase is “{0}”.").format(passphrase)
        )
        self.demo_hint.show()

    def reset(self) -> None:
        """Ready for a new unlock (after locking): empty field, no message."""
        self.passphrase.clear()
        if not self._wait_left:
            self.message.clear()

    def try_unlock(self) -> None:
        """Derive the key and open the vault off the UI thread."""
        passphrase = self.passphrase.text()
        if self._wait_left or not self.unlock_button.isEnabled():
            return
        if not passphrase:
            self.message.setText(self.tr("Please enter your passphrase."))
            return
        self.message.clear()
        self._set_busy(True)
        run_in_background(
            lambda: _open_vault(self.vault_folder, passphrase), self._on_opened, self._on_failed
        )

    def _on_opened(self, vault: Vault) -> None:
        self.throttle.reset()
        self._set_busy(False)
        self.passphrase.clear()
        self.unlocked.emit(vault)

    def _on_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if not isinstance(exc, KnownError):
            raise exc
        self.message.setText(exc.message)
        if isinstance(exc, WrongPassphrase):
            self.passphrase.edit.selectAll()
            wait = round(self.throttle.record_failure())
            if wait:
                self._wait_left = wait
                self._set_waiting()
                self._wait_timer.start()

    def _tick(self) -> None:
        self._wait_left -= 1
        if self._wait_left <= 0:
            self._wait_left = 0
            self._wait_timer.stop()
            self.message.setText(self.tr("You can try again now."))
            self.unlock_button.setEnabled(True)
            self.passphrase.setEnabled(True)
            self.passphrase.setFocus()
        else:
            self._set_waiting()

    def _set_waiting(self) -> None:
        self.unlock_button.setEnabled(False)
        self.passphrase.setEnabled(False)
        self.message.setText(
            self.tr(
                "That passphrase does not open this vault. Please wait {0} s before trying again."
            ).format(self._wait_left)
        )

    def _set_busy(self, busy: bool) -> None:
        self.passphrase.setEnabled(not busy)
        self.unlock_button.setEnabled(not busy)
        self.busy.setVisible(busy)
