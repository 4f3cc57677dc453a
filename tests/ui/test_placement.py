"""Journey: a vault in a synced folder, or last opened on another computer (issue 15)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QLabel

from mentorpair.storage.placement import MACHINE_FILE, this_machine
from mentorpair.storage.vault import Vault
from tests.ui.conftest import NAME, PASSPHRASE, unlock

OTHER_COMPUTER = "0ther" * 6 + "00"


def mark(folder: Path, machine: str, seen: datetime) -> None:
    data = {"format": 1, "machine": machine, "seen": seen.isoformat()}
    (folder / MACHINE_FILE).write_text(json.dumps(data))


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def accessible(widget) -> tuple[str, str]:
    """What a screen reader gets: the name, and the description."""
    face = QAccessible.queryAccessibleInterface(widget)
    return face.text(QAccessible.Text.Name), face.text(QAccessible.Text.Description)


def test_a_vault_another_computer_just_used_is_not_opened_until_the_person_says_so(
    make_window, existing_vault, qtbot
):
    mark(existing_vault, OTHER_COMPUTER, datetime.now(UTC) - timedelta(hours=5))
    before = snapshot(existing_vault)
    window = make_window(existing_vault)
    page = window.unlock_page
    assert not page.take_over_button.isVisible()

    unlock(qtbot, window)
    text = page.message.text()
    assert text.startswith("This vault was open on another computer 5 hours ago,")
    assert "nothing was changed" in text and "“Use it on this computer”" in text
    assert accessible(page.message) == (text, "Unlock message")
    assert page.take_over_button.isVisible()
    assert window.vault is None
    assert snapshot(existing_vault) == before

    with qtbot.waitSignal(window.unlocked, timeout=10_000):
        page.take_over_button.click()
    assert window.workspace.home.greeting.text() == f"Hello, {NAME}"
    assert json.loads((existing_vault / MACHINE_FILE).read_bytes())["machine"] == this_machine()
    assert not page.take_over_button.isVisible()


def test_taking_over_still_needs_the_right_passphrase(make_window, existing_vault, qtbot):
    mark(existing_vault, OTHER_COMPUTER, datetime.now(UTC) - timedelta(days=3))
    before = snapshot(existing_vault)
    window = make_window(existing_vault)
    page = window.unlock_page
    unlock(qtbot, window, "not my passphrase at all")
    assert "3 days ago" in page.message.text()
    page.take_over_button.click()
    qtbot.waitUntil(lambda: not page.busy.isVisible(), timeout=10_000)
    assert page.message.text() == "That passphrase does not open this vault."
    assert not page.take_over_button.isVisible()
    assert window.vault is None
    assert snapshot(existing_vault) == before


def warning_text(box) -> str:
    return " ".join(label.text() for label in box.findChildren(QLabel))


def test_the_unlock_page_warns_about_a_vault_in_a_synced_folder(make_window, tmp_path, qtbot):
    synced = tmp_path / "Sync"
    (synced / ".stfolder").mkdir(parents=True)
    folder = synced / "notes" / "vault"
    Vault.create(folder, PASSPHRASE, NAME).close()
    window = make_window(folder)
    box = window.unlock_page.sync_warning
    assert box is not None and box.isVisible()
    text = warning_text(box)
    assert "Your vault is in a folder that Syncthing keeps in sync" in text
    assert str(synced) in text
    assert "one computer's notes are lost" in text
    assert accessible(box)[0] == "Sync warning"


def test_the_welcome_page_warns_before_a_vault_is_made_in_a_synced_folder(make_window, tmp_path):
    folder = tmp_path / "Dropbox (Work)" / "mentorpair"
    window = make_window(folder)
    box = window.welcome_page.sync_warning
    assert box is not None and box.isVisible()
    assert "Dropbox keeps in sync" in warning_text(box)


def test_no_warning_for_an_ordinary_folder(make_window, existing_vault, vault_folder):
    window = make_window(existing_vault)
    assert window.unlock_page.sync_warning is None
