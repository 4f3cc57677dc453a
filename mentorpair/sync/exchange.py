"""Exporting updates to the other computers of a pair and importing theirs (format 3).

A pair's **peers** are the person's other computers and the partner's
(``sync/roster.py``); each gets its own update file, sealed to it. Export
signs this computer's new shared events into its chain and seals, for one
peer, every entry of every chain the peer has not acknowledged (a chain is
relayed, never sent back to its own computer), the certificates and removals
of both persons' computers, and, to the person's own computers only, their
never-shared changes (private notes, reflections: ``private``). To the
partner's computers the pair's content goes only once this person has
confirmed the safety code for the partner's identity; before that an update
carries acknowledgements and the confirmation only. The person's own
computers get everything at once (the same person).
Import opens an update and *admits* its entries (signature, chain link,
author's role, stamps consistent with their own chain) before storing
anything, then stores the new events, the links and the bookkeeping in one
transaction: all of it, or nothing. Whether a change still means something
next to what happened meanwhile is never a reason to refuse it: the fold
decides that, the same way on every device.

The payload inside an update is JSON (``docs/formats/sync.md``)::

    {"ack": {"<origin>": {"seq": n, "hash": "<hex>"}, …}, "got": m,
     "confirmed": "<hex>" | null, "entries": [{"prev": …, "event": {…}, "sig": …}, …],
     "devices": [certificate, …], "removals": [removal, …], "private": [event, …]}

``ack`` says how much of each chain the sender holds, so the recipient's
next update leaves it out; ``got`` is the number of the last update the
sender received from the recipient, so the recipient can delete older files
from a shared folder; ``confirmed`` says the sender compared the safety code
for exactly these keys. The sender may be a computer certified inside the
update itself: the certificates are checked against the two persons'
identities first, then the update's signature with the keys found.
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from mentorpair.crypto.digest import DIGEST_LENGTH
from mentorpair.domain.canonical import NotCanonical, check_depth
from mentorpair.domain.events import MAX_CLOCK, Event, EventKind, MalformedEvent
from mentorpair.domain.model import Role
from mentorpair.domain.rules import LOCAL_ONLY, RuleViolation, check_role
from mentorpair.errors import KnownError, UpdateAlreadyImported, UpdateRefused
from mentorpair.storage.database import Database
from mentorpair.storage.workspace import Workspace
from mentorpair.sync import chainlog
from mentorpair.sync.chain import (
    GENESIS,
    Author,
    ChainEntry,
    ChainHead,
    canonical_event,
    verify_entries,
)
from mentorpair.sync.devices import DeviceCertificate, DeviceRemoval
from mentorpair.sync.pairing import Pairing
from mentorpair.sync.roster import Peer, Roster, ThisComputerRemoved
from mentorpair.sync.update import not_this_pairing, open_sealed, seal_update

__all__ = ["CATEGORIES", "Exchange", "ImportSummary", "NotAPeer", "NotPaired", "category_of"]

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
        acknowledged: how many of this computer's shared changes the sender now holds.
        sender: the device id of the computer that sent it.
    """

    pair_id: str
    counts: dict[str, int] = field(default_factory=dict)
    acknowledged: int = 0
    sender: str = ""

    @property
    def new_events(self) -> int:
        """How many changes arrived."""
        return sum(self.counts.values())


#: The key of ``peers.sent_ack`` that counts the certificates and removals told.
_DOCUMENTS = "documents"
#: How many chains, certificates or removals one update may name (both persons'
#: computers together; devices.md caps a person at 1,000 linked computers).
_MAX_NAMED = 4096


@dataclass(frozen=True, slots=True)
class _PeerState:
    """What this computer knows of one other computer of a pair (table ``peers``)."""

    updates_sent: int = 0
    updates_received: int = 0
    got: int = 0
    has: dict[str, int] = field(default_factory=dict)
    sent_heads: dict[str, int] = field(default_factory=dict)
    sent_ack: dict[str, int] = field(default_factory=dict)
    sent_confirmed: bool = False
    ack_floor_seq: int = 0
    ack_floor: int = 0
    private_has: int = 0
    private_pending: tuple[tuple[int, int], ...] = ()


_PEER_COLUMNS = (
    "updates_sent, updates_received, got, has, sent_heads, sent_ack, sent_confirmed,"
    " ack_floor_seq, ack_floor, private_has, private_pending"
)


