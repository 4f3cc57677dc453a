"""Make the linked-devices test vectors under tests/data/devices/ (docs/formats/devices.md).

Run once per format version and commit the result::

    python tests/data/make_device_vectors.py

Each folder is made once: ``v1/`` (certificates, removals, link documents and
the bundle) and ``pairs-v1/`` (the file of pairs, ``sync/pairsfile.py``).

The keys are fixed, published test keys (never a person's), and the times are
fixed. The offer's secret and the bundle's seal use fresh randomness, so
running this again makes different (equally valid) files: the committed ones
are the reference that every later version must still read, verify or refuse
exactly as ``manifest.json`` says.
"""

from __future__ import annotations

import hashlib
import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: import mentorpair from this tree
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from mentorpair.crypto.identity import Identity
from mentorpair.domain.canonical import canonical_json
from mentorpair.sync.devices import (
    certify,
    check_link_answer,
    link_code,
    make_link_answer,
    make_link_offer,
    remove_device,
    seal_link_bundle,
)
from mentorpair.sync.pairsfile import seal_pairs_file

OUT = Path(__file__).resolve().parent / "devices" / "v1"
OUT_PAIRS = Path(__file__).resolve().parent / "devices" / "pairs-v1"
NOW = datetime(2026, 11, 2, 9, 30, tzinfo=UTC)
NAME = "Dr Test Person"
PAIRS = {"5e1f" * 8: 12, "0ddba11" + "0" * 25: 0}
PAYLOAD = b'{"vault":"a made-up vault for the device test vectors"}'


def identity(tag: int) -> Identity:
    """A fixed test identity: its private keys are bytes derived from ``tag``."""
    seed = hashlib.sha512(f"mentorpair device test vector identity {tag}".encode()).digest()
    return Identity.from_private_bytes(seed[:32], seed[32:64], hashlib.sha512(seed).digest())


def main() -> int:
    if not (OUT_PAIRS.exists() and any(OUT_PAIRS.iterdir())):
        make_pairs_v1()
    if OUT.exists() and any(OUT.iterdir()):
        print(f"{OUT} is not empty; vectors are never remade for a released version")
        return 0
    OUT.mkdir(parents=True, exist_ok=True)
    person, device, stranger = identity(1), identity(2), identity(3)
    offer = make_link_offer(person, NAME, NOW)
    answer = make_link_answer(offer, device)
    check_link_answer(offer, answer, NOW)
    certificate = certify(person, device.public(), 1, NOW)
    removal = remove_device(person, device.public().device_id, PAIRS, NOW)
    bundle = seal_link_bundle(person, certificate, PAYLOAD, offer.secret)
    newer = bytearray(bundle)
    newer[8:10] = (2).to_bytes(2, "big")
    altered = certificate.to_json()
    altered["number"] = 2
    files: dict[str, tuple[bytes, str, str, str]] = {
        "certificate-ok.json": (_json(certificate.to_json()), "certificate", "ok", "device 1"),
        "certificate-altered.json": (
            _json(altered),
            "certificate",
            "does not verify",
            "number changed from 1 to 2 after signing",
        ),
        "certificate-by-stranger.json": (
            _json(
                {
                    **certify(stranger, device.public(), 1, NOW).to_json(),
                    "person": altered["person"],
                }
            ),
            "certificate",
            "does not verify",
            "signed by identity(3) under identity(1)'s keys",
        ),
        "removal-ok.json": (_json(removal.to_json()), "removal", "ok", "device 1, two pairs"),
        "offer-ok.txt": (offer.armoured().encode(), "offer", "ok", NAME),
        "answer-ok.txt": (answer.armoured().encode(), "answer", "ok", "answers offer-ok.txt"),
        "bundle-ok.mplink": (bundle, "bundle", "ok", "sealed to identity(2)"),
        "bundle-truncated.mplink": (bundle[:-1], "bundle", "LinkRefused", "last byte missing"),
        "bundle-newer-version.mplink": (
            bytes(newer),
            "bundle",
            "MadeByNewerVersion",
            "format version 2",
        ),
    }
    manifest: dict[str, Any] = {
        "now": "2026-11-02T09:30:00Z",
        "person": "identity(1)",
        "device": "identity(2)",
        "name": NAME,
        "link_code": link_code(offer.person, answer.device, offer.secret),
        "payload_sha256": hashlib.sha256(PAYLOAD).hexdigest(),
        "cutoffs": PAIRS,
        "vectors": [],
    }
    for name, (data, kind, expect, note) in files.items():
        (OUT / name).write_bytes(data)
        manifest["vectors"].append({"file": name, "kind": kind, "expect": expect, "note": note})
    (OUT / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    print(f"wrote {len(files)} vectors to {OUT}")
    return 0


def make_pairs_v1() -> None:
    """The file of pairs: from the first computer, from a linked one, and refusals."""
    OUT_PAIRS.mkdir(parents=True, exist_ok=True)
    person, device, stranger = identity(1), identity(2), identity(3)
    certificate = certify(person, device.public(), 1, NOW)
    to_device = seal_pairs_file(person, None, device.public(), PAYLOAD)
    to_first = seal_pairs_file(device, certificate, person.public(), PAYLOAD)
    newer = bytearray(to_device)
    newer[8:10] = (2).to_bytes(2, "big")
    files: dict[str, tuple[bytes, str, str, str]] = {
        "pairs-ok.mppairs": (to_device, "identity(2)", "ok", "from the first computer"),
        "pairs-from-linked-ok.mppairs": (
            to_first, "identity(1)", "ok", "from identity(2), certified as computer 1",
        ),
        "pairs-by-stranger.mppairs": (
            seal_pairs_file(stranger, None, device.public(), PAYLOAD), "identity(2)",
            "PairsFileRefused", "signed by identity(3), not the person's",
        ),
        "pairs-for-another.mppairs": (
            seal_pairs_file(person, None, stranger.public(), PAYLOAD), "identity(2)",
            "PairsFileRefused", "sealed to identity(3)",
        ),
        "pairs-truncated.mppairs": (
            to_device[:-1], "identity(2)", "PairsFileRefused", "last byte missing",
        ),
        "pairs-newer-version.mppairs": (
            bytes(newer), "identity(2)", "MadeByNewerVersion", "format version 2",
        ),
    }  # fmt: skip
    manifest: dict[str, Any] = {
        "person": "identity(1)",
        "payload_sha256": hashlib.sha256(PAYLOAD).hexdigest(),
        "certificate": canonical_json(certificate.to_json()).decode(),
        "vectors": [],
    }
    for name, (data, opener, expect, note) in files.items():
        (OUT_PAIRS / name).write_bytes(data)
        manifest["vectors"].append(
            {"file": name, "opened_by": opener, "expect": expect, "note": note}
        )
    (OUT_PAIRS / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    print(f"wrote {len(files)} vectors to {OUT_PAIRS}")


def _json(doc: dict[str, Any]) -> bytes:
    return canonical_json(doc) + b"\n"


if __name__ == "__main__":
    raise SystemExit(main())
