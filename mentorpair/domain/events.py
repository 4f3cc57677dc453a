"""Events: every change to a pair, as a fact that happened (who, what, when).

The state of a pair is a pure function of its events
(:func:`mentorpair.domain.state.fold`). The same events are what the sync
issue ships to the partner, so each kind is designed to be meaningful on its
own and to merge: bodies name the things they touch by id, never by position.

Bodies are JSON-compatible dicts; dates are ISO strings. The encoding in
:meth:`Event.to_dict` is versioned with the vault schema and documented in
``docs/formats/events.md``.

Every event also carries a *stamp* that orders it by causality, never by a
clock on someone's desk: ``origin`` (the device that made it), ``seq`` (its
place in that device's chain of shared events, 0 for what never leaves the
machine), ``seen`` (how far the device had got in every other chain of the
pair) and ``clock`` (a Lamport clock: one more than anything it had seen).
A change that never leaves the person also carries ``pclock``, a Lamport
clock over the person's never-shared changes only: their linked computers
order private edits by it, and the partner never learns how many there were.
``at`` is kept for people to read, and breaks ties only between changes
that did not know of each other.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from mentorpair.domain.model import Role

__all__ = ["MAX_CLOCK", "MAX_RECEIVED_CLOCK", "Event", "EventKind", "MalformedEvent", "SortKey"]

#: Clocks, sequence numbers and positions stay exact in every JSON reader.
MAX_CLOCK = 2**53 - 1
#: The highest clock (or private clock) a change from elsewhere may carry: no
#: honest device gets near it, and above it a modified app could leave the
#: receiver no clock for its own next change (2^32 changes of headroom).
MAX_RECEIVED_CLOCK = MAX_CLOCK - 2**32
#: How many other chains one event may say it has seen (devices of a pair).
MAX_SEEN = 64
_ORIGIN_LENGTH = 32  # hex digits of a device id

#: The fold's total order: (clock, never-shared, private clock, at, event id).
SortKey = tuple[int, bool, int, datetime, str]


class MalformedEvent(ValueError):
    """An event's fields are missing or of the wrong type."""


class EventKind(StrEnum):
    """Every kind of change. Values are stable: they are stored and sent."""

    PAIR_CREATED = "pair.created"
    RELATIONSHIP_ENDED = "pair.ended"
    ENDING_REASON = "pair.ending_reason"
    AGREEMENT_SET = "agreement.set"
    AGREEMENT_CONFIRMED = "agreement.confirmed"
    MEETING_PLANNED = "meeting.planned"
    MEETING_UPDATED = "meeting.updated"
    MEETING_CANCELLED = "meeting.cancelled"
    AGENDA_ITEM_ADDED = "agenda.item_added"
    AGENDA_ITEM_UPDATED = "agenda.item_updated"
    AGENDA_ITEM_REMOVED = "agenda.item_removed"
    AGENDA_REORDERED = "agenda.reordered"
    AGENDA_READY = "agenda.ready"
    SUGGESTION_ADDED = "suggestion.added"
    SUGGESTION_ACCEPTED = "suggestion.accepted"
    SUGGESTION_DISMISSED = "suggestion.dismissed"
    CATEGORIES_SET = "goal.categories_set"
    GOAL_CREATED = "goal.created"
    GOAL_UPDATED = "goal.updated"
    MILESTONE_ADDED = "goal.milestone_added"
    MILESTONE_UPDATED = "goal.milestone_updated"
    NOTE_CREATED = "note.created"
    NOTE_EDITED = "note.edited"
    NOTE_DELETED = "note.deleted"
    ACTION_ADDED = "action.added"
    ACTION_UPDATED = "action.updated"


