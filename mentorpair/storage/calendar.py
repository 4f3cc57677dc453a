"""Calendar files (.ics) for one meeting, holding only what the person chose.

A calendar is usually synced to a work account that IT, assistants and
colleagues can see, so the file carries the bare minimum: when, how long, the
title the person typed (a neutral "Mentoring meeting" by default) and, only if
they ask, the place or link. Never the partner's name, the agenda or any note.

The UID comes from the meeting id, so importing the file again after the
meeting moved updates the calendar entry instead of adding a second one. A
calendar takes the new file only if its SEQUENCE is higher (RFC 5545,
3.8.7.4); the sequence is the minutes from :data:`SEQUENCE_EPOCH` to the
export, so a later export of the same meeting always outranks an earlier one
without the vault counting revisions.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from icalendar import Calendar
from icalendar import Event as CalendarEvent

from mentorpair.domain.model import Meeting
from mentorpair.storage.atomic import atomic_write

__all__ = [
    "PRODID",
    "SEQUENCE_EPOCH",
    "calendar_uid",
    "meeting_to_ics",
    "sequence_at",
    "suggested_filename",
    "write_ics",
]

#: Who made the file (RFC 5545 requires it); names the app, never the person.
PRODID = "-//mentorpair//mentorpair//EN"

#: Longest title we write; calendar apps truncate long summaries anyway.
MAX_TITLE = 300

#: Sequences count minutes from here; a 32-bit sequence lasts four thousand years.
SEQUENCE_EPOCH = datetime(2024, 1, 1, tzinfo=UTC)


def sequence_at(made: datetime) -> int:
    """The SEQUENCE of a file made at ``made``: later exports get higher numbers."""
    return max(0, int((made - SEQUENCE_EPOCH).total_seconds()) // 60)


def calendar_uid(meeting_id: str) -> str:
    """The calendar entry's stable UID for a meeting (same meeting, same UID)."""
    return f"{meeting_id}@mentorpair"


def meeting_to_ics(
    meeting: Meeting,
    title: str,
    include_place: bool,
    *,
    stamp: datetime | None = None,
) -> bytes:
    """One meeting as an iCalendar file.

    Args:
        meeting: the meeting to export.
        title: the entry's title exactly as the person typed it (stripped).
        include_place: whether to write the meeting's place or link as LOCATION.
        stamp: when the file was made (DTSTAMP, UTC); now if not given. Tests
            pass a fixed value to get identical bytes.

    Raises:
        ValueError: the title is empty or longer than :data:`MAX_TITLE`.
    """
    summary = title.strip()
    if not summary:
        raise ValueError("title must not be empty")
    if len(summary) > MAX_TITLE:
        raise ValueError(f"title must be at most {MAX_TITLE} characters")
    start = meeting.starts_at.astimezone(UTC)
    made = (stamp or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)

    entry = CalendarEvent()
    entry.add("uid", calendar_uid(meeting.meeting_id))
    entry.add("dtstamp", made)
    # Without it a calendar may keep the old time of a moved meeting.
    entry.add("sequence", sequence_at(made))
    entry.add("dtstart", start)
    entry.add("dtend", start + timedelta(minutes=meeting.duration_min))
    entry.add("summary", summary)
    if include_place and meeting.place.strip():
        entry.add("location", meeting.place.strip())
    # A cancelled meeting, imported again, marks the existing entry cancelled.
    entry.add("status", "CANCELLED" if meeting.cancelled else "CONFIRMED")
    # Other people looking at a shared calendar see "busy", not the title.
    entry.add("class", "PRIVATE")

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add_component(entry)
    data: bytes = calendar.to_ical()
    return data


def suggested_filename(meeting: Meeting) -> str:
    """A file name that says what the file is without naming anyone (local date)."""
    return f"mentoring-meeting-{meeting.starts_at.astimezone():%Y-%m-%d}.ics"


def write_ics(path: Path, data: bytes) -> None:
    """Write a calendar file atomically (a crash leaves the old file or the new one).

    Raises:
        DiskFull, PermissionDenied, NotFound, DiskError: nothing was written.
    """
    atomic_write(path, data)
