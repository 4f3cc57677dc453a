"""Exporting updates for the partner and importing theirs.

Export links this person's new shareable events into their signed chain and
seals every entry the partner has not acknowledged yet into one update file.
Import opens an update, checks the signature, the update's number and every
chain link *before* storing anything, then stores the new events, the links
and the bookkeeping in one transaction: all of it, or nothing.

The payload inside an update is JSON (``docs/formats/sync.md``)::

    {"ack": {"seq": n, "hash": "<hex>"}, "got": m, "confirmed": "<hex>" | null,
     "entries": [{"seq": …, "prev": …, "event": {…}, "sig": …}, …]}

``ack`` says how much of the recipient's own chain the sender holds, so the
recipient's next update leaves it out; ``got`` is the number of the last
update the sender received from the recipient, so the recipient can delete
older files from a shared folder; ``confirmed`` says the sender compared
the safety code for exactly these keys.
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from mentorpair.crypto.digest import DIGEST_LENGTH
from mentorpair.domain.events import Event, EventKind
from mentorpair.domain.rules import RuleViolation
from mentorpair.errors import KnownError, UpdateAlreadyImported, UpdateRefused
from mentorpair.storage.database import Database
from mentorpair.storage.workspace import Workspace
from mentorpair.sync.chain import (
    GENESIS,
    ChainEntry,
    ChainHead,
    canonical_event,
    sign_entry,
    verify_entries,
)
from mentorpair.sync.pairing import Pairing
from mentorpair.sync.update import open_update, seal_update

__all__ = ["CATEGORIES", "Exchange", "ImportSummary", "NotPaired", "category_of"]

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
#: How far ahead of this computer's clock a partner's change may be dated.
FUTURE_TOLERANCE = timedelta(days=1)

#: What an import reports, by kind of change (the UI words each one).
CATEGORIES: dict[EventKind, str] = {
    EventKind.NOTE_CREATED: "notes",
    EventKind.NOTE_EDITED: "notes_updated",
    EventKind.NOTE_DELETED: "notes_deleted",
    EventKind.GOAL_CREATED: "goals",
    EventKind.GOAL_UPDATED: "goals_updated",
    EventKind.MILESTONE_ADDED: "goals_updated",
    EventKind.MILESTONE_UPDATED: "goals_updated",
    EventKind.CATEGORIES_SET: "goals_updated",
    EventKind.AGENDA_ITEM_ADDED: "agenda",
    EventKind.AGENDA_ITEM_UPDATED: "agenda",
    EventKind.AGENDA_ITEM_REMOVED: "agenda",
    EventKind.AGENDA_REORDERED: "agenda",
    EventKind.AGENDA_READY: "agenda",
    EventKind.SUGGESTION_ADDED: "suggestions",
    EventKind.SUGGESTION_ACCEPTED: "suggestions",
    EventKind.SUGGESTION_DISMISSED: "suggestions",
    EventKind.ACTION_ADDED: "actions",
    EventKind.ACTION_UPDATED: "actions_updated",
    EventKind.MEETING_PLANNED: "meetings",
    EventKind.MEETING_UPDATED: "meetings_updated",
    EventKind.MEETING_CANCELLED: "meetings_updated",
    EventKind.AGREEMENT_SET: "agreement",
    EventKind.AGREEMENT_CONFIRMED: "agreement",
    EventKind.RELATIONSHIP_ENDED: "ended",
}


def category_of(kind: EventKind) -> str:
    """The summary category of an event kind ("other" for bookkeeping kinds)."""
    return CATEGORIES.get(kind, "other")


class NotPaired(KnownError):
    """The pair has no partner keys yet: invite the partner first."""

    default_message = (
        "This pair is not connected to your partner yet. Invite your partner first (or join "
        "from their invitation)."
    )


@dataclass(frozen=True, slots=True)
class ImportSummary:
    """What one imported update brought.

    Attributes:
        pair_id: the pair it was for.
        counts: new events by category (see :data:`CATEGORIES`).
        acknowledged: how many of this person's shared changes the partner now holds.
    """

    pair_id: str
    counts: dict[str, int] = field(default_factory=dict)
    acknowledged: int = 0

    @property
    def new_events(self) -> int:
        """How many changes arrived."""
        return sum(self.counts.values())


@dataclass(frozen=True, slots=True)
class _SyncState:
    updates_sent: int = 0
    updates_received: int = 0
    partner_has: int = 0
    partner_got: int = 0
    sent_head: int = 0
    sent_ack: int = 0
    sent_confirmed: bool = False


class Exchange:
    """Updates between this vault and the partners of its pairs."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.pairing = Pairing(workspace)

    @property
    def _db(self) -> Database:
        return self.workspace.vault.db

    # ------------------------------------------------------------- bookkeeping
    def _state(self, pair_id: str) -> _SyncState:
        row = self._db.query_one(
            "SELECT updates_sent, updates_received, partner_has, partner_got, sent_head,"
            " sent_ack, sent_confirmed FROM sync_state WHERE pair_id = :p",
            {"p": pair_id},
        )
        if row is None:
            return _SyncState()
        sent, received, has, got, head, ack, confirmed = (int(v) for v in row)
        return _SyncState(sent, received, has, got, head, ack, bool(confirmed))

    def _put_state(self, db: Database, pair_id: str, **changes: int) -> None:
        db.execute("INSERT OR IGNORE INTO sync_state (pair_id) VALUES (:p)", {"p": pair_id})
        for column, value in changes.items():
            db.execute(
                f"UPDATE sync_state SET {column} = :v WHERE pair_id = :p",  # noqa: S608 - our names
                {"v": value, "p": pair_id},
            )

    def partner_has(self, pair_id: str) -> int:
        """How far the partner acknowledged this person's chain (a sequence number)."""
        return self._state(pair_id).partner_has

    def partner_got(self, pair_id: str) -> int:
        """The number of the last of this person's updates the partner received."""
        return self._state(pair_id).partner_got

    def updates_sent(self, pair_id: str) -> int:
        """How many updates this person made for the pair."""
        return self._state(pair_id).updates_sent

    def head(self, pair_id: str, *, mine: bool) -> ChainHead:
        """The last link of this person's (``mine``) or the partner's chain."""
        row = self._db.query_one(
            "SELECT seq, entry_hash FROM chain WHERE pair_id = :p AND mine = :m"
            " ORDER BY seq DESC LIMIT 1",
            {"p": pair_id, "m": int(mine)},
        )
        return ChainHead() if row is None else ChainHead(int(row[0]), bytes(row[1]))

    def _hash_at(self, pair_id: str, *, mine: bool, seq: int) -> bytes | None:
        if seq == 0:
            return GENESIS
        row = self._db.query_one(
            "SELECT entry_hash FROM chain WHERE pair_id = :p AND mine = :m AND seq = :s",
            {"p": pair_id, "m": int(mine), "s": seq},
        )
        return None if row is None else bytes(row[0])

    def _hashes(self, pair_id: str, first: int, last: int) -> dict[int, bytes]:
        """The partner's entry hashes from ``first`` to ``last``, by sequence number."""
        rows = self._db.query(
            "SELECT seq, entry_hash FROM chain WHERE pair_id = :p AND mine = 0"
            " AND seq BETWEEN :a AND :b",
            {"p": pair_id, "a": first, "b": last},
        )
        return {int(seq): bytes(digest) for seq, digest in rows}

    def unsent(self, pair_id: str) -> int:
        """How many of this person's shared changes the partner does not hold yet."""
        linked_unacknowledged = self.head(pair_id, mine=True).seq - self.partner_has(pair_id)
        return self._unlinked_count(pair_id) + linked_unacknowledged

    def _unlinked_count(self, pair_id: str) -> int:
        """This person's shareable events not yet signed into their chain."""
        row = self._db.query_one(
            "SELECT COUNT(*) FROM events WHERE pair_id = :p AND shareable = 1 AND author = :me"
            " AND event_id NOT IN (SELECT event_id FROM chain WHERE pair_id = :p AND mine = 1)",
            {"p": pair_id, "me": self.workspace.state(pair_id).my_role.value},
        )
        return int(row[0]) if row else 0

    def has_news(self, pair_id: str) -> bool:
        """Whether an update now would tell the partner anything they lack.

        New changes of this person, a changed acknowledgement of the partner's
        changes, or a changed safety-code confirmation; else writing a file
        would only make the two apps answer each other forever.
        """
        sent = self._state(pair_id)
        new_mine = self._unlinked_count(pair_id) > 0 or (
            self.head(pair_id, mine=True).seq > sent.sent_head
        )
        return (
            new_mine
            or self.head(pair_id, mine=False).seq != sent.sent_ack
            or (self.pairing.confirmation(pair_id) is not None) != sent.sent_confirmed
        )

    def _unlinked_events(self, pair_id: str, me: str) -> list[Event]:
        linked = {
            r[0]
            for r in self._db.query(
                "SELECT event_id FROM chain WHERE pair_id = :p AND mine = 1", {"p": pair_id}
            )
        }
        return [
            e
            for e in self.workspace.shareable_events(pair_id)
            if e.author.value == me and e.event_id not in linked
        ]

    def _link_mine(self, db: Database, pair_id: str) -> ChainHead:
        """Sign this person's new shareable events into their chain; return its head."""
        head = self.head(pair_id, mine=True)
        me = self.workspace.state(pair_id).my_role.value
        new = self._unlinked_events(pair_id, me)
        if not new:
            return head
        identity = self.workspace.vault.identity()
        rows = []
        for event in new:
            entry, digest = sign_entry(identity, head.seq + 1, head.hash, event)
            head = ChainHead(entry.seq, digest)
            rows.append(
                {
                    "p": pair_id,
                    "s": entry.seq,
                    "e": event.event_id,
                    "h": head.hash,
                    "sig": entry.signature,
                }
            )
        db.execute_many(
            "INSERT INTO chain (pair_id, mine, seq, event_id, entry_hash, signature)"
            " VALUES (:p, 1, :s, :e, :h, :sig)",
            rows,
        )
        return head

    # ------------------------------------------------------------- export
    def export(self, pair_id: str, progress: Progress | None = None) -> bytes:
        """Seal everything the partner has not acknowledged into one update file's bytes.

        Raises:
            NotPaired: there are no partner keys yet.
        """
        partner = self.pairing.partner(pair_id)
        if partner is None:
            raise NotPaired()
        keys, _partner_role = partner
        my_role = self.workspace.state(pair_id).my_role
        with self._db.transaction() as db:
            head = self._link_mine(db, pair_id)
            sync = self._state(pair_id)
            entries = self._entries_after(pair_id, sync.partner_has)
            ack = self.head(pair_id, mine=False)
            confirmed = self.pairing.confirmation(pair_id)
            payload = json.dumps(
                {
                    "ack": {"seq": ack.seq, "hash": ack.hash.hex()},
                    "got": sync.updates_received,
                    "confirmed": confirmed,
                    "entries": [e.to_dict() for e in entries],
                },
                separators=(",", ":"),
                ensure_ascii=False,
            ).encode("utf-8")
            seq = sync.updates_sent + 1
            data = seal_update(
                self.workspace.vault.identity(), my_role, keys, pair_id, seq, payload, progress
            )
            self._put_state(
                db,
                pair_id,
                updates_sent=seq,
                sent_head=head.seq,
                sent_ack=ack.seq,
                sent_confirmed=int(confirmed is not None),
            )
        log.info("update exported with %d change(s)", len(entries))
        return data

    def _entries_after(self, pair_id: str, seq: int) -> list[ChainEntry]:
        rows = self._db.query(
            "SELECT seq, signature, event_id, entry_hash FROM chain"
            " WHERE pair_id = :p AND mine = 1 AND seq > :s ORDER BY seq",
            {"p": pair_id, "s": seq},
        )
        events = {e.event_id: e for e in self.workspace.events(pair_id)}
        prev = self._hash_at(pair_id, mine=True, seq=seq) or GENESIS
        entries = []
        for entry_seq, signature, event_id, digest in rows:
            # The stored hash was computed when the entry was signed.
            entries.append(ChainEntry(int(entry_seq), prev, events[event_id], bytes(signature)))
            prev = bytes(digest)
        return entries

    # ------------------------------------------------------------- import
    def _check_new_events(self, pair_id: str, events: list[Event]) -> None:
        """Refuse changes dated far ahead, or reusing the id of a different change.

        A change dated years ahead would push every later change of this
        person past it (local changes never go back in time); an id this vault
        already holds for other content would leave two versions of one change.
        """
        limit = self.workspace.now() + FUTURE_TOLERANCE
        if any(event.at > limit for event in events):
            raise UpdateRefused(
                "This update has changes dated in the future, so it was not imported. "
                "Nothing was changed. Ask your partner to check the date and time on their "
                "computer, then to export again."
            )
        if len({event.event_id for event in events}) != len(events):
            raise UpdateRefused()  # one change twice in one chain: a forgery or a bug
        known = {e.event_id: e for e in self.workspace.events(pair_id)}
        for event in events:
            stored = known.get(event.event_id)
            if stored is not None and canonical_event(stored) != canonical_event(event):
                raise UpdateRefused(
                    "This update contains a change that contradicts one you already have, so "
                    "it was not imported. Nothing was changed."
                )

    def import_update(self, data: bytes, progress: Progress | None = None) -> ImportSummary:
        """Check and store one update from a partner.

        ``progress`` gets (done, 100): opening is the first tenth, checking the
        chain the next three, storing the rest (the slow part: the rules and
        the search index run for every change).

        Raises:
            UpdateRefused (and its kinds): with the reason; nothing was stored.
            MadeByNewerVersion: made by a newer mentorpair.
        """
        opened = open_update(
            data, self.workspace.vault.identity(), self.pairing.partner, _stage(progress, 0, 10)
        )
        pair_id = opened.pair_id
        sync = self._state(pair_id)
        if opened.seq <= sync.updates_received:
            raise UpdateAlreadyImported()
        payload = _parse_payload(opened.payload)
        keys, partner_role = self.pairing.partner(pair_id) or (None, None)
        if keys is None or partner_role is None:
            raise UpdateRefused()
        entries = [ChainEntry.from_dict(item) for item in payload["entries"]]
        head = self.head(pair_id, mine=False)
        repeated = [e.seq for e in entries if e.seq <= head.seq]
        known = self._hashes(pair_id, min(repeated), max(repeated)) if repeated else {}
        new = verify_entries(
            entries,
            pair_id=pair_id,
            author=partner_role,
            keys=keys,
            head=head,
            known=known,
            progress=_stage(progress, 10, 40),
        )
        self._check_new_events(pair_id, [entry.event for entry, _ in new])
        ack_seq, ack_hash = payload["ack"]
        my_head = self.head(pair_id, mine=True)
        if ack_seq > my_head.seq or self._hash_at(pair_id, mine=True, seq=ack_seq) != ack_hash:
            raise UpdateRefused(
                "This update does not match what you sent your partner before, so it was not "
                "imported. Nothing was changed. If you restored your vault from a backup, "
                "ask your partner to export again."
            )

        def bookkeeping(db: Database) -> None:
            db.execute_many(
                "INSERT INTO chain (pair_id, mine, seq, event_id, entry_hash, signature)"
                " VALUES (:p, 0, :s, :e, :h, :sig)",
                [
                    {
                        "p": pair_id,
                        "s": entry.seq,
                        "e": entry.event.event_id,
                        "h": digest,
                        "sig": entry.signature,
                    }
                    for entry, digest in new
                ],
            )
            self._put_state(
                db,
                pair_id,
                updates_received=opened.seq,
                partner_has=ack_seq,
                partner_got=min(payload["got"], sync.updates_sent),
            )
            self.pairing.note_partner_confirmation(db, pair_id, payload["confirmed"])

        try:
            added = self.workspace.add_events(
                pair_id,
                [entry.event for entry, _ in new],
                received=True,
                also=bookkeeping,
                progress=_stage(progress, 40, 100),
            )
        except RuleViolation as exc:
            raise UpdateRefused(
                f"This update was not imported: {exc} Nothing was changed."
            ) from None
        if progress is not None:
            progress(100, 100)
        counts = Counter(category_of(e.kind) for e in added)
        log.info("update imported with %d new change(s)", len(added))
        return ImportSummary(pair_id, dict(counts), ack_seq)


