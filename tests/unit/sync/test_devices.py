"""Linking a person's computers: certificates, removals, link documents, the link bundle.

The adversary's tests come first: every field altered, keys swapped, documents
answered or sealed by someone else, damaged or oversized input. Whatever comes
in, only a KnownError may come out.
"""

from __future__ import annotations

import base64
import contextlib
import json
import re
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mentorpair.crypto import hybrid
from mentorpair.crypto.digest import hmac_sha256, same_digest
from mentorpair.crypto.identity import Identity, PublicIdentity
from mentorpair.domain.canonical import canonical_json
from mentorpair.domain.profile import InvalidDisplayName
from mentorpair.errors import (
    DeviceRefused,
    KnownError,
    LinkExpired,
    LinkRefused,
    MadeByNewerVersion,
)
from mentorpair.sync import devices
from mentorpair.sync.armour import armour, unarmour
from mentorpair.sync.devices import (
    DeviceCertificate,
    DeviceRemoval,
    LinkAnswer,
    LinkOffer,
    certify,
    check_link_answer,
    link_code,
    make_link_answer,
    make_link_offer,
    open_link_bundle,
    read_link_document,
    remove_device,
    seal_link_bundle,
)

NOW = datetime(2026, 11, 2, 9, 30, 17, 123456, tzinfo=UTC)
PERSON = Identity.generate()
LAPTOP = Identity.generate()  # the person's new computer
THIEF = Identity.generate()  # someone who copied the offer
STRANGER = Identity.generate()  # another person altogether
PAIR_A, PAIR_B = "a1" * 16, "b2" * 16
PAYLOAD = b'{"vault": "everything the new computer needs"}'


def offer_and_answer() -> tuple[LinkOffer, LinkAnswer]:
    offer = make_link_offer(PERSON, "Amira Mentee", NOW)
    return offer, make_link_answer(offer, LAPTOP)


def decode(text: str) -> tuple[str, dict[str, Any]]:
    found = unarmour(text, ["LINK OFFER", "LINK ANSWER"])
    assert found is not None
    return found[0], found[1]


def encode(doc: Any, label: str) -> str:
    return armour(label, canonical_json(doc))


def resign(doc: dict[str, Any], signer: Identity, domain: bytes) -> dict[str, Any]:
    unsigned = {k: v for k, v in doc.items() if k != "sig"}
    sig = signer.sign(domain + canonical_json(unsigned))
    return {**unsigned, "sig": base64.b64encode(sig).decode()}


def keys(public: PublicIdentity) -> dict[str, str]:
    return devices._keys_json(public)


def other_b64(value: str) -> str:
    """The same length of base64, one bit of the first byte flipped."""
    raw = bytearray(base64.b64decode(value))
    raw[0] ^= 1
    return base64.b64encode(bytes(raw)).decode()


def altered(value: Any) -> Any:
    """A different value of the same shape."""
    if isinstance(value, dict):
        first = sorted(value)[0]
        return {**value, first: altered(value[first])}
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + 1
    if re.fullmatch(r"[0-9a-f]+", value):
        return ("0" if value[0] != "0" else "1") + value[1:]
    if re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:00Z", value):
        return value[:15] + str((int(value[15]) + 1) % 10) + value[16:]  # a minute later
    if re.fullmatch(r"[A-Za-z0-9+/]+=*", value) and len(value) >= 8:
        return other_b64(value)
    return value + "x"


# ------------------------------------------------------------------ certificates: adversary


@pytest.mark.parametrize("name", ["person", "device", "number", "issued", "sig"])
def test_every_certificate_field_altered_is_refused(name):
    doc = certify(PERSON, LAPTOP.public(), 1, NOW).to_json()
    doc[name] = altered(doc[name])
    try:
        certificate = DeviceCertificate.from_json(doc)
    except DeviceRefused:
        return
    assert not certificate.verifies_for(PERSON.public())


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("number", 0),
        ("number", 1001),
        ("number", True),
        ("number", "1"),
        ("number", 1.0),
        ("issued", "2026-11-02T09:30:17Z"),
        ("issued", "2026-11-02T09:30:00+00:00"),
        ("issued", "2026-13-02T09:30:00Z"),
        ("issued", None),
        ("sig", "AA=="),
        ("sig", base64.b64encode(b"\0" * 64).decode().rstrip("=")),
        ("sig", base64.b64encode(b"\0" * 64).decode()[:-3] + "B=="),  # unused bits set
        ("sig", " " + base64.b64encode(b"\0" * 64).decode()),
        ("person", {"signing": "AA=="}),
        ("device", None),
    ],
)
def test_certificate_fields_of_the_wrong_shape_are_refused(name, value):
    doc = certify(PERSON, LAPTOP.public(), 1, NOW).to_json()
    doc[name] = value
    with pytest.raises(DeviceRefused):
        DeviceCertificate.from_json(doc)


