"""The things a pair keeps: meetings, agenda items, goals, notes, actions, the agreement.

Plain frozen dataclasses. They are never edited in place: the state of a pair
is rebuilt from its events (:mod:`mentorpair.domain.state`), so every value here
is a snapshot that can be shared between threads and compared in tests.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import overload

__all__ = [
    "DEFAULT_CATEGORIES",
    "Action",
    "AgendaItem",
    "Agreement",
    "Goal",
    "GoalChange",
    "GoalStatus",
    "History",
    "Meeting",
    "MeetingMode",
    "Milestone",
    "Note",
    "NoteKind",
    "NoteVersion",
    "Role",
    "Suggestion",
]


class Role(StrEnum):
    """The two sides of a pair."""

    MENTEE = "mentee"
    MENTOR = "mentor"

    @property
    def other(self) -> Role:
        """The partner's role."""
        return Role.MENTOR if self is Role.MENTEE else Role.MENTEE


class MeetingMode(StrEnum):
    """How a meeting happens (the seeds: face to face, phone, video, sometimes email)."""

    IN_PERSON = "in_person"
    PHONE = "phone"
    VIDEO = "video"
    EMAIL = "email"


class GoalStatus(StrEnum):
    """Where a goal stands; only the mentee moves it."""

    PROPOSED = "proposed"
    ACTIVE = "active"
    ACHIEVED = "achieved"
    PAUSED = "paused"
    DROPPED = "dropped"


class NoteKind(StrEnum):
    """Who may read a note. Shown with label, colour and icon, never colour alone."""

    PRIVATE = "private"  # only me, never leaves this machine
    SHARED = "shared"  # both of us: session notes
    REFLECTION = "reflection"  # the mentor's private reflections, often on a goal

    @property
    def leaves_machine(self) -> bool:
        """Whether a note of this kind may ever be sent to the partner."""
        return self is NoteKind.SHARED


#: The categories a new pair starts with; the mentee can edit the list.
DEFAULT_CATEGORIES = (
    "Career",
    "Research",
    "Clinical practice",
    "Teaching",
    "Leadership",
    "Wellbeing",
)


@dataclass(frozen=True, slots=True)
class Agreement:
    """The mentoring agreement: how often, how long, what is confidential.

    Attributes:
        revision: the event that set this version; confirmations name it.
        confirmed_by: roles that confirmed *this* revision.
    """

    revision: str
    frequency: str
    starts_on: date | None
    review_on: date | None
    modes: tuple[MeetingMode, ...]
    confidentiality: str
    limits: str
    no_fault_ending: bool
    confirmed_by: frozenset[Role] = frozenset()

    @property
    def confirmed(self) -> bool:
        """Both partners confirmed this revision."""
        return self.confirmed_by == frozenset(Role)


@dataclass(frozen=True, slots=True)
class Meeting:
    """A planned meeting."""

    meeting_id: str
    starts_at: datetime
    duration_min: int
    mode: MeetingMode
    place: str
    cancelled: bool = False
    agenda_ready: bool = False


@dataclass(frozen=True, slots=True)
class AgendaItem:
    """One thing the mentee wants to discuss: what, why now, what outcome."""

    item_id: str
    meeting_id: str
    title: str
    why: str = ""
    outcome: str = ""
    goal_id: str | None = None
    from_suggestion: str | None = None


@dataclass(frozen=True, slots=True)
class Suggestion:
    """Something the mentor proposes for the agenda; the mentee accepts or dismisses it."""

    suggestion_id: str
    meeting_id: str
    title: str
    why: str = ""
    status: str = "open"  # open, accepted, dismissed


@dataclass(frozen=True, slots=True)
class Milestone:
    """A dated step towards a goal."""

    milestone_id: str
    title: str
    due: date | None = None
    done: bool = False


