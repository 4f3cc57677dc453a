"""Replicas that edit offline and exchange in any order end identical (Hypothesis, stateful).

Three devices — the mentee on two computers and the mentor — record changes
exactly as a vault stamps them (``Workspace._stamp``: Lamport clock, chain
position, what each device had seen), on their own, with crossed edits of the
same note, deletes against edits, agreement versions against confirmations,
and an ending, and private notes that travel only between the mentee's two
computers. They pass events to each other in random order, late, twice or
not at all until the end. After a full exchange every device folds the same
shared state, the mentee's two computers the same private notes, and no
change was refused for anything that happened meanwhile.

This is the fold's half of the convergence promise, run over 1,000 histories
in the default suite (set ``MENTORPAIR_LONG=1`` for 20,000). The vault and
update-file half is ``tests/unit/sync/test_convergence.py``.
"""

from __future__ import annotations

import os
import random
from datetime import timedelta

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from mentorpair.domain.events import Event, EventKind, MalformedEvent
from mentorpair.domain.model import NoteKind, Role
from mentorpair.domain.rules import RuleViolation, is_shareable
from mentorpair.domain.state import PairState, fold

from .factory import PAIR, T0, fingerprint, shared_view

K = EventKind
LONG = os.environ.get("MENTORPAIR_LONG") == "1"
DEVICES = {"mentee-desk": Role.MENTEE, "mentee-laptop": Role.MENTEE, "mentor": Role.MENTOR}
ORIGIN = {name: f"{n + 1:032x}" for n, name in enumerate(DEVICES)}


class Device:
    """One replica: its own events and everything it has received."""

    def __init__(self, name: str, rng: random.Random) -> None:
        self.name, self.role, self.origin = name, DEVICES[name], ORIGIN[name]
        self.rng = rng
        self.events: dict[str, Event] = {}
        created = Event(
            f"created-{name}", PAIR, self.role, K.PAIR_CREATED, T0,
            {"my_role": self.role.value, "partner_name": "Sam"}, 0, self.origin, 0, {},
        )  # fmt: skip
        self.events[created.event_id] = created
        self.ticks = 0
        self._state: PairState | None = None

    def state(self) -> PairState:
        """The fold of everything held (kept until something arrives from elsewhere)."""
        if self._state is None:
            self._state = fold(PAIR, self.events.values())
        return self._state

    def record(self, kind: EventKind, body: dict[str, object]) -> bool:
        """Stamp and keep a change, as Workspace.record does; False if the rules refuse it."""
        state = self.state()
        self.ticks += 1
        draft = Event(
            f"{self.name}-{self.ticks}", PAIR, self.role, kind,
            T0 + timedelta(minutes=self.rng.randint(-600, 600)), body,
        )  # fmt: skip
        shareable = is_shareable(draft, state)
        seen = {o: seq for o, (seq, _) in state.heads.items() if o != self.origin}
        if shareable:
            seq = state.heads.get(self.origin, (0, 0))[0] + 1
            event = draft.restamped(state.max_clock + 1, self.origin, seq, seen)
        else:
            event = draft.restamped(state.max_clock, self.origin, 0, seen, state.max_pclock + 1)
        try:
            state.apply(event)  # as Workspace.record: refused here means never stored
        except (RuleViolation, MalformedEvent):
            return False
        state.take_applied(event)
        self.events[event.event_id] = event
        return True

    def outbox(self) -> list[Event]:
        """Every shared event this device holds (what a sync would carry)."""
        return [e for e in self.events.values() if e.seq]

    def private(self) -> list[Event]:
        """Every never-shared event held: what goes to the person's other computer."""
        return [e for e in self.events.values() if not e.seq and e.kind is not K.PAIR_CREATED]

    def receive(self, events: list[Event]) -> None:
        """Take events in chain order only, as an update's admission does.

        Never-shared events come only from the person's other computer, in
        any order, each once everything it had seen is here.
        """
        heads = dict(self.state().heads)
        for event in sorted(events, key=lambda e: (e.origin, e.seq)):
            if event.event_id in self.events or event.origin == self.origin:
                continue
            if not event.seq and event.author is not self.role:
                raise AssertionError("a private change reached the partner")
            if event.seq and event.seq != heads.get(event.origin, (0, 0))[0] + 1:
                continue  # a gap: wait for the earlier update (it is retried later)
            if any(seq > heads.get(o, (0, 0))[0] for o, seq in event.seen.items()):
                continue  # it saw something not here yet: later
            self.events[event.event_id] = event
            # As the vault does: a change that comes after everything held is
            # applied to the cached state; anything else folds again.
            if self._state is not None and self._state.sees_after(event):
                self._state.take(event)
            else:
                self._state = None
            if event.seq:
                _seq, clock = heads.get(event.origin, (0, 0))
                heads[event.origin] = (event.seq, max(clock, event.clock))


