r"""Linking a person's computers: certificates, removals, link documents and the link bundle.

A person's identity (``crypto/identity.py``) is their first device. Each
further computer gets keys of its own (its *device keys*, which sign its own
chain in every pair) and a :class:`DeviceCertificate`, signed by the
identity, that says "these device keys are mine". A :class:`DeviceRemoval`,
also signed by the identity, says "stop accepting that device's changes after
these points".

Linking a new computer takes four steps, with nothing but text and one file:

1. The old computer makes a *link offer* (:func:`make_link_offer`): the
   person's public keys, their name, a fresh 32-byte secret and an expiry
   one hour ahead, signed by the identity.
2. The new computer reads it and makes a *link answer*
   (:func:`make_link_answer`) with fresh device keys, naming the offer and
   proving it knows the secret; the old computer checks it
   (:func:`check_link_answer`).
3. Both computers show the *link code* (:func:`link_code`); the person
   compares the two screens side by side.
4. Only then does the old computer seal the *link bundle*
   (:func:`seal_link_bundle`): the certificate, the identity's private keys
   and a payload, sealed to the new device's keys alone.

**A stolen offer lets its holder answer it**: the offer carries its secret,
so whoever copies the text can make an answer the old computer accepts. What
exposes that is the link code: it covers the person's keys, the answering
device's keys and the secret, so the thief's answer shows a code on the old
computer that differs from the one the person's new computer shows. The
person must compare all twenty digits before the bundle is sealed.

Format (``docs/formats/devices.md``): the documents are armoured canonical
JSON (``armour.py``); the bundle is a short binary header and an HPKE seal.
This module is pure: it stores nothing and shows nothing.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import struct
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from mentorpair.crypto import hybrid
from mentorpair.crypto.digest import hmac_sha256, same_digest, sha256
from mentorpair.crypto.identity import Identity, PublicIdentity
from mentorpair.crypto.random import random_bytes
from mentorpair.domain.canonical import MAX_INT, canonical_json, check_depth
from mentorpair.domain.profile import clean_display_name
from mentorpair.errors import DeviceRefused, LinkExpired, LinkRefused, MadeByNewerVersion
from mentorpair.sync.armour import armour, unarmour

__all__ = [
    "LINK_LIFETIME",
    "MAX_BUNDLE_SIZE",
    "MAX_DEVICES",
    "MAX_DOCUMENT_CHARS",
    "MAX_REMOVAL_PAIRS",
    "DeviceCertificate",
    "DeviceRemoval",
    "LinkAnswer",
    "LinkBundle",
    "LinkOffer",
    "certify",
    "check_link_answer",
    "link_code",
    "make_link_answer",
    "make_link_offer",
    "open_link_bundle",
    "read_link_document",
    "remove_device",
    "seal_link_bundle",
]

FORMAT = "mentorpair-link"
VERSION = 1
#: A device number is 1 for the first computer linked, 2 for the next, …
MAX_DEVICES = 1000
#: Pairs one removal may name.
MAX_REMOVAL_PAIRS = 10_000
LINK_LIFETIME = timedelta(hours=1)
SECRET_LENGTH = 32
#: More than any real link document (about 2,800 characters); checked before decoding.
MAX_DOCUMENT_CHARS = 16 * 1024
#: The largest link bundle made or opened, checked before any cryptography runs.
MAX_BUNDLE_SIZE = 256 * 1024 * 1024
MAGIC = b"MPLINK\x00\x00"
_HEADER = struct.Struct(">8sHH")
HEADER_LENGTH = _HEADER.size  # 12

_CERTIFICATE_DOMAIN = b"mentorpair/v1/device-certificate\x00"
_REMOVAL_DOMAIN = b"mentorpair/v1/device-removal\x00"
_OFFER_DOMAIN = b"mentorpair/v1/link-offer\x00"
_ANSWER_DOMAIN = b"mentorpair/v1/link-answer-document\x00"
_PROOF_DOMAIN = b"mentorpair/v1/link-answer\x00"
_CODE_DOMAIN = b"mentorpair/v1/link-code\x00"
_BUNDLE_INFO = b"mentorpair/v1/link-bundle\x00"
_BUNDLE_SIG_DOMAIN = b"mentorpair/v1/link-bundle-signature\x00"

_OFFER_LABEL = "LINK OFFER"
_ANSWER_LABEL = "LINK ANSWER"
_HEX32 = re.compile(r"[0-9a-f]{32}")
_HEX64 = re.compile(r"[0-9a-f]{64}")
_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00Z")
_TIME_FORMAT = "%Y-%m-%dT%H:%M:00Z"
_KEY_FIELDS = {"signing", "agreement", "kem"}
_CERTIFICATE_FIELDS = {"person", "device", "number", "issued", "sig"}
_REMOVAL_FIELDS = {"person", "device_id", "cutoffs", "issued", "sig"}
_OFFER_FIELDS = {"format", "version", "kind", "person", "name", "secret", "expires", "sig"}
_ANSWER_FIELDS = {"format", "version", "kind", "device", "answers", "proof", "sig"}
_BUNDLE_FIELDS = {"certificate", "identity", "payload", "sig"}
_PRIVATE_FIELDS = {"signing": 32, "agreement": 32, "kem_seed": 64}
#: What any of the readers below may raise on malformed input; all become known errors.
_MALFORMED = (KeyError, TypeError, ValueError, binascii.Error, OverflowError, RecursionError)


# ------------------------------------------------------------------ encoding helpers


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(value: object, length: int | None = None) -> bytes:
    """Strict base64: padded, no stray characters, no unused bits, the exact ``length``."""
    if not isinstance(value, str) or not value.isascii():
        raise ValueError("not base64 text")
    data = base64.b64decode(value, validate=True)
    if _b64(data) != value or (length is not None and len(data) != length):
        raise ValueError("not the canonical base64 of the right size")
    return data


def _keys_json(keys: PublicIdentity) -> dict[str, str]:
    return {"signing": _b64(keys.signing), "agreement": _b64(keys.agreement), "kem": _b64(keys.kem)}


def _keys_from_json(obj: object) -> PublicIdentity:
    if not isinstance(obj, dict) or set(obj) != _KEY_FIELDS:
        raise ValueError("keys")
    keys = PublicIdentity(
        signing=_unb64(obj["signing"]), agreement=_unb64(obj["agreement"]), kem=_unb64(obj["kem"])
    )
    keys.verify_key()
    keys.hpke_public_key()  # an ML-KEM key that does not decode is refused here
    return keys


def _distinct(person: PublicIdentity, device: PublicIdentity) -> bool:
    """Whether no key of ``device`` is the matching key of ``person``."""
    return (
        person.signing != device.signing
        and person.agreement != device.agreement
        and person.kem != device.kem
    )


def _minute(now: datetime) -> datetime:
    """``now`` in UTC, cut to the whole minute."""
    if not isinstance(now, datetime) or now.utcoffset() is None:
        raise ValueError("a time must be a timezone-aware datetime")
    return now.astimezone(UTC).replace(second=0, microsecond=0)


def _check_minute(value: object) -> None:
    if (
        not isinstance(value, datetime)
        or value.utcoffset() != timedelta(0)
        or value.second
        or value.microsecond
    ):
        raise ValueError("times are UTC, in whole minutes")


def _time(value: datetime) -> str:
    return value.astimezone(UTC).strftime(_TIME_FORMAT)


def _parse_time(value: object) -> datetime:
    if not isinstance(value, str) or not _TIME.fullmatch(value):
        raise ValueError("time")
    return datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)


def _whole(value: object, low: int, high: int) -> int:
    if type(value) is not int or not low <= value <= high:
        raise ValueError("number out of range")
    return value


# ------------------------------------------------------------------ certificate and removal


@dataclass(frozen=True, slots=True)
class DeviceCertificate:
    """The identity's word that ``device`` is one of the person's computers.

    Attributes:
        person: the person's identity keys (their first device).
        device: the linked computer's own keys.
        number: 1 for the first computer linked, 2 for the next, …
        issued: when it was signed (UTC, whole minutes).
        sig: Ed25519 by ``person`` over the purpose and the other fields.
    """

    person: PublicIdentity
    device: PublicIdentity
    number: int
    issued: datetime
    sig: bytes = field(repr=False)

    def __post_init__(self) -> None:
        _whole(self.number, 1, MAX_DEVICES)
        _check_minute(self.issued)
        if not isinstance(self.sig, bytes):
            raise ValueError("the signature must be bytes")

    def _signed(self) -> bytes:
        return _CERTIFICATE_DOMAIN + canonical_json(self._unsigned())

    def _unsigned(self) -> dict[str, Any]:
        return {
            "person": _keys_json(self.person),
            "device": _keys_json(self.device),
            "number": self.number,
            "issued": _time(self.issued),
        }

    def to_json(self) -> dict[str, Any]:
        """The certificate as a JSON object (``docs/formats/devices.md``)."""
        return {**self._unsigned(), "sig": _b64(self.sig)}

    @classmethod
    def from_json(cls, obj: object) -> DeviceCertificate:
        """Read what :meth:`to_json` wrote; the signature is checked by :meth:`verifies_for`.

        Raises:
            DeviceRefused: a field is missing, extra, of the wrong type or size.
        """
        try:
            if not isinstance(obj, dict) or set(obj) != _CERTIFICATE_FIELDS:
                raise ValueError("fields")
            certificate = cls(
                person=_keys_from_json(obj["person"]),
                device=_keys_from_json(obj["device"]),
                number=_whole(obj["number"], 1, MAX_DEVICES),
                issued=_parse_time(obj["issued"]),
                sig=_unb64(obj["sig"], 64),
            )
        except _MALFORMED:
            raise DeviceRefused() from None
        if not _distinct(certificate.person, certificate.device):
            raise DeviceRefused()
        return certificate

    def verifies_for(self, person: PublicIdentity) -> bool:
        """Whether ``person`` signed this for device keys that are not their own."""
        return (
            self.person == person
            and _distinct(person, self.device)
            and person.verifies(self.sig, self._signed())
        )


def certify(
    identity: Identity, device: PublicIdentity, number: int, now: datetime
) -> DeviceCertificate:
    """The identity's certificate for ``device``, the ``number``-th computer linked.

    Raises:
        ValueError: ``device`` shares a key with the identity, or ``number`` is
            outside 1 … :data:`MAX_DEVICES`.
    """
    person = identity.public()
    if not _distinct(person, device):
        raise ValueError("a device needs keys of its own")
    unsigned = DeviceCertificate(person, device, _whole(number, 1, MAX_DEVICES), _minute(now), b"")
    return DeviceCertificate(
        person, device, number, unsigned.issued, identity.sign(unsigned._signed())
    )


@dataclass(frozen=True, slots=True)
class DeviceRemoval:
    """The identity's word that a linked computer is no longer the person's.

    Attributes:
        person: the person's identity keys.
        device_id: the removed computer's device id (32 hex digits).
        cutoffs: pair id -> the last ``seq`` of that computer's chain still
            accepted in that pair (0: none). Pairs not named accept none.
        issued: when it was signed (UTC, whole minutes).
        sig: Ed25519 by ``person`` over the purpose and the other fields.
    """

    person: PublicIdentity
    device_id: str
    cutoffs: dict[str, int]
    issued: datetime
    sig: bytes = field(repr=False)

    def __post_init__(self) -> None:
        if not isinstance(self.device_id, str) or not _HEX32.fullmatch(self.device_id):
            raise ValueError("a device id is 32 lower-case hex digits")
        if not isinstance(self.cutoffs, dict) or len(self.cutoffs) > MAX_REMOVAL_PAIRS:
            raise ValueError("too many pairs")
        for pair_id, seq in self.cutoffs.items():
            if not isinstance(pair_id, str) or not _HEX32.fullmatch(pair_id):
                raise ValueError("a pair id is 32 lower-case hex digits")
            _whole(seq, 0, MAX_INT)
        _check_minute(self.issued)
        if not isinstance(self.sig, bytes):
            raise ValueError("the signature must be bytes")

    def _signed(self) -> bytes:
        return _REMOVAL_DOMAIN + canonical_json(self._unsigned())

    def _unsigned(self) -> dict[str, Any]:
        return {
            "person": _keys_json(self.person),
            "device_id": self.device_id,
            "cutoffs": dict(self.cutoffs),
            "issued": _time(self.issued),
        }

    def to_json(self) -> dict[str, Any]:
        """The removal as a JSON object (``docs/formats/devices.md``)."""
        return {**self._unsigned(), "sig": _b64(self.sig)}

    @classmethod
    def from_json(cls, obj: object) -> DeviceRemoval:
        """Read what :meth:`to_json` wrote; the signature is checked by :meth:`verifies_for`.

        Raises:
            DeviceRefused: a field is missing, extra, of the wrong type or size,
                or it removes the identity's own device.
        """
        try:
            if not isinstance(obj, dict) or set(obj) != _REMOVAL_FIELDS:
                raise ValueError("fields")
            cutoffs = obj["cutoffs"]
            if not isinstance(cutoffs, dict) or len(cutoffs) > MAX_REMOVAL_PAIRS:
                raise ValueError("cutoffs")
            removal = cls(
                person=_keys_from_json(obj["person"]),
                device_id=obj["device_id"],
                cutoffs=dict(cutoffs),
                issued=_parse_time(obj["issued"]),
                sig=_unb64(obj["sig"], 64),
            )
        except _MALFORMED:
            raise DeviceRefused() from None
        if removal.device_id == removal.person.device_id:
            raise DeviceRefused()
        return removal

    def verifies_for(self, person: PublicIdentity) -> bool:
        """Whether ``person`` signed this, for a device other than the identity's own."""
        return (
            self.person == person
            and self.device_id != person.device_id
            and person.verifies(self.sig, self._signed())
        )


