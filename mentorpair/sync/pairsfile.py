"""A file of pairs from one of the person's computers to another (``docs/formats/devices.md``).

Linking gives a new computer every pair the person had then. A pair made,
or taken over, later on one computer reaches the others in this file: the
person saves it on one computer (File ▸ Your computers ▸ Send your pairs)
and opens it on the other. It carries a link payload (``linkpayload.py``)
of every pair the sender holds; the receiver takes the pairs it does not
hold yet and leaves the others alone.

It is sealed to the receiving computer's device keys alone (HPKE, like an
update) and signed by the sending computer's device keys, which the
receiver checks against the person's certificate for them, so neither a
partner nor a removed computer can hand a pair over. A file written for
another computer does not open. This module is pure: it stores nothing.
"""

from __future__ import annotations

import base64
import binascii
import json
import struct
from dataclasses import dataclass, field
from typing import Any

from mentorpair.crypto import hybrid
from mentorpair.crypto.identity import Identity, PublicIdentity
from mentorpair.domain.canonical import canonical_json, check_depth
from mentorpair.errors import KnownError, MadeByNewerVersion, PairsFileRefused
from mentorpair.sync.devices import MAX_BUNDLE_SIZE, DeviceCertificate

__all__ = ["MAGIC", "VERSION", "PairsFile", "open_pairs_file", "seal_pairs_file"]

MAGIC = b"MPPAIRS\x00"
VERSION = 1
_HEADER = struct.Struct(">8sHH")
HEADER_LENGTH = _HEADER.size  # 12
_INFO = b"mentorpair/v1/pairs-file\x00"
_SIG_DOMAIN = b"mentorpair/v1/pairs-file-signature\x00"
_FIELDS = {"from", "to", "certificate", "payload", "sig"}
_HEX = frozenset("0123456789abcdef")

_NOT_FOR_ME = (
    "This file of pairs was made for another of your computers, or it was changed on its "
    "way, so nothing was taken from it. Nothing was changed. On your other computer, choose "
    "this computer in Your computers and send the pairs again."
)
_TOO_LARGE = (
    "There is too much in this vault to send in one file (more than 256 MB). Nothing was "
    "changed. Please tell us: this should not happen with notes."
)


@dataclass(frozen=True, slots=True)
class PairsFile:
    """An opened file of pairs.

    Attributes:
        sender: the device id of the computer that made it.
        certificate: the person's certificate for the sender (None: the
            person's first computer, whose keys are the identity).
        payload: the link payload (``linkpayload.py``), not yet checked.
    """

    sender: str
    certificate: DeviceCertificate | None
    payload: bytes = field(repr=False)


def _info(header: bytes, recipient: PublicIdentity) -> bytes:
    return _INFO + header + bytes.fromhex(recipient.device_id)


def seal_pairs_file(
    device: Identity,
    certificate: DeviceCertificate | None,
    recipient: PublicIdentity,
    payload: bytes,
) -> bytes:
    """Seal ``payload`` to ``recipient`` alone, signed by this computer's ``device`` keys.

    Raises:
        PairsFileRefused: the file would be larger than 256 MB.
        ValueError: ``certificate`` is not for ``device``.
    """
    if certificate is not None and certificate.device != device.public():
        raise ValueError("the certificate is not for these device keys")
    header = _HEADER.pack(MAGIC, VERSION, 0)
    doc: dict[str, Any] = {
        "from": device.public().device_id,
        "to": recipient.device_id,
        "certificate": None if certificate is None else certificate.to_json(),
        "payload": base64.b64encode(payload).decode("ascii"),
    }
    doc["sig"] = base64.b64encode(device.sign(_SIG_DOMAIN + header + canonical_json(doc))).decode()
    plain = canonical_json(doc)
    if HEADER_LENGTH + hybrid.OVERHEAD + len(plain) > MAX_BUNDLE_SIZE:
        raise PairsFileRefused(_TOO_LARGE)
    return header + hybrid.seal(recipient.hybrid_public_bytes(), plain, _info(header, recipient))


def open_pairs_file(data: bytes, me: Identity, person: PublicIdentity) -> PairsFile:
    """Open a file of pairs sealed to this computer (``me``) by another of ``person``'s.

    The sender is checked here: the person's first computer (signed by the
    identity) or a computer the person certified. Whether it was removed
    since is the caller's to check (``Roster``).

    Raises:
        PairsFileRefused: too large, damaged, for another computer, or not
            made by one of the person's computers.
        MadeByNewerVersion: made by a newer mentorpair.
    """
    if not isinstance(data, bytes) or len(data) > MAX_BUNDLE_SIZE:
        raise PairsFileRefused("This is far too large to be a mentorpair file of pairs.")
    if len(data) < HEADER_LENGTH + hybrid.OVERHEAD:
        raise PairsFileRefused()
    header = data[:HEADER_LENGTH]
    magic, version, flags = _HEADER.unpack(header)
    if magic != MAGIC:
        raise PairsFileRefused()
    if version > VERSION:
        raise MadeByNewerVersion(
            "This file of pairs was made by a newer version of mentorpair. Please update the "
            "app on this computer, then open it again. Nothing was changed."
        )
    if version != VERSION or flags != 0:
        raise PairsFileRefused()
    public = me.public()
    try:
        plain = hybrid.open_sealed(
            me.hpke_private_key(), data[HEADER_LENGTH:], _info(header, public)
        )
    except hybrid.OpenFailed:
        raise PairsFileRefused(_NOT_FOR_ME) from None
    try:
        check_depth(plain)
        doc = json.loads(plain.decode("utf-8"))
        if not isinstance(doc, dict) or set(doc) != _FIELDS or canonical_json(doc) != plain:
            raise ValueError("fields")
        sender, to = doc["from"], doc["to"]
        if not all(isinstance(v, str) and len(v) == 32 and set(v) <= _HEX for v in (sender, to)):
            raise ValueError("ids")
        certificate = (
            None if doc["certificate"] is None else DeviceCertificate.from_json(doc["certificate"])
        )
        payload = base64.b64decode(doc["payload"], validate=True)
        signature = base64.b64decode(doc["sig"], validate=True)
    except (KnownError, KeyError, TypeError, ValueError, binascii.Error, RecursionError):
        raise PairsFileRefused() from None
    if to != public.device_id:
        raise PairsFileRefused(_NOT_FOR_ME)
    if certificate is None:
        keys = person
    elif certificate.verifies_for(person):
        keys = certificate.device
    else:
        raise PairsFileRefused()
    unsigned = {k: v for k, v in doc.items() if k != "sig"}
    if keys.device_id != sender or not keys.verifies(
        signature, _SIG_DOMAIN + header + canonical_json(unsigned)
    ):
        raise PairsFileRefused()
    return PairsFile(sender, certificate, payload)
