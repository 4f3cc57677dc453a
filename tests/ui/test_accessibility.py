"""Every interactive widget has an accessible name, and the app works by keyboard."""

from __future__ import annotations

from mentorpair.storage.vault import Vault
from tests.ui.conftest import PASSPHRASE, interactive_widgets


def unnamed(root):
    return [
        f"{type(w).__name__} {w.objectName() or w.text() if hasattr(w, 'text') else ''}"
        for w in interactive_widgets(root)
        if not w.accessibleName()
    ]


def test_welcome_and_unlock_pages_are_named(make_window, vault_folder):
    window = make_window(vault_folder)
    assert interactive_widgets(window.welcome_page)
    assert unnamed(window.welcome_page) == []
    assert unnamed(window.unlock_page) == []


def test_workspace_and_preferences_are_named(make_window, existing_vault):
    window = make_window(existing_vault, vault=Vault.open(existing_vault, PASSPHRASE))
    assert unnamed(window) == []
    window.show_preferences()
    assert interactive_widgets(window._preferences)
    assert unnamed(window._preferences) == []


def test_every_menu_command_has_a_keyboard_route(make_window, existing_vault):
    window = make_window(existing_vault, vault=Vault.open(existing_vault, PASSPHRASE))
    for menu in window.menuBar().findChildren(type(window.tray_menu)):
        for action in menu.actions():
            if action.isSeparator():
                continue
            # Either a shortcut or an Alt+letter mnemonic in the menu text.
            assert action.shortcut().toString() or "&" in action.text(), action.text()
    assert window.lock_action.shortcut().toString() == "Ctrl+L"
