"""Saved pair states: a long history opens by restoring one, not by folding it all.

Issue 12 ("Instant at any size"). Folding a pair's whole history costs
seconds at a hundred thousand events; restoring its state from the
``pair_snapshots`` table (schema 1.4, ``docs/formats/vault.md``) and folding
only the events stored after it costs the decoding of the state.

A snapshot records which events it holds by ``covers``: the highest
``events.rowid`` folded into it. New events get higher rowids, so "rowid >
covers" are exactly the events to take on the restored state. Anything
that rewrites history (a deleted or changed event, a quarantine, a stamp
adopted) drops the pair's snapshot through the table's triggers, whichever
app version does it; an event that sorts before the state (a late change
from a partner) makes the caller fold everything again.

Snapshots are written rarely: after a full fold of at least
:data:`SNAPSHOT_MIN_EVENTS` events, or once the events past a snapshot are
more than :data:`REFRESH_EVENTS` and a tenth of it (a snapshot of a hundred
thousand events is tens of megabytes). Each is written in its own small
transaction, only if nothing changed the vault since its events were read,
and a write that fails (disk full, read-only vault) is logged and dropped:
a snapshot only saves time, it never fails an open or a save.
"""

from __future__ import annotations

import gc
import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import sqlcipher3

from mentorpair import __version__
from mentorpair.domain.snapshot import (
    SNAPSHOT_FORMAT,
    MalformedSnapshot,
    from_snapshot,
    to_snapshot,
)
from mentorpair.domain.state import PairState
from mentorpair.errors import KnownError
from mentorpair.storage.database import Database

__all__ = [
    "REFRESH_EVENTS",
    "REFRESH_SHARE",
    "SNAPSHOT_MIN_EVENTS",
    "Marker",
    "Saved",
    "Snapshots",
    "refresh_due",
]

log = logging.getLogger(__name__)

#: A full fold of at least this many events is saved (below, folding is quick).
SNAPSHOT_MIN_EVENTS = 2_000
#: A snapshot is refreshed once the events past it exceed this many ...
REFRESH_EVENTS = 1_000
#: ... and this share of the events it holds.
REFRESH_SHARE = 0.10

#: What changes whenever the vault is written: by this connection, or by another.
Marker = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Saved:
    """A restored snapshot.

    Attributes:
        state: the pair's state as saved (the caller's to change).
        covers: the highest events rowid folded into it.
        events: how many events were folded into it.
    """

    state: PairState
    covers: int
    events: int


class Snapshots:
    """The ``pair_snapshots`` table of one vault."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def marker(self) -> Marker:
        """Take before reading events; :meth:`save` writes only if it is unchanged.

        ``total_changes()`` counts this connection's writes (any thread),
        ``data_version`` moves when another connection commits.
        """
        row = self._db.query_one("SELECT total_changes()")
        return (int(row[0]) if row else 0, int(self._db.pragma("data_version")))

    def load(self, pair_id: str) -> Saved | None:
        """The pair's snapshot, or None if there is none that this app can use.

        A snapshot of another format or app version (whose fold may differ)
        is ignored; one that does not decode is ignored with a warning. Both
        are replaced by the caller's next :meth:`save`.
        """
        row = self._db.query_one(
            "SELECT format, made_by, covers, events, state FROM pair_snapshots"
            " WHERE pair_id = :pair",
            {"pair": pair_id},
        )
        if row is None:
            return None
        found_format, made_by, covers, events, text = row
        if found_format != SNAPSHOT_FORMAT or made_by != __version__:
            log.info("saved pair state of another version ignored")
            return None
        try:
            with _no_gc():
                state = from_snapshot(pair_id, json.loads(text))
        except (MalformedSnapshot, ValueError, TypeError, RecursionError) as exc:
            # The type only: the text holds notes.
            log.warning("saved pair state unreadable (%s); folding the history", type(exc).__name__)
            return None
        return Saved(state, int(covers), int(events))

    def save(self, state: PairState, covers: int, events: int, marker: Marker) -> bool:
        """Save ``state``, the fold of ``events`` events up to rowid ``covers``.

        Written only outside any transaction (a failed snapshot must not
        fail someone's save) and only if the vault is unchanged since
        ``marker`` was taken (else ``state`` may miss a change). Returns
        whether it was written; a failure is logged, never raised.
        """
        if self._db.in_transaction:
            return False
        try:
            text = json.dumps(to_snapshot(state), ensure_ascii=False, separators=(",", ":"))
            with self._db.transaction():
                if self.marker() != marker:
                    log.debug("vault changed while folding: pair state not saved")
                    return False
                self._db.execute(
                    "INSERT OR REPLACE INTO pair_snapshots"
                    " (pair_id, format, made_by, covers, events, state)"
                    " VALUES (:pair, :format, :made_by, :covers, :events, :state)",
                    {
                        "pair": state.pair_id,
                        "format": SNAPSHOT_FORMAT,
                        "made_by": __version__,
                        "covers": covers,
                        "events": events,
                        "state": text,
                    },
                )
        except (KnownError, sqlcipher3.Error, UnicodeError) as exc:
            log.warning("pair state not saved (%s)", type(exc).__name__)
            return False
        log.debug("pair state saved (%d events)", events)
        return True

    def drop(self, pair_id: str) -> None:
        """Forget the pair's snapshot (inside the caller's transaction, if any)."""
        self._db.execute("DELETE FROM pair_snapshots WHERE pair_id = :pair", {"pair": pair_id})


def refresh_due(saved: Saved, later: int) -> bool:
    """Whether ``later`` events past ``saved`` are worth a new snapshot."""
    return later > max(REFRESH_EVENTS, saved.events * REFRESH_SHARE)


@contextmanager
def _no_gc() -> Iterator[None]:
    """Pause the cycle collector while a snapshot's many containers are made.

    Decoding allocates hundreds of thousands of lists and records, none of
    them in a cycle; the collector would walk them again and again (a third
    of the time at 100k events). It runs again right after.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
