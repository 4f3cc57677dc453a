"""Journey: the very first run, from the welcome text to the main window."""

from __future__ import annotations

from mentorpair.storage.vault import Vault
from tests.ui.conftest import NAME, PASSPHRASE

from mentorpair.ui import workers


def fill(page, name=NAME, passphrase=PASSPHRASE, confirm=PASSPHRASE):
    page.name_edit.setText(name)
    page.passphrase.edit.setText(passphrase)
    page.confirm.edit.setText(confirm)


def test_first_run_explains_privacy_and_the_unrecoverable_passphrase(make_window, vault_folder):
    window = make_window(vault_folder)
    page = window.welcome_page
    assert window.stack.currentWidget() is page
    texts = " ".join(label.text() for label in page.findChildren(type(window.lock_state)))
    assert "What stays private" in texts
    assert "cannot be recovered" in texts
    assert window.lock_state.text() == "No vault yet"
    assert not window.lock_action.isEnabled()


def test_weak_or_mismatched_passphrase_cannot_create(make_window, vault_folder):
    page = make_window(vault_folder).welcome_page
    fill(page, passphrase="password123", confirm="password123")
    assert not page.create_button.isEnabled()
    assert "Strength" in page.meter.label.text()
    fill(page, confirm=PASSPHRASE + "x")
    assert not page.create_button.isEnabled()
    assert page.problem.text() == "The two passphrases are not the same."
    fill(page, name="   ")
    assert not page.create_button.isEnabled()
    assert not vault_folder.exists()


def test_create_vault_lands_in_main_window(qtbot, make_window, vault_folder):
    window = make_window(vault_folder)
    page = window.welcome_page
    fill(page)
    assert page.create_button.isEnabled()
    with qtbot.waitSignal(window.unlocked, timeout=10_000):
        qtbot.keyClick(page.confirm.edit, "\r")
    assert window.stack.currentWidget() is window.workspace
    assert window.workspace.home.greeting.text() == f"Hello, {NAME}"
    # The name is not in the title: task switchers and screen shares show it.
    assert NAME not in window.windowTitle()
    # The passphrase fields are emptied once used.
    assert page.passphrase.text() == "" and page.confirm.text() == ""
    assert (vault_folder / "vault.key").exists() and (vault_folder / "vault.db").exists()
    window.lock()
    with Vault.open(vault_folder, PASSPHRASE) as vault:
        assert vault.display_name() == NAME


def test_creation_shows_progress_and_blocks_double_submit(qtbot, make_window, vault_folder):
    window = make_window(vault_folder)
    page = window.welcome_page
    fill(page)
    page.create_button.click()
    assert page.busy.isVisible()
    assert not page.create_button.isEnabled()
    page.create_button.click()  # ignored while busy
    assert workers.pending_count() == 1
    qtbot.waitUntil(lambda: window.vault is not None, timeout=10_000)
    assert not page.busy.isVisible()
