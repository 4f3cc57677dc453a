"""The window's words for dates, roles, statuses, modes and note kinds, translated.

``mentorpair.domain.wording`` keeps fixed English for files (exports, the
calendar file); the window speaks the chosen language, so these helpers take
the same arguments and answer through Qt's translation system, with day and
month names from :func:`mentorpair.ui.i18n.date_locale`.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QDate

from mentorpair.domain.model import GoalChange, GoalStatus, MeetingMode, NoteKind, Role

from mentorpair.ui.i18n import date_locale

__all__ = [
    "date_format",
    "format_date",
    "format_datetime",
    "goal_change_words",
    "kind_label",
    "mode_word",
    "month_span",
    "role_word",
    "status_word",
]


def date_format() -> str:
    """The Qt date pattern people read fastest in their language ("Tue 3 Dec 2026")."""
    return QCoreApplication.translate(
        "Wording", "ddd d MMM yyyy", "Qt date pattern: short weekday, day, short month, year"
    )


def format_date(d: date) -> str:
    """A date as people write it: ``Tue 3 Dec 2026``, ``Di., 3. Dez. 2026``.

    A :class:`~datetime.datetime` is shown by its own calendar date, as given.
    """
    return date_locale().toString(QDate(d.year, d.month, d.day), date_format())


def month_span(first: date, last: date) -> str:
    """Two months as a span: ``October 2026 to January 2027``, ``Oktober 2026 bis Januar 2027``."""
    locale = date_locale()
    months = [locale.toString(QDate(d.year, d.month, 1), "MMMM yyyy") for d in (first, last)]
    return QCoreApplication.translate(
        "Wording", "{0} to {1}", "a span of months: October 2026 to January 2027"
    ).format(*months)


def format_datetime(dt: datetime) -> str:
    """A moment in this computer's local time: ``Tue 3 Dec 2026, 14:05``.

    Events are stored in UTC; people read their own clock. A time without a
    zone is taken to be local already.
    """
    local = dt.astimezone() if dt.tzinfo is not None else dt
    return QCoreApplication.translate("Wording", "{0}, {1}", "date, time").format(
        format_date(local.date()), f"{local.hour:02d}:{local.minute:02d}"
    )


def status_word(status: GoalStatus) -> str:
    """A goal's status in words, such as ``Active`` or ``Achieved``."""
    words = {
        GoalStatus.PROPOSED: QCoreApplication.translate("Wording", "Proposed", "goal status"),
        GoalStatus.ACTIVE: QCoreApplication.translate("Wording", "Active", "goal status"),
        GoalStatus.ACHIEVED: QCoreApplication.translate("Wording", "Achieved", "goal status"),
        GoalStatus.PAUSED: QCoreApplication.translate("Wording", "Paused", "goal status"),
        GoalStatus.DROPPED: QCoreApplication.translate("Wording", "Dropped", "goal status"),
    }
    return words[status]


def mode_word(mode: MeetingMode) -> str:
    """How a meeting happens, in words: ``In person``, ``Phone``, ``Video``, ``Email``."""
    words = {
        MeetingMode.IN_PERSON: QCoreApplication.translate("Wording", "In person", "meeting mode"),
        MeetingMode.PHONE: QCoreApplication.translate("Wording", "Phone", "meeting mode"),
        MeetingMode.VIDEO: QCoreApplication.translate("Wording", "Video", "meeting mode"),
        MeetingMode.EMAIL: QCoreApplication.translate("Wording", "Email", "meeting mode"),
    }
    return words[mode]


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
        return QCoreApplication.translate("Wording", "You", "who did something: the reader")
    if partner_name.strip():
        return partner_name.strip()
    if role is Role.MENTEE:
        return QCoreApplication.translate("Wording", "Your mentee")
    return QCoreApplication.translate("Wording", "Your mentor")


def kind_label(kind: NoteKind) -> str:
    """Who may read a note, in words (shown beside its icon, never colour alone)."""
    words = {
        NoteKind.PRIVATE: QCoreApplication.translate("Wording", "Private — only me"),
        NoteKind.SHARED: QCoreApplication.translate("Wording", "Shared with my partner"),
        NoteKind.REFLECTION: QCoreApplication.translate("Wording", "Reflection — only me"),
    }
    return words[kind]


def _value_words(field: str, value: str) -> str:
    """One side of a goal field's change, as the window shows such a value."""
    if not value:
        return QCoreApplication.translate("Wording", "none", "an empty goal field")
    if field == "status":
        try:
            return status_word(GoalStatus(value))
        except ValueError:
            return value
    if field == "progress":
        return QCoreApplication.translate("Wording", "{0} %").format(value)
    if field == "target":
        try:
            return format_date(date.fromisoformat(value))
        except ValueError:
            return value
    return value


def goal_change_words(change: GoalChange) -> str:
    """A line of a goal's history in the window's language.

    The domain keeps an English line for logs and exports; the UI words the
    structured change itself, so the German window has no English in it.
    """
    if change.what == "created":
        return QCoreApplication.translate("Wording", "goal created")
    subject = change.subject
    if change.what == "milestone_added":
        return QCoreApplication.translate("Wording", "milestone added: {0}").format(subject)
    if change.what == "milestone_done":
        return QCoreApplication.translate("Wording", "milestone done: {0}").format(subject)
    if change.what == "milestone_changed":
        return QCoreApplication.translate("Wording", "milestone changed: {0}").format(subject)
    if change.what != "updated" or not change.changes:
        return change.description
    fields = {
        "title": QCoreApplication.translate("Wording", "title"),
        "category": QCoreApplication.translate("Wording", "category"),
        "target": QCoreApplication.translate("Wording", "target date"),
        "status": QCoreApplication.translate("Wording", "status"),
        "progress": QCoreApplication.translate("Wording", "progress"),
    }
    parts = []
    for field, before, after in change.changes:
        if field == "description":
            parts.append(QCoreApplication.translate("Wording", "description edited"))
        else:
            parts.append(
                QCoreApplication.translate("Wording", "{0}: {1} → {2}").format(
                    fields.get(field, field),
                    _value_words(field, before),
                    _value_words(field, after),
                )
            )
    return QCoreApplication.translate("Wording", "; ").join(parts)
