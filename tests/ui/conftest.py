"""Fixtures for UI tests: a settings object, a main window, and helpers to drive it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from mentorpair.storage.vault import Vault
from mentorpair.storage.workspace import Workspace

from mentorpair.ui import workers
from mentorpair.ui.main_window import MainWindow
from mentorpair.ui.pair.base import PairContext, PairTab, utc_now
from mentorpair.ui.settings import Settings

PASSPHRASE = "tangerine orbit velvet lantern 42"
NAME = "Dr Amara Okafor"


@pytest.fixture
def settings(qapp: QApplication) -> Settings:
    return Settings()


@pytest.fixture
def vault_folder(tmp_path: Path) -> Path:
    return tmp_path / "vault"


@pytest.fixture
def existing_vault(vault_folder: Path) -> Path:
    """A vault made beforehand (closed), as on any run after the first."""
    Vault.create(vault_folder, PASSPHRASE, NAME).close()
    return vault_folder


@pytest.fixture
def make_window(qtbot: QtBot, settings: Settings) -> Iterator[object]:
    windows: list[MainWindow] = []

    def make(folder: Path, vault: Vault | None = None, demo: bool = False) -> MainWindow:
        window = MainWindow(folder, settings, vault=vault, demo=demo)
        qtbot.addWidget(window)
        window.show()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()
    # No background task may outlive its test (it would call into a dead window).
    qtbot.waitUntil(lambda: workers.pending_count() == 0, timeout=10_000)


def unlock(qtbot: QtBot, window: MainWindow, passphrase: str = PASSPHRASE) -> None:
    """Type the passphrase and press Enter, then wait for the outcome."""
    page = window.unlock_page
    page.passphrase.edit.setText(passphrase)
    qtbot.keyClick(page.passphrase.edit, "\r")
    qtbot.waitUntil(
        lambda: not page.busy.isVisible() and workers.pending_count() == 0, timeout=10_000
    )


def interactive_widgets(root: QWidget) -> list[QWidget]:
    """Every widget a person can focus or click below ``root``."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QTabWidget,
        QTextEdit,
    )

    kinds = (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QTabWidget,
        QTextEdit,
    )
    from PySide6.QtWidgets import QTabBar

    found = [w for w in root.findChildren(QWidget) if isinstance(w, kinds)]
    # Qt's own parts (the line edit inside a spin box or combo box, a tab bar's
    # scroll arrows) are announced through the widget that owns them.
    owners = (QAbstractSpinBox, QComboBox, QTabBar)

    def owned(widget: QWidget) -> bool:
        parent = widget.parentWidget()
        while parent is not None and parent is not root:
            if isinstance(parent, owners):
                return True
            parent = parent.parentWidget()
        return False

    return [w for w in found if not w.objectName().startswith("qt_") and not owned(w)]


@pytest.fixture
def clock():
    """The workspace's clock; a test module pins it by defining its own ``clock``."""
    return utc_now


@pytest.fixture
def ws(tmp_path: Path, clock) -> Iterator[Workspace]:
    """A fresh vault's workspace, closed after the test."""
    vault = Vault.create(tmp_path / "v", PASSPHRASE, NAME)
    yield Workspace(vault, clock=clock)
    vault.close()


def show_tab(qtbot: QtBot, tab_class: type[PairTab], ws: Workspace, pair: str, now) -> PairTab:
    """A pair tab on screen, refreshing itself after each change as the pair view does."""
    tab = tab_class(PairContext(ws, pair, clock=lambda: now))
    qtbot.addWidget(tab)
    tab.changed.connect(tab.refresh)
    tab.resize(1000, 700)
    tab.show()
    qtbot.waitExposed(tab)
    return tab
