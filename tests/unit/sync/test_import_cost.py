"""Sync costs what a change carries: not the square of it, not the whole history.

Both found by ``benchmarks/bench_sync.py``: an update that carries again
1,000 changes the partner already holds (it was written before their
acknowledgement arrived, the usual case with a shared folder) took about ten
times as long to import as the first one that brought them; and one new
note cost 27 times as much to export, 50 times as much to import, at 100,000
events of history as at 1,000.
"""

from __future__ import annotations

from collections.abc import Callable

from mentorpair.domain.events import EventKind
from mentorpair.storage import workspace
from mentorpair.storage.workspace import new_id
from tests.unit.sync.conftest import Person


def test_entries_already_held_are_read_once_each(paired, monkeypatch):
    amira, ben, pair_id = paired
    carried = 200
    amira.ws.record_many(
        pair_id,
        [
            (EventKind.GOAL_CREATED, {"goal_id": new_id(), "title": f"Goal {n}"})
            for n in range(carried)
        ],
    )
    ben.x.import_update(amira.x.export(pair_id))
    amira.ws.record(pair_id, EventKind.GOAL_CREATED, goal_id=new_id(), title="One more")
    again = amira.x.export(pair_id)  # Ben has not acknowledged the 200: they go again
    parsed = 0
    real = workspace._row_to_event

    def counting(row):
        nonlocal parsed
        parsed += 1
        return real(row)

    monkeypatch.setattr(workspace, "_row_to_event", counting)
    summary = ben.x.import_update(again)
    assert summary.counts == {"goals": 1}
    # Each carried entry may be read a few times (admission, the held check), not once
    # per later entry of its chain: linear, here at most 5 per entry.
    assert parsed <= 5 * (carried + 1), f"{parsed} events parsed for {carried + 1} carried"


def sqlite_steps(person: Person, action: Callable[[], object]) -> int:
    """How much SQLite work ``action`` costs in ``person``'s vault.

    Counted in tens of virtual-machine instructions, which is exact and
    the same on every machine, unlike a stopwatch.
    """
    steps = 0

    def count() -> int:
        nonlocal steps
        steps += 1
        return 0  # go on

    connection = person.vault.db._connection()
    connection.set_progress_handler(count, 10)
    try:
        action()
    finally:
        connection.set_progress_handler(None, 100)
    return steps


def one_note_there_and_back(sender: Person, receiver: Person, pair_id: str) -> tuple[int, int]:
    """SQLite work to export one new note, and to import it on the other side."""
    sender.ws.record(
        pair_id, EventKind.NOTE_CREATED, note_id=new_id(), kind="shared", title="t", text="t"
    )
    data: list[bytes] = []
    export = sqlite_steps(sender, lambda: data.append(sender.x.export(pair_id)))
    imported = sqlite_steps(receiver, lambda: receiver.x.import_update(data[0]))
    sender.x.import_update(receiver.x.export(pair_id))  # the acknowledgement
    return export, imported


def test_one_new_note_costs_the_same_whatever_the_history(paired):
    amira, ben, pair_id = paired
    history = [
        (EventKind.GOAL_CREATED, {"goal_id": new_id(), "title": f"Goal {n}"}) for n in range(2000)
    ]
    amira.ws.record_many(pair_id, history[:100])
    ben.x.import_update(amira.x.export(pair_id))
    amira.x.import_update(ben.x.export(pair_id))
    small = one_note_there_and_back(amira, ben, pair_id)
    amira.ws.record_many(pair_id, history[100:])
    ben.x.import_update(amira.x.export(pair_id))
    amira.x.import_update(ben.x.export(pair_id))
    large = one_note_there_and_back(amira, ben, pair_id)
    # 20 times the history: the same work, give or take what an index lookup adds.
    assert large[0] < 1.5 * small[0], f"export: {small[0]} -> {large[0]} ten SQLite steps"
    assert large[1] < 1.5 * small[1], f"import: {small[1]} -> {large[1]} ten SQLite steps"