@dataclass(frozen=True, slots=True)
class Event:
    """One change to one pair.

    Attributes:
        event_id: unique, random (32 hex digits).
        pair_id: the pair it belongs to.
        author: the role of the person who made the change.
        kind: what kind of change.
        at: when, in UTC, by the author's clock: for display only.
        body: the change's fields (read-only).
        clock: Lamport clock: 1 + the highest clock of any shared change the
            author's device held (0: recorded before causal stamps existed).
        origin: the device that made it (32 hex digits; "" before stamps).
        seq: its place in the origin's chain of shared changes (1, 2, …);
            0 for a change that never leaves the machine.
        seen: for each *other* chain of the pair, the last ``seq`` the
            author's device held when it made this change.
        pclock: for a change that never leaves the person (``seq`` 0): 1 +
            the highest ``pclock`` of such changes the device held, so one
            made on another of the person's computers after seeing it sorts
            after it (0: shared, or made before linked computers).
    """

    event_id: str
    pair_id: str
    author: Role
    kind: EventKind
    at: datetime
    body: Mapping[str, Any]
    clock: int = 0
    origin: str = ""
    seq: int = 0
    seen: Mapping[str, int] = field(default_factory=dict)
    pclock: int = 0

    def __post_init__(self) -> None:
        # Always a private deep copy: a dict or list the caller keeps (an agenda
        # order, or a proxy of their own dict) must not change the event later.
        object.__setattr__(self, "body", MappingProxyType(copy.deepcopy(dict(self.body))))
        object.__setattr__(self, "seen", MappingProxyType(dict(self.seen)))
        if self.at.tzinfo is None:
            raise MalformedEvent("event time must carry a time zone")
        _check_stamp(self)

    @property
    def sort_key(self) -> SortKey:
        """The fold's total order, identical on every device.

        Causality first (the Lamport clock), so a change always comes after
        everything its author had seen, whatever the clocks on their desks
        said. A change that never leaves the machine comes after the shared
        ones of the same clock (it was made after seeing them), and among
        those the private clock orders what the person's computers had seen
        of each other's private changes. Between changes that did not know of
        each other, the displayed time and then the id decide: any fixed rule
        would do, and this one reads naturally.
        """
        return (self.clock, self.seq == 0, self.pclock, self.at, self.event_id)

    def saw(self, origin: str, seq: int) -> bool:
        """Whether this change's author had seen entry ``seq`` of chain ``origin``."""
        if origin == self.origin and origin:
            return self.seq == 0 or seq < self.seq
        return self.seen.get(origin, 0) >= seq

    def to_dict(self) -> dict[str, Any]:
        """The JSON-compatible encoding (storage and sync; ``docs/formats/events.md``).

        ``pclock`` appears only when it is set: a shared change's encoding,
        which its chain signs, is the same as before private clocks existed.
        """
        encoded: dict[str, Any] = {
            "id": self.event_id,
            "pair": self.pair_id,
            "author": self.author.value,
            "kind": self.kind.value,
            "at": self.at.astimezone(UTC).isoformat(timespec="microseconds"),
            "body": copy.deepcopy(dict(self.body)),
            "clock": self.clock,
            "origin": self.origin,
            "seq": self.seq,
            "seen": dict(self.seen),
        }
        if self.pclock:
            encoded["pclock"] = self.pclock
        return encoded

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Event:
        """Decode :meth:`to_dict`'s output, refusing anything malformed.

        This is how changes from elsewhere arrive (updates, link payloads), so
        a clock above :data:`MAX_RECEIVED_CLOCK` is refused here too.
        """
        try:
            at = datetime.fromisoformat(str(data["at"]))
            body = data["body"]
            if not isinstance(body, Mapping):
                raise MalformedEvent("body must be an object")
            seen = data.get("seen", {})
            if not isinstance(seen, Mapping):
                raise MalformedEvent("seen must be an object")
            return cls(
                event_id=_str(data["id"]),
                pair_id=_str(data["pair"]),
                author=Role(data["author"]),
                kind=EventKind(data["kind"]),
                at=at,
                body=body,
                clock=_received(data.get("clock", 0)),
                origin=_origin(data.get("origin", "")),
                seq=_count(data.get("seq", 0)),
                seen=seen,
                pclock=_received(data.get("pclock", 0)),
            )
        except (KeyError, ValueError, TypeError) as exc:
            raise MalformedEvent(f"malformed event: {type(exc).__name__}") from None

    @classmethod
    def from_stored(
        cls,
        event_id: Any,
        pair_id: Any,
        author: Any,
        kind: Any,
        at: Any,
        body: Any,
        clock: Any,
        origin: Any,
        seq: Any,
        seen: Any,
        pclock: Any = 0,
    ) -> Event:
        """Decode a stored row whose ``body`` and ``seen`` were just parsed from JSON.

        The same checks as :meth:`from_dict`, without its defensive copies:
        freshly parsed values belong to no one else, and opening a pair
        decodes its whole history this way (issue 12).
        """
        try:
            if not isinstance(body, dict):
                raise MalformedEvent("body must be an object")
            if not isinstance(seen, dict):
                raise MalformedEvent("seen must be an object")
            event = _new_event(
                _str(event_id),
                _str(pair_id),
                _ROLES[author] if author in _ROLES else Role(author),
                _KINDS[kind] if kind in _KINDS else EventKind(kind),
                datetime.fromisoformat(str(at)),
                MappingProxyType(body),
                _count(clock),
                _origin(origin),
                _count(seq),
                MappingProxyType(seen),
                _count(pclock),
            )
        except (KeyError, ValueError, TypeError) as exc:
            raise MalformedEvent(f"malformed event: {type(exc).__name__}") from None
        if event.at.tzinfo is None:
            raise MalformedEvent("event time must carry a time zone")
        _check_stamp(event)
        return event

    def restamped(
        self, clock: int, origin: str, seq: int, seen: Mapping[str, int], pclock: int = 0
    ) -> Event:
        """The same change with a causal stamp (vault migration and recording)."""
        # The body is already a private read-only copy: shared, not copied again.
        event = _new_event(
            self.event_id, self.pair_id, self.author, self.kind, self.at, self.body,
            clock, origin, seq, MappingProxyType(dict(seen)), pclock,
        )  # fmt: skip
        _check_stamp(event)
        return event


