"""The committed test vectors of docs/formats/devices.md still read, verify or are refused.

Format 1 (``tests/data/devices/v1/``, made by ``tests/data/make_device_vectors.py``):
every file reads, verifies, opens or is refused exactly as its manifest says.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from mentorpair import errors
from mentorpair.sync.devices import (
    DeviceCertificate,
    DeviceRemoval,
    LinkAnswer,
    LinkOffer,
    check_link_answer,
    link_code,
    open_link_bundle,
    read_link_document,
)
from tests.data.make_device_vectors import identity

V1 = Path(__file__).resolve().parents[2] / "data" / "devices" / "v1"
MANIFEST = json.loads((V1 / "manifest.json").read_text())
NOW = datetime.strptime(MANIFEST["now"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
PERSON, DEVICE = identity(1), identity(2)


def offer() -> LinkOffer:
    read = read_link_document((V1 / "offer-ok.txt").read_text())
    assert isinstance(read, LinkOffer)
    return read


def by_kind(kind: str) -> list[dict[str, str]]:
    return [v for v in MANIFEST["vectors"] if v["kind"] == kind]


@pytest.mark.parametrize("vector", by_kind("certificate"), ids=lambda v: v["file"])
def test_certificate_vectors(vector):
    certificate = DeviceCertificate.from_json(json.loads((V1 / vector["file"]).read_text()))
    assert certificate.verifies_for(PERSON.public()) is (vector["expect"] == "ok")
    assert certificate.device == DEVICE.public()


def test_removal_vector():
    (vector,) = by_kind("removal")
    removal = DeviceRemoval.from_json(json.loads((V1 / vector["file"]).read_text()))
    assert removal.verifies_for(PERSON.public())
    assert removal.device_id == DEVICE.public().device_id
    assert removal.cutoffs == MANIFEST["cutoffs"]
    assert removal.issued == NOW


def test_offer_and_answer_vectors():
    read = offer()
    assert (read.person, read.name) == (PERSON.public(), MANIFEST["name"])
    answer = read_link_document((V1 / "answer-ok.txt").read_text())
    assert isinstance(answer, LinkAnswer)
    assert answer.device == DEVICE.public()
    check_link_answer(read, answer, NOW)
    with pytest.raises(errors.LinkExpired):
        check_link_answer(read, answer, datetime(2026, 11, 2, 10, 31, tzinfo=UTC))
    assert link_code(read.person, answer.device, read.secret) == MANIFEST["link_code"]


@pytest.mark.parametrize("vector", by_kind("bundle"), ids=lambda v: v["file"])
def test_bundle_vectors(vector):
    data = (V1 / vector["file"]).read_bytes()
    if vector["expect"] != "ok":
        with pytest.raises(getattr(errors, vector["expect"])):
            open_link_bundle(data, DEVICE, offer())
        return
    bundle = open_link_bundle(data, DEVICE, offer())
    assert bundle.identity.private_bytes() == PERSON.private_bytes()
    assert hashlib.sha256(bundle.payload).hexdigest() == MANIFEST["payload_sha256"]
    certificate = json.loads((V1 / "certificate-ok.json").read_text())
    assert bundle.certificate == DeviceCertificate.from_json(certificate)
    with pytest.raises(errors.LinkRefused):
        open_link_bundle(data, identity(3), offer())


PAIRS_V1 = V1.parent / "pairs-v1"
PAIRS_MANIFEST = json.loads((PAIRS_V1 / "manifest.json").read_text())


@pytest.mark.parametrize("vector", PAIRS_MANIFEST["vectors"], ids=lambda v: v["file"])
def test_pairs_file_vectors(vector):
    from mentorpair.sync.pairsfile import open_pairs_file

    data = (PAIRS_V1 / vector["file"]).read_bytes()
    opener = PERSON if vector["opened_by"] == "identity(1)" else DEVICE
    if vector["expect"] != "ok":
        with pytest.raises(getattr(errors, vector["expect"])):
            open_pairs_file(data, opener, PERSON.public())
        return
    opened = open_pairs_file(data, opener, PERSON.public())
    assert hashlib.sha256(opened.payload).hexdigest() == PAIRS_MANIFEST["payload_sha256"]
    if opener is PERSON:  # from the linked computer, which sends its certificate
        assert opened.certificate is not None
        assert opened.sender == DEVICE.public().device_id
        assert opened.certificate == DeviceCertificate.from_json(
            json.loads(PAIRS_MANIFEST["certificate"])
        )
    else:
        assert (opened.sender, opened.certificate) == (PERSON.public().device_id, None)
    with pytest.raises(errors.PairsFileRefused):  # no other computer opens it
        open_pairs_file(data, identity(3), PERSON.public())