def remove_device(
    identity: Identity, device_id: str, cutoffs: dict[str, int], now: datetime
) -> DeviceRemoval:
    """The identity's removal of the computer ``device_id``.

    A computer that held the identity's private keys keeps them: a removal
    tells the person's partners and other computers to accept none of its
    later changes, but it does not take back what it knows (see
    ``docs/formats/devices.md``, *Threats*).

    Raises:
        DeviceRefused: ``device_id`` is the identity's own device.
        ValueError: a malformed id, pair id or cutoff, or more than
            :data:`MAX_REMOVAL_PAIRS` pairs.
    """
    person = identity.public()
    if device_id == person.device_id:
        raise DeviceRefused(
            "The computer your vault was first made on cannot be removed from your "
            "computers. Nothing was changed."
        )
    unsigned = DeviceRemoval(person, device_id, dict(cutoffs), _minute(now), b"")
    return DeviceRemoval(
        person, device_id, unsigned.cutoffs, unsigned.issued, identity.sign(unsigned._signed())
    )


# ------------------------------------------------------------------ link offer and answer


@dataclass(frozen=True, slots=True)
class LinkOffer:
    """The old computer's offer to link a new one; valid until ``expires``.

    Anyone who holds the offer can answer it (it carries its secret); the link
    code is what tells the person whether the answer came from their computer.

    Attributes:
        person: the person's identity keys.
        name: the person's display name, for the new computer to show.
        secret: 32 random bytes; the answer's proof and the link code use it.
        expires: one hour after it was made (UTC, whole minutes).
        sig: Ed25519 by ``person`` over the purpose and the other fields.
    """

    person: PublicIdentity
    name: str
    secret: bytes = field(repr=False)
    expires: datetime
    sig: bytes = field(repr=False)

    def _unsigned(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "kind": "offer",
            "person": _keys_json(self.person),
            "name": self.name,
            "secret": _b64(self.secret),
            "expires": _time(self.expires),
        }

    def _signed(self) -> bytes:
        return _OFFER_DOMAIN + canonical_json(self._unsigned())

    def to_json(self) -> dict[str, Any]:
        """The offer as a JSON object, signature included."""
        return {**self._unsigned(), "sig": _b64(self.sig)}

    def armoured(self) -> str:
        """The offer as text between BEGIN and END lines, to paste or save."""
        return armour(_OFFER_LABEL, canonical_json(self.to_json()))

    @property
    def digest(self) -> str:
        """SHA-256 of the offer's canonical JSON, signature included (what answers name)."""
        return sha256(canonical_json(self.to_json())).hex()


