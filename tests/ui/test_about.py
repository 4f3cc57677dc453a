"""The About dialog: version, licence, fingerprint and the bundled security page."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from mentorpair import __version__
from mentorpair.crypto.identity import fingerprint
from mentorpair.storage.vault import Vault
from tests.ui.conftest import NAME, PASSPHRASE, interactive_widgets
from tests.ui.test_accessibility import unnamed

from mentorpair.ui import about
from mentorpair.ui.about import AboutDialog

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def vault(tmp_path: Path):
    opened = Vault.create(tmp_path / "vault", PASSPHRASE, NAME)
    yield opened
    opened.close()


def make(qtbot: QtBot, vault: Vault | None) -> AboutDialog:
    dialog = AboutDialog(vault)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_version_and_licence_are_shown(qtbot):
    dialog = make(qtbot, None)
    assert __version__ in dialog.version_label.text()
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "GPL-3.0-or-later" in texts


def test_fingerprint_is_shown_when_unlocked(qtbot, vault):
    dialog = make(qtbot, vault)
    expected = fingerprint(vault.identity().public())
    assert dialog.fingerprint_label is not None
    assert dialog.fingerprint_label.text() == expected
    assert dialog.fingerprint_label.isVisible()


def test_no_fingerprint_while_locked(qtbot, vault):
    digits = fingerprint(vault.identity().public())
    dialog = make(qtbot, None)
    assert dialog.fingerprint_label is None and dialog.copy_button is None
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert not any(digits in text for text in texts)


def test_every_control_is_named(qtbot, vault):
    dialog = make(qtbot, vault)
    assert len(interactive_widgets(dialog)) >= 4  # licence, copy, security, close
    assert unnamed(dialog) == []


def test_licence_text_opens(qtbot):
    dialog = make(qtbot, None)
    dialog.licence_button.click()
    assert dialog.document is not None and dialog.document.isVisible()
    text = dialog.document.browser.toPlainText()
    assert "GNU GENERAL PUBLIC LICENSE" in text and "Version 3, 29 June 2007" in text


def test_security_page_opens_rendered(qtbot):
    dialog = make(qtbot, None)
    dialog.security_button.click()
    assert dialog.document is not None and dialog.document.isVisible()
    shown = dialog.document.browser.toPlainText()
    assert "Who we defend against" in shown
    assert "## Who we defend against" not in shown  # rendered, not raw Markdown


def test_copy_puts_the_fingerprint_on_the_clipboard_then_clears_it(qtbot, vault, monkeypatch):
    monkeypatch.setattr(about, "CLIPBOARD_CLEAR_MS", 50)
    dialog = make(qtbot, vault)
    assert dialog.copy_button is not None
    dialog.copy_button.click()
    clipboard = QGuiApplication.clipboard()
    assert clipboard.text() == fingerprint(vault.identity().public())
    qtbot.waitUntil(lambda: clipboard.text() == "", timeout=2000)


def test_copy_leaves_what_was_copied_since_alone(qtbot, vault, monkeypatch):
    monkeypatch.setattr(about, "CLIPBOARD_CLEAR_MS", 50)
    dialog = make(qtbot, vault)
    assert dialog.copy_button is not None
    dialog.copy_button.click()
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("something the person copied afterwards")
    qtbot.wait(200)
    assert clipboard.text() == "something the person copied afterwards"
    clipboard.clear()


@pytest.mark.parametrize("name", ["SECURITY.md", "LICENSE"])
def test_bundled_documents_equal_the_originals(name):
    original = ROOT / ("docs/SECURITY.md" if name == "SECURITY.md" else "LICENSE")
    assert (ROOT / "resources" / "docs" / name).read_bytes() == original.read_bytes()


def test_main_window_about_shows_the_dialog_and_a_lock_closes_it(
    make_window, existing_vault, qtbot
):
    vault = Vault.open(existing_vault, PASSPHRASE)
    digits = fingerprint(vault.identity().public())
    window = make_window(existing_vault, vault=vault)
    window.show_about()
    dialog = window.findChild(AboutDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.fingerprint == digits
    window.lock()
    # Closed and deleted with the rest of what the vault showed.
    qtbot.waitUntil(lambda: window.findChild(AboutDialog) is None)
