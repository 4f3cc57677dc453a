"""Plain words for dates, roles, statuses and note kinds, shared by every screen.

Busy people read "Tue 3 Dec 2026" faster than "2026-12-03", and "Achieved"
faster than an enum value. These helpers are plain Python so the same words
appear in the window, in exports and in tests, and so they can be checked
without a display. Month and day names are fixed English, not the system
locale, so a screen never mixes two languages.
"""

from __future__ import annotations

from datetime import date, datetime

from mentorpair.domain.model import GoalStatus, MeetingMode, NoteKind, Role

__all__ = [
    "MONTH_NAMES",
    "format_date",
    "format_datetime",
    "kind_label",
    "mode_word",
    "role_word",
    "status_word",
]

_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
#: Full English month names, for labels that go into files others read.
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
)  # fmt: skip

_STATUS_WORDS = {
    GoalStatus.PROPOSED: "Proposed",
    GoalStatus.ACTIVE: "Active",
    GoalStatus.ACHIEVED: "Achieved",
    GoalStatus.PAUSED: "Paused",
    GoalStatus.DROPPED: "Dropped",
}
_MODE_WORDS = {
    MeetingMode.IN_PERSON: "In person",
    MeetingMode.PHONE: "Phone",
    MeetingMode.VIDEO: "Video",
    MeetingMode.EMAIL: "Email",
}
_KIND_LABELS = {
    NoteKind.PRIVATE: "Private — only me",
    NoteKind.SHARED: "Shared with my partner",
    NoteKind.REFLECTION: "Reflection — only me",
}
_PARTNER_WORDS = {Role.MENTEE: "Your mentee", Role.MENTOR: "Your mentor"}


def format_date(d: date) -> str:
    """A date as people write it: ``Tue 3 Dec 2026``.

    A :class:`~datetime.datetime` is shown by its own calendar date, as given.
    """
    return f"{_DAYS[d.weekday()]} {d.day} {_MONTHS[d.month - 1]} {d.year}"


def format_datetime(dt: datetime) -> str:
    """A moment in this computer's local time: ``Tue 3 Dec 2026, 14:05``.

    Events are stored in UTC; people read their own clock. A time without a
    zone is taken to be local already.
    """
    local = dt.astimezone() if dt.tzinfo is not None else dt
    return f"{format_date(local.date())}, {local.hour:02d}:{local.minute:02d}"


def status_word(status: GoalStatus) -> str:
    """A goal's status in words, such as ``Active`` or ``Achieved``."""
    return _STATUS_WORDS[status]


def mode_word(mode: MeetingMode) -> str:
    """How a meeting happens, in words: ``In person``, ``Phone``, ``Video``, ``Email``."""
    return _MODE_WORDS[mode]


def role_word(role: Role, my_role: Role, partner_name: str = "") -> str:
    """Who did something, from the reader's side.

    Args:
        role: the role of the person who did it.
        my_role: the role of the person reading.
        partner_name: how the reader names their partner; when empty, the
            partner is "Your mentee" or "Your mentor".

    Returns:
        ``"You"`` for the reader, otherwise the partner's name or role.
    """
    if role is my_role:
        return "You"
    return partner_name.strip() or _PARTNER_WORDS[role]


def kind_label(kind: NoteKind) -> str:
    """Who may read a note, in words (shown beside its icon, never colour alone)."""
    return _KIND_LABELS[kind]
