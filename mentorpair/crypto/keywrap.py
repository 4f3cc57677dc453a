"""Seal a key under another key, binding public context that must not change.

Used for the vault key under the passphrase's key-encryption key. The
associated data carries the header's other fields (format, version, vault id,
KDF parameters), so changing any of them makes the unwrap fail exactly as a
wrong passphrase does: nothing in the header can be swapped without notice.
"""

from __future__ import annotations

from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from mentorpair.crypto.random import random_bytes
from mentorpair.crypto.secret import SecretKey

__all__ = ["NONCE_LENGTH", "UnwrapFailed", "WrappedKey", "new_key", "unwrap_key", "wrap_key"]

NONCE_LENGTH = 12
TAG_LENGTH = 16
KEY_LENGTH = 32


class UnwrapFailed(Exception):
    """Wrong wrapping key, or the wrapped key or its context was altered.

    The two cannot be told apart (that is the point of an AEAD); the caller
    decides which message fits.
    """


@dataclass(frozen=True, slots=True)
class WrappedKey:
    """A sealed 256-bit key.

    Attributes:
        nonce: 12 random bytes, fresh for every wrap.
        ciphertext: the sealed key and its 16-byte tag.
    """

    nonce: bytes
    ciphertext: bytes


def wrap_key(key: SecretKey, kek: SecretKey, context: bytes) -> WrappedKey:
    """Seal ``key`` under ``kek``; ``context`` is authenticated, not secret."""
    if len(key) != KEY_LENGTH or len(kek) != KEY_LENGTH:
        raise ValueError("keys must be 32 bytes")
    if not isinstance(context, bytes):
        raise TypeError("context must be bytes")
    nonce = random_bytes(NONCE_LENGTH)
    with kek.view() as kek_bytes, key.view() as key_bytes:
        sealed = ChaCha20Poly1305(kek_bytes).encrypt(nonce, key_bytes, context)
    return WrappedKey(nonce=nonce, ciphertext=sealed)


def unwrap_key(wrapped: WrappedKey, kek: SecretKey, context: bytes, purpose: str) -> SecretKey:
    """Open a sealed key.

    Raises:
        UnwrapFailed: wrong ``kek``, or any byte of the nonce, ciphertext or
            context differs from when it was wrapped.
    """
    if len(kek) != KEY_LENGTH:
        raise ValueError("kek must be 32 bytes")
    if len(wrapped.nonce) != NONCE_LENGTH or len(wrapped.ciphertext) != KEY_LENGTH + TAG_LENGTH:
        raise UnwrapFailed("wrapped key has the wrong size")
    with kek.view() as kek_bytes:
        aead = ChaCha20Poly1305(kek_bytes)

    def open_into(buf: bytearray) -> None:
        aead.decrypt_into(wrapped.nonce, wrapped.ciphertext, context, buf)

    try:
        return SecretKey.filled_by(KEY_LENGTH, purpose, open_into)
    except InvalidTag:
        raise UnwrapFailed("wrapped key did not authenticate") from None


def new_key(purpose: str) -> SecretKey:
    """A fresh random 256-bit key."""
    return SecretKey(random_bytes(KEY_LENGTH), purpose)
