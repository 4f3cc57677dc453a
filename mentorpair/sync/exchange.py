"""Exporting updates for the partner and importing theirs (format 2).

Export signs this device's new shared events into its chain and seals every
entry the partner has not acknowledged into one update file, but only once
this person has confirmed the safety code for the partner's current keys;
before that an update carries acknowledgements and the confirmation only.
Import opens an update and *admits* its entries (signature, chain link,
author's role, stamps consistent with their own chain) before storing
anything, then stores the new events, the links and the bookkeeping in one
transaction: all of it, or nothing. Whether a change still means something
next to what happened meanwhile is never a reason to refuse it: the fold
decides that, the same way on every device.

The payload inside an update is JSON (``docs/formats/sync.md``)::

    {"ack": {"<origin>": {"seq": n, "hash": "<hex>"}, …}, "got": m,
     "confirmed": "<hex>" | null, "entries": [{"prev": …, "event": {…}, "sig": …}, …]}

``ack`` says how much of each chain the sender holds, so the recipient's
next update leaves it out; ``got`` is the number of the last update the
sender received from the recipient, so the recipient can delete older files
from a shared folder; ``confirmed`` says the sender compared the safety code
for exactly these keys.
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from mentorpair.crypto.digest import DIGEST_LENGTH
from mentorpair.domain.canonical import NotCanonical, check_depth
from mentorpair.domain.events import MAX_CLOCK, Event, EventKind
from mentorpair.domain.rules import LOCAL_ONLY, RuleViolation, check_role
from mentorpair.errors import KnownError, UpdateAlreadyImported, UpdateRefused
from mentorpair.storage.database import Database
from mentorpair.storage.workspace import Workspace
from mentorpair.sync.chain import (
    GENESIS,
    Author,
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
    ack_floor_seq: int = 0
    ack_floor: int = 0


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
            " sent_ack, sent_confirmed, ack_floor_seq, ack_floor FROM sync_state"
            " WHERE pair_id = :p",
            {"p": pair_id},
        )
        if row is None:
            return _SyncState()
        sent, received, has, got, head, ack, confirmed, floor_seq, floor = (int(v) for v in row)
        return _SyncState(sent, received, has, got, head, ack, bool(confirmed), floor_seq, floor)

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

    def head(self, pair_id: str, origin: str) -> ChainHead:
        """The last signed link of one device's chain that this vault holds."""
        row = self._db.query_one(
            "SELECT seq, entry_hash FROM chains WHERE pair_id = :p AND origin = :o"
            " ORDER BY seq DESC LIMIT 1",
            {"p": pair_id, "o": origin},
        )
        return ChainHead() if row is None else ChainHead(int(row[0]), bytes(row[1]))

    def _held(self, pair_id: str) -> Callable[[str, int], tuple[bytes, Event] | None]:
        def lookup(origin: str, seq: int) -> tuple[bytes, Event] | None:
            row = self._db.query_one(
                "SELECT entry_hash FROM chains WHERE pair_id = :p AND origin = :o AND seq = :s",
                {"p": pair_id, "o": origin, "s": seq},
            )
            if row is None:
                return None
            event = self.workspace.chain_event(pair_id, origin, seq)
            return None if event is None else (bytes(row[0]), event)

        return lookup

    def _my_last_seq(self, pair_id: str) -> int:
        row = self._db.query_one(
            "SELECT MAX(seq) FROM events WHERE pair_id = :p AND origin = :o",
            {"p": pair_id, "o": self.workspace.origin},
        )
        return int(row[0]) if row and row[0] is not None else 0

    def unsent(self, pair_id: str) -> int:
        """How many of this person's shared changes the partner does not hold yet."""
        return max(0, self._my_last_seq(pair_id) - self.partner_has(pair_id))

    def has_news(self, pair_id: str) -> bool:
        """Whether an update now would tell the partner anything they lack.

        New shared changes of this person (once they may be shared), a
        changed acknowledgement of the partner's changes, or a changed
        safety-code confirmation; else writing a file would only make the two
        apps answer each other forever.
        """
        sent = self._state(pair_id)
        partner = self.pairing.partner(pair_id)
        theirs = self.head(pair_id, partner.keys.device_id).seq if partner else 0
        new_mine = self.pairing.may_share(pair_id) and self._my_last_seq(pair_id) > max(
            sent.sent_head, sent.partner_has
        )
        return (
            new_mine
            or theirs != sent.sent_ack
            or (self.pairing.confirmation(pair_id) is not None) != sent.sent_confirmed
        )

    def _link_mine(self, db: Database, pair_id: str) -> ChainHead:
        """Sign this device's new shared events into its chain; return its head.

        Only the events after the last link are read: the cost is the change's.
        """
        me = self.workspace.origin
        head = self.head(pair_id, me)
        new = self.workspace.chain_events(pair_id, me, after=head.seq)
        if not new:
            return head
        identity = self.workspace.vault.identity()
        rows = []
        for event in new:
            entry, digest = sign_entry(identity, head.hash, event)
            head = ChainHead(event.seq, digest)
            rows.append(
                {"p": pair_id, "o": me, "s": event.seq, "e": event.event_id, "h": digest,
                 "sig": entry.signature}
            )  # fmt: skip
        db.execute_many(
            "INSERT INTO chains (pair_id, origin, seq, event_id, entry_hash, signature)"
            " VALUES (:p, :o, :s, :e, :h, :sig)",
            rows,
        )
        return head

    # ------------------------------------------------------------- export
    def export(self, pair_id: str, progress: Progress | None = None) -> bytes:
        """Seal everything the partner has not acknowledged into one update file's bytes.

        Counts as sent at once; the shared folder uses :meth:`prepare` and
        :meth:`Prepared.commit` so that nothing counts as sent before the
        file is safely in the folder.

        Raises:
            NotPaired: there are no partner keys yet.
        """
        prepared = self.prepare(pair_id, progress)
        prepared.commit()
        return prepared.data

    def prepare(self, pair_id: str, progress: Progress | None = None) -> Prepared:
        """Seal an update, reserving its number; what it carries counts only on commit.

        Raises:
            NotPaired: there are no partner keys yet.
        """
        partner = self.pairing.partner(pair_id)
        if partner is None:
            raise NotPaired()
        me = self.workspace.origin
        sharing = self.pairing.may_share(pair_id)
        with self._db.transaction() as db:
            head = self._link_mine(db, pair_id) if sharing else self.head(pair_id, me)
            sync = self._state(pair_id)
            entries = self._entries_after(pair_id, sync.partner_has) if sharing else []
            theirs = self.head(pair_id, partner.keys.device_id)
            confirmed = self.pairing.confirmation(pair_id)
            ack = {partner.keys.device_id: theirs} if theirs.seq else {}
            payload = json.dumps(
                {
                    "ack": {o: {"seq": h.seq, "hash": h.hash.hex()} for o, h in ack.items()},
                    "got": sync.updates_received,
                    "confirmed": confirmed,
                    "entries": [e.to_dict() for e in entries],
                },
                separators=(",", ":"),
                ensure_ascii=False,
            ).encode("utf-8")
            seq = sync.updates_sent + 1
            # The number is used up even if the file never arrives: a number
            # is never sealed twice with different content.
            self._put_state(db, pair_id, updates_sent=seq)
        data = seal_update(
            self.workspace.vault.identity(), partner.keys, pair_id, seq, payload,
            partner.pairing, progress,
        )  # fmt: skip
        sent = {
            "sent_head": head.seq if sharing else sync.sent_head,
            "sent_ack": theirs.seq,
            "sent_confirmed": int(confirmed is not None),
        }

        def commit() -> None:
            with self._db.transaction() as db:
                self._put_state(db, pair_id, **sent)
            log.info("update of %d change(s) counted as sent", len(entries))

        return Prepared(data, seq, len(entries), commit)

    def _entries_after(self, pair_id: str, seq: int) -> list[ChainEntry]:
        me = self.workspace.origin
        rows = self._db.query(
            "SELECT seq, signature, entry_hash FROM chains"
            " WHERE pair_id = :p AND origin = :o AND seq > :s ORDER BY seq",
            {"p": pair_id, "o": me, "s": seq},
        )
        events = {e.seq: e for e in self.workspace.chain_events(pair_id, me, after=seq)}
        prev = self._hash_at(pair_id, me, seq) or GENESIS
        entries = []
        for entry_seq, signature, digest in rows:
            entries.append(ChainEntry(prev, events[int(entry_seq)], bytes(signature)))
            prev = bytes(digest)
        return entries

    # ------------------------------------------------------------- import
    def _check_held(self, pair_id: str, events: list[Event]) -> None:
        """Refuse changes that contradict one this vault holds under the same id.

        The same change again is fine (it is skipped), and so is one held
        from before causal stamps that now arrives stamped (it takes the
        stamp); different content under a held id would leave two versions
        of one change.
        """
        if len({e.event_id for e in events}) != len(events):
            raise UpdateRefused()  # one change twice in one chain: a forgery or a bug
        held = self.workspace.held([e.event_id for e in events])
        for event in events:
            stored = held.get(event.event_id)
            if stored is None:
                continue
            if stored.pair_id != pair_id:
                raise UpdateRefused(
                    "This update reuses the id of a change that belongs to another pair, so it "
                    "was not imported. Nothing was changed."
                )
            plain = (
                stored
                if stored.origin
                else stored.restamped(event.clock, event.origin, event.seq, event.seen)
            )
            if canonical_event(plain) != canonical_event(event):
                raise UpdateRefused(
                    "This update contains a change that contradicts one you already have, so "
                    "it was not imported. Nothing was changed."
                )

    def import_update(self, data: bytes, progress: Progress | None = None) -> ImportSummary:
        """Check and store one update from a partner.

        ``progress`` gets (done, 100): opening is the first tenth, checking the
        chain the next three, storing the rest.

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
        partner = self.pairing.partner(pair_id)
        if partner is None:
            raise UpdateRefused()
        me = self.workspace.origin
        author = Author(partner.keys, partner.role)
        entries = [ChainEntry.from_dict(item) for item in payload["entries"]]
        heads = {me: self.head(pair_id, me), author.origin: self.head(pair_id, author.origin)}
        new = verify_entries(
            entries,
            pair_id=pair_id,
            authors={author.origin: author},
            heads=heads,
            held=self._held(pair_id),
            progress=_stage(progress, 10, 40),
        )
        events = [entry.event for entry, _ in new]
        _admit_roles(events)
        _admit_knowledge(events, me, sync.ack_floor_seq, sync.ack_floor)
        self._check_held(pair_id, events)
        ack = payload["ack"].get(me)
        ack_seq, ack_hash = ack if ack is not None else (0, GENESIS)
        mine = heads[me]
        if ack_seq > mine.seq or self._hash_at(pair_id, me, ack_seq) != ack_hash:
            raise UpdateRefused(
                "This update does not match what you sent your partner before, so it was not "
                "imported. Nothing was changed. If you restored your vault from a backup, "
                "ask your partner to export again."
            )

        def bookkeeping(db: Database) -> None:
            db.execute_many(
                "INSERT INTO chains (pair_id, origin, seq, event_id, entry_hash, signature)"
                " VALUES (:p, :o, :s, :e, :h, :sig)",
                [
                    {"p": pair_id, "o": entry.origin, "s": entry.seq,
                     "e": entry.event.event_id, "h": digest, "sig": entry.signature}
                    for entry, digest in new
                ],
            )  # fmt: skip
            self._put_state(
                db,
                pair_id,
                updates_received=opened.seq,
                partner_has=max(ack_seq, 0),
                partner_got=min(payload["got"], sync.updates_sent),
                # What they made after this update was made after holding ack_seq.
                ack_floor_seq=max([heads[author.origin].seq] + [e.seq for e in events]),
                ack_floor=ack_seq,
            )
            self.pairing.note_partner_confirmation(db, pair_id, payload["confirmed"])

        try:
            added = self.workspace.add_events(
                pair_id, events, received=True, also=bookkeeping, progress=_stage(progress, 40, 100)
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

    def _hash_at(self, pair_id: str, origin: str, seq: int) -> bytes | None:
        if seq == 0:
            return GENESIS
        row = self._db.query_one(
            "SELECT entry_hash FROM chains WHERE pair_id = :p AND origin = :o AND seq = :s",
            {"p": pair_id, "o": origin, "s": seq},
        )
        return None if row is None else bytes(row[0])


@dataclass(frozen=True, slots=True)
class Prepared:
    """A sealed update whose content counts as sent only after :attr:`commit`.

    Attributes:
        data: the file's bytes.
        seq: its update number (already reserved).
        changes: how many shared changes it carries.
        commit: record that it is safely on its way.
    """

    data: bytes
    seq: int
    changes: int
    commit: Callable[[], None]


def _admit_roles(events: list[Event]) -> None:
    """Refuse an update with a change its author's role may never make (the same everywhere).

    Only the mentee authors agenda and goals, only the mentor suggests and
    reflects, and what never leaves a computer (private notes, this copy's
    own facts) never arrives.
    """
    for event in events:
        try:
            check_role(event)
            if event.kind in LOCAL_ONLY or (
                event.kind is EventKind.NOTE_CREATED and event.body.get("kind") != "shared"
            ):
                raise RuleViolation("These changes include something that is never shared.")
        except RuleViolation as exc:
            raise UpdateRefused(
                f"This update was not imported: {exc} Nothing was changed."
            ) from None


def _admit_knowledge(events: list[Event], me: str, floor_seq: int, floor: int) -> None:
    """Refuse a change that says it had not seen what its author had confirmed holding.

    An earlier update of theirs acknowledged this vault's chain up to
    ``floor`` when their own chain stood at ``floor_seq``: every change they
    made after that was made knowing it. A modified client cannot slip a
    change in "before" something (an ending) it had already acknowledged.
    """
    for event in events:
        if event.seq > floor_seq and event.clock > 0 and event.seen.get(me, 0) < floor:
            raise UpdateRefused(
                "This update contains changes that claim not to have seen what your partner "
                "had already confirmed receiving from you, so it was not imported. Nothing was "
                "changed. Ask your partner to update mentorpair and export again."
            )


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
        check_depth(raw)
        doc = json.loads(raw.decode("utf-8"))
        if not isinstance(doc, dict) or set(doc) != {"ack", "got", "confirmed", "entries"}:
            raise ValueError("fields")
        acks: dict[str, tuple[int, bytes]] = {}
        if not isinstance(doc["ack"], dict) or len(doc["ack"]) > 64:
            raise ValueError("ack")
        for origin, ack in doc["ack"].items():
            if not isinstance(ack, dict) or set(ack) != {"seq", "hash"}:
                raise ValueError("ack")
            seq, digest = ack["seq"], bytes.fromhex(ack["hash"])
            if not isinstance(seq, int) or isinstance(seq, bool) or not 0 <= seq <= MAX_CLOCK:
                raise ValueError("ack seq")
            if len(digest) != DIGEST_LENGTH or len(origin) != 32:
                raise ValueError("ack hash")
            acks[origin] = (seq, digest)
        got = doc["got"]
        if not isinstance(got, int) or isinstance(got, bool) or not 0 <= got <= MAX_CLOCK:
            raise ValueError("got")
        confirmed = doc["confirmed"]
        if confirmed is not None and not isinstance(confirmed, str):
            raise ValueError("confirmed")
        if not isinstance(doc["entries"], list):
            raise ValueError("entries")
    except (ValueError, TypeError, UnicodeDecodeError, RecursionError, NotCanonical):
        raise UpdateRefused() from None
    return {"ack": acks, "got": got, "confirmed": confirmed, "entries": doc["entries"]}
