"""Sync work for one open vault, off the UI thread, and the automatic shared-folder sync.

Everything that reads or writes update files runs through
:class:`SyncController`: one job per pair at a time (a second request waits
for the first and runs after it), progress relayed to the UI thread, and a
clean stop when the vault locks. The automatic sync watches each pair's
shared folder (QFileSystemWatcher), scans every minute anyway (watchers miss
changes on network folders), and runs a few seconds after a local change.

Imports replace the workspace's cached state of a pair, so the UI thread's
next read folds the stored events again: a change typed while an import ran
is never lost from the screen.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QFileSystemWatcher, QObject, Qt, QTimer, Signal, Slot

from mentorpair.errors import KnownError
from mentorpair.storage.workspace import Workspace
from mentorpair.sync.exchange import Exchange, ImportSummary
from mentorpair.sync.folder import FolderReport, SharedFolder
from mentorpair.sync.pairing import Pairing

from mentorpair.ui.sync.wording import summary_words
from mentorpair.ui.workers import run_in_background

__all__ = ["FolderStatus", "SyncCancelled", "SyncController"]

log = logging.getLogger(__name__)

T = TypeVar("T")
Progress = Callable[[int, int], None]

# How often every shared folder is looked at, even without a watcher signal.
SCAN_INTERVAL_MS = 60_000
# How long after a local change (or a folder signal) the folder sync runs.
DEBOUNCE_MS = 3_000


class SyncCancelled(Exception):
    """Raised inside a job's progress callback once the job was cancelled (lock, Cancel)."""


@dataclass(frozen=True, slots=True)
class FolderStatus:
    """The last shared-folder pass of a pair, for its status line.

    Attributes:
        checked_at: when it ended (local time).
        error: the plain reason it failed, or "" when it worked.
    """

    checked_at: datetime
    error: str = ""


