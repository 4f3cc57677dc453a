"""Linking another computer through the real windows: both computers, end to end."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel

from mentorpair.crypto import kdf
from mentorpair.crypto.identity import Identity
from mentorpair.domain.events import EventKind
from mentorpair.domain.model import Role
from mentorpair.storage.vault import Vault
from mentorpair.storage.workspace import Workspace, new_id
from mentorpair.sync.devices import certify
from mentorpair.sync.roster import Roster
from tests.ui.conftest import interactive_widgets
from tests.ui.sync_support import Files
from tests.unit.sync.conftest import Person, pair_up

from mentorpair.ui import workers
from mentorpair.ui.linking import LinkComputerDialog, LinkThisComputerPage, YourComputersDialog

NAME = "Dr Eleanor Marsh"
PASS = "tangerine orbit velvet lantern 42"


@pytest.fixture
def desk(tmp_path: Path):
    vault = Vault.create(tmp_path / "desk", PASS, NAME, params=kdf.minimum_params)
    yield Workspace(vault)
    vault.close()


@pytest.fixture
def files(monkeypatch):
    return Files(monkeypatch)


def unnamed(root):
    return [type(w).__name__ for w in interactive_widgets(root) if not w.accessibleName()]


def old_dialog(qtbot, ws) -> LinkComputerDialog:
    dialog = LinkComputerDialog(ws)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def new_page(qtbot, folder: Path) -> LinkThisComputerPage:
    page = LinkThisComputerPage(folder)
    page.params = kdf.minimum_params
    qtbot.addWidget(page)
    page.resize(800, 600)
    page.show()
    return page


def idle(qtbot) -> None:
    qtbot.waitUntil(lambda: workers.pending_count() == 0, timeout=20_000)


def test_two_computers_link_through_the_windows(qtbot, desk, files, tmp_path):
    pair_id = desk.create_pair(Role.MENTOR, "Sam")
    desk.record(
        pair_id, EventKind.NOTE_CREATED, note_id=new_id(), kind="private", title="Mine",
        text="a private thought",
    )  # fmt: skip
    old = old_dialog(qtbot, desk)
    assert old.pages.currentIndex() == old.OFFER
    old.offer_block.copy_button.click()
    offer = QGuiApplication.clipboard().text()
    assert offer.startswith("-----BEGIN MENTORPAIR LINK OFFER-----")

    new = new_page(qtbot, tmp_path / "laptop")
    new.paste.setPlainText(offer)
    new.continue_button.click()
    assert new.pages.currentIndex() == new.ANSWER
    assert NAME in new.answer_title.text()
    files.save_to = tmp_path / "answer.mplink"
    new.answer_block.save_button.click()
    assert files.suggested == ["mentorpair-link.mplink"]

    files.open_from = files.save_to
    old.open_button.click()  # the answer, from its file
    assert old.pages.currentIndex() == old.CODE
    assert old.code.code == new.code.code
    assert len(old.code.code.replace(" ", "")) == 20
    assert Roster(desk).next_number() == 1  # nothing certified before the person confirms

    files.save_to = tmp_path / "link.mplinkfile"
    old.match_button.click()
    idle(qtbot)
    assert old.pages.currentIndex() == old.DONE
    assert files.save_to.stat().st_size > 1000
    assert "Open the link file" in old.done_text.text()
    assert old.bundle is None  # the identity's keys are not kept on screen
    assert [d.number for d in Roster(desk).own_devices()] == [0, 1]

    files.open_from = files.save_to
    new.open_bundle_button.click()
    assert new.pages.currentIndex() == new.PASSPHRASE
    assert not new.link_button.isEnabled()
    new.passphrase.edit.setText(PASS)
    new.confirm.edit.setText(PASS + "x")
    assert new.problem.text() == "The two passphrases are not the same."
    new.confirm.edit.setText(PASS)
    assert new.link_button.isEnabled()
    with qtbot.waitSignal(new.created, timeout=20_000) as made:
        new.link_button.click()
    vault = made.args[0]
    try:
        assert vault.identity().public() == desk.vault.identity().public()
        assert vault.display_name() == NAME
        laptop = Workspace(vault)
        assert laptop.origin == Roster(desk).own_devices()[1].device_id
        assert [p.partner_name for p in laptop.pairs()] == ["Sam"]
        notes = laptop.state(pair_id).notes.values()
        assert [n.text for n in notes] == ["a private thought"]
        assert [d.this for d in Roster(laptop).own_devices()] == [False, True]
    finally:
        vault.close()
    assert new.passphrase.text() == "" and new.bundle is None


def test_codes_that_do_not_match_send_nothing_and_start_again(qtbot, desk, files, tmp_path):
    old = old_dialog(qtbot, desk)
    first = old.offer_block.text.toPlainText()
    new = new_page(qtbot, tmp_path / "laptop")
    new.paste.setPlainText(first)
    new.continue_button.click()
    old.paste.setPlainText(new.answer_block.text.toPlainText())
    old.continue_button.click()
    old.mismatch_button.click()
    assert old.pages.currentIndex() == old.STOPPED
    assert "nothing was sent" in old.stopped_text.text()
    assert old.bundle is None and files.suggested == []
    assert Roster(desk).next_number() == 1
    old.again_button.click()
    assert old.pages.currentIndex() == old.OFFER
    assert old.offer_block.text.toPlainText() != first


def test_a_second_answer_ends_the_link(qtbot, desk, tmp_path):
    old = old_dialog(qtbot, desk)
    offer = old.offer_block.text.toPlainText()
    thief, mine = new_page(qtbot, tmp_path / "t"), new_page(qtbot, tmp_path / "m")
    for page in (thief, mine):
        page.paste.setPlainText(offer)
        page.continue_button.click()
    assert thief.code.code != mine.code.code
    old.paste.setPlainText(thief.answer_block.text.toPlainText())
    old.continue_button.click()
    assert old.code.code == thief.code.code != mine.code.code
    # The person notices nothing yet, goes back and pastes their own answer.
    old.pages.setCurrentIndex(old.OFFER)
    old.paste.setPlainText(mine.answer_block.text.toPlainText())
    old.continue_button.click()
    assert old.pages.currentIndex() == old.STOPPED
    assert "second, different answer" in old.stopped_text.text()
    assert Roster(desk).next_number() == 1


def test_an_answer_after_the_hour_ends_the_link(qtbot, desk, tmp_path):
    now = [datetime.now(UTC)]
    old = LinkComputerDialog(desk, clock=lambda: now[0])
    qtbot.addWidget(old)
    old.show()
    new = new_page(qtbot, tmp_path / "laptop")
    new.paste.setPlainText(old.offer_block.text.toPlainText())
    new.continue_button.click()
    now[0] += timedelta(hours=2)
    old.paste.setPlainText(new.answer_block.text.toPlainText())
    old.continue_button.click()
    assert old.pages.currentIndex() == old.STOPPED
    assert "links last one hour" in old.stopped_text.text()
    assert old.again_button.hasFocus() or not old.isActiveWindow()


def test_bad_pastes_are_refused_in_plain_words(qtbot, desk, tmp_path):
    old = old_dialog(qtbot, desk)
    offer = old.offer_block.text.toPlainText()
    old.paste.setPlainText("hello")
    old.continue_button.click()
    assert "No mentorpair link was found" in old.answer_error.text()
    assert old.answer_error.accessibleName() == old.answer_error.text()
    old.paste.setPlainText(offer)
    old.continue_button.click()
    assert "not the answer" in old.answer_error.text()
    assert old.pages.currentIndex() == old.OFFER

    new = new_page(qtbot, tmp_path / "laptop")
    damaged = offer.replace(offer.splitlines()[4], offer.splitlines()[4][::-1])
    new.paste.setPlainText(damaged)
    new.continue_button.click()
    assert "changed on its way" in new.offer_error.text()
    new.paste.setPlainText(offer)
    new.continue_button.click()
    answer = new.answer_block.text.toPlainText()
    other = new_page(qtbot, tmp_path / "other")
    other.paste.setPlainText(answer)
    other.continue_button.click()
    assert "not the link" in other.offer_error.text()
    assert other.pages.currentIndex() == other.OFFER


def test_a_link_file_for_another_computer_is_refused_before_any_passphrase(
    qtbot, desk, files, tmp_path
):
    old = old_dialog(qtbot, desk)
    offer = old.offer_block.text.toPlainText()
    thief, mine = new_page(qtbot, tmp_path / "t"), new_page(qtbot, tmp_path / "m")
    for page in (thief, mine):
        page.paste.setPlainText(offer)
        page.continue_button.click()
    old.paste.setPlainText(thief.answer_block.text.toPlainText())
    old.continue_button.click()
    files.save_to = tmp_path / "link.mplinkfile"
    old.match_button.click()  # the person wrongly confirmed
    idle(qtbot)
    files.open_from = files.save_to
    mine.open_bundle_button.click()
    mine.passphrase.edit.setText(PASS)
    mine.confirm.edit.setText(PASS)
    mine.link_button.click()
    idle(qtbot)
    assert mine.pages.currentIndex() == mine.ANSWER
    assert "made for another computer" in mine.bundle_error.text()
    assert not (tmp_path / "m").exists()


def test_the_linking_windows_are_named_and_the_code_is_read_in_groups(qtbot, desk, tmp_path):
    old = old_dialog(qtbot, desk)
    new = new_page(qtbot, tmp_path / "laptop")
    computers = YourComputersDialog(desk)
    qtbot.addWidget(computers)
    for root in (old, new, computers):
        assert interactive_widgets(root)
        assert unnamed(root) == []
    new.paste.setPlainText(old.offer_block.text.toPlainText())
    new.continue_button.click()
    assert new.code.accessibleName() == "Link code"
    assert new.code.accessibleDescription() == ", ".join(new.code.code.split())
    for label in old.findChildren(QLabel) + new.findChildren(QLabel):
        if len(label.text()) > 80 and label.objectName() != "linkCode":
            assert label.wordWrap(), label.text()


def test_welcome_page_leads_to_linking_and_back(make_window, vault_folder):
    window = make_window(vault_folder)
    window.welcome_page.link_button.click()
    assert window.stack.currentWidget() is window.link_page
    assert window.lock_state.text() == "No vault yet"
    window.link_page.paste.setPlainText("something")
    buttons = window.link_page.findChildren(type(window.link_page.open_button))
    back = next(b for b in buttons if b.accessibleName() == "Back")
    back.click()
    assert window.stack.currentWidget() is window.welcome_page
    assert window.link_page.paste.toPlainText() == ""


def test_file_menu_links_and_lists_computers_only_when_unlocked(make_window, existing_vault):
    from tests.ui.conftest import PASSPHRASE

    window = make_window(existing_vault, vault=Vault.open(existing_vault, PASSPHRASE))
    assert window.link_action.shortcut().toString() == "Ctrl+Shift+L"
    assert window.link_action.isEnabled() and window.computers_action.isEnabled()
    window.link_action.trigger()
    assert isinstance(window.link_dialog, LinkComputerDialog)
    assert window.link_dialog.isVisible()
    window.lock()
    assert window.link_dialog is None or not window.link_dialog.isVisible()
    assert not window.link_action.isEnabled() and not window.computers_action.isEnabled()


def test_your_computers_lists_this_one_and_removes_another_after_a_plain_warning(qtbot, desk):
    device = Identity.generate()
    roster = Roster(desk)
    roster.add_own_device(certify(desk.vault.identity(), device.public(), 1, datetime.now(UTC)))
    asked: list[str] = []

    def confirm(title: str, text: str) -> bool:
        asked.append(title + " " + text)
        return True

    dialog = YourComputersDialog(desk, confirm=confirm)
    qtbot.addWidget(dialog)
    rows = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert rows == ["Your first computer — this computer", "Computer 2"]
    assert not dialog.remove_button.isEnabled()  # this one, the first
    assert "first made on" in dialog.why.text() or "this computer" in dialog.why.text()
    dialog.list.setCurrentRow(1)
    assert dialog.remove_button.isEnabled()
    with qtbot.waitSignal(dialog.removed):
        dialog.remove_button.click()
    assert "nothing is sent" in asked[0]
    assert "still holds your keys" in asked[0]
    assert "stolen while unlocked" in asked[0] and "new keys" in asked[0]
    assert dialog.list.item(1).text() == "Computer 2 — removed"
    assert "was removed" in dialog.status.text()
    assert [d.removed for d in Roster(desk).own_devices()] == [False, True]


def test_a_partner_s_new_computer_is_mentioned_once(make_window, tmp_path):
    amira = Person.create(tmp_path / "amira", "Amira Mentee")
    ben = Person.create(tmp_path / "ben", "Ben Mentor")
    try:
        pair_id = pair_up(amira, ben)
        laptop = Identity.generate()
        cert = certify(ben.vault.identity(), laptop.public(), 1, datetime.now(UTC))
        partner = ben.vault.identity().public()
        with amira.vault.db.transaction() as db:
            Roster(amira.ws).learn(db, pair_id, partner, [cert], [])
        folder = amira.vault.folder
        amira.vault.close()
        window = make_window(folder, vault=Vault.open(folder, "Amira Mentee passphrase for tests"))
        assert window.partner_notice.isVisible()
        assert window.partner_notice.text() == "Ben now also uses a second computer."
        window.announce_partner_devices()
        assert window.partner_notice.text() == "Ben now also uses a second computer."  # once
        window.lock()
        assert not window.partner_notice.isVisible()
    finally:
        ben.vault.close()
        if not amira.vault.closed:
            amira.vault.close()


def _mnemonics(page) -> list[str]:
    from PySide6.QtWidgets import QAbstractButton

    found = []
    for widget in page.findChildren(QAbstractButton) + page.findChildren(QLabel):
        text = widget.text()
        at = text.replace("&&", "").find("&")
        if at >= 0 and at + 1 < len(text) and widget.isVisibleTo(page):
            found.append(text.replace("&&", "")[at + 1].lower())
    return found


def test_each_page_s_alt_keys_are_all_different(qtbot, desk, tmp_path):
    old = old_dialog(qtbot, desk)
    new = new_page(qtbot, tmp_path / "laptop")
    pages = [old.pages.widget(i) for i in range(old.pages.count())]
    pages += [new.pages.widget(i) for i in range(new.pages.count())]
    computers = YourComputersDialog(desk)
    qtbot.addWidget(computers)
    computers.show()
    for page in [*pages, computers]:
        keys = _mnemonics(page)
        assert len(keys) == len(set(keys)), keys


def test_a_pair_made_after_linking_goes_to_the_other_computer_through_your_computers(
    qtbot, files, tmp_path
):
    from PySide6.QtGui import QAccessible

    from tests.unit.sync.linked import link_computer

    amira = Person.create(tmp_path / "amira", "Amira Mentee")
    desk = Person.create(tmp_path / "desk", "Ben Mentor")
    laptop = link_computer(desk, tmp_path / "laptop")
    try:
        later = pair_up(amira, desk)
        sender = YourComputersDialog(desk.ws)
        qtbot.addWidget(sender)
        assert not sender.send_button.isEnabled()  # this computer is selected
        sender.list.setCurrentRow(1)
        assert sender.send_button.isEnabled()
        files.save_to = tmp_path / "pairs.mppairs"
        sender.send_button.click()
        idle(qtbot)
        assert files.suggested == ["pairs-for-computer-2.mppairs"]
        assert "Only that computer can open it" in sender.status.text()
        assert "On Computer 2" in sender.status.text()
        assert files.save_to.stat().st_mode & 0o077 == 0

        receiver = YourComputersDialog(laptop.ws)
        qtbot.addWidget(receiver)
        files.open_from = files.save_to
        with qtbot.waitSignal(receiver.pairs_taken) as taken:
            receiver.take_button.click()
        idle(qtbot)
        assert taken.args[0] == [later]
        assert laptop.ws.has_pair(later)
        text = receiver.status.text()
        assert text.startswith("Took your pair with Amira from your other computer")
        assert "shared folder" in text
        # A screen reader hears the words themselves, and what the line is for.
        reader = QAccessible.queryAccessibleInterface(receiver.status)
        assert reader.text(QAccessible.Text.Name) == text
        assert reader.text(QAccessible.Text.Description) == "Result"

        receiver.take_button.click()  # the same file again
        idle(qtbot)
        assert "already has all the pairs" in receiver.status.text()

        # The file, opened on the computer that made it, is refused in plain words.
        sender.take_button.click()
        idle(qtbot)
        assert "another of your computers" in sender.status.text()
        assert sender.status.objectName() == "error"
        assert sender.take_button.isEnabled()
    finally:
        laptop.vault.close()
        amira.vault.close()
        desk.vault.close()