class NotAPeer(KnownError):
    """The computer named is not one this pair's updates go to (removed, or unknown)."""

    default_message = (
        "That computer no longer receives this pair's changes (it was removed, or it is "
        "not one of yours or your partner's). Nothing was changed."
    )


class Exchange:
    """Updates between this computer and the other computers of its pairs."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.pairing = Pairing(workspace)
        self.roster = Roster(workspace)

    @property
    def _db(self) -> Database:
        return self.workspace.vault.db

    # ------------------------------------------------------------- bookkeeping
    def _peer(self, pair_id: str, device_id: str) -> _PeerState:
        row = self._db.query_one(
            f"SELECT {_PEER_COLUMNS} FROM peers WHERE pair_id = :p AND device_id = :d",  # noqa: S608 - our column list
            {"p": pair_id, "d": device_id},
        )
        if row is None:
            return _PeerState()
        sent, received, got, has, heads, ack, confirmed, floor_seq, floor, p_has, pending = row
        return _PeerState(
            int(sent), int(received), int(got), _counts(has), _counts(heads), _counts(ack),
            bool(confirmed), int(floor_seq), int(floor), int(p_has),
            tuple((int(a), int(b)) for a, b in json.loads(str(pending))),
        )  # fmt: skip

    def _put_peer(self, db: Database, pair_id: str, device_id: str, **changes: object) -> None:
        db.execute(
            "INSERT OR IGNORE INTO peers (pair_id, device_id) VALUES (:p, :d)",
            {"p": pair_id, "d": device_id},
        )
        for column, value in changes.items():
            if isinstance(value, dict | list | tuple):
                value = json.dumps(value, sort_keys=True)
            db.execute(
                f"UPDATE peers SET {column} = :v WHERE pair_id = :p AND device_id = :d",  # noqa: S608 - our names
                {"v": value, "p": pair_id, "d": device_id},
            )

    def recipients(self, pair_id: str) -> list[Peer]:
        """The computers this one sends the pair's updates to, each with a plain label."""
        if self.pairing.partner(pair_id) is None:
            return []
        return self.roster.peers(pair_id)

    def default_recipient(self, pair_id: str) -> Peer | None:
        """The partner's computer this vault last imported from, else their first computer."""
        partners = [p for p in self.roster.peers(pair_id) if not p.mine]
        row = self._db.query_one("SELECT value FROM meta WHERE key = :k", {"k": _last_key(pair_id)})
        for peer in partners:
            if row is not None and peer.device_id == row[0]:
                return peer
        return partners[0] if partners else None

    def _recipient(self, pair_id: str, to: str | None) -> Peer:
        peer = self.default_recipient(pair_id) if to is None else self.roster.peer(pair_id, to)
        if peer is None:
            raise NotAPeer()
        return peer

    def partner_has(self, pair_id: str) -> int:
        """How far the partner acknowledged this computer's chain (their best computer's word)."""
        me = self.workspace.origin
        return max(
            (self._peer(pair_id, p.device_id).has.get(me, 0)
             for p in self.roster.peers(pair_id) if not p.mine),
            default=0,
        )  # fmt: skip

    def partner_got(self, pair_id: str, to: str | None = None) -> int:
        """The number of the last of this computer's updates that computer received."""
        peer = self.default_recipient(pair_id) if to is None else self.roster.peer(pair_id, to)
        return 0 if peer is None else self._peer(pair_id, peer.device_id).got

    def updates_sent(self, pair_id: str, to: str | None = None) -> int:
        """How many updates this computer sealed to that computer (default: the partner's)."""
        peer = self.default_recipient(pair_id) if to is None else self.roster.peer(pair_id, to)
        return 0 if peer is None else self._peer(pair_id, peer.device_id).updates_sent

    def head(self, pair_id: str, origin: str) -> ChainHead:
        """The last signed link of one device's chain that this vault holds."""
        return chainlog.head(self._db, pair_id, origin)

    def heads(self, pair_id: str) -> dict[str, ChainHead]:
        """Every chain of the pair's computers that this vault holds, with where it stands.

        Only computers of the two persons as they are now: a chain of the
        partner's earlier keys stays here but never travels (no one else
        would admit it). One indexed look-up per computer, whatever the history.
        """
        devices, _ = self.roster.known(pair_id)
        found = {}
        for origin in devices:
            head = self.head(pair_id, origin)
            if head.seq:
                found[origin] = head
        return found

    def _entries_after(self, pair_id: str, seq: int) -> list[ChainEntry]:
        """This computer's own entries after ``seq`` (for tests that forge updates)."""
        return self._chain_entries(pair_id, self.workspace.origin, seq, 2**53)

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
        """How many of this computer's shared changes the partner does not hold yet."""
        return max(0, self._my_last_seq(pair_id) - self.partner_has(pair_id))

    def _told(self, pair_id: str, heads: Mapping[str, ChainHead]) -> dict[str, int]:
        """What an update now acknowledges, as ``peers.sent_ack`` keeps it."""
        me = self.workspace.origin
        told = {o: h.seq for o, h in heads.items() if o != me and h.seq}
        certificates, removals = self.roster.documents(pair_id)
        if certificates or removals:
            told[_DOCUMENTS] = len(certificates) + len(removals)
        return told

    def has_news(self, pair_id: str, to: str | None = None) -> bool:
        """Whether an update now would tell that computer anything it lacks.

        New shared changes of any chain it lacks (to the partner's computers
        once they may be shared), a changed acknowledgement, new certificates
        or removals, a changed safety-code confirmation, and (to the person's
        own computers) never-shared changes they lack; else writing a file
        would only make the apps answer each other forever.
        """
        if self.pairing.partner(pair_id) is None or self.roster.this_computer_removed():
            return False
        peer = self.default_recipient(pair_id) if to is None else self.roster.peer(pair_id, to)
        if peer is None:
            return False
        sent = self._peer(pair_id, peer.device_id)
        heads = self.heads(pair_id)
        if peer.mine or self.pairing.may_share(pair_id):
            _, cutoffs = self.roster.known(pair_id)
            tops = {o: h.seq for o, h in heads.items()}
            tops[self.workspace.origin] = self._my_last_seq(pair_id)
            for origin, top in tops.items():
                if origin == peer.device_id:
                    continue
                top = min(top, cutoffs.get(origin, top))
                if top > max(sent.sent_heads.get(origin, 0), sent.has.get(origin, 0)):
                    return True
        told = self._told(pair_id, heads)
        if told != {k: v for k, v in sent.sent_ack.items() if k in told or v}:
            return True
        if (self.pairing.confirmation(pair_id) is not None) != sent.sent_confirmed:
            return True
        after = max([sent.private_has] + [r for _, r in sent.private_pending])
        return peer.mine and bool(
            self.workspace.private_events(pair_id, after, not_from=peer.device_id, limit=1)
        )

    def _link_mine(self, db: Database, pair_id: str) -> ChainHead:
        """Sign this computer's new shared events into its chain; return its head."""
        return chainlog.link_mine(self.workspace, db, pair_id)

    # ------------------------------------------------------------- export
    def export(
        self, pair_id: str, progress: Progress | None = None, *, to: str | None = None
    ) -> bytes:
        """Seal everything that computer lacks into one update file's bytes.

        ``to`` names the recipient (a device id of :meth:`recipients`); None
        is the partner's computer this vault last imported from, else their
        first. Counts as sent at once; the shared folder uses :meth:`prepare`
        and :meth:`Prepared.commit` so that nothing counts as sent before the
        file is safely in the folder.

        Raises:
            NotPaired: there are no partner keys yet.
            NotAPeer: ``to`` is not a computer of this pair (or was removed).
            ThisComputerRemoved: the person removed this computer.
        """
        prepared = self.prepare(pair_id, progress, to=to)
        prepared.commit()
        return prepared.data

    def prepare(
        self, pair_id: str, progress: Progress | None = None, *, to: str | None = None
    ) -> Prepared:
        """Seal an update, reserving its number; what it carries counts only on commit.

        Raises:
            NotPaired, NotAPeer, ThisComputerRemoved: see :meth:`export`.
        """
        partner = self.pairing.partner(pair_id)
        if partner is None:
            raise NotPaired()
        if self.roster.this_computer_removed():
            raise ThisComputerRemoved()
        peer = self._recipient(pair_id, to)
        sharing = peer.mine or self.pairing.may_share(pair_id)
        _, cutoffs = self.roster.known(pair_id)
        with self._db.transaction() as db:
            if sharing:
                self._link_mine(db, pair_id)
            heads = self.heads(pair_id)
            sync = self._peer(pair_id, peer.device_id)
            tops = {
                o: min(h.seq, cutoffs.get(o, h.seq))
                for o, h in heads.items()
                if o != peer.device_id
            }
            entries = self._entries_for(pair_id, tops, sync.has) if sharing else []
            private = (
                self.workspace.private_events(pair_id, sync.private_has, not_from=peer.device_id)
                if peer.mine
                else []
            )
            certificates, removals = self.roster.documents(pair_id)
            confirmed = self.pairing.confirmation(pair_id)
            payload = json.dumps(
                {
                    "ack": {o: {"seq": h.seq, "hash": h.hash.hex()} for o, h in heads.items()},
                    "got": sync.updates_received,
                    "confirmed": confirmed,
                    "entries": [e.to_dict() for e in entries],
                    "devices": certificates,
                    "removals": removals,
                    "private": [event.to_dict() for _, event in private],
                },
                separators=(",", ":"),
                ensure_ascii=False,
            ).encode("utf-8")
            seq = sync.updates_sent + 1
            # The number is used up even if the file never arrives: a number
            # is never sealed twice with different content.
            self._put_peer(db, pair_id, peer.device_id, updates_sent=seq)
        data = seal_update(
            self.workspace.vault.device(), peer.keys, pair_id, seq, payload,
            partner.pairing, progress,
        )  # fmt: skip
        sent: dict[str, object] = {
            "sent_heads": tops if sharing else sync.sent_heads,
            "sent_ack": self._told(pair_id, heads),
            "sent_confirmed": int(confirmed is not None),
        }
        pending = (seq, private[-1][0]) if private else None

        def commit() -> None:
            with self._db.transaction() as db:
                if pending is not None:
                    # An import since prepare may have settled older ones.
                    current = self._peer(pair_id, peer.device_id)
                    sent["private_pending"] = [
                        *(p for p in current.private_pending if p[0] > current.got),
                        pending,
                    ]
                self._put_peer(db, pair_id, peer.device_id, **sent)
            log.info("update of %d change(s) counted as sent", len(entries) + len(private))

        return Prepared(data, seq, len(entries), commit, peer.device_id)

    def _entries_for(
        self, pair_id: str, tops: Mapping[str, int], has: Mapping[str, int]
    ) -> list[ChainEntry]:
        """Every entry the recipient lacks, of every chain, in an order that respects causality.

        A change's clock exceeds that of everything it saw, and rises along
        its chain, so (clock, chain, seq) puts every entry after those it
        depends on, whichever chain they are in.
        """
        entries: list[ChainEntry] = []
        for origin, top in tops.items():
            after = has.get(origin, 0)
            if top > after:
                entries.extend(self._chain_entries(pair_id, origin, after, top))
        entries.sort(key=lambda e: (e.event.clock, e.origin, e.seq))
        return entries

    def _chain_entries(self, pair_id: str, origin: str, after: int, top: int) -> list[ChainEntry]:
        rows = self._db.query(
            "SELECT seq, signature, entry_hash FROM chains"
            " WHERE pair_id = :p AND origin = :o AND seq > :s AND seq <= :top ORDER BY seq",
            {"p": pair_id, "o": origin, "s": after, "top": top},
        )
        events = {e.seq: e for e in self.workspace.chain_events(pair_id, origin, after=after)}
        prev = self._hash_at(pair_id, origin, after) or GENESIS
        entries = []
        for entry_seq, signature, digest in rows:
            event = events.get(int(entry_seq))
            if event is None:
                break  # set aside (a rejected key's): nothing after it can follow
            entries.append(ChainEntry(prev, event, bytes(signature)))
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
            raise UpdateRefused()  # one change twice in one update: a forgery or a bug
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
                if stored.origin or not event.origin
                else stored.restamped(event.clock, event.origin, event.seq, event.seen)
            )
            if canonical_event(plain) != canonical_event(event):
                raise UpdateRefused(
                    "This update contains a change that contradicts one you already have, so "
                    "it was not imported. Nothing was changed."
                )

    def import_update(self, data: bytes, progress: Progress | None = None) -> ImportSummary:
        """Check and store one update from another computer of a pair (format 2 or 3).

        ``progress`` gets (done, 100): opening is the first tenth, checking the
        chain the next three, storing the rest.

        Raises:
            UpdateRefused (and its kinds): with the reason; nothing was stored.
            MadeByNewerVersion: made by a newer mentorpair.
        """

        def pairings(pair_id: str) -> list[bytes]:
            found = self.pairing.partner(pair_id)
            return [] if found is None else [found.pairing]

        opened = open_sealed(data, self.workspace.vault.device(), pairings, _stage(progress, 0, 10))
        pair_id = opened.pair_id
        partner = self.pairing.partner(pair_id)
        if partner is None:
            raise UpdateRefused()
        payload = _parse_payload(opened.payload, opened.version)
        certificates, removals = _documents(payload)
        # The sender may be certified inside this very update: find its keys
        # among both persons' computers, then check its signature.
        devices, cutoffs = self.roster.known(pair_id, partner.keys, certificates, removals)
        sender = devices.get(opened.origin)
        if sender is None or sender.this or not opened.verify(sender.keys):
            raise not_this_pairing()
        if sender.removed:
            raise _removed(sender.mine, "sent by")
        sync = self._peer(pair_id, sender.device_id)
        if opened.seq <= sync.updates_received:
            raise UpdateAlreadyImported()
        if payload["private"] and not sender.mine:
            raise UpdateRefused(
                "This update carries changes that are never shared between partners, so it "
                "was not imported. Nothing was changed."
            )
        my_role = partner.role.other
        authors = {
            d.device_id: Author(d.keys, my_role if d.mine else partner.role, cutoffs.get(o))
            for o, d in devices.items()
            if not d.this
        }
        me = self.workspace.origin
        entries = [ChainEntry.from_dict(item) for item in payload["entries"]]
        heads = {o: self.head(pair_id, o) for o in [*authors, me]}
        for entry in entries:
            author = authors.get(entry.origin)
            cutoff = None if author is None else author.cutoff
            if cutoff is not None and entry.seq > max(cutoff, heads[entry.origin].seq):
                raise _removed(devices[entry.origin].mine, "signed by")
        new = verify_entries(
            entries,
            pair_id=pair_id,
            authors=authors,
            heads=heads,
            held=self._held(pair_id),
            progress=_stage(progress, 10, 40),
        )
        events = [entry.event for entry, _ in new]
        _admit_roles(events)
        for origin in {e.origin for e in events}:
            floor = self._peer(pair_id, origin)
            _admit_knowledge(
                [e for e in events if e.origin == origin], me, floor.ack_floor_seq, floor.ack_floor
            )
        private = [_private_event(item, pair_id, my_role) for item in payload["private"]]
        self._check_held(pair_id, events + private)
        ack = payload["ack"].get(me)
        ack_seq, ack_hash = ack if ack is not None else (0, GENESIS)
        mine = heads[me]
        if ack_seq > mine.seq or self._hash_at(pair_id, me, ack_seq) != ack_hash:
            raise UpdateRefused(
                "This update does not match what you sent your partner before, so it was not "
                "imported. Nothing was changed. If you restored your vault from a backup, "
                "ask your partner to export again."
            )
        # What the sender made after this update was made knowing ack_seq of
        # ours: its chain then stood where its ack says (or where we hold it).
        own_claim = payload["ack"].get(sender.device_id, (0, GENESIS))[0]
        after_import = max(
            [heads.get(sender.device_id, ChainHead()).seq]
            + [e.seq for e in events if e.origin == sender.device_id]
        )
        got = min(payload["got"], sync.updates_sent)
        settled = [r for s, r in sync.private_pending if s <= got]

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
            self._put_peer(
                db,
                pair_id,
                sender.device_id,
                updates_received=opened.seq,
                got=got,
                has={o: seq for o, (seq, _) in payload["ack"].items()},
                ack_floor_seq=max(own_claim, after_import),
                ack_floor=ack_seq,
                private_has=max([sync.private_has, *settled]),
                private_pending=[p for p in sync.private_pending if p[0] > got],
            )
            self.roster.learn(db, pair_id, partner.keys, certificates, removals)
            if sender.mine:
                self.pairing.note_own_confirmation(db, pair_id, payload["confirmed"])
            else:
                self.pairing.note_partner_confirmation(db, pair_id, payload["confirmed"])
                db.execute(
                    "INSERT OR REPLACE INTO meta (key, value) VALUES (:k, :v)",
                    {"k": _last_key(pair_id), "v": sender.device_id},
                )

        try:
            added = self.workspace.add_events(
                pair_id, events + private, received=True, relayed=True, private=sender.mine,
                also=bookkeeping, progress=_stage(progress, 40, 100),
            )  # fmt: skip
        except RuleViolation as exc:
            raise UpdateRefused(
                f"This update was not imported: {exc} Nothing was changed."
            ) from None
        if progress is not None:
            progress(100, 100)
        counts = Counter(category_of(e.kind) for e in added)
        log.info("update imported with %d new change(s)", len(added))
        return ImportSummary(pair_id, dict(counts), ack_seq, sender.device_id)

    def _hash_at(self, pair_id: str, origin: str, seq: int) -> bytes | None:
        if seq == 0:
            return GENESIS
        row = self._db.query_one(
            "SELECT entry_hash FROM chains WHERE pair_id = :p AND origin = :o AND seq = :s",
            {"p": pair_id, "o": origin, "s": seq},
        )
        return None if row is None else bytes(row[0])


