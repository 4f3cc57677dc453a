"""The shared folder: automatic sync between two vaults, refusals, conflicts, locking."""

from __future__ import annotations

import threading
import types

import pytest
from PySide6.QtWidgets import QMessageBox

from mentorpair.crypto.random import random_bytes
from mentorpair.domain.events import EventKind
from mentorpair.domain.model import Role
from mentorpair.storage.vault import Vault
from mentorpair.storage.workspace import new_id
from mentorpair.sync.folder import content_name
from tests.ui.conftest import PASSPHRASE
from tests.ui.sync_support import (
    Files,
    export_by_hand,
    import_by_hand,
    make_side,
    new_pair,
    pair_up,
)

from mentorpair.ui import workers
from mentorpair.ui.pair.notes import NotesTab


@pytest.fixture
def files(monkeypatch):
    return Files(monkeypatch)


@pytest.fixture
def paired(qtbot, tmp_path):
    alice = make_side(qtbot, tmp_path / "alice", "Dr Alice Mentee")
    bob = make_side(qtbot, tmp_path / "bob", "Dr Bashir Ahmed")
    pair = new_pair(alice, "Dr Bashir Ahmed")
    pair_up(qtbot, alice, bob, pair)
    yield alice, bob, pair
    for side in (alice, bob):
        side.sync.stop()
    qtbot.waitUntil(lambda: workers.pending_count() == 0, timeout=10_000)
    for side in (alice, bob):
        side.vault.close()


@pytest.fixture
def shared(tmp_path):
    folder = tmp_path / "Sync" / "mentoring"
    folder.mkdir(parents=True)
    return folder


def _fast(side):
    """Scan every 100 ms and send 20 ms after a change, so the test runs in a moment."""
    side.sync.scan_timer.setInterval(100)
    side.sync.debounce.setInterval(20)


def _note_ids(side, pair):
    side.ws.forget(pair)
    return {n for n, note in side.ws.state(pair).notes.items() if note.kind.value == "shared"}


def test_two_vaults_converge_through_a_shared_folder_without_a_click(qtbot, paired, files, shared):
    alice, bob, pair = paired
    notices: list[str] = []
    bob.sync.notice.connect(notices.append)
    files.folder = shared
    for side in (alice, bob):
        side.tab.choose_button.click()
        assert side.sync.shared.folder(pair) == shared.resolve()
        assert side.tab.stop_button.isVisible()
        _fast(side)
        side.sync.start()
    note = new_id()
    alice.ws.record(
        pair, EventKind.NOTE_CREATED, note_id=note, kind="shared", title="Rotas", text="Ask HR."
    )
    alice.sync.local_change(pair)
    qtbot.waitUntil(lambda: note in _note_ids(bob, pair), timeout=10_000)
    qtbot.waitUntil(lambda: "From Dr Alice Mentee: 1 shared note" in notices, timeout=5_000)
    # Bob's answer travels back the same way.
    reply = new_id()
    bob.ws.record(
        pair, EventKind.NOTE_CREATED, note_id=reply, kind="shared", title="Re: rotas", text="OK"
    )
    bob.sync.local_change(pair)
    qtbot.waitUntil(lambda: reply in _note_ids(alice, pair), timeout=10_000)
    qtbot.waitUntil(
        lambda: alice.sync.exchange.unsent(pair) == 0 and bob.sync.exchange.unsent(pair) == 0,
        timeout=10_000,
    )
    assert _note_ids(alice, pair) == _note_ids(bob, pair) == {note, reply}
    qtbot.waitUntil(lambda: "everything sent" in alice.tab.folder_status.text(), timeout=5_000)
    assert alice.tab.folder_status.text().startswith("Checked at ")
    # Once both have everything, the two apps stop writing to each other.
    seen = []

    def quiet():
        seen.append(sorted(p.name for p in shared.iterdir()))
        idle = not alice.sync.busy(pair) and not bob.sync.busy(pair)
        return idle and len(seen) > 20 and all(names == seen[-1] for names in seen[-20:])

    qtbot.waitUntil(quiet, timeout=10_000)  # twenty looks in a row without a change
    settled = seen[-1]
    qtbot.wait(600)  # six more scans each
    assert sorted(p.name for p in shared.iterdir()) == settled
    assert not alice.sync.exchange.has_news(pair) and not bob.sync.exchange.has_news(pair)