@dataclass(frozen=True, slots=True)
class LinkAnswer:
    """The new computer's answer to a link offer.

    Attributes:
        device: the new computer's fresh device keys.
        answers: the offer's :attr:`LinkOffer.digest`.
        proof: HMAC-SHA256 under the offer's secret over the purpose, the
            offer's digest and the device keys.
        sig: Ed25519 by ``device`` over the purpose and the other fields.
    """

    device: PublicIdentity
    answers: str
    proof: bytes
    sig: bytes = field(repr=False)

    def __post_init__(self) -> None:
        if not isinstance(self.answers, str) or not _HEX64.fullmatch(self.answers):
            raise ValueError("answers is 64 lower-case hex digits")

    def _unsigned(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "kind": "answer",
            "device": _keys_json(self.device),
            "answers": self.answers,
            "proof": _b64(self.proof),
        }

    def _signed(self) -> bytes:
        return _ANSWER_DOMAIN + canonical_json(self._unsigned())

    def to_json(self) -> dict[str, Any]:
        """The answer as a JSON object, signature included."""
        return {**self._unsigned(), "sig": _b64(self.sig)}

    def armoured(self) -> str:
        """The answer as text between BEGIN and END lines, to paste or save."""
        return armour(_ANSWER_LABEL, canonical_json(self.to_json()))


