"""Keys derived from one root key, each bound to a purpose string (HKDF, RFC 5869).

One root key (the vault key) can serve several jobs without one job's key
telling anything about another's: the SQLCipher page key today; later, for
example, the keyed hash that lets the coordinator drop duplicate feedback.
"""

from __future__ import annotations

from enum import Enum

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from mentorpair.crypto.secret import SecretKey

__all__ = ["Purpose", "derive_subkey"]


class Purpose(Enum):
    """Every use of a derived key, with its HKDF ``info`` string.

    Strings are versioned and never reused: a new use gets a new member.
    """

    SQLCIPHER_PAGE_KEY = b"mentorpair/v1/vault/sqlcipher-page-key"
    #: The body key of one pair update, from that update's fresh file key.
    UPDATE_BODY_KEY = b"mentorpair/v1/sync/update-body-key"


def derive_subkey(root: SecretKey, purpose: Purpose, salt: bytes, length: int = 32) -> SecretKey:
    """Derive a key for one purpose from ``root``.

    Args:
        root: the key to derive from (at least 32 bytes).
        purpose: what the key is for; different purposes give unrelated keys.
        salt: a public, per-vault value (the vault id) so equal roots in
            different vaults still give different keys.
        length: key length in bytes.
    """
    if len(root) < 32:
        raise ValueError("root key must be at least 32 bytes")
    if not isinstance(purpose, Purpose):
        raise TypeError("purpose must be a Purpose")
    if not isinstance(salt, bytes) or len(salt) < 16:
        raise ValueError("salt must be at least 16 bytes")
    if not 16 <= length <= 64:
        raise ValueError("length must be between 16 and 64")
    hkdf = HKDF(algorithm=hashes.SHA256(), length=length, salt=salt, info=purpose.value)
    with root.view() as root_bytes:
        return SecretKey.filled_by(
            length, purpose.name.lower(), lambda buf: hkdf.derive_into(root_bytes, buf)
        )