class Replicas(RuleBasedStateMachine):
    """Three devices, random offline work, random delivery."""

    @initialize(seed=st.integers(0, 2**32))
    def start(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.devices = {name: Device(name, self.rng) for name in DEVICES}
        self.in_flight: list[tuple[str, list[Event]]] = []
        self.count = 0
        mentee = self.devices["mentee-desk"]
        mentee.record(K.MEETING_PLANNED, {"meeting_id": "m1", "starts_at": T0.isoformat()})
        mentee.record(K.GOAL_CREATED, {"goal_id": "g1", "title": "Exam"})
        self.deliver_all()

    def _new(self, prefix: str) -> str:
        self.count += 1
        return f"{prefix}{self.count}"

    def _device(self, pick: int, role: Role | None = None) -> Device:
        choices = [d for d in self.devices.values() if role is None or d.role is role]
        return choices[pick % len(choices)]

    # ------------------------------------------------------------- offline work
    @rule(pick=st.integers(0, 5), text=st.sampled_from(["a", "b", "c"]))
    def write_note(self, pick: int, text: str) -> None:
        self._device(pick).record(
            K.NOTE_CREATED,
            {"note_id": self._new("n"), "kind": "shared", "title": "", "text": text},
        )

    @rule(pick=st.integers(0, 5), reflection=st.booleans(), text=st.sampled_from(["p", "q"]))
    def write_private(self, pick: int, reflection: bool, text: str) -> None:
        device = self._device(pick)
        kind = "reflection" if reflection and device.role is Role.MENTOR else "private"
        device.record(
            K.NOTE_CREATED, {"note_id": self._new("p"), "kind": kind, "title": "", "text": text}
        )

    @rule(pick=st.integers(0, 5), which=st.integers(0, 5), text=st.text("xyz", max_size=3),
          title=st.booleans(), resolve=st.booleans())  # fmt: skip
    def edit_note(self, pick: int, which: int, text: str, title: bool, resolve: bool) -> None:
        device = self._device(pick)
        notes = sorted(device.state().notes.values(), key=lambda n: n.note_id)
        if notes:
            note = notes[which % len(notes)]
            body: dict[str, object] = {"note_id": note.note_id, "base": note.revision}
            body["title" if title else "text"] = text
            if resolve:
                body["resolve"] = True
            device.record(K.NOTE_EDITED, body)

    @rule(pick=st.integers(0, 5), which=st.integers(0, 5))
    def delete_note(self, pick: int, which: int) -> None:
        device = self._device(pick)
        notes = sorted(device.state().notes.values(), key=lambda n: n.note_id)
        if notes:
            note = notes[which % len(notes)]
            device.record(K.NOTE_DELETED, {"note_id": note.note_id, "base": note.revision})

    @rule(pick=st.integers(0, 5), frequency=st.sampled_from(["monthly", "weekly"]))
    def set_terms(self, pick: int, frequency: str) -> None:
        self._device(pick).record(
            K.AGREEMENT_SET,
            {"frequency": frequency, "modes": ["video"], "confidentiality": "", "limits": "",
             "no_fault_ending": True},
        )  # fmt: skip

    @rule(pick=st.integers(0, 5))
    def confirm_terms(self, pick: int) -> None:
        device = self._device(pick)
        agreement = device.state().agreement
        if agreement is not None:
            device.record(K.AGREEMENT_CONFIRMED, {"revision": agreement.revision})

    @rule(pick=st.integers(0, 5), title=st.sampled_from(["Talk", "Plan"]))
    def agenda(self, pick: int, title: str) -> None:
        device = self._device(pick, Role.MENTEE)
        items = device.state().agenda_for("m1")
        if items and self.rng.random() < 0.5:
            item = items[self.rng.randrange(len(items))]
            if self.rng.random() < 0.5:
                device.record(K.AGENDA_ITEM_REMOVED, {"item_id": item.item_id})
            else:
                device.record(K.AGENDA_ITEM_UPDATED, {"item_id": item.item_id, "title": title})
        else:
            device.record(
                K.AGENDA_ITEM_ADDED,
                {"meeting_id": "m1", "item_id": self._new("i"), "title": title, "goal_id": "g1"},
            )

    @rule(pick=st.integers(0, 5), progress=st.integers(0, 100))
    def goal(self, pick: int, progress: int) -> None:
        self._device(pick, Role.MENTEE).record(
            K.GOAL_UPDATED, {"goal_id": "g1", "progress": progress}
        )

    @rule(pick=st.integers(0, 5), done=st.booleans())
    def action(self, pick: int, done: bool) -> None:
        device = self._device(pick)
        actions = sorted(device.state().actions)
        if actions and self.rng.random() < 0.5:
            device.record(K.ACTION_UPDATED, {"action_id": actions[0], "done": done})
        else:
            device.record(K.ACTION_ADDED, {"action_id": self._new("a"), "what": "Read",
                                           "owner": "mentee"})  # fmt: skip

    @rule(pick=st.integers(0, 5))
    def meeting(self, pick: int) -> None:
        self._device(pick).record(K.MEETING_UPDATED, {"meeting_id": "m1", "place": "Ward"})

    @precondition(lambda self: self.rng.random() < 0.1)
    @rule(pick=st.integers(0, 5))
    def end(self, pick: int) -> None:
        self._device(pick).record(K.RELATIONSHIP_ENDED, {"summary": "Thanks"})

    # ------------------------------------------------------------- delivery
    @rule(sender=st.sampled_from(list(DEVICES)), receiver=st.sampled_from(list(DEVICES)))
    def send(self, sender: str, receiver: str) -> None:
        if sender != receiver:
            self.in_flight.append((receiver, self._update(sender, receiver)))

    def _update(self, sender: str, receiver: str) -> list[Event]:
        """What ``sender`` sends: shared events, and private ones to the person's other computer."""
        one, two = self.devices[sender], self.devices[receiver]
        return one.outbox() + (one.private() if one.role is two.role else [])

    @rule(index=st.integers(0, 50), twice=st.booleans())
    def deliver(self, index: int, twice: bool) -> None:
        if self.in_flight:
            receiver, events = self.in_flight[index % len(self.in_flight)]
            if not twice:
                self.in_flight.remove((receiver, events))
            self.devices[receiver].receive(events)

    def deliver_all(self) -> None:
        """Everything to everyone until nothing moves (retries after a gap)."""
        for _ in range(len(self.devices) + 1):
            for sender in self.devices:
                for receiver in self.devices:
                    if sender != receiver:
                        self.devices[receiver].receive(self._update(sender, receiver))

    def teardown(self) -> None:
        if not hasattr(self, "devices"):
            return
        self.rng.shuffle(self.in_flight)
        for receiver, events in self.in_flight:
            self.devices[receiver].receive(events)
        self.deliver_all()
        states = [d.state() for d in self.devices.values()]
        for device, state in zip(self.devices.values(), states, strict=True):
            # The cached, incrementally updated state equals a fold from scratch.
            assert fingerprint(state, rejected=True) == fingerprint(
                fold(PAIR, device.events.values()), rejected=True
            )
        views = {shared_view(s) for s in states}
        assert len(views) == 1, "the devices disagree after a full exchange"
        # The mentee's two computers hold the same private notes, alike.
        desk, laptop = states[0], states[1]
        assert {k: n for k, n in desk.notes.items() if n.kind is not NoteKind.SHARED} == {
            k: n for k, n in laptop.notes.items() if n.kind is not NoteKind.SHARED
        }
        assert not any(n.kind is not NoteKind.SHARED and n.author is Role.MENTEE
                       for n in states[2].notes.values())  # fmt: skip
        shared_ids = {e.event_id for d in self.devices.values() for e in d.outbox()}
        for device, state in zip(self.devices.values(), states, strict=True):
            assert set(e.event_id for e in device.outbox()) == shared_ids
            # Only a change made after its author saw the ending may be refused.
            assert all("has ended" in reason for _, reason in state.rejected), state.rejected

    @invariant()
    def local_state_never_breaks(self) -> None:
        if hasattr(self, "devices"):
            for device in self.devices.values():
                assert device.state().created_at is not None


Replicas.TestCase.settings = settings(
    max_examples=20_000 if LONG else 1_000,
    stateful_step_count=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
TestReplicasConverge = Replicas.TestCase
