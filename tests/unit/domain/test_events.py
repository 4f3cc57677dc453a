"""Events: their encoding round-trips, anything malformed is refused, bodies are read-only."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from types import MappingProxyType
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mentorpair.domain.events import Event, EventKind, MalformedEvent
from mentorpair.domain.model import Role

from .factory import MENTEE, PAIR, T0, make

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)
bodies = st.dictionaries(st.text(), json_values, max_size=6)
offsets = st.integers(-14 * 60, 14 * 60).map(lambda m: timezone(timedelta(minutes=m)))
times = st.datetimes(
    min_value=datetime(1970, 1, 2), max_value=datetime(2200, 1, 1), timezones=offsets
)
ids = st.text(min_size=1, max_size=40)


@st.composite
def events(draw: st.DrawFn) -> Event:
    return Event(
        event_id=draw(ids),
        pair_id=draw(ids),
        author=draw(st.sampled_from(Role)),
        kind=draw(st.sampled_from(EventKind)),
        at=draw(times),
        body=draw(bodies),
    )


# ----------------------------------------------------------------- round trip
@settings(max_examples=75)
@given(events())
def test_to_dict_from_dict_round_trips(event):
    encoded = event.to_dict()
    decoded = Event.from_dict(encoded)
    assert decoded == event
    assert decoded.sort_key == event.sort_key
    assert dict(decoded.body) == dict(event.body)
    assert decoded.to_dict() == encoded  # one normal form


@settings(max_examples=50)
@given(events())
def test_the_encoding_survives_json(event):
    text = json.dumps(event.to_dict(), ensure_ascii=False, sort_keys=True)
    assert Event.from_dict(json.loads(text)) == event


@given(times)
def test_times_are_encoded_in_utc_with_microseconds(at):
    encoded = make(EventKind.AGENDA_READY, MENTEE, at=at).to_dict()["at"]
    assert encoded.endswith("+00:00")
    assert datetime.fromisoformat(encoded) == at
    assert len(encoded) == len("2025-01-01T00:00:00.000000+00:00")


def test_the_encoding_has_exactly_the_documented_fields():
    event = make(EventKind.GOAL_CREATED, MENTEE, at=T0, goal_id="g1", title="Fellowship")
    assert event.to_dict() == {
        "id": event.event_id,
        "pair": PAIR,
        "author": "mentee",
        "kind": "goal.created",
        "at": "2025-03-03T09:00:00.000000+00:00",
        "body": {"goal_id": "g1", "title": "Fellowship"},
        "clock": 0,
        "origin": "",
        "seq": 0,
        "seen": {},
    }


def test_a_private_change_carries_its_private_clock_and_a_shared_one_does_not():
    shared = make(EventKind.GOAL_CREATED, MENTEE, at=T0, goal_id="g1", title="Fellowship")
    private = make(
        EventKind.NOTE_CREATED, MENTEE, at=T0, note_id="n1", kind="private", title="t", text="x"
    ).restamped(4, "a" * 32, 0, {}, pclock=9)
    assert "pclock" not in shared.to_dict()  # shared encodings, and their signatures, unchanged
    assert private.to_dict()["pclock"] == 9
    assert Event.from_dict(private.to_dict()) == private


def test_the_private_clock_orders_private_changes_of_one_clock_before_the_time():
    # A reflection edited on the laptop after the desk made it: the laptop's
    # clock says earlier, its private clock says after; the private clock wins.
    note = make(EventKind.NOTE_CREATED, MENTEE, at=T0 + timedelta(hours=5), event_id="b" * 32)
    edit = make(EventKind.NOTE_EDITED, MENTEE, at=T0, event_id="a" * 32)
    note = note.restamped(3, "c" * 32, 0, {}, pclock=1)
    edit = edit.restamped(3, "d" * 32, 0, {}, pclock=2)
    shared = make(EventKind.AGENDA_READY, MENTEE, at=T0 + timedelta(days=1)).restamped(
        3, "c" * 32, 2, {}
    )
    later = make(EventKind.AGENDA_READY, MENTEE, at=T0).restamped(4, "c" * 32, 3, {})
    assert sorted([later, edit, note, shared], key=lambda e: e.sort_key) == [
        shared, note, edit, later,
    ]  # fmt: skip


def test_kind_values_are_stable():
    # They are stored in vaults and sent to partners: renaming one loses data.
    assert {k.name: k.value for k in EventKind} == {
        "PAIR_CREATED": "pair.created",
        "RELATIONSHIP_ENDED": "pair.ended",
        "ENDING_REASON": "pair.ending_reason",
        "AGREEMENT_SET": "agreement.set",
        "AGREEMENT_CONFIRMED": "agreement.confirmed",
        "MEETING_PLANNED": "meeting.planned",
        "MEETING_UPDATED": "meeting.updated",
        "MEETING_CANCELLED": "meeting.cancelled",
        "AGENDA_ITEM_ADDED": "agenda.item_added",
        "AGENDA_ITEM_UPDATED": "agenda.item_updated",
        "AGENDA_ITEM_REMOVED": "agenda.item_removed",
        "AGENDA_REORDERED": "agenda.reordered",
        "AGENDA_READY": "agenda.ready",
        "SUGGESTION_ADDED": "suggestion.added",
        "SUGGESTION_ACCEPTED": "suggestion.accepted",
        "SUGGESTION_DISMISSED": "suggestion.dismissed",
        "CATEGORIES_SET": "goal.categories_set",
        "GOAL_CREATED": "goal.created",
        "GOAL_UPDATED": "goal.updated",
        "MILESTONE_ADDED": "goal.milestone_added",
        "MILESTONE_UPDATED": "goal.milestone_updated",
        "NOTE_CREATED": "note.created",
        "NOTE_EDITED": "note.edited",
        "NOTE_DELETED": "note.deleted",
        "ACTION_ADDED": "action.added",
        "ACTION_UPDATED": "action.updated",
    }


def test_sort_key_is_time_then_id():
    early = make(EventKind.AGENDA_READY, MENTEE, at=T0, event_id="b" * 32)
    tie = make(EventKind.AGENDA_READY, MENTEE, at=T0, event_id="a" * 32)
    late = make(EventKind.AGENDA_READY, MENTEE, at=T0 + timedelta(microseconds=1), event_id="0")
    assert sorted([late, early, tie], key=lambda e: e.sort_key) == [tie, early, late]


def test_the_same_instant_in_another_zone_sorts_the_same():
    here = make(EventKind.AGENDA_READY, MENTEE, at=T0, event_id="a" * 32)
    there = Event.from_dict({**here.to_dict(), "at": "2025-03-03T10:00:00+01:00"})
    assert there.sort_key == here.sort_key
    assert there == here


# ----------------------------------------------------------------- malformed
def _valid() -> dict[str, Any]:
    return make(EventKind.NOTE_CREATED, MENTEE, note_id="n1", kind="shared").to_dict()


def _without(key: str) -> dict[str, Any]:
    data = _valid()
    del data[key]
    return data


MALFORMED: dict[str, Any] = {
    **{f"missing {key}": _without(key) for key in ("id", "pair", "author", "kind", "at", "body")},
    "unknown kind": {**_valid(), "kind": "note.shredded"},
    "kind by name, not value": {**_valid(), "kind": "NOTE_CREATED"},
    "unknown role": {**_valid(), "author": "coordinator"},
    "role in capitals": {**_valid(), "author": "MENTEE"},
    "naive time": {**_valid(), "at": "2025-03-03T09:00:00"},
    "time not a time": {**_valid(), "at": "yesterday"},
    "time a number": {**_valid(), "at": 1741000000},
    "time missing": {**_valid(), "at": None},
    "body a list": {**_valid(), "body": [["note_id", "n1"]]},
    "body a string": {**_valid(), "body": "{}"},
    "body null": {**_valid(), "body": None},
    "empty id": {**_valid(), "id": ""},
    "id a number": {**_valid(), "id": 7},
    "pair null": {**_valid(), "pair": None},
    "empty pair": {**_valid(), "pair": ""},
    "not a mapping: list": [["id", "x"]],
    "not a mapping: string": "event",
    "not a mapping: null": None,
    "empty": {},
    "private clock on a shared change": {**_valid(), "origin": "a" * 32, "seq": 1, "pclock": 2},
    "private clock negative": {**_valid(), "pclock": -1},
    "private clock a string": {**_valid(), "pclock": "1"},
    "private clock too big": {**_valid(), "pclock": 2**53},
    "clock no honest device reaches": {**_valid(), "clock": 2**53 - 1},
    "private clock no honest device reaches": {**_valid(), "pclock": 2**53 - 2**32 + 1},
}


@pytest.mark.parametrize("data", MALFORMED.values(), ids=MALFORMED.keys())
def test_malformed_dicts_are_refused(data):
    with pytest.raises(MalformedEvent):
        Event.from_dict(data)


def test_the_valid_base_of_the_malformed_cases_is_accepted():
    # Otherwise every case above could fail for the same unrelated reason.
    assert Event.from_dict(_valid()).kind is EventKind.NOTE_CREATED


def test_a_naive_time_is_refused_by_the_constructor_too():
    with pytest.raises(MalformedEvent, match="time zone"):
        make(EventKind.AGENDA_READY, MENTEE, at=datetime(2025, 3, 3, 9, 0))


def test_the_refusal_names_no_content():
    # The message may end up in a log: it names the problem, not the note.
    data = {**_valid(), "kind": "secret diary of Dr Okafor"}
    with pytest.raises(MalformedEvent) as caught:
        Event.from_dict(data)
    assert "Okafor" not in str(caught.value)


# ----------------------------------------------------------------- read-only
def test_body_cannot_be_changed():
    event = make(EventKind.GOAL_CREATED, MENTEE, goal_id="g1", title="Fellowship")
    assert isinstance(event.body, MappingProxyType)
    with pytest.raises(TypeError):
        event.body["title"] = "Something else"  # type: ignore[index]
    with pytest.raises(TypeError):
        del event.body["title"]  # type: ignore[attr-defined]
    assert event.body["title"] == "Fellowship"


def test_fields_cannot_be_changed():
    event = make(EventKind.GOAL_CREATED, MENTEE, goal_id="g1", title="Fellowship")
    with pytest.raises(AttributeError):
        event.author = Role.MENTOR  # type: ignore[misc]


def test_the_callers_dict_is_not_the_body():
    body: dict[str, Any] = {"meeting_id": "m1", "order": ["i1", "i2"]}
    event = Event("e1", PAIR, MENTEE, EventKind.AGENDA_REORDERED, T0, body)
    body["meeting_id"] = "m2"
    body["order"].append("i3")
    assert event.body == {"meeting_id": "m1", "order": ["i1", "i2"]}


def test_a_proxy_of_the_callers_dict_is_copied_too():
    body: dict[str, Any] = {"meeting_id": "m1", "order": ["i1"]}
    event = Event("e1", PAIR, MENTEE, EventKind.AGENDA_REORDERED, T0, MappingProxyType(body))
    body["order"].append("i2")
    body["meeting_id"] = "m2"
    assert event.body == {"meeting_id": "m1", "order": ["i1"]}


def test_changing_the_encoding_does_not_change_the_event():
    event = make(EventKind.AGENDA_REORDERED, MENTEE, meeting_id="m1", order=["i1", "i2"])
    encoded = event.to_dict()
    encoded["body"]["order"].reverse()
    encoded["body"]["meeting_id"] = "m2"
    assert event.body == {"meeting_id": "m1", "order": ["i1", "i2"]}


def test_changing_the_decoded_dict_does_not_change_the_event():
    data = make(EventKind.AGENDA_REORDERED, MENTEE, meeting_id="m1", order=["i1"]).to_dict()
    event = Event.from_dict(data)
    data["body"]["order"].append("i2")
    assert event.body["order"] == ["i1"]