def _last_key(pair_id: str) -> str:
    """The ``meta`` key naming the partner's computer this vault last imported from."""
    return f"sync.last_from.{pair_id}"


def _counts(text: object) -> dict[str, int]:
    return {str(k): int(v) for k, v in json.loads(str(text)).items()}


def _removed(mine: bool, verb: str) -> UpdateRefused:
    whose = "you removed from your" if mine else "your partner removed from their"
    what = "This update was" if verb == "sent by" else "This update contains changes"
    return UpdateRefused(
        f"{what} {verb} a computer {whose} computers, after the removal, so it was not "
        "imported. Nothing was changed."
    )


def _documents(payload: Mapping[str, Any]) -> tuple[list[DeviceCertificate], list[DeviceRemoval]]:
    """The update's certificates and removals, decoded (their signatures are checked later)."""
    try:
        certificates = [DeviceCertificate.from_json(c) for c in payload["devices"]]
        removals = [DeviceRemoval.from_json(r) for r in payload["removals"]]
    except KnownError:
        raise UpdateRefused() from None
    return certificates, removals


def _private_event(item: object, pair_id: str, my_role: Role) -> Event:
    """One of the person's never-shared changes from their other computer, checked."""
    try:
        if not isinstance(item, Mapping):
            raise ValueError("not an object")
        event = Event.from_dict(item)
        if event.to_dict() != dict(item):
            raise ValueError("not canonical")
        canonical_event(event)
        check_role(event)
    except (ValueError, TypeError, MalformedEvent, NotCanonical, RuleViolation):
        raise UpdateRefused() from None
    if event.pair_id != pair_id or event.seq != 0 or event.author is not my_role:
        raise UpdateRefused(
            "This update contains private changes that are not yours or not of this pair, so "
            "it was not imported. Nothing was changed."
        )
    return event


