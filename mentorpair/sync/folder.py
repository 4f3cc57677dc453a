"""A shared folder as the channel: write updates there, import what arrives.

The folder is one the pair's own sync engine shares (Syncthing, Nextcloud,
OneDrive, Dropbox). The rules that keep such engines happy:

* Every file is written once and never changed, under a name made from its
  content (26 base32 letters of its SHA-256, then ``.mpu``), so two writers
  never write the same path and a half-copied file is recognised by its
  content not matching its name.
* A file is written under a hidden temporary name and renamed when complete.
* Anything else (``*.sync-conflict-*`` copies, ``.part``/``.tmp`` downloads,
  other people's files) does not match the name pattern and is left alone.
* One file per other computer of the pair with news for it (the person's
  other computers and the partner's; sync format 3), each sealed to that
  computer. A file that does not open with this computer's keys (written for
  another computer) is skipped quietly and remembered, never an error.
* Each computer deletes only its own files, recipient by recipient: once that
  computer has received them, and as soon as a newer one to the same computer
  replaces them (it carries all an older one did), so the folder holds about
  one file per computer and recipient however long anyone is away; a file
  for a computer that was removed goes at once.
* Persist, then send: an update counts as sent only once its file is safely
  in the folder. Its name is journalled first, so a write cut short by a full
  disk or a killed process is cleaned up (the file and its temporary
  ``.<name>.*.tmp``) and its content goes again on the next pass.
* What the app remembers about file names is bounded by what is in the
  folder: a name that is gone is forgotten.
* The live vault must never be inside the shared folder (nor the folder
  inside the vault): the app refuses such a folder.
"""

from __future__ import annotations

import base64
import contextlib
import logging
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from mentorpair.crypto.digest import sha256
from mentorpair.errors import (
    FolderRefused,
    KnownError,
    PartnerNeedsUpdate,
    UpdateAlreadyImported,
    UpdateNotForMe,
    UpdateTooEarly,
)
from mentorpair.storage.atomic import atomic_write
from mentorpair.storage.database import Database
from mentorpair.storage.oserrors import translate_os_errors
from mentorpair.sync.exchange import Exchange, ImportSummary
from mentorpair.sync.update import SIZE_BUCKETS, read_file

__all__ = ["FolderReport", "SharedFolder", "content_name", "is_update_name"]

log = logging.getLogger(__name__)

_NAME = re.compile(r"[a-z2-7]{26}\.mpu")
SUFFIX = ".mpu"
Progress = Callable[[int, int], None]


def _incomplete_mark(info: os.stat_result) -> str:
    """How a file whose content does not match its name is remembered: by size and time."""
    return f"incomplete:{info.st_size}:{info.st_mtime_ns}"


def content_name(data: bytes) -> str:
    """The file name an update's bytes must have."""
    return base64.b32encode(sha256(data)).decode("ascii")[:26].lower() + SUFFIX


def is_update_name(name: str) -> bool:
    """Whether a file name is one of ours (conflict copies and partial files are not)."""
    return _NAME.fullmatch(name) is not None


@dataclass
class FolderReport:
    """What one pass over the shared folder did.

    Attributes:
        imported: a summary per update imported.
        refused: (file name, plain reason) for updates that were refused for good.
        written: the name of the last update written, if any.
        files: (recipient device id, file name) of every update written.
        removed: how many of this person's old files were deleted.
        waiting: updates that must wait for an earlier one (tried again later).
    """

    imported: list[ImportSummary] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)
    written: str | None = None
    files: list[tuple[str, str]] = field(default_factory=list)
    removed: int = 0
    waiting: int = 0