def _stage(progress: Progress | None, start: int, end: int) -> Progress | None:
    """Map one stage's (done, total) onto ``start``..``end`` of 100."""
    if progress is None:
        return None
    report = progress

    def scaled(done: int, total: int) -> None:
        report(start + (end - start) * done // max(total, 1), 100)

    return scaled


def _parse_payload(raw: bytes) -> dict[str, Any]:
    """The update's JSON, checked field by field (sizes were capped before)."""
    try:
        doc = json.loads(raw.decode("utf-8"))
        if not isinstance(doc, dict) or set(doc) != {"ack", "got", "confirmed", "entries"}:
            raise ValueError("fields")
        ack = doc["ack"]
        if not isinstance(ack, dict) or set(ack) != {"seq", "hash"}:
            raise ValueError("ack")
        seq, digest = ack["seq"], bytes.fromhex(ack["hash"])
        if not isinstance(seq, int) or isinstance(seq, bool) or seq < 0:
            raise ValueError("ack seq")
        if len(digest) != DIGEST_LENGTH:
            raise ValueError("ack hash")
        got = doc["got"]
        if not isinstance(got, int) or isinstance(got, bool) or got < 0:
            raise ValueError("got")
        confirmed = doc["confirmed"]
        if confirmed is not None and not isinstance(confirmed, str):
            raise ValueError("confirmed")
        if not isinstance(doc["entries"], list):
            raise ValueError("entries")
    except (ValueError, TypeError, UnicodeDecodeError, RecursionError):
        raise UpdateRefused() from None
    return {"ack": (seq, digest), "got": got, "confirmed": confirmed, "entries": doc["entries"]}
