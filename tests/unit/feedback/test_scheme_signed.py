"""Scheme files version 2: signed, pinned on first import, optionally naming a collector."""

from __future__ import annotations

import json
from base64 import b64encode
from dataclasses import replace

import pytest

from mentorpair.crypto.hybrid import HybridKeyPair
from mentorpair.crypto.signing import SigningKey
from mentorpair.feedback.keystore import SchemeKeyFile
from mentorpair.feedback.scheme import (
    Collector,
    InvalidScheme,
    SchemeReplacementRefused,
    check_replacement,
    new_scheme,
    parse_scheme,
)
from tests.unit.feedback.support import COORDINATOR_PASSPHRASE, PERIOD_H1, PERIOD_H2


def signed(keypair: HybridKeyPair, signer: SigningKey, **kw):
    return new_scheme(
        "North London", keypair.public_bytes(), [PERIOD_H1, PERIOD_H2], signer=signer, **kw
    )


@pytest.fixture(scope="module")
def signer() -> SigningKey:
    return SigningKey.generate()


def collector_of(name: str = "Freedom to Speak Up Guardian") -> Collector:
    return Collector(
        name, HybridKeyPair.generate().public_bytes(), SigningKey.generate().public_bytes()
    )


def test_signed_scheme_round_trips_with_collector_and_drop_folder(keypair, signer):
    scheme = signed(
        keypair, signer, collector=collector_of(), drop_folder=r"\\trust\mentoring\drop"
    )
    again = parse_scheme(scheme.to_json())
    assert again == scheme and again.version == 2
    assert json.loads(scheme.to_json())["collector"]["aggregation"] == {"mode": "batch"}


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.update(min_group=2),
        lambda d: d.update(
            coordinator_key=b64encode(HybridKeyPair.generate().public_bytes()).decode()
        ),
        lambda d: d.update(collector=None),
        lambda d: d.update(name="Another scheme"),
        lambda d: d["periods"].pop(),
    ],
)
def test_any_change_breaks_the_signature(keypair, signer, change):
    doc = json.loads(signed(keypair, signer, collector=collector_of()).to_json())
    change(doc)
    with pytest.raises(InvalidScheme):
        parse_scheme(json.dumps(doc))


def test_unknown_aggregation_mode_is_a_newer_version(keypair, signer):
    from mentorpair.errors import MadeByNewerVersion

    doc = json.loads(signed(keypair, signer, collector=collector_of()).to_json())
    doc["collector"]["aggregation"]["mode"] = "prio3"
    with pytest.raises(MadeByNewerVersion):
        parse_scheme(json.dumps(doc))


def test_collector_must_not_be_the_coordinator(keypair, signer):
    with pytest.raises(InvalidScheme, match="someone other"):
        signed(
            keypair,
            signer,
            collector=Collector("Me", keypair.public_bytes(), SigningKey.generate().public_bytes()),
        )


def test_key_code_of_a_signed_scheme_follows_the_signing_key(keypair, signer):
    a, b = signed(keypair, signer), signed(keypair, SigningKey.generate())
    assert a.key_code() != b.key_code() and len(a.key_code().replace("-", "")) == 20


def test_replacement_from_the_same_key_with_stronger_thresholds_is_accepted(keypair, signer):
    first = signed(keypair, signer)
    stronger = replace(first, min_group=first.min_group + 1)
    check_replacement(first, stronger)


def test_swapped_key_weaker_thresholds_or_dropped_collector_are_refused(keypair, signer):
    first = signed(keypair, signer, collector=collector_of())
    swapped = new_scheme(
        "North London",
        HybridKeyPair.generate().public_bytes(),
        [PERIOD_H1],
        signer=SigningKey.generate(),
        min_group=2,
        min_comments=2,
    )
    swapped = replace(swapped, scheme_id=first.scheme_id)
    with pytest.raises(SchemeReplacementRefused, match="different key"):
        check_replacement(first, swapped)
    with pytest.raises(SchemeReplacementRefused, match="smaller groups"):
        check_replacement(first, replace(first, min_group=2))
    with pytest.raises(SchemeReplacementRefused, match="collector"):
        check_replacement(first, replace(first, collector=None))
    with pytest.raises(SchemeReplacementRefused, match="collector"):
        check_replacement(first, replace(first, collector=collector_of()))


def test_version_1_may_move_to_signed_with_the_same_coordinator_key_but_not_back(keypair, signer):
    old = new_scheme("North London", keypair.public_bytes(), [PERIOD_H1])
    moved = replace(signed(keypair, signer), scheme_id=old.scheme_id)
    check_replacement(old, moved)
    with pytest.raises(SchemeReplacementRefused):
        check_replacement(moved, old)
    other = replace(
        new_scheme("North London", HybridKeyPair.generate().public_bytes(), [PERIOD_H1]),
        scheme_id=old.scheme_id,
    )
    with pytest.raises(SchemeReplacementRefused):
        check_replacement(old, other)


def test_version_1_key_files_still_open(keypair):
    key_file = SchemeKeyFile.seal(keypair, "0" * 32, COORDINATOR_PASSPHRASE)
    parsed = SchemeKeyFile.from_bytes(key_file.to_bytes())
    assert parsed.version == 1
    opened, signer = parsed.open_keys(COORDINATOR_PASSPHRASE)
    assert opened.public_bytes() == keypair.public_bytes() and signer is None


def test_version_2_key_files_hold_the_signing_key(keypair, signer):
    key_file = SchemeKeyFile.seal(keypair, "0" * 32, COORDINATOR_PASSPHRASE, signer)
    parsed = SchemeKeyFile.from_bytes(key_file.to_bytes())
    _, opened = parsed.open_keys(COORDINATOR_PASSPHRASE)
    assert parsed.version == 2 and opened is not None
    assert opened.public_bytes() == signer.public_bytes()