@dataclass(frozen=True, slots=True)
class GoalChange:
    """One line of a goal's history: who changed what, when.

    Attributes:
        description: the line in English (logs, the record export).
        what: which kind of change, for the UI to word in the person's
            language: ``created``, ``updated``, ``milestone_added``,
            ``milestone_done`` or ``milestone_changed``.
        subject: the milestone's title, for the milestone kinds.
        changes: for ``updated``, (field, before, after) per changed field;
            the description field's texts are left out (only that it changed).
    """

    at: datetime
    author: Role
    description: str
    what: str = "updated"
    subject: str = ""
    changes: tuple[tuple[str, str, str], ...] = ()


class History(Sequence["GoalChange"]):
    """A read-only view of the first entries of a goal's growing list of changes.

    The fold appends to one list per goal and hands each new ``Goal`` a view
    of its prefix, so a change costs O(1) instead of a copy of the history.
    Compares equal to a tuple of the same changes.
    """

    __slots__ = ("_items", "_length")

    def __init__(self, items: list[GoalChange], length: int | None = None) -> None:
        self._items = items
        self._length = len(items) if length is None else length

    @overload
    def __getitem__(self, index: int) -> GoalChange: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[GoalChange, ...]: ...
    def __getitem__(self, index: int | slice) -> GoalChange | tuple[GoalChange, ...]:
        if isinstance(index, slice):
            return tuple(self._items[: self._length])[index]
        if not -self._length <= index < self._length:
            raise IndexError("history index out of range")
        return self._items[index % self._length]

    def __len__(self) -> int:
        return self._length

    def __iter__(self) -> Iterator[GoalChange]:
        return iter(self._items[: self._length])

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return tuple(self) == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"History({tuple(self)!r})"


@dataclass(frozen=True, slots=True)
class Goal:
    """A goal owned by the mentee."""

    goal_id: str
    title: str
    description: str = ""
    category: str = ""
    target: date | None = None
    status: GoalStatus = GoalStatus.PROPOSED
    progress: int = 0  # percent
    milestones: tuple[Milestone, ...] = ()
    history: Sequence[GoalChange] = ()


@dataclass(frozen=True, slots=True)
class NoteVersion:
    """A version of a note that crossed another edit: kept until someone settles it."""

    revision: str
    title: str
    text: str
    author: Role
    at: datetime


@dataclass(frozen=True, slots=True)
class Note:
    """A note: private, shared session note, or mentor's reflection.

    Attributes:
        revision: the event that wrote the current text; an edit names it as
            its base, so two edits of the same revision are a conflict.
        conflicts: every version that lost when edits crossed (two, three or
            more people or devices editing the same revision), oldest first;
            a person settles them by an edit that says it resolves them.
        edited_by: who wrote the current version (None: as created).
        deleted_by: someone deleted the note while someone else edited it;
            it was kept so no words were lost, and this says who deleted it.
    """

    note_id: str
    kind: NoteKind
    author: Role
    title: str
    text: str
    created_at: datetime
    updated_at: datetime
    revision: str
    meeting_id: str | None = None
    goal_id: str | None = None
    conflicts: tuple[NoteVersion, ...] = ()
    edited_by: Role | None = None
    deleted_by: Role | None = None

    @property
    def conflict(self) -> str | None:
        """The text of the newest version that crossed this one, if any (see ``conflicts``)."""
        return self.conflicts[-1].text if self.conflicts else None


@dataclass(frozen=True, slots=True)
class Action:
    """Something agreed at a meeting: what, who, by when, done or not."""

    action_id: str
    what: str
    owner: Role
    due: date | None = None
    done: bool = False
    meeting_id: str | None = None

    def overdue(self, today: date) -> bool:
        """Not done and past its date."""
        return not self.done and self.due is not None and self.due < today


@dataclass(frozen=True, slots=True)
class Ending:
    """How the relationship ended. The reason never leaves this machine."""

    at: datetime
    by: Role
    summary: str
    reason: str = field(default="", compare=False)
