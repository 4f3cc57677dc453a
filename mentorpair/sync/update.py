r"""The update file: what one partner sends the other, sealed end to end.

Layout, formats 2 and 3 (all integers big-endian; ``docs/formats/sync.md`` has the
details and test vectors)::

    header   magic "MPUPDATE" (8) | version (2) | flags (2) | envelope length (4)
             | nonce (16)                                               32 bytes
    envelope HPKE seal to the recipient (ML-KEM-768 + X25519), info =
             "mentorpair/v2/update\0" || header || recipient device id; sealing
             file key (32) | pair id (16) | sender device id (16) | update seq (8)
             | Ed25519 signature by the sender (64)
    body     STREAM (ChaCha20-Poly1305, 64 KiB chunks) under
             HKDF(file key, salt = nonce, "mentorpair/v1/sync/update-body-key"),
             associated data = the bindings below; sealing
             payload length (8) | payload (JSON) | zero padding

    bindings = header || pair id || sender device id || update seq
               || recipient device id || pairing digest

The signature covers the bindings and the SHA-256 of the body ciphertext, so
nobody without the sender's signing key can make or alter an update; it names
the recipient and the pairing (a digest of the invitation and acceptance), so
an update re-sealed to anyone else, or kept from an earlier pairing of the
same pair, is refused. Only the recipient's private key opens it. The whole
file is padded to one of a few sizes, and nothing outside the sealed parts
says who wrote it or what it holds. Sizes are checked before any cryptography
runs. Format 1 files (no recipient binding) are refused with a message that
the partner needs to update.
"""

from __future__ import annotations

import struct
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from mentorpair.crypto import hybrid, stream
from mentorpair.crypto.digest import sha256
from mentorpair.crypto.identity import SIGNATURE_LENGTH, Identity, PublicIdentity
from mentorpair.crypto.keywrap import new_key
from mentorpair.crypto.random import random_bytes
from mentorpair.crypto.secret import SecretKey
from mentorpair.crypto.subkeys import Purpose, derive_subkey
from mentorpair.domain.model import Role
from mentorpair.errors import (
    MadeByNewerVersion,
    PartnerNeedsUpdate,
    UpdateNotForMe,
    UpdateRefused,
)
from mentorpair.storage.oserrors import translate_os_errors

__all__ = [
    "MAX_FILE_SIZE",
    "SIZE_BUCKETS",
    "OpenedUpdate",
    "SealedUpdate",
    "check_size",
    "not_this_pairing",
    "open_sealed",
    "open_update",
    "read_file",
    "seal_update",
]

MAGIC = b"MPUPDATE"
VERSION = 3
#: The versions this app reads: format 3's payload adds linked computers'
#: certificates and removals and the person's never-shared changes (between
#: their own computers only); the file layout is format 2's.
READ_VERSIONS = (2, 3)
_HEADER = struct.Struct(">8sHHI16s")
HEADER_LENGTH = _HEADER.size  # 32
_ENVELOPE_PLAIN = struct.Struct(">32s16s16sQ64s")
ENVELOPE_LENGTH = _ENVELOPE_PLAIN.size + hybrid.OVERHEAD
_INFO = b"mentorpair/v2/update\x00"
_SIGNATURE_DOMAIN = b"mentorpair/v2/update-signature\x00"
PAIRING_DIGEST_LENGTH = 32
_LENGTH = struct.Struct(">Q")

#: Every update file has exactly one of these sizes (16 KiB to 64 MiB).
SIZE_BUCKETS = tuple(1 << n for n in (14, 16, 18, 20, 22, 24, 26))
MAX_FILE_SIZE = SIZE_BUCKETS[-1]
_OVERHEAD = HEADER_LENGTH + ENVELOPE_LENGTH

Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class Sender:
    """Who may send updates for a pair: the partner's device keys, role and pairing."""

    keys: PublicIdentity
    role: Role
    pairing: bytes


#: pair id -> the pair's sender, or None for an unknown or unpaired pair.
PartnerLookup = Callable[[str], "Sender | None"]


@dataclass(frozen=True, slots=True)
class SealedUpdate:
    """An opened update: who sent it, for which pair, its number and payload."""

    pair_id: str
    sender: Role
    origin: str
    seq: int
    payload: bytes