def test_certificate_with_a_missing_or_extra_field_is_refused():
    doc = certify(PERSON, LAPTOP.public(), 1, NOW).to_json()
    with pytest.raises(DeviceRefused):
        DeviceCertificate.from_json({k: v for k, v in doc.items() if k != "number"})
    with pytest.raises(DeviceRefused):
        DeviceCertificate.from_json({**doc, "note": "hello"})
    with pytest.raises(DeviceRefused):
        DeviceCertificate.from_json([doc])


def test_certificate_with_an_undecodable_kem_key_is_refused():
    doc = certify(PERSON, LAPTOP.public(), 1, NOW).to_json()
    doc["device"] = {**doc["device"], "kem": base64.b64encode(b"\xff" * 1184).decode()}
    with pytest.raises(DeviceRefused):
        DeviceCertificate.from_json(doc)


def test_certificate_by_another_identity_does_not_verify():
    theirs = certify(STRANGER, LAPTOP.public(), 1, NOW)
    assert theirs.verifies_for(STRANGER.public())
    assert not theirs.verifies_for(PERSON.public())
    # The stranger's signature under the person's keys: refused too.
    doc = theirs.to_json()
    doc["person"] = keys(PERSON.public())
    assert not DeviceCertificate.from_json(doc).verifies_for(PERSON.public())


def test_certificate_for_the_persons_own_keys_is_refused():
    with pytest.raises(ValueError, match="keys of its own"):
        certify(PERSON, PERSON.public(), 1, NOW)
    mixed = PublicIdentity(PERSON.public().signing, LAPTOP.public().agreement, LAPTOP.public().kem)
    with pytest.raises(ValueError, match="keys of its own"):
        certify(PERSON, mixed, 1, NOW)
    doc = resign(
        {**certify(PERSON, LAPTOP.public(), 1, NOW).to_json(), "device": keys(PERSON.public())},
        PERSON,
        devices._CERTIFICATE_DOMAIN,
    )
    with pytest.raises(DeviceRefused):
        DeviceCertificate.from_json(doc)
    minute = NOW.replace(second=0, microsecond=0)
    unsigned = DeviceCertificate(PERSON.public(), PERSON.public(), 1, minute, b"")
    forged = DeviceCertificate(
        PERSON.public(), PERSON.public(), 1, minute, PERSON.sign(unsigned._signed())
    )
    assert not forged.verifies_for(PERSON.public())


# ------------------------------------------------------------------ removals: adversary


def removal_doc() -> dict[str, Any]:
    return remove_device(PERSON, LAPTOP.public().device_id, {PAIR_A: 7, PAIR_B: 0}, NOW).to_json()


@pytest.mark.parametrize("name", ["person", "device_id", "cutoffs", "issued", "sig"])
def test_every_removal_field_altered_is_refused(name):
    doc = removal_doc()
    doc[name] = altered(doc[name])
    try:
        removal = DeviceRemoval.from_json(doc)
    except DeviceRefused:
        return
    assert not removal.verifies_for(PERSON.public())


@pytest.mark.parametrize(
    "cutoffs",
    [
        {PAIR_A: 8},  # a later cutoff
        {PAIR_A: 7},  # a pair left out
        {PAIR_A: 7, PAIR_B: 0, "c3" * 16: 5},  # a pair added
    ],
)
def test_removal_with_other_cutoffs_does_not_verify(cutoffs):
    doc = {**removal_doc(), "cutoffs": cutoffs}
    assert not DeviceRemoval.from_json(doc).verifies_for(PERSON.public())


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("cutoffs", {PAIR_A: -1}),
        ("cutoffs", {PAIR_A: 2**53}),
        ("cutoffs", {PAIR_A: True}),
        ("cutoffs", {PAIR_A: "7"}),
        ("cutoffs", {PAIR_A.upper(): 7}),
        ("cutoffs", {"a1": 7}),
        ("cutoffs", [[PAIR_A, 7]]),
        ("device_id", "A" * 32),
        ("device_id", "a" * 31),
        ("device_id", 12),
        ("issued", "2026-11-02T09:30"),
    ],
)
def test_removal_fields_of_the_wrong_shape_are_refused(name, value):
    doc = removal_doc()
    doc[name] = value
    with pytest.raises(DeviceRefused):
        DeviceRemoval.from_json(doc)


