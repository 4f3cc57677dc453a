"""Every interactive widget has an accessible name, and the app works by keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt

from mentorpair.storage.vault import Vault
from tests.ui.conftest import PASSPHRASE, interactive_widgets

from mentorpair.ui import workers


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


def test_every_tab_of_a_full_pair_is_named_and_reachable(qtbot, settings):
    from mentorpair.demo import DemoSession

    from mentorpair.ui.main_window import MainWindow
    from mentorpair.ui.pair.base import PairTab

    with DemoSession() as session:
        window = MainWindow(
            session.vault_folder(session.side), settings, vault=session.vault, demo_session=session
        )
        qtbot.addWidget(window)
        window.show()
        view = window.workspace.pair_view
        assert view is not None
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        for number, name in enumerate(view.pages, start=1):
            # Ctrl+1 … Ctrl+8 reach every tab from the keyboard.
            view.tabs.setCurrentIndex(0)
            qtbot.keyClick(view.tabs, str(number), Qt.KeyboardModifier.ControlModifier)
            assert view.tabs.currentWidget() is view.pages[name], name
            assert interactive_widgets(view.pages[name]), name
            assert unnamed(view.pages[name]) == [], name
            # The base refresh does nothing: a tab must show its own state.
            assert type(view.pages[name]).refresh is not PairTab.refresh, name
        window.switch_demo_side()
        mentor_view = window.workspace.pair_view
        assert mentor_view is not None
        assert unnamed(mentor_view) == []
        window.close()


def test_feedback_tab_and_form_are_named(qtbot, ws, tmp_path):
    from datetime import UTC, datetime

    from mentorpair.crypto.hybrid import HybridKeyPair
    from mentorpair.domain.model import Role
    from mentorpair.feedback.scheme import new_scheme as make_scheme
    from mentorpair.feedback.scheme import parse_period_spec
    from tests.ui.conftest import show_tab

    from mentorpair.ui.feedback.tab import FeedbackTab

    now = datetime(2026, 9, 15, tzinfo=UTC)
    scheme = make_scheme(
        "Scheme",
        HybridKeyPair.generate().public_bytes(),
        [parse_period_spec("P:2026-07-01:2026-12-31")],
    )
    path = tmp_path / "s.mpscheme"
    path.write_text(scheme.to_json(), encoding="utf-8")
    tab = show_tab(qtbot, FeedbackTab, ws, ws.create_pair(Role.MENTEE, "Dr Helen Marsh"), now)
    assert isinstance(tab, FeedbackTab)
    tab.import_scheme(path)
    tab.feedback.add_never_send("Dr Ben Carter")
    tab.refresh()
    assert tab.banner.isVisible()
    assert unnamed(tab) == []
    dialog = tab.open_form(scheme)
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert interactive_widgets(dialog)
    assert unnamed(dialog) == []
    dialog.show_preview()
    assert unnamed(dialog) == []


def test_pairing_dialogs_and_the_partner_tab_are_named(qtbot, tmp_path, monkeypatch):
    from tests.ui.sync_support import (
        Files,
        export_by_hand,
        join_through_dialog,
        make_side,
        new_pair,
        pair_up,
    )

    from mentorpair.ui.sync import transfer
    from mentorpair.ui.sync.invite import InviteDialog

    files = Files(monkeypatch)
    alice = make_side(qtbot, tmp_path / "a", "Dr Alice Mentee")
    bob = make_side(qtbot, tmp_path / "b", "Dr Bashir Ahmed")
    try:
        pair = new_pair(alice, "Dr Bashir Ahmed")
        invite = InviteDialog(alice.sync.pairing.invite(pair), "Dr Bashir Ahmed")
        qtbot.addWidget(invite)
        assert interactive_widgets(invite) and unnamed(invite) == []
        join = join_through_dialog(qtbot, bob.sync, alice.sync.pairing.invite(pair))
        assert unnamed(join) == []  # every page at once: they are all children
        pair_up(qtbot, alice, bob, pair)
        for side in (alice, bob):
            assert unnamed(side.view) == []
        export_by_hand(qtbot, alice, files, tmp_path / "u.mpu")
        monkeypatch.setattr(transfer, "PROGRESS_FROM_BYTES", 1)
        bob.tab.transfer.import_file(tmp_path / "u.mpu")
        progress = bob.tab.transfer.progress
        assert progress is not None and unnamed(progress) == []
        qtbot.waitUntil(lambda: not bob.sync.busy(pair), timeout=10_000)
    finally:
        for side in (alice, bob):
            side.sync.stop()
        qtbot.waitUntil(lambda: workers.pending_count() == 0, timeout=10_000)
        for side in (alice, bob):
            side.vault.close()


def test_sync_commands_have_their_shortcuts(make_window, existing_vault):
    window = make_window(existing_vault, vault=Vault.open(existing_vault, PASSPHRASE))
    assert window.join_action.shortcut().toString() == "Ctrl+Shift+J"
    assert window.export_action.shortcut().toString() == "Ctrl+Shift+E"
    assert window.import_action.shortcut().toString() == "Ctrl+Shift+I"


def test_coordinator_window_is_named(make_window, vault_folder):
    window = make_window(vault_folder)  # no vault: the coordinator may not be a mentor
    window.show_coordinator()
    coordinator = window.coordinator_window
    assert coordinator is not None
    assert interactive_widgets(coordinator)
    assert unnamed(coordinator) == []
    coordinator.scheme_form.questions.add_question()
    coordinator.scheme_form.add_period()
    assert unnamed(coordinator.scheme_form) == []
