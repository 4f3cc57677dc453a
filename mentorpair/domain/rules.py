"""Who may make which change, and what may ever leave this machine.

These rules run on every event before it changes a pair's state, whether it
was typed here or (later) arrived from the partner, so a change signed by the
wrong person is refused on every device, not merely hidden by the UI.
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from mentorpair.domain.events import Event, EventKind
from mentorpair.domain.model import NoteKind, Role

__all__ = [
    "MENTEE_ONLY",
    "KnowsNotes",
    "RuleViolation",
    "check_permission",
    "check_role",
    "is_shareable",
]


class KnowsNotes(Protocol):
    """What the rules need of a pair's state (``domain.state.PairState`` has it).

    A protocol rather than an import keeps the rules below the state: the
    state applies the rules, the rules never reach into the state.
    """

    @property
    def my_role(self) -> Role:
        """The role of the person whose copy this is."""
        ...

    @property
    def created_at(self) -> datetime | None:
        """When this copy of the pair was made (None before)."""
        ...

    def note_origin(self, note_id: str) -> tuple[NoteKind, Role] | None:
        """The kind and author of a note, also after it was deleted."""
        ...


class RuleViolation(ValueError):
    """The change is not allowed; the message says why in plain words."""


#: The mentee owns the agenda and the goals (seeds: "the mentee stays in control").
MENTEE_ONLY = frozenset(
    {
        EventKind.AGENDA_ITEM_ADDED,
        EventKind.AGENDA_ITEM_UPDATED,
        EventKind.AGENDA_ITEM_REMOVED,
        EventKind.AGENDA_REORDERED,
        EventKind.AGENDA_READY,
        EventKind.SUGGESTION_ACCEPTED,
        EventKind.SUGGESTION_DISMISSED,
        EventKind.CATEGORIES_SET,
        EventKind.GOAL_CREATED,
        EventKind.GOAL_UPDATED,
        EventKind.MILESTONE_ADDED,
        EventKind.MILESTONE_UPDATED,
    }
)
MENTOR_ONLY = frozenset({EventKind.SUGGESTION_ADDED})
#: Facts about this copy of the pair that are nobody else's business.
LOCAL_ONLY = frozenset({EventKind.PAIR_CREATED, EventKind.ENDING_REASON})


def check_permission(event: Event, state: KnowsNotes) -> None:
    """Raise :class:`RuleViolation` unless ``event.author`` may make this change.

    Only the author's *role* counts here, never what happened meanwhile: the
    same change is allowed or refused on every device. (What a change means
    next to others, e.g. after the relationship ended, is the fold's call.)
    """
    check_role(event)
    kind, author = event.kind, event.author
    if kind in (EventKind.NOTE_EDITED, EventKind.NOTE_DELETED):
        known = state.note_origin(str(event.body.get("note_id")))
        if known is not None and known[0] is not NoteKind.SHARED and known[1] is not author:
            raise RuleViolation("Only the person who wrote a private note can change it.")
    # Before the pair exists here, my_role is not known yet: PAIR_CREATED's own
    # handler checks its author against the role it names.
    if kind in LOCAL_ONLY and state.created_at is not None and author is not state.my_role:
        raise RuleViolation("This change can only be made on this computer.")


def check_role(event: Event) -> None:
    """Raise :class:`RuleViolation` unless the author's role may make this kind of change.

    Depends on the event alone, so a receiver can refuse a partner's update
    for it (admission) before anything else: the same answer on every device.
    """
    kind, author = event.kind, event.author
    if kind in MENTEE_ONLY and author is not Role.MENTEE:
        raise RuleViolation("Only the mentee can change the agenda and the goals.")
    if kind in MENTOR_ONLY and author is not Role.MENTOR:
        raise RuleViolation("Only the mentor can suggest agenda items.")
    # An unknown note kind is left to the handler, which refuses it as malformed.
    is_reflection = kind is EventKind.NOTE_CREATED and _note_kind(event) is NoteKind.REFLECTION
    if is_reflection and author is not Role.MENTOR:
        raise RuleViolation("Only the mentor keeps reflections.")


def is_shareable(event: Event, state: KnowsNotes) -> bool:
    """Whether ``event`` may ever be sent to the partner.

    Private notes, reflections (and every edit of them) and facts about this
    copy of the pair never leave the machine.
    """
    if event.kind in LOCAL_ONLY:
        return False
    if event.kind is EventKind.NOTE_CREATED:
        note_kind = _note_kind(event)
        return note_kind is not None and note_kind.leaves_machine
    if event.kind in (EventKind.NOTE_EDITED, EventKind.NOTE_DELETED):
        known = state.note_origin(str(event.body.get("note_id")))
        return known is not None and known[0].leaves_machine
    return True


def _note_kind(event: Event) -> NoteKind | None:
    """The kind a NOTE_CREATED names, or None if it names none we know."""
    try:
        return NoteKind(str(event.body.get("kind")))
    except ValueError:
        return None
