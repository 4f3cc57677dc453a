"""Pairing through the real dialogs: invite, join, answer, compare the code, verify."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from mentorpair.domain.events import EventKind
from mentorpair.domain.model import Role
from mentorpair.sync.pairing import PairingStatus
from tests.ui.sync_support import (
    Files,
    export_by_hand,
    import_by_hand,
    join_through_dialog,
    make_side,
    new_pair,
    pair_up,
)


@pytest.fixture
def alice(qtbot, tmp_path):
    side = make_side(qtbot, tmp_path / "alice", "Dr Alice Mentee")
    yield side
    side.sync.stop()
    side.vault.close()


@pytest.fixture
def bob(qtbot, tmp_path):
    side = make_side(qtbot, tmp_path / "bob", "Dr Bashir Ahmed")
    yield side
    side.sync.stop()
    side.vault.close()


@pytest.fixture
def files(monkeypatch):
    return Files(monkeypatch)


def test_a_new_pair_says_it_is_only_here_and_offers_an_invitation(qtbot, alice):
    pair = new_pair(alice, "Dr Bashir Ahmed")
    alice.show(qtbot, pair)
    tab = alice.tab
    assert tab.status_title.text() == "Only on this computer"
    assert tab.invite_button.isVisible()
    assert not tab.answer_button.isVisible()
    assert not tab.code_card.isVisible()  # no keys, no code yet
    assert not tab.export_button.isEnabled()
    assert "Your private notes stay on this computer" in tab.private_text.text()
    assert "Sharing: Only on this computer." in alice.view.subtitle.text()


def test_invitation_dialog_offers_the_text_to_copy_and_save(qtbot, alice, files, tmp_path):
    pair = new_pair(alice, "Dr Bashir Ahmed")
    alice.show(qtbot, pair)
    alice.tab.invite_button.click()
    dialog = alice.tab.invite_dialog
    assert dialog is not None
    text = dialog.block.text.toPlainText()
    assert text.startswith("-----BEGIN MENTORPAIR INVITATION-----")
    dialog.block.copy_button.click()
    assert QGuiApplication.clipboard().text() == text
    files.save_to = tmp_path / "invite.mpinvite"
    dialog.block.save_button.click()
    assert files.save_to.read_text(encoding="utf-8") == text
    # The suggested name never carries the partner's (or anyone's) name.
    assert files.suggested == ["mentorpair-invitation.mpinvite"]
    dialog.reject()
    assert alice.tab.status_title.text() == "Invitation sent — waiting for an answer"
    assert alice.tab.answer_button.isVisible()


def test_two_vaults_pair_verify_and_exchange_through_the_dialogs(
    qtbot, alice, bob, files, tmp_path
):
    pair = new_pair(alice, "Dr Bashir Ahmed")
    pair_up(qtbot, alice, bob, pair)

    # Bob joined as the mentor, with the name Alice gave herself.
    assert bob.state(pair).my_role is Role.MENTOR
    assert bob.state(pair).partner_name == "Dr Alice Mentee"
    for side in (alice, bob):
        assert side.tab.status_title.text().startswith("Connected — not verified yet")
        assert side.tab.code_card.isVisible()
    code = alice.tab.code.code
    assert len(code.split()) == 12 and all(len(g) == 5 for g in code.split())
    assert bob.tab.code.code == code
    assert alice.tab.code.text().count("\n") == 2  # three rows of four groups

    alice.tab.match_button.click()
    bob.tab.match_button.click()
    assert "You confirmed" in alice.tab.mine_state.text()
    assert "not confirmed it yet" in alice.tab.theirs_state.text()
    assert not alice.tab.match_button.isEnabled()

    # One exchange each way carries the confirmations (and Alice's goal).
    alice.ws.record(pair, EventKind.GOAL_CREATED, goal_id="g" * 32, title="Pass the MRCP")
    alice.view.refresh()
    assert "1 change of yours not sent" in alice.tab.pending.text()
    export_by_hand(qtbot, alice, files, tmp_path / "a1.mpu")
    assert "Saved 1 change for Dr Bashir Ahmed" in alice.tab.result.text()
    said = import_by_hand(qtbot, bob, files, tmp_path / "a1.mpu")
    assert said == "From Dr Alice Mentee: 1 new goal"
    assert bob.tab.status_title.text() == "Verified"
    export_by_hand(qtbot, bob, files, tmp_path / "b1.mpu")
    said = import_by_hand(qtbot, alice, files, tmp_path / "b1.mpu")
    assert said == "Nothing new from Dr Bashir Ahmed."
    assert alice.tab.status_title.text() == "Verified"
    assert "Everything you shared has reached" in alice.tab.pending.text()
    assert "Pass the MRCP" in [g.title for g in bob.state(pair).goals.values()]


def test_the_join_dialog_names_the_inviter_and_their_role(qtbot, alice, bob):
    pair = new_pair(alice, "Dr Bashir Ahmed", Role.MENTOR)
    invitation = alice.sync.pairing.invite(pair)
    dialog = join_through_dialog(qtbot, bob.sync, invitation)
    assert dialog.pages.currentIndex() == 1
    assert dialog.invitation_title.text() == "Dr Alice Mentee invites you to be their mentee."
    dialog.name_edit.setText("Alice (consultant)")
    with qtbot.waitSignal(dialog.pair_ready) as ready:
        dialog.join_button.click()
    assert ready.args == [pair]
    assert bob.state(pair).partner_name == "Alice (consultant)"
    assert bob.state(pair).my_role is Role.MENTEE
    assert dialog.code.code == bob.sync.pairing.link(pair).safety_code
    assert dialog.reply.text.toPlainText().startswith("-----BEGIN MENTORPAIR ACCEPTANCE-----")


def test_pasting_rubbish_or_ones_own_invitation_says_so_and_changes_nothing(qtbot, alice):
    pair = new_pair(alice, "Dr Bashir Ahmed")
    dialog = join_through_dialog(qtbot, alice.sync, "Hello, here is my invitation!")
    assert dialog.pages.currentIndex() == 0
    assert "No mentorpair invitation or acceptance was found" in dialog.input_error.text()
    own = alice.sync.pairing.invite(pair)
    dialog.paste.setPlainText(own)
    assert dialog.input_error.text() == ""  # the old message goes as soon as one types
    dialog.continue_button.click()
    assert "made in your own vault" in dialog.input_error.text()
    assert [p.pair_id for p in alice.ws.pairs()] == [pair]


def test_a_damaged_invitation_is_refused_in_plain_words(qtbot, alice, bob):
    pair = new_pair(alice, "Dr Bashir Ahmed")
    lines = alice.sync.pairing.invite(pair).splitlines()
    middle = lines[3]
    lines[3] = middle[:10] + ("A" if middle[10] != "A" else "B") + middle[11:]
    dialog = join_through_dialog(qtbot, bob.sync, "\n".join(lines))
    assert dialog.pages.currentIndex() == 0
    assert "Nothing was changed" in dialog.input_error.text()
    assert bob.ws.pairs() == []


def test_it_does_not_match_offers_to_disconnect_and_explains(qtbot, alice, bob, monkeypatch):
    pair = new_pair(alice, "Dr Bashir Ahmed")
    pair_up(qtbot, alice, bob, pair)
    alice.tab.match_button.click()
    asked: list[str] = []
    answer = QMessageBox.StandardButton.Cancel

    def question(*args: object, **_kwargs: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    alice.tab.mismatch_button.click()  # changed her mind: nothing happens
    assert alice.sync.pairing.link(pair).status is PairingStatus.UNVERIFIED
    assert "make a new invitation" in asked[0]
    answer = QMessageBox.StandardButton.Yes
    alice.tab.mismatch_button.click()
    assert alice.sync.pairing.link(pair).status is PairingStatus.LOCAL
    assert alice.sync.pairing.partner(pair) is None
    assert alice.tab.invite_button.isVisible()


def test_keys_changed_asks_before_taking_new_keys(qtbot, alice, bob, tmp_path, monkeypatch):
    pair = new_pair(alice, "Dr Bashir Ahmed")
    pair_up(qtbot, alice, bob, pair)
    alice.tab.match_button.click()
    # Bob sets mentorpair up again: a new vault, new keys, joining the same pair.
    bob2 = make_side(qtbot, tmp_path / "bob2", "Dr Bashir Ahmed")
    try:
        alice.sync.pairing.invite(pair)
        answer = bob2.sync.pairing.join(
            bob2.sync.pairing.read(alice.sync.pairing.invite(pair)), "Alice"
        )
        asked = []

        def no(*args, **kwargs):
            asked.append(args[2])
            return QMessageBox.StandardButton.No

        monkeypatch.setattr(QMessageBox, "question", no)
        dialog = join_through_dialog(qtbot, alice.sync, answer)
        dialog.connect_button.click()
        assert "set up mentorpair again" in asked[0]
        kept = alice.sync.pairing.link(pair)
        assert kept.status is PairingStatus.UNVERIFIED and kept.confirmed_by_me
        monkeypatch.setattr(
            QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes
        )
        dialog.connect_button.click()
        assert alice.sync.pairing.link(pair).status is PairingStatus.KEYS_CHANGED
        alice.view.refresh()
        assert alice.tab.status_title.text() == "Keys changed — check with your partner"
        assert alice.tab.code.code == bob2.sync.pairing.link(pair).safety_code
    finally:
        bob2.sync.stop()
        bob2.vault.close()
