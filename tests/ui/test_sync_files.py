"""Export for partner and Import from partner through the tab: results and refusals."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton

from mentorpair.domain.events import EventKind
from mentorpair.storage.workspace import new_id
from mentorpair.sync.folder import is_update_name
from tests.ui.sync_support import (
    Files,
    export_by_hand,
    import_by_hand,
    make_side,
    new_pair,
    pair_up,
)

from mentorpair.ui.sync import transfer


@pytest.fixture
def paired(qtbot, tmp_path):
    alice = make_side(qtbot, tmp_path / "alice", "Dr Alice Mentee")
    bob = make_side(qtbot, tmp_path / "bob", "Dr Bashir Ahmed")
    pair = new_pair(alice, "Dr Bashir Ahmed")
    pair_up(qtbot, alice, bob, pair)
    yield alice, bob, pair
    for side in (alice, bob):
        side.sync.stop()
        side.vault.close()


@pytest.fixture
def files(monkeypatch):
    return Files(monkeypatch)


def _note(side, pair, title, text="We talked about rotas.", note_id=None):
    side.ws.record(
        pair,
        EventKind.NOTE_CREATED,
        note_id=note_id or new_id(),
        kind="shared",
        title=title,
        text=text,
    )


def test_export_suggests_a_name_that_says_nothing_and_counts_the_changes(
    qtbot, paired, files, tmp_path
):
    alice, _bob, pair = paired
    _note(alice, pair, "Session one")
    _note(alice, pair, "Session two")
    target = tmp_path / "out.mpu"
    export_by_hand(qtbot, alice, files, target)
    (suggested,) = files.suggested
    assert is_update_name(suggested)  # 26 random-looking letters, like the folder's files
    assert "Bashir" not in suggested and "Ahmed" not in suggested
    assert "Saved 2 changes for Dr Bashir Ahmed in out.mpu" in alice.tab.result.text()
    assert target.stat().st_size in (16384, 65536)


def test_import_says_what_arrived_and_the_notes_show(qtbot, paired, files, tmp_path):
    alice, bob, pair = paired
    for title in ("Alpha", "Beta", "Gamma"):
        _note(alice, pair, title, note_id=title[0] * 32)
    alice.ws.record(pair, EventKind.GOAL_CREATED, goal_id="g" * 32, title="Pass the MRCP")
    export_by_hand(qtbot, alice, files, tmp_path / "a.mpu")
    said = import_by_hand(qtbot, bob, files, tmp_path / "a.mpu")
    assert said == "From Dr Alice Mentee: 3 shared notes, 1 new goal"
    assert bob.tab.result.objectName() == "ok"
    # The open Notes tab was refreshed by the import.
    assert bob.view.pages["notes"].select_note("A" * 32)
    # The same file again is refused kindly, and nothing changes.
    said = import_by_hand(qtbot, bob, files, tmp_path / "a.mpu")
    assert "already imported this update" in said
    assert bob.tab.result.objectName() == "error"


def test_a_damaged_file_is_refused_in_plain_words_and_changes_nothing(
    qtbot, paired, files, tmp_path
):
    alice, bob, pair = paired
    _note(alice, pair, "Session one")
    target = tmp_path / "a.mpu"
    export_by_hand(qtbot, alice, files, target)
    data = bytearray(target.read_bytes())
    data[5000] ^= 0x01
    broken = tmp_path / "broken.mpu"
    broken.write_bytes(bytes(data))
    before = bob.ws.events(pair)
    said = import_by_hand(qtbot, bob, files, broken)
    assert "Nothing was changed" in said
    assert "Traceback" not in said and "Error" not in said
    assert bob.ws.events(pair) == before
    # The intact file still imports afterwards.
    assert import_by_hand(qtbot, bob, files, target) == "From Dr Alice Mentee: 1 shared note"


def test_an_empty_file_is_refused(qtbot, paired, files, tmp_path):
    _alice, bob, _pair = paired
    empty = tmp_path / "empty.mpu"
    empty.write_bytes(b"")
    files.open_from = empty
    bob.tab.import_button.click()
    assert bob.tab.result.text() == "This file is empty, so there is nothing to import."


def test_a_2_gb_file_is_refused_at_once_without_reading_it(
    qtbot, paired, files, tmp_path, monkeypatch
):
    _alice, bob, _pair = paired
    huge = tmp_path / "huge.mpu"
    with huge.open("wb") as f:
        f.truncate(2 * 1024**3)  # sparse: takes no disk space

    def no_reading(*args, **kwargs):
        raise AssertionError("the file was read")

    monkeypatch.setattr(Path, "read_bytes", no_reading)
    monkeypatch.setattr(Path, "open", no_reading)
    files.open_from = huge
    started = time.monotonic()
    bob.tab.import_button.click()
    assert time.monotonic() - started < 1.0
    assert "far larger than any mentorpair update" in bob.tab.result.text()
    assert not bob.sync.busy(bob.tab.context.pair_id)


def test_a_large_import_shows_progress_and_can_be_cancelled(
    qtbot, paired, files, tmp_path, monkeypatch
):
    alice, bob, pair = paired
    _note(alice, pair, "Session one", "x" * 40_000)
    target = tmp_path / "a.mpu"
    export_by_hand(qtbot, alice, files, target)
    monkeypatch.setattr(transfer, "PROGRESS_FROM_BYTES", 1)
    # Hold the import until Cancel was pressed, as a slow disk would.
    release = threading.Event()
    real_import = bob.sync.exchange.import_update

    def slow_import(data, progress=None):
        release.wait(10)
        progress(0, len(data))
        return real_import(data, progress)

    monkeypatch.setattr(bob.sync.exchange, "import_update", slow_import)
    before = bob.ws.events(pair)
    bob.tab.transfer.import_file(target)
    dialog = bob.tab.transfer.progress
    assert dialog is not None
    assert not bob.tab.import_button.isEnabled()
    cancel = dialog.findChild(QPushButton)
    assert cancel.text() == "Cancel"
    cancel.click()
    release.set()
    qtbot.waitUntil(lambda: not bob.sync.busy(pair), timeout=10_000)
    assert bob.tab.transfer.progress is None  # the dialog went with the job
    assert bob.tab.result.text() == "Import cancelled. Nothing was changed."
    assert bob.ws.events(pair) == before
    assert bob.tab.import_button.isEnabled()


def test_export_before_connecting_says_to_invite_first(qtbot, tmp_path, files):
    alice = make_side(qtbot, tmp_path / "alice", "Dr Alice Mentee")
    try:
        pair = new_pair(alice, "Dr Bashir Ahmed")
        alice.show(qtbot, pair)
        alice.tab.export_update()
        assert "Invite Dr Bashir Ahmed first" in alice.tab.result.text()
        assert files.suggested == []  # no file dialog was opened
    finally:
        alice.sync.stop()
        alice.vault.close()


def test_a_large_import_that_finishes_says_what_arrived(
    qtbot, paired, files, tmp_path, monkeypatch
):
    alice, bob, pair = paired
    _note(alice, pair, "Session one")
    target = tmp_path / "a.mpu"
    export_by_hand(qtbot, alice, files, target)
    monkeypatch.setattr(transfer, "PROGRESS_FROM_BYTES", 1)
    bob.tab.transfer.import_file(target)
    assert bob.tab.transfer.progress is not None
    qtbot.waitUntil(lambda: not bob.sync.busy(pair), timeout=10_000)
    assert bob.tab.transfer.progress is None
    # Closing the progress dialog is not a cancel: the result stays.
    assert bob.tab.result.text() == "From Dr Alice Mentee: 1 shared note"
