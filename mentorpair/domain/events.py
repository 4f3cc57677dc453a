"""Events: every change to a pair, as a fact that happened (who, what, when).

The state of a pair is a pure function of its events
(:func:`mentorpair.domain.state.fold`). The same events are what the sync
issue ships to the partner, so each kind is designed to be meaningful on its
own and to merge: bodies name the things they touch by id, never by position.

Bodies are JSON-compatible dicts; dates are ISO strings. The encoding in
:meth:`Event.to_dict` is versioned with the vault schema and documented in
``docs/formats/events.md``.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from mentorpair.domain.model import Role

__all__ = ["Event", "EventKind", "MalformedEvent"]


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
        at: when, in UTC.
        body: the change's fields (read-only).
    """

    event_id: str
    pair_id: str
    author: Role
    kind: EventKind
    at: datetime
    body: Mapping[str, Any]

    def __post_init__(self) -> None:
        # Always a private deep copy: a dict or list the caller keeps (an agenda
        # order, or a proxy of their own dict) must not change the event later.
        object.__setattr__(self, "body", MappingProxyType(copy.deepcopy(dict(self.body))))
        if self.at.tzinfo is None:
            raise MalformedEvent("event time must carry a time zone")

    @property
    def sort_key(self) -> tuple[datetime, str]:
        """Total order used by the fold: time, then id to break ties identically everywhere."""
        return (self.at, self.event_id)

    def to_dict(self) -> dict[str, Any]:
        """The JSON-compatible encoding (storage and, later, sync)."""
        return {
            "id": self.event_id,
            "pair": self.pair_id,
            "author": self.author.value,
            "kind": self.kind.value,
            "at": self.at.astimezone(UTC).isoformat(timespec="microseconds"),
            "body": copy.deepcopy(dict(self.body)),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Event:
        """Decode :meth:`to_dict`'s output, refusing anything malformed."""
        try:
            at = datetime.fromisoformat(str(data["at"]))
            body = data["body"]
            if not isinstance(body, Mapping):
                raise MalformedEvent("body must be an object")
            return cls(
                event_id=_str(data["id"]),
                pair_id=_str(data["pair"]),
                author=Role(data["author"]),
                kind=EventKind(data["kind"]),
                at=at,
                body=body,
            )
        except (KeyError, ValueError, TypeError) as exc:
            raise MalformedEvent(f"malformed event: {type(exc).__name__}") from None


def _str(value: object) -> str:
    if not isinstance(value, str) or not value:
        raise TypeError("expected a non-empty string")
    return value
