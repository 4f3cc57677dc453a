r"""Each device's shared events as a signed hash chain, and what a receiver admits.

Every event a device shares has its place in that device's chain (``seq``:
1, 2, 3, …, given when it is recorded) and is linked to the entry before it
and signed with the device's Ed25519 key when it is first exported. The
receiver accepts an entry only as the direct successor of the last one it
holds, so a missing, reordered, replayed or rolled-back update shows up as a
broken chain instead of as a silently different history.

An entry's hash (format 2, ``docs/formats/sync.md``)::

    SHA-256("mentorpair/v2/chain-entry\0" || pair id (16 bytes) || origin (16 bytes)
            || seq (8 bytes, big-endian) || previous entry hash (32 bytes)
            || SHA-256(canonical JSON of the event))

The first entry's previous hash is 32 zero bytes.

:func:`verify_entries` is *admission*: it checks only what depends on the
entries themselves and on the keys (signature, link, author and role,
stamps that contradict their own chain), never what the receiver did
meanwhile. What an admitted change means next to the others is the fold's
business (``domain/state.py``), so an honest change is never refused for it.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from mentorpair.crypto.digest import DIGEST_LENGTH, sha256
from mentorpair.crypto.identity import Identity, PublicIdentity
from mentorpair.domain.canonical import NotCanonical, canonical_json
from mentorpair.domain.events import Event, MalformedEvent
from mentorpair.domain.model import Role
from mentorpair.errors import UpdateRefused, UpdateTooEarly

__all__ = [
    "GENESIS",
    "Author",
    "ChainEntry",
    "ChainHead",
    "canonical_event",
    "entry_hash",
    "sign_entry",
    "verify_entries",
]

GENESIS = bytes(DIGEST_LENGTH)
_DOMAIN = b"mentorpair/v2/chain-entry\x00"


def canonical_event(event: Event) -> bytes:
    """The event's bytes as hashed and signed (``domain/canonical.py``).

    Raises:
        NotCanonical: the event holds a value outside the canonical subset.
    """
    return canonical_json(event.to_dict())


def entry_hash(seq: int, prev: bytes, event: Event) -> bytes:
    """The hash that links the next entry to this one (and that the author signs)."""
    return sha256(
        _DOMAIN,
        bytes.fromhex(event.pair_id),
        bytes.fromhex(event.origin),
        seq.to_bytes(8, "big"),
        prev,
        sha256(canonical_event(event)),
    )


@dataclass(frozen=True, slots=True)
class ChainHead:
    """Where a chain stands: the last sequence number and its entry hash."""

    seq: int = 0
    hash: bytes = GENESIS


@dataclass(frozen=True, slots=True)
class Author:
    """A device the receiver accepts changes from: its keys, its person's role and cutoff.

    ``cutoff`` is set for a computer its person removed: the last entry of
    its chain that still counts. What it says it saw of another removed
    computer's chain beyond that one's cutoff cannot be checked (those
    entries are refused everywhere) and is left out of the check.
    """

    keys: PublicIdentity
    role: Role
    cutoff: int | None = None

    @property
    def origin(self) -> str:
        """The device's chain id."""
        return self.keys.device_id


@dataclass(frozen=True, slots=True)
class ChainEntry:
    """One signed link: an event with its place in its device's chain."""

    prev: bytes
    event: Event
    signature: bytes

    @property
    def seq(self) -> int:
        """The entry's place in its chain (the event's ``seq``)."""
        return self.event.seq

    @property
    def origin(self) -> str:
        """The chain (device) it belongs to."""
        return self.event.origin

    def hash(self) -> bytes:
        """This entry's hash."""
        return entry_hash(self.seq, self.prev, self.event)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form carried in an update."""
        return {
            "prev": self.prev.hex(),
            "event": self.event.to_dict(),
            "sig": base64.b64encode(self.signature).decode("ascii"),
        }

    @classmethod
    def from_dict(cls, data: object) -> ChainEntry:
        """Decode :meth:`to_dict`, refusing anything malformed or non-canonical."""
        try:
            if not isinstance(data, Mapping) or set(data) != {"prev", "event", "sig"}:
                raise ValueError("fields")
            prev = bytes.fromhex(data["prev"])
            signature = base64.b64decode(data["sig"], validate=True)
            event_doc = data["event"]
            if len(prev) != DIGEST_LENGTH or not isinstance(event_doc, Mapping):
                raise ValueError("sizes")
            event = Event.from_dict(event_doc)
            if event.seq < 1 or event.to_dict() != dict(event_doc):
                raise ValueError("not canonical")
            canonical_event(event)
        except (TypeError, ValueError, binascii.Error, MalformedEvent, NotCanonical):
            raise UpdateRefused() from None
        return cls(prev=prev, event=event, signature=signature)


def sign_entry(identity: Identity, prev: bytes, event: Event) -> tuple[ChainEntry, bytes]:
    """Link ``event`` after ``prev`` in its device's chain, signed; return it and its hash."""
    digest = entry_hash(event.seq, prev, event)
    return ChainEntry(prev=prev, event=event, signature=identity.sign(digest)), digest


#: What the receiver holds of a chain: (seq) -> (entry hash, event), looked up lazily.
HeldLookup = Callable[[str, int], "tuple[bytes, Event] | None"]


