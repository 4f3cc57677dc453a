"""A saved state restores exactly, and taking later events on it equals folding everything."""

from __future__ import annotations

import dataclasses
import json
import os
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mentorpair.domain import model, snapshot
from mentorpair.domain.events import Event
from mentorpair.domain.snapshot import MalformedSnapshot, from_snapshot, to_snapshot
from mentorpair.domain.state import PairState, fingerprint, fold, fold_order

from .factory import MENTEE, PAIR, K, Log, histories, scripted_pair
from .factory import fingerprint as state_fingerprint
from .offline import Offline, offline_histories

LONG = os.environ.get("MENTORPAIR_LONG") == "1"
#: blake2b-64 of the text below, big-endian: the same on every machine and start.
FINGERPRINT = 0x38A06FD22F71BDB4
MANY = settings(
    max_examples=2_000 if LONG else 150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def everything(state: PairState) -> tuple[Any, ...]:
    """Every attribute, refused changes and where the fold stands included."""
    return (
        state_fingerprint(state, rejected=True),
        state.heads,
        state.max_clock,
        state.max_pclock,
        state.last_key,
        # Ending.reason does not take part in ==; the fingerprint covers it,
        # and the goal history views must still be views of the kept lists.
        {g.goal_id: len(g.history) for g in state.goals.values()},
    )


def through_json(state: PairState) -> PairState:
    """Save and restore as the vault does: through JSON text."""
    text = json.dumps(to_snapshot(state), ensure_ascii=False, separators=(",", ":"))
    return from_snapshot(state.pair_id, json.loads(text))


def in_fold_order(events: list[Event]) -> list[Event]:
    return sorted(events, key=fold_order)


# ----------------------------------------------------------------- round trip
@MANY
@given(histories(max_size=60))
def test_a_restored_state_equals_the_fold_in_every_attribute(events: list[Event]):
    state = fold(PAIR, events)
    assert everything(through_json(state)) == everything(state)


@MANY
@given(offline_histories())
def test_a_restored_state_of_offline_devices_equals_the_fold(history: Offline):
    # Crossed edits, deletes against edits, confirmations of old terms, endings
    # seen and unseen: the states these make restore exactly too.
    state = fold(PAIR, history.arrivals)
    assert everything(through_json(state)) == everything(state)


def test_the_scripted_pair_restores_for_both_partners():
    script = scripted_pair()
    for role in script.local:
        state = fold(PAIR, script.history(role))
        assert state.notes and state.goals and state.rejected  # something to save
        assert everything(through_json(state)) == everything(state)


# ----------------------------------------------------------------- taking more
@MANY
@given(histories(max_size=60), st.data())
def test_restoring_a_prefix_then_taking_the_rest_equals_the_fold(events: list[Event], data):
    ordered = in_fold_order(events)
    cut = data.draw(st.integers(0, len(ordered)))
    restored = through_json(fold(PAIR, ordered[:cut]))
    for event in ordered[cut:]:
        assert restored.sees_after(event)
        restored.take(event)
    assert everything(restored) == everything(fold(PAIR, events))


@MANY
@given(offline_histories(), st.data())
def test_restoring_what_arrived_first_then_taking_later_arrivals(history: Offline, data):
    # As a vault opens: the saved state covers what was stored first; what
    # came after is taken on it when it all sorts after it, else refolded.
    arrivals = list(history.arrivals)
    cut = data.draw(st.integers(0, len(arrivals)))
    restored = through_json(fold(PAIR, arrivals[:cut]))
    later = in_fold_order(arrivals[cut:])
    if all(restored.sees_after(e) for e in later):  # else the vault folds it all
        for event in later:
            restored.take(event)
        assert everything(restored) == everything(fold(PAIR, arrivals))


def test_a_restored_goal_history_grows_as_a_folded_one_does():
    log = Log()
    log.goal("g1")
    log.add(K.GOAL_UPDATED, MENTEE, goal_id="g1", progress=10)
    restored = through_json(log.state())
    earlier = restored.goals["g1"].history
    restored.take(log.add(K.GOAL_UPDATED, MENTEE, goal_id="g1", progress=20))
    assert len(earlier) == 2  # a view handed out before does not grow
    assert [c.what for c in restored.goals["g1"].history] == ["created", "updated", "updated"]
    assert everything(restored) == everything(log.state())


# ----------------------------------------------------------------- what is refused
def test_a_snapshot_of_another_format_layout_or_pair_is_refused():
    state = Log().state()
    saved = to_snapshot(state)
    for change in ({"format": snapshot.SNAPSHOT_FORMAT + 1}, {"layout": "0" * 16}):
        with pytest.raises(MalformedSnapshot):
            from_snapshot(PAIR, {**saved, **change})
    with pytest.raises(MalformedSnapshot):
        from_snapshot("another pair", saved)
    with pytest.raises(MalformedSnapshot):
        from_snapshot(PAIR, [saved])


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: d.pop("notes"),
        lambda d: d.update(notes=[["n1"]]),
        lambda d: d.update(heads=[["o", "1", 2]]),
        lambda d: d.update(last_key=[True, 1]),
        lambda d: d.update(my_role="coach"),
        lambda d: d.update(goals=[["g1", "t", "", "", None, "active", 0, [], 5]]),
        lambda d: d.update(created_at="yesterday"),
    ],
)
def test_a_damaged_snapshot_is_refused_not_half_read(damage):
    log = Log()
    log.goal("g1")
    saved = to_snapshot(log.state())
    damage(saved)
    with pytest.raises(MalformedSnapshot):
        from_snapshot(PAIR, saved)


def test_the_snapshot_covers_every_attribute_of_the_state():
    # A new attribute of PairState must be saved too: the layout changes with
    # it, and this test names what is missing.
    saved = set(to_snapshot(PairState(PAIR)))
    attributes = {name.lstrip("_") for name in vars(PairState(PAIR))}
    assert attributes - {"pair_id"} <= saved


def test_the_layout_changes_with_a_records_fields():
    # Records are saved as lists in field order; a field added to one of them
    # changes the layout, so a snapshot saved before is refused, never misread.
    @dataclasses.dataclass(frozen=True, slots=True)
    class Note(model.Note):
        pinned: bool = False

    records = tuple(Note if t is model.Note else t for t in snapshot._RECORDS)
    assert model.Note in snapshot._RECORDS
    assert snapshot.layout(records) != snapshot.LAYOUT == snapshot.layout()


def test_note_fingerprints_are_the_same_in_every_process():
    # Saved with the state, so a known answer: Python's own str hash changes per start.
    assert fingerprint("Shortlist: NIHR and Wellcome.") == FINGERPRINT
    assert fingerprint("a") != fingerprint("b")
    assert fingerprint("\ud800 lone surrogate") != fingerprint(" lone surrogate")
