"""Locking: Ctrl+L, the tray menu and the idle timer close the vault and drop keys."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from mentorpair.storage.vault import Vault
from tests.ui.conftest import NAME, PASSPHRASE, unlock


def open_window(make_window, folder):
    vault = Vault.open(folder, PASSPHRASE)
    return make_window(folder, vault=vault), vault


def assert_locked(window, vault):
    assert window.vault is None
    assert vault.closed
    assert vault._vault_key.wiped  # the key is overwritten, not just dropped
    assert window.stack.currentWidget() is window.unlock_page
    assert window.lock_state.text() == "Locked"
    assert window.workspace.home.greeting.text() == ""
    assert not window.idle_lock.active


def test_ctrl_l_locks(make_window, existing_vault, qtbot):
    window, vault = open_window(make_window, existing_vault)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    with qtbot.waitSignal(window.locked):
        QTest.keySequence(window, "Ctrl+L")
    assert_locked(window, vault)


def test_tray_menu_locks(make_window, existing_vault, qtbot):
    window, vault = open_window(make_window, existing_vault)
    lock = next(a for a in window.tray_menu.actions() if a.text().replace("&", "") == "Lock")
    with qtbot.waitSignal(window.locked):
        lock.trigger()
    assert_locked(window, vault)


def test_idle_timeout_locks(make_window, existing_vault, qtbot):
    window, vault = open_window(make_window, existing_vault)
    assert window.idle_lock.interval_ms == 5 * 60_000  # the default: 5 minutes
    window.idle_lock.set_interval_ms(50)
    with qtbot.waitSignal(window.locked, timeout=3000):
        pass
    assert_locked(window, vault)


def test_input_restarts_the_idle_countdown(make_window, existing_vault, qtbot):
    window, _vault = open_window(make_window, existing_vault)
    QTest.qWait(400)
    before = window.idle_lock.remaining_ms
    QTest.keyClick(window.workspace, Qt.Key.Key_Shift)
    assert window.idle_lock.remaining_ms > before + 200


def test_unlock_after_lock_shows_the_same_vault(make_window, existing_vault, qtbot):
    window, _vault = open_window(make_window, existing_vault)
    window.lock()
    with qtbot.waitSignal(window.unlocked, timeout=10_000):
        unlock(qtbot, window)
    assert window.workspace.home.greeting.text() == f"Hello, {NAME}"
    assert window.idle_lock.active


def test_lock_closes_preferences(make_window, existing_vault, qtbot):
    window, vault = open_window(make_window, existing_vault)
    window.show_preferences()
    dialog = window._preferences
    assert dialog is not None and dialog.isVisible()
    window.lock()
    assert not dialog.isVisible()
    assert_locked(window, vault)


def test_closing_the_window_locks(make_window, existing_vault):
    window, vault = open_window(make_window, existing_vault)
    window.close()
    assert vault.closed


def test_demo_window_switches_sides_and_stays_lockable(qtbot, settings):
    from mentorpair.demo import DEMO_PASSPHRASE, DemoSession
    from mentorpair.domain.model import Role

    from mentorpair.ui.main_window import MainWindow

    with DemoSession() as session:
        window = MainWindow(
            session.vault_folder(session.side), settings, vault=session.vault, demo_session=session
        )
        qtbot.addWidget(window)
        window.show()
        assert window.workspace.pair_view is not None
        assert window.workspace.pair_view.context.my_role is Role.MENTEE
        window.lock()
        unlock(qtbot, window, DEMO_PASSPHRASE)
        assert window.vault is not None
        first = window.vault
        window.switch_demo_side()
        assert first.closed
        view = window.workspace.pair_view
        assert view is not None
        assert view.context.state.my_role.value == Role.MENTOR.value
        window.close()


def test_nothing_keeps_using_the_vault_after_the_window_closes(make_window, existing_vault):
    window, vault = open_window(make_window, existing_vault)
    assert window.reminders.timer.isActive()
    window.close()
    assert vault.closed
    assert not window.reminders.timer.isActive()
    assert window.workspace.workspace is None
    assert window.reminders.check_now(datetime.now(UTC)) == []


def test_locking_while_typing_keeps_the_words(qtbot, make_window, existing_vault):
    from mentorpair.domain.events import EventKind
    from mentorpair.domain.model import Role
    from mentorpair.storage.workspace import Workspace

    with Vault.open(existing_vault, PASSPHRASE) as vault:
        ws = Workspace(vault)
        pair = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
        ws.record(pair, EventKind.NOTE_CREATED, note_id="n1", kind="shared", title="Plan", text="")
    window, _vault = open_window(make_window, existing_vault)
    view = window.workspace.pair_view
    assert view is not None
    notes = view.show_page("notes")
    assert notes.select_note("n1")
    notes.body.setFocus()
    qtbot.keyClicks(notes.body, "Ask about study leave")
    window.lock()  # well inside the autosave delay
    unlock(qtbot, window)
    state = window.workspace.workspace.state(pair)
    assert state.notes["n1"].text == "Ask about study leave"


def test_quitting_while_typing_keeps_the_words(qtbot, make_window, existing_vault):
    from mentorpair.domain.events import EventKind
    from mentorpair.domain.model import Role
    from mentorpair.storage.workspace import Workspace

    with Vault.open(existing_vault, PASSPHRASE) as vault:
        ws = Workspace(vault)
        pair = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
        ws.record(pair, EventKind.NOTE_CREATED, note_id="n1", kind="private", title="Me", text="")
    window, _vault = open_window(make_window, existing_vault)
    notes = window.workspace.pair_view.show_page("notes")
    assert notes.select_note("n1")
    qtbot.keyClicks(notes.body, "Say no to the extra shift")
    window.close()
    with Vault.open(existing_vault, PASSPHRASE) as vault:
        assert Workspace(vault).state(pair).notes["n1"].text == "Say no to the extra shift"
