"""Sealing to a public key: only the key's holder opens it, for the purpose it was sealed."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mentorpair.crypto.hybrid import (
    OVERHEAD,
    PRIVATE_LENGTH,
    PUBLIC_LENGTH,
    HybridKeyPair,
    OpenFailed,
    open_sealed,
    seal,
)

KEY = HybridKeyPair.generate()


def test_round_trip_and_sizes():
    sealed = seal(KEY.public_bytes(), b"feedback", b"purpose")
    assert len(sealed) == len(b"feedback") + OVERHEAD
    assert open_sealed(KEY, sealed, b"purpose") == b"feedback"
    assert len(KEY.public_bytes()) == PUBLIC_LENGTH
    assert len(KEY.private_bytes()) == PRIVATE_LENGTH


def test_every_seal_is_fresh_so_nothing_links_two_messages():
    a = seal(KEY.public_bytes(), b"same", b"p")
    b = seal(KEY.public_bytes(), b"same", b"p")
    assert a != b
    assert a[:64] != b[:64]  # a fresh ephemeral key each time


def test_another_key_or_another_purpose_does_not_open():
    sealed = seal(KEY.public_bytes(), b"x", b"pair A")
    with pytest.raises(OpenFailed):
        open_sealed(HybridKeyPair.generate(), sealed, b"pair A")
    with pytest.raises(OpenFailed):
        open_sealed(KEY, sealed, b"pair B")
    with pytest.raises(OpenFailed):
        open_sealed(KEY, sealed[:100], b"pair A")


@settings(max_examples=40)
@given(st.data())
def test_any_flipped_byte_does_not_open(data):
    sealed = seal(KEY.public_bytes(), b"the answers", b"p")
    position = data.draw(st.integers(0, len(sealed) - 1))
    damaged = bytearray(sealed)
    damaged[position] ^= data.draw(st.integers(1, 255))
    with pytest.raises(OpenFailed):
        open_sealed(KEY, bytes(damaged), b"p")


def test_private_key_round_trip_and_bad_sizes():
    again = HybridKeyPair.from_private_bytes(KEY.private_bytes())
    assert again.public_bytes() == KEY.public_bytes()
    assert "hidden" in repr(again)
    with pytest.raises(ValueError, match="size"):
        HybridKeyPair.from_private_bytes(b"short")
    with pytest.raises(ValueError, match="size"):
        seal(b"short", b"x", b"p")
