"""Saved pair states: a pair opens from its snapshot exactly as a fold from scratch would.

Issue 12. Whatever stores, changes or deletes events (this app, an older one
through the triggers, a quarantine, a late delivery from a partner), the
state a fresh workspace opens is the fold of the events stored.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from mentorpair.domain.events import Event, EventKind
from mentorpair.domain.model import Role
from mentorpair.domain.state import PairState, fold
from mentorpair.errors import DiskFull
from mentorpair.storage import snapshots, workspace
from mentorpair.storage.vault import Vault
from mentorpair.storage.workspace import Workspace, new_id
from tests.unit.domain.factory import fingerprint
from tests.unit.domain.offline import Offline, offline_histories
from tests.unit.storage.support import PASSPHRASE, copy_vault

K = EventKind
LONG = os.environ.get("MENTORPAIR_LONG") == "1"


@pytest.fixture(autouse=True)
def small_thresholds(monkeypatch: pytest.MonkeyPatch) -> None:
    """Save after a fold of 3 events, refresh past 2 more (the real ones are thousands)."""
    monkeypatch.setattr(workspace, "SNAPSHOT_MIN_EVENTS", 3)
    monkeypatch.setattr(snapshots, "REFRESH_EVENTS", 2)


@pytest.fixture
def vault(vault_folder: Path) -> Iterator[Vault]:
    with Vault.open(vault_folder, PASSPHRASE) as opened:
        yield opened


def everything(state: PairState) -> tuple[Any, ...]:
    """Every attribute, refused changes and where the fold stands included."""
    return (
        fingerprint(state, rejected=True),
        state.heads,
        state.max_clock,
        state.max_pclock,
        state.last_key,
    )


def as_folded(vault: Vault, pair: str) -> tuple[Any, ...]:
    """What a fold from scratch of the pair's stored events gives."""
    return everything(fold(pair, Workspace(vault).events(pair)))


def opened(vault: Vault, pair: str) -> PairState:
    """The pair as a fresh workspace opens it (a cold open: the app just started)."""
    return Workspace(vault).state(pair)


def saved(vault: Vault, pair: str) -> tuple[int, int] | None:
    """(covers, events) of the pair's snapshot, if it has one."""
    row = vault.db.query_one(
        "SELECT covers, events FROM pair_snapshots WHERE pair_id = :p", {"p": pair}
    )
    return None if row is None else (int(row[0]), int(row[1]))


def store(vault: Vault, events: Sequence[Event]) -> None:
    """Store events as they are, unchecked: as an import, a sync or an older app would."""
    ws = Workspace(vault)
    with vault.db.transaction():
        for event in events:
            ws._insert(PairState(event.pair_id), event, bool(event.seq))


def counting(calls: list[str]) -> Callable[[str, Iterable[Event]], PairState]:
    """``fold``, noting each pair it folds in ``calls``."""

    def fold_and_note(pair_id: str, events: Iterable[Event]) -> PairState:
        calls.append(pair_id)
        return fold(pair_id, events)

    return fold_and_note


def a_pair(vault: Vault, goals: int = 3) -> str:
    """A mentee's pair with a goal per change; a fresh workspace has saved it."""
    ws = Workspace(vault)
    pair = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
    ws.record_many(
        pair, [(K.GOAL_CREATED, {"goal_id": f"g{n}", "title": f"Goal {n}"}) for n in range(goals)]
    )
    opened(vault, pair)
    assert saved(vault, pair) is not None
    return pair