def _proof(secret: bytes, answers: str, device: PublicIdentity) -> bytes:
    return hmac_sha256(secret, _PROOF_DOMAIN, bytes.fromhex(answers), device.encoded())


def make_link_offer(identity: Identity, name: str, now: datetime) -> LinkOffer:
    """A new link offer from ``identity``, valid for an hour from ``now``.

    Whoever gets hold of the offer can answer it; the link code (:func:`link_code`)
    is what exposes such an answer, so the person must compare it.

    Raises:
        InvalidDisplayName: ``name`` is empty, too long or has invisible characters.
    """
    person = identity.public()
    expires = _minute(now) + LINK_LIFETIME
    unsigned = LinkOffer(
        person, clean_display_name(name), random_bytes(SECRET_LENGTH), expires, b""
    )
    return LinkOffer(
        person, unsigned.name, unsigned.secret, expires, identity.sign(unsigned._signed())
    )


def make_link_answer(offer: LinkOffer, device: Identity) -> LinkAnswer:
    """The answer to ``offer`` from the new computer, whose keys are ``device``.

    ``device`` must be made fresh for this offer (``Identity.generate()``),
    after the offer was read: the link code resists a look-alike search only
    because neither side can choose its keys after seeing the other's.

    Raises:
        LinkRefused: the offer's signature does not hold.
        ValueError: ``device`` shares a key with the person.
    """
    if not offer.person.verifies(offer.sig, offer._signed()):
        raise LinkRefused()
    public = device.public()
    if not _distinct(offer.person, public):
        raise ValueError("a device needs keys of its own")
    answers = offer.digest
    unsigned = LinkAnswer(public, answers, _proof(offer.secret, answers, public), b"")
    return LinkAnswer(public, answers, unsigned.proof, device.sign(unsigned._signed()))