class SharedFolder:
    """The shared folders of one vault's pairs."""

    def __init__(self, exchange: Exchange) -> None:
        self.exchange = exchange

    @property
    def _db(self) -> Database:
        return self.exchange.workspace.vault.db

    def folder(self, pair_id: str) -> Path | None:
        """The pair's shared folder, if one was chosen."""
        row = self._db.query_one("SELECT folder FROM sync_state WHERE pair_id = :p", {"p": pair_id})
        return None if row is None or row[0] is None else Path(row[0])

    def choose(self, pair_id: str, folder: Path | None) -> None:
        """Use ``folder`` for this pair from now on (None: stop using one).

        Raises:
            FolderRefused: not a folder, not writable, or the vault is in it.
        """
        if folder is not None:
            folder = folder.resolve()
            self._check(folder)
        with self._db.transaction() as db:
            db.execute("INSERT OR IGNORE INTO sync_state (pair_id) VALUES (:p)", {"p": pair_id})
            db.execute(
                "UPDATE sync_state SET folder = :f WHERE pair_id = :p",
                {"f": None if folder is None else str(folder), "p": pair_id},
            )
        log.info("shared folder %s", "chosen" if folder else "cleared")

    def _check(self, folder: Path) -> None:
        vault = self.exchange.workspace.vault.folder.resolve()
        if not folder.is_dir():
            raise FolderRefused(
                "That folder cannot be found. Check that your sync program is running and "
                "choose the folder again."
            )
        if folder == vault or vault.is_relative_to(folder) or folder.is_relative_to(vault):
            raise FolderRefused(
                "Your vault is inside this folder (or the folder is inside your vault). The "
                "vault must never be shared, even encrypted: choose a different folder for "
                "sharing with your partner."
            )
        if not os.access(folder, os.W_OK | os.X_OK):
            raise FolderRefused(
                "mentorpair cannot write into that folder. Choose a folder that belongs to you."
            )

    # ------------------------------------------------------------- one pass
    def sync(self, pair_id: str, progress: Progress | None = None) -> FolderReport:
        """Import what arrived, tidy up, and write an update if there is news.

        Raises:
            FolderRefused: the folder is gone or unsafe (nothing was changed).
            DiskFull, PermissionDenied, DiskError: writing failed.
        """
        folder = self.folder(pair_id)
        report = FolderReport()
        if folder is None:
            return report
        self._check(folder)
        self._recover(pair_id, folder)
        handled = self._handled(pair_id)
        present, arrivals = self._scan(folder, handled)
        self._forget_gone(pair_id, present)
        for index, (name, path) in enumerate(arrivals):
            self._import_one(pair_id, name, path, report)
            if progress is not None:
                progress(index + 1, len(arrivals))
        report.removed = self._tidy(pair_id, folder)
        # A computer removed on another of the person's computers sends nothing more.
        if self.exchange.roster.this_computer_removed():
            return report
        for peer in self.exchange.recipients(pair_id):
            if self.exchange.has_news(pair_id, peer.device_id):
                report.written = self._write(pair_id, folder, peer.device_id)
                report.files.append((peer.device_id, report.written))
        if report.files:
            report.removed += self._tidy(pair_id, folder, superseded=True)
        return report

    def _write(self, pair_id: str, folder: Path, to: str) -> str:
        """Write one update: journal its name, write it, and only then count it as sent."""
        prepared = self.exchange.prepare(pair_id, to=to)
        name = content_name(prepared.data)
        self._remember(pair_id, name, f"pending:{to}:{prepared.seq}")
        atomic_write(folder / name, prepared.data)
        with self._db.transaction():
            prepared.commit()
            self._remember(pair_id, name, f"sent:{to}:{prepared.seq}")
        log.info("update written to the shared folder")
        return name

    def _recover(self, pair_id: str, folder: Path) -> None:
        """Clean up after a write that was cut short (full disk, killed process).

        Its content never counted as sent, so it goes again in the next
        update; the file (if it got there) and its temporary copy go now.
        """
        rows = self._db.query(
            "SELECT name FROM sync_files WHERE pair_id = :p AND outcome LIKE 'pending:%'",
            {"p": pair_id},
        )
        for (name,) in rows:
            try:
                with translate_os_errors():
                    (folder / str(name)).unlink(missing_ok=True)
                    for leftover in folder.glob(f".{name}.*.tmp"):
                        leftover.unlink(missing_ok=True)
            except KnownError:
                continue  # the next pass tries again
            self._forget(pair_id, str(name))

    def _handled(self, pair_id: str) -> dict[str, str]:
        rows = self._db.query(
            "SELECT name, outcome FROM sync_files WHERE pair_id = :p", {"p": pair_id}
        )
        return {str(r[0]): str(r[1]) for r in rows}

    def _scan(
        self, folder: Path, handled: dict[str, str]
    ) -> tuple[set[str], list[tuple[str, Path]]]:
        """The update names present, and the new complete files among them."""
        present: set[str] = set()
        found = []
        with translate_os_errors(), os.scandir(folder) as entries:
            for entry in entries:
                if not is_update_name(entry.name):
                    continue
                present.add(entry.name)
                info = entry.stat(follow_symlinks=False)
                outcome = handled.get(entry.name)
                changed = outcome is not None and (
                    outcome.startswith("incomplete:") and outcome != _incomplete_mark(info)
                )
                if outcome is not None and not changed:
                    continue  # handled; an incomplete one is read again only once it changes
                # Only complete files of a real update size; a growing download waits.
                if stat.S_ISREG(info.st_mode) and info.st_size in SIZE_BUCKETS:
                    found.append((entry.name, Path(entry.path)))
        return present, sorted(found)

    def _forget_gone(self, pair_id: str, present: set[str]) -> None:
        """Forget names no longer in the folder: the bookkeeping stays as small as the folder."""
        gone = [
            name
            for name, outcome in self._handled(pair_id).items()
            if name not in present and not outcome.startswith("pending:")
        ]
        if gone:
            with self._db.transaction() as db:
                db.execute_many(
                    "DELETE FROM sync_files WHERE pair_id = :p AND name = :n",
                    [{"p": pair_id, "n": name} for name in gone],
                )

    def _import_one(self, pair_id: str, name: str, path: Path, report: FolderReport) -> None:
        try:
            data = read_file(path)  # bounded, whatever the file became since the scan
        except KnownError:
            return  # vanished, unreadable or still growing: the next pass tries again
        if content_name(data) != name:
            # Still being copied in, or junk under one of our names: read again
            # only once it changes, not on every pass.
            with contextlib.suppress(OSError):
                self._remember(pair_id, name, _incomplete_mark(path.stat()))
            return
        try:
            summary = self.exchange.import_update(data)
        except UpdateTooEarly:
            report.waiting += 1
            return
        except UpdateAlreadyImported:
            self._remember(pair_id, name, "old")
            return
        except PartnerNeedsUpdate as exc:
            # A format-1 file of the partner's (ours are known by name and
            # never opened): said once; it goes when the partner's app tidies.
            self._remember(pair_id, name, "refused")
            report.refused.append((name, exc.message))
            return
        except UpdateNotForMe:
            # Our own update for the partner, or another pair's: not ours to read.
            self._remember(pair_id, name, "not-for-me")
            return
        except KnownError as exc:
            self._remember(pair_id, name, "refused")
            report.refused.append((name, exc.message))
            log.info("update in the shared folder refused: %s", type(exc).__name__)
            return
        if summary.pair_id != pair_id:
            self._remember(summary.pair_id, name, "imported")
        self._remember(pair_id, name, "imported")
        report.imported.append(summary)

    def _tidy(self, pair_id: str, folder: Path, *, superseded: bool = False) -> int:
        """Delete this computer's files that their recipient received, or that a newer one replaced.

        ``superseded``: right after writing new updates, every older one to
        the same recipient goes (the new one carries all they did). A file for
        a computer that is no longer a recipient (removed) goes too.
        """
        peers = {p.device_id for p in self.exchange.recipients(pair_id)}
        marks: dict[str, tuple[int, int]] = {}
        removed = 0
        rows = self._db.query(
            "SELECT name, outcome FROM sync_files WHERE pair_id = :p AND outcome LIKE 'sent:%'",
            {"p": pair_id},
        )
        for name, outcome in rows:
            _, to, number_text = str(outcome).split(":", 2)
            number = int(number_text)
            if to in peers:
                if to not in marks:
                    marks[to] = (
                        self.exchange.partner_got(pair_id, to),
                        self.exchange.updates_sent(pair_id, to),
                    )
                got, newest = marks[to]
                if number > got and not (superseded and number < newest):
                    continue
            try:
                with translate_os_errors():
                    (folder / str(name)).unlink(missing_ok=True)
            except KnownError:
                continue
            self._remember(pair_id, str(name), "sent-removed")
            removed += 1
        return removed

    def _forget(self, pair_id: str, name: str) -> None:
        with self._db.transaction() as db:
            db.execute(
                "DELETE FROM sync_files WHERE pair_id = :p AND name = :n", {"p": pair_id, "n": name}
            )

    def _remember(self, pair_id: str, name: str, outcome: str) -> None:
        with self._db.transaction() as db:
            db.execute(
                "INSERT OR REPLACE INTO sync_files (pair_id, name, outcome) VALUES (:p, :n, :o)",
                {"p": pair_id, "n": name, "o": outcome},
            )