def test_removal_names_at_most_10000_pairs():
    many = {f"{n:032x}": n for n in range(devices.MAX_REMOVAL_PAIRS + 1)}
    with pytest.raises(ValueError, match="too many"):
        remove_device(PERSON, LAPTOP.public().device_id, many, NOW)
    doc = {**removal_doc(), "cutoffs": many}
    with pytest.raises(DeviceRefused):
        DeviceRemoval.from_json(doc)
    del many[f"{0:032x}"]
    removal = remove_device(PERSON, LAPTOP.public().device_id, many, NOW)
    assert DeviceRemoval.from_json(json.loads(json.dumps(removal.to_json()))) == removal


def test_removal_of_the_identitys_own_device_is_refused():
    own = PERSON.public().device_id
    with pytest.raises(DeviceRefused, match="first made on"):
        remove_device(PERSON, own, {}, NOW)
    doc = resign({**removal_doc(), "device_id": own}, PERSON, devices._REMOVAL_DOMAIN)
    with pytest.raises(DeviceRefused):
        DeviceRemoval.from_json(doc)
    unsigned = DeviceRemoval(PERSON.public(), own, {}, NOW.replace(second=0, microsecond=0), b"")
    forged = DeviceRemoval(
        unsigned.person, own, {}, unsigned.issued, PERSON.sign(unsigned._signed())
    )
    assert not forged.verifies_for(PERSON.public())


def test_removal_by_another_identity_does_not_verify():
    theirs = remove_device(STRANGER, LAPTOP.public().device_id, {PAIR_A: 1}, NOW)
    assert not theirs.verifies_for(PERSON.public())
    doc = {**theirs.to_json(), "person": keys(PERSON.public())}
    assert not DeviceRemoval.from_json(doc).verifies_for(PERSON.public())


# ------------------------------------------------------------------ link documents: adversary


OFFER_FIELDS = ["format", "version", "kind", "person", "name", "secret", "expires", "sig"]
ANSWER_FIELDS = ["format", "version", "kind", "device", "answers", "proof", "sig"]


@pytest.mark.parametrize("name", OFFER_FIELDS)
def test_every_offer_field_altered_is_refused(name):
    offer, _ = offer_and_answer()
    doc = offer.to_json()
    doc[name] = altered(doc[name]) if name != "version" else 0
    with pytest.raises(LinkRefused):
        read_link_document(encode(doc, "LINK OFFER"))


@pytest.mark.parametrize("name", ANSWER_FIELDS)
def test_every_answer_field_altered_is_refused(name):
    _, answer = offer_and_answer()
    doc = answer.to_json()
    doc[name] = altered(doc[name]) if name != "version" else 0
    with pytest.raises(LinkRefused):
        read_link_document(encode(doc, "LINK ANSWER"))


@pytest.mark.parametrize("name", ["answers", "proof"])
def test_answer_fields_altered_and_resigned_are_refused_by_the_offer(name):
    offer, answer = offer_and_answer()
    doc = answer.to_json()
    doc[name] = altered(doc[name])
    doc = resign(doc, LAPTOP, devices._ANSWER_DOMAIN)
    forged = read_link_document(encode(doc, "LINK ANSWER"))  # well signed by its keys …
    assert isinstance(forged, LinkAnswer)
    with pytest.raises(LinkRefused) as refused:  # … but not an answer to this offer
        check_link_answer(offer, forged, NOW)
    assert not isinstance(refused.value, LinkExpired)


def test_documents_under_the_wrong_label_or_not_canonical_are_refused():
    offer, answer = offer_and_answer()
    with pytest.raises(LinkRefused):
        read_link_document(encode(offer.to_json(), "LINK ANSWER"))
    with pytest.raises(LinkRefused):
        read_link_document(encode(answer.to_json(), "LINK OFFER"))
    spaced = json.dumps(offer.to_json(), sort_keys=True).encode()
    with pytest.raises(LinkRefused):
        read_link_document(armour("LINK OFFER", spaced))
    duplicated = canonical_json(offer.to_json())[:-1] + b',"name":"Eve"}'
    with pytest.raises(LinkRefused):
        read_link_document(armour("LINK OFFER", duplicated))


