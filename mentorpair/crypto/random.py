"""The single source of randomness for keys, salts and nonces.

Every salt, nonce, id and symmetric key we make comes through
:func:`random_bytes`, so tests can swap it for a deterministic source and check
known answers (magic-wormhole's approach), and a review has one place to read.
Asymmetric key pairs come from the ``cryptography`` package's own generators.
"""

from __future__ import annotations

import secrets

__all__ = ["random_bytes"]


def random_bytes(length: int) -> bytes:
    """Return ``length`` bytes from the operating system's CSPRNG."""
    if not isinstance(length, int) or length <= 0:
        raise ValueError("length must be a positive int")
    return secrets.token_bytes(length)