def _body_plain_length(total: int) -> int:
    """The body plaintext length that makes the whole file exactly ``total`` bytes."""
    sealed = total - _OVERHEAD
    chunks = -(-sealed // (stream.CHUNK_SIZE + stream.TAG_LENGTH))
    plain = sealed - chunks * stream.TAG_LENGTH
    if stream.ciphertext_length(plain) != sealed:
        raise AssertionError("bucket size does not fit whole chunks")
    return plain


def _bucket_for(payload_length: int) -> int:
    needed = _LENGTH.size + payload_length
    for size in SIZE_BUCKETS:
        if _body_plain_length(size) >= needed:
            return size
    raise UpdateRefused(
        "There is too much to send in one update (more than 64 MB). Please tell us: this "
        "should not happen with notes."
    )


def _body_key(file_key: SecretKey, nonce: bytes) -> bytes:
    return derive_subkey(file_key, Purpose.UPDATE_BODY_KEY, nonce).reveal()


def _bindings(
    header: bytes, pair_raw: bytes, origin: bytes, seq: int, recipient: bytes, pairing: bytes
) -> bytes:
    return header + pair_raw + origin + seq.to_bytes(8, "big") + recipient + pairing


def seal_update(
    sender: Identity,
    recipient: PublicIdentity,
    pair_id: str,
    seq: int,
    payload: bytes,
    pairing: bytes,
    progress: Progress | None = None,
    *,
    version: int = VERSION,
) -> bytes:
    """Make the bytes of update number ``seq`` of ``pair_id`` for ``recipient``.

    ``pairing`` is the digest of the pairing both sides hold
    (:func:`mentorpair.sync.pairing.pairing_digest`). ``version`` is for test
    vectors and tests of older files: the payload must be of that format.
    """
    if version not in READ_VERSIONS:
        raise ValueError("not a format this app writes")
    if not 1 <= seq < 2**53:
        raise ValueError("update sequence out of range")
    if len(pairing) != PAIRING_DIGEST_LENGTH:
        raise ValueError("pairing digest has the wrong size")
    total = _bucket_for(len(payload))
    plain_length = _body_plain_length(total)
    body_plain = _LENGTH.pack(len(payload)) + payload
    body_plain += bytes(plain_length - len(body_plain))
    nonce = random_bytes(16)
    header = _HEADER.pack(MAGIC, version, 0, ENVELOPE_LENGTH, nonce)
    pair_raw = bytes.fromhex(pair_id)
    origin = bytes.fromhex(sender.public().device_id)
    to = bytes.fromhex(recipient.device_id)
    bindings = _bindings(header, pair_raw, origin, seq, to, pairing)
    file_key = new_key("update file key")
    body = stream.encrypt(_body_key(file_key, nonce), body_plain, bindings, progress)
    signed = _SIGNATURE_DOMAIN + bindings + sha256(body)
    envelope_plain = _ENVELOPE_PLAIN.pack(
        file_key.reveal(), pair_raw, origin, seq, sender.sign(signed)
    )
    file_key.wipe()
    envelope = hybrid.seal(recipient.hybrid_public_bytes(), envelope_plain, _INFO + header + to)
    data = header + envelope + body
    if len(data) != total:
        raise AssertionError("update is not of its bucket size")
    return data


def check_size(size: int) -> None:
    """Refuse a file by its size alone, before reading it.

    Raises:
        UpdateRefused: empty, too large, or not a size an update ever has.
    """
    if size == 0:
        raise UpdateRefused("This file is empty, so there is nothing to import.")
    if size > MAX_FILE_SIZE:
        raise UpdateRefused(
            "This file is far larger than any mentorpair update, so it was not read. "
            "Nothing was changed."
        )
    if size not in SIZE_BUCKETS:
        raise UpdateRefused(
            "This file is incomplete or damaged (its size is wrong), so it was not imported. "
            "If it is still downloading, wait and try again. Nothing was changed."
        )


def read_file(path: Path) -> bytes:
    """The bytes of an update file the person picked, checked by size before reading.

    Raises:
        UpdateRefused: empty, too large (not read at all), or of a wrong size.
        NotFound, PermissionDenied, DiskError: the file cannot be read.
    """
    with translate_os_errors():
        check_size(path.stat().st_size)
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_SIZE + 1)
    check_size(len(data))  # it may have changed since the stat
    return data


@dataclass(frozen=True, slots=True)
class OpenedUpdate:
    """An update whose envelope and body opened, before its sender is known.

    Format 3 lets a computer certified *inside* the payload send it, so the
    caller reads the payload's certificates, finds the sender's keys, and
    only then calls :meth:`verify`; nothing may be stored before it passed.

    Attributes:
        pair_id: the pair it is for.
        origin: the sending computer's device id.
        seq: the sender's update number.
        payload: the JSON payload's bytes.
        version: the file's format version (2 or 3).
        pairing: the digest it was bound to (one of those offered to open it).
    """

    pair_id: str
    origin: str
    seq: int
    payload: bytes
    version: int
    pairing: bytes
    _signed: bytes = field(repr=False)
    _signature: bytes = field(repr=False)

    def verify(self, keys: PublicIdentity) -> bool:
        """Whether ``keys`` (the sender's) signed this update."""
        return keys.device_id == self.origin and keys.verifies(self._signature, self._signed)


