"""Preferences: name, appearance, the lock timeout, the passphrase and the fingerprint."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mentorpair.crypto.identity import fingerprint
from mentorpair.domain.profile import MAX_DISPLAY_NAME, InvalidDisplayName, clean_display_name
from mentorpair.errors import KnownError
from mentorpair.storage.vault import Vault

from mentorpair.ui.announce import StatusLabel
from mentorpair.ui.settings import (
    IDLE_MAX,
    IDLE_MIN,
    NUDGE_MAX,
    REMINDER_MAX,
    LanguageChoice,
    Settings,
    ThemeChoice,
)
from mentorpair.ui.widgets import PassphraseField, StrengthMeter, buddy_label
from mentorpair.ui.workers import run_in_background

__all__ = ["PreferencesDialog"]


class PreferencesDialog(QDialog):
    """Edits settings (applied on OK) and changes the passphrase (applied at once).

    Signals:
        applied(): settings or the display name changed; the window refreshes.
        rekey_progress(int, int): pages re-encrypted so far and in all, sent
            from the passphrase change's worker thread.

    Attributes:
        partner_names: the partners' names, which a new passphrase must not lean on.
    """

    applied = Signal()
    rekey_progress = Signal(int, int)

    def __init__(
        self,
        vault: Vault,
        settings: Settings,
        parent: QWidget | None = None,
        partner_names: Sequence[str] = (),
    ) -> None:
        super().__init__(parent)
        self.vault = vault
        self.settings = settings
        self.partner_names = list(partner_names)
        self.setWindowTitle(self.tr("Preferences"))
        self.setMinimumWidth(520)
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Preferences sections"))
        self.tabs.addTab(self._general_tab(), self.tr("&General"))
        self.tabs.addTab(self._security_tab(), self.tr("&Security"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        for button in self.buttons.buttons():
            button.setAccessibleName(button.text().replace("&", ""))
        self.buttons.accepted.connect(self._apply)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.buttons)

    # ------------------------------------------------------------- general
    def _general_tab(self) -> QWidget:
        page = QWidget(self)
        self.name_edit = QLineEdit(self.vault.display_name(), page)
        self.name_edit.setAccessibleName(self.tr("Your name"))
        self.name_edit.setMaxLength(MAX_DISPLAY_NAME)
        self.name_problem = StatusLabel(self.tr("Problem"), page, alert=True)
        self.name_problem.setObjectName("error")
        self.theme_combo = QComboBox(page)
        self.theme_combo.setAccessibleName(self.tr("Theme"))
        for choice, label in (
            (ThemeChoice.SYSTEM, self.tr("Same as the system")),
            (ThemeChoice.LIGHT, self.tr("Light")),
            (ThemeChoice.DARK, self.tr("Dark")),
            (ThemeChoice.HIGH_CONTRAST, self.tr("High contrast")),
        ):
            self.theme_combo.addItem(label, choice.value)
        self.theme_combo.setCurrentIndex(self.theme_combo.findData(self.settings.theme.value))
        self.language_combo = QComboBox(page)
        self.language_combo.setAccessibleName(self.tr("Language"))
        for language, label in (
            (LanguageChoice.SYSTEM, self.tr("Same as the system")),
            # Each language is named in its own words, so anyone can find theirs.
            (LanguageChoice.ENGLISH, self.tr("English", "language name, keep in English")),
            (LanguageChoice.GERMAN, self.tr("Deutsch", "language name, keep in German")),
        ):
            self.language_combo.addItem(label, language.value)
        self.language_combo.setCurrentIndex(
            self.language_combo.findData(self.settings.language.value)
        )
        self.language_note = QLabel(
            self.tr("A new language applies when mentorpair next starts."), page
        )
        self.language_note.setObjectName("hint")
        self.language_note.setWordWrap(True)
        self.idle_spin = QSpinBox(page)
        self.idle_spin.setRange(IDLE_MIN, IDLE_MAX)
        self.idle_spin.setValue(self.settings.idle_minutes)
        self.idle_spin.setSuffix(self.tr(" minutes without use"))
        self.idle_spin.setAccessibleName(self.tr("Lock after"))
        self.reminder_spin = QSpinBox(page)
        self.reminder_spin.setRange(0, REMINDER_MAX)
        self.reminder_spin.setSingleStep(15)
        self.reminder_spin.setValue(self.settings.reminder_minutes)
        self.reminder_spin.setSuffix(self.tr(" minutes before"))
        self.reminder_spin.setSpecialValueText(self.tr("No reminder"))
        self.reminder_spin.setAccessibleName(self.tr("Meeting reminder"))
        self.nudge_spin = QSpinBox(page)
        self.nudge_spin.setRange(0, NUDGE_MAX)
        self.nudge_spin.setValue(self.settings.agenda_nudge_days)
        self.nudge_spin.setSuffix(self.tr(" days before the meeting"))
        self.nudge_spin.setSpecialValueText(self.tr("Never"))
        self.nudge_spin.setAccessibleName(self.tr("Agenda reminder"))
        form = QFormLayout(page)
        form.addRow(buddy_label(self.tr("Your &name"), self.name_edit), self.name_edit)
        form.addRow("", self.name_problem)
        form.addRow(buddy_label(self.tr("&Theme"), self.theme_combo), self.theme_combo)
        form.addRow(buddy_label(self.tr("Lang&uage"), self.language_combo), self.language_combo)
        form.addRow("", self.language_note)
        form.addRow(buddy_label(self.tr("&Lock after"), self.idle_spin), self.idle_spin)
        form.addRow(buddy_label(self.tr("&Remind me"), self.reminder_spin), self.reminder_spin)
        form.addRow(
            buddy_label(self.tr("Remind me to prepare my &agenda"), self.nudge_spin),
            self.nudge_spin,
        )
        return page

    def _apply(self) -> None:
        try:
            name = clean_display_name(self.name_edit.text())
        except InvalidDisplayName as exc:
            self.tabs.setCurrentIndex(0)
            self.name_problem.setText(str(exc))
            self.name_edit.setFocus()
            return
        try:
            if name != self.vault.display_name():
                self.vault.set_display_name(name)
        except KnownError as exc:
            self.name_problem.setText(exc.message)
            return
        self.settings.theme = ThemeChoice(self.theme_combo.currentData())
        self.settings.language = LanguageChoice(self.language_combo.currentData())
        self.settings.idle_minutes = self.idle_spin.value()
        self.settings.reminder_minutes = self.reminder_spin.value()
        self.settings.agenda_nudge_days = self.nudge_spin.value()
        self.settings.sync()
        self.applied.emit()
        self.accept()

    # ------------------------------------------------------------- security
    def _security_tab(self) -> QWidget:
        page = QWidget(self)
        identity_box = QGroupBox(self.tr("Your security fingerprint"), page)
        self.fingerprint_label = QLabel(fingerprint(self.vault.identity().public()), identity_box)
        self.fingerprint_label.setObjectName("fingerprint")
        self.fingerprint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint_label.setAccessibleName(self.tr("Security fingerprint"))
        explain = QLabel(
            self.tr(
                "These digits stand for your keys. When you pair with someone, each of you "
                "reads them to the other to be sure no one is in between."
            ),
            identity_box,
        )
        explain.setObjectName("hint")
        explain.setWordWrap(True)
        id_layout = QVBoxLayout(identity_box)
        id_layout.addWidget(self.fingerprint_label)
        id_layout.addWidget(explain)

        box = QGroupBox(self.tr("Change passphrase"), page)
        self.current = PassphraseField(self.tr("Current passphrase"), box)
        self.new = PassphraseField(self.tr("New passphrase"), box)
        self.meter = StrengthMeter(lambda: [self.vault.display_name(), *self.partner_names], box)
        self.confirm = PassphraseField(self.tr("Confirm new passphrase"), box)
        self.passphrase_message = StatusLabel(self.tr("Passphrase change message"), box, alert=True)
        self.passphrase_message.setWordWrap(True)
        self.change_busy = QProgressBar(box)
        self.change_busy.setRange(0, 0)
        self.change_busy.setFormat(self.tr("Changing passphrase… %p%"))
        self.change_busy.setAccessibleName(self.tr("Changing passphrase"))
        self.rekey_progress.connect(self._show_rekey_progress)
        self.change_busy.hide()
        self.change_button = QPushButton(self.tr("Change passphrase"), box)
        self.change_button.setAccessibleName(self.tr("Change passphrase"))
        self.change_button.setAutoDefault(False)
        form = QFormLayout(box)
        form.addRow(buddy_label(self.tr("C&urrent"), self.current.edit), self.current)
        form.addRow(buddy_label(self.tr("Ne&w"), self.new.edit), self.new)
        form.addRow("", self.meter)
        form.addRow(buddy_label(self.tr("Con&firm"), self.confirm.edit), self.confirm)
        form.addRow("", self.passphrase_message)
        form.addRow("", self.change_busy)
        form.addRow("", self.change_button)
        for field in (self.current, self.new, self.confirm):
            field.textChanged.connect(self._revalidate_passphrase)
        self.change_button.clicked.connect(self._change_passphrase)
        self._revalidate_passphrase()

        layout = QVBoxLayout(page)
        layout.addWidget(identity_box)
        layout.addWidget(box)
        layout.addStretch(1)
        return page

    def _revalidate_passphrase(self) -> None:
        strength = self.meter.update_for(self.new.text())
        mismatch = bool(self.confirm.text()) and self.confirm.text() != self.new.text()
        self._say(self.tr("The two new passphrases are not the same.") if mismatch else "", False)
        self.change_button.setEnabled(
            bool(self.current.text())
            and strength.acceptable
            and self.confirm.text() == self.new.text()
        )

    def _change_passphrase(self) -> None:
        current, new = self.current.text(), self.new.text()
        self._set_busy(True)
        self.change_busy.setRange(0, 0)  # until the first page count arrives
        # The database is copied under a new key page by page: a large vault
        # shows how far it got (the signal crosses to the UI thread by itself).
        report = self.rekey_progress.emit
        run_in_background(
            lambda: self.vault.change_passphrase(current, new, progress=report),
            self._on_changed,
            self._on_failed,
        )

    def _show_rekey_progress(self, done: int, total: int) -> None:
        """Slot for :attr:`rekey_progress`: pages re-encrypted so far."""
        if total > 0:
            self.change_busy.setRange(0, total)
            self.change_busy.setValue(min(done, total))

    def _on_changed(self, _result: object) -> None:
        self._set_busy(False)
        for field in (self.current, self.new, self.confirm):
            field.clear()
        self._say(self.tr("Your passphrase was changed. Use the new one from now on."), True)

    def _on_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if not isinstance(exc, KnownError):
            raise exc
        self._say(exc.message, False)
        self.current.setFocus()

    def _say(self, text: str, ok: bool) -> None:
        self.passphrase_message.setObjectName("ok" if ok else "error")
        self.passphrase_message.setStyleSheet("")  # re-polish for the new object name
        self.passphrase_message.setText(text)

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.current, self.new, self.confirm, self.change_button, self.buttons):
            widget.setEnabled(not busy)
        self.change_busy.setVisible(busy)
        if not busy:
            self.buttons.setEnabled(True)
            self._revalidate_passphrase()
