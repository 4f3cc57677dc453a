"""The plain words every screen uses for dates, roles, statuses and note kinds."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from mentorpair.domain.model import GoalStatus, MeetingMode, NoteKind, Role
from mentorpair.domain.wording import (
    format_date,
    format_datetime,
    kind_label,
    mode_word,
    role_word,
    status_word,
)


@pytest.fixture
def berlin_time(monkeypatch):
    """This computer's clock runs on Central European time for the test."""
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (date(2026, 12, 1), "Tue 1 Dec 2026"),
        (date(2026, 12, 3), "Thu 3 Dec 2026"),
        (date(2025, 1, 5), "Sun 5 Jan 2025"),
        (date(2024, 2, 29), "Thu 29 Feb 2024"),
    ],
)
def test_dates_read_as_people_write_them(value, expected):
    assert format_date(value) == expected


def test_a_moment_is_shown_in_local_time(berlin_time):
    # 23:30 UTC on 31 Dec is already New Year's Day in Berlin.
    assert format_datetime(datetime(2025, 12, 31, 23, 30, tzinfo=UTC)) == "Thu 1 Jan 2026, 00:30"
    summer = datetime(2026, 7, 6, 8, 5, tzinfo=timezone(timedelta(hours=-4)))
    assert format_datetime(summer) == "Mon 6 Jul 2026, 14:05"


def test_a_moment_without_zone_is_taken_as_local(berlin_time):
    assert format_datetime(datetime(2026, 3, 2, 9, 0)) == "Mon 2 Mar 2026, 09:00"


def test_every_status_and_mode_has_a_distinct_word():
    statuses = [status_word(s) for s in GoalStatus]
    modes = [mode_word(m) for m in MeetingMode]
    assert len(set(statuses)) == len(GoalStatus)
    assert len(set(modes)) == len(MeetingMode)
    assert status_word(GoalStatus.ACHIEVED) == "Achieved"
    assert mode_word(MeetingMode.IN_PERSON) == "In person"
    assert not any(word.islower() or "_" in word for word in statuses + modes)


def test_role_word_says_you_for_the_reader_and_names_the_partner():
    assert role_word(Role.MENTEE, Role.MENTEE, "Dr Helen Marsh") == "You"
    assert role_word(Role.MENTOR, Role.MENTEE, "Dr Helen Marsh") == "Dr Helen Marsh"
    assert role_word(Role.MENTOR, Role.MENTOR, "Dr Amara Okafor") == "You"


def test_role_word_without_a_name_says_which_partner():
    assert role_word(Role.MENTEE, Role.MENTOR) == "Your mentee"
    assert role_word(Role.MENTOR, Role.MENTEE, "   ") == "Your mentor"


def test_kind_labels_say_who_can_read_in_words():
    assert kind_label(NoteKind.PRIVATE) == "Private — only me"
    assert kind_label(NoteKind.SHARED) == "Shared with my partner"
    assert kind_label(NoteKind.REFLECTION) == "Reflection — only me"
    # Only the shared kind may suggest the partner reads it.
    assert [k for k in NoteKind if "partner" in kind_label(k)] == [NoteKind.SHARED]