_FIELDS = tuple(f.name for f in fields(Event))
_KINDS = {k.value: k for k in EventKind}
_ROLES = {r.value: r for r in Role}


def _new_event(*values: Any) -> Event:
    """An Event from values that are already checked and private (no __post_init__)."""
    event = object.__new__(Event)
    for name, value in zip(_FIELDS, values, strict=True):
        object.__setattr__(event, name, value)
    return event


def _check_stamp(event: Event) -> None:
    """Refuse a stamp no honest device makes: counts out of range, odd ids, self-seen."""
    _count(event.clock)
    _count(event.seq)
    _count(event.pclock)
    _origin(event.origin)
    if event.pclock and event.seq:
        raise MalformedEvent("only a change that is never shared has a private clock")
    if len(event.seen) > MAX_SEEN:
        raise MalformedEvent("seen names too many chains")
    for origin, seq in event.seen.items():
        if not _origin(origin) or origin == event.origin or _count(seq) == 0:
            raise MalformedEvent("seen must name other chains with positions")
    # Clock 0 with a position: a change made before causal stamps that was
    # still unsent when its vault was upgraded (storage/migrations.py, 1.3).
    if event.seq and not event.origin:
        raise MalformedEvent("a shared change needs its origin")


def _received(value: object) -> int:
    count = _count(value)
    if count > MAX_RECEIVED_CLOCK:
        raise MalformedEvent("a clock no honest device reaches")
    return count


def _count(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_CLOCK:
        raise MalformedEvent("counts must be whole numbers from 0 to 2^53 - 1")
    return value


def _origin(value: object) -> str:
    if not isinstance(value, str) or (
        value and (len(value) != _ORIGIN_LENGTH or value.strip("0123456789abcdef"))
    ):
        raise MalformedEvent("origin must be a device id")
    return value


def _str(value: object) -> str:
    if not isinstance(value, str) or not value:
        raise TypeError("expected a non-empty string")
    return value
