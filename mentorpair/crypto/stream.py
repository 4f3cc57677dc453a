"""Encrypting a long body in 64 KiB chunks: the STREAM construction, as in age.

Each chunk is sealed with ChaCha20-Poly1305 under one key; the nonce is an
11-byte chunk counter followed by a byte that is 1 only on the last chunk. So
chunks cannot be reordered, dropped or duplicated, and a body cut short at a
chunk boundary does not authenticate (its new last chunk lacks the flag).
The caller's associated data (the file's header) is bound to every chunk.

Sizes are checked before any decryption runs, and the caller states the
largest plaintext it accepts, so a huge or malformed file costs no work.
"""

from __future__ import annotations

from collections.abc import Callable

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

__all__ = ["CHUNK_SIZE", "StreamDamaged", "ciphertext_length", "decrypt", "encrypt"]

CHUNK_SIZE = 64 * 1024
TAG_LENGTH = 16
KEY_LENGTH = 32
_SEALED_CHUNK = CHUNK_SIZE + TAG_LENGTH
_COUNTER_LIMIT = 1 << 88

Progress = Callable[[int, int], None]


class StreamDamaged(Exception):
    """The body was cut short, reordered, altered, or made with another key."""


def _nonce(counter: int, last: bool) -> bytes:
    if counter >= _COUNTER_LIMIT:
        raise StreamDamaged("too many chunks")
    return counter.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def _check_key(key: bytes) -> ChaCha20Poly1305:
    if not isinstance(key, bytes) or len(key) != KEY_LENGTH:
        raise ValueError("key must be 32 bytes")
    return ChaCha20Poly1305(key)


def ciphertext_length(plaintext_length: int) -> int:
    """How long :func:`encrypt` makes a plaintext of this length."""
    chunks = max(1, -(-plaintext_length // CHUNK_SIZE))
    return plaintext_length + chunks * TAG_LENGTH


def encrypt(key: bytes, plaintext: bytes, aad: bytes, progress: Progress | None = None) -> bytes:
    """Seal ``plaintext`` chunk by chunk; ``aad`` is authenticated with every chunk.

    An empty plaintext is one empty, final chunk (so even it authenticates).
    """
    aead = _check_key(key)
    view = memoryview(plaintext)
    total = max(1, -(-len(view) // CHUNK_SIZE))
    out = bytearray()
    for index in range(total):
        chunk = bytes(view[index * CHUNK_SIZE : (index + 1) * CHUNK_SIZE])
        out += aead.encrypt(_nonce(index, index == total - 1), chunk, aad)
        if progress is not None:
            progress(index + 1, total)
    return bytes(out)


def decrypt(
    key: bytes,
    ciphertext: bytes,
    aad: bytes,
    *,
    max_plaintext: int,
    progress: Progress | None = None,
) -> bytes:
    """Open what :func:`encrypt` made.

    Args:
        key: the 32-byte body key.
        ciphertext: every chunk, back to back.
        aad: the same associated data as when sealing.
        max_plaintext: refuse (before decrypting anything) a body whose
            plaintext would be longer than this.
        progress: called with (chunks done, chunks in all).

    Raises:
        StreamDamaged: any chunk fails, the last one is not marked last, or
            the sizes are impossible.
    """
    aead = _check_key(key)
    length = len(ciphertext)
    total = max(1, -(-length // _SEALED_CHUNK))
    if length < TAG_LENGTH or length - total * TAG_LENGTH > max_plaintext:
        raise StreamDamaged("impossible size")
    last_size = length - (total - 1) * _SEALED_CHUNK
    if last_size < TAG_LENGTH or (total > 1 and last_size == TAG_LENGTH):
        # A final empty chunk is only valid for an empty body.
        raise StreamDamaged("impossible size")
    view = memoryview(ciphertext)
    out = bytearray()
    for index in range(total):
        sealed = bytes(view[index * _SEALED_CHUNK : (index + 1) * _SEALED_CHUNK])
        try:
            out += aead.decrypt(_nonce(index, index == total - 1), sealed, aad)
        except InvalidTag:
            raise StreamDamaged("chunk did not authenticate") from None
        if progress is not None:
            progress(index + 1, total)
    return bytes(out)
