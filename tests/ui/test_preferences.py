"""Preferences: lock timeout, theme, name, passphrase change, fingerprint."""

from __future__ import annotations

import re

from mentorpair.crypto.identity import fingerprint
from mentorpair.crypto.kdf import KdfParams
from mentorpair.domain.model import Role
from mentorpair.storage.vault import Vault
from mentorpair.storage.workspace import Workspace
from tests.ui.conftest import PASSPHRASE, unlock

from mentorpair.ui.settings import Settings, ThemeChoice

NEW_PASSPHRASE = "marble kettle horizon cobalt 17"


def open_preferences(make_window, folder):
    window = make_window(folder, vault=Vault.open(folder, PASSPHRASE))
    window.show_preferences()
    return window, window._preferences


def test_settings_apply_and_persist(make_window, existing_vault):
    window, dialog = open_preferences(make_window, existing_vault)
    dialog.idle_spin.setValue(12)
    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("dark"))
    dialog.name_edit.setText("  Dr   Amara  Okafor-Reid ")
    dialog.buttons.accepted.emit()
    assert window.idle_lock.interval_ms == 12 * 60_000
    assert "12 min" in window.lock_state.text()
    assert window.workspace.home.greeting.text() == "Hello, Dr Amara Okafor-Reid"
    fresh = Settings()
    assert fresh.idle_minutes == 12
    assert fresh.theme is ThemeChoice.DARK


def test_empty_name_is_refused_with_reason(make_window, existing_vault):
    _window, dialog = open_preferences(make_window, existing_vault)
    dialog.name_edit.setText("   ")
    dialog.buttons.accepted.emit()
    assert dialog.isVisible()
    assert "name" in dialog.name_problem.text()


def test_fingerprint_is_shown(make_window, existing_vault):
    window, dialog = open_preferences(make_window, existing_vault)
    shown = dialog.fingerprint_label.text()
    assert re.fullmatch(r"(\d{5} ){5}\d{5}", shown)
    assert shown == fingerprint(window.vault.identity().public())


def test_change_passphrase(make_window, existing_vault, qtbot):
    window, dialog = open_preferences(make_window, existing_vault)
    db_before = (existing_vault / "vault.db").read_bytes()
    dialog.current.edit.setText(PASSPHRASE)
    dialog.new.edit.setText(NEW_PASSPHRASE)
    dialog.confirm.edit.setText(NEW_PASSPHRASE)
    assert dialog.change_button.isEnabled()
    dialog.change_button.click()
    qtbot.waitUntil(lambda: "changed" in dialog.passphrase_message.text(), timeout=10_000)
    assert dialog.current.text() == ""
    window.lock()
    unlock(qtbot, window, PASSPHRASE)
    assert window.unlock_page.message.text() == "That passphrase does not open this vault."
    unlock(qtbot, window, NEW_PASSPHRASE)
    assert window.vault is not None
    # The vault key rotated (issue 14): the database was re-encrypted, not just re-wrapped.
    assert (existing_vault / "vault.db").read_bytes()[:16] != db_before[:16]


def test_wrong_current_passphrase_changes_nothing(make_window, existing_vault, qtbot):
    _window, dialog = open_preferences(make_window, existing_vault)
    key_before = (existing_vault / "vault.key").read_bytes()
    dialog.current.edit.setText("not the passphrase")
    dialog.new.edit.setText(NEW_PASSPHRASE)
    dialog.confirm.edit.setText(NEW_PASSPHRASE)
    dialog.change_button.click()
    qtbot.waitUntil(lambda: dialog.passphrase_message.text() != "", timeout=10_000)
    assert dialog.passphrase_message.text() == "That passphrase does not open this vault."
    assert (existing_vault / "vault.key").read_bytes() == key_before


def test_weak_new_passphrase_is_not_offered(make_window, existing_vault):
    _window, dialog = open_preferences(make_window, existing_vault)
    dialog.current.edit.setText(PASSPHRASE)
    dialog.new.edit.setText("letmein")
    dialog.confirm.edit.setText("letmein")
    assert not dialog.change_button.isEnabled()


def test_a_score_3_new_passphrase_is_not_offered_and_the_advice_says_why(
    make_window, existing_vault
):
    _window, dialog = open_preferences(make_window, existing_vault)
    dialog.current.edit.setText(PASSPHRASE)
    dialog.new.edit.setText("weather glacier")  # zxcvbn: 3, about 4 x 10^8 guesses
    dialog.confirm.edit.setText("weather glacier")
    assert dialog.meter.strength.score == 3
    assert not dialog.change_button.isEnabled()
    assert "words so far: 2" in dialog.meter.label.text()
    dialog.new.edit.setText("weather glacier pickle")
    dialog.confirm.edit.setText("weather glacier pickle")
    assert dialog.change_button.isEnabled()


def test_a_new_passphrase_built_on_the_partners_name_is_refused(make_window, existing_vault):
    with Vault.open(existing_vault, PASSPHRASE) as vault:
        Workspace(vault).create_pair(Role.MENTEE, "Dr Ottoline Brackenbury")
    _window, dialog = open_preferences(make_window, existing_vault)
    assert dialog.partner_names == ["Dr Ottoline Brackenbury"]
    phrase = "ottoline brackenbury garden river"
    dialog.current.edit.setText(PASSPHRASE)
    dialog.new.edit.setText(phrase)
    dialog.confirm.edit.setText(phrase)
    assert not dialog.change_button.isEnabled()
    assert "your partner's" in dialog.meter.label.text()


def test_an_existing_weak_vault_still_opens_and_gets_the_new_floor_on_change(
    make_window, vault_folder, qtbot
):
    # As an earlier build could make one: a score-3 passphrase and one pass at 256 MiB.
    old = "bicycle thunder"
    one_pass = KdfParams(memory_kib=256 * 1024, iterations=1, lanes=4, salt=bytes(range(16)))
    Vault.create(vault_folder, old, "Dr Amara Okafor", params=lambda: one_pass).close()
    window = make_window(vault_folder)
    unlock(qtbot, window, old)  # unlocking never judges strength
    assert window.vault is not None
    assert window.vault.kdf_params.iterations == 1
    window.show_preferences()
    dialog = window._preferences
    dialog.current.edit.setText(old)
    dialog.new.edit.setText(NEW_PASSPHRASE)
    dialog.confirm.edit.setText(NEW_PASSPHRASE)
    dialog.change_button.click()
    qtbot.waitUntil(lambda: "changed" in dialog.passphrase_message.text(), timeout=10_000)
    assert window.vault.kdf_params.iterations >= 3


def test_changing_the_passphrase_shows_how_far_the_re_encryption_got(
    make_window, existing_vault, qtbot
):
    _window, dialog = open_preferences(make_window, existing_vault)
    seen: list[tuple[int, int]] = []
    dialog.rekey_progress.connect(lambda done, total: seen.append((done, total)))
    dialog.current.edit.setText(PASSPHRASE)
    dialog.new.edit.setText(NEW_PASSPHRASE)
    dialog.confirm.edit.setText(NEW_PASSPHRASE)
    dialog.change_button.click()
    qtbot.waitUntil(lambda: "changed" in dialog.passphrase_message.text(), timeout=20_000)
    assert seen and seen[-1][0] == seen[-1][1] > 0  # pages copied, up to all of them
    assert dialog.change_busy.maximum() == seen[-1][1]
    assert not dialog.change_busy.isVisible()