def test_newer_link_documents_ask_for_an_update():
    offer, _ = offer_and_answer()
    with pytest.raises(MadeByNewerVersion, match="newer version"):
        read_link_document(encode({**offer.to_json(), "version": 2}, "LINK OFFER"))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "No mentorpair link"),
        ("Hello, here is the link!", "No mentorpair link"),
        (
            "-----BEGIN MENTORPAIR LINK OFFER-----\n!!!\n-----END MENTORPAIR LINK OFFER-----",
            "not a",
        ),
        (
            "-----BEGIN MENTORPAIR LINK OFFER-----\nW10=\n-----END MENTORPAIR LINK OFFER-----",
            "not a",
        ),
        ("x" * (devices.MAX_DOCUMENT_CHARS + 1), "far too long"),
        (encode([[[[]]]] * 2, "LINK OFFER"), "not a"),
        (armour("LINK OFFER", b"[" * 100 + b"]" * 100), "not a"),
        (armour("LINK OFFER", b"\xff\xfe"), "not a"),
    ],
)
def test_garbage_documents_are_refused_plainly(text, message):
    with pytest.raises(LinkRefused, match=message):
        read_link_document(text)


def test_a_truncated_document_is_refused():
    offer, _ = offer_and_answer()
    lines = offer.armoured().splitlines()
    with pytest.raises(LinkRefused):
        read_link_document("\n".join(lines[:3] + lines[-1:]))
    with pytest.raises(LinkRefused, match="No mentorpair link"):
        read_link_document("\n".join(lines[:-1]))


def test_expired_offer_is_refused():
    offer, answer = offer_and_answer()
    assert offer.expires == datetime(2026, 11, 2, 10, 30, tzinfo=UTC)
    check_link_answer(offer, answer, offer.expires)  # the last moment still counts
    with pytest.raises(LinkExpired, match="expired: links last one hour"):
        check_link_answer(offer, answer, offer.expires + timedelta(seconds=1))
    with pytest.raises(LinkExpired):
        check_link_answer(offer, answer, NOW + timedelta(days=3))


def test_answer_made_with_the_wrong_secret_is_refused():
    offer, answer = offer_and_answer()
    wrong = LinkOffer(offer.person, offer.name, b"\x01" * 32, offer.expires, offer.sig)
    proof = devices._proof(wrong.secret, offer.digest, LAPTOP.public())
    unsigned = LinkAnswer(LAPTOP.public(), offer.digest, proof, b"")
    forged = LinkAnswer(LAPTOP.public(), offer.digest, proof, LAPTOP.sign(unsigned._signed()))
    with pytest.raises(LinkRefused) as refused:
        check_link_answer(offer, forged, NOW)
    assert not isinstance(refused.value, LinkExpired)
    check_link_answer(offer, answer, NOW)


def test_answer_to_another_offer_is_refused():
    offer, _ = offer_and_answer()
    older = make_link_offer(PERSON, "Amira Mentee", NOW - timedelta(minutes=5))
    with pytest.raises(LinkRefused, match="another link"):
        check_link_answer(offer, make_link_answer(older, LAPTOP), NOW)
    theirs = make_link_offer(STRANGER, "Amira Mentee", NOW)
    with pytest.raises(LinkRefused, match="another link"):
        check_link_answer(offer, make_link_answer(theirs, LAPTOP), NOW)


def test_answer_signed_by_a_key_other_than_its_own_is_refused():
    offer, answer = offer_and_answer()
    doc = resign(answer.to_json(), THIEF, devices._ANSWER_DOMAIN)
    with pytest.raises(LinkRefused):
        read_link_document(encode(doc, "LINK ANSWER"))
    forged = LinkAnswer(answer.device, answer.answers, answer.proof, THIEF.sign(answer._signed()))
    with pytest.raises(LinkRefused):
        check_link_answer(offer, forged, NOW)


def test_answer_carrying_the_persons_own_keys_is_refused():
    offer, _ = offer_and_answer()
    with pytest.raises(ValueError, match="keys of its own"):
        make_link_answer(offer, PERSON)
    proof = devices._proof(offer.secret, offer.digest, PERSON.public())
    unsigned = LinkAnswer(PERSON.public(), offer.digest, proof, b"")
    forged = LinkAnswer(PERSON.public(), offer.digest, proof, PERSON.sign(unsigned._signed()))
    with pytest.raises(LinkRefused):
        check_link_answer(offer, forged, NOW)


def test_an_offer_whose_signature_fails_is_not_answered():
    offer, _ = offer_and_answer()
    bad = LinkOffer(offer.person, "Someone Else", offer.secret, offer.expires, offer.sig)
    with pytest.raises(LinkRefused):
        make_link_answer(bad, LAPTOP)


