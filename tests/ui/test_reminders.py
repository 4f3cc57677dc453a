"""Reminders: each fires once, at the right time, to the right person, saying nothing private."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import pytest

from mentorpair.demo import fill_demo
from mentorpair.domain.events import EventKind
from mentorpair.domain.model import Role

from mentorpair.ui.reminders import CHECK_INTERVAL_MS, ReminderScheduler

NOW = datetime(2025, 11, 27, 9, 30, tzinfo=UTC)
PASSPHRASE = "tangerine orbit velvet lantern 42"


@pytest.fixture(autouse=True)
def utc_local_time(monkeypatch):
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


class Session:
    """A scheduler over a workspace that the test can lock, and what it announced."""

    def __init__(self, ws):
        self.workspace = ws
        self.reminders = ReminderScheduler(lambda: self.workspace)
        self.sent: list[tuple[str, str]] = []
        self.reminders.notify.connect(lambda title, message: self.sent.append((title, message)))


@pytest.fixture
def session(qtbot, ws):
    session = Session(ws)
    yield session
    session.reminders.stop()


def private_words(ws, pair_id):
    """Everything people wrote in the pair, which no notification may contain."""
    state = ws.state(pair_id)
    words = [state.partner_name]
    words += [n.title for n in state.notes.values()] + [n.text for n in state.notes.values()]
    words += [i.title for items in state.agenda.values() for i in items]
    words += [g.title for g in state.goals.values()]
    words += [m.place for m in state.meetings.values() if m.place]
    return words


def test_meeting_reminder_fires_once_an_hour_before(ws, session):
    pair_id = fill_demo(ws, Role.MENTEE, NOW)
    meeting = ws.state(pair_id).next_meeting(NOW)
    session.reminders.agenda_nudge_days = 0
    assert session.reminders.check_now(meeting.starts_at - timedelta(minutes=61)) == []
    session.reminders.check_now(meeting.starts_at - timedelta(minutes=60))
    session.reminders.check_now(meeting.starts_at - timedelta(minutes=59))
    session.reminders.check_now(meeting.starts_at - timedelta(minutes=5))
    assert session.sent == [("Mentoring meeting", "Mentoring meeting in 1 hour (video)")]


def test_late_start_says_how_long_is_left(ws, session):
    pair_id = fill_demo(ws, Role.MENTOR, NOW)
    meeting = ws.state(pair_id).next_meeting(NOW)
    session.reminders.check_now(meeting.starts_at - timedelta(minutes=25))
    assert session.sent == [("Mentoring meeting", "Mentoring meeting in 25 minutes (video)")]
    session.reminders.notify_before_min = 180
    session.reminders.check_now(meeting.starts_at - timedelta(minutes=20))
    assert len(session.sent) == 1


def test_agenda_nudge_for_the_mentee_whose_agenda_is_not_ready(ws, session):
    pair_id = fill_demo(ws, Role.MENTEE, NOW)
    meeting = ws.state(pair_id).next_meeting(NOW)
    session.reminders.check_now(meeting.starts_at - timedelta(days=3, minutes=1))
    assert session.sent == []
    session.reminders.check_now(meeting.starts_at - timedelta(days=3))
    session.reminders.check_now(meeting.starts_at - timedelta(days=2))
    assert session.sent == [("Mentoring agenda", "Prepare your agenda: meeting on Wed 3 Dec 2025")]


def test_no_nudge_once_the_agenda_is_ready(ws, session):
    pair_id = fill_demo(ws, Role.MENTEE, NOW)
    meeting = ws.state(pair_id).next_meeting(NOW)
    ws.record(pair_id, EventKind.AGENDA_READY, meeting_id=meeting.meeting_id, ready=True)
    session.reminders.check_now(meeting.starts_at - timedelta(days=2))
    assert session.sent == []


def test_the_mentor_is_never_nudged_about_the_mentees_agenda(ws, session):
    pair_id = fill_demo(ws, Role.MENTOR, NOW)
    meeting = ws.state(pair_id).next_meeting(NOW)
    session.reminders.check_now(meeting.starts_at - timedelta(days=2))
    assert session.sent == []


def test_nothing_private_in_any_notification(ws, session):
    mentee = fill_demo(ws, Role.MENTEE, NOW)
    mentor = fill_demo(ws, Role.MENTOR, NOW)
    meeting = ws.state(mentee).next_meeting(NOW)
    for minutes in (3 * 24 * 60, 24 * 60, 60, 10):
        session.reminders.check_now(meeting.starts_at - timedelta(minutes=minutes))
    assert len(session.sent) == 3  # one nudge (mentee), two meeting reminders
    everything = " ".join(t + " " + m for t, m in session.sent)
    for word in private_words(ws, mentee) + private_words(ws, mentor):
        assert word not in everything
    for word in ("Helen", "Amara", "OSCE", "resus", "invitation"):
        assert word not in everything


def test_locked_cancelled_and_ended_say_nothing(ws, session):
    pair_id = fill_demo(ws, Role.MENTEE, NOW)
    meeting = ws.state(pair_id).next_meeting(NOW)
    soon = meeting.starts_at - timedelta(minutes=30)
    session.workspace = None  # locked
    assert session.reminders.check_now(soon) == []
    session.workspace = ws
    ws.record(pair_id, EventKind.MEETING_CANCELLED, meeting_id=meeting.meeting_id)
    assert session.reminders.check_now(soon) == []
    other = fill_demo(ws, Role.MENTEE, NOW)
    ws.record(other, EventKind.RELATIONSHIP_ENDED, summary="")
    assert session.reminders.check_now(soon) == []
    assert session.sent == []


def test_a_moved_meeting_is_announced_again(ws, session):
    pair_id = fill_demo(ws, Role.MENTOR, NOW)
    meeting = ws.state(pair_id).next_meeting(NOW)
    session.reminders.check_now(meeting.starts_at - timedelta(minutes=60))
    later = meeting.starts_at + timedelta(hours=2)
    ws.record(
        pair_id,
        EventKind.MEETING_UPDATED,
        meeting_id=meeting.meeting_id,
        starts_at=later.isoformat(),
        mode="phone",
    )
    session.reminders.check_now(later - timedelta(minutes=60))
    assert [m for _, m in session.sent] == [
        "Mentoring meeting in 1 hour (video)",
        "Mentoring meeting in 1 hour (phone)",
    ]


def test_the_timer_checks_every_minute_with_the_clock(ws, qtbot):
    pair_id = fill_demo(ws, Role.MENTOR, NOW)
    meeting = ws.state(pair_id).next_meeting(NOW)
    reminders = ReminderScheduler(lambda: ws, clock=lambda: meeting.starts_at - timedelta(hours=1))
    assert reminders.timer.interval() == CHECK_INTERVAL_MS == 60_000
    with qtbot.waitSignal(reminders.notify) as blocker:
        reminders.start()
    assert blocker.args == ["Mentoring meeting", "Mentoring meeting in 1 hour (video)"]
    assert reminders.timer.isActive()
    reminders.stop()
    assert not reminders.timer.isActive()


def test_reminders_go_on_while_locked_from_what_was_read_before(ws, session):
    pair_id = fill_demo(ws, Role.MENTEE, NOW)
    meeting = ws.state(pair_id).next_meeting(NOW)
    session.reminders.check_now(meeting.starts_at - timedelta(days=5))
    session.workspace = None  # locked: the vault is closed
    session.reminders.check_now(meeting.starts_at - timedelta(minutes=30))
    assert session.sent[-1] == ("Mentoring meeting", "Mentoring meeting in 30 minutes (video)")
    # Kept in memory: times, modes and opaque ids only, nothing anyone wrote.
    kept = " ".join(repr(u) for u in session.reminders.plan)
    for word in private_words(ws, pair_id):
        assert word not in kept
    session.reminders.forget()
    assert session.reminders.check_now(meeting.starts_at - timedelta(minutes=10)) == []


def test_the_minute_reading_runs_on_a_pool_thread(ws, qtbot, monkeypatch):
    import threading

    pair_id = fill_demo(ws, Role.MENTOR, NOW)
    meeting = ws.state(pair_id).next_meeting(NOW)
    threads: list[bool] = []
    original = ReminderScheduler._read_plan

    def reading(workspace, now):
        threads.append(threading.current_thread() is threading.main_thread())
        return original(workspace, now)

    monkeypatch.setattr(ReminderScheduler, "_read_plan", staticmethod(reading))
    reminders = ReminderScheduler(lambda: ws, clock=lambda: meeting.starts_at - timedelta(hours=1))
    with qtbot.waitSignal(reminders.notify):
        reminders.start()
    reminders.stop()
    assert threads == [False]  # the whole history is folded off the UI thread


def test_a_reading_that_returns_after_the_lock_is_dropped(ws, qtbot, monkeypatch):
    import threading

    from mentorpair.ui.workers import pending_count

    pair_id = fill_demo(ws, Role.MENTOR, NOW)
    meeting = ws.state(pair_id).next_meeting(NOW)
    release = threading.Event()
    original = ReminderScheduler._read_plan

    def slow_reading(workspace, now):
        release.wait(3)  # the old code read here, on the UI thread: it waited, then said it
        return original(workspace, now)

    monkeypatch.setattr(ReminderScheduler, "_read_plan", staticmethod(slow_reading))
    session = Session(ws)
    session.reminders._clock = lambda: meeting.starts_at - timedelta(hours=1)
    session.reminders.start()
    # Locked while the reading is under way: the vault's workspace is gone.
    session.workspace = None
    session.reminders.forget()
    release.set()
    qtbot.waitUntil(lambda: pending_count() == 0)
    qtbot.wait(50)
    session.reminders.stop()
    assert session.sent == []
    assert session.reminders.plan == []  # nothing of the vault kept after the lock


def test_a_long_first_reading_gives_the_freed_memory_back(ws, qtbot, monkeypatch):
    import mentorpair.ui.reminders as reminders_module
    from mentorpair.ui.memory import release_freed_memory

    assert release_freed_memory() in (True, False)  # callable here, whatever the C library
    pair_id = fill_demo(ws, Role.MENTOR, NOW)
    meeting = ws.state(pair_id).next_meeting(NOW)
    trims: list[bool] = []
    monkeypatch.setattr(reminders_module, "release_freed_memory", lambda: trims.append(True))
    original = ReminderScheduler._read_plan

    def slow_reading(workspace, now):
        time.sleep(0.3)  # as long as folding a big vault's histories
        return original(workspace, now)

    monkeypatch.setattr(ReminderScheduler, "_read_plan", staticmethod(slow_reading))
    reminders = ReminderScheduler(lambda: ws, clock=lambda: meeting.starts_at - timedelta(hours=1))
    with qtbot.waitSignal(reminders.notify):
        reminders.start()
    reminders.stop()
    assert trims == [True]
