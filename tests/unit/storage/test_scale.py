"""Costs that must not grow with a pair's history (issue 12, "Instant at any size").

Timings are noise on shared machines; these count work instead: SQLite
virtual-machine steps (exact, the same everywhere) and folds.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable
from typing import Any

import pytest

from mentorpair.domain.events import Event, EventKind
from mentorpair.domain.model import Role
from mentorpair.domain.state import PairState, fold
from mentorpair.storage import workspace
from mentorpair.storage.vault import Vault
from mentorpair.storage.workspace import PairSummary, Workspace, new_id
from tests.unit.storage.support import PASSPHRASE

K = EventKind


@pytest.fixture
def ws(vault_folder):
    vault = Vault.open(vault_folder, PASSPHRASE)
    yield Workspace(vault)
    vault.close()


def sqlite_steps(ws: Workspace, action: Callable[[], object]) -> int:
    """SQLite work ``action`` costs, in tens of virtual-machine instructions."""
    steps = 0

    def count() -> int:
        nonlocal steps
        steps += 1
        return 0

    connection = ws.vault.db._connection()
    connection.set_progress_handler(count, 10)
    try:
        action()
    finally:
        connection.set_progress_handler(None, 100)
    return steps


def notes(count: int) -> list[tuple[EventKind, dict[str, Any]]]:
    return [
        (K.NOTE_CREATED, {"note_id": new_id(), "kind": "shared", "title": f"n{n}", "text": "t"})
        for n in range(count)
    ]


def cold_pairs(ws: Workspace) -> list[PairSummary]:
    """The sidebar as just after unlocking: nothing cached."""
    return Workspace(ws.vault).pairs()


def test_the_sidebar_costs_the_same_at_any_history(ws, monkeypatch):
    pair = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
    ws.create_pair(Role.MENTOR, "Sam Lee")
    ws.record_many(pair, notes(50))
    small = sqlite_steps(ws, lambda: cold_pairs(ws))
    ws.record_many(pair, notes(1000))
    large = sqlite_steps(ws, lambda: cold_pairs(ws))
    assert large <= small * 1.2 + 50, f"{small} steps at 50 events, {large} at 1,050"
    folded: list[int] = []

    def counting_fold(pair_id: str, events: Iterable[Event]) -> PairState:
        events = list(events)
        folded.append(len(events))
        return fold(pair_id, events)

    monkeypatch.setattr(workspace, "fold", counting_fold)
    cold_pairs(ws)
    assert max(folded) <= 2, f"the sidebar folded {folded} events per pair"


def test_the_sidebar_agrees_with_the_full_fold(ws):
    helen = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
    sam = ws.create_pair(Role.MENTOR, "sam Lee")
    ws.record_many(helen, notes(3))
    ws.record(sam, K.RELATIONSHIP_ENDED, summary="We met our goals.")
    ws.record(sam, K.ENDING_REASON, reason="Moved on")
    expected = [
        PairSummary(p, s.partner_name, s.my_role, s.read_only)
        for p, s in ((p, Workspace(ws.vault).state(p)) for p in (helen, sam))
    ]
    assert cold_pairs(ws) == expected  # by ending, then name
    assert ws.pairs() == expected  # from the cached states


def test_the_sidebar_leaves_out_quarantined_endings(ws):
    pair = ws.create_pair(Role.MENTOR, "Dr Helen Marsh")
    ws.record(pair, K.RELATIONSHIP_ENDED, summary="")
    assert cold_pairs(ws)[0].ended
    ws.quarantine(pair, ws.origin)
    assert not cold_pairs(ws)[0].ended
    assert not ws.pairs()[0].ended


def test_the_sidebar_is_kept_until_a_pair_is_made_ended_set_aside_or_destroyed(ws):
    helen = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
    sam = ws.create_pair(Role.MENTOR, "Sam Lee")
    assert [p.partner_name for p in ws.pairs()] == ["Dr Helen Marsh", "Sam Lee"]
    # Asked again with nothing changed, it does not touch the database: a long
    # pair being opened on a pool thread holds it, and the sidebar must not wait.
    before = sqlite_steps(ws, ws.pairs)
    ws.record_many(helen, notes(20))
    assert sqlite_steps(ws, ws.pairs) == before == 0
    ws.record(sam, K.RELATIONSHIP_ENDED, summary="")
    assert [(p.partner_name, p.ended) for p in ws.pairs()] == [
        ("Dr Helen Marsh", False),
        ("Sam Lee", True),
    ]
    ws.quarantine(sam, ws.origin)
    assert ws.pairs() == cold_pairs(ws)
    assert not any(p.ended for p in ws.pairs())
    zoe = ws.create_pair(Role.MENTOR, "Zoë Adams")
    assert ws.pairs() == cold_pairs(ws)
    ws.destroy_pair(helen)
    assert [p.pair_id for p in ws.pairs()] == [sam, zoe]
    # What a returned list is given is never the kept one.
    ws.pairs().clear()
    assert len(ws.pairs()) == 2


def test_a_batch_indexes_each_thing_once(ws, monkeypatch):
    pair = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
    note = new_id()
    ws.record(pair, K.NOTE_CREATED, note_id=note, kind="shared", title="Rota", text="nights")
    writes: list[str] = []
    db = ws.vault.db
    for name in ("execute", "execute_many"):
        real = getattr(db, name)

        def counting(sql: str, *args: Any, _real: Any = real) -> None:
            writes.append(sql)
            _real(sql, *args)

        monkeypatch.setattr(db, name, counting)

    def edits() -> Any:
        for n in range(50):
            base = ws.state(pair).notes[note].revision
            yield K.NOTE_EDITED, {"note_id": note, "base": base, "text": f"nights {n}"}

    ws.record_many(pair, edits())
    # FTS5 commands (upkeep before removals) are not entries: once per batch.
    upkeep = [s.split("'")[1] for s in writes if "INTO search (search, rank)" in s]
    assert upkeep == ["usermerge", "merge"]  # the setting: once per vault
    search_writes = [
        s
        for s in writes
        if ("INTO search " in s or "FROM search " in s) and "(search, rank)" not in s
    ]
    assert len(search_writes) == 2, search_writes  # one removal, one entry: not 50 of each
    assert [h.entity_id for h in ws.search("nights 49")] == [note]
    assert ws.search("nights 48") == []


def test_opening_a_pair_decodes_each_event_without_copying_it(ws, monkeypatch):
    pair = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
    ws.record_many(pair, notes(100))
    expected = ws.state(pair).notes
    copies = 0
    real = copy.deepcopy

    def counting(value: Any, *args: Any) -> Any:
        nonlocal copies
        copies += 1
        return real(value, *args)

    monkeypatch.setattr(copy, "deepcopy", counting)
    cold = Workspace(ws.vault).state(pair)
    assert copies == 0, f"{copies} deep copies to open a pair of 101 events"
    assert cold.notes == expected