def test_a_stolen_offer_is_answered_but_the_link_code_shows_it():
    offer = make_link_offer(PERSON, "Amira Mentee", NOW)
    stolen = read_link_document(offer.armoured())
    assert isinstance(stolen, LinkOffer)
    thiefs = read_link_document(make_link_answer(stolen, THIEF).armoured())
    assert isinstance(thiefs, LinkAnswer)
    check_link_answer(offer, thiefs, NOW)  # the documents alone cannot tell
    on_old_computer = link_code(offer.person, thiefs.device, offer.secret)
    on_new_computer = link_code(stolen.person, LAPTOP.public(), stolen.secret)
    assert on_old_computer != on_new_computer


# ------------------------------------------------------------------ bundles: adversary


def linked() -> tuple[LinkOffer, DeviceCertificate]:
    offer, answer = offer_and_answer()
    check_link_answer(offer, answer, NOW)
    return offer, certify(PERSON, answer.device, 1, NOW)


def seal_plain(plain: bytes, device: PublicIdentity, header: bytes | None = None) -> bytes:
    """Seal arbitrary bytes exactly as a bundle is sealed (header and info)."""
    header = header or devices._HEADER.pack(devices.MAGIC, 1, 0)
    return header + hybrid.seal(device.hybrid_public_bytes(), plain, devices._info(header, device))


def bundle_doc(
    identity: Identity, certificate: DeviceCertificate, secret: bytes, signer: Identity
) -> dict[str, Any]:
    signing, agreement, seed = identity.private_bytes()
    doc: dict[str, Any] = {
        "certificate": certificate.to_json(),
        "identity": {
            "signing": base64.b64encode(signing).decode(),
            "agreement": base64.b64encode(agreement).decode(),
            "kem_seed": base64.b64encode(seed).decode(),
        },
        "payload": base64.b64encode(PAYLOAD).decode(),
    }
    header = devices._HEADER.pack(devices.MAGIC, 1, 0)
    message = devices._BUNDLE_SIG_DOMAIN + header + secret + canonical_json(doc)
    doc["sig"] = base64.b64encode(signer.sign(message)).decode()
    return doc


def test_bundle_opened_by_another_device_is_refused():
    offer, certificate = linked()
    data = seal_link_bundle(PERSON, certificate, PAYLOAD, offer.secret)
    with pytest.raises(LinkRefused, match="another computer"):
        open_link_bundle(data, THIEF, offer)


def test_bundle_resealed_to_another_device_is_refused():
    offer, certificate = linked()
    plain = canonical_json(bundle_doc(PERSON, certificate, offer.secret, PERSON))
    with pytest.raises(LinkRefused, match="another computer"):
        open_link_bundle(seal_plain(plain, THIEF.public()), THIEF, offer)
    assert open_link_bundle(seal_plain(plain, LAPTOP.public()), LAPTOP, offer).payload == PAYLOAD


def test_bundle_from_another_link_is_refused():
    offer, certificate = linked()
    data = seal_link_bundle(PERSON, certificate, PAYLOAD, b"\x02" * 32)
    with pytest.raises(LinkRefused):
        open_link_bundle(data, LAPTOP, offer)


def test_bundle_whose_identity_differs_from_the_offer_is_refused():
    offer, _ = linked()
    theirs = certify(STRANGER, LAPTOP.public(), 1, NOW)
    data = seal_link_bundle(STRANGER, theirs, PAYLOAD, offer.secret)
    with pytest.raises(LinkRefused):
        open_link_bundle(data, LAPTOP, offer)
    # The person's certificate and signature, but the stranger's private keys.
    _, certificate = linked()
    doc = bundle_doc(STRANGER, certificate, offer.secret, PERSON)
    with pytest.raises(LinkRefused):
        open_link_bundle(seal_plain(canonical_json(doc), LAPTOP.public()), LAPTOP, offer)


def test_bundle_with_a_certificate_by_someone_else_is_refused():
    offer, _ = linked()
    theirs = certify(STRANGER, LAPTOP.public(), 1, NOW)
    doc = bundle_doc(PERSON, theirs, offer.secret, PERSON)
    with pytest.raises(LinkRefused):
        open_link_bundle(seal_plain(canonical_json(doc), LAPTOP.public()), LAPTOP, offer)


def test_bundle_signed_by_someone_else_is_refused():
    offer, certificate = linked()
    doc = bundle_doc(PERSON, certificate, offer.secret, STRANGER)
    with pytest.raises(LinkRefused):
        open_link_bundle(seal_plain(canonical_json(doc), LAPTOP.public()), LAPTOP, offer)


