"""A signing key that is not a person's: the scheme's and the collector's.

A scheme coordinator signs the scheme file, so a pair that imported it once
can refuse a swapped copy; a collector signs each batch it releases, so the
coordinator's report can refuse a file the collector never passed on. Both
are Ed25519 from the ``cryptography`` package, kept apart from a person's
identity (:mod:`mentorpair.crypto.identity`), which lives in a vault: neither
signer needs one.

Every signature covers a purpose string first, so a signature made for one
kind of document never verifies as another.
"""

from __future__ import annotations

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric import ed25519

__all__ = ["PRIVATE_LENGTH", "PUBLIC_LENGTH", "SIGNATURE_LENGTH", "SigningKey", "verify"]

PRIVATE_LENGTH = 32
PUBLIC_LENGTH = 32
SIGNATURE_LENGTH = 64


class SigningKey:
    """A private Ed25519 key that signs documents for one stated purpose at a time."""

    __slots__ = ("_key",)

    def __init__(self, key: ed25519.Ed25519PrivateKey) -> None:
        self._key = key

    @classmethod
    def generate(cls) -> SigningKey:
        """A fresh key from the operating system's CSPRNG."""
        return cls(ed25519.Ed25519PrivateKey.generate())

    @classmethod
    def from_private_bytes(cls, data: bytes) -> SigningKey:
        """Rebuild from :meth:`private_bytes`.

        Raises:
            ValueError: not 32 bytes.
        """
        if not isinstance(data, bytes) or len(data) != PRIVATE_LENGTH:
            raise ValueError("signing key has the wrong size")
        return cls(ed25519.Ed25519PrivateKey.from_private_bytes(data))

    def private_bytes(self) -> bytes:
        """The 32-byte private key: only for sealing it under a passphrase."""
        return self._key.private_bytes_raw()

    def public_bytes(self) -> bytes:
        """The 32-byte public key that :func:`verify` takes."""
        return self._key.public_key().public_bytes_raw()

    def sign(self, purpose: bytes, message: bytes) -> bytes:
        """A signature over ``purpose``, a zero byte, then ``message``."""
        _check_purpose(purpose)
        if not isinstance(message, bytes):
            raise TypeError("message must be bytes")
        return self._key.sign(purpose + b"\0" + message)

    def __repr__(self) -> str:
        return "<SigningKey (private key hidden)>"


def verify(public: bytes, purpose: bytes, message: bytes, signature: bytes) -> bool:
    """Whether ``signature`` was made by ``public``'s key over this purpose and message.

    Anything of the wrong type or size is simply not a valid signature.
    """
    _check_purpose(purpose)
    if not all(isinstance(v, bytes) for v in (public, message, signature)):
        return False
    if len(public) != PUBLIC_LENGTH or len(signature) != SIGNATURE_LENGTH:
        return False
    try:
        ed25519.Ed25519PublicKey.from_public_bytes(public).verify(
            signature, purpose + b"\0" + message
        )
    except (InvalidSignature, ValueError):
        return False
    return True


def _check_purpose(purpose: bytes) -> None:
    if not isinstance(purpose, bytes) or not purpose or b"\0" in purpose:
        raise ValueError("purpose must be non-empty bytes without a zero byte")
