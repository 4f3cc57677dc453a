r"""Each author's shared events as a signed hash chain.

Every event a person shares gets the next sequence number of their chain and
the hash of the entry before it, and is signed with their Ed25519 key. The
receiving side accepts an entry only as the direct successor of the last one
it holds, so a missing, reordered, replayed or rolled-back update shows up as
a broken chain instead of as a silently different history.

An entry's hash (``docs/formats/sync.md``)::

    SHA-256("mentorpair/v1/chain-entry\0" || pair id (16 bytes) || role (1 byte)
            || seq (8 bytes, big-endian) || previous entry hash (32 bytes)
            || SHA-256(canonical JSON of the event))

The first entry's previous hash is 32 zero bytes.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from mentorpair.crypto.digest import DIGEST_LENGTH, sha256
from mentorpair.crypto.identity import Identity, PublicIdentity
from mentorpair.domain.events import Event, MalformedEvent
from mentorpair.domain.model import Role
from mentorpair.errors import UpdateRefused, UpdateTooEarly

__all__ = ["GENESIS", "ChainEntry", "ChainHead", "canonical_event", "entry_hash", "sign_entry"]

GENESIS = bytes(DIGEST_LENGTH)
_DOMAIN = b"mentorpair/v1/chain-entry\x00"
ROLE_BYTES = {Role.MENTEE: b"\x00", Role.MENTOR: b"\x01"}


def canonical_event(event: Event) -> bytes:
    """The event's bytes as hashed and signed: sorted keys, no spaces, UTF-8."""
    return json.dumps(
        event.to_dict(), sort_keys=True, separators=(",", ":"), ensure_ascii=False
    ).encode("utf-8")


def entry_hash(pair_id: str, author: Role, seq: int, prev: bytes, event: Event) -> bytes:
    """The hash that links the next entry to this one (and that the author signs)."""
    return sha256(
        _DOMAIN,
        bytes.fromhex(pair_id),
        ROLE_BYTES[author],
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
class ChainEntry:
    """One signed link: an event with its place in its author's chain."""

    seq: int
    prev: bytes
    event: Event
    signature: bytes

    def hash(self) -> bytes:
        """This entry's hash."""
        return entry_hash(self.event.pair_id, self.event.author, self.seq, self.prev, self.event)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form carried in an update."""
        return {
            "seq": self.seq,
            "prev": self.prev.hex(),
            "event": self.event.to_dict(),
            "sig": base64.b64encode(self.signature).decode("ascii"),
        }

    @classmethod
    def from_dict(cls, data: object) -> ChainEntry:
        """Decode :meth:`to_dict`, refusing anything malformed or non-canonical."""
        try:
            if not isinstance(data, Mapping) or set(data) != {"seq", "prev", "event", "sig"}:
                raise ValueError("fields")
            seq, prev_hex, event_doc = data["seq"], data["prev"], data["event"]
            if not isinstance(seq, int) or isinstance(seq, bool) or not 1 <= seq < 2**62:
                raise ValueError("seq")
            prev = bytes.fromhex(prev_hex)
            signature = base64.b64decode(data["sig"], validate=True)
            if len(prev) != DIGEST_LENGTH or not isinstance(event_doc, Mapping):
                raise ValueError("sizes")
            event = Event.from_dict(event_doc)
            if event.to_dict() != dict(event_doc):
                raise ValueError("not canonical")
        except (TypeError, ValueError, binascii.Error, MalformedEvent):
            raise UpdateRefused() from None
        return cls(seq=seq, prev=prev, event=event, signature=signature)


def sign_entry(identity: Identity, seq: int, prev: bytes, event: Event) -> tuple[ChainEntry, bytes]:
    """Link ``event`` after ``prev`` as entry ``seq`` of its author's chain, signed.

    Returns the entry and its hash (what the next entry links to).
    """
    digest = entry_hash(event.pair_id, event.author, seq, prev, event)
    return ChainEntry(seq=seq, prev=prev, event=event, signature=identity.sign(digest)), digest


def verify_entries(
    entries: list[ChainEntry],
    *,
    pair_id: str,
    author: Role,
    keys: PublicIdentity,
    head: ChainHead,
    known: Mapping[int, bytes],
    progress: Callable[[int, int], None] | None = None,
) -> list[tuple[ChainEntry, bytes]]:
    """Check a run of the partner's entries against what this vault holds.

    Args:
        entries: the entries an update carries, in order.
        pair_id: the pair the update is for.
        author: the partner's role: every entry must be theirs.
        keys: the partner's public keys.
        head: the last entry of theirs this vault holds.
        known: hashes of entries this vault holds, by sequence number (only
            those the update repeats are looked up).
        progress: called with (entries checked, entries in all).

    Returns:
        The new entries (after ``head``) with their hashes, in order.

    Raises:
        UpdateRefused: with the reason in plain words; nothing is stored.
    """
    new: list[tuple[ChainEntry, bytes]] = []
    expected_prev = head.hash
    for index, entry in enumerate(entries):
        if entry.event.pair_id != pair_id:
            raise UpdateRefused(
                "This update contains changes of another pair, so it was not imported. "
                "Nothing was changed."
            )
        if entry.event.author is not author:
            raise UpdateRefused(
                "This update contains changes that claim to come from you rather than your "
                "partner, so it was not imported. Nothing was changed."
            )
        if index and entry.seq != entries[index - 1].seq + 1:
            raise UpdateRefused()
        digest = entry.hash()
        if entry.seq <= head.seq:
            if known.get(entry.seq) != digest:
                raise UpdateRefused(
                    "This update does not match what your partner sent before: their history "
                    "was changed or rolled back. It was not imported and nothing was changed. "
                    "Check with your partner."
                )
            continue
        if entry.seq != head.seq + len(new) + 1:
            raise UpdateTooEarly()
        if entry.prev != expected_prev or not keys.verifies(entry.signature, digest):
            raise UpdateRefused(
                "This update contains changes that your partner's keys did not sign, so it "
                "was not imported. Nothing was changed."
            )
        new.append((entry, digest))
        expected_prev = digest
        if progress is not None and (index % 100 == 99 or index == len(entries) - 1):
            progress(index + 1, len(entries))
    return new