def check_link_answer(offer: LinkOffer, answer: LinkAnswer, now: datetime) -> None:
    """Check on the old computer that ``answer`` answers this, its own, ``offer``.

    A valid answer proves only that its sender saw the offer; the person's
    comparison of the link code is what proves it is their computer.

    Raises:
        LinkExpired: ``now`` is after the offer's expiry.
        LinkRefused: it answers another offer, its proof or signature does not
            hold, or its keys are the person's own.
    """
    _minute(now)  # refuses a time without a time zone
    if now > offer.expires:
        raise LinkExpired()
    if not same_digest(answer.answers.encode(), offer.digest.encode()):
        raise LinkRefused(
            "This answer belongs to another link, perhaps an older one, so the computers "
            "were not linked. Nothing was changed. Start again on your other computer."
        )
    if (
        not _distinct(offer.person, answer.device)
        or not isinstance(answer.proof, bytes)
        or not same_digest(answer.proof, _proof(offer.secret, answer.answers, answer.device))
        or not answer.device.verifies(answer.sig, answer._signed())
    ):
        raise LinkRefused()


def read_link_document(text: str) -> LinkOffer | LinkAnswer:
    """Find, decode and check the first link offer or answer in ``text``.

    ``text`` may be a whole e-mail: everything outside the block is ignored,
    as are line breaks and the ``>`` of a quoted reply inside it. The
    signature is checked (by the keys the document carries); whether an
    answer fits an offer is :func:`check_link_answer`'s part.

    Raises:
        LinkRefused: no block, or it is damaged or altered.
        MadeByNewerVersion: made by a newer mentorpair.
    """
    if not isinstance(text, str):
        raise LinkRefused()
    if len(text) > MAX_DOCUMENT_CHARS:
        raise LinkRefused("This is far too long to be a mentorpair link.")
    try:
        found = unarmour(text, [_OFFER_LABEL, _ANSWER_LABEL])
    except ValueError:
        raise LinkRefused() from None
    if found is None:
        raise LinkRefused(
            "No mentorpair link was found in this text. Copy the whole block, from the "
            "BEGIN line to the END line."
        )
    label, doc, raw = found
    if not isinstance(doc, dict):
        raise LinkRefused()
    version = doc.get("version")
    if doc.get("format") == FORMAT and type(version) is int and version > VERSION:
        raise MadeByNewerVersion(
            "This link was made by a newer version of mentorpair. Please update the app "
            "on this computer, then link again. Nothing was changed."
        )
    try:
        if canonical_json(doc) != raw or doc.get("format") != FORMAT or version != VERSION:
            raise ValueError("not canonical, or not this format")
        parsed: LinkOffer | LinkAnswer
        if label == _OFFER_LABEL:
            parsed = _parse_offer(doc)
            signer = parsed.person
        else:
            parsed = _parse_answer(doc)
            signer = parsed.device
    except _MALFORMED:
        raise LinkRefused() from None
    if not signer.verifies(parsed.sig, parsed._signed()):
        raise LinkRefused()
    return parsed