#: pair id -> the digests an update of that pair may be bound to (none: not here).
PairingsLookup = Callable[[str], "Sequence[bytes]"]


def open_sealed(
    data: bytes,
    recipient: Identity,
    pairings: PairingsLookup,
    progress: Progress | None = None,
) -> OpenedUpdate:
    """Open an update addressed to ``recipient``; the caller verifies the sender.

    Raises:
        UpdateNotForMe: sealed to another computer, or for a pair not here.
        UpdateRefused: not an update, damaged, or bound to no pairing offered.
        MadeByNewerVersion: made by a newer mentorpair.
    """
    if len(data) < HEADER_LENGTH or data[:8] != MAGIC:
        check_size(len(data))
        raise UpdateRefused("This is not a mentorpair update file. Nothing was changed.")
    _magic, version, flags, envelope_length, nonce = _HEADER.unpack_from(data)
    if version > VERSION:
        raise MadeByNewerVersion(
            "This update was made by a newer version of mentorpair. Please update the app "
            "to import it. Nothing was changed."
        )
    check_size(len(data))
    if version == 1:
        raise PartnerNeedsUpdate()
    if version not in READ_VERSIONS or flags != 0 or envelope_length != ENVELOPE_LENGTH:
        raise UpdateRefused()
    header = data[:HEADER_LENGTH]
    envelope = data[HEADER_LENGTH:_OVERHEAD]
    body = data[_OVERHEAD:]
    to = bytes.fromhex(recipient.public().device_id)
    try:
        opened = hybrid.open_sealed(recipient.hpke_private_key(), envelope, _INFO + header + to)
    except hybrid.OpenFailed:
        raise UpdateNotForMe() from None
    key_bytes, pair_raw, origin, seq, signature = _ENVELOPE_PLAIN.unpack(opened)
    pair_id = pair_raw.hex()
    candidates = list(pairings(pair_id))
    if not candidates:
        raise UpdateNotForMe(
            "This update belongs to a pair that is not in this vault (or not paired yet), "
            "so it was not imported. Nothing was changed."
        )
    if not 1 <= seq < 2**53 or len(signature) != SIGNATURE_LENGTH:
        raise UpdateRefused()
    file_key = SecretKey(key_bytes, "update file key")
    try:
        for pairing in candidates:
            bindings = _bindings(header, pair_raw, origin, seq, to, pairing)
            try:
                plain = stream.decrypt(
                    _body_key(file_key, nonce),
                    body,
                    bindings,
                    max_plaintext=MAX_FILE_SIZE,
                    progress=progress,
                )
            except stream.StreamDamaged:
                continue
            break
        else:
            raise _not_this_pairing()
    finally:
        file_key.wipe()
    (length,) = _LENGTH.unpack_from(plain)
    payload_end = _LENGTH.size + length
    if payload_end > len(plain) or plain.count(0, payload_end) != len(plain) - payload_end:
        raise UpdateRefused()
    return OpenedUpdate(
        pair_id, origin.hex(), seq, plain[_LENGTH.size : payload_end], version, pairing,
        _SIGNATURE_DOMAIN + bindings + sha256(body), signature,
    )  # fmt: skip


def not_this_pairing() -> UpdateRefused:
    """The refusal of an update whose sender's signature does not verify."""
    return _not_this_pairing()


def _not_this_pairing() -> UpdateRefused:
    return UpdateRefused(
        "This update was not made with your partner's keys for this pairing (it may be "
        "damaged, forwarded by someone else, or from before you paired again), so it was "
        "not imported. Nothing was changed."
    )


def open_update(
    data: bytes,
    recipient: Identity,
    lookup: PartnerLookup,
    progress: Progress | None = None,
) -> SealedUpdate:
    """Check and open an update from the one known sender of its pair.

    Raises:
        UpdateRefused: not an update, damaged, not for this vault, for an unknown
            pair, or not signed by the pair's partner.
        MadeByNewerVersion: made by a newer mentorpair.
    """

    def pairings(pair_id: str) -> list[bytes]:
        found = lookup(pair_id)
        return [] if found is None else [found.pairing]

    opened = open_sealed(data, recipient, pairings, progress)
    sender = lookup(opened.pair_id)
    if sender is None or not opened.verify(sender.keys):
        raise _not_this_pairing()
    return SealedUpdate(opened.pair_id, sender.role, opened.origin, opened.seq, opened.payload)
