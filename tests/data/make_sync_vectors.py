"""Make the sync format's test vectors under tests/data/sync/v2/ and v3/ (docs/formats/sync.md).

Format 1's vectors stay in tests/data/sync/ as they were made: every later
version must refuse them exactly as its test says (format 1 is not read any
more; its files ask the partner to update).

Run once per format version and commit the result (a folder that already
holds vectors is left alone)::

    python tests/data/make_sync_vectors.py

The keys are fixed, published test keys (never a person's). Sealing uses fresh
randomness, so running this again makes different (equally valid) files: the
committed ones are the reference that every later version must still read or
refuse exactly as ``manifest.json`` says.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: import mentorpair from this tree
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from datetime import UTC, datetime

from mentorpair.crypto.identity import Identity
from mentorpair.domain.canonical import canonical_json
from mentorpair.domain.events import Event
from mentorpair.domain.model import Role
from mentorpair.sync.chain import GENESIS, sign_entry
from mentorpair.sync.devices import certify, remove_device
from mentorpair.sync.invitation import make_invitation
from mentorpair.sync.pairing import pairing_digest
from mentorpair.sync.update import seal_update

OUT = Path(__file__).resolve().parent / "sync" / "v2"
OUT_3 = Path(__file__).resolve().parent / "sync" / "v3"
#: When the v3 vectors' certificates and removals say they were made.
ISSUED = datetime(2026, 12, 5, 9, 30, tzinfo=UTC)
PAIR = "5e1f" * 8
OTHER_PAIR = "0ddba11" + "0" * 25
#: The pairing both test identities hold: digests of a made-up invitation and acceptance.
PAIRING = pairing_digest("1a" * 32, "2b" * 32)


def identity(tag: int) -> Identity:
    """A fixed test identity: its private keys are bytes derived from ``tag``."""
    seed = hashlib.sha512(f"mentorpair sync test vector identity {tag}".encode()).digest()
    return Identity.from_private_bytes(seed[:32], seed[32:64], hashlib.sha512(seed).digest())


def payload(sender: Identity, pair_id: str, extra: dict[str, Any] | None = None) -> bytes:
    """A small, realistic payload: two events of the sender's chain (the mentee's).

    ``extra``: format 3's fields (``devices``, ``removals``, ``private``).
    """
    events = [
        Event.from_dict(
            {
                "id": "a1" * 16,
                "pair": pair_id,
                "author": "mentee",
                "kind": "goal.created",
                "at": "2026-11-02T09:30:00.000000+00:00",
                "body": {"goal_id": "b2" * 16, "title": "Prepare for the consultant interview"},
                "clock": 1,
                "origin": sender.public().device_id,
                "seq": 1,
                "seen": {},
            }
        ),
        Event.from_dict(
            {
                "id": "c3" * 16,
                "pair": pair_id,
                "author": "mentee",
                "kind": "note.created",
                "at": "2026-11-02T09:45:00.000000+00:00",
                "body": {
                    "note_id": "d4" * 16,
                    "kind": "shared",
                    "title": "Before we meet",
                    "text": "Three things I want to talk about.",
                },
                "clock": 2,
                "origin": sender.public().device_id,
                "seq": 2,
                "seen": {},
            }
        ),
    ]
    prev, entries = GENESIS, []
    for event in events:
        entry, prev = sign_entry(sender, prev, event)
        entries.append(entry.to_dict())
    doc: dict[str, Any] = {"ack": {}, "got": 0, "confirmed": None, "entries": entries}
    doc.update(extra or {})
    return json.dumps(doc, separators=(",", ":")).encode()


def flip(data: bytes, position: int) -> bytes:
    damaged = bytearray(data)
    damaged[position] ^= 0x01
    return bytes(damaged)


def main() -> int:
    made = 0
    for folder, make in ((OUT, make_v2), (OUT_3, make_v3)):
        if folder.exists() and any(folder.iterdir()):
            continue  # vectors are never remade for a released version
        folder.mkdir(parents=True, exist_ok=True)
        make()
        made += 1
    if not made:
        raise SystemExit("every vector folder is full; vectors are never remade")
    return 0


def make_v2() -> None:
    """Format 2: one sender (the mentee's identity), four payload fields."""
    mentee, mentor, stranger = identity(1), identity(2), identity(3)
    body = payload(mentee, PAIR)
    good = seal_update(mentee, mentor.public(), PAIR, 1, body, PAIRING, version=2)
    newer = bytearray(good)
    newer[8:10] = (3).to_bytes(2, "big")
    vectors: dict[str, tuple[bytes, str, str]] = {
        "update-ok.mpu": (good, "ok", "a valid update of two events"),
        "update-empty.mpu": (b"", "UpdateRefused", "an empty file"),
        "update-truncated.mpu": (good[:-1], "UpdateRefused", "the last byte missing"),
        "update-truncated-chunk.mpu": (good[:4096], "UpdateRefused", "cut to 4 KiB"),
        "update-flipped-magic.mpu": (flip(good, 0), "UpdateRefused", "first byte changed"),
        "update-flipped-nonce.mpu": (flip(good, 20), "UpdateRefused", "header nonce changed"),
        "update-flipped-envelope.mpu": (flip(good, 600), "UpdateNotForMe", "envelope changed"),
        "update-flipped-body.mpu": (flip(good, 2000), "UpdateRefused", "body byte changed"),
        "update-flipped-last.mpu": (flip(good, len(good) - 1), "UpdateRefused", "last tag byte"),
        "update-newer-version.mpu": (bytes(newer), "MadeByNewerVersion", "format version 3"),
        "update-for-someone-else.mpu": (
            seal_update(mentee, stranger.public(), PAIR, 1, body, PAIRING, version=2),
            "UpdateNotForMe",
            "sealed to another person's key",
        ),
        "update-other-pair.mpu": (
            seal_update(mentee, mentor.public(), OTHER_PAIR, 1, body, PAIRING, version=2),
            "UpdateNotForMe",
            "for a pair the recipient does not have",
        ),
        "update-wrong-signer.mpu": (
            seal_update(stranger, mentor.public(), PAIR, 1, body, PAIRING, version=2),
            "UpdateRefused",
            "signed by someone other than the partner",
        ),
        "update-other-pairing.mpu": (
            seal_update(
                mentee,
                mentor.public(),
                PAIR,
                1,
                body,
                pairing_digest("3c" * 32, "4d" * 32),
                version=2,
            ),
            "UpdateRefused",
            "made for an earlier pairing of the same pair (or re-sealed by someone else)",
        ),
    }
    manifest: dict[str, Any] = {
        "pair": PAIR,
        "sender": "identity(1), mentee",
        "recipient": "identity(2), mentor",
        "payload_sha256": hashlib.sha256(body).hexdigest(),
        "vectors": [],
    }
    for name, (data, expect, note) in vectors.items():
        (OUT / name).write_bytes(data)
        manifest["vectors"].append({"file": name, "expect": expect, "note": note})
    invitation = make_invitation(mentee, PAIR, "Dr Test Mentee", Role.MENTEE)
    (OUT / "invitation-ok.txt").write_text(invitation)
    tampered = invitation.replace(invitation.splitlines()[3], invitation.splitlines()[3][::-1])
    (OUT / "invitation-tampered.txt").write_text(tampered)
    manifest["invitations"] = [
        {"file": "invitation-ok.txt", "expect": "ok", "note": "Dr Test Mentee, mentee"},
        {
            "file": "invitation-tampered.txt",
            "expect": "InvitationRefused",
            "note": "a line reversed",
        },
    ]
    (OUT / "payload.json").write_bytes(body)
    (OUT / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    print(f"wrote {len(vectors) + 2} vectors to {OUT}")


def make_v3() -> None:
    """Format 3: linked computers' certificates and removals, and the private stream."""
    mentee, mentor, stranger = identity(1), identity(2), identity(3)
    laptop, impostor = identity(4), identity(5)
    cert = certify(mentee, laptop.public(), 1, ISSUED).to_json()
    forged = certify(stranger, impostor.public(), 1, ISSUED).to_json()
    removal = remove_device(mentee, laptop.public().device_id, {PAIR: 0}, ISSUED).to_json()
    private = {
        "id": "e5" * 16, "pair": PAIR, "author": "mentee", "kind": "note.created",
        "at": "2026-11-02T10:00:00.000000+00:00",
        "body": {"note_id": "f6" * 16, "kind": "private", "title": "Mine", "text": "Only mine"},
        "clock": 2, "origin": mentee.public().device_id, "seq": 0, "seen": {},
    }  # fmt: skip
    empty = {"devices": [cert], "removals": [], "private": []}

    def sealed(sender: Identity, extra: dict[str, Any], version: int = 3) -> bytes:
        body = payload(sender, PAIR, extra)
        return seal_update(sender, mentor.public(), PAIR, 1, body, PAIRING, version=version)

    ok = sealed(mentee, empty)
    newer = bytearray(ok)
    newer[8:10] = (4).to_bytes(2, "big")
    vectors: dict[str, tuple[bytes, str, str]] = {
        "update-ok.mpu": (ok, "ok", "the mentee's first computer, naming their laptop"),
        "update-linked-ok.mpu": (
            sealed(laptop, empty), "ok",
            "the mentee's laptop (identity(4)), certified inside the update itself",
        ),
        "update-linked-uncertified.mpu": (
            sealed(laptop, {**empty, "devices": []}), "UpdateRefused",
            "the laptop without its certificate: an unknown sender",
        ),
        "update-forged-certificate.mpu": (
            sealed(impostor, {**empty, "devices": [cert, forged]}), "UpdateRefused",
            "a computer certified by someone other than the mentee",
        ),
        "update-removed-sender.mpu": (
            sealed(laptop, {**empty, "removals": [removal]}), "UpdateRefused",
            "the laptop, sending with its own removal in the update",
        ),
        "update-private-to-partner.mpu": (
            sealed(mentee, {**empty, "private": [private]}), "UpdateRefused",
            "a private note in an update to the partner",
        ),
        "update-missing-field.mpu": (
            sealed(mentee, {"devices": [], "removals": []}), "UpdateRefused",
            "format 3 without its private field",
        ),
        "update-format-2.mpu": (
            sealed(mentee, {}, version=2), "ok", "format 2, still read (no devices)",
        ),
        "update-newer-version.mpu": (bytes(newer), "MadeByNewerVersion", "format version 4"),
    }  # fmt: skip
    manifest: dict[str, Any] = {
        "pair": PAIR,
        "pairing": PAIRING.hex(),
        "sender": "identity(1), mentee (first computer); identity(4), the mentee's laptop",
        "recipient": "identity(2), mentor",
        "certificate": canonical_json(cert).decode(),
        "vectors": [],
    }
    for name, (data, expect, note) in vectors.items():
        (OUT_3 / name).write_bytes(data)
        manifest["vectors"].append({"file": name, "expect": expect, "note": note})
    (OUT_3 / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    print(f"wrote {len(vectors)} vectors to {OUT_3}")


if __name__ == "__main__":
    raise SystemExit(main())
