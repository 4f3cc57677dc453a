"""Calendar files: the right time and title, and nothing the person did not choose."""

from __future__ import annotations

import errno
import stat
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from icalendar import Calendar

from mentorpair.domain.model import AgendaItem, Meeting, MeetingMode
from mentorpair.errors import DiskFull
from mentorpair.storage.calendar import (
    PRODID,
    SEQUENCE_EPOCH,
    calendar_uid,
    meeting_to_ics,
    sequence_at,
    suggested_filename,
    write_ics,
)

PARTNER = "Dr Helen Marsh"
STAMP = datetime(2025, 3, 1, 8, 0, tzinfo=UTC)
# 14:30 in UTC+2 is 12:30 UTC: the file must say 12:30Z.
STARTS = datetime(2025, 3, 4, 14, 30, tzinfo=timezone(timedelta(hours=2)))
MEETING = Meeting(
    meeting_id="5f0c2a9e4d1b4e7f8a3c6b2d1e0f9a8b",
    starts_at=STARTS,
    duration_min=45,
    mode=MeetingMode.VIDEO,
    place="https://video.example.org/room/4417",
)
# What the pair wrote; none of it may reach the calendar.
AGENDA = AgendaItem(
    "i1", MEETING.meeting_id, "Consultant interview nerves", "Panel is on Friday", "A plan"
)


def parse(data: bytes):
    calendar = Calendar.from_ical(data)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 1
    return calendar, events[0]


def test_fields_parse_back_in_utc():
    calendar, event = parse(meeting_to_ics(MEETING, "Mentoring meeting", False, stamp=STAMP))
    assert str(calendar["PRODID"]) == PRODID
    assert str(calendar["VERSION"]) == "2.0"
    assert str(event["UID"]) == f"{MEETING.meeting_id}@mentorpair"
    assert event.decoded("DTSTART") == datetime(2025, 3, 4, 12, 30, tzinfo=UTC)
    assert event.decoded("DTSTART").utcoffset() == timedelta(0)
    assert event.decoded("DTEND") == datetime(2025, 3, 4, 13, 15, tzinfo=UTC)
    assert str(event["SUMMARY"]) == "Mentoring meeting"
    assert str(event["STATUS"]) == "CONFIRMED"
    assert str(event["CLASS"]) == "PRIVATE"
    assert event.decoded("DTSTAMP") == STAMP


def test_uid_is_stable_so_a_second_import_updates_the_entry():
    first = meeting_to_ics(MEETING, "Mentoring meeting", False, stamp=STAMP)
    again = meeting_to_ics(MEETING, "Mentoring meeting", False, stamp=STAMP)
    assert first == again
    moved = Meeting(MEETING.meeting_id, STARTS + timedelta(days=7), 60, MeetingMode.PHONE, "")
    assert str(parse(meeting_to_ics(moved, "M", False))[1]["UID"]) == calendar_uid(
        MEETING.meeting_id
    )
    assert b"\r\n" in first  # RFC 5545 line endings


def test_place_only_when_chosen():
    _, without = parse(meeting_to_ics(MEETING, "Mentoring meeting", False, stamp=STAMP))
    assert "LOCATION" not in without
    _, with_place = parse(meeting_to_ics(MEETING, "Mentoring meeting", True, stamp=STAMP))
    assert str(with_place["LOCATION"]) == MEETING.place
    no_place = Meeting(MEETING.meeting_id, STARTS, 30, MeetingMode.PHONE, "  ")
    assert "LOCATION" not in parse(meeting_to_ics(no_place, "Call", True))[1]


def test_no_name_agenda_or_description_unless_typed():
    data = meeting_to_ics(MEETING, "Mentoring meeting", True, stamp=STAMP)
    text = data.decode("utf-8")
    for secret in (PARTNER, "Helen", "Marsh", AGENDA.title, AGENDA.why, AGENDA.outcome):
        assert secret not in text
    _, event = parse(data)
    for field in ("DESCRIPTION", "ATTENDEE", "ORGANIZER", "CONTACT", "COMMENT", "URL"):
        assert field not in event
    # The person may choose to name their mentor in the title; then, and only then, it is there.
    _, named = parse(meeting_to_ics(MEETING, f"Meeting with {PARTNER}", False, stamp=STAMP))
    assert str(named["SUMMARY"]) == f"Meeting with {PARTNER}"


def test_title_is_escaped_and_stripped():
    title = "  Mentoring; planning, review\nand more  "
    _, event = parse(meeting_to_ics(MEETING, title, False, stamp=STAMP))
    assert str(event["SUMMARY"]) == title.strip()


@pytest.mark.parametrize("title", ["", "   ", "x" * 301])
def test_bad_titles_are_refused(title):
    with pytest.raises(ValueError, match="title"):
        meeting_to_ics(MEETING, title, False)


def test_cancelled_meeting_says_so():
    cancelled = Meeting(MEETING.meeting_id, STARTS, 45, MeetingMode.VIDEO, "", cancelled=True)
    assert str(parse(meeting_to_ics(cancelled, "Mentoring meeting", False))[1]["STATUS"]) == (
        "CANCELLED"
    )


def test_filename_names_the_date_only():
    name = suggested_filename(MEETING)
    assert name.startswith("mentoring-meeting-2025-03-0")
    assert name.endswith(".ics")


def test_write_ics_is_owner_only_and_leaves_no_debris(tmp_path: Path):
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "meeting.ics"
    data = meeting_to_ics(MEETING, "Mentoring meeting", False, stamp=STAMP)
    write_ics(target, data)
    assert target.read_bytes() == data
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in folder.iterdir()] == ["meeting.ics"]


def test_write_ics_reports_a_full_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    target = tmp_path / "meeting.ics"
    target.write_bytes(b"old")

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("os.fsync", full)
    with pytest.raises(DiskFull):
        write_ics(target, b"new")
    assert target.read_bytes() == b"old"


def test_a_later_export_of_a_moved_meeting_has_a_higher_sequence():
    # Calendars replace an entry only with a higher SEQUENCE (RFC 5545, 3.8.7.4).
    _, first = parse(meeting_to_ics(MEETING, "Mentoring meeting", False, stamp=STAMP))
    moved = Meeting(MEETING.meeting_id, STARTS + timedelta(days=7), 60, MeetingMode.PHONE, "")
    later = STAMP + timedelta(minutes=3)
    _, second = parse(meeting_to_ics(moved, "Mentoring meeting", False, stamp=later))
    assert int(first["SEQUENCE"]) == sequence_at(STAMP) > 0
    assert int(second["SEQUENCE"]) == int(first["SEQUENCE"]) + 3
    assert str(second["UID"]) == str(first["UID"])
    assert sequence_at(SEQUENCE_EPOCH) == 0
    assert sequence_at(datetime(2124, 1, 1, tzinfo=UTC)) < 2**31  # fits RFC 5545's integer