def verify_entries(
    entries: list[ChainEntry],
    *,
    pair_id: str,
    authors: Mapping[str, Author],
    heads: Mapping[str, ChainHead],
    held: HeldLookup,
    progress: Callable[[int, int], None] | None = None,
) -> list[tuple[ChainEntry, bytes]]:
    """Admit a run of entries: authentic, well linked, and consistent with their own chains.

    Args:
        entries: the entries an update carries, chain by chain, each in order.
        pair_id: the pair the update is for.
        authors: the devices this vault accepts changes from, by origin.
        heads: how far this vault holds each chain.
        held: looks up an entry this vault holds, by (origin, seq).
        progress: called with (entries checked, entries in all).

    Returns:
        The new entries (after each chain's head) with their hashes, in order.

    Raises:
        UpdateRefused: with the reason in plain words; nothing is stored.
        UpdateTooEarly: an earlier update of that chain has not arrived yet.
    """
    new: list[tuple[ChainEntry, bytes]] = []
    last: dict[str, tuple[int, bytes, Event | None]] = {}
    # Entries admitted earlier in this run count as held for the stamps of
    # later ones: an update relays several chains, in causal order.
    current = dict(heads)
    fresh: dict[tuple[str, int], tuple[bytes, Event]] = {}

    def lookup(origin: str, seq: int) -> tuple[bytes, Event] | None:
        return fresh.get((origin, seq)) or held(origin, seq)

    for index, entry in enumerate(entries):
        event = entry.event
        if event.pair_id != pair_id:
            raise UpdateRefused(
                "This update contains changes of another pair, so it was not imported. "
                "Nothing was changed."
            )
        author = authors.get(entry.origin)
        if author is None or event.author is not author.role:
            raise UpdateRefused(
                "This update contains changes that were not made with your partner's keys, or "
                "that claim to come from you, so it was not imported. Nothing was changed."
            )
        head = heads.get(entry.origin, ChainHead())
        if entry.origin not in last:
            if entry.seq - 1 > head.seq:
                raise UpdateTooEarly()  # an earlier update of this chain has not arrived
            before = held(entry.origin, entry.seq - 1) if entry.seq > 1 else None
            last[entry.origin] = (
                entry.seq - 1,
                before[0] if before else GENESIS,
                before[1] if before else None,
            )
        prev_seq, prev_hash, prev_event = last[entry.origin]
        if entry.seq != prev_seq + 1:
            raise UpdateRefused()  # entries of one chain must follow each other
        digest = entry.hash()
        if entry.seq <= head.seq:
            known = held(entry.origin, entry.seq)
            if known is None or known[0] != digest:
                raise UpdateRefused(
                    "This update does not match what your partner sent before: their history "
                    "was changed or rolled back. It was not imported and nothing was changed. "
                    "Check with your partner."
                )
            last[entry.origin] = (entry.seq, digest, event)
            continue
        if entry.prev != prev_hash or not author.keys.verifies(entry.signature, digest):
            raise UpdateRefused(
                "This update contains changes that your partner's keys did not sign, so it "
                "was not imported. Nothing was changed."
            )
        _check_stamp(event, prev_event, authors, current, lookup)
        new.append((entry, digest))
        last[entry.origin] = (entry.seq, digest, event)
        fresh[(entry.origin, entry.seq)] = (digest, event)
        current[entry.origin] = ChainHead(entry.seq, digest)
        if progress is not None and (index % 100 == 99 or index == len(entries) - 1):
            progress(index + 1, len(entries))
    return new


def _check_stamp(
    event: Event,
    prev: Event | None,
    authors: Mapping[str, Author],
    heads: Mapping[str, ChainHead],
    held: HeldLookup,
) -> None:
    """Refuse a stamp that contradicts the author's own chain or what they could have seen.

    Along one chain the clock rises and what was seen only grows; a clock
    must exceed that of every entry it says it saw. Entries of chains this
    vault does not know (an earlier key of the partner) cannot be checked
    and are left out of the check, never guessed.
    """
    stamped = event.clock > 0
    if prev is not None:
        if prev.clock > 0 and event.clock <= prev.clock:
            raise _contradiction()
        if any(event.seen.get(o, 0) < s for o, s in prev.seen.items()):
            raise _contradiction()
    for origin, seq in event.seen.items():
        if origin not in authors and origin not in heads:
            continue
        cutoff = authors[origin].cutoff if origin in authors else None
        if cutoff is not None and seq > cutoff:
            continue  # a removed computer's later entries: refused here, not checkable
        if seq > heads.get(origin, ChainHead()).seq:
            if origin in authors:
                # They saw an entry of a chain we accept that has not reached us yet.
                raise UpdateTooEarly()
            raise _contradiction()  # they claim to have seen more of our own chain than exists
        seen = held(origin, seq)
        if stamped and seen is not None and seen[1].clock >= event.clock:
            raise _contradiction()


def _contradiction() -> UpdateRefused:
    return UpdateRefused(
        "This update contains changes whose order contradicts your partner's own earlier "
        "changes, so it was not imported. Nothing was changed. Ask your partner to update "
        "mentorpair and export again."
    )