@pytest.mark.parametrize("name", ["certificate", "identity", "payload", "sig"])
def test_every_bundle_field_altered_is_refused(name):
    offer, certificate = linked()
    doc = bundle_doc(PERSON, certificate, offer.secret, PERSON)
    doc[name] = altered(doc[name])
    with pytest.raises(LinkRefused):
        open_link_bundle(seal_plain(canonical_json(doc), LAPTOP.public()), LAPTOP, offer)


def test_bundle_with_missing_extra_or_spaced_fields_is_refused():
    offer, certificate = linked()
    doc = bundle_doc(PERSON, certificate, offer.secret, PERSON)
    for bad in (
        canonical_json({k: v for k, v in doc.items() if k != "payload"}),
        canonical_json({**doc, "note": 1}),
        json.dumps(doc, sort_keys=True).encode(),
        canonical_json([doc]),
    ):
        with pytest.raises(LinkRefused):
            open_link_bundle(seal_plain(bad, LAPTOP.public()), LAPTOP, offer)


def test_damaged_bundles_are_refused():
    offer, certificate = linked()
    data = seal_link_bundle(PERSON, certificate, PAYLOAD, offer.secret)
    newer = devices._HEADER.pack(devices.MAGIC, 2, 0) + data[devices.HEADER_LENGTH :]
    flagged = devices._HEADER.pack(devices.MAGIC, 1, 1) + data[devices.HEADER_LENGTH :]
    older = devices._HEADER.pack(devices.MAGIC, 0, 0) + data[devices.HEADER_LENGTH :]
    with pytest.raises(MadeByNewerVersion, match="newer version"):
        open_link_bundle(newer, LAPTOP, offer)
    for bad in (
        b"",
        devices.MAGIC,
        data[:-1],
        data[: devices.HEADER_LENGTH + hybrid.OVERHEAD],
        b"X" + data[1:],
        flagged,
        older,
        data[:100] + bytes([data[100] ^ 1]) + data[101:],
        data[:-1] + bytes([data[-1] ^ 1]),
        data + b"\0",
        b"\0" * len(data),
    ):
        with pytest.raises(LinkRefused):
            open_link_bundle(bad, LAPTOP, offer)
    assert open_link_bundle(data, LAPTOP, offer).payload == PAYLOAD


def test_oversized_bundles_are_refused_before_any_work(monkeypatch):
    offer, certificate = linked()
    monkeypatch.setattr(devices, "MAX_BUNDLE_SIZE", 4096)
    with pytest.raises(LinkRefused, match="too much"):
        seal_link_bundle(PERSON, certificate, b"\0" * 4096, offer.secret)
    with pytest.raises(LinkRefused, match="too much"):
        seal_link_bundle(PERSON, certificate, b"\0" * 1000, offer.secret)  # with overhead
    with pytest.raises(LinkRefused, match="far too large"):
        open_link_bundle(b"\0" * 4097, LAPTOP, offer)


def test_sealing_refuses_a_certificate_of_another_identity():
    offer, _ = linked()
    theirs = certify(STRANGER, LAPTOP.public(), 1, NOW)
    with pytest.raises(ValueError, match="not this identity"):
        seal_link_bundle(PERSON, theirs, PAYLOAD, offer.secret)
    with pytest.raises(ValueError, match="32 bytes"):
        seal_link_bundle(PERSON, certify(PERSON, LAPTOP.public(), 1, NOW), PAYLOAD, b"short")


# ------------------------------------------------------------------ anything in, a known error out

JSONISH = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=40)
    | st.sampled_from(["AA==", "a1" * 16, "2026-11-02T09:30:00Z", "offer", "mentorpair-link"]),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=5)
    ),
    max_leaves=25,
)
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CERTIFICATE_JSON = certify(PERSON, LAPTOP.public(), 3, NOW).to_json()
REMOVAL_JSON = removal_doc()
OFFER_JSON, ANSWER_JSON = (d.to_json() for d in offer_and_answer())


def only_known_errors(call, *args) -> None:
    with contextlib.suppress(KnownError):
        call(*args)


def replaced(doc: dict[str, Any], data: st.DataObject) -> dict[str, Any]:
    key = data.draw(st.sampled_from([*sorted(doc), "extra"]))
    return {**doc, key: data.draw(JSONISH)}


