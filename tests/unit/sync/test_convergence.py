"""Two real vaults edit offline and exchange real update files in any order (Hypothesis).

Both partners make changes offline — notes, crossed edits of text and title,
deletes against edits, agenda, goals, agreement versions against
confirmations, actions, meetings and, now and then, an ending — export updates
at random moments, and the updates arrive late, out of order, twice, or not
at all until the end. Updates are refused only as "too early" or "already
imported" (and a later update carries the same changes). After a final round
trip both vaults show the same shared state, nothing was refused for what
happened meanwhile, and no direction is stuck.

The default run tries 40 histories (each is two real SQLCipher vaults and
real HPKE files); ``MENTORPAIR_LONG=1`` tries 1,000. The fold-level property
over three devices and 1,000 histories is ``tests/unit/domain/test_replicas.py``.
"""

from __future__ import annotations

import contextlib
import os
from datetime import UTC, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mentorpair.domain.events import EventKind
from mentorpair.domain.model import Role
from mentorpair.domain.rules import RuleViolation
from mentorpair.errors import UpdateAlreadyImported, UpdateTooEarly
from mentorpair.storage.workspace import new_id
from tests.unit.domain.factory import shared_view
from tests.unit.sync.conftest import Person, pair_up

LONG = os.environ.get("MENTORPAIR_LONG") == "1"
SIDE = st.sampled_from(["mentee", "mentor"])
STEP = st.one_of(
    st.tuples(st.just("note"), SIDE, st.integers(0, 3)),
    st.tuples(st.just("edit"), SIDE, st.integers(0, 3)),
    st.tuples(st.just("title"), SIDE, st.integers(0, 3)),
    st.tuples(st.just("delete"), SIDE, st.integers(0, 3)),
    st.tuples(st.just("goal"), st.just("mentee"), st.integers(0, 100)),
    st.tuples(st.just("agenda"), st.just("mentee"), st.integers(0, 3)),
    st.tuples(st.just("terms"), SIDE, st.integers(0, 1)),
    st.tuples(st.just("confirm"), SIDE, st.integers(0, 1)),
    st.tuples(st.just("action"), SIDE, st.integers(0, 1)),
    st.tuples(st.just("meeting"), SIDE, st.integers(0, 1)),
    st.tuples(st.just("end"), SIDE, st.integers(0, 9)),
    # Exchanges are drawn as often as changes, so changes build on each other.
    *[st.tuples(st.just("export"), SIDE, st.integers(0, 1))] * 4,
    *[st.tuples(st.just("deliver"), SIDE, st.integers(0, 50))] * 4,
    *[st.tuples(st.just("roundtrip"), SIDE, st.integers(0, 1))] * 3,
)


