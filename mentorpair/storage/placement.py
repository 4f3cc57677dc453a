"""Where a vault lives: inside a sync engine's folder, and on which computer.

A vault is one SQLite database with its write-ahead log. A file-sync engine
(Syncthing, Dropbox, OneDrive, Nextcloud, iCloud, Google Drive) copies those
files one by one, whenever it likes: open the same vault on two computers and
each writes its own pages, the engine keeps one side's file and a "conflict
copy" of the other, or mixes a database with another computer's log. Either
loses notes, silently. Two computers of one person are meant to be *linked*
(each keeps its own vault), never to share one vault folder.

So this module answers two questions without a key and without writing
anything to the vault:

* :func:`synced_by`: is the folder inside a known sync engine's folder? By the
  markers those engines leave in the folder they sync (``.stfolder``,
  ``.dropbox``, ``.sync_*.db`` …) and their usual locations (``OneDrive``,
  ``Library/Mobile Documents``, ``My Drive`` …). The app warns; it does not
  refuse, because a person may have excluded the folder from syncing.
* :func:`check_machine`: does the vault's ``vault.machine`` file say that
  another computer used it recently? Then opening it here would fork it, and
  the open is refused before anything is written. The file names the computer
  only by a random id kept in this computer's settings folder, never by its
  host name, and says when it last opened the vault (rounded to the minute).
"""

from __future__ import annotations

import json
import logging
import os
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from mentorpair.errors import VaultUsedElsewhere
from mentorpair.paths import settings_folder
from mentorpair.storage.atomic import atomic_write
from mentorpair.storage.oserrors import translate_os_errors

__all__ = [
    "MACHINE_FILE",
    "RECENT_USE",
    "SyncedFolder",
    "check_machine",
    "mark_machine",
    "synced_by",
    "this_machine",
]

log = logging.getLogger(__name__)

#: The vault's note of which computer last opened it (plain JSON, no secret).
MACHINE_FILE = "vault.machine"
#: Where this computer keeps its random id (in the settings folder).
MACHINE_ID_FILE = "machine-id"
#: Another computer's use within this long stops an open here. Beyond it the
#: vault was moved (a new laptop, a restored backup), and it opens.
RECENT_USE = timedelta(days=30)
#: This computer's own note is renewed when it is older than this.
REWRITE_AFTER = timedelta(hours=1)
_FORMAT = 1


@dataclass(frozen=True, slots=True)
class SyncedFolder:
    """A sync engine's folder that holds the vault.

    Attributes:
        engine: the engine's name as people know it ("Dropbox").
        root: the folder the engine syncs (or the first one found to be synced).
    """

    engine: str
    root: Path


# What an engine keeps in the top folder it syncs: (engine, name, what it is).
# "file" and "dir" matter: Dropbox keeps its settings in a *folder* ~/.dropbox,
# which must not make every vault under the home folder look synced, while the
# folder it syncs holds a *file* named .dropbox.
_MARKERS: tuple[tuple[str, str, str], ...] = (
    ("Syncthing", ".stfolder", "any"),
    ("Dropbox", ".dropbox", "file"),
    ("Dropbox", ".dropbox.cache", "dir"),
    ("Nextcloud", ".sync_", "db"),  # .sync_<hash>.db: Nextcloud and ownCloud clients
    ("Nextcloud", "._sync_", "db"),
    ("Nextcloud", ".owncloudsync.log", "file"),
    ("Google Drive", ".tmp.drivedownload", "dir"),
    ("Google Drive", ".tmp.driveupload", "dir"),
)


def _engine_by_name(folder: Path) -> str | None:
    """An engine known by the name of the folder it syncs."""
    name = folder.name
    if name == "OneDrive" or name.startswith(("OneDrive - ", "OneDrive-")):
        return "OneDrive"
    if name == "Dropbox" or name.startswith("Dropbox ("):
        return "Dropbox"
    if folder.parent.name == "Library" and name == "Mobile Documents":
        return "iCloud Drive"
    if name in {"iCloudDrive", "iCloud Drive"}:
        return "iCloud Drive"
    if name in {"My Drive", "Google Drive"} or name.startswith("GoogleDrive-"):
        return "Google Drive"
    if folder.parent.name == "CloudStorage" and folder.parent.parent.name == "Library":
        # macOS File Provider folders: ~/Library/CloudStorage/<Engine>-<account>
        return name.split("-", 1)[0] or None
    return None


