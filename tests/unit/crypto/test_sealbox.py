"""Sealing bytes of any length (the scheme key) and keyed tokens (feedback)."""

from __future__ import annotations

import pytest

from mentorpair.crypto import sealbox
from mentorpair.crypto.keywrap import NONCE_LENGTH, UnwrapFailed, WrappedKey, new_key
from mentorpair.crypto.sealbox import keyed_token, open_bytes, seal_bytes
from mentorpair.crypto.secret import SecretKey

DATA = bytes(range(96))
KEK = bytes(range(32, 64))
NONCE = bytes(range(12))
CONTEXT = b"mentorpair test context"
#: ChaCha20-Poly1305(KEK, NONCE, DATA, aad=CONTEXT), pinned so key files stay readable.
VECTOR = (
    "d03bcb3ca52d48d1d203b1e7b1a5995af1a0466a61bb386a2e12d189a2c4ea15"
    "e9e4272b0868e6b95b9dfa135a77dba64bbc83e266273d5e74ae3bf3924425f0"
    "9126db46d64b9aefe52f31b87b2977061cf2e067125f79479729a566d46351ee"
    "0d4122b55f639e62c75c77e8818544e6"
)


def secret(data: bytes) -> SecretKey:
    return SecretKey(data, "test")


def flip(data: bytes, index: int = 0) -> bytes:
    changed = bytearray(data)
    changed[index] ^= 0x01
    return bytes(changed)


def test_known_answer_with_fixed_nonce(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(sealbox, "random_bytes", lambda n: NONCE[:n])
    sealed = seal_bytes(DATA, secret(KEK), CONTEXT)
    assert sealed.nonce == NONCE
    assert sealed.ciphertext.hex() == VECTOR
    assert open_bytes(sealed, secret(KEK), CONTEXT, len(DATA)) == DATA


def test_round_trip_and_fresh_nonces():
    kek = new_key("kek")
    seals = [seal_bytes(DATA, kek, CONTEXT) for _ in range(10)]
    assert len({s.nonce for s in seals}) == 10
    assert all(open_bytes(s, kek, CONTEXT, 96) == DATA for s in seals)


@pytest.fixture
def sealed() -> WrappedKey:
    return seal_bytes(DATA, secret(KEK), CONTEXT)


def test_wrong_kek_fails(sealed):
    with pytest.raises(UnwrapFailed):
        open_bytes(sealed, secret(flip(KEK)), CONTEXT, 96)


@pytest.mark.parametrize("context", [b"", CONTEXT + b" ", flip(CONTEXT, -1)])
def test_altered_context_fails(sealed, context):
    with pytest.raises(UnwrapFailed):
        open_bytes(sealed, secret(KEK), context, 96)


@pytest.mark.parametrize("index", [0, 50, 95, 96, 111])
def test_altered_ciphertext_fails(sealed, index):
    with pytest.raises(UnwrapFailed):
        open_bytes(
            WrappedKey(sealed.nonce, flip(sealed.ciphertext, index)), secret(KEK), CONTEXT, 96
        )


def test_altered_nonce_fails(sealed):
    with pytest.raises(UnwrapFailed):
        open_bytes(WrappedKey(flip(sealed.nonce), sealed.ciphertext), secret(KEK), CONTEXT, 96)


@pytest.mark.parametrize(
    "altered",
    [
        lambda s: WrappedKey(s.nonce[:-1], s.ciphertext),
        lambda s: WrappedKey(s.nonce, s.ciphertext[:-1]),
        lambda s: WrappedKey(s.nonce, s.ciphertext + b"\0"),
    ],
)
def test_wrong_sizes_are_refused_before_decrypting(sealed, altered):
    with pytest.raises(UnwrapFailed, match="wrong size"):
        open_bytes(altered(sealed), secret(KEK), CONTEXT, 96)
    assert len(sealed.nonce) == NONCE_LENGTH


def test_refuses_bad_inputs():
    with pytest.raises(ValueError, match="1 to 4096"):
        seal_bytes(b"", secret(KEK), CONTEXT)
    with pytest.raises(ValueError, match="1 to 4096"):
        seal_bytes(bytes(4097), secret(KEK), CONTEXT)
    with pytest.raises(ValueError, match="32 bytes"):
        seal_bytes(DATA, secret(bytes(16)), CONTEXT)
    with pytest.raises(TypeError, match="bytes"):
        seal_bytes(DATA, secret(KEK), "context")  # type: ignore[arg-type]


def test_keyed_token_matches_rfc_4231_case_6():
    key = secret(b"\xaa" * 131)
    message = b"Test Using Larger Than Block-Size Key - Hash Key First"
    assert (
        keyed_token(key, message).hex()
        == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
    )


def test_keyed_tokens_depend_on_key_and_message():
    a, b = new_key("a"), new_key("b")
    assert keyed_token(a, b"x") == keyed_token(a, b"x")
    assert keyed_token(a, b"x") != keyed_token(a, b"y")
    assert keyed_token(a, b"x") != keyed_token(b, b"x")
    with pytest.raises(ValueError, match="32 bytes"):
        keyed_token(secret(bytes(16)), b"x")
