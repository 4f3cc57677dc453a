"""Promise: no name, passphrase or key in any file the app writes.

Canary strings go in through the real widgets (name, passphrase, a changed
name, a changed passphrase); afterwards every byte of every file under the
temporary home (vault folder, settings, logs) is scanned for them.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mentorpair.logs import setup_logging
from mentorpair.paths import log_folder
from tests.ui.conftest import unlock

from mentorpair.ui.settings import Settings

NAME_CANARY = "Canaryname Zqxjv"
NEW_NAME_CANARY = "Othercanary Wkpfy"
PASS_CANARY = "canarypass quokka zebu 9417"
NEW_PASS_CANARY = "canarypass wombat ibex 3382"
CANARIES = (
    NAME_CANARY,
    NEW_NAME_CANARY,
    PASS_CANARY,
    NEW_PASS_CANARY,
    "Canaryname",
    "Othercanary",
    "canarypass",
)


def encodings(text: str) -> list[bytes]:
    return [text.encode("utf-8"), text.encode("utf-16-le"), text.lower().encode("utf-8")]


def files_under(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()]


def test_no_canary_in_any_file_the_app_wrote(qtbot, make_window, tmp_path, isolated_home):
    setup_logging(level=logging.DEBUG)
    folder = tmp_path / "vault"
    window = make_window(folder)
    page = window.welcome_page
    page.name_edit.setText(NAME_CANARY)
    page.passphrase.edit.setText(PASS_CANARY)
    page.confirm.edit.setText(PASS_CANARY)
    with qtbot.waitSignal(window.unlocked, timeout=10_000):
        page.create_button.click()

    window.show_preferences()
    dialog = window._preferences
    dialog.current.edit.setText(PASS_CANARY)
    dialog.new.edit.setText(NEW_PASS_CANARY)
    dialog.confirm.edit.setText(NEW_PASS_CANARY)
    dialog.change_button.click()
    qtbot.waitUntil(lambda: "changed" in dialog.passphrase_message.text(), timeout=10_000)
    dialog.name_edit.setText(NEW_NAME_CANARY)
    dialog.buttons.accepted.emit()
    assert window.workspace.home.greeting.text() == f"Hello, {NEW_NAME_CANARY}"

    window.lock()
    unlock(qtbot, window, "a wrong canarypass guess")
    unlock(qtbot, window, NEW_PASS_CANARY)
    assert window.vault is not None
    window.close()
    logging.getLogger("mentorpair").handlers[-1].flush()

    settings_file = Path(Settings().file_name)
    logs = files_under(log_folder())
    assert settings_file.exists() and logs, "the test must scan real files"
    scanned = files_under(isolated_home) + files_under(folder)
    assert settings_file in scanned and logs[0] in scanned
    for path in scanned:
        data = path.read_bytes()
        for canary in CANARIES:
            for needle in encodings(canary):
                assert needle not in data, f"{canary!r} found in {path.name}"
