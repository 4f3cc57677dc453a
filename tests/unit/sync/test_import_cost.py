"""Importing an update costs what the update carries, not the square of it.

Found by ``benchmarks/bench_sync.py``: an update that carries again 1,000
changes the partner already holds (it was written before their
acknowledgement arrived, the usual case with a shared folder) took about ten
times as long to import as the first one that brought them.
"""

from __future__ import annotations

from mentorpair.domain.events import EventKind
from mentorpair.storage import workspace
from mentorpair.storage.workspace import new_id


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
