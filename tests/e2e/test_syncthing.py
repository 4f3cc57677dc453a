"""Two vaults converge through a folder that two real Syncthing instances share.

Each vault drives the app's own :meth:`SharedFolder.sync` on its own side of
the folder, and Syncthing carries the files between the two sides on
loopback, as it would between two people's computers. Covered: edits that
crossed while both were offline, a partner away for many passes, and a pass
killed (``kill -9``) in the middle of writing its update.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from mentorpair.domain.events import EventKind
from mentorpair.domain.model import Role
from mentorpair.storage.vault import Vault
from mentorpair.storage.workspace import Workspace, new_id
from mentorpair.sync.exchange import Exchange
from mentorpair.sync.folder import FolderReport, SharedFolder, is_update_name
from tests.e2e.syncthing import MISSING, TIMEOUT, SyncthingPair, ours, wait_until
from tests.unit.domain.factory import shared_view
from tests.unit.sync.conftest import Person, pair_up

pytestmark = pytest.mark.slow

FOLDER_PASS = Path(__file__).with_name("folder_pass.py")
TERMS = {
    "frequency": "Monthly",
    "starts_on": "2026-01-05",
    "review_on": "2026-07-06",
    "modes": ["in_person", "video"],
    "confidentiality": "Stays between us.",
    "limits": "Patient safety.",
    "no_fault_ending": True,
}


@pytest.fixture(scope="module")
def syncthing(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SyncthingPair]:
    """Two Syncthing instances for the whole module (each test shares its own folder)."""
    try:
        pair = SyncthingPair.start(tmp_path_factory.mktemp("syncthing"))
    except FileNotFoundError:
        pytest.skip(MISSING)
    try:
        yield pair
    finally:
        pair.stop()


@dataclass
class Side:
    """One person's vault, their shared folder object and their side of the folder."""

    person: Person
    shared: SharedFolder
    path: Path
    passphrase: str

    def sync(self, pair_id: str) -> FolderReport:
        report = self.shared.sync(pair_id)
        assert report.refused == []
        return report

    def reopen(self) -> None:
        """Open the vault again in this process, as after a restart of the app."""
        vault = Vault.open(self.person.vault.folder, self.passphrase)
        ws = Workspace(vault)
        self.person = Person(vault, ws, Exchange(ws))
        self.shared = SharedFolder(self.person.x)


@dataclass
class Pair:
    """Amira (mentee) on Syncthing side a, Ben (mentor) on side b, paired and verified."""

    amira: Side
    ben: Side
    pair_id: str
    folder_id: str
    syncthing: SyncthingPair

    def settle(self) -> None:
        self.syncthing.settle(self.folder_id)

    def converge(self, rounds: int = 8) -> None:
        """Passes on both sides until a whole round neither writes nor imports anything."""
        deadline = time.monotonic() + 2 * TIMEOUT
        for _ in range(rounds):
            quiet = True
            for side in (self.amira, self.ben):
                report = side.sync(self.pair_id)
                quiet = quiet and report.written is None and not report.imported
                self.settle()
            if quiet:
                return
            assert time.monotonic() < deadline, "no convergence within the deadline"
        raise AssertionError(f"still exchanging updates after {rounds} rounds")

    def assert_converged(self) -> None:
        a = self.amira.person.ws.state(self.pair_id)
        b = self.ben.person.ws.state(self.pair_id)
        assert shared_view(a) == shared_view(b)
        assert a.rejected == b.rejected == []
        assert self.amira.person.x.unsent(self.pair_id) == 0
        assert self.ben.person.x.unsent(self.pair_id) == 0
        for side in (self.amira, self.ben):
            assert all(is_update_name(n) for n in ours(side.path)), "a temporary file is left"


@pytest.fixture
def pair(syncthing: SyncthingPair, tmp_path: Path) -> Iterator[Pair]:
    amira = Person.create(tmp_path / "amira", "Amira Mentee")
    ben = Person.create(tmp_path / "ben", "Ben Mentor")
    folder_id = f"mentoring-{new_id()[:8]}"
    path_a, path_b = syncthing.share(folder_id)
    pair_id = pair_up(amira, ben)
    sides = []
    for person, path, name in ((amira, path_a, "Amira Mentee"), (ben, path_b, "Ben Mentor")):
        shared = SharedFolder(person.x)
        shared.choose(pair_id, path)
        sides.append(Side(person, shared, path, f"{name} passphrase for tests"))
    made = Pair(sides[0], sides[1], pair_id, folder_id, syncthing)
    try:
        yield made
    finally:
        for side in sides:
            if not side.person.vault.closed:
                side.person.vault.close()
        # The next test shares a folder of its own; this one stops costing anything.
        syncthing.pause(syncthing.a, folder_id)
        syncthing.pause(syncthing.b, folder_id)


def add_note(side: Side, pair_id: str, title: str) -> str:
    note_id = new_id()
    side.person.ws.record(
        pair_id, EventKind.NOTE_CREATED, note_id=note_id, kind="shared", title=title, text=title
    )
    return note_id


def edit_note(side: Side, pair_id: str, note_id: str, text: str) -> None:
    base = side.person.ws.state(pair_id).notes[note_id].revision
    side.person.ws.record(pair_id, EventKind.NOTE_EDITED, note_id=note_id, text=text, base=base)


# ---------------------------------------------------------------- crossed edits