def test_changes_waiting_for_the_partner_are_counted(qtbot, paired, files, shared):
    alice, _bob, pair = paired
    files.folder = shared
    alice.tab.choose_button.click()
    qtbot.waitUntil(lambda: not alice.sync.busy(pair), timeout=10_000)
    before = {p.name for p in shared.iterdir() if p.suffix == ".mpu"}
    for title in ("One", "Two"):
        alice.ws.record(
            pair, EventKind.NOTE_CREATED, note_id=new_id(), kind="shared", title=title, text="…"
        )
    alice.sync.sync_folder(pair)
    qtbot.waitUntil(lambda: not alice.sync.busy(pair), timeout=10_000)
    assert "2 changes waiting for Dr Bashir Ahmed to receive them" in (
        alice.tab.folder_status.text()
    )
    # The new file carries all the older one did, so it replaces it: however long
    # the partner is away, the folder holds one file of Alice's.
    after = {p.name for p in shared.iterdir() if p.suffix == ".mpu"}
    assert len(after) == len(before) == 1 and after != before


def test_the_vault_folder_itself_is_refused_as_shared_folder(qtbot, paired, files, monkeypatch):
    alice, _bob, pair = paired
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warned.append(args[2]))
    for folder in (alice.vault.folder, alice.vault.folder.parent):
        files.folder = folder
        alice.tab.choose_button.click()
        assert "The vault must never be shared" in warned[-1]
        assert alice.sync.shared.folder(pair) is None
    assert not alice.tab.stop_button.isVisible()


def test_a_refused_file_in_the_folder_is_reported_once(qtbot, paired, files, shared):
    alice, _bob, pair = paired
    files.folder = shared
    alice.tab.choose_button.click()
    qtbot.waitUntil(lambda: not alice.sync.busy(pair), timeout=10_000)
    junk = random_bytes(16384)
    (shared / content_name(junk)).write_bytes(junk)
    notices: list[str] = []
    alice.sync.notice.connect(notices.append)
    for _ in range(2):
        alice.sync.sync_folder(pair)
        qtbot.waitUntil(lambda: not alice.sync.busy(pair), timeout=10_000)
    assert len(notices) == 1
    assert notices[0].startswith("A file in the shared folder was not imported: ")
    assert "Nothing was changed" in notices[0]


def test_stop_using_the_folder(qtbot, paired, files, shared):
    alice, _bob, pair = paired
    files.folder = shared
    alice.tab.choose_button.click()
    assert alice.sync.watched() == [str(shared.resolve())]
    alice.tab.stop_button.click()
    assert alice.sync.shared.folder(pair) is None
    assert alice.sync.watched() == []
    assert "No shared folder" in alice.tab.folder_path.text()


def test_a_note_edited_on_both_sides_shows_both_versions_to_choose_from(
    qtbot, paired, files, tmp_path
):
    alice, bob, pair = paired
    note = new_id()
    alice.ws.record(
        pair, EventKind.NOTE_CREATED, note_id=note, kind="shared", title="Plan", text="Draft"
    )
    export_by_hand(qtbot, alice, files, tmp_path / "a1.mpu")
    import_by_hand(qtbot, bob, files, tmp_path / "a1.mpu")
    base = bob.state(pair).notes[note].revision
    assert alice.state(pair).notes[note].revision == base
    # Both edit the same version while apart.
    alice.ws.record(pair, EventKind.NOTE_EDITED, note_id=note, base=base, title="Plan", text="A")
    bob.ws.record(pair, EventKind.NOTE_EDITED, note_id=note, base=base, title="Plan", text="B")
    export_by_hand(qtbot, alice, files, tmp_path / "a2.mpu")
    export_by_hand(qtbot, bob, files, tmp_path / "b2.mpu")
    assert import_by_hand(qtbot, bob, files, tmp_path / "a2.mpu").startswith("From ")
    assert import_by_hand(qtbot, alice, files, tmp_path / "b2.mpu").startswith("From ")
    for side in (alice, bob):
        notes = side.view.show_page("notes")
        assert isinstance(notes, NotesTab)
        assert notes.select_note(note)
        assert notes.conflict_box.isVisible()
        assert {notes.mine_view.toPlainText(), notes.theirs_view.toPlainText()} == {"A", "B"}
    # Both machines hold the same state.
    assert alice.state(pair).notes[note].text == bob.state(pair).notes[note].text