@FUZZ
@given(value=JSONISH, data=st.data())
def test_from_json_lets_only_known_errors_out(value, data):
    for reader, good in (
        (DeviceCertificate.from_json, CERTIFICATE_JSON),
        (DeviceRemoval.from_json, REMOVAL_JSON),
    ):
        only_known_errors(reader, value)
        only_known_errors(reader, replaced(good, data))
        nested = data.draw(st.sampled_from(["person", "device", "cutoffs"]))
        if nested in good:
            inner = good[nested]
            only_known_errors(reader, {**good, nested: replaced(inner, data)})


@FUZZ
@given(value=JSONISH, text=st.text(max_size=200), data=st.data())
def test_read_link_document_lets_only_known_errors_out(value, text, data):
    for label in ("LINK OFFER", "LINK ANSWER"):
        only_known_errors(read_link_document, armour(label, json.dumps(value).encode()))
        for good in (OFFER_JSON, ANSWER_JSON):
            doc = replaced(good, data)
            only_known_errors(read_link_document, armour(label, json.dumps(doc).encode()))
            try:
                text_doc = encode(doc, label)
            except ValueError:  # not canonical-encodable (a float): the JSON case above covers it
                continue
            only_known_errors(read_link_document, text_doc)
    only_known_errors(read_link_document, text)
    only_known_errors(read_link_document, f"-----BEGIN MENTORPAIR LINK OFFER-----{text}")


@FUZZ
@given(data=st.binary(max_size=2000))
def test_open_link_bundle_lets_only_known_errors_out(data):
    offer, _ = offer_and_answer()
    only_known_errors(open_link_bundle, data, LAPTOP, offer)
    only_known_errors(
        open_link_bundle, devices._HEADER.pack(devices.MAGIC, 1, 0) + data, LAPTOP, offer
    )


@FUZZ
@given(value=JSONISH, data=st.data())
def test_sealed_garbage_lets_only_known_errors_out(value, data):
    offer, certificate = linked()
    plains = [json.dumps(value).encode()]
    good = bundle_doc(PERSON, certificate, offer.secret, PERSON)
    plains.append(json.dumps(replaced(good, data)).encode())
    plains.append(json.dumps({**good, "identity": replaced(good["identity"], data)}).encode())
    for plain in plains:
        with pytest.raises(KnownError):
            open_link_bundle(seal_plain(plain, LAPTOP.public()), LAPTOP, offer)


# ------------------------------------------------------------------ what works


def test_certificate_round_trip():
    certificate = certify(PERSON, LAPTOP.public(), 2, NOW)
    assert certificate.issued == datetime(2026, 11, 2, 9, 30, tzinfo=UTC)
    assert certificate.verifies_for(PERSON.public())
    doc = json.loads(json.dumps(certificate.to_json()))
    assert set(doc) == {"person", "device", "number", "issued", "sig"}
    assert doc["issued"] == "2026-11-02T09:30:00Z"
    again = DeviceCertificate.from_json(doc)
    assert again == certificate
    assert again.verifies_for(PERSON.public())
    assert "sig=" not in repr(again)


def test_times_are_utc_whole_minutes_whatever_the_zone():
    local = NOW.astimezone(timezone(timedelta(hours=5, minutes=30)))
    assert certify(PERSON, LAPTOP.public(), 1, local).issued == NOW.replace(second=0, microsecond=0)
    with pytest.raises(ValueError, match="timezone-aware"):
        certify(PERSON, LAPTOP.public(), 1, NOW.replace(tzinfo=None))
    with pytest.raises(ValueError, match="number"):
        certify(PERSON, LAPTOP.public(), 0, NOW)


def test_removal_round_trip():
    removal = remove_device(PERSON, LAPTOP.public().device_id, {PAIR_A: 7, PAIR_B: 0}, NOW)
    assert removal.verifies_for(PERSON.public())
    again = DeviceRemoval.from_json(json.loads(json.dumps(removal.to_json())))
    assert again == removal
    assert again.verifies_for(PERSON.public())
    assert again.cutoffs == {PAIR_A: 7, PAIR_B: 0}
    empty = remove_device(PERSON, LAPTOP.public().device_id, {}, NOW)
    assert DeviceRemoval.from_json(empty.to_json()).verifies_for(PERSON.public())


def test_link_offer_and_answer_round_trip_through_an_email():
    offer = make_link_offer(PERSON, "  Amira   Mentee ", NOW)
    assert offer.name == "Amira Mentee"
    assert offer.expires - NOW.replace(second=0, microsecond=0) == timedelta(hours=1)
    assert "secret" not in repr(offer)
    mail = "Here it is:\n\n" + "\n".join("> " + line for line in offer.armoured().splitlines())
    read = read_link_document(mail + "\nThanks!")
    assert read == offer
    assert isinstance(read, LinkOffer)
    answer = make_link_answer(read, LAPTOP)
    assert answer.answers == offer.digest
    back = read_link_document(answer.armoured())
    assert back == answer
    assert isinstance(back, LinkAnswer)
    check_link_answer(offer, back, NOW + timedelta(minutes=59))
    label, doc = decode(offer.armoured())
    assert label == "LINK OFFER"
    assert set(doc) == set(OFFER_FIELDS)
    assert decode(answer.armoured())[1].keys() == set(ANSWER_FIELDS)