def _act(person: Person, pair_id: str, kind: str, arg: int) -> None:
    """One change as the UI would make it (a change the rules refuse is not stored)."""
    ws, state = person.ws, person.ws.state(pair_id)
    notes = sorted(state.notes.values(), key=lambda n: n.note_id)
    note = notes[arg % len(notes)] if notes else None
    change: tuple[EventKind, dict[str, object]] | None = None
    if kind == "note":
        change = (K.NOTE_CREATED, {"note_id": new_id(), "kind": "shared", "title": "n",
                                   "text": f"t{arg}"})  # fmt: skip
    elif kind in ("edit", "title") and note is not None:
        field = "text" if kind == "edit" else "title"
        change = (K.NOTE_EDITED, {"note_id": note.note_id, "base": note.revision,
                                  field: new_id()[:6]})  # fmt: skip
    elif kind == "delete" and note is not None:
        change = (K.NOTE_DELETED, {"note_id": note.note_id, "base": note.revision})
    elif kind == "goal":
        if state.goals:
            change = (K.GOAL_UPDATED, {"goal_id": sorted(state.goals)[0], "progress": arg})
        else:
            change = (K.GOAL_CREATED, {"goal_id": new_id(), "title": "Exam"})
    elif kind == "agenda" and state.meetings:
        items = state.agenda_for(sorted(state.meetings)[0])
        if items and arg % 2:
            change = (K.AGENDA_ITEM_REMOVED, {"item_id": items[0].item_id})
        else:
            change = (K.AGENDA_ITEM_ADDED, {"meeting_id": sorted(state.meetings)[0],
                                            "item_id": new_id(), "title": "Talk"})  # fmt: skip
    elif kind == "terms":
        change = (K.AGREEMENT_SET, {"frequency": ["monthly", "weekly"][arg], "modes": ["phone"],
                                    "confidentiality": "", "limits": "",
                                    "no_fault_ending": True})  # fmt: skip
    elif kind == "confirm" and state.agreement is not None:
        change = (K.AGREEMENT_CONFIRMED, {"revision": state.agreement.revision})
    elif kind == "action":
        if state.actions and arg:
            change = (K.ACTION_UPDATED, {"action_id": sorted(state.actions)[0], "done": True})
        else:
            change = (K.ACTION_ADDED, {"action_id": new_id(), "what": "Read", "owner": "mentee"})
    elif kind == "meeting":
        if state.meetings and arg:
            change = (K.MEETING_UPDATED, {"meeting_id": sorted(state.meetings)[0],
                                          "place": "Ward"})  # fmt: skip
        else:
            change = (K.MEETING_PLANNED, {"meeting_id": new_id(),
                                          "starts_at": "2027-01-05T09:00:00+00:00"})  # fmt: skip
    elif kind == "end" and arg == 0 and not state.read_only:
        change = (K.RELATIONSHIP_ENDED, {"summary": "Thank you"})
    if change is not None and not state.read_only:
        with contextlib.suppress(RuleViolation):
            ws.record(pair_id, change[0], **change[1])


K = EventKind


@settings(
    max_examples=1_000 if LONG else 40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.lists(STEP, max_size=60), seed=st.randoms(use_true_random=False))
def test_partners_converge_whatever_the_order_of_arrival(people, steps, seed):
    mentee, mentor, _ = people
    pair_id = pair_up(mentee, mentor)
    # The mentor's computer runs five hours slow: order must come from causality.
    mentor.ws._clock = lambda: datetime.now(UTC) - timedelta(hours=5)
    side = {"mentee": mentee, "mentor": mentor}
    in_flight: list[tuple[Person, bytes]] = []
    for kind, who, arg in steps:
        sender = side[who]
        receiver = mentor if sender is mentee else mentee
        if kind == "export":
            in_flight.append((receiver, sender.x.export(pair_id)))
            if arg:
                in_flight.append(in_flight[-1])  # the same file twice
        elif kind == "roundtrip":
            # Both online for a moment: what each makes next builds on the other's.
            for one, other in ((sender, receiver), (receiver, sender)):
                with contextlib.suppress(UpdateTooEarly, UpdateAlreadyImported):
                    other.x.import_update(one.x.export(pair_id))
        elif kind == "deliver" and in_flight:
            target, data = in_flight.pop(arg % len(in_flight))
            # Refused and harmless: a later update carries the same changes.
            with contextlib.suppress(UpdateTooEarly, UpdateAlreadyImported):
                target.x.import_update(data)
        elif kind not in ("export", "deliver", "roundtrip"):
            _act(sender, pair_id, kind, arg)
    seed.shuffle(in_flight)
    for target, data in in_flight:
        with contextlib.suppress(UpdateTooEarly, UpdateAlreadyImported):
            target.x.import_update(data)
    # A final round trip, as the shared folder would do: nothing is stuck.
    mentor.x.import_update(mentee.x.export(pair_id))
    mentee.x.import_update(mentor.x.export(pair_id))
    mentor.x.import_update(mentee.x.export(pair_id))
    assert shared_view(mentee.ws.state(pair_id)) == shared_view(mentor.ws.state(pair_id))
    for person in (mentee, mentor):
        refused = person.ws.state(pair_id).rejected
        assert refused == [], refused
        assert person.x.unsent(pair_id) == 0
    # The fold kept in the cache after each import equals a fold from scratch.
    for person in (mentee, mentor):
        cached = shared_view(person.ws.state(pair_id))
        person.ws.forget(pair_id)
        assert shared_view(person.ws.state(pair_id)) == cached
    assert mentee.ws.state(pair_id).my_role is Role.MENTEE
