"""Random offline histories: three devices work apart and exchange late, in any order.

The devices of ``test_replicas.py`` (the mentee's desk and laptop, the
mentor), stamping changes as a vault does, driven by one seeded random
generator instead of a state machine, so a history is one value a property
test can take. The result is what one device holds, *in the order it stored
it*: its own changes as it made them, the others' as they arrived, often
long after they were made (so they sort before what it already held).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from hypothesis import strategies as st

from mentorpair.domain.events import Event, EventKind
from mentorpair.domain.model import Role

from .factory import T0
from .test_replicas import DEVICES, Device

K = EventKind


@dataclass(frozen=True)
class Offline:
    """One device's events in the order it stored them.

    Attributes:
        device: the device whose vault this is.
        arrivals: its events, in storage order (never in fold order).
    """

    device: str
    arrivals: tuple[Event, ...]


def _work(rng: random.Random, device: Device, count: list[int]) -> None:
    """One random change on ``device`` (it may be refused; then nothing is kept)."""
    count[0] += 1
    n = count[0]
    state = device.state()
    notes = sorted(state.notes.values(), key=lambda x: x.note_id)
    choice = rng.random()
    if choice < 0.2:
        kind = rng.choice(
            ["shared", "shared", "private"] + (["reflection"] * (device.role is Role.MENTOR))
        )
        text = rng.choice(["a", "b", "long " * rng.randint(1, 5)])
        device.record(K.NOTE_CREATED, {"note_id": f"n{n}", "kind": kind, "title": "", "text": text})
    elif choice < 0.4 and notes:
        note = rng.choice(notes)
        body: dict[str, object] = {"note_id": note.note_id, "base": note.revision}
        body[rng.choice(["title", "text"])] = rng.choice(["x", "y", "zz"])
        if rng.random() < 0.3:
            body["resolve"] = True
        device.record(K.NOTE_EDITED, body)
    elif choice < 0.47 and notes:
        note = rng.choice(notes)
        device.record(K.NOTE_DELETED, {"note_id": note.note_id, "base": note.revision})
    elif choice < 0.53:
        device.record(
            K.AGREEMENT_SET,
            {"frequency": rng.choice(["monthly", "weekly"]), "modes": ["video"],
             "confidentiality": "", "limits": "", "no_fault_ending": True},
        )  # fmt: skip
    elif choice < 0.6 and state.agreement is not None:
        revision = rng.choice([state.agreement.revision, *state.agreement_versions])
        device.record(K.AGREEMENT_CONFIRMED, {"revision": revision})
    elif choice < 0.72 and device.role is Role.MENTEE:
        items = state.agenda_for("m1")
        if items and rng.random() < 0.5:
            item = rng.choice(items)
            if rng.random() < 0.5:
                device.record(K.AGENDA_ITEM_REMOVED, {"item_id": item.item_id})
            else:
                device.record(K.AGENDA_ITEM_UPDATED, {"item_id": item.item_id, "title": "Plan"})
        else:
            device.record(
                K.AGENDA_ITEM_ADDED,
                {"meeting_id": "m1", "item_id": f"i{n}", "title": "Talk", "goal_id": "g1"},
            )
    elif choice < 0.8 and device.role is Role.MENTEE:
        if rng.random() < 0.3:
            device.record(
                K.MILESTONE_ADDED, {"goal_id": "g1", "milestone_id": f"ms{n}", "title": "Step"}
            )
        else:
            device.record(K.GOAL_UPDATED, {"goal_id": "g1", "progress": rng.randint(0, 100)})
    elif choice < 0.88:
        actions = sorted(state.actions)
        if actions and rng.random() < 0.5:
            device.record(K.ACTION_UPDATED, {"action_id": actions[0], "done": rng.random() < 0.5})
        else:
            device.record(K.ACTION_ADDED, {"action_id": f"a{n}", "what": "Read", "owner": "mentee"})
    elif choice < 0.98:
        device.record(K.MEETING_UPDATED, {"meeting_id": "m1", "place": rng.choice(["Ward", ""])})
    elif choice < 0.988:  # rare: most histories go on to the end
        device.record(K.RELATIONSHIP_ENDED, {"summary": "Thanks"})
    else:
        device.record(K.ENDING_REASON, {"reason": "Moved"})


def run(seed: int, steps: int, viewer: str = "mentee-desk") -> Offline:
    """Play ``steps`` random changes and deliveries; return what ``viewer`` holds."""
    rng = random.Random(seed)
    devices = {name: Device(name, rng) for name in DEVICES}
    desk = devices["mentee-desk"]
    desk.record(K.MEETING_PLANNED, {"meeting_id": "m1", "starts_at": T0.isoformat()})
    desk.record(K.GOAL_CREATED, {"goal_id": "g1", "title": "Exam"})
    for receiver in devices.values():
        receiver.receive(desk.outbox())
    count = [0]
    for _ in range(steps):
        if rng.random() < 0.75:
            _work(rng, rng.choice(list(devices.values())), count)
        else:
            sender, receiver = rng.sample(list(devices.values()), 2)
            receiver.receive(sender.outbox())
    return Offline(viewer, tuple(devices[viewer].events.values()))


@st.composite
def offline_histories(draw: st.DrawFn, max_steps: int = 80) -> Offline:
    """A strategy for :func:`run`'s histories (shrinks by seed and length)."""
    return run(draw(st.integers(0, 2**32 - 1)), draw(st.integers(0, max_steps)))
