"""Merging: the same events give the same state, whatever order and split they arrive in.

The sync keeps an append-only log per pair; each partner's copy grows in its
own order. :func:`fold` sorts by ``(at, event_id)``, so two logs merged in any
order must give one state, and the two partners must agree on what they share.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable
from datetime import timedelta, timezone
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mentorpair.domain.events import Event
from mentorpair.domain.rules import is_shareable
from mentorpair.domain.state import PairState, fold

from .factory import (
    MENTEE,
    MENTOR,
    PAIR,
    T0,
    K,
    Log,
    fingerprint,
    histories,
    iso,
    make,
    scripted_pair,
    shared_view,
)

SCRIPT = scripted_pair()  # built once: the same ids in every example
ROLES = st.sampled_from([MENTEE, MENTOR])


def snapshot(state: PairState) -> tuple[Any, ...]:
    """The canonical state, including which events were refused and why."""
    return fingerprint(state, rejected=True)


def merge(*logs: Iterable[Event]) -> list[Event]:
    """What a sync does: the union of the logs by event id, in arrival order."""
    seen: dict[str, Event] = {}
    for log in logs:
        for event in log:
            seen.setdefault(event.event_id, event)
    return list(seen.values())


@st.composite
def two_logs(draw: st.DrawFn, history: list[Event]) -> tuple[list[Event], list[Event]]:
    """``history`` shuffled and dealt into two logs; every event in one, some in both."""
    shuffled = draw(st.permutations(history))
    where = draw(st.lists(st.sampled_from("abb"), min_size=len(history), max_size=len(history)))
    first = [e for e, w in zip(shuffled, where, strict=True) if w in "ab"]
    second = [e for e, w in zip(shuffled, where, strict=True) if w in "b"]
    if draw(st.booleans()):
        # Some events reached both partners.
        second += [
            e for e, w in zip(shuffled, where, strict=True) if w == "a" and draw(st.booleans())
        ]
    return first, second


# ----------------------------------------------------------------- the scripted pair
def test_the_script_is_what_it_claims():
    # Guards the tests below: a script whose events were all refused proves little.
    for role in (MENTEE, MENTOR):
        history = SCRIPT.history(role)
        state = fold(PAIR, history)
        assert len(history) >= 35
        assert len(state.rejected) == 3  # a tampered goal edit, a late dismissal, a stale confirm
        assert {e.author for e in history} == {MENTEE, MENTOR}
        assert state.my_role is role
        session = state.notes["n-session-1"]
        assert session.conflict is not None
        assert state.agreement is not None and state.agreement.confirmed
        assert [i.item_id for i in state.agenda_for("m-1")] == [
            "i-rota",
            "i-fellowship",
            "i-supervisor",
        ]


@settings(max_examples=60)
@given(data=st.data())
def test_two_logs_merged_in_any_order_give_the_same_state(data):
    role = data.draw(ROLES)
    history = SCRIPT.history(role)
    expected = snapshot(fold(PAIR, history))
    first, second = data.draw(two_logs(history))
    assert snapshot(fold(PAIR, merge(first, second))) == expected
    assert snapshot(fold(PAIR, merge(second, first))) == expected


@settings(max_examples=50)
@given(data=st.data())
def test_interleaved_arrival_gives_the_same_state(data):
    # Events trickle in one by one from both sides, interleaved at random.
    history = SCRIPT.history(data.draw(ROLES))
    expected = snapshot(fold(PAIR, history))
    first, second = data.draw(two_logs(history))
    arrived: list[Event] = []
    while first or second:
        source = first if first and (not second or data.draw(st.booleans())) else second
        arrived = merge(arrived, [source.pop(0)])
    assert snapshot(fold(PAIR, arrived)) == expected


@settings(max_examples=50)
@given(role=ROLES, zones=st.lists(st.integers(-12, 14), min_size=1, max_size=4))
def test_encoding_and_time_zones_do_not_change_the_state(role, zones):
    # What arrives was encoded (UTC) and decoded; a partner's clock may show another zone.
    history = SCRIPT.history(role)
    expected = snapshot(fold(PAIR, history))
    moved = [
        dataclasses.replace(e, at=e.at.astimezone(timezone(timedelta(hours=zones[n % len(zones)]))))
        for n, e in enumerate(history)
    ]
    decoded = [Event.from_dict(json.loads(json.dumps(e.to_dict()))) for e in moved]
    assert snapshot(fold(PAIR, moved)) == expected
    assert snapshot(fold(PAIR, decoded)) == expected


# ----------------------------------------------------------------- any history
@settings(max_examples=75, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_any_history_merges_to_one_state(data):
    # Random histories have many events at the same moment: the id decides.
    history = data.draw(histories())
    expected = snapshot(fold(PAIR, history))
    first, second = data.draw(two_logs(history))
    assert snapshot(fold(PAIR, merge(first, second))) == expected
    assert snapshot(fold(PAIR, merge(second, first))) == expected


# ----------------------------------------------------------------- the two partners
def test_both_partners_see_the_same_shared_state():
    mentee = fold(PAIR, SCRIPT.history(MENTEE))
    mentor = fold(PAIR, SCRIPT.history(MENTOR))
    assert shared_view(mentee) == shared_view(mentor)
    assert mentee.rejected == mentor.rejected  # the same shared events were refused
    assert mentee.my_role is MENTEE and mentor.my_role is MENTOR
    assert "n-worry" in mentee.notes and "n-worry" not in mentor.notes
    assert "n-reflect" in mentor.notes and "n-reflect" not in mentee.notes


@settings(max_examples=50)
@given(data=st.data())
def test_what_each_partner_sends_is_what_the_other_needs(data):
    # Each vault sends only its shareable events: exactly the shared ones. The
    # partner merges them, in any order, into a vault holding its own local
    # events, and sees the same shared state; nothing private crossed.
    sent: dict[Any, list[Event]] = {}
    for role in (MENTEE, MENTOR):
        history = SCRIPT.history(role)
        state = fold(PAIR, history)
        sent[role] = [e for e in history if is_shareable(e, state)]
        assert {e.event_id for e in sent[role]} == {e.event_id for e in SCRIPT.shared}
    received = {
        role: merge(
            data.draw(st.permutations(SCRIPT.local[role])),
            data.draw(st.permutations(sent[role.other])),
        )
        for role in (MENTEE, MENTOR)
    }
    mentee, mentor = fold(PAIR, received[MENTEE]), fold(PAIR, received[MENTOR])
    assert shared_view(mentee) == shared_view(mentor)
    assert snapshot(mentee) == snapshot(fold(PAIR, SCRIPT.history(MENTEE)))
    assert snapshot(mentor) == snapshot(fold(PAIR, SCRIPT.history(MENTOR)))


# ----------------------------------------------------------------- concurrent note edits
def _session_note() -> tuple[Log, Event]:
    log = Log()
    created = log.note("n1", "shared", MENTOR, text="Shortlist: NIHR and Wellcome.")
    return log, created


def test_concurrent_edits_the_later_wins_and_the_other_is_kept():
    log, created = _session_note()
    at = log.now
    mine = make(
        K.NOTE_EDITED, MENTEE, at=at, event_id="a" * 32, note_id="n1", base=created.event_id,
        text="mentee's version",
    )  # fmt: skip
    theirs = make(
        K.NOTE_EDITED, MENTOR, at=at, event_id="b" * 32, note_id="n1", base=created.event_id,
        text="mentor's version",
    )  # fmt: skip
    for order in ([mine, theirs], [theirs, mine]):
        note = fold(PAIR, [*log.events, *order]).notes["n1"]
        # Same moment: the larger id is later in the canonical order.
        assert (note.text, note.conflict) == ("mentor's version", "mentee's version")
        assert note.revision == theirs.event_id


@settings(max_examples=100)
@given(
    texts=st.tuples(st.text(max_size=20), st.text(max_size=20)),
    ids=st.tuples(st.uuids(), st.uuids()).filter(lambda p: p[0] != p[1]),
    gaps=st.tuples(st.integers(0, 3), st.integers(0, 3)),
    authors=st.tuples(ROLES, ROLES),
)
def test_concurrent_edits_give_one_winner_and_one_conflict_in_any_order(texts, ids, gaps, authors):
    log, created = _session_note()
    edits = [
        make(
            K.NOTE_EDITED,
            authors[n],
            at=log.now + timedelta(seconds=gaps[n]),
            event_id=ids[n].hex,
            note_id="n1",
            base=created.event_id,
            text=texts[n],
        )
        for n in (0, 1)
    ]
    first, last = sorted(edits, key=lambda e: e.sort_key)
    for order in (edits, edits[::-1]):
        note = fold(PAIR, [*order, *log.events]).notes["n1"]
        assert note.text == last.body["text"]
        assert note.revision == last.event_id
        assert note.updated_at == last.at
        # Two different texts: the loser's is kept for a person to choose.
        expected = first.body["text"] if texts[0] != texts[1] else None
        assert note.conflict == expected


def test_a_third_edit_on_the_winner_resolves_the_conflict_for_both():
    log, created = _session_note()
    a = log.add(K.NOTE_EDITED, MENTEE, note_id="n1", base=created.event_id, text="a")
    b = log.add(K.NOTE_EDITED, MENTOR, note_id="n1", base=created.event_id, text="b")
    resolved = log.add(K.NOTE_EDITED, MENTEE, note_id="n1", base=b.event_id, text="a + b")
    for order in ([a, b, resolved], [resolved, b, a], [b, resolved, a]):
        note = fold(PAIR, [*log.events[:2], *order]).notes["n1"]
        assert (note.text, note.conflict) == ("a + b", None)


# ----------------------------------------------------------------- partners who start apart
def test_a_partner_who_started_earlier_is_not_lost():
    # PAIR_CREATED opens the fold whatever its time (state.fold_order).
    mentor_created = make(K.PAIR_CREATED, MENTOR, at=T0, my_role="mentor", partner_name="Priya")
    planned = make(
        K.MEETING_PLANNED, MENTOR, at=T0 + timedelta(hours=1), meeting_id="m1",
        starts_at=iso(T0 + timedelta(days=7)),
    )  # fmt: skip
    mentee_created = make(
        K.PAIR_CREATED, MENTEE, at=T0 + timedelta(days=1), my_role="mentee", partner_name="Dr O"
    )
    mentor = fold(PAIR, [mentor_created, planned])
    mentee = fold(PAIR, [mentee_created, planned])
    assert mentee.meetings == mentor.meetings
