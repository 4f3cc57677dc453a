"""Reminders: a meeting is about to start, or the mentee's agenda still needs preparing.

Once a minute the scheduler looks at the open vault's pairs and emits
:attr:`ReminderScheduler.notify` for what is due. A notification can show on
a locked screen or a shared screen, so it says only *that* something is due:
never a name, a place, an agenda item or a note.

Reminders go on while the vault is locked (the idle lock is 5 minutes by
default, and a meeting reminder that waited for someone to unlock would be
useless): what was read at the last check stays in memory, and only this:
each upcoming meeting's opaque ids, start, mode and whether its agenda is
ready. Nothing of it is written anywhere.

The minute's reading runs on a pool thread (:func:`~mentorpair.ui.workers.run_in_background`):
the first one after an unlock folds every pair's whole history, seconds with
a big vault, and the window must not freeze for it. A reading that comes back
after the vault was locked, or after a newer one began, is dropped.

Hook (main window): create one scheduler with a callable returning the open
:class:`~mentorpair.storage.workspace.Workspace` (None while locked), connect
``notify`` to the desktop notifier and call :meth:`start` once.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from mentorpair.domain.model import MeetingMode, Role
from mentorpair.domain.state import PairState
from mentorpair.errors import KnownError

from mentorpair.ui.memory import release_freed_memory
from mentorpair.ui.wording import format_date
from mentorpair.ui.workers import run_in_background

if TYPE_CHECKING:  # the locked window needs no vault code (issue 12)
    from mentorpair.storage.workspace import Workspace

__all__ = [
    "AGENDA_NUDGE_DAYS",
    "CHECK_INTERVAL_MS",
    "NOTIFY_BEFORE_MIN",
    "ReminderScheduler",
    "Upcoming",
]

log = logging.getLogger(__name__)

CHECK_INTERVAL_MS = 60_000
# Defaults: an hour's warning before a meeting; an agenda nudge three days before.
NOTIFY_BEFORE_MIN = 60
AGENDA_NUDGE_DAYS = 3

_SOON, _AGENDA = "soon", "agenda"
# A reading this long built pairs' states from their histories, not from those kept.
_BIG_READ_S = 0.25


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class Upcoming:
    """What a reminder needs of one upcoming meeting, and nothing more (kept while locked)."""

    pair_id: str
    meeting_id: str
    starts_at: datetime
    mode: MeetingMode
    agenda_ready: bool
    mine_to_prepare: bool


class ReminderScheduler(QObject):
    """Checks every minute and announces each reminder once.

    What was announced is remembered in memory only (never written anywhere),
    by pair, meeting, kind and start time: a meeting moved to another time is
    announced again, nothing else is.

    Signals:
        notify(str, str): a title and a message, free of anything private.

    Attributes:
        notify_before_min: minutes before a meeting to announce it (0: never).
        agenda_nudge_days: days before a meeting to nudge the mentee whose
            agenda is not ready yet (0: never).
    """

    notify = Signal(str, str)

    def __init__(
        self,
        workspace: Callable[[], Workspace | None],
        notify_before_min: int = NOTIFY_BEFORE_MIN,
        agenda_nudge_days: int = AGENDA_NUDGE_DAYS,
        clock: Callable[[], datetime] = _utc_now,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._clock = clock
        self.notify_before_min = notify_before_min
        self.agenda_nudge_days = agenda_nudge_days
        self._sent: set[tuple[str, str, str, datetime]] = set()
        self.plan: list[Upcoming] = []
        # Bumped by whatever makes a reading under way out of date (stop, lock, a fresher read).
        self._generation = 0
        self._reading = False
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_INTERVAL_MS)
        self.timer.timeout.connect(self._on_timeout)

    def start(self, first_check_ms: int = 0) -> None:
        """Check every minute, the first time now or after ``first_check_ms``.

        Just after an unlock the first check waits: it reads every pair's
        meetings, which should not hold up the window's first paint.
        """
        self.timer.start()
        if first_check_ms:
            QTimer.singleShot(first_check_ms, self, self._first_check)
        else:
            self._on_timeout()

    def _first_check(self) -> None:
        if self.timer.isActive():  # not stopped meanwhile
            self._on_timeout()

    def stop(self) -> None:
        """Stop checking (what was sent is still remembered); a reading under way is dropped."""
        self.timer.stop()
        self._generation += 1

    def refresh_plan(self) -> None:
        """Read the upcoming meetings now, e.g. just before the vault locks, without notifying."""
        self._generation += 1  # fresher than any reading under way
        workspace = self._workspace()
        if workspace is not None:
            try:
                self.plan = self._read_plan(workspace, self._clock())
            except KnownError as exc:
                log.info("reminders read no meetings: %s", type(exc).__name__)

    def forget(self) -> None:
        """Drop the meetings kept for locked-time reminders (the vault is gone or replaced)."""
        self.plan = []
        self._generation += 1

    @property
    def reading(self) -> bool:
        """Whether a reading of the meetings is under way on a pool thread."""
        return self._reading

    def _on_timeout(self) -> None:
        """Every minute: read the meetings on a pool thread, then announce what is due here."""
        workspace = self._workspace()
        if workspace is None:
            self._announce(self._clock())  # locked: from the meetings read before
            return
        if self._reading:
            return  # the last reading (a big vault's first) is still under way
        self._reading = True
        generation, now = self._generation, self._clock()

        def read() -> tuple[list[Upcoming], float]:
            started = time.monotonic()
            return self._read_plan(workspace, now), time.monotonic() - started

        run_in_background(
            read,
            lambda result: self._plan_read(generation, workspace, *result),
            lambda exc: self._plan_failed(generation, exc),
        )

    def _plan_read(
        self, generation: int, workspace: Workspace, plan: list[Upcoming], seconds: float
    ) -> None:
        self._reading = False
        if seconds > _BIG_READ_S:
            # Whole histories were folded (the first reading): most of it is garbage now.
            release_freed_memory()
        if generation != self._generation or self._workspace() is not workspace:
            return  # locked, stopped or read afresh meanwhile: this reading is out of date
        self.plan = plan
        self._announce(self._clock())

    def _plan_failed(self, generation: int, exc: BaseException) -> None:
        self._reading = False
        if generation != self._generation or self._workspace() is None:
            # The vault was locked while it was read: nothing to say.
            log.info("reminders dropped a reading: %s", type(exc).__name__)
            return
        if isinstance(exc, KnownError):
            # A busy or unreadable vault must not stop the app; the next minute retries.
            log.info("reminders read no meetings: %s", type(exc).__name__)
            return
        raise exc  # a bug: the crash handler shows it

    def _announce(self, now: datetime) -> list[tuple[str, str]]:
        due = self._due(now)
        for title, message in due:
            self.notify.emit(title, message)
        return due

    def check_now(self, now: datetime) -> list[tuple[str, str]]:
        """Emit every reminder due at ``now`` that was not emitted before; return them.

        While unlocked the meetings are read afresh; while locked the last
        reading is used.
        """
        workspace = self._workspace()
        if workspace is not None:
            self._generation += 1  # fresher than any reading under way
            try:
                self.plan = self._read_plan(workspace, now)
            except KnownError as exc:
                # A busy or unreadable vault must not stop the app; the next minute retries.
                log.info("reminders read no meetings: %s", type(exc).__name__)
        return self._announce(now)

    @staticmethod
    def _read_plan(workspace: Workspace, now: datetime) -> list[Upcoming]:
        """Every open pair's upcoming meetings; safe on a pool thread.

        Each pair is read holding the database: no change is recorded while
        its state is built and read, and the state the workspace keeps is
        never replaced behind a change made meanwhile (changes take the same
        lock). The first reading folds whole histories; later ones find the
        states kept.
        """
        plan: list[Upcoming] = []
        for pair in workspace.pairs():
            if pair.ended:
                continue
            with workspace.vault.db.held():
                plan.extend(ReminderScheduler._upcoming(workspace.state(pair.pair_id), now))
        return sorted(plan, key=lambda u: u.starts_at)

    @staticmethod
    def _upcoming(state: PairState, now: datetime) -> list[Upcoming]:
        return [
            Upcoming(
                state.pair_id,
                m.meeting_id,
                m.starts_at,
                m.mode,
                m.agenda_ready,
                state.my_role is Role.MENTEE,
            )
            for m in state.meetings.values()
            if not m.cancelled and m.starts_at > now
        ]

    def _due(self, now: datetime) -> list[tuple[str, str]]:
        due: list[tuple[str, str]] = []
        lead = timedelta(minutes=self.notify_before_min)
        nudge = timedelta(days=self.agenda_nudge_days)
        for meeting in self.plan:
            left = meeting.starts_at - now
            if left <= timedelta(0):
                continue
            if self.notify_before_min > 0 and left <= lead and self._first(meeting, _SOON):
                due.append((self.tr("Mentoring meeting"), self._soon_text(meeting, left)))
            # Within the last hour the meeting reminder says enough.
            if (
                self.agenda_nudge_days > 0
                and not (self.notify_before_min > 0 and left <= lead)
                and meeting.mine_to_prepare
                and not meeting.agenda_ready
                and left <= nudge
                and self._first(meeting, _AGENDA)
            ):
                due.append((self.tr("Mentoring agenda"), self._agenda_text(meeting)))
        return due

    def _first(self, meeting: Upcoming, kind: str) -> bool:
        key = (meeting.pair_id, meeting.meeting_id, kind, meeting.starts_at)
        if key in self._sent:
            return False
        self._sent.add(key)
        return True

    # ------------------------------------------------------------- wording
    def _soon_text(self, meeting: Upcoming, left: timedelta) -> str:
        return self.tr("Mentoring meeting {0} ({1})").format(
            self._in_words(left), self._mode_word(meeting.mode)
        )

    def _agenda_text(self, meeting: Upcoming) -> str:
        day = format_date(meeting.starts_at.astimezone().date())
        return self.tr("Prepare your agenda: meeting on {0}").format(day)

    def _in_words(self, left: timedelta) -> str:
        """'in 1 hour', 'in 2 hours', 'in 1 hour and 30 minutes', 'in 25 minutes'."""
        minutes = max(1, round(left.total_seconds() / 60))
        hours, rest = divmod(minutes, 60)
        if hours and rest >= 58:
            hours, rest = hours + 1, 0
        hour_words = self.tr("1 hour") if hours == 1 else self.tr("{0} hours").format(hours)
        minute_words = self.tr("1 minute") if rest == 1 else self.tr("{0} minutes").format(rest)
        if hours and rest <= 2:
            return self.tr("in {0}").format(hour_words)
        if hours:
            return self.tr("in {0} and {1}").format(hour_words, minute_words)
        return self.tr("in {0}").format(minute_words)

    def _mode_word(self, mode: MeetingMode) -> str:
        words = {
            MeetingMode.IN_PERSON: self.tr("in person"),
            MeetingMode.PHONE: self.tr("phone"),
            MeetingMode.VIDEO: self.tr("video"),
            MeetingMode.EMAIL: self.tr("email"),
        }
        return words[mode]