def _has_marker(folder: Path) -> str | None:
    try:
        names = set(os.listdir(folder))
    except OSError:
        return None
    for engine, marker, kind in _MARKERS:
        if kind == "db":
            if any(n.startswith(marker) and n.endswith(".db") for n in names):
                return engine
        elif marker in names:
            path = folder / marker
            if kind == "any" or (path.is_dir() if kind == "dir" else path.is_file()):
                return engine
    return None


def synced_by(folder: Path) -> SyncedFolder | None:
    """The sync engine whose folder holds ``folder``, if any (nothing is written).

    The folder itself and every folder above it are looked at, up to the root:
    an engine's marker sits in the top folder it syncs, however deep the vault.
    """
    try:
        here = folder.expanduser().resolve()
    except (OSError, RuntimeError):
        here = folder.expanduser().absolute()
    for candidate in (here, *here.parents):
        engine = _has_marker(candidate) or _engine_by_name(candidate)
        if engine is not None:
            return SyncedFolder(engine, candidate)
    return None


#: Ids read this run, by settings folder: the lock path never reads a file.
_known: dict[Path, str] = {}


def this_machine(folder: Path | None = None) -> str:
    """This computer's random id (made once, kept in the settings folder)."""
    where = (folder or settings_folder()) / MACHINE_ID_FILE
    if where in _known and where.exists():
        return _known[where]
    try:
        text = where.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        text = ""
    if len(text) == 32 and all(c in "0123456789abcdef" for c in text):
        _known[where] = text
        return text
    made = secrets.token_hex(16)
    with translate_os_errors():
        where.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(where, made.encode("ascii") + b"\n")
    _known[where] = made
    return made


def _read_mark(vault_folder: Path) -> tuple[str, datetime] | None:
    """The vault's note of the last computer to open it; None if absent or unreadable."""
    try:
        data = json.loads((vault_folder / MACHINE_FILE).read_bytes())
        if not isinstance(data, dict) or data.get("format") != _FORMAT:
            return None
        machine, seen = data["machine"], datetime.fromisoformat(data["seen"])
    except (OSError, ValueError, KeyError, TypeError):
        # A damaged note must not lock a person out of their vault.
        return None
    if not isinstance(machine, str) or seen.tzinfo is None:
        return None
    return machine, seen


def check_machine(vault_folder: Path, now: datetime, machine: str | None = None) -> None:
    """Refuse to open a vault that another computer used recently.

    Raises:
        VaultUsedElsewhere: its ``vault.machine`` names another computer,
            seen less than :data:`RECENT_USE` ago (or in the future: that
            computer's clock is ahead). Nothing was written.
    """
    mark = _read_mark(vault_folder)
    if mark is None:
        return
    other, seen = mark
    if other == (machine or this_machine()):
        return
    if now - seen < RECENT_USE:
        ago = max(now - seen, timedelta(0))
        raise VaultUsedElsewhere(ago)


def mark_machine(vault_folder: Path, now: datetime, machine: str | None = None) -> None:
    """Note in the vault folder that this computer has it open (atomic; no secret).

    A note this computer wrote less than :data:`REWRITE_AFTER` ago is left as
    it is: the 30-day rule needs no finer time, and a vault folder that is
    not rewritten on every unlock stays as it was when a later read fails.
    """
    me = machine or this_machine()
    mark = _read_mark(vault_folder)
    if mark is not None and mark[0] == me and timedelta(0) <= now - mark[1] < REWRITE_AFTER:
        return
    data = {
        "format": _FORMAT,
        "machine": me,
        "seen": now.astimezone(UTC).replace(second=0, microsecond=0).isoformat(),
    }
    atomic_write(vault_folder / MACHINE_FILE, json.dumps(data, sort_keys=True).encode() + b"\n")
