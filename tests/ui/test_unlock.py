"""Journey: opening an existing vault, with right and wrong passphrases."""

from __future__ import annotations

from tests.ui.conftest import NAME, unlock

from mentorpair.ui import workers


def snapshot(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_later_runs_show_the_unlock_screen_without_personal_data(make_window, existing_vault):
    window = make_window(existing_vault)
    assert window.stack.currentWidget() is window.unlock_page
    assert window.lock_state.text() == "Locked"
    shown = " ".join(label.text() for label in window.findChildren(type(window.lock_state)))
    assert NAME not in shown
    assert not window.preferences_action.isEnabled()


def test_right_passphrase_reaches_the_main_window(make_window, existing_vault, qtbot):
    window = make_window(existing_vault)
    with qtbot.waitSignal(window.unlocked, timeout=10_000):
        unlock(qtbot, window)
    assert window.stack.currentWidget() is window.workspace
    assert window.workspace.home.greeting.text() == f"Hello, {NAME}"
    assert window.unlock_page.passphrase.text() == ""
    assert window.lock_state.text().startswith("Unlocked")


def test_wrong_passphrase_says_so_and_changes_nothing(make_window, existing_vault, qtbot, capfd):
    before = snapshot(existing_vault)
    window = make_window(existing_vault)
    unlock(qtbot, window, "not my passphrase at all")
    assert window.unlock_page.message.text() == "That passphrase does not open this vault."
    assert window.stack.currentWidget() is window.unlock_page
    assert window.vault is None
    assert snapshot(existing_vault) == before
    out, err = capfd.readouterr()
    assert err == "" and out == ""


def test_repeated_failures_make_the_person_wait(make_window, existing_vault, qtbot):
    window = make_window(existing_vault)
    page = window.unlock_page
    for _ in range(page.throttle.free_attempts):
        unlock(qtbot, window, "wrong wrong wrong")
        assert page.unlock_button.isEnabled()
    unlock(qtbot, window, "wrong wrong wrong")
    assert not page.unlock_button.isEnabled()
    assert not page.passphrase.isEnabled()
    assert "wait 1 s" in page.message.text()
    page.try_unlock()  # refused while waiting
    assert workers.pending_count() == 0
    qtbot.waitUntil(page.unlock_button.isEnabled, timeout=3000)
    assert page.message.text() == "You can try again now."


def test_empty_passphrase_asks_for_one(make_window, existing_vault):
    window = make_window(existing_vault)
    window.unlock_page.try_unlock()
    assert window.unlock_page.message.text() == "Please enter your passphrase."
    assert workers.pending_count() == 0


def test_damaged_key_file_gives_a_plain_message(make_window, existing_vault, qtbot):
    key = existing_vault / "vault.key"
    key.write_bytes(key.read_bytes()[:40])
    window = make_window(existing_vault)
    unlock(qtbot, window)
    assert "damaged" in window.unlock_page.message.text()
    assert window.vault is None