def _parse_offer(doc: dict[str, Any]) -> LinkOffer:
    if set(doc) != _OFFER_FIELDS or doc["kind"] != "offer":
        raise ValueError("fields")
    name = doc["name"]
    if not isinstance(name, str) or clean_display_name(name) != name:
        raise ValueError("name")
    return LinkOffer(
        person=_keys_from_json(doc["person"]),
        name=name,
        secret=_unb64(doc["secret"], SECRET_LENGTH),
        expires=_parse_time(doc["expires"]),
        sig=_unb64(doc["sig"], 64),
    )


def _parse_answer(doc: dict[str, Any]) -> LinkAnswer:
    if set(doc) != _ANSWER_FIELDS or doc["kind"] != "answer":
        raise ValueError("fields")
    return LinkAnswer(
        device=_keys_from_json(doc["device"]),
        answers=doc["answers"],
        proof=_unb64(doc["proof"], 32),
        sig=_unb64(doc["sig"], 64),
    )


def link_code(person: PublicIdentity, device: PublicIdentity, secret: bytes) -> str:
    """Twenty digits in four groups of five, e.g. ``"01234 56789 01234 56789"``.

    Both computers show it; the person compares them side by side. SHA-256
    over a purpose string, the person's keys, the device's keys and the
    offer's secret; each group is five bytes of the digest modulo 10^5 (as in
    ``identity.fingerprint``). Any change of keys or secret changes it.
    """
    if not isinstance(secret, bytes) or len(secret) != SECRET_LENGTH:
        raise ValueError("the secret is 32 bytes")
    digest = sha256(_CODE_DOMAIN, person.encoded(), device.encoded(), secret)
    groups = [int.from_bytes(digest[i : i + 5], "big") % 100_000 for i in range(0, 20, 5)]
    return " ".join(f"{g:05d}" for g in groups)


# ------------------------------------------------------------------ link bundle


@dataclass(frozen=True, slots=True)
class LinkBundle:
    """An opened link bundle: what the new computer needs to become the person's.

    Attributes:
        certificate: the identity's certificate for this computer's keys.
        identity: the person's identity, private keys included.
        payload: what the old computer sent along (the vault's content).
    """

    certificate: DeviceCertificate
    identity: Identity
    payload: bytes = field(repr=False)


_TOO_LARGE = (
    "There is too much in this vault to link another computer in one step (more than "
    "256 MB). Nothing was changed. Please tell us: this should not happen with notes."
)
_NOT_FOR_ME = (
    "This link file was made for another computer, or it was changed on its way, so the "
    "computers were not linked. Nothing was changed. Start again on your other computer."
)


def _info(header: bytes, device: PublicIdentity) -> bytes:
    return _BUNDLE_INFO + header + bytes.fromhex(device.device_id)


