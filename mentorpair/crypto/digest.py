"""The one hash function for content: SHA-256 (hash chains, file names)."""

from __future__ import annotations

import hashlib

__all__ = ["DIGEST_LENGTH", "sha256"]

DIGEST_LENGTH = 32


def sha256(*parts: bytes) -> bytes:
    """SHA-256 over the concatenated parts; callers use fixed-length or tagged parts."""
    h = hashlib.sha256()
    for part in parts:
        h.update(part)
    return h.digest()