# ----------------------------------------------------------------- as a fold from scratch
@settings(
    max_examples=400 if LONG else 50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(history=offline_histories(max_steps=60), data=st.data())
def test_a_pair_opened_from_its_snapshot_equals_the_fold(
    template_vault: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    history: Offline,
    data: st.DataObject,
):
    # Two of the mentee's devices and the mentor work offline; this vault
    # stores what arrives in the order it arrives, and the app is started
    # again at random moments. Late deliveries sort before the saved state
    # and force a fold from scratch; the rest is taken on the restored one.
    folded: list[str] = []
    monkeypatch.setattr(workspace, "fold", counting(folded))
    folder = copy_vault(template_vault, Path(tempfile.mkdtemp(dir=tmp_path)) / "vault")
    pair = history.arrivals[0].pair_id
    with Vault.open(folder, PASSPHRASE) as vault:
        start = 0
        while start < len(history.arrivals):
            step = data.draw(st.integers(1, 8), label="events until the next start")
            store(vault, history.arrivals[start : start + step])
            start += step
            had = saved(vault, pair) is not None
            folds = len(folded)
            assert everything(opened(vault, pair)) == as_folded(vault, pair)
            if had:
                event("late change: folded again" if len(folded) > folds else "restored")
        assert everything(opened(vault, pair)) == everything(fold(pair, history.arrivals))


def test_a_late_change_that_sorts_earlier_folds_everything(vault: Vault, caplog):
    pair = a_pair(vault)
    state = opened(vault, pair)
    # A goal update made on another device right after g0 (clock 2, as g1's),
    # delivered only now: it sorts between changes the snapshot holds.
    late = Event(
        new_id(), pair, Role.MENTEE, K.GOAL_UPDATED, datetime(2020, 1, 1, tzinfo=UTC),
        {"goal_id": "g0", "progress": 50}, 2, "e" * 32, 1, {},
    )  # fmt: skip
    assert not state.sees_after(late)
    store(vault, [late])
    with caplog.at_level(logging.INFO, logger="mentorpair.storage.workspace"):
        reopened = opened(vault, pair)
    assert "folding the history" in caplog.text
    assert reopened.goals["g0"].progress == 50
    assert everything(reopened) == as_folded(vault, pair)
    _, events = saved(vault, pair) or (0, 0)
    assert events == len(Workspace(vault).events(pair))  # saved anew, with the late change


def test_changes_after_the_snapshot_are_taken_on_it(vault: Vault, monkeypatch):
    pair = a_pair(vault)
    ws = Workspace(vault)
    ws.record(pair, K.GOAL_UPDATED, goal_id="g1", progress=30)
    folds: list[str] = []
    monkeypatch.setattr(workspace, "fold", counting(folds))
    state = opened(vault, pair)
    assert folds == []  # restored and one change taken, no fold
    assert state.goals["g1"].progress == 30
    assert everything(state) == as_folded(vault, pair)


# ----------------------------------------------------------------- when it is written
def test_a_short_history_is_not_saved(vault: Vault, monkeypatch):
    monkeypatch.setattr(workspace, "SNAPSHOT_MIN_EVENTS", 2_000)
    ws = Workspace(vault)
    pair = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
    opened(vault, pair)
    assert saved(vault, pair) is None


def test_a_snapshot_is_refreshed_only_when_enough_came_after(vault: Vault):
    pair = a_pair(vault, goals=20)  # 21 events
    first = saved(vault, pair)
    ws = Workspace(vault)
    ws.record(pair, K.GOAL_UPDATED, goal_id="g1", progress=10)
    ws.record(pair, K.GOAL_UPDATED, goal_id="g1", progress=20)
    opened(vault, pair)
    assert saved(vault, pair) == first  # 2 after 21: not more than max(2, 10 %)
    ws.record(pair, K.GOAL_UPDATED, goal_id="g1", progress=30)
    opened(vault, pair)
    covers, events = saved(vault, pair) or (0, 0)
    assert events == 24 and first is not None and covers > first[0]


def test_nothing_is_saved_inside_a_callers_transaction(vault: Vault):
    ws = Workspace(vault)
    pair = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
    ws.record_many(pair, [(K.GOAL_CREATED, {"goal_id": f"g{n}", "title": "G"}) for n in range(5)])
    cold = Workspace(vault)
    cold.record(pair, K.GOAL_UPDATED, goal_id="g1", progress=10)  # opens it in its transaction
    assert saved(vault, pair) is None
    assert everything(cold.state(pair)) == as_folded(vault, pair)


def test_a_change_while_folding_means_no_snapshot(vault: Vault, monkeypatch):
    # Another thread stores (or quarantines) between reading and saving: the
    # fold may not hold it, so saving it under a later mark would be wrong.
    ws = Workspace(vault)
    pair = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
    ws.record_many(pair, [(K.GOAL_CREATED, {"goal_id": f"g{n}", "title": "G"}) for n in range(5)])

    def fold_meanwhile(pair_id: str, events: Any) -> PairState:
        state = fold(pair_id, list(events))
        vault.db.execute("INSERT INTO meta (key, value) VALUES ('meanwhile', '1')")
        return state

    monkeypatch.setattr(workspace, "fold", fold_meanwhile)
    opened(vault, pair)
    assert saved(vault, pair) is None


@pytest.mark.warnings_expected
def test_a_failed_snapshot_write_fails_nothing(vault: Vault, monkeypatch, caplog):
    ws = Workspace(vault)
    pair = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
    ws.record_many(pair, [(K.GOAL_CREATED, {"goal_id": f"g{n}", "title": "G"}) for n in range(5)])
    real = vault.db.execute

    def full(sql: str, params: Any = None) -> None:
        if "pair_snapshots" in sql:
            raise DiskFull()
        real(sql, params)

    monkeypatch.setattr(vault.db, "execute", full)
    cold = Workspace(vault)
    assert everything(cold.state(pair)) == as_folded(vault, pair)
    assert "pair state not saved (DiskFull)" in caplog.text
    cold.record(pair, K.GOAL_UPDATED, goal_id="g1", progress=10)  # and saving still works
    assert saved(vault, pair) is None
    assert cold.state(pair).goals["g1"].progress == 10
    monkeypatch.undo()
    assert everything(opened(vault, pair)) == as_folded(vault, pair)


# ----------------------------------------------------------------- unusable snapshots
@pytest.mark.warnings_expected
@pytest.mark.parametrize(
    "damage",
    ["not json at all", "[]", '{"format": 1}', "truncated"],
)
def test_a_damaged_snapshot_is_replaced_by_a_fold(vault: Vault, damage: str, caplog):
    pair = a_pair(vault)
    if damage == "truncated":
        row = vault.db.query_one("SELECT state FROM pair_snapshots WHERE pair_id = :p", {"p": pair})
        assert row is not None
        damage = str(row[0])[: len(str(row[0])) // 2]
    # Written around the triggers (which only watch events): as damage would be.
    vault.db.execute(
        "UPDATE pair_snapshots SET state = :s WHERE pair_id = :p", {"s": damage, "p": pair}
    )
    state = opened(vault, pair)
    assert everything(state) == as_folded(vault, pair)
    assert "saved pair state unreadable" in caplog.text
    assert "Goal" not in caplog.text and "Helen" not in caplog.text  # no content in logs
    text = vault.db.query_one("SELECT state FROM pair_snapshots WHERE pair_id = :p", {"p": pair})
    assert text is not None
    json.loads(str(text[0]))  # and replaced by a good one
    assert everything(opened(vault, pair)) == as_folded(vault, pair)


@pytest.mark.parametrize(("column", "value"), [("format", 999), ("made_by", "0.0.1")])
def test_a_snapshot_of_another_format_or_version_is_ignored_and_replaced(vault, column, value):
    # Another version's fold may differ: its state decodes, but is not believed.
    pair = a_pair(vault)
    row = vault.db.query_one("SELECT state FROM pair_snapshots WHERE pair_id = :p", {"p": pair})
    assert row is not None
    other = {**json.loads(str(row[0])), "partner_name": "Folded otherwise"}
    vault.db.execute(
        f"UPDATE pair_snapshots SET {column} = :v, state = :s WHERE pair_id = :p",
        {"v": value, "p": pair, "s": json.dumps(other)},
    )
    assert opened(vault, pair).partner_name == "Dr Helen Marsh"
    assert everything(opened(vault, pair)) == as_folded(vault, pair)
    row = vault.db.query_one(f"SELECT {column} FROM pair_snapshots WHERE pair_id = :p", {"p": pair})
    assert row is not None and row[0] != value


# ----------------------------------------------------------------- the triggers
@pytest.mark.parametrize(
    "sql",
    [
        'UPDATE events SET body = \'{"goal_id": "g1", "progress": 99}\' WHERE event_id = :e',
        "UPDATE events SET clock = clock + 100 WHERE event_id = :e",
        "UPDATE events SET origin = '' , seq = 0 WHERE event_id = :e",
        "UPDATE events SET seen = '{}' WHERE event_id = :e",
        "UPDATE events SET quarantined = 1 WHERE event_id = :e",
        "UPDATE events SET kind = 'goal.updated' WHERE event_id = :e",
        "DELETE FROM events WHERE event_id = :e",
    ],
    ids=["body", "clock", "origin-seq", "seen", "quarantined", "kind", "delete"],
)
def test_an_older_app_rewriting_an_event_drops_the_snapshot(vault: Vault, sql: str):
    # An app of 1.3 opens a 1.4 vault (minor versions only add) and knows
    # nothing of snapshots; neither does a repair by hand.
    pair = a_pair(vault)
    goal = next(e for e in Workspace(vault).events(pair) if e.kind is K.GOAL_CREATED)
    vault.db.execute(sql, {"e": goal.event_id})
    assert saved(vault, pair) is None
    assert everything(opened(vault, pair)) == as_folded(vault, pair)


def test_an_event_stored_below_what_a_snapshot_covers_drops_it(vault: Vault):
    # Only a renumbered table (a copy, a VACUUM) gives a new event a rowid at
    # or below a snapshot's mark; "rowid > covers" would miss it.
    pair = a_pair(vault)
    vault.db.execute(
        "INSERT INTO events (rowid, event_id, pair_id, author, kind, at, shareable, body,"
        " clock, origin, seq) VALUES (-1, :e, :p, 'mentee', 'goal.updated',"
        ' \'2030-01-01T00:00:00.000000+00:00\', 1, \'{"goal_id": "g2", "progress": 70}\','
        " 99, :o, 1)",
        {"e": new_id(), "p": pair, "o": "e" * 32},
    )
    assert saved(vault, pair) is None
    assert opened(vault, pair).goals["g2"].progress == 70
    assert everything(opened(vault, pair)) == as_folded(vault, pair)


def test_an_event_stored_above_what_a_snapshot_covers_keeps_it(vault: Vault):
    pair = a_pair(vault)
    before = saved(vault, pair)
    Workspace(vault).record(pair, K.GOAL_UPDATED, goal_id="g2", progress=70)
    assert saved(vault, pair) == before
    assert opened(vault, pair).goals["g2"].progress == 70


def test_events_of_another_pair_leave_a_snapshot_alone(vault: Vault):
    pair = a_pair(vault)
    other = a_pair(vault)
    before = saved(vault, pair)
    Workspace(vault).destroy_pair(other)
    assert saved(vault, pair) == before
    assert saved(vault, other) is None


def test_quarantine_and_restore_drop_the_snapshot(vault: Vault):
    pair = a_pair(vault)
    ws = Workspace(vault)
    ws.quarantine(pair, ws.origin)
    assert saved(vault, pair) is None
    assert opened(vault, pair).goals == {}  # none of it counts
    assert saved(vault, pair) is None  # 0 events: below the threshold
    ws.quarantine(pair, ws.origin, restore=True)
    assert saved(vault, pair) is None
    assert len(opened(vault, pair).goals) == 3
    assert everything(opened(vault, pair)) == as_folded(vault, pair)


def test_quarantining_a_partners_key_is_seen_by_the_next_open(vault: Vault):
    ws = Workspace(vault)
    pair = ws.create_pair(Role.MENTOR, "Priya")
    partner = "d" * 32
    made = [
        Event(
            new_id(), pair, Role.MENTEE, K.GOAL_CREATED, datetime.now(UTC) + timedelta(seconds=n),
            {"goal_id": f"g{n}", "title": "Theirs"}, n + 1, partner, n + 1, {},
        )
        for n in range(4)
    ]  # fmt: skip
    ws.add_events(pair, made, received=True)
    assert len(opened(vault, pair).goals) == 4 and saved(vault, pair) is not None
    Workspace(vault).quarantine(pair, partner)
    assert opened(vault, pair).goals == {}


def test_a_destroyed_pair_leaves_no_snapshot(vault: Vault):
    pair = a_pair(vault)
    Workspace(vault).destroy_pair(pair)
    assert saved(vault, pair) is None
    assert vault.db.query(
        "SELECT COUNT(*) FROM pair_snapshots WHERE pair_id = :p", {"p": pair}
    ) == [(0,)]


def test_a_background_import_is_taken_on_the_snapshot(vault: Vault):
    # An update imported on a pool thread: its events and sync's bookkeeping
    # (``also``) commit together; the snapshot stays and the next open takes them.
    ws = Workspace(vault)
    pair = ws.create_pair(Role.MENTOR, "Priya")
    ws.record_many(
        pair,
        [
            (K.MEETING_PLANNED, {"meeting_id": f"m{n}", "starts_at": "2031-01-01T09:00:00+00:00"})
            for n in range(3)
        ],
    )
    opened(vault, pair)
    before = saved(vault, pair)
    partner, soon = "d" * 32, datetime.now(UTC) + timedelta(days=1)
    arrived = [
        Event(
            new_id(), pair, Role.MENTEE, K.GOAL_CREATED, soon + timedelta(seconds=n),
            {"goal_id": f"g{n}", "title": "Theirs"}, 10 + n, partner, n + 1, {},
        )
        for n in range(2)
    ]  # fmt: skip
    Workspace(vault).add_events(
        pair,
        arrived,
        received=True,
        also=lambda db: db.execute("INSERT INTO meta (key, value) VALUES ('synced', '1')"),
    )
    assert saved(vault, pair) == before  # still good: the new events come after it
    state = opened(vault, pair)
    assert set(state.goals) == {"g0", "g1"}
    assert everything(state) == as_folded(vault, pair)
