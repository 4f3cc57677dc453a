"""The unlock screen: one passphrase field, plain errors, a growing wait."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mentorpair.domain.unlock import UnlockThrottle
from mentorpair.errors import KnownError, VaultUsedElsewhere, WrongPassphrase

from mentorpair.ui.announce import StatusLabel
from mentorpair.ui.placement import synced_folder_box, used_elsewhere_text
from mentorpair.ui.widgets import PassphraseField, buddy_label
from mentorpair.ui.workers import run_in_background

if TYPE_CHECKING:
    from mentorpair.storage.vault import Vault

__all__ = ["UnlockPage"]


def _open_vault(folder: Path, passphrase: str, take_over: bool) -> Vault:
    """Open the vault (runs off the UI thread)."""
    # Lazy: the vault code (SQLCipher, the crypto stack) is not needed to show the page.
    from mentorpair.storage.vault import Vault

    return Vault.open(folder, passphrase, take_over=take_over)


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
        self._placement_checked = False

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
        # Shown only after another computer's recent use stopped the open.
        self.take_over_button = QPushButton(self.tr("Use it on this &computer"), box)
        self.take_over_button.setAccessibleName(self.tr("Use it on this computer"))
        self.take_over_button.hide()
        self.sync_warning: QWidget | None = None

        inner = QVBoxLayout(box)
        self._inner = inner
        inner.setSpacing(12)
        inner.addWidget(heading)
        inner.addWidget(hint)
        inner.addWidget(self.demo_hint)
        inner.addWidget(buddy_label(self.tr("&Passphrase"), self.passphrase.edit))
        inner.addWidget(self.passphrase)
        inner.addWidget(self.message)
        inner.addWidget(self.busy)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.take_over_button)
        buttons.addWidget(self.unlock_button)
        inner.addLayout(buttons)
        # Centred by stretches, not by an alignment flag: an aligned widget gets its
        # plain size hint, and a long wrapped message would be cut off at the bottom.
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(box, 100)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

        self.passphrase.returnPressed.connect(self.try_unlock)
        self.unlock_button.clicked.connect(self.try_unlock)
        self.take_over_button.clicked.connect(lambda: self.try_unlock(take_over=True))

    def showEvent(self, event: object) -> None:  # QWidget.showEvent
        """Put the cursor in the passphrase field."""
        super().showEvent(event)  # type: ignore[arg-type]
        self.passphrase.setFocus()
        if not self._placement_checked:
            self._placement_checked = True
            self.sync_warning = synced_folder_box(self.vault_folder, self)
            if self.sync_warning is not None:
                self._inner.insertWidget(2, self.sync_warning)
                self.sync_warning.show()  # added to a page already on screen

    def show_demo_hint(self, passphrase: str) -> None:
        """In the demo, say the passphrase: the data is invented."""
        self.demo_hint.setText(
            self.tr("This is the demo vault. Its passphrase is “{0}”.").format(passphrase)
        )
        self.demo_hint.show()

    def reset(self) -> None:
        """Ready for a new unlock (after locking): empty field, no message."""
        self.passphrase.clear()
        self.take_over_button.hide()
        if not self._wait_left:
            self.message.clear()

    def try_unlock(self, take_over: bool = False) -> None:
        """Derive the key and open the vault off the UI thread.

        ``take_over``: the person said the vault moved to this computer for
        good, so another computer's recent use does not stop the open.
        """
        passphrase = self.passphrase.text()
        if self._wait_left or not self.unlock_button.isEnabled():
            return
        if not passphrase:
            self.message.setText(self.tr("Please enter your passphrase."))
            return
        self.message.clear()
        self.take_over_button.hide()
        self._set_busy(True)
        run_in_background(
            lambda: _open_vault(self.vault_folder, passphrase, take_over),
            self._on_opened,
            self._on_failed,
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
        if isinstance(exc, VaultUsedElsewhere):
            self.message.setText(used_elsewhere_text(exc.ago))
            self.take_over_button.show()
        else:
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
