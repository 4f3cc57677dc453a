"""Three replicas converge: the mentee, and the mentor on two linked computers (Hypothesis).

Every replica makes changes offline — the step vocabulary of
``test_convergence.py`` (notes, crossed edits, deletes, agenda, goals,
agreements, actions, meetings, an ending), plus private notes and reflections
— and exports updates to any of its peers at random moments; the files
arrive late, out of order, twice, or not until the end. Updates are refused
only as "too early" or "already imported". After the last round trips all
three hold the same shared state, the mentor's two computers the same
private notes and reflections, and the mentee none of them.

The default run tries 25 histories (each three real SQLCipher vaults and
real HPKE files); ``MENTORPAIR_LONG=1`` tries 300.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mentorpair.domain.events import EventKind
from mentorpair.domain.rules import RuleViolation
from mentorpair.domain.state import fold_order
from mentorpair.errors import UpdateAlreadyImported, UpdateTooEarly
from mentorpair.storage.workspace import new_id
from tests.unit.domain.factory import shared_view
from tests.unit.sync.conftest import Person, pair_up
from tests.unit.sync.linked import link_computer
from tests.unit.sync.test_convergence import _act

LONG = os.environ.get("MENTORPAIR_LONG") == "1"
WHO = st.sampled_from(["mentee", "desk", "laptop"])
MENTOR = st.sampled_from(["desk", "laptop"])
STEP = st.one_of(
    st.tuples(st.just("note"), WHO, st.integers(0, 3)),
    st.tuples(st.just("edit"), WHO, st.integers(0, 3)),
    st.tuples(st.just("title"), WHO, st.integers(0, 3)),
    st.tuples(st.just("delete"), WHO, st.integers(0, 3)),
    st.tuples(st.just("goal"), st.just("mentee"), st.integers(0, 100)),
    st.tuples(st.just("agenda"), st.just("mentee"), st.integers(0, 3)),
    st.tuples(st.just("terms"), WHO, st.integers(0, 1)),
    st.tuples(st.just("confirm"), WHO, st.integers(0, 1)),
    st.tuples(st.just("action"), WHO, st.integers(0, 1)),
    st.tuples(st.just("meeting"), WHO, st.integers(0, 1)),
    st.tuples(st.just("end"), WHO, st.integers(0, 9)),
    st.tuples(st.just("private"), WHO, st.integers(0, 3)),
    st.tuples(st.just("reflection"), MENTOR, st.integers(0, 3)),
    *[st.tuples(st.just("export"), WHO, st.integers(0, 3))] * 4,
    *[st.tuples(st.just("deliver"), WHO, st.integers(0, 50))] * 4,
    *[st.tuples(st.just("roundtrip"), WHO, st.integers(0, 1))] * 3,
)
QUIET = (UpdateTooEarly, UpdateAlreadyImported)


def _private(person: Person, pair_id: str, kind: str, arg: int) -> None:
    """A private note or reflection, or an edit of one (never leaves the person)."""
    state = person.ws.state(pair_id)
    if state.read_only:
        return
    mine = sorted(
        (n for n in state.notes.values() if n.kind.value in ("private", "reflection")),
        key=lambda n: n.note_id,
    )
    with contextlib.suppress(RuleViolation):
        if mine and arg % 2:
            target = mine[arg % len(mine)]
            person.ws.record(
                pair_id, EventKind.NOTE_EDITED, note_id=target.note_id, base=target.revision,
                text=new_id()[:6],
            )  # fmt: skip
        else:
            person.ws.record(
                pair_id, EventKind.NOTE_CREATED, note_id=new_id(), kind=kind,
                title=f"{kind} {arg}", text=f"only for me {new_id()[:6]}",
            )  # fmt: skip


def _private_view(person: Person, pair_id: str) -> list[tuple[str, str, str, str]]:
    state = person.ws.state(pair_id)
    return sorted(
        (n.note_id, n.title, n.text, n.revision)
        for n in state.notes.values()
        if n.kind.value in ("private", "reflection")
    )


@settings(
    max_examples=300 if LONG else 25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(steps=st.lists(STEP, max_size=40), seed=st.randoms(use_true_random=False))
def test_three_replicas_converge_whatever_the_order_of_arrival(steps, seed):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        mentee = Person.create(root / "mentee", "Amira Mentee")
        desk = Person.create(root / "desk", "Ben Mentor")
        pair_id = pair_up(mentee, desk)
        desk.x.import_update(mentee.x.export(pair_id))
        laptop = link_computer(desk, root / "laptop")
        replicas = {"mentee": mentee, "desk": desk, "laptop": laptop}
        try:
            _run(replicas, pair_id, steps, seed)
        finally:
            for person in replicas.values():
                person.vault.close()


def _run(replicas: dict[str, Person], pair_id: str, steps, seed) -> None:
    mentee, desk, laptop = replicas["mentee"], replicas["desk"], replicas["laptop"]
    # Three clocks that disagree: order must come from causality.
    desk.ws._clock = lambda: datetime.now(UTC) - timedelta(hours=5)
    laptop.ws._clock = lambda: datetime.now(UTC) + timedelta(minutes=7)
    by_device = {p.ws.origin: p for p in replicas.values()}
    in_flight: list[tuple[Person, bytes]] = []

    def peer_of(sender: Person, arg: int) -> Person | None:
        """One of the replicas ``sender`` knows (the mentee learns the laptop from an update)."""
        known = {p.device_id for p in sender.x.recipients(pair_id)}
        peers = [p for p in replicas.values() if p is not sender and p.ws.origin in known]
        return peers[arg % len(peers)] if peers else None

    for kind, who, arg in steps:
        sender = replicas[who]
        if kind == "export":
            receiver = peer_of(sender, arg)
            if receiver is None:
                continue
            in_flight.append((receiver, sender.x.export(pair_id, to=receiver.ws.origin)))
            if arg >= 2:
                in_flight.append(in_flight[-1])  # the same file twice
        elif kind == "roundtrip":
            other = peer_of(sender, arg)
            if other is None:
                continue
            for one, two in ((sender, other), (other, sender)):
                if one.x.roster.peer(pair_id, two.ws.origin) is not None:
                    with contextlib.suppress(*QUIET):
                        two.x.import_update(one.x.export(pair_id, to=two.ws.origin))
        elif kind == "deliver":
            if in_flight:
                target, data = in_flight.pop(arg % len(in_flight))
                with contextlib.suppress(*QUIET):  # harmless: a later update carries the same
                    target.x.import_update(data)
        elif kind in ("private", "reflection"):
            _private(sender, pair_id, kind, arg)
        else:
            _act(sender, pair_id, kind, arg)
    seed.shuffle(in_flight)
    for target, data in in_flight:
        with contextlib.suppress(*QUIET):
            target.x.import_update(data)
    # The last round trips, as the shared folder would make them: nothing is stuck.
    for _ in range(4):
        for one in replicas.values():
            for two in replicas.values():
                if one is not two and one.x.has_news(pair_id, two.ws.origin):
                    with contextlib.suppress(UpdateTooEarly):
                        two.x.import_update(one.x.export(pair_id, to=two.ws.origin))
    for one in replicas.values():
        for two in replicas.values():
            if one is not two:
                assert not one.x.has_news(pair_id, two.ws.origin)
    views = [shared_view(p.ws.state(pair_id)) for p in replicas.values()]
    assert views[0] == views[1] == views[2]
    assert _private_view(desk, pair_id) == _private_view(laptop, pair_id)
    mentor_private = {n for n, *_ in _private_view(desk, pair_id)}
    mentee_private = {n for n, *_ in _private_view(mentee, pair_id)}
    assert not mentor_private & mentee_private
    for person in replicas.values():
        assert person.ws.state(pair_id).rejected == []
        assert person.x.unsent(pair_id) == 0
        cached = shared_view(person.ws.state(pair_id)), _private_view(person, pair_id)
        person.ws.forget(pair_id)
        assert (shared_view(person.ws.state(pair_id)), _private_view(person, pair_id)) == cached
    assert set(by_device) == {p.ws.origin for p in replicas.values()}


def _two_computers(root: Path) -> tuple[Person, Person, Person, str]:
    mentee = Person.create(root / "mentee", "Amira Mentee")
    desk = Person.create(root / "desk", "Ben Mentor")
    pair_id = pair_up(mentee, desk)
    desk.x.import_update(mentee.x.export(pair_id))
    laptop = link_computer(desk, root / "laptop")
    return mentee, desk, laptop, pair_id


def test_a_private_edit_on_the_other_computer_comes_after_the_note_whatever_the_clocks(tmp_path):
    # Found by the property test: the laptop's clock runs ahead, so its
    # reflection is dated after the desk's later edit of it. The private
    # clock, not the date, puts the edit after the note on every computer.
    mentee, desk, laptop, pair_id = _two_computers(tmp_path)
    try:
        desk.ws._clock = lambda: datetime.now(UTC) - timedelta(hours=5)
        laptop.ws._clock = lambda: datetime.now(UTC) + timedelta(minutes=7)
        _act(laptop, pair_id, "note", 0)  # a shared change: the clock both sides hold
        note_id = new_id()
        laptop.ws.record(
            pair_id, EventKind.NOTE_CREATED, note_id=note_id, kind="reflection",
            title="Reflection", text="first thoughts",
        )  # fmt: skip
        desk.x.import_update(laptop.x.export(pair_id, to=desk.ws.origin))
        note = desk.ws.state(pair_id).notes[note_id]
        desk.ws.record(
            pair_id, EventKind.NOTE_EDITED, note_id=note_id, base=note.revision,
            text="second thoughts",
        )  # fmt: skip
        laptop.x.import_update(desk.x.export(pair_id, to=laptop.ws.origin))
        for person in (desk, laptop):
            person.ws.forget(pair_id)
            state = person.ws.state(pair_id)
            assert state.rejected == []
            assert state.notes[note_id].text == "second thoughts"
    finally:
        for person in (mentee, desk, laptop):
            person.vault.close()


def test_a_private_change_made_here_sorts_after_everything_held(tmp_path):
    # The laptop's reflection is dated hours after anything the desk makes:
    # the desk's own next private change must still fold last, so the state
    # it keeps in memory is the state a fresh fold gives.
    mentee, desk, laptop, pair_id = _two_computers(tmp_path)
    try:
        desk.ws._clock = lambda: datetime.now(UTC) - timedelta(hours=5)
        _private(laptop, pair_id, "reflection", 0)
        desk.x.import_update(laptop.x.export(pair_id, to=desk.ws.origin))
        held = desk.ws.state(pair_id).last_key
        _private(desk, pair_id, "private", 0)
        (mine,) = [n for n in desk.ws.state(pair_id).notes.values() if n.kind.value == "private"]
        event = next(e for e in desk.ws.events(pair_id) if e.body.get("note_id") == mine.note_id)
        assert held is not None and fold_order(event) > held
        assert event.pclock == held[1][2] + 1 and event.to_dict()["pclock"] == event.pclock
        before = _private_view(desk, pair_id)
        desk.ws.forget(pair_id)
        assert _private_view(desk, pair_id) == before
    finally:
        for person in (mentee, desk, laptop):
            person.vault.close()