def seal_link_bundle(
    identity: Identity, certificate: DeviceCertificate, payload: bytes, secret: bytes
) -> bytes:
    """Seal the identity, ``certificate`` and ``payload`` to the certified device alone.

    Call only after the person confirmed that both computers show the same
    link code: the bundle holds the identity's private keys.

    Raises:
        LinkRefused: the bundle would be larger than :data:`MAX_BUNDLE_SIZE`.
        ValueError: ``certificate`` is not the identity's, or ``secret`` is not
            the offer's 32 bytes.
    """
    person = identity.public()
    if not certificate.verifies_for(person):
        raise ValueError("the certificate is not this identity's")
    if not isinstance(secret, bytes) or len(secret) != SECRET_LENGTH:
        raise ValueError("the secret is 32 bytes")
    if not isinstance(payload, bytes) or len(payload) > MAX_BUNDLE_SIZE:
        raise LinkRefused(_TOO_LARGE)
    header = _HEADER.pack(MAGIC, VERSION, 0)
    signing, agreement, kem_seed = identity.private_bytes()
    doc: dict[str, Any] = {
        "certificate": certificate.to_json(),
        "identity": {
            "signing": _b64(signing),
            "agreement": _b64(agreement),
            "kem_seed": _b64(kem_seed),
        },
        "payload": _b64(payload),
    }
    doc["sig"] = _b64(identity.sign(_BUNDLE_SIG_DOMAIN + header + secret + canonical_json(doc)))
    plain = canonical_json(doc)
    if HEADER_LENGTH + hybrid.OVERHEAD + len(plain) > MAX_BUNDLE_SIZE:
        raise LinkRefused(_TOO_LARGE)
    device = certificate.device
    return header + hybrid.seal(device.hybrid_public_bytes(), plain, _info(header, device))


def open_link_bundle(data: bytes, device: Identity, offer: LinkOffer) -> LinkBundle:
    """Open on the new computer the bundle sealed to ``device`` after ``offer``.

    Raises:
        LinkRefused: too large, damaged, sealed to another computer, not made by
            the person who made ``offer``, or for another link.
        MadeByNewerVersion: made by a newer mentorpair.
    """
    if not isinstance(data, bytes) or len(data) > MAX_BUNDLE_SIZE:
        raise LinkRefused("This is far too large to be a mentorpair link file.")
    if len(data) < HEADER_LENGTH + hybrid.OVERHEAD:
        raise LinkRefused()
    header = data[:HEADER_LENGTH]
    magic, version, flags = _HEADER.unpack(header)
    if magic != MAGIC:
        raise LinkRefused()
    if version > VERSION:
        raise MadeByNewerVersion(
            "This link file was made by a newer version of mentorpair. Please update the "
            "app on this computer, then link again. Nothing was changed."
        )
    if version != VERSION or flags != 0:
        raise LinkRefused()
    public = device.public()
    try:
        plain = hybrid.open_sealed(
            device.hpke_private_key(), data[HEADER_LENGTH:], _info(header, public)
        )
    except hybrid.OpenFailed:
        raise LinkRefused(_NOT_FOR_ME) from None
    try:
        check_depth(plain)
        doc = json.loads(plain.decode("utf-8"))
        if not isinstance(doc, dict) or set(doc) != _BUNDLE_FIELDS:
            raise ValueError("fields")
        if canonical_json(doc) != plain:
            raise ValueError("not canonical")
        certificate = DeviceCertificate.from_json(doc["certificate"])
        private = doc["identity"]
        if not isinstance(private, dict) or set(private) != set(_PRIVATE_FIELDS):
            raise ValueError("identity")
        identity = Identity.from_private_bytes(
            *(_unb64(private[name], size) for name, size in _PRIVATE_FIELDS.items())
        )
        payload = _unb64(doc["payload"])
        signature = _unb64(doc["sig"], 64)
    except (*_MALFORMED, DeviceRefused):
        raise LinkRefused() from None
    if certificate.device != public:
        raise LinkRefused(_NOT_FOR_ME)
    if identity.public() != offer.person or not certificate.verifies_for(offer.person):
        raise LinkRefused()
    unsigned = {k: v for k, v in doc.items() if k != "sig"}
    message = _BUNDLE_SIG_DOMAIN + header + offer.secret + canonical_json(unsigned)
    if not offer.person.verifies(signature, message):
        raise LinkRefused()
    return LinkBundle(certificate, identity, payload)