def test_the_sidebar_shows_each_pairs_sharing_state(make_window, existing_vault):
    window = make_window(existing_vault, vault=Vault.open(existing_vault, PASSPHRASE))
    workspace = window.workspace.workspace
    pair = workspace.create_pair(Role.MENTEE, "Dr Helen Marsh")
    window.workspace.refresh_pairs(select=pair)
    model = window.workspace.sidebar.model

    def sidebar_text():
        return model.data(model.index(model.row_of(pair)))

    assert sidebar_text().endswith("\nNot shared")
    assert model.data(model.index(0), 1) is not None  # an icon beside the words
    tab = window.workspace.partner_tab()
    assert tab is not None
    tab.invite()
    assert tab.invite_dialog is not None
    tab.invite_dialog.reject()
    assert sidebar_text().endswith("\nInvited")
    assert "Sharing: Invitation sent" in window.workspace.pair_view.subtitle.text()


def test_locking_waits_for_a_running_sync_and_stops_watching(
    qtbot, make_window, existing_vault, shared
):
    window = make_window(existing_vault, vault=Vault.open(existing_vault, PASSPHRASE))
    page = window.workspace
    pair = page.workspace.create_pair(Role.MENTEE, "Dr Helen Marsh")
    page.refresh_pairs(select=pair)
    sync = page.sync
    assert sync is not None and sync.scan_timer.isActive()
    sync.choose_folder(pair, shared)
    qtbot.waitUntil(lambda: not sync.busy(pair), timeout=10_000)
    assert sync.watched() == [str(shared.resolve())]
    # A slow pass, as over a network folder.
    release = threading.Event()
    real_sync = sync.shared.sync

    def slow(pair_id, progress=None):
        release.wait(10)
        return real_sync(pair_id, progress)

    sync.shared.sync = slow
    sync.sync_folder(pair)
    assert sync.busy(pair)
    window.lock()
    # The lock waits for the pass (it uses the vault), but nothing new starts.
    assert window.vault is not None
    assert sync.watched() == []
    assert not sync.scan_timer.isActive()
    sync.sync_folder(pair)
    sync.sync_all()
    release.set()
    qtbot.waitUntil(lambda: window.vault is None, timeout=10_000)
    assert page.sync is None
    assert window.stack.currentWidget() is window.unlock_page


def test_a_sync_that_ends_after_its_window_is_gone_is_dropped_quietly(qtbot, paired):
    alice, _bob, pair = paired
    release = threading.Event()
    delivered: list[object] = []

    def work(_progress):
        release.wait(10)
        return "done"

    job = alice.sync.run(pair, work, delivered.append, delivered.append)
    assert job is not None
    gone = threading.Event()
    alice.sync.destroyed.connect(lambda *_: gone.set())
    alice.sync.setParent(None)
    alice.sync.deleteLater()  # the window closed while the work ran
    qtbot.waitUntil(gone.is_set, timeout=5_000)
    release.set()
    qtbot.waitUntil(lambda: workers.pending_count() == 0, timeout=10_000)
    qtbot.wait(50)  # any late delivery would raise in the event loop and fail the test
    assert delivered == []
    alice.sync = types.SimpleNamespace(stop=lambda: None)  # for the fixture's teardown