def test_offer_refuses_a_bad_name():
    with pytest.raises(InvalidDisplayName):
        make_link_offer(PERSON, "   ", NOW)
    offer, _ = offer_and_answer()
    doc = resign({**offer.to_json(), "name": " Amira"}, PERSON, devices._OFFER_DOMAIN)
    with pytest.raises(LinkRefused):
        read_link_document(encode(doc, "LINK OFFER"))


def test_each_offer_has_a_fresh_secret():
    first, second = (make_link_offer(PERSON, "Amira", NOW) for _ in range(2))
    assert first.secret != second.secret
    assert len(first.secret) == 32
    assert first.digest != second.digest


def test_link_code_is_the_same_on_both_computers():
    offer = make_link_offer(PERSON, "Amira Mentee", NOW)
    on_new = read_link_document(offer.armoured())
    assert isinstance(on_new, LinkOffer)
    answer = read_link_document(make_link_answer(on_new, LAPTOP).armoured())
    assert isinstance(answer, LinkAnswer)
    old_code = link_code(offer.person, answer.device, offer.secret)
    new_code = link_code(on_new.person, LAPTOP.public(), on_new.secret)
    assert old_code == new_code
    assert re.fullmatch(r"\d{5} \d{5} \d{5} \d{5}", old_code)


def test_link_code_changes_with_every_input():
    person, device, secret = PERSON.public(), LAPTOP.public(), b"\x07" * 32
    code = link_code(person, device, secret)
    assert link_code(STRANGER.public(), device, secret) != code
    assert link_code(person, THIEF.public(), secret) != code
    assert link_code(person, device, b"\x08" + secret[1:]) != code
    assert link_code(device, person, secret) != code  # the roles are not interchangeable
    one_key = PublicIdentity(device.signing, THIEF.public().agreement, device.kem)
    assert link_code(person, one_key, secret) != code
    with pytest.raises(ValueError, match="32 bytes"):
        link_code(person, device, b"short")


def test_bundle_round_trip():
    offer = make_link_offer(PERSON, "Amira Mentee", NOW)
    on_new = read_link_document(offer.armoured())
    assert isinstance(on_new, LinkOffer)
    answer = read_link_document(make_link_answer(on_new, LAPTOP).armoured())
    assert isinstance(answer, LinkAnswer)
    check_link_answer(offer, answer, NOW)
    certificate = certify(PERSON, answer.device, 1, NOW)
    data = seal_link_bundle(PERSON, certificate, PAYLOAD, offer.secret)
    assert data[:8] == b"MPLINK\0\0"
    assert data[8:12] == b"\x00\x01\x00\x00"
    bundle = open_link_bundle(data, LAPTOP, on_new)
    assert bundle.certificate == certificate
    assert bundle.certificate.verifies_for(PERSON.public())
    assert bundle.identity.private_bytes() == PERSON.private_bytes()
    assert bundle.identity.public() == PERSON.public()
    assert bundle.payload == PAYLOAD
    assert "MPLINK" not in repr(bundle) and "vault" not in repr(bundle)
    empty = seal_link_bundle(PERSON, certificate, b"", offer.secret)
    assert open_link_bundle(empty, LAPTOP, on_new).payload == b""


def test_bundles_are_sealed_afresh_each_time():
    offer, certificate = linked()
    first = seal_link_bundle(PERSON, certificate, PAYLOAD, offer.secret)
    second = seal_link_bundle(PERSON, certificate, PAYLOAD, offer.secret)
    assert first != second
    assert PAYLOAD not in first


def test_hmac_sha256_matches_rfc_4231():
    # RFC 4231, test case 2; the proof's MAC is this primitive.
    mac = hmac_sha256(b"Jefe", b"what do ya ", b"want for nothing?")
    assert mac.hex() == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
    assert same_digest(mac, bytes(mac))
    assert not same_digest(mac, mac[:-1] + bytes([mac[-1] ^ 1]))
    with pytest.raises(ValueError, match="non-empty"):
        hmac_sha256(b"", b"data")
