"""Any order of arrival gives the same state on both machines (Hypothesis).

Both partners make changes offline, export updates at random moments, and
the updates arrive late, out of order, twice, or not at all until the end;
refused ones (too early, already imported) change nothing. After a final
exchange both vaults show the same shared state.
"""

from __future__ import annotations

import contextlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mentorpair.domain.events import EventKind
from mentorpair.errors import UpdateAlreadyImported, UpdateTooEarly
from mentorpair.storage.workspace import new_id
from tests.unit.domain.factory import shared_view
from tests.unit.sync.conftest import Person, pair_up

STEP = st.one_of(
    st.tuples(st.just("goal"), st.text("abcdef", min_size=1, max_size=8)),
    st.tuples(st.just("note"), st.sampled_from(["mentee", "mentor"])),
    st.tuples(st.just("edit"), st.sampled_from(["mentee", "mentor"])),
    st.tuples(st.just("action"), st.sampled_from(["mentee", "mentor"])),
    st.tuples(st.just("export"), st.sampled_from(["mentee", "mentor"])),
    st.tuples(st.just("deliver"), st.integers(0, 50)),
)


def _act(person: Person, pair_id: str, step: tuple[str, object]) -> None:
    kind, arg = step
    state = person.ws.state(pair_id)
    if kind == "goal":
        person.ws.record(pair_id, EventKind.GOAL_CREATED, goal_id=new_id(), title=str(arg))
    elif kind == "note":
        person.ws.record(
            pair_id, EventKind.NOTE_CREATED, note_id=new_id(), kind="shared", title="n", text="t"
        )
    elif kind == "edit" and state.notes:
        note = sorted(state.notes.values(), key=lambda n: n.note_id)[0]
        person.ws.record(
            pair_id, EventKind.NOTE_EDITED, note_id=note.note_id, text=new_id(),
            base=note.revision,
        )  # fmt: skip
    elif kind == "action":
        person.ws.record(
            pair_id, EventKind.ACTION_ADDED, action_id=new_id(), what="w", owner="mentee"
        )


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.lists(STEP, max_size=25), seed=st.randoms(use_true_random=False))
def test_partners_converge_whatever_the_order_of_arrival(people, steps, seed):
    mentee, mentor, _ = people
    pair_id = pair_up(mentee, mentor)
    side = {"mentee": mentee, "mentor": mentor}
    in_flight: list[tuple[Person, bytes]] = []
    for step in steps:
        kind, arg = step
        if kind == "export":
            sender = side[str(arg)]
            receiver = mentor if sender is mentee else mentee
            in_flight.append((receiver, sender.x.export(pair_id)))
        elif kind == "deliver" and in_flight:
            receiver, data = in_flight.pop(int(arg) % len(in_flight))
            # Refused and harmless: a later update carries the same changes.
            with contextlib.suppress(UpdateTooEarly, UpdateAlreadyImported):
                receiver.x.import_update(data)
        elif kind in ("goal",):
            _act(mentee, pair_id, step)
        elif kind in ("note", "edit", "action"):
            _act(side[str(arg)], pair_id, step)
    seed.shuffle(in_flight)
    for receiver, data in in_flight:
        with contextlib.suppress(UpdateTooEarly, UpdateAlreadyImported):
            receiver.x.import_update(data)
    # A final round trip, as the shared folder would do.
    mentor.x.import_update(mentee.x.export(pair_id))
    mentee.x.import_update(mentor.x.export(pair_id))
    mentor.x.import_update(mentee.x.export(pair_id))
    assert shared_view(mentee.ws.state(pair_id)) == shared_view(mentor.ws.state(pair_id))
    assert mentee.ws.state(pair_id).rejected == mentor.ws.state(pair_id).rejected == []
    assert mentee.x.unsent(pair_id) == mentor.x.unsent(pair_id) == 0