class _Job(QObject):
    """One piece of background work; relays progress to the UI thread.

    Signals:
        progressed(int, int): done and total, from the pool thread.
        ended(): the job is over, however it ended (progress dialogs close).
    """

    progressed = Signal(int, int)
    ended = Signal()

    def __init__(self, pair_id: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pair_id = pair_id
        self._cancelled = threading.Event()

    @property
    def cancelled(self) -> bool:
        """True once :meth:`cancel` was called."""
        return self._cancelled.is_set()

    def cancel(self) -> None:
        """Ask the work to stop at its next progress report (nothing is stored then)."""
        self._cancelled.set()

    def report(self, done: int, total: int) -> None:
        """The progress callback handed to the core (runs on the pool thread)."""
        if self._cancelled.is_set():
            raise SyncCancelled()
        self.progressed.emit(done, total)


class SyncController(QObject):
    """Pairing, export, import and shared-folder sync for the pairs of one open vault.

    Signals:
        pair_changed(str): changes arrived for a pair, or its link changed;
            views of it refresh.
        pairs_changed(): a pair was added (joined from an invitation).
        folder_checked(str): a shared-folder pass of the pair ended.
        busy_changed(str, bool): a job for the pair started or ended.
        notice(str): a short message for the status line.

    Attributes:
        workspace: the open vault's pairs.
        exchange: export and import.
        pairing: invitations, acceptances and the safety code.
        shared: the pairs' shared folders.
        status: the last folder pass per pair.
    """

    pair_changed = Signal(str)
    pairs_changed = Signal()
    folder_checked = Signal(str)
    busy_changed = Signal(str, bool)
    notice = Signal(str)

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.exchange = Exchange(workspace)
        self.pairing: Pairing = self.exchange.pairing
        self.shared = SharedFolder(self.exchange)
        self.status: dict[str, FolderStatus] = {}
        self._jobs: dict[str, _Job] = {}
        self._again: set[str] = set()
        self._due: set[str] = set()
        self._told: set[str] = set()
        self._stopped = False
        # Made when the first folder is chosen: each one holds an inotify
        # instance, of which a user has only 128.
        self.watcher: QFileSystemWatcher | None = None
        self.scan_timer = QTimer(self)
        self.scan_timer.setInterval(SCAN_INTERVAL_MS)
        self.scan_timer.timeout.connect(self.sync_all)
        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(DEBOUNCE_MS)
        self.debounce.timeout.connect(self.run_due)

    # ------------------------------------------------------------- life
    def start(self) -> None:
        """Begin automatic sync: watch the folders, scan now and every minute."""
        self._stopped = False
        self.watch_folders()
        self.scan_timer.start()
        # Not at once: the window is still being built.
        QTimer.singleShot(0, self.sync_all)

    def stop(self) -> None:
        """Stop everything (on lock): no new jobs, running ones cancelled, timers off."""
        self._stopped = True
        self.scan_timer.stop()
        self.debounce.stop()
        self._due.clear()
        self._again.clear()
        if self.watcher is not None:
            # A change already queued must not reach a vault that is closing.
            self.watcher.directoryChanged.disconnect(self._on_directory_changed)
            self.watcher.deleteLater()
            self.watcher = None
        for job in self._jobs.values():
            job.cancel()

    @property
    def stopped(self) -> bool:
        """True after :meth:`stop`: the vault is locking or locked."""
        return self._stopped

    # ------------------------------------------------------------- jobs
    def busy(self, pair_id: str) -> bool:
        """Whether a job for the pair is running."""
        return pair_id in self._jobs

    def run(
        self,
        pair_id: str,
        work: Callable[[Progress], T],
        done: Callable[[T], None],
        failed: Callable[[KnownError], None],
        progress: Progress | None = None,
    ) -> _Job | None:
        """Run ``work(progress)`` on a pool thread; ``done`` or ``failed`` on the UI thread.

        Returns the job (cancel it to stop), or None when the pair is busy or
        sync is stopped. Anything but a known error is a bug and reaches the
        crash handler.
        """
        if self._stopped or pair_id in self._jobs:
            return None
        job = _Job(pair_id, self)
        if progress is not None:
            job.progressed.connect(progress, Qt.ConnectionType.QueuedConnection)
        self._jobs[pair_id] = job
        self.busy_changed.emit(pair_id, True)

        def succeeded(result: Any) -> None:
            if self._finish(job):
                done(result)
            self._after(pair_id)

        def errored(exc: BaseException) -> None:
            if isinstance(exc, SyncCancelled) or (
                (job.cancelled or self._stopped)
                and (isinstance(exc, KnownError) or self.workspace.vault.closed)
            ):
                self._finish(job)
                return
            self._finish(job)
            if not isinstance(exc, KnownError):
                raise exc
            failed(exc)
            self._after(pair_id)

        # Owned by this controller: a result arriving after it was deleted (the
        # window closed while a sync ran) is dropped, never delivered to it.
        run_in_background(lambda: work(job.report), succeeded, errored, owner=self)
        return job

    def _finish(self, job: _Job) -> bool:
        """Forget a job; False when its result must be dropped (cancelled or locked)."""
        if self._jobs.get(job.pair_id) is job:
            del self._jobs[job.pair_id]
        if shiboken6.isValid(job):  # gone with its window: nobody is listening
            job.ended.emit()
            job.deleteLater()
        if self._stopped:
            return False
        self.busy_changed.emit(job.pair_id, False)
        return not job.cancelled

    def _after(self, pair_id: str) -> None:
        if pair_id in self._again and not self._stopped:
            self._again.discard(pair_id)
            self.sync_folder(pair_id)

    # ------------------------------------------------------------- results
    def take_summary(self, summary: ImportSummary) -> str:
        """Show what an import brought: refresh the pair, return the words for it.

        The workspace's cached state already holds the import (it is updated in
        the import's own transaction), so nothing is folded again here.
        """
        self.pair_changed.emit(summary.pair_id)
        name = self.workspace.state(summary.pair_id).partner_name
        words = summary_words(summary.counts)
        if not words:
            return self.tr("Nothing new from {0}.").format(name)
        return self.tr("From {0}: {1}").format(name, words)

    # ------------------------------------------------------------- the folder
    def watched(self) -> list[str]:
        """The folders being watched now."""
        return [] if self.watcher is None else self.watcher.directories()

    def watch_folders(self) -> None:
        """Watch the shared folder of every pair that has one."""
        if self._stopped:
            return
        wanted = {str(path) for path in self._folders().values() if path.is_dir()}
        if self.watcher is None:
            if not wanted:
                return
            self.watcher = QFileSystemWatcher(self)
            self.watcher.directoryChanged.connect(self._on_directory_changed)
        current = set(self.watcher.directories())
        if current - wanted:
            self.watcher.removePaths(sorted(current - wanted))
        if wanted - current:
            self.watcher.addPaths(sorted(wanted - current))

    def _folders(self) -> dict[str, Path]:
        found = {}
        for pair in self.workspace.pairs():
            folder = self.shared.folder(pair.pair_id)
            if folder is not None:
                found[pair.pair_id] = folder
        return found

    def choose_folder(self, pair_id: str, folder: Path | None) -> None:
        """Use ``folder`` for the pair (None: stop); sync at once when one is chosen.

        Raises:
            FolderRefused: the folder cannot be used (the vault is in it …).
        """
        self.shared.choose(pair_id, folder)
        self.status.pop(pair_id, None)
        self.watch_folders()
        self.folder_checked.emit(pair_id)
        if folder is not None:
            self.sync_folder(pair_id)

    def link_changed(self, pair_id: str) -> None:
        """The pair's link changed here (joined, connected, code confirmed): show and send it."""
        self.pair_changed.emit(pair_id)
        self._schedule(pair_id)

    def local_change(self, pair_id: str) -> None:
        """Something was recorded in the pair: send it soon (debounced)."""
        self._schedule(pair_id)

    def _schedule(self, pair_id: str) -> None:
        if self._stopped or self.shared.folder(pair_id) is None:
            return
        self._due.add(pair_id)
        self.debounce.start()

    @Slot(str)
    def _on_directory_changed(self, path: str) -> None:
        if self._stopped:
            return
        for pair_id, folder in self._folders().items():
            if str(folder) == path:
                self._schedule(pair_id)

    def send_waiting(self) -> None:
        """Write the changes still waiting for the debounce now, on this thread.

        For a vault about to close at once (the demo's side switch): a change
        made in the last seconds, such as ticking "Ready to share", would
        otherwise reach the shared folder only when this vault opens again.
        Call it when no job runs.
        """
        waiting, self._due = self._due | self._again, set()
        self._again.clear()
        self.debounce.stop()
        self._sync_here(sorted(waiting))

    def sync_now(self) -> None:
        """One pass over every shared folder on this thread, for a vault that just opened.

        The demo's side switch uses it, so the other side shows what was just
        shared at once instead of a moment later. Call it when no job runs.
        """
        self._sync_here(sorted(self._folders()))

    def _sync_here(self, pair_ids: list[str]) -> None:
        for pair_id in pair_ids:
            if self._stopped or self.busy(pair_id) or self.shared.folder(pair_id) is None:
                continue
            try:
                report = self.shared.sync(pair_id, lambda _done, _total: None)
            except KnownError as exc:
                self._on_folder_failed(pair_id, exc)
                continue
            self._on_report(pair_id, report)

    def run_due(self) -> None:
        """Run the folder sync of every pair whose debounce ended."""
        due, self._due = self._due, set()
        if self._stopped:
            return
        for pair_id in sorted(due):
            self.sync_folder(pair_id)

    def sync_all(self) -> None:
        """One pass over every pair's shared folder (the periodic scan)."""
        if self._stopped:
            return
        self.watch_folders()  # a folder that was offline may be back
        for pair_id in self._folders():
            self.sync_folder(pair_id)

    def sync_folder(self, pair_id: str) -> None:
        """Import what arrived in the pair's folder and write what is new, in the background."""
        if self._stopped or self.shared.folder(pair_id) is None:
            return
        if self.busy(pair_id):
            self._again.add(pair_id)
            return
        self.run(
            pair_id,
            lambda progress: self.shared.sync(pair_id, progress),
            lambda report: self._on_report(pair_id, report),
            lambda exc: self._on_folder_failed(pair_id, exc),
        )

    def _on_report(self, pair_id: str, report: FolderReport) -> None:
        self.status[pair_id] = FolderStatus(datetime.now().astimezone())
        for summary in report.imported:
            words = self.take_summary(summary)
            # A file that only acknowledged ours is no news to anyone: no notice.
            if summary.new_events:
                self.notice.emit(words)
        for name, message in report.refused:
            if name not in self._told:
                self._told.add(name)
                self.notice.emit(
                    self.tr("A file in the shared folder was not imported: {0}").format(message)
                )
        log.info(
            "shared folder pass: %d imported, %d refused, %s",
            len(report.imported),
            len(report.refused),
            "written" if report.written else "nothing written",
        )
        self.folder_checked.emit(pair_id)

    def _on_folder_failed(self, pair_id: str, exc: KnownError) -> None:
        previous = self.status.get(pair_id)
        self.status[pair_id] = FolderStatus(datetime.now().astimezone(), exc.message)
        if previous is None or previous.error != exc.message:
            self.notice.emit(
                self.tr("The shared folder could not be used: {0}").format(exc.message)
            )
        log.info("shared folder pass failed: %s", type(exc).__name__)
        self.folder_checked.emit(pair_id)
