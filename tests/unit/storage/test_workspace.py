"""Workspace: changes are checked before they are stored, and stored all or none."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta

import pytest

from mentorpair.domain.events import Event, EventKind
from mentorpair.domain.model import Role
from mentorpair.domain.rules import RuleViolation
from mentorpair.errors import DiskFull
from mentorpair.storage.vault import Vault
from mentorpair.storage.workspace import Workspace, new_id
from tests.unit.storage.support import PASSPHRASE

K = EventKind


@pytest.fixture
def ws(vault_folder):
    vault = Vault.open(vault_folder, PASSPHRASE)
    yield Workspace(vault)
    vault.close()


def stored_ids(ws, pair):
    return [e.event_id for e in ws.events(pair)]


def test_state_survives_reopening(vault_folder):
    with Vault.open(vault_folder, PASSPHRASE) as vault:
        ws = Workspace(vault)
        pair = ws.create_pair(Role.MENTOR, "Dr Amara Okafor")
        ws.record(pair, K.ACTION_ADDED, action_id="a1", what="Send the audit", owner="mentee")
    with Vault.open(vault_folder, PASSPHRASE) as vault:
        state = Workspace(vault).state(pair)
        assert state.my_role is Role.MENTOR  # a mentor's copy reopens as the mentor's
        assert state.actions["a1"].what == "Send the audit"
        assert state.rejected == []


def test_a_refused_change_stores_nothing(ws):
    pair = ws.create_pair(Role.MENTOR, "Dr Amara Okafor")
    before = stored_ids(ws, pair)
    with pytest.raises(RuleViolation, match="Only the mentee"):
        ws.record(pair, K.GOAL_CREATED, goal_id="g1", title="Not mine to set")
    assert stored_ids(ws, pair) == before
    assert ws.state(pair).goals == {}


def test_record_many_is_all_or_nothing(ws):
    pair = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
    before = stored_ids(ws, pair)
    with pytest.raises(RuleViolation):
        ws.record_many(
            pair,
            [
                (K.GOAL_CREATED, {"goal_id": "g1", "title": "Pass the exam"}),
                (K.GOAL_UPDATED, {"goal_id": "nope", "title": "x"}),
            ],
        )
    assert stored_ids(ws, pair) == before
    assert ws.state(pair).goals == {}  # the cached state was rebuilt, not left half-applied


def test_a_full_disk_keeps_the_state_as_on_disk(ws, monkeypatch):
    pair = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")

    def full(*_args, **_kwargs):
        raise DiskFull()

    monkeypatch.setattr(ws, "_reindex", full)
    with pytest.raises(DiskFull):
        ws.record(pair, K.GOAL_CREATED, goal_id="g1", title="Pass the exam")
    monkeypatch.undo()
    assert ws.state(pair).goals == {}
    assert len(ws.events(pair)) == 1  # only the pair's creation


def test_private_notes_never_count_as_shareable(ws):
    pair = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
    ws.record(pair, K.NOTE_CREATED, note_id="n1", kind="private", title="mine", text="SECRET-7")
    ws.record(
        pair, K.NOTE_EDITED, note_id="n1", base=ws.state(pair).notes["n1"].revision, text="SECRET-8"
    )
    ws.record(pair, K.NOTE_DELETED, note_id="n1")
    ws.record(pair, K.NOTE_CREATED, note_id="n2", kind="shared", title="ours", text="shared words")
    shared = ws.shareable_events(pair)
    assert [e.kind for e in shared] == [K.NOTE_CREATED]
    assert all("SECRET" not in str(e.to_dict()) for e in shared)


def test_events_made_elsewhere_are_checked_and_stored_together(ws):
    pair = ws.create_pair(Role.MENTOR, "Dr Amara Okafor")
    at = datetime.now(UTC) + timedelta(seconds=5)
    goal = Event(
        new_id(), pair, Role.MENTEE, K.GOAL_CREATED, at, {"goal_id": "g1", "title": "Lead nights"}
    )
    ws.add_events(pair, [goal])
    ws.add_events(pair, [goal])  # the same event twice is stored once
    assert stored_ids(ws, pair).count(goal.event_id) == 1
    assert ws.state(pair).goals["g1"].title == "Lead nights"
    assert [h.entity_id for h in ws.search("nights")] == ["g1"]

    forged = Event(
        new_id(), pair, Role.MENTOR, K.GOAL_UPDATED, at + timedelta(seconds=1),
        {"goal_id": "g1", "title": "Changed by the mentor"},
    )  # fmt: skip
    fine = Event(
        new_id(), pair, Role.MENTEE, K.GOAL_UPDATED, at + timedelta(seconds=2),
        {"goal_id": "g1", "progress": 50},
    )  # fmt: skip
    before = stored_ids(ws, pair)
    with pytest.raises(RuleViolation, match="Only the mentee"):
        ws.add_events(pair, [fine, forged])
    assert stored_ids(ws, pair) == before
    assert ws.state(pair).goals["g1"].progress == 0


def test_destroying_a_pair_leaves_no_trace(ws):
    keep = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
    gone = ws.create_pair(Role.MENTEE, "Dr Someone Else")
    ws.record(gone, K.NOTE_CREATED, note_id="n1", kind="shared", title="t", text="zebrafish")
    ws.record(keep, K.NOTE_CREATED, note_id="n2", kind="shared", title="t", text="zebrafish")
    ws.destroy_pair(gone)
    assert ws.events(gone) == []
    assert [p.pair_id for p in ws.pairs()] == [keep]
    assert [h.pair_id for h in ws.search("zebrafish")] == [keep]
    rows = ws.vault.db.query("SELECT count(*) FROM search_rows WHERE pair_id = :p", {"p": gone})
    assert rows == [(0,)]


def test_note_text_and_its_search_index_never_reach_the_disk_in_plaintext(vault_folder):
    canary = "Quokkacanary"
    with Vault.open(vault_folder, PASSPHRASE) as vault:
        ws = Workspace(vault)
        pair = ws.create_pair(Role.MENTEE, f"Dr {canary} Partner")
        ws.record(pair, K.NOTE_CREATED, note_id="n1", kind="private", title=canary, text=canary * 3)
        ws.record(pair, K.GOAL_CREATED, goal_id="g1", title=f"{canary} goal")
        assert ws.search(canary.lower())  # the index really holds the word
        files = {p.name: p.read_bytes() for p in vault_folder.iterdir() if p.is_file()}
        assert "vault.db-wal" in files  # scanned while open: the WAL holds the new pages
    files.update({p.name: p.read_bytes() for p in vault_folder.iterdir() if p.is_file()})
    for name, data in files.items():
        for needle in (canary, canary.lower()):
            for encoded in (needle.encode(), needle.encode("utf-16-le")):
                assert encoded not in data, name


def test_event_count_and_is_open(ws):
    pair = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
    ws.record(pair, K.NOTE_CREATED, note_id=new_id(), kind="shared", title="t", text="x")
    assert ws.event_count(pair) == 2 and ws.event_count("no such pair") == 0
    assert ws.is_open(pair)
    ws.forget(pair)
    assert not ws.is_open(pair)
    ws.state(pair)
    assert ws.is_open(pair)


def test_a_save_while_a_pair_loads_on_another_thread_is_in_the_cached_state(ws, monkeypatch):
    # The race (issue 12): the pool thread reads the pair's changes, a save comes
    # in before its fold is cached, and the cache would miss the save for good.
    pair = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
    ws.forget(pair)
    db = ws.vault.db
    original = db.query
    read = threading.Event()

    def slow_query(sql, params=None):
        rows = original(sql, params)
        if threading.current_thread().name == "loader" and not read.is_set():
            read.set()
            time.sleep(0.3)  # the fold of a long history, after the read
        return rows

    monkeypatch.setattr(db, "query", slow_query)
    loader = threading.Thread(target=lambda: ws.load(pair), name="loader")
    loader.start()
    assert read.wait(10)
    note_id = new_id()
    ws.record(pair, K.NOTE_CREATED, note_id=note_id, kind="shared", title="t", text="x")
    loader.join(10)
    assert note_id in ws.state(pair).notes