def test_crossed_edits_converge_through_syncthing(pair):
    amira, ben, pair_id = pair.amira, pair.ben, pair.pair_id
    both_edit = add_note(amira, pair_id, "Session 1")
    edit_vs_delete = add_note(ben, pair_id, "Rota worries")
    terms = ben.person.ws.record(pair_id, EventKind.AGREEMENT_SET, **TERMS)
    pair.converge()
    pair.assert_converged()

    # Offline: each changes what the other also changes, before any pass.
    edit_note(amira, pair_id, both_edit, "Amira's words")
    edit_note(ben, pair_id, both_edit, "Ben's words")
    amira.person.ws.record(pair_id, EventKind.NOTE_DELETED, note_id=edit_vs_delete)
    edit_note(ben, pair_id, edit_vs_delete, "Ben still needs this")
    amira.person.ws.record(pair_id, EventKind.AGREEMENT_CONFIRMED, revision=terms.event_id)
    second = ben.person.ws.record(
        pair_id, EventKind.AGREEMENT_SET, **{**TERMS, "frequency": "Weekly"}
    )
    pair.converge()

    pair.assert_converged()
    state = amira.person.ws.state(pair_id)
    crossed = state.notes[both_edit]
    assert {crossed.text, *(c.text for c in crossed.conflicts)} == {
        "Amira's words",
        "Ben's words",
    }
    kept = state.notes[edit_vs_delete]  # the edit brought it back, marked
    assert kept.text == "Ben still needs this" and kept.deleted_by is not None
    assert state.agreement is not None and state.agreement.revision == second.event_id
    # Amira's confirmation crossed the new terms: it counts for the version she saw.
    assert state.agreement_versions[terms.event_id].confirmed_by == {Role.MENTEE, Role.MENTOR}
    assert state.agreement.confirmed_by == {Role.MENTOR}


# ---------------------------------------------------------------- partner away


def test_a_partner_away_for_many_passes_leaves_few_files(pair):
    amira, ben, pair_id = pair.amira, pair.ben, pair.pair_id
    add_note(ben, pair_id, "Before the holiday")
    pair.converge()
    pair.syncthing.pause(pair.syncthing.b, pair.folder_id)  # Ben's computer is off
    written: set[str] = set()
    for n in range(25):
        add_note(amira, pair_id, f"While Ben is away {n}")
        report = amira.sync(pair_id)
        assert report.written is not None
        written.add(report.written)
        assert len(written & ours(amira.path)) <= 2, "old updates pile up in the folder"
    pair.syncthing.pause(pair.syncthing.b, pair.folder_id, paused=False)
    pair.settle()
    pair.converge()
    pair.assert_converged()
    assert len(ben.person.ws.state(pair_id).notes) == 26
    assert len(ours(amira.path)) <= 2


# ---------------------------------------------------------------- killed while writing


def run_pass(side: Side, pair_id: str, tmp: Path, stall: str = "") -> subprocess.Popen[bytes]:
    """One folder pass of ``side``'s vault in a fresh process (see folder_pass.py)."""
    env = dict(os.environ, MENTORPAIR_TEST_PASSPHRASE=side.passphrase)
    if stall:
        env["MENTORPAIR_TEST_STALL"] = stall
    return subprocess.Popen(
        [sys.executable, str(FOLDER_PASS), str(side.person.vault.folder), pair_id,
         str(tmp / "stalled")],
        env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip


@pytest.mark.parametrize("stall", ["prepared", "tmp", "renamed"])
def test_a_pass_killed_while_writing_is_cleaned_up_and_sync_goes_on(pair, tmp_path, stall):
    amira, ben, pair_id = pair.amira, pair.ben, pair.pair_id
    add_note(ben, pair_id, "From Ben")
    pair.converge()
    add_note(amira, pair_id, "Written when the power went")
    before = ours(amira.path)
    amira.person.vault.close()  # the app runs in the child now

    child = run_pass(amira, pair_id, tmp_path, stall)
    marker = tmp_path / "stalled"
    try:
        wait_until(
            "the pass to reach its write", lambda: marker.exists() or child.poll() is not None
        )
    finally:
        child.kill()  # SIGKILL: no cleanup of any kind runs
        _, err = child.communicate(timeout=TIMEOUT)
    assert marker.exists(), err.decode(errors="replace")
    left = ours(amira.path) - before
    if stall == "prepared":  # its number is used up, nothing is in the folder yet
        assert left == set()
    else:  # the temporary file, or the update under its name
        assert len(left) == 1, left
        assert is_update_name(left.pop()) is (stall == "renamed")
    vault = Vault.open(amira.person.vault.folder, amira.passphrase)
    try:  # the journal names the file being written
        pending = vault.db.query("SELECT name FROM sync_files WHERE outcome LIKE 'pending:%'")
    finally:
        vault.close()
    assert len(pending) == (stall != "prepared")
    pair.settle()
    # Ben's app already imports the file that got its name, though it never counted as sent.
    assert len(ben.sync(pair_id).imported) == (stall == "renamed")
    pair.settle()

    child = run_pass(amira, pair_id, tmp_path)  # the app starts again: a fresh process
    out, err = child.communicate(timeout=TIMEOUT)
    assert child.returncode == 0, err.decode(errors="replace")
    assert b'"refused": []' in out
    amira.reopen()
    assert all(is_update_name(n) for n in ours(amira.path)), "a temporary file is left"
    pending = amira.person.vault.db.query(
        "SELECT name FROM sync_files WHERE outcome LIKE 'pending:%'"
    )
    assert pending == []
    pair.settle()
    pair.converge()
    pair.assert_converged()
    titles = {n.title for n in ben.person.ws.state(pair_id).notes.values()}
    assert titles == {"From Ben", "Written when the power went"}
