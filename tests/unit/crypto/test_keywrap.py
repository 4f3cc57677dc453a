"""Key wrapping: the vault key sealed under the passphrase's key, context bound."""

from __future__ import annotations

import itertools

import pytest

from mentorpair.crypto import keywrap
from mentorpair.crypto.keywrap import (
    NONCE_LENGTH,
    UnwrapFailed,
    WrappedKey,
    new_key,
    unwrap_key,
    wrap_key,
)
from mentorpair.crypto.secret import SecretKey

KEY = bytes(range(32))
KEK = bytes(range(32, 64))
NONCE = bytes(range(12))
CONTEXT = b"mentorpair test context"
#: ChaCha20-Poly1305(KEK, NONCE, KEY, aad=CONTEXT), pinned: a change here would
#: make every existing key file unreadable.
VECTOR = (
    "d03bcb3ca52d48d1d203b1e7b1a5995af1a0466a61bb386a2e12d189a2c4ea15"
    "f0df0b1d173ae88228ef712ed484f689"
)


def secret(data: bytes) -> SecretKey:
    return SecretKey(data, "test")


def flip(data: bytes, index: int = 0) -> bytes:
    changed = bytearray(data)
    changed[index] ^= 0x01
    return bytes(changed)


@pytest.fixture
def fixed_nonce(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Make wrap_key use NONCE; return the lengths it asked for."""
    asked: list[int] = []

    def fake_random_bytes(length: int) -> bytes:
        asked.append(length)
        return NONCE

    # keywrap imported random_bytes by name, so patch it where it is used.
    monkeypatch.setattr(keywrap, "random_bytes", fake_random_bytes)
    return asked


def test_known_answer_with_fixed_nonce(fixed_nonce):
    wrapped = wrap_key(secret(KEY), secret(KEK), CONTEXT)
    assert fixed_nonce == [NONCE_LENGTH]
    assert wrapped.nonce == NONCE
    assert wrapped.ciphertext.hex() == VECTOR
    assert (
        unwrap_key(WrappedKey(NONCE, bytes.fromhex(VECTOR)), secret(KEK), CONTEXT, "k").reveal()
        == KEY
    )


def test_round_trip_with_random_keys():
    key, kek = new_key("vault key"), new_key("kek")
    opened = unwrap_key(wrap_key(key, kek, CONTEXT), kek, CONTEXT, "vault key")
    assert opened.reveal() == key.reveal()
    assert opened.purpose == "vault key"


def test_every_wrap_uses_a_fresh_nonce():
    key, kek = secret(KEY), secret(KEK)
    wraps = [wrap_key(key, kek, CONTEXT) for _ in range(20)]
    assert len({w.nonce for w in wraps}) == 20
    assert len({w.ciphertext for w in wraps}) == 20
    assert all(len(w.nonce) == NONCE_LENGTH for w in wraps)


def test_nonce_comes_from_the_random_source(monkeypatch: pytest.MonkeyPatch):
    counter = itertools.count()
    monkeypatch.setattr(keywrap, "random_bytes", lambda n: next(counter).to_bytes(n, "big"))
    first = wrap_key(secret(KEY), secret(KEK), CONTEXT)
    second = wrap_key(secret(KEY), secret(KEK), CONTEXT)
    assert first.nonce == (0).to_bytes(12, "big")
    assert second.nonce == (1).to_bytes(12, "big")
    assert first.ciphertext != second.ciphertext


@pytest.fixture
def wrapped() -> WrappedKey:
    return wrap_key(secret(KEY), secret(KEK), CONTEXT)


def test_wrong_kek_fails(wrapped):
    with pytest.raises(UnwrapFailed):
        unwrap_key(wrapped, secret(flip(KEK)), CONTEXT, "k")


@pytest.mark.parametrize(
    "context", [b"", CONTEXT + b" ", flip(CONTEXT), flip(CONTEXT, -1), CONTEXT[:-1]]
)
def test_altered_context_fails(wrapped, context):
    with pytest.raises(UnwrapFailed):
        unwrap_key(wrapped, secret(KEK), context, "k")


@pytest.mark.parametrize("index", [0, 5, NONCE_LENGTH - 1])
def test_altered_nonce_fails(wrapped, index):
    with pytest.raises(UnwrapFailed):
        unwrap_key(
            WrappedKey(flip(wrapped.nonce, index), wrapped.ciphertext), secret(KEK), CONTEXT, "k"
        )


@pytest.mark.parametrize("index", [0, 16, 31, 32, 47])
def test_altered_ciphertext_or_tag_fails(wrapped, index):
    altered = WrappedKey(wrapped.nonce, flip(wrapped.ciphertext, index))
    with pytest.raises(UnwrapFailed):
        unwrap_key(altered, secret(KEK), CONTEXT, "k")


@pytest.mark.parametrize(
    "altered",
    [
        lambda w: WrappedKey(w.nonce[:-1], w.ciphertext),
        lambda w: WrappedKey(w.nonce + b"\0", w.ciphertext),
        lambda w: WrappedKey(w.nonce, w.ciphertext[:-1]),
        lambda w: WrappedKey(w.nonce, w.ciphertext + b"\0"),
        lambda w: WrappedKey(b"", b""),
    ],
)
def test_wrong_sizes_fail_as_unwrap_failures(wrapped, altered):
    with pytest.raises(UnwrapFailed, match="wrong size"):
        unwrap_key(altered(wrapped), secret(KEK), CONTEXT, "k")


def test_refuses_keys_of_the_wrong_size():
    with pytest.raises(ValueError, match="32 bytes"):
        wrap_key(secret(bytes(16)), secret(KEK), CONTEXT)
    with pytest.raises(ValueError, match="32 bytes"):
        wrap_key(secret(KEY), secret(bytes(31)), CONTEXT)
    with pytest.raises(ValueError, match="32 bytes"):
        unwrap_key(WrappedKey(NONCE, bytes(48)), secret(bytes(64)), CONTEXT, "k")


def test_refuses_text_context():
    with pytest.raises(TypeError, match="bytes"):
        wrap_key(secret(KEY), secret(KEK), "context")  # type: ignore[arg-type]


def test_new_keys_are_random_and_labelled():
    a, b = new_key("vault key"), new_key("vault key")
    assert len(a) == 32
    assert a.reveal() != b.reveal()
    assert a.purpose == "vault key"
