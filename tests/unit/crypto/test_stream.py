"""The STREAM body cipher: chunks cannot be cut, reordered, swapped or grown."""

from __future__ import annotations

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mentorpair.crypto.stream import (
    CHUNK_SIZE,
    StreamDamaged,
    ciphertext_length,
    decrypt,
    encrypt,
)

KEY = os.urandom(32)
SEALED = CHUNK_SIZE + 16


@pytest.mark.parametrize(
    "length", [0, 1, CHUNK_SIZE - 1, CHUNK_SIZE, CHUNK_SIZE + 1, 3 * CHUNK_SIZE]
)
def test_round_trip_at_chunk_edges(length):
    plain = os.urandom(length)
    sealed = encrypt(KEY, plain, b"header")
    assert len(sealed) == ciphertext_length(length)
    assert decrypt(KEY, sealed, b"header", max_plaintext=length) == plain


def test_cut_at_a_chunk_boundary_is_detected():
    sealed = encrypt(KEY, os.urandom(3 * CHUNK_SIZE), b"h")
    with pytest.raises(StreamDamaged):
        decrypt(KEY, sealed[: 2 * SEALED], b"h", max_plaintext=10**7)


def test_swapped_chunks_other_header_or_key_are_detected():
    sealed = encrypt(KEY, os.urandom(3 * CHUNK_SIZE), b"h")
    swapped = sealed[SEALED : 2 * SEALED] + sealed[:SEALED] + sealed[2 * SEALED :]
    for data, header, key in (
        (swapped, b"h", KEY),
        (sealed, b"H", KEY),
        (sealed, b"h", os.urandom(32)),
    ):
        with pytest.raises(StreamDamaged):
            decrypt(key, data, header, max_plaintext=10**7)


def test_size_limit_is_checked_before_any_decryption(monkeypatch):
    sealed = encrypt(KEY, os.urandom(1000), b"h")
    with pytest.raises(StreamDamaged, match="size"):
        decrypt(KEY, sealed, b"h", max_plaintext=999)
    with pytest.raises(StreamDamaged, match="size"):
        decrypt(KEY, b"", b"h", max_plaintext=10)


def test_progress_reports_every_chunk():
    seen: list[tuple[int, int]] = []
    sealed = encrypt(
        KEY, os.urandom(2 * CHUNK_SIZE + 5), b"h", progress=lambda d, t: seen.append((d, t))
    )
    assert seen == [(1, 3), (2, 3), (3, 3)]
    seen.clear()
    decrypt(KEY, sealed, b"h", max_plaintext=10**6, progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (3, 3)


@settings(max_examples=40)
@given(st.binary(max_size=200), st.data())
def test_any_flipped_byte_is_detected(plain, data):
    sealed = encrypt(KEY, plain, b"h")
    position = data.draw(st.integers(0, len(sealed) - 1))
    damaged = bytearray(sealed)
    damaged[position] ^= 0x80
    with pytest.raises(StreamDamaged):
        decrypt(KEY, bytes(damaged), b"h", max_plaintext=1000)
