"""Seal short secrets of any length under a key, and keyed hashes for tokens.

:mod:`mentorpair.crypto.keywrap` wraps exactly 32-byte keys. The scheme
coordinator's private key is 96 bytes (a hybrid ML-KEM seed plus an X25519
key), so it needs the same construction for arbitrary bytes:
ChaCha20-Poly1305 with a fresh random nonce and public context bound as
associated data, so the file's other fields cannot be swapped unnoticed.

:func:`keyed_token` is HMAC-SHA256. It gives the feedback token: the same
person and period always give the same token, which the coordinator cannot
invert without the person's random key.
"""

from __future__ import annotations

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, hmac
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from mentorpair.crypto.keywrap import NONCE_LENGTH, TAG_LENGTH, UnwrapFailed, WrappedKey
from mentorpair.crypto.random import random_bytes
from mentorpair.crypto.secret import SecretKey

__all__ = ["MAX_SEALED_LENGTH", "keyed_token", "open_bytes", "seal_bytes"]

KEY_LENGTH = 32
#: Secrets sealed here are small keys; a cap keeps a damaged file from asking for much.
MAX_SEALED_LENGTH = 4096


def seal_bytes(data: bytes, kek: SecretKey, context: bytes) -> WrappedKey:
    """Seal ``data`` under ``kek``; ``context`` is authenticated, not secret."""
    if not isinstance(data, bytes) or not 0 < len(data) <= MAX_SEALED_LENGTH:
        raise ValueError("data must be 1 to 4096 bytes")
    if len(kek) != KEY_LENGTH:
        raise ValueError("kek must be 32 bytes")
    if not isinstance(context, bytes):
        raise TypeError("context must be bytes")
    nonce = random_bytes(NONCE_LENGTH)
    with kek.view() as kek_bytes:
        return WrappedKey(
            nonce=nonce, ciphertext=ChaCha20Poly1305(kek_bytes).encrypt(nonce, data, context)
        )


def open_bytes(sealed: WrappedKey, kek: SecretKey, context: bytes, expected_length: int) -> bytes:
    """Open what :func:`seal_bytes` made, refusing any other length first.

    Raises:
        UnwrapFailed: wrong ``kek``, a wrong size, or any byte of the nonce,
            ciphertext or context differs from when it was sealed.
    """
    if len(kek) != KEY_LENGTH:
        raise ValueError("kek must be 32 bytes")
    if len(sealed.nonce) != NONCE_LENGTH or len(sealed.ciphertext) != expected_length + TAG_LENGTH:
        raise UnwrapFailed("sealed data has the wrong size")
    try:
        with kek.view() as kek_bytes:
            return ChaCha20Poly1305(kek_bytes).decrypt(sealed.nonce, sealed.ciphertext, context)
    except InvalidTag:
        raise UnwrapFailed("sealed data did not authenticate") from None


def keyed_token(key: SecretKey, message: bytes) -> bytes:
    """HMAC-SHA256 of ``message`` under ``key`` (32 bytes).

    Without the key the token says nothing about the message, and tokens of
    two keys cannot be linked.
    """
    if len(key) < KEY_LENGTH:
        raise ValueError("token key must be at least 32 bytes")
    if not isinstance(message, bytes):
        raise TypeError("message must be bytes")
    with key.view() as key_bytes:
        mac = hmac.HMAC(key_bytes, hashes.SHA256())
    mac.update(message)
    return mac.finalize()
