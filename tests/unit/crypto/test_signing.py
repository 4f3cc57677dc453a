"""The scheme's and the collector's signing keys."""

from __future__ import annotations

import pytest

from mentorpair.crypto.signing import SigningKey, verify


def test_sign_and_verify_round_trip() -> None:
    key = SigningKey.generate()
    signature = key.sign(b"mentorpair/v2/scheme", b"document")
    assert verify(key.public_bytes(), b"mentorpair/v2/scheme", b"document", signature)


def test_other_purpose_message_or_key_fails() -> None:
    key, other = SigningKey.generate(), SigningKey.generate()
    signature = key.sign(b"mentorpair/v2/scheme", b"document")
    assert not verify(key.public_bytes(), b"mentorpair/v1/batch", b"document", signature)
    assert not verify(key.public_bytes(), b"mentorpair/v2/scheme", b"documenT", signature)
    assert not verify(other.public_bytes(), b"mentorpair/v2/scheme", b"document", signature)
    assert not verify(key.public_bytes()[:31], b"mentorpair/v2/scheme", b"document", signature)
    assert not verify(key.public_bytes(), b"mentorpair/v2/scheme", b"document", signature[:63])


def test_private_bytes_round_trip_and_repr_hides_key() -> None:
    key = SigningKey.generate()
    again = SigningKey.from_private_bytes(key.private_bytes())
    assert again.public_bytes() == key.public_bytes()
    assert key.private_bytes().hex() not in repr(key)
    with pytest.raises(ValueError, match="wrong size"):
        SigningKey.from_private_bytes(b"short")


def test_purpose_must_not_contain_the_separator() -> None:
    with pytest.raises(ValueError, match="purpose"):
        SigningKey.generate().sign(b"a\0b", b"x")