@dataclass(frozen=True, slots=True)
class Prepared:
    """A sealed update whose content counts as sent only after :attr:`commit`.

    Attributes:
        data: the file's bytes.
        seq: its update number (already reserved).
        changes: how many shared changes it carries.
        commit: record that it is safely on its way.
        recipient: the device id of the computer it is sealed to.
    """

    data: bytes
    seq: int
    changes: int
    commit: Callable[[], None]
    recipient: str = ""


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


_FIELDS_2 = {"ack", "got", "confirmed", "entries"}
_FIELDS_3 = _FIELDS_2 | {"devices", "removals", "private"}


def _parse_payload(raw: bytes, version: int = 3) -> dict[str, Any]:
    """The update's JSON, checked field by field (sizes were capped before).

    A format-2 payload reads as one without certificates, removals or
    private changes.
    """
    try:
        check_depth(raw)
        doc = json.loads(raw.decode("utf-8"))
        fields = _FIELDS_2 if version == 2 else _FIELDS_3
        if not isinstance(doc, dict) or set(doc) != fields:
            raise ValueError("fields")
        acks: dict[str, tuple[int, bytes]] = {}
        if not isinstance(doc["ack"], dict) or len(doc["ack"]) > _MAX_NAMED:
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
        for name in ("devices", "removals", "private"):
            doc.setdefault(name, [])
            if not isinstance(doc[name], list):
                raise ValueError(name)
        if len(doc["devices"]) > _MAX_NAMED or len(doc["removals"]) > _MAX_NAMED:
            raise ValueError("too many documents")
    except (ValueError, TypeError, UnicodeDecodeError, RecursionError, NotCanonical):
        raise UpdateRefused() from None
    return {
        "ack": acks, "got": got, "confirmed": confirmed, "entries": doc["entries"],
        "devices": doc["devices"], "removals": doc["removals"], "private": doc["private"],
    }  # fmt: skip
